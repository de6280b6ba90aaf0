"""The one way a view finds its object: signed in, looked up through a scoped selector, a permission rule checked.

Both the lookup and the rule answer 404 for someone who may not see or may not act, so existence does not leak::

    @object_view(selectors.engagement_for, rule="engagement.work", name="engagement")
    def figure_add(request, engagement): ...
"""

from functools import wraps

from django.contrib.auth.decorators import login_required

from .permissions import require


def object_view(selector, *, rule: str | None = None, kwarg: str = "pk", name: str | tuple[str, ...] = "obj"):
    """Call ``selector(request.user, <URL kwarg>)``, check ``rule`` on what it found (on the last of several it
    returns as a tuple) and pass the result to the view as ``name`` (a tuple of names for several)."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            found = selector(request.user, kwargs.pop(kwarg))
            objects = found if isinstance(name, tuple) else (found,)
            if rule:
                require(request.user, rule, objects[-1])
            names = name if isinstance(name, tuple) else (name,)
            return view(request, *args, **dict(zip(names, objects, strict=True)), **kwargs)

        return wrapper

    return decorator
