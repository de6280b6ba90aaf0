"""Every write on an engagement: creation at hand-over, the team, the advisor pair, stages and the timeline."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import Invitation, Membership, User
from apps.accounts.services import invite, revoke_invitation
from apps.audit.services import record
from apps.core.mail import send_templated_email
from apps.territory.kinds import workshop_group_for

from .access import forget_engagement_access
from .hooks import register_stage_guard, stage_guards
from .models import (
    STAGE_ORDER,
    AdvisorAssignment,
    AdvisorProfile,
    ChosenArea,
    Engagement,
    NeedsAssessment,
    Stage,
    TeamMember,
)
from .timeline import add_timeline, record_on_timeline


def lock_engagement(*, engagement: Engagement) -> Engagement:
    """Serialise concurrent changes to one engagement's team, advisors, areas and priorities.

    ``select_for_update`` holds the row until the transaction ends on PostgreSQL (a no-op on SQLite, whose writes
    are serialised anyway), so two people adding the fifth team member at once cannot both pass the size check.
    """
    return Engagement.objects.select_for_update().select_related("edition").get(pk=engagement.pk)


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
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="engagement.created",
        kind="created",
        changes={"team": emails, "leader": leader_email.lower()},
    )
    return engagement


def invite_team_member(*, member: TeamMember, by: User | None) -> None:
    """Send the one-time link that joins the team place to an account, also when an account with the address
    exists: only the person who reads that mailbox may see the JST's card (linked on acceptance)."""
    context = {
        "engagement": member.engagement,
        "member": member,
        "has_account": User.objects.filter(email__iexact=member.email).exists(),
    }
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


def check_school_directors(*, edition, kinds: list[str], adding: bool) -> None:
    """The edition's rule on school directors in the team (not allowed / allowed up to a number / required)."""
    directors = sum(1 for kind in kinds if kind == TeamMember.Kind.SCHOOL_DIRECTOR)
    rule = edition.school_directors
    if adding and directors and rule == edition.SchoolDirectors.NOT_ALLOWED:
        raise ValidationError({"kind": _("W tej edycji dyrektorzy szkół nie wchodzą w skład zespołu JST.")})
    if adding and rule != edition.SchoolDirectors.NOT_ALLOWED and directors > edition.school_directors_max:
        raise ValidationError(
            {
                "kind": _("W zespole może być najwyżej %(max)s dyrektorów szkół (teraz byłoby: %(n)s).")
                % {"max": edition.school_directors_max, "n": directors}
            }
        )
    if not adding and rule == edition.SchoolDirectors.REQUIRED and directors < edition.school_directors_min:
        raise ValidationError(
            _("W tej edycji w zespole musi być co najmniej %(min)s dyrektorów szkół. Najpierw dodaj innego dyrektora.")
            % {"min": edition.school_directors_min}
        )


def _new_member(*, engagement: Engagement, data: TeamMemberData, is_leader: bool = False) -> TeamMember:
    return TeamMember.objects.create(
        engagement=engagement,
        full_name=data.full_name.strip(),
        email=data.email.strip().lower(),
        phone=data.phone.strip(),
        position=data.position.strip(),
        kind=data.kind,
        school_name=data.school_name.strip(),
        is_management=data.is_management,
        is_leader=is_leader,
    )


@transaction.atomic
def add_team_member(*, engagement: Engagement, data: TeamMemberData, by: User) -> TeamMember:
    engagement = lock_engagement(engagement=engagement)
    active = engagement.team_members.filter(left_at__isnull=True)
    if active.filter(email__iexact=data.email.strip()).exists():
        raise ValidationError({"email": _("Ta osoba jest już w zespole.")})
    if active.count() + 1 > engagement.edition.team_size_max:
        raise ValidationError(
            _("Zespół ma już największą dozwoloną liczbę osób (%(max)s). Najpierw usuń kogoś z zespołu.")
            % {"max": engagement.edition.team_size_max}
        )
    check_school_directors(
        edition=engagement.edition, kinds=[*active.values_list("kind", flat=True), data.kind], adding=True
    )
    member = _new_member(engagement=engagement, data=data)
    invite_team_member(member=member, by=by)
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="team.member_added",
        kind="team",
        changes={"member": member.email},
        params={"name": member.full_name},
    )
    return member


