from apps.accounts.roles import roles_of

from .navigation import items_for


def navigation(request):
    roles = roles_of(getattr(request, "user", None))
    return {"nav_items": items_for(roles, request.path), "roles": roles}
