"""Personal API tokens: the page on the account (created, shown once, stored hashed, revoked), the rules."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.api import services
from apps.api.models import ApiToken
from apps.audit.models import AuditEntry
from apps.core.testing import sign_in

pytestmark = pytest.mark.django_db


def _in(days: int):
    return timezone.localdate() + timedelta(days=days)


def test_the_page_shows_a_new_token_once_and_stores_only_its_hash(client):
    user = MembershipFactory(role=Membership.Role.STAFF).user
    sign_in(client, user)
    assert reverse("api:tokens") in client.get(reverse("accounts:profile")).content.decode()
    response = client.post(
        reverse("api:tokens"), {"name": "Księgowość", "scope": "write", "expires_on": _in(30).isoformat()}
    )
    assert response.status_code == 200
    secret = response.context["secret"]
    assert secret.startswith("jst_") and secret in response.content.decode()
    token = ApiToken.objects.get(user=user)
    assert secret not in (token.token_hash, token.prefix) and len(token.token_hash) == 64
    assert AuditEntry.objects.filter(action="api.token_created", target_id=str(token.pk)).exists()
    # Shown once: the next visit lists the token by its first characters only.
    again = client.get(reverse("api:tokens")).content.decode()
    assert secret not in again and token.prefix in again
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert api.get("/api/v1/applications/").status_code == 200
    # Revoked from the page: the token gets 401 from then on.
    client.post(reverse("api:revoke", args=[token.pk]))
    assert api.get("/api/v1/applications/").status_code == 401
    assert AuditEntry.objects.filter(action="api.token_revoked").exists()


def test_a_role_that_needs_two_factor_must_have_verified_it():
    staff = MembershipFactory(role=Membership.Role.STAFF).user
    with pytest.raises(ValidationError):
        services.create_token(user=staff, name="x", scope="read", expires_on=_in(10), second_factor_verified=False)
    applicant = UserFactory()
    token, _secret = services.create_token(
        user=applicant, name="x", scope="read", expires_on=_in(10), second_factor_verified=False
    )
    assert token.pk


def test_the_unverified_session_of_a_two_factor_role_cannot_reach_the_page(client):
    staff = MembershipFactory(role=Membership.Role.STAFF).user
    sign_in(client, staff, verified=False)
    response = client.post(reverse("api:tokens"), {"name": "x", "scope": "read", "expires_on": _in(3).isoformat()})
    assert response.status_code == 302 and response["Location"].startswith("/konto/2fa/")
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize(
    "values, field",
    [
        ({"name": " ", "scope": "read", "expires_on": _in(5)}, "name"),
        ({"name": "a", "scope": "admin", "expires_on": _in(5)}, "scope"),
        ({"name": "a", "scope": "read", "expires_on": _in(0)}, "expires_on"),
        ({"name": "a", "scope": "read", "expires_on": _in(400)}, "expires_on"),
    ],
)
def test_invalid_tokens_are_refused(values, field):
    with pytest.raises(ValidationError) as error:
        services.create_token(user=UserFactory(), second_factor_verified=True, **values)
    assert field in error.value.message_dict


def test_reads_are_recorded_once_a_minute_writes_every_time():
    user = UserFactory()
    token, _secret = services.create_token(
        user=user, name="t", scope="write", expires_on=_in(5), second_factor_verified=True
    )
    for _ in range(3):
        services.note_token_use(token=token, method="GET", path="/api/v1/teryt/", status=200)
    assert AuditEntry.objects.filter(action="api.token_read").count() == 1
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now() - timedelta(seconds=61))
    services.note_token_use(token=token, method="GET", path="/api/v1/teryt/", status=200)
    assert AuditEntry.objects.filter(action="api.token_read").count() == 2
    for _ in range(2):
        services.note_token_use(token=token, method="POST", path="/api/v1/x/", status=400)
    assert AuditEntry.objects.filter(action="api.token_write").count() == 2
