"""The organiser's list of applications as CSV or XLSX (the columns the programme's spreadsheets had)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.text import ascii_slug
from apps.documents.exports import build_csv, build_xlsx, export_response
from apps.territory.kinds import WorkshopGroup, workshop_group_for

FORMATS = {"csv", "xlsx"}


def headers() -> list[str]:
    return [
        _("JST"),
        _("Kod TERYT"),
        _("Rodzaj JST"),
        _("Województwo"),
        _("Grupa warsztatowa"),
        _("Stan"),
        _("Miejsce na liście rezerwowej"),
        _("Złożone"),
        _("Dokumenty (z 3)"),
        _("Komplet dokumentów od"),
        _("Dokumenty po terminie"),
        _("Liczba osób w zespole"),
        _("Osoba do kontaktu"),
        _("E-mail"),
        _("Telefon"),
        _("Decyzja z dnia"),
        _("Uzasadnienie"),
    ]


def rows(edition, applications):
    overrides = edition.workshop_group_overrides
    for application in applications:
        jst = application.local_government
        yield [
            jst.display_name,
            jst.teryt,
            jst.get_kind_display(),
            jst.voivodeship.name,
            WorkshopGroup(workshop_group_for(jst.kind, overrides)).label,
            application.get_status_display(),
            application.reserve_rank,
            application.submitted_at,
            application.documents_received,
            application.documents_complete_on,
            application.has_late_documents,
            application.team_size,
            application.contact_name,
            application.contact_email,
            application.contact_phone,
            application.decided_at,
            application.decision_reason,
        ]


def applications_export(edition, applications, fmt: str):
    stamp = timezone.localdate().strftime("%Y-%m-%d")
    filename = f"zgloszenia-{ascii_slug(edition.slug)}-{stamp}"
    if fmt == "csv":
        data = build_csv(headers(), rows(edition, applications))
    else:
        data = build_xlsx(_("Zgłoszenia"), headers(), rows(edition, applications))
    return export_response(data=data, filename=filename, kind=fmt)
