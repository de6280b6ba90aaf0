"""The edition's karty JST and team members through the one list exporter: its columns, and an organiser exports
only its own edition's rows (another organiser's staff get 404)."""

import pytest
from django.urls import reverse

from apps.accounts.factories import MembershipFactory
from apps.accounts.models import Membership
from apps.core.testing import sign_in
from apps.documents.list_exports import export_query
from apps.documents.testing import exported_table
from apps.engagements import exports
from apps.engagements.factories import EngagementFactory, TeamMemberFactory
from apps.territory.factories import LocalGovernmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_editions():
    mine = EngagementFactory(local_government=LocalGovernmentFactory(name="Moja"))
    theirs = EngagementFactory(local_government=LocalGovernmentFactory(name="Cudza"))
    TeamMemberFactory(engagement=mine, full_name="Anna Moja", is_leader=True)
    TeamMemberFactory(engagement=theirs, full_name="Jan Cudzy")
    staff = MembershipFactory(organisation=mine.edition.organiser, role=Membership.Role.STAFF).user
    return mine, theirs, staff


def _url(name, engagement, spec, columns=None):
    return reverse(name, kwargs={"slug": engagement.edition.slug}) + "?" + export_query(spec, "csv", columns)


def test_engagements_export(client, two_editions):
    mine, theirs, staff = two_editions
    sign_in(client, staff)
    header, rows = exported_table(client.get(_url("engagements:edition_export", mine, exports.ENGAGEMENTS)))
    assert header == [str(c.label) for c in exports.ENGAGEMENTS.columns if c.default]
    assert [row[0] for row in rows] == [mine.local_government.display_name]
    assert rows[0][header.index("Liczba osób w zespole")] == "1"
    assert client.get(_url("engagements:edition_export", theirs, exports.ENGAGEMENTS)).status_code == 404


def test_team_members_export(client, two_editions):
    mine, theirs, staff = two_editions
    sign_in(client, staff)
    response = client.get(_url("engagements:edition_team_export", mine, exports.TEAM_MEMBERS, ["name", "leader"]))
    assert exported_table(response) == (["Imię i nazwisko", "Lider zespołu"], [["Anna Moja", "tak"]])
    assert client.get(_url("engagements:edition_team_export", theirs, exports.TEAM_MEMBERS)).status_code == 404
