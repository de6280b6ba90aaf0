"""What roles a user holds, computed once per request from their memberships."""

from dataclasses import dataclass

from .models import Membership


@dataclass(frozen=True)
class Roles:
    staff_of: frozenset[int] = frozenset()
    advisor_of: frozenset[int] = frozenset()
    trainer_of: frozenset[int] = frozenset()
    is_coordinator: bool = False
    is_platform_admin: bool = False
    is_authenticated: bool = False

    @property
    def is_organiser_staff(self) -> bool:
        return bool(self.staff_of)

    @property
    def is_advisor(self) -> bool:
        return bool(self.advisor_of)

    @property
    def is_trainer(self) -> bool:
        return bool(self.trainer_of)

    @property
    def requires_two_factor(self) -> bool:
        """Roles that see other people's data must use TOTP (the foundation issue lists them)."""
        return self.is_platform_admin or self.is_coordinator or self.is_organiser_staff or self.is_advisor


ANONYMOUS = Roles()
_CACHE_ATTR = "_roles_cache"


def roles_of(user) -> Roles:
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    by_role: dict[str, set[int]] = {role: set() for role in Membership.Role.values}
    for role, organisation_id in Membership.objects.filter(user=user).values_list("role", "organisation_id"):
        by_role[role].add(organisation_id)
    roles = Roles(
        staff_of=frozenset(by_role[Membership.Role.STAFF]),
        advisor_of=frozenset(by_role[Membership.Role.ADVISOR]),
        trainer_of=frozenset(by_role[Membership.Role.TRAINER]),
        is_coordinator=bool(by_role[Membership.Role.COORDINATOR]),
        is_platform_admin=bool(user.is_staff and user.is_superuser),
        is_authenticated=True,
    )
    setattr(user, _CACHE_ATTR, roles)
    return roles


def forget_roles(user) -> None:
    """Call after changing a user's memberships within the same request."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)
