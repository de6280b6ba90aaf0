import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from apps.api import services
from apps.api.models import ApiToken


@pytest.fixture(autouse=True)
def _fresh_throttles():
    """Throttle counters live in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


def make_token(user, scope=ApiToken.Scope.READ, name="integracja"):
    from datetime import timedelta

    from django.utils import timezone

    _token, secret = services.create_token(
        user=user,
        name=name,
        scope=scope,
        expires_on=timezone.localdate() + timedelta(days=30),
        second_factor_verified=True,
    )
    return secret


def token_client(user, scope=ApiToken.Scope.READ) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token(user, scope)}")
    return client
