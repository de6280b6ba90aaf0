"""The access matrix of the API with personal tokens: every API URL of tests/access/matrix.py, for every role of
tests/world.py holding a token of its own (anonymous: none), must answer what the session does; the writes of
tests/access/writes.py with a read-write token do what they do with the session, and with a read-only token
nothing (403)."""

import pytest
from django.db import transaction
from rest_framework.test import APIClient

from apps.api.models import ApiToken
from tests.access.matrix import MATRIX
from tests.access.writes import DONE, POSTS
from tests.world import ROLES, build_world

from .conftest import make_token

# The token pages themselves are for the browser's session (a token cannot make or revoke tokens).
API_ROWS = sorted(n for n in MATRIX if n.startswith("api:") and n not in {"api:tokens", "api:revoke"})
API_POSTS = sorted(n for n in POSTS if n.startswith("api:") and n not in {"api:tokens", "api:revoke"})


def _client(world, role, scope=ApiToken.Scope.READ) -> APIClient:
    client = APIClient()
    if role != "anonymous":
        secret = make_token(world.users[role], scope, name=f"macierz {scope}")
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def test_every_api_url_is_in_the_token_matrix():
    assert len(API_ROWS) >= 17
    assert API_POSTS == ["api:application-paper-receipts", "api:event-check-in", "api:hdr-action-progress"]


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", API_ROWS)
def test_token_access(url_name):
    row = MATRIX[url_name]
    world = build_world()
    mismatches = []
    for role in ROLES:
        with transaction.atomic():
            url = row.url(world)
            got = _client(world, role).get(url).status_code
            transaction.set_rollback(True)
        if got != row.expected[role]:
            mismatches.append(f"{role}: expected {row.expected[role]}, got {got}")
    assert not mismatches, f"{url_name} (GET {url} with a token):\n  " + "\n  ".join(mismatches)


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", API_POSTS)
def test_token_writes(url_name):
    post = POSTS[url_name]
    world = build_world()
    post.prepare(world)
    url = post.url(world)
    data = post.changes(world)
    mismatches = []
    for role in ROLES:
        for scope in ApiToken.Scope.values:
            with transaction.atomic():
                response = _client(world, role, scope).post(url, data, format="json")
                done = post.done(world, response)
                transaction.set_rollback(True)
            expected = post.expected[role]
            if role != "anonymous" and scope == ApiToken.Scope.READ:
                expected = 403  # a read-only token writes nothing, whoever holds it
            got = DONE if done and response.status_code < 400 else response.status_code
            if done and response.status_code >= 400:
                got = f"{response.status_code} and changed"
            if got != expected:
                mismatches.append(f"{role} ({scope} token): expected {expected}, got {got}")
    assert not mismatches, f"{url_name} (POST {url} with a token):\n  " + "\n  ".join(mismatches)
