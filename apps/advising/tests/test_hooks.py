"""Where advisory work shows elsewhere: the calendar feed, the timeline, the stage tracker, waiting items, cards."""

import pytest
from django.test import Client
from django.urls import reverse

from apps.advising import services
from apps.advising.hooks import team_task_cards, visit_items
from apps.core.calendar import items_for, to_ics
from apps.core.testing import sign_in
from apps.engagements.hooks import Perspective, Viewer
from apps.engagements.models import Engagement
from apps.engagements.tracker import stage_tracker

from .conftest import span

pytestmark = pytest.mark.django_db


def test_agreed_visit_in_everyones_calendar_with_the_jst_as_location(engagement, advisors, leader):
    visit, _ = services.propose_dates(engagement=engagement, number=1, options=[span(2), span(3)], by=advisors[0])
    assert [i for i in items_for(leader) if i.uid == visit.uid] == []
    services.accept_option(option=visit.options.order_by("starts_on").first(), by=leader)
    for person in (leader, *advisors):
        (item,) = [i for i in items_for(person) if i.uid == visit.uid]
        assert item.location.startswith(engagement.local_government.display_name)
    assert b"BEGIN:VEVENT" in to_ics(items_for(advisors[0]))


def test_timeline_tracker_waiting_items_and_cards(engagement, advisors, leader):
    cards = team_task_cards(leader)
    assert cards == []
    visit, _ = services.propose_dates(engagement=engagement, number=1, options=[span(-4), span(-3)], by=advisors[0])
    (card,) = team_task_cards(leader)
    assert "Terminy spotkań do wyboru" in card["title"]
    services.accept_option(option=visit.options.order_by("starts_on").first(), by=leader)
    items = visit_items(advisors[1], Engagement.objects.filter(pk=engagement.pk))
    assert any(i.kind == "visit_record" for i in items)
    services.write_record(
        visit=visit, by=advisors[0], support_kind="meeting", topics="x", tasks=[{"what": "Zebrać dane", "who": "Anna"}]
    )
    items = visit_items(advisors[1], Engagement.objects.filter(pk=engagement.pk))
    assert any(i.kind == "visit_confirm" for i in items)
    assert not any(
        i.kind == "visit_confirm" for i in visit_items(advisors[0], Engagement.objects.filter(pk=engagement.pk))
    )
    codes = list(engagement.timeline.values_list("code", flat=True))
    assert {"advising.dates_proposed", "advising.visit_agreed", "advising.record_written"} <= set(codes)
    steps = stage_tracker(engagement, Viewer(user=leader, perspective=Perspective.TEAM, is_leader=True))
    current = next(s for s in steps if s.stage == engagement.stage)
    assert any("odbyte 1 z 3" in line and "do zrobienia: 1" in line for line in current.status)
    assert any("Zebrać dane" in c["text"] for c in team_task_cards(leader))
    client = Client()
    sign_in(client, leader)
    page = client.get(reverse("engagements:detail", args=[engagement.pk])).content.decode()
    assert "Uzgodniono termin spotkania 1" in page and "odbyte 1 z 3" in page


def test_the_pairing_load_table_shows_visits_ahead_and_this_months_hours(engagement, advisors, leader):
    import datetime
    from decimal import Decimal

    from django.utils import timezone

    from apps.advising.hooks import hours_this_month, visits_ahead
    from apps.engagements.hooks import advisor_load_columns

    today = timezone.localdate()
    edition = engagement.edition
    edition.period_start, edition.period_end = today - datetime.timedelta(days=40), today + datetime.timedelta(days=200)
    edition.save()
    services.propose_dates(engagement=engagement, number=1, options=[span(2), span(3)], by=advisors[0])
    services.add_time_entry(
        engagement=engagement, advisor=advisors[1], on=today, hours=Decimal("2.5"), kind="preparation", by=advisors[1]
    )
    ids = [a.pk for a in advisors]
    ahead = visits_ahead(edition, ids)
    assert ahead.values == {advisors[0].pk: "1", advisors[1].pk: "1"}
    assert hours_this_month(edition, ids).values == {advisors[1].pk: "2,5"}
    labels = [column.label for column in advisor_load_columns(edition, ids)]
    assert "Spotkania do odbycia" in labels and "Godziny w tym miesiącu (u organizatora)" in labels
