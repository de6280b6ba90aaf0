"""Helpers every app's tests use: signing in (with the second factor) and query-count checks."""

from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.accounts.roles import roles_of


def sign_in(client, user, *, verified: bool = True) -> None:
    """Log ``user`` in on a Django test client; roles that need TOTP are marked as having passed it."""
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    if verified and roles_of(user).requires_two_factor:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


def count_queries(fn: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def assert_constant_queries(
    *, build: Callable[[int], object], request: Callable[[], object], few: int = 1, many: int = 25
):
    """Build ``few`` rows and measure ``request``; build up to ``many`` rows and measure again: counts must match.

    ``build(n)`` adds ``n`` more rows of whatever the page lists. The difference in query counts is reported
    with both query logs so an N+1 is easy to find.
    """
    build(few)
    request()  # warm caches (content types, sessions) so both measurements see the same state
    with CaptureQueriesContext(connection) as small:
        request()
    build(many - few)
    with CaptureQueriesContext(connection) as large:
        request()
    if len(small.captured_queries) != len(large.captured_queries):
        extra = [q["sql"] for q in large.captured_queries][len(small.captured_queries) :]
        raise AssertionError(
            f"Query count grows with rows: {len(small.captured_queries)} for {few} rows, "
            f"{len(large.captured_queries)} for {many}. Extra queries:\n" + "\n".join(extra[:10])
        )
    return len(large.captured_queries)
