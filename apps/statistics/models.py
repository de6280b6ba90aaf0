"""The pre-computed figures of each edition, which the national view sums (refreshed daily and on demand)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EditionFigures(models.Model):
    """A snapshot of one edition's blocks and headline figures (``registry.BLOCKS`` / ``HEADLINES``) as JSON."""

    edition = models.OneToOneField(
        "editions.Edition", on_delete=models.CASCADE, related_name="figures", verbose_name=_("edycja")
    )
    computed_at = models.DateTimeField(_("przeliczono"))
    blocks = models.JSONField(default=dict)  # {block key: [[key, value, ...], ...]}
    headlines = models.JSONField(default=dict)  # {headline key: number}

    class Meta:
        verbose_name = _("zestawienie edycji")
        verbose_name_plural = _("zestawienia edycji")

    def __str__(self):
        return f"{self.edition_id} @ {self.computed_at:%Y-%m-%d %H:%M}"

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.edition_id}
