"""URLs for many rows at once: ``reverse()`` once per page, not once per row.

A list of a thousand JSTs needs a thousand links that differ only in one id; a ``reverse()`` per row costs more
than the query that loaded the rows. ``per_object_url`` reverses the pattern once with a marker id and returns
a function that puts each row's id in its place::

    detail_url = per_object_url("engagements:detail")              # kwarg "pk"
    monitoring_url = per_object_url("plans:monitoring", kwarg="engagement_pk")
    detail_url(42) == reverse("engagements:detail", kwargs={"pk": 42})
"""

from collections.abc import Callable

from django.urls import reverse

# An id no row has, long enough not to appear anywhere else in a URL by chance.
_MARKER = 987654321987


def per_object_url(name: str, *, kwarg: str = "pk", **kwargs) -> Callable[[int], str]:
    """A function ``id -> URL`` of the named pattern, with ``kwarg`` as the varying id (other kwargs fixed)."""
    url = reverse(name, kwargs={**kwargs, kwarg: _MARKER})
    prefix, marker, suffix = url.partition(str(_MARKER))
    if not marker or str(_MARKER) in suffix:
        raise ValueError(f"URL {name!r} does not hold its {kwarg!r} once: {url}")

    def url_for(pk: int) -> str:
        return f"{prefix}{int(pk)}{suffix}"

    return url_for
