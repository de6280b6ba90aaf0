import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import Client
from django.urls import reverse

from apps.accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
from apps.accounts.models import Membership
from apps.accounts.services import accept_invitation, invite
from apps.consents import services
from apps.consents.models import CollectionPoint, ConsentRecord, Purpose
from apps.core.testing import sign_in

pytestmark = pytest.mark.django_db

FIELDS = {
    "controller": "ORE, Warszawa",
    "dpo_contact": "iod@ore.edu.pl",
    "purposes": "doradztwo",
    "legal_bases": "art. 6 ust. 1 lit. e",
    "recipients": "IP",
    "retention": "10 lat",
    "rights": "dostęp, sprostowanie",
    "complaint": "Prezes UODO",
}


def test_each_change_is_a_new_version_and_the_newest_is_shown():
    organisation = OrganisationFactory()
    staff = MembershipFactory(organisation=organisation, role=Membership.Role.STAFF).user
    first = services.publish_clause(organisation=organisation, fields=FIELDS, by=staff)
    with pytest.raises(ValidationError):
        services.publish_clause(organisation=organisation, fields=FIELDS, by=staff)
    second = services.publish_clause(organisation=organisation, fields={**FIELDS, "retention": "5 lat"}, by=staff)
    assert (first.number, second.number) == (1, 2)
    html = Template("{% load consents %}{% information_clause org 'application' %}").render(
        Context({"org": organisation})
    )
    assert "5 lat" in html and "wersja 2" in html and "Prezes UODO" in html


def test_acknowledgement_records_who_which_version_when_where_and_an_invitation_records_it():
    organisation = OrganisationFactory()
    staff = MembershipFactory(organisation=organisation, role=Membership.Role.STAFF).user
    version = services.publish_clause(organisation=organisation, fields=FIELDS, by=staff)
    _invitation, token = invite(email="nowy@example.org", organisation=organisation, role="advisor", by=staff)
    user = accept_invitation(token=token, full_name="Nowy Doradca", password="Zielony-rower-nad-Wisłą")
    consent = ConsentRecord.objects.get(user=user)
    assert (consent.clause_version, consent.point, consent.purpose) == (
        version,
        CollectionPoint.INVITATION,
        Purpose.ACKNOWLEDGEMENT,
    )
    assert consent.given_at is not None


def test_an_optional_consent_is_withdrawn_from_the_account_page_and_an_acknowledgement_is_not():
    organisation = OrganisationFactory()
    user = UserFactory()
    services.publish_clause(organisation=organisation, fields=FIELDS, by=None)
    photos = services.give_consent(user=user, organisation=organisation, purpose=Purpose.PHOTOS, point="account")
    ack = services.record_acknowledgement(user=user, organisation=organisation, point=CollectionPoint.SURVEY)
    assert services.has_consent(user=user, organisation=organisation, purpose=Purpose.PHOTOS)
    client = Client()
    sign_in(client, user)
    page = client.get(reverse("consents:mine")).content.decode()
    assert "Wycofaj zgodę" in page
    client.post(reverse("consents:withdraw", args=[photos.pk]))
    assert not services.has_consent(user=user, organisation=organisation, purpose=Purpose.PHOTOS)
    client.post(reverse("consents:withdraw", args=[ack.pk]))
    assert ConsentRecord.objects.get(pk=ack.pk).withdrawn_at is None
    other = UserFactory()
    sign_in(client, other)
    assert client.post(reverse("consents:withdraw", args=[photos.pk])).status_code == 404
