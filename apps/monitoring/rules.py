"""Who may see and enter EU monitoring data: the organiser's staff holding the monitoring permission
(``access.monitoring_of``) for its editions, and each participant for their own data. Nobody else, the national
coordinator and the JST's advisors included (404)."""

from apps.core.permissions import rule

from .access import monitoring_of


@rule("monitoring.any")
def handles_some(user, roles, obj=None):
    """The menu entry and the list of editions: someone who handles monitoring data somewhere."""
    return bool(monitoring_of(user))


@rule("monitoring.handle")
def can_handle(user, roles, edition):
    """An edition's monitoring pages, its participants' data (masked), reveals and the SM EFS exports."""
    return edition.organiser_id in monitoring_of(user)


@rule("monitoring.enter_own")
def can_enter_own(user, roles, team_member):
    """A participant enters their own data (their team place, while they hold it)."""
    return user.is_authenticated and team_member.user_id == user.pk and team_member.left_at is None
