from apps.core.permissions import rule


@rule("organisation.change_identity")
def can_change_identity(user, roles, organisation):
    # The organiser's own staff; the coordinator's view across organisers is read-only.
    return organisation.pk in roles.staff_of
