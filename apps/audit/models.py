from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .actions import label_for


class AuditEntry(models.Model):
    """One write done through a service: who, when, which object, what changed. Never edited or deleted."""

    at = models.DateTimeField(_("kiedy"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Kept even if the account is later removed, so history stays readable.
    actor_label = models.CharField(_("kto"), max_length=300, blank=True)
    action = models.CharField(_("czynność"), max_length=100)
    target_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    target_id = models.CharField(max_length=64)
    target_repr = models.CharField(_("obiekt"), max_length=300)
    changes = models.JSONField(_("zmiany"), default=dict, blank=True)
    message = models.TextField(_("opis"), blank=True)

    class Meta:
        verbose_name = _("wpis historii")
        verbose_name_plural = _("historia zmian")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["target_type", "target_id", "-at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target_repr}"

    @property
    def action_label(self) -> str:
        return label_for(self.action)
