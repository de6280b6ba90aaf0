"""The edition's visits and advisors' hours through the one list exporter: columns and scope."""

import pytest
from django.urls import reverse

from apps.accounts.factories import MembershipFactory
from apps.accounts.models import Membership
from apps.advising import exports
from apps.advising.factories import TimeEntryFactory, VisitFactory
from apps.core.testing import sign_in
from apps.documents.list_exports import export_query
from apps.documents.testing import exported_table
from apps.engagements.factories import EngagementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    mine, theirs = EngagementFactory(), EngagementFactory()
    for engagement in (mine, theirs):
        VisitFactory(engagement=engagement, number=1)
        TimeEntryFactory(engagement=engagement, hours=3)
    staff = MembershipFactory(organisation=mine.edition.organiser, role=Membership.Role.STAFF).user
    return mine, theirs, staff


def _url(name, engagement, spec):
    return reverse(name, kwargs={"slug": engagement.edition.slug}) + "?" + export_query(spec, "csv")


def test_visits_export(client, setup):
    mine, theirs, staff = setup
    sign_in(client, staff)
    header, rows = exported_table(client.get(_url("advising:edition_visits_export", mine, exports.VISITS)))
    assert header == ["JST", "Numer spotkania", "Stan", "Pierwszy dzień", "Ostatni dzień"]
    assert len(rows) == 1 and rows[0][:2] == [mine.local_government.display_name, "1"] and rows[0][3:] == ["", ""]
    assert client.get(_url("advising:edition_visits_export", theirs, exports.VISITS)).status_code == 404


def test_hours_export(client, setup):
    mine, theirs, staff = setup
    sign_in(client, staff)
    header, rows = exported_table(client.get(_url("advising:edition_hours_export", mine, exports.HOURS)))
    assert header == ["Doradca", "Dzień", "JST", "Działanie", "Forma", "Godziny"]
    assert len(rows) == 1 and rows[0][2] == mine.local_government.display_name and rows[0][5] == "3,00"
    assert client.get(_url("advising:edition_hours_export", theirs, exports.HOURS)).status_code == 404
