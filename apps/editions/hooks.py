"""Editions in the site shell: the public list for everyone, the organiser's editions for staff and coordinator."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.dashboard import dashboard_card
from apps.core.navigation import menu_item
from apps.core.permissions import can

from . import selectors

menu_item("editions:public_list", gettext_lazy("Edycje"), order=30, section="/edycje/")
menu_item(
    "editions:manage_list",
    gettext_lazy("Edycje organizatora"),
    order=100,
    rule="edition.list",
    section="/organizator/edycje/",
)


@dashboard_card("editions.manage", rule="edition.list", order=70)
def editions_card(user) -> list[dict]:
    return [
        {
            "title": _("Edycje organizatora"),
            "text": _("Twoje edycje modelu: ustawienia, harmonogram, nabór i publikacja.")
            if can(user, "edition.create")
            else _("Edycje wszystkich organizatorów (tylko do odczytu)."),
            "url": reverse("editions:manage_list"),
        }
    ]


@dashboard_card("editions.trainer", rule="edition.train", order=35)
def trainer_cards(user) -> list[dict]:
    """A trainer's way to the trainings: each current or coming edition of their organisers, with its next event."""
    cards = []
    for edition in selectors.editions_trained_by(user):
        upcoming = edition.upcoming_events
        text = (
            _("Najbliżej: %(title)s, %(date)s, %(place)s.")
            % {
                "title": upcoming[0].title,
                "date": date_format(upcoming[0].starts_on, "d.m.Y"),
                "place": upcoming[0].place,
            }
            if upcoming
            else _("Harmonogram tej edycji nie ma już wydarzeń przed nami.")
        )
        cards.append(
            {
                "title": _("Szkolenia i spotkania: %(edition)s") % {"edition": edition.name},
                "text": text,
                "url": reverse("editions:public_detail", kwargs={"slug": edition.slug}),
            }
        )
    if not cards:
        cards.append(
            {
                "title": _("Szkolenia i spotkania"),
                "text": _("Twoi organizatorzy nie mają teraz opublikowanych edycji z harmonogramem przed nami."),
                "url": reverse("editions:public_list"),
            }
        )
    return cards
