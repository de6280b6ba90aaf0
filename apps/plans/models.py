"""The HDR (Harmonogram Działań Rozwojowych): one working plan per engagement, its actions, risks, review
(comments, frozen versions, approvals by both advisors) and the monitoring of its implementation."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from apps.core.models import Authored, Created, TimeStamped, Versioned
from apps.documents.storage import select_private_storage
from apps.engagements.models import AdvisorAssignment

from .indicators import IndicatorUnit


def _text(label, max_length: int, *, blank: bool = False):
    # Django does not enforce a TextField's max_length outside forms; the validator makes full_clean() do it.
    return models.TextField(label, max_length=max_length, blank=blank, validators=[MaxLengthValidator(max_length)])


class DevelopmentPlan(Versioned, Authored, TimeStamped):
    """The working copy of a JST's HDR. Submitted and approved states are frozen in ``PlanVersion`` rows."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("wersja robocza")
        IN_REVIEW = "in_review", _("przekazany doradcom do akceptacji")
        APPROVED = "approved", _("zatwierdzony")

    engagement = models.OneToOneField(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="development_plan", verbose_name=_("karta JST")
    )
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    period_start = models.DateField(_("początek okresu HDR (miesiąc)"))
    period_end = models.DateField(_("koniec okresu HDR (miesiąc)"))
    directions = _text(_("kierunki wdrożenia"), 10000, blank=True)
    approved_version = models.ForeignKey(
        "PlanVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Harmonogram Działań Rozwojowych")
        verbose_name_plural = _("Harmonogramy Działań Rozwojowych")
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")), name="plan_period_order"),
        ]

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.engagement.edition_id, "engagement": self.engagement_id}

    def __str__(self):
        return str(_("HDR: %(jst)s")) % {"jst": self.engagement.local_government.display_name}

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("plans:detail", kwargs={"engagement_pk": self.engagement_id})

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class PlannedAction(Versioned, Authored, TimeStamped):
    class Status(models.TextChoices):
        PLANNED = "planned", _("zaplanowane")
        IN_PROGRESS = "in_progress", _("w trakcie")
        DONE = "done", _("zrealizowane")
        DELAYED = "delayed", _("opóźnione")
        CANCELLED = "cancelled", _("anulowane")

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="actions")
    priority = models.ForeignKey(
        "engagements.DevelopmentPriority",
        on_delete=models.PROTECT,
        related_name="planned_actions",
        verbose_name=_("priorytet rozwojowy"),
    )
    title = models.CharField(_("działanie (co?)"), max_length=300)
    description = _text(_("opis działania"), 5000, blank=True)
    responsible = models.CharField(_("osoba lub jednostka odpowiedzialna"), max_length=300)
    responsible_member = models.ForeignKey(
        "engagements.TeamMember",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("osoba z zespołu, która dostanie przypomnienie"),
    )
    partners = models.CharField(_("partnerzy"), max_length=500, blank=True)
    start_month = models.DateField(_("początek (miesiąc)"))
    end_month = models.DateField(_("koniec (miesiąc)"))
    resources = _text(_("zasoby"), 2000, blank=True)
    cost = models.DecimalField(
        _("koszt (zł)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    funding_source = models.CharField(_("źródło finansowania"), max_length=300, blank=True)
    solution = models.ForeignKey(
        "catalog.ManagementSolution",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rozwiązanie zarządcze lub narzędzie z katalogu"),
    )
    solution_text = models.CharField(_("inne rozwiązanie lub narzędzie"), max_length=300, blank=True)
    expected_result = _text(_("oczekiwany rezultat"), 2000)
    indicator_name = models.CharField(_("wskaźnik"), max_length=300)
    indicator_unit = models.CharField(_("jednostka wskaźnika"), max_length=20, choices=IndicatorUnit.choices)
    indicator_baseline = models.CharField(_("wartość bazowa"), max_length=100, blank=True)
    indicator_target = models.CharField(_("wartość docelowa"), max_length=100)
    monitoring_method = _text(_("sposób monitorowania"), 2000)
    order = models.PositiveIntegerField(default=0)
    # Monitoring: the latest state; every change is an ActionUpdate row.
    status = models.CharField(_("stan realizacji"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    progress = models.PositiveSmallIntegerField(
        _("postęp (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("działanie HDR")
        verbose_name_plural = _("działania HDR")
        ordering = ["start_month", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end_month__gte=F("start_month")), name="action_months_order"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="action_progress_max_100"),
            models.CheckConstraint(condition=Q(cost__isnull=True) | Q(cost__gte=0), name="action_cost_not_negative"),
        ]

    def __str__(self):
        return self.title

    @property
    def solution_label(self) -> str:
        return self.solution.name if self.solution_id else self.solution_text

    def clean(self):
        """The rules of an action, checked by its form and again by the services (messages next to fields)."""
        from .indicators import normalise, value_error
        from .months import format_month

        errors: dict[str, str] = {}
        start, end = self.start_month, self.end_month
        if start and end and end < start:
            errors["end_month"] = _("Koniec działania nie może być wcześniej niż jego początek.")
        plan = self.plan if self.plan_id else None
        if plan is not None:
            period = {"start": format_month(plan.period_start), "end": format_month(plan.period_end)}
            if start and not plan.period_start <= start <= plan.period_end:
                errors["start_month"] = _("Działanie musi zaczynać się w okresie HDR (%(start)s–%(end)s).") % period
            if end and not plan.period_start <= end <= plan.period_end and "end_month" not in errors:
                errors["end_month"] = _("Działanie musi kończyć się w okresie HDR (%(start)s–%(end)s).") % period
            if self.priority_id and (
                self.priority.engagement_id != plan.engagement_id or not self.priority.is_selected
            ):
                errors["priority"] = _("Wybierz jeden z priorytetów rozwojowych wybranych w diagnozie tej JST.")
            if self.solution_id and not self._solution_fits(plan):
                errors["solution"] = _("Wybierz rozwiązanie z katalogu obszaru, nad którym pracuje JST.")
            if self.responsible_member_id and self.responsible_member.engagement_id != plan.engagement_id:
                errors["responsible_member"] = _("Wybierz osobę z zespołu tej JST.")
        if self.solution_id and (self.solution_text or "").strip():
            errors["solution_text"] = _("Wybierz rozwiązanie z listy albo wpisz własne, nie oba naraz.")
        for name in ("indicator_baseline", "indicator_target"):
            problem = value_error(self.indicator_unit, getattr(self, name))
            if problem:
                errors[name] = problem
            else:
                setattr(self, name, normalise(self.indicator_unit, getattr(self, name)))
        if errors:
            raise ValidationError(errors)

    def _solution_fits(self, plan) -> bool:
        engagement = plan.engagement
        return (
            self.solution.area.version_id == engagement.edition.catalogue_version_id
            and engagement.chosen_areas.filter(area_id=self.solution.area_id).exists()
        )


class PlanRisk(Versioned, TimeStamped):
    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="risks")
    risk = _text(_("ryzyko"), 1000)
    mitigation = _text(_("sposób reagowania"), 2000)
    order = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("ryzyko HDR")
        verbose_name_plural = _("ryzyka HDR")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.risk[:80]


class PlanVersion(models.Model):
    """A frozen copy of the HDR as the team submitted it (``snapshot``); never changed afterwards, only its
    review outcome is recorded."""

    class Status(models.TextChoices):
        IN_REVIEW = "in_review", _("w ocenie doradców")
        CHANGES_REQUESTED = "changes_requested", _("do poprawy")
        APPROVED = "approved", _("zatwierdzona")

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("numer wersji"))
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.IN_REVIEW)
    snapshot = models.JSONField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    change_reason = _text(_("co trzeba poprawić"), 5000, blank=True)

    class Meta:
        verbose_name = _("wersja HDR")
        verbose_name_plural = _("wersje HDR")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number_unique")]

    def __str__(self):
        return str(_("%(plan)s, wersja %(number)s")) % {"plan": self.plan, "number": self.number}

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("plans:version_detail", kwargs={"engagement_pk": self.plan.engagement_id, "number": self.number})


class PlanApproval(models.Model):
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="approvals")
    advisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=30, choices=AdvisorAssignment.Role.choices)
    approved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["approved_at"]
        constraints = [
            models.UniqueConstraint(fields=["version", "advisor"], name="plan_approval_once_per_advisor"),
            models.UniqueConstraint(fields=["version", "role"], name="plan_approval_once_per_role"),
        ]

    def __str__(self):
        return f"{self.advisor} ({self.get_role_display()})"


