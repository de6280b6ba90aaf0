"""The engagement's pages (karta JST): thin views over selectors, services and forms.

Every page finds its engagement through ``engagement_for``/``engagement_page_for`` (scoped to the user: 404 for
anyone who may not see it) and then checks the action's rule with ``require`` (404 as well)."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.accounts.roles import roles_of
from apps.audit.selectors import history_of
from apps.core.forms import add_errors
from apps.core.locking import StaleEdit
from apps.core.permissions import can, require
from apps.editions.selectors import edition_for
from apps.territory.kinds import WorkshopGroup

from . import dashboards, diagnosis, selectors, services
from .forms import (
    AdvisorPairForm,
    AdvisorTableForm,
    AreaForm,
    FigureForm,
    FindingsForm,
    PriorityForm,
    PrioritySelectionForm,
    SchoolPerspectiveForm,
    TeamMemberForm,
    advisor_label,
)
from .models import STAGE_ORDER, AdvisorAssignment, ContextFigure, Stage
from .tracker import stage_tracker


def _detail_url(engagement, anchor: str = "") -> str:
    return reverse("engagements:detail", kwargs={"pk": engagement.pk}) + (f"#{anchor}" if anchor else "")


def _error_message(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


# The engagement page and the overviews.


@login_required
def my_engagements(request):
    """Moje karty JST: the team's next steps, the advisor's JSTs and what waits for them, the organiser's editions."""
    roles = roles_of(request.user)
    context = {
        "team_cards": dashboards.team_overview(request.user),
        "advisor": dashboards.advisor_dashboard(request.user, page=request.GET.get("strona", 1)),
        "editions": dashboards.editions_for_organiser(request.user)
        if roles.is_organiser_staff or roles.is_coordinator
        else None,
    }
    return render(request, "engagements/my_engagements.html", context)


@login_required
def detail(request, pk: int):
    engagement = selectors.engagement_page_for(request.user, pk)
    viewer = selectors.viewer_for(request.user, engagement)
    following = services.next_stage(engagement)
    may_work = can(request.user, "engagement.work", engagement)
    return render(
        request,
        "engagements/detail.html",
        {
            "engagement": engagement,
            "viewer": viewer,
            "steps": stage_tracker(engagement, viewer),
            "next_stage": Stage(following) if following else None,
            "blockers": services.blockers_for(engagement, following) if following and may_work else [],
            "timeline": selectors.timeline_of(engagement),
            "former_members": selectors.former_members(engagement),
            "may_work": may_work,
            "may_manage_team": can(request.user, "engagement.manage_team", engagement),
            "may_administer": can(request.user, "engagement.administer", engagement),
        },
    )


@login_required
def history(request, pk: int):
    engagement = selectors.engagement_for(request.user, pk)
    return render(
        request,
        "audit/history.html",
        {"object": engagement, "entries": history_of(engagement)[:500], "back_url": _detail_url(engagement)},
    )


@login_required
@require_POST
def advance(request, pk: int):
    """Move on to the next stage of the cycle; the guards say what is still missing."""
    engagement = selectors.engagement_for(request.user, pk)
    require(request.user, "engagement.work", engagement)
    target = request.POST.get("to", "")
    if target not in STAGE_ORDER or target != services.next_stage(engagement):
        messages.error(request, _("Ten etap nie jest następnym etapem karty JST. Odśwież stronę."))
        return redirect(_detail_url(engagement, "etapy"))
    try:
        services.advance_stage(engagement=engagement, to=target, by=request.user)
    except ValidationError as error:
        messages.error(
            request, _("Nie można jeszcze przejść dalej: %(reasons)s") % {"reasons": " ".join(error.messages)}
        )
    else:
        messages.success(request, _("Nowy etap: %(stage)s.") % {"stage": Stage(target).label})
    return redirect(_detail_url(engagement, "etapy"))


# The team.


def _team_engagement(request, pk: int):
    engagement = selectors.engagement_for(request.user, pk)
    require(request.user, "engagement.manage_team", engagement)
    return engagement


