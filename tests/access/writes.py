"""The POST matrix: for every URL that accepts POST, a valid submission and what each role gets from it.

A valid submission is what a permitted person sends from the page's form (read from the page, see
``submission.py``) with what they type on top; every role sends the same data, each on a fresh copy of the world.

Outcomes: ``DONE`` (an answer below 400 and the row's effect is in the database), an HTTP status (404 for what a
role may not see or do, 403 only for CSRF), ``LOGIN`` (sent to sign in, nothing changed) or ``REDIRECT`` (sent
elsewhere, nothing changed: e.g. a signed-in person on the sign-in page). A refused role must leave no effect.

Adding a URL that accepts POST without a row here fails ``test_every_url_that_accepts_post_has_a_post_row``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY

from apps.accounts.factories import TEST_PASSWORD
from tests.access.matrix import LOGIN, REDIRECT
from tests.access.submission import Upload, small_pdf
from tests.world import ROLES, World

DONE = "done"
SELF = "self"  # the form is on the URL's own GET page


def _nothing(w: World) -> None:
    return None


@dataclass(frozen=True)
class Post:
    url: Callable[[World], str]
    expected: dict[str, object]
    # The effect of the submission, seen in the database (or the response's session): ``done(world, response)``.
    done: Callable[[World, object], bool]
    # The page whose form is submitted: SELF, another page's URL, or None for a POST no page carries a form for.
    page: Callable[[World], str] | str | None = SELF
    # What the person types or changes on top of the form's values; a callable of (world, user) for per-person
    # values such as a TOTP code.
    changes: Callable[[World], dict] = field(default=lambda w: {})
    per_person: Callable[[World, object], dict] | None = None
    # Brings the world to the state in which the submission is valid (once, before every role's copy).
    prepare: Callable[[World], None] = _nothing
    # A page each person opens before posting (e.g. a password-reset link, which puts its token in the session).
    visit: Callable[[World], str] | None = None
    # Roles that need the second factor sign in already verified, unless the row is about verifying.
    verified: bool = True


def done_by(allowed: list[str] | dict[str, object], otherwise=404, anonymous=LOGIN) -> dict[str, object]:
    """``allowed`` roles succeed (or get the given outcome); other signed-in roles get ``otherwise``."""
    if isinstance(allowed, list):
        allowed = dict.fromkeys(allowed, DONE)
    return dict.fromkeys(ROLES, otherwise) | {"anonymous": anonymous} | allowed


def everyone_done() -> dict[str, object]:
    return dict.fromkeys(ROLES, DONE)


def signed_in_done(**overrides) -> dict[str, object]:
    return done_by([role for role in ROLES if role != "anonymous"]) | overrides


def anonymous_done(signed_in=REDIRECT) -> dict[str, object]:
    return dict.fromkeys(ROLES, signed_in) | {"anonymous": DONE}


def acting_user(response):
    """The person who sent the request (after it: a sign-in or sign-out changes it)."""
    from apps.accounts.models import User

    user = response.wsgi_request.user
    return User.objects.get(pk=user.pk) if user.is_authenticated else None


def _has_new_calendar_feed(w: World, user) -> bool:
    from apps.accounts.models import CalendarFeed

    return CalendarFeed.objects.filter(user=user).exclude(token=w.calendar_feed_a.token).exists()


def signed_in_as(response) -> str | None:
    return response.client.session.get("_auth_user_id")


# ---------------------------------------------------------------------------------------------------------------
# Accounts.

NEW_PASSWORD = "Nowe-Haslo-Macierzy-2026"
TWO_FACTOR_ROLES = ["advisor_a", "advisor_b", "organiser_x", "organiser_other", "coordinator", "platform_admin"]


def _login_person(w: World) -> None:
    from apps.accounts.factories import UserFactory

    w.objects["login_person"] = UserFactory(email="logowanie@example.org")


def _totp_code(device) -> str:
    from django_otp.oath import totp

    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):06d}"


def _setup_code(w: World, user) -> dict:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return {"token": _totp_code(device)} if device else {}


def _verify_code(w: World, user) -> dict:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return {"token": _totp_code(device)} if device else {}


def _two_factor_devices(w: World) -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    for role in TWO_FACTOR_ROLES:
        TOTPDevice.objects.create(user=w.users[role], name="test", confirmed=True)


def _new_totp_confirmed(w: World, r) -> bool:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = acting_user(r)
    return bool(user) and TOTPDevice.objects.filter(user=user, confirmed=True).exclude(name="test").exists()


def _reset_link(w: World) -> str:
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from apps.accounts.models import User

    user = User.objects.get(pk=w.users["applicant"].pk)  # as stored now: the token depends on the last sign-in
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse(
        "accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": default_token_generator.make_token(user)}
    )


def _set_password_url(w: World) -> str:
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(w.users["applicant"].pk))
    return reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": "set-password"})


def _password_is_new(user) -> bool:
    from apps.accounts.models import User

    return bool(user) and User.objects.get(pk=user.pk).check_password(NEW_PASSWORD)


def _mail_to(address: str) -> bool:
    from django.core import mail

    return any(address in message.to for message in mail.outbox)


def _unconfirmed_person(w: World) -> None:
    from apps.accounts.factories import UserFactory

    w.objects["unconfirmed"] = UserFactory(email="niepotwierdzona@example.org", email_confirmed_at=None)


def _confirmation_url(w: World) -> str:
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from apps.accounts.services import confirmation_tokens

    user = w.objects["unconfirmed"]
    return reverse(
        "accounts:confirm_email",
        kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": confirmation_tokens.make_token(user)},
    )


def _email_confirmed(w: World) -> bool:
    from apps.accounts.models import User

    return User.objects.filter(email="niepotwierdzona@example.org", email_confirmed_at__isnull=False).exists()


def _user_exists(email: str) -> bool:
    from apps.accounts.models import User

    return User.objects.filter(email=email).exists()


def _invitation_url(w: World) -> str:
    return reverse("accounts:invitation", kwargs={"token": w.invitation_x_token})


ACCOUNTS = {
    "set_language": Post(
        lambda w: reverse("set_language"),
        everyone_done(),
        lambda w, r: r.cookies.get("django_language") is not None and r.cookies["django_language"].value == "en",
        page=lambda w: reverse("core:home"),
        changes=lambda w: {"language": "en"},
    ),
    "accounts:login": Post(
        lambda w: reverse("accounts:login"),
        anonymous_done(),
        lambda w, r: signed_in_as(r) == str(w.login_person.pk),
        changes=lambda w: {"username": "logowanie@example.org", "password": TEST_PASSWORD},
        prepare=_login_person,
    ),
    "accounts:logout": Post(
        lambda w: reverse("accounts:logout"),
        everyone_done(),
        lambda w, r: signed_in_as(r) is None,
        page=lambda w: reverse("core:dashboard"),
    ),
    "accounts:password_change": Post(
        lambda w: reverse("accounts:password_change"),
        signed_in_done(),
        lambda w, r: _password_is_new(acting_user(r)),
        changes=lambda w: {
            "old_password": TEST_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    ),
    "accounts:calendar": Post(
        lambda w: reverse("accounts:calendar"),
        signed_in_done(),
        lambda w, r: _has_new_calendar_feed(w, acting_user(r)),
    ),
    "accounts:password_reset": Post(
        lambda w: reverse("accounts:password_reset"),
        everyone_done(),
        lambda w, r: _mail_to("applicant@example.org"),
        changes=lambda w: {"email": "applicant@example.org"},
    ),
    # Anyone may ask for a new confirmation link for an address (the answer never says whether it has an account).
    "accounts:confirm_email_sent": Post(
        lambda w: reverse("accounts:confirm_email_sent"),
        everyone_done(),
        lambda w, r: _mail_to("niepotwierdzona@example.org"),
        prepare=_unconfirmed_person,
        changes=lambda w: {"email": "niepotwierdzona@example.org"},
    ),
    # The link from the sign-up e-mail is the proof: whoever holds it confirms the address (and is signed in).
    "accounts:confirm_email": Post(
        _confirmation_url,
        everyone_done(),
        lambda w, r: _email_confirmed(w),
        prepare=_unconfirmed_person,
    ),
    # Whoever holds the link sets the password (after following it, as the e-mail's reader does).
    "accounts:password_reset_confirm": Post(
        _set_password_url,
        everyone_done(),
        lambda w, r: _password_is_new(w.users["applicant"]),
        visit=_reset_link,
        changes=lambda w: {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    ),
    # Roles that need the second factor have a confirmed device and are verified: they may replace it.
    "accounts:two_factor_setup": Post(
        lambda w: reverse("accounts:two_factor_setup"),
        signed_in_done(),
        _new_totp_confirmed,
        visit=lambda w: reverse("accounts:two_factor_setup"),
        per_person=_setup_code,
    ),
    # Signed in without the second factor: a code from the confirmed device verifies the session; people without
    # a device are sent to set one up.
    "accounts:two_factor_verify": Post(
        lambda w: reverse("accounts:two_factor_verify"),
        signed_in_done(**dict.fromkeys(["applicant", "team_member_a", "team_member_b", "trainer"], REDIRECT)),
        lambda w, r: DEVICE_ID_SESSION_KEY in r.client.session,
        per_person=_verify_code,
        prepare=_two_factor_devices,
        verified=False,
    ),
    # The link is the proof: whoever holds it creates the invited account (and is signed in as it).
    "accounts:invitation": Post(
        _invitation_url,
        everyone_done(),
        lambda w, r: _user_exists("nowa@example.org"),
        changes=lambda w: {"full_name": "Nowa Doradczyni", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    ),
    "accounts:organisation_detail": Post(
        lambda w: reverse("accounts:organisation_detail", kwargs={"slug": w.org_x.slug}),
        done_by(["organiser_x"]),
        lambda w, r: w.org_x.invitations.filter(email="zaproszona@example.org").exists(),
        changes=lambda w: {"email": "zaproszona@example.org", "full_name": "Zaproszona Osoba", "role": "advisor"},
    ),
    "accounts:invitation_revoke": Post(
        lambda w: reverse("accounts:invitation_revoke", kwargs={"slug": w.org_x.slug, "pk": w.invitation_x.pk}),
        done_by(["organiser_x"]),
        lambda w, r: type(w.invitation_x).objects.filter(pk=w.invitation_x.pk, revoked_at__isnull=False).exists(),
        page=lambda w: reverse("accounts:organisation_detail", kwargs={"slug": w.org_x.slug}),
    ),
}


def _has(model: str, /, **filters) -> bool:
    """Whether a row of ``model`` ("app.Model") matches ``filters``."""
    from django.apps import apps

    return apps.get_model(model).objects.filter(**filters).exists()


def _in_days(days: int) -> str:
    from datetime import timedelta

    from django.utils import timezone

    return (timezone.localdate() + timedelta(days=days)).isoformat()


# ---------------------------------------------------------------------------------------------------------------
# The catalogue: its versions are managed by the national coordinator and the platform administrator.

CATALOGUE_MANAGERS = ["coordinator", "platform_admin"]


def _draft(w: World, name: str, **kwargs) -> str:
    return reverse(name, kwargs={"number": w.catalog_draft.number, **kwargs})


def _publish_draft(w: World) -> None:
    from apps.catalog.services import publish_version

    publish_version(version=w.catalog_draft, by=w.users["coordinator"])


CATALOGUE = {
    # The world's draft is published first: a new draft can be started only when none exists.
    "catalog:version_create": Post(
        lambda w: reverse("catalog:version_create"),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: _has("catalog.CatalogVersion", status="draft"),
        page=lambda w: reverse("catalog:version_list"),
        prepare=_publish_draft,
    ),
    "catalog:version_edit": Post(
        lambda w: _draft(w, "catalog:version_edit"),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: _has("catalog.CatalogVersion", pk=w.catalog_draft.pk, label="Wersja z macierzy"),
        changes=lambda w: {"label": "Wersja z macierzy"},
    ),
    "catalog:version_publish": Post(
        lambda w: _draft(w, "catalog:version_publish"),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: _has("catalog.CatalogVersion", pk=w.catalog_draft.pk, status="published"),
        page=lambda w: _draft(w, "catalog:version_detail"),
    ),
    "catalog:area_create": Post(
        lambda w: _draft(w, "catalog:area_create"),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: _has("catalog.Area", version=w.catalog_draft, name="Obszar z macierzy"),
        changes=lambda w: {"name": "Obszar z macierzy", "description": "Opis"},
    ),
    "catalog:area_edit": Post(
        lambda w: _draft(w, "catalog:area_edit", pk=w.catalog_draft_area.pk),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: _has("catalog.Area", pk=w.catalog_draft_area.pk, name="Obszar z macierzy"),
        changes=lambda w: {"name": "Obszar z macierzy"},
    ),
    "catalog:area_delete": Post(
        lambda w: _draft(w, "catalog:area_delete", pk=w.catalog_draft_area.pk),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: not _has("catalog.Area", pk=w.catalog_draft_area.pk),
        page=lambda w: _draft(w, "catalog:area_edit", pk=w.catalog_draft_area.pk),
    ),
    "catalog:solution_create": Post(
        lambda w: _draft(w, "catalog:solution_create", pk=w.catalog_draft_area.pk),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: _has("catalog.ManagementSolution", area=w.catalog_draft_area, name="Rozwiązanie z macierzy"),
        changes=lambda w: {"name": "Rozwiązanie z macierzy", "description": "Opis"},
    ),
    "catalog:solution_edit": Post(
        lambda w: _draft(w, "catalog:solution_edit", pk=w.catalog_draft_solution.pk),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: _has("catalog.ManagementSolution", pk=w.catalog_draft_solution.pk, name="Rozwiązanie z macierzy"),
        changes=lambda w: {"name": "Rozwiązanie z macierzy"},
    ),
    "catalog:solution_delete": Post(
        lambda w: _draft(w, "catalog:solution_delete", pk=w.catalog_draft_solution.pk),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: not _has("catalog.ManagementSolution", pk=w.catalog_draft_solution.pk),
        page=lambda w: _draft(w, "catalog:solution_edit", pk=w.catalog_draft_solution.pk),
    ),
}

# ---------------------------------------------------------------------------------------------------------------
# Editions: the staff of their organiser change them; the coordinator reads and changes nothing.


def _edition(w: World, name: str, **kwargs) -> str:
    return reverse(name, kwargs={"slug": w.edition_x.slug, **kwargs})


EDITIONS = {
    "editions:create": Post(
        lambda w: reverse("editions:create"),
        done_by(["organiser_x", "organiser_other"]),
        lambda w, r: _has("editions.Edition", name="Edycja z macierzy"),
        changes=lambda w: {
            "name": "Edycja z macierzy",
            "recruitment_opens_on": _in_days(30),
            "recruitment_deadline": _in_days(60),
            "results_date": _in_days(65),
            "period_start": _in_days(90),
            "period_end": _in_days(330),
            "capacity": "20",
            "eligible_jst_kinds": ["rural_gmina"],
        },
    ),
    "editions:edit": Post(
        lambda w: _edition(w, "editions:edit"),
        done_by(["organiser_x"]),
        lambda w, r: _has("editions.Edition", pk=w.edition_x.pk, name="Edycja z macierzy"),
        changes=lambda w: {"name": "Edycja z macierzy"},
    ),
    "editions:copy": Post(
        lambda w: _edition(w, "editions:copy"),
        done_by(["organiser_x"]),
        lambda w, r: _has("editions.Edition", name="Kopia z macierzy"),
        changes=lambda w: {"name": "Kopia z macierzy"},
    ),
    "editions:publish": Post(
        lambda w: reverse("editions:publish", kwargs={"slug": w.edition_x_draft.slug}),
        done_by(["organiser_x"]),
        lambda w, r: _has("editions.Edition", pk=w.edition_x_draft.pk, status="published"),
        page=lambda w: reverse("editions:overview", kwargs={"slug": w.edition_x_draft.slug}),
    ),
    "editions:event_create": Post(
        lambda w: _edition(w, "editions:event_create"),
        done_by(["organiser_x"]),
        lambda w, r: _has("editions.PlannedEvent", edition=w.edition_x, title="Wydarzenie z macierzy"),
        changes=lambda w: {
            "kind": "workshop_training",
            "title": "Wydarzenie z macierzy",
            "starts_on": w.edition_x.period_start.isoformat(),
            "ends_on": w.edition_x.period_start.isoformat(),
            "place": "Warszawa",
        },
    ),
    "editions:event_edit": Post(
        lambda w: _edition(w, "editions:event_edit", pk=w.event_x.pk),
        done_by(["organiser_x"]),
        lambda w, r: _has("editions.PlannedEvent", pk=w.event_x.pk, title="Wydarzenie z macierzy"),
        changes=lambda w: {"title": "Wydarzenie z macierzy"},
    ),
    # Edition X's second planned event (no registrations: events refuses deleting one that has them).
    "editions:event_delete": Post(
        lambda w: _edition(w, "editions:event_delete", pk=w.planned_x2.pk),
        done_by(["organiser_x"]),
        lambda w, r: not _has("editions.PlannedEvent", pk=w.planned_x2.pk),
        page=lambda w: _edition(w, "editions:overview"),
    ),
}

# ---------------------------------------------------------------------------------------------------------------
# JST A's engagement (karta JST): its team and advisors work on it; the leader (team_member_a) and the organiser
# manage the team; the organiser assigns advisors; the team chooses the area and the priorities, an advisor
# confirms the area; everyone else gets 404.

ENGAGEMENT_A_VIEWERS = ["team_member_a", "advisor_a", "organiser_x", "coordinator"]
WORKERS = ["team_member_a", "advisor_a"]
TEAM_MANAGERS = ["team_member_a", "organiser_x"]


def _eng(w: World, name: str, **kwargs) -> str:
    return reverse(name, kwargs={"pk": w.engagement_a.pk, **kwargs})


def _area_chosen(w: World, *, confirmed: bool) -> None:
    from django.utils import timezone

    from apps.engagements.services import AreaChoice, choose_areas

    area = w.catalog_published.areas.first()
    choose_areas(
        engagement=w.engagement_a,
        choices=[AreaChoice(area=area, justification="Uzasadnienie")],
        by=w.users["team_member_a"],
    )
    if confirmed:
        w.engagement_a.chosen_areas.update(confirmed_at=timezone.now())


def _more_members(w: World, n: int) -> None:
    from apps.engagements.factories import TeamMemberFactory

    for i in range(n):
        TeamMemberFactory(engagement=w.engagement_a, user=None, email=f"czlonek{i}@alfa.example")


def _member_a2(w: World, **fields) -> bool:
    return _has("engagements.TeamMember", pk=w.member_a2.pk, **fields)


ENGAGEMENTS = {
    # The area is chosen and confirmed, so the next stage (the needs diagnosis) may start.
    "engagements:advance": Post(
        lambda w: _eng(w, "engagements:advance"),
        done_by(WORKERS),
        lambda w, r: _has("engagements.Engagement", pk=w.engagement_a.pk, stage="diagnosis"),
        page=lambda w: _eng(w, "engagements:detail"),
        prepare=lambda w: _area_chosen(w, confirmed=True),
    ),
    "engagements:team_add": Post(
        lambda w: _eng(w, "engagements:team_add"),
        done_by(TEAM_MANAGERS),
        lambda w, r: _has("engagements.TeamMember", engagement=w.engagement_a, email="nowy@alfa.example"),
        changes=lambda w: {"full_name": "Nowy Członek", "email": "nowy@alfa.example"},
    ),
    "engagements:team_replace": Post(
        lambda w: _eng(w, "engagements:team_replace", member_pk=w.member_a2.pk),
        done_by(TEAM_MANAGERS),
        lambda w, r: (
            _has("engagements.TeamMember", engagement=w.engagement_a, email="nowy@alfa.example")
            and _member_a2(w, left_at__isnull=False)
        ),
        changes=lambda w: {"full_name": "Nowy Członek", "email": "nowy@alfa.example"},
    ),
    "engagements:team_remove": Post(
        lambda w: _eng(w, "engagements:team_remove", member_pk=w.member_a2.pk),
        done_by(TEAM_MANAGERS),
        lambda w, r: _member_a2(w, left_at__isnull=False),
        # The team page links a page that says what removal means; its form posts here.
        page=lambda w: _eng(w, "engagements:team_remove_confirm", member_pk=w.member_a2.pk),
        prepare=lambda w: _more_members(w, 2),  # a team keeps at least 3 people
    ),
    "engagements:team_leader": Post(
        lambda w: _eng(w, "engagements:team_leader", member_pk=w.member_a2.pk),
        done_by(TEAM_MANAGERS),
        lambda w, r: _member_a2(w, is_leader=True),
        page=lambda w: _eng(w, "engagements:team"),
    ),
    "engagements:team_resend": Post(
        lambda w: _eng(w, "engagements:team_resend", member_pk=w.member_a2.pk),
        done_by(TEAM_MANAGERS),
        lambda w, r: _mail_to("ewa@alfa.example"),
        page=lambda w: _eng(w, "engagements:team"),
    ),
    "engagements:advisors": Post(
        lambda w: _eng(w, "engagements:advisors"),
        done_by(["organiser_x"]),
        lambda w, r: _has(
            "engagements.AdvisorAssignment",
            engagement=w.engagement_a,
            role="personal_development",
            user=w.users["advisor_b"],
        ),
        changes=lambda w: {"personal_development": str(w.users["advisor_b"].pk)},
    ),
    "engagements:edition_advisors": Post(
        lambda w: _edition(w, "engagements:edition_advisors"),
        done_by(["organiser_x"]),
        lambda w, r: _has(
            "engagements.AdvisorAssignment",
            engagement=w.engagement_a,
            role="personal_development",
            user=w.users["advisor_b"],
        ),
        changes=lambda w: {f"e{w.engagement_a.pk}-personal_development": w.users["advisor_b"].email},
    ),
    # The team chooses the area; advisors see the page but have no form to send.
    "engagements:area": Post(
        lambda w: _eng(w, "engagements:area"),
        done_by(["team_member_a"]),
        lambda w, r: w.engagement_a.chosen_areas.exists(),
        changes=lambda w: {"area": str(w.catalog_published.areas.first().pk), "justification": "Uzasadnienie"},
    ),
    "engagements:area_confirm": Post(
        lambda w: _eng(w, "engagements:area_confirm"),
        done_by(["advisor_a"]),
        lambda w, r: w.engagement_a.chosen_areas.filter(confirmed_at__isnull=False).exists(),
        page=lambda w: _eng(w, "engagements:area"),
        prepare=lambda w: _area_chosen(w, confirmed=False),
    ),
    "engagements:diagnosis_findings": Post(
        lambda w: _eng(w, "engagements:diagnosis_findings"),
        done_by(WORKERS),
        lambda w, r: _has("engagements.NeedsAssessment", engagement=w.engagement_a, problems="Problemy z macierzy"),
        changes=lambda w: {"problems": "Problemy z macierzy"},
    ),
    "engagements:diagnosis_pdf": Post(
        lambda w: _eng(w, "engagements:diagnosis_pdf"),
        done_by(ENGAGEMENT_A_VIEWERS),
        lambda w, r: _has("documents.GeneratedDocument", kind="diagnosis_pdf", status="done"),
        page=lambda w: _eng(w, "engagements:diagnosis"),
    ),
    "engagements:figure_add": Post(
        lambda w: _eng(w, "engagements:figure_add"),
        done_by(WORKERS),
        lambda w, r: _has("engagements.ContextFigure", assessment__engagement=w.engagement_a, label="nauczyciele"),
        changes=lambda w: {
            "topic": "teachers",
            "label": "nauczyciele",
            "value": "120",
            "unit": "etaty",
            "year": "2024",
            "source": "SIO",
        },
    ),
    "engagements:figure_remove": Post(
        lambda w: _eng(w, "engagements:figure_remove", figure_pk=w.figure_a.pk),
        done_by(WORKERS),
        lambda w, r: not _has("engagements.ContextFigure", pk=w.figure_a.pk),
        page=lambda w: _eng(w, "engagements:diagnosis"),
    ),
    "engagements:perspective_add": Post(
        lambda w: _eng(w, "engagements:perspective_add"),
        done_by(WORKERS),
        lambda w, r: _has("engagements.SchoolPerspective", school_name="Przedszkole w Alfie"),
        changes=lambda w: {"school_name": "Przedszkole w Alfie", "strengths": "Ogród"},
    ),
    "engagements:perspective_edit": Post(
        lambda w: _eng(w, "engagements:perspective_edit", perspective_pk=w.perspective_a.pk),
        done_by(WORKERS),
        lambda w, r: _has("engagements.SchoolPerspective", pk=w.perspective_a.pk, strengths="Kadra i sala"),
        changes=lambda w: {"strengths": "Kadra i sala"},
    ),
    "engagements:perspective_remove": Post(
        lambda w: _eng(w, "engagements:perspective_remove", perspective_pk=w.perspective_a.pk),
        done_by(WORKERS),
        lambda w, r: not _has("engagements.SchoolPerspective", pk=w.perspective_a.pk),
        page=lambda w: _eng(w, "engagements:perspective_edit", perspective_pk=w.perspective_a.pk),
    ),
    # The team selects the priorities; advisors see the ranking but have no form to send.
    "engagements:priorities": Post(
        lambda w: _eng(w, "engagements:priorities"),
        done_by(["team_member_a"]),
        lambda w, r: _has("engagements.DevelopmentPriority", pk=w.candidate_a.pk, is_selected=True),
        changes=lambda w: {f"select_{w.candidate_a.pk}": "on", f"goal_{w.candidate_a.pk}": "Cel kandydata"},
    ),
    "engagements:priority_add": Post(
        lambda w: _eng(w, "engagements:priority_add"),
        done_by(WORKERS),
        lambda w, r: _has("engagements.DevelopmentPriority", engagement=w.engagement_a, title="Nowy kandydat"),
        changes=lambda w: {"title": "Nowy kandydat", "importance": "3", "feasibility": "3"},
    ),
    "engagements:priority_edit": Post(
        lambda w: _eng(w, "engagements:priority_edit", priority_pk=w.candidate_a.pk),
        done_by(WORKERS),
        lambda w, r: _has("engagements.DevelopmentPriority", pk=w.candidate_a.pk, title="Kandydat poprawiony"),
        changes=lambda w: {"title": "Kandydat poprawiony"},
    ),
    "engagements:priority_remove": Post(
        lambda w: _eng(w, "engagements:priority_remove", priority_pk=w.candidate_a.pk),
        done_by(WORKERS),
        lambda w, r: not _has("engagements.DevelopmentPriority", pk=w.candidate_a.pk),
        page=lambda w: _eng(w, "engagements:priority_edit", priority_pk=w.candidate_a.pk),
    ),
    # A generated document: whoever may see its target asks for it again.
    "documents:regenerate": Post(
        lambda w: reverse("documents:regenerate", kwargs={"pk": w.document_a.pk}),
        done_by(ENGAGEMENT_A_VIEWERS),
        lambda w, r: (
            _has("documents.GeneratedDocument", kind=w.document_a.kind, status="done")
            and type(w.document_a).objects.filter(kind=w.document_a.kind).count() > 1
        ),
        page=lambda w: reverse("documents:status", kwargs={"pk": w.document_a.pk}),
    ),
}

# ---------------------------------------------------------------------------------------------------------------
# JST A's HDR: a draft (its version 1 approved) that the team and the advisors edit and monitor; the team submits
# and starts new versions, the advisors decide; the organiser and the coordinator only read.


PLAN_WORKERS = WORKERS


def _plan(w: World, name: str, **kwargs) -> str:
    return reverse(name, kwargs={"engagement_pk": w.engagement_a.pk, **kwargs})


def _no_plan_yet(w: World) -> None:
    """JST A has finished its diagnosis and has no HDR yet."""
    from apps.engagements.models import Engagement

    Engagement.objects.filter(pk=w.engagement_a.pk).update(stage="plan")
    w.plan_a.delete()


def _in_review(w: World) -> None:
    from apps.plans.services import submit_plan

    submit_plan(plan=w.plan_a, by=w.users["team_member_a"])


def _approved(w: World) -> None:
    from apps.plans.services import approve_plan

    _in_review(w)
    for assignment in w.engagement_a.advisor_assignments.all():
        approve_plan(plan=type(w.plan_a).objects.get(pk=w.plan_a.pk), by=assignment.user)


def _plan_status(w: World, status: str) -> bool:
    return _has("plans.DevelopmentPlan", pk=w.plan_a.pk, status=status)


PLANS = {
    "plans:create": Post(
        lambda w: _plan(w, "plans:create"),
        done_by(PLAN_WORKERS),
        lambda w, r: _has("plans.DevelopmentPlan", engagement=w.engagement_a),
        page=lambda w: _plan(w, "plans:detail"),
        prepare=_no_plan_yet,
    ),
    "plans:header_edit": Post(
        lambda w: _plan(w, "plans:header_edit"),
        done_by(PLAN_WORKERS),
        lambda w, r: _has("plans.DevelopmentPlan", pk=w.plan_a.pk, directions="Kierunki z macierzy"),
        changes=lambda w: {"directions": "Kierunki z macierzy"},
    ),
    "plans:action_create": Post(
        lambda w: _plan(w, "plans:action_create"),
        done_by(PLAN_WORKERS),
        lambda w, r: _has("plans.PlannedAction", plan=w.plan_a, title="Działanie z macierzy"),
        page=lambda w: _plan(w, "plans:action_create") + f"?priorytet={w.plan_a_action.priority_id}",
        changes=lambda w: {
            "title": "Działanie z macierzy",
            "responsible": "Wydział edukacji",
            "expected_result": "Rezultat",
            "indicator_name": "Liczba szkoleń",
            "indicator_unit": w.plan_a_action.indicator_unit,
            "indicator_target": w.plan_a_action.indicator_target,
            "monitoring_method": "Listy obecności",
            "start_month": w.plan_a_action.start_month.strftime("%Y-%m"),
            "end_month": w.plan_a_action.end_month.strftime("%Y-%m"),
        },
    ),
    "plans:action_edit": Post(
        lambda w: _plan(w, "plans:action_edit", pk=w.plan_a_action.pk),
        done_by(PLAN_WORKERS),
        lambda w, r: _has("plans.PlannedAction", pk=w.plan_a_action.pk, title="Działanie poprawione"),
        changes=lambda w: {"title": "Działanie poprawione"},
    ),
    # The world's action has evidence (it can only be cancelled): a second action, not yet started, is deleted.
    "plans:action_delete": Post(
        lambda w: _plan(w, "plans:action_delete", pk=w.unstarted_action.pk),
        done_by(PLAN_WORKERS),
        lambda w, r: not _has("plans.PlannedAction", pk=w.unstarted_action.pk),
        page=lambda w: _plan(w, "plans:detail"),
        prepare=lambda w: _unstarted_action(w),
    ),
    "plans:risk_create": Post(
        lambda w: _plan(w, "plans:risk_create"),
        done_by(PLAN_WORKERS),
        lambda w, r: _has("plans.PlanRisk", plan=w.plan_a, risk="Ryzyko z macierzy"),
        changes=lambda w: {"risk": "Ryzyko z macierzy", "mitigation": "Reakcja"},
    ),
    "plans:risk_edit": Post(
        lambda w: _plan(w, "plans:risk_edit", pk=w.plan_a_risk.pk),
        done_by(PLAN_WORKERS),
        lambda w, r: _has("plans.PlanRisk", pk=w.plan_a_risk.pk, risk="Ryzyko poprawione"),
        changes=lambda w: {"risk": "Ryzyko poprawione"},
    ),
    "plans:risk_delete": Post(
        lambda w: _plan(w, "plans:risk_delete", pk=w.plan_a_risk.pk),
        done_by(PLAN_WORKERS),
        lambda w, r: not _has("plans.PlanRisk", pk=w.plan_a_risk.pk),
        page=lambda w: _plan(w, "plans:detail"),
    ),
    "plans:submit": Post(
        lambda w: _plan(w, "plans:submit"),
        done_by(["team_member_a"]),
        lambda w, r: _plan_status(w, "in_review"),
        page=lambda w: _plan(w, "plans:detail"),
    ),
    # Both advisors must approve: the world's other advisor has; advisor_a's approval freezes the version.
    "plans:approve": Post(
        lambda w: _plan(w, "plans:approve"),
        done_by(["advisor_a"]),
        lambda w, r: _plan_status(w, "approved"),
        page=lambda w: _plan(w, "plans:detail"),
        prepare=lambda w: _in_review_approved_by_pair(w),
    ),
    "plans:request_changes": Post(
        lambda w: _plan(w, "plans:request_changes"),
        done_by(["advisor_a"]),
        lambda w, r: _plan_status(w, "draft") and _has("plans.PlanVersion", plan=w.plan_a, status="changes_requested"),
        changes=lambda w: {"reason": "Proszę poprawić wskaźniki."},
        prepare=_in_review,
    ),
    "plans:new_version": Post(
        lambda w: _plan(w, "plans:new_version"),
        done_by(["team_member_a"]),
        lambda w, r: _plan_status(w, "draft"),
        page=lambda w: _plan(w, "plans:detail"),
        prepare=_approved,
    ),
    "plans:comment_create": Post(
        lambda w: _plan(w, "plans:comment_create"),
        done_by(PLAN_WORKERS),
        lambda w, r: _has("plans.PlanComment", plan=w.plan_a, text="Komentarz z macierzy"),
        page=lambda w: _plan(w, "plans:detail"),
        changes=lambda w: {"text": "Komentarz z macierzy", "section": "risks"},
    ),
    "plans:comment_resolve": Post(
        lambda w: _plan(w, "plans:comment_resolve", pk=w.plan_a_comment.pk),
        done_by(PLAN_WORKERS),
        lambda w, r: _has("plans.PlanComment", pk=w.plan_a_comment.pk, resolved_at__isnull=False),
        page=lambda w: _plan(w, "plans:detail"),
    ),
    "plans:pdf": Post(
        lambda w: _plan(w, "plans:pdf"),
        done_by(ENGAGEMENT_A_VIEWERS),
        lambda w, r: _has("documents.GeneratedDocument", kind="plan_pdf", status="done"),
        page=lambda w: _plan(w, "plans:detail"),
    ),
    "plans:report_create": Post(
        lambda w: _plan(w, "plans:report_create"),
        done_by(PLAN_WORKERS),
        lambda w, r: _has("plans.ProgressReport", plan=w.plan_a, narrative="Zgodnie z planem."),
        page=lambda w: _plan(w, "plans:monitoring"),
        changes=lambda w: {"assessment": "on_track", "narrative": "Zgodnie z planem."},
    ),
    "plans:action_progress": Post(
        lambda w: _plan(w, "plans:action_progress", pk=w.plan_a_action.pk),
        done_by(PLAN_WORKERS),
        lambda w, r: _has("plans.PlannedAction", pk=w.plan_a_action.pk, progress=40),
        page=lambda w: _plan(w, "plans:action_monitoring", pk=w.plan_a_action.pk),
        changes=lambda w: {"status": "in_progress", "progress": "40"},
    ),
    "plans:measurement_create": Post(
        lambda w: _plan(w, "plans:measurement_create", pk=w.plan_a_action.pk),
        done_by(PLAN_WORKERS),
        lambda w, r: _has("plans.IndicatorMeasurement", action=w.plan_a_action, value="4"),
        page=lambda w: _plan(w, "plans:action_monitoring", pk=w.plan_a_action.pk),
        changes=lambda w: {"value": "4"},
    ),
    "plans:evidence_create": Post(
        lambda w: _plan(w, "plans:evidence_create", pk=w.plan_a_action.pk),
        done_by(PLAN_WORKERS),
        lambda w, r: _has("plans.Evidence", action=w.plan_a_action, note="Protokół", original_name="protokol.pdf"),
        page=lambda w: _plan(w, "plans:action_monitoring", pk=w.plan_a_action.pk),
        changes=lambda w: {"note": "Protokół", "file": Upload("protokol.pdf", small_pdf())},
    ),
}


def _unstarted_action(w: World) -> None:
    from apps.plans.factories import PlannedActionFactory

    w.objects["unstarted_action"] = PlannedActionFactory(
        plan=w.plan_a, priority=w.plan_a_action.priority, title="Działanie do usunięcia"
    )


def _in_review_approved_by_pair(w: World) -> None:
    from apps.plans.services import approve_plan

    _in_review(w)
    pair = w.engagement_a.advisor_assignments.exclude(user=w.users["advisor_a"]).get().user
    approve_plan(plan=type(w.plan_a).objects.get(pk=w.plan_a.pk), by=pair)


# ---------------------------------------------------------------------------------------------------------------
# Recruitment: an account from a call page (anonymous); the applicant's own applications (anybody else, organisers
# included, gets 404); the organiser's desk (its staff act, the coordinator only reads, everybody else 404).


def _review(w: World, name: str, **kwargs) -> str:
    return reverse(name, kwargs={"slug": w.edition_x.slug, "pk": w.application_a.pk, **kwargs})


def _application(w: World, pk: int, **fields) -> bool:
    return _has("recruitment.Application", pk=pk, **fields)


def _results_not_published(w: World) -> None:
    from apps.recruitment.models import Call

    Call.objects.filter(edition=w.edition_x).update(results_published_at=None)


def _recruitment_opened(w: World) -> None:
    """Edition X's dates lie ahead in the world; a document can only be received after its call opened."""
    from datetime import timedelta

    from django.utils import timezone

    from apps.editions.models import Edition

    Edition.objects.filter(pk=w.edition_x.pk).update(recruitment_opens_on=timezone.localdate() - timedelta(days=30))


