"""Audit history: every write done through the accounts services leaves an entry, and organisers can read it."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.accounts import services
from apps.accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
from apps.accounts.models import Invitation, Membership, User
from apps.audit.models import AuditEntry
from apps.audit.selectors import history_of
from apps.audit.services import diff, record, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return OrganisationFactory(name="Ośrodek Rozwoju Edukacji", short_name="ORE", slug="ore")


@pytest.fixture
def staff(org):
    return MembershipFactory(
        organisation=org, role=Membership.Role.STAFF, user__email="olga@example.org", user__full_name="Olga Org"
    ).user


def _only_new_entry(before_pk):
    entries = list(AuditEntry.objects.filter(pk__gt=before_pk).order_by("pk"))
    return entries


def _last_pk():
    return AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _is_about(entry, obj):
    return entry.target_type == ContentType.objects.get_for_model(obj) and entry.target_id == str(obj.pk)


def test_invite_is_recorded(org, staff):
    start = _last_pk()
    services.invite(email="Nowa@example.org", organisation=org, role="advisor", by=staff)
    [entry] = _only_new_entry(start)
    assert entry.action == "invitation.created"
    assert entry.actor == staff
    assert entry.actor_label == "Olga Org <olga@example.org>"
    assert _is_about(entry, org)
    assert entry.target_repr == "ORE"
    assert entry.changes == {"email": "nowa@example.org", "role": "advisor"}
    assert entry.at is not None


def test_accepting_an_invitation_is_recorded(org, staff):
    invitation, token = services.invite(email="nowa@example.org", organisation=org, role="trainer", by=staff)
    start = _last_pk()
    user = services.accept_invitation(token=token, full_name="Nina Nowak", password="Dluga-Fraza-Haslo-1")
    entries = {e.action: e for e in _only_new_entry(start)}
    assert set(entries) == {"account.created", "membership.added", "invitation.accepted"}
    assert entries["account.created"].actor == user
    assert _is_about(entries["account.created"], user)
    assert entries["membership.added"].changes == {"user": "nowa@example.org", "role": "trainer"}
    assert _is_about(entries["membership.added"], org)
    accepted = entries["invitation.accepted"]
    assert accepted.actor == user
    assert _is_about(accepted, org)
    assert accepted.changes == {"email": "nowa@example.org", "role": "trainer"}


def test_accepting_an_invitation_without_organiser_is_recorded():
    _invitation, token = services.invite(email="solo@example.org", organisation=None, role="", by=None)
    start = _last_pk()
    user = services.accept_invitation(token=token, full_name="Solo", password="Dluga-Fraza-Haslo-1")
    actions = [e.action for e in _only_new_entry(start)]
    assert sorted(actions) == ["account.created", "invitation.accepted"]
    assert user.memberships.count() == 0


def test_existing_account_accepting_is_recorded(org, staff):
    existing = UserFactory(email="jan@example.org")
    _invitation, token = services.invite(email="jan@example.org", organisation=org, role="advisor", by=staff)
    start = _last_pk()
    services.accept_invitation(token=token, user=existing)
    actions = sorted(e.action for e in _only_new_entry(start))
    assert actions == ["invitation.accepted", "membership.added"]


def test_revoke_is_recorded(org, staff):
    invitation, _token = services.invite(email="nowa@example.org", organisation=org, role="advisor", by=staff)
    start = _last_pk()
    services.revoke_invitation(invitation=invitation, by=staff)
    [entry] = _only_new_entry(start)
    assert (entry.action, entry.actor) == ("invitation.revoked", staff)
    assert entry.changes == {"email": "nowa@example.org", "role": "advisor"}


def test_membership_changes_are_recorded(org, staff):
    person = UserFactory(email="ktos@example.org")
    start = _last_pk()
    membership = services.add_membership(user=person, organisation=org, role="advisor", by=staff)
    # Adding the same role again changes nothing and records nothing.
    services.add_membership(user=person, organisation=org, role="advisor", by=staff)
    services.remove_membership(membership=membership, by=staff)
    entries = _only_new_entry(start)
    assert [(e.action, e.changes) for e in entries] == [
        ("membership.added", {"user": "ktos@example.org", "role": "advisor"}),
        ("membership.removed", {"user": "ktos@example.org", "role": "advisor"}),
    ]
    assert all(e.actor == staff and _is_about(e, org) for e in entries)
    assert not Membership.objects.filter(user=person).exists()


def test_two_factor_changes_are_recorded(staff):
    admin = UserFactory(is_staff=True, is_superuser=True)
    start = _last_pk()
    device = services.start_totp_setup(user=staff)
    services.confirm_totp_device(user=staff, device=device)
    services.reset_two_factor(user=staff, by=admin)
    entries = _only_new_entry(start)
    assert [(e.action, e.actor) for e in entries] == [("two_factor.enabled", staff), ("two_factor.reset", admin)]
    assert all(_is_about(e, staff) for e in entries)
    assert not TOTPDevice.objects.filter(user=staff).exists()


def test_record_without_a_person_is_labelled_system(org):
    entry = record(actor=None, action="test.system", target=org)
    assert entry.actor is None
    assert entry.actor_label == "system"


def test_history_survives_removing_the_account(org, staff):
    services.invite(email="nowa@example.org", organisation=org, role="advisor", by=staff)
    User.objects.filter(pk=staff.pk).delete()
    entry = history_of(org).get(action="invitation.created")
    assert entry.actor is None
    assert entry.actor_label == "Olga Org <olga@example.org>"


def test_history_of_lists_only_the_object_newest_first(org, staff):
    other = OrganisationFactory(slug="inny")
    first = record(actor=staff, action="a.first", target=org)
    record(actor=staff, action="a.other", target=other)
    second = record(actor=staff, action="a.second", target=org)
    assert list(history_of(org)) == [second, first]


def test_history_page_lists_entries_for_staff_and_coordinator(signed_in, org, staff):
    services.invite(email="nowa@example.org", organisation=org, role="advisor", by=staff)
    services.add_membership(user=UserFactory(email="dorota@example.org"), organisation=org, role="advisor", by=staff)
    coordinator = MembershipFactory(organisation=org, role=Membership.Role.COORDINATOR).user
    url = reverse("accounts:organisation_history", kwargs={"slug": org.slug})
    for viewer in [staff, coordinator]:
        response = signed_in(viewer).get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Historia zmian" in html
        assert "Olga Org &lt;olga@example.org&gt;" in html
        assert "nowa@example.org" in html
        assert "dorota@example.org" in html
        actions = [e.action for e in response.context["entries"]]
        assert {"invitation.created", "membership.added"} <= set(actions)


def test_history_page_is_404_for_others(signed_in, org, staff):
    url = reverse("accounts:organisation_history", kwargs={"slug": org.slug})
    other_staff = MembershipFactory(organisation=OrganisationFactory(slug="inny"), role=Membership.Role.STAFF).user
    advisor = MembershipFactory(organisation=org, role=Membership.Role.ADVISOR).user
    for viewer in [other_staff, advisor, UserFactory()]:
        assert signed_in(viewer).get(url).status_code == 404


def test_history_page_shows_polish_labels(signed_in, org, staff):
    services.invite(email="nowa@example.org", organisation=org, role="advisor", by=staff)
    html = signed_in(staff).get(reverse("accounts:organisation_history", kwargs={"slug": org.slug})).content.decode()
    assert "Wysłano zaproszenie" in html
    assert "<td>invitation.created</td>" not in html


# snapshot / diff -----------------------------------------------------------------------------------------------


def test_snapshot_turns_values_into_plain_json(org):
    invitation = Invitation(
        email="a@example.org",
        organisation=org,
        role="advisor",
        expires_at=timezone.make_aware(datetime(2026, 3, 1, 12, 0)),
    )
    data = snapshot(invitation, ["email", "organisation", "role", "expires_at", "accepted_at"])
    assert data == {
        "email": "a@example.org",
        "organisation": "ORE",
        "role": "advisor",
        "expires_at": "2026-03-01T12:00:00+01:00",
        "accepted_at": None,
    }


def test_diff_reports_only_changed_fields():
    before = {"name": "Stara", "count": 1, "same": True, "gone": "x"}
    after = {"name": "Nowa", "count": 1, "same": True, "added": "y"}
    assert diff(before, after) == {"name": ["Stara", "Nowa"], "gone": ["x", None], "added": [None, "y"]}
    assert diff(before, dict(before)) == {}


def test_snapshot_diff_record_round_trip(org, staff):
    before = snapshot(org, ["name", "email"])
    org.name = "Nowa nazwa"
    org.email = "kontakt@example.org"
    org.save()
    entry = record(
        actor=staff, action="organisation.changed", target=org, changes=diff(before, snapshot(org, ["name", "email"]))
    )
    entry.refresh_from_db()
    assert entry.changes == {"email": ["", "kontakt@example.org"], "name": ["Ośrodek Rozwoju Edukacji", "Nowa nazwa"]}


def test_record_stores_non_json_values_as_text(org, staff):
    entry = record(
        actor=staff,
        action="test.values",
        target=org,
        changes={"when": date(2026, 5, 4), "amount": Decimal("12.50"), "who": staff, "tags": {"b"}},
    )
    entry.refresh_from_db()
    assert entry.changes == {"when": "2026-05-04", "amount": "12.50", "who": "Olga Org", "tags": ["b"]}


def test_action_labels(monkeypatch):
    from apps.audit import actions

    monkeypatch.setattr(actions.LABELS, "_entries", dict(actions.LABELS._entries))
    assert AuditEntry(action="invitation.revoked").action_label == "Wycofano zaproszenie"
    assert AuditEntry(action="nieznana.czynnosc").action_label == "nieznana.czynnosc"
    actions.describe({"test.thing": "Coś"})
    actions.describe({"test.thing": "Coś"})  # the same description again is harmless
    with pytest.raises(RuntimeError, match="registered twice"):
        actions.describe({"test.thing": "Coś innego"})


def test_scope_comes_from_the_target_or_the_caller(org, staff):
    # An organiser is outside any edition: no scope.
    entry = record(actor=staff, action="test.scope", target=org)
    assert (entry.edition_id, entry.engagement_id) == (None, None)
    # A caller can name the scope (objects or ids); a target that declares ``audit_scope`` gives its own.
    entry = record(actor=staff, action="test.scope", target=org, edition=7, engagement=org)
    assert (entry.edition_id, entry.engagement_id) == (7, org.pk)
    org.audit_scope = {"edition": 3, "engagement": 4}
    entry = record(actor=staff, action="test.scope", target=org)
    assert (entry.edition_id, entry.engagement_id) == (3, 4)


def test_readable_changes_use_the_described_models_labels(org, staff):
    from apps.audit.selectors import readable

    entry = record(
        actor=staff,
        action="test.readable",
        target=org,
        changes={"role": ["staff", "advisor"], "user": staff, "created_at": "2026-05-04T08:00:00+00:00", "x": 1},
        about=Membership,
    )
    (row,) = readable([entry])
    assert [(c.label, c.old, c.new) for c in row.changes] == [
        ("rola", "pracownik organizatora", "doradca"),
        ("user", None, "Olga Org"),
        ("created at", None, "04.05.2026 10:00"),
        ("x", None, "1"),
    ]
