from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.messaging.models import Attachment, Message

from . import RETENTION, SOURCES, RetentionRule, Source, retention_days, rows


def _messages(user):
    return Message.objects.filter(author=user, deleted_at__isnull=True).select_related("engagement")


def _files(user):
    attachments = Attachment.objects.filter(message__author=user, message__deleted_at__isnull=True)
    return [(f"wiadomosci/{a.message_id}-{a.original_name}", a.file) for a in attachments]


def _erase(user):
    # The thread's other side keeps its messages; the person's own are removed ("wiadomość usunięta").
    attachments = Attachment.objects.filter(message__author=user)
    for attachment in attachments:
        attachment.file.delete(save=False)
    removed_files = attachments.delete()[0]
    count = Message.objects.filter(author=user, deleted_at__isnull=True).update(
        body="", search_text="", deleted_at=timezone.now()
    )
    return {"messages_removed": count, "message_files_deleted": removed_files}


def _due(today, held):
    cutoff = today - timedelta(days=retention_days("messages"))
    return Message.objects.filter(created_at__date__lt=cutoff).exclude(engagement__edition_id__in=held)


def _purge(queryset) -> int:
    for attachment in Attachment.objects.filter(message__in=queryset):
        attachment.file.delete(save=False)
    return queryset.delete()[0]


SOURCES.register(
    "messaging",
    Source(
        key="messaging",
        activity=_("Wiadomości między zespołem JST a doradcami"),
        purpose=_("komunikacja w ramach doradztwa"),
        legal_basis=_("art. 6 ust. 1 lit. e RODO"),
        subjects=_("członkowie zespołów JST, doradcy"),
        categories=_("treść wiadomości, załączniki, autor, czas"),
        recipients=_("uczestnicy wątku (zespół JST i para doradców)"),
        retention=_("okres z ustawień od wysłania, chyba że edycję obejmuje blokada"),
        collect=lambda user: [
            {"title": "Twoje wiadomości", "rows": rows(_messages(user), ["engagement", "body", "created_at"])}
        ],
        files=_files,
        erase=_erase,
        editions=lambda user: _messages(user).values_list("engagement__edition_id", flat=True),
    ),
    order=50,
)
RETENTION.register(
    "messages",
    RetentionRule(key="messages", label=_("Wiadomości w wątkach JST"), due=_due, apply=_purge),
    order=30,
)
