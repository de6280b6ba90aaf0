"""Dashboard cards of the recruitment (registered in ``hooks.py``): the applicant's own applications; the
organiser's calls awaiting decisions."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.accounts.roles import roles_of
from apps.editions.models import Edition

from .models import Application


def my_applications_card(user) -> list[dict]:
    cards: list[dict] = []
    own = Application.objects.filter(applicant=user).aggregate(
        total=Count("pk"), drafts=Count("pk", filter=Q(status=Application.Status.DRAFT))
    )
    if own["total"]:
        text = ngettext("Masz %(count)s zgłoszenie JST.", "Masz %(count)s zgłoszenia JST.", own["total"]) % {
            "count": own["total"]
        }
        if own["drafts"]:
            text += " " + _("Wersje robocze do dokończenia: %(count)s.") % {"count": own["drafts"]}
        cards.append({"title": _("Moje zgłoszenia"), "text": text, "url": reverse("recruitment:my_applications")})
    return cards


def desk_cards(user) -> list[dict]:
    """Up to three of the organiser's calls with applications waiting for a decision."""
    cards: list[dict] = []
    roles = roles_of(user)
    waiting = (
        Edition.objects.filter(organiser_id__in=roles.staff_of)
        .annotate(undecided=Count("applications", filter=Q(applications__status=Application.Status.SUBMITTED)))
        .filter(undecided__gt=0)
        .order_by("recruitment_deadline")
        .values_list("slug", "name", "undecided")
    )
    for slug, name, undecided in waiting[:3]:
        cards.append(
            {
                "title": _("Nabór: %(edition)s") % {"edition": name},
                "text": _("Zgłoszenia czekające na decyzję: %(count)s.") % {"count": undecided},
                "url": reverse("recruitment:desk", kwargs={"slug": slug}),
            }
        )
    return cards
