import pytest
from django.urls import reverse

from apps.core.testing import sign_in
from tests.world import build_world

pytestmark = pytest.mark.django_db


def test_engagement_pages_link_to_the_hdr(client):
    world = build_world()
    sign_in(client, world.users["team_member_a"])
    engagement = world.engagement_a
    page = client.get(reverse("engagements:detail", args=[engagement.pk])).content.decode()
    assert f'href="{reverse("plans:detail", kwargs={"engagement_pk": engagement.pk})}"' in page
