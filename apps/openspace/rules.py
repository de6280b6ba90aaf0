"""Who may do what in an open space: only the event's registered participants, its moderators (invited advisors
and trainers) and the organiser's staff see it at all; the others get 404."""

from apps.core.permissions import rule

from .access import role_in


@rule("openspace.create")
def can_create(user, roles, event):
    """Hold an open space in one of the event's sessions: the organiser's staff."""
    return event.planned_event.edition.organiser_id in roles.staff_of


@rule("openspace.view")
def can_view(user, roles, open_space):
    """The topic market, the groups, the conclusions, the plenary view, the exports."""
    return role_in(user, open_space).any


@rule("openspace.take_part")
def can_take_part(user, roles, open_space):
    """Propose topics, vote, follow, join a group: a registered participant."""
    return role_in(user, open_space).participant


@rule("openspace.moderate")
def can_moderate(user, roles, open_space):
    """Switch phases, set the votes, merge and reword topics, form groups, move the plenary, publish."""
    return role_in(user, open_space).runs


@rule("openspace.write_conclusions")
def can_write_conclusions(user, roles, group):
    """A group's conclusions: its moderator, the participant they named, the organiser's staff."""
    open_space = group.open_space
    if open_space.phase == "closed" or open_space.is_published:
        return False
    if user.pk in (group.moderator_id, group.scribe_id):
        return role_in(user, open_space).any
    return role_in(user, open_space).organiser
