"""An edition of the model: who runs it, when, for how many JSTs, with which settings and planned events.

The stored ``status`` says only whether the organiser has published the edition. Where a published edition
stands (announced, recruiting, ongoing, closed) is derived from its dates, so it can never go stale.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Organisation
from apps.catalog.models import CatalogVersion, SupportForm
from apps.core.models import TimeStamped
from apps.territory.kinds import DEFAULT_WORKSHOP_GROUPS, JstKind, WorkshopGroup

# Deadlines are the programme's, set in Poland: a day ends at midnight in Warsaw whatever the server's zone.
PROGRAMME_TZ = ZoneInfo("Europe/Warsaw")


def all_jst_kinds() -> list[str]:
    return list(JstKind.values)


def _d(value: date) -> str:
    return date_format(value, "d.m.Y")


class Phase(models.TextChoices):
    DRAFT = "draft", _("szkic (niepublikowana)")
    ANNOUNCED = "announced", _("zapowiedziana")
    RECRUITMENT = "recruitment", _("nabór otwarty")
    BEFORE_START = "before_start", _("nabór zakończony")
    ONGOING = "ongoing", _("w trakcie")
    CLOSED = "closed", _("zakończona")


@dataclass(frozen=True)
class WorkshopGroupRow:
    kind: str
    kind_label: str
    group_label: str
    is_override: bool


class Edition(TimeStamped):
    class Status(models.TextChoices):
        DRAFT = "draft", _("szkic")
        PUBLISHED = "published", _("opublikowana")

    class SchoolDirectors(models.TextChoices):
        NOT_ALLOWED = "not_allowed", _("nie wchodzą w skład zespołu")
        ALLOWED = "allowed", _("mogą wchodzić w skład zespołu")
        REQUIRED = "required", _("są wymagani w zespole")

    organiser = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="editions", verbose_name=_("organizator")
    )
    # The catalogue version the edition started with; a newer catalogue never rewrites it.
    catalogue_version = models.ForeignKey(
        CatalogVersion, on_delete=models.PROTECT, related_name="editions", verbose_name=_("wersja katalogu")
    )
    name = models.CharField(_("nazwa edycji"), max_length=200)
    slug = models.SlugField(_("identyfikator w adresie"), max_length=100, unique=True)
    description = models.TextField(_("opis"), blank=True, help_text=_("Widoczny na publicznej stronie edycji."))
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("opublikowana"), null=True, blank=True)

    period_start = models.DateField(_("początek realizacji"))
    period_end = models.DateField(_("koniec realizacji"))
    capacity = models.PositiveIntegerField(
        _("liczba miejsc dla JST"),
        validators=[MinValueValidator(1, _("Edycja musi mieć co najmniej jedno miejsce dla JST."))],
    )
    team_size_min = models.PositiveSmallIntegerField(
        _("najmniejszy zespół JST (osób)"),
        default=3,
        validators=[MinValueValidator(1, _("Zespół JST liczy co najmniej jedną osobę."))],
    )
    team_size_max = models.PositiveSmallIntegerField(
        _("największy zespół JST (osób)"),
        default=5,
        validators=[MaxValueValidator(20, _("Zespół JST może liczyć najwyżej 20 osób."))],
    )
    school_directors = models.CharField(
        _("dyrektorzy szkół w zespole"),
        max_length=20,
        choices=SchoolDirectors.choices,
        default=SchoolDirectors.ALLOWED,
    )
    school_directors_min = models.PositiveSmallIntegerField(
        _("co najmniej dyrektorów"), default=0, blank=True, help_text=_("Ma znaczenie, gdy dyrektorzy są wymagani.")
    )
    school_directors_max = models.PositiveSmallIntegerField(
        _("najwyżej dyrektorów"),
        default=1,
        blank=True,
        help_text=_("Nie ma znaczenia, gdy dyrektorzy nie wchodzą w skład zespołu."),
    )
    onsite_visits_count = models.PositiveSmallIntegerField(
        _("spotkania doradcze w siedzibie JST"),
        default=3,
        validators=[MaxValueValidator(12, _("Najwyżej 12 spotkań w siedzibie JST."))],
        help_text=_("Liczba dwudniowych spotkań pary doradców w każdej JST (np. 2 lub 3)."),
    )
    remote_advisory_months = models.PositiveSmallIntegerField(
        _("doradztwo zdalne (miesiące)"),
        default=8,
        validators=[MaxValueValidator(36, _("Doradztwo zdalne trwa najwyżej 36 miesięcy."))],
    )
    allows_two_areas = models.BooleanField(_("JST może pracować nad dwoma obszarami"), default=False)
    diagnosis_asks_post_pandemic_needs = models.BooleanField(
        _("diagnoza potrzeb obejmuje potrzeby popandemiczne"),
        default=False,
        help_text=_("Zespoły JST opisują w diagnozie także potrzeby wynikające z pandemii."),
    )
    eligible_jst_kinds = models.JSONField(_("rodzaje JST, które mogą się zgłosić"), default=all_jst_kinds)
    # Only the kinds whose group differs from the model's default (DEFAULT_WORKSHOP_GROUPS).
    workshop_group_overrides = models.JSONField(_("zmiany przydziału do grup warsztatowych"), default=dict, blank=True)

    recruitment_opens_on = models.DateField(_("otwarcie naboru"))
    recruitment_deadline = models.DateField(
        _("termin składania zgłoszeń"),
        help_text=_("Decyduje data wpływu: zgłoszenie przyjęte do końca tego dnia (czas polski) jest w terminie."),
    )
    results_date = models.DateField(_("ogłoszenie wyników naboru"))

    contact_name = models.CharField(_("osoba do kontaktu"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail kontaktowy"), blank=True)
    contact_phone = models.CharField(_("telefon kontaktowy"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("edycja")
        verbose_name_plural = _("edycje")
        ordering = ["-period_start", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="edition_period_order",
                violation_error_message=_("Koniec realizacji nie może być wcześniej niż jej początek."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gt=0),
                name="edition_capacity_positive",
                violation_error_message=_("Edycja musi mieć co najmniej jedno miejsce dla JST."),
            ),
            models.CheckConstraint(
                condition=Q(team_size_min__gte=1, team_size_max__gte=F("team_size_min")),
                name="edition_team_size",
                violation_error_message=_("Największy zespół nie może być mniejszy niż najmniejszy zespół."),
            ),
            models.CheckConstraint(
                condition=Q(recruitment_deadline__gte=F("recruitment_opens_on"))
                & Q(results_date__gte=F("recruitment_deadline")),
                name="edition_recruitment_order",
                violation_error_message=_("Daty naboru muszą następować po sobie: otwarcie, termin, wyniki."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False), name="edition_published_has_date"
            ),
        ]

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.pk}

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors: dict[str, list] = {}

        def refuse(field, message):
            errors.setdefault(field, []).append(message)

        start, end = self.period_start, self.period_end
        if start and end and end < start:
            refuse("period_end", _("Koniec realizacji nie może być wcześniej niż jej początek."))
        if self.team_size_min and self.team_size_max and self.team_size_min > self.team_size_max:
            refuse("team_size_max", _("Największy zespół nie może być mniejszy niż najmniejszy zespół."))
        opens, deadline, results = self.recruitment_opens_on, self.recruitment_deadline, self.results_date
        if opens and deadline and opens > deadline:
            refuse("recruitment_opens_on", _("Otwarcie naboru musi nastąpić najpóźniej w dniu terminu zgłoszeń."))
        if deadline and results and deadline > results:
            refuse("results_date", _("Wyniki naboru nie mogą być ogłoszone przed terminem składania zgłoszeń."))
        # Qualified JSTs must know they are in before the edition's support begins.
        if results and start and results > start:
            refuse("results_date", _("Wyniki naboru muszą być ogłoszone najpóźniej w dniu rozpoczęcia realizacji."))
        self._clean_directors(refuse)
        self._clean_kinds(refuse)
        if start and end and end >= start and self.pk:
            outside = self.planned_events.exclude(starts_on__gte=start, ends_on__lte=end).order_by("starts_on")
            if outside.exists():
                names = ", ".join(f"„{event.title}”" for event in outside[:3])
                refuse(
                    "period_start",
                    _("Zaplanowane wydarzenia wykraczają poza ten okres: %(events)s. Najpierw zmień ich terminy.")
                    % {"events": names},
                )
        if errors:
            raise ValidationError(errors)

    def _clean_directors(self, refuse):
        policy, low, high = self.school_directors, self.school_directors_min, self.school_directors_max
        if policy == self.SchoolDirectors.NOT_ALLOWED:
            self.school_directors_min = self.school_directors_max = 0
            return
        if policy == self.SchoolDirectors.ALLOWED:
            self.school_directors_min = low = 0
        elif policy == self.SchoolDirectors.REQUIRED and not low:
            refuse("school_directors_min", _("Skoro dyrektorzy są wymagani, podaj, ilu co najmniej (1 lub więcej)."))
        if high is None or high < 1:
            refuse("school_directors_max", _("Podaj, ilu dyrektorów najwyżej może być w zespole (1 lub więcej)."))
            return
        if low and low > high:
            refuse("school_directors_max", _("Najwyższa liczba dyrektorów nie może być mniejsza niż najniższa."))
        # A team is delegated by the JST: at least one of its members is a JST official.
        if self.team_size_min and low and low >= self.team_size_min:
            refuse(
                "school_directors_min",
                _("W najmniejszym zespole (%(size)s os.) musi zostać miejsce dla co najmniej jednej osoby z JST.")
                % {"size": self.team_size_min},
            )
        if self.team_size_max and high >= self.team_size_max:
            refuse(
                "school_directors_max",
                _("W największym zespole (%(size)s os.) musi zostać miejsce dla co najmniej jednej osoby z JST.")
                % {"size": self.team_size_max},
            )

    def _clean_kinds(self, refuse):
        kinds = self.eligible_jst_kinds
        if not isinstance(kinds, list) or not kinds:
            refuse("eligible_jst_kinds", _("Wybierz co najmniej jeden rodzaj JST, który może się zgłosić."))
        elif unknown := [k for k in kinds if k not in JstKind.values]:
            refuse("eligible_jst_kinds", _("Nieznany rodzaj JST: %(kinds)s.") % {"kinds": ", ".join(map(str, unknown))})
        else:
            self.eligible_jst_kinds = [k for k in JstKind.values if k in kinds]
        overrides = self.workshop_group_overrides
        if not isinstance(overrides, dict):
            refuse("workshop_group_overrides", _("Przydział do grup warsztatowych ma nieprawidłową postać."))
            return
        bad = [k for k, g in overrides.items() if k not in JstKind.values or g not in WorkshopGroup.values]
        if bad:
            refuse(
                "workshop_group_overrides",
                _("Nieprawidłowy przydział do grup warsztatowych: %(kinds)s.") % {"kinds": ", ".join(map(str, bad))},
            )
            return
        # Keep only real overrides, so a later change of the model's default still applies elsewhere.
        self.workshop_group_overrides = {k: g for k, g in overrides.items() if DEFAULT_WORKSHOP_GROUPS[k] != g}

    # Derived facts the pages show.

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def recruitment_deadline_at(self) -> datetime:
        """The last moment an application is on time: the end of the deadline day in Warsaw."""
        return datetime.combine(self.recruitment_deadline, time.max, tzinfo=PROGRAMME_TZ)

    def is_received_in_time(self, received_at: datetime) -> bool:
        """The date of receipt decides: anything received on the deadline day (Warsaw time) is on time."""
        return received_at <= self.recruitment_deadline_at

    def phase(self, today: date | None = None) -> str:
        if not self.is_published:
            return Phase.DRAFT
        today = today or timezone.localdate(timezone=PROGRAMME_TZ)
        if today < self.recruitment_opens_on:
            return Phase.ANNOUNCED
        if today <= self.recruitment_deadline:
            return Phase.RECRUITMENT
        if today < self.period_start:
            return Phase.BEFORE_START
        if today <= self.period_end:
            return Phase.ONGOING
        return Phase.CLOSED

    @property
    def phase_label(self) -> str:
        return Phase(self.phase()).label

    @property
    def eligible_kind_labels(self) -> list[str]:
        return [JstKind(k).label for k in self.eligible_jst_kinds if k in JstKind.values]

    @property
    def workshop_groups(self) -> list[WorkshopGroupRow]:
        """Each eligible kind with the workshop group its JSTs train in, marking the edition's own choices."""
        rows = []
        for kind in self.eligible_jst_kinds:
            group = self.workshop_group_overrides.get(kind, DEFAULT_WORKSHOP_GROUPS[kind])
            rows.append(
                WorkshopGroupRow(
                    kind=kind,
                    kind_label=JstKind(kind).label,
                    group_label=WorkshopGroup(group).label,
                    is_override=kind in self.workshop_group_overrides,
                )
            )
        return rows


