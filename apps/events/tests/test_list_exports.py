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


def _attendance_url(event, name="events:attendance_export", query=""):
    return reverse(name, kwargs={"pk": event.pk}) + ("?" + query if query else "")


def test_attendance_export_has_the_picked_columns_a_column_per_day_and_remembers_the_choice(cast, client):
    from apps.documents.list_exports import last_choice
    from apps.events import services

    from .test_attendance import register

    anna, dawid = register(cast, cast.anna), register(cast, cast.dawid)
    first, second = cast.event.days[0], cast.event.days[1]
    services.check_in(event=cast.event, by=cast.organiser, registration=anna, day=first)
    services.check_in(event=cast.event, by=cast.organiser, registration=anna, day=second)
    services.check_in(event=cast.event, by=cast.organiser, registration=dawid, day=second)
    sign_in(client, cast.organiser)
    page = client.get(_attendance_url(cast.event)).content.decode()
    assert f"Obecność {first:%d.%m.%Y}" in page and "Daty obecności" in page
    picked = ["name", "present", "day1"]
    query = export_query(exports.ATTENDANCE, "csv", picked)
    header, rows = exported_table(client.get(_attendance_url(cast.event, query=query)))
    assert header == ["Imię i nazwisko", "Dni obecności", f"Obecność {first:%d.%m.%Y}"]
    assert rows == [["Anna Nowak", "2", "tak"], ["Dawid Kot", "1", "nie"]]
    # Remembered for this organiser: the next choice page ticks exactly those columns.
    assert last_choice(exports.ATTENDANCE, cast.organiser, cast.event) == picked
    import lxml.html

    ticked = lxml.html.fromstring(client.get(_attendance_url(cast.event)).content).xpath(
        '//input[@name="kolumny"][@checked]/@value'
    )
    assert sorted(ticked) == sorted(picked)
    # XLSX as the other lists.
    xlsx = client.get(_attendance_url(cast.event, query=export_query(exports.ATTENDANCE, "xlsx", picked)))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_attendance_by_jst_export_keeps_the_pages_search(cast, client):
    from .test_attendance import register

    register(cast, cast.anna)
    register(cast, cast.dawid)
    sign_in(client, cast.organiser)
    search = cast.powiat.local_government.display_name
    page = client.get(reverse("events:scans", kwargs={"pk": cast.event.pk}))
    assert reverse("events:attendance_jst_export", kwargs={"pk": cast.event.pk}) in page.content.decode()
    query = export_query(exports.ATTENDANCE_BY_JST, "csv", ["jst", "registered", "present", "missed"])
    header, rows = exported_table(
        client.get(_attendance_url(cast.event, "events:attendance_jst_export", f"jst_szukaj={search}&{query}"))
    )
    assert header == ["JST", "Zarejestrowani", "Obecni", "Zespół nieobecny"]
    assert rows == [[search, "1", "0", "tak"]]


def test_attendance_exports_are_404_for_another_organiser(cast, client):
    other = MembershipFactory(role=Membership.Role.STAFF).user
    sign_in(client, other)
    for name in ("events:attendance_export", "events:attendance_jst_export"):
        query = export_query(exports.ATTENDANCE_BY_JST, "csv")
        assert client.get(_attendance_url(cast.event, name)).status_code == 404
        assert client.get(_attendance_url(cast.event, name, query)).status_code == 404


def test_attendance_export_queries_do_not_grow_with_people_and_check_ins(cast, client):
    from apps.core.testing import assert_constant_queries
    from apps.events import services

    sign_in(client, cast.organiser)

    def build(n):
        for _ in range(n):
            registration = RegistrationFactory(event=cast.event, engagement=cast.powiat)
            for day in cast.event.days:
                services.check_in(event=cast.event, by=cast.organiser, registration=registration, day=day)

    query = export_query(exports.ATTENDANCE, "csv", target=cast.event)
    assert_constant_queries(build=build, request=lambda: client.get(_attendance_url(cast.event, query=query)))
    jst_query = export_query(exports.ATTENDANCE_BY_JST, "csv")
    assert_constant_queries(
        build=build, request=lambda: client.get(_attendance_url(cast.event, "events:attendance_jst_export", jst_query))
    )
