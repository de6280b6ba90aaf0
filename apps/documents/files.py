"""What an uploaded attachment is, from its content (not its name or the type the browser declares), and the one
check of an attachment every app uses (HDR evidence, message attachments, visit materials, event files): not empty,
within the size limit, one of the kinds people exchange (PDF, images, office documents). PDFs that must parse and
be signed have their own, stricter check in ``uploads.py``."""

import os
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .uploads import human_size


@dataclass(frozen=True)
class FileKind:
    extension: str
    content_type: str

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


PDF = FileKind(".pdf", "application/pdf")
PNG = FileKind(".png", "image/png")
JPEG = FileKind(".jpg", "image/jpeg")
WEBP = FileKind(".webp", "image/webp")

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

DOCUMENTS_AND_IMAGES = _(
    "Dołącz dokument PDF, zdjęcie (JPG, PNG, WebP) albo dokument biurowy (Word, Excel, PowerPoint, OpenDocument)."
)


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
    """The kind of an allowed file, by its first bytes; None for anything else."""
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(uploaded)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # the old binary Office formats
        extension = os.path.splitext(uploaded.name or "")[1].lower()
        return FileKind(extension, _OLE_EXTENSIONS[extension]) if extension in _OLE_EXTENSIONS else None
    return None


def check_file(uploaded, *, field: str, max_bytes: int, images_only: bool = False, named: bool = False) -> FileKind:
    """The file's kind, or a ``ValidationError`` for ``field`` with a Polish message (``named``: the message names
    the file, for a field that takes several)."""
    name = os.path.basename(uploaded.name or "") or _("plik")
    prefix = _("Plik %(name)s: ") % {"name": name} if named else ""
    if not uploaded.size:
        raise ValidationError({field: prefix + _("Przesłany plik jest pusty.")})
    if uploaded.size > max_bytes:
        raise ValidationError(
            {
                field: prefix
                + _("Plik jest za duży (%(size)s). Największy dopuszczalny rozmiar to %(limit)s.")
                % {"size": human_size(uploaded.size), "limit": human_size(max_bytes)}
            }
        )
    kind = detect(uploaded)
    if images_only and (kind is None or not kind.is_image):
        raise ValidationError({field: prefix + _("To nie jest zdjęcie. Dołącz plik JPG, PNG albo WebP.")})
    if kind is None:
        raise ValidationError(
            {field: prefix + _("Tego rodzaju pliku nie można dołączyć.") + " " + DOCUMENTS_AND_IMAGES}
        )
    return kind


def check_image(uploaded, *, field: str, max_bytes: int, max_side: int | None = None) -> FileKind:
    """A PNG or JPEG that really decodes (logos, funding marks, summary photos: shown to the public and put into
    PDFs, so SVG and WebP are refused); its kind, or a ``ValidationError`` for ``field``."""
    from PIL import Image, UnidentifiedImageError

    not_an_image = _("To nie jest obraz PNG ani JPEG. Prześlij plik PNG albo JPEG (SVG nie jest przyjmowany).")
    if not uploaded.size:
        raise ValidationError({field: _("Przesłany plik jest pusty.")})
    if uploaded.size > max_bytes:
        raise ValidationError(
            {
                field: _("Obraz jest za duży (%(size)s): może mieć najwyżej %(limit)s.")
                % {"size": human_size(uploaded.size), "limit": human_size(max_bytes)}
            }
        )
    try:
        uploaded.seek(0)
        with Image.open(uploaded) as image:
            image.verify()
            found, (width, height) = image.format, image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError({field: not_an_image}) from None
    finally:
        uploaded.seek(0)
    kinds = {"PNG": PNG, "JPEG": JPEG}
    if found not in kinds:  # an image, of another format (GIF, WebP, TIFF...)
        raise ValidationError({field: _("Przyjmujemy tylko obrazy PNG i JPEG (SVG nie jest przyjmowany).")})
    if max_side and (width > max_side or height > max_side):
        raise ValidationError(
            {field: _("Obraz jest za duży: najwyżej %(side)s × %(side)s pikseli.") % {"side": max_side}}
        )
    return kinds[found]
