"""The spreadsheets: one advisor's month (the form used to settle an advisor's hours in an EU-funded project) and
the edition's hours per advisor × month and per JST × form."""

from django.utils.translation import gettext as _

from .models import TimeEntry


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
