from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.accounts.factories import UserFactory
from apps.events import services
from apps.events.models import Registration

from .conftest import data


def register(cast, user, **overrides):
    return services.register(
        event=cast.event, user=user, by=user, privacy_acknowledged=True, **data(cast.event, **overrides)
    )


def test_a_team_member_registers_with_their_jst_and_workshop_group_and_gets_a_confirmation_with_ics(cast, mailoutbox):
    registration = register(cast, cast.anna)
    assert registration.status == Registration.Status.REGISTERED
    assert registration.engagement == cast.rural
    assert registration.workshop_group == "rural_gminy"
    assert registration.full_name == "Anna Nowak"
    assert len(registration.code) == 8
    message = mailoutbox[-1]
    assert "Potwierdzenie rejestracji" in message.subject
    assert registration.code in message.body
    names = [a[0] for a in message.attachments]
    assert "wydarzenie.ics" in names and "kod-uczestnika.svg" in names
    ics = next(a for a in message.attachments if a[0] == "wydarzenie.ics")[1]
    assert "BEGIN:VEVENT" in ics and cast.event.title in ics


def test_someone_not_invited_is_refused(cast):
    stranger = UserFactory()
    with pytest.raises(ValidationError, match="nie jest zaproszona"):
        register(cast, stranger)


def test_bad_input_each_a_clear_message_next_to_its_field(cast):
    other_day = (cast.event.ends_on + timedelta(days=3)).isoformat()
    cases = [
        ({"days": [other_day]}, "days", "Wydarzenie nie trwa w te dni"),
        ({"days": []}, "days", "co najmniej jeden dzień"),
        ({"diet": "other", "diet_note": ""}, "diet_note", "Opisz dietę"),
        ({"room_choice": "single", "single_reason": ""}, "single_reason", "uzasadnienia"),
        ({"room_choice": "named", "roommate": None}, "roommate", "Wskaż osobę"),
        ({"nights": [(cast.event.ends_on).isoformat()]}, "nights", "Nocleg jest możliwy tylko"),
    ]
    for overrides, field, text in cases:
        with pytest.raises(ValidationError) as error:
            register(cast, cast.anna, **overrides)
        assert field in error.value.message_dict, overrides
        assert text in " ".join(error.value.message_dict[field])
    assert not Registration.objects.exists()


def test_the_rodo_clause_must_be_acknowledged(cast):
    with pytest.raises(ValidationError) as error:
        services.register(
            event=cast.event, user=cast.anna, by=cast.anna, privacy_acknowledged=False, **data(cast.event)
        )
    assert "privacy_acknowledged" in error.value.message_dict


def test_naming_a_roommate_who_is_not_registered_or_who_named_someone_else_is_refused(cast):
    bartek = register(cast, cast.bartek)
    celina = register(cast, cast.celina, room_choice="named", roommate=bartek)
    bartek = services.update_registration(
        registration=bartek, by=cast.bartek, **data(cast.event, room_choice="named", roommate=celina)
    )
    with pytest.raises(ValidationError) as error:
        register(cast, cast.anna, room_choice="named", roommate=bartek)
    assert "wskazał(a) już inną osobę" in error.value.message_dict["roommate"][0]
    cancelled = register(cast, cast.dawid)
    services.cancel_registration(registration=cancelled, by=cast.dawid)
    cancelled.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        register(cast, cast.anna, room_choice="named", roommate=cancelled)
    assert "nie jest zarejestrowana" in error.value.message_dict["roommate"][0]


def test_after_the_deadline_only_the_organiser_changes_a_registration(cast):
    registration = register(cast, cast.anna)
    cast.event.registration_deadline = timezone.localdate() - timedelta(days=1)
    cast.event.save()
    registration.refresh_from_db()
    with pytest.raises(ValidationError, match="Termin rejestracji minął"):
        services.update_registration(registration=registration, by=cast.anna, **data(cast.event, parking=True))
    with pytest.raises(ValidationError, match="Termin rejestracji minął"):
        register(cast, cast.bartek)
    services.update_registration(registration=registration, by=cast.organiser, **data(cast.event, parking=True))
    registration.refresh_from_db()
    assert registration.parking


def test_capacity_then_waiting_list_then_cancel_offers_the_place_with_a_deadline(cast, mailoutbox):
    cast.event.capacity = 2
    cast.event.save()
    first = register(cast, cast.anna)
    register(cast, cast.bartek)
    waiting = register(cast, cast.celina)
    later = register(cast, cast.dawid)
    assert waiting.status == later.status == Registration.Status.WAITING
    assert "Lista rezerwowa" in mailoutbox[-1].subject
    services.cancel_registration(registration=first, by=cast.anna)
    waiting.refresh_from_db()
    later.refresh_from_db()
    assert waiting.status == Registration.Status.OFFERED
    assert waiting.offer_expires_at > timezone.now() + timedelta(hours=47)
    assert later.status == Registration.Status.WAITING
    assert "Zwolniło się miejsce" in mailoutbox[-1].subject
    # Never over capacity: the offered place is held.
    assert services.registration._places_taken(cast.event) == 2
    services.accept_offer(registration=waiting, by=cast.celina)
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.REGISTERED


def test_an_offer_not_taken_in_time_goes_to_the_next_person(cast):
    cast.event.capacity = 1
    cast.event.save()
    first = register(cast, cast.anna)
    second = register(cast, cast.bartek)
    third = register(cast, cast.celina)
    services.cancel_registration(registration=first, by=cast.anna)
    second.refresh_from_db()
    assert second.status == Registration.Status.OFFERED
    assert services.expire_offers(now=timezone.now() + timedelta(hours=49)) == 1
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == Registration.Status.WAITING
    assert third.status == Registration.Status.OFFERED
    with pytest.raises(ValidationError):
        services.accept_offer(registration=second, by=cast.bartek)


def test_a_cancelled_person_may_register_again(cast):
    registration = register(cast, cast.anna)
    services.cancel_registration(registration=registration, by=cast.anna)
    again = register(cast, cast.anna)
    assert again.pk == registration.pk and again.status == Registration.Status.REGISTERED


def test_single_room_needs_the_organisers_approval(cast):
    registration = register(cast, cast.anna, room_choice="single", single_reason="Zdrowie")
    assert registration.single_approved is None
    services.decide_single_room(registration=registration, by=cast.organiser, approved=True)
    registration.refresh_from_db()
    assert registration.single_approved is True


def test_registering_records_which_version_of_the_organisers_clause_the_person_was_shown(cast, client):
    from django.urls import reverse

    from apps.consents.factories import ClauseVersionFactory
    from apps.consents.models import CollectionPoint, ConsentRecord

    organiser = cast.event.planned_event.edition.organiser
    clause = ClauseVersionFactory(organisation=organiser)
    client.force_login(cast.anna)
    page = client.get(reverse("events:register", kwargs={"pk": cast.event.pk})).content.decode()
    assert clause.controller in page  # the organiser's published clause, where the data is collected
    register(cast, cast.anna)
    record = ConsentRecord.objects.get(user=cast.anna, point=CollectionPoint.EVENT_REGISTRATION)
    assert record.clause_version == clause and record.organisation == organiser
