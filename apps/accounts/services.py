"""Every write about accounts, organisations and invitations."""

import secrets
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.audit.services import record
from apps.core.mail import send_templated_email

from .models import CalendarFeed, Invitation, Membership, Organisation, User, hash_token
from .roles import forget_roles
from .signals import invitation_accepted


class InvitationError(Exception):
    """An invitation link that cannot be used; ``reason`` is one of unknown, expired, used, revoked."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# Sign-up and the proof of the address ------------------------------------------------------------------------


class EmailConfirmationTokens(PasswordResetTokenGenerator):
    """One-time links that prove an address: the hash covers the confirmation time, so a used link stops working;
    they expire after PASSWORD_RESET_TIMEOUT like a reset link."""

    key_salt = "apps.accounts.services.EmailConfirmationTokens"

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.email}{user.email_confirmed_at}{user.password}{timestamp}"


confirmation_tokens = EmailConfirmationTokens()


def _confirmation_link(user: User, next_url: str = "") -> str:
    path = reverse(
        "accounts:confirm_email",
        kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": confirmation_tokens.make_token(user)},
    )
    return settings.SITE_URL + path + (f"?{urlencode({'next': next_url})}" if next_url else "")


def _account_links(next_url: str = "") -> dict:
    login = reverse("accounts:login") + (f"?{urlencode({'next': next_url})}" if next_url else "")
    return {
        "login_link": settings.SITE_URL + login,
        "reset_link": settings.SITE_URL + reverse("accounts:password_reset"),
    }


def send_email_confirmation(*, user: User, next_url: str = "") -> None:
    send_templated_email(
        to=user.email,
        template="accounts/email/confirm_email",
        context={
            "user": user,
            "link": _confirmation_link(user, next_url),
            "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        },
    )


@transaction.atomic
def sign_up(*, email: str, full_name: str, password: str, source: str, next_url: str = "") -> None:
    """An account made by its holder (e.g. on a call page). It answers nothing: the caller says the same
    whether or not the address has an account, and the e-mail to that address says which.

    A new account cannot do anything until the link in the e-mail proves the address. An existing one is
    untouched (its holder is told to log in or reset the password; an unconfirmed one also gets a fresh link)."""
    email = email.strip().lower()
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        send_templated_email(
            to=existing.email,
            template="accounts/email/signup_existing",
            context={
                "user": existing,
                **_account_links(next_url),
                "confirm_link": "" if existing.has_confirmed_email else _confirmation_link(existing, next_url),
            },
        )
        record(actor=None, action="account.signup_repeated", target=existing, changes={"source": source})
        return
    user = User.objects.create_user(
        email=email, password=password, full_name=full_name.strip(), email_confirmed_at=None
    )
    record(actor=user, action="account.created", target=user, changes={"email": email, "source": source})
    send_email_confirmation(user=user, next_url=next_url)


def resend_email_confirmation(*, email: str, next_url: str = "") -> None:
    """A new link for an unconfirmed account; for any other address nothing happens (the page says the same)."""
    user = User.objects.filter(email__iexact=email.strip(), email_confirmed_at__isnull=True).first()
    if user is not None:
        send_email_confirmation(user=user, next_url=next_url)


def user_for_confirmation(*, uidb64: str, token: str) -> User | None:
    """The unconfirmed account behind a confirmation link, or None when the link is wrong, used or expired."""
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
        return None
    user = User.objects.filter(pk=pk, email_confirmed_at__isnull=True, is_active=True).first()
    if user is None or not confirmation_tokens.check_token(user, token):
        return None
    return user


@transaction.atomic
def mark_email_confirmed(*, user: User, how: str) -> None:
    """The holder proved the address (a confirmation link, an invitation, a password reset sent to it)."""
    if user.email_confirmed_at is not None:
        return
    user.email_confirmed_at = timezone.now()
    user.save(update_fields=["email_confirmed_at"])
    record(actor=user, action="account.email_confirmed", target=user, changes={"how": how})


@transaction.atomic
def invite(
    *,
    email: str,
    full_name: str = "",
    organisation: Organisation | None,
    role: str,
    by: User | None,
    days_valid: int | None = None,
    email_template: str = "accounts/email/invitation",
    email_context: dict | None = None,
) -> tuple[Invitation, str]:
    """Create an invitation and e-mail its one-time link. Returns the invitation and the raw token."""
    email = email.strip().lower()
    if (
        organisation
        and Membership.objects.filter(organisation=organisation, role=role, user__email__iexact=email).exists()
    ):
        raise ValidationError({"email": _("Ta osoba ma już tę rolę u tego organizatora.")})
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email,
        full_name=full_name.strip(),
        organisation=organisation,
        role=role,
        token_hash=hash_token(token),
        created_by=by,
        expires_at=timezone.now() + timedelta(days=days_valid or settings.ACCOUNT_INVITATION_DAYS),
    )
    record(
        actor=by,
        action="invitation.created",
        target=organisation or invitation,
        changes={"email": email, "role": role},
    )
    send_templated_email(
        to=email,
        template=email_template,
        context={
            **(email_context or {}),
            "invitation": invitation,
            "organisation": organisation,
            "role_label": dict(Membership.Role.choices).get(role, ""),
            "link": settings.SITE_URL + reverse("accounts:invitation", kwargs={"token": token}),
        },
    )
    return invitation, token


def find_invitation(*, token: str) -> Invitation:
    """The invitation behind a link, or InvitationError saying why it cannot be used."""
    invitation = Invitation.objects.select_related("organisation").filter(token_hash=hash_token(token)).first()
    if invitation is None:
        raise InvitationError("unknown")
    if invitation.accepted_at:
        raise InvitationError("used")
    if invitation.revoked_at:
        raise InvitationError("revoked")
    if invitation.is_expired:
        raise InvitationError("expired")
    return invitation


@transaction.atomic
def accept_invitation(*, token: str, full_name: str = "", password: str | None = None, user: User | None = None):
    """Use an invitation once: create the account (or take the signed-in one) and add the role."""
    invitation = find_invitation(token=token)
    # Lock the row so that two clicks on the same link cannot both succeed.
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise InvitationError("used")
    if user is None:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise InvitationError("account_exists")
        user = User.objects.create_user(
            email=invitation.email, password=password, full_name=full_name.strip() or invitation.full_name
        )
        record(actor=user, action="account.created", target=user, changes={"email": user.email})
    elif user.email.lower() != invitation.email.lower():
        raise InvitationError("other_account")
    else:
        mark_email_confirmed(user=user, how="invitation")  # the link came to this address
    if invitation.organisation and invitation.role:
        add_membership(user=user, organisation=invitation.organisation, role=invitation.role, by=user)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    invitation_accepted.send(sender=Invitation, user=user, invitation=invitation)
    record(
        actor=user,
        action="invitation.accepted",
        target=invitation.organisation or invitation,
        changes={"email": invitation.email, "role": invitation.role},
    )
    return user


@transaction.atomic
def revoke_invitation(*, invitation: Invitation, by: User) -> None:
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    record(
        actor=by,
        action="invitation.revoked",
        target=invitation.organisation or invitation,
        changes={"email": invitation.email, "role": invitation.role},
    )


@transaction.atomic
def add_membership(*, user: User, organisation: Organisation, role: str, by: User | None) -> Membership:
    membership, created = Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
    if created:
        record(
            actor=by,
            action="membership.added",
            target=organisation,
            changes={"user": user.email, "role": role},
        )
    forget_roles(user)
    return membership


@transaction.atomic
def remove_membership(*, membership: Membership, by: User) -> None:
    record(
        actor=by,
        action="membership.removed",
        target=membership.organisation,
        changes={"user": membership.user.email, "role": membership.role},
    )
    membership.delete()
    forget_roles(membership.user)


def start_totp_setup(*, user: User) -> TOTPDevice:
    """The user's unconfirmed TOTP device, created on first use; the secret is shown once during set-up."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Aplikacja uwierzytelniająca"), confirmed=False)
    return device


