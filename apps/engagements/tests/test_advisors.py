"""The organiser assigns each JST's advisor pair: one JST at a time or the whole edition in one table."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from apps.accounts.factories import MembershipFactory
from apps.accounts.models import Membership
from apps.core.testing import assert_constant_queries
from apps.engagements import services
from apps.engagements.factories import EngagementFactory
from apps.engagements.models import AdvisorAssignment
from apps.engagements.selectors import engagements_visible_to

pytestmark = pytest.mark.django_db
PD, MG = AdvisorAssignment.Role.PERSONAL_DEVELOPMENT, AdvisorAssignment.Role.MANAGEMENT


def advisor_of(cast, **kwargs):
    return MembershipFactory(organisation=cast.edition.organiser, role=Membership.Role.ADVISOR, **kwargs).user


def pair(engagement):
    return {a.role: a.user for a in engagement.advisor_assignments.select_related("user")}


def test_swap_the_two_advisors_between_roles(cast, mailoutbox):
    assert services.set_advisor_pair(
        engagement=cast.engagement, advisors={PD: cast.advisor2, MG: cast.advisor}, by=cast.organiser
    )
    assert pair(cast.engagement) == {PD: cast.advisor2, MG: cast.advisor}
    assert len(mailoutbox) == 2
    assert not services.set_advisor_pair(
        engagement=cast.engagement, advisors={PD: cast.advisor2, MG: cast.advisor}, by=cast.organiser
    )


def test_the_same_person_cannot_hold_both_roles_and_outsiders_are_refused(cast):
    with pytest.raises(ValidationError, match="drugim doradcą"):
        services.set_advisor_pair(engagement=cast.engagement, advisors={PD: cast.advisor2}, by=cast.organiser)
    with pytest.raises(ValidationError, match="nie jest doradcą organizatora"):
        services.set_advisor_pair(engagement=cast.engagement, advisors={PD: cast.outsider}, by=cast.organiser)


def test_removing_an_advisor_takes_away_their_access(cast):
    services.set_advisor_pair(engagement=cast.engagement, advisors={MG: None}, by=cast.organiser)
    assert pair(cast.engagement) == {PD: cast.advisor}
    assert cast.engagement not in engagements_visible_to(cast.advisor2)


def test_advisor_form_offers_only_the_organisers_advisors(cast):
    other_org_advisor = MembershipFactory(role=Membership.Role.ADVISOR, user__full_name="Obca Doradczyni").user
    url = reverse("engagements:advisors", kwargs={"pk": cast.engagement.pk})
    client = cast.client(cast.organiser)
    body = client.get(url).content.decode()
    assert "Adam Doradca" in body and "Obca Doradczyni" not in body
    body = client.post(url, {PD: str(cast.advisor.pk), MG: str(cast.advisor.pk)}).content.decode()
    assert "Para doradców to dwie różne osoby" in body
    body = client.post(url, {PD: str(other_org_advisor.pk), MG: ""}).content.decode()
    assert "Wybierz doradcę z listy doradców organizatora." in body
    third = advisor_of(cast, user__full_name="Cezary Trzeci")
    assert client.post(url, {PD: str(third.pk), MG: str(cast.advisor2.pk)}).status_code == 302
    assert pair(cast.engagement) == {PD: third, MG: cast.advisor2}
    assert cast.client(cast.coordinator).get(url).status_code == 404  # the coordinator only reads


def label(user) -> str:
    return f"{user.full_name} ({user.email})"


def test_bulk_assignment_saves_changed_rows_and_reports_errors_per_row(cast):
    second = EngagementFactory(edition=cast.edition)
    url = reverse("engagements:edition_advisors", kwargs={"slug": cast.edition.slug})
    client = cast.client(cast.organiser)
    assert client.get(url).status_code == 200
    data = {
        f"e{cast.engagement.pk}-{PD}": label(cast.advisor),
        f"e{cast.engagement.pk}-{MG}": label(cast.advisor2),
        f"e{second.pk}-{PD}": label(cast.advisor),
        f"e{second.pk}-{MG}": cast.advisor.email.upper(),  # the bare e-mail, in any letter case, is the same person
    }
    body = client.post(url, data).content.decode()
    assert "Para doradców to dwie różne osoby" in body
    assert not second.advisor_assignments.exists()
    body = client.post(url, {**data, f"e{second.pk}-{MG}": "Ktoś Spoza (obcy@example.org)"}).content.decode()
    assert "Wybierz doradcę z listy doradców organizatora." in body
    assert 'value="Ktoś Spoza (obcy@example.org)"' in body  # what was typed stays
    data[f"e{second.pk}-{MG}"] = cast.advisor2.full_name  # a unique name is enough
    response = client.post(url, data, follow=True)
    assert "zmienione JST: 1" in response.content.decode()
    assert pair(second) == {PD: cast.advisor, MG: cast.advisor2}
    # An emptied cell takes the advisor off.
    response = client.post(url, {**data, f"e{second.pk}-{MG}": ""}, follow=True)
    assert "zmienione JST: 1" in response.content.decode()
    assert pair(second) == {PD: cast.advisor}


def test_bulk_page_sends_each_advisor_once_whatever_the_number_of_jsts(cast):
    """The advisor pool is one shared suggestion list, not options repeated in every cell: an unassigned advisor
    is named once on a page of 12 JSTs, and 30 more advisors add about 30 short lines, not 30 × 24 options."""
    client = cast.client(cast.organiser)
    url = reverse("engagements:edition_advisors", kwargs={"slug": cast.edition.slug})
    for _ in range(11):
        EngagementFactory(edition=cast.edition)
    idle = advisor_of(cast, user__full_name="Zofia Wolna")
    body = client.get(url).content.decode()
    assert body.count("Zofia Wolna") == 1
    before = len(body.encode())
    for number in range(30):
        advisor_of(cast, user__full_name=f"Doradca Dodatkowy {number:02d}")
    after = len(client.get(url).content)
    assert after - before < 30 * 150, f"30 advisors added {after - before} bytes"
    assert idle.email in body


def test_bulk_page_query_count_does_not_grow_with_jsts_or_advisors(cast):
    client = cast.client(cast.organiser)
    url = reverse("engagements:edition_advisors", kwargs={"slug": cast.edition.slug})

    def build(n):
        for _ in range(n):
            first, second = advisor_of(cast), advisor_of(cast)
            engagement = EngagementFactory(edition=cast.edition)
            AdvisorAssignment.objects.create(engagement=engagement, user=first, role=PD)
            AdvisorAssignment.objects.create(engagement=engagement, user=second, role=MG)

    assert_constant_queries(build=build, request=lambda: client.get(url), few=1, many=20)
