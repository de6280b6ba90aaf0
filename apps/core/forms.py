"""Form helpers shared by the apps."""

from decimal import Decimal

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import formats


def add_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: next to the field it names, else above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields and field != NON_FIELD_ERRORS else None, errors)


class DateInput(forms.DateInput):
    """The browser's date picker; the value travels as ISO 8601, which every form accepts."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class RadioSelect(forms.RadioSelect):
    """Radio buttons without the model form's empty "---------" choice: a group with nothing chosen is already empty,
    and a pre-selected "---------" radio is a choice nobody made."""

    def optgroups(self, name, value, attrs=None):
        choices = self.choices
        self.choices = [choice for choice in choices if choice[0] not in ("", None)]
        try:
            return super().optgroups(name, value, attrs)
        finally:
            self.choices = choices


class PolishDecimalField(forms.DecimalField):
    """A number written the Polish way: "18 500,50" as well as "18500.50" (people copy figures from Polish reports),
    and shown back the same way ("18 500,00", not "18500.00"). A text box: a number input refuses the comma."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("\u00a0", "").replace(" ", "").replace(",", ".")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):  # stored, not typed
            return formats.number_format(value, use_l10n=True, force_grouping=True)
        return value
