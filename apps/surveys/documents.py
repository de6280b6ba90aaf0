"""The builder of the PDF report for ``apps.documents.jobs.request_document`` (the flat export of the responses
goes through ``documents.list_exports``: ``export.py``)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.text import ascii_slug
from apps.documents.pdf import render_pdf

from . import selectors
from .results import results_of


def _name(survey) -> str:
    return ascii_slug(survey.title, fallback="ankieta")


def build_report_pdf(survey, progress, filters: dict | None = None):
    questions = selectors.questions_of(survey)
    progress(20)
    results = results_of(survey, questions, filters, texts_limit=None)
    progress(60)
    data = render_pdf(
        template="surveys/pdf/report.html",
        context={
            "title": _("Wyniki ankiety: %(title)s") % {"title": survey.title},
            "survey": survey,
            "results": results,
            "generated_at": timezone.now(),
            "edition": survey.edition,
        },
    )
    return f"wyniki-{_name(survey)}.pdf", data, "application/pdf"
