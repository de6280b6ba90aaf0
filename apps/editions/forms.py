from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from apps.core.forms import DateInput
from apps.territory.kinds import DEFAULT_WORKSHOP_GROUPS, JstKind, WorkshopGroup

from .models import Edition, PlannedEvent
from .services import EDITION_FIELDS

GROUP_PREFIX = "group_"


class EditionForm(forms.ModelForm):
    eligible_jst_kinds = forms.MultipleChoiceField(
        label=_("Rodzaje JST, które mogą się zgłosić"),
        choices=JstKind.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Wybierz co najmniej jeden rodzaj JST, który może się zgłosić.")},
    )

    FIELDSETS = [
        (_("Podstawowe informacje"), ["organiser", "name", "description"]),
        (
            _("Okres realizacji i nabór"),
            ["period_start", "period_end", "recruitment_opens_on", "recruitment_deadline", "results_date"],
        ),
        (
            _("Uczestnicy"),
            [
                "capacity",
                "eligible_jst_kinds",
                "allows_two_areas",
                "team_size_min",
                "team_size_max",
                "school_directors",
                "school_directors_min",
                "school_directors_max",
            ],
        ),
        (
            _("Wsparcie doradcze"),
            ["onsite_visits_count", "remote_advisory_months", "diagnosis_asks_post_pandemic_needs"],
        ),
        (_("Grupy warsztatowe"), [GROUP_PREFIX + kind for kind in JstKind.values]),
        (_("Kontakt w sprawie edycji"), ["contact_name", "contact_email", "contact_phone"]),
    ]

    class Meta:
        model = Edition
        fields = [f for f in EDITION_FIELDS if f != "workshop_group_overrides"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "period_start": DateInput,
            "period_end": DateInput,
            "recruitment_opens_on": DateInput,
            "recruitment_deadline": DateInput,
            "results_date": DateInput,
            "school_directors": forms.RadioSelect,
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel"}),
        }

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.IntegerField):
                field.error_messages["min_value"] = _("Podaj liczbę nie mniejszą niż %(limit_value)s.")
                field.error_messages["max_value"] = _("Podaj liczbę nie większą niż %(limit_value)s.")
        self.fields["capacity"].error_messages["min_value"] = _("Edycja musi mieć co najmniej jedno miejsce dla JST.")
        # Only someone on the staff of several organisers chooses; everyone else creates for their own.
        if organisations is not None and len(organisations) > 1:
            self.fields["organiser"] = forms.ModelChoiceField(
                label=_("Organizator"), queryset=organisations, empty_label=None
            )
        overrides = self.instance.workshop_group_overrides or {}
        for kind in JstKind:
            self.fields[GROUP_PREFIX + kind.value] = forms.ChoiceField(
                label=capfirst(kind.label),
                choices=WorkshopGroup.choices,
                initial=overrides.get(kind.value, DEFAULT_WORKSHOP_GROUPS[kind.value]),
                help_text=_("Domyślnie: %(group)s.") % {"group": WorkshopGroup(DEFAULT_WORKSHOP_GROUPS[kind]).label},
            )

    def clean(self):
        cleaned = super().clean()
        overrides = {
            kind: cleaned[GROUP_PREFIX + kind]
            for kind in JstKind.values
            if cleaned.get(GROUP_PREFIX + kind) and cleaned[GROUP_PREFIX + kind] != DEFAULT_WORKSHOP_GROUPS[kind]
        }
        # Set before the model's clean() runs (in _post_clean), so that it validates the real mapping.
        self.instance.workshop_group_overrides = overrides
        cleaned["workshop_group_overrides"] = overrides
        return cleaned

    def grouped_fields(self):
        return [(legend, [self[name] for name in names if name in self.fields]) for legend, names in self.FIELDSETS]

    def edition_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in EDITION_FIELDS}


class CopyEditionForm(forms.Form):
    name = forms.CharField(label=_("Nazwa nowej edycji"), max_length=200)
    period_start = forms.DateField(
        label=_("Początek realizacji nowej edycji"),
        widget=DateInput,
        help_text=_(
            "Wszystkie daty (okres, nabór, wydarzenia) przesuną się o tyle samo dni. Później można je poprawić."
        ),
    )

    def clean_period_start(self):
        # Keeps the shifted dates far from the calendar's limits, where date arithmetic fails.
        value = self.cleaned_data["period_start"]
        if not 2000 <= value.year <= 2099:
            raise forms.ValidationError(_("Podaj datę z lat 2000–2099."))
        return value


class PlannedEventForm(forms.ModelForm):
    class Meta:
        model = PlannedEvent
        fields = ["kind", "title", "starts_on", "ends_on", "place", "notes"]
        widgets = {
            "starts_on": DateInput,
            "ends_on": DateInput,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
