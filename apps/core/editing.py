"""Co-editing: the one flow of a form page, forms under optimistic locking and the merge after a refused stale save.

A document several people edit (diagnosis, priorities, HDR, application sections; later summaries, surveys, event
texts) gets all of it by:

- its form subclassing ``apps.core.forms.VersionedModelForm`` (one hidden ``version`` field; every field also
  carries the value the editor loaded, Django's ``show_hidden_initial``);
- its service saving with ``apps.core.locking.save_versioned`` (``StaleEdit`` when someone saved in between);
- its view calling ``form_page(..., rebuild=...)`` and its template including ``includes/form.html``.

After a refused save the form is rebound three-way (docs/decisions/0010-co-editing.md): a field the user did not
change takes the stored value, a field only the user changed keeps the input, and a field both people changed
keeps the input and is shown next to the other person's text in ``includes/conflict.html`` for the user to decide.
"""

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats
from django.utils.translation import gettext as _

from .forms import CoEditedForm, add_errors
from .locking import StaleEdit


@dataclass
class ConflictField:
    """A field both people changed: the other person's stored value beside the user's unsaved input."""

    label: str
    theirs: str
    mine: str
    field: forms.BoundField


@dataclass
class Conflict:
    by: str
    at: datetime | None
    fields: list[ConflictField] = field(default_factory=list)  # both changed: the user decides
    taken: list[str] = field(default_factory=list)  # only the other person changed: their value is in the form
    kept: list[str] = field(default_factory=list)  # only the user changed: the input is kept


def display(form_field: forms.Field, value) -> str:
    """A value as the user reads it: choice labels, months, Polish numbers; "(puste)" for nothing."""
    value = form_field.prepare_value(value)
    if value in (None, "", [], ()):
        return _("(puste)")
    if hasattr(form_field, "display"):
        return form_field.display(value)
    if isinstance(value, bool):
        return _("tak") if value else _("nie")
    if getattr(form_field, "choices", None) is not None and not isinstance(form_field, forms.BooleanField):
        labels = {str(key): str(label) for key, label in form_field.choices}
        values = value if isinstance(value, (list, tuple)) else [value]
        return "; ".join(labels.get(str(v), str(v)) for v in values)
    if isinstance(value, (date, Decimal, float, int)):
        return formats.localize(value, use_l10n=True)
    return str(value)


def editor_of(current) -> tuple[str, datetime | None]:
    """Who saved ``current`` last and when, from its ``updated_by``/``updated_by_label`` and ``updated_at``."""
    user = getattr(current, "updated_by", None)
    name = (getattr(user, "full_name", "") or getattr(user, "email", "")) if user else ""
    return name or getattr(current, "updated_by_label", "") or _("inna osoba"), getattr(current, "updated_at", None)


def _conflict(current, editor, rows, theirs_only, mine_only) -> Conflict:
    by, at = editor(current)
    return Conflict(by=by or _("inna osoba"), at=at, fields=rows, taken=theirs_only, kept=mine_only)


def _row(form, merged, name, stored, label=None) -> ConflictField:
    form_field = form.fields[name]
    return ConflictField(
        label=label or str(form_field.label),
        theirs=display(form_field, stored),
        mine=display(form_field, form.cleaned_data.get(name)),
        field=merged[name],
    )


def merge_after_stale(
    form: CoEditedForm,
    current,
    rebuild: Callable[[Any, Any], forms.BaseForm],
    editor: Callable[[Any], tuple[str, datetime | None]] = editor_of,
) -> tuple[forms.BaseForm, Conflict]:
    """The refused form rebound three-way on ``current``, and what to tell the user about it."""
    # Copies: a bound ModelForm writes into its instance, and the service compares with the stored row.
    fresh = rebuild(None, copy.copy(current))
    data, both, theirs_only, mine_only = form.merged_data(fresh, current)
    merged = rebuild(data, copy.copy(current))
    merged.is_valid()
    rows = [_row(form, merged, name, fresh[name].initial) for name in both]
    labels = [str(form.fields[name].label) for name in theirs_only], [str(form.fields[n].label) for n in mine_only]
    return merged, _conflict(current, editor, rows, *labels)


