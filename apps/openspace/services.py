"""Every write of an open space: phases, topics and merging, votes within the limit, groups and joining them,
conclusions under optimistic locking, the plenary's position, publication and the hand-over to the feedback
register. Keyword-only arguments, one transaction each, an audit entry each."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.audit.services import diff, record, snapshot
from apps.core.locking import save_versioned
from apps.core.mail import send_templated_email
from apps.events.models import Registration

from . import feedback
from .access import role_in
from .models import PHASE_ORDER, Conclusion, Follower, Group, Membership, OpenSpace, Phase, Topic, Vote

TOPIC_FIELDS = ["title", "description", "problem"]
GROUP_FIELDS = ["day", "starts_at", "ends_at", "room", "capacity", "moderator", "scribe"]
CONCLUSION_FIELDS = ["problem", "solutions", "recommendations", "participants_note", "publish_publicly"]


def _group_snapshot(group: Group) -> dict:
    """The group's fields as JSON data (times of day as "HH:MM": the audit log knows dates, not times)."""
    values = snapshot(group, GROUP_FIELDS)
    for name in ("starts_at", "ends_at"):
        value = getattr(group, name)
        values[name] = value.strftime("%H:%M") if value else None
    return values


def _locked_space(space: OpenSpace) -> OpenSpace:
    return (
        OpenSpace.objects.select_for_update(of=("self",))
        .select_related("session", "event__planned_event__edition")
        .get(pk=space.pk)
    )


def _require_phase(space: OpenSpace, *phases: str, message: str) -> None:
    if space.phase not in phases:
        raise ValidationError(message)


# The open space and its phases.


@transaction.atomic
def create_open_space(*, session, by, votes_per_person: int = 3) -> OpenSpace:
    if hasattr(session, "open_space"):
        raise ValidationError({"session": _("W tym bloku programu jest już otwarta przestrzeń.")})
    space = OpenSpace(session=session, event=session.event, votes_per_person=votes_per_person, updated_by=by)
    space.full_clean(exclude=["session", "event"])
    space.save()
    record(actor=by, action="openspace.created", target=space, changes={"session": session.title})
    return space


@transaction.atomic
def update_settings(*, space: OpenSpace, by, expected_version: int, votes_per_person: int) -> OpenSpace:
    stored = _locked_space(space)
    if stored.phase not in (Phase.PROPOSING, Phase.VOTING):
        raise ValidationError({"votes_per_person": _("Liczbę głosów zmienia się tylko przed końcem głosowania.")})
    before = snapshot(stored, ["votes_per_person"])
    stored.votes_per_person = votes_per_person
    stored.updated_by = by
    stored.full_clean(exclude=["session", "event"])
    save_versioned(stored, expected_version=expected_version, fields=["votes_per_person", "updated_by"])
    changes = diff(before, snapshot(stored, ["votes_per_person"]))
    if changes:
        record(actor=by, action="openspace.settings_changed", target=stored, changes=changes)
    return stored


@transaction.atomic
def set_phase(*, space: OpenSpace, by, phase: str) -> OpenSpace:
    if phase not in PHASE_ORDER:
        raise ValidationError(_("Nie ma takiego etapu."))
    stored = _locked_space(space)
    if stored.is_published:
        raise ValidationError(_("Wnioski są już opublikowane: etapu nie można zmienić."))
    if phase in (Phase.GROUPING, Phase.WORKING, Phase.PLENARY) and not stored.groups.exists():
        raise ValidationError(_("Najpierw utwórz grupy z wybranych tematów."))
    if stored.phase == phase:
        return stored
    before = stored.phase
    stored.phase = phase
    stored.updated_by = by
    if phase == Phase.PLENARY:
        stored.plenary_position = 0
    stored.save(update_fields=["phase", "updated_by", "plenary_position", "updated_at"])
    record(actor=by, action="openspace.phase_changed", target=stored, changes={"phase": [before, phase]})
    return stored


# Topics.


