"""Helpers every app's tests use: signing in (with the second factor) and query-count checks."""

import statistics
import time
from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from .permissions import role_facts

# The password of every test account (the accounts app's factories use it too).
TEST_PASSWORD = "Test-haslo-2026"


def make_user(email: str | None = None, **fields):
    """A plain account from Django's user model, for tests of the kernel that need no app's factories."""
    from django.contrib.auth import get_user_model

    model = get_user_model()
    email = email or f"osoba{model.objects.count() + 1}@example.org"
    return model.objects.create_user(email=email, password=TEST_PASSWORD, **fields)


def sign_in(client, user, *, verified: bool = True) -> None:
    """Log ``user`` in on a Django test client; roles that need TOTP are marked as having passed it."""
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    if verified and role_facts(user).requires_two_factor:
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


def server_ms(client, url: str, *, runs: int = 7, warm: bool = True) -> tuple[float, float]:
    """(best, median) server time of ``GET url`` through the whole middleware stack, in milliseconds.

    On SQLite the whole request, the database included, runs in this thread, so its CPU time is what is measured:
    the other test worker, the browser or a neighbour on the machine do not inflate it (wall time under two busy
    cores doubled it and failed budgets the page meets). On PostgreSQL the database works in its own process, so
    the wall time is measured there, and the best of ``runs`` is the budget's measure (as ``timeit`` advises).
    """
    clock = time.thread_time if connection.vendor == "sqlite" else time.perf_counter
    if warm:
        client.get(url)  # templates, content types, sessions
    times = []
    for _ in range(runs):
        started = clock()
        response = client.get(url)
        times.append((clock() - started) * 1000)
        assert response.status_code == 200, response.content[:300]
    return min(times), statistics.median(times)
