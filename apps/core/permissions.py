"""The one place that answers "may this user do this action to this object".

Each app registers its rules in its own ``rules.py`` (imported from ``AppConfig.ready``)::

    @rule("organisation.manage_members")
    def can_manage_members(user, roles, organisation): ...

Views call ``can()`` or ``require()``; selectors use the same role facts to scope querysets, so a URL for an
object the user may not see answers 404 and does not leak that it exists.

The role facts (which organisers a user works for, and as what) are computed by ``apps.accounts``, which sits
above the kernel: accounts registers its ``roles_of`` here as the one ``ROLE_FACTS`` provider, and core only
relies on the small ``RoleFacts`` protocol below (docs/decisions/0009-platform-seams.md).
"""

from collections.abc import Callable
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured
from django.http import Http404

from .registry import Registry


class RoleFacts(Protocol):
    """What the kernel itself reads from a user's role facts; rules read the rest of the provider's object."""

    is_authenticated: bool
    requires_two_factor: bool


Rule = Callable[[Any, Any, Any], bool]
RULES: Registry[Rule] = Registry("permission rule")
ROLE_FACTS: Registry[Callable[[Any], RoleFacts]] = Registry("role facts provider")


def rule(action: str, *, order: int = 100) -> Callable[[Rule], Rule]:
    return RULES.register(action, order=order)


def role_facts(user) -> RoleFacts:
    """The user's role facts from the registered provider (computed once per request by the provider)."""
    providers = ROLE_FACTS.values()
    if len(providers) != 1:
        raise ImproperlyConfigured(f"Exactly one role facts provider must be registered, found {len(providers)}.")
    return providers[0](user)


def can(user, action: str, obj: Any = None) -> bool:
    return bool(RULES[action](user, role_facts(user), obj))


def require(user, action: str, obj: Any = None) -> None:
    """Raise 404 (not 403) so that existence of objects the user may not act on does not leak."""
    if not can(user, action, obj):
        raise Http404


def registered_actions() -> list[str]:
    return sorted(RULES.keys())
