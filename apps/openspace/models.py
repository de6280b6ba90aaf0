"""An open space (the *targowisko tematów*) held in one session of an event: topics participants propose, votes
with a per-person limit, groups with a time slot, a room and a moderator, each group's conclusions (co-edited)
and the plenary where they are shown in turn.

Who takes part comes from ``apps.events``: the event's registered participants propose, vote and join groups; the
event's invited advisors and trainers (and the session's trainers) moderate; the organiser's staff run it.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.models import Created, TimeStamped, Versioned


class Phase(models.TextChoices):
    PROPOSING = "proposing", _("zgłaszanie tematów")
    VOTING = "voting", _("głosowanie")
    GROUPING = "grouping", _("wybór grup")
    WORKING = "working", _("praca w grupach")
    PLENARY = "plenary", _("sesja plenarna")
    CLOSED = "closed", _("zakończona")


PHASE_ORDER = [p.value for p in Phase]


class OpenSpace(Versioned, TimeStamped):
    session = models.OneToOneField(
        "events.Session", on_delete=models.CASCADE, related_name="open_space", verbose_name=_("blok programu")
    )
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="open_spaces")
    phase = models.CharField(_("etap"), max_length=20, choices=Phase.choices, default=Phase.PROPOSING)
    votes_per_person = models.PositiveSmallIntegerField(
        _("liczba głosów na osobę"),
        default=3,
        validators=[
            MinValueValidator(1, _("Każdy ma co najmniej 1 głos.")),
            MaxValueValidator(20, _("Najwyżej 20 głosów na osobę.")),
        ],
    )
    plenary_position = models.PositiveSmallIntegerField(default=0)
    published_at = models.DateTimeField(_("opublikowano"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("otwarta przestrzeń")
        verbose_name_plural = _("otwarte przestrzenie")
        ordering = ["session__day", "session__starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(votes_per_person__gte=1), name="openspace_votes_positive"),
        ]

    def __str__(self):
        return self.session.title

    @property
    def title(self) -> str:
        return self.session.title

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.event.planned_event.edition_id}

    @property
    def voting_open(self) -> bool:
        return self.phase == Phase.VOTING

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class Topic(Versioned, TimeStamped):
    """A topic on the market. A duplicate merged into another keeps its row (``merged_into``) for the history."""

    open_space = models.ForeignKey(OpenSpace, on_delete=models.CASCADE, related_name="topics")
    title = models.CharField(_("temat"), max_length=200)
    description = models.TextField(_("opis"), max_length=2000, blank=True)
    problem = models.TextField(_("problem, który za nim stoi"), max_length=2000, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposer_name = models.CharField(max_length=200, blank=True)
    proposer_jst = models.ForeignKey(
        "territory.LocalGovernment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged", verbose_name=_("scalony z")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("temat open space")
        verbose_name_plural = _("tematy open space")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.title

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.open_space.event.planned_event.edition_id}


class Vote(Created):
    open_space = models.ForeignKey(OpenSpace, on_delete=models.CASCADE, related_name="votes")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("głos")
        verbose_name_plural = _("głosy")
        constraints = [models.UniqueConstraint(fields=["topic", "user"], name="openspace_vote_once_per_topic")]
        indexes = [models.Index(fields=["open_space", "user"], name="openspace_vote_person")]


class Follower(Created):
    """Someone who wants to hear about a topic (the proposer follows their own)."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="followers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["topic", "user"], name="openspace_follow_once")]


class Group(Versioned, TimeStamped):
    """A topic that went on: its time slot, room, capacity and moderator, and who takes part."""

    open_space = models.ForeignKey(OpenSpace, on_delete=models.CASCADE, related_name="groups")
    topic = models.OneToOneField(Topic, on_delete=models.PROTECT, related_name="group", verbose_name=_("temat"))
    day = models.DateField(_("dzień"))
    starts_at = models.TimeField(_("początek"))
    ends_at = models.TimeField(_("koniec"))
    room = models.CharField(_("sala"), max_length=100, blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("liczba miejsc w sali"), default=20, validators=[MinValueValidator(1, _("Sala ma co najmniej 1 miejsce."))]
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderator(ka)"),
    )
    scribe = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("osoba zapisująca wnioski"),
        help_text=_("Uczestnik, którego moderator prosi o zapisywanie wniosków razem z nim."),
    )
    order = models.PositiveSmallIntegerField(default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("grupa open space")
        verbose_name_plural = _("grupy open space")
        ordering = ["order", "day", "starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gt=0), name="openspace_group_capacity_positive"),
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="openspace_group_slot"),
        ]

    def __str__(self):
        return self.topic.title

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.open_space.event.planned_event.edition_id}

    @property
    def slot_label(self) -> str:
        return f"{self.day:%d.%m.%Y}, {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"


class Membership(Created):
    """A participant in a group. Moving to a group of the same time slot leaves the other ("law of two feet")."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="openspace_member_once")]


class Conclusion(Versioned, TimeStamped):
    """A group's conclusions, written as the group goes (co-edited under optimistic locking)."""

    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="conclusion")
    problem = models.TextField(_("problem"), max_length=5000, blank=True)
    solutions = models.TextField(_("znalezione rozwiązania"), max_length=10000, blank=True)
    recommendations = models.TextField(_("rekomendacje"), max_length=10000, blank=True)
    participants_note = models.TextField(
        _("kto brał udział"),
        max_length=3000,
        blank=True,
        help_text=_("Osoby spoza listy zapisanych lub uwagi o składzie grupy; zapisani są dopisywani sami."),
    )
    publish_publicly = models.BooleanField(_("grupa zgadza się na publikację w bazie wiedzy"), default=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_to_feedback_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("wnioski grupy")
        verbose_name_plural = _("wnioski grup")

    def __str__(self):
        return str(self.group)

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.group.open_space.event.planned_event.edition_id}

    @property
    def is_empty(self) -> bool:
        return not (self.problem or self.solutions or self.recommendations)
