"""The call's settings and attachments."""

import os

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.audit.services import diff, record, snapshot
from apps.core.locking import StaleEdit
from apps.documents.uploads import validate_pdf_upload
from apps.editions.models import Edition

from ..models import Call, CallAttachment
from ..texts import unknown_placeholders
from .common import CALL_FIELDS, _call_of


@transaction.atomic
def update_call(*, edition: Edition, by: User, expected_version: int | None, **values) -> Call:
    unknown = set(values) - set(CALL_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    _call_of(edition)
    call = Call.objects.select_for_update().get(edition=edition)
    if expected_version is not None and call.version != expected_version:
        raise StaleEdit(call)
    errors = {}
    for name in ["card_text", "declaration_text", "statements_text"]:
        if name in values and (bad := unknown_placeholders(values[name])):
            errors[name] = _("Nieznane pola do wstawienia: %(names)s. Dostępne są tylko pola z listy.") % {
                "names": ", ".join("{" + b + "}" for b in bad)
            }
    if errors:
        raise ValidationError(errors)
    before = snapshot(call, CALL_FIELDS)
    for name, value in values.items():
        setattr(call, name, value.strip() if isinstance(value, str) else value)
    call.version += 1
    call.save()
    changes = diff(before, snapshot(call, CALL_FIELDS))
    if changes:
        # Long template texts are recorded as "changed", not copied into the history twice.
        for name in ["card_text", "declaration_text", "statements_text"]:
            if name in changes:
                changes[name] = _("zmieniono treść")
        record(actor=by, action="recruitment.call_updated", target=edition, changes=changes)
    return call


@transaction.atomic
def add_attachment(*, edition: Edition, title: str, uploaded_file, by: User) -> CallAttachment:
    validate_pdf_upload(uploaded_file)
    uploaded_file.seek(0)
    data = uploaded_file.read()
    attachment = CallAttachment(
        edition=edition,
        title=title.strip(),
        filename=os.path.basename(uploaded_file.name or "zalacznik.pdf")[:255],
        size=len(data),
        uploaded_by=by,
    )
    attachment.file.save(f"zalacznik-{timezone.now():%Y%m%d-%H%M%S}.pdf", ContentFile(data), save=False)
    attachment.save()
    record(actor=by, action="recruitment.attachment_added", target=edition, changes={"title": attachment.title})
    return attachment


@transaction.atomic
def remove_attachment(*, attachment: CallAttachment, by: User) -> None:
    record(
        actor=by,
        action="recruitment.attachment_removed",
        target=attachment.edition,
        changes={"title": attachment.title},
    )
    attachment.file.delete(save=False)
    attachment.delete()