@transaction.atomic
def remove_team_member(*, member: TeamMember, by: User) -> None:
    """The person leaves the team; their row stays so their past contributions remain attributed."""
    engagement = lock_engagement(engagement=member.engagement)
    member = TeamMember.objects.get(pk=member.pk)
    if not member.is_active:
        raise ValidationError(_("Ta osoba nie jest już w zespole."))
    if member.is_leader:
        raise ValidationError(_("Nie można usunąć lidera. Najpierw wskaż nowego lidera zespołu."))
    remaining = engagement.team_members.filter(left_at__isnull=True).exclude(pk=member.pk).count()
    if remaining < engagement.edition.team_size_min:
        raise ValidationError(
            _("Zespół nie może liczyć mniej niż %(min)s osób. Dodaj najpierw osobę, która zastąpi usuwaną.")
            % {"min": engagement.edition.team_size_min}
        )
    if member.kind == TeamMember.Kind.SCHOOL_DIRECTOR:
        kinds = (
            engagement.team_members.filter(left_at__isnull=True).exclude(pk=member.pk).values_list("kind", flat=True)
        )
        check_school_directors(edition=engagement.edition, kinds=list(kinds), adding=False)
    member.left_at = timezone.now()
    member.save(update_fields=["left_at"])
    forget_engagement_access(member.user)
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="team.member_left",
        kind="team",
        changes={"member": member.email},
        params={"name": member.full_name},
    )


@transaction.atomic
def replace_team_member(*, member: TeamMember, data: TeamMemberData, by: User) -> TeamMember:
    """Someone takes the place of a person who leaves: the team size does not change, a leader stays leader."""
    engagement = lock_engagement(engagement=member.engagement)
    member = TeamMember.objects.get(pk=member.pk)
    if not member.is_active:
        raise ValidationError(_("Ta osoba nie jest już w zespole."))
    others = engagement.team_members.filter(left_at__isnull=True).exclude(pk=member.pk)
    if others.filter(email__iexact=data.email.strip()).exists() or member.email == data.email.strip().lower():
        raise ValidationError({"email": _("Ta osoba jest już w zespole.")})
    kinds = [*others.values_list("kind", flat=True), data.kind]
    check_school_directors(edition=engagement.edition, kinds=kinds, adding=True)
    check_school_directors(edition=engagement.edition, kinds=kinds, adding=False)
    was_leader = member.is_leader
    member.left_at = timezone.now()
    member.is_leader = False
    member.save(update_fields=["left_at", "is_leader"])
    forget_engagement_access(member.user)
    new = _new_member(engagement=engagement, data=data, is_leader=was_leader)
    invite_team_member(member=new, by=by)
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="team.member_replaced",
        kind="team",
        changes={"left": member.email, "joined": new.email, "leader": was_leader},
        params={"new": new.full_name, "old": member.full_name},
    )
    return new


@transaction.atomic
def resend_invitation(*, member: TeamMember, by: User) -> str:
    """Send the team place's e-mail again: a fresh one-time link (old ones revoked) or, with an account, a notice.

    Returns ``"invited"`` or ``"reminded"`` so the page can say which."""
    if not member.is_active:
        raise ValidationError(_("Ta osoba nie jest już w zespole."))
    if member.user_id is not None:
        context = {"engagement": member.engagement, "member": member}
        send_templated_email(to=member.email, template="engagements/email/added_to_team", context=context)
        outcome = "reminded"
    else:
        for pending in Invitation.objects.filter(
            email__iexact=member.email, organisation__isnull=True, accepted_at__isnull=True, revoked_at__isnull=True
        ):
            revoke_invitation(invitation=pending, by=by)
        invite_team_member(member=member, by=by)
        outcome = "invited"
    record(actor=by, action="team.invitation_resent", target=member.engagement, changes={"member": member.email})
    return outcome