def merge_formset_after_stale(
    formset: forms.BaseFormSet,
    current,
    rebuild: Callable[[Any, Any], forms.BaseFormSet],
    editor: Callable[[Any], tuple[str, datetime | None]] = editor_of,
    row_label: Callable[[int], str] = str,
) -> tuple[forms.BaseFormSet, Conflict]:
    """``merge_after_stale`` for a formset of ``CoEditedForm`` rows, row by row; the version is ``version``."""
    fresh = rebuild(None, current)
    data = formset.data.copy()
    merged_rows = [
        (i, form, fresh_form, form.merge_into(data, fresh_form))
        for i, (form, fresh_form) in enumerate(zip(formset.forms, fresh.forms, strict=False))
    ]
    data["version"] = str(current.version)
    merged = rebuild(data, current)
    merged.is_valid()
    rows, theirs_only, mine_only = [], [], []
    for i, form, fresh_form, (both, theirs, mine) in merged_rows:
        prefix = row_label(i + 1)
        rows += [
            _row(form, merged.forms[i], name, fresh_form[name].initial, f"{prefix}: {form.fields[name].label}")
            for name in both
        ]
        theirs_only += [f"{prefix}: {form.fields[name].label}" for name in theirs]
        mine_only += [f"{prefix}: {form.fields[name].label}" for name in mine]
    return merged, _conflict(current, editor, rows, theirs_only, mine_only)


def show_error(request, error: ValidationError) -> None:
    """A service's refusal of a button press (no form to show it on) as one message."""
    messages.error(request, " ".join(error.messages))


def _resolve(value, result):
    return value(result) if callable(value) else value


def run_action(request, action: Callable[[], Any], *, success, done) -> HttpResponse:
    """A POST button: call the service; its ValidationError becomes a message; back to ``done`` either way.

    ``success`` is a message or a function of the service's result returning one (or None for no message);
    ``done`` is a URL or a function of the result returning one."""
    try:
        result = action()
    except ValidationError as error:
        show_error(request, error)
        result = None
    else:
        message = _resolve(success, result)
        if message:
            messages.success(request, message)
    return redirect(_resolve(done, result))


def ask_first(
    request,
    action: Callable[[], Any],
    *,
    success,
    done,
    title: str,
    question: str,
    button: str,
    back: str,
    subject: str = "",
    context=None,
) -> HttpResponse:
    """A step that cannot be undone (deleting, withdrawing, mailing many people): a GET shows a page that says
    what will happen (``title``, ``subject`` quoted, ``question``) with the ``button`` that does it and a way
    ``back``; its POST runs ``action`` as ``run_action`` does. Works without JavaScript."""
    if request.method == "POST":
        return run_action(request, action, success=success, done=done)
    page = {"title": title, "question": question, "button": button, "back": back, "subject": subject}
    return render(request, "core/confirm.html", {**(context or {}), "confirm": page})


def form_page(
    request,
    form: forms.BaseForm,
    *,
    save: Callable[[forms.BaseForm], Any],
    success,
    done,
    template: str,
    context=None,
    rebuild: Callable[[Any, Any], forms.BaseForm] | None = None,
    editor: Callable[[Any], tuple[str, datetime | None]] = editor_of,
) -> HttpResponse:
    """The one flow of a form page. A valid POST calls ``save(form)`` (the service); then a success message and
    a redirect to ``done``. A ValidationError from the service is shown on the form (next to the field it names);
    a ``StaleEdit`` rebinds the form three-way on the stored state and shows the conflict (the form is rebuilt
    with ``rebuild(data, current)``, by default the form's own ``rebuilt``: same class, same arguments).

    ``success``/``done`` are values or functions of what ``save`` returned; ``context`` a dict or a function of the
    form returning one (the page is rendered with ``form`` and ``conflict`` added)."""
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form)
        except StaleEdit as stale:
            form, conflict = merge_after_stale(form, stale.current, rebuild or form.rebuilt, editor)
        except ValidationError as error:
            add_errors(form, error)
        else:
            message = _resolve(success, result)
            if message:
                messages.success(request, message)
            return redirect(_resolve(done, result))
    page = context(form) if callable(context) else dict(context or {})
    return render(request, template, {**page, "form": form, "conflict": conflict})
