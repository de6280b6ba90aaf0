"""The organiser's list of an edition's publications, exportable through ``apps.documents.list_exports``."""

from django.utils.translation import gettext_lazy as _

from apps.documents.list_exports import Column, ListExport

from .models import Publication


def publication_rows(edition):
    return Publication.objects.filter(edition=edition).select_related("voivodeship").order_by("-published_at", "pk")


PUBLICATIONS = ListExport(
    key="publications.publications",
    title=_("Publikacje"),
    rows=publication_rows,
    view_action="edition.view",
    filename=lambda edition: f"publikacje-{edition.slug}",
    columns=[
        Column("title", _("Tytuł"), lambda p: p.title),
        Column("jst", _("JST"), lambda p: p.jst_name),
        Column("voivodeship", _("Województwo"), lambda p: p.voivodeship.name),
        Column("document", _("Dokument"), lambda p: p.get_document_display()),
        Column("form", _("Forma podsumowania"), lambda p: p.get_form_display()),
        Column("version", _("Wersja dokumentu"), lambda p: p.version, default=False),
        Column("areas", _("Obszary"), lambda p: "; ".join(p.areas)),
        Column("featured", _("Wyróżniona"), lambda p: p.featured),
        Column("published_at", _("Opublikowano"), lambda p: p.published_at),
        Column("withdrawn_at", _("Wycofano"), lambda p: p.withdrawn_at),
    ],
)
