"""The summary's pages for the JST's team, its advisors and those who follow the engagement."""

import copy
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.editing import ask_first, form_page, run_action, show_error
from apps.core.forms import add_errors
from apps.core.permissions import can, require
from apps.documents.jobs import request_document
from apps.documents.views import serve_private_file
from apps.engagements.selectors import engagement_for

from .. import selectors, services, structures
from ..forms import AttachmentForm, ChangeRequestForm, CommentForm, StartSummaryForm, SummaryForm
from ..models import FinalSummary


def summary_url(engagement_or_summary, anchor: str = "") -> str:
    pk = getattr(engagement_or_summary, "engagement_id", None) or engagement_or_summary.pk
    return reverse("publications:summary", kwargs={"engagement_pk": pk}) + (f"#{anchor}" if anchor else "")


def _sections_for_page(summary: FinalSummary, problems) -> list[dict]:
    by_anchor: dict[str, list[str]] = {}
    for problem in problems:
        by_anchor.setdefault(problem.anchor, []).append(problem.message)
    comments: dict[str, list] = {}
    for comment in summary.comments.all():
        comments.setdefault(comment.section, []).append(comment)
    attachments = list(summary.attachments.all())
    rows = []
    for section in summary.structure.sections:
        rows.append(
            {
                **section,
                "anchor": f"sekcja-{section['key']}",
                "text": summary.content.get(section["key"], ""),
                "problems": by_anchor.get(f"sekcja-{section['key']}", []),
                "comments": comments.get(section["key"], []),
                "files": [a for a in attachments if a.kind == "file"] if section["kind"] == structures.FILES else [],
                "photos": [a for a in attachments if a.kind == "photo"] if section["kind"] == structures.PHOTOS else [],
            }
        )
    return rows


@login_required
def detail(request, engagement_pk: int):
    engagement = engagement_for(request.user, engagement_pk)
    summary = selectors.summary_of(engagement)
    user = request.user
    if summary is None:
        form = StartSummaryForm()
        return render(
            request,
            "publications/summary_start.html",
            {"engagement": engagement, "form": form, "may_start": can(user, "summary.start", engagement)},
        )
    problems = []
    if summary.status == FinalSummary.Status.DRAFT:
        problems = services.submission_problems(summary=summary, attachments=list(summary.attachments.all()))
    review = selectors.review_in_progress(summary)
    approvals = list(review.approvals.all()) if review else []
    may_comment = can(user, "summary.comment", summary)
    return render(
        request,
        "publications/summary_detail.html",
        {
            "engagement": engagement,
            "summary": summary,
            "sections": _sections_for_page(summary, problems),
            "problems": problems,
            "show_problems": request.GET.get("sprawdz") == "1",
            "review": review,
            "approvals": approvals,
            "needed": services.approvals_needed(engagement=engagement),
            "approved_by_me": any(a.advisor_id == user.pk for a in approvals),
            "change_request": selectors.last_change_request(summary)
            if summary.status == FinalSummary.Status.DRAFT
            else None,
            "versions": selectors.versions_of(summary),
            "may_edit": can(user, "summary.edit", summary) and summary.is_editable,
            "may_submit": can(user, "summary.edit", summary) and summary.status == FinalSummary.Status.DRAFT,
            "may_review": can(user, "summary.review", summary) and review is not None,
            "may_reopen": can(user, "summary.edit", summary) and summary.status == FinalSummary.Status.ACCEPTED,
            "may_comment": may_comment,
            "comment_form": CommentForm(sections=summary.structure.sections) if may_comment else None,
            "may_consent": can(user, "consent.view", engagement),
        },
    )


