"""How open spaces appear in the rest of the platform: a dashboard card for each open space the person takes part
in, moderates or runs; links from the event's pages (the organiser's and the participant's); the public conclusions
on the knowledge base's index."""

from django.urls import reverse
from django.utils.translation import gettext as _

from apps.core.dashboard import dashboard_card
from apps.core.permissions import can
from apps.events.links import DETAIL, MANAGE, EventLink, event_link
from apps.publications.sources import PublicSource, public_source

from . import knowledge_base, selectors


@dashboard_card("openspace.mine", rule="event.my_events", order=16)
def my_open_spaces(user) -> list[dict]:
    """One query: the person's open spaces not yet closed, or closed and published."""
    return [
        {
            "title": _("Otwarta przestrzeń: %(title)s") % {"title": space.title},
            "text": _("%(event)s. Etap: %(phase)s.") % {"event": space.event.title, "phase": space.get_phase_display()},
            "url": reverse("openspace:market", kwargs={"pk": space.pk}),
        }
        for space in selectors.spaces_for_cards(user)
    ]


@event_link("openspace.links", order=20)
def open_space_links(event, user, page) -> list[EventLink]:
    """The organiser's event page: each open space and the page to prepare one; the participant's event detail:
    each open space the person may see (a constant number of queries)."""
    if page == MANAGE:
        if not can(user, "openspace.create", event):
            return []
        links = [
            EventLink(
                _("Otwarta przestrzeń: %(title)s") % {"title": space.title},
                reverse("openspace:moderate", kwargs={"pk": space.pk}),
            )
            for space in selectors.spaces_of_event(event)
        ]
        return [
            *links,
            EventLink(_("Przygotuj otwartą przestrzeń"), reverse("openspace:create", kwargs={"pk": event.pk})),
        ]
    if page == DETAIL:
        return [
            EventLink(
                _("Otwarta przestrzeń: %(title)s") % {"title": space.title},
                reverse("openspace:market", kwargs={"pk": space.pk}),
            )
            for space in selectors.spaces_of_event_for(event, user)
        ]
    return []


@public_source("openspace.conclusions", order=20)
def public_conclusions_source() -> PublicSource | None:
    """One query: how many open spaces have conclusions a group agreed to publish."""
    count = knowledge_base.public_spaces().count()
    if not count:
        return None
    return PublicSource(
        title=_("Wnioski z otwartych przestrzeni"),
        text=_("wnioski grup z wydarzeń, opublikowane za zgodą każdej grupy"),
        url=reverse("openspace:public_list"),
        count=count,
    )
