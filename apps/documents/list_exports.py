"""Every staff list exportable, by one mechanism: the user picks the columns and the format, the export remembers
each user's last choice per list, and a long list is prepared in the background with progress
(``apps.documents.jobs``). The files are written by ``exports.build_csv``/``build_xlsx`` like every export.

Wiring a list takes a spec next to the list's selector and a view of a few lines::

    # apps/<app>/exports.py
    from apps.documents.list_exports import Column, ListExport

    def _rows(edition, *, status=""):                    # the list's rows for the target, already scoped;
        return selectors.applications_of(edition, status)  # keyword params are the list's filters (JSON values)

    APPLICATIONS = ListExport(
        key="recruitment.applications",                  # unique: the remembered choice and the job kind use it
        title=_("Zgłoszenia"),
        rows=_rows,                                      # a module-level function: the background job imports it
        view_action="recruitment.review",                # the rule checked on the target (status/download pages)
        filename=lambda edition: f"zgloszenia-{edition.slug}",
        columns=[
            Column("jst", _("JST"), lambda a: a.local_government.display_name),
            Column("email", _("E-mail"), lambda a: a.contact_email, default=False),  # offered, not pre-ticked
        ],
    )

    # apps/<app>/views.py: load the target through the scoped selector (404 for others), then
    @login_required
    def applications_export(request, slug):
        edition = selectors.desk_edition(request.user, slug)
        return export_page(request, exports.APPLICATIONS, target=edition, params={"status": request.GET.get("stan", "")})

Columns that depend on the target (a survey's questions, an event's days) come from ``columns_for(target)``
after the fixed ``columns``; ``remember_per_target=True`` remembers the choice per target as well (the keys of one
survey's questions mean nothing for another); ``background_from`` lowers the background threshold for wide rows.

Link the list's page to that view (``?`` + the list's own query string keeps its filters) and give the URL its GET
row in the access matrix. The page is a GET form (nothing is changed but the history): without ``eksport=1`` it
shows the column choice (the last one this user exported, or the defaults); with it, the file, or for more than
``BACKGROUND_ROWS`` rows a redirect to the job's status page. Each export is in the audit history with its columns
and row count, which is also where the last choice is read from.
"""

import hashlib
import importlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from django.shortcuts import redirect, render
from django.utils.encoding import force_str
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.audit.models import AuditEntry
from apps.audit.services import record
from apps.core.text import ascii_slug

from .exports import CONTENT_TYPES, build_csv, build_xlsx, export_response

BACKGROUND_ROWS = 3000
PROGRESS_EVERY = 500
EXPORTED = "documents.list_exported"  # written out where it is recorded (tests/test_project.py reads it)
FORMATS = {"csv": "CSV", "xlsx": "XLSX"}
SPECS: dict[str, "ListExport"] = {}


@dataclass(frozen=True)
class Column:
    key: str
    label: Any
    value: Callable[[Any], Any]
    default: bool = True


@dataclass(frozen=True)
class ListExport:
    key: str
    title: Any
    rows: Callable[..., Iterable]
    view_action: str
    filename: Callable[[Any], str]
    columns: list[Column] = field(default_factory=list)
    # How many rows ``rows`` gives, when it is not a queryset or list (e.g. a generator that adds labels).
    count: Callable[..., int] | None = None
    # Columns that depend on the target (a survey's questions, an event's days): a module-level function of the
    # target giving its columns after the fixed ``columns`` (the background job calls it again).
    columns_for: Callable[[Any], list[Column]] | None = None
    # The last choice is remembered per target too (each survey its own questions), not only per user and list.
    remember_per_target: bool = False
    # From how many rows the file is prepared in the background (wide rows: fewer); None: ``BACKGROUND_ROWS``.
    background_from: int | None = None

    def __post_init__(self):
        if not self.columns and self.columns_for is None:
            raise ImproperlyConfigured(f"List export {self.key}: column keys must be unique and present.")
        if self.columns:  # only built columns (``columns_for``) are checked when they are built
            _check_keys(self, self.columns)
        if self.key in SPECS and SPECS[self.key].rows is not self.rows:
            raise ImproperlyConfigured(f"List export {self.key!r} is defined twice.")
        SPECS[self.key] = self

    def columns_of(self, target=None) -> list[Column]:
        """Every column offered for ``target``: the fixed ones, then those ``columns_for`` builds for it."""
        if self.columns_for is None:
            return list(self.columns)
        return _check_keys(self, [*self.columns, *self.columns_for(target)])

    def chosen(self, keys: Iterable[str], target=None) -> list[Column]:
        wanted = set(keys)
        return [c for c in self.columns_of(target) if c.key in wanted]

    def defaults_for(self, target=None) -> list[str]:
        return [c.key for c in self.columns_of(target) if c.default]

    @property
    def defaults(self) -> list[str]:
        return [c.key for c in self.columns if c.default]

    def threshold(self) -> int:
        return BACKGROUND_ROWS if self.background_from is None else self.background_from


def _check_keys(spec: ListExport, columns: list[Column]) -> list[Column]:
    keys = [c.key for c in columns]
    if len(set(keys)) != len(keys) or not keys:
        raise ImproperlyConfigured(f"List export {spec.key}: column keys must be unique and present.")
    return columns


def spec_for(key: str, module: str) -> ListExport:
    """The spec of ``key``, importing the module that defines it (in a worker nothing else may have)."""
    importlib.import_module(module)
    return SPECS[key]


