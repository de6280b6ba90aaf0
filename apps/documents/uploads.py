"""Checking an uploaded PDF before it is stored: size, name, declared type, actual content, and that it parses.

The browser's declared content type is only one of the checks: a file whose bytes do not start with ``%PDF-`` is
refused whatever it claims to be, and so is a "PDF" that cannot be parsed.
"""

import os
import warnings
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

PDF_MAGIC = b"%PDF-"
# application/octet-stream is what some systems send when they do not know a file's type: it declares nothing,
# so the content decides. Any other declared type that is not PDF is refused.
ACCEPTED_CONTENT_TYPES = {"application/pdf", "application/x-pdf", "application/acrobat", "application/octet-stream"}


class UploadRejected(ValidationError):
    """A ``ValidationError``, so forms show it next to the field; ``code`` tells tests and callers why."""


def human_size(size: int) -> str:
    """ "10 MB", "2,5 MB", "900 kB": the unit people read limits in."""
    if size >= 1024 * 1024:
        value = round(size / (1024 * 1024), 1)
        return f"{number_format(value, decimal_pos=0 if value == int(value) else 1)} MB"
    return f"{number_format(max(1, round(size / 1024)))} kB"


def _read_all(uploaded_file) -> bytes:
    uploaded_file.seek(0)
    data = uploaded_file.read()
    uploaded_file.seek(0)
    return data


def check_pdf_bytes(data: bytes) -> None:
    """Refuse bytes that are not a readable PDF (shared by uploads and the signature check)."""
    if not data.startswith(PDF_MAGIC):
        raise UploadRejected(
            _("Plik nie jest dokumentem PDF (jego zawartość nie zaczyna się od nagłówka PDF)."), code="not_pdf"
        )
    from pypdf import PdfReader

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # arbitrary uploads are full of oddities pypdf warns about
            reader = PdfReader(BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise UploadRejected(
                    _("Plik PDF jest zabezpieczony hasłem. Prześlij plik bez hasła."), code="encrypted"
                )
            if len(reader.pages) == 0:
                raise ValueError("no pages")
    except UploadRejected:
        raise
    except Exception as error:  # pypdf raises many kinds of errors on damaged files; all mean the same here
        raise UploadRejected(
            _("Nie udało się odczytać pliku PDF: plik jest uszkodzony lub niekompletny."), code="unreadable"
        ) from error


def validate_pdf_upload(uploaded_file, *, max_bytes: int | None = None) -> None:
    """Raise ``UploadRejected`` (with a Polish message) unless ``uploaded_file`` is a readable PDF within the limit."""
    limit = max_bytes if max_bytes is not None else settings.DOCUMENTS_MAX_UPLOAD_BYTES
    size = uploaded_file.size
    if not size:
        raise UploadRejected(_("Przesłany plik jest pusty."), code="empty")
    if size > limit:
        raise UploadRejected(
            _("Plik jest za duży (%(size)s). Największy dopuszczalny rozmiar to %(limit)s.")
            % {"size": human_size(size), "limit": human_size(limit)},
            code="too_large",
        )
    name = os.path.basename(uploaded_file.name or "")
    if os.path.splitext(name)[1].lower() != ".pdf":
        raise UploadRejected(_("Plik musi być dokumentem PDF z rozszerzeniem .pdf."), code="extension")
    declared = (getattr(uploaded_file, "content_type", None) or "").split(";")[0].strip().lower()
    if declared and declared not in ACCEPTED_CONTENT_TYPES:
        raise UploadRejected(
            _("Plik nie jest dokumentem PDF (przeglądarka podała typ %(type)s).") % {"type": declared},
            code="content_type",
        )
    check_pdf_bytes(_read_all(uploaded_file))
