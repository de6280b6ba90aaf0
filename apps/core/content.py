"""Content people typed in Polish (catalogue texts, titles, names) inside a page that may be in English.

WCAG 3.1.2 (language of parts): a screen reader reads a Polish area name in an English page with Polish
pronunciation only if the text is marked ``lang="pl"``. In the Polish UI the page language already says so.
"""

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

CONTENT_LANGUAGE = "pl"


def in_content_language() -> bool:
    return (get_language() or CONTENT_LANGUAGE).split("-")[0] == CONTENT_LANGUAGE


def polish(value) -> SafeString:
    """``value`` escaped, wrapped in ``<span lang="pl">`` when the page is not in Polish."""
    if value is None or value == "":
        return format_html("{}", "")
    if in_content_language():
        return format_html("{}", value)
    return format_html('<span lang="{}">{}</span>', CONTENT_LANGUAGE, value)
