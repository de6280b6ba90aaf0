"""The organiser's pages do not grow with the rows they summarise: the rooms page carries no option per registered
person and counts each night's rooms in SQL; the event numbers are aggregated in the database and match the
figures counted in Python on the same data."""

import itertools
from collections import Counter, defaultdict

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.accounts.factories import UserFactory
from apps.core.testing import sign_in
from apps.engagements.factories import EngagementFactory, TeamMemberFactory
from apps.events import selectors
from apps.events.factories import RegistrationFactory
from apps.events.models import CheckIn, Registration, Room

counter = itertools.count()


def _people(cast, pairs: int, *, roomed: bool = True, **fields):
    made = []
    for _ in range(pairs):
        i = next(counter)
        engagement = EngagementFactory(edition=cast.edition)
        pair = []
        for k in range(2):
            user = UserFactory(full_name=f"Osoba {i}-{k}")
            member = TeamMemberFactory(engagement=engagement, user=user, full_name=user.full_name)
            pair.append(
                RegistrationFactory(
                    event=cast.event,
                    user=user,
                    email=user.email,
                    team_member=member,
                    engagement=engagement,
                    workshop_group=engagement.workshop_group,
                    **fields,
                )
            )
        if roomed:
            Room.objects.create(event=cast.event, first=pair[0], second=pair[1], source=Room.Source.MUTUAL)
        made.extend(pair)
    return made


def test_the_rooms_page_carries_no_option_per_registered_person(cast, client):
    sign_in(client, cast.organiser)
    url = reverse("events:rooms", kwargs={"pk": cast.event.pk})
    _people(cast, 15)
    waiting = _people(cast, 1, roomed=False)
    html = client.get(url).content.decode()
    # Only the two people without a room are suggested (once, in one datalist), not 32 people twice.
    baseline = client.get(reverse("events:manage", kwargs={"pk": cast.event.pk})).content.decode().count("<option")
    assert html.count("<option") - baseline == 2
    assert html.count('<datalist id="event-people">') == 1
    assert f"{waiting[0].full_name} ({waiting[0].email})" in html


def test_the_rooms_page_pages_rooms_in_the_database_and_counts_nights_in_sql(cast, client, monkeypatch):
    from apps.events.views import logistics

    monkeypatch.setattr(logistics, "PAGE_SIZE", 3)
    sign_in(client, cast.organiser)
    people = _people(cast, 8)
    people[0].status = Registration.Status.CANCELLED
    people[0].save()
    url = reverse("events:rooms", kwargs={"pk": cast.event.pk})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url + "?strona=2")
    room_reads = [q["sql"] for q in queries.captured_queries if 'FROM "events_room"' in q["sql"]]
    assert room_reads and all("LIMIT" in sql or "COUNT" in sql for sql in room_reads)
    assert [number for number, _room in response.context["rooms"]] == [4, 5, 6]
    first_night, second_night = cast.event.nights
    assert response.context["nights"] == [(first_night, 0), (second_night, 8)]
    # The same as the rooming list built in Python.
    assert [len(selectors.rooming_list(cast.event, n)) for n in cast.event.nights] == [0, 8]


def test_the_room_form_takes_a_person_as_the_suggestions_write_them(cast, client):
    sign_in(client, cast.organiser)
    first, second = _people(cast, 1, roomed=False)
    url = reverse("events:rooms", kwargs={"pk": cast.event.pk})
    response = client.post(url, {"first": f"{first.full_name} ({first.email})", "second": second.email.upper()})
    assert response.status_code == 302
    room = Room.objects.get(event=cast.event)
    assert (room.first, room.second) == (first, second)
    response = client.post(url, {"first": "Nikt Taki", "second": ""})
    assert response.status_code == 200
    assert "Wybierz osobę zarejestrowaną" in response.content.decode()