@login_required
def team(request, pk: int):
    engagement = _team_engagement(request, pk)
    return render(
        request,
        "engagements/team.html",
        {
            "engagement": engagement,
            "members": engagement.active_team,
            "former_members": selectors.former_members(engagement),
            "may_add": len(engagement.active_team) < engagement.edition.team_size_max,
        },
    )


@login_required
def team_add(request, pk: int):
    engagement = _team_engagement(request, pk)
    form = TeamMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.add_team_member(engagement=engagement, data=form.member_data(), by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("Dodano do zespołu: %(name)s. Wysłaliśmy zaproszenie e-mailem.") % {"name": member.full_name}
            )
            return redirect("engagements:team", pk=engagement.pk)
    return render(
        request, "engagements/team_member_form.html", {"engagement": engagement, "form": form, "replaced": None}
    )


@login_required
def team_replace(request, pk: int, member_pk: int):
    engagement = _team_engagement(request, pk)
    member = selectors.team_member_of(engagement, member_pk)
    if not member.is_active:
        raise Http404
    form = TeamMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            new = services.replace_team_member(member=member, data=form.member_data(), by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(new)s zastępuje w zespole: %(old)s. Wysłaliśmy zaproszenie e-mailem.")
                % {"new": new.full_name, "old": member.full_name},
            )
            return redirect("engagements:team", pk=engagement.pk)
    return render(
        request, "engagements/team_member_form.html", {"engagement": engagement, "form": form, "replaced": member}
    )


def _team_action(request, pk: int, member_pk: int, action, success: str):
    engagement = _team_engagement(request, pk)
    member = selectors.team_member_of(engagement, member_pk)
    try:
        outcome = action(member=member, by=request.user)
    except ValidationError as error:
        _error_message(request, error)
    else:
        messages.success(request, success % {"name": member.full_name} if "%(name)s" in success else success)
        if outcome == "reminded":
            messages.info(request, _("Ta osoba ma już konto: wysłaliśmy jej przypomnienie o miejscu w zespole."))
    return redirect("engagements:team", pk=engagement.pk)


@login_required
@require_POST
def team_remove(request, pk: int, member_pk: int):
    return _team_action(
        request,
        pk,
        member_pk,
        services.remove_team_member,
        _("%(name)s nie jest już w zespole. Jej lub jego dotychczasowy wkład pozostaje podpisany."),
    )


@login_required
@require_POST
def team_leader(request, pk: int, member_pk: int):
    return _team_action(request, pk, member_pk, services.set_leader, _("Liderem zespołu jest teraz %(name)s."))


@login_required
@require_POST
def team_resend(request, pk: int, member_pk: int):
    return _team_action(
        request, pk, member_pk, services.resend_invitation, _("Wysłano ponownie wiadomość do: %(name)s.")
    )


# Advisors.


