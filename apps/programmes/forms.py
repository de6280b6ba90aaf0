from django import forms
from django.utils.translation import gettext_lazy as _

from .models import EuProduct, Programme, Scenario
from .services import PRODUCT_FIELDS, PROGRAMME_FIELDS, SCENARIO_FIELDS

LONG_TEXT = {"rows": 5}


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = PROGRAMME_FIELDS
        widgets = {
            name: forms.Textarea(attrs=LONG_TEXT)
            for name in PROGRAMME_FIELDS
            if name not in {"audience", "jst_level", "title", "order"}
        }


class ScenarioForm(forms.ModelForm):
    class Meta:
        model = Scenario
        fields = SCENARIO_FIELDS
        widgets = {name: forms.Textarea(attrs=LONG_TEXT) for name in ["goals", "course", "methods", "materials"]}


class EuProductForm(forms.ModelForm):
    url = forms.URLField(label=_("adres"), required=False, assume_scheme="https")

    class Meta:
        model = EuProduct
        fields = PRODUCT_FIELDS
        widgets = {"how_used": forms.Textarea(attrs={"rows": 3})}
