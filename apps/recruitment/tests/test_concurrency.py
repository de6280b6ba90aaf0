"""Two organiser staff deciding on the last free place at the same moment: exactly one succeeds.

Needs real row locks, so it runs on PostgreSQL (CI runs the suite on both databases); SQLite serialises every
write transaction on its own and has no SELECT ... FOR UPDATE, so there is no race to test there.
"""

import contextlib
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from apps.accounts.factories import MembershipFactory
from apps.accounts.models import Membership
from apps.recruitment import services
from apps.recruitment.factories import PaperReceiptFactory, SubmittedApplicationFactory
from apps.recruitment.kinds import DocumentKind
from apps.recruitment.models import Application
from apps.territory.factories import LocalGovernmentFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Row locks (SELECT ... FOR UPDATE) need PostgreSQL; CI runs this test on PostgreSQL.",
    ),
]


def test_two_staff_deciding_on_the_last_place_at_once(edition, organisation, monkeypatch):
    staff = [MembershipFactory(organisation=organisation, role=Membership.Role.STAFF).user for _ in range(2)]
    applications = []
    for _ in range(3):
        application = SubmittedApplicationFactory(edition=edition, local_government=LocalGovernmentFactory())
        for kind in DocumentKind.values:
            PaperReceiptFactory(application=application, kind=kind)
        services._refresh_documents(application)
        applications.append(application)
    services.decide(
        application=applications[0], status=Application.Status.QUALIFIED, by=staff[0]
    )  # 1 of 2 places taken

    # Make both threads meet between reading their application and counting the places: without the edition lock
    # both would count one qualified JST and both would qualify theirs. With the lock the second thread cannot get
    # there while the first holds it, so the first waits out the rendezvous (2 s) and goes on alone.
    original = services._locked_application
    rendezvous = threading.Barrier(2, timeout=2)

    def meeting(application):
        locked = original(application)
        with contextlib.suppress(threading.BrokenBarrierError):
            rendezvous.wait()
        return locked

    # decide() lives in the desk part of the services package and looks the helper up there.
    monkeypatch.setattr(services.desk, "_locked_application", meeting)
    barrier = threading.Barrier(2)
    outcomes: dict[int, str] = {}

    def decide(index: int):
        try:
            barrier.wait()
            services.decide(application=applications[index + 1], status=Application.Status.QUALIFIED, by=staff[index])
            outcomes[index] = "qualified"
        except ValidationError as error:
            outcomes[index] = error.messages[0]
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values(), key=len)[0] == "qualified"
    refused = [o for o in outcomes.values() if o != "qualified"]
    assert len(refused) == 1 and refused[0].startswith("Brak wolnych miejsc: zakwalifikowano już 2 z 2 JST.")
    assert Application.objects.filter(edition=edition, status=Application.Status.QUALIFIED).count() == 2
