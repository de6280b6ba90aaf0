"""Monitoring pages: the organiser's staff with the monitoring permission (settings, participants, the completeness
report, institutions, SM EFS exports, a PESEL shown on request) and each participant's own entry page."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.editing import form_page
from apps.core.permissions import require
from apps.documents.exports import export_response

from . import crypto, selectors, services, smefs
from .forms import InstitutionForm, ParticipantDataForm, SettingsForm


def _edition(request, slug, *, eu_only=True):
    edition = (selectors.eu_edition_for_monitoring if eu_only else selectors.edition_for_monitoring)(request.user, slug)
    require(request.user, "monitoring.handle", edition)
    return edition


@login_required
def index(request):
    require(request.user, "monitoring.any")
    editions = [(edition, selectors.is_eu_funded(edition)) for edition in selectors.monitoring_editions(request.user)]
    return render(request, "monitoring/index.html", {"editions": editions})


@login_required
def edition_settings(request, slug: str):
    edition = _edition(request, slug, eu_only=False)
    current = services.settings_of(edition=edition)
    return form_page(
        request,
        SettingsForm(request.POST or None, instance=current),
        save=lambda form: services.save_settings(
            edition=edition, by=request.user, **{name: form.cleaned_data[name] for name in services.SETTINGS_FIELDS}
        ),
        success=_("Zapisano ustawienia monitorowania."),
        done=lambda result: (
            reverse("monitoring:participants", kwargs={"slug": slug})
            if result.eu_funded
            else reverse("monitoring:index")
        ),
        template="monitoring/settings.html",
        context={"edition": edition},
    )


PAGE_SIZE = 100  # rows a page lists (3,300 participants rendered at once made a page of 1.8 MB)


@login_required
def participants(request, slug: str):
    edition = _edition(request, slug)
    rows = selectors.participants(edition)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(
        request,
        "monitoring/participants.html",
        {
            "edition": edition,
            "rows": page.object_list,
            "page": page,
            "total": len(rows),
            "gaps": sum(1 for row in rows if row.gaps),
        },
    )


@login_required
def completeness(request, slug: str):
    edition = _edition(request, slug)
    rows = selectors.participants(edition)
    missing = [row for row in rows if row.gaps]
    page = Paginator(missing, PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(
        request,
        "monitoring/completeness.html",
        {"edition": edition, "rows": page.object_list, "page": page, "missing": len(missing), "total": len(rows)},
    )


def _entry_page(request, data_sent, *, edition, member, by_participant: bool, done: str, template: str, extra=None):
    data = getattr(member, "monitoring_data", None) if selectors.has_data(member) else None
    stored = crypto.mask(crypto.decrypt(data.pesel_encrypted)) if data and data.pesel_encrypted else ""
    form = ParticipantDataForm(data_sent, instance=data, stored_pesel=stored, by_participant=by_participant)
    return form_page(
        request,
        form,
        save=lambda form: services.save_participant_data(
            team_member=member,
            by=request.user,
            pesel=form.cleaned_data["pesel"],
            clause_accepted=form.cleaned_data.get("clause_accepted", False),
            **form.values(),
        ),
        success=_("Zapisano dane do monitorowania."),
        done=done,
        template=template,
        context={
            "edition": edition,
            "member": member,
            "data": data,
            "clause": services.settings_of(edition=edition).information_clause,
            **(extra or {}),
        },
    )


@login_required
def participant_edit(request, slug: str, pk: int):
    edition = _edition(request, slug)
    member = selectors.participant_for_monitoring(edition, pk)
    return _entry_page(
        request,
        request.POST or None,
        edition=edition,
        member=member,
        by_participant=False,
        done=reverse("monitoring:participants", kwargs={"slug": slug}),
        template="monitoring/participant_edit.html",
    )


@login_required
@require_POST
def reveal(request, slug: str, pk: int):
    edition = _edition(request, slug)
    member = selectors.participant_for_monitoring(edition, pk)
    if not selectors.has_data(member) or not member.monitoring_data.pesel_encrypted:
        raise Http404
    pesel = services.reveal_pesel(data=member.monitoring_data, by=request.user)
    return render(request, "monitoring/reveal.html", {"edition": edition, "member": member, "pesel": pesel})


@login_required
def institutions(request, slug: str):
    edition = _edition(request, slug)
    return render(
        request, "monitoring/institutions.html", {"edition": edition, "rows": selectors.institutions(edition)}
    )


@login_required
def institution_edit(request, slug: str, pk: int):
    edition = _edition(request, slug)
    engagement = selectors.institution_for(edition, pk)
    current = next(
        (row.institution for row in selectors.institutions(edition, rows=[]) if row.engagement.pk == engagement.pk),
        None,
    )
    initial = {"nip": current.nip, "regon": current.regon} if current else {}
    return form_page(
        request,
        InstitutionForm(request.POST or None, initial=initial),
        save=lambda form: services.save_institution(
            edition=edition,
            local_government=engagement.local_government,
            nip=form.cleaned_data["nip"],
            regon=form.cleaned_data["regon"],
            by=request.user,
        ),
        success=_("Zapisano NIP i REGON."),
        done=reverse("monitoring:institutions", kwargs={"slug": slug}),
        template="monitoring/institution_edit.html",
        context={"edition": edition, "engagement": engagement},
    )


@login_required
def export_participants(request, slug: str):
    edition = _edition(request, slug)
    rows = selectors.participants(edition, with_pesel=True)
    services.record_export(edition=edition, kind="participants", rows=len(rows), by=request.user)
    return export_response(
        data=smefs.participants_csv(rows), filename=smefs.filename(edition, "uczestnicy"), kind="csv"
    )


@login_required
def export_institutions(request, slug: str):
    edition = _edition(request, slug)
    rows = selectors.institutions(edition)
    services.record_export(edition=edition, kind="institutions", rows=len(rows), by=request.user)
    return export_response(
        data=smefs.institutions_csv(rows), filename=smefs.filename(edition, "instytucje"), kind="csv"
    )


@login_required
def my_data(request):
    return render(request, "monitoring/my_data.html", {"places": list(selectors.own_places(request.user))})


@login_required
def my_entry(request, pk: int):
    member = selectors.own_place(request.user, pk)
    require(request.user, "monitoring.enter_own", member)
    return _entry_page(
        request,
        request.POST or None,
        edition=member.engagement.edition,
        member=member,
        by_participant=True,
        done=reverse("monitoring:my_data"),
        template="monitoring/my_entry.html",
    )
