from django import forms

from .models import ClauseVersion


class ClauseForm(forms.ModelForm):
    class Meta:
        model = ClauseVersion
        fields = ClauseVersion.TEXT_FIELDS
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in ClauseVersion.TEXT_FIELDS}
