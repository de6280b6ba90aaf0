"""Events of an edition grown from its planned events: venues, the agenda, registration with rooms and meals,
rooms for two, check-in and attendance.

An ``Event`` is one-to-one with an ``editions.PlannedEvent``; the planned event's dates stay the authoritative
event days (other apps, e.g. advising, read them), its kind and title stay there too. Everything the logistics
need lives here.
"""

import secrets
from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.models import Created, TimeStamped, Versioned
from apps.documents.storage import select_private_storage
from apps.territory.kinds import WorkshopGroup


class Venue(TimeStamped):
    """A place events happen in, kept by the organiser and reused across events and editions."""

    organiser = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="venues", verbose_name=_("organizator")
    )
    name = models.CharField(_("nazwa"), max_length=200)
    address = models.CharField(_("adres"), max_length=300)
    phone = models.CharField(_("telefon"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    directions_by_car = models.TextField(_("dojazd samochodem"), max_length=3000, blank=True)
    directions_by_public_transport = models.TextField(_("dojazd komunikacją publiczną"), max_length=3000, blank=True)
    parking = models.TextField(_("parking"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("miejsce wydarzeń")
        verbose_name_plural = _("miejsca wydarzeń")
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name}, {self.address}"


class Event(Versioned, TimeStamped):
    planned_event = models.OneToOneField(
        "editions.PlannedEvent", on_delete=models.CASCADE, related_name="event", verbose_name=_("wydarzenie edycji")
    )
    venue = models.ForeignKey(
        Venue, on_delete=models.PROTECT, null=True, blank=True, related_name="events", verbose_name=_("miejsce")
    )
    online_url = models.URLField(_("link do spotkania on-line"), blank=True)
    description = models.TextField(_("opis dla uczestników"), max_length=5000, blank=True)
    capacity = models.PositiveIntegerField(
        _("liczba miejsc"), validators=[MinValueValidator(1, _("Wydarzenie musi mieć co najmniej jedno miejsce."))]
    )
    registration_deadline = models.DateField(
        _("termin rejestracji"), help_text=_("Do końca tego dnia (czas polski) uczestnicy sami zmieniają zgłoszenie.")
    )
    registration_open = models.BooleanField(_("rejestracja otwarta"), default=True)
    invite_team_members = models.BooleanField(
        _("zaproś wszystkich członków zespołów JST edycji"),
        default=True,
        help_text=_("Zaproszeni są aktywni członkowie zespołów JST tej edycji; doradców i trenerów dodaje się osobno."),
    )
    privacy_notice = models.TextField(
        _("klauzula informacyjna RODO"),
        max_length=10000,
        help_text=_("Uczestnik potwierdza zapoznanie się z nią przy rejestracji."),
    )
    certificate_min_days = models.PositiveSmallIntegerField(
        _("zaświadczenie od liczby dni obecności"),
        default=0,
        help_text=_("0 oznacza: obecność we wszystkie dni wydarzenia."),
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("czas na przyjęcie zwolnionego miejsca (godziny)"),
        default=48,
        validators=[MinValueValidator(1, _("Podaj co najmniej 1 godzinę."))],
    )
    programme_sent_at = models.DateTimeField(_("program wysłany"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("wydarzenie")
        verbose_name_plural = _("wydarzenia")
        ordering = ["planned_event__starts_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gt=0), name="event_capacity_positive"),
        ]

    def __str__(self):
        return self.planned_event.title

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.planned_event.edition_id}

    @property
    def edition(self):
        return self.planned_event.edition

    @property
    def title(self) -> str:
        return self.planned_event.title

    @property
    def starts_on(self) -> date:
        return self.planned_event.starts_on

    @property
    def ends_on(self) -> date:
        return self.planned_event.ends_on

    @property
    def dates_label(self) -> str:
        return self.planned_event.dates_label

    @property
    def days(self) -> list[date]:
        start, end = self.planned_event.starts_on, self.planned_event.ends_on
        return [start + timedelta(days=i) for i in range((end - start).days + 1)]

    @property
    def nights(self) -> list[date]:
        """The nights one may stay (each named by the evening it starts): the eve of the first day to the eve of
        the last."""
        return [day - timedelta(days=1) for day in self.days]

    @property
    def place_label(self) -> str:
        if self.venue_id:
            return str(self.venue)
        if self.online_url:
            return str(_("on-line"))
        return self.planned_event.place

    @property
    def is_online(self) -> bool:
        return not self.venue_id and bool(self.online_url)


class Invitee(Created):
    """Someone invited beside the JST teams: an advisor, a trainer or another guest with an account."""

    class Role(models.TextChoices):
        ADVISOR = "advisor", _("doradca")
        TRAINER = "trainer", _("trener")
        GUEST = "guest", _("gość")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitees")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_invitations")
    role = models.CharField(_("rola"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("osoba zaproszona")
        verbose_name_plural = _("osoby zaproszone")
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="event_invitee_once")]


class SessionMethod(models.TextChoices):
    LECTURE = "lecture", _("wykład")
    MINI_PRESENTATION = "mini_presentation", _("miniprezentacja")
    GROUP_COACHING = "group_coaching", _("coaching grupowy")
    DISCUSSION = "discussion", _("dyskusja i wymiana doświadczeń")
    WORKSHOP = "workshop", _("praktyczny warsztat")


class TopicFamily(models.TextChoices):
    EDUCATION_TASKS = "education_tasks", _("realizacja zadań oświatowych w JST")
    SOFT_SKILLS = "soft_skills", _("kompetencje miękkie")


class Session(Versioned, TimeStamped):
    """One block of an event's agenda: a session (90 minutes unless changed), a break or a meal."""

    class Kind(models.TextChoices):
        SESSION = "session", _("sesja")
        BREAK = "break", _("przerwa")
        MEAL = "meal", _("posiłek")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices, default=Kind.SESSION)
    day = models.DateField(_("dzień"))
    starts_at = models.TimeField(_("początek"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("czas trwania (minuty)"),
        default=90,
        validators=[
            MinValueValidator(5, _("Blok trwa co najmniej 5 minut.")),
            MaxValueValidator(600, _("Blok trwa najwyżej 600 minut.")),
        ],
    )
    workshop_group = models.CharField(
        _("grupa warsztatowa"),
        max_length=30,
        choices=WorkshopGroup.choices,
        blank=True,
        help_text=_("Puste: sesja plenarna, dla wszystkich."),
    )
    title = models.CharField(_("tytuł"), max_length=300)
    method = models.CharField(_("metoda"), max_length=30, choices=SessionMethod.choices, blank=True)
    topic_family = models.CharField(_("obszar tematyczny"), max_length=30, choices=TopicFamily.choices, blank=True)
    room = models.CharField(_("sala"), max_length=100, blank=True)
    description = models.TextField(_("opis"), max_length=5000, blank=True)
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="event_sessions", verbose_name=_("trenerzy")
    )
    scenario = models.ForeignKey(
        "programmes.Scenario",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("scenariusz zajęć z programu szkoleniowego"),
    )
    topic = models.ForeignKey(
        "Topic", on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions", verbose_name=_("temat")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("blok programu")
        verbose_name_plural = _("bloki programu")
        ordering = ["day", "starts_at", "workshop_group", "pk"]

    def __str__(self):
        return self.title

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.event.planned_event.edition_id}

    @property
    def is_plenary(self) -> bool:
        return not self.workshop_group

    @property
    def start_minute(self) -> int:
        return self.starts_at.hour * 60 + self.starts_at.minute

    @property
    def end_minute(self) -> int:
        return self.start_minute + self.duration_minutes

    @property
    def ends_at_label(self) -> str:
        end = self.end_minute
        return f"{end // 60:02d}:{end % 60:02d}"

    @property
    def time_label(self) -> str:
        return f"{self.starts_at:%H:%M}–{self.ends_at_label}"


def material_path(instance, filename: str) -> str:
    return f"events/{instance.session.event_id}/materials/{secrets.token_hex(8)}-{filename}"


class SessionMaterial(Created):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="materials")
    name = models.CharField(_("nazwa"), max_length=200)
    file = models.FileField(_("plik"), upload_to=material_path, storage=select_private_storage, max_length=300)
    # What the file is, from its content (``documents.files``): served with this type and extension.
    content_type = models.CharField(max_length=120, default="application/pdf")
    extension = models.CharField(max_length=10, default=".pdf")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("materiał")
        verbose_name_plural = _("materiały")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class Topic(Created):
    """A candidate topic participants rate before the agenda is fixed, or one a participant proposed."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="topics")
    family = models.CharField(_("obszar tematyczny"), max_length=30, choices=TopicFamily.choices)
    title = models.CharField(_("temat"), max_length=300)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_in_group = models.CharField(max_length=30, choices=WorkshopGroup.choices, blank=True)

    class Meta:
        verbose_name = _("temat")
        verbose_name_plural = _("tematy")
        ordering = ["family", "title", "pk"]

    def __str__(self):
        return self.title


class TopicRating(Created):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="ratings")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    workshop_group = models.CharField(max_length=30, choices=WorkshopGroup.choices, blank=True)
    score = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["topic", "user"], name="topic_rating_once"),
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="topic_rating_range"),
        ]


class Diet(models.TextChoices):
    STANDARD = "standard", _("standardowa")
    VEGETARIAN = "vegetarian", _("wegetariańska")
    VEGAN = "vegan", _("wegańska")
    GLUTEN_FREE = "gluten_free", _("bezglutenowa")
    OTHER = "other", _("inna (opisz)")


class Meal(models.TextChoices):
    BREAKFAST = "breakfast", _("śniadanie")
    LUNCH = "lunch", _("obiad")
    DINNER = "dinner", _("kolacja")


class RoomChoice(models.TextChoices):
    NAMED = "named", _("pokój dwuosobowy ze wskazaną osobą")
    PAIR_ME = "pair_me", _("pokój dwuosobowy, osobę dobierze organizator")
    SINGLE = "single", _("pokój jednoosobowy (z uzasadnieniem)")


def new_code() -> str:
    # No 0/O/1/I: people type it from a badge.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class Registration(TimeStamped):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("zarejestrowana")
        WAITING = "waiting", _("lista rezerwowa")
        OFFERED = "offered", _("zaproponowano zwolnione miejsce")
        CANCELLED = "cancelled", _("anulowana")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="event_registrations")
    team_member = models.ForeignKey(
        "engagements.TeamMember", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    full_name = models.CharField(_("imię i nazwisko"), max_length=200)
    email = models.EmailField(_("adres e-mail"))
    workshop_group = models.CharField(_("grupa warsztatowa"), max_length=30, choices=WorkshopGroup.choices, blank=True)
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.REGISTERED)
    waiting_since = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("termin przyjęcia miejsca"), null=True, blank=True)
    days = models.JSONField(_("dni udziału"), default=list)
    nights = models.JSONField(_("noclegi"), default=list, blank=True)
    room_choice = models.CharField(_("pokój"), max_length=20, choices=RoomChoice.choices, blank=True)
    roommate = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("współlokator")
    )
    single_reason = models.TextField(_("uzasadnienie pokoju jednoosobowego"), max_length=1000, blank=True)
    single_approved = models.BooleanField(_("pokój jednoosobowy zatwierdzony"), null=True, blank=True)
    meals = models.JSONField(_("posiłki"), default=list, blank=True)
    diet = models.CharField(_("dieta"), max_length=20, choices=Diet.choices, default=Diet.STANDARD)
    diet_note = models.CharField(_("opis diety"), max_length=300, blank=True)
    parking = models.BooleanField(_("miejsce parkingowe"), default=False)
    accessibility_needs = models.TextField(_("potrzeby związane z dostępnością"), max_length=2000, blank=True)
    privacy_acknowledged_at = models.DateTimeField(_("klauzula RODO potwierdzona"), null=True, blank=True)
    code = models.CharField(_("kod uczestnika"), max_length=12, unique=True, default=new_code)
    programme_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("zgłoszenie na wydarzenie")
        verbose_name_plural = _("zgłoszenia na wydarzenia")
        ordering = ["full_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="registration_once_per_event"),
        ]

    def __str__(self):
        return f"{self.full_name} · {self.event_id}"

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.event.planned_event.edition_id, "engagement": self.engagement_id}

    @property
    def holds_place(self) -> bool:
        return self.status in (self.Status.REGISTERED, self.Status.OFFERED)

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.REGISTERED


class Room(Created):
    """Two registrations sharing a room for the nights both stay (or one person in an approved single room)."""

    class Source(models.TextChoices):
        MUTUAL = "mutual", _("wzajemny wybór")
        PROPOSED = "proposed", _("propozycja dopasowania")
        ORGANISER = "organiser", _("ustalone przez organizatora")
        SINGLE = "single", _("pokój jednoosobowy")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rooms")
    first = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="room_as_first")
    second = models.OneToOneField(
        Registration, on_delete=models.CASCADE, null=True, blank=True, related_name="room_as_second"
    )
    source = models.CharField(_("jak ustalono"), max_length=20, choices=Source.choices)

    class Meta:
        verbose_name = _("pokój")
        verbose_name_plural = _("pokoje")
        ordering = ["pk"]


class CheckIn(models.Model):
    """One person present on one day of the event (one row even if two staff scan the same badge)."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="check_ins")
    day = models.DateField(_("dzień"))
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("obecność")
        verbose_name_plural = _("obecności")
        ordering = ["day", "at"]
        constraints = [models.UniqueConstraint(fields=["registration", "day"], name="check_in_once_per_day")]

    def __str__(self):
        return f"{self.registration_id} · {self.day}"


def scan_path(instance, filename: str) -> str:
    return f"events/{instance.event_id}/attendance/{secrets.token_hex(8)}-{filename}"


class AttendanceScan(Created):
    """The signed paper attendance list of one day (and workshop group), scanned."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendance_scans")
    day = models.DateField(_("dzień"))
    workshop_group = models.CharField(_("grupa warsztatowa"), max_length=30, choices=WorkshopGroup.choices, blank=True)
    file = models.FileField(_("skan (PDF)"), upload_to=scan_path, storage=select_private_storage, max_length=300)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("skan listy obecności")
        verbose_name_plural = _("skany list obecności")
        ordering = ["day", "workshop_group", "-created_at"]


def certificate_code() -> str:
    return f"{new_code()}{new_code()[:4]}"


class Certificate(Created):
    """A certificate of participation (zaświadczenie o udziale): issued once per registration that met the
    organiser's threshold; its code proves it on the public verification page."""

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="certificate")
    code = models.CharField(_("kod weryfikacyjny"), max_length=16, unique=True, default=certificate_code)
    days_attended = models.PositiveSmallIntegerField(_("dni obecności"))
    hours = models.DecimalField(_("godziny zajęć"), max_digits=5, decimal_places=1)

    class Meta:
        verbose_name = _("zaświadczenie o udziale")
        verbose_name_plural = _("zaświadczenia o udziale")
        ordering = ["registration__full_name", "pk"]

    def __str__(self):
        return self.code
