"""The permission module: one registry of rules that answer "may this user do this action to this object"."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from apps.accounts.factories import AdminFactory, MembershipFactory, OrganisationFactory, UserFactory
from apps.accounts.models import Membership
from apps.core import permissions
from apps.core.permissions import can, registered_actions, require, rule

pytestmark = pytest.mark.django_db


@pytest.fixture
def scratch_rules(monkeypatch):
    """Rules registered inside a test disappear after it."""
    monkeypatch.setattr(permissions, "_RULES", dict(permissions._RULES))
    return permissions._RULES


def test_unknown_action_raises_instead_of_answering_no():
    with pytest.raises(KeyError, match="organisation.fly"):
        can(UserFactory(), "organisation.fly", None)


def test_registering_a_rule_twice_raises(scratch_rules):
    @rule("test.twice")
    def first(user, roles, obj):
        return True

    with pytest.raises(RuntimeError, match="registered twice"):

        @rule("test.twice")
        def second(user, roles, obj):
            return False

    assert scratch_rules["test.twice"] is first


def test_require_raises_404_not_403(scratch_rules):
    @rule("test.never")
    def never(user, roles, obj):
        return False

    @rule("test.always")
    def always(user, roles, obj):
        return True

    user = UserFactory()
    with pytest.raises(Http404):
        require(user, "test.never", object())
    assert require(user, "test.always", object()) is None


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
