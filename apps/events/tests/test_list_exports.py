"""The registration list through the one list exporter: columns, every registration, scope."""

import pytest
from django.urls import reverse

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.core.testing import sign_in
from apps.documents.list_exports import export_query
from apps.documents.testing import exported_table
from apps.events import exports
from apps.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_registrations_export_lists_the_events_registrations_only_to_its_organiser(client):
    mine, theirs = EventFactory(), EventFactory()
    for name in ("Anna Nowak", "Bartosz Lis"):
        RegistrationFactory(event=mine, user=UserFactory(full_name=name), full_name=name)
    RegistrationFactory(event=theirs, full_name="Ktoś Inny")
    staff = MembershipFactory(organisation=mine.planned_event.edition.organiser, role=Membership.Role.STAFF).user
    sign_in(client, staff)

    def url(event):
        return (
            reverse("events:registrations_export", kwargs={"pk": event.pk})
            + "?"
            + export_query(exports.REGISTRATIONS, "csv")
        )

    header, rows = exported_table(client.get(url(mine)))
    assert header[:3] == ["Imię i nazwisko", "E-mail", "JST"] and "Kod uczestnika" not in header
    assert sorted(r[0] for r in rows) == ["Anna Nowak", "Bartosz Lis"]
    assert client.get(url(theirs)).status_code == 404
