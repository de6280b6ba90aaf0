"""Personal API tokens: created (shown once), revoked, and every use written to the audit history."""

import hashlib
import secrets
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.roles import roles_of
from apps.audit.services import record

from .models import ApiToken

TOKEN_PREFIX = "jst_"
MAX_DAYS = 366
# A token's reads are recorded at most once per this many seconds (every write is recorded).
READ_RECORD_SECONDS = 60


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def create_token(
    *, user, name: str, scope: str, expires_on: date, second_factor_verified: bool
) -> tuple[ApiToken, str]:
    """A new token of ``user``; returns it with its secret, which is never stored (only its SHA-256 is)."""
    if roles_of(user).requires_two_factor and not second_factor_verified:
        raise ValidationError(_("Twoja rola wymaga weryfikacji dwuetapowej: zaloguj się z kodem, aby utworzyć token."))
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Podaj nazwę tokenu (np. system, który go użyje).")})
    if scope not in ApiToken.Scope.values:
        raise ValidationError({"scope": _("Wybierz uprawnienia tokenu.")})
    today = timezone.localdate()
    if not today < expires_on <= today + timedelta(days=MAX_DAYS):
        raise ValidationError({"expires_on": _("Data wygaśnięcia musi przypadać w ciągu roku od jutra.")})
    if ApiToken.objects.filter(user=user, name=name, revoked_at__isnull=True).exists():
        raise ValidationError({"name": _("Masz już aktywny token o tej nazwie.")})
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    expires_at = timezone.make_aware(datetime.combine(expires_on, time.max))
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=secret[: len(TOKEN_PREFIX) + 4],
        token_hash=_hash(secret),
        scope=scope,
        expires_at=expires_at,
    )
    record(
        actor=user,
        action="api.token_created",
        target=token,
        changes={"token": name, "scope": scope, "expires_on": expires_on},
    )
    return token, secret


@transaction.atomic
def revoke_token(*, token: ApiToken, by) -> ApiToken:
    stored = ApiToken.objects.select_for_update().get(pk=token.pk, user=by)
    if stored.revoked_at is not None:
        raise ValidationError(_("Ten token jest już odwołany."))
    stored.revoked_at = timezone.now()
    stored.save(update_fields=["revoked_at"])
    record(actor=by, action="api.token_revoked", target=stored, changes={"token": stored.name})
    return stored


def token_by_secret(*, secret: str) -> ApiToken | None:
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 100:
        return None
    return ApiToken.objects.select_related("user").filter(token_hash=_hash(secret)).first()


def note_token_use(*, token: ApiToken, method: str, path: str, status: int) -> None:
    """The audit entry of a use by a token, named by the token: every write (whatever its outcome); reads at most
    once per ``READ_RECORD_SECONDS`` per token (the first read of each such window, with its path)."""
    now = timezone.now()
    write = method not in ("GET", "HEAD", "OPTIONS")
    changes = {"token": token.name, "method": method, "path": path.replace("\x00", "")[:300], "status": status}
    with transaction.atomic():
        if write:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            record(actor=token.user, action="api.token_write", target=token, changes=changes)
            return
        # One UPDATE decides, race-free, whether this read opens a new window.
        window = now - timedelta(seconds=READ_RECORD_SECONDS)
        claimed = ApiToken.objects.filter(pk=token.pk).exclude(last_used_at__gt=window).update(last_used_at=now)
        if claimed:
            record(actor=token.user, action="api.token_read", target=token, changes=changes)
    token.last_used_at = now
