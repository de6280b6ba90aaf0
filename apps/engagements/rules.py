from apps.core.permissions import rule

from .access import engagement_access


def _is_organiser(roles, engagement) -> bool:
    return engagement.edition.organiser_id in roles.staff_of


@rule("engagement.view")
def can_view(user, roles, engagement):
    access = engagement_access(user)
    return (
        roles.is_coordinator
        or _is_organiser(roles, engagement)
        or engagement.pk in access.member_of
        or engagement.pk in access.advisor_of
    )


@rule("engagement.work")
def can_work(user, roles, engagement):
    """Edit the JST's documents: its active team members and its two advisors."""
    access = engagement_access(user)
    return engagement.pk in access.member_of or engagement.pk in access.advisor_of


@rule("engagement.contribute_as_team")
def can_contribute_as_team(user, roles, engagement):
    return engagement.pk in engagement_access(user).member_of


@rule("engagement.advise")
def can_advise(user, roles, engagement):
    return engagement.pk in engagement_access(user).advisor_of


@rule("engagement.manage_team")
def can_manage_team(user, roles, engagement):
    return engagement.pk in engagement_access(user).leader_of or _is_organiser(roles, engagement)


@rule("engagement.administer")
def can_administer(user, roles, engagement):
    """Assign advisors, withdraw: the organiser running the edition."""
    return _is_organiser(roles, engagement)


@rule("engagement.advise_any")
def advises_some_engagement(user, roles, obj=None):
    """Assigned as an advisor to at least one JST (the advisor's dashboard card)."""
    return bool(engagement_access(user).advisor_of)


@rule("engagement.list")
def has_engagements_to_list(user, roles, obj=None):
    """ "Karty JST" in the menu: for whoever works on a JST's card or follows an organiser's (a trainer or an
    applicant without one would find an empty page)."""
    return roles.is_organiser_staff or roles.is_coordinator or roles.is_advisor or engagement_access(user).any
