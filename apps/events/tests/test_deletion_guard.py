"""Editions refuses deleting a planned event whose event has registrations (the guard events registers in
editions' ``PLANNED_EVENT_DELETE_GUARDS``): a clear Polish message, nothing deleted; without registrations it goes."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from apps.accounts.factories import MembershipFactory
from apps.accounts.models import Membership
from apps.editions import services as edition_services
from apps.editions.models import PlannedEvent
from apps.events.factories import EventFactory, RegistrationFactory
from apps.events.models import Event, Registration

pytestmark = pytest.mark.django_db


def test_a_planned_event_with_registrations_is_kept():
    registration = RegistrationFactory()
    planned = registration.event.planned_event
    organiser = MembershipFactory(organisation=planned.edition.organiser, role=Membership.Role.STAFF).user
    with pytest.raises(ValidationError) as refused:
        edition_services.delete_event(event=planned, by=organiser)
    assert "Nie można usunąć wydarzenia" in refused.value.messages[0]
    assert "zgłoszenie" in refused.value.messages[0]
    assert PlannedEvent.objects.filter(pk=planned.pk).exists()
    assert Registration.objects.filter(pk=registration.pk).exists()


def test_even_cancelled_registrations_keep_it_and_the_page_says_why(signed_in):
    registration = RegistrationFactory(status=Registration.Status.CANCELLED)
    planned = registration.event.planned_event
    organiser = MembershipFactory(organisation=planned.edition.organiser, role=Membership.Role.STAFF).user
    client = signed_in(organiser)
    response = client.post(reverse("editions:event_delete", args=[planned.edition.slug, planned.pk]), follow=True)
    assert "Nie można usunąć wydarzenia" in response.content.decode()
    assert Event.objects.filter(pk=registration.event_id).exists()


def test_a_planned_event_without_registrations_is_deleted():
    event = EventFactory()
    planned = event.planned_event
    organiser = MembershipFactory(organisation=planned.edition.organiser, role=Membership.Role.STAFF).user
    edition_services.delete_event(event=planned, by=organiser)
    assert not PlannedEvent.objects.filter(pk=planned.pk).exists()
    assert not Event.objects.filter(pk=event.pk).exists()
