"""One row per job and due slot: the claim that makes a run happen once, and its record."""

import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("w kolejce")
        RUNNING = "running", _("w toku")
        SUCCEEDED = "succeeded", _("wykonane")
        FAILED = "failed", _("błąd")

    job = models.CharField(_("zadanie"), max_length=100)
    slot = models.DateTimeField(_("termin"))
    status = models.CharField(_("stan"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("próby"), default=1)
    # The current claim: a task carrying another token was superseded (its claim went stale and was taken over).
    claim = models.UUIDField(default=uuid.uuid4, editable=False)
    claimed_by = models.CharField(_("zlecił proces"), max_length=200, blank=True)
    claimed_at = models.DateTimeField(_("zlecono"))
    started_at = models.DateTimeField(_("rozpoczęto"), null=True, blank=True)
    finished_at = models.DateTimeField(_("zakończono"), null=True, blank=True)
    result = models.JSONField(_("wynik"), null=True, blank=True, encoder=DjangoJSONEncoder)
    error = models.TextField(_("błąd"), blank=True)

    class Meta:
        verbose_name = _("uruchomienie zadania")
        verbose_name_plural = _("uruchomienia zadań")
        ordering = ["-slot", "job"]
        constraints = [
            # The lock: whoever inserts the row for (job, slot) first runs it; every other scheduler's INSERT fails.
            models.UniqueConstraint(fields=["job", "slot"], name="scheduling_one_run_per_job_slot"),
        ]
        indexes = [models.Index(fields=["-claimed_at"], name="scheduling_run_claimed")]

    def __str__(self):
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M}"
