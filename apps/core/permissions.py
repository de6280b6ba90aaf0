"""The one place that answers "may this user do this action to this object".

Each app registers its rules in its own ``rules.py`` (imported from ``AppConfig.ready``)::

    @rule("organisation.manage_members")
    def can_manage_members(user, roles, organisation): ...

Views call ``can()`` or ``require()``; selectors use the same role facts (``roles_of``) to scope querysets,
so a URL for an object the user may not see answers 404 and does not leak that it exists.
"""

from collections.abc import Callable
from typing import Any

from django.http import Http404

from apps.accounts.roles import Roles, roles_of

Rule = Callable[[Any, Roles, Any], bool]
_RULES: dict[str, Rule] = {}


def rule(action: str) -> Callable[[Rule], Rule]:
    def register(fn: Rule) -> Rule:
        if action in _RULES:
            raise RuntimeError(f"Permission rule {action!r} is registered twice.")
        _RULES[action] = fn
        return fn

    return register


def can(user, action: str, obj: Any = None) -> bool:
    try:
        check = _RULES[action]
    except KeyError as exc:
        raise KeyError(f"No permission rule named {action!r}.") from exc
    return bool(check(user, roles_of(user), obj))


def require(user, action: str, obj: Any = None) -> None:
    """Raise 404 (not 403) so that existence of objects the user may not act on does not leak."""
    if not can(user, action, obj):
        raise Http404


def registered_actions() -> list[str]:
    return sorted(_RULES)
