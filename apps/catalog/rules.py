from apps.core.permissions import rule


@rule("catalog.manage")
def can_manage_catalog(user, roles, obj=None):
    """The national coordinator owns the model; the platform administrator may stand in."""
    return roles.is_coordinator or roles.is_platform_admin
