from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image

from .models import FundingMark, ImageType, OrganiserIdentity


def png_bytes(width: int = 120, height: int = 40, fmt: str = "PNG") -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (width, height), (0, 51, 153)).save(buffer, format=fmt)
    return buffer.getvalue()


def funding_mark(edition, alt_text: str = "Fundusze Europejskie dla Rozwoju Społecznego") -> FundingMark:
    mark = FundingMark(edition=edition, content_type=ImageType.PNG, alt_text=alt_text)
    mark.image.save("znak.png", ContentFile(png_bytes()), save=True)
    return mark


def identity_with_logo(organisation, **values) -> OrganiserIdentity:
    identity = OrganiserIdentity(organisation=organisation, logo_type=ImageType.PNG, **values)
    identity.logo.save("logo.png", ContentFile(png_bytes(80, 80)), save=True)
    return identity
