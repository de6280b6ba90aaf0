"""Every error the API answers, in Polish and in English (the JSON carries both: ``detail`` and ``detail_en``)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Bilingual:
    pl: str
    en: str


NOT_AUTHENTICATED = Bilingual(
    "Wymagane uwierzytelnienie: podaj token w nagłówku Authorization: Bearer <token>.",
    "Authentication required: send a token in the header Authorization: Bearer <token>.",
)
BAD_TOKEN = Bilingual("Nieprawidłowy token.", "Invalid token.")
EXPIRED_TOKEN = Bilingual("Token wygasł.", "The token has expired.")
REVOKED_TOKEN = Bilingual("Token został odwołany.", "The token has been revoked.")
INACTIVE_USER = Bilingual("Konto właściciela tokenu jest nieaktywne.", "The token owner's account is inactive.")
BAD_HEADER = Bilingual(
    "Nieprawidłowy nagłówek Authorization: oczekiwano Bearer <token>.",
    "Malformed Authorization header: expected Bearer <token>.",
)
READ_ONLY_TOKEN = Bilingual(
    "Ten token ma uprawnienia tylko do odczytu.", "This token is read-only: it cannot change anything."
)
FORBIDDEN = Bilingual("Nie masz uprawnień do tej operacji.", "You may not do this.")
NOT_FOUND = Bilingual("Nie znaleziono.", "Not found.")
METHOD_NOT_ALLOWED = Bilingual("Ta metoda nie jest dozwolona.", "Method not allowed.")
NOT_ACCEPTABLE = Bilingual("API odpowiada tylko w formacie JSON.", "The API only answers in JSON (application/json).")
UNSUPPORTED_MEDIA = Bilingual("Nieobsługiwany format danych: wyślij JSON.", "Unsupported media type: send JSON.")
PARSE_ERROR = Bilingual("Nieprawidłowy JSON w treści żądania.", "Malformed JSON in the request body.")
INVALID = Bilingual("Dane są niepoprawne (szczegóły w polu errors).", "Invalid data (see the errors field).")
CSRF = Bilingual(
    "Brak tokenu CSRF: w przeglądarce wyślij nagłówek X-CSRFToken.",
    "CSRF check failed: from a browser session send the X-CSRFToken header.",
)


def throttled(wait: int | None) -> Bilingual:
    if wait is None:
        return Bilingual("Zbyt wiele żądań: spróbuj później.", "Too many requests: try again later.")
    return Bilingual(f"Zbyt wiele żądań: spróbuj ponownie za {wait} s.", f"Too many requests: try again in {wait} s.")
