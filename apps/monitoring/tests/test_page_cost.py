"""The monitoring pages and exports cost the same number of queries whatever the edition's size, growing every
dimension they iterate: JSTs, members per team, stored PESELs, events attended and days present."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from stdnum.pl import pesel

from apps.core.testing import assert_constant_queries, sign_in
from apps.engagements.factories import EngagementFactory, TeamMemberFactory
from apps.events.factories import EventFactory, RegistrationFactory
from apps.events.models import CheckIn
from apps.monitoring import services
from apps.monitoring.factories import complete_values

pytestmark = pytest.mark.django_db


def _pesel(index: int) -> str:
    body = f"{date(1970, 1, 1) + timedelta(days=index):%y%m%d}0{index % 10}{index % 7}1"
    return body + pesel.calc_check_digit(body)


def test_monitoring_pages_do_not_grow_with_jsts_members_pesels_and_attendance(client, eu_edition, officer):
    events = [EventFactory(planned_event__edition=eu_edition) for _ in range(2)]
    counter = iter(range(10_000))
    sign_in(client, officer)

    def build(n):
        for _ in range(n):
            engagement = EngagementFactory(edition=eu_edition)
            services.save_institution(
                edition=eu_edition,
                local_government=engagement.local_government,
                nip="5261040828",
                regon="000331501",
                by=None,
            )
            for member_number in range(3):
                member = TeamMemberFactory(engagement=engagement, is_leader=member_number == 0)
                index = next(counter)
                services.save_participant_data(
                    team_member=member, by=None, pesel=_pesel(index), clause_accepted=True, **complete_values()
                )
                for event in events:
                    registration = RegistrationFactory(
                        event=event, user=member.user, team_member=member, engagement=engagement, workshop_group=""
                    )
                    for day in event.days:
                        CheckIn.objects.create(registration=registration, day=day)

    for name in ("participants", "completeness", "export_participants", "export_institutions"):
        url = reverse(f"monitoring:{name}", kwargs={"slug": eu_edition.slug})
        assert_constant_queries(build=build, request=lambda url=url: client.get(url), few=1, many=4)


def test_the_participants_and_the_completeness_pages_are_paged(client, eu_edition, officer, monkeypatch):
    from apps.monitoring import views

    from .conftest import add_participant

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    names = [add_participant(eu_edition, full_name=f"Osoba {n}").full_name for n in range(3)]
    sign_in(client, officer)
    for name in ("participants", "completeness"):
        url = reverse(f"monitoring:{name}", kwargs={"slug": eu_edition.slug})
        first, second = client.get(url).content.decode(), client.get(url + "?strona=2").content.decode()
        assert "3 uczestników" in first  # the count is of all of them, not of the page
        on_first = {n for n in names if n in first}
        assert len(on_first) == 2 and [n for n in names if n in second] == [n for n in names if n not in on_first]
        assert "strona=2" in first