@login_required
def advisors(request, pk: int):
    engagement = selectors.engagement_for(request.user, pk)
    require(request.user, "engagement.administer", engagement)
    options = list(selectors.advisor_options(engagement.edition))
    current = {a.role: a.user_id for a in engagement.advisor_assignments.all()}
    form = AdvisorPairForm(request.POST or None, advisors=options, initial_pair=current)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.set_advisor_pair(engagement=engagement, advisors=form.pair(), by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Zapisano parę doradców.") if changed else _("Para doradców bez zmian."))
            return redirect(_detail_url(engagement, "doradcy"))
    return render(
        request, "engagements/advisors_form.html", {"engagement": engagement, "form": form, "options": options}
    )


# Area.


@login_required
def area(request, pk: int):
    engagement = selectors.engagement_for(request.user, pk)
    may_choose = can(request.user, "engagement.contribute_as_team", engagement)
    editable = engagement.stage in services.AREA_EDITABLE_STAGES
    chosen = list(engagement.chosen_areas.all())
    initial = {}
    if chosen:
        initial = {"area": chosen[0].area_id, "justification": chosen[0].justification}
        if len(chosen) > 1:
            initial |= {"second_area": chosen[1].area_id, "second_justification": chosen[1].justification}
    form = None
    if may_choose and editable:
        form = AreaForm(
            request.POST or None,
            initial=initial,
            areas=selectors.areas_to_choose(engagement),
            allows_two=engagement.edition.allows_two_areas,
        )
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                changed = services.choose_areas(engagement=engagement, choices=form.choices(), by=request.user)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Zapisano wybór obszaru. Doradca potwierdzi go na karcie JST.")
                    if changed
                    else _("Wybór obszaru bez zmian."),
                )
                return redirect("engagements:area", pk=engagement.pk)
    return render(
        request,
        "engagements/area.html",
        {
            "engagement": engagement,
            "chosen": chosen,
            "pending": [c for c in chosen if c.confirmed_at is None],
            "form": form,
            "editable": editable,
            "may_confirm": can(request.user, "engagement.advise", engagement),
            "areas": selectors.areas_to_choose(engagement).prefetch_related("solutions"),
        },
    )


@login_required
@require_POST
def area_confirm(request, pk: int):
    engagement = selectors.engagement_for(request.user, pk)
    require(request.user, "engagement.advise", engagement)
    try:
        services.confirm_areas(engagement=engagement, by=request.user)
    except ValidationError as error:
        _error_message(request, error)
        return redirect("engagements:area", pk=engagement.pk)
    messages.success(request, _("Potwierdzono obszar. JST przechodzi do diagnozy potrzeb."))
    return redirect(_detail_url(engagement, "etapy"))


# Needs diagnosis.


def _work_engagement(request, pk: int):
    engagement = selectors.engagement_for(request.user, pk)
    require(request.user, "engagement.work", engagement)
    return engagement


def _editable_or_back(request, engagement, check) -> bool:
    try:
        check(engagement)
    except ValidationError as error:
        _error_message(request, error)
        return False
    return True


@login_required
def diagnosis_page(request, pk: int):
    engagement = selectors.engagement_for(request.user, pk)
    assessment = selectors.assessment_page(engagement)
    editable = engagement.stage in diagnosis.DIAGNOSIS_EDITABLE_STAGES
    return render(
        request,
        "engagements/diagnosis.html",
        {
            "engagement": engagement,
            "assessment": assessment,
            "figures": list(assessment.figures.all()) if assessment else [],
            "perspectives": list(assessment.school_perspectives.all()) if assessment else [],
            "priorities": selectors.ranked_priorities(engagement),
            "asks_post_pandemic": engagement.edition.diagnosis_asks_post_pandemic_needs,
            "may_edit": editable and can(request.user, "engagement.work", engagement),
            "topics": ContextFigure.Topic,
        },
    )


def _changed_fields(form, current, fields: list[str]) -> list[dict]:
    """For a refused stale save: each field where the other person's saved text differs from the user's input."""
    rows = []
    for name in fields:
        if name not in form.fields:
            continue
        mine = form.data.get(form.add_prefix(name), "")
        theirs = getattr(current, name)
        if (mine or "").replace("\r\n", "\n").strip() != (str(theirs or "")).replace("\r\n", "\n").strip():
            rows.append({"label": form.fields[name].label, "theirs": theirs, "field": form[name]})
    return rows


def _rebase(request, current_version: int, key: str = "version"):
    """The user's input with the version moved to the one just saved, so merging and saving again goes through."""
    data = request.POST.copy()
    data[key] = str(current_version)
    return data


