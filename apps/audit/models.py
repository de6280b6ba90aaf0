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
    # The model whose fields the keys of ``changes`` name, when it is not the target's (a diagnosis saved on the
    # engagement's history names NeedsAssessment fields); the history page reads field labels and choices from it.
    changes_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    message = models.TextField(_("opis"), blank=True)
    # Scope, as pretix's log carries the event: plain ids, not foreign keys, because audit sits below editions and
    # engagements (decision 0012). Filled by ``record()`` from the target's ``audit_scope`` or given by the caller.
    edition_id = models.BigIntegerField(null=True, blank=True)
    engagement_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("wpis historii")
        verbose_name_plural = _("historia zmian")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["target_type", "target_id", "-at"]),
            models.Index(fields=["edition_id", "-at"], name="audit_edition_at"),
            models.Index(fields=["engagement_id", "-at"], name="audit_engagement_at"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target_repr}"

    @property
    def action_label(self) -> str:
        return label_for(self.action)