@login_required
@require_POST
def start(request, engagement_pk: int):
    engagement = engagement_for(request.user, engagement_pk)
    require(request.user, "summary.start", engagement)
    form = StartSummaryForm(request.POST)
    if form.is_valid():
        try:
            services.start_summary(engagement=engagement, form=form.cleaned_data["form"], by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Rozpoczęto podsumowanie. Sprawdźcie, co platforma wpisała z HDR i diagnozy."))
            return redirect(summary_url(engagement))
    return render(
        request, "publications/summary_start.html", {"engagement": engagement, "form": form, "may_start": True}
    )


def _editable(view):
    @login_required
    @wraps(view)
    def wrapper(request, engagement_pk: int, **kwargs):
        engagement, summary = selectors.summary_for(request.user, engagement_pk)
        require(request.user, "summary.edit", summary)
        if not summary.is_editable:
            try:
                services.check_editable(summary=summary)
            except ValidationError as error:
                show_error(request, error)
            return redirect(summary_url(summary))
        return view(request, engagement, summary, **kwargs)

    return wrapper


@_editable
def edit(request, engagement, summary):
    return form_page(
        request,
        SummaryForm(request.POST or None, instance=copy.copy(summary)),
        save=lambda form: services.update_summary(
            summary=summary, expected_version=form.started_from(), by=request.user, **form.values()
        ),
        success=_("Zapisano podsumowanie."),
        done=summary_url(summary),
        template="publications/summary_form.html",
        context={"engagement": engagement, "summary": summary},
    )


@_editable
def attachment_add(request, engagement, summary):
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_attachment(
                summary=summary,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["upload"],
                title=form.cleaned_data["title"],
                alt_text=form.cleaned_data["alt_text"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Dodano plik."))
            return redirect(summary_url(summary))
    return render(
        request, "publications/attachment_form.html", {"engagement": engagement, "summary": summary, "form": form}
    )


@login_required
def attachment_remove(request, engagement_pk: int, pk: int):
    engagement, summary = selectors.summary_for(request.user, engagement_pk)
    require(request.user, "summary.edit", summary)
    attachment = selectors.attachment_of(summary, pk)
    return ask_first(
        request,
        lambda: services.remove_attachment(attachment=attachment, by=request.user),
        success=_("Usunięto plik."),
        done=summary_url(summary),
        title=_("Usunięcie pliku z podsumowania"),
        subject=attachment.title or attachment.original_name,
        question=_(
            "Plik zniknie z podsumowania i z jego następnej wersji. Wersje już przekazane doradcom zachowują go."
        ),
        button=_("Usuń plik"),
        back=summary_url(summary),
    )


@login_required
def attachment_download(request, engagement_pk: int, pk: int):
    engagement, summary = selectors.summary_for(request.user, engagement_pk)
    attachment = selectors.attachment_of(summary, pk)
    return serve_private_file(request, attachment.file, attachment.original_name, attachment.content_type)


@login_required
@require_POST
def submit(request, engagement_pk: int):
    engagement, summary = selectors.summary_for(request.user, engagement_pk)
    require(request.user, "summary.edit", summary)
    try:
        services.submit_summary(summary=summary, by=request.user)
    except ValidationError as error:
        show_error(request, error)
        return redirect(summary_url(summary) + "?sprawdz=1#problemy")
    messages.success(request, _("Przekazano podsumowanie doradcom."))
    return redirect(summary_url(summary))


@login_required
@require_POST
def comment(request, engagement_pk: int):
    engagement, summary = selectors.summary_for(request.user, engagement_pk)
    require(request.user, "summary.comment", summary)
    form = CommentForm(request.POST, sections=summary.structure.sections)
    if not form.is_valid():
        messages.error(request, _("Wybierz sekcję i wpisz komentarz."))
        return redirect(summary_url(summary))
    section = form.cleaned_data["section"]
    return run_action(
        request,
        lambda: services.add_comment(summary=summary, section=section, text=form.cleaned_data["text"], by=request.user),
        success=_("Dodano komentarz."),
        done=summary_url(summary, anchor=f"sekcja-{section}"),
    )


@login_required
def request_changes(request, engagement_pk: int):
    engagement, summary = selectors.summary_for(request.user, engagement_pk)
    require(request.user, "summary.review", summary)
    if summary.status != FinalSummary.Status.IN_REVIEW:
        messages.error(request, _("Podsumowanie nie czeka teraz na decyzję doradców."))
        return redirect(summary_url(summary))
    return form_page(
        request,
        ChangeRequestForm(request.POST or None),
        save=lambda form: services.request_changes(
            summary=summary, by=request.user, reason=form.cleaned_data["reason"]
        ),
        success=_("Przekazano zespołowi prośbę o poprawki."),
        done=summary_url(summary),
        template="publications/request_changes.html",
        context={"engagement": engagement, "summary": summary},
    )


@login_required
@require_POST
def accept(request, engagement_pk: int):
    engagement, summary = selectors.summary_for(request.user, engagement_pk)
    require(request.user, "summary.review", summary)
    return run_action(
        request,
        lambda: services.accept_summary(summary=summary, by=request.user),
        success=lambda version: (
            _("Zaakceptowano podsumowanie (wersja %(n)s).") % {"n": version.number}
            if version.status == "accepted"
            else _("Zapisano akceptację. Czeka na drugiego doradcę.")
        ),
        done=summary_url(summary),
    )


@login_required
@require_POST
def new_version(request, engagement_pk: int):
    engagement, summary = selectors.summary_for(request.user, engagement_pk)
    require(request.user, "summary.edit", summary)
    return run_action(
        request,
        lambda: services.start_new_version(summary=summary, by=request.user),
        success=_("Rozpoczęto nową wersję. Zaakceptowana wersja obowiązuje, dopóki doradcy nie przyjmą nowej."),
        done=summary_url(summary),
    )


@login_required
def version_detail(request, engagement_pk: int, number: int):
    engagement, summary = selectors.summary_for(request.user, engagement_pk)
    version = selectors.version_of(summary, number)
    return render(
        request,
        "publications/version_detail.html",
        {"engagement": engagement, "summary": summary, "version": version},
    )


@login_required
@require_POST
def version_pdf(request, engagement_pk: int, number: int):
    """The version's PDF is built by the worker; the status page shows its progress and then the download."""
    engagement, summary = selectors.summary_for(request.user, engagement_pk)
    version = selectors.version_of(summary, number)
    document = request_document(
        target=version,
        kind="summary_version_pdf",
        title=_("Podsumowanie %(jst)s, wersja %(number)s (PDF)")
        % {"jst": engagement.local_government.display_name, "number": version.number},
        builder="apps.publications.documents.build_version_pdf",
        view_action="summary_version.view",
        by=request.user,
    )
    return redirect("documents:status", pk=document.pk)
