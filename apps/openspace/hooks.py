"""How open spaces appear in the rest of the platform: a dashboard card for each open space the person takes part
in, moderates or runs."""

from django.urls import reverse
from django.utils.translation import gettext as _

from apps.core.dashboard import dashboard_card

from . import selectors


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