@login_required
def diagnosis_findings(request, pk: int):
    engagement = _work_engagement(request, pk)
    if not _editable_or_back(request, engagement, diagnosis.check_diagnosis_editable):
        return redirect("engagements:diagnosis", pk=engagement.pk)
    assessment = diagnosis.ensure_assessment(engagement)
    asks = engagement.edition.diagnosis_asks_post_pandemic_needs
    form = FindingsForm(
        request.POST or None,
        instance=copy.copy(assessment),
        initial={"version": assessment.version},
        asks_post_pandemic=asks,
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            diagnosis.save_findings(
                assessment=assessment,
                expected_version=form.cleaned_data["version"],
                values=form.values(),
                by=request.user,
            )
        except StaleEdit as stale:
            current = stale.current
            form = FindingsForm(_rebase(request, current.version), instance=copy.copy(current), asks_post_pandemic=asks)
            form.is_valid()
            conflict = {
                "current": current,
                "name": current.updated_by_label,
                "fields": _changed_fields(form, current, diagnosis.FINDINGS_FIELDS),
            }
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Zapisano diagnozę potrzeb."))
            return redirect("engagements:diagnosis", pk=engagement.pk)
    return render(
        request,
        "engagements/findings_form.html",
        {"engagement": engagement, "form": form, "conflict": conflict, "assessment": assessment},
    )


@login_required
def figure_add(request, pk: int):
    engagement = _work_engagement(request, pk)
    if not _editable_or_back(request, engagement, diagnosis.check_diagnosis_editable):
        return redirect("engagements:diagnosis", pk=engagement.pk)
    form = FigureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            figure = diagnosis.add_context_figure(
                assessment=diagnosis.ensure_assessment(engagement), data=form.figure_data(), by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Dodano dane: %(figure)s.") % {"figure": figure})
            if "another" in request.POST:
                return redirect("engagements:figure_add", pk=engagement.pk)
            return redirect(reverse("engagements:diagnosis", kwargs={"pk": engagement.pk}) + "#dane")
    return render(request, "engagements/figure_form.html", {"engagement": engagement, "form": form})


@login_required
@require_POST
def figure_remove(request, pk: int, figure_pk: int):
    engagement = _work_engagement(request, pk)
    figure = selectors.figure_of(engagement, figure_pk)
    try:
        diagnosis.remove_context_figure(figure=figure, by=request.user)
    except ValidationError as error:
        _error_message(request, error)
    else:
        messages.success(request, _("Usunięto dane: %(figure)s.") % {"figure": figure})
    return redirect(reverse("engagements:diagnosis", kwargs={"pk": engagement.pk}) + "#dane")


@login_required
def perspective_add(request, pk: int):
    engagement = _work_engagement(request, pk)
    if not _editable_or_back(request, engagement, diagnosis.check_diagnosis_editable):
        return redirect("engagements:diagnosis", pk=engagement.pk)
    # A school director starts from their own school's name.
    own = next((m for m in engagement.active_team if m.user_id == request.user.pk and m.school_name), None)
    form = SchoolPerspectiveForm(request.POST or None, initial={"school_name": own.school_name if own else ""})
    if request.method == "POST" and form.is_valid():
        try:
            diagnosis.save_school_perspective(
                assessment=diagnosis.ensure_assessment(engagement), values=form.values(), by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Dodano spojrzenie na szkołę."))
            return redirect(reverse("engagements:diagnosis", kwargs={"pk": engagement.pk}) + "#szkoly")
    return render(
        request,
        "engagements/perspective_form.html",
        {"engagement": engagement, "form": form, "perspective": None, "conflict": None},
    )


@login_required
def perspective_edit(request, pk: int, perspective_pk: int):
    engagement = _work_engagement(request, pk)
    perspective = selectors.school_perspective_of(engagement, perspective_pk)
    if not _editable_or_back(request, engagement, diagnosis.check_diagnosis_editable):
        return redirect("engagements:diagnosis", pk=engagement.pk)
    form = SchoolPerspectiveForm(
        request.POST or None, instance=copy.copy(perspective), initial={"version": perspective.version}, versioned=True
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            diagnosis.save_school_perspective(
                assessment=perspective.assessment,
                perspective=perspective,
                expected_version=form.cleaned_data["version"],
                values=form.values(),
                by=request.user,
            )
        except StaleEdit as stale:
            current = stale.current
            form = SchoolPerspectiveForm(_rebase(request, current.version), instance=copy.copy(current), versioned=True)
            form.is_valid()
            conflict = {"current": current, "fields": _changed_fields(form, current, diagnosis.PERSPECTIVE_FIELDS)}
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Zapisano spojrzenie na szkołę."))
            return redirect(reverse("engagements:diagnosis", kwargs={"pk": engagement.pk}) + "#szkoly")
    return render(
        request,
        "engagements/perspective_form.html",
        {"engagement": engagement, "form": form, "perspective": perspective, "conflict": conflict},
    )


@login_required
@require_POST
def perspective_remove(request, pk: int, perspective_pk: int):
    engagement = _work_engagement(request, pk)
    perspective = selectors.school_perspective_of(engagement, perspective_pk)
    try:
        diagnosis.remove_school_perspective(perspective=perspective, by=request.user)
    except ValidationError as error:
        _error_message(request, error)
    else:
        messages.success(request, _("Usunięto spojrzenie na szkołę: %(school)s.") % {"school": perspective.school_name})
    return redirect(reverse("engagements:diagnosis", kwargs={"pk": engagement.pk}) + "#szkoly")


# Priorities.


@login_required
def priorities(request, pk: int):
    """The ranked candidates; the team picks 1–3 development priorities with their goals."""
    engagement = selectors.engagement_for(request.user, pk)
    ranked = selectors.ranked_priorities(engagement)
    editable = engagement.stage in diagnosis.PRIORITIES_EDITABLE_STAGES
    may_select = editable and can(request.user, "engagement.contribute_as_team", engagement)
    form = PrioritySelectionForm(request.POST or None, priorities=ranked) if may_select and ranked else None
    conflict = None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                chosen = diagnosis.select_priorities(engagement=engagement, choices=form.choices(), by=request.user)
            except diagnosis.StaleSelection as stale:
                conflict = stale.current
                data = request.POST.copy()
                for p in stale.current:
                    data[f"version_{p.pk}"] = str(p.version)
                ranked = selectors.ranked_priorities(engagement)
                form = PrioritySelectionForm(data, priorities=ranked)
                form.is_valid()
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Zapisano wybór priorytetów rozwojowych: %(titles)s.")
                    % {"titles": "; ".join(p.title for p in chosen)},
                )
                return redirect("engagements:priorities", pk=engagement.pk)
    return render(
        request,
        "engagements/priorities.html",
        {
            "engagement": engagement,
            "priorities": ranked,
            "form": form,
            "conflict": conflict,
            "may_edit": editable and can(request.user, "engagement.work", engagement),
            "editable": editable,
        },
    )


@login_required
def priority_add(request, pk: int):
    engagement = _work_engagement(request, pk)
    if not _editable_or_back(request, engagement, diagnosis.check_priorities_editable):
        return redirect("engagements:priorities", pk=engagement.pk)
    form = PriorityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            priority = diagnosis.add_priority(engagement=engagement, by=request.user, **form.values())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Dodano kandydata na priorytet: %(title)s.") % {"title": priority.title})
            return redirect("engagements:priorities", pk=engagement.pk)
    return render(
        request,
        "engagements/priority_form.html",
        {"engagement": engagement, "form": form, "priority": None, "conflict": None},
    )


@login_required
def priority_edit(request, pk: int, priority_pk: int):
    engagement = _work_engagement(request, pk)
    priority = selectors.priority_of(engagement, priority_pk)
    if not _editable_or_back(request, engagement, diagnosis.check_priorities_editable):
        return redirect("engagements:priorities", pk=engagement.pk)
    form = PriorityForm(
        request.POST or None, instance=copy.copy(priority), initial={"version": priority.version}, versioned=True
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            diagnosis.update_priority(
                priority=priority,
                expected_version=form.cleaned_data["version"],
                values=form.values(),
                by=request.user,
            )
        except StaleEdit as stale:
            current = stale.current
            form = PriorityForm(_rebase(request, current.version), instance=copy.copy(current), versioned=True)
            form.is_valid()
            conflict = {"current": current, "fields": _changed_fields(form, current, diagnosis.PRIORITY_FIELDS)}
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Zapisano priorytet."))
            return redirect("engagements:priorities", pk=engagement.pk)
    return render(
        request,
        "engagements/priority_form.html",
        {"engagement": engagement, "form": form, "priority": priority, "conflict": conflict},
    )


@login_required
@require_POST
def priority_remove(request, pk: int, priority_pk: int):
    engagement = _work_engagement(request, pk)
    priority = selectors.priority_of(engagement, priority_pk)
    try:
        diagnosis.remove_priority(priority=priority, by=request.user)
    except ValidationError as error:
        _error_message(request, error)
    else:
        messages.success(request, _("Usunięto priorytet: %(title)s.") % {"title": priority.title})
    return redirect("engagements:priorities", pk=engagement.pk)


@login_required
@require_POST
def diagnosis_pdf(request, pk: int):
    """The diagnosis as a PDF, made in the background; the documents app shows its progress."""
    from apps.documents.jobs import request_document

    engagement = selectors.engagement_for(request.user, pk)
    document = request_document(
        target=engagement,
        kind="diagnosis_pdf",
        title=_("Diagnoza potrzeb: %(jst)s") % {"jst": engagement.local_government.display_name},
        builder="apps.engagements.documents.build_diagnosis_pdf",
        view_action="engagement.view",
        by=request.user,
    )
    return redirect("documents:status", pk=document.pk)


# The organiser's pages of an edition.


@login_required
def edition_matrix(request, slug: str):
    edition = edition_for(request.user, slug)
    group = request.GET.get("grupa", "")
    if group not in WorkshopGroup.values:
        group = ""
    try:
        advisor_id = int(request.GET.get("doradca") or 0) or None
    except ValueError:
        advisor_id = None
    matrix = dashboards.stage_matrix(
        edition, workshop_group=group, advisor_id=advisor_id, page=request.GET.get("strona", 1)
    )
    query = request.GET.copy()
    query.pop("strona", None)
    return render(
        request,
        "engagements/edition_matrix.html",
        {
            "edition": edition,
            "matrix": matrix,
            "groups": WorkshopGroup.choices,
            "group": group,
            "advisor_id": advisor_id,
            "query": query.urlencode(),
            "may_change": can(request.user, "edition.change", edition),
        },
    )


@login_required
def edition_areas(request, slug: str):
    edition = edition_for(request.user, slug)
    return render(
        request, "engagements/edition_areas.html", {"edition": edition, "table": dashboards.areas_table(edition)}
    )


@login_required
def edition_advisors(request, slug: str):
    """Advisor pairs for all the edition's JSTs in one table (a page of them at a time). The advisor pool is sent
    once, as the suggestion list every cell shares (see ``AdvisorTableForm``)."""
    edition = edition_for(request.user, slug)
    require(request.user, "edition.change", edition)
    options = list(selectors.advisor_options(edition))
    page = dashboards.advisor_assignment_page(edition, page=request.GET.get("strona", 1))
    form = AdvisorTableForm(request.POST or None, engagements=page.object_list, advisors=options)
    if request.method == "POST":
        if form.is_valid():
            try:
                changed = services.assign_advisors_in_bulk(edition=edition, pairs=form.pairs, by=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Zapisano pary doradców (zmienione JST: %(n)s).") % {"n": changed})
                url = reverse("engagements:edition_advisors", kwargs={"slug": slug})
                return redirect(f"{url}?strona={page.number}" if page.number > 1 else url)
        else:
            messages.error(request, _("Popraw zaznaczone wiersze."))
    return render(
        request,
        "engagements/edition_advisors.html",
        {
            "edition": edition,
            "page": page,
            "rows": form.rows(),
            "options": [advisor_label(user) for user in options],
            "roles": AdvisorAssignment.Role.choices,
        },
    )
