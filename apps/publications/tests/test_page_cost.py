"""Query counts of the lists: the organiser's desk, an edition's publication page, the feed and the open data, the
summary page with its comments and files: the same whatever the number of rows."""

import pytest
from django.urls import reverse

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.core.testing import assert_constant_queries, sign_in
from apps.editions.factories import EditionFactory
from apps.engagements.factories import EngagementFactory
from apps.publications import services
from apps.publications.factories import ConsentFactory, publication
from apps.publications.models import FormCode
from apps.territory.factories import LocalGovernmentFactory
from apps.territory.kinds import JstKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(published=True)


def _grow(edition):
    kinds = [JstKind.RURAL_GMINA, JstKind.POWIAT, JstKind.URBAN_GMINA]

    def build(n):
        for i in range(n):
            engagement = EngagementFactory(edition=edition, local_government=LocalGovernmentFactory(kind=kinds[i % 3]))
            publication(engagement=engagement, text=f"Szkoły {i}", areas=(f"Obszar {i % 2}",), index=False)
            ConsentFactory(engagement=engagement, document="plan")

    return build


def test_the_desk_costs_the_same_for_many_consents(client, edition):
    staff = UserFactory()
    MembershipFactory(user=staff, organisation=edition.organiser, role=Membership.Role.STAFF)
    sign_in(client, staff)
    url = reverse("publications:desk", kwargs={"slug": edition.slug})
    assert_constant_queries(build=_grow(edition), request=lambda: client.get(url), many=12)


@pytest.mark.parametrize(
    "name",
    ["publications:public_edition", "publications:feed", "publications:open_data_json", "publications:open_data_csv"],
)
def test_public_lists_cost_the_same_for_many_publications(client, edition, name):
    url = reverse(name, kwargs={"slug": edition.slug}) if name == "publications:public_edition" else reverse(name)
    assert_constant_queries(build=_grow(edition), request=lambda: client.get(url), many=12)


def test_the_summary_page_costs_the_same_for_many_comments(client, engagement, leader, advisors, plan):
    summary = services.start_summary(engagement=engagement, form=FormCode.GOOD_PRACTICE, by=leader)
    sign_in(client, leader)
    url = reverse("publications:summary", kwargs={"engagement_pk": engagement.pk})

    def build(n):
        for i in range(n):
            services.add_comment(summary=summary, section=f"i{1 + i % 8}", text=f"Uwaga {i}", by=advisors[0])

    assert_constant_queries(build=build, request=lambda: client.get(url), many=10)
