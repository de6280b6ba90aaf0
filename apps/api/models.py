"""Personal API tokens: the secret is shown once, only its SHA-256 is stored."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.models import Created


class ApiToken(Created):
    class Scope(models.TextChoices):
        READ = "read", _("tylko odczyt")
        WRITE = "write", _("odczyt i zapis")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("nazwa"), max_length=100)
    # The first characters of the secret, to tell tokens apart on the page (not enough to use one).
    prefix = models.CharField(max_length=12)
    token_hash = models.CharField(max_length=64, unique=True)
    scope = models.CharField(_("uprawnienia"), max_length=10, choices=Scope.choices, default=Scope.READ)
    expires_at = models.DateTimeField(_("wygasa"))
    revoked_at = models.DateTimeField(_("odwołany"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("ostatnio użyty"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("token API")
        verbose_name_plural = _("tokeny API")

    def __str__(self):
        return self.name

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired

    @property
    def can_write(self) -> bool:
        return self.scope == self.Scope.WRITE