class PlannedEvent(models.Model):
    """A meeting or training the organiser plans for the whole edition (per-JST on-site visits are agreed later)."""

    class Kind(models.TextChoices):
        OPENING_MEETING = SupportForm.Code.OPENING_MEETING.value, SupportForm.Code.OPENING_MEETING.label
        WORKSHOP_TRAINING = SupportForm.Code.WORKSHOP_TRAINING.value, SupportForm.Code.WORKSHOP_TRAINING.label
        CLOSING_MEETING = SupportForm.Code.CLOSING_MEETING.value, SupportForm.Code.CLOSING_MEETING.label
        OTHER = "other", _("inne wydarzenie")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="planned_events")
    kind = models.CharField(_("rodzaj"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("nazwa"), max_length=200)
    starts_on = models.DateField(_("pierwszy dzień"))
    ends_on = models.DateField(_("ostatni dzień"))
    place = models.CharField(_("miejsce"), max_length=300, blank=True)
    notes = models.TextField(_("uwagi"), blank=True)

    class Meta:
        verbose_name = _("planowane wydarzenie")
        verbose_name_plural = _("planowane wydarzenia")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="planned_event_dates_order",
                violation_error_message=_("Ostatni dzień nie może być wcześniej niż pierwszy."),
            ),
            # The model has exactly one opening and one closing meeting per edition.
            models.UniqueConstraint(
                fields=["edition", "kind"],
                condition=Q(kind__in=["opening_meeting", "closing_meeting"]),
                name="planned_event_one_opening_closing",
                violation_error_message=_("Edycja ma tylko jedno spotkanie otwierające i jedno podsumowujące."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def dates_label(self) -> str:
        if self.starts_on == self.ends_on:
            return _d(self.starts_on)
        return f"{_d(self.starts_on)}–{_d(self.ends_on)}"

    def clean(self):
        super().clean()
        if not (self.starts_on and self.ends_on):
            return
        if self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Ostatni dzień nie może być wcześniej niż pierwszy.")})
        if not self.edition_id:
            return
        edition = self.edition
        if self.starts_on < edition.period_start or self.ends_on > edition.period_end:
            raise ValidationError(
                {
                    "starts_on": _("Wydarzenie musi się odbyć w okresie realizacji edycji: %(start)s–%(end)s.")
                    % {"start": _d(edition.period_start), "end": _d(edition.period_end)}
                }
            )
        others = edition.planned_events.exclude(pk=self.pk)
        clash = others.filter(starts_on__lte=self.ends_on, ends_on__gte=self.starts_on).first()
        if clash:
            raise ValidationError(
                {
                    "starts_on": _("Termin pokrywa się z wydarzeniem „%(title)s” (%(dates)s).")
                    % {"title": clash.title, "dates": clash.dates_label}
                }
            )
        self._clean_order(others)

    def _clean_order(self, others):
        once = {self.Kind.OPENING_MEETING, self.Kind.CLOSING_MEETING}
        if self.kind in once and others.filter(kind=self.kind).exists():
            raise ValidationError({"kind": _("Ta edycja ma już %(kind)s.") % {"kind": self.Kind(self.kind).label}})
        if self.kind == self.Kind.OPENING_MEETING and others.filter(starts_on__lt=self.starts_on).exists():
            raise ValidationError({"starts_on": _("Spotkanie otwierające musi być pierwszym wydarzeniem edycji.")})
        if self.kind == self.Kind.CLOSING_MEETING and others.filter(ends_on__gt=self.ends_on).exists():
            raise ValidationError({"starts_on": _("Spotkanie podsumowujące musi być ostatnim wydarzeniem edycji.")})
        opening = others.filter(kind=self.Kind.OPENING_MEETING, starts_on__gt=self.starts_on).first()
        if opening and self.kind != self.Kind.OPENING_MEETING:
            raise ValidationError(
                {
                    "starts_on": _("Wydarzenie nie może odbyć się przed spotkaniem otwierającym (%(dates)s).")
                    % {"dates": opening.dates_label}
                }
            )
        closing = others.filter(kind=self.Kind.CLOSING_MEETING, ends_on__lt=self.ends_on).first()
        if closing and self.kind != self.Kind.CLOSING_MEETING:
            raise ValidationError(
                {
                    "starts_on": _("Wydarzenie nie może odbyć się po spotkaniu podsumowującym (%(dates)s).")
                    % {"dates": closing.dates_label}
                }
            )
