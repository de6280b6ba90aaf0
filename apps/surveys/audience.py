"""Who a survey asks: the event's registered participants; an edition's team members, advisors or trainers; for
the model, the same across every published edition. Each with the filter attributes the results group by."""

from dataclasses import dataclass

from apps.accounts.models import Membership
from apps.editions.models import Edition
from apps.engagements.models import AdvisorAssignment, TeamMember
from apps.events.models import Registration

from .models import Survey


@dataclass(frozen=True)
class Person:
    user: object
    jst_kind: str = ""
    workshop_group: str = ""
    edition_id: int | None = None


def _editions(survey: Survey):
    if survey.edition_id:
        return Edition.objects.filter(pk=survey.edition_id)
    return Edition.objects.filter(status=Edition.Status.PUBLISHED)


def people(survey: Survey) -> list[Person]:
    found: dict[int, Person] = {}

    def add(person: Person):
        if person.user is not None and person.user.is_active:
            found.setdefault(person.user.pk, person)

    if survey.audience == Survey.Audience.PARTICIPANTS and survey.event_id:
        registrations = Registration.objects.filter(
            event_id=survey.event_id, status=Registration.Status.REGISTERED
        ).select_related("user", "engagement__local_government")
        for r in registrations:
            engagement = r.engagement
            add(
                Person(
                    r.user,
                    engagement.local_government.kind if engagement else "",
                    r.workshop_group or (engagement.workshop_group if engagement else ""),
                    survey.event.planned_event.edition_id,
                )
            )
    elif survey.audience == Survey.Audience.TEAM_MEMBERS:
        members = TeamMember.objects.filter(
            engagement__edition__in=_editions(survey),
            engagement__withdrawn_at__isnull=True,
            left_at__isnull=True,
            user__isnull=False,
        ).select_related("user", "engagement__local_government")
        for m in members:
            e = m.engagement
            add(Person(m.user, e.local_government.kind, e.workshop_group, e.edition_id))
    elif survey.audience == Survey.Audience.ADVISORS:
        assignments = AdvisorAssignment.objects.filter(
            engagement__edition__in=_editions(survey), engagement__withdrawn_at__isnull=True
        ).select_related("user", "engagement")
        for a in assignments:
            add(Person(a.user, edition_id=a.engagement.edition_id))
    elif survey.audience == Survey.Audience.TRAINERS:
        organisers = _editions(survey).values("organiser_id")
        memberships = Membership.objects.filter(
            role=Membership.Role.TRAINER, organisation_id__in=organisers
        ).select_related("user")
        for m in memberships:
            add(Person(m.user, edition_id=survey.edition_id))
    return list(found.values())
