"""Checks of an uploaded logo or funding mark: PNG or JPEG by its content (not its name), small, sane size."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from .models import ImageType

MAX_BYTES = 1024 * 1024
MAX_SIDE = 4000
FORMATS = {"PNG": ImageType.PNG, "JPEG": ImageType.JPEG}


def check_image(upload) -> str:
    """The upload's content type; ``ValidationError`` for anything but a PNG or JPEG within the limits."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("Plik jest za duży: obraz może mieć najwyżej 1 MB."))
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.verify()
            kind, (width, height) = image.format, image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("To nie jest obraz PNG ani JPEG. Prześlij plik PNG albo JPEG (SVG nie jest przyjmowany).")
        ) from None
    finally:
        upload.seek(0)
    if kind not in FORMATS:
        raise ValidationError(_("Przyjmujemy tylko obrazy PNG i JPEG (SVG nie jest przyjmowany)."))
    if width > MAX_SIDE or height > MAX_SIDE:
        raise ValidationError(_("Obraz jest za duży: najwyżej 4000 × 4000 pikseli."))
    return FORMATS[kind]
