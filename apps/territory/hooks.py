"""The JST register in the main menu."""

from django.utils.translation import gettext_lazy as _

from apps.core.navigation import menu_item

menu_item("territory:register", _("Rejestr JST"), order=50, section="/rejestr-jst/")
