from apps.core.permissions import rule


@rule("statistics.edition")
def can_see_edition_figures(user, roles, edition):
    """An edition's dashboard and figures: its organiser's staff, and the national coordinator."""
    return roles.is_coordinator or edition.organiser_id in roles.staff_of


@rule("statistics.national")
def can_see_national_view(user, roles, obj=None):
    """The view across editions: the coordinator sees every organiser, an organiser's staff their own editions."""
    return roles.is_coordinator or roles.is_organiser_staff
