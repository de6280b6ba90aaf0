"""Scale data for the open space pages in ``make bench``: one open space in each scale event (its first plenary
session), voting, with 300 participants of the large edition (all 100 of the small one) who proposed 40 topics
and cast three votes each, and 10 groups with members and conclusions. Written in bulk.

The bench addresses a page by attribute paths of its world (``event.pk``), so each open space is given its
event's id as its own (the scale database holds nothing else)."""

from datetime import time

from apps.editions.models import Edition
from apps.events.models import Event, Registration
from apps.openspace.models import Conclusion, Group, Membership, OpenSpace, Topic, Vote

BATCH = 2000
PARTICIPANTS = {"large": 300, "small": 100}
TOPICS = 40
GROUPS = 10


def _space(event: Event) -> OpenSpace:
    session = event.sessions.filter(workshop_group="").order_by("day", "starts_at").first()
    return OpenSpace.objects.create(pk=event.pk, session=session, event=event, phase="voting", votes_per_person=3)


def build(editions: dict[str, Edition], *, log=lambda text: None) -> None:
    for key, edition in editions.items():
        event = Event.objects.filter(planned_event__edition=edition).order_by("pk").first()
        space = _space(event)
        people = list(
            Registration.objects.filter(event=event, status=Registration.Status.REGISTERED)
            .select_related("engagement")
            .order_by("pk")[: PARTICIPANTS[key]]
        )
        topics = Topic.objects.bulk_create(
            [
                Topic(
                    open_space=space,
                    title=f"Temat (skala) {i + 1}",
                    description="Opis tematu (skala).",
                    problem="Problem za tematem (skala).",
                    proposed_by_id=people[i % len(people)].user_id,
                    proposer_name=people[i % len(people)].full_name,
                    proposer_jst_id=people[i % len(people)].engagement.local_government_id,
                )
                for i in range(TOPICS)
            ]
        )
        Vote.objects.bulk_create(
            [
                Vote(open_space=space, topic=topics[(i * 7 + k * 13) % TOPICS], user_id=person.user_id)
                for i, person in enumerate(people)
                for k in range(3)
            ],
            batch_size=BATCH,
        )
        groups = Group.objects.bulk_create(
            [
                Group(
                    open_space=space,
                    topic=topics[i],
                    day=event.starts_on,
                    starts_at=time(11, 0),
                    ends_at=time(12, 30),
                    room=f"Sala {i + 1}",
                    capacity=40,
                    order=i + 1,
                )
                for i in range(GROUPS)
            ]
        )
        Membership.objects.bulk_create(
            [Membership(group=groups[i % GROUPS], user_id=p.user_id) for i, p in enumerate(people)], batch_size=BATCH
        )
        Conclusion.objects.bulk_create(
            [Conclusion(group=g, problem="Problem (skala).", solutions="Rozwiązania (skala).") for g in groups]
        )
        log(f"otwarta przestrzeń {edition.slug}: {len(people)} uczestników, {TOPICS} tematów, {len(people) * 3} głosów")
