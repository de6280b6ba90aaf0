"""The site shell's own menu entries, registered like every other app's."""

from django.utils.translation import gettext_lazy as _

from .navigation import menu_item

menu_item("core:home", _("Strona główna"), order=10)
menu_item("core:dashboard", _("Mój panel"), order=60, rule="site.signed_in", section="/panel/")