@transaction.atomic
def set_leader(*, member: TeamMember, by: User) -> None:
    engagement = lock_engagement(engagement=member.engagement)
    member = TeamMember.objects.get(pk=member.pk)
    if member.is_leader:
        raise ValidationError(_("Ta osoba już jest liderem zespołu."))
    if not member.is_active:
        raise ValidationError(_("Liderem może zostać tylko aktywny członek zespołu."))
    engagement.team_members.filter(is_leader=True).exclude(pk=member.pk).update(is_leader=False)
    member.is_leader = True
    member.save(update_fields=["is_leader"])
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="team.leader_changed",
        kind="team",
        changes={"leader": member.email},
        params={"name": member.full_name},
    )


def _check_advisors(*, engagement: Engagement, users: list[User]) -> None:
    allowed = set(
        Membership.objects.filter(
            user__in=users, organisation_id=engagement.edition.organiser_id, role=Membership.Role.ADVISOR
        ).values_list("user_id", flat=True)
    )
    if any(user.pk not in allowed for user in users):
        raise ValidationError({"user": _("Ta osoba nie jest doradcą organizatora tej edycji.")})


@transaction.atomic
def set_advisor_pair(*, engagement: Engagement, advisors: dict[str, User | None], by: User) -> bool:
    """Put advisors into the JST's two roles (``None`` leaves a role empty); roles not named stay as they are.

    Returns whether anything changed. A swap of the two advisors between roles is allowed."""
    engagement = lock_engagement(engagement=engagement)
    current = {a.role: a for a in engagement.advisor_assignments.select_related("user")}
    desired = {role: (current[role].user if role in current else None) for role in AdvisorAssignment.Role.values}
    desired.update(advisors)
    chosen = [user for user in desired.values() if user is not None]
    if len({user.pk for user in chosen}) < len(chosen):
        raise ValidationError({"user": _("Ta osoba jest już drugim doradcą tej JST. Para to dwie różne osoby.")})
    changed = [
        role
        for role in AdvisorAssignment.Role.values
        if (current[role].user_id if role in current else None) != (desired[role].pk if desired[role] else None)
    ]
    if not changed:
        return False
    _check_advisors(engagement=engagement, users=[desired[role] for role in changed if desired[role] is not None])
    for role in changed:
        if role in current:
            forget_engagement_access(current[role].user)
            current[role].delete()
    for role in changed:
        user = desired[role]
        if user is None:
            add_timeline(
                engagement=engagement, actor=by, kind="advisors", code="advisors.unassigned", params={"role": role}
            )
            continue
        assignment = AdvisorAssignment.objects.create(engagement=engagement, user=user, role=role)
        forget_engagement_access(user)
        add_timeline(
            engagement=engagement,
            actor=by,
            kind="advisors",
            code="advisors.assigned",
            params={"role": role, "name": user.full_name},
        )
        send_templated_email(
            to=user.email,
            template="engagements/email/advisor_assigned",
            context={"engagement": engagement, "assignment": assignment},
        )
    record(
        actor=by,
        action="engagement.advisor_assigned",
        target=engagement,
        changes={
            role: [
                current[role].user.email if role in current else None,
                desired[role].email if desired[role] else None,
            ]
            for role in changed
        },
    )
    return True


def assign_advisor(*, engagement: Engagement, user: User, role: str, by: User) -> AdvisorAssignment:
    """Put an advisor of the edition's organiser into one of the JST's two advisor roles."""
    set_advisor_pair(engagement=engagement, advisors={role: user}, by=by)
    return engagement.advisor_assignments.get(role=role)


@transaction.atomic
def assign_advisors_in_bulk(*, edition, pairs: dict[int, dict[str, User | None]], by: User) -> int:
    """The organiser's table of the edition's JSTs × the two roles: one transaction, only changed rows written.

    An error names the JST it is about, and nothing is saved."""
    engagements = {e.pk: e for e in edition.engagements.filter(pk__in=pairs).select_related("local_government")}
    changed = 0
    for engagement_id, advisors in pairs.items():
        engagement = engagements.get(engagement_id)
        if engagement is None:
            raise ValidationError(_("Ta JST nie uczestniczy w tej edycji."))
        try:
            changed += set_advisor_pair(engagement=engagement, advisors=advisors, by=by)
        except ValidationError as error:
            raise ValidationError(
                {engagement_id: [f"{engagement.local_government.display_name}: {m}" for m in error.messages]}
            ) from error
    return changed


