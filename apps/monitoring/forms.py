from django import forms
from django.utils.translation import gettext_lazy as _

from .models import FLAGS, MonitoringSettings, ParticipantData
from .services import DATA_FIELDS, SETTINGS_FIELDS


class SettingsForm(forms.ModelForm):
    class Meta:
        model = MonitoringSettings
        fields = list(SETTINGS_FIELDS)
        widgets = {"information_clause": forms.Textarea(attrs={"rows": 10})}


class InstitutionForm(forms.Form):
    """NIP and REGON of the JST; the service checks both with python-stdnum."""

    nip = forms.CharField(label=_("NIP"), max_length=20, required=False)
    regon = forms.CharField(label=_("REGON"), max_length=20, required=False)


class ParticipantDataForm(forms.ModelForm):
    """A participant's monitoring data. The PESEL is never sent back to the browser: left empty, it stays."""

    pesel = forms.CharField(
        label=_("PESEL"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    clause_accepted = forms.BooleanField(required=False)

    class Meta:
        model = ParticipantData
        fields = ["no_pesel", "other_identifier", "sex", "age_at_start", "education", "labour_status", *FLAGS]

    def __init__(self, *args, stored_pesel: str = "", by_participant: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        order = ["pesel", *self.Meta.fields, "clause_accepted"]
        self.order_fields(order)
        if stored_pesel:
            self.fields["pesel"].help_text = _("Zapisany numer: %(masked)s. Zostaw puste, aby go nie zmieniać.") % {
                "masked": stored_pesel
            }
        else:
            self.fields["pesel"].help_text = _("11 cyfr. Jeśli nie masz numeru PESEL, zaznacz pole poniżej.")
        for name in ("sex", "age_at_start"):
            self.fields[name].help_text = _("Ustalane z numeru PESEL; wypełnij tylko, gdy brak numeru PESEL.")
        if self.instance.pk and self.instance.clause_accepted_at:
            del self.fields["clause_accepted"]
        else:
            self.fields["clause_accepted"].label = (
                _("Zapoznałem(-am) się z klauzulą informacyjną powyżej")
                if by_participant
                else _("Uczestnik otrzymał klauzulę informacyjną powyżej")
            )

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in DATA_FIELDS}
