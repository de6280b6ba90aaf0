"""The feedback register in the site shell and in the catalogue: menu entries, the coordinator's card, each
catalogue version's change log and what publishing a version does to the remarks it addresses."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.catalog.extensions import PUBLISHED_LISTENERS, VERSION_SECTIONS, VersionSection
from apps.core.dashboard import dashboard_card
from apps.core.navigation import menu_item
from apps.core.permissions import can

from .models import Remark
from .selectors import change_log
from .services import implement_published

menu_item("feedback:register", gettext_lazy("Uwagi do modelu"), order=115, rule="feedback.manage")
menu_item("feedback:my_remarks", gettext_lazy("Moje uwagi do modelu"), order=116, rule="feedback.submit")
PUBLISHED_LISTENERS.register("feedback.implement", implement_published, order=10)


@VERSION_SECTIONS.register("feedback.change_log", order=10)
def change_log_section(version, user):
    remarks = change_log(version)
    if not remarks and not version.is_draft:
        return None
    heading = _("Zmiany planowane w tej wersji") if version.is_draft else _("Co się zmieniło i dlaczego")
    return VersionSection(
        heading=heading,
        template="feedback/_change_log.html",
        context={"remarks": remarks, "show_text": can(user, "feedback.manage")},
    )


@dashboard_card("feedback.register", rule="feedback.manage", order=85)
def register_card(user) -> list[dict]:
    waiting = Remark.objects.filter(status__in=[Remark.Status.NEW, Remark.Status.ANALYSING]).count()
    return [
        {
            "title": _("Uwagi do modelu"),
            "text": _("Do rozpatrzenia: %(count)s.") % {"count": waiting},
            "url": reverse("feedback:register"),
        }
    ]