def numbers_in_python(event):
    """The figures as the first version counted them over every registration in Python: the reference the SQL
    aggregation must match."""
    by_day = dict.fromkeys(event.days, 0)
    nights = dict.fromkeys(event.nights, 0)
    status = Counter()
    meals: dict = defaultdict(Counter)
    parking = single = 0
    for r in event.registrations.all():
        status[r.status] += 1
        if r.status != Registration.Status.REGISTERED:
            continue
        parking += r.parking
        single += r.room_choice == "single" and r.single_approved is None
        for day in event.days:
            by_day[day] += day.isoformat() in r.days
        for night in event.nights:
            nights[night] += night.isoformat() in r.nights
        for meal in r.meals:
            meals[meal][r.diet] += 1
    checked = dict.fromkeys(event.days, 0)
    for c in CheckIn.objects.filter(registration__event=event):
        checked[c.day] += 1
    return status, parking, single, by_day, nights, {k: dict(v) for k, v in meals.items()}, checked


def _varied(cast):
    day1, day2 = cast.event.days
    night1, night2 = cast.event.nights
    _people(cast, 3, days=[day1.isoformat()], nights=[night1.isoformat()], meals=[f"{day1}:lunch"], diet="vegan")
    _people(
        cast,
        2,
        days=[day1.isoformat(), day2.isoformat()],
        nights=[night2.isoformat()],
        meals=[f"{day1}:dinner", f"{day2}:breakfast"],
        parking=True,
        room_choice="single",
    )
    _people(cast, 1, days=[day2.isoformat()], nights=[], meals=[], status=Registration.Status.WAITING)
    _people(cast, 1, status=Registration.Status.CANCELLED, days=[day1.isoformat()])
    first = cast.event.registrations.filter(status=Registration.Status.REGISTERED).first()
    CheckIn.objects.create(registration=first, day=day1)


def test_the_event_numbers_aggregated_in_sql_match_the_python_count(cast):
    _varied(cast)
    status, parking, single, by_day, nights, meals, checked = numbers_in_python(cast.event)
    numbers = selectors.numbers_of(cast.event)
    assert (numbers.registered, numbers.waiting, numbers.cancelled, numbers.offered) == (
        status["registered"],
        status["waiting"],
        status["cancelled"],
        status["offered"],
    )
    assert (numbers.parking, numbers.single_rooms_waiting) == (parking, single) == (4, 4)
    assert numbers.by_day == by_day and numbers.nights == nights and numbers.checked_in == checked
    assert {k: dict(v) for k, v in numbers.meals.items() if sum(v.values())} == meals
    assert numbers.by_day[cast.event.days[0]] == 10


def test_the_event_numbers_read_a_fixed_number_of_rows_whatever_the_registrations(cast):
    def rows_read():
        with CaptureQueriesContext(connection) as queries:
            selectors.numbers_of(cast.event)
            selectors.attendance_by_jst(cast.event)
        return len(queries.captured_queries), [q["sql"] for q in queries.captured_queries]

    _people(cast, 1)
    few, _sql = rows_read()
    _people(cast, 6)
    many, sql = rows_read()
    assert few == many
    # Every read of registrations and check-ins is an aggregate: nothing fetches rows to count them in Python.
    reads = [q for q in sql if 'FROM "events_registration"' in q or 'FROM "events_checkin"' in q]
    assert len(reads) == 5 and all("COUNT(" in q for q in reads)


def test_the_registrations_list_does_not_reverse_urls_or_translate_per_row(cast, client, monkeypatch):
    import django.urls

    sign_in(client, cast.organiser)
    url = reverse("events:registrations", kwargs={"pk": cast.event.pk})
    calls = []
    real = django.urls.reverse

    def counting(*args, **kwargs):
        calls.append(args[0] if args else kwargs.get("viewname"))
        return real(*args, **kwargs)

    def reversals():
        monkeypatch.setattr(django.urls, "reverse", counting)
        calls.clear()
        response = client.get(url)
        monkeypatch.setattr(django.urls, "reverse", real)
        assert response.status_code == 200
        return len(calls), response.content.decode()

    _people(cast, 1, room_choice="single")
    few, _html = reversals()
    people = _people(cast, 10, room_choice="single")
    many, html = reversals()
    assert few == many
    target = people[-1]
    assert reverse("events:registration_edit", kwargs={"pk": cast.event.pk, "registration_pk": target.pk}) in html
    assert reverse("events:single_room", kwargs={"pk": cast.event.pk, "registration_pk": target.pk}) in html
    assert html.count("Zatwierdź pokój jednoosobowy") == 22