@dataclass(frozen=True)
class PairingOutcome:
    assigned: int  # JSTs that got at least one advisor
    skipped: int  # JSTs whose proposed role someone filled (or that left the edition) in the meantime


@transaction.atomic
def assign_proposed_pairs(*, edition, pairs: dict[int, dict[str, int]], maximum: int, by: User) -> PairingOutcome:
    """Save the pairs the organiser reviewed on the pairing page (``pairing.propose_pairs``): {engagement id:
    {role: advisor id}}. Checked again with the JSTs locked: a role filled meanwhile is left as it is (and counted
    as skipped), an advisor who is no longer the organiser's or would pass ``maximum`` JSTs of the edition refuses
    the whole confirmation, and nothing is saved."""
    from django.db.models import Count

    from .selectors import advisor_options

    if maximum < 1:
        raise ValidationError({"maks": _("Największa liczba JST na doradcę musi być dodatnia.")})
    ids = [int(pk) for pk in pairs]
    engagements = {
        e.pk: e
        for e in Engagement.objects.select_for_update()
        .filter(edition=edition, pk__in=ids, withdrawn_at__isnull=True)
        .select_related("local_government", "edition")
    }
    held = {(a.engagement_id, a.role) for a in AdvisorAssignment.objects.filter(engagement_id__in=list(engagements))}
    advisors = {
        u.pk: u for u in advisor_options(edition).filter(pk__in={pk for p in pairs.values() for pk in p.values()})
    }
    counts = dict(
        AdvisorAssignment.objects.filter(engagement__edition=edition, engagement__withdrawn_at__isnull=True)
        .values_list("user_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    chosen: dict[int, dict[str, User]] = {}
    skipped = 0
    for engagement_id, roles in pairs.items():
        engagement = engagements.get(int(engagement_id))
        if engagement is None:
            skipped += 1
            continue
        wanted = {role: pk for role, pk in roles.items() if (engagement.pk, role) not in held}
        if len(wanted) < len(roles):
            skipped += 1
        for role, pk in wanted.items():
            if role not in AdvisorAssignment.Role.values or pk not in advisors:
                raise ValidationError(
                    _(
                        "Propozycja jest nieaktualna: jeden z doradców nie jest już doradcą organizatora. Przygotuj ją ponownie."
                    )
                )
            counts[pk] = counts.get(pk, 0) + 1
            if counts[pk] > maximum:
                advisor = advisors[pk]
                raise ValidationError(
                    _(
                        "%(name)s miał(a)by więcej JST niż %(maximum)d: ktoś przydzielił mu (jej) JST w międzyczasie. "
                        "Przygotuj propozycję ponownie."
                    )
                    % {"name": advisor.full_name or advisor.email, "maximum": maximum}
                )
            chosen.setdefault(engagement.pk, {})[role] = advisors[pk]
    assign_advisors_in_bulk(edition=edition, pairs=chosen, by=by)
    return PairingOutcome(assigned=len(chosen), skipped=skipped)


@transaction.atomic
def set_advisor_profile(*, organisation, user: User, role: str, voivodeship, by: User) -> AdvisorProfile:
    """The organiser's note of an advisor's role in pairs and voivodeship (both optional), used to propose pairs."""
    if role and role not in AdvisorAssignment.Role.values:
        raise ValidationError({"role": _("Wybierz jedną z ról doradcy.")})
    profile, _created = AdvisorProfile.objects.select_for_update().get_or_create(organisation=organisation, user=user)
    before = {"role": profile.role, "voivodeship": str(profile.voivodeship or "")}
    profile.role, profile.voivodeship = role or "", voivodeship
    profile.save()
    after = {"role": profile.role, "voivodeship": str(profile.voivodeship or "")}
    record(
        actor=by,
        action="engagement.advisor_profile_changed",
        target=profile,
        changes={k: [before[k], after[k]] for k in before if before[k] != after[k]},
    )
    return profile


AREA_EDITABLE_STAGES = (Stage.AREA, Stage.DIAGNOSIS)


@dataclass(frozen=True)
class AreaChoice:
    area: object  # catalog.Area
    justification: str


@transaction.atomic
def choose_areas(*, engagement: Engagement, choices: list[AreaChoice], by: User) -> bool:
    """The team's choice of area(s) with reasons. A changed or new choice waits for an advisor's confirmation.

    Returns whether anything changed."""
    engagement = lock_engagement(engagement=engagement)
    edition = engagement.edition
    if engagement.stage not in AREA_EDITABLE_STAGES:
        raise ValidationError(_("Obszar można zmienić tylko do czasu zakończenia diagnozy potrzeb."))
    if not choices:
        raise ValidationError({"area": _("Wybierz obszar.")})
    limit = 2 if edition.allows_two_areas else 1
    if len(choices) > limit:
        raise ValidationError(
            _("W tej edycji JST pracuje nad jednym obszarem.")
            if limit == 1
            else _("W tej edycji JST pracuje nad najwyżej dwoma obszarami.")
        )
    if len({choice.area.pk for choice in choices}) < len(choices):
        raise ValidationError({"second_area": _("Drugi obszar musi być inny niż pierwszy.")})
    if any(choice.area.version_id != edition.catalogue_version_id for choice in choices):
        raise ValidationError({"area": _("Ten obszar nie należy do katalogu modelu tej edycji.")})
    for position, choice in enumerate(choices):
        if not choice.justification.strip():
            field = "justification" if position == 0 else "second_justification"
            raise ValidationError({field: _("Napisz, dlaczego zespół wybrał ten obszar.")})
    existing = {chosen.area_id: chosen for chosen in engagement.chosen_areas.select_related("area")}
    before = {str(chosen.area): chosen.justification for chosen in existing.values()}
    changed = False
    for choice in choices:
        justification = choice.justification.strip()
        chosen = existing.pop(choice.area.pk, None)
        if chosen is None:
            ChosenArea.objects.create(
                engagement=engagement, area=choice.area, justification=justification, chosen_by=by
            )
            changed = True
        elif chosen.justification != justification:
            # A changed reason is a changed choice: the advisors confirm it again.
            chosen.justification = justification
            chosen.chosen_by = by
            chosen.confirmed_at = None
            chosen.confirmed_by = None
            chosen.save(update_fields=["justification", "chosen_by", "confirmed_at", "confirmed_by"])
            changed = True
    for dropped in existing.values():
        dropped.delete()
        changed = True
    if not changed:
        return False
    names = [str(choice.area) for choice in choices]
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="engagement.area_chosen",
        kind="area",
        changes={"areas": [before, {str(c.area): c.justification.strip() for c in choices}]},
        params={"areas": names},
    )
    advisors = [a.user.email for a in engagement.advisor_assignments.select_related("user")]
    if advisors:
        send_templated_email(
            to=advisors,
            template="engagements/email/area_to_confirm",
            context={"engagement": engagement, "areas": names},
        )
    return True


@transaction.atomic
def confirm_areas(*, engagement: Engagement, by: User) -> Engagement:
    """One of the two advisors confirms the team's choice; the engagement moves on to the needs diagnosis."""
    engagement = lock_engagement(engagement=engagement)
    chosen = list(engagement.chosen_areas.select_related("area"))
    if not chosen:
        raise ValidationError(_("JST nie wybrała jeszcze obszaru."))
    pending = [c for c in chosen if c.confirmed_at is None]
    if not pending:
        raise ValidationError(_("Wybór obszaru jest już potwierdzony."))
    now = timezone.now()
    for c in pending:
        c.confirmed_at = now
        c.confirmed_by = by
        c.save(update_fields=["confirmed_at", "confirmed_by"])
    names = [str(c.area) for c in pending]
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="engagement.area_confirmed",
        kind="area",
        changes={"areas": names},
        params={"areas": names},
    )
    leaders = [m.email for m in engagement.team_members.filter(left_at__isnull=True, is_leader=True)]
    if leaders:
        send_templated_email(
            to=leaders,
            template="engagements/email/area_confirmed",
            context={"engagement": engagement, "areas": names},
        )
    if engagement.stage == Stage.AREA:
        advance_stage(engagement=engagement, to=Stage.DIAGNOSIS, by=by)
    return engagement


