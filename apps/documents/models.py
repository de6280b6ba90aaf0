"""Documents generated in the background (PDFs, exports) for any object of the platform, with visible progress."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .storage import select_private_storage


class DocumentStatus(models.TextChoices):
    QUEUED = "queued", _("w kolejce")
    RUNNING = "running", _("w przygotowaniu")
    DONE = "done", _("gotowy")
    FAILED = "failed", _("błąd")


ACTIVE_STATUSES = (DocumentStatus.QUEUED, DocumentStatus.RUNNING)


def generated_file_name(instance, filename: str) -> str:
    # The stored name is ours (uuid + extension); the user's file name travels in ``filename`` and is only ever
    # used in Content-Disposition, so odd characters in it never reach the file system.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"generated/{timezone.now():%Y/%m}/{instance.pk}.{extension}"


class GeneratedDocument(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    target = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("rodzaj"), max_length=50)
    title = models.CharField(_("tytuł"), max_length=300)
    builder = models.CharField(max_length=200, help_text="Dotted path of fn(target, progress) -> (name, data, type)")
    # Keyword arguments of the builder, e.g. an export's format and filters (JSON).
    params = models.JSONField(default=dict, blank=True)
    view_action = models.CharField(max_length=100, help_text="Permission rule checked on the target")
    status = models.CharField(_("stan"), max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("postęp"), default=0)
    file = models.FileField(_("plik"), storage=select_private_storage, upload_to=generated_file_name, blank=True)
    filename = models.CharField(_("nazwa pliku"), max_length=200, blank=True)
    # The spec names both the target's ContentType and the file's MIME type "content_type"; the GenericForeignKey
    # keeps the Django convention (content_type + object_id) and the MIME type is ``mime_type``.
    mime_type = models.CharField(_("typ pliku"), max_length=100, blank=True)
    error = models.TextField(_("błąd"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("zlecił(a)"),
    )
    created_at = models.DateTimeField(_("zlecono"), auto_now_add=True)
    started_at = models.DateTimeField(_("rozpoczęto"), null=True, blank=True)
    finished_at = models.DateTimeField(_("zakończono"), null=True, blank=True)

    class Meta:
        verbose_name = _("wygenerowany dokument")
        verbose_name_plural = _("wygenerowane dokumenty")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id", "kind", "-created_at"])]
        constraints = [
            # At most one job per target and kind is queued or running: a second request joins it.
            models.UniqueConstraint(
                fields=["content_type", "object_id", "kind"],
                condition=Q(status__in=["queued", "running"]),
                name="generated_document_one_active_job",
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="generated_document_progress_max_100"),
            models.CheckConstraint(condition=~Q(status="done") | ~Q(file=""), name="generated_document_done_has_file"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def is_finished(self) -> bool:
        return not self.is_active

    @property
    def is_done(self) -> bool:
        return self.status == DocumentStatus.DONE
