"""What the signed-in load scenarios need on top of ``seed_scale`` (``manage.py seed_loadtest``, loadtest/): an open
call on its deadline day, organiser staff, advisors and JST officials with a known password and a known TOTP
secret, and an event today with registrations to check in. Everything the scenarios sign in with or open is
written to one JSON file (``var/cluster/loadtest.json``) that ``loadtest/locustfile.py`` reads.

Applicants are not seeded: the deadline scenario signs them up through the real sign-up page and opens the link
from the confirmation e-mail (the cluster's worker writes the e-mails to files, ``EMAIL_FILE_PATH``).

The seed writes only into a database that holds the ``seed_scale`` data and nothing else (the same guard as
``seed_scale``) and may run again: it resets the dates to today and gives every account a new TOTP secret.
"""

import json
from dataclasses import dataclass
from datetime import time, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.accounts.models import Membership, User
from apps.editions.models import Edition, PlannedEvent
from apps.engagements.models import AdvisorAssignment, TeamMember
from apps.events.models import Event, Registration, Session, Venue
from apps.recruitment.kinds import KIND_BY_SLUG
from apps.recruitment.models import Application, Call
from apps.territory.models import LocalGovernment

from . import scale, scale_events

EDITION_SLUG = scale.LOADTEST_SLUG
EVENT_TITLE = "Spotkanie dziś (obciążenie)"
# Known to locust through the JSON file; the accounts exist only in the bench/cluster database.
PASSWORD = "Skala-obciazenie-2026"
# The applicants' addresses locust makes up: ``zgl.<run>.<process>.<n>@`` this domain, so a run's submissions can
# be counted (``manage.py loadtest_count``).
APPLICANT_DOMAIN = "obciazenie.example"


@dataclass(frozen=True)
class LoadSize:
    staff: int = 40
    officials: int = 300
    participants: int = 400
    reviews: int = 50


def staff_email(n: int) -> str:
    return f"obciazenie.organizator.{n:03d}@{scale.DOMAIN}"


def applicant_prefix(run: str) -> str:
    return f"zgl.{run}."


def _password_hash() -> str:
    """One hash for every account (same password). The cluster's app servers run the production settings, whose
    hashers do not include the bench's fast MD5: under the bench settings the hash is PBKDF2, which production
    checks; elsewhere (tests) the settings' own first hasher."""
    if getattr(settings, "BENCH", False):
        return PBKDF2PasswordHasher().encode(PASSWORD, get_random_string(22))
    return make_password(PASSWORD)


def _device(user: User) -> str:
    """A fresh confirmed TOTP device; returns its secret (hex, as django-otp stores it)."""
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name="Obciążenie", confirmed=True).key


def _call_edition(large: Edition) -> Edition:
    today = timezone.localdate()
    values = {
        "organiser": large.organiser,
        "catalogue_version": large.catalogue_version,
        "name": "Edycja skali: nabór w dniu terminu (obciążenie)",
        "status": Edition.Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(days=30),
        "recruitment_opens_on": today - timedelta(days=14),
        "recruitment_deadline": today,
        "results_date": today + timedelta(days=14),
        "period_start": today + timedelta(days=30),
        "period_end": today + timedelta(days=400),
        "capacity": 1000,
        "team_size_min": 3,
        "team_size_max": 5,
        "onsite_visits_count": 3,
        "remote_advisory_months": 8,
    }
    edition, _created = Edition.objects.update_or_create(slug=EDITION_SLUG, defaults=values)
    Call.objects.get_or_create(edition=edition)
    return edition


def _staff(large: Edition, count: int, password: str) -> list[dict]:
    rows = []
    for n in range(count):
        user, _created = User.objects.update_or_create(
            email=staff_email(n),
            defaults={
                "full_name": f"Organizator {n:03d} (obciążenie)",
                "password": password,
                "email_confirmed_at": timezone.now(),
            },
        )
        Membership.objects.get_or_create(user=user, organisation=large.organiser, role=Membership.Role.STAFF)
        rows.append({"email": user.email, "totp_key": _device(user)})
    return rows


