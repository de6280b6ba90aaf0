"""The forms of advisory work. Each hands the service plain values; the service's refusals come back next to the
field they name (``apps.core.editing.form_page``)."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from apps.core.forms import DateInput, PolishDecimalField
from apps.engagements.models import Stage

from .models import AdvisingPlan, RemoteSession, SupportKind, TimeEntry

OPTION_COUNT = 3
TASK_ROWS = 3


def _hours_field(label) -> PolishDecimalField:
    return PolishDecimalField(
        label=label, required=False, max_digits=5, decimal_places=2, help_text=_("Na przykład 6 albo 1,5.")
    )


def _jst_name(engagement) -> str:
    return engagement.local_government.display_name


class ProposeDatesForm(forms.Form):
    """Up to three spans of days (advisors give at least two, the JST at least one)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for index in range(1, OPTION_COUNT + 1):
            self.fields[f"option_{index}_start"] = forms.DateField(
                label=_("Termin %(n)s: pierwszy dzień") % {"n": index}, required=False, widget=DateInput
            )
            self.fields[f"option_{index}_end"] = forms.DateField(
                label=_("Termin %(n)s: ostatni dzień") % {"n": index}, required=False, widget=DateInput
            )

    def clean(self):
        data = super().clean()
        for index in range(1, OPTION_COUNT + 1):
            start, end = data.get(f"option_{index}_start"), data.get(f"option_{index}_end")
            if end and not start:
                self.add_error(f"option_{index}_start", _("Podaj pierwszy dzień tego terminu."))
        return data

    def options(self) -> list:
        found = []
        for index in range(1, OPTION_COUNT + 1):
            start = self.cleaned_data.get(f"option_{index}_start")
            if start:
                found.append((start, self.cleaned_data.get(f"option_{index}_end") or start))
        return found


