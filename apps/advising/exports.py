"""The spreadsheets: one advisor's month (the form used to settle an advisor's hours in an EU-funded project) and
the edition's hours per advisor × month and per JST × form."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.documents.list_exports import Column, ListExport

from .models import TimeEntry, Visit


def _activity(entry) -> str:
    if entry.record_id:
        return _("Spotkanie doradcze %(number)s") % {"number": entry.record.visit.number}
    if entry.session_id:
        return entry.session.topics[:200]
    return entry.note or entry.get_kind_display()


def sheet_table(sheet, entries) -> tuple[list[str], list[list]]:
    headers = [_("Doradca"), _("Miesiąc"), _("Dzień"), _("JST"), _("Działanie"), _("Forma"), _("Godziny")]
    rows = [
        [
            sheet.advisor.full_name,
            f"{sheet.month:%m.%Y}",
            entry.on,
            entry.engagement.local_government.display_name,
            _activity(entry),
            entry.get_kind_display(),
            entry.hours,
        ]
        for entry in entries
    ]
    rows.append(["", "", "", "", "", _("Razem"), sum((e.hours for e in entries), 0)])
    return headers, rows


def edition_table(edition, hours: dict, kind: str) -> tuple[list[str], list[list], str]:
    if kind == "jst":
        labels = dict(TimeEntry.Kind.choices)
        headers = [_("JST"), _("Forma"), _("Godziny")]
        rows = [
            [r["engagement__local_government__display_name"], str(labels.get(r["kind"], r["kind"])), r["total"]]
            for r in hours["by_jst"]
        ]
        return headers, rows, _("JST i formy")
    headers = [_("Doradca"), _("E-mail"), _("Miesiąc"), _("Godziny")]
    rows = [
        [r["advisor__full_name"], r["advisor__email"], f"{r['on__month']:02d}.{r['on__year']}", r["total"]]
        for r in hours["by_advisor"]
    ]
    return headers, rows, _("Doradcy i miesiące")


# The organiser's lists of an edition's visits and hours, exportable through ``apps.documents.list_exports``.


def visit_rows(edition):
    return (
        Visit.objects.filter(engagement__edition=edition)
        .select_related("engagement__local_government")
        .order_by("engagement__local_government__display_name", "number", "pk")
    )


def hours_rows(edition):
    return (
        TimeEntry.objects.filter(engagement__edition=edition)
        .select_related("advisor", "engagement__local_government", "record__visit", "session")
        .order_by("on", "advisor__full_name", "pk")
    )


VISITS = ListExport(
    key="advising.visits",
    title=gettext_lazy("Spotkania w JST"),
    rows=visit_rows,
    view_action="edition.view",
    filename=lambda edition: f"spotkania-{edition.slug}",
    columns=[
        Column("jst", gettext_lazy("JST"), lambda v: v.engagement.local_government.display_name),
        Column("number", gettext_lazy("Numer spotkania"), lambda v: v.number),
        Column("state", gettext_lazy("Stan"), lambda v: v.get_state_display()),
        Column("starts_on", gettext_lazy("Pierwszy dzień"), lambda v: v.starts_on),
        Column("ends_on", gettext_lazy("Ostatni dzień"), lambda v: v.ends_on),
        Column("agreed_at", gettext_lazy("Uzgodniono"), lambda v: v.agreed_at, default=False),
    ],
)
HOURS = ListExport(
    key="advising.hours",
    title=gettext_lazy("Godziny doradców"),
    rows=hours_rows,
    view_action="edition.view",
    filename=lambda edition: f"godziny-{edition.slug}",
    columns=[
        Column("advisor", gettext_lazy("Doradca"), lambda e: e.advisor.full_name),
        Column("on", gettext_lazy("Dzień"), lambda e: e.on),
        Column("jst", gettext_lazy("JST"), lambda e: e.engagement.local_government.display_name),
        Column("activity", gettext_lazy("Działanie"), _activity),
        Column("kind", gettext_lazy("Forma"), lambda e: e.get_kind_display()),
        Column("hours", gettext_lazy("Godziny"), lambda e: e.hours),
    ],
)
