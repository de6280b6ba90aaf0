"""Checks of what applicants type: Polish phone numbers and postal codes, with messages people understand."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Mobile ranges of the Polish numbering plan (the first two digits); everything else of nine digits is a
# landline with a two-digit area code. Only used to group the digits the way people write them.
_MOBILE_PREFIXES = {"45", "50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"}
_EXTENSION = re.compile(r"\s*(?:wew\.?|w\.|ext\.?)\s*(\d{1,6})\s*$", re.IGNORECASE)
_ALLOWED = re.compile(r"^[\d\s()+./-]+$")

PHONE_HELP = _("Np. 22 570 83 42 lub 600 100 200; numer zagraniczny z kierunkowym, np. +49 30 1234567.")


def normalise_phone(value: str) -> str:
    """A Polish number as "+48 22 570 83 42" / "+48 600 100 200" (with "wew. 12" kept); a foreign one as
    "+<digits>". Raises ValidationError with a Polish message for anything that is not a phone number."""
    text = (value or "").strip()
    if not text:
        return ""
    extension = ""
    if match := _EXTENSION.search(text):
        extension = match.group(1)
        text = text[: match.start()]
    if not _ALLOWED.match(text):
        raise ValidationError(
            _("Numer telefonu może zawierać tylko cyfry, spacje, myślniki, nawiasy i znak + na początku."),
            code="phone_chars",
        )
    international = text.startswith("+") or text.startswith("00")
    digits = re.sub(r"\D", "", text)
    if text.startswith("00"):
        digits = digits[2:]
    if international and not digits.startswith("48"):
        if not 8 <= len(digits) <= 15:
            raise ValidationError(
                _("Numer zagraniczny powinien mieć od 8 do 15 cyfr razem z numerem kierunkowym kraju."),
                code="phone_length",
            )
        number = "+" + digits
    else:
        if international:
            digits = digits[2:]
        elif len(digits) == 10 and digits.startswith("0"):
            digits = digits[1:]  # the old trunk prefix "0 22 ..." still seen on letterheads
        if len(digits) != 9:
            raise ValidationError(
                _("Polski numer telefonu ma 9 cyfr (np. 22 570 83 42 albo 600 100 200); wpisano %(count)s.")
                % {"count": len(digits)},
                code="phone_length",
            )
        if digits[0] == "0":
            raise ValidationError(_("Polski numer telefonu nie zaczyna się od zera."), code="phone_zero")
        if digits[:2] in _MOBILE_PREFIXES:
            number = f"+48 {digits[:3]} {digits[3:6]} {digits[6:]}"
        else:
            number = f"+48 {digits[:2]} {digits[2:5]} {digits[5:7]} {digits[7:]}"
    return f"{number} wew. {extension}" if extension else number


_POSTAL_CODE = re.compile(r"^(\d{2})-?(\d{3})$")


def normalise_postal_code(value: str) -> str:
    text = (value or "").strip()
    if not text:
        return ""
    match = _POSTAL_CODE.match(text)
    if not match:
        raise ValidationError(_("Kod pocztowy ma postać 00-000, np. 00-644."), code="postal_code")
    return f"{match.group(1)}-{match.group(2)}"
