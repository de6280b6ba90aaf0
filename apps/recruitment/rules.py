"""Who may do what in the recruitment. Applicants own their applications; the edition's organiser staff review
and decide; the national coordinator reads everything and changes nothing."""

from apps.core.permissions import rule


def _staff(roles, edition_or_application) -> bool:
    edition = getattr(edition_or_application, "edition", edition_or_application)
    return edition.organiser_id in roles.staff_of


@rule("application.view")
def can_view_application(user, roles, application):
    """The application's own pages and files: its applicant, the edition's organiser staff, the coordinator."""
    return bool(
        roles.is_authenticated
        and (application.applicant_id == user.pk or roles.is_coordinator or _staff(roles, application))
    )


@rule("application.review")
def can_review_application(user, roles, application):
    """The organiser's desk: its staff and (read-only) the coordinator; never the applicant."""
    return roles.is_coordinator or _staff(roles, application)


@rule("application.decide")
def can_decide(user, roles, application):
    return _staff(roles, application)


@rule("recruitment.review")
def can_review_recruitment(user, roles, edition):
    return roles.is_coordinator or _staff(roles, edition)


@rule("recruitment.manage")
def can_manage_recruitment(user, roles, edition):
    """Decide, record receipts, publish results, change the call's texts and attachments."""
    return _staff(roles, edition)


@rule("application.list_own")
def may_have_own_applications(user, roles, obj=None):
    """ "Moje zgłoszenia" in the menu: a signed-in person who is not at an organiser (applicants are JST staff);
    decided from the role facts, without a query per page."""
    return roles.is_authenticated and not (
        roles.is_organiser_staff or roles.is_advisor or roles.is_trainer or roles.is_coordinator
    )