@transaction.atomic
def propose_topic(*, space: OpenSpace, by, title: str, description: str = "", problem: str = "") -> Topic:
    stored = OpenSpace.objects.get(pk=space.pk)
    _require_phase(stored, Phase.PROPOSING, message=_("Tematy zgłasza się tylko na etapie zgłaszania tematów."))
    registration = (
        Registration.objects.select_related("engagement__local_government")
        .filter(event_id=stored.event_id, user=by, status=Registration.Status.REGISTERED)
        .first()
    )
    if registration is None:
        raise ValidationError(_("Tematy zgłaszają zarejestrowani uczestnicy wydarzenia."))
    jst = registration.engagement.local_government if registration.engagement_id else None
    topic = Topic(
        open_space=stored,
        title=title.strip(),
        description=description.strip(),
        problem=problem.strip(),
        proposed_by=by,
        proposer_name=registration.full_name,
        proposer_jst=jst,
        updated_by=by,
    )
    topic.full_clean(exclude=["open_space", "proposer_jst", "merged_into"])
    topic.save()
    Follower.objects.create(topic=topic, user=by)
    record(actor=by, action="openspace.topic_proposed", target=topic, changes={"title": topic.title})
    return topic


@transaction.atomic
def edit_topic(*, topic: Topic, by, expected_version: int, **values) -> Topic:
    stored = Topic.objects.select_related("open_space__event__planned_event").get(pk=topic.pk)
    if stored.merged_into_id:
        raise ValidationError(_("Ten temat został scalony z innym."))
    before = snapshot(stored, TOPIC_FIELDS)
    for name in TOPIC_FIELDS:
        if name in values:
            setattr(stored, name, values[name].strip())
    stored.updated_by = by
    stored.full_clean(exclude=["open_space", "proposer_jst", "merged_into"])
    save_versioned(stored, expected_version=expected_version, fields=[*TOPIC_FIELDS, "updated_by"])
    changes = diff(before, snapshot(stored, TOPIC_FIELDS))
    if changes:
        record(actor=by, action="openspace.topic_edited", target=stored, changes=changes)
    return stored


def _locked_topics(*pks: int) -> dict[int, Topic]:
    """The topic rows locked in the order of their ids (so two transactions never wait on each other in a ring)."""
    rows = Topic.objects.select_for_update().filter(pk__in=sorted(pks)).order_by("pk")
    return {topic.pk: topic for topic in rows}


@transaction.atomic
def merge_topics(*, duplicate: Topic, into: Topic, by) -> Topic:
    """Merge a duplicate into another topic: its votes (one per person: a person who voted for both gets the
    duplicate's vote back) and its followers go over; the duplicate stays in the history, marked merged."""
    if duplicate.pk == into.pk:
        raise ValidationError({"into": _("Temat nie może być scalony sam ze sobą.")})
    space = _locked_space(duplicate.open_space)
    _require_phase(space, Phase.PROPOSING, Phase.VOTING, message=_("Tematy scala się przed końcem głosowania."))
    topics = _locked_topics(duplicate.pk, into.pk)
    duplicate, into = topics[duplicate.pk], topics[into.pk]
    if duplicate.open_space_id != into.open_space_id or duplicate.merged_into_id or into.merged_into_id:
        raise ValidationError({"into": _("Można scalić tylko dwa tematy tej samej otwartej przestrzeni.")})
    if hasattr(duplicate, "group"):
        raise ValidationError({"into": _("Ten temat ma już grupę: nie można go scalić.")})
    both = set(Vote.objects.filter(topic=into).values_list("user_id", flat=True))
    returned = Vote.objects.filter(topic=duplicate, user_id__in=both).delete()[0]
    moved = Vote.objects.filter(topic=duplicate).update(topic=into)
    following = set(Follower.objects.filter(topic=into).values_list("user_id", flat=True))
    Follower.objects.filter(topic=duplicate, user_id__in=following).delete()
    Follower.objects.filter(topic=duplicate).update(topic=into)
    duplicate.merged_into = into
    duplicate.updated_by = by
    duplicate.save(update_fields=["merged_into", "updated_by", "updated_at"])
    record(
        actor=by,
        action="openspace.topics_merged",
        target=into,
        changes={"merged": duplicate.title, "votes_moved": moved, "votes_returned": returned},
    )
    return into


