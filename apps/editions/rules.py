from apps.core.permissions import rule


@rule("edition.create")
def can_create_edition(user, roles, organisation=None):
    if organisation is None:
        return roles.is_organiser_staff
    return organisation.pk in roles.staff_of


@rule("edition.view")
def can_view_edition(user, roles, edition):
    """The organiser's pages of an edition: its own staff, and the national coordinator read-only."""
    return roles.is_coordinator or edition.organiser_id in roles.staff_of


@rule("edition.change")
def can_change_edition(user, roles, edition):
    # The coordinator's view across organisers is read-only.
    return edition.organiser_id in roles.staff_of


@rule("edition.list")
def can_list_editions(user, roles, obj=None):
    return roles.is_organiser_staff or roles.is_coordinator


@rule("edition.train")
def trains_for_some_organiser(user, roles, obj=None):
    """A trainer at some organiser: sees the timetables of that organiser's editions on the dashboard."""
    return roles.is_trainer
