from apps.core.permissions import rule


@rule("clause.view")
def can_view_clause(user, roles, organisation):
    """The organiser's clause page with its versions: its staff and the coordinator (read-only)."""
    return roles.is_coordinator or organisation.pk in roles.staff_of


@rule("clause.edit")
def can_edit_clause(user, roles, organisation):
    return organisation.pk in roles.staff_of
