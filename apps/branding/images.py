"""Checks of an uploaded logo or funding mark: the platform's one image check (``documents.files.check_image``)
with the public face's limits: small and of a sane size, since they go into every page and PDF of an edition."""

from apps.documents.files import check_image as check_uploaded_image

from .models import ImageType

MAX_BYTES = 1024 * 1024
MAX_SIDE = 4000


def check_image(upload, *, field: str = "image") -> str:
    """The upload's content type; ``ValidationError`` for anything but a PNG or JPEG within the limits."""
    kind = check_uploaded_image(upload, field=field, max_bytes=MAX_BYTES, max_side=MAX_SIDE)
    return ImageType(kind.content_type)
