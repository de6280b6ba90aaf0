"""PESEL, NIP and REGON checked with python-stdnum, with a Polish message that says what is wrong."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum import exceptions as stdnum_errors
from stdnum.pl import nip, pesel, regon

from .models import Sex


def clean_pesel(value: str) -> str:
    digits = pesel.compact(value or "")
    if not digits.isdigit() or len(digits) != 11:
        raise ValidationError(_("Numer PESEL ma 11 cyfr. Sprawdź, czy wpisano go w całości."), code="pesel_format")
    try:
        return pesel.validate(digits)
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(
            _("Ten numer PESEL jest nieprawidłowy: cyfra kontrolna się nie zgadza. Sprawdź, czy nie ma literówki."),
            code="pesel_checksum",
        ) from None
    except stdnum_errors.ValidationError:
        raise ValidationError(
            _("Ten numer PESEL jest nieprawidłowy: zapisana w nim data urodzenia nie istnieje."), code="pesel_date"
        ) from None


def birth_date(value: str) -> date | None:
    try:
        return pesel.get_birth_date(value)
    except (stdnum_errors.ValidationError, ValueError):
        return None


def sex_of(value: str) -> str:
    return Sex.FEMALE if pesel.get_gender(value) == "F" else Sex.MALE


def age_on(born: date | None, day: date | None) -> int | None:
    if born is None or day is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def clean_nip(value: str) -> str:
    if not value:
        return ""
    try:
        return nip.validate(value)
    except stdnum_errors.ValidationError:
        raise ValidationError(
            _(
                "Ten NIP jest nieprawidłowy: ma 10 cyfr, a ostatnia jest cyfrą kontrolną. Sprawdź, czy nie ma literówki."
            ),
            code="nip",
        ) from None


def clean_regon(value: str) -> str:
    if not value:
        return ""
    try:
        return regon.validate(value)
    except stdnum_errors.ValidationError:
        raise ValidationError(
            _("Ten REGON jest nieprawidłowy: ma 9 lub 14 cyfr, a ostatnia jest cyfrą kontrolną. Sprawdź go."),
            code="regon",
        ) from None
