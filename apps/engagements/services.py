"""Every write on an engagement: creation at hand-over, the team, the advisor pair, stages and the timeline."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import Membership, User
from apps.accounts.services import invite
from apps.audit.services import record
from apps.core.mail import send_templated_email
from apps.territory.kinds import workshop_group_for

from .access import forget_engagement_access
from .models import STAGE_ORDER, AdvisorAssignment, Engagement, Stage, TeamMember, TimelineEntry


def add_timeline(*, engagement: Engagement, actor: User | None, kind: str, text: str) -> TimelineEntry:
    label = actor.full_name if actor is not None and actor.is_authenticated else _("system")
    return TimelineEntry.objects.create(
        engagement=engagement,
        actor=actor if actor and actor.is_authenticated else None,
        actor_label=label,
        kind=kind,
        text=text[:500],
    )


@dataclass(frozen=True)
class TeamMemberData:
    full_name: str
    email: str
    phone: str = ""
    position: str = ""
    kind: str = TeamMember.Kind.OFFICIAL
    school_name: str = ""
    is_management: bool = False


def check_team_size(*, edition, size: int) -> None:
    if size < edition.team_size_min or size > edition.team_size_max:
        raise ValidationError(
            _("Zespół JST w tej edycji liczy od %(min)s do %(max)s osób (teraz: %(size)s).")
            % {"min": edition.team_size_min, "max": edition.team_size_max, "size": size}
        )


@transaction.atomic
def create_engagement(
    *, edition, local_government, team: list[TeamMemberData], leader_email: str, by: User | None
) -> Engagement:
    """Open the JST's advisory card when it qualifies: team (leader marked) invited to activate accounts."""
    if Engagement.objects.filter(edition=edition, local_government=local_government).exists():
        raise ValidationError(_("Ta JST ma już kartę w tej edycji."))
    check_team_size(edition=edition, size=len(team))
    emails = [member.email.strip().lower() for member in team]
    if len(set(emails)) != len(emails):
        raise ValidationError(_("Ten sam adres e-mail występuje w zespole więcej niż raz."))
    if leader_email.strip().lower() not in emails:
        raise ValidationError(_("Lider zespołu musi być członkiem zespołu."))
    engagement = Engagement.objects.create(
        edition=edition,
        local_government=local_government,
        workshop_group=workshop_group_for(local_government.kind, edition.workshop_group_overrides),
    )
    for data in team:
        member = TeamMember.objects.create(
            engagement=engagement,
            full_name=data.full_name.strip(),
            email=data.email.strip().lower(),
            phone=data.phone,
            position=data.position,
            kind=data.kind,
            school_name=data.school_name,
            is_management=data.is_management,
            is_leader=data.email.strip().lower() == leader_email.strip().lower(),
        )
        invite_team_member(member=member, by=by)
    record(
        actor=by,
        action="engagement.created",
        target=engagement,
        changes={"team": emails, "leader": leader_email.lower()},
    )
    add_timeline(
        engagement=engagement,
        actor=by,
        kind="created",
        text=_("JST zakwalifikowana do edycji; zespół zaproszony do platformy."),
    )
    return engagement


def invite_team_member(*, member: TeamMember, by: User | None) -> None:
    """Link an existing account at once, or send a one-time link to create one (linked on acceptance)."""
    context = {"engagement": member.engagement, "member": member}
    user = User.objects.filter(email__iexact=member.email).first()
    if user is not None:
        member.user = user
        member.save(update_fields=["user"])
        forget_engagement_access(user)
        send_templated_email(to=member.email, template="engagements/email/added_to_team", context=context)
        return
    invite(
        email=member.email,
        full_name=member.full_name,
        organisation=None,
        role="",
        by=by,
        email_template="engagements/email/team_invitation",
        email_context=context,
    )


def link_accounts_to_team(*, user: User) -> int:
    """Called when an account is activated: attach it to the team places waiting for its e-mail."""
    linked = TeamMember.objects.filter(email__iexact=user.email, user__isnull=True).update(user=user)
    forget_engagement_access(user)
    return linked


@transaction.atomic
def add_team_member(*, engagement: Engagement, data: TeamMemberData, by: User) -> TeamMember:
    active = engagement.team_members.filter(left_at__isnull=True)
    if active.filter(email__iexact=data.email).exists():
        raise ValidationError({"email": _("Ta osoba jest już w zespole.")})
    if active.count() + 1 > engagement.edition.team_size_max:
        raise ValidationError(
            _("Zespół ma już największą dozwoloną liczbę osób (%(max)s). Najpierw usuń kogoś z zespołu.")
            % {"max": engagement.edition.team_size_max}
        )
    member = TeamMember.objects.create(
        engagement=engagement,
        full_name=data.full_name.strip(),
        email=data.email.strip().lower(),
        phone=data.phone,
        position=data.position,
        kind=data.kind,
        school_name=data.school_name,
        is_management=data.is_management,
    )
    invite_team_member(member=member, by=by)
    record(actor=by, action="team.member_added", target=engagement, changes={"member": member.email})
    add_timeline(
        engagement=engagement,
        actor=by,
        kind="team",
        text=_("Do zespołu dołączył(a) %(name)s.") % {"name": member.full_name},
    )
    return member


