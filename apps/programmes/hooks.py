"""The programme library in the site shell and in the catalogue: its menu entry, its copy into a new draft."""

from django.utils.translation import gettext_lazy

from apps.catalog.extensions import DRAFT_COPIERS
from apps.core.navigation import menu_item

from .services import copy_programmes

menu_item("programmes:list", gettext_lazy("Programy szkoleń"), order=25)
DRAFT_COPIERS.register("programmes.copy", copy_programmes, order=10)
