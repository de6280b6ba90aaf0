from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.forms import DateInput

from .models import ApiToken


def default_expiry():
    return timezone.localdate() + timedelta(days=90)


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Nazwa"), max_length=100, help_text=_("Np. system, który będzie go używał: „księgowość”, „strona WWW”.")
    )
    scope = forms.ChoiceField(label=_("Uprawnienia"), choices=ApiToken.Scope.choices, initial=ApiToken.Scope.READ)
    expires_on = forms.DateField(
        label=_("Wygasa (koniec dnia)"),
        initial=default_expiry,
        widget=DateInput(),
        help_text=_("Najpóźniej za rok."),
    )
