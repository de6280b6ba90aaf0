"""Who sees the scheduler's runs: organiser staff, the national coordinator and platform administrators. The
runs carry no personal data (counts and public edition names), so every organiser sees every job."""

from apps.core.permissions import rule


@rule("scheduling.view_runs")
def can_view_runs(user, roles, obj=None):
    return roles.is_organiser_staff or roles.is_coordinator or roles.is_platform_admin
