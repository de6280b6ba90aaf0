from apps.core.permissions import rule


@rule("platform.admin")
def is_platform_admin(user, roles, obj=None):
    return roles.is_platform_admin


@rule("organisation.view")
def can_view_organisation(user, roles, organisation):
    return roles.is_coordinator or organisation.pk in roles.staff_of


@rule("organisation.manage_members")
def can_manage_members(user, roles, organisation):
    # The coordinator's view across organisers is read-only.
    return organisation.pk in roles.staff_of


@rule("organisation.view_history")
def can_view_organisation_history(user, roles, organisation):
    return can_view_organisation(user, roles, organisation)


@rule("organisation.list")
def can_list_organisations(user, roles, obj=None):
    """The list of organisers: their staff (their own), the national coordinator (all, read-only)."""
    return roles.is_organiser_staff or roles.is_coordinator


@rule("organisation.staff_member")
def works_for_an_organiser(user, roles, obj=None):
    return roles.is_organiser_staff


@rule("two_factor.confirm_recovery")
def can_confirm_recovery(user, roles, obj=None):
    return roles.is_platform_admin or roles.is_organiser_staff
