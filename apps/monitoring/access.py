"""The monitoring permission fact: at which organisers a person handles participants' monitoring data.

It sits beside the role facts of ``apps.accounts.roles`` (staff_of, advisor_of...) the way
``apps.engagements.access`` does for team places: computed once per request and cached on the user. A person
handles an organiser's monitoring data only while they are its staff *and* hold a ``MonitoringAccess`` there,
so taking away the staff membership takes the permission with it.
"""

from apps.accounts.roles import roles_of

from .models import MonitoringAccess

_CACHE_ATTR = "_monitoring_access_cache"


def monitoring_of(user) -> frozenset[int]:
    """The organisations whose participants' monitoring data ``user`` may read and enter."""
    if user is None or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    staff_of = roles_of(user).staff_of
    granted = (
        frozenset(
            MonitoringAccess.objects.filter(user=user, organisation_id__in=staff_of).values_list(
                "organisation_id", flat=True
            )
        )
        if staff_of
        else frozenset()
    )
    setattr(user, _CACHE_ATTR, granted)
    return granted


def forget_monitoring_access(user) -> None:
    if user is not None and hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)
