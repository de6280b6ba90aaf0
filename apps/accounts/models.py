import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.models import Authored, Created


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with a login. Roles come from memberships (organisers) and, later, from engagements."""

    email = models.EmailField(_("adres e-mail"), unique=True)
    full_name = models.CharField(_("imię i nazwisko"), max_length=200)
    is_active = models.BooleanField(_("aktywne"), default=True)
    # Platform administrator: the only role that may open the Django admin.
    is_staff = models.BooleanField(_("administrator platformy"), default=False)
    date_joined = models.DateTimeField(_("data utworzenia"), default=timezone.now)
    # When the holder proved the address (a link sent to it). Accounts made from an invitation, by an
    # administrator or by the demo are proven at creation; a sign-up on a call page is not until its link is used,
    # and until then the account can only confirm (RequireConfirmedEmailMiddleware).
    email_confirmed_at = models.DateTimeField(
        _("adres e-mail potwierdzony"), null=True, blank=True, default=timezone.now
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("użytkownik")
        verbose_name_plural = _("użytkownicy")
        ordering = ["full_name", "email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    @property
    def has_confirmed_email(self) -> bool:
        return self.email_confirmed_at is not None

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Organisation(Created):
    """An organiser of editions: ORE or a beneficiary of a competition project."""

    class Kind(models.TextChoices):
        MODEL_OWNER = "model_owner", _("właściciel modelu (ORE)")
        BENEFICIARY = "beneficiary", _("beneficjent projektu konkursowego")

    name = models.CharField(_("nazwa"), max_length=300, unique=True)
    short_name = models.CharField(_("skrót"), max_length=50, blank=True)
    slug = models.SlugField(_("identyfikator w adresie"), unique=True)
    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices, default=Kind.BENEFICIARY)
    email = models.EmailField(_("e-mail kontaktowy"), blank=True)

    class Meta:
        verbose_name = _("organizator")
        verbose_name_plural = _("organizatorzy")
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name


class Membership(Created):
    """A user's role at an organiser: staff, advisor, trainer, or national coordinator (at the model owner)."""

    class Role(models.TextChoices):
        STAFF = "staff", _("pracownik organizatora")
        ADVISOR = "advisor", _("doradca")
        TRAINER = "trainer", _("trener")
        COORDINATOR = "coordinator", _("koordynator krajowy")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rola"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("rola u organizatora")
        verbose_name_plural = _("role u organizatorów")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique_role"),
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.organisation}"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(Authored, Created):
    """A one-time link that creates an account (or adds a role to an existing one). Only the hash is stored."""

    email = models.EmailField(_("adres e-mail"))
    full_name = models.CharField(_("imię i nazwisko"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="invitations"
    )
    role = models.CharField(_("rola"), max_length=20, choices=Membership.Role.choices, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("ważne do"))
    accepted_at = models.DateTimeField(_("przyjęte"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("wycofane"), null=True, blank=True)

    class Meta:
        verbose_name = _("zaproszenie")
        verbose_name_plural = _("zaproszenia")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired

    @property
    def status_label(self) -> str:
        if self.accepted_at:
            return _("przyjęte")
        if self.revoked_at:
            return _("wycofane")
        if self.is_expired:
            return _("wygasłe")
        return _("oczekuje")


class CalendarFeed(Created):
    """A person's private calendar feed (visits, remote sessions, events: ``core.calendar`` sources).

    The secret token is the address itself, so it is kept as it is shown on the account page (a calendar
    application needs the whole address again when it is set up on another device); a new address revokes the old.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, editable=False)
    last_used_at = models.DateTimeField(_("ostatnio pobrany"), null=True, blank=True)

    class Meta:
        verbose_name = _("kanał kalendarza")
        verbose_name_plural = _("kanały kalendarza")

    def __str__(self):
        return str(self.user)


class BackupCode(Created):
    """A one-time code for the second factor when the phone is not at hand. Only a keyed hash is stored; the
    codes are shown once, when they are made; making new ones voids the old."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="backup_codes")
    code_hash = models.CharField(max_length=64, editable=False)
    used_at = models.DateTimeField(_("użyty"), null=True, blank=True)

    class Meta:
        verbose_name = _("kod zapasowy")
        verbose_name_plural = _("kody zapasowe")
        constraints = [models.UniqueConstraint(fields=["user", "code_hash"], name="backup_code_unique")]

    def __str__(self):
        return f"{self.user_id} · #{self.pk}"


class UserSession(models.Model):
    """A signed-in browser of a person (one per session key), so they can see and end their other sessions."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="browser_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(_("zalogowano"), default=timezone.now)
    user_agent = models.CharField(_("przeglądarka"), max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(_("adres IP"), null=True, blank=True)

    class Meta:
        verbose_name = _("sesja przeglądarki")
        verbose_name_plural = _("sesje przeglądarek")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user_id} · {self.created_at:%Y-%m-%d %H:%M}"


class TwoFactorRecovery(Created):
    """A person who lost their device asks for the second factor to be reset; an admin of their organiser (or a
    platform admin) confirms it after checking who is asking."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="two_factor_recoveries")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    reason = models.TextField(_("co się stało"), max_length=1000)
    confirmed_at = models.DateTimeField(_("potwierdzono"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("odzyskanie weryfikacji dwuetapowej")
        verbose_name_plural = _("odzyskania weryfikacji dwuetapowej")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user_id} · {self.created_at:%Y-%m-%d}"
