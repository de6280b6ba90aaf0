"""Who may do what in advisory work. Everything follows the engagement: its team and advisors work on it, the
organiser of the edition and the national coordinator read it, everybody else gets 404."""

from apps.core.permissions import can, rule
from apps.engagements.access import engagement_access
from apps.engagements.models import Engagement


def _engagement(obj) -> Engagement:
    """The rules take the engagement or anything of it (a visit, a task)."""
    return obj if isinstance(obj, Engagement) else obj.engagement


@rule("advising.view")
def can_view(user, roles, obj):
    engagement = _engagement(obj)
    return can(user, "engagement.view", engagement)


@rule("advising.advise")
def can_advise(user, roles, obj):
    engagement = _engagement(obj)
    return can(user, "engagement.advise", engagement)


@rule("advising.answer_dates")
def can_answer_dates(user, roles, obj):
    engagement = _engagement(obj)
    return engagement.pk in engagement_access(user).leader_of


@rule("advising.tick_task")
def can_tick_task(user, roles, obj):
    engagement = _engagement(obj)
    return can(user, "engagement.work", engagement)


@rule("advising.advisor_pages")
def is_some_advisor(user, roles, obj=None):
    """The advisor's own pages (month view, time sheets): advisors at an organiser or of some JST."""
    return roles.is_advisor or bool(engagement_access(user).advisor_of)


@rule("advising.edition")
def can_see_edition(user, roles, edition):
    """An edition's visits and hours pages: its organiser's staff and the national coordinator."""
    return roles.is_coordinator or edition.organiser_id in roles.staff_of


@rule("advising.approve_sheets")
def can_approve_sheets(user, roles, sheet):
    return sheet.organiser_id in roles.staff_of


@rule("advising.sheet_view")
def can_view_sheet(user, roles, sheet):
    return sheet.advisor_id == user.pk or sheet.organiser_id in roles.staff_of or roles.is_coordinator


@rule("advising.edition_list")
def can_list_editions(user, roles, obj=None):
    return roles.is_organiser_staff or roles.is_coordinator


@rule("advising.edition_manage")
def can_manage_edition(user, roles, edition):
    """Change an edition's advisory settings: its organiser's staff."""
    return edition.organiser_id in roles.staff_of