def _desk_row(name: str, done, page=None, changes=None, **kwargs) -> Post:
    """A POST of the desk's review of JST A's application: the organiser's staff only."""
    return Post(
        lambda w: _review(w, name, **{key: getattr(w, value).pk for key, value in kwargs.items()}),
        done_by(["organiser_x"]),
        done,
        page=page or (lambda w: _review(w, "recruitment:review")),
        changes=changes or (lambda w: {}),
    )


RECRUITMENT = {
    "recruitment:register": Post(
        lambda w: reverse("recruitment:register", kwargs={"slug": w.edition_x_open.slug}),
        anonymous_done(),
        lambda w, r: _user_exists("nowy.zglaszajacy@example.org"),
        changes=lambda w: {
            "full_name": "Nowy Zgłaszający",
            "email": "nowy.zglaszajacy@example.org",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "privacy": "on",
        },
    ),
    # Any signed-in person may start an application for a JST in an open call (here JST B, which has none in it).
    "recruitment:start": Post(
        lambda w: reverse("recruitment:start", kwargs={"slug": w.edition_x_open.slug}),
        signed_in_done(),
        lambda w, r: _has("recruitment.Application", edition=w.edition_x_open, local_government=w.jst_b),
        changes=lambda w: {"local_government": w.jst_b.teryt},
    ),
    # The team section (a row per person, the largest of the sections' forms): a fourth person in a free row.
    "recruitment:section": Post(
        lambda w: reverse("recruitment:section", kwargs={"pk": w.application_draft.pk, "section": "zespol"}),
        done_by(["applicant"]),
        lambda w, r: _has(
            "recruitment.ApplicationTeamMember", application=w.application_draft, email="czwarta@gamma.pl"
        ),
        changes=lambda w: {
            "zespol-3-full_name": "Czwarta Osoba",
            "zespol-3-position": "Dyrektorka szkoły",
            "zespol-3-email": "czwarta@gamma.pl",
        },
    ),
    "recruitment:submit": Post(
        lambda w: reverse("recruitment:submit", kwargs={"pk": w.application_draft.pk}),
        done_by(["applicant"]),
        lambda w, r: _application(w, w.application_draft.pk, status="submitted"),
        page=lambda w: reverse("recruitment:application", kwargs={"pk": w.application_draft.pk}),
    ),
    "recruitment:withdraw": Post(
        lambda w: reverse("recruitment:withdraw", kwargs={"pk": w.application_draft.pk}),
        done_by(["applicant"]),
        lambda w, r: _application(w, w.application_draft.pk, status="withdrawn"),
    ),
    "recruitment:upload": Post(
        lambda w: reverse("recruitment:upload", kwargs={"pk": w.application_a.pk, "document": "oswiadczenia"}),
        done_by(["applicant"]),
        lambda w, r: _has("recruitment.DocumentReceipt", application=w.application_a, kind="statements"),
        changes=lambda w: {"method": "scan", "file": Upload("oswiadczenia.pdf", small_pdf())},
    ),
    "recruitment:call_settings": Post(
        lambda w: _edition(w, "recruitment:call_settings"),
        done_by(["organiser_x"]),
        lambda w, r: _has("recruitment.Call", edition=w.edition_x, introduction="Wstęp z macierzy"),
        changes=lambda w: {"introduction": "Wstęp z macierzy"},
    ),
    "recruitment:attachments": Post(
        lambda w: _edition(w, "recruitment:attachments"),
        done_by(["organiser_x"]),
        lambda w, r: _has("recruitment.CallAttachment", edition=w.edition_x, title="Wzór deklaracji"),
        changes=lambda w: {"title": "Wzór deklaracji", "file": Upload("wzor.pdf", small_pdf())},
    ),
    "recruitment:attachment_delete": Post(
        lambda w: _edition(w, "recruitment:attachment_delete", pk=w.call_attachment_x.pk),
        done_by(["organiser_x"]),
        lambda w, r: not _has("recruitment.CallAttachment", pk=w.call_attachment_x.pk),
        page=lambda w: _edition(w, "recruitment:attachments"),
    ),
    # The world's results are published; before that, the organiser publishes them once.
    "recruitment:publish_results": Post(
        lambda w: _edition(w, "recruitment:publish_results"),
        done_by(["organiser_x"]),
        lambda w, r: _has("recruitment.Call", edition=w.edition_x, results_published_at__isnull=False),
        # The desk links a page that says whom publishing e-mails; its form posts here.
        page=lambda w: _edition(w, "recruitment:publish_results_confirm"),
        prepare=_results_not_published,
    ),
    # JST B's rejection, after the results: put on the reserve list (JST A is handed over: only withdrawn).
    "recruitment:decide": Post(
        lambda w: reverse("recruitment:decide", kwargs={"slug": w.edition_x.slug, "pk": w.application_b.pk}),
        done_by(["organiser_x"]),
        lambda w, r: _application(w, w.application_b.pk, status="reserve"),
        page=lambda w: reverse("recruitment:review", kwargs={"slug": w.edition_x.slug, "pk": w.application_b.pk}),
        changes=lambda w: {"decision": "reserve", "rank": "1", "reason": "Lista rezerwowa"},
    ),
    "recruitment:withdraw_qualified": _desk_row(
        "recruitment:withdraw_qualified",
        lambda w, r: _application(w, w.application_a.pk, status="withdrawn"),
        changes=lambda w: {"reason": "Rezygnacja JST"},
    ),
    "recruitment:note_add": _desk_row(
        "recruitment:note_add",
        lambda w, r: _has("recruitment.ApplicationNote", application=w.application_a, text="Notatka z macierzy"),
        changes=lambda w: {"text": "Notatka z macierzy"},
    ),
    "recruitment:receipt_record": Post(
        lambda w: _review(w, "recruitment:receipt_record", document="deklaracja-wspolpracy"),
        done_by(["organiser_x"]),
        lambda w, r: _has("recruitment.DocumentReceipt", application=w.application_a, kind="declaration"),
        changes=lambda w: {"received_on": _in_days(0)},
        prepare=_recruitment_opened,
    ),
    "recruitment:receipt_reject": _desk_row(
        "recruitment:receipt_reject",
        lambda w, r: _has("recruitment.DocumentReceipt", pk=w.receipt_a.pk, rejected_at__isnull=False),
        changes=lambda w: {"reason": "Nieczytelny skan"},
        receipt="receipt_a",
    ),
}

# ---------------------------------------------------------------------------------------------------------------
# The public face: the organiser's own staff manage its identity and an edition's funding marks.


def _png() -> Upload:
    from apps.branding.factories import png_bytes

    return Upload("znaki.png", png_bytes(), content_type="image/png")


BRANDING: dict[str, Post] = {
    "branding:identity_edit": Post(
        lambda w: reverse("branding:identity_edit", kwargs={"slug": w.org_x.slug}),
        done_by(["organiser_x"]),
        lambda w, r: _has("branding.OrganiserIdentity", organisation=w.org_x, help_url="https://pomoc.example.org/"),
        changes=lambda w: {"help_url": "https://pomoc.example.org/", "contact_phone": "+48221234567"},
    ),
    "branding:edition_marks": Post(
        lambda w: reverse("branding:edition_marks", kwargs={"slug": w.edition_x.slug}),
        done_by(["organiser_x"]),
        lambda w, r: _has("branding.FundingMark", edition=w.edition_x, alt_text="Znak z macierzy dostępu"),
        changes=lambda w: {"image": _png(), "alt_text": "Znak z macierzy dostępu"},
    ),
    "branding:edition_mark_delete": Post(
        lambda w: reverse("branding:edition_mark_delete", kwargs={"slug": w.edition_x.slug, "pk": w.mark_x.pk}),
        done_by(["organiser_x"]),
        lambda w, r: not _has("branding.FundingMark", pk=w.mark_x.pk),
        page=lambda w: reverse("branding:edition_marks", kwargs={"slug": w.edition_x.slug}),
    ),
}


# Balanced advisor pairs (engagements, issue 10 item 7): JST B's management role is emptied first, so the
# proposal on the pairing page has a role to fill; the organiser confirms it.
def _empty_b_management(w: World) -> None:
    w.engagement_b.advisor_assignments.filter(role="management").delete()


PAIRING: dict[str, Post] = {
    "engagements:edition_pairing_confirm": Post(
        lambda w: _edition(w, "engagements:edition_pairing_confirm"),
        done_by(["organiser_x"]),
        lambda w, r: _has("engagements.AdvisorAssignment", engagement=w.engagement_b, role="management"),
        page=lambda w: _edition(w, "engagements:edition_pairing") + "?maks=5",
        prepare=_empty_b_management,
    ),
    "engagements:advisor_profile": Post(
        lambda w: _edition(w, "engagements:advisor_profile", user_pk=w.users["advisor_a"].pk),
        done_by(["organiser_x"]),
        lambda w, r: _has("engagements.AdvisorProfile", user=w.users["advisor_a"], role="management"),
        changes=lambda w: {"role": "management"},
    ),
}


# The message thread (apps.messaging): JST A's team and advisors write; only a message's author changes it.
def _thread(w: World, name: str, **kwargs) -> str:
    return reverse(name, kwargs={"pk": w.engagement_a.pk, **kwargs})


MESSAGING: dict[str, Post] = {
    "messaging:post": Post(
        lambda w: _thread(w, "messaging:post"),
        done_by(["team_member_a", "advisor_a"]),
        lambda w, r: _has("messaging.Message", engagement=w.engagement_a, body="Wiadomość z macierzy dostępu"),
        page=lambda w: _thread(w, "messaging:thread"),
        changes=lambda w: {"body": "Wiadomość z macierzy dostępu", "attachments": Upload("plan.pdf", small_pdf())},
    ),
    "messaging:edit": Post(
        lambda w: _thread(w, "messaging:edit", message_pk=w.message_a.pk),
        done_by(["team_member_a"]),
        lambda w, r: _has("messaging.Message", pk=w.message_a.pk, body="Poprawiona treść"),
        changes=lambda w: {"body": "Poprawiona treść"},
    ),
    "messaging:delete": Post(
        lambda w: _thread(w, "messaging:delete", message_pk=w.message_a.pk),
        done_by(["team_member_a"]),
        lambda w, r: _has("messaging.Message", pk=w.message_a.pk, deleted_at__isnull=False, body=""),
    ),
    "messaging:notifications": Post(
        lambda w: reverse("messaging:notifications"),
        done_by(["team_member_a", "team_member_b", "advisor_a", "advisor_b"]),
        lambda w, r: _has("messaging.NotificationPreference", user_id=signed_in_as(r), mode="digest"),
        changes=lambda w: {"mode": "digest"},
    ),
}


# Advisory work (apps.advising).
def _advising_past_edition(w: World) -> None:
    """Edition X started 100 days ago, so that a session or hours of today fall in its period."""
    import datetime

    from django.utils import timezone

    from apps.editions.models import Edition

    Edition.objects.filter(pk=w.edition_x.pk).update(period_start=timezone.localdate() - datetime.timedelta(days=100))


def _day(w: World, days: int) -> str:
    import datetime

    return str(w.edition_x.period_start + datetime.timedelta(days=days))


def _today() -> str:
    from django.utils import timezone

    return str(timezone.localdate())


def _visits_page(w: World) -> str:
    return reverse("advising:visits", kwargs={"engagement_pk": w.engagement_a.pk})


def _visit_page(w: World, name: str = "visit_a_proposed") -> str:
    return reverse("advising:visit", kwargs={"pk": getattr(w, name).pk})


def _my_hours_page(w: World) -> str:
    return reverse("advising:my_hours") + f"?miesiac={w.hours_a.on:%Y-%m}"


ADVISING: dict[str, Post] = {
    "advising:propose": Post(
        lambda w: reverse("advising:propose", kwargs={"engagement_pk": w.engagement_a.pk, "number": 2}),
        done_by(["team_member_a", "advisor_a"]),
        lambda w, r: _has("advising.DateOption", visit=w.visit_a_proposed, starts_on=_day(w, 100)),
        changes=lambda w: {
            "option_1_start": _day(w, 100),
            "option_1_end": _day(w, 101),
            "option_2_start": _day(w, 110),
            "option_2_end": _day(w, 111),
        },
    ),
    "advising:accept": Post(
        lambda w: reverse("advising:accept", kwargs={"pk": w.option_a_advisors.pk}),
        done_by(["team_member_a"]) | {"advisor_a": REDIRECT},
        lambda w, r: _has("advising.Visit", pk=w.visit_a_proposed.pk, state="agreed"),
        page=lambda w: _visit_page(w),
    ),
    "advising:withdraw": Post(
        lambda w: reverse("advising:withdraw", kwargs={"pk": w.option_a_advisors.pk}),
        done_by(["advisor_a"]) | {"team_member_a": REDIRECT},
        lambda w, r: _has("advising.DateOption", pk=w.option_a_advisors.pk, withdrawn_at__isnull=False),
        page=lambda w: _visit_page(w),
    ),
    "advising:reschedule": Post(
        lambda w: reverse("advising:reschedule", kwargs={"pk": w.visit_a_agreed.pk}),
        done_by(["team_member_a", "advisor_a"]),
        lambda w, r: _has("advising.Visit", pk=w.visit_a_agreed.pk, sequence=1),
        changes=lambda w: {"starts_on": _day(w, 80), "ends_on": _day(w, 81), "reason": "Sesja rady"},
    ),
    "advising:record_edit": Post(
        lambda w: reverse("advising:record_edit", kwargs={"pk": w.visit_a_held.pk}),
        done_by(["advisor_a"]),
        lambda w, r: _has("advising.VisitRecord", visit=w.visit_a_held, topics="Tematy z macierzy"),
        changes=lambda w: {"topics": "Tematy z macierzy"},
    ),
    "advising:record_confirm": Post(
        lambda w: reverse("advising:record_confirm", kwargs={"pk": w.visit_a_held.pk}),
        done_by(["advisor_a"]),
        lambda w, r: _has("advising.VisitRecord", pk=w.record_a.pk, confirmed_at__isnull=False),
        page=lambda w: _visit_page(w, "visit_a_held"),
    ),
    "advising:task_tick": Post(
        lambda w: reverse("advising:task_tick", kwargs={"pk": w.task_a.pk}),
        done_by(["team_member_a", "advisor_a"]),
        lambda w, r: _has("advising.AgreedTask", pk=w.task_a.pk, done_at__isnull=False),
        page=_visits_page,
    ),
    "advising:task_to_action": Post(
        lambda w: reverse("advising:task_to_action", kwargs={"pk": w.task_a.pk}),
        done_by(["team_member_a", "advisor_a"]),
        lambda w, r: _has("advising.AgreedTask", pk=w.task_a.pk, plan_action__isnull=False),
        changes=lambda w: {
            "start_month": f"{w.plan_a.period_start:%m.%Y}",
            "end_month": f"{w.plan_a.period_start:%m.%Y}",
            "indicator_name": "Liczba szkół",
            "indicator_unit": "count",
            "indicator_target": "5",
            "expected_result": "Dane zebrane",
            "monitoring_method": "Raport",
        },
    ),
    "advising:session_create": Post(
        lambda w: reverse("advising:session_create", kwargs={"engagement_pk": w.engagement_a.pk}),
        done_by(["advisor_a"]),
        lambda w, r: _has("advising.RemoteSession", engagement=w.engagement_a, topics="Sesja z macierzy"),
        changes=lambda w: {"duration_minutes": "45", "channel": "phone", "topics": "Sesja z macierzy"},
        prepare=_advising_past_edition,
    ),
    "advising:session_quick": Post(
        lambda w: reverse("advising:session_quick"),
        done_by(["advisor_a"]) | {"advisor_b": 200},
        lambda w, r: _has("advising.RemoteSession", engagement=w.engagement_a, topics="Sesja z macierzy"),
        changes=lambda w: {
            "engagement": str(w.engagement_a.pk),
            "duration_minutes": "45",
            "channel": "phone",
            "topics": "Sesja z macierzy",
        },
        prepare=_advising_past_edition,
    ),
    "advising:hours_add": Post(
        lambda w: reverse("advising:hours_add"),
        done_by(["advisor_a"]) | {"advisor_b": 200},
        lambda w, r: _has("advising.TimeEntry", engagement=w.engagement_a, note="Dojazd z macierzy"),
        changes=lambda w: {
            "engagement": str(w.engagement_a.pk),
            "on": _today(),
            "kind": "travel",
            "hours": "1,5",
            "note": "Dojazd z macierzy",
        },
        prepare=_advising_past_edition,
    ),
    "advising:hours_delete": Post(
        lambda w: reverse("advising:hours_delete", kwargs={"pk": w.hours_a.pk}),
        done_by(["advisor_a"]),
        lambda w, r: not _has("advising.TimeEntry", pk=w.hours_a.pk),
    ),
    "advising:sheet_submit": Post(
        lambda w: reverse("advising:sheet_submit"),
        done_by(["advisor_a"]),
        lambda w, r: _has(
            "advising.TimeSheet", advisor=w.users["advisor_a"], month=w.hours_a.on.replace(day=1), state="submitted"
        ),
        page=_my_hours_page,
    ),
    "advising:sheet_approve": Post(
        lambda w: reverse("advising:sheet_approve", kwargs={"pk": w.sheet_a.pk}),
        done_by(["organiser_x"]),
        lambda w, r: _has("advising.TimeSheet", pk=w.sheet_a.pk, state="approved"),
        page=lambda w: reverse("advising:sheet", kwargs={"pk": w.sheet_a.pk}),
    ),
    "advising:sheet_return": Post(
        lambda w: reverse("advising:sheet_return", kwargs={"pk": w.sheet_a.pk}),
        done_by(["organiser_x"]),
        lambda w, r: _has("advising.TimeSheet", pk=w.sheet_a.pk, state="returned"),
        changes=lambda w: {"comment": "Brak dojazdu"},
    ),
    "advising:edition_settings": Post(
        lambda w: reverse("advising:edition_settings", kwargs={"slug": w.edition_x.slug}),
        done_by(["organiser_x"]),
        lambda w, r: _has("advising.AdvisingPlan", edition=w.edition_x, visits_per_jst=4),
        changes=lambda w: {"visits_per_jst": "4"},
    ),
}

# ---------------------------------------------------------------------------------------------------------------
# --- events: invited people register; the organiser's own staff run the event.


def _ev(w: World, name: str, **kwargs) -> str:
    return reverse(name, kwargs={"pk": w.event_x_full.pk, **kwargs})


def _registration_a_is(**fields):
    return lambda w, r: _has("events.Registration", pk=w.registration_a.pk, **fields)


def _audited(action: str):
    return lambda w, r: _has("audit.AuditEntry", action=action)


def _offer_place_to_a(w: World) -> None:
    from datetime import timedelta

    from django.utils import timezone

    w.registration_a.status = "offered"
    w.registration_a.offer_expires_at = timezone.now() + timedelta(hours=24)
    w.registration_a.save()


def _ask_for_single_room(w: World) -> None:
    w.registration_a.room_choice = "single"
    w.registration_a.single_reason = "Zdrowie"
    w.registration_a.save()


def _event_day(w: World, index: int) -> str:
    return w.event_x_full.days[index].isoformat()


EVENTS: dict[str, Post] = {
    "events:register": Post(
        lambda w: _ev(w, "events:register"),
        done_by(["team_member_a", "team_member_b", "trainer"]),
        lambda w, r: _has("events.Registration", event=w.event_x_full, user=acting_user(r), parking=True),
        changes=lambda w: {"parking": "on", "privacy_acknowledged": "on"},
    ),
    "events:needs": Post(
        lambda w: _ev(w, "events:needs"),
        done_by(["team_member_a", "team_member_b", "trainer"]),
        lambda w, r: _has("events.Topic", event=w.event_x_full, title="Temat z macierzy", proposed_by__isnull=False),
        changes=lambda w: {"proposal": "Temat z macierzy", "family": "soft_skills"},
    ),
    "events:topics": Post(
        lambda w: _ev(w, "events:topics"),
        done_by(["organiser_x"]),
        lambda w, r: _has("events.Topic", event=w.event_x_full, title="Temat organizatora"),
        changes=lambda w: {"family": "education_tasks", "title": "Temat organizatora"},
    ),
    "events:cancel": Post(
        lambda w: _ev(w, "events:cancel"), done_by(["team_member_a"]), _registration_a_is(status="cancelled")
    ),
    "events:accept_offer": Post(
        lambda w: _ev(w, "events:accept_offer"),
        done_by(["team_member_a"]),
        _registration_a_is(status="registered"),
        page=lambda w: _ev(w, "events:detail"),
        prepare=_offer_place_to_a,
    ),
    "events:venue_create": Post(
        lambda w: reverse("events:venue_create"),
        done_by(["organiser_x", "organiser_other"]),
        lambda w, r: _has("events.Venue", name="Sala z macierzy"),
        changes=lambda w: {"name": "Sala z macierzy", "address": "ul. Testowa 1, Warszawa"},
    ),
    "events:venue_edit": Post(
        lambda w: reverse("events:venue_edit", kwargs={"pk": w.venue_x.pk}),
        done_by(["organiser_x"]),
        lambda w, r: _has("events.Venue", pk=w.venue_x.pk, phone="+48 22 000 00 00"),
        changes=lambda w: {"phone": "+48 22 000 00 00"},
    ),
    "events:set_up": Post(
        lambda w: reverse("events:set_up", kwargs={"planned_pk": w.planned_x2.pk}),
        done_by(["organiser_x"]),
        lambda w, r: _has("events.Event", planned_event=w.planned_x2),
        changes=lambda w: {"venue": str(w.venue_x.pk)},
    ),
    "events:edit": Post(
        lambda w: _ev(w, "events:edit"),
        done_by(["organiser_x"]),
        lambda w, r: _has("events.Event", pk=w.event_x_full.pk, capacity=77),
        changes=lambda w: {"capacity": "77"},
    ),
    "events:invitees": Post(
        lambda w: _ev(w, "events:invitees"),
        done_by(["organiser_x"]),
        lambda w, r: _has("events.Invitee", event=w.event_x_full, user=w.users["advisor_a"]),
        changes=lambda w: {"user": str(w.users["advisor_a"].pk), "role": "advisor"},
    ),
    "events:invitee_remove": Post(
        lambda w: _ev(w, "events:invitee_remove", invitee_pk=w.invitee_trainer.pk),
        done_by(["organiser_x"]),
        lambda w, r: not _has("events.Invitee", pk=w.invitee_trainer.pk),
    ),
    "events:programme_send": Post(
        lambda w: _ev(w, "events:programme_send"),
        done_by(["organiser_x"]),
        lambda w, r: _has("events.Registration", pk=w.registration_a.pk, programme_sent_at__isnull=False),
    ),
    "events:venue_delete": Post(
        lambda w: reverse("events:venue_delete", kwargs={"pk": w.venue_x_spare.pk}),
        done_by(["organiser_x"]),
        lambda w, r: not _has("events.Venue", pk=w.venue_x_spare.pk),
    ),
    "events:invitations_send": Post(
        lambda w: _ev(w, "events:invitations_send"), done_by(["organiser_x"]), _audited("events.invitations_sent")
    ),
    "events:session_create": Post(
        lambda w: _ev(w, "events:session_create"),
        done_by(["organiser_x"]),
        lambda w, r: _has("events.Session", event=w.event_x_full, title="Sesja z macierzy"),
        changes=lambda w: {"title": "Sesja z macierzy"},
    ),
    "events:copy_agenda": Post(
        lambda w: reverse("events:copy_agenda", kwargs={"pk": w.event_x3.pk}),
        done_by(["organiser_x"]),
        lambda w, r: _has("events.Session", event=w.event_x3),
        page=lambda w: reverse("events:agenda", kwargs={"pk": w.event_x3.pk}),
        changes=lambda w: {"source": str(w.event_x_full.pk)},
    ),
    "events:session_edit": Post(
        lambda w: _ev(w, "events:session_edit", session_pk=w.session_x.pk),
        done_by(["organiser_x"]),
        lambda w, r: _has("events.Session", pk=w.session_x.pk, title="Otwarcie z macierzy"),
        changes=lambda w: {"title": "Otwarcie z macierzy"},
    ),
    "events:session_delete": Post(
        lambda w: _ev(w, "events:session_delete", session_pk=w.session_x.pk),
        done_by(["organiser_x"]),
        lambda w, r: not _has("events.Session", pk=w.session_x.pk),
    ),
    "events:material_upload": Post(
        lambda w: _ev(w, "events:material_upload", session_pk=w.session_x.pk),
        done_by(["organiser_x"]),
        lambda w, r: _has("events.SessionMaterial", session=w.session_x, name="Materiał z macierzy"),
        page=lambda w: _ev(w, "events:agenda"),
        changes=lambda w: {"name": "Materiał z macierzy", "file": Upload("material.pdf", small_pdf())},
    ),
    "events:registration_edit": Post(
        lambda w: _ev(w, "events:registration_edit", registration_pk=w.registration_a.pk),
        done_by(["organiser_x"]),
        _registration_a_is(parking=True),
        changes=lambda w: {"parking": "on"},
    ),
    "events:single_room": Post(
        lambda w: _ev(w, "events:single_room", registration_pk=w.registration_a.pk),
        done_by(["organiser_x"]),
        _registration_a_is(single_approved=True),
        page=lambda w: _ev(w, "events:registrations"),
        changes=lambda w: {"decision": "approve"},
        prepare=_ask_for_single_room,
    ),
    "events:registration_cancel": Post(
        lambda w: _ev(w, "events:registration_cancel", registration_pk=w.registration_a.pk),
        done_by(["organiser_x"]),
        _registration_a_is(status="cancelled"),
    ),
    "events:rooms": Post(
        lambda w: _ev(w, "events:rooms"),
        done_by(["organiser_x"]),
        lambda w, r: (
            _has("events.Room", first=w.registration_a, source="single") and not _has("events.Room", pk=w.room_x.pk)
        ),
        changes=lambda w: {"first": w.registration_a.email, "second": ""},
    ),
    "events:pair_rooms": Post(
        lambda w: _ev(w, "events:pair_rooms"),
        done_by(["organiser_x"]),
        _audited("events.rooms_paired"),
        page=lambda w: _ev(w, "events:rooms"),
    ),
    "events:room_remove": Post(
        lambda w: _ev(w, "events:room_remove", room_pk=w.room_x.pk),
        done_by(["organiser_x"]),
        lambda w, r: not _has("events.Room", pk=w.room_x.pk),
    ),
    "events:check_in": Post(
        lambda w: _ev(w, "events:check_in"),
        done_by(["organiser_x"]),
        lambda w, r: _has("events.CheckIn", registration=w.registration_a, day=w.event_x_full.days[1]),
        changes=lambda w: {"code": w.registration_a.code, "day": _event_day(w, 1)},
    ),
    "events:undo_check_in": Post(
        lambda w: _ev(w, "events:undo_check_in", entry_pk=w.check_in_x.pk),
        done_by(["organiser_x"]),
        lambda w, r: not _has("events.CheckIn", pk=w.check_in_x.pk),
    ),
    "events:certificates_zip": Post(
        lambda w: _ev(w, "events:certificates_zip"),
        done_by(["organiser_x"]),
        lambda w, r: _has("documents.GeneratedDocument", kind="certificates_zip"),
        page=lambda w: _ev(w, "events:certificates"),
    ),
    "events:attendance_pdf": Post(
        lambda w: _ev(w, "events:attendance_pdf"),
        done_by(["organiser_x", "coordinator"]),
        lambda w, r: _has("documents.GeneratedDocument", kind__startswith="attendance:"),
        changes=lambda w: {"dzien": _event_day(w, 0), "grupa": ""},
        page=lambda w: _ev(w, "events:scans"),
    ),
    "events:scans": Post(
        lambda w: _ev(w, "events:scans"),
        done_by(["organiser_x"]),
        lambda w, r: _has("events.AttendanceScan", event=w.event_x_full, workshop_group="powiaty"),
        changes=lambda w: {
            "day": _event_day(w, 0),
            "workshop_group": "powiaty",
            "file": Upload("lista.pdf", small_pdf()),
        },
    ),
}

# ---------------------------------------------------------------------------------------------------------------
# Publications: JST A's summary (a draft with version 1 sent back), its consents, edition X's publication desk,
# the coordinator's summary forms.


def _summary(w: World, name: str, **kwargs) -> str:
    return reverse(name, kwargs={"engagement_pk": w.engagement_a.pk, **kwargs})


def _summary_status(w: World, status: str) -> bool:
    return _has("publications.FinalSummary", pk=w.summary_a.pk, status=status)


def _summary_submitted(w: World) -> None:
    from apps.publications.services import submit_summary

    submit_summary(summary=w.summary_a, by=w.users["team_member_a"])


def _summary_accepted(w: World) -> None:
    from apps.publications.models import FinalSummary
    from apps.publications.services import accept_summary

    _summary_submitted(w)
    accept_summary(summary=FinalSummary.objects.get(pk=w.summary_a.pk), by=w.users["advisor_a"])


def _no_summary_yet(w: World) -> None:
    from apps.publications.models import FinalSummary

    FinalSummary.objects.filter(pk=w.summary_a.pk).delete()


PUBLICATIONS = {
    "publications:summary_start": Post(
        lambda w: _summary(w, "publications:summary_start"),
        done_by(["team_member_a"]),
        lambda w, r: _has("publications.FinalSummary", engagement=w.engagement_a, form="reflection_study"),
        page=lambda w: _summary(w, "publications:summary"),
        changes=lambda w: {"form": "reflection_study"},
        prepare=_no_summary_yet,
    ),
    "publications:summary_edit": Post(
        lambda w: _summary(w, "publications:summary_edit"),
        done_by(["team_member_a"]),
        lambda w, r: _has("publications.FinalSummary", pk=w.summary_a.pk, content__i3="Rozwiązanie z macierzy"),
        changes=lambda w: {"s_i3": "Rozwiązanie z macierzy"},
    ),
    "publications:attachment_add": Post(
        lambda w: _summary(w, "publications:attachment_add"),
        done_by(["team_member_a"]),
        lambda w, r: _has("publications.SummaryAttachment", summary=w.summary_a, title="Regulamin"),
        changes=lambda w: {"kind": "file", "title": "Regulamin", "upload": Upload("regulamin.pdf", small_pdf())},
    ),
    "publications:attachment_remove": Post(
        lambda w: _summary(w, "publications:attachment_remove", pk=w.summary_a_file.pk),
        done_by(["team_member_a"]),
        lambda w, r: not _has("publications.SummaryAttachment", pk=w.summary_a_file.pk, removed_at__isnull=True),
    ),
    "publications:summary_version_pdf": Post(
        lambda w: _summary(w, "publications:summary_version_pdf", number=1),
        done_by(ENGAGEMENT_A_VIEWERS),
        lambda w, r: _has("documents.GeneratedDocument", kind="summary_version_pdf", status="done"),
        page=lambda w: _summary(w, "publications:summary_version", number=1),
    ),
    "publications:summary_submit": Post(
        lambda w: _summary(w, "publications:summary_submit"),
        done_by(["team_member_a"]),
        lambda w, r: _summary_status(w, "in_review"),
        page=lambda w: _summary(w, "publications:summary"),
    ),
    "publications:summary_comment": Post(
        lambda w: _summary(w, "publications:summary_comment"),
        done_by(["team_member_a", "advisor_a"]),
        lambda w, r: _has("publications.SummaryComment", summary=w.summary_a, text="Uwaga z macierzy"),
        page=lambda w: _summary(w, "publications:summary"),
        changes=lambda w: {"section": "i5", "text": "Uwaga z macierzy"},
    ),
    "publications:summary_request_changes": Post(
        lambda w: _summary(w, "publications:summary_request_changes"),
        done_by(["advisor_a"]),
        lambda w, r: _has("publications.SummaryVersion", summary=w.summary_a, number=2, status="changes_requested"),
        changes=lambda w: {"reason": "Proszę dopisać koszty."},
        prepare=_summary_submitted,
    ),
    "publications:summary_accept": Post(
        lambda w: _summary(w, "publications:summary_accept"),
        done_by(["advisor_a"]),
        lambda w, r: _summary_status(w, "accepted"),
        page=lambda w: _summary(w, "publications:summary"),
        prepare=_summary_submitted,
    ),
    "publications:summary_new_version": Post(
        lambda w: _summary(w, "publications:summary_new_version"),
        done_by(["team_member_a"]),
        lambda w, r: _summary_status(w, "draft"),
        page=lambda w: _summary(w, "publications:summary"),
        prepare=_summary_accepted,
    ),
    # Only the JST's authorised person (its team leader) decides; a new decision for the HDR replaces the old one.
    "publications:consents": Post(
        lambda w: _summary(w, "publications:consents"),
        done_by(["team_member_a"]),
        lambda w, r: _has(
            "publications.Consent", engagement=w.engagement_a, document="plan", choice="full", withdrawn_at__isnull=True
        ),
        changes=lambda w: {"choice": "full"},
    ),
    "publications:consent_withdraw": Post(
        lambda w: _summary(w, "publications:consent_withdraw", pk=w.consent_a.pk),
        done_by(["team_member_a"]),
        lambda w, r: _has("publications.Consent", pk=w.consent_a.pk, withdrawn_at__isnull=False),
    ),
    "publications:settings": Post(
        lambda w: reverse("publications:settings", kwargs={"slug": w.edition_x.slug}),
        done_by(["organiser_x"]),
        lambda w, r: _has("publications.EditionPublishing", edition=w.edition_x, grouping="voivodeship"),
        changes=lambda w: {"grouping": "voivodeship"},
    ),
    "publications:publish_all": Post(
        lambda w: reverse("publications:publish_all", kwargs={"slug": w.edition_x.slug}),
        done_by(["organiser_x"]),
        lambda w, r: _has("publications.Publication", engagement=w.engagement_a, document="plan"),
    ),
    "publications:publish_one": Post(
        lambda w: reverse("publications:publish_one", kwargs={"slug": w.edition_x.slug, "pk": w.consent_a.pk}),
        done_by(["organiser_x"]),
        lambda w, r: _has("publications.Publication", engagement=w.engagement_a, document="plan"),
        page=lambda w: reverse("publications:desk", kwargs={"slug": w.edition_x.slug}),
    ),
    "publications:feature": Post(
        lambda w: reverse("publications:feature", kwargs={"pk": w.publication_b.pk}),
        done_by(["organiser_x"]),
        lambda w, r: _has("publications.Publication", pk=w.publication_b.pk, featured=True),
        page=lambda w: reverse("publications:desk", kwargs={"slug": w.edition_x.slug}),
    ),
    "publications:structure_edit": Post(
        lambda w: reverse("publications:structure_edit", kwargs={"form": "reflection_study"}),
        done_by(["coordinator", "platform_admin"]),
        lambda w, r: _has("publications.SummaryStructure", form="reflection_study", number=2),
        changes=lambda w: {"sections": "a | Jedna sekcja | tak | text", "note": "Z macierzy"},
    ),
}

# ---------------------------------------------------------------------------------------------------------------
# The REST API (apps.api): its two writes with the session (CSRF-checked), and each person's API tokens.


def _recruitment_opened_a_month_ago(w: World) -> None:
    from datetime import timedelta

    from django.utils import timezone

    type(w.edition_x).objects.filter(pk=w.edition_x.pk).update(
        recruitment_opens_on=timezone.localdate() - timedelta(days=30)
    )


def _today() -> str:
    from django.utils import timezone

    return timezone.localdate().isoformat()


API = {
    "api:application-paper-receipts": Post(
        lambda w: reverse("api:application-paper-receipts", args=[w.application_a.pk]),
        done_by(["organiser_x"], anonymous=401) | {"coordinator": 403},
        lambda w, r: _has("recruitment.DocumentReceipt", application=w.application_a, kind="declaration"),
        page=None,
        changes=lambda w: {"kind": "declaration", "received_on": _today()},
        prepare=_recruitment_opened_a_month_ago,
    ),
    "api:hdr-action-progress": Post(
        lambda w: reverse("api:hdr-action-progress", args=[w.plan_a_action.pk]),
        done_by(["team_member_a", "advisor_a"], anonymous=401) | {"organiser_x": 403, "coordinator": 403},
        lambda w, r: _has("plans.PlannedAction", pk=w.plan_a_action.pk, progress=55),
        page=None,
        changes=lambda w: {"status": "in_progress", "progress": "55", "note": "Z API"},
    ),
    # Checking JST A's team member in on the event's first day by their code (the world checked them in already:
    # that entry is removed first). The organiser's staff do it; the coordinator only reads.
    "api:event-check-in": Post(
        lambda w: reverse("api:event-check-in", args=[w.event_x_full.pk]),
        done_by(["organiser_x"], anonymous=401) | {"coordinator": 403},
        lambda w, r: _has("events.CheckIn", registration=w.registration_a, day=w.event_x_full.starts_on),
        page=None,
        changes=lambda w: {"code": w.registration_a.code, "day": w.event_x_full.starts_on.isoformat()},
        prepare=lambda w: w.registration_a.check_ins.all().delete(),
    ),
    "api:tokens": Post(
        lambda w: reverse("api:tokens"),
        signed_in_done(),
        lambda w, r: _has("api.ApiToken", user_id=signed_in_as(r), name="Token z macierzy"),
        changes=lambda w: {"name": "Token z macierzy"},
    ),
    "api:revoke": Post(
        lambda w: reverse("api:revoke", args=[w.api_token_x.pk]),
        done_by(["organiser_x"]),
        lambda w, r: _has("api.ApiToken", pk=w.api_token_x.pk, revoked_at__isnull=False),
        page=lambda w: reverse("api:tokens"),
    ),
}


def _survey_path(w: World, name: str, *, draft: bool = False, **kwargs) -> str:
    survey = w.survey_x_draft if draft else w.survey_x
    return reverse(name, kwargs={"pk": survey.pk, **kwargs})


def _survey_answer(w: World) -> dict:
    questions = {q.text: q for q in w.survey_x.questions.all()}
    aspects = questions["Oceń poszczególne elementy szkolenia."]
    values = {f"q{questions['Jak ogólnie oceniasz szkolenie?'].pk}": "5", "wyslij": ""}
    values |= {f"q{aspects.pk}_{i}": "4" for i in range(len(aspects.items))}
    values[f"q{questions['Czy wykorzystasz wiedzę ze szkolenia w pracy nad HDR?'].pk}"] = "1"
    return values


def _survey_form(w: World) -> dict:
    event = w.event_x_full
    return {
        "template": "training",
        "title": "Ankieta z macierzy",
        "scope": "event",
        "event": str(event.pk),
        "audience": "participants",
        "opens_on": _in_days(0),
        "closes_on": _in_days(10),
    }


SURVEYS: dict[str, Post] = {
    "surveys:create": Post(
        lambda w: reverse("surveys:create"),
        done_by(["organiser_x"], otherwise=404) | {"organiser_other": 200, "coordinator": 200},
        lambda w, r: _has("surveys.Survey", title="Ankieta z macierzy"),
        changes=_survey_form,
    ),
    "surveys:edit": Post(
        lambda w: _survey_path(w, "surveys:edit"),
        done_by(["organiser_x"]),
        lambda w, r: _has("surveys.Survey", pk=w.survey_x.pk, title="Nowy tytuł z macierzy"),
        changes=lambda w: {"title": "Nowy tytuł z macierzy"},
    ),
    "surveys:question_add": Post(
        lambda w: _survey_path(w, "surveys:question_add", draft=True),
        done_by(["organiser_x"]),
        lambda w, r: _has("surveys.Question", survey=w.survey_x_draft, text="Pytanie z macierzy"),
        changes=lambda w: {"kind": "short_text", "text": "Pytanie z macierzy"},
    ),
    "surveys:question_edit": Post(
        lambda w: _survey_path(w, "surveys:question_edit", draft=True, question_pk=w.survey_x_draft_second.pk),
        done_by(["organiser_x"]),
        lambda w, r: _has("surveys.Question", pk=w.survey_x_draft_second.pk, text="Zmienione z macierzy"),
        changes=lambda w: {"text": "Zmienione z macierzy"},
    ),
    "surveys:question_delete": Post(
        lambda w: _survey_path(w, "surveys:question_delete", draft=True, question_pk=w.survey_x_draft_second.pk),
        done_by(["organiser_x"]),
        lambda w, r: not _has("surveys.Question", pk=w.survey_x_draft_second.pk),
        page=lambda w: _survey_path(w, "surveys:detail", draft=True),
    ),
    "surveys:question_move": Post(
        lambda w: _survey_path(w, "surveys:question_move", draft=True, question_pk=w.survey_x_draft_second.pk),
        done_by(["organiser_x"]),
        lambda w, r: _has("surveys.Question", pk=w.survey_x_draft_second.pk, position=1),
        page=lambda w: _survey_path(w, "surveys:detail", draft=True),
    ),
    "surveys:publish": Post(
        lambda w: _survey_path(w, "surveys:publish", draft=True),
        done_by(["organiser_x"]),
        lambda w, r: _has("surveys.Survey", pk=w.survey_x_draft.pk, status="published"),
    ),
    "surveys:report_pdf": Post(
        lambda w: _survey_path(w, "surveys:report_pdf"),
        done_by(["organiser_x", "coordinator"]),
        lambda w, r: _has("documents.GeneratedDocument", kind="survey_report_pdf"),
        page=lambda w: _survey_path(w, "surveys:results"),
    ),
    "surveys:promote": Post(
        lambda w: _survey_path(w, "surveys:promote", answer_pk=w.survey_answer_text.pk),
        done_by(["organiser_x"]),
        lambda w, r: _has("surveys.Answer", pk=w.survey_answer_text.pk, promoted=True),
        page=lambda w: _survey_path(w, "surveys:results"),
    ),
    "surveys:answer": Post(
        lambda w: reverse("surveys:answer", args=[w.survey_token_a]),
        everyone_done(),
        lambda w, r: _has("surveys.Invitation", pk=w.survey_invitation_a.pk, used=True),
        changes=_survey_answer,
    ),
    "surveys:open_mine": Post(
        lambda w: reverse("surveys:open_mine", args=[w.survey_invitation_a.pk]),
        done_by(["team_member_a"]),
        lambda w, r: not _has("surveys.Invitation", pk=w.survey_invitation_a.pk, token_hash=_token_hash(w)),
        page=lambda w: reverse("surveys:mine"),
    ),
}


def _token_hash(w: World) -> str:
    from apps.surveys.tokens import hash_token

    return hash_token(w.survey_token_a)


def _programme(w: World, name: str, **kwargs) -> str:
    return _draft(w, name, pk=w.programme_draft.pk, **kwargs)


def _publish_programme_draft(w: World) -> None:
    w.programme_draft.is_published = True
    w.programme_draft.save(update_fields=["is_published"])


PROGRAMMES = {
    "programmes:create": Post(
        lambda w: _draft(w, "programmes:create"),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: _has("programmes.Programme", version=w.catalog_draft, title="Program z macierzy"),
        changes=lambda w: {"audience": "operational", "jst_level": "rural_gminy", "title": "Program z macierzy"},
    ),
    "programmes:edit": Post(
        lambda w: _programme(w, "programmes:edit"),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: _has("programmes.Programme", pk=w.programme_draft.pk, title="Program z macierzy"),
        changes=lambda w: {"title": "Program z macierzy"},
    ),
    "programmes:publish": Post(
        lambda w: _programme(w, "programmes:publish"),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: _has("programmes.Programme", pk=w.programme_draft.pk, is_published=True),
        page=lambda w: _programme(w, "programmes:manage"),
    ),
    "programmes:withdraw": Post(
        lambda w: _programme(w, "programmes:withdraw"),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: _has("programmes.Programme", pk=w.programme_draft.pk, is_published=False),
        page=lambda w: _programme(w, "programmes:manage"),
        prepare=_publish_programme_draft,
    ),
    "programmes:scenario_create": Post(
        lambda w: _programme(w, "programmes:scenario_create"),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: _has("programmes.Scenario", programme=w.programme_draft, title="Scenariusz z macierzy"),
        changes=lambda w: {"title": "Scenariusz z macierzy", "course": "Przebieg"},
    ),
    "programmes:scenario_edit": Post(
        lambda w: _programme(w, "programmes:scenario_edit", scenario_pk=w.programme_draft_scenario.pk),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: _has("programmes.Scenario", pk=w.programme_draft_scenario.pk, title="Scenariusz z macierzy"),
        changes=lambda w: {"title": "Scenariusz z macierzy"},
    ),
    "programmes:scenario_delete": Post(
        lambda w: _programme(w, "programmes:scenario_delete", scenario_pk=w.programme_draft_scenario.pk),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: not _has("programmes.Scenario", pk=w.programme_draft_scenario.pk),
        page=lambda w: _programme(w, "programmes:manage"),
    ),
    "programmes:product_create": Post(
        lambda w: _programme(w, "programmes:product_create"),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: _has("programmes.EuProduct", programme=w.programme_draft, title="Produkt z macierzy"),
        changes=lambda w: {"source": "power", "title": "Produkt z macierzy", "url": "https://example.org/p"},
    ),
    "programmes:product_delete": Post(
        lambda w: _programme(w, "programmes:product_delete", product_pk=w.programme_draft_product.pk),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: not _has("programmes.EuProduct", pk=w.programme_draft_product.pk),
        page=lambda w: _programme(w, "programmes:manage"),
    ),
}

FEEDBACK = {
    "feedback:remark_create": Post(
        lambda w: reverse("feedback:remark_create"),
        signed_in_done(applicant=404),
        lambda w, r: _has("feedback.Remark", text="Uwaga z macierzy", part_kind="model"),
        changes=lambda w: {"part": "model:model", "text": "Uwaga z macierzy"},
    ),
    "feedback:status": Post(
        lambda w: reverse("feedback:status", kwargs={"pk": w.remark_new.pk}),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: _has("feedback.Remark", pk=w.remark_new.pk, status="analysing"),
        page=lambda w: reverse("feedback:detail", kwargs={"pk": w.remark_new.pk}),
        changes=lambda w: {"status": "analysing"},
    ),
    "feedback:merge": Post(
        lambda w: reverse("feedback:merge", kwargs={"pk": w.remark_new.pk}),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: _has("feedback.Remark", pk=w.remark_new.pk, status="merged", duplicate_of=w.remark_accepted),
        page=lambda w: reverse("feedback:detail", kwargs={"pk": w.remark_new.pk}),
        changes=lambda w: {"into": str(w.remark_accepted.pk)},
    ),
    "feedback:link": Post(
        lambda w: reverse("feedback:link", kwargs={"pk": w.remark_accepted.pk}),
        done_by(CATALOGUE_MANAGERS),
        lambda w, r: _has("feedback.Remark", pk=w.remark_accepted.pk, addressed_in=w.catalog_draft),
        page=lambda w: reverse("feedback:detail", kwargs={"pk": w.remark_accepted.pk}),
    ),
}


def _backup_codes_for_everyone(w: World) -> None:
    from apps.accounts.services import generate_backup_codes

    w.objects["backup_codes"] = {user.pk: generate_backup_codes(user=user) for user in w.users.values()}


def _other_sessions(w: World) -> None:
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from apps.accounts.models import UserSession

    for user in w.users.values():
        key = f"other{user.pk:08d}".ljust(32, "x")
        Session.objects.create(session_key=key, session_data="", expire_date=timezone.now() + timedelta(hours=1))
        UserSession.objects.create(user=user, session_key=key)


def _other_session_ended(r) -> bool:
    user = acting_user(r)
    return bool(user) and not _has("accounts.UserSession", user=user, session_key__startswith="other")


PRIVACY = {
    "accounts:two_factor_backup": Post(
        lambda w: reverse("accounts:two_factor_backup"),
        signed_in_done(),
        lambda w, r: (
            DEVICE_ID_SESSION_KEY in r.client.session
            and _has("accounts.BackupCode", user_id=signed_in_as(r), used_at__isnull=False)
        ),
        per_person=lambda w, user: {"code": w.backup_codes[user.pk][0]},
        prepare=_backup_codes_for_everyone,
        verified=False,
    ),
    "accounts:two_factor_recovery": Post(
        lambda w: reverse("accounts:two_factor_recovery"),
        signed_in_done(),
        lambda w, r: _has("accounts.TwoFactorRecovery", user_id=signed_in_as(r), reason="Telefon z macierzy"),
        changes=lambda w: {"reason": "Telefon z macierzy"},
    ),
    "accounts:backup_codes": Post(
        lambda w: reverse("accounts:backup_codes"),
        signed_in_done(),
        lambda w, r: _has("accounts.BackupCode", user_id=signed_in_as(r)),
    ),
    "accounts:sessions": Post(
        lambda w: reverse("accounts:sessions"),
        signed_in_done(),
        lambda w, r: _other_session_ended(r),
        prepare=_other_sessions,
    ),
    "accounts:two_factor_recovery_confirm": Post(
        lambda w: reverse("accounts:two_factor_recovery_confirm", args=[w.recovery_advisor_a.pk]),
        done_by(["organiser_x", "platform_admin"]),
        lambda w, r: _has("accounts.TwoFactorRecovery", pk=w.recovery_advisor_a.pk, confirmed_at__isnull=False),
        page=lambda w: reverse("accounts:two_factor_recoveries"),
    ),
    "consents:clause_edit": Post(
        lambda w: reverse("consents:clause_edit", kwargs={"slug": w.org_x.slug}),
        done_by(["organiser_x"]),
        lambda w, r: _has("consents.ClauseVersion", organisation=w.org_x, number=2, retention="Okres z macierzy"),
        changes=lambda w: {"retention": "Okres z macierzy"},
    ),
    "consents:withdraw": Post(
        lambda w: reverse("consents:withdraw", args=[w.consent_photos_a.pk]),
        done_by(["team_member_a"]),
        lambda w, r: _has("consents.ConsentRecord", pk=w.consent_photos_a.pk, withdrawn_at__isnull=False),
        page=lambda w: reverse("consents:mine"),
    ),
    "privacy:my_data": Post(
        lambda w: reverse("privacy:my_data"),
        signed_in_done(),
        lambda w, r: _has("privacy.DataRequest", user_id=signed_in_as(r), kind="objection"),
        changes=lambda w: {"kind": "objection", "details": "Sprzeciw z macierzy"},
    ),
    "privacy:request_detail": Post(
        lambda w: reverse("privacy:request_detail", args=[w.data_request_a.pk]),
        done_by(["organiser_x"]),
        lambda w, r: _has("privacy.DataRequest", pk=w.data_request_a.pk, status="done"),
        changes=lambda w: {"decision": "approve", "answer": "Poprawiono stanowisko."},
    ),
    # Organiser X's edition is not in the other organiser's list: the form is shown again with the error.
    "privacy:holds": Post(
        lambda w: reverse("privacy:holds"),
        done_by({"organiser_x": DONE, "organiser_other": 200}),
        lambda w, r: _has("privacy.LegalHold", edition=w.edition_x, reason="Umowa z macierzy"),
        changes=lambda w: {"edition": str(w.edition_x.pk), "until": _in_days(400), "reason": "Umowa z macierzy"},
    ),
}

MONITORING = {
    "monitoring:settings": Post(
        lambda w: reverse("monitoring:settings", kwargs={"slug": w.edition_x.slug}),
        done_by(["organiser_x"]),
        lambda w, r: _has("monitoring.MonitoringSettings", edition=w.edition_x, project_title="Tytuł z macierzy"),
        changes=lambda w: {"project_title": "Tytuł z macierzy"},
    ),
    "monitoring:participant_edit": Post(
        lambda w: reverse(
            "monitoring:participant_edit", kwargs={"slug": w.edition_x.slug, "pk": w.monitoring_member_a.pk}
        ),
        done_by(["organiser_x"]),
        lambda w, r: _has("monitoring.ParticipantData", team_member=w.monitoring_member_a, education="isced3"),
        changes=lambda w: {"education": "isced3"},
    ),
    "monitoring:reveal": Post(
        lambda w: reverse("monitoring:reveal", kwargs={"slug": w.edition_x.slug, "pk": w.monitoring_member_a.pk}),
        done_by(["organiser_x"]),
        lambda w, r: _has(
            "audit.AuditEntry", action="monitoring.pesel_revealed", target_id=str(w.monitoring_data_a.pk)
        ),
        page=lambda w: reverse("monitoring:participants", kwargs={"slug": w.edition_x.slug}),
    ),
    "monitoring:institution_edit": Post(
        lambda w: reverse("monitoring:institution_edit", kwargs={"slug": w.edition_x.slug, "pk": w.engagement_b.pk}),
        done_by(["organiser_x"]),
        lambda w, r: _has("monitoring.Institution", local_government=w.jst_b, nip="7251801126"),
        changes=lambda w: {"nip": "725-18-01-126", "regon": "000331501"},
    ),
    "monitoring:my_entry": Post(
        lambda w: reverse("monitoring:my_entry", kwargs={"pk": w.monitoring_member_a.pk}),
        done_by(["team_member_a"]),
        lambda w, r: _has("monitoring.ParticipantData", team_member=w.monitoring_member_a, education="isced4"),
        changes=lambda w: {"education": "isced4"},
    ),
}

OS_PEOPLE = ["team_member_a", "trainer", "organiser_x"]

OS_RUNNERS = ["trainer", "organiser_x"]


def _os(w: World, name: str, **kwargs) -> str:
    return reverse(f"openspace:{name}", kwargs={"pk": w.openspace_x.pk, **kwargs})


def _os_phase(phase: str):
    def prepare(w: World) -> None:
        w.openspace_x.phase = phase
        w.openspace_x.save(update_fields=["phase"])

    return prepare


def _os_space_is(**fields):
    return lambda w, r: _has("openspace.OpenSpace", pk=w.openspace_x.pk, **fields)


def _os_plenary_with_two_groups(w: World) -> None:
    from datetime import time

    from apps.openspace.models import Group

    Group.objects.create(
        open_space=w.openspace_x,
        topic=w.os_topic_1,
        day=w.event_x_full.starts_on,
        starts_at=time(11, 0),
        ends_at=time(12, 30),
        order=2,
    )
    _os_phase("plenary")(w)


OPENSPACE: dict[str, Post] = {
    "openspace:create": Post(
        lambda w: reverse("openspace:create", kwargs={"pk": w.event_x_full.pk}),
        done_by(["organiser_x"]),
        lambda w, r: _has("openspace.OpenSpace", session=w.session_x),
        changes=lambda w: {"session": str(w.session_x.pk)},
    ),
    "openspace:propose": Post(
        lambda w: _os(w, "propose"),
        done_by(["team_member_a"]),
        lambda w, r: _has("openspace.Topic", open_space=w.openspace_x, title="Temat z macierzy", proposer_jst=w.jst_a),
        changes=lambda w: {"title": "Temat z macierzy"},
        prepare=_os_phase("proposing"),
    ),
    "openspace:topic_edit": Post(
        lambda w: _os(w, "topic_edit", topic_pk=w.os_topic_1.pk),
        done_by(OS_RUNNERS),
        lambda w, r: _has("openspace.Topic", pk=w.os_topic_1.pk, title="Brzmienie z macierzy"),
        changes=lambda w: {"title": "Brzmienie z macierzy"},
    ),
    "openspace:merge": Post(
        lambda w: _os(w, "merge", topic_pk=w.os_topic_3.pk),
        done_by(OS_RUNNERS),
        lambda w, r: _has("openspace.Topic", pk=w.os_topic_3.pk, merged_into=w.os_topic_1),
        changes=lambda w: {"into": str(w.os_topic_1.pk)},
    ),
    "openspace:vote": Post(
        lambda w: _os(w, "vote", topic_pk=w.os_topic_3.pk),
        done_by(["team_member_a"]),
        lambda w, r: _has("openspace.Vote", topic=w.os_topic_3, user=w.users["team_member_a"]),
        page=lambda w: _os(w, "market"),
    ),
    "openspace:unvote": Post(
        lambda w: _os(w, "unvote", topic_pk=w.os_topic_1.pk),
        done_by(["team_member_a"]),
        lambda w, r: not _has("openspace.Vote", topic=w.os_topic_1),
        page=lambda w: _os(w, "market"),
    ),
    "openspace:move_vote": Post(
        lambda w: _os(w, "move_vote", topic_pk=w.os_topic_1.pk),
        done_by(["team_member_a"]),
        lambda w, r: _has("openspace.Vote", topic=w.os_topic_3) and not _has("openspace.Vote", topic=w.os_topic_1),
        page=lambda w: _os(w, "market"),
        changes=lambda w: {"to": str(w.os_topic_3.pk)},
    ),
    "openspace:follow": Post(
        lambda w: _os(w, "follow", topic_pk=w.os_topic_3.pk),
        done_by(["team_member_a"]),
        lambda w, r: not _has("openspace.Follower", topic=w.os_topic_3, user=w.users["team_member_a"]),
        page=lambda w: _os(w, "market"),
    ),
    "openspace:moderate": Post(
        lambda w: _os(w, "moderate"),
        done_by(OS_RUNNERS),
        _os_space_is(votes_per_person=5),
        changes=lambda w: {"votes_per_person": "5"},
    ),
    "openspace:phase": Post(
        lambda w: _os(w, "phase"),
        done_by(OS_RUNNERS),
        _os_space_is(phase="grouping"),
        page=lambda w: _os(w, "moderate"),
        changes=lambda w: {"phase": "grouping"},
    ),
    "openspace:form_groups": Post(
        lambda w: _os(w, "form_groups"),
        done_by(OS_RUNNERS),
        lambda w, r: _has("openspace.Group", topic=w.os_topic_1),
        page=lambda w: _os(w, "moderate"),
        changes=lambda w: {"topics": [str(w.os_topic_1.pk)], "starts_at": "13:00", "ends_at": "14:30"},
    ),
    "openspace:group_edit": Post(
        lambda w: _os(w, "group_edit", group_pk=w.os_group.pk),
        done_by(OS_RUNNERS),
        lambda w, r: _has("openspace.Group", pk=w.os_group.pk, room="Sala z macierzy"),
        changes=lambda w: {"room": "Sala z macierzy"},
    ),
    "openspace:join": Post(
        lambda w: _os(w, "join", group_pk=w.os_group.pk),
        done_by(["team_member_a"]),
        lambda w, r: _has("openspace.Membership", group=w.os_group, user=w.users["team_member_a"]),
        page=lambda w: _os(w, "groups"),
        prepare=_os_phase("grouping"),
    ),
    "openspace:conclusion_edit": Post(
        lambda w: _os(w, "conclusion_edit", group_pk=w.os_group.pk),
        done_by(OS_PEOPLE),
        lambda w, r: _has("openspace.Conclusion", pk=w.os_conclusion.pk, recommendations="Wniosek z macierzy"),
        changes=lambda w: {"recommendations": "Wniosek z macierzy"},
    ),
    "openspace:send_to_feedback": Post(
        lambda w: _os(w, "send_to_feedback", group_pk=w.os_group.pk),
        done_by(OS_RUNNERS),
        lambda w, r: _has("openspace.Conclusion", pk=w.os_conclusion.pk, sent_to_feedback_at__isnull=False),
        page=lambda w: _os(w, "conclusions"),
    ),
    "openspace:publish": Post(
        lambda w: _os(w, "publish"),
        done_by(OS_RUNNERS),
        _os_space_is(published_at__isnull=False),
    ),
    "openspace:export_pdf": Post(
        lambda w: _os(w, "export_pdf"),
        done_by(OS_PEOPLE),
        lambda w, r: _has("documents.GeneratedDocument", kind="conclusions", object_id=str(w.openspace_x.pk)),
        page=lambda w: _os(w, "conclusions"),
    ),
    "openspace:plenary_move": Post(
        lambda w: _os(w, "plenary_move"),
        done_by(OS_RUNNERS),
        _os_space_is(plenary_position=1),
        page=lambda w: _os(w, "plenary"),
        changes=lambda w: {"step": "next"},
        prepare=_os_plenary_with_two_groups,
    ),
}

STATISTICS = {
    "statistics:refresh": Post(
        lambda w: reverse("statistics:refresh"),
        done_by(["organiser_x", "organiser_other", "coordinator"]),
        lambda w, r: _has("statistics.EditionFigures", computed_at__gt=w.statistics_refreshed_at),
        page=lambda w: reverse("statistics:national"),
    ),
}


POSTS: dict[str, Post] = {
    **ACCOUNTS,
    **CATALOGUE,
    **EDITIONS,
    **ENGAGEMENTS,
    **PLANS,
    **RECRUITMENT,
    **BRANDING,
    **MESSAGING,
    **PAIRING,
    **ADVISING,
    **EVENTS,
    **PUBLICATIONS,
    **API,
    **STATISTICS,
    **OPENSPACE,
    **MONITORING,
    **PRIVACY,
    **PROGRAMMES,
    **FEEDBACK,
    **SURVEYS,
}
