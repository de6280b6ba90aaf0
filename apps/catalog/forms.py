from django import forms

from .models import Area, CatalogVersion, ManagementSolution


class VersionForm(forms.ModelForm):
    class Meta:
        model = CatalogVersion
        fields = ["label", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}


class AreaForm(forms.ModelForm):
    class Meta:
        model = Area
        fields = ["name", "description", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class SolutionForm(forms.ModelForm):
    class Meta:
        model = ManagementSolution
        fields = ["name", "kind", "description", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