# Guards for moving forward (registered in ``hooks.STAGE_GUARDS``, as other apps' guards are): each returns the
# reasons the engagement may not yet enter the stage.
@register_stage_guard(Stage.DIAGNOSIS)
def _area_confirmed(engagement: Engagement) -> list[str]:
    areas = list(engagement.chosen_areas.all())
    if not areas:
        return [_("JST nie wybrała jeszcze obszaru.")]
    if any(area.confirmed_at is None for area in areas):
        return [_("Doradcy nie potwierdzili jeszcze wybranego obszaru.")]
    return []


MAX_PRIORITIES = 3


@register_stage_guard(Stage.PLAN)
def _diagnosis_and_priorities(engagement: Engagement) -> list[str]:
    reasons = []
    assessment = NeedsAssessment.objects.filter(engagement=engagement).first()
    if assessment is None or not assessment.problems.strip() or not assessment.needs.strip():
        reasons.append(_("Diagnoza potrzeb nie ma jeszcze wniosków: opisz problemy i potrzeby."))
    selected = [p for p in engagement.priorities.all() if p.is_selected]
    if not 1 <= len(selected) <= MAX_PRIORITIES:
        reasons.append(
            _("Wybierz od 1 do %(max)s priorytetów rozwojowych (wybrano: %(n)s).")
            % {"max": MAX_PRIORITIES, "n": len(selected)}
        )
    for priority in selected:
        if not priority.goal.strip():
            reasons.append(_("Wybrany priorytet „%(title)s” nie ma celu.") % {"title": priority.title})
    return reasons


