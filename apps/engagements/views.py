"""The engagement's pages (karta JST): thin views over selectors, services and forms.

Every page finds its engagement through ``engagement_for``/``engagement_page_for`` (scoped to the user: 404 for
anyone who may not see it) and then checks the action's rule with ``require`` (404 as well)."""

import copy
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from apps.accounts.roles import roles_of
from apps.audit.selectors import last_change, readable_history_of
from apps.core.decorators import object_view
from apps.core.editing import form_page, run_action, show_error
from apps.core.links import per_object_url
from apps.core.permissions import can, require
from apps.documents.list_exports import export_page
from apps.editions.selectors import edition_for
from apps.territory.kinds import WorkshopGroup

from . import dashboards, diagnosis, exports, pairing, selectors, services
from .forms import (
    AdvisorPairForm,
    AdvisorProfileForm,
    AdvisorTableForm,
    AreaForm,
    ConfirmPairsForm,
    FigureForm,
    FindingsForm,
    PairProposalForm,
    PriorityForm,
    PrioritySelectionForm,
    SchoolPerspectiveForm,
    TeamMemberForm,
    advisor_label,
)
from .hooks import engagement_sections
from .models import STAGE_ORDER, AdvisorAssignment, ContextFigure, Stage
from .tracker import stage_tracker


def _detail_url(engagement, anchor: str = "") -> str:
    return reverse("engagements:detail", kwargs={"pk": engagement.pk}) + (f"#{anchor}" if anchor else "")


# The engagement page and the overviews.


@login_required
def my_engagements(request):
    """Moje karty JST: the team's next steps, the advisor's JSTs and what waits for them, the organiser's editions."""
    roles = roles_of(request.user)
    context = {
        "team_cards": dashboards.team_overview(request.user),
        "advisor": dashboards.advisor_dashboard(
            request.user,
            page=request.GET.get("strona", 1),
            query=request.GET.get("q", "").strip()[:100],
            stage=request.GET.get("etap", ""),
            sort=request.GET.get("sort", "jst"),
        ),
        "filters": {k: request.GET.get(k, "") for k in ("q", "etap", "sort")},
        "advisor_query": urlencode({k: request.GET[k] for k in ("q", "etap", "sort") if request.GET.get(k)}),
        "stages": Stage.choices,
        "advisor_sorts": ADVISOR_SORT_LABELS,
        "editions": dashboards.editions_for_organiser(request.user)
        if roles.is_organiser_staff or roles.is_coordinator
        else None,
    }
    return render(request, "engagements/my_engagements.html", context)


