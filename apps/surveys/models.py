"""Surveys: questions, invitations with one-time tokens, drafts and responses.

Anonymity is a property of the tables, not of the pages (docs/decisions, "surveys"): for an anonymous survey
the ``Invitation`` (who was asked, the hash of their one-time token) records only *that* it was used, never when
and never which response; the ``Response`` and its ``Answer`` rows have random UUID keys, no timestamp, no user
and no token, so neither their order nor their content leads back to an invitation. The only link between a
person and unfinished answers is the ``Draft`` (save and come back), deleted in the transaction that submits it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.models import TimeStamped
from apps.territory.kinds import JstKind, WorkshopGroup

SCALE_MIN, SCALE_MAX = 1, 5


class Survey(TimeStamped):
    class Scope(models.TextChoices):
        EVENT = "event", _("wydarzenie")
        EDITION = "edition", _("edycja")
        MODEL = "model", _("model doradztwa")

    class Audience(models.TextChoices):
        PARTICIPANTS = "participants", _("uczestnicy wydarzenia")
        TEAM_MEMBERS = "team_members", _("członkowie zespołów JST")
        ADVISORS = "advisors", _("doradcy")
        TRAINERS = "trainers", _("trenerzy")

    class Status(models.TextChoices):
        DRAFT = "draft", _("w przygotowaniu")
        PUBLISHED = "published", _("opublikowana")

    organiser = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="surveys", verbose_name=_("organizator")
    )
    scope = models.CharField(_("dotyczy"), max_length=20, choices=Scope.choices)
    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, null=True, blank=True, related_name="surveys",
        verbose_name=_("wydarzenie"),
    )  # fmt: skip
    edition = models.ForeignKey(
        "editions.Edition", on_delete=models.PROTECT, null=True, blank=True, related_name="surveys",
        verbose_name=_("edycja"),
    )  # fmt: skip
    audience = models.CharField(_("adresaci"), max_length=20, choices=Audience.choices)
    title = models.CharField(_("tytuł"), max_length=200)
    introduction = models.TextField(_("wprowadzenie dla osób wypełniających"), max_length=5000, blank=True)
    privacy_notice = models.TextField(
        _("klauzula informacyjna RODO"),
        max_length=10000,
        blank=True,
        help_text=_("Pokazywana nad pytaniami. Wymagana, gdy ankieta jest imienna."),
    )
    anonymous = models.BooleanField(
        _("ankieta anonimowa"),
        default=True,
        help_text=_("Odpowiedzi nie da się powiązać z osobą, także w bazie danych. Nie można tego później zmienić."),
    )
    opens_on = models.DateField(_("otwarta od dnia"))
    closes_on = models.DateField(
        _("otwarta do dnia"), help_text=_("Odpowiedzi przyjmujemy do końca tego dnia (czas polski).")
    )
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    template_key = models.CharField(_("szablon"), max_length=40, blank=True)
    is_demo = models.BooleanField(_("dane demonstracyjne"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("ankieta")
        verbose_name_plural = _("ankiety")
        ordering = ["-opens_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="survey_dates_order"),
            models.CheckConstraint(
                condition=(
                    Q(scope="event", event__isnull=False)
                    | Q(scope="edition", edition__isnull=False, event__isnull=True)
                    | Q(scope="model", event__isnull=True)
                ),
                name="survey_scope_target",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.edition_id}

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status == self.Status.PUBLISHED and self.opens_on <= today <= self.closes_on

    def has_closed(self, today=None) -> bool:
        return (today or timezone.localdate()) > self.closes_on


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("jednokrotny wybór")
        MULTIPLE = "multiple", _("wielokrotny wybór")
        SCALE = "scale", _("skala 1–5")
        MATRIX = "matrix", _("macierz stwierdzeń na skali 1–5")
        NUMBER = "number", _("liczba")
        SHORT_TEXT = "short_text", _("krótki tekst")
        LONG_TEXT = "long_text", _("dłuższy tekst")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)
    kind = models.CharField(_("rodzaj pytania"), max_length=20, choices=Kind.choices)
    text = models.CharField(_("treść pytania"), max_length=500)
    help_text = models.CharField(_("wyjaśnienie"), max_length=500, blank=True)
    required = models.BooleanField(_("odpowiedź wymagana"), default=False)
    # Choices for single/multiple choice; the items (rows) of a matrix.
    options = models.JSONField(_("odpowiedzi do wyboru"), default=list, blank=True)
    items = models.JSONField(_("stwierdzenia macierzy"), default=list, blank=True)
    scale_low_label = models.CharField(_("opis wartości 1"), max_length=100, blank=True)
    scale_high_label = models.CharField(_("opis wartości 5"), max_length=100, blank=True)
    condition_question = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="dependants",
        verbose_name=_("pokaż tylko, jeśli na pytanie"),
    )  # fmt: skip
    condition_value = models.CharField(_("odpowiedziano"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("pytanie")
        verbose_name_plural = _("pytania")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.survey.edition_id}

    @property
    def is_choice(self) -> bool:
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)

    @property
    def is_scaled(self) -> bool:
        return self.kind in (self.Kind.SCALE, self.Kind.MATRIX)

    @property
    def is_text(self) -> bool:
        return self.kind in (self.Kind.SHORT_TEXT, self.Kind.LONG_TEXT)


class Invitation(models.Model):
    """A person asked to answer; ``token_hash`` is the SHA-256 of the one-time link's token (never the token).

    For an anonymous survey ``used`` is all that is kept of the answer: no time, no response."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="survey_invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    used = models.BooleanField(default=False)
    reminded = models.BooleanField(default=False)
    # Filter attributes copied to the response when it is submitted (JST kind, workshop group, edition).
    jst_kind = models.CharField(max_length=30, choices=JstKind.choices, blank=True)
    workshop_group = models.CharField(max_length=30, choices=WorkshopGroup.choices, blank=True)
    edition = models.ForeignKey("editions.Edition", on_delete=models.CASCADE, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("zaproszenie do ankiety")
        verbose_name_plural = _("zaproszenia do ankiety")
        constraints = [models.UniqueConstraint(fields=["survey", "user"], name="survey_invitation_once")]

    def __str__(self):
        return f"{self.survey} · {self.user}"

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.survey.edition_id}


