import pytest
from django.core.exceptions import ValidationError

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.accounts.services import InvitationError, accept_invitation
from apps.audit.models import AuditEntry
from apps.catalog.services import ensure_initial_catalog
from apps.editions.factories import EditionFactory
from apps.engagements import services
from apps.engagements.factories import EngagementFactory, TeamMemberFactory
from apps.engagements.models import AdvisorAssignment, ChosenArea, Engagement, Stage, TeamMember
from apps.engagements.selectors import engagements_visible_to
from apps.territory.factories import LocalGovernmentFactory
from apps.territory.kinds import JstKind, WorkshopGroup

pytestmark = pytest.mark.django_db


def team(n, directors=0):
    return [
        services.TeamMemberData(
            full_name=f"Osoba {i}",
            email=f"osoba{i}@gmina.example",
            kind=TeamMember.Kind.SCHOOL_DIRECTOR if i < directors else TeamMember.Kind.OFFICIAL,
        )
        for i in range(n)
    ]


@pytest.fixture
def edition():
    return EditionFactory(team_size_min=3, team_size_max=5, catalogue_version=ensure_initial_catalog())


def test_create_engagement_invites_team_and_marks_leader(edition, mailoutbox):
    jst = LocalGovernmentFactory(kind=JstKind.CITY_WITH_POWIAT_RIGHTS)
    existing = UserFactory(email="osoba1@gmina.example")
    engagement = services.create_engagement(
        edition=edition, local_government=jst, team=team(3, directors=1), leader_email="OSOBA0@gmina.example", by=None
    )
    members = list(engagement.team_members.order_by("email"))
    assert [m.is_leader for m in members] == [True, False, False]
    assert engagement.workshop_group == WorkshopGroup.URBAN_GMINY  # the default for cities with powiat rights
    # Everyone gets a one-time link, the existing account too: it joins only from its own mailbox.
    assert [m.user for m in members] == [None, None, None]
    assert engagement not in engagements_visible_to(existing)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(m.email for m in members)
    assert all("/konto/zaproszenie/" in m.body for m in mailoutbox)
    existing_mail = next(m for m in mailoutbox if m.to == [existing.email])
    assert "Ma Pani/Pan już konto z tym adresem" in existing_mail.body
    assert AuditEntry.objects.filter(action="engagement.created").count() == 1
    assert engagement.timeline.count() == 1


def test_an_existing_account_joins_the_team_only_through_the_link_sent_to_its_address(edition, mailoutbox):
    """Account squatting: an account made with someone's address before the team is formed must not be linked
    when the leader adds that address; the link in the e-mail, opened by the account's holder, joins it."""
    squatter = UserFactory(email="osoba1@gmina.example")
    engagement = services.create_engagement(
        edition=edition,
        local_government=LocalGovernmentFactory(),
        team=team(3),
        leader_email="osoba0@gmina.example",
        by=None,
    )
    assert engagement not in engagements_visible_to(squatter)
    mail = next(m for m in mailoutbox if m.to == [squatter.email])
    token = mail.body.split("/konto/zaproszenie/")[1].split("/")[0]
    stranger = UserFactory(email="ktos@inny.example")
    with pytest.raises(InvitationError):
        accept_invitation(token=token, user=stranger)
    accept_invitation(token=token, user=squatter)
    assert engagement.team_members.get(email=squatter.email).user == squatter
    assert engagement in engagements_visible_to(squatter)


def test_accepting_the_team_invitation_links_the_new_account(edition, mailoutbox):
    engagement = services.create_engagement(
        edition=edition,
        local_government=LocalGovernmentFactory(),
        team=team(3),
        leader_email="osoba0@gmina.example",
        by=None,
    )
    token = mailoutbox[0].body.split("/konto/zaproszenie/")[1].split("/")[0]
    user = accept_invitation(token=token, full_name="Osoba Zero", password="Dobre-haslo-2026")
    member = engagement.team_members.get(email=user.email)
    assert member.user == user
    assert engagement in engagements_visible_to(user)


@pytest.mark.parametrize(
    ("size", "leader", "duplicate", "message"),
    [
        (2, "osoba0@gmina.example", False, "od 3 do 5"),
        (6, "osoba0@gmina.example", False, "od 3 do 5"),
        (3, "ktos@inny.example", False, "Lider"),
        (3, "osoba0@gmina.example", True, "więcej niż raz"),
    ],
)
def test_create_engagement_refuses_bad_teams(edition, size, leader, duplicate, message):
    members = team(size)
    if duplicate:
        members[2] = services.TeamMemberData(full_name="Kopia", email="Osoba0@gmina.example")
    with pytest.raises(ValidationError, match=message):
        services.create_engagement(
            edition=edition, local_government=LocalGovernmentFactory(), team=members, leader_email=leader, by=None
        )
    assert not Engagement.objects.exists()