def last_choice(spec: ListExport, user, target=None) -> list[str]:
    """The columns ``user`` last exported this list with (still offered for ``target``; of this very target when
    the spec remembers per target), else the spec's defaults."""
    entries = AuditEntry.objects.filter(actor=user, action=EXPORTED, changes__list=spec.key)
    if spec.remember_per_target and target is not None:
        entries = entries.filter(
            target_type=ContentType.objects.get_for_model(target, for_concrete_model=False), target_id=str(target.pk)
        )
    entry = entries.order_by("-at", "-pk").values_list("changes", flat=True).first()
    columns = spec.columns_of(target)
    offered = {c.key for c in columns}
    keys = [k for k in (entry or {}).get("columns", []) if k in offered]
    return keys or [c.key for c in columns if c.default]


def _count(spec: ListExport, rows, target, params: dict) -> int:
    if spec.count is not None:
        return spec.count(target, **params)
    return rows.count() if isinstance(rows, QuerySet) else len(rows)


def table(spec: ListExport, columns: list[Column], rows, progress=None, total: int = 0):
    for number, row in enumerate(rows, start=1):
        if progress is not None and total and number % PROGRESS_EVERY == 0:
            progress(number * 100 // total)
        yield [column.value(row) for column in columns]


def build(spec: ListExport, columns: list[Column], rows, fmt: str, progress=None, total: int = 0) -> bytes:
    headers = [force_str(c.label) for c in columns]
    body = table(spec, columns, rows, progress, total)
    if fmt == "csv":
        return build_csv(headers, body)
    return build_xlsx(force_str(spec.title), headers, body)


def _iterate(rows):
    # Many rows stream from the database in chunks (a prefetching queryset needs a chunk size).
    return rows.iterator(chunk_size=2000) if isinstance(rows, QuerySet) else rows


def build_list_document(target, progress, *, key: str, module: str, columns: list[str], fmt: str, params: dict):
    """The builder of a background list export (``apps.documents.jobs``): the same file as the direct download."""
    spec = spec_for(key, module)
    rows = spec.rows(target, **params)
    chosen = spec.chosen(columns, target)
    data = build(spec, chosen, _iterate(rows), fmt, progress, _count(spec, rows, target, params))
    return f"{ascii_slug(spec.filename(target))}.{fmt}", data, CONTENT_TYPES[fmt].split(";")[0]


def export_query(spec: ListExport, fmt: str = "xlsx", columns: Iterable[str] | None = None, target=None) -> str:
    """The query string of a submitted export (tests, ``make bench``, a one-click link): the given columns or the
    defaults (for ``target`` when the spec's columns depend on it)."""
    keys = spec.defaults_for(target) if columns is None else list(columns)
    return f"eksport=1&format={fmt}" + "".join(f"&kolumny={key}" for key in keys)


class ExportForm(forms.Form):
    eksport = forms.CharField(widget=forms.HiddenInput, initial="1")
    kolumny = forms.MultipleChoiceField(
        label=gettext_lazy("Kolumny"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Wybierz co najmniej jedną kolumnę.")},
    )
    format = forms.ChoiceField(label=gettext_lazy("Format"), widget=forms.RadioSelect, choices=list(FORMATS.items()))

    def __init__(self, *args, columns: list[Column], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kolumny"].choices = [(c.key, c.label) for c in columns]


def export_page(request, spec: ListExport, *, target, params: dict | None = None, back: str = ""):
    """The column choice, then the file (or the background job): the whole view of a wired list."""
    params = params or {}
    submitted = request.GET.get("eksport") == "1"
    offered = spec.columns_of(target)
    preset = request.GET.get("format") if request.GET.get("format") in FORMATS else "xlsx"
    form = ExportForm(
        request.GET if submitted else None,
        columns=offered,
        initial={"kolumny": last_choice(spec, request.user, target), "format": preset},
    )
    if submitted and form.is_valid():
        wanted = set(form.cleaned_data["kolumny"])
        columns = [c for c in offered if c.key in wanted]
        fmt = form.cleaned_data["format"]
        rows = spec.rows(target, **params)
        total = _count(spec, rows, target, params)
        keys = [c.key for c in columns]
        record(
            actor=request.user,
            action="documents.list_exported",
            target=target,
            changes={"list": spec.key, "columns": keys, "format": fmt, "rows": total, "params": params},
        )
        if total > spec.threshold():
            from .jobs import request_document

            digest = hashlib.sha256(json.dumps([keys, params], sort_keys=True).encode()).hexdigest()[:12]
            document = request_document(
                target=target,
                kind=f"list_{spec.key}_{fmt}_{digest}"[:50],
                title=_("%(list)s (%(format)s)") % {"list": force_str(spec.title), "format": FORMATS[fmt]},
                builder="apps.documents.list_exports.build_list_document",
                view_action=spec.view_action,
                by=request.user,
                params={"key": spec.key, "module": spec.rows.__module__, "columns": keys, "fmt": fmt, "params": params},
            )
            return redirect("documents:status", pk=document.pk)
        data = build(spec, columns, _iterate(rows), fmt)
        return export_response(data=data, filename=ascii_slug(spec.filename(target)), kind=fmt)
    hidden = [(name, value) for name, values in request.GET.lists() if name not in form.fields for value in values]
    return render(
        request,
        "documents/list_export.html",
        {"form": form, "spec": spec, "target": target, "hidden": hidden, "back": back},
    )