@login_required
def detail(request, pk: int):
    engagement = selectors.engagement_page_for(request.user, pk)
    viewer = selectors.viewer_for(request.user, engagement)
    following = services.next_stage(engagement=engagement)
    may_work = can(request.user, "engagement.work", engagement)
    return render(
        request,
        "engagements/detail.html",
        {
            "engagement": engagement,
            "viewer": viewer,
            "steps": stage_tracker(engagement, viewer),
            "next_stage": Stage(following) if following else None,
            "blockers": services.blockers_for(engagement=engagement, stage=following) if following and may_work else [],
            "timeline": selectors.timeline_of(engagement),
            "sections": engagement_sections(engagement, viewer),
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
        {"object": engagement, "entries": readable_history_of(engagement), "back_url": _detail_url(engagement)},
    )


@login_required
@require_POST
def advance(request, pk: int):
    """Move on to the next stage of the cycle; the guards say what is still missing."""
    engagement = selectors.engagement_for(request.user, pk)
    require(request.user, "engagement.work", engagement)
    target = request.POST.get("to", "")
    if target not in STAGE_ORDER or target != services.next_stage(engagement=engagement):
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

team_view = object_view(selectors.engagement_for, rule="engagement.manage_team", name="engagement")


@team_view
def team(request, engagement):
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


@team_view
def team_add(request, engagement):
    return form_page(
        request,
        TeamMemberForm(request.POST or None),
        save=lambda form: services.add_team_member(engagement=engagement, data=form.member_data(), by=request.user),
        success=lambda member: (
            _("Dodano do zespołu: %(name)s. Wysłaliśmy zaproszenie e-mailem.") % {"name": member.full_name}
        ),
        done=reverse("engagements:team", kwargs={"pk": engagement.pk}),
        template="engagements/team_member_form.html",
        context={"engagement": engagement, "replaced": None},
    )


def _active_member(engagement, member_pk: int):
    member = selectors.team_member_of(engagement, member_pk)
    if not member.is_active:
        raise Http404
    return member


@team_view
def team_remove_confirm(request, engagement, member_pk: int):
    """Removing someone takes away their access to the JST's card: the page says so, and what the team becomes,
    before the button that does it."""
    member = _active_member(engagement, member_pk)
    remaining = len(engagement.active_team) - 1
    return render(
        request,
        "engagements/team_remove_confirm.html",
        {
            "engagement": engagement,
            "member": member,
            "remaining": remaining,
            "too_few": remaining < engagement.edition.team_size_min,
        },
    )


@team_view
def team_replace(request, engagement, member_pk: int):
    member = _active_member(engagement, member_pk)
    return form_page(
        request,
        TeamMemberForm(request.POST or None),
        save=lambda form: services.replace_team_member(member=member, data=form.member_data(), by=request.user),
        success=lambda new: (
            _("%(new)s zastępuje w zespole: %(old)s. Wysłaliśmy zaproszenie e-mailem.")
            % {"new": new.full_name, "old": member.full_name}
        ),
        done=reverse("engagements:team", kwargs={"pk": engagement.pk}),
        template="engagements/team_member_form.html",
        context={"engagement": engagement, "replaced": member},
    )


def _team_button(action, success):
    """A POST button on a team member (remove, make leader, resend the invitation): ``success(member, outcome)``."""

    @login_required
    @require_POST
    @team_view
    def view(request, engagement, member_pk: int):
        member = selectors.team_member_of(engagement, member_pk)
        return run_action(
            request,
            lambda: action(member=member, by=request.user),
            success=lambda outcome: success(member, outcome),
            done=reverse("engagements:team", kwargs={"pk": engagement.pk}),
        )

    return view


def _resent(member, outcome) -> str:
    if outcome == "reminded":
        return _("Ta osoba ma już konto: wysłaliśmy jej przypomnienie o miejscu w zespole.")
    return _("Wysłano ponownie wiadomość do: %(name)s.") % {"name": member.full_name}


team_remove = _team_button(
    services.remove_team_member,
    lambda member, _outcome: (
        _("%(name)s nie jest już w zespole. Jej lub jego dotychczasowy wkład pozostaje podpisany.")
        % {"name": member.full_name}
    ),
)
team_leader = _team_button(
    services.set_leader, lambda member, _outcome: _("Liderem zespołu jest teraz %(name)s.") % {"name": member.full_name}
)
team_resend = _team_button(services.resend_invitation, _resent)


# Advisors.


@object_view(selectors.engagement_for, rule="engagement.administer", name="engagement")
def advisors(request, engagement):
    options = list(selectors.advisor_options(engagement.edition))
    current = {a.role: a.user_id for a in engagement.advisor_assignments.all()}
    return form_page(
        request,
        AdvisorPairForm(request.POST or None, advisors=options, initial_pair=current),
        save=lambda form: services.set_advisor_pair(engagement=engagement, advisors=form.pair(), by=request.user),
        success=lambda changed: _("Zapisano parę doradców.") if changed else _("Para doradców bez zmian."),
        done=_detail_url(engagement, "doradcy"),
        template="engagements/advisors_form.html",
        context={"engagement": engagement, "options": options},
    )


# Area.


@object_view(selectors.engagement_for, name="engagement")
def area(request, engagement):
    may_choose = can(request.user, "engagement.contribute_as_team", engagement)
    editable = engagement.stage in services.AREA_EDITABLE_STAGES
    chosen = list(engagement.chosen_areas.all())
    initial = {}
    if chosen:
        initial = {"area": chosen[0].area_id, "justification": chosen[0].justification}
        if len(chosen) > 1:
            initial |= {"second_area": chosen[1].area_id, "second_justification": chosen[1].justification}
    if not (may_choose and editable) and request.method == "POST":
        raise Http404
    form = None
    if may_choose and editable:
        form = AreaForm(
            request.POST or None,
            initial=initial,
            areas=selectors.areas_to_choose(engagement),
            allows_two=engagement.edition.allows_two_areas,
        )
    context = {
        "engagement": engagement,
        "chosen": chosen,
        "pending": [c for c in chosen if c.confirmed_at is None],
        "editable": editable,
        "may_confirm": can(request.user, "engagement.advise", engagement),
        "areas": selectors.areas_to_choose(engagement).prefetch_related("solutions"),
    }
    if form is None:
        return render(request, "engagements/area.html", context | {"form": None})
    return form_page(
        request,
        form,
        save=lambda form: services.choose_areas(engagement=engagement, choices=form.choices(), by=request.user),
        success=lambda changed: (
            _("Zapisano wybór obszaru. Doradca potwierdzi go na karcie JST.")
            if changed
            else _("Wybór obszaru bez zmian.")
        ),
        done=reverse("engagements:area", kwargs={"pk": engagement.pk}),
        template="engagements/area.html",
        context=context,
    )


@login_required
@require_POST
@object_view(selectors.engagement_for, rule="engagement.advise", name="engagement")
def area_confirm(request, engagement):
    try:
        services.confirm_areas(engagement=engagement, by=request.user)
    except ValidationError as error:
        show_error(request, error)
        return redirect("engagements:area", pk=engagement.pk)
    messages.success(request, _("Potwierdzono obszar. JST przechodzi do diagnozy potrzeb."))
    return redirect(_detail_url(engagement, "etapy"))


# Needs diagnosis.

work_view = object_view(selectors.engagement_for, rule="engagement.work", name="engagement")


def _editable_view(check, back: str):
    """``work_view``, and back to the ``back`` page with the reason when the document may no longer change."""

    def decorator(view):
        @work_view
        @wraps(view)
        def wrapper(request, engagement, **kwargs):
            try:
                check(engagement=engagement)
            except ValidationError as error:
                show_error(request, error)
                return redirect(back, pk=engagement.pk)
            return view(request, engagement, **kwargs)

        return wrapper

    return decorator


diagnosis_view = _editable_view(diagnosis.check_diagnosis_editable, "engagements:diagnosis")
priorities_view = _editable_view(diagnosis.check_priorities_editable, "engagements:priorities")


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


def _diagnosis_url(engagement, anchor: str = "") -> str:
    return reverse("engagements:diagnosis", kwargs={"pk": engagement.pk}) + (f"#{anchor}" if anchor else "")


def _last_change(engagement, action_prefix: str):
    return lambda _current: last_change(engagement, action_prefix)


@diagnosis_view
def diagnosis_findings(request, engagement):
    assessment = diagnosis.ensure_assessment(engagement=engagement)
    asks = engagement.edition.diagnosis_asks_post_pandemic_needs

    return form_page(
        request,
        FindingsForm(request.POST or None, instance=copy.copy(assessment), asks_post_pandemic=asks),
        save=lambda form: diagnosis.save_findings(
            assessment=assessment, expected_version=form.started_from(), values=form.values(), by=request.user
        ),
        success=_("Zapisano diagnozę potrzeb."),
        done=_diagnosis_url(engagement),
        template="engagements/findings_form.html",
        context={"engagement": engagement, "assessment": assessment},
    )


@diagnosis_view
def figure_add(request, engagement):
    return form_page(
        request,
        FigureForm(request.POST or None),
        save=lambda form: diagnosis.add_context_figure(
            assessment=diagnosis.ensure_assessment(engagement=engagement), data=form.figure_data(), by=request.user
        ),
        success=lambda figure: _("Dodano dane: %(figure)s.") % {"figure": figure},
        done=reverse("engagements:figure_add", kwargs={"pk": engagement.pk})
        if "another" in request.POST
        else _diagnosis_url(engagement, "dane"),
        template="engagements/figure_form.html",
        context={"engagement": engagement},
    )


@login_required
@require_POST
@work_view
def figure_remove(request, engagement, figure_pk: int):
    figure = selectors.figure_of(engagement, figure_pk)
    return run_action(
        request,
        lambda: diagnosis.remove_context_figure(figure=figure, by=request.user),
        success=_("Usunięto dane: %(figure)s.") % {"figure": figure},
        done=_diagnosis_url(engagement, "dane"),
    )


def _perspective_page(request, engagement, perspective, form, save):
    return form_page(
        request,
        form,
        save=save,
        editor=_last_change(engagement, "diagnosis.school_view"),
        success=_("Zapisano spojrzenie na szkołę.") if perspective else _("Dodano spojrzenie na szkołę."),
        done=_diagnosis_url(engagement, "szkoly"),
        template="engagements/perspective_form.html",
        context={"engagement": engagement, "perspective": perspective},
    )


@diagnosis_view
def perspective_add(request, engagement):
    # A school director starts from their own school's name.
    own = next((m for m in engagement.active_team if m.user_id == request.user.pk and m.school_name), None)
    form = SchoolPerspectiveForm(request.POST or None, initial={"school_name": own.school_name if own else ""})
    return _perspective_page(
        request,
        engagement,
        None,
        form,
        lambda form: diagnosis.save_school_perspective(
            assessment=diagnosis.ensure_assessment(engagement=engagement), values=form.values(), by=request.user
        ),
    )


@diagnosis_view
def perspective_edit(request, engagement, perspective_pk: int):
    perspective = selectors.school_perspective_of(engagement, perspective_pk)
    return _perspective_page(
        request,
        engagement,
        perspective,
        SchoolPerspectiveForm(request.POST or None, instance=copy.copy(perspective)),
        lambda form: diagnosis.save_school_perspective(
            assessment=perspective.assessment,
            perspective=perspective,
            expected_version=form.started_from(),
            values=form.values(),
            by=request.user,
        ),
    )


@login_required
@require_POST
@work_view
def perspective_remove(request, engagement, perspective_pk: int):
    perspective = selectors.school_perspective_of(engagement, perspective_pk)
    return run_action(
        request,
        lambda: diagnosis.remove_school_perspective(perspective=perspective, by=request.user),
        success=_("Usunięto spojrzenie na szkołę: %(school)s.") % {"school": perspective.school_name},
        done=_diagnosis_url(engagement, "szkoly"),
    )


# Priorities.


@object_view(selectors.engagement_for, name="engagement")
def priorities(request, engagement):
    """The ranked candidates; the team picks 1–3 development priorities with their goals."""
    ranked = selectors.ranked_priorities(engagement)
    editable = engagement.stage in diagnosis.PRIORITIES_EDITABLE_STAGES
    may_select = editable and can(request.user, "engagement.contribute_as_team", engagement)
    context = {
        "engagement": engagement,
        "priorities": ranked,
        "may_edit": editable and can(request.user, "engagement.work", engagement),
        "editable": editable,
    }
    if not (may_select and ranked):
        if request.method == "POST":
            raise Http404
        return render(request, "engagements/priorities.html", context | {"form": None})

    def build(data, _current):
        return PrioritySelectionForm(data, priorities=selectors.ranked_priorities(engagement))

    return form_page(
        request,
        PrioritySelectionForm(request.POST or None, priorities=ranked),
        save=lambda form: diagnosis.select_priorities(engagement=engagement, choices=form.choices(), by=request.user),
        rebuild=build,
        editor=_last_change(engagement, "priority."),
        success=lambda chosen: (
            _("Zapisano wybór priorytetów rozwojowych: %(titles)s.") % {"titles": "; ".join(p.title for p in chosen)}
        ),
        done=reverse("engagements:priorities", kwargs={"pk": engagement.pk}),
        template="engagements/priorities.html",
        context=lambda form: context | {"priorities": form.priorities},
    )


def _priority_page(request, engagement, priority, form, save):
    return form_page(
        request,
        form,
        save=save,
        editor=_last_change(engagement, "priority."),
        success=_("Zapisano priorytet.")
        if priority
        else lambda added: _("Dodano kandydata na priorytet: %(title)s.") % {"title": added.title},
        done=reverse("engagements:priorities", kwargs={"pk": engagement.pk}),
        template="engagements/priority_form.html",
        context={"engagement": engagement, "priority": priority},
    )


@priorities_view
def priority_add(request, engagement):
    return _priority_page(
        request,
        engagement,
        None,
        PriorityForm(request.POST or None),
        lambda form: diagnosis.add_priority(engagement=engagement, by=request.user, **form.values()),
    )


@priorities_view
def priority_edit(request, engagement, priority_pk: int):
    priority = selectors.priority_of(engagement, priority_pk)
    return _priority_page(
        request,
        engagement,
        priority,
        PriorityForm(request.POST or None, instance=copy.copy(priority)),
        lambda form: diagnosis.update_priority(
            priority=priority, expected_version=form.started_from(), values=form.values(), by=request.user
        ),
    )


@login_required
@require_POST
@work_view
def priority_remove(request, engagement, priority_pk: int):
    priority = selectors.priority_of(engagement, priority_pk)
    return run_action(
        request,
        lambda: diagnosis.remove_priority(priority=priority, by=request.user),
        success=_("Usunięto priorytet: %(title)s.") % {"title": priority.title},
        done=reverse("engagements:priorities", kwargs={"pk": engagement.pk}),
    )


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
def edition_export(request, slug: str):
    """The edition's karty JST through the one list exporter."""
    edition = edition_for(request.user, slug)
    back = reverse("engagements:edition_matrix", kwargs={"slug": slug})
    return export_page(request, exports.ENGAGEMENTS, target=edition, back=back)


@login_required
def edition_team_export(request, slug: str):
    """The edition's team members through the one list exporter."""
    edition = edition_for(request.user, slug)
    back = reverse("engagements:edition_matrix", kwargs={"slug": slug})
    return export_page(request, exports.TEAM_MEMBERS, target=edition, back=back)


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
    stage = request.GET.get("etap", "") if request.GET.get("etap", "") in Stage.values else ""
    sort = request.GET.get("sort", "") if request.GET.get("sort", "") in dashboards.MATRIX_SORTS else ""
    query_text = request.GET.get("q", "").strip()[:100]
    stuck = bool(request.GET.get("utknely"))
    matrix = dashboards.stage_matrix(
        edition,
        workshop_group=group,
        advisor_id=advisor_id,
        query=query_text,
        stage=stage,
        stuck_only=stuck,
        sort=sort or "jst",
        page=request.GET.get("strona", 1),
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
            "stage": stage,
            "sort": sort,
            "sorts": MATRIX_SORT_LABELS,
            "q": query_text,
            "stuck": stuck,
            "stuck_days": settings.STUCK_AFTER_DAYS,
            "filtered": bool(group or advisor_id or stage or query_text or stuck),
            "query": query.urlencode(),
            "may_change": can(request.user, "edition.change", edition),
        },
    )


