"""Advisory work between the events: on-site visits whose dates the advisors agree with the JST, the visit records
(versioned once confirmed), remote sessions, the tasks agreed at both, and each advisor's hours and monthly sheet."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.models import Created, TimeStamped
from apps.documents.storage import select_private_storage
from apps.engagements.models import Stage


class AdvisingPlan(TimeStamped):
    """An edition's advisory settings (kept here so that editions need not know about advising)."""

    edition = models.OneToOneField("editions.Edition", on_delete=models.CASCADE, related_name="advising_plan")
    visits_per_jst = models.PositiveSmallIntegerField(
        _("spotkania w siedzibie JST"), default=3, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    visit_days = models.PositiveSmallIntegerField(
        _("długość spotkania (dni)"), default=2, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    remote_starts_on = models.DateField(_("początek doradztwa zdalnego"), null=True, blank=True)
    remote_ends_on = models.DateField(_("koniec doradztwa zdalnego"), null=True, blank=True)
    planned_hours_per_jst = models.DecimalField(
        _("planowane godziny doradztwa na JST"), max_digits=7, decimal_places=2, default=Decimal("120")
    )

    class Meta:
        verbose_name = _("ustawienia doradztwa edycji")
        verbose_name_plural = _("ustawienia doradztwa edycji")

    def __str__(self):
        return str(self.edition)

    def agree_by(self, number: int) -> datetime.date:
        """When visit ``number`` should be agreed: the edition's period split evenly, one part per visit."""
        start, end = self.edition.period_start, self.edition.period_end
        span = (end - start).days
        return start + datetime.timedelta(days=span * (number - 1) // max(1, self.visits_per_jst) + 30)


class Visit(TimeStamped):
    """One of a JST's on-site meetings (spotkanie doradcze w siedzibie JST)."""

    class State(models.TextChoices):
        PLANNED = "planned", _("zaplanowane")
        DATES_PROPOSED = "dates_proposed", _("zaproponowano terminy")
        AGREED = "agreed", _("termin uzgodniony")
        RECORDED = "recorded", _("odbyte, sprawozdanie czeka na potwierdzenie")
        CONFIRMED = "confirmed", _("sprawozdanie potwierdzone")

    engagement = models.ForeignKey("engagements.Engagement", on_delete=models.CASCADE, related_name="visits")
    number = models.PositiveSmallIntegerField(_("numer spotkania"))
    state = models.CharField(_("stan"), max_length=20, choices=State.choices, default=State.PLANNED)
    starts_on = models.DateField(_("pierwszy dzień"), null=True, blank=True)
    ends_on = models.DateField(_("ostatni dzień"), null=True, blank=True)
    # Grows with every reschedule, so calendars replace the earlier invitation (iCalendar SEQUENCE).
    sequence = models.PositiveIntegerField(default=0)
    agreed_at = models.DateTimeField(null=True, blank=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("spotkanie w siedzibie JST")
        verbose_name_plural = _("spotkania w siedzibie JST")
        ordering = ["engagement_id", "number"]
        constraints = [models.UniqueConstraint(fields=["engagement", "number"], name="visit_number_per_engagement")]
        indexes = [models.Index(fields=["starts_on"])]

    def __str__(self):
        return _("Spotkanie %(number)s") % {"number": self.number}

    @property
    def is_agreed(self) -> bool:
        return self.starts_on is not None

    @property
    def uid(self) -> str:
        return f"visit-{self.pk}@doradztwo-jst"


class DateOption(Created):
    """A span of days offered for a visit, by an advisor or (as a counter-proposal) by the JST."""

    class Side(models.TextChoices):
        ADVISORS = "advisors", _("doradcy")
        JST = "jst", _("JST")

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="options")
    starts_on = models.DateField(_("pierwszy dzień"))
    ends_on = models.DateField(_("ostatni dzień"))
    side = models.CharField(max_length=10, choices=Side.choices)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_by_label = models.CharField(max_length=300, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("propozycja terminu")
        verbose_name_plural = _("propozycje terminów")
        ordering = ["starts_on", "pk"]
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="option_span")]

    def __str__(self):
        return f"{self.starts_on:%d.%m.%Y}–{self.ends_on:%d.%m.%Y}"

    @property
    def is_open(self) -> bool:
        return self.withdrawn_at is None and self.accepted_at is None


class VisitChange(Created):
    """An agreed visit moved to other days: the history of reschedules with their reasons."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="changes")
    old_starts_on = models.DateField()
    old_ends_on = models.DateField()
    new_starts_on = models.DateField()
    new_ends_on = models.DateField()
    reason = models.TextField(_("powód zmiany terminu"), max_length=2000)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    by_label = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


class SupportKind(models.TextChoices):
    MEETING = "meeting", _("spotkanie")
    TRAINING = "training", _("szkolenie")
    CONSULTATION = "consultation", _("konsultacja")


class VisitRecord(Created):
    """The record of a held visit. Written by one advisor, confirmed by the other; a confirmed version is frozen and
    a correction is a new version (the older ones stay in history)."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="records")
    number = models.PositiveSmallIntegerField(_("wersja"), default=1)
    is_current = models.BooleanField(default=True)
    support_kind = models.CharField(_("forma wsparcia"), max_length=20, choices=SupportKind.choices)
    participants = models.ManyToManyField(
        "engagements.TeamMember", blank=True, related_name="+", verbose_name=_("obecni członkowie zespołu")
    )
    other_participants = models.TextField(_("inne osoby (imię i nazwisko, stanowisko)"), max_length=3000, blank=True)
    topics = models.TextField(_("tematy"), max_length=5000)
    cycle_stage = models.CharField(_("etap cyklu"), max_length=20, choices=Stage.choices, blank=True)
    hdr_actions = models.ManyToManyField(
        "plans.PlannedAction", blank=True, related_name="+", verbose_name=_("działania HDR, nad którymi pracowano")
    )
    findings = models.TextField(_("ustalenia i wnioski"), max_length=10000, blank=True)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    written_by_label = models.CharField(max_length=300, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    correction_reason = models.TextField(_("powód korekty"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("sprawozdanie ze spotkania")
        verbose_name_plural = _("sprawozdania ze spotkań")
        ordering = ["visit_id", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "number"], name="record_version_per_visit"),
            models.UniqueConstraint(fields=["visit"], condition=Q(is_current=True), name="record_one_current"),
        ]

    def __str__(self):
        return _("Sprawozdanie ze spotkania %(number)s (wersja %(version)s)") % {
            "number": self.visit.number,
            "version": self.number,
        }

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


def _attachment_path(instance, filename):
    return f"advising/records/{instance.record.visit_id}/{filename}"


class RecordAttachment(Created):
    record = models.ForeignKey(VisitRecord, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("plik"), storage=select_private_storage, upload_to=_attachment_path, max_length=500)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["pk"]


class RemoteSession(TimeStamped):
    """One remote advisory session."""

    class Channel(models.TextChoices):
        VIDEO = "video", _("spotkanie wideo")
        PHONE = "phone", _("telefon")
        EMAIL = "email", _("e-mail")
        CHAT = "chat", _("czat")

    engagement = models.ForeignKey("engagements.Engagement", on_delete=models.CASCADE, related_name="remote_sessions")
    held_on = models.DateField(_("data"))
    duration_minutes = models.PositiveIntegerField(_("czas trwania (minuty)"))
    channel = models.CharField(_("kanał"), max_length=10, choices=Channel.choices)
    participants = models.TextField(_("kto uczestniczył"), max_length=2000, blank=True)
    topics = models.TextField(_("tematy"), max_length=5000)
    outcome = models.TextField(_("efekty"), max_length=5000, blank=True)
    logged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    logged_by_label = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("sesja doradztwa zdalnego")
        verbose_name_plural = _("sesje doradztwa zdalnego")
        ordering = ["-held_on", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(duration_minutes__gt=0), name="session_duration_positive")]

    def __str__(self):
        return _("Sesja zdalna %(date)s") % {"date": f"{self.held_on:%d.%m.%Y}"}

    @property
    def uid(self) -> str:
        return f"remote-session-{self.pk}@doradztwo-jst"


class AgreedTask(Created):
    """A task agreed at a visit or a remote session: shown to the team until done, or turned into an HDR action."""

    engagement = models.ForeignKey("engagements.Engagement", on_delete=models.CASCADE, related_name="agreed_tasks")
    record = models.ForeignKey(VisitRecord, on_delete=models.CASCADE, null=True, blank=True, related_name="tasks")
    session = models.ForeignKey(RemoteSession, on_delete=models.CASCADE, null=True, blank=True, related_name="tasks")
    what = models.CharField(_("zadanie"), max_length=500)
    who = models.CharField(_("kto"), max_length=200)
    due_on = models.DateField(_("termin"), null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    plan_action = models.ForeignKey(
        "plans.PlannedAction", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("uzgodnione zadanie")
        verbose_name_plural = _("uzgodnione zadania")
        ordering = ["done_at", "due_on", "pk"]

    def __str__(self):
        return self.what


class TimeEntry(Created):
    """Hours one advisor worked for one JST on one day."""

    class Kind(models.TextChoices):
        VISIT = "visit", _("spotkanie w siedzibie JST")
        SESSION = "session", _("doradztwo zdalne")
        PREPARATION = "preparation", _("przygotowanie")
        TRAVEL = "travel", _("dojazd")

    advisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="advising_hours")
    engagement = models.ForeignKey("engagements.Engagement", on_delete=models.CASCADE, related_name="time_entries")
    on = models.DateField(_("dzień"))
    hours = models.DecimalField(_("godziny"), max_digits=5, decimal_places=2)
    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices)
    record = models.ForeignKey(VisitRecord, on_delete=models.CASCADE, null=True, blank=True, related_name="hours")
    session = models.ForeignKey(RemoteSession, on_delete=models.CASCADE, null=True, blank=True, related_name="hours")
    note = models.CharField(_("opis"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("godziny doradcy")
        verbose_name_plural = _("godziny doradców")
        ordering = ["on", "pk"]
        indexes = [models.Index(fields=["advisor", "on"])]
        constraints = [models.CheckConstraint(condition=Q(hours__gt=0, hours__lte=24), name="time_entry_hours_range")]

    def __str__(self):
        return f"{self.on:%d.%m.%Y} {self.hours} h"


class TimeSheet(TimeStamped):
    """One advisor's month: submitted by the advisor, approved (then locked) or returned by the organiser."""

    class State(models.TextChoices):
        DRAFT = "draft", _("w przygotowaniu")
        SUBMITTED = "submitted", _("przekazana do akceptacji")
        APPROVED = "approved", _("zatwierdzona")
        RETURNED = "returned", _("zwrócona do poprawy")

    advisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="time_sheets")
    organiser = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    month = models.DateField(_("miesiąc"))  # the first day
    state = models.CharField(_("stan"), max_length=20, choices=State.choices, default=State.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    comment = models.TextField(_("komentarz"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("karta czasu pracy doradcy")
        verbose_name_plural = _("karty czasu pracy doradców")
        ordering = ["-month", "advisor_id"]
        constraints = [
            models.UniqueConstraint(fields=["advisor", "organiser", "month"], name="time_sheet_per_month"),
        ]

    def __str__(self):
        return f"{self.advisor} {self.month:%m.%Y}"

    @property
    def is_locked(self) -> bool:
        return self.state in (self.State.SUBMITTED, self.State.APPROVED)
