"""The permission module: one registry of rules that answer "may this user do this action to this object".

The rules of each app and the role facts they read are tested in that app (e.g. apps/accounts/tests/test_rules.py).
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from apps.core import permissions
from apps.core.permissions import can, require, role_facts, rule
from apps.core.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def scratch_rules(monkeypatch):
    """Rules registered inside a test disappear after it."""
    monkeypatch.setattr(permissions.RULES, "_entries", dict(permissions.RULES._entries))
    return permissions.RULES


def test_unknown_action_raises_instead_of_answering_no():
    with pytest.raises(KeyError, match="organisation.fly"):
        can(make_user(), "organisation.fly", None)


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

    user = make_user()
    with pytest.raises(Http404):
        require(user, "test.never", object())
    assert require(user, "test.always", object()) is None


def test_rules_get_the_registered_role_facts(scratch_rules):
    seen = {}

    @rule("test.facts")
    def check(user, roles, obj):
        seen["roles"] = roles
        return roles.is_authenticated

    user = make_user()
    assert can(user, "test.facts") is True
    assert seen["roles"] is role_facts(user)
    assert can(AnonymousUser(), "test.facts") is False
