from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DataRequest, LegalHold


class RequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Czego dotyczy wniosek"), choices=DataRequest.Kind.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=_("Opis"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Np. które dane są nieprawidłowe i jak powinny brzmieć."),
    )


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decyzja"),
        choices=[("approve", _("realizuję wniosek")), ("refuse", _("odmawiam (z uzasadnieniem)"))],
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(label=_("Odpowiedź dla osoby"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))


class HoldForm(forms.ModelForm):
    class Meta:
        model = LegalHold
        fields = ["edition", "until", "reason"]
        widgets = {"until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, editions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].queryset = editions
        self.fields["edition"].label = _("Edycja")
