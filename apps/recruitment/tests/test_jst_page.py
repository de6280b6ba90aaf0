"""A JST's register page links its open calls, the editions it takes part in, and its karta JST for those who may
see it (issue: dead ends)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.core.testing import sign_in
from apps.editions.factories import EditionFactory
from apps.engagements.factories import EngagementFactory, TeamMemberFactory
from apps.recruitment.models import Call
from apps.territory.factories import LocalGovernmentFactory
from apps.territory.kinds import JstKind

pytestmark = pytest.mark.django_db


def page(client, jst):
    return client.get(reverse("territory:detail", args=[jst.teryt])).content.decode()


def test_open_call_is_linked_only_for_an_eligible_kind(client, edition, jst):
    body = page(client, jst)
    assert "Otwarte nabory dla tej JST" in body and reverse("recruitment:call_detail", args=[edition.slug]) in body
    city = LocalGovernmentFactory(kind=JstKind.URBAN_GMINA)
    assert "Otwarte nabory dla tej JST" not in page(client, city)


def test_participation_is_public_once_results_are_out_and_the_card_only_for_its_team(client, edition, jst):
    engagement = EngagementFactory(edition=edition, local_government=jst)
    Call.objects.get_or_create(edition=edition)
    assert "Udział w edycjach modelu" not in page(client, jst)  # results not published: qualification not public
    Call.objects.filter(edition=edition).update(results_published_at=timezone.now())
    body = page(client, jst)
    assert "Udział w edycjach modelu" in body and reverse("editions:public_detail", args=[edition.slug]) in body
    card = reverse("engagements:detail", args=[engagement.pk])
    assert card not in body  # anonymous: no karta JST
    member = TeamMemberFactory(engagement=engagement).user
    sign_in(client, member)
    assert card in page(client, jst)


def test_an_edition_recruited_outside_the_platform_shows_participation(client, catalogue, jst):
    closed = EditionFactory(catalogue_version=catalogue, published=True, name="Pilotaż 2019")
    EngagementFactory(edition=closed, local_government=jst)
    assert "Pilotaż 2019" in page(client, jst)