class PlanComment(Created):
    """A comment on a section or an action; replies hang off the first comment, which carries the thread's
    resolved state."""

    class Section(models.TextChoices):
        HEADER = "header", _("Nagłówek i okres")
        PRIORITIES = "priorities", _("Priorytety i cele")
        ACTIONS = "actions", _("Działania")
        DIRECTIONS = "directions", _("Kierunki wdrożenia")
        RISKS = "risks", _("Ryzyka")
        ACTION = "action", _("Działanie")

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="comments")
    version = models.ForeignKey(PlanVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    section = models.CharField(_("część HDR"), max_length=20, choices=Section.choices)
    action = models.ForeignKey(PlannedAction, on_delete=models.SET_NULL, null=True, blank=True, related_name="comments")
    action_title = models.CharField(max_length=300, blank=True)  # kept when the action is deleted
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author_label = models.CharField(max_length=300)
    text = _text(_("komentarz"), 5000)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("komentarz do HDR")
        verbose_name_plural = _("komentarze do HDR")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:80]


class ActionUpdate(models.Model):
    """One report of an action's state and progress (the action keeps the latest)."""

    action = models.ForeignKey(PlannedAction, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(_("stan realizacji"), max_length=20, choices=PlannedAction.Status.choices)
    progress = models.PositiveSmallIntegerField(_("postęp (%)"), validators=[MaxValueValidator(100)])
    note = _text(_("komentarz"), 2000, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    by_label = models.CharField(max_length=300)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(progress__lte=100), name="action_update_progress_max")]

    def __str__(self):
        return f"{self.get_status_display()}, {self.progress}%"