# Votes.


def _voter(space: OpenSpace, by) -> Registration:
    """The participant's registration row, locked: one person's votes are counted one at a time (PostgreSQL;
    SQLite serialises writes anyway), so no one goes over the limit however fast they press."""
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .filter(event_id=space.event_id, user=by, status=Registration.Status.REGISTERED)
        .first()
    )
    if registration is None:
        raise ValidationError(_("Głosują zarejestrowani uczestnicy wydarzenia."))
    return registration


def _open_for_voting(space: OpenSpace) -> OpenSpace:
    stored = OpenSpace.objects.get(pk=space.pk)
    _require_phase(stored, Phase.VOTING, message=_("Głosowanie jest zamknięte."))
    return stored


def _live(topics: dict[int, Topic], pk: int, space: OpenSpace) -> Topic:
    topic = topics.get(pk)
    if topic is None or topic.open_space_id != space.pk:
        raise ValidationError(_("Nie ma takiego tematu."))
    if topic.merged_into_id:
        raise ValidationError(_("Ten temat został scalony z innym: zagłosuj na tamten."))
    return topic


@transaction.atomic
def cast_vote(*, space: OpenSpace, topic: Topic, by) -> Vote:
    space = _open_for_voting(space)
    _voter(space, by)
    topic = _live(_locked_topics(topic.pk), topic.pk, space)
    mine = Vote.objects.filter(open_space=space, user=by)
    if mine.filter(topic=topic).exists():
        raise ValidationError(_("Na ten temat już oddano Twój głos: na jeden temat przypada jeden głos."))
    if mine.count() >= space.votes_per_person:
        raise ValidationError(
            _("Wykorzystano wszystkie głosy (%(limit)s). Przenieś lub cofnij któryś, aby zagłosować na ten temat.")
            % {"limit": space.votes_per_person}
        )
    vote = Vote.objects.create(open_space=space, topic=topic, user=by)
    record(actor=by, action="openspace.voted", target=topic, changes={"title": topic.title})
    return vote


@transaction.atomic
def withdraw_vote(*, space: OpenSpace, topic: Topic, by) -> None:
    space = _open_for_voting(space)
    _voter(space, by)
    deleted = Vote.objects.filter(open_space=space, topic_id=topic.pk, user=by).delete()[0]
    if not deleted:
        raise ValidationError(_("Nie głosowano na ten temat."))
    record(actor=by, action="openspace.vote_withdrawn", target=topic, changes={"title": topic.title})


@transaction.atomic
def move_vote(*, space: OpenSpace, from_topic: Topic, to_topic: Topic, by) -> Vote:
    space = _open_for_voting(space)
    _voter(space, by)
    topics = _locked_topics(from_topic.pk, to_topic.pk)
    target = _live(topics, to_topic.pk, space)
    vote = Vote.objects.filter(open_space=space, topic_id=from_topic.pk, user=by).first()
    if vote is None:
        raise ValidationError(_("Nie głosowano na temat, z którego przenosisz głos."))
    if Vote.objects.filter(topic=target, user=by).exists():
        raise ValidationError(_("Na ten temat już oddano Twój głos: na jeden temat przypada jeden głos."))
    vote.topic = target
    vote.save(update_fields=["topic"])
    record(
        actor=by,
        action="openspace.vote_moved",
        target=target,
        changes={"from": topics[from_topic.pk].title, "to": target.title},
    )
    return vote


@transaction.atomic
def toggle_follow(*, topic: Topic, by) -> bool:
    """Follow a topic, or stop following it; returns whether the person follows it now."""
    deleted = Follower.objects.filter(topic=topic, user=by).delete()[0]
    if deleted:
        return False
    Follower.objects.create(topic=topic, user=by)
    return True


# Groups.