class Draft(models.Model):
    """Answers saved to come back to; deleted when the response is submitted (the only person-answer link)."""

    invitation = models.OneToOneField(Invitation, on_delete=models.CASCADE, related_name="draft")
    data = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("zapisana wersja robocza odpowiedzi")

    def __str__(self):
        return str(self._meta.verbose_name)


class Response(models.Model):
    """One submitted response. Anonymous: a random key, no time, no person, no token; only the filter
    attributes (JST kind, workshop group, edition), which results show only for groups of at least
    ``MIN_GROUP`` responses."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )  # named surveys only
    submitted_at = models.DateTimeField(null=True, blank=True)  # named surveys only
    jst_kind = models.CharField(max_length=30, choices=JstKind.choices, blank=True)
    workshop_group = models.CharField(max_length=30, choices=WorkshopGroup.choices, blank=True)
    edition = models.ForeignKey("editions.Edition", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    is_demo = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("odpowiedź na ankietę")
        verbose_name_plural = _("odpowiedzi na ankietę")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "respondent"], condition=Q(respondent__isnull=False), name="survey_response_once"
            )
        ]

    def __str__(self):
        return str(self._meta.verbose_name)


class Answer(models.Model):
    """One value of a response: a choice (its index), a scale value (``number``; a matrix row in ``item``),
    a number or a text. Multiple choice: one row per chosen option."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    item = models.PositiveSmallIntegerField(null=True, blank=True)
    choice = models.PositiveSmallIntegerField(null=True, blank=True)
    number = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    text = models.TextField(blank=True)
    promoted = models.BooleanField(default=False)  # turned into a remark about the model (feedback.py)

    class Meta:
        verbose_name = _("odpowiedź na pytanie")
        verbose_name_plural = _("odpowiedzi na pytania")
        # Covering indexes for the results' grouped counts (distribution; distinct respondents per question).
        indexes = [
            models.Index(fields=["question", "item", "choice", "number"], name="survey_answer_agg"),
            models.Index(fields=["question", "response"], name="survey_answer_respondents"),
        ]

    def __str__(self):
        return str(self._meta.verbose_name)
