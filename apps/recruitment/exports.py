"""The organiser's list of applications, exportable through ``apps.documents.list_exports`` (the columns the
programme's spreadsheets had; the user picks which, CSV or XLSX, in the background when long).

The rows are read as plain values (only the printed columns, the team size counted in the same query) and every
label (JST kind, workshop group, state) is translated once per export, not once per row.
"""

from operator import itemgetter

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.text import ascii_slug
from apps.documents.list_exports import Column, ListExport
from apps.territory.kinds import JstKind, WorkshopGroup, workshop_group_for

from .models import Application

# The columns read from the database, in the order of the spec's columns (team size is annotated by the selector).
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


def _labelled(edition, values):
    """Spreadsheet rows from ``values`` (tuples of ``COLUMNS``); the labels are looked up once."""
    overrides = edition.workshop_group_overrides
    kinds = {value: str(label) for value, label in JstKind.choices}
    groups = {kind: str(WorkshopGroup(workshop_group_for(kind, overrides)).label) for kind in JstKind.values}
    statuses = {value: str(label) for value, label in Application.Status.choices}
    for name, teryt, kind, voivodeship, status, *rest in values:
        yield [
            name,
            teryt,
            kinds.get(kind, kind),
            voivodeship,
            groups.get(kind, ""),
            statuses.get(status, status),
            *rest,
        ]


def application_rows(edition, **filters):
    from . import selectors

    return _labelled(
        edition, selectors.export_rows(edition, selectors.DeskFilters(**filters)).iterator(chunk_size=2000)
    )


def application_count(edition, **filters) -> int:
    from . import selectors

    return selectors.export_count(edition, selectors.DeskFilters(**filters))


def filename_for(edition) -> str:
    return f"zgloszenia-{ascii_slug(edition.slug)}-{timezone.localdate():%Y-%m-%d}"


_LABELS = [
    ("jst", gettext_lazy("JST"), True),
    ("teryt", gettext_lazy("Kod TERYT"), True),
    ("kind", gettext_lazy("Rodzaj JST"), True),
    ("voivodeship", gettext_lazy("Województwo"), True),
    ("group", gettext_lazy("Grupa warsztatowa"), True),
    ("status", gettext_lazy("Stan"), True),
    ("reserve_rank", gettext_lazy("Miejsce na liście rezerwowej"), True),
    ("submitted_at", gettext_lazy("Złożone"), True),
    ("documents", gettext_lazy("Dokumenty (z 3)"), True),
    ("documents_complete_on", gettext_lazy("Komplet dokumentów od"), True),
    ("late", gettext_lazy("Dokumenty po terminie"), True),
    ("team_size", gettext_lazy("Liczba osób w zespole"), True),
    ("contact_name", gettext_lazy("Osoba do kontaktu"), True),
    ("contact_email", gettext_lazy("E-mail"), True),
    ("contact_phone", gettext_lazy("Telefon"), True),
    ("decided_at", gettext_lazy("Decyzja z dnia"), True),
    ("decision_reason", gettext_lazy("Uzasadnienie"), True),
]

APPLICATIONS = ListExport(
    key="recruitment.applications",
    title=gettext_lazy("Zgłoszenia"),
    rows=application_rows,
    count=application_count,
    view_action="recruitment.review",
    filename=filename_for,
    columns=[Column(key, label, itemgetter(index), default) for index, (key, label, default) in enumerate(_LABELS)],
)


def headers() -> list[str]:
    return [str(c.label) for c in APPLICATIONS.columns]


__all__ = ["APPLICATIONS", "COLUMNS", "_"]
