from apps.core.permissions import rule


@rule("api.manage_tokens")
def can_manage_tokens(user, roles, obj=None):
    """Anyone signed in may hold personal API tokens; a token sees only what its owner sees on the pages."""
    return roles.is_authenticated
