"""Attachments of messages: documents and images people send each other in a thread, recognised by their content
(not by the name or the type the browser declares) and limited in size and number."""

import os
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.documents.uploads import human_size

# Office documents are ZIP archives: the first entry that names its part tells which one.
_ZIPPED = (
    ("word/", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("xl/", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("ppt/", ".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
)
_OPEN_DOCUMENT = {
    b"application/vnd.oasis.opendocument.text": ".odt",
    b"application/vnd.oasis.opendocument.spreadsheet": ".ods",
}
_MAGIC = (
    (b"%PDF-", ".pdf", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", ".png", "image/png"),
    (b"\xff\xd8\xff", ".jpg", "image/jpeg"),
)


@dataclass(frozen=True)
class Checked:
    name: str
    content_type: str


def _office(uploaded) -> tuple[str, str] | None:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
            if "mimetype" in names and (mime := archive.read("mimetype").strip()) in _OPEN_DOCUMENT:
                return _OPEN_DOCUMENT[mime], mime.decode()
            for prefix, extension, content_type in _ZIPPED:
                if "[Content_Types].xml" in names and any(n.startswith(prefix) for n in names):
                    return extension, content_type
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        uploaded.seek(0)
    return None


def kind_of(uploaded) -> tuple[str, str] | None:
    """(extension, content type) of an allowed file, by its first bytes; None for anything else."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    for magic, extension, content_type in _MAGIC:
        if head.startswith(magic):
            return extension, content_type
    return _office(uploaded) if head.startswith(b"PK\x03\x04") else None


def check_attachments(files) -> list[Checked]:
    """Every file checked, or one ValidationError for the ``attachments`` field with a Polish message."""
    limit = settings.MESSAGING_ATTACHMENTS_PER_MESSAGE
    if len(files) > limit:
        raise ValidationError(
            {
                "attachments": ngettext(
                    "Do jednej wiadomości można dołączyć najwyżej %(limit)d plik.",
                    "Do jednej wiadomości można dołączyć najwyżej %(limit)d pliki.",
                    limit,
                )
                % {"limit": limit}
            }
        )
    checked = []
    for uploaded in files:
        name = os.path.basename(uploaded.name or "") or "plik"
        if not uploaded.size:
            raise ValidationError({"attachments": _("Plik %(name)s jest pusty.") % {"name": name}})
        if uploaded.size > settings.MESSAGING_ATTACHMENT_MAX_BYTES:
            raise ValidationError(
                {
                    "attachments": _(
                        "Plik %(name)s jest za duży (%(size)s). Największy dopuszczalny rozmiar to %(limit)s."
                    )
                    % {
                        "name": name,
                        "size": human_size(uploaded.size),
                        "limit": human_size(settings.MESSAGING_ATTACHMENT_MAX_BYTES),
                    }
                }
            )
        kind = kind_of(uploaded)
        if kind is None:
            raise ValidationError(
                {
                    "attachments": _(
                        "Pliku %(name)s nie można dołączyć. Dołącz dokument PDF, zdjęcie (JPG, PNG) albo dokument "
                        "biurowy (Word, Excel, PowerPoint, OpenDocument)."
                    )
                    % {"name": name}
                }
            )
        extension, content_type = kind
        stem = os.path.splitext(name)[0] or "plik"
        checked.append(Checked(name=f"{stem}{extension}", content_type=content_type))
    return checked
