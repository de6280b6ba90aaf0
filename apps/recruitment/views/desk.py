"""The organiser's desk: the list of applications with filters and counts, exports, one application's page with
documents, signature checks, notes, history and decisions; the call's settings, attachments and results.

Organiser staff of the edition act; the national coordinator sees the same pages read-only; everyone else 404."""

import copy
from dataclasses import asdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.audit.selectors import last_change, readable_history_of
from apps.core.editing import form_page, run_action
from apps.core.forms import add_errors
from apps.core.permissions import can, require
from apps.documents.list_exports import export_page

from .. import exports, selectors, services
from ..completeness import check_application
from ..forms import (
    AttachmentForm,
    CallForm,
    DecisionForm,
    DeskFilterForm,
    NoteForm,
    ReceiptForm,
    RejectReceiptForm,
    WithdrawQualifiedForm,
)
from ..kinds import KIND_BY_SLUG, DocumentKind
from ..models import Application
from ..texts import PLACEHOLDERS


@login_required
def desk(request, slug: str):
    edition = selectors.desk_edition(request.user, slug)
    form = DeskFilterForm(request.GET or None)
    filters = form.filters()
    page = selectors.desk_page(edition, filters, request.GET.get("strona"))
    query = request.GET.copy()
    query.pop("strona", None)
    return render(
        request,
        "recruitment/desk.html",
        {
            "edition": edition,
            "call": services.stored_call(edition=edition),
            "form": form,
            "page": page,
            "summary": selectors.desk_summary(edition),
            "query": query.urlencode(),
            "may_manage": can(request.user, "recruitment.manage", edition),
        },
    )


@login_required
def export(request, slug: str):
    """The desk's list with its filters, through the one list exporter (columns, format, background when long)."""
    edition = selectors.desk_edition(request.user, slug)
    filters = DeskFilterForm(request.GET or None).filters()
    return export_page(
        request,
        exports.APPLICATIONS,
        target=edition,
        params=asdict(filters),
        back=reverse("recruitment:desk", kwargs={"slug": slug}),
    )


def _review_context(request, edition, application, **forms) -> dict:
    call = services.stored_call(edition=edition)
    may_decide = can(request.user, "application.decide", application)
    context = {
        "edition": edition,
        "application": application,
        "call": call,
        "report": check_application(
            application, call=call, team=list(application.team.all()), areas=list(application.areas.all())
        ),
        "documents": selectors.document_states(application),
        "notes": list(application.notes.all()),
        "may_decide": may_decide,
        "first_reserve": services.first_on_reserve(edition=edition)
        if application.status == Application.Status.WITHDRAWN
        else None,
        "Status": Application.Status,
    }
    if may_decide:
        context["decision_form"] = forms.get("decision_form") or DecisionForm(
            initial={"decision": application.status if application.is_decided else None}
        )
        context["note_form"] = forms.get("note_form") or NoteForm()
        context["withdraw_form"] = forms.get("withdraw_form") or WithdrawQualifiedForm()
    return context


def _review(request, slug: str, pk: int):
    edition = selectors.desk_edition(request.user, slug)
    return edition, selectors.desk_application(edition, pk)


@login_required
def review(request, slug: str, pk: int):
    edition, application = _review(request, slug, pk)
    return render(request, "recruitment/review.html", _review_context(request, edition, application))


def _back(edition, application, anchor: str = ""):
    url = reverse("recruitment:review", kwargs={"slug": edition.slug, "pk": application.pk})
    return redirect(url + (f"#{anchor}" if anchor else ""))


