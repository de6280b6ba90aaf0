"""Evidence files: PDF, images and office documents, recognised by their content (not by what the browser says)
and limited in size. Anything else is refused with a message next to the field."""

import os
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FileKind:
    extension: str
    content_type: str


_ZIP_OFFICE = {
    "word/": FileKind(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xl/": FileKind(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ppt/": FileKind(".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}
_OPEN_DOCUMENT = {
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.oasis.opendocument.presentation": ".odp",
}
_OLE_EXTENSIONS = {
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint",
}


def max_bytes() -> int:
    return settings.PLAN_EVIDENCE_MAX_BYTES


def _zip_kind(uploaded) -> FileKind | None:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                if mimetype in _OPEN_DOCUMENT:
                    return FileKind(_OPEN_DOCUMENT[mimetype], mimetype)
            if "[Content_Types].xml" in names:
                for prefix, kind in _ZIP_OFFICE.items():
                    if any(name.startswith(prefix) for name in names):
                        return kind
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        uploaded.seek(0)
    return None


def detect(uploaded) -> FileKind | None:
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return FileKind(".pdf", "application/pdf")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileKind(".png", "image/png")
    if head.startswith(b"\xff\xd8\xff"):
        return FileKind(".jpg", "image/jpeg")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return FileKind(".webp", "image/webp")
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(uploaded)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # the old binary Office formats
        extension = os.path.splitext(uploaded.name or "")[1].lower()
        return FileKind(extension, _OLE_EXTENSIONS[extension]) if extension in _OLE_EXTENSIONS else None
    return None


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    return number_format(round(value, 1), decimal_pos=0 if value == int(value) else 1)


def validate_evidence_file(uploaded) -> FileKind:
    """The file's kind, or ValidationError (for the ``file`` field) with a Polish message."""
    if not uploaded.size:
        raise ValidationError({"file": _("Przesłany plik jest pusty.")})
    if uploaded.size > max_bytes():
        raise ValidationError(
            {
                "file": _("Plik jest za duży (%(size)s MB). Największy dopuszczalny rozmiar to %(limit)s MB.")
                % {"size": _megabytes(uploaded.size), "limit": _megabytes(max_bytes())}
            }
        )
    kind = detect(uploaded)
    if kind is None:
        raise ValidationError(
            {
                "file": _(
                    "Tego rodzaju pliku nie można dołączyć. Dołącz dokument PDF, zdjęcie (JPG, PNG, WebP) "
                    "albo dokument biurowy (Word, Excel, PowerPoint, OpenDocument)."
                )
            }
        )
    return kind
