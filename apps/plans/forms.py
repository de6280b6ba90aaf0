from datetime import date
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.catalog.models import ManagementSolution
from apps.core.forms import DateInput, PolishDecimalField, RadioSelect, VersionedModelForm

from .models import DevelopmentPlan, Evidence, PlannedAction, PlanRisk, ProgressReport
from .months import first_of_month, format_month, parse_month
from .services.common import ACTION_FIELDS

MONTH_HELP = _("Miesiąc i rok, np. 03.2026.")


class MonthInput(forms.TextInput):
    """The browser's month picker ("RRRR-MM"); where a browser has none it is a text box taking "MM.RRRR"."""

    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs={"placeholder": "MM.RRRR", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, date):
            return f"{value.year:04d}-{value.month:02d}"
        parsed = parse_month(value) if isinstance(value, str) else None
        return f"{parsed.year:04d}-{parsed.month:02d}" if parsed else value


class MonthHiddenInput(forms.HiddenInput):
    """The month the editor loaded (``show_hidden_initial``), in the form MonthField reads back."""

    def format_value(self, value):
        return MonthInput().format_value(value)


class MonthField(forms.Field):
    widget = MonthInput
    hidden_widget = MonthHiddenInput
    default_error_messages = {
        "invalid": _("Podaj miesiąc i rok w formacie MM.RRRR, np. 03.2026."),
        "required": _("Podaj miesiąc i rok."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return first_of_month(value)
        parsed = parse_month(str(value))
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed

    def display(self, value) -> str:
        return format_month(value) if isinstance(value, date) else str(value)


class AmountField(PolishDecimalField):
    """Złote written the Polish way: "12 500,50" (spaces as thousands separators, a decimal comma), "zł" allowed."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.error_messages["invalid"] = _("Podaj kwotę w złotych, np. 12 500 albo 12 500,50.")

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().removesuffix("zł")
        return super().to_python(value)


class PlanHeaderForm(VersionedModelForm):
    period_start = MonthField(label=_("Początek okresu HDR"), help_text=MONTH_HELP)
    period_end = MonthField(label=_("Koniec okresu HDR"), help_text=MONTH_HELP)

    class Meta:
        model = DevelopmentPlan
        fields = ["period_start", "period_end", "directions"]
        widgets = {"directions": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "directions": _(
                "Jak JST będzie wdrażać wybrane rozwiązania zarządcze i narzędzia: kolejność, osoby, sposób pracy. "
                "Wymagane przy przekazaniu HDR doradcom."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # may be saved empty, but needed to hand the HDR over: not "(opcjonalnie)" beside a hint saying so
        self.fields["directions"].draft_required = True


class ActionForm(VersionedModelForm):
    start_month = MonthField(label=_("Początek (miesiąc)"), help_text=MONTH_HELP)
    end_month = MonthField(label=_("Koniec (miesiąc)"), help_text=MONTH_HELP)
    cost = AmountField(
        label=_("Koszt (zł)"),
        required=False,
        max_digits=12,
        decimal_places=2,
        min_value=Decimal(0),
        error_messages={"min_value": _("Koszt nie może być ujemny. Wpisz 0 albo kwotę w złotych.")},
    )

    FIELDSETS = [
        (_("Działanie"), ["priority", "title", "description"]),
        (_("Kto i kiedy"), ["responsible", "responsible_member", "partners", "start_month", "end_month"]),
        (_("Zasoby i koszty"), ["resources", "cost", "funding_source"]),
        (_("Rozwiązanie zarządcze lub narzędzie"), ["solution", "solution_text"]),
        (
            _("Rezultat i wskaźnik"),
            [
                "expected_result",
                "indicator_name",
                "indicator_unit",
                "indicator_baseline",
                "indicator_target",
                "monitoring_method",
            ],
        ),
    ]

    class Meta:
        model = PlannedAction
        fields = ACTION_FIELDS  # what services.update_action writes, in the form's order
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "resources": forms.Textarea(attrs={"rows": 3}),
            "expected_result": forms.Textarea(attrs={"rows": 3}),
            "monitoring_method": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "responsible": _("Osoba, stanowisko lub jednostka, np. „Wydział Edukacji”."),
            "responsible_member": _(
                "Dostanie e-mail przed terminem zakończenia działania. Bez wyboru przypomnienie dostaje lider zespołu."
            ),
            "solution": _("Z listy rozwiązań obszaru w katalogu modelu."),
            "solution_text": _("Jeśli na liście nie ma rozwiązania, którego używacie."),
            "indicator_baseline": _("Wartość na początku działania; liczba, jeśli jednostka jest liczbowa."),
            "indicator_target": _("Wartość do osiągnięcia; liczba, jeśli jednostka jest liczbowa."),
            "monitoring_method": _("Kto, kiedy i na podstawie jakich danych sprawdzi wskaźnik."),
        }
        error_messages = {
            "priority": {"required": _("Wybierz priorytet rozwojowy, któremu służy działanie.")},
            "title": {"required": _("Napisz, co zostanie zrobione.")},
            "responsible": {"required": _("Wskaż osobę lub jednostkę odpowiedzialną.")},
            "expected_result": {"required": _("Opisz oczekiwany rezultat.")},
            "indicator_name": {"required": _("Podaj nazwę wskaźnika.")},
            "indicator_unit": {"required": _("Wybierz jednostkę wskaźnika.")},
            "indicator_target": {"required": _("Podaj wartość docelową wskaźnika.")},
            "monitoring_method": {"required": _("Opisz, jak wskaźnik będzie monitorowany.")},
        }

    def __init__(self, *args, plan, priorities, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        engagement = plan.engagement
        self.fields["priority"].queryset = engagement.priorities.filter(pk__in=[p.pk for p in priorities])
        self.fields["priority"].empty_label = _("— wybierz priorytet —")
        area_ids = [chosen.area_id for chosen in engagement.chosen_areas.all()]
        self.fields["solution"].queryset = (
            ManagementSolution.objects.filter(
                area_id__in=area_ids, area__version_id=engagement.edition.catalogue_version_id
            )
            .select_related("area")
            .order_by("area__order", "order", "name")
        )
        self.fields["solution"].label_from_instance = lambda s: (
            f"{s.name} ({s.get_kind_display()})" if len(area_ids) < 2 else f"{s.area.name}: {s.name}"
        )
        self.fields["solution"].empty_label = _("— bez rozwiązania z katalogu —")
        self.fields["responsible_member"].queryset = engagement.team_members.filter(pk__in=[m.pk for m in team])
        self.fields["responsible_member"].empty_label = _("— lider zespołu —")
        self.fields["indicator_unit"].choices = [("", _("— wybierz jednostkę —"))] + list(
            self.fields["indicator_unit"].choices
        )[1:]

    def grouped_fields(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]


class RiskForm(VersionedModelForm):
    class Meta:
        model = PlanRisk
        fields = ["risk", "mitigation"]
        widgets = {"risk": forms.Textarea(attrs={"rows": 3}), "mitigation": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "risk": {"required": _("Opisz ryzyko.")},
            "mitigation": {"required": _("Opisz, jak zareagujecie na to ryzyko.")},
        }


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Komentarz"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Wpisz treść komentarza.")},
    )


class SectionCommentForm(CommentForm):
    section = forms.ChoiceField(label=_("Czego dotyczy"), choices=[])

    def __init__(self, *args, **kwargs):
        from .models import PlanComment

        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [
            (value, label) for value, label in PlanComment.Section.choices if value != PlanComment.Section.ACTION
        ]


class RequestChangesForm(forms.Form):
    reason = forms.CharField(
        label=_("Co zespół ma poprawić"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Napisz, co zespół ma poprawić.")},
    )


class ActionProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Stan realizacji"), choices=PlannedAction.Status.choices)
    progress = forms.IntegerField(
        label=_("Postęp (%)"),
        min_value=0,
        max_value=100,
        help_text=_("Liczba od 0 do 100. Działanie zrealizowane liczy się jako 100%."),
        error_messages={
            "required": _("Podaj postęp od 0 do 100."),
            "invalid": _("Podaj postęp jako liczbę całkowitą od 0 do 100."),
            "min_value": _("Postęp to liczba od 0 do 100."),
            "max_value": _("Postęp to liczba od 0 do 100."),
        },
    )
    note = forms.CharField(
        label=_("Komentarz"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class MeasurementForm(forms.Form):
    measured_on = forms.DateField(
        label=_("Data pomiaru"), widget=DateInput, error_messages={"invalid": _("Podaj datę, np. 2026-03-15.")}
    )
    value = forms.CharField(label=_("Wartość"), max_length=100)
    note = forms.CharField(label=_("Komentarz"), required=False, max_length=500)


class EvidenceForm(forms.ModelForm):
    file = forms.FileField(label=_("Plik"), required=False)

    class Meta:
        model = Evidence
        fields = ["note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        from .evidence import max_bytes

        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "PDF, zdjęcie (JPG, PNG, WebP) lub dokument biurowy, najwyżej %(limit)s MB."
        ) % {"limit": max_bytes() // (1024 * 1024)}


class ProgressReportForm(forms.ModelForm):
    class Meta:
        model = ProgressReport
        fields = ["reported_on", "assessment", "narrative"]
        widgets = {
            "reported_on": DateInput,
            "assessment": RadioSelect,
            "narrative": forms.Textarea(attrs={"rows": 5}),
        }


CURRENT = "robocza"


class CompareForm(forms.Form):
    a = forms.ChoiceField(label=_("Wersja starsza"))
    b = forms.ChoiceField(label=_("Wersja nowsza"))

    def __init__(self, *args, numbers: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(n), _("wersja %(number)s") % {"number": n}) for n in numbers] + [
            (CURRENT, _("bieżąca wersja robocza"))
        ]
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices
