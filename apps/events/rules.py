"""Who may do what with events. The organiser's staff of the edition run them; the national coordinator reads;
invited people (the JSTs' team members, invited advisors, trainers and guests) register and see the full page;
a team leader sees the JST's registrations; everybody else gets 404 (the public sees only the list)."""

from apps.core.permissions import rule
from apps.engagements.access import engagement_access

from .access import event_access, is_invited


def _organiser_id(obj) -> int:
    edition = obj.planned_event.edition if hasattr(obj, "planned_event") else obj
    return edition.organiser_id


@rule("event.manage")
def can_manage(user, roles, obj=None):
    """Create and change events, venues, agendas and registrations; check people in. ``obj``: an event, an
    edition or an organisation (venues); without one: staff of some organiser."""
    if obj is None:
        return roles.is_organiser_staff
    if obj.__class__.__name__ == "Organisation":
        return obj.pk in roles.staff_of
    return _organiser_id(obj) in roles.staff_of


@rule("event.desk")
def can_see_desk(user, roles, obj=None):
    """The organiser's read side (lists, numbers, exports): its staff and the coordinator."""
    if obj is None:
        return roles.is_organiser_staff or roles.is_coordinator
    return roles.is_coordinator or _organiser_id(obj) in roles.staff_of


@rule("event.attend")
def can_attend(user, roles, event):
    """Register, rate topics, see one's agenda: an invited person."""
    return is_invited(user, event)


@rule("event.view")
def can_view(user, roles, event):
    """The full page for participants: invited people, the organiser's staff and trainers, the coordinator."""
    organiser = _organiser_id(event)
    return (
        roles.is_coordinator
        or organiser in roles.staff_of
        or organiser in roles.trainer_of
        or organiser in roles.advisor_of
        or is_invited(user, event)
    )


@rule("event.lead_team")
def can_lead_team(user, roles, event):
    """The JST's registrations and who is missing: the team leader of a JST in the event's edition."""
    access = event_access(user)
    engagement = access.engagement_in(event.planned_event.edition_id)
    return engagement is not None and engagement in access.leader_engagements


@rule("event.my_events")
def has_events(user, roles, obj=None):
    """The "Wydarzenia" menu entry: anyone who may take part in or run some event. Asked on every page, so it
    reads the role facts and team places every page has already loaded, and looks up invitations only for a
    person with neither (an invited guest)."""
    if roles.is_organiser_staff or roles.is_coordinator or roles.is_trainer or roles.is_advisor:
        return True
    if engagement_access(user).member_of:  # a JST's team is invited to its edition's events by default
        return True
    return bool(event_access(user).invited_events)