def _advisors(large: Edition, password: str) -> list[dict]:
    assignments = (
        AdvisorAssignment.objects.filter(engagement__edition=large).select_related("user").order_by("user_id", "pk")
    )
    first_engagement: dict[int, int] = {}
    users = {}
    for assignment in assignments:
        first_engagement.setdefault(assignment.user_id, assignment.engagement_id)
        users[assignment.user_id] = assignment.user
    User.objects.filter(pk__in=users).update(password=password, email_confirmed_at=timezone.now())
    return [
        {
            "email": user.email,
            "totp_key": _device(user),
            "pages": [
                reverse("core:dashboard"),
                reverse("engagements:mine"),
                reverse("plans:review_list"),
                reverse("engagements:detail", kwargs={"pk": first_engagement[pk]}),
                reverse("plans:detail", kwargs={"engagement_pk": first_engagement[pk]}),
            ],
        }
        for pk, user in users.items()
    ]


def _officials(large: Edition, count: int, password: str) -> list[TeamMember]:
    """The first ``count`` team members with accounts (leaders and others): the JST officials of the working day
    and the event's participants."""
    members = list(
        TeamMember.objects.filter(engagement__edition=large, user__isnull=False, left_at__isnull=True)
        .select_related("user", "engagement")
        .order_by("engagement_id", "pk")[:count]
    )
    User.objects.filter(pk__in=[m.user_id for m in members]).update(
        password=password, email_confirmed_at=timezone.now()
    )
    return members


def _event_today(large: Edition, members: list[TeamMember]) -> Event:
    """A one-day meeting today with a registration for each of ``members``, nobody checked in yet."""
    today = timezone.localdate()
    planned = PlannedEvent.objects.filter(edition=large, title=EVENT_TITLE).first()
    if planned is None:
        planned = PlannedEvent.objects.create(
            edition=large, kind=PlannedEvent.Kind.WORKSHOP_TRAINING, title=EVENT_TITLE, starts_on=today, ends_on=today
        )
    PlannedEvent.objects.filter(pk=planned.pk).update(starts_on=today, ends_on=today, place="Sala (obciążenie)")
    planned.refresh_from_db()
    event = Event.objects.filter(planned_event=planned).first()
    if event is None:
        venue = Venue.objects.create(organiser=large.organiser, name="Sala (obciążenie)", address="ul. Testowa 2")
        event = Event.objects.create(
            planned_event=planned,
            venue=venue,
            capacity=5000,
            registration_deadline=today,
            privacy_notice="Klauzula informacyjna (obciążenie).",
        )
    event.registrations.all().delete()  # check-ins and rooms go with them: every seed starts the morning afresh
    event.sessions.all().delete()
    Session.objects.bulk_create(
        [
            Session(event=event, day=today, starts_at=start, title=title, room="Sala A")
            for start, title in [
                (time(9, 0), "Otwarcie (obciążenie)"),
                (time(11, 0), "Warsztat (obciążenie)"),
                (time(14, 0), "Podsumowanie (obciążenie)"),
            ]
        ]
    )
    now = timezone.now()
    Registration.objects.bulk_create(
        [scale_events.registration_of(m, event, at=now, days=[today.isoformat()]) for m in members],
        batch_size=scale.BATCH,
    )
    return event


def _jst_codes(edition: Edition) -> list[str]:
    """TERYT codes of the JSTs that may still apply to the call (no live application), in register order."""
    taken = Application.objects.filter(edition=edition).values("local_government_id")
    return list(
        LocalGovernment.objects.filter(is_active=True, kind__in=edition.eligible_jst_kinds)
        .exclude(pk__in=taken)
        .order_by("teryt")
        .values_list("teryt", flat=True)
    )


def _public_pages(large: Edition, call_edition: Edition) -> list[str]:
    return [
        reverse("core:home"),
        reverse("recruitment:call_list"),
        reverse("recruitment:call_detail", kwargs={"slug": call_edition.slug}),
        reverse("recruitment:results", kwargs={"slug": large.slug}),
        reverse("events:public_list", kwargs={"slug": large.slug}),
        reverse("events:verify_lookup"),
        reverse("programmes:list"),
        "/rejestr-jst/?q=gmina",
        "/baza-wiedzy/",
    ]


