"""The edition's publications through the one list exporter: columns and scope."""

import pytest
from django.urls import reverse

from apps.accounts.factories import MembershipFactory
from apps.accounts.models import Membership
from apps.core.testing import sign_in
from apps.documents.list_exports import export_query
from apps.documents.testing import exported_table
from apps.engagements.factories import EngagementFactory
from apps.publications import exports
from apps.publications.factories import publication

pytestmark = pytest.mark.django_db


def test_publications_export(client):
    mine, theirs = EngagementFactory(), EngagementFactory()
    publication(engagement=mine, text="Tekst", title="Nasza praktyka")
    publication(engagement=theirs, text="Tekst", title="Cudza praktyka")
    staff = MembershipFactory(organisation=mine.edition.organiser, role=Membership.Role.STAFF).user
    sign_in(client, staff)

    def url(engagement):
        slug = engagement.edition.slug
        return (
            reverse("publications:desk_export", kwargs={"slug": slug})
            + "?"
            + export_query(exports.PUBLICATIONS, "csv", ["title", "jst", "featured"])
        )

    header, rows = exported_table(client.get(url(mine)))
    assert header == ["Tytuł", "JST", "Wyróżniona"]
    assert rows == [["Nasza praktyka", mine.local_government.display_name, "nie"]]
    assert client.get(url(theirs)).status_code == 404
