"""Reads of EU monitoring, scoped to who may see them, in a constant number of queries.

A participant is a member of the team of a JST taking part in an EU-funded edition (a current member, or a former
one whose data were collected). Their support starts on the first day they were present at one of the edition's
events (``apps.events`` check-ins) and ends on the last such day once their part is over (the engagement completed
or withdrawn, or they left the team); until then the end date is empty.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Max, Min, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.editions.models import Edition, PlannedEvent
from apps.editions.selectors import editions_visible_to
from apps.engagements.models import Engagement, Stage, TeamMember
from apps.events.models import CheckIn

from . import crypto
from .access import monitoring_of
from .identifiers import age_on, birth_date
from .models import FLAGS, Institution, MonitoringSettings, ParticipantData

ADVISORY = "advisory"


def monitoring_editions(user):
    """The editions whose monitoring data ``user`` handles (EU-funded or not: the settings page turns it on)."""
    return (
        editions_visible_to(user)
        .filter(organiser_id__in=monitoring_of(user))
        .select_related("organiser", "monitoring_settings")
        .order_by("-period_start", "name")
    )


def edition_for_monitoring(user, slug: str) -> Edition:
    return get_object_or_404(monitoring_editions(user), slug=slug)


def eu_edition_for_monitoring(user, slug: str) -> Edition:
    """An edition whose participants' pages exist: handled by ``user`` and EU-funded (404 otherwise)."""
    edition = edition_for_monitoring(user, slug)
    if not is_eu_funded(edition):
        raise Http404
    return edition


def is_eu_funded(edition) -> bool:
    try:
        return edition.monitoring_settings.eu_funded
    except MonitoringSettings.DoesNotExist:
        return False


def _members(edition):
    return (
        TeamMember.objects.filter(engagement__edition=edition)
        .filter(Q(left_at__isnull=True) | Q(monitoring_data__isnull=False))
        .exclude(engagement__withdrawn_at__isnull=False, monitoring_data__isnull=True)
        .select_related("engagement__local_government__voivodeship", "monitoring_data", "user")
        .order_by("engagement__local_government__display_name", "full_name", "pk")
    )


def participant_for_monitoring(edition, pk: int) -> TeamMember:
    return get_object_or_404(_members(edition), pk=pk)


def own_places(user):
    """The user's team places in EU-funded editions, for their own entry page."""
    if not user.is_authenticated:
        return TeamMember.objects.none()
    return (
        TeamMember.objects.filter(
            user=user, left_at__isnull=True, engagement__edition__monitoring_settings__eu_funded=True
        )
        .select_related("engagement__edition__monitoring_settings", "engagement__local_government", "monitoring_data")
        .order_by("engagement__edition__name")
    )


def own_place(user, pk: int) -> TeamMember:
    return get_object_or_404(own_places(user), pk=pk)


@dataclass
class Participant:
    member: TeamMember
    data: ParticipantData | None
    institution: Institution | None
    start: date | None
    end: date | None
    forms: list[str]
    pesel: str = ""  # filled only for the export (``with_pesel``), never for a page
    gaps: list[str] = field(default_factory=list)

    @property
    def engagement(self) -> Engagement:
        return self.member.engagement

    @property
    def masked_pesel(self) -> str:
        if self.data is None or not self.data.pesel_encrypted:
            return ""
        return crypto.mask(crypto.decrypt(self.data.pesel_encrypted))

    @property
    def age(self) -> int | None:
        data = self.data
        if data is None:
            return None
        if data.pesel_encrypted:
            return age_on(birth_date(crypto.decrypt(data.pesel_encrypted)), self.start)
        return data.age_at_start

    @property
    def form_labels(self) -> list[str]:
        """The forms of support received, in the reader's language: advisory, then the kinds of events attended."""
        kinds = dict(PlannedEvent.Kind.choices)
        return [_("Doradztwo") if code == ADVISORY else str(kinds.get(code, code)) for code in self.forms]

    @property
    def complete(self) -> bool:
        return not self.gaps


def _ended(member: TeamMember) -> bool:
    engagement = member.engagement
    return member.left_at is not None or engagement.withdrawn_at is not None or engagement.stage == Stage.COMPLETED


# What a participant's data can lack, translated once per list (not 3,300 times over).
GAPS = {
    "no_data": gettext_lazy("brak danych do monitorowania"),
    "clause": gettext_lazy("klauzula informacyjna"),
    "pesel": gettext_lazy("PESEL"),
    "other_identifier": gettext_lazy("inny identyfikator"),
    "sex": gettext_lazy("płeć"),
    "age": gettext_lazy("wiek"),
    "education": gettext_lazy("wykształcenie"),
    "labour_status": gettext_lazy("status na rynku pracy"),
    "nip": gettext_lazy("NIP instytucji"),
    "regon": gettext_lazy("REGON instytucji"),
    "start": gettext_lazy("data rozpoczęcia wsparcia (brak obecności na wydarzeniu)"),
}


