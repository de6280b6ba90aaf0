"""Each organiser's information clause (RODO art. 13), versioned, and the records of who acknowledged which
version or gave (and withdrew) an optional consent, at which collection point."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Organisation


class CollectionPoint(models.TextChoices):
    """Where the platform collects personal data: the clause is shown there and its acknowledgement recorded."""

    SIGNUP = "signup", _("założenie konta")
    INVITATION = "invitation", _("przyjęcie zaproszenia")
    APPLICATION = "application", _("Karta zgłoszenia JST")
    TEAM_INVITATION = "team_invitation", _("zaproszenie do zespołu JST")
    EVENT_REGISTRATION = "event_registration", _("zgłoszenie na wydarzenie")
    MONITORING = "monitoring", _("dane do monitorowania projektu")
    SURVEY = "survey", _("ankieta")
    ACCOUNT = "account", _("strona konta")


class Purpose(models.TextChoices):
    """What a record is about: the clause read (required) or an optional consent (withdrawable)."""

    ACKNOWLEDGEMENT = "acknowledgement", _("zapoznanie się z klauzulą informacyjną")
    PHOTOS = "photos", _("wykorzystanie wizerunku (zdjęcia z wydarzeń)")
    NAME_PUBLICATION = "name_publication", _("publikacja imienia i nazwiska przy dobrych praktykach")


OPTIONAL_PURPOSES = [Purpose.PHOTOS, Purpose.NAME_PUBLICATION]

DEFAULT_COMPLAINT = _(
    "Masz prawo wnieść skargę do Prezesa Urzędu Ochrony Danych Osobowych (ul. Stawki 2, 00-193 Warszawa), "
    "jeśli uważasz, że przetwarzanie Twoich danych narusza przepisy RODO."
)
DEFAULT_RIGHTS = _(
    "Masz prawo dostępu do swoich danych, ich sprostowania, usunięcia lub ograniczenia przetwarzania, prawo "
    "sprzeciwu oraz prawo do przenoszenia danych. Zgodę na przetwarzanie danych w celach nieobowiązkowych możesz "
    "wycofać w każdej chwili na stronie swojego konta, bez wpływu na zgodność z prawem przetwarzania przed jej "
    "wycofaniem."
)


class ClauseVersion(models.Model):
    """One version of an organiser's information clause. A change is a new version; the newest is published."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="clause_versions")
    number = models.PositiveIntegerField(_("wersja"))
    controller = models.TextField(_("administrator danych"), max_length=2000)
    dpo_contact = models.TextField(_("kontakt z inspektorem ochrony danych"), max_length=1000)
    purposes = models.TextField(_("cele przetwarzania"), max_length=4000)
    legal_bases = models.TextField(_("podstawy prawne"), max_length=4000)
    recipients = models.TextField(_("odbiorcy danych"), max_length=4000)
    retention = models.TextField(_("okres przechowywania"), max_length=4000)
    rights = models.TextField(_("prawa osoby"), max_length=4000, default=DEFAULT_RIGHTS)
    complaint = models.TextField(_("prawo do skargi do Prezesa UODO"), max_length=2000, default=DEFAULT_COMPLAINT)
    published_at = models.DateTimeField(_("opublikowana"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    TEXT_FIELDS = [
        "controller",
        "dpo_contact",
        "purposes",
        "legal_bases",
        "recipients",
        "retention",
        "rights",
        "complaint",
    ]

    class Meta:
        verbose_name = _("wersja klauzuli informacyjnej")
        verbose_name_plural = _("wersje klauzuli informacyjnej")
        ordering = ["organisation", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "number"], name="clause_version_unique_number"),
        ]

    def __str__(self):
        return f"{self.organisation} · v{self.number}"


class ConsentRecord(models.Model):
    """Who acknowledged which clause version or gave an optional consent, when, where; and its withdrawal."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consent_records")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    clause_version = models.ForeignKey(
        ClauseVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="records"
    )
    purpose = models.CharField(_("cel"), max_length=30, choices=Purpose.choices, default=Purpose.ACKNOWLEDGEMENT)
    point = models.CharField(_("miejsce zbierania danych"), max_length=30, choices=CollectionPoint.choices)
    given_at = models.DateTimeField(_("kiedy"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("wycofano"), null=True, blank=True)

    class Meta:
        verbose_name = _("potwierdzenie lub zgoda")
        verbose_name_plural = _("potwierdzenia i zgody")
        ordering = ["-given_at", "-pk"]
        indexes = [models.Index(fields=["user", "purpose"], name="consent_user_purpose")]

    def __str__(self):
        return f"{self.user_id} · {self.purpose} · {self.point}"

    @property
    def is_optional(self) -> bool:
        return self.purpose in OPTIONAL_PURPOSES

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None