ADVISOR_SORT_LABELS = [
    ("", gettext_lazy("JST (A–Z)")),
    ("-etap", gettext_lazy("najdalej w cyklu")),
    ("etap", gettext_lazy("najwcześniej w cyklu")),
    ("edycja", gettext_lazy("najnowsza edycja")),
]


MATRIX_SORT_LABELS = [
    ("", gettext_lazy("JST (A–Z)")),
    ("-jst", gettext_lazy("JST (Z–A)")),
    ("-etap", gettext_lazy("najdalej w cyklu")),
    ("etap", gettext_lazy("najwcześniej w cyklu")),
    ("najdluzej", gettext_lazy("najdłużej na jednym etapie")),
]


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
                show_error(request, error)
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


# Balanced advisor pairs: each advisor's load, a proposal to review, its confirmation (issue 10, item 7).


def _pairing_edition(request, slug: str):
    edition = edition_for(request.user, slug)
    require(request.user, "edition.change", edition)
    return edition


@login_required
def edition_pairing(request, slug: str):
    """The advisors' load and, with a maximum given, the proposal of pairs for the JSTs' empty roles (nothing is
    saved here: the page's button posts the reviewed proposal to ``edition_pairing_confirm``)."""
    edition = _pairing_edition(request, slug)
    loads = pairing.advisor_loads(edition)
    form = PairProposalForm(request.GET if "maks" in request.GET else None)
    proposal = (
        pairing.propose_pairs(edition, maximum=form.cleaned_data["maks"], loads=loads) if form.is_valid() else None
    )
    profile_url = per_object_url("engagements:advisor_profile", kwarg="user_pk", slug=edition.slug)
    for advisor in loads.advisors:
        advisor.profile_url = profile_url(advisor.pk)
    return render(
        request,
        "engagements/edition_pairing.html",
        {
            "edition": edition,
            "loads": loads,
            "form": form,
            "proposal": proposal,
            "roles": AdvisorAssignment.Role.choices,
        },
    )


