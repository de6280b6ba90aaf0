"""The open space pages: the topic market with live counts, proposing, voting, the moderator's desk, the groups,
the conclusions, the plenary view for the projector, publication and the exports. Thin: a rule, a selector or a
service, a template."""

import copy

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.decorators import object_view
from apps.core.editing import form_page, run_action, show_error
from apps.core.permissions import can, require
from apps.core.text import ascii_slug
from apps.documents.exports import build_xlsx, export_response
from apps.documents.jobs import request_document

from . import feedback, knowledge_base, selectors, services
from .access import role_in
from .forms import (
    ConclusionForm,
    CreateForm,
    FormGroupsForm,
    GroupForm,
    MergeForm,
    SettingsForm,
    TopicEditForm,
    TopicForm,
)
from .models import Phase

PDF_BUILDER = "apps.openspace.documents.build_conclusions_pdf"


def space_view(rule: str = "openspace.view"):
    return object_view(selectors.space_for, rule=rule, name="space")


def _market_url(space) -> str:
    return reverse("openspace:market", kwargs={"pk": space.pk})


def _topic(space, request, key="topic_pk", live=True):
    pk = request.resolver_match.kwargs.get(key)
    return selectors.live_topic_of(space, pk) if live else selectors.topic_of(space, pk)


def _is_htmx(request) -> bool:
    """A poll: htmx's request (or ``?poll=1``, the same answer asked without htmx, e.g. by ``make bench``)."""
    return request.headers.get("HX-Request") == "true" or request.GET.get("poll") == "1"


def _fragment(template: str, context: dict) -> HttpResponse:
    """A polled fragment, rendered without the page's context processors (menu, identity): it holds no form and
    no menu, so each poll costs only the queries of its own data."""
    response = HttpResponse(render_to_string(template, context))
    response["Vary"] = "HX-Request"
    return response


# The organiser sets one up.


@object_view(selectors.event_for_organiser, rule="openspace.create", name="event")
def create(request, event):
    form = CreateForm(request.POST or None, sessions=selectors.sessions_for_open_space(event))
    return form_page(
        request,
        form,
        save=lambda f: services.create_open_space(
            session=f.cleaned_data["session"], by=request.user, votes_per_person=f.cleaned_data["votes_per_person"]
        ),
        success=_("Przygotowano otwartą przestrzeń."),
        done=lambda space: reverse("openspace:moderate", kwargs={"pk": space.pk}),
        template="openspace/create.html",
        context={"event": event, "spaces": selectors.spaces_of_event(event)},
    )


# The topic market.


def _market_context(request, space) -> dict:
    role = role_in(request.user, space)
    topics = list(selectors.live_topics(space))
    mine = selectors.my_votes(space, request.user)
    return {
        "space": space,
        "event": space.event,
        "role": role,
        "topics": topics,
        "mine": mine,
        "follows": selectors.my_follows(space, request.user),
        "remaining": max(0, space.votes_per_person - len(mine)),
        "voted_topics": [t for t in topics if t.pk in mine],
        "show_counts": space.phase != Phase.PROPOSING,
        "live": selectors.live_counts(space, request.user),
        "role_participant": role.participant,
    }


@space_view()
def market(request, space):
    return render(request, "openspace/market.html", _market_context(request, space))


@space_view()
def counts(request, space):
    """The small answer the market page polls every few seconds (and a page of its own without JavaScript)."""
    live = selectors.live_counts(space, request.user)
    context = {"space": space, "live": live, "role_participant": role_in(request.user, space).participant}
    if _is_htmx(request):
        return _fragment("openspace/_counts.html", context)
    return render(request, "openspace/counts.html", context)


@space_view("openspace.take_part")
def propose(request, space):
    form = TopicForm(request.POST or None)
    return form_page(
        request,
        form,
        save=lambda f: services.propose_topic(space=space, by=request.user, **f.cleaned_data),
        success=_("Dodano temat na targowisko tematów."),
        done=_market_url(space),
        template="openspace/propose.html",
        context={"space": space},
    )


@space_view("openspace.moderate")
def topic_edit(request, space, topic_pk):
    topic = selectors.live_topic_of(space, topic_pk)
    form = TopicEditForm(request.POST or None, instance=copy.copy(topic))
    return form_page(
        request,
        form,
        save=lambda f: services.edit_topic(
            topic=topic, by=request.user, expected_version=f.started_from(), **f.values()
        ),
        success=_("Zapisano brzmienie tematu."),
        done=_market_url(space),
        template="openspace/topic_form.html",
        context={"space": space, "topic": topic},
    )


@space_view("openspace.moderate")
def merge(request, space, topic_pk):
    duplicate = selectors.live_topic_of(space, topic_pk)
    others = space.topics.filter(merged_into__isnull=True).exclude(pk=duplicate.pk)
    form = MergeForm(request.POST or None, topics=others)
    return form_page(
        request,
        form,
        save=lambda f: services.merge_topics(duplicate=duplicate, into=f.cleaned_data["into"], by=request.user),
        success=_("Scalono tematy: głosy i obserwujący przeszli na wybrany temat."),
        done=_market_url(space),
        template="openspace/merge.html",
        context={"space": space, "topic": duplicate},
    )


