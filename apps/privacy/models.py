"""A person's requests under RODO (art. 15-21) and the legal holds that keep an edition's records."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Organisation
from apps.core.models import Created

# What a person is called where their records must be kept after erasure (stored, shown in Polish content).
FORMER_PARTICIPANT = "były uczestnik"


class DataRequest(Created):
    class Kind(models.TextChoices):
        RECTIFICATION = "rectification", _("sprostowanie danych")
        ERASURE = "erasure", _("usunięcie danych")
        RESTRICTION = "restriction", _("ograniczenie przetwarzania")
        OBJECTION = "objection", _("sprzeciw wobec przetwarzania")

    class Status(models.TextChoices):
        OPEN = "open", _("czeka na odpowiedź")
        DONE = "done", _("zrealizowany")
        REFUSED = "refused", _("odmowa")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="data_requests")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="data_requests")
    kind = models.CharField(_("rodzaj wniosku"), max_length=20, choices=Kind.choices)
    details = models.TextField(_("treść wniosku"), max_length=5000, blank=True)
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.OPEN)
    due_on = models.DateField(_("termin odpowiedzi"))
    answer = models.TextField(_("odpowiedź"), max_length=5000, blank=True)
    answered_at = models.DateTimeField(_("odpowiedziano"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("wniosek RODO")
        verbose_name_plural = _("wnioski RODO")
        ordering = ["status", "due_on", "pk"]

    def __str__(self):
        return f"#{self.pk} {self.get_kind_display()}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def days_left(self) -> int:
        return (self.due_on - timezone.localdate()).days

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on < timezone.localdate()


class LegalHold(Created):
    """Records of an edition kept until a date (e.g. EU retention): erasure and retention skip what it covers."""

    edition = models.ForeignKey("editions.Edition", on_delete=models.CASCADE, related_name="legal_holds")
    until = models.DateField(_("obowiązuje do"))
    reason = models.CharField(_("podstawa"), max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("blokada usuwania danych")
        verbose_name_plural = _("blokady usuwania danych")
        ordering = ["-until"]

    def __str__(self):
        return f"{self.edition_id} → {self.until}"

    def is_active(self, today: date | None = None) -> bool:
        return self.until >= (today or timezone.localdate())