@login_required
@require_POST
def decide(request, slug: str, pk: int):
    edition, application = _review(request, slug, pk)
    require(request.user, "application.decide", application)
    form = DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.decide(
                application=application,
                status=data["decision"],
                by=request.user,
                reason=data["reason"],
                rank=data["rank"],
                despite_documents=data["despite_documents"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Zapisano decyzję."))
            return _back(edition, application)
    application = selectors.desk_application(edition, pk)
    context = _review_context(request, edition, application, decision_form=form)
    return render(request, "recruitment/review.html", context, status=200)


@login_required
@require_POST
def withdraw_qualified(request, slug: str, pk: int):
    edition, application = _review(request, slug, pk)
    require(request.user, "application.decide", application)
    form = WithdrawQualifiedForm(request.POST)
    if form.is_valid():
        try:
            first = services.withdraw_qualified(
                application=application, reason=form.cleaned_data["reason"], by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            text = _("JST wycofano; jej miejsce jest wolne.")
            if first is not None:
                text += " " + _("Pierwsza na liście rezerwowej: %(jst)s. Możesz ją teraz zakwalifikować.") % {
                    "jst": first.local_government.display_name
                }
            messages.success(request, text)
            return _back(edition, application)
    application = selectors.desk_application(edition, pk)
    return render(
        request, "recruitment/review.html", _review_context(request, edition, application, withdraw_form=form)
    )


@login_required
@require_POST
def note_add(request, slug: str, pk: int):
    edition, application = _review(request, slug, pk)
    require(request.user, "application.decide", application)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.add_note(application=application, text=form.cleaned_data["text"], by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Dodano notatkę."))
            return _back(edition, application, "notatki")
    return render(request, "recruitment/review.html", _review_context(request, edition, application, note_form=form))


@login_required
def receipt_record(request, slug: str, pk: int, document: str):
    edition, application = _review(request, slug, pk)
    require(request.user, "application.decide", application)
    kind = KIND_BY_SLUG.get(document)
    if kind is None:
        raise Http404
    form = ReceiptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            receipt = services.record_receipt(
                application=application,
                kind=kind,
                received_on=form.cleaned_data["received_on"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            text = _("Zapisano wpływ: %(document)s, %(date)s.") % {
                "document": DocumentKind(kind).label,
                "date": receipt.received_on.strftime("%d.%m.%Y"),
            }
            if receipt.is_late:
                text += " " + _("Dokument wpłynął po terminie.")
            messages.success(request, text)
            return _back(edition, application, "dokumenty")
    return render(
        request,
        "recruitment/receipt_form.html",
        {"edition": edition, "application": application, "form": form, "kind_label": DocumentKind(kind).label},
    )


@login_required
@require_POST
def receipt_reject(request, slug: str, pk: int, receipt: int):
    edition, application = _review(request, slug, pk)
    require(request.user, "application.decide", application)
    found = selectors.receipt_of(application, receipt)
    form = RejectReceiptForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Podaj powód odrzucenia dokumentu."))
        return _back(edition, application, "dokumenty")
    return run_action(
        request,
        lambda: services.reject_receipt(receipt=found, reason=form.cleaned_data["reason"], by=request.user),
        success=_("Dokument odrzucono; pozostaje w historii zgłoszenia."),
        done=_back(edition, application, "dokumenty").url,
    )


@login_required
def history(request, slug: str, pk: int):
    edition, application = _review(request, slug, pk)
    return render(
        request,
        "audit/history.html",
        {
            "object": application,
            "entries": readable_history_of(application),
            "back_url": reverse("recruitment:review", kwargs={"slug": slug, "pk": pk}),
        },
    )


@login_required
def publish_results_confirm(request, slug: str):
    """Publishing e-mails every applicant and invites every qualified team: the page says so, with the numbers,
    before the button that does it."""
    edition = selectors.desk_edition(request.user, slug)
    require(request.user, "recruitment.manage", edition)
    call = services.stored_call(edition=edition)
    if call.results_published:
        return redirect("recruitment:desk", slug=slug)
    return render(
        request,
        "recruitment/publish_results_confirm.html",
        {"edition": edition, "preview": selectors.publication_preview(edition)},
    )


@login_required
@require_POST
def publish_results(request, slug: str):
    edition = selectors.desk_edition(request.user, slug)
    require(request.user, "recruitment.manage", edition)
    return run_action(
        request,
        lambda: services.publish_results(edition=edition, by=request.user),
        success=_(
            "Wyniki opublikowano. Zgłaszający otrzymują powiadomienia, a zespoły zakwalifikowanych JST zaproszenia."
        ),
        done=reverse("recruitment:desk", kwargs={"slug": slug}),
    )


@login_required
def call_settings(request, slug: str):
    edition = selectors.desk_edition(request.user, slug)
    require(request.user, "recruitment.manage", edition)
    call = services.stored_call(edition=edition)
    return form_page(
        request,
        CallForm(request.POST or None, instance=copy.copy(call)),
        save=lambda form: services.update_call(
            edition=edition, by=request.user, expected_version=form.started_from(), **form.values()
        ),
        editor=lambda current: last_change(edition, "recruitment.call_updated"),
        success=_("Zapisano ustawienia naboru."),
        done=reverse("recruitment:desk", kwargs={"slug": slug}),
        template="recruitment/call_settings.html",
        context={"edition": edition, "placeholders": PLACEHOLDERS},
    )


@login_required
def attachments(request, slug: str):
    edition = selectors.desk_edition(request.user, slug)
    require(request.user, "recruitment.manage", edition)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_attachment(
                edition=edition,
                title=form.cleaned_data["title"],
                uploaded_file=form.cleaned_data["file"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error, field="file")
        else:
            messages.success(request, _("Dodano załącznik; jest widoczny na stronie naboru."))
            return redirect("recruitment:attachments", slug=slug)
    return render(
        request,
        "recruitment/attachments.html",
        {"edition": edition, "form": form, "attachments": list(edition.call_attachments.all())},
    )


@login_required
@require_POST
def attachment_delete(request, slug: str, pk: int):
    edition = selectors.desk_edition(request.user, slug)
    require(request.user, "recruitment.manage", edition)
    item = selectors.public_attachment(request.user, slug, pk)
    services.remove_attachment(attachment=item, by=request.user)
    messages.success(request, _("Usunięto załącznik „%(title)s”.") % {"title": item.title})
    return redirect("recruitment:attachments", slug=slug)