def _vote_action(request, space, action, success):
    return run_action(request, action, success=success, done=_market_url(space) + "#tematy")


@login_required
@require_POST
@space_view("openspace.take_part")
def vote(request, space, topic_pk):
    topic = selectors.topic_of(space, topic_pk)
    return _vote_action(
        request, space, lambda: services.cast_vote(space=space, topic=topic, by=request.user), _("Oddano głos.")
    )


@login_required
@require_POST
@space_view("openspace.take_part")
def unvote(request, space, topic_pk):
    topic = selectors.topic_of(space, topic_pk)
    return _vote_action(
        request, space, lambda: services.withdraw_vote(space=space, topic=topic, by=request.user), _("Cofnięto głos.")
    )


@login_required
@require_POST
@space_view("openspace.take_part")
def move_vote(request, space, topic_pk):
    source = selectors.topic_of(space, topic_pk)
    try:
        target = selectors.topic_of(space, int(request.POST.get("to", "")))
    except (ValueError, Http404):
        show_error(request, ValidationError(_("Wybierz temat, na który przenosisz głos.")))
        return redirect(_market_url(space) + "#tematy")
    return _vote_action(
        request,
        space,
        lambda: services.move_vote(space=space, from_topic=source, to_topic=target, by=request.user),
        _("Przeniesiono głos."),
    )


@login_required
@require_POST
@space_view("openspace.take_part")
def follow(request, space, topic_pk):
    topic = selectors.live_topic_of(space, topic_pk)
    return run_action(
        request,
        lambda: services.toggle_follow(topic=topic, by=request.user),
        success=lambda on: _("Obserwujesz ten temat.") if on else _("Nie obserwujesz już tego tematu."),
        done=_market_url(space) + "#tematy",
    )


# The moderator's desk.


@space_view("openspace.moderate")
def moderate(request, space):
    form = SettingsForm(request.POST or None, instance=copy.copy(space))
    topics = selectors.live_topics(space)
    groups_form = FormGroupsForm(topics=topics, days=space.event.days, initial={"day": space.session.day.isoformat()})
    return form_page(
        request,
        form,
        save=lambda f: services.update_settings(
            space=space, by=request.user, expected_version=f.started_from(), **f.values()
        ),
        success=_("Zapisano liczbę głosów."),
        done=reverse("openspace:moderate", kwargs={"pk": space.pk}),
        template="openspace/moderate.html",
        context={
            "space": space,
            "event": space.event,
            "role": role_in(request.user, space),
            "phases": Phase.choices,
            "groups_form": groups_form,
            "groups": selectors.groups_of(space),
            "feedback_available": feedback.register_available(),
        },
    )


@login_required
@require_POST
@space_view("openspace.moderate")
def phase(request, space):
    return run_action(
        request,
        lambda: services.set_phase(space=space, by=request.user, phase=request.POST.get("phase", "")),
        success=lambda s: _("Etap: %(phase)s.") % {"phase": s.get_phase_display()},
        done=reverse("openspace:moderate", kwargs={"pk": space.pk}),
    )