def _gap_labels() -> dict[str, str]:
    flags = {name: str(ParticipantData._meta.get_field(name).verbose_name) for name in FLAGS}
    return {key: str(label) for key, label in GAPS.items()} | flags


def _gaps(row: Participant, labels: dict[str, str]) -> list[str]:
    data, gaps = row.data, []
    if data is None:
        return [labels["no_data"]]
    if data.clause_accepted_at is None:
        gaps.append(labels["clause"])
    if not data.no_pesel and not data.pesel_encrypted:
        gaps.append(labels["pesel"])
    if data.no_pesel and not data.other_identifier:
        gaps.append(labels["other_identifier"])
    if not data.sex:
        gaps.append(labels["sex"])
    if data.no_pesel and data.age_at_start is None:
        gaps.append(labels["age"])
    if not data.education:
        gaps.append(labels["education"])
    if not data.labour_status:
        gaps.append(labels["labour_status"])
    gaps.extend(labels[name] for name in FLAGS if not getattr(data, name))
    if row.institution is None or not row.institution.nip:
        gaps.append(labels["nip"])
    if row.institution is None or not row.institution.regon:
        gaps.append(labels["regon"])
    if row.start is None:
        gaps.append(labels["start"])
    return gaps


def _listed_members(edition):
    """``_members`` with only the columns the lists, the report and the exports read: 3,300 participants are
    3,300 × four model instances, and building the unused ones was half of the page's time."""
    data = [f"monitoring_data__{f.name}" for f in ParticipantData._meta.concrete_fields]
    return (
        _members(edition)
        .select_related(None)
        .select_related("engagement__local_government", "monitoring_data")
        .only(
            "pk",
            "full_name",
            "left_at",
            "user_id",
            "engagement_id",
            "engagement__stage",
            "engagement__withdrawn_at",
            "engagement__local_government_id",
            "engagement__local_government__display_name",
            *data,
        )
    )


def participants(edition, *, with_pesel: bool = False) -> list[Participant]:
    """Every participant of ``edition`` with their data, institution, support dates and gaps (four queries)."""
    members = list(_listed_members(edition))
    institutions = {i.local_government_id: i for i in Institution.objects.filter(edition=edition)}
    attended = (
        CheckIn.objects.filter(registration__team_member__in=[m.pk for m in members])
        .values("registration__team_member", "registration__event__planned_event__kind")
        .annotate(first=Min("day"), last=Max("day"))
        .order_by()
    )
    spans: dict[int, list] = {}
    forms: dict[int, set[str]] = {}
    for row in attended:
        pk = row["registration__team_member"]
        first, last = spans.get(pk, (row["first"], row["last"]))
        spans[pk] = (min(first, row["first"]), max(last, row["last"]))
        forms.setdefault(pk, set()).add(row["registration__event__planned_event__kind"])
    rows, labels = [], _gap_labels()
    for member in members:
        data = getattr(member, "monitoring_data", None) if has_data(member) else None
        first, last = spans.get(member.pk, (None, None))
        row = Participant(
            member=member,
            data=data,
            institution=institutions.get(member.engagement.local_government_id),
            start=first,
            end=last if _ended(member) else None,
            forms=[ADVISORY, *sorted(forms.get(member.pk, ()))],
        )
        if with_pesel and data is not None:
            row.pesel = crypto.decrypt(data.pesel_encrypted)
        row.gaps = _gaps(row, labels)
        rows.append(row)
    return rows


def has_data(member: TeamMember) -> bool:
    try:
        member.monitoring_data  # noqa: B018
    except ParticipantData.DoesNotExist:
        return False
    return True


def participants_with_gaps(edition) -> list[Participant]:
    return [row for row in participants(edition) if row.gaps]


@dataclass
class InstitutionRow:
    engagement: Engagement
    institution: Institution | None
    participants: int
    start: date | None
    end: date | None


def institutions(edition, rows: list[Participant] | None = None) -> list[InstitutionRow]:
    """One row per JST of the edition, with its identifiers and the span of its participants' support."""
    rows = participants(edition) if rows is None else rows
    by_engagement: dict[int, InstitutionRow] = {}
    engagements = (
        Engagement.objects.filter(edition=edition, withdrawn_at__isnull=True)
        .select_related("local_government__voivodeship", "local_government__powiat")
        .order_by("local_government__display_name")
    )
    found = {i.local_government_id: i for i in Institution.objects.filter(edition=edition)}
    for engagement in engagements:
        by_engagement[engagement.pk] = InstitutionRow(
            engagement, found.get(engagement.local_government_id), 0, None, None
        )
    for row in rows:
        target = by_engagement.get(row.member.engagement_id)
        if target is None:
            continue
        target.participants += 1
        if row.start and (target.start is None or row.start < target.start):
            target.start = row.start
        if row.end and (target.end is None or row.end > target.end):
            target.end = row.end
    return list(by_engagement.values())


def institution_for(edition, engagement_pk: int) -> Engagement:
    return get_object_or_404(Engagement.objects.select_related("local_government"), edition=edition, pk=engagement_pk)