@transaction.atomic
def confirm_totp_device(*, user: User, device: TOTPDevice) -> None:
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    record(actor=user, action="two_factor.enabled", target=user)
    send_security_notice(user=user, what="two_factor_enabled")


@transaction.atomic
def reset_two_factor(*, user: User, by: User) -> None:
    """An administrator removes a lost device; the user sets up a new one at next login."""
    from .models import BackupCode

    TOTPDevice.objects.filter(user=user).delete()
    BackupCode.objects.filter(user=user).delete()
    record(actor=by, action="two_factor.reset", target=user)
    send_security_notice(user=user, what="two_factor_reset")


# --- calendar feed -----------------------------------------------------------------------------------------------


@transaction.atomic
def create_calendar_feed(*, user: User) -> CalendarFeed:
    """A new secret address for the person's calendar; the previous address stops working at once."""
    CalendarFeed.objects.filter(user=user).delete()
    feed = CalendarFeed.objects.create(user=user, token=secrets.token_urlsafe(32))
    record(actor=user, action="calendar_feed.created", target=user)
    return feed


@transaction.atomic
def revoke_calendar_feed(*, user: User) -> None:
    deleted, _rows = CalendarFeed.objects.filter(user=user).delete()
    if deleted:
        record(actor=user, action="calendar_feed.revoked", target=user)


