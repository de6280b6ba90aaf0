"""Indicator values: numeric where the unit counts something, free text where the unit is descriptive.

People write numbers the Polish way ("12 500,5"), so spaces (also non-breaking) are thousands separators and a
comma is the decimal point; a dot is accepted too."""

from decimal import Decimal, InvalidOperation

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorUnit(models.TextChoices):
    COUNT = "count", _("liczba (szt.)")
    PERSONS = "persons", _("liczba osób")
    INSTITUTIONS = "institutions", _("liczba szkół lub placówek")
    PERCENT = "percent", _("odsetek (%)")
    PLN = "pln", _("kwota (zł)")
    HOURS = "hours", _("liczba godzin")
    DESCRIPTIVE = "descriptive", _("opis (wartość nieliczbowa)")


NUMERIC_UNITS = frozenset(IndicatorUnit.values) - {IndicatorUnit.DESCRIPTIVE}


def is_numeric_unit(unit: str) -> bool:
    return unit in NUMERIC_UNITS


def parse_number(text: str) -> Decimal | None:
    """The number written in ``text`` or None (also for NaN and infinities, which no indicator can have)."""
    cleaned = (text or "").strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def value_error(unit: str, text: str) -> str | None:
    """Why ``text`` is not a valid value for ``unit`` (None when it is)."""
    if not is_numeric_unit(unit) or not (text or "").strip():
        return None
    value = parse_number(text)
    if value is None:
        return str(
            _("Wpisz liczbę (np. 12 lub 12,5): jednostka „%(unit)s” wymaga wartości liczbowej.")
            % {"unit": IndicatorUnit(unit).label}
        )
    if value < 0:
        return str(_("Wartość wskaźnika nie może być ujemna."))
    if unit == IndicatorUnit.PERCENT and value > 100:
        return str(_("Odsetek nie może przekraczać 100%."))
    return None


def normalise(unit: str, text: str) -> str:
    """Store numeric values in one spelling ("12,5"), keep descriptive ones as typed."""
    text = (text or "").strip()
    if not is_numeric_unit(unit) or not text:
        return text
    value = parse_number(text)
    if value is None:
        return text
    plain = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    if "." in plain:
        plain = plain.rstrip("0").rstrip(".")
    return plain.replace(".", ",")
