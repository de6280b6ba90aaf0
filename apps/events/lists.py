"""The lists for the hotel and the caterer: each a title, column headers and rows (for CSV and XLSX alike)."""

from datetime import date

from django.utils.translation import gettext as _

from apps.territory.kinds import WorkshopGroup

from . import selectors
from .helpers import d
from .models import Diet, Registration


def _jst(registration: Registration) -> str:
    return registration.engagement.local_government.display_name if registration.engagement_id else ""


def _group(registration: Registration) -> str:
    return WorkshopGroup(registration.workshop_group).label if registration.workshop_group else ""


def rooming(event, night):
    rows = []
    for row in selectors.rooming_list(event, night):
        first, *rest = row.people
        second = rest[0] if rest else None
        rows.append(
            [
                row.number,
                first.full_name,
                _jst(first),
                second.full_name if second else "",
                _jst(second) if second else "",
                row.source,
            ]
        )
    headers = [_("Pokój"), _("Osoba 1"), _("JST 1"), _("Osoba 2"), _("JST 2"), _("Jak ustalono")]
    return _("Pokoje noc %(night)s") % {"night": d(night)}, headers, rows


def meals(event):
    diets = [label for _value, label in Diet.choices]
    rows = [
        [d(row.day), row.meal_label, *[count for _label, count in row.by_diet], row.total, "; ".join(row.notes)]
        for row in selectors.meal_counts(event)
    ]
    return _("Posiłki"), [_("Dzień"), _("Posiłek"), *diets, _("Razem"), _("Uwagi do diet")], rows


def parking(event):
    rows = [
        [r.full_name, _jst(r), r.email, ", ".join(d(date.fromisoformat(x)) for x in r.days)]
        for r in selectors.registrations_of(event).filter(status=Registration.Status.REGISTERED, parking=True)
    ]
    return _("Parking"), [_("Imię i nazwisko"), _("JST"), _("E-mail"), _("Dni")], rows


def participants(event):
    rows = []
    for registration in selectors.registrations_of(event).filter(status=Registration.Status.REGISTERED):
        rows.append(
            [
                _jst(registration),
                _group(registration),
                registration.full_name,
                registration.email,
                len(registration.days),
                len(registration.nights),
                registration.get_diet_display(),
                _("tak") if registration.parking else _("nie"),
                registration.accessibility_needs,
            ]
        )
    rows.sort(key=lambda r: (r[0] == "", r[0], r[1], r[2]))
    headers = [
        _("JST"),
        _("Grupa warsztatowa"),
        _("Imię i nazwisko"),
        _("E-mail"),
        _("Dni"),
        _("Noclegi"),
        _("Dieta"),
        _("Parking"),
        _("Dostępność"),
    ]
    return _("Uczestnicy"), headers, rows


LISTS = {"pokoje": rooming, "posilki": meals, "parking": parking, "uczestnicy": participants}
