from apps.core.permissions import rule


@rule("privacy.handle_requests")
def can_handle_requests(user, roles, organisation):
    """The organiser's staff answer the requests addressed to it."""
    return organisation.pk in roles.staff_of


@rule("privacy.view_requests")
def can_view_requests(user, roles, organisation):
    return organisation.pk in roles.staff_of or roles.is_coordinator


@rule("privacy.manage_holds")
def can_manage_holds(user, roles, obj=None):
    return roles.is_organiser_staff


@rule("privacy.oversee")
def can_oversee(user, roles, obj=None):
    """The retention report and the register of processing activities: organiser staff, coordinator, admin."""
    return roles.is_organiser_staff or roles.is_coordinator or roles.is_platform_admin
