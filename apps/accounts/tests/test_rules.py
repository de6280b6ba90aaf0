"""The accounts' permission rules and the role facts they read (``roles_of``, registered as the kernel's
role facts provider)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from apps.accounts.factories import AdminFactory, MembershipFactory, OrganisationFactory, UserFactory
from apps.accounts.models import Membership
from apps.core import permissions
from apps.core.permissions import can, registered_actions, rule

pytestmark = pytest.mark.django_db


@pytest.fixture
def scratch_rules(monkeypatch):
    """Rules registered inside a test disappear after it."""
    monkeypatch.setattr(permissions.RULES, "_entries", dict(permissions.RULES._entries))
    return permissions.RULES


def test_rules_get_the_users_roles(scratch_rules):
    seen = {}

    @rule("test.roles")
    def check(user, roles, obj):
        seen["roles"] = roles
        return roles.is_advisor

    org = OrganisationFactory()
    advisor = MembershipFactory(organisation=org, role=Membership.Role.ADVISOR).user
    assert can(advisor, "test.roles") is True
    assert seen["roles"].advisor_of == frozenset({org.pk})
    assert can(AnonymousUser(), "test.roles") is False


def test_foundation_rules_are_registered():
    assert {
        "platform.admin",
        "organisation.view",
        "organisation.manage_members",
        "organisation.view_history",
    } <= set(registered_actions())


def test_organisation_rules():
    org = OrganisationFactory()
    other = OrganisationFactory()
    staff = MembershipFactory(organisation=org, role=Membership.Role.STAFF).user
    coordinator = MembershipFactory(organisation=other, role=Membership.Role.COORDINATOR).user
    advisor = MembershipFactory(organisation=org, role=Membership.Role.ADVISOR).user
    answers = {
        (who, action): can(user, action, org)
        for who, user in {"staff": staff, "coordinator": coordinator, "advisor": advisor}.items()
        for action in ["organisation.view", "organisation.manage_members", "organisation.view_history"]
    }
    assert answers == {
        ("staff", "organisation.view"): True,
        ("staff", "organisation.manage_members"): True,
        ("staff", "organisation.view_history"): True,
        ("coordinator", "organisation.view"): True,
        ("coordinator", "organisation.manage_members"): False,
        ("coordinator", "organisation.view_history"): True,
        ("advisor", "organisation.view"): False,
        ("advisor", "organisation.manage_members"): False,
        ("advisor", "organisation.view_history"): False,
    }
    assert not can(staff, "organisation.manage_members", other)
    assert not can(AnonymousUser(), "organisation.view", org)


def test_platform_admin_rule():
    assert can(AdminFactory(), "platform.admin")
    assert not can(UserFactory(is_staff=True), "platform.admin")
    assert not can(UserFactory(), "platform.admin")
    assert not can(AnonymousUser(), "platform.admin")