def calendar_feed_by_token(*, token: str) -> CalendarFeed | None:
    """The feed a calendar application asks for; its last use is noted (at most once a minute per feed)."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token, user__is_active=True).first()
    if feed is not None:
        now = timezone.now()
        if feed.last_used_at is None or now - feed.last_used_at > timedelta(minutes=1):
            CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
    return feed


# --- account security: backup codes, sessions, recovery, notices -------------------------------------------------

BACKUP_CODE_COUNT = 10


def _backup_hash(code: str) -> str:
    from django.utils.crypto import salted_hmac

    normalised = "".join(code.split()).replace("-", "").lower()
    return salted_hmac("apps.accounts.backup_codes", normalised).hexdigest()


@transaction.atomic
def generate_backup_codes(*, user: User) -> list[str]:
    """Ten new one-time codes (the old ones stop working). Returned once to be shown; only their hash is kept."""
    from .models import BackupCode

    BackupCode.objects.filter(user=user).delete()
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    codes = []
    for _i in range(BACKUP_CODE_COUNT):
        raw = "".join(secrets.choice(alphabet) for _j in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    BackupCode.objects.bulk_create(BackupCode(user=user, code_hash=_backup_hash(code)) for code in codes)
    record(actor=user, action="two_factor.backup_codes_generated", target=user)
    send_security_notice(user=user, what="backup_codes")
    return codes


def backup_device(*, user: User):
    """The django-otp device a backup code signs in with (so ``is_verified()`` holds); it has no tokens itself."""
    from django_otp.plugins.otp_static.models import StaticDevice

    device, _created = StaticDevice.objects.get_or_create(user=user, name="backup-codes", defaults={"confirmed": True})
    return device


@transaction.atomic
def use_backup_code(*, user: User, code: str) -> bool:
    """True once for each code: the row is locked and marked used, so the same code is refused after."""
    from .models import BackupCode

    found = (
        BackupCode.objects.select_for_update()
        .filter(user=user, code_hash=_backup_hash(code), used_at__isnull=True)
        .first()
    )
    if found is None:
        return False
    found.used_at = timezone.now()
    found.save(update_fields=["used_at"])
    record(actor=user, action="two_factor.backup_code_used", target=user)
    return True


def note_session(*, user: User, session_key: str, user_agent: str = "", ip_address: str | None = None) -> None:
    from .models import UserSession

    if session_key:
        UserSession.objects.update_or_create(
            session_key=session_key,
            defaults={"user": user, "user_agent": user_agent[:300], "ip_address": ip_address or None},
        )


def forget_session(*, session_key: str) -> None:
    from .models import UserSession

    UserSession.objects.filter(session_key=session_key).delete()


@transaction.atomic
def end_sessions(*, user: User, keep: str | None = None) -> int:
    """End the person's other browser sessions at once (their session rows go, so the next request is anonymous)."""
    from django.contrib.sessions.models import Session

    from .models import UserSession

    sessions = UserSession.objects.filter(user=user)
    if keep:
        sessions = sessions.exclude(session_key=keep)
    keys = list(sessions.values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    sessions.delete()
    if keys and keep:
        record(actor=user, action="account.sessions_ended", target=user, changes={"count": len(keys)})
    return len(keys)


def send_security_notice(*, user: User, what: str, to: str | None = None) -> None:
    """An e-mail that something guarding the account changed: if it was not the holder, they know at once."""
    send_templated_email(
        to=to or user.email,
        template="accounts/email/security_notice",
        context={"user": user, "what": what, "reset_link": settings.SITE_URL + reverse("accounts:password_reset")},
    )


@transaction.atomic
def request_two_factor_recovery(*, user: User, reason: str):
    """A lost device: the organiser's staff (or a platform admin) are asked to confirm a reset."""
    from .models import TwoFactorRecovery

    if not reason.strip():
        raise ValidationError({"reason": _("Napisz, co się stało z urządzeniem.")})
    membership = user.memberships.select_related("organisation").order_by("pk").first()
    organisation = membership.organisation if membership else None
    recovery = TwoFactorRecovery.objects.create(user=user, organisation=organisation, reason=reason.strip())
    record(actor=user, action="two_factor.recovery_requested", target=organisation or user)
    staff = Membership.objects.filter(role=Membership.Role.STAFF, user__is_active=True).exclude(user=user)
    if organisation is not None:
        staff = staff.filter(organisation=organisation)
    emails = sorted(set(staff.values_list("user__email", flat=True)))
    if emails:
        send_templated_email(
            to=emails,
            template="accounts/email/two_factor_recovery",
            context={"recovery": recovery, "link": settings.SITE_URL + reverse("accounts:two_factor_recoveries")},
        )
    return recovery


@transaction.atomic
def confirm_two_factor_recovery(*, recovery, by: User) -> None:
    from .models import TwoFactorRecovery

    recovery = TwoFactorRecovery.objects.select_for_update().get(pk=recovery.pk)
    if recovery.confirmed_at is not None:
        raise ValidationError(_("To odzyskanie zostało już potwierdzone."))
    if recovery.user_id == by.pk:
        raise ValidationError(_("Nie można potwierdzić własnego odzyskania."))
    recovery.confirmed_at = timezone.now()
    recovery.confirmed_by = by
    recovery.save(update_fields=["confirmed_at", "confirmed_by"])
    reset_two_factor(user=recovery.user, by=by)
