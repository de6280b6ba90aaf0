"""Balanced advisor pairs (issue 10, item 7): each advisor's load in an edition and a proposal that fills the
roles still empty in the edition's JSTs, one advisor of each of the two roles per JST.

An advisor's **role** in a pair is their profile's (``AdvisorProfile.role``), else the roles they already hold
in the organiser's engagements, else either. Their **voivodeships** are their profile's voivodeship, else the
voivodeships of the JSTs they already advise in the organiser's editions. The **load** balanced is the number of
the edition's JSTs an advisor holds (current and proposed); the organiser's maximum caps it. Other apps add
columns to the load (visits planned, hours: ``hooks.register_advisor_load``).

The proposal is computed, never stored: the organiser reviews it and only ``services.assign_proposed_pairs``
writes, after checking it again under lock. Reads run in a fixed number of queries whatever the number of JSTs
and advisors (tests at 1,000 JSTs × 100 advisors)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch

from apps.territory.models import Voivodeship

from .hooks import AdvisorLoadColumn, advisor_load_columns
from .models import AdvisorAssignment, AdvisorProfile, Engagement, Stage
from .selectors import advisor_options

ROLES = tuple(AdvisorAssignment.Role.values)
# How many JSTs more a local advisor may hold than the least loaded one from elsewhere and still be preferred:
# the voivodeship counts, but never for more than this much imbalance.
LOCAL_PREFERENCE = 2


@dataclass
class AdvisorLoad:
    user: object
    profile_role: str = ""
    home_id: int | None = None  # the profile's voivodeship
    advised_voivodeship_ids: set[int] = field(default_factory=set)
    held_roles: set[str] = field(default_factory=set)
    in_edition: dict[str, int] = field(default_factory=dict)  # role -> JSTs of this edition
    elsewhere: int = 0  # JSTs of the organiser's other editions still in progress
    proposed: int = 0
    columns: list[str] = field(default_factory=list)
    voivodeship_names: list[str] = field(default_factory=list)

    @property
    def pk(self) -> int:
        return self.user.pk

    @property
    def label(self) -> str:
        return self.user.full_name or self.user.email

    @property
    def voivodeship_ids(self) -> set[int]:
        return {self.home_id} if self.home_id else self.advised_voivodeship_ids

    @property
    def eligible_roles(self) -> tuple[str, ...]:
        if self.profile_role:
            return (self.profile_role,)
        return tuple(r for r in ROLES if r in self.held_roles) or ROLES

    @property
    def edition_total(self) -> int:
        return sum(self.in_edition.values())

    @property
    def load(self) -> int:
        return self.edition_total + self.proposed

    def role_label(self) -> str:
        labels = dict(AdvisorAssignment.Role.choices)
        roles = self.eligible_roles
        return str(labels[roles[0]]) if len(roles) == 1 else ""


@dataclass
class AdvisorLoads:
    advisors: list[AdvisorLoad]
    columns: list[AdvisorLoadColumn]
    voivodeships: dict[int, str]


def advisor_loads(edition) -> AdvisorLoads:
    """Every advisor of the edition's organiser with what they carry (five queries, plus one per load column)."""
    users = list(advisor_options(edition))
    loads = {u.pk: AdvisorLoad(user=u) for u in users}
    for profile in AdvisorProfile.objects.filter(organisation_id=edition.organiser_id, user_id__in=list(loads)):
        loads[profile.user_id].profile_role = profile.role
        loads[profile.user_id].home_id = profile.voivodeship_id
    rows = (
        AdvisorAssignment.objects.filter(
            user_id__in=list(loads),
            engagement__edition__organiser_id=edition.organiser_id,
            engagement__withdrawn_at__isnull=True,
        )
        .exclude(engagement__stage=Stage.COMPLETED)
        .values_list("user_id", "role", "engagement__edition_id", "engagement__local_government__voivodeship_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for user_id, role, edition_id, voivodeship_id, n in rows:
        load = loads[user_id]
        load.held_roles.add(role)
        if voivodeship_id:
            load.advised_voivodeship_ids.add(voivodeship_id)
        if edition_id == edition.pk:
            load.in_edition[role] = load.in_edition.get(role, 0) + n
        else:
            load.elsewhere += n
    names = dict(Voivodeship.objects.values_list("pk", "name"))
    columns = advisor_load_columns(edition, list(loads))
    for load in loads.values():
        load.voivodeship_names = sorted(names.get(pk, "") for pk in load.voivodeship_ids)
        load.columns = [str(column.values.get(load.pk, "")) for column in columns]
    ordered = sorted(loads.values(), key=lambda a: (a.label.casefold(), a.pk))
    return AdvisorLoads(advisors=ordered, columns=columns, voivodeships=names)


@dataclass
class ProposedRow:
    engagement: Engagement
    current: dict[str, object]  # role -> user already assigned
    proposed: dict[str, AdvisorLoad | None]  # role -> advisor proposed (None: nobody fits)
    local: dict[str, bool]

    @property
    def cells(self) -> list["ProposedCell"]:
        """The two roles in order, for the review table."""
        return [
            ProposedCell(
                role=role,
                current=self.current.get(role),
                open=role in self.proposed,
                proposed=self.proposed.get(role),
                local=self.local.get(role, False),
            )
            for role in ROLES
        ]


@dataclass(frozen=True)
class ProposedCell:
    role: str
    current: object  # the user already in the role, or None
    open: bool  # the role was empty: the proposal fills it (or says nobody fits)
    proposed: AdvisorLoad | None
    local: bool


@dataclass
class Proposal:
    maximum: int
    rows: list[ProposedRow]
    loads: AdvisorLoads

    @property
    def filled(self) -> int:
        return sum(1 for row in self.rows for advisor in row.proposed.values() if advisor is not None)

    @property
    def unfilled(self) -> int:
        return sum(1 for row in self.rows for advisor in row.proposed.values() if advisor is None)

    def pairs(self) -> dict[int, dict[str, int]]:
        """What confirming it writes: {engagement id: {role: advisor id}}."""
        return {
            row.engagement.pk: {role: a.pk for role, a in row.proposed.items() if a is not None}
            for row in self.rows
            if any(a is not None for a in row.proposed.values())
        }


def engagements_missing_advisors(edition):
    """The edition's JSTs with a role of the pair still empty (two queries)."""
    return (
        edition.engagements.filter(withdrawn_at__isnull=True)
        .annotate(advisors=Count("advisor_assignments"))
        .filter(advisors__lt=len(ROLES))
        .select_related("local_government", "local_government__voivodeship")
        .prefetch_related(Prefetch("advisor_assignments", queryset=AdvisorAssignment.objects.select_related("user")))
        .order_by("local_government__voivodeship__name", "local_government__display_name", "pk")
    )


def _choose(candidates: list[AdvisorLoad], voivodeship_id, taken: set[int], maximum: int, role: str):
    best, best_key = None, None
    for advisor in candidates:
        if advisor.pk in taken or advisor.load >= maximum or role not in advisor.eligible_roles:
            continue
        local = voivodeship_id in advisor.voivodeship_ids
        key = (advisor.load - (LOCAL_PREFERENCE if local else 0), not local, advisor.load, advisor.pk)
        if best_key is None or key < best_key:
            best, best_key = advisor, key
    return best


def propose_pairs(edition, *, maximum: int, loads: AdvisorLoads | None = None) -> Proposal:
    """A proposal for every empty role of the edition's JSTs: the advisor with the least load among those who
    can take the role, are under ``maximum`` and are not the JST's other advisor, a local one preferred by up to
    ``LOCAL_PREFERENCE`` JSTs. Roles nobody fits stay empty (None) and are shown as such."""
    loads = loads or advisor_loads(edition)
    by_role = defaultdict(list)
    for advisor in loads.advisors:
        for role in advisor.eligible_roles:
            by_role[role].append(advisor)
    rows = []
    for engagement in engagements_missing_advisors(edition):
        current = {a.role: a.user for a in engagement.advisor_assignments.all()}
        taken = {user.pk for user in current.values()}
        proposed, local = {}, {}
        voivodeship_id = engagement.local_government.voivodeship_id
        for role in ROLES:
            if role in current:
                continue
            advisor = _choose(by_role[role], voivodeship_id, taken, maximum, role)
            proposed[role] = advisor
            local[role] = bool(advisor and voivodeship_id in advisor.voivodeship_ids)
            if advisor is not None:
                advisor.proposed += 1
                taken.add(advisor.pk)
        rows.append(ProposedRow(engagement=engagement, current=current, proposed=proposed, local=local))
    return Proposal(maximum=maximum, rows=rows, loads=loads)
