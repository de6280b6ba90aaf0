"""Checks of a summary's files: model documents are PDFs (``apps.documents.uploads``), photos PNG or JPEG
recognised by their content; both within a size limit. A refusal is a ``ValidationError`` next to the field."""

import os
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from apps.core.text import ascii_slug
from apps.documents.uploads import human_size, validate_pdf_upload

PHOTO_TYPES = {"PNG": ("image/png", ".png"), "JPEG": ("image/jpeg", ".jpg")}


@dataclass(frozen=True)
class Checked:
    name: str
    content_type: str


def _safe_name(upload, extension: str) -> str:
    stem = os.path.splitext(os.path.basename(upload.name or ""))[0]
    return (ascii_slug(stem, fallback="plik", max_length=80) or "plik") + extension


def photo_limit() -> int:
    return getattr(settings, "SUMMARY_PHOTO_MAX_BYTES", 5 * 1024 * 1024)


def check_file(upload) -> Checked:
    try:
        validate_pdf_upload(upload)
    except ValidationError as error:
        raise ValidationError({"upload": error.messages}) from error
    return Checked(_safe_name(upload, ".pdf"), "application/pdf")


def check_photo(upload) -> Checked:
    from PIL import Image, UnidentifiedImageError

    limit = photo_limit()
    if not upload.size:
        raise ValidationError({"upload": _("Przesłany plik jest pusty.")})
    if upload.size > limit:
        raise ValidationError(
            {
                "upload": _("Zdjęcie jest za duże (%(size)s). Najwyżej %(limit)s.")
                % {"size": human_size(upload.size), "limit": human_size(limit)}
            }
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.verify()
            found = image.format
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        found = None
    finally:
        upload.seek(0)
    if found not in PHOTO_TYPES:
        raise ValidationError({"upload": _("Zdjęcie musi być plikiem PNG albo JPEG.")})
    content_type, extension = PHOTO_TYPES[found]
    return Checked(_safe_name(upload, extension), content_type)
