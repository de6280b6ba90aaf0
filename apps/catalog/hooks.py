"""The catalogue in the site shell: the public model page and, for whoever manages it, the catalogue versions."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.dashboard import dashboard_card
from apps.core.home import HomeSection, home_section
from apps.core.navigation import menu_item

from .models import CatalogVersion
from .selectors import current_version, with_contents

menu_item("catalog:public", gettext_lazy("Model doradztwa"), order=20)
menu_item(
    "catalog:version_list", gettext_lazy("Katalog modelu"), order=110, rule="catalog.manage", section="/model/wersje/"
)


@dashboard_card("catalog.versions", rule="catalog.manage", order=80)
def catalogue_card(user) -> list[dict]:
    return [
        {
            "title": _("Katalog modelu"),
            "text": _("Obszary, rozwiązania zarządcze i formy wsparcia: wersje robocze i publikacja."),
            "url": reverse("catalog:version_list"),
        }
    ]


@home_section("catalog.cycle", order=20)
def cycle_section(request):
    """The full advisory cycle and the forms of support as the published catalogue has them (one source for the
    home page, the call page and the karta JST's stages)."""
    version = with_contents(CatalogVersion.objects.filter(pk=getattr(current_version(), "pk", None))).first()
    if version is None:
        return None
    return HomeSection(
        heading=_("Pełny cykl doradztwa"), template="catalog/_home_cycle.html", context={"version": version}
    )