@transaction.atomic
def remove_team_member(*, member: TeamMember, by: User) -> None:
    """The person leaves the team; their row stays so their past contributions remain attributed."""
    engagement = member.engagement
    if member.is_leader:
        raise ValidationError(_("Nie można usunąć lidera. Najpierw wskaż nowego lidera zespołu."))
    remaining = engagement.team_members.filter(left_at__isnull=True).exclude(pk=member.pk).count()
    if remaining < engagement.edition.team_size_min:
        raise ValidationError(
            _("Zespół nie może liczyć mniej niż %(min)s osób. Dodaj najpierw osobę, która zastąpi usuwaną.")
            % {"min": engagement.edition.team_size_min}
        )
    member.left_at = timezone.now()
    member.save(update_fields=["left_at"])
    forget_engagement_access(member.user)
    record(actor=by, action="team.member_left", target=engagement, changes={"member": member.email})
    add_timeline(
        engagement=engagement,
        actor=by,
        kind="team",
        text=_("%(name)s nie jest już w zespole.") % {"name": member.full_name},
    )


@transaction.atomic
def set_leader(*, member: TeamMember, by: User) -> None:
    engagement = member.engagement
    if not member.is_active:
        raise ValidationError(_("Liderem może zostać tylko aktywny członek zespołu."))
    engagement.team_members.filter(is_leader=True).exclude(pk=member.pk).update(is_leader=False)
    member.is_leader = True
    member.save(update_fields=["is_leader"])
    record(actor=by, action="team.leader_changed", target=engagement, changes={"leader": member.email})
    add_timeline(
        engagement=engagement,
        actor=by,
        kind="team",
        text=_("Liderem zespołu jest teraz %(name)s.") % {"name": member.full_name},
    )


@transaction.atomic
def assign_advisor(*, engagement: Engagement, user: User, role: str, by: User) -> AdvisorAssignment:
    """Put an advisor of the edition's organiser into one of the JST's two advisor roles."""
    if not Membership.objects.filter(
        user=user, organisation_id=engagement.edition.organiser_id, role=Membership.Role.ADVISOR
    ).exists():
        raise ValidationError({"user": _("Ta osoba nie jest doradcą organizatora tej edycji.")})
    if engagement.advisor_assignments.filter(user=user).exclude(role=role).exists():
        raise ValidationError({"user": _("Ta osoba jest już drugim doradcą tej JST.")})
    previous = engagement.advisor_assignments.filter(role=role).select_related("user").first()
    if previous is not None:
        forget_engagement_access(previous.user)
        previous.delete()
    assignment = AdvisorAssignment.objects.create(engagement=engagement, user=user, role=role)
    forget_engagement_access(user)
    record(
        actor=by,
        action="engagement.advisor_assigned",
        target=engagement,
        changes={"role": role, "advisor": [previous.user.email if previous else None, user.email]},
    )
    add_timeline(
        engagement=engagement,
        actor=by,
        kind="advisors",
        text=_("%(role)s: %(name)s.") % {"role": assignment.get_role_display(), "name": user.full_name},
    )
    send_templated_email(
        to=user.email,
        template="engagements/email/advisor_assigned",
        context={"engagement": engagement, "assignment": assignment},
    )
    return assignment


# Guards for moving forward: each returns the reasons the engagement may not yet enter the stage.
StageGuard = Callable[[Engagement], list[str]]
_GUARDS: dict[str, list[StageGuard]] = {}


def stage_guard(stage: str) -> Callable[[StageGuard], StageGuard]:
    def register(fn: StageGuard) -> StageGuard:
        _GUARDS.setdefault(stage, []).append(fn)
        return fn

    return register


@stage_guard(Stage.DIAGNOSIS)
def _area_confirmed(engagement: Engagement) -> list[str]:
    areas = list(engagement.chosen_areas.all())
    if not areas:
        return [_("JST nie wybrała jeszcze obszaru.")]
    if any(area.confirmed_at is None for area in areas):
        return [_("Doradcy nie potwierdzili jeszcze wybranego obszaru.")]
    return []


def blockers_for(engagement: Engagement, stage: str) -> list[str]:
    """Why the engagement cannot enter ``stage`` now (empty when it can)."""
    reasons: list[str] = []
    for earlier in STAGE_ORDER[1 : STAGE_ORDER.index(stage) + 1]:
        for guard in _GUARDS.get(earlier, []):
            reasons += guard(engagement)
    return reasons


@transaction.atomic
def advance_stage(*, engagement: Engagement, to: str, by: User | None) -> Engagement:
    """The one way an engagement changes stage; guards say what is missing."""
    if STAGE_ORDER.index(to) <= engagement.stage_index:
        raise ValidationError(_("Karta JST jest już na tym lub dalszym etapie."))
    reasons = blockers_for(engagement, to)
    if reasons:
        raise ValidationError(reasons)
    previous = engagement.stage
    engagement.stage = to
    engagement.save(update_fields=["stage", "updated_at"])
    record(actor=by, action="engagement.stage_changed", target=engagement, changes={"stage": [previous, to]})
    add_timeline(
        engagement=engagement, actor=by, kind="stage", text=_("Nowy etap: %(stage)s.") % {"stage": Stage(to).label}
    )
    return engagement
