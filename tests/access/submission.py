"""Valid submissions built the way a browser builds them: from the form a permitted person sees on a page.

The POST matrix never spells out a form's hidden fields (stale-edit tokens, ids) or its unchanged values: it reads
the form from the page, so a renamed or added field does not break the matrix, and a page whose form cannot be
submitted as shown fails it. A row gives only what the person types or changes on top.
"""

from dataclasses import dataclass
from functools import cache
from urllib.parse import urljoin, urlsplit

import lxml.html
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import Resolver404, resolve


@dataclass(frozen=True)
class Upload:
    """A file to send; a fresh file object is made for every request (an uploaded file is read once)."""

    name: str
    content: bytes
    content_type: str = "application/pdf"

    def file(self) -> SimpleUploadedFile:
        return SimpleUploadedFile(self.name, self.content, content_type=self.content_type)


@cache
def small_pdf() -> bytes:
    """A real one-page PDF (made once per test run: WeasyPrint takes a moment)."""
    from apps.documents.testing import make_pdf

    return make_pdf("Dokument z macierzy dostępu")


def _path(page_url: str, action: str | None) -> str:
    return urlsplit(urljoin(page_url, action or page_url)).path


def post_forms(html: str | bytes, page_url: str) -> list[tuple[str, lxml.html.FormElement]]:
    """Every ``method="post"`` form of a page, with the path it posts to."""
    if not html or not html.strip():
        return []
    document = lxml.html.document_fromstring(html)
    return [
        (_path(page_url, form.get("action")), form)
        for form in document.forms
        if (form.get("method") or "get").lower() == "post"
    ]


def url_name_of(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def form_data(html: str | bytes, page_url: str, action_url: str, changes: dict) -> dict[str, list]:
    """What a browser sends from the first form on the page that posts to ``action_url``, with ``changes``.

    ``changes`` maps a field to its new value (a list for several values, ``None`` to leave it out, an ``Upload``
    for a file). A form's only named submit button is sent, as clicking it would; with several, ``changes``
    names the one clicked.
    """
    wanted = _path(page_url, action_url)
    forms = [form for path, form in post_forms(html, page_url) if path == wanted]
    if not forms:
        found = sorted({path for path, _form in post_forms(html, page_url)})
        raise AssertionError(f"No form posting to {wanted} on {page_url} (forms post to: {found})")
    form = forms[0]
    values: dict[str, list] = {}
    for name, value in form.form_values():
        if name != "csrfmiddlewaretoken":
            values.setdefault(name, []).append(value)
    buttons = form.xpath(".//button[@name and (not(@type) or @type='submit')] | .//input[@type='submit'][@name]")
    if len(buttons) == 1 and buttons[0].get("name") not in changes:
        values[buttons[0].get("name")] = [buttons[0].get("value", "")]
    for name, value in changes.items():
        if value is None:
            values.pop(name, None)
        else:
            values[name] = value if isinstance(value, list) else [value]
    return values


def request_data(values: dict[str, list]) -> dict:
    """The data for ``Client.post``, with fresh file objects."""
    data = {}
    for name, items in values.items():
        items = [item.file() if isinstance(item, Upload) else item for item in items]
        data[name] = items[0] if len(items) == 1 and not isinstance(items[0], str) else items
    return data