def test_the_event_page_lists_a_bounded_number_of_jsts_that_missed_it(cast, client, monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    monkeypatch.setattr(selectors, "MISSED_SHOWN", 2)
    planned = cast.event.planned_event
    planned.starts_on = timezone.localdate() - timedelta(days=3)
    planned.ends_on = timezone.localdate() - timedelta(days=2)
    planned.save()
    people = _people(cast, 3)  # three more JSTs with two people each; the first checks in
    CheckIn.objects.create(registration=people[0], day=planned.starts_on)
    sign_in(client, cast.organiser)
    response = client.get(reverse("events:manage", kwargs={"pk": cast.event.pk}))
    # The cast's two JSTs and two of the new ones missed it: two shown, four counted.
    assert len(response.context["missed"]) == 2 and response.context["missed_total"] == 4
    assert "Pierwsze 2 z 4 JST" in response.content.decode()
    rows = selectors.teams_missing(cast.event)
    assert {r.engagement.pk for r in rows} == {
        cast.rural.pk,
        cast.powiat.pk,
        people[2].engagement_id,
        people[4].engagement_id,
    }
    assert {r.engagement.pk: r.registered for r in rows}[people[2].engagement_id] == 2


def test_the_attendance_page_pages_the_people_in_the_database(cast, client, monkeypatch):
    from apps.events.views import attendance

    monkeypatch.setattr(attendance, "PAGE_SIZE", 3)
    people = _people(cast, 4)
    CheckIn.objects.create(registration=people[4], day=cast.event.starts_on)
    sign_in(client, cast.organiser)
    response = client.get(reverse("events:scans", kwargs={"pk": cast.event.pk}) + "?strona=2")
    rows = response.context["rows"]
    ordered = sorted(people, key=lambda r: (r.full_name, r.pk))
    assert [r.registration.pk for r in rows] == [r.pk for r in ordered[3:6]]
    assert [r.days for r in rows if r.registration.pk == people[4].pk] == [[True, False]]


def test_the_unroomed_are_filtered_in_sql_as_the_python_filter_did(cast):
    staying = _people(cast, 1, roomed=False)
    _people(cast, 1, roomed=False, nights=[])  # no night at the hotel: needs no room
    _people(cast, 1)  # roomed
    _people(cast, 1, roomed=False, status=Registration.Status.WAITING)
    assert {r.pk for r in selectors.unroomed(cast.event)} == {p.pk for p in staying}


def test_the_attendance_pages_jsts_searches_and_sorts_them_in_the_database(cast, client, monkeypatch):
    from apps.core.testing import assert_constant_queries
    from apps.engagements.factories import EngagementFactory
    from apps.events.views import attendance

    monkeypatch.setattr(attendance, "JST_PAGE_SIZE", 2)
    people = _people(cast, 3)  # three JSTs, two people each
    CheckIn.objects.create(registration=people[1], day=cast.event.starts_on)
    sign_in(client, cast.organiser)
    url = reverse("events:scans", kwargs={"pk": cast.event.pk})

    # The edition's JSTs (the cast's two without anyone registered, the three above), two a page.
    first = client.get(url, {"jst_sort": "-obecni"})
    rows = first.context["by_jst"]
    assert len(rows) == 2 and rows[0].engagement.pk == people[1].engagement_id and rows[0].present == 1
    assert first.context["jst_page"].paginator.count == 5
    assert "jst_strona=2" in first.content.decode() and "jst_sort=-obecni" in first.content.decode()
    missed_first = client.get(url, {"jst_sort": "obecni", "jst_strona": "3"}).context["by_jst"]
    assert [r.engagement.pk for r in missed_first] == [people[1].engagement_id]

    name = people[2].engagement.local_government.display_name
    found = client.get(url, {"jst_szukaj": name}).context["by_jst"]
    assert [(r.engagement.pk, r.registered, r.present, r.missed) for r in found] == [
        (people[2].engagement_id, 2, 0, True)
    ]
    nothing = client.get(url, {"jst_szukaj": "nie ma takiej"})
    assert "Żadna JST nie pasuje" in nothing.content.decode()

    def more(n):
        for _ in range(n):
            EngagementFactory(edition=cast.edition)
        _people(cast, n)

    def request():
        assert client.get(url, {"jst_sort": "-zarejestrowani", "jst_szukaj": "a"}).status_code == 200

    assert_constant_queries(build=more, request=request, few=1, many=4)
