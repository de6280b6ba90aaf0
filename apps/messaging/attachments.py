"""Attachments of messages: documents and images people send each other in a thread, checked by
``documents.files`` (their content decides, not the name or the declared type) and limited in number."""

import os
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from apps.documents.files import check_file


@dataclass(frozen=True)
class Checked:
    name: str
    content_type: str


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
        kind = check_file(uploaded, field="attachments", max_bytes=settings.MESSAGING_ATTACHMENT_MAX_BYTES, named=True)
        stem = os.path.splitext(name)[0] or "plik"
        checked.append(Checked(name=f"{stem}{kind.extension}", content_type=kind.content_type))
    return checked