class IndicatorMeasurement(Created):
    action = models.ForeignKey(PlannedAction, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("data pomiaru"))
    value = models.CharField(_("wartość"), max_length=100)
    note = models.CharField(_("komentarz"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_by_label = models.CharField(max_length=300)

    class Meta:
        verbose_name = _("pomiar wskaźnika")
        verbose_name_plural = _("pomiary wskaźnika")
        ordering = ["-measured_on", "-pk"]

    def __str__(self):
        return f"{self.measured_on}: {self.value}"


def _evidence_path(instance, filename):
    return f"plans/evidence/{instance.action.plan_id}/{instance.action_id}/{filename}"


class Evidence(Created):
    """A note and/or a file showing what was done (a report, photos, minutes). Files are in the private storage
    and reach people only through a permission-checked view."""

    action = models.ForeignKey(PlannedAction, on_delete=models.CASCADE, related_name="evidence")
    note = _text(_("opis dowodu realizacji"), 2000, blank=True)
    file = models.FileField(
        _("plik"), storage=select_private_storage, upload_to=_evidence_path, blank=True, max_length=500
    )
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_by_label = models.CharField(max_length=300)

    class Meta:
        verbose_name = _("dowód realizacji")
        verbose_name_plural = _("dowody realizacji")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.original_name or self.note[:80]


class ProgressReport(Created):
    """A periodic update on the whole plan."""

    class Assessment(models.TextChoices):
        ON_TRACK = "on_track", _("realizacja zgodnie z planem")
        AT_RISK = "at_risk", _("realizacja zagrożona")
        OFF_TRACK = "off_track", _("realizacja niezgodna z planem")

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="progress_reports")
    reported_on = models.DateField(_("stan na dzień"))
    assessment = models.CharField(_("ocena realizacji"), max_length=20, choices=Assessment.choices)
    narrative = _text(_("krótki opis"), 5000)
    progress_at_report = models.PositiveSmallIntegerField(null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    author_label = models.CharField(max_length=300)

    class Meta:
        verbose_name = _("raport z postępu")
        verbose_name_plural = _("raporty z postępu")
        ordering = ["-reported_on", "-pk"]

    def __str__(self):
        return f"{self.reported_on}: {self.get_assessment_display()}"


class ActionReminder(models.Model):
    """A reminder sent before an action's end, or the notice that it has passed its end; one of each per action
    and due date, so running the job twice (or in two processes at once) sends it once."""

    class Kind(models.TextChoices):
        BEFORE_DUE = "before_due", _("przed terminem")
        OVERDUE = "overdue", _("po terminie")

    action = models.ForeignKey(PlannedAction, on_delete=models.CASCADE, related_name="reminders")
    due_on = models.DateField()
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.BEFORE_DUE)
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["action", "due_on", "kind"], name="action_reminder_once_per_due_date_kind")
        ]

    def __str__(self):
        return f"{self.action_id} → {self.due_on}"