@transaction.atomic
def form_groups(*, space: OpenSpace, by, topics: list[Topic], day, starts_at, ends_at, capacity: int) -> list[Group]:
    """Give each chosen topic a group in one time slot (rooms and moderators set on each group after)."""
    stored = _locked_space(space)
    _require_phase(
        stored, Phase.VOTING, Phase.GROUPING, message=_("Grupy tworzy się po głosowaniu, przed pracą w grupach.")
    )
    if not topics:
        raise ValidationError({"topics": _("Wybierz co najmniej jeden temat.")})
    if day not in stored.event.days:
        raise ValidationError({"day": _("Wybierz dzień wydarzenia.")})
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("Koniec musi być po początku.")})
    order = stored.groups.count()
    groups = []
    for topic in topics:
        if topic.open_space_id != stored.pk or topic.merged_into_id or Group.objects.filter(topic=topic).exists():
            continue
        order += 1
        group = Group.objects.create(
            open_space=stored,
            topic=topic,
            day=day,
            starts_at=starts_at,
            ends_at=ends_at,
            capacity=capacity,
            order=order,
            updated_by=by,
        )
        Conclusion.objects.create(group=group)
        groups.append(group)
    if not groups:
        raise ValidationError({"topics": _("Wybrane tematy mają już grupy.")})
    if stored.phase == Phase.VOTING:
        stored.phase = Phase.GROUPING
        stored.save(update_fields=["phase", "updated_at"])
    record(
        actor=by, action="openspace.groups_formed", target=stored, changes={"topics": [g.topic.title for g in groups]}
    )
    return groups


@transaction.atomic
def update_group(*, group: Group, by, expected_version: int, **values) -> Group:
    stored = Group.objects.select_related("open_space__event__planned_event", "topic").get(pk=group.pk)
    before = _group_snapshot(stored)
    for name in GROUP_FIELDS:
        if name in values:
            setattr(stored, name, values[name])
    if stored.day not in stored.open_space.event.days:
        raise ValidationError({"day": _("Wybierz dzień wydarzenia.")})
    if stored.ends_at <= stored.starts_at:
        raise ValidationError({"ends_at": _("Koniec musi być po początku.")})
    for name, user in (("moderator", stored.moderator), ("scribe", stored.scribe)):
        if user is not None and not role_in(user, stored.open_space).any:
            raise ValidationError({name: _("Ta osoba nie bierze udziału w tym wydarzeniu.")})
    stored.updated_by = by
    stored.full_clean(exclude=["open_space", "topic"])
    save_versioned(stored, expected_version=expected_version, fields=[*GROUP_FIELDS, "updated_by"])
    changes = diff(before, _group_snapshot(stored))
    if changes:
        record(actor=by, action="openspace.group_updated", target=stored, changes=changes)
    return stored


@transaction.atomic
def join_group(*, group: Group, by) -> Membership:
    """Join a group, leaving any other group of the same time slot (the "law of two feet"); the group row is
    locked so its room is never over capacity."""
    locked = Group.objects.select_for_update().select_related("open_space").get(pk=group.pk)
    space = locked.open_space
    _require_phase(
        space, Phase.GROUPING, Phase.WORKING, message=_("Grupy wybiera się na etapie wyboru grup i pracy w grupach.")
    )
    if not Registration.objects.filter(
        event_id=space.event_id, user=by, status=Registration.Status.REGISTERED
    ).exists():
        raise ValidationError(_("Do grup zapisują się zarejestrowani uczestnicy wydarzenia."))
    if Membership.objects.filter(group=locked, user=by).exists():
        raise ValidationError(_("Już jesteś w tej grupie."))
    if locked.memberships.count() >= locked.capacity:
        raise ValidationError(_("W tej sali nie ma już miejsc: wybierz inną grupę."))
    left = list(
        Membership.objects.filter(
            group__open_space=space,
            user=by,
            group__day=locked.day,
            group__starts_at__lt=locked.ends_at,
            group__ends_at__gt=locked.starts_at,
        ).select_related("group__topic")
    )
    Membership.objects.filter(pk__in=[m.pk for m in left]).delete()
    membership = Membership.objects.create(group=locked, user=by)
    record(
        actor=by,
        action="openspace.group_joined",
        target=locked,
        changes={"group": locked.topic.title, "left": [m.group.topic.title for m in left]},
    )
    return membership


