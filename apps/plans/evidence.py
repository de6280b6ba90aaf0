"""Evidence files: PDF, images and office documents, recognised by their content (not by what the browser says)
and limited in size (the check is ``documents.files``, shared by every app that takes attachments)."""

from django.conf import settings

from apps.documents.files import FileKind, check_file, detect

__all__ = ["FileKind", "detect", "max_bytes", "validate_evidence_file"]


def max_bytes() -> int:
    return settings.PLAN_EVIDENCE_MAX_BYTES


def validate_evidence_file(uploaded) -> FileKind:
    """The file's kind, or ValidationError (for the ``file`` field) with a Polish message."""
    return check_file(uploaded, field="file", max_bytes=max_bytes())
