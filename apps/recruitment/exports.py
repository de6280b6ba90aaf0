"""The organiser's list of applications as CSV or XLSX (the columns the programme's spreadsheets had).

The rows are read as plain values (only the printed columns, the team size counted in the same query) and every
label (JST kind, workshop group, state) is translated once per export, not once per row. A list longer than
``BACKGROUND_ROWS`` is prepared in the background as a generated document with a progress page
(``apps.documents.jobs``), so no request builds a spreadsheet of many thousand rows.
"""

import hashlib
import json

from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.text import ascii_slug
from apps.documents.exports import CONTENT_TYPES, build_csv, build_xlsx, export_response
from apps.territory.kinds import JstKind, WorkshopGroup, workshop_group_for

from .models import Application

FORMATS = {"csv", "xlsx"}
BACKGROUND_ROWS = 3000
BUILDER = "apps.recruitment.exports.build_applications_document"
PROGRESS_EVERY = 500

# The columns read from the database, in the order of ``headers()`` (team size is annotated by the selector).
COLUMNS = (
    "local_government__display_name",
    "local_government__teryt",
    "local_government__kind",
    "local_government__voivodeship__name",
    "status",
    "reserve_rank",
    "submitted_at",
    "documents_received",
    "documents_complete_on",
    "has_late_documents",
    "export_team_size",
    "contact_name",
    "contact_email",
    "contact_phone",
    "decided_at",
    "decision_reason",
)


def headers() -> list[str]:
    return [
        _("JST"),
        _("Kod TERYT"),
        _("Rodzaj JST"),
        _("Województwo"),
        _("Grupa warsztatowa"),
        _("Stan"),
        _("Miejsce na liście rezerwowej"),
        _("Złożone"),
        _("Dokumenty (z 3)"),
        _("Komplet dokumentów od"),
        _("Dokumenty po terminie"),
        _("Liczba osób w zespole"),
        _("Osoba do kontaktu"),
        _("E-mail"),
        _("Telefon"),
        _("Decyzja z dnia"),
        _("Uzasadnienie"),
    ]


def rows(edition, values, progress=None, total: int = 0):
    """Spreadsheet rows from ``values`` (tuples of ``COLUMNS``); the labels are looked up once."""
    overrides = edition.workshop_group_overrides
    kinds = {value: str(label) for value, label in JstKind.choices}
    groups = {kind: str(WorkshopGroup(workshop_group_for(kind, overrides)).label) for kind in JstKind.values}
    statuses = {value: str(label) for value, label in Application.Status.choices}
    for number, (name, teryt, kind, voivodeship, status, *rest) in enumerate(values, start=1):
        if progress is not None and total and number % PROGRESS_EVERY == 0:
            progress(number * 100 // total)
        yield [
            name,
            teryt,
            kinds.get(kind, kind),
            voivodeship,
            groups.get(kind, ""),
            statuses.get(status, status),
            *rest,
        ]


def filename_for(edition) -> str:
    return f"zgloszenia-{ascii_slug(edition.slug)}-{timezone.localdate():%Y-%m-%d}"


def build(edition, values, fmt: str, progress=None, total: int = 0) -> bytes:
    table = rows(edition, values, progress, total)
    if fmt == "csv":
        return build_csv(headers(), table)
    return build_xlsx(_("Zgłoszenia"), headers(), table)


def applications_export(edition, values, fmt: str):
    return export_response(data=build(edition, values, fmt), filename=filename_for(edition), kind=fmt)


def document_kind(fmt: str, filters: dict) -> str:
    """One background job per format and filter set (the job table keeps one running job per kind)."""
    digest = hashlib.sha256(json.dumps(filters, sort_keys=True).encode()).hexdigest()[:16]
    return f"applications_{fmt}_{digest}"


def build_applications_document(edition, progress, *, fmt: str, filters: dict):
    """The builder of a background export (``apps.documents.jobs``): the same file as the direct download."""
    from . import selectors

    desk_filters = selectors.DeskFilters(**filters)
    total = selectors.export_count(edition, desk_filters)
    data = build(edition, selectors.export_rows(edition, desk_filters).iterator(chunk_size=2000), fmt, progress, total)
    return f"{filename_for(edition)}.{fmt}", data, CONTENT_TYPES[fmt].split(";")[0]