class RescheduleForm(forms.Form):
    starts_on = forms.DateField(label=_("Nowy pierwszy dzień"), widget=DateInput)
    ends_on = forms.DateField(label=_("Nowy ostatni dzień"), widget=DateInput)
    reason = forms.CharField(
        label=_("Powód zmiany terminu"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class TaskRowsMixin:
    def add_task_fields(self):
        for index in range(1, TASK_ROWS + 1):
            self.fields[f"task_{index}_what"] = forms.CharField(
                label=_("Zadanie %(n)s: co") % {"n": index}, max_length=500, required=False
            )
            self.fields[f"task_{index}_who"] = forms.CharField(
                label=_("Zadanie %(n)s: kto") % {"n": index}, max_length=200, required=False
            )
            self.fields[f"task_{index}_due"] = forms.DateField(
                label=_("Zadanie %(n)s: do kiedy") % {"n": index}, required=False, widget=DateInput
            )

    def tasks(self) -> list[dict]:
        return [
            {
                "what": self.cleaned_data.get(f"task_{i}_what", ""),
                "who": self.cleaned_data.get(f"task_{i}_who", ""),
                "due_on": self.cleaned_data.get(f"task_{i}_due"),
            }
            for i in range(1, TASK_ROWS + 1)
        ]

    def add_hours_fields(self, advisors):
        self.advisors = advisors
        for user in advisors:
            self.fields[f"hours_{user.pk}"] = _hours_field(_("Godziny: %(name)s") % {"name": user.full_name})

    def hours(self) -> dict[int, Decimal | None]:
        return {user.pk: self.cleaned_data.get(f"hours_{user.pk}") for user in self.advisors}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


class VisitRecordForm(TaskRowsMixin, forms.Form):
    support_kind = forms.ChoiceField(label=_("Forma wsparcia"), choices=SupportKind.choices)
    participants = forms.ModelMultipleChoiceField(
        label=_("Obecni członkowie zespołu"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    other_participants = forms.CharField(
        label=_("Inne osoby (imię i nazwisko, stanowisko; jedna w wierszu)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    topics = forms.CharField(label=_("Tematy"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
    cycle_stage = forms.ChoiceField(label=_("Etap cyklu"), choices=[("", "—"), *Stage.choices], required=False)
    hdr_actions = forms.ModelMultipleChoiceField(
        label=_("Działania HDR, nad którymi pracowano"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    findings = forms.CharField(
        label=_("Ustalenia i wnioski"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
    )
    attachments = MultipleFileField(
        label=_("Załączniki (materiały, zdjęcia)"),
        required=False,
        help_text=_("PDF, zdjęcia JPG, PNG, WebP lub dokumenty biurowe."),
    )
    correction_reason = forms.CharField(
        label=_("Powód korekty (tylko przy poprawianiu potwierdzonego sprawozdania)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, team, actions, advisors, confirmed: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = team
        self.fields["hdr_actions"].queryset = actions
        if not actions.exists():
            del self.fields["hdr_actions"]
        if not confirmed:
            del self.fields["correction_reason"]
        self.add_task_fields()
        self.add_hours_fields(advisors)

    def clean_attachments(self):
        from django.conf import settings

        from apps.documents.files import check_file

        checked = []
        for uploaded in self.cleaned_data.get("attachments") or []:
            try:
                kind = check_file(uploaded, field="attachments", max_bytes=settings.PLAN_EVIDENCE_MAX_BYTES, named=True)
            except ValidationError as error:
                raise ValidationError(error.messages) from None  # this field's own error, not a dict of fields
            checked.append((uploaded, kind))
        return checked

    def values(self) -> dict:
        data = self.cleaned_data
        values = {
            name: data.get(name) or ("" if name != "hdr_actions" else [])
            for name in ("support_kind", "topics", "other_participants", "cycle_stage", "findings")
        }
        return {
            **values,
            "participants": list(data.get("participants") or []),
            "hdr_actions": list(data.get("hdr_actions") or []),
            "tasks": self.tasks(),
            "hours": self.hours(),
            "attachments": data.get("attachments") or [],
            "correction_reason": data.get("correction_reason", ""),
        }


class RemoteSessionForm(TaskRowsMixin, forms.ModelForm):
    class Meta:
        model = RemoteSession
        fields = ["held_on", "duration_minutes", "channel", "participants", "topics", "outcome"]
        widgets = {
            "held_on": DateInput,
            "participants": forms.Textarea(attrs={"rows": 2}),
            "topics": forms.Textarea(attrs={"rows": 3}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, advisors, engagements=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duration_minutes"].min_value = None  # the service says why 0 is refused
        if engagements is not None:
            self.fields = {
                "engagement": forms.ModelChoiceField(label=_("JST"), queryset=engagements, empty_label=None),
                **self.fields,
            }
            self.fields["engagement"].label_from_instance = _jst_name
        self.add_hours_fields(advisors)

    def clean_duration_minutes(self):
        minutes = self.cleaned_data.get("duration_minutes")
        if minutes is not None and minutes <= 0:
            raise ValidationError(_("Czas trwania musi być większy od zera."))
        return minutes

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            **{name: data[name] for name in self.Meta.fields},
            "tasks": self.tasks(),
            "hours": self.hours(),
        }


class TimeEntryForm(forms.Form):
    engagement = forms.ModelChoiceField(label=_("JST"), queryset=None, empty_label=None)
    on = forms.DateField(label=_("Dzień"), widget=DateInput)
    kind = forms.ChoiceField(
        label=_("Rodzaj"),
        choices=[(k, v) for k, v in TimeEntry.Kind.choices if k in (TimeEntry.Kind.PREPARATION, TimeEntry.Kind.TRAVEL)],
    )
    hours = PolishDecimalField(label=_("Godziny"), max_digits=5, decimal_places=2)
    note = forms.CharField(label=_("Opis"), max_length=300, required=False)

    def __init__(self, *args, engagements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["engagement"].queryset = engagements
        self.fields["engagement"].label_from_instance = _jst_name


class ReturnSheetForm(forms.Form):
    comment = forms.CharField(
        label=_("Co doradca ma poprawić"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AdvisingPlanForm(forms.ModelForm):
    class Meta:
        model = AdvisingPlan
        fields = ["visits_per_jst", "visit_days", "remote_starts_on", "remote_ends_on", "planned_hours_per_jst"]
        widgets = {"remote_starts_on": DateInput, "remote_ends_on": DateInput}


class TaskToActionForm(forms.Form):
    """What an HDR action needs beyond the task's what and who (the plans service checks the rest)."""

    priority = forms.ModelChoiceField(label=_("Priorytet rozwojowy"), queryset=None, empty_label=None)
    start_month = forms.Field(label=_("Początek (miesiąc)"))
    end_month = forms.Field(label=_("Koniec (miesiąc)"))
    expected_result = forms.CharField(
        label=_("Oczekiwany rezultat"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    indicator_name = forms.CharField(label=_("Wskaźnik"), max_length=300)
    indicator_unit = forms.ChoiceField(label=_("Jednostka wskaźnika"))
    indicator_target = forms.CharField(label=_("Wartość docelowa"), max_length=100)
    monitoring_method = forms.CharField(
        label=_("Sposób monitorowania"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, engagement, **kwargs):
        from apps.plans.forms import MONTH_HELP, MonthField
        from apps.plans.indicators import IndicatorUnit

        super().__init__(*args, **kwargs)
        self.fields["priority"].queryset = engagement.priorities.filter(is_selected=True)
        self.fields["start_month"] = MonthField(label=_("Początek (miesiąc)"), help_text=MONTH_HELP)
        self.fields["end_month"] = MonthField(label=_("Koniec (miesiąc)"), help_text=MONTH_HELP)
        self.fields["indicator_unit"].choices = IndicatorUnit.choices
