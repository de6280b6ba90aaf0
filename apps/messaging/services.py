"""Every write of a message thread: posting (with attachments and a quoted message), editing within the time
limit, deleting, read markers, the notification preference and the daily digest.

Nothing here writes a message's content into the audit history or the engagement's timeline, which the
organiser's staff read: entries name the message by its number only."""

from datetime import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.audit.services import record
from apps.core.links import per_object_url
from apps.core.mail import send_templated_email
from apps.engagements.access import engagement_access
from apps.engagements.models import Engagement
from apps.territory.names import fold

from . import selectors
from .attachments import check_attachments
from .models import Attachment, Delivery, Message, NotificationPreference, ReadMarker

Mode = NotificationPreference.Mode
# When the daily digest goes out (Europe/Warsaw); the scheduled job in hooks.py runs at this time.
DIGEST_AT = time(17, 0)


def _label(user) -> str:
    return user.full_name or user.email


def _thread_url(engagement_id: int) -> str:
    return settings.SITE_URL + per_object_url("messaging:thread")(engagement_id)


def _clean_body(body: str, files) -> str:
    body = (body or "").strip()
    if not body and not files:
        raise ValidationError({"body": _("Napisz treść wiadomości albo dołącz plik.")})
    return body


def post_message(*, engagement: Engagement, by, body: str, attachments=(), quoted: Message | None = None) -> Message:
    """A new message in the engagement's thread; the other participants are told by e-mail now or in their
    daily digest, as each of them chose."""
    files = list(attachments or [])
    body = _clean_body(body, files)
    checked = check_attachments(files)
    if quoted is not None and (quoted.engagement_id != engagement.pk or quoted.is_deleted):
        raise ValidationError(_("Cytowanej wiadomości nie ma już w wątku."))
    with transaction.atomic():
        message = Message.objects.create(
            engagement=engagement,
            author=by,
            author_label=_label(by),
            body=body,
            search_text=fold(body),
            quoted=quoted,
        )
        for uploaded, kind in zip(files, checked, strict=True):
            attachment = Attachment(
                message=message, original_name=kind.name, content_type=kind.content_type, size=uploaded.size
            )
            attachment.file.save(kind.name, uploaded, save=True)
        # The author has read their own message (and everything before it they saw when writing it).
        _move_marker(engagement=engagement, user=by, up_to=message.pk)
        record(
            actor=by,
            action="messaging.message_posted",
            target=message,
            changes={"attachments": len(files)},
            edition=engagement.edition_id,
            engagement=engagement.pk,
        )
        _notify(message, engagement)
    return message


def _notify(message: Message, engagement: Engagement) -> None:
    recipients = [u for u in selectors.participants(engagement) if u.pk != message.author_id]
    modes = selectors.notification_modes(recipients)
    now = timezone.now()
    Delivery.objects.bulk_create(
        [
            Delivery(
                message=message,
                recipient=user,
                mode=modes[user.pk],
                sent_at=now if modes[user.pk] == Mode.EACH else None,
            )
            for user in recipients
        ]
    )
    instant = [u.email for u in recipients if modes[u.pk] == Mode.EACH]
    if instant:
        send_templated_email(
            to=instant,
            template="messaging/email/new_message",
            context={
                "message": message,
                "jst": engagement.local_government.display_name,
                "attachments": [a.original_name for a in message.attachments.all()],
                "url": _thread_url(engagement.pk) + f"#wiadomosc-{message.pk}",
            },
        )


def _locked(message: Message) -> Message:
    return Message.objects.select_for_update().select_related("engagement").get(pk=message.pk)


def _check_author(message: Message, by) -> None:
    if message.author_id != by.pk:
        raise ValidationError(_("Zmienić lub usunąć wiadomość może tylko jej autor."))


def edit_message(*, message: Message, by, body: str) -> Message:
    """Change the text of one's own message, within ``MESSAGING_EDIT_MINUTES`` of sending it (checked on the
    locked row at the moment of saving, so a save a second too late is refused, not half-done)."""
    with transaction.atomic():
        current = _locked(message)
        _check_author(current, by)
        if current.is_deleted:
            raise ValidationError(_("Ta wiadomość została usunięta."))
        if not current.may_still_edit():
            raise ValidationError(
                _(
                    "Wiadomości nie można już zmienić: minęło %(minutes)d minut od jej wysłania. "
                    "Napisz nową wiadomość z poprawką."
                )
                % {"minutes": settings.MESSAGING_EDIT_MINUTES}
            )
        body = (body or "").strip()
        if not body and not current.attachments.exists():
            raise ValidationError({"body": _("Napisz treść wiadomości.")})
        current.body, current.search_text, current.edited_at = body, fold(body), timezone.now()
        current.save(update_fields=["body", "search_text", "edited_at"])
        record(actor=by, action="messaging.message_edited", target=current)
    return current


