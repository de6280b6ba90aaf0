"""PDFs from Django templates with WeasyPrint.

Templates extend ``documents/pdf_base.html``: A4 pages, a running header with the document's title, a footer with
"strona X z Y", DejaVu fonts (Polish diacritics), table headers repeated on every page, black-and-white friendly.
WeasyPrint fetches stylesheets and images only through ``StaticOnlyFetcher``: our own static files, never the
network, never arbitrary local files.
"""

import logging
import mimetypes
import posixpath
import warnings
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# The base URL of every PDF document: relative and root-relative URLs ("/static/css/print-pdf.css") resolve
# against it. ".invalid" can never be a real host (RFC 2606), so nothing can ever be fetched from it by mistake.
ASSET_ORIGIN = "https://pdf-assets.invalid"


class BlockedResource(ValueError):
    pass


class StaticOnlyFetcher(URLFetcher):
    """Serves ``{ASSET_ORIGIN}{STATIC_URL}<path>`` from our static files and ``data:`` URIs; refuses the rest."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)  # inline data: no network, no file system
        parts = urlsplit(url)
        static_prefix = settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/" + settings.STATIC_URL
        if f"{parts.scheme}://{parts.netloc}" != ASSET_ORIGIN or not parts.path.startswith(static_prefix):
            raise BlockedResource(f"PDF resources come only from our static files; refused: {url}")
        relative = unquote(parts.path[len(static_prefix) :])
        normalised = posixpath.normpath(relative)
        if normalised.startswith(("../", "/")) or normalised in {"..", "."} or "\\" in relative:
            raise BlockedResource(f"Refused a path outside the static files: {url}")
        path = _static_file_path(normalised)
        if path is None:
            raise BlockedResource(f"No such static file: {normalised}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": content_type})


def _static_file_path(relative: str) -> Path | None:
    # Collected files first (production), then the finders (development and tests).
    if settings.STATIC_ROOT:
        collected = Path(settings.STATIC_ROOT) / relative
        if collected.is_file():
            return collected
    found = finders.find(relative)
    return Path(found) if found else None


def render_pdf(*, template: str, context: dict) -> bytes:
    """Render ``template`` (a Django template extending ``documents/pdf_base.html``) to PDF bytes."""
    html = render_to_string(template, context)
    document = HTML(string=html, base_url=ASSET_ORIGIN + "/", url_fetcher=StaticOnlyFetcher())
    # Tagged PDF: headings, tables and reading order reach screen readers (public bodies' documents must be
    # accessible too).
    return document.write_pdf(pdf_tags=True)


def _reader(data: bytes):
    from pypdf import PdfReader

    return PdfReader(BytesIO(data), strict=False)


def pdf_page_texts(data: bytes) -> list[str]:
    """The text of each page, in order."""
    with warnings.catch_warnings():
        # pypdf warns about oddities of arbitrary PDFs; extraction is best effort by nature.
        warnings.simplefilter("ignore")
        return [page.extract_text() or "" for page in _reader(data).pages]


def pdf_text(data: bytes) -> str:
    """All text of a PDF (pages separated by a form feed), for checks and tests."""
    return "\f".join(pdf_page_texts(data))
