"""Advisory work's pages: thin, each checks the rule, calls a selector or a service and renders."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.decorators import object_view
from apps.core.editing import ask_first, form_page, run_action
from apps.core.permissions import can, require
from apps.core.text import ascii_slug
from apps.documents.exports import build_xlsx, export_response
from apps.documents.list_exports import export_page
from apps.documents.pdf import render_pdf
from apps.editions.selectors import edition_for
from apps.engagements.selectors import engagement_for

from . import exports, selectors, services
from .forms import (
    AdvisingPlanForm,
    ProposeDatesForm,
    RemoteSessionForm,
    RescheduleForm,
    ReturnSheetForm,
    TaskToActionForm,
    TimeEntryForm,
    VisitRecordForm,
)
from .models import TimeSheet, Visit


def _require_a_side(user, engagement) -> None:
    """The advisors or the JST's side (its team leader): who agrees a visit's dates."""
    if not (can(user, "advising.advise", engagement) or can(user, "advising.answer_dates", engagement)):
        raise Http404


def _warn(request, warnings) -> None:
    for warning in warnings:
        messages.warning(request, warning)


def _safe_next(request) -> str:
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next", "")
    return target if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) else ""


def _visits_url(engagement) -> str:
    return reverse("advising:visits", kwargs={"engagement_pk": engagement.pk})


def _visit_url(visit) -> str:
    return reverse("advising:visit", kwargs={"pk": visit.pk})


def _parse_month(value: str | None) -> datetime.date:
    try:
        return datetime.datetime.strptime(value or "", "%Y-%m").date()
    except ValueError:
        return timezone.localdate().replace(day=1)


@object_view(engagement_for, rule="advising.view", kwarg="engagement_pk", name="engagement")
def visits(request, engagement):
    user = request.user
    return render(
        request,
        "advising/visits.html",
        {
            "engagement": engagement,
            "plan": services.advising_plan(edition=engagement.edition),
            "visits": selectors.visits_of(engagement),
            "sessions": selectors.sessions_of(engagement),
            "tasks": list(engagement.agreed_tasks.select_related("plan_action")),
            "may_advise": can(user, "advising.advise", engagement),
            "may_answer": can(user, "advising.answer_dates", engagement),
            "may_tick": can(user, "advising.tick_task", engagement),
        },
    )


@object_view(engagement_for, kwarg="engagement_pk", name="engagement")
def propose(request, engagement, number: int):
    _require_a_side(request.user, engagement)
    plan = services.advising_plan(edition=engagement.edition)
    if not 1 <= number <= plan.visits_per_jst:
        raise Http404
    visit = engagement.visits.filter(number=number).first()

    def save(form):
        result, warnings = services.propose_dates(
            engagement=engagement, number=number, options=form.options(), by=request.user
        )
        _warn(request, warnings)
        return result

    return form_page(
        request,
        ProposeDatesForm(request.POST or None),
        save=save,
        success=_("Wysłano propozycje terminów do wszystkich uczestników."),
        done=_visit_url,
        template="advising/propose.html",
        context={"engagement": engagement, "number": number, "visit": visit, "plan": plan},
    )


@object_view(selectors.visit_for, rule="advising.view", name="visit")
def visit_detail(request, visit):
    engagement = visit.engagement
    user = request.user
    detail = selectors.visit_detail(visit)
    current = detail["current"]
    may_advise = can(user, "advising.advise", engagement)
    return render(
        request,
        "advising/visit.html",
        {
            "engagement": engagement,
            "visit": visit,
            **detail,
            "may_advise": may_advise,
            "may_answer": can(user, "advising.answer_dates", engagement),
            "may_tick": can(user, "advising.tick_task", engagement),
            "my_side": "advisors" if may_advise else "jst",
            "may_record": may_advise and visit.is_agreed and visit.starts_on <= timezone.localdate(),
            "may_confirm": may_advise and current is not None and not current.is_confirmed,
        },
    )


@login_required
@require_POST
def accept(request, pk: int):
    option = selectors.option_for(request.user, pk)
    engagement = option.visit.engagement
    _require_a_side(request.user, engagement)
    return run_action(
        request,
        lambda: services.accept_option(option=option, by=request.user),
        success=_("Termin uzgodniony. Wszyscy uczestnicy dostali zaproszenie do kalendarza."),
        done=_visit_url(option.visit),
    )


@login_required
@require_POST
def withdraw(request, pk: int):
    option = selectors.option_for(request.user, pk)
    engagement = option.visit.engagement
    _require_a_side(request.user, engagement)
    return run_action(
        request,
        lambda: services.withdraw_option(option=option, by=request.user),
        success=_("Wycofano propozycję terminu."),
        done=_visit_url(option.visit),
    )


@object_view(selectors.visit_for, name="visit")
def reschedule(request, visit):
    _require_a_side(request.user, visit.engagement)

    def save(form):
        result, warnings = services.reschedule_visit(visit=visit, by=request.user, **form.cleaned_data)
        _warn(request, warnings)
        return result

    return form_page(
        request,
        RescheduleForm(request.POST or None, initial={"starts_on": visit.starts_on, "ends_on": visit.ends_on}),
        save=save,
        success=_("Termin zmieniony. Wszyscy uczestnicy dostali zaktualizowane zaproszenie."),
        done=_visit_url,
        template="advising/reschedule.html",
        context={"engagement": visit.engagement, "visit": visit},
    )


@object_view(selectors.visit_for, name="visit")
def record_edit(request, visit):
    engagement = visit.engagement
    require(request.user, "advising.advise", engagement)
    if not visit.is_agreed:
        raise Http404
    current = visit.records.filter(is_current=True).prefetch_related("participants", "hdr_actions").first()
    initial = {}
    if current is not None:
        initial = {
            "support_kind": current.support_kind,
            "topics": current.topics,
            "other_participants": current.other_participants,
            "cycle_stage": current.cycle_stage,
            "findings": current.findings,
            "participants": list(current.participants.all()),
            "hdr_actions": list(current.hdr_actions.all()),
        }
        for entry in current.hours.all():
            initial[f"hours_{entry.advisor_id}"] = initial.get(f"hours_{entry.advisor_id}", 0) + entry.hours
    else:
        initial["cycle_stage"] = engagement.stage
    advisors = [a.user for a in engagement.advisor_assignments.all()]
    form = VisitRecordForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        team=selectors.team_of(engagement),
        actions=selectors.hdr_actions_of(engagement),
        advisors=advisors,
        confirmed=current is not None and current.is_confirmed,
    )

    def save(form):
        result, warnings = services.write_record(visit=visit, by=request.user, **form.values())
        _warn(request, warnings)
        return result

    return form_page(
        request,
        form,
        save=save,
        success=_("Zapisano sprawozdanie. Drugi doradca może je teraz potwierdzić."),
        done=_visit_url(visit),
        template="advising/record_form.html",
        context={"engagement": engagement, "visit": visit, "current": current},
    )


@login_required
@require_POST
def record_confirm(request, pk: int):
    visit = selectors.visit_for(request.user, pk)
    require(request.user, "advising.advise", visit.engagement)
    current = visit.records.filter(is_current=True).first()
    if current is None:
        raise Http404
    return run_action(
        request,
        lambda: services.confirm_record(visit_record=current, by=request.user),
        success=_("Sprawozdanie potwierdzone i zamrożone."),
        done=_visit_url(visit),
    )


@object_view(selectors.visit_for, rule="advising.view", name="visit")
def record_pdf(request, visit):
    detail = selectors.visit_detail(visit)
    if detail["current"] is None:
        raise Http404
    data = render_pdf(
        template="advising/record_pdf.html",
        context={"engagement": visit.engagement, "visit": visit, "record": detail["current"], **detail},
    )
    name = ascii_slug(f"sprawozdanie-{visit.number}-{visit.engagement.local_government.display_name}")
    return export_pdf(data, name)


def export_pdf(data: bytes, name: str):
    from django.http import HttpResponse
    from django.utils.http import content_disposition_header

    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=False, filename=f"{name}.pdf")
    response["Cache-Control"] = "private, no-store"
    return response


@object_view(selectors.attachment_for, rule=None, name="attachment")
def attachment(request, attachment):
    require(request.user, "advising.view", attachment.record.visit.engagement)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


def _session_page(request, data, engagement, engagements=None):
    advisors = [a.user for a in engagement.advisor_assignments.select_related("user")] if engagement else []
    if engagements is not None:
        chosen = (data or {}).get("engagement")
        engagement = engagements.filter(pk=chosen).first() if chosen and chosen.isdigit() else None
        advisors = [request.user]
    form = RemoteSessionForm(
        data,
        initial={"held_on": timezone.localdate()},
        advisors=advisors,
        engagements=engagements,
    )

    def save(form):
        target = form.cleaned_data.get("engagement", engagement)
        result, warnings = services.log_session(engagement=target, by=request.user, **form.values())
        _warn(request, warnings)
        return result

    return form_page(
        request,
        form,
        save=save,
        success=_("Zapisano sesję doradztwa zdalnego."),
        done=lambda session: reverse("advising:visits", kwargs={"engagement_pk": session.engagement_id}),
        template="advising/session_form.html",
        context={"engagement": engagement if engagements is None else None},
    )


@object_view(engagement_for, rule="advising.advise", kwarg="engagement_pk", name="engagement")
def session_create(request, engagement):
    return _session_page(request, request.POST or None, engagement)


@login_required
def session_quick(request):
    require(request.user, "advising.advisor_pages")
    return _session_page(request, request.POST or None, None, engagements=selectors.advised_engagements(request.user))


@login_required
@require_POST
def task_tick(request, pk: int):
    task = selectors.task_for(request.user, pk)
    require(request.user, "advising.tick_task", task.engagement)
    done = request.POST.get("done", "1") == "1"
    return run_action(
        request,
        lambda: services.tick_task(task=task, by=request.user, done=done),
        success=_("Zadanie oznaczone jako wykonane.") if done else _("Zadanie znów jest do zrobienia."),
        done=_safe_next(request) or _visits_url(task.engagement),
    )


@object_view(selectors.task_for, rule="advising.tick_task", name="task")
def task_to_action(request, task):
    engagement = task.engagement
    if task.plan_action_id or task.done_at:
        raise Http404
    return form_page(
        request,
        TaskToActionForm(request.POST or None, engagement=engagement),
        save=lambda form: services.task_to_action(task=task, by=request.user, **form.cleaned_data),
        success=_("Zadanie jest teraz działaniem HDR."),
        done=lambda action: reverse("plans:detail", kwargs={"engagement_pk": engagement.pk}),
        template="advising/task_to_action.html",
        context={"engagement": engagement, "task": task},
    )


@login_required
def my_hours(request):
    require(request.user, "advising.advisor_pages")
    month = _parse_month(request.GET.get("miesiac"))
    entries = selectors.month_entries(request.user, month)
    organisers = {}
    for entry in entries:
        organisers.setdefault(entry.engagement.edition.organiser_id, entry.engagement.edition.organiser)
    sheets = {
        s.organiser_id: s
        for s in TimeSheet.objects.filter(advisor=request.user, month=month, organiser_id__in=list(organisers))
    }
    totals = selectors.day_totals(entries)
    previous = (month - datetime.timedelta(days=1)).replace(day=1)
    following = (month + datetime.timedelta(days=32)).replace(day=1)
    return render(
        request,
        "advising/my_hours.html",
        {
            "month": month,
            "entries": entries,
            "long_days": sorted(day for day, total in totals.items() if total > 10),
            "total": sum(totals.values()),
            "sheets": [(org, sheets.get(org_id)) for org_id, org in organisers.items()],
            "previous": previous,
            "following": following,
        },
    )


@login_required
def hours_add(request):
    require(request.user, "advising.advisor_pages")
    form = TimeEntryForm(
        request.POST or None,
        initial={"on": timezone.localdate()},
        engagements=selectors.advised_engagements(request.user),
    )

    def save(form):
        result, warnings = services.add_time_entry(advisor=request.user, by=request.user, **form.cleaned_data)
        _warn(request, warnings)
        return result

    return form_page(
        request,
        form,
        save=save,
        success=_("Dodano godziny."),
        done=lambda entry: reverse("advising:my_hours") + f"?miesiac={entry.on:%Y-%m}",
        template="advising/hours_form.html",
    )


@login_required
def hours_delete(request, pk: int):
    entry = selectors.own_entry(request.user, pk)
    month = reverse("advising:my_hours") + f"?miesiac={entry.on:%Y-%m}"
    return ask_first(
        request,
        lambda: services.delete_time_entry(entry=entry, by=request.user),
        success=_("Usunięto godziny."),
        done=month,
        title=_("Usunięcie godzin"),
        subject=" · ".join(
            part
            for part in (
                formats.date_format(entry.on, "SHORT_DATE_FORMAT"),
                _("%(hours)s godz.") % {"hours": formats.number_format(entry.hours, decimal_pos=2)},
                entry.engagement.local_government.display_name,
                entry.note,
            )
            if part
        ),
        question=_("Wpis zniknie z Twoich godzin i z karty czasu pracy za ten miesiąc."),
        button=_("Usuń godziny"),
        back=month,
    )


@login_required
@require_POST
def sheet_submit(request):
    require(request.user, "advising.advisor_pages")
    month = _parse_month(request.POST.get("month"))
    organiser_id = request.POST.get("organiser", "")
    entry = next(
        (
            e
            for e in selectors.month_entries(request.user, month)
            if str(e.engagement.edition.organiser_id) == organiser_id
        ),
        None,
    )
    if entry is None:
        raise Http404
    return run_action(
        request,
        lambda: services.submit_sheet(
            advisor=request.user, organiser=entry.engagement.edition.organiser, month=month, by=request.user
        ),
        success=_("Karta czasu pracy przekazana do akceptacji."),
        done=reverse("advising:my_hours") + f"?miesiac={month:%Y-%m}",
    )


@object_view(selectors.sheet_for, rule="advising.sheet_view", name="sheet")
def sheet_detail(request, sheet):
    entries = selectors.month_entries(sheet.advisor, sheet.month, sheet.organiser_id)
    return render(
        request,
        "advising/sheet.html",
        {
            "sheet": sheet,
            "entries": entries,
            "total": sum(e.hours for e in entries),
            "may_decide": can(request.user, "advising.approve_sheets", sheet)
            and sheet.state == TimeSheet.State.SUBMITTED,
            "return_form": ReturnSheetForm(),
        },
    )


@login_required
@require_POST
def sheet_approve(request, pk: int):
    sheet = selectors.sheet_for(request.user, pk)
    require(request.user, "advising.approve_sheets", sheet)
    return run_action(
        request,
        lambda: services.approve_sheet(sheet=sheet, by=request.user),
        success=_("Karta czasu pracy zatwierdzona i zablokowana."),
        done=reverse("advising:sheet", kwargs={"pk": sheet.pk}),
    )


@object_view(selectors.sheet_for, rule="advising.approve_sheets", name="sheet")
def sheet_return(request, sheet):
    return form_page(
        request,
        ReturnSheetForm(request.POST or None),
        save=lambda form: services.return_sheet(sheet=sheet, by=request.user, **form.cleaned_data),
        success=_("Karta czasu pracy zwrócona doradcy z komentarzem."),
        done=reverse("advising:sheet", kwargs={"pk": sheet.pk}),
        template="advising/sheet_return.html",
        context={"sheet": sheet},
    )


@object_view(selectors.sheet_for, rule="advising.sheet_view", name="sheet")
def sheet_xlsx(request, sheet):
    entries = selectors.month_entries(sheet.advisor, sheet.month, sheet.organiser_id)
    headers, rows = exports.sheet_table(sheet, entries)
    name = ascii_slug(f"karta-czasu-{sheet.advisor.full_name}-{sheet.month:%Y-%m}")
    return export_response(data=build_xlsx(_("Karta czasu pracy"), headers, rows), filename=name, kind="xlsx")


@login_required
def month_view(request):
    require(request.user, "advising.advisor_pages")
    month = _parse_month(request.GET.get("miesiac"))
    start, end = selectors.month_bounds(month)
    visits = list(
        Visit.objects.filter(
            engagement__advisor_assignments__user=request.user, starts_on__lt=end, ends_on__gte=start
        ).select_related("engagement__local_government")
    )
    weeks, day = [], start - datetime.timedelta(days=start.weekday())
    while day < end:
        week = []
        for _i in range(7):
            week.append(
                {
                    "day": day,
                    "in_month": start <= day < end,
                    "visits": [v for v in visits if v.starts_on <= day <= v.ends_on],
                }
            )
            day += datetime.timedelta(days=1)
        weeks.append(week)
    return render(
        request,
        "advising/month.html",
        {
            "month": month,
            "weeks": weeks,
            "visits": sorted(visits, key=lambda v: v.starts_on),
            "previous": (month - datetime.timedelta(days=1)).replace(day=1),
            "following": end,
        },
    )


def _edition(request, slug):
    edition = edition_for(request.user, slug)
    require(request.user, "advising.edition", edition)
    return edition


@login_required
def edition_visits(request, slug: str):
    edition = _edition(request, slug)
    query = request.GET.get("q", "").strip()
    sort = request.GET.get("sort", "overdue")
    overdue_only = bool(request.GET.get("po_terminie"))
    return render(
        request,
        "advising/edition_visits.html",
        {
            "edition": edition,
            "rows": selectors.edition_visit_rows(edition, query=query, sort=sort, overdue_only=overdue_only),
            "query": query,
            "sort": sort,
            "overdue_only": overdue_only,
            "plan": services.advising_plan(edition=edition),
        },
    )


@login_required
def edition_hours(request, slug: str):
    edition = _edition(request, slug)
    return render(
        request,
        "advising/edition_hours.html",
        {
            "edition": edition,
            **selectors.edition_hours(edition),
            "sheets": selectors.sheets_of_edition(edition, state=request.GET.get("karty", "")),
            "sheet_state": dict(TimeSheet.State.choices).get(request.GET.get("karty", ""), ""),
        },
    )


@login_required
def edition_visits_export(request, slug: str):
    edition = _edition(request, slug)
    back = reverse("advising:edition_visits", kwargs={"slug": slug})
    return export_page(request, exports.VISITS, target=edition, back=back)


@login_required
def edition_hours_export(request, slug: str):
    edition = _edition(request, slug)
    back = reverse("advising:edition_hours", kwargs={"slug": slug})
    return export_page(request, exports.HOURS, target=edition, back=back)


@login_required
def edition_hours_xlsx(request, slug: str):
    edition = _edition(request, slug)
    kind = request.GET.get("zestawienie", "doradcy")
    headers, rows, title = exports.edition_table(edition, selectors.edition_hours(edition), kind)
    return export_response(
        data=build_xlsx(title, headers, rows), filename=ascii_slug(f"godziny-{kind}-{edition.slug}"), kind="xlsx"
    )


@login_required
def edition_settings(request, slug: str):
    edition = _edition(request, slug)
    if not can(request.user, "advising.edition_manage", edition):
        raise Http404
    plan = services.advising_plan(edition=edition)
    return form_page(
        request,
        AdvisingPlanForm(request.POST or None, instance=plan),
        save=lambda form: services.save_advising_plan(
            edition=edition, by=request.user, **{n: form.cleaned_data[n] for n in AdvisingPlanForm.Meta.fields}
        ),
        success=_("Zapisano ustawienia doradztwa."),
        done=reverse("advising:edition_visits", kwargs={"slug": edition.slug}),
        template="advising/edition_settings.html",
        context={"edition": edition},
    )
