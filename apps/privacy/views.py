from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.selectors import organisation_detail_for
from apps.core.decorators import object_view
from apps.core.editing import form_page
from apps.core.permissions import can, require
from apps.documents.exports import build_csv, export_response

from . import selectors, services
from .forms import AnswerForm, HoldForm, RequestForm
from .personal_data import RETENTION, SOURCES


@login_required
def my_data(request):
    """What the platform holds about the person, the ZIP of it, and their requests (filed here)."""
    form = RequestForm(request.POST or None)
    return form_page(
        request,
        form,
        save=lambda f: services.file_request(
            user=request.user, kind=f.cleaned_data["kind"], details=f.cleaned_data["details"]
        ),
        success=lambda r: (
            _("Wniosek złożony. Odpowiedź otrzymasz do %(date)s.") % {"date": r.due_on.strftime("%d.%m.%Y")}
        ),
        done=reverse("privacy:my_data"),
        template="privacy/my_data.html",
        context={"requests": selectors.requests_of(request.user), "sources": SOURCES.values()},
    )


@login_required
def export(request):
    data = services.build_export(user=request.user)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="moje-dane-{timezone.localdate():%Y-%m-%d}.zip"'
    return response


@login_required
def requests_desk(request, slug: str):
    organisation = organisation_detail_for(request.user, slug)
    require(request.user, "privacy.view_requests", organisation)
    return render(
        request,
        "privacy/requests.html",
        {"organisation": organisation, "requests": selectors.requests_for(organisation)},
    )


@object_view(selectors.request_for, name="data_request")
def request_detail(request, data_request):
    may_answer = data_request.is_open and can(request.user, "privacy.handle_requests", data_request.organisation)
    if request.method == "POST":
        require(request.user, "privacy.handle_requests", data_request.organisation)
    form = AnswerForm(request.POST or None) if may_answer or request.method == "POST" else None
    context = {
        "data_request": data_request,
        "holds": services.holds_for(user=data_request.user) if data_request.is_open else [],
        "may_answer": may_answer,
    }
    if form is None:
        return render(request, "privacy/request_detail.html", {**context, "form": None})
    return form_page(
        request,
        form,
        save=lambda f: services.answer_request(
            data_request=data_request,
            approve=f.cleaned_data["decision"] == "approve",
            answer=f.cleaned_data["answer"],
            by=request.user,
        ),
        success=_("Odpowiedź zapisana i wysłana."),
        done=reverse("privacy:request_detail", kwargs={"pk": data_request.pk}),
        template="privacy/request_detail.html",
        context=context,
    )


@login_required
def holds(request):
    require(request.user, "privacy.manage_holds")
    form = HoldForm(request.POST or None, editions=selectors.hold_editions_for(request.user))
    return form_page(
        request,
        form,
        save=lambda f: services.place_hold(
            edition=f.cleaned_data["edition"],
            until=f.cleaned_data["until"],
            reason=f.cleaned_data["reason"],
            by=request.user,
        ),
        success=_("Blokada zapisana."),
        done=reverse("privacy:holds"),
        template="privacy/holds.html",
        context={"holds": selectors.holds_for(request.user)},
    )


@login_required
def retention(request):
    """What the daily job would remove today (the same report it writes before removing)."""
    require(request.user, "privacy.oversee")
    return render(request, "privacy/retention.html", {"report": services.retention_report(), "rules": RETENTION})


@login_required
def register_csv(request):
    """The register of processing activities (art. 30 RODO), from each app's description of its data."""
    require(request.user, "privacy.oversee")
    from django.conf import settings

    headers = [
        _("Czynność przetwarzania"),
        _("Cel"),
        _("Podstawa prawna"),
        _("Kategorie osób"),
        _("Kategorie danych"),
        _("Odbiorcy"),
        _("Okres przechowywania"),
    ]
    days = settings.PRIVACY_RETENTION_DAYS
    rows = [
        [s.activity, s.purpose, s.legal_basis, s.subjects, s.categories, s.recipients, s.retention] for s in SOURCES
    ]
    rows += [
        [
            _("Okres przechowywania: %(kind)s") % {"kind": rule.label},
            "",
            "",
            "",
            "",
            "",
            _("%(days)s dni") % {"days": days[rule.key]},
        ]
        for rule in RETENTION
    ]
    return export_response(
        data=build_csv([str(h) for h in headers], rows), filename="rejestr-czynnosci-przetwarzania.csv", kind="csv"
    )