@login_required
@require_POST
@space_view("openspace.moderate")
def form_groups(request, space):
    form = FormGroupsForm(request.POST, topics=selectors.live_topics(space), days=space.event.days)
    done = reverse("openspace:moderate", kwargs={"pk": space.pk})
    if not form.is_valid():
        show_error(request, ValidationError([e for errors in form.errors.values() for e in errors]))
        return redirect(done)
    data = form.cleaned_data
    return run_action(
        request,
        lambda: services.form_groups(
            space=space,
            by=request.user,
            topics=form.chosen(),
            day=data["day"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            capacity=data["capacity"],
        ),
        success=lambda groups: _("Utworzono grupy: %(count)s.") % {"count": len(groups)},
        done=reverse("openspace:groups", kwargs={"pk": space.pk}),
    )


@space_view("openspace.moderate")
def group_edit(request, space, group_pk):
    group = selectors.group_of(space, group_pk)
    form = GroupForm(
        request.POST or None,
        instance=copy.copy(group),
        days=space.event.days,
        moderators=selectors.moderator_choices(space),
        participants=selectors.participant_choices(space),
    )
    return form_page(
        request,
        form,
        save=lambda f: services.update_group(
            group=group, by=request.user, expected_version=f.started_from(), **f.values()
        ),
        success=_("Zapisano grupę."),
        done=reverse("openspace:groups", kwargs={"pk": space.pk}),
        template="openspace/group_form.html",
        context={"space": space, "group": group},
    )


# The groups and the conclusions.


@space_view()
def groups(request, space):
    return render(
        request,
        "openspace/groups.html",
        {
            "space": space,
            "role": role_in(request.user, space),
            "groups": selectors.groups_of(space),
            "mine": selectors.my_groups(space, request.user),
            "may_join": space.phase in (Phase.GROUPING, Phase.WORKING),
        },
    )


@login_required
@require_POST
@space_view("openspace.take_part")
def join(request, space, group_pk):
    group = selectors.group_of(space, group_pk)
    return run_action(
        request,
        lambda: services.join_group(group=group, by=request.user),
        success=_("Jesteś w grupie „%(topic)s”.") % {"topic": group.topic.title},
        done=reverse("openspace:groups", kwargs={"pk": space.pk}),
    )


@space_view()
def conclusion_edit(request, space, group_pk):
    group = selectors.group_of(space, group_pk)
    require(request.user, "openspace.write_conclusions", group)
    conclusion = selectors.conclusion_of(group)
    conclusion.group = group
    form = ConclusionForm(request.POST or None, instance=copy.copy(conclusion))
    return form_page(
        request,
        form,
        save=lambda f: services.save_conclusion(
            conclusion=conclusion, by=request.user, expected_version=f.started_from(), **f.values()
        ),
        success=_("Zapisano wnioski grupy."),
        done=reverse("openspace:conclusion_edit", kwargs={"pk": space.pk, "group_pk": group.pk}),
        template="openspace/conclusion_form.html",
        context={"space": space, "group": group, "members": group.memberships.select_related("user")},
    )


@space_view()
def conclusions(request, space):
    groups = selectors.groups_of(space)
    return render(
        request,
        "openspace/conclusions.html",
        {
            "space": space,
            "role": role_in(request.user, space),
            "groups": groups,
            "may_write": {g.pk for g in groups if can(request.user, "openspace.write_conclusions", g)},
            "feedback_available": feedback.register_available(),
        },
    )


@login_required
@require_POST
@space_view("openspace.moderate")
def send_to_feedback(request, space, group_pk):
    group = selectors.group_of(space, group_pk)
    conclusion = selectors.conclusion_of(group)
    return run_action(
        request,
        lambda: services.send_to_feedback(conclusion=conclusion, by=request.user),
        success=_("Przekazano wnioski do rejestru uwag do modelu."),
        done=reverse("openspace:conclusions", kwargs={"pk": space.pk}),
    )


# The plenary view (the projector).


@space_view()
def plenary(request, space):
    slides = selectors.plenary_slides(space) if space.phase in (Phase.PLENARY, Phase.CLOSED) else []
    position = min(space.plenary_position, max(0, len(slides) - 1))
    context = {
        "space": space,
        "role": role_in(request.user, space),
        "ranking": list(selectors.live_topics(space)) if not slides else [],
        "slide": slides[position] if slides else None,
        "position": position + 1,
        "slide_count": len(slides),
    }
    if _is_htmx(request):
        return _fragment("openspace/_plenary_body.html", context)
    return render(request, "openspace/plenary.html", context)


@login_required
@require_POST
@space_view("openspace.moderate")
def plenary_move(request, space):
    step = 1 if request.POST.get("step") == "next" else -1
    done = reverse("openspace:plenary", kwargs={"pk": space.pk})
    try:
        services.move_plenary(space=space, by=request.user, step=step)
    except ValidationError as error:
        show_error(request, error)
    return redirect(done)


# After the event.


@space_view("openspace.moderate")
def publish(request, space):
    if request.method == "POST":
        return run_action(
            request,
            lambda: services.publish(space=space, by=request.user),
            success=_("Opublikowano wnioski: uczestnicy dostali wiadomość."),
            done=reverse("openspace:conclusions", kwargs={"pk": space.pk}),
        )
    return render(
        request,
        "openspace/publish.html",
        {"space": space, "recipients": selectors.participants_of(space).count(), "groups": selectors.groups_of(space)},
    )


@login_required
@require_POST
@space_view()
def export_pdf(request, space):
    document = request_document(
        target=space,
        kind="conclusions",
        title=_("Wnioski z otwartej przestrzeni: %(title)s") % {"title": space.title},
        builder=PDF_BUILDER,
        view_action="openspace.view",
        by=request.user,
    )
    return redirect("documents:status", pk=document.pk)


@space_view()
def export_xlsx(request, space):
    from .documents import conclusion_rows

    headers, rows = conclusion_rows(space)
    data = build_xlsx(_("Wnioski"), headers, rows)
    return export_response(
        data=data, filename=f"wnioski-{ascii_slug(space.title, fallback='open-space')}.xlsx", kind="xlsx"
    )


# The public knowledge base: the conclusions a group agreed to publish (no login).


def public_list(request):
    return render(request, "openspace/public_list.html", {"spaces": list(knowledge_base.public_spaces())})


def public_detail(request, pk: int):
    space = knowledge_base.public_space(pk)
    return render(
        request,
        "openspace/public_detail.html",
        {"space": space, "conclusions": list(knowledge_base.public_conclusions(space))},
    )
