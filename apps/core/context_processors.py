from .navigation import items_for
from .permissions import role_facts


def navigation(request):
    user = getattr(request, "user", None)
    return {"nav_items": items_for(user, request.path), "roles": role_facts(user)}
