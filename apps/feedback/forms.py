from django import forms
from django.utils.translation import gettext_lazy as _

from . import parts
from .models import PartKind, Remark
from .selectors import SORTS


class RemarkForm(forms.Form):
    part = forms.ChoiceField(label=_("Część modelu, której dotyczy uwaga"), required=False)
    text = forms.CharField(label=_("Treść uwagi"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].choices = [("", _("— wybierz —"))] + [
            (label, [(part.value, part.label) for part in group]) for label, group in parts.parts_of()
        ]

    def clean_part(self):
        value = self.cleaned_data.get("part") or ""
        parts.resolve(value)  # a clear message for no part or an unknown one
        return value


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nowy stan"))
    note = forms.CharField(
        label=_("Uzasadnienie (przy odrzuceniu wymagane)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = list(choices)


class RegisterFilters(forms.Form):
    q = forms.CharField(label=_("Szukaj w treści"), required=False, max_length=100)
    stan = forms.ChoiceField(
        label=_("Stan"), required=False, choices=[("", _("wszystkie"))] + list(Remark.Status.choices)
    )
    czesc = forms.ChoiceField(
        label=_("Część modelu"), required=False, choices=[("", _("wszystkie"))] + list(PartKind.choices)
    )
    sort = forms.ChoiceField(
        label=_("Kolejność"),
        required=False,
        choices=[
            ("newest", _("najnowsze")),
            ("oldest", _("najstarsze")),
            ("part", _("według części modelu")),
            ("status", _("według stanu")),
        ],
    )

    def values(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        sort = data.get("sort") or "newest"
        return {
            "query": data.get("q", ""),
            "status": data.get("stan", ""),
            "part_kind": data.get("czesc", ""),
            "sort": sort if sort in SORTS else "newest",
        }
