"""Checks of a summary's files: model documents are PDFs (``apps.documents.uploads``), photos PNG or JPEG
recognised by their content (the one image check, ``documents.files.check_image``); both within a size limit.
A refusal is a ``ValidationError`` next to the field."""

import os
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError

from apps.core.text import ascii_slug
from apps.documents.files import check_image
from apps.documents.uploads import validate_pdf_upload


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
    kind = check_image(upload, field="upload", max_bytes=photo_limit())
    return Checked(_safe_name(upload, kind.extension), kind.content_type)
