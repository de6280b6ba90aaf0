"""Who may do what with summaries, consents and publications. A summary and its consents follow the engagement:
the JST's team and advisors work on it, the edition's organiser and the coordinator read it, everybody else gets
404. Published documents are public."""

from apps.core.permissions import can, rule
from apps.engagements.access import engagement_access


@rule("summary.view")
def can_view(user, roles, summary):
    return can(user, "engagement.view", summary.engagement)


@rule("summary_version.view")
def can_view_version(user, roles, version):
    return can(user, "engagement.view", version.summary.engagement)


@rule("summary.start")
def can_start(user, roles, engagement):
    return can(user, "engagement.contribute_as_team", engagement)


@rule("summary.edit")
def can_edit(user, roles, summary):
    """Write the sections: the team (the advisors comment)."""
    return can(user, "engagement.contribute_as_team", summary.engagement)


@rule("summary.comment")
def can_comment(user, roles, summary):
    return can(user, "engagement.work", summary.engagement)


@rule("summary.review")
def can_review(user, roles, summary):
    return can(user, "engagement.advise", summary.engagement)


@rule("consent.view")
def can_view_consents(user, roles, engagement):
    return can(user, "engagement.view", engagement)


@rule("consent.give")
def can_give_consent(user, roles, engagement):
    """The JST's authorised person: the leader of its team."""
    return engagement.pk in engagement_access(user).leader_of


@rule("publication.manage")
def can_manage(user, roles, edition):
    """Publish, feature, set the edition's publication page: the staff of the edition's organiser."""
    return edition.organiser_id in roles.staff_of


@rule("publication.manage_any")
def can_manage_any(user, roles, obj=None):
    return roles.is_organiser_staff


@rule("summary.structures")
def can_edit_structures(user, roles, obj=None):
    """The forms' sections are catalogue data: whoever manages the catalogue keeps them."""
    return can(user, "catalog.manage")
