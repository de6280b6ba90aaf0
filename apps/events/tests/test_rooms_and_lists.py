import csv
import io

from apps.accounts.factories import UserFactory
from apps.engagements.factories import TeamMemberFactory
from apps.events import selectors, services
from apps.events.lists import LISTS
from apps.events.models import Room

from .conftest import data


def register(cast, user, **overrides):
    return services.register(
        event=cast.event, user=user, by=user, privacy_acknowledged=True, **data(cast.event, **overrides)
    )


def test_mutual_choices_are_paired_the_rest_by_jst_then_group_never_those_who_did_not_agree(cast):
    anna = register(cast, cast.anna)
    bartek = register(cast, cast.bartek, room_choice="named", roommate=anna)
    services.update_registration(
        registration=anna, by=cast.anna, **data(cast.event, room_choice="named", roommate=bartek)
    )
    celina = register(cast, cast.celina)  # lets the organiser pair her
    dawid = register(cast, cast.dawid)  # powiat, lets the organiser pair him
    # A second rural person who pairs too: Celina goes with her (same JST), not with Dawid.
    ewa_user = UserFactory(full_name="Ewa Zając")
    TeamMemberFactory(engagement=cast.rural, user=ewa_user, full_name="Ewa Zając")
    ewa = register(cast, ewa_user)
    # Someone who named a person that did not name them back is not paired with anybody.
    filip_user = UserFactory(full_name="Filip Sowa")
    TeamMemberFactory(engagement=cast.powiat, user=filip_user, full_name="Filip Sowa")
    filip = register(cast, filip_user, room_choice="named", roommate=dawid)
    made = services.pair_rooms(event=cast.event, by=cast.organiser)
    assert made == {"mutual": 1, "proposed": 1, "single": 0, "unpaired": 2}
    pairs = {frozenset([r.first_id, r.second_id]) for r in Room.objects.all()}
    assert pairs == {frozenset([anna.pk, bartek.pk]), frozenset([celina.pk, ewa.pk])}
    assert {r.pk for r in selectors.unroomed(cast.event)} == {dawid.pk, filip.pk}
    # The organiser adjusts by hand.
    services.set_room(event=cast.event, by=cast.organiser, first=dawid, second=filip)
    assert not selectors.unroomed(cast.event)


def test_rooming_list_per_night_meal_counts_and_parking(cast):
    anna = register(cast, cast.anna, diet="vegetarian", parking=True)
    bartek = register(cast, cast.bartek, room_choice="named", roommate=anna, diet="other", diet_note="bez laktozy")
    services.update_registration(
        registration=anna,
        by=cast.anna,
        **data(cast.event, room_choice="named", roommate=bartek, diet="vegetarian", parking=True),
    )
    register(cast, cast.dawid, nights=[], meals=[])
    services.pair_rooms(event=cast.event, by=cast.organiser)
    night = cast.event.nights[1]
    title, headers, rows = LISTS["pokoje"](cast.event, night)
    assert rows == [
        [
            1,
            "Anna Nowak",
            cast.rural.local_government.display_name,
            "Bartosz Lis",
            cast.rural.local_government.display_name,
            "wzajemny wybór",
        ]
    ]
    assert LISTS["pokoje"](cast.event, cast.event.nights[0])[2] == []
    counts = {(r.day, r.meal): r for r in selectors.meal_counts(cast.event)}
    lunch = counts[(cast.event.starts_on, "lunch")]
    assert lunch.total == 2
    assert dict(lunch.by_diet)["wegetariańska"] == 1 and dict(lunch.by_diet)["inna (opisz)"] == 1
    assert lunch.notes == ["Bartosz Lis: bez laktozy"]
    assert counts[(cast.event.starts_on, "dinner")].total == 0
    _t, _h, parking = LISTS["parking"](cast.event)
    assert [row[0] for row in parking] == ["Anna Nowak"]
    _t, headers, participants = LISTS["uczestnicy"](cast.event)
    assert sorted(row[2] for row in participants) == ["Anna Nowak", "Bartosz Lis", "Dawid Kot"]
    numbers = selectors.numbers_of(cast.event)
    assert numbers.registered == 3 and numbers.parking == 1 and numbers.nights[night] == 2


def test_the_exports_download_as_csv_and_xlsx(cast, client):
    from django.urls import reverse

    from apps.core.testing import sign_in

    register(cast, cast.anna)
    sign_in(client, cast.organiser)
    response = client.get(reverse("events:export", kwargs={"pk": cast.event.pk, "kind": "posilki", "fmt": "csv"}))
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:2] == ["Dzień", "Posiłek"]
    response = client.get(
        reverse("events:export", kwargs={"pk": cast.event.pk, "kind": "pokoje", "fmt": "xlsx"})
        + f"?noc={cast.event.nights[1].isoformat()}"
    )
    assert response.status_code == 200 and response.content[:2] == b"PK"
    assert (
        client.get(reverse("events:export", kwargs={"pk": cast.event.pk, "kind": "inne", "fmt": "csv"})).status_code
        == 404
    )


def test_the_named_roommate_is_asked_to_confirm_and_not_asked_again_once_mutual(cast, mailoutbox):
    anna = register(cast, cast.anna)
    mailoutbox.clear()
    bartek = register(cast, cast.bartek, room_choice="named", roommate=anna)
    asked = [m for m in mailoutbox if m.subject.startswith("Wspólny pokój")]
    assert [m.to for m in asked] == [[cast.anna.email]] and "Bartosz Lis chce dzielić z Tobą pokój" in asked[0].body
    mailoutbox.clear()
    services.update_registration(
        registration=anna, by=cast.anna, **data(cast.event, room_choice="named", roommate=bartek)
    )
    assert not [m for m in mailoutbox if m.subject.startswith("Wspólny pokój")]