@login_required
@require_POST
def edition_pairing_confirm(request, slug: str):
    edition = _pairing_edition(request, slug)
    form = ConfirmPairsForm(request.POST)
    back = reverse("engagements:edition_pairing", kwargs={"slug": slug})
    if not form.is_valid():
        messages.error(request, " ".join(form.non_field_errors()) or _("Propozycja jest niekompletna."))
        return redirect(back)
    maximum = form.cleaned_data["maks"]
    try:
        outcome = services.assign_proposed_pairs(
            edition=edition, pairs=form.cleaned_data["pairs"], maximum=maximum, by=request.user
        )
    except ValidationError as error:
        show_error(request, error)
        return redirect(f"{back}?maks={maximum}")
    text = _("Zapisano zaproponowane pary doradców (JST: %(n)s).") % {"n": outcome.assigned}
    if outcome.skipped:
        text += " " + _("Pominięto JST, którym ktoś w międzyczasie przydzielił doradców lub które wycofano: %(n)s.") % {
            "n": outcome.skipped
        }
    messages.success(request, text)
    return redirect(reverse("engagements:edition_advisors", kwargs={"slug": slug}))


@login_required
def advisor_profile(request, slug: str, user_pk: int):
    """An advisor's role in pairs and voivodeship, as the organiser running the edition records them."""
    from django.shortcuts import get_object_or_404

    from .models import AdvisorProfile

    edition = _pairing_edition(request, slug)
    advisor = get_object_or_404(selectors.advisor_options(edition), pk=user_pk)
    profile = AdvisorProfile.objects.filter(organisation_id=edition.organiser_id, user=advisor).first()
    initial = {"role": profile.role, "voivodeship": profile.voivodeship_id} if profile else {}
    back = reverse("engagements:edition_pairing", kwargs={"slug": slug})
    return form_page(
        request,
        AdvisorProfileForm(request.POST or None, initial=initial),
        save=lambda form: services.set_advisor_profile(
            organisation=edition.organiser,
            user=advisor,
            role=form.cleaned_data["role"],
            voivodeship=form.cleaned_data["voivodeship"],
            by=request.user,
        ),
        success=_("Zapisano rolę i województwo doradcy."),
        done=back,
        template="engagements/advisor_profile.html",
        context={"edition": edition, "advisor": advisor, "back": back},
    )
