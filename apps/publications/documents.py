"""Document builders for ``apps.documents.request_document``: a frozen version of the final summary as a PDF
(built by the worker, with its progress on the status page)."""

from apps.core.text import ascii_slug
from apps.documents.pdf import render_pdf

from . import selectors


def build_version_pdf(version, progress):
    summary = version.summary
    engagement = summary.engagement
    version = selectors.version_of(summary, version.number)
    progress(20)
    data = render_pdf(
        template="publications/pdf/summary.html",
        context={"engagement": engagement, "summary": summary, "version": version},
    )
    name = ascii_slug(f"podsumowanie-{engagement.local_government.display_name}-v{version.number}", fallback="p")
    return f"{name}.pdf", data, "application/pdf"