def delete_message(*, message: Message, by) -> Message:
    """Remove one's own message: its text and files are gone, the others see "wiadomość usunięta" in its place."""
    with transaction.atomic():
        current = _locked(message)
        _check_author(current, by)
        if current.is_deleted:
            return current
        names = [a.file.name for a in current.attachments.all()]
        storage = Attachment._meta.get_field("file").storage
        current.attachments.all().delete()
        current.body, current.search_text, current.deleted_at = "", "", timezone.now()
        current.save(update_fields=["body", "search_text", "deleted_at"])
        record(actor=by, action="messaging.message_deleted", target=current, changes={"attachments": len(names)})
        transaction.on_commit(lambda: [storage.delete(name) for name in names])
    return current


def _move_marker(*, engagement: Engagement, user, up_to: int) -> None:
    marker, created = ReadMarker.objects.get_or_create(
        engagement=engagement, user=user, defaults={"last_read_id": up_to}
    )
    if not created and marker.last_read_id < up_to:
        ReadMarker.objects.filter(pk=marker.pk, last_read_id__lt=up_to).update(
            last_read_id=up_to, read_at=timezone.now()
        )


def mark_read(*, engagement: Engagement, user, up_to: int) -> None:
    """Everything in the thread up to message ``up_to`` is read by ``user`` (a marker only moves forward)."""
    if up_to <= 0:
        return
    with transaction.atomic():
        _move_marker(engagement=engagement, user=user, up_to=up_to)


def set_notification_mode(*, user, mode: str) -> NotificationPreference:
    if mode not in Mode.values:
        raise ValidationError({"mode": _("Wybierz jeden ze sposobów powiadamiania.")})
    with transaction.atomic():
        preference, _created = NotificationPreference.objects.update_or_create(user=user, defaults={"mode": mode})
        record(actor=user, action="messaging.preference_changed", target=preference, changes={"mode": [None, mode]})
    return preference


def send_digests(*, now=None) -> int:
    """One e-mail per person with the messages waiting for their digest; returns how many were sent.

    Idempotent: each person's waiting deliveries are locked and marked sent in the transaction that queues the
    e-mail, so a second run (or a run beside it) finds nothing for the same messages. Messages deleted meanwhile
    or already read are marked without being sent."""
    now = now or timezone.now()
    recipients = (
        Delivery.objects.filter(sent_at__isnull=True, message__created_at__lte=now)
        .values_list("recipient_id", flat=True)
        .distinct()
        .order_by("recipient_id")
    )
    sent = 0
    for recipient_id in list(recipients):
        with transaction.atomic():
            sent += _send_digest(recipient_id, now)
    return sent


def _send_digest(recipient_id: int, now) -> int:
    from apps.accounts.models import User

    deliveries = list(
        Delivery.objects.select_for_update()
        .filter(recipient_id=recipient_id, sent_at__isnull=True, message__created_at__lte=now)
        .order_by("message_id")
    )
    if not deliveries:
        return 0
    Delivery.objects.filter(pk__in=[d.pk for d in deliveries]).update(sent_at=now)
    recipient = User.objects.get(pk=recipient_id)
    messages = list(
        Message.objects.filter(pk__in=[d.message_id for d in deliveries], deleted_at__isnull=True)
        .select_related("engagement__local_government")
        .order_by("engagement_id", "pk")
    )
    markers = dict(
        ReadMarker.objects.filter(
            user_id=recipient_id, engagement_id__in={m.engagement_id for m in messages}
        ).values_list("engagement_id", "last_read_id")
    )
    # Only threads the person still takes part in (someone who left the team since is not sent what came after).
    access = engagement_access(recipient)
    taking_part = access.member_of | access.advisor_of
    unread = [m for m in messages if m.pk > markers.get(m.engagement_id, 0) and m.engagement_id in taking_part]
    if not unread or not recipient.is_active:
        return 0
    threads: dict[int, dict] = {}
    for message in unread:
        thread = threads.setdefault(
            message.engagement_id,
            {
                "jst": message.engagement.local_government.display_name,
                "url": _thread_url(message.engagement_id),
                "messages": [],
            },
        )
        thread["messages"].append(message)
    send_templated_email(
        to=recipient.email,
        template="messaging/email/digest",
        context={"threads": list(threads.values()), "count": len(unread)},
    )
    return 1
