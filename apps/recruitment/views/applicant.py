"""The applicant's pages: start an application, fill the Karta zgłoszenia section by section, submit, deliver
the signed documents. Only the application's own applicant reaches them (anyone else gets 404)."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.editing import form_page, merge_formset_after_stale, run_action
from apps.core.forms import add_errors
from apps.core.locking import StaleEdit
from apps.core.permissions import can
from apps.documents.views import serve_private_file

from .. import selectors, services
from ..completeness import SECTION_TITLES, SECTIONS, call_is_open, check_application
from ..forms import SECTION_FORMS, StartApplicationForm, UploadForm, team_formset
from ..kinds import KIND_BY_SLUG, DocumentKind


def _this_applicant(current):
    """Only the applicant edits an application: a stale save comes from their own other window."""
    return _("Ty (w innym oknie lub karcie)"), current.updated_at


@login_required
def start(request, slug: str):
    edition = selectors.public_call_for(request.user, slug)
    if not call_is_open(edition):
        messages.error(request, _("Nabór do tej edycji nie jest teraz otwarty."))
        return redirect("recruitment:call_detail", slug=slug)
    form = StartApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.start_application(
                edition=edition, local_government=form.cleaned_data["local_government"], by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("Rozpoczęto zgłoszenie. Wypełnij kolejne części; wersję roboczą zapisujesz w każdej chwili.")
            )
            return redirect("recruitment:application", pk=application.pk)
    return render(
        request,
        "recruitment/start.html",
        {
            "edition": edition,
            "form": form,
            "own_applications": list(selectors.applications_of(request.user).filter(edition=edition)),
        },
    )


@login_required
def my_applications(request):
    return render(
        request, "recruitment/my_applications.html", {"applications": selectors.applications_of(request.user)}
    )


@login_required
def application(request, pk: int):
    item = selectors.own_application(request.user, pk)
    call = services.stored_call(edition=item.edition)
    report = check_application(item, call=call, team=list(item.team.all()), areas=list(item.areas.all()))
    return render(
        request,
        "recruitment/application.html",
        {
            "application": item,
            "call": call,
            "report": report,
            "may_edit": item.is_draft and call_is_open(item.edition),
            "documents": selectors.document_states(item) if not item.is_draft else [],
        },
    )


@login_required
def section(request, pk: int, section: str):
    item = selectors.own_application(request.user, pk)
    if section not in SECTION_TITLES:
        raise Http404
    if not item.is_draft or not call_is_open(item.edition):
        messages.error(request, _("Tego zgłoszenia nie można już zmieniać."))
        return redirect("recruitment:application", pk=pk)
    if section == "zespol":
        return _team_section(request, item)
    form_class = SECTION_FORMS[section]

    def save(form):
        areas = form.cleaned_data.get("areas") if "areas" in form.fields else None
        return services.save_section(
            application=item,
            section=section,
            values=form.values(),
            by=request.user,
            expected_version=form.started_from(),
            areas=areas,
        )

    return form_page(
        request,
        form_class(request.POST or None, instance=copy.copy(item)),
        save=save,
        editor=_this_applicant,
        success=_("Zapisano: %(section)s.") % {"section": SECTION_TITLES[section]},
        done=_after_save_url(request, item),
        template="recruitment/section.html",
        context={"application": item, "section": section, "title": SECTION_TITLES[section], **_nav(section)},
    )


def _nav(section: str) -> dict:
    slugs = [slug for slug, _title in SECTIONS]
    index = slugs.index(section)
    return {
        "next_section": slugs[index + 1] if index + 1 < len(slugs) else None,
        "sections": SECTIONS,
    }


def _after_save_url(request, item) -> str:
    """ "Zapisz i przejdź dalej" goes to the next section, "Zapisz wersję roboczą" back to the overview."""
    following = request.POST.get("next")
    if following in SECTION_TITLES:
        return reverse("recruitment:section", kwargs={"pk": item.pk, "section": following})
    return reverse("recruitment:application", kwargs={"pk": item.pk})


def _team_section(request, item):
    formset = team_formset(item, request.POST or None)
    conflict = None
    refused: list[str] = []  # what the service refused for the team as a whole
    if request.method == "POST" and formset.is_valid():
        try:
            version = int(request.POST.get("version", "")) or None
        except ValueError:
            version = None
        try:
            services.save_team(application=item, rows=formset.rows(), by=request.user, expected_version=version)
        except StaleEdit as error:
            formset, conflict = merge_formset_after_stale(
                formset,
                error.current,
                lambda data, current: team_formset(current, data),
                editor=_this_applicant,
                row_label=lambda n: _("Osoba %(n)s") % {"n": n},
            )
            item = error.current
        except ValidationError as error:
            refused = error.messages
        else:
            messages.success(request, _("Zapisano: %(section)s.") % {"section": SECTION_TITLES["zespol"]})
            return redirect(_after_save_url(request, item))
    edition = item.edition
    return render(
        request,
        "recruitment/team.html",
        {
            "application": item,
            "formset": formset,
            "version": item.version,
            "conflict": conflict,
            "refused": refused,
            "edition": edition,
            "call": services.stored_call(edition=edition),
            "section": "zespol",
            "title": SECTION_TITLES["zespol"],
            **_nav("zespol"),
        },
    )


@login_required
@require_POST
def submit(request, pk: int):
    item = selectors.own_application(request.user, pk)
    try:
        services.submit_application(application=item, by=request.user)
    except ValidationError as error:
        for message in error.messages[:20]:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Zgłoszenie złożone. Pobierz trzy dokumenty, podpisz je i prześlij lub wyślij do organizatora."),
        )
    return redirect("recruitment:application", pk=pk)


@login_required
def withdraw(request, pk: int):
    item = selectors.own_application(request.user, pk)
    if request.method == "POST":
        return run_action(
            request,
            lambda: services.withdraw_application(application=item, by=request.user),
            success=_("Zgłoszenie wycofano."),
            done=reverse("recruitment:application", kwargs={"pk": pk}),
        )
    return render(request, "recruitment/withdraw.html", {"application": item})


@login_required
def upload(request, pk: int, document: str):
    item = selectors.own_application(request.user, pk)
    kind = KIND_BY_SLUG.get(document)
    if kind is None:
        raise Http404
    if item.status in {item.Status.DRAFT, item.Status.WITHDRAWN}:
        messages.error(request, _("Dokumenty przesyła się po złożeniu zgłoszenia."))
        return redirect("recruitment:application", pk=pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            receipt = services.upload_document(
                application=item,
                kind=kind,
                method=form.cleaned_data["method"],
                uploaded_file=form.cleaned_data["file"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error, field="file")
        else:
            if receipt.signature_state == "broken":
                messages.warning(
                    request,
                    _(
                        "Plik przyjęto, ale podpis jest naruszony: dokument zmieniono po podpisaniu. Podpisz "
                        "oryginalny dokument jeszcze raz i prześlij go ponownie."
                    ),
                )
            elif receipt.is_late:
                messages.warning(request, _("Dokument przyjęto po terminie naboru; organizator zobaczy datę wpływu."))
            else:
                messages.success(request, _("Przyjęto: %(document)s.") % {"document": DocumentKind(kind).label})
            return redirect(reverse("recruitment:application", kwargs={"pk": pk}) + "#dokumenty")
    return render(
        request,
        "recruitment/upload.html",
        {"application": item, "form": form, "kind_label": DocumentKind(kind).label, "document": document},
    )


@login_required
def receipt_file(request, pk: int, receipt: int):
    """An uploaded document: its applicant, the edition's organiser staff and the coordinator may download it."""
    item = selectors.application_for_files(request.user, pk)
    found = selectors.receipt_of(item, receipt)
    if not found.file or not can(request.user, "application.view", item):
        raise Http404
    return serve_private_file(request, found.file, found.filename or "dokument.pdf", "application/pdf")
