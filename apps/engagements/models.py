"""A JST's advisory engagement in one edition (karta JST): its team, its advisor pair, its chosen area(s),
its stage in the cycle and its timeline. The documents of the cycle (diagnosis, HDR, summary) hang off it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.models import Authored, Created, TimeStamped, Versioned
from apps.territory.kinds import WorkshopGroup


class Stage(models.TextChoices):
    AREA = "area", _("1. Wybór obszaru")
    DIAGNOSIS = "diagnosis", _("2. Diagnoza potrzeb i priorytety")
    PLAN = "plan", _("3. Harmonogram Działań Rozwojowych")
    DIRECTIONS = "directions", _("4. Kierunki wdrożenia")
    IMPLEMENTATION = "implementation", _("5. Wdrożenie i monitorowanie")
    SUMMARY = "summary", _("6. Podsumowanie")
    COMPLETED = "completed", _("Zakończone")


STAGE_ORDER = list(Stage.values)


class Engagement(TimeStamped):
    edition = models.ForeignKey(
        "editions.Edition", on_delete=models.PROTECT, related_name="engagements", verbose_name=_("edycja")
    )
    local_government = models.ForeignKey(
        "territory.LocalGovernment", on_delete=models.PROTECT, related_name="engagements", verbose_name=_("JST")
    )
    workshop_group = models.CharField(_("grupa warsztatowa"), max_length=30, choices=WorkshopGroup.choices)
    stage = models.CharField(_("etap"), max_length=20, choices=Stage.choices, default=Stage.AREA)
    withdrawn_at = models.DateTimeField(_("wycofana"), null=True, blank=True)

    class Meta:
        verbose_name = _("karta JST")
        verbose_name_plural = _("karty JST")
        ordering = ["local_government__display_name"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "local_government"], name="engagement_one_per_jst_edition")
        ]

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.edition_id, "engagement": self.pk}

    def __str__(self):
        return f"{self.local_government} · {self.edition}"

    @property
    def stage_index(self) -> int:
        return STAGE_ORDER.index(self.stage)


class TeamMember(models.Model):
    """A person delegated by the JST. Leaving keeps the row (``left_at``) so past contributions stay attributed."""

    class Kind(models.TextChoices):
        OFFICIAL = "official", _("pracownik JST")
        SCHOOL_DIRECTOR = "school_director", _("dyrektor szkoły lub placówki")

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="team_members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="team_memberships"
    )
    full_name = models.CharField(_("imię i nazwisko"), max_length=200)
    email = models.EmailField(_("adres e-mail"))
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    position = models.CharField(_("stanowisko"), max_length=200, blank=True)
    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices, default=Kind.OFFICIAL)
    school_name = models.CharField(_("szkoła lub placówka"), max_length=300, blank=True)
    is_leader = models.BooleanField(_("lider zespołu"), default=False)
    is_management = models.BooleanField(_("kadra zarządzająca"), default=False)
    joined_at = models.DateTimeField(auto_now_add=True)
    left_at = models.DateTimeField(_("opuścił(a) zespół"), null=True, blank=True)

    class Meta:
        verbose_name = _("członek zespołu JST")
        verbose_name_plural = _("członkowie zespołu JST")
        ordering = ["-is_leader", "full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "email"], condition=Q(left_at__isnull=True), name="team_member_unique_email"
            ),
            models.UniqueConstraint(
                fields=["engagement"],
                condition=Q(is_leader=True, left_at__isnull=True),
                name="team_one_active_leader",
            ),
        ]

    def __str__(self):
        return self.full_name

    @property
    def is_active(self) -> bool:
        return self.left_at is None


class AdvisorAssignment(models.Model):
    """One of the JST's advisor pair."""

    class Role(models.TextChoices):
        PERSONAL_DEVELOPMENT = "personal_development", _("doradca ds. personalnego rozwoju edukacji")
        MANAGEMENT = "management", _("doradca ds. rozwiązań zarządczych")

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="advisor_assignments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="advisor_assignments")
    role = models.CharField(_("rola doradcy"), max_length=30, choices=Role.choices)
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("przydział doradcy")
        verbose_name_plural = _("przydziały doradców")
        ordering = ["role"]
        constraints = [
            models.UniqueConstraint(fields=["engagement", "role"], name="advisor_one_per_role"),
            models.UniqueConstraint(fields=["engagement", "user"], name="advisor_once_per_engagement"),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"


class AdvisorProfile(models.Model):
    """What the organiser knows about one of its advisors for pairing (issue 10, item 7), both optional: the role
    they take in a pair (blank: either) and the voivodeship they work from (blank: the voivodeships of the JSTs they
    already advise count instead). Lives with the assignments, not on the account or the membership."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="advisor_profiles")
    role = models.CharField(
        _("rola w parze doradców"), max_length=30, choices=AdvisorAssignment.Role.choices, blank=True
    )
    voivodeship = models.ForeignKey(
        "territory.Voivodeship",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("województwo doradcy"),
    )

    class Meta:
        verbose_name = _("profil doradcy")
        verbose_name_plural = _("profile doradców")
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="advisor_profile_once")]

    def __str__(self):
        return f"{self.user} ({self.organisation_id})"


class ChosenArea(models.Model):
    """An area of the edition's catalogue version the JST works on, with the team's reasons."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="chosen_areas")
    area = models.ForeignKey("catalog.Area", on_delete=models.PROTECT, related_name="+", verbose_name=_("obszar"))
    justification = models.TextField(_("uzasadnienie wyboru"), max_length=5000, blank=True)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    chosen_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(_("potwierdzony przez doradców"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("wybrany obszar")
        verbose_name_plural = _("wybrane obszary")
        ordering = ["chosen_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["engagement", "area"], name="area_once_per_engagement")]

    def __str__(self):
        return str(self.area)


class TimelineEntry(models.Model):
    """What happened in the engagement, for everybody who works on it (the audit history is the full record)."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=50)
    # What happened, not a sentence: ``code`` names a text registered in ``engagements.timeline`` and ``params``
    # fills it, so each reader sees it in their own language.
    code = models.CharField(max_length=100, blank=True)
    params = models.JSONField(default=dict, blank=True)
    # Entries written before codes existed: the Polish sentence as it was stored (shown when ``code`` is empty).
    text = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("wpis na osi czasu")
        verbose_name_plural = _("oś czasu")

    def __str__(self):
        return str(self.display)

    @property
    def display(self):
        """The entry as HTML in the active language (Polish content people typed marked ``lang="pl"``)."""
        from .timeline import render

        return render(self)


class DevelopmentPriority(Versioned, Authored, Created):
    """A candidate or chosen development priority from the needs diagnosis (1–3 are chosen, each with a goal).

    The HDR's priority sections and actions point here."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="priorities")
    title = models.CharField(_("priorytet"), max_length=300)
    description = models.TextField(_("opis"), max_length=5000, blank=True)
    importance = models.PositiveSmallIntegerField(_("ważność (1–5)"), null=True, blank=True)
    feasibility = models.PositiveSmallIntegerField(_("wykonalność (1–5)"), null=True, blank=True)
    is_selected = models.BooleanField(_("wybrany priorytet rozwojowy"), default=False)
    goal = models.TextField(_("cel"), max_length=2000, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    # Optimistic locking: two people rating or rewording the same priority do not overwrite each other.

    class Meta:
        verbose_name = _("priorytet rozwojowy")
        verbose_name_plural = _("priorytety rozwojowe")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(importance__isnull=True) | Q(importance__gte=1, importance__lte=5),
                name="priority_importance_1_5",
            ),
            models.CheckConstraint(
                condition=Q(feasibility__isnull=True) | Q(feasibility__gte=1, feasibility__lte=5),
                name="priority_feasibility_1_5",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def score(self) -> int | None:
        """The ranking of guided prioritisation: importance × feasibility (1–25), once both are rated."""
        if self.importance is None or self.feasibility is None:
            return None
        return self.importance * self.feasibility


class NeedsAssessment(Versioned):
    """The needs diagnosis (diagnoza potrzeb): one per engagement, written together by the team and the advisors.

    The narrative sections live here under one ``version`` (optimistic locking); the context figures and the
    school directors' views are rows of their own, so adding one never conflicts with someone editing the text.
    """

    engagement = models.OneToOneField(Engagement, on_delete=models.CASCADE, related_name="assessment")
    context_notes = models.TextField(_("komentarz do danych o lokalnym systemie oświaty"), max_length=10000, blank=True)
    data_sources = models.TextField(_("wykorzystane źródła danych"), max_length=5000, blank=True)
    strengths = models.TextField(_("mocne strony"), max_length=10000, blank=True)
    problems = models.TextField(_("problemy"), max_length=10000, blank=True)
    needs = models.TextField(_("potrzeby"), max_length=10000, blank=True)
    post_pandemic_needs = models.TextField(_("potrzeby popandemiczne"), max_length=10000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_by_label = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("diagnoza potrzeb")
        verbose_name_plural = _("diagnozy potrzeb")

    def __str__(self):
        return _("Diagnoza potrzeb: %(jst)s") % {"jst": self.engagement.local_government}


class ContextFigure(models.Model):
    """One figure about the local education system, always with its year and its source."""

    class Topic(models.TextChoices):
        SCHOOLS = "schools", _("szkoły i placówki")
        PUPILS = "pupils", _("uczniowie")
        TEACHERS = "teachers", _("nauczyciele")
        SPENDING = "spending", _("wydatki na oświatę")
        SUBSIDY = "subsidy", _("subwencja oświatowa")
        OTHER = "other", _("inne")

    assessment = models.ForeignKey(NeedsAssessment, on_delete=models.CASCADE, related_name="figures")
    topic = models.CharField(_("czego dotyczy"), max_length=20, choices=Topic.choices)
    label = models.CharField(
        _("opis"), max_length=200, help_text=_("Na przykład: szkoły podstawowe, uczniowie liceów, etaty nauczycieli.")
    )
    value = models.DecimalField(_("wartość"), max_digits=16, decimal_places=2)
    unit = models.CharField(_("jednostka"), max_length=50, help_text=_("Na przykład: szt., osób, etatów, zł."))
    year = models.PositiveSmallIntegerField(_("rok"))
    source = models.CharField(
        _("źródło"), max_length=500, help_text=_("Na przykład: SIO, stan na 30.09.2023; sprawozdanie Rb-28S za 2023.")
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    added_by_label = models.CharField(max_length=300, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dane o lokalnym systemie oświaty")
        verbose_name_plural = _("dane o lokalnym systemie oświaty")
        ordering = ["topic", "label", "-year", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(year__gte=1990, year__lte=2100), name="context_figure_year_range")
        ]

    def __str__(self):
        return f"{self.label}: {self.value} {self.unit} ({self.year})"


class SchoolPerspective(Versioned, TimeStamped):
    """A school director's view of their own school, part of the diagnosis."""

    assessment = models.ForeignKey(NeedsAssessment, on_delete=models.CASCADE, related_name="school_perspectives")
    school_name = models.CharField(_("szkoła lub placówka"), max_length=300)
    strengths = models.TextField(_("mocne strony szkoły"), max_length=5000, blank=True)
    challenges = models.TextField(_("trudności i wyzwania"), max_length=5000, blank=True)
    needs = models.TextField(_("czego szkoła potrzebuje od organu prowadzącego"), max_length=5000, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author_label = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("spojrzenie dyrektora na szkołę")
        verbose_name_plural = _("spojrzenia dyrektorów na szkoły")
        ordering = ["school_name", "pk"]

    def __str__(self):
        return self.school_name
