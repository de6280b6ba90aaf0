from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.openspace.models import Conclusion, Follower, Group, Membership, Topic, Vote

from . import FORMER_PARTICIPANT, SOURCES, Source, needles_of, rows, scrub

EDITION = "open_space__event__planned_event__edition"


def _topics(user):
    return Topic.objects.filter(proposed_by=user).select_related("open_space")


def _memberships(user):
    return Membership.objects.filter(user=user).select_related("group__topic")


def _conclusions(user):
    # The conclusions of the groups the person took part in, moderated or wrote down.
    return Conclusion.objects.filter(
        Q(group__memberships__user=user) | Q(group__moderator=user) | Q(group__scribe=user) | Q(updated_by=user)
    ).distinct()


def _collect(user):
    return [
        {"title": "Tematy zgłoszone na open space", "rows": rows(_topics(user), ["open_space", "title", "description", "problem", "created_at"])},
        {"title": "Głosy na tematy open space", "rows": rows(Vote.objects.filter(user=user).select_related("topic"), ["topic", "created_at"])},
        {"title": "Obserwowane tematy open space", "rows": rows(Follower.objects.filter(user=user).select_related("topic"), ["topic", "created_at"])},
        {"title": "Udział w grupach open space", "rows": rows(_memberships(user), ["group", "created_at"])},
        {
            "title": "Grupy open space, które moderujesz lub w których zapisujesz wnioski",
            "rows": rows(Group.objects.filter(Q(moderator=user) | Q(scribe=user)), ["topic", "day", "starts_at", "room"]),
        },
        {
            "title": "Wnioski grup, w których brałeś udział",
            "rows": rows(_conclusions(user), ["group", "problem", "solutions", "recommendations"]),
        },
    ]  # fmt: skip


def _erase(user):
    # Topics and conclusions stay (the event's results, sent on to the feedback register): the proposer's name
    # is replaced and the person's name taken out of the texts. Votes and followed topics (preferences) go;
    # group places stay on the emptied account (how many took part).
    needles = needles_of(user)
    spaces = {
        *Topic.objects.filter(Q(proposed_by=user) | Q(followers__user=user)).values_list("open_space_id", flat=True),
        *Vote.objects.filter(user=user).values_list("open_space_id", flat=True),
        *_memberships(user).values_list("group__open_space_id", flat=True),
    }
    scrubbed = scrub(Topic.objects.filter(open_space_id__in=spaces), ["title", "description", "problem"], needles)
    topics = _topics(user).update(proposed_by=None, proposer_name=FORMER_PARTICIPANT)
    conclusions = scrub(_conclusions(user), ["problem", "solutions", "recommendations", "participants_note"], needles)
    votes = Vote.objects.filter(user=user).delete()[0]
    followers = Follower.objects.filter(user=user).delete()[0]
    return {
        "openspace_topics_anonymised": topics + scrubbed,
        "openspace_conclusions_anonymised": conclusions,
        "openspace_votes_deleted": votes,
        "openspace_follows_deleted": followers,
    }


def _editions(user):
    return [
        *_topics(user).values_list(f"{EDITION}_id", flat=True),
        *_memberships(user).values_list(f"group__{EDITION}_id", flat=True),
        *Vote.objects.filter(user=user).values_list(f"{EDITION}_id", flat=True),
    ]


def _organisations(user):
    return [
        *_topics(user).values_list(f"{EDITION}__organiser_id", flat=True),
        *_memberships(user).values_list(f"group__{EDITION}__organiser_id", flat=True),
        *Vote.objects.filter(user=user).values_list(f"{EDITION}__organiser_id", flat=True),
    ]


SOURCES.register(
    "openspace",
    Source(
        key="openspace",
        activity=_("Open space na wydarzeniach"),
        purpose=_("zgłaszanie i wybór tematów, praca w grupach, zapis wniosków"),
        legal_basis=_("art. 6 ust. 1 lit. e RODO"),
        subjects=_("uczestnicy wydarzeń, moderatorzy"),
        categories=_("zgłoszone tematy z autorem, głosy, obserwowane tematy, udział w grupach, wnioski grup"),
        recipients=_("uczestnicy open space, organizator; wnioski za zgodą grupy w bazie wiedzy"),
        retention=_("razem z wydarzeniem; wnioski jako uwagi do modelu bez autora"),
        collect=_collect,
        erase=_erase,
        editions=_editions,
        organisations=_organisations,
    ),
    order=80,
)
