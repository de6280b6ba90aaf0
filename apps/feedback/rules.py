from apps.core.permissions import rule


@rule("feedback.submit")
def can_submit_remark(user, roles, obj=None):
    """Anyone taking part: the JSTs' team members, advisors, trainers, the organisers' staff, the coordinator."""
    if roles.is_coordinator or roles.is_platform_admin or roles.is_organiser_staff:
        return True
    if roles.is_advisor or roles.is_trainer:
        return True
    if not roles.is_authenticated:
        return False
    from apps.engagements.access import engagement_access

    # the team places every page has already read (one query per request, shared with the other rules)
    return bool(engagement_access(user).member_of)


@rule("feedback.manage")
def can_manage_remarks(user, roles, obj=None):
    """The national coordinator owns the model and triages the register; the platform administrator may stand in."""
    return roles.is_coordinator or roles.is_platform_admin
