"""Every URL pattern of the project, for every role: the outcome must be the one the matrix expects."""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from apps.core.testing import sign_in
from tests.access.matrix import LOGIN, MATRIX, REDIRECT
from tests.world import ROLES, build_world

# The Django admin's own URLs are guarded as a whole by PlatformAdminSite.has_permission; `admin:index` stands
# for them in the matrix and test_admin_urls_are_guarded_as_a_whole checks a sample of the rest.
WHOLE_NAMESPACES_GUARDED_ELSEWHERE = {"admin"}


def _all_url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    names, unnamed = set(), []
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            sub_names, sub_unnamed = _all_url_names(pattern, inner)
            names |= sub_names
            unnamed += sub_unnamed
        elif isinstance(pattern, URLPattern):
            if pattern.name:
                names.add(f"{namespace}{pattern.name}")
            else:
                unnamed.append(f"{namespace}{pattern.pattern}")
    return names, unnamed


def test_every_url_has_a_row():
    names, unnamed = _all_url_names()
    checked = {n for n in names if n.split(":")[0] not in WHOLE_NAMESPACES_GUARDED_ELSEWHERE} | {"admin:index"}
    assert not [u for u in unnamed if not u.startswith("admin:")], f"Unnamed URL patterns: {unnamed}"
    missing = sorted(checked - set(MATRIX))
    stale = sorted(set(MATRIX) - names)
    assert not missing, f"URLs without a row in tests/access/matrix.py: {missing}"
    assert not stale, f"Rows for URLs that no longer exist: {stale}"


def _outcome(response, login_url):
    if response.status_code in (301, 302, 303):
        return LOGIN if response["Location"].startswith(login_url) else REDIRECT
    return response.status_code


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", sorted(MATRIX))
def test_access(url_name):
    row = MATRIX[url_name]
    world = build_world()
    login_url = reverse("accounts:login")
    mismatches = []
    for role in ROLES:
        client = Client()
        if role != "anonymous":
            sign_in(client, world.users[role])
        # Each role's request runs in a savepoint that is rolled back, so a POST cannot change the next role's view.
        with transaction.atomic():
            url = row.url(world)
            response = getattr(client, row.method)(url, row.data(world))
            got = _outcome(response, login_url)
            if response.streaming:
                # Reading a download to the end lets the test client close its file (response.close() would
                # also fire request_finished, which closes the database connection mid-test on PostgreSQL).
                b"".join(response.streaming_content)
            transaction.set_rollback(True)
        expected = row.expected[role]
        if got != expected:
            mismatches.append(f"{role}: expected {expected}, got {got} ({response.status_code})")
    assert not mismatches, f"{url_name} ({row.method.upper()} {url}):\n  " + "\n  ".join(mismatches)


@pytest.mark.django_db
def test_admin_urls_are_guarded_as_a_whole(client):
    world = build_world()
    for role in ["organiser_x", "coordinator", "advisor_a"]:
        sign_in(client, world.users[role])
        for url in [reverse("admin:accounts_user_changelist"), reverse("admin:audit_auditentry_changelist")]:
            response = client.get(url)
            assert response.status_code == 302 and "/admin/login/" in response["Location"], (role, url)
    sign_in(client, world.users["platform_admin"])
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 200


@pytest.mark.django_db
def test_unverified_two_factor_roles_are_held_at_the_second_factor(client):
    world = build_world()
    for role in ["organiser_x", "advisor_a", "coordinator", "platform_admin"]:
        sign_in(client, world.users[role], verified=False)
        response = client.get(reverse("core:dashboard"))
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/2fa/"), (role, response["Location"])