def _organiser_pages(large: Edition, event: Event) -> list[str]:
    slug = {"slug": large.slug}
    return [
        reverse("core:dashboard"),
        reverse("editions:overview", kwargs=slug),
        reverse("engagements:edition_matrix", kwargs=slug),
        reverse("engagements:edition_advisors", kwargs=slug),
        reverse("plans:list"),
        reverse("recruitment:desk", kwargs=slug),
        reverse("events:manage", kwargs={"pk": event.pk}),
        reverse("events:registrations", kwargs={"pk": event.pk}),
    ]


def build(size: LoadSize = LoadSize(), *, out: Path, pdf_out: Path, log=lambda text: None) -> dict:
    """Seed and write the JSON file (``out``) and the signed PDF (``pdf_out``); returns what the file holds."""
    from apps.documents.testing import make_pdf, make_signed_pdf

    if not scale.ensure_empty_or_scale():
        raise scale.NotABenchDatabase("Run seed_scale first: seed_loadtest adds to its data.")
    large = Edition.objects.select_related("organiser", "catalogue_version").get(slug=scale.LARGE.slug)
    password = _password_hash()
    with transaction.atomic():
        call_edition = _call_edition(large)
        staff = _staff(large, size.staff, password)
        advisors = _advisors(large, password)
        members = _officials(large, max(size.officials, size.participants), password)
        event = _event_today(large, members[: size.participants])
    codes = dict(event.registrations.values_list("user_id", "code"))
    reviews = list(
        Application.objects.filter(edition=large).order_by("pk").values_list("pk", flat=True)[: size.reviews]
    )
    desk = reverse("recruitment:desk", kwargs={"slug": call_edition.slug})
    data = {
        "password": PASSWORD,
        "applicant_domain": APPLICANT_DOMAIN,
        "call": {
            "slug": call_edition.slug,
            "page": reverse("recruitment:call_detail", kwargs={"slug": call_edition.slug}),
            "register": reverse("recruitment:register", kwargs={"slug": call_edition.slug}),
            "start": reverse("recruitment:start", kwargs={"slug": call_edition.slug}),
            "jst_codes": _jst_codes(call_edition),
            "documents": list(KIND_BY_SLUG),
        },
        "desk": {
            "pages": [desk, f"{desk}?status=submitted", reverse("recruitment:desk", kwargs={"slug": large.slug})],
            "reviews": [reverse("recruitment:review", kwargs={"slug": large.slug, "pk": pk}) for pk in reviews],
        },
        "organisers": staff,
        "organiser_pages": _organiser_pages(large, event),
        "advisors": advisors,
        "officials": [
            {
                "email": m.user.email,
                "pages": [
                    reverse("core:dashboard"),
                    reverse("engagements:detail", kwargs={"pk": m.engagement_id}),
                    reverse("plans:detail", kwargs={"engagement_pk": m.engagement_id}),
                ],
            }
            for m in members[: size.officials]
        ],
        "public_pages": _public_pages(large, call_edition),
        "event": {
            "pk": event.pk,
            "day": timezone.localdate().isoformat(),
            "check_in": reverse("events:check_in", kwargs={"pk": event.pk}),
            "participants": [
                {
                    "email": m.user.email,
                    "code": codes[m.user_id],
                    "pages": [
                        reverse("events:detail", kwargs={"pk": event.pk}),
                        reverse("events:my_agenda", kwargs={"pk": event.pk}),
                    ],
                }
                for m in members[: size.participants]
            ],
        },
        "signed_pdf": str(pdf_out),
    }
    pdf_out.parent.mkdir(parents=True, exist_ok=True)
    pdf_out.write_bytes(make_signed_pdf(make_pdf("Deklaracja współpracy (obciążenie)"), "Anna Nowak (obciążenie)"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1))
    log(
        f"obciążenie: nabór {call_edition.slug} (JST do zgłoszenia: {len(data['call']['jst_codes'])}), "
        f"organizatorzy {len(staff)}, doradcy {len(advisors)}, urzędnicy {len(data['officials'])}, "
        f"uczestnicy dzisiejszego spotkania {len(data['event']['participants'])}; plik {out}"
    )
    return data
