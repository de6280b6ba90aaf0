"""Concurrent writers and readers against a fresh SQLite file database (run by tests/test_sqlite_concurrency.py).

Run as ``python tests/sqlite_load.py PATH``: migrates PATH, builds an open call, a team and an organiser, then
threads sign up on the call page, invite people, add team members and start applications while others browse
signed in and a "worker" writes in the background, as in ``make run``. Prints every failure; exits 1 on any.
"""

import os
import sys
import threading
import traceback
from pathlib import Path

ROOTS = 4  # threads of each kind
ROUNDS = 6  # actions per thread


def main(path: str) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from apps.accounts.factories import MembershipFactory, UserFactory
    from apps.accounts.models import Membership, User
    from apps.accounts.services import invite
    from apps.audit.services import record
    from apps.core.testing import sign_in
    from apps.engagements.factories import EngagementFactory, TeamMemberFactory
    from apps.engagements.services import TeamMemberData, add_team_member
    from apps.recruitment.tests.conftest import day
    from apps.territory.factories import LocalGovernmentFactory
    from apps.territory.kinds import JstKind

    setup_test_environment()
    call_command("migrate", verbosity=0)
    assert connection.vendor == "sqlite" and connection.settings_dict["NAME"] == path

    from apps.catalog.services import ensure_initial_catalog
    from apps.editions.factories import EditionFactory

    edition = EditionFactory(
        catalogue_version=ensure_initial_catalog(),
        published=True,
        recruitment_opens_on=day(-10),
        recruitment_deadline=day(10),
        results_date=day(15),
        period_start=day(30),
        period_end=day(300),
        team_size_min=1,
        team_size_max=ROUNDS + 2,
        eligible_jst_kinds=[JstKind.RURAL_GMINA],
    )
    organiser = MembershipFactory(organisation=edition.organiser, role=Membership.Role.STAFF).user
    engagements = [EngagementFactory(edition=edition) for _ in range(ROOTS)]
    leaders = [TeamMemberFactory(engagement=e, is_leader=True).user for e in engagements]
    readers = [UserFactory() for _ in range(ROOTS)]
    applicants = [UserFactory() for _ in range(ROOTS)]
    jsts = [[LocalGovernmentFactory(kind=JstKind.RURAL_GMINA) for _ in range(ROUNDS)] for _ in range(ROOTS)]
    register_url = reverse("recruitment:register", kwargs={"slug": edition.slug})
    start_url = reverse("recruitment:start", kwargs={"slug": edition.slug})
    pages = [
        reverse("core:dashboard"),
        reverse("accounts:profile"),
        reverse("recruitment:call_detail", args=[edition.slug]),
    ]

    failures: list[str] = []
    barrier = threading.Barrier(ROOTS * 5)

    def expect(response, *codes):
        if response.status_code not in codes:
            raise AssertionError(f"{response.request['PATH_INFO']} answered {response.status_code}")

    def sign_up(n: int):
        client = Client(raise_request_exception=True)
        for i in range(ROUNDS):
            data = {"full_name": f"Osoba {n}-{i}", "email": f"nowa{n}-{i}@gmina.example.org", "privacy": "on"}
            data |= {"password1": "Bardzo-dobre-haslo-1", "password2": "Bardzo-dobre-haslo-1"}
            expect(client.post(register_url, data), 302)
            client.logout()

    def start_applications(n: int):
        client = Client(raise_request_exception=True)
        sign_in(client, User.objects.get(pk=applicants[n].pk))
        for jst in jsts[n]:
            expect(client.post(start_url, {"local_government": jst.display_name}), 302)

    def browse(n: int):
        client = Client(raise_request_exception=True)
        sign_in(client, User.objects.get(pk=readers[n].pk))
        for _ in range(ROUNDS * 3):
            for page in pages:
                expect(client.get(page), 200)

    def invite_and_add(n: int):
        by = User.objects.get(pk=organiser.pk)
        leader = User.objects.get(pk=leaders[n].pk)
        for i in range(ROUNDS):
            invite(email=f"doradca{n}-{i}@example.org", organisation=edition.organiser, role="advisor", by=by)
            data = TeamMemberData(full_name=f"Członek {n}-{i}", email=f"czlonek{n}-{i}@gmina.example.org")
            add_team_member(engagement=engagements[n], data=data, by=leader)

    def worker(n: int):
        # The background worker: reads what to do, then writes what it did, in one transaction.
        for i in range(ROUNDS * 3):
            with transaction.atomic():
                User.objects.count()
                record(actor=None, action="worker.tick", target=edition, changes={"n": n, "i": i})

    def run(fn, n):
        try:
            barrier.wait()
            fn(n)
        except Exception:
            failures.append(f"{fn.__name__}[{n}]: {traceback.format_exc()}")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(fn, n))
        for fn in (sign_up, start_applications, browse, invite_and_add, worker)
        for n in range(ROOTS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for failure in failures:
        print(failure)
    print(f"{len(threads)} threads, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
