"""Builders of the three documents (run in the background by apps.documents.jobs): the organiser's text with the
placeholders filled, and the application's data, ready to be signed."""

from django.utils import timezone
from django.utils.formats import date_format

from apps.core.text import ascii_slug
from apps.documents.pdf import render_pdf
from apps.editions.models import PROGRAMME_TZ

from .kinds import DOCUMENT_SLUGS, DocumentKind, HeadTitle
from .models import Application
from .services import stored_call
from .texts import blocks, fill


def placeholder_values(application: Application) -> dict[str, str]:
    edition = application.edition
    head = application.head_name
    if application.head_title:
        head = f"{HeadTitle(application.head_title).label} {head}".strip()
    return {
        "jst": application.local_government.display_name,
        "edycja": edition.name,
        "organizator": edition.organiser.name,
        "termin": date_format(edition.recruitment_deadline, "d.m.Y"),
        "kierownik": head,
        "podpisujacy": application.signatory_label,
        "zespol": str(len(application.team.all())),
    }


def _build(application: Application, kind: str, progress) -> tuple[str, bytes, str]:
    application = (
        Application.objects.select_related("edition", "edition__organiser", "local_government__voivodeship")
        .prefetch_related("team", "areas")
        .get(pk=application.pk)
    )
    progress(10)
    call = stored_call(edition=application.edition)
    text = fill(call.text_for(kind), placeholder_values(application))
    context = {
        "title": DocumentKind(kind).label,
        "kind": kind,
        "application": application,
        "edition": application.edition,
        "team": list(application.team.all()),
        "areas": list(application.areas.all()),
        "blocks": blocks(text),
        "generated_at": timezone.localtime(timezone.now(), PROGRAMME_TZ),
        "signatory": application.signatory_label,
    }
    progress(30)
    data = render_pdf(template="recruitment/pdf/document.html", context=context)
    progress(95)
    jst = ascii_slug(application.local_government.name, fallback="jst")
    return f"{DOCUMENT_SLUGS[kind]}-{jst}.pdf", data, "application/pdf"


def build_card(application, progress):
    return _build(application, DocumentKind.CARD, progress)


def build_declaration(application, progress):
    return _build(application, DocumentKind.DECLARATION, progress)


def build_statements(application, progress):
    return _build(application, DocumentKind.STATEMENTS, progress)
