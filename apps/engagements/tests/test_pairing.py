"""Balanced advisor pairs (issue 10, item 7): the load shown per advisor, the proposal (one advisor of each role
per JST, least loaded first, local ones preferred, never past the organiser's maximum), nothing saved before the
organiser confirms, the confirmation checked again, and the page's query count at 1,000 JSTs × 100 advisors."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.core.testing import assert_constant_queries, sign_in
from apps.editions.factories import EditionFactory
from apps.engagements import pairing, services
from apps.engagements.factories import AdvisorAssignmentFactory, EngagementFactory
from apps.engagements.models import AdvisorAssignment, AdvisorProfile, Engagement
from apps.territory.factories import LocalGovernmentFactory, PowiatFactory, VoivodeshipFactory
from apps.territory.models import LocalGovernment

pytestmark = pytest.mark.django_db

PD = AdvisorAssignment.Role.PERSONAL_DEVELOPMENT
MG = AdvisorAssignment.Role.MANAGEMENT


@pytest.fixture
def edition():
    return EditionFactory()


@pytest.fixture
def staff(edition):
    return MembershipFactory(organisation=edition.organiser, role=Membership.Role.STAFF).user


def advisor(edition, name, *, role="", voivodeship=None):
    user = UserFactory(full_name=name)
    MembershipFactory(user=user, organisation=edition.organiser, role=Membership.Role.ADVISOR)
    if role or voivodeship:
        AdvisorProfile.objects.create(organisation=edition.organiser, user=user, role=role, voivodeship=voivodeship)
    return user


def jst_in(edition, voivodeship, **kwargs):
    return EngagementFactory(
        edition=edition, local_government=LocalGovernmentFactory(voivodeship=voivodeship), **kwargs
    )


def test_every_empty_role_gets_an_advisor_of_that_role_and_the_load_is_balanced(edition):
    region = VoivodeshipFactory(code="02")
    personal = [advisor(edition, f"Rozwój {i}", role=PD) for i in range(2)]
    management = [advisor(edition, f"Zarządzanie {i}", role=MG) for i in range(2)]
    jsts = [jst_in(edition, region) for _ in range(6)]
    proposal = pairing.propose_pairs(edition, maximum=10)
    assert len(proposal.rows) == 6 and proposal.unfilled == 0
    pairs = proposal.pairs()
    for engagement in jsts:
        assert pairs[engagement.pk][PD] in {u.pk for u in personal}
        assert pairs[engagement.pk][MG] in {u.pk for u in management}
    loads = {a.pk: a.load for a in proposal.loads.advisors}
    assert sorted(loads.values()) == [3, 3, 3, 3]
    assert not AdvisorAssignment.objects.exists()  # a proposal saves nothing


def test_a_local_advisor_is_preferred_but_not_past_the_balance(edition):
    home, away = VoivodeshipFactory(code="02"), VoivodeshipFactory(code="04")
    local = advisor(edition, "Lokalna", role=PD, voivodeship=home)
    other = advisor(edition, "Daleka", role=PD, voivodeship=away)
    advisor(edition, "Zarządzanie", role=MG)
    for _ in range(6):
        jst_in(edition, home)
    proposal = pairing.propose_pairs(edition, maximum=10)
    counts = {a.pk: a.proposed for a in proposal.loads.advisors}
    # The local advisor takes more, but only up to LOCAL_PREFERENCE more than the advisor from elsewhere.
    assert counts[local.pk] > counts[other.pk]
    assert counts[local.pk] - counts[other.pk] <= pairing.LOCAL_PREFERENCE
    assert any(row.local[PD] for row in proposal.rows)


def test_without_a_profile_the_voivodeships_and_roles_already_held_count(edition):
    home = VoivodeshipFactory(code="02")
    away = VoivodeshipFactory(code="04")
    experienced = advisor(edition, "Doświadczona")
    AdvisorAssignmentFactory(engagement=jst_in(edition, home), user=experienced, role=MG)
    loads = {a.pk: a for a in pairing.advisor_loads(edition).advisors}
    assert loads[experienced.pk].eligible_roles == (MG,)
    assert loads[experienced.pk].voivodeship_ids == {home.pk}
    assert loads[experienced.pk].voivodeship_names == [home.name]
    assert loads[experienced.pk].edition_total == 1
    newcomer = advisor(edition, "Nowa")
    assert {a.pk: a for a in pairing.advisor_loads(edition).advisors}[newcomer.pk].eligible_roles == (PD, MG)
    assert away.pk not in loads[experienced.pk].voivodeship_ids


def test_the_maximum_is_never_passed_and_a_role_nobody_fits_stays_empty(edition):
    region = VoivodeshipFactory(code="02")
    pd = advisor(edition, "Rozwój", role=PD)
    advisor(edition, "Zarządzanie", role=MG)
    already = jst_in(edition, region)
    AdvisorAssignmentFactory(engagement=already, user=pd, role=PD)
    for _ in range(3):
        jst_in(edition, region)
    proposal = pairing.propose_pairs(edition, maximum=2)
    assert {a.pk: a.load for a in proposal.loads.advisors}[pd.pk] == 2
    assert proposal.unfilled == 2 + 2  # two JSTs without a PD advisor, and the MG advisor's limit leaves one more
    row = next(r for r in proposal.rows if r.engagement.pk == already.pk)
    assert PD not in row.proposed and row.current[PD] == pd  # a filled role is left as it is


def test_the_other_advisor_of_a_jst_is_never_proposed_for_its_empty_role(edition):
    region = VoivodeshipFactory(code="02")
    both = advisor(edition, "Obie role")
    engagement = jst_in(edition, region)
    AdvisorAssignmentFactory(engagement=engagement, user=both, role=PD)
    proposal = pairing.propose_pairs(edition, maximum=5)
    assert proposal.rows[0].proposed[MG] is None


def test_confirming_saves_the_reviewed_pairs_and_skips_roles_filled_meanwhile(edition, staff, mailoutbox):
    region = VoivodeshipFactory(code="02")
    pd, mg = advisor(edition, "Rozwój", role=PD), advisor(edition, "Zarządzanie", role=MG)
    late = advisor(edition, "Ktoś inny", role=PD)
    first, second = jst_in(edition, region), jst_in(edition, region)
    pairs = pairing.propose_pairs(edition, maximum=5).pairs()
    AdvisorAssignmentFactory(engagement=second, user=late, role=PD)  # another organiser's tab, meanwhile
    outcome = services.assign_proposed_pairs(edition=edition, pairs=pairs, maximum=5, by=staff)
    assert outcome.skipped == 1
    assert {(a.engagement_id, a.role, a.user_id) for a in AdvisorAssignment.objects.all()} == {
        (first.pk, PD, pd.pk),
        (first.pk, MG, mg.pk),
        (second.pk, PD, late.pk),
        (second.pk, MG, mg.pk),
    }
    assert sorted(m.to[0] for m in mailoutbox) == sorted([pd.email, mg.email, mg.email])


def test_confirming_past_the_maximum_saves_nothing(edition, staff):
    region = VoivodeshipFactory(code="02")
    pd, mg = advisor(edition, "Rozwój", role=PD), advisor(edition, "Zarządzanie", role=MG)
    first, second = jst_in(edition, region), jst_in(edition, region)
    pairs = pairing.propose_pairs(edition, maximum=1).pairs()
    assert list(pairs) == [first.pk] or list(pairs) == [second.pk]
    taken = second if first.pk in pairs else first
    AdvisorAssignmentFactory(engagement=taken, user=pd, role=PD)
    with pytest.raises(ValidationError) as error:
        services.assign_proposed_pairs(edition=edition, pairs=pairs, maximum=1, by=staff)
    assert "więcej JST niż 1" in error.value.messages[0]
    assert AdvisorAssignment.objects.filter(user=mg).count() == 0


def test_the_page_shows_the_proposal_and_the_button_saves_it(edition, staff):
    region = VoivodeshipFactory(code="02")
    pd, mg = advisor(edition, "Anna Rozwój", role=PD, voivodeship=region), advisor(edition, "Jan Zarząd", role=MG)
    engagement = jst_in(edition, region)
    client = Client()
    sign_in(client, staff)
    url = reverse("engagements:edition_pairing", kwargs={"slug": edition.slug})
    page = client.get(url).content.decode()
    assert "Anna Rozwój" in page and region.name in page and "Zaproponuj pary" in page
    page = client.get(url + "?maks=3").content.decode()
    assert "z województwa JST" in page and "Zatwierdź i zapisz propozycję" in page
    assert not AdvisorAssignment.objects.exists()
    bad = client.get(url + "?maks=0").content.decode()
    assert "Zatwierdź" not in bad and "id_maks_error" in bad
    response = client.post(
        reverse("engagements:edition_pairing_confirm", kwargs={"slug": edition.slug}),
        {"maks": 3, f"p-{engagement.pk}-{PD}": pd.pk, f"p-{engagement.pk}-{MG}": mg.pk},
    )
    assert response.status_code == 302
    assert set(engagement.advisor_assignments.values_list("role", "user_id")) == {(PD, pd.pk), (MG, mg.pk)}


def test_the_advisor_profile_page_records_role_and_voivodeship(edition, staff):
    region = VoivodeshipFactory(code="02")
    person = advisor(edition, "Ewa Doradczyni")
    client = Client()
    sign_in(client, staff)
    url = reverse("engagements:advisor_profile", kwargs={"slug": edition.slug, "user_pk": person.pk})
    assert client.post(url, {"role": MG, "voivodeship": region.pk}).status_code == 302
    profile = AdvisorProfile.objects.get(user=person)
    assert profile.role == MG and profile.voivodeship == region
    stranger = UserFactory()
    assert client.get(url.replace(str(person.pk), str(stranger.pk))).status_code == 404


def test_page_queries_stay_constant_up_to_1000_jsts_and_100_advisors(edition, staff):
    """Every dimension grows: JSTs (with and without a pair), advisors (with profiles), voivodeships."""
    regions = [VoivodeshipFactory(code=code) for code in ("02", "04", "06", "08")]
    powiats = [PowiatFactory(voivodeship=region) for region in regions]
    client = Client()
    sign_in(client, staff)
    url = reverse("engagements:edition_pairing", kwargs={"slug": edition.slug}) + "?maks=40"
    made = {"jsts": 0}

    def build(n):
        start = made["jsts"]
        jsts = LocalGovernment.objects.bulk_create(
            [
                LocalGovernmentFactory.build(
                    voivodeship=regions[i % 4], powiat=powiats[i % 4], teryt=f"9{i:06d}", name=f"Skala {i}"
                )
                for i in range(start, start + n)
            ]
        )
        made["jsts"] += n
        engagements = Engagement.objects.bulk_create(
            [Engagement(edition=edition, local_government=jst, workshop_group="gminy_wiejskie") for jst in jsts]
        )
        users = [
            advisor(edition, f"Doradca {start + i}", role=(PD, MG)[i % 2], voivodeship=regions[i % 4])
            for i in range(max(1, n // 10))
        ]
        # Every tenth new JST already has a pair.
        AdvisorAssignment.objects.bulk_create(
            [AdvisorAssignment(engagement=e, user=users[0], role=PD) for e in engagements[::10]]
        )

    assert_constant_queries(build=build, request=lambda: client.get(url), few=10, many=1000)
    page = client.get(url).content.decode()
    assert page.count('type="hidden" name="p-') > 1500


@pytest.mark.django_db(transaction=True)
def test_two_organisers_confirming_at_once_fill_each_role_once(edition, staff):
    """The second confirmation waits for the first (JST rows locked), then finds the roles taken and skips them."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("Concurrent writers need PostgreSQL (CI runs it); SQLite serialises the whole database.")
    region = VoivodeshipFactory(code="02")
    advisor(edition, "Rozwój", role=PD)
    advisor(edition, "Zarządzanie", role=MG)
    jst_in(edition, region)
    colleague = MembershipFactory(organisation=edition.organiser, role=Membership.Role.STAFF).user
    pairs = pairing.propose_pairs(edition, maximum=5).pairs()
    barrier = threading.Barrier(2)
    outcomes, errors = [], []

    def confirm(by):
        try:
            barrier.wait()
            outcomes.append(services.assign_proposed_pairs(edition=edition, pairs=pairs, maximum=5, by=by))
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm, args=(who,)) for who in (staff, colleague)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(o.assigned for o in outcomes) == [0, 1]
    assert AdvisorAssignment.objects.count() == 2