def test_second_engagement_for_the_same_jst_is_refused(edition):
    jst = LocalGovernmentFactory()
    services.create_engagement(
        edition=edition, local_government=jst, team=team(3), leader_email="osoba0@gmina.example", by=None
    )
    with pytest.raises(ValidationError, match="ma już kartę"):
        services.create_engagement(
            edition=edition, local_government=jst, team=team(3), leader_email="osoba0@gmina.example", by=None
        )


def test_team_limits_when_adding_and_removing(edition):
    engagement = EngagementFactory(edition=edition)
    leader = TeamMemberFactory(engagement=engagement, is_leader=True)
    others = [TeamMemberFactory(engagement=engagement) for _ in range(2)]
    with pytest.raises(ValidationError, match="mniej niż 3"):
        services.remove_team_member(member=others[0], by=leader.user)
    with pytest.raises(ValidationError, match="lidera"):
        services.remove_team_member(member=leader, by=leader.user)
    for i in range(2):
        services.add_team_member(
            engagement=engagement,
            data=services.TeamMemberData(full_name=f"N{i}", email=f"n{i}@x.example"),
            by=leader.user,
        )
    with pytest.raises(ValidationError, match="największą"):
        services.add_team_member(
            engagement=engagement,
            data=services.TeamMemberData(full_name="Za dużo", email="z@x.example"),
            by=leader.user,
        )
    services.remove_team_member(member=others[0], by=leader.user)
    others[0].refresh_from_db()
    # The person who left keeps their row (and so their attribution) but loses access.
    assert others[0].left_at is not None
    assert engagement not in engagements_visible_to(others[0].user)


def test_set_leader_moves_the_mark(edition):
    engagement = EngagementFactory(edition=edition)
    old = TeamMemberFactory(engagement=engagement, is_leader=True)
    new = TeamMemberFactory(engagement=engagement)
    services.set_leader(member=new, by=old.user)
    assert list(engagement.team_members.filter(is_leader=True)) == [new]


def test_assign_advisor_only_from_the_organisers_advisors(edition):
    engagement = EngagementFactory(edition=edition)
    organiser = MembershipFactory(organisation=edition.organiser, role=Membership.Role.STAFF).user
    stranger = MembershipFactory(role=Membership.Role.ADVISOR).user  # another organiser's advisor
    with pytest.raises(ValidationError):
        services.assign_advisor(
            engagement=engagement, user=stranger, role=AdvisorAssignment.Role.MANAGEMENT, by=organiser
        )
    first = MembershipFactory(organisation=edition.organiser, role=Membership.Role.ADVISOR).user
    second = MembershipFactory(organisation=edition.organiser, role=Membership.Role.ADVISOR).user
    services.assign_advisor(engagement=engagement, user=first, role=AdvisorAssignment.Role.MANAGEMENT, by=organiser)
    with pytest.raises(ValidationError, match="drugim doradcą"):
        services.assign_advisor(
            engagement=engagement, user=first, role=AdvisorAssignment.Role.PERSONAL_DEVELOPMENT, by=organiser
        )
    services.assign_advisor(engagement=engagement, user=second, role=AdvisorAssignment.Role.MANAGEMENT, by=organiser)
    assert list(engagement.advisor_assignments.values_list("user", flat=True)) == [second.pk]
    assert engagement not in engagements_visible_to(first)
    assert engagement in engagements_visible_to(second)


def test_stage_moves_only_forward_and_through_guards(edition):
    engagement = EngagementFactory(edition=edition)
    with pytest.raises(ValidationError, match="nie wybrała"):
        services.advance_stage(engagement=engagement, to=Stage.DIAGNOSIS, by=None)
    chosen = ChosenArea.objects.create(engagement=engagement, area=edition.catalogue_version.areas.first())
    with pytest.raises(ValidationError, match="nie potwierdzili"):
        services.advance_stage(engagement=engagement, to=Stage.DIAGNOSIS, by=None)
    from django.utils import timezone

    chosen.confirmed_at = timezone.now()
    chosen.save()
    services.advance_stage(engagement=engagement, to=Stage.DIAGNOSIS, by=None)
    assert engagement.stage == Stage.DIAGNOSIS
    with pytest.raises(ValidationError, match="dalszym"):
        services.advance_stage(engagement=engagement, to=Stage.AREA, by=None)


def test_visibility_by_role():
    from tests.world import build_world

    world = build_world()
    a, b = world.engagement_a, world.engagement_b
    visible = {role: set(engagements_visible_to(user)) for role, user in world.users.items()}
    assert visible["team_member_a"] == {a}
    assert visible["team_member_b"] == {b}
    assert visible["advisor_a"] == {a}
    assert visible["advisor_b"] == {b}
    assert visible["organiser_x"] == {a, b}
    assert visible["coordinator"] == {a, b}
    for role in ["applicant", "trainer", "organiser_other", "platform_admin"]:
        assert visible[role] == set(), role