def blockers_for(*, engagement: Engagement, stage: str) -> list[str]:
    """Why the engagement cannot enter ``stage`` now (empty when it can)."""
    reasons: list[str] = []
    for earlier in STAGE_ORDER[1 : STAGE_ORDER.index(stage) + 1]:
        for guard in stage_guards(earlier):
            reasons += guard(engagement)
    return reasons


def next_stage(*, engagement: Engagement) -> str | None:
    index = engagement.stage_index
    return STAGE_ORDER[index + 1] if index + 1 < len(STAGE_ORDER) else None


@transaction.atomic
def advance_stage(*, engagement: Engagement, to: str, by: User | None) -> Engagement:
    """The one way an engagement changes stage; guards say what is missing.

    Guards run on a freshly locked row (not on the caller's object, whose prefetched areas or priorities may be
    older than this transaction); the caller's object gets the new stage too."""
    fresh = lock_engagement(engagement=engagement)
    if STAGE_ORDER.index(to) <= fresh.stage_index:
        raise ValidationError(_("Karta JST jest już na tym lub dalszym etapie."))
    reasons = blockers_for(engagement=fresh, stage=to)
    if reasons:
        raise ValidationError(reasons)
    previous = fresh.stage
    fresh.stage = to
    fresh.save(update_fields=["stage", "updated_at"])
    engagement.stage = to
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="engagement.stage_changed",
        kind="stage",
        changes={"stage": [previous, to]},
        params={"stage": to},
    )
    return engagement


@transaction.atomic
def withdraw_engagement(*, engagement: Engagement, reason: str, by: User | None) -> Engagement:
    """The JST leaves the edition (e.g. its qualification is withdrawn). Its record and work stay for history."""
    if engagement.withdrawn_at is not None:
        return engagement
    engagement.withdrawn_at = timezone.now()
    engagement.save(update_fields=["withdrawn_at", "updated_at"])
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="engagement.withdrawn",
        kind="withdrawn",
        changes={"reason": reason},
        params={"reason": reason},
    )
    return engagement


def advance_stage_after(*, engagement: Engagement, stage: str, to: str, by: User | None) -> None:
    """The document that closes ``stage`` was approved: move on to ``to`` if the engagement is still there. The
    approval stands either way; when a guard of an earlier stage still refuses, the timeline says why."""
    if engagement.stage != stage:
        return
    try:
        advance_stage(engagement=engagement, to=to, by=by)
    except ValidationError as error:
        add_timeline(
            engagement=engagement,
            actor=None,
            kind="stage",
            code="engagement.stage_unchanged",
            params={"reasons": error.messages},
        )
