"""EU-funds participant monitoring (SM EFS): an edition's EU project settings, the supported institutions (the
JSTs with NIP and REGON) and each participant's monitoring data, with the PESEL encrypted (``crypto.py``)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.models import TimeStamped


class MonitoringSettings(TimeStamped):
    """Whether an edition is EU-funded and what its project is (kept here, so editions know nothing of EU funds)."""

    edition = models.OneToOneField("editions.Edition", on_delete=models.CASCADE, related_name="monitoring_settings")
    eu_funded = models.BooleanField(_("edycja finansowana ze środków UE"), default=False)
    programme = models.CharField(
        _("program"),
        max_length=200,
        blank=True,
        help_text=_("Na przykład: Fundusze Europejskie dla Rozwoju Społecznego."),
    )
    project_number = models.CharField(_("numer projektu"), max_length=60, blank=True)
    project_title = models.CharField(_("tytuł projektu"), max_length=300, blank=True)
    information_clause = models.TextField(
        _("klauzula informacyjna RODO dla uczestników projektu"),
        max_length=10000,
        blank=True,
        help_text=_("Uczestnik widzi ją i potwierdza przed podaniem danych do monitorowania."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("ustawienia monitorowania")
        verbose_name_plural = _("ustawienia monitorowania")

    def __str__(self):
        return str(self.edition)


class MonitoringAccess(TimeStamped):
    """The permission fact: this member of the organiser's staff handles participants' monitoring data."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="monitoring_access")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("uprawnienie do danych monitorowania")
        verbose_name_plural = _("uprawnienia do danych monitorowania")
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="monitoring_access_once")]

    def __str__(self):
        return f"{self.user} · {self.organisation}"


class Institution(TimeStamped):
    """A JST supported in an EU-funded edition, with the identifiers SM EFS asks for."""

    edition = models.ForeignKey("editions.Edition", on_delete=models.CASCADE, related_name="+")
    local_government = models.ForeignKey("territory.LocalGovernment", on_delete=models.PROTECT, related_name="+")
    nip = models.CharField(_("NIP"), max_length=10, blank=True)
    regon = models.CharField(_("REGON"), max_length=14, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("instytucja objęta wsparciem")
        verbose_name_plural = _("instytucje objęte wsparciem")
        constraints = [
            models.UniqueConstraint(fields=["edition", "local_government"], name="monitoring_institution_once")
        ]

    def __str__(self):
        return str(self.local_government)


class Sex(models.TextChoices):
    FEMALE = "K", _("Kobieta")
    MALE = "M", _("Mężczyzna")


class Education(models.TextChoices):
    """ISCED groups as SM EFS names them."""

    ISCED_0 = "isced0", _("Niższe niż podstawowe (ISCED 0)")
    ISCED_1 = "isced1", _("Podstawowe (ISCED 1)")
    ISCED_2 = "isced2", _("Gimnazjalne (ISCED 2)")
    ISCED_3 = "isced3", _("Ponadgimnazjalne (ISCED 3)")
    ISCED_4 = "isced4", _("Policealne (ISCED 4)")
    ISCED_5_8 = "isced5_8", _("Wyższe (ISCED 5-8)")


class LabourStatus(models.TextChoices):
    LOCAL_GOVERNMENT = "employed_local_government", _("Osoba pracująca w administracji samorządowej")
    GOVERNMENT = "employed_government", _("Osoba pracująca w administracji rządowej")
    NGO = "employed_ngo", _("Osoba pracująca w organizacji pozarządowej")
    SME = "employed_sme", _("Osoba pracująca w MMŚP")
    LARGE = "employed_large", _("Osoba pracująca w dużym przedsiębiorstwie")
    SELF_EMPLOYED = "self_employed", _("Osoba prowadząca działalność na własny rachunek")
    OTHER_EMPLOYED = "employed_other", _("Osoba pracująca – inne")
    UNEMPLOYED = "unemployed", _("Osoba bezrobotna")
    INACTIVE = "inactive", _("Osoba bierna zawodowo")


class Answer(models.TextChoices):
    YES = "yes", _("Tak")
    NO = "no", _("Nie")
    REFUSED = "refused", _("Odmowa podania informacji")


# The disadvantage flags (SM EFS "sytuacja w chwili przystąpienia do projektu"), in the export's order.
FLAGS = ("disability", "foreign_origin", "third_country", "minority", "homeless")


def _flag(label):
    return models.CharField(label, max_length=10, choices=Answer.choices, blank=True)


class ParticipantData(TimeStamped):
    """One team member's monitoring data in an EU-funded edition (collected once, with the information clause)."""

    team_member = models.OneToOneField(
        "engagements.TeamMember", on_delete=models.CASCADE, related_name="monitoring_data"
    )
    edition = models.ForeignKey("editions.Edition", on_delete=models.CASCADE, related_name="+")
    # Fernet token (``crypto.encrypt``); never the digits themselves. ``pesel_hash`` finds duplicates.
    pesel_encrypted = models.TextField(blank=True, editable=False)
    pesel_hash = models.CharField(max_length=64, blank=True, editable=False)
    no_pesel = models.BooleanField(_("nie mam numeru PESEL"), default=False)
    other_identifier = models.CharField(
        _("inny identyfikator"),
        max_length=50,
        blank=True,
        help_text=_("Gdy brak numeru PESEL: na przykład numer paszportu lub dokumentu tożsamości."),
    )
    sex = models.CharField(_("płeć"), max_length=1, choices=Sex.choices, blank=True)
    age_at_start = models.PositiveSmallIntegerField(_("wiek w chwili przystąpienia do projektu"), null=True, blank=True)
    education = models.CharField(_("wykształcenie"), max_length=20, choices=Education.choices, blank=True)
    labour_status = models.CharField(
        _("status na rynku pracy w chwili przystąpienia do projektu"),
        max_length=40,
        choices=LabourStatus.choices,
        blank=True,
    )
    disability = _flag(_("osoba z niepełnosprawnościami"))
    foreign_origin = _flag(_("osoba obcego pochodzenia"))
    third_country = _flag(_("obywatel państwa trzeciego"))
    minority = _flag(_("osoba należąca do mniejszości narodowej lub etnicznej (w tym społeczności marginalizowanej)"))
    homeless = _flag(_("osoba w kryzysie bezdomności lub dotknięta wykluczeniem z dostępu do mieszkań"))
    clause_accepted_at = models.DateTimeField(_("klauzula informacyjna przyjęta"), null=True, blank=True)
    clause_digest = models.CharField(max_length=64, blank=True, help_text="SHA-256 of the clause text accepted")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("dane uczestnika do monitorowania")
        verbose_name_plural = _("dane uczestników do monitorowania")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "pesel_hash"], condition=~Q(pesel_hash=""), name="monitoring_pesel_once_per_edition"
            ),
            models.CheckConstraint(
                condition=Q(no_pesel=False) | Q(pesel_encrypted=""), name="monitoring_no_pesel_means_none_stored"
            ),
        ]

    def __str__(self):
        return str(self.team_member)

    @property
    def has_pesel(self) -> bool:
        return bool(self.pesel_encrypted)