@transaction.atomic
def leave_group(*, group: Group, by) -> None:
    deleted = Membership.objects.filter(group=group, user=by).delete()[0]
    if not deleted:
        raise ValidationError(_("Nie jesteś w tej grupie."))
    record(actor=by, action="openspace.group_left", target=group, changes={"group": group.topic.title})


# Conclusions.


@transaction.atomic
def save_conclusion(*, conclusion: Conclusion, by, expected_version: int, **values) -> Conclusion:
    stored = Conclusion.objects.select_related("group__open_space__event__planned_event").get(pk=conclusion.pk)
    space = stored.group.open_space
    if space.is_published or space.phase == Phase.CLOSED:
        raise ValidationError(_("Wnioski są już zamknięte."))
    before = snapshot(stored, CONCLUSION_FIELDS)
    for name in CONCLUSION_FIELDS:
        if name in values:
            value = values[name]
            setattr(stored, name, value.strip() if isinstance(value, str) else value)
    stored.updated_by = by
    save_versioned(stored, expected_version=expected_version, fields=[*CONCLUSION_FIELDS, "updated_by"])
    changes = diff(before, snapshot(stored, CONCLUSION_FIELDS))
    if changes:
        record(actor=by, action="openspace.conclusion_saved", target=stored, changes=changes)
    return stored


# The plenary and after.


@transaction.atomic
def move_plenary(*, space: OpenSpace, by, step: int) -> OpenSpace:
    """Show the next (step 1) or previous (step -1) group's conclusions on the plenary view."""
    stored = _locked_space(space)
    _require_phase(stored, Phase.PLENARY, message=_("Prezentacja wniosków działa na etapie sesji plenarnej."))
    last = max(0, stored.groups.count() - 1)
    position = min(last, max(0, stored.plenary_position + (1 if step > 0 else -1)))
    if position != stored.plenary_position:
        OpenSpace.objects.filter(pk=stored.pk).update(plenary_position=position)
        stored.plenary_position = position
    return stored


@transaction.atomic
def publish(*, space: OpenSpace, by) -> OpenSpace:
    """Publish the conclusions to the participants (each gets an e-mail) and close the open space."""
    stored = _locked_space(space)
    if stored.is_published:
        raise ValidationError(_("Wnioski są już opublikowane."))
    if (
        not Conclusion.objects.filter(group__open_space=stored)
        .exclude(solutions="", recommendations="", problem="")
        .exists()
    ):
        raise ValidationError(_("Żadna grupa nie zapisała jeszcze wniosków."))
    stored.published_at = timezone.now()
    stored.phase = Phase.CLOSED
    stored.updated_by = by
    stored.save(update_fields=["published_at", "phase", "updated_by", "updated_at"])
    emails = list(
        Registration.objects.filter(event_id=stored.event_id, status=Registration.Status.REGISTERED)
        .order_by("pk")
        .values_list("email", flat=True)
    )
    url = reverse("openspace:conclusions", kwargs={"pk": stored.pk})
    for email in emails:
        send_templated_email(
            to=email, template="openspace/email/published", context={"space": stored, "event": stored.event, "url": url}
        )
    record(actor=by, action="openspace.published", target=stored, changes={"recipients": len(emails)})
    return stored


@transaction.atomic
def send_to_feedback(*, conclusion: Conclusion, by) -> Conclusion:
    """Send a group's conclusions to the model feedback register as a remark about the model (once)."""
    stored = (
        Conclusion.objects.select_for_update(of=("self",))
        .select_related("group__topic", "group__open_space__event__planned_event__edition")
        .get(pk=conclusion.pk)
    )
    if stored.sent_to_feedback_at:
        raise ValidationError(_("Te wnioski zostały już przekazane do rejestru uwag."))
    if stored.is_empty:
        raise ValidationError(_("Grupa nie zapisała jeszcze wniosków."))
    reference = feedback.submit_conclusion_as_remark(conclusion=stored, by=by)
    stored.sent_to_feedback_at = timezone.now()
    stored.save(update_fields=["sent_to_feedback_at"])
    record(
        actor=by,
        action="openspace.sent_to_feedback",
        target=stored,
        changes={"group": stored.group.topic.title, "reference": str(reference or "")},
    )
    return stored
