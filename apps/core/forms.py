"""Form helpers shared by the apps, and the base of every form of a co-edited document (see ``editing.py``)."""

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils import formats


def add_errors(form: forms.BaseForm, error: ValidationError, *, field: str | None = None) -> None:
    """Show a service's ValidationError on the form: next to the field it names, else next to ``field`` (by
    default above the form)."""
    if not hasattr(error, "error_dict"):
        form.add_error(field, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields and name != NON_FIELD_ERRORS else None, errors)


class DateInput(forms.DateInput):
    """The browser's date picker; the value travels as ISO 8601, which every form accepts."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _plain(value):
    if isinstance(value, str):
        return value.replace("\r\n", "\n")
    return value


def _differs(form_field: forms.Field, value, raw) -> bool:
    """Whether the raw input ``raw`` means something else than the Python value ``value`` (line ends aside)."""
    return form_field.has_changed(_plain(value), _plain(raw))


def _same_text(a, b) -> bool:
    """Two raw texts that differ only in line ends or surrounding spaces (what Django's comparison misses)."""
    return isinstance(a, str) and isinstance(b, str) and _plain(a).strip() == _plain(b).strip()


def _as_data(form_field: forms.Field, value) -> list:
    """A stored value as the list of raw values a browser would send for this field."""
    value = form_field.prepare_value(value)
    if isinstance(value, (list, tuple, set, models.QuerySet)):
        return [form_field.prepare_value(v) for v in value]
    return ["" if value is None else value]


class CoEditedForm:
    """A form mixin: every visible field also sends the value the editor loaded (``initial-<name>``), so that
    after a refused stale save it is known which fields this person changed. Hidden fields (versions) are not
    merged."""

    def __new__(cls, *args, **kwargs):
        # Before any __init__ takes its own arguments away: ``rebuilt`` passes them all again.
        form = super().__new__(cls)
        form._own_kwargs = {k: v for k, v in kwargs.items() if k not in {"data", "files", "instance", "initial"}}
        return form

    def rebuilt(self, data, current):
        """The same form for the stored state ``current``, bound to ``data`` (unbound for None)."""
        return type(self)(data, instance=current, **self._own_kwargs)

    def __getitem__(self, name):
        # Here rather than in __init__, so that fields a subclass adds after super().__init__() carry it too.
        form_field = self.fields.get(name)
        if form_field is not None and not form_field.widget.is_hidden:
            form_field.show_hidden_initial = True
        return super().__getitem__(name)

    def versions_of(self, current) -> dict[str, Any]:
        """The hidden version inputs that make the next save start from ``current``."""
        return {"version": current.version}

    def merged_data(self, fresh: forms.BaseForm, current) -> tuple[Any, list, list, list]:
        """The input rebased on the stored state (``fresh``: the same form, unbound, for the stored object).

        Returns the data and the names of the fields both changed, only they changed, only the user changed."""
        data = self.data.copy()
        both, theirs_only, mine_only = self.merge_into(data, fresh)
        for key, value in self.versions_of(current).items():
            data[key] = str(value)
        return data, both, theirs_only, mine_only

    def merge_into(self, data, fresh: forms.BaseForm) -> tuple[list, list, list]:
        """Write the three-way merge of this form's fields into ``data`` (a mutable QueryDict)."""
        both, theirs_only, mine_only = [], [], []
        changed = set(self.changed_data)
        for name, form_field in self.fields.items():
            if form_field.widget.is_hidden or name not in fresh.fields:
                continue
            bound = self[name]
            stored = fresh[name].initial
            loaded = self._widget_data_value(form_field.hidden_widget(), bound.html_initial_name)
            theirs_changed = _differs(form_field, stored, loaded)
            mine_changed = name in changed and not _same_text(loaded, bound.data)
            if not mine_changed:
                data.setlist(bound.html_name, _as_data(form_field, stored))
                if theirs_changed:
                    theirs_only.append(name)
            elif not theirs_changed:
                mine_only.append(name)
            elif _differs(form_field, stored, bound.data):
                both.append(name)
            # else both made the same change: nothing to decide.
            # What the user has now seen is the new base for the next save.
            data.setlist(bound.html_initial_name, _as_data(form_field, stored))
        return both, theirs_only, mine_only


class VersionedModelForm(CoEditedForm, forms.ModelForm):
    """The form of a row under optimistic locking (``apps.core.locking``): it carries the version the editor
    started from in the one hidden field ``version``. Without it (a client that did not load the form) the save
    starts from the stored version."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def started_from(self) -> int:
        return self.cleaned_data.get("version") or self.instance.version

    def values(self) -> dict:
        """The cleaned values of the model fields the form edits, as the service takes them."""
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.fields}


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
