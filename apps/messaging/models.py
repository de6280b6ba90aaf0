"""The message thread of an engagement (one per JST in an edition) between its team and its advisor pair.

The thread is the engagement's messages; what each person has read is a ``ReadMarker`` (the newest message they
have seen), how they want to hear of new ones is a ``NotificationPreference`` and every e-mail owed or sent about
a message to one person is a ``Delivery`` (one per message and recipient, so a digest never repeats a message).
The organiser's staff never read the messages: they see only how many there are and when the last one came.
"""

import os
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.documents.storage import select_private_storage


class Message(models.Model):
    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="messages", verbose_name=_("karta JST")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="thread_messages"
    )
    author_label = models.CharField(max_length=300)
    body = models.TextField(_("treść wiadomości"), max_length=10000, blank=True)
    # The body folded to lowercase ASCII words (Polish diacritics optional in the search, on SQLite and PostgreSQL).
    search_text = models.TextField(blank=True, editable=False)
    quoted = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("cytowana wiadomość")
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("wiadomość")
        verbose_name_plural = _("wiadomości")
        ordering = ["pk"]
        indexes = [models.Index(fields=["engagement", "id"], name="message_thread_order")]

    def __str__(self):
        # Never the content: the audit history (which the organiser reads) stores this as the target's name.
        return f"#{self.pk}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def editable_until(self):
        """Its author may change it until then (``MESSAGING_EDIT_MINUTES`` after it was sent)."""
        return self.created_at + timedelta(minutes=settings.MESSAGING_EDIT_MINUTES)

    def may_still_edit(self, now=None) -> bool:
        return not self.is_deleted and (now or timezone.now()) <= self.editable_until

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.engagement.edition_id, "engagement": self.engagement_id}


def _attachment_path(instance, filename: str) -> str:
    return f"messages/{instance.message.engagement_id}/{instance.message_id}/{os.path.basename(filename)}"


class Attachment(models.Model):
    """A file of a message, in the private storage; it reaches people only through a permission-checked view."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=select_private_storage, upload_to=_attachment_path, max_length=500)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("załącznik wiadomości")
        verbose_name_plural = _("załączniki wiadomości")
        ordering = ["pk"]

    def __str__(self):
        return f"#{self.pk}"


class ReadMarker(models.Model):
    """The newest message of the thread the person has seen (everything up to it counts as read)."""

    engagement = models.ForeignKey("engagements.Engagement", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_read_id = models.PositiveBigIntegerField(default=0)
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["engagement", "user"], name="read_marker_once")]

    def __str__(self):
        return f"{self.user_id}@{self.engagement_id}: {self.last_read_id}"


class NotificationPreference(models.Model):
    class Mode(models.TextChoices):
        EACH = "each", _("osobny e-mail o każdej wiadomości")
        DIGEST = "digest", _("jedno zestawienie dziennie")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    mode = models.CharField(_("powiadomienia o wiadomościach"), max_length=10, choices=Mode.choices, default=Mode.EACH)

    class Meta:
        verbose_name = _("ustawienie powiadomień")
        verbose_name_plural = _("ustawienia powiadomień")

    def __str__(self):
        return f"{self.user_id}: {self.mode}"


class Delivery(models.Model):
    """An e-mail about one message owed to one person: sent at once, or waiting for the daily digest."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="deliveries")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    mode = models.CharField(max_length=10, choices=NotificationPreference.Mode.choices)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["message", "recipient"], name="delivery_once")]
        indexes = [models.Index(fields=["recipient", "sent_at"], name="delivery_pending")]

    def __str__(self):
        return f"#{self.message_id} → {self.recipient_id}"
