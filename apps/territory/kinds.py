"""The kinds of JST that can take part, and the four workshop groups they are trained in.

Kept apart from the models so that catalog, editions and recruitment can use them without importing the
register itself.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JstKind(models.TextChoices):
    URBAN_GMINA = "urban_gmina", _("gmina miejska")
    CITY_WITH_POWIAT_RIGHTS = "city_powiat", _("miasto na prawach powiatu")
    URBAN_RURAL_GMINA = "urban_rural_gmina", _("gmina miejsko-wiejska")
    RURAL_GMINA = "rural_gmina", _("gmina wiejska")
    POWIAT = "powiat", _("powiat")
    VOIVODESHIP = "voivodeship", _("samorząd województwa")


class WorkshopGroup(models.TextChoices):
    RURAL_GMINY = "rural_gminy", _("gminy wiejskie")
    URBAN_GMINY = "urban_gminy", _("gminy miejskie")
    POWIATY = "powiaty", _("powiaty")
    URBAN_RURAL_GMINY = "urban_rural_gminy", _("gminy miejsko-wiejskie")


# The model's default: a city with powiat rights trains with urban gminy unless the organiser says otherwise;
# the sources do not place voivodeship self-governments, so they go with powiaty (the supra-local level) by default.
DEFAULT_WORKSHOP_GROUPS: dict[str, str] = {
    JstKind.URBAN_GMINA: WorkshopGroup.URBAN_GMINY,
    JstKind.CITY_WITH_POWIAT_RIGHTS: WorkshopGroup.URBAN_GMINY,
    JstKind.URBAN_RURAL_GMINA: WorkshopGroup.URBAN_RURAL_GMINY,
    JstKind.RURAL_GMINA: WorkshopGroup.RURAL_GMINY,
    JstKind.POWIAT: WorkshopGroup.POWIATY,
    JstKind.VOIVODESHIP: WorkshopGroup.POWIATY,
}


def workshop_group_for(kind: str, overrides: dict[str, str] | None = None) -> str:
    """The workshop group of a JST kind: the edition's override if it has one, else the model's default."""
    if overrides and kind in overrides:
        return overrides[kind]
    return DEFAULT_WORKSHOP_GROUPS[kind]
