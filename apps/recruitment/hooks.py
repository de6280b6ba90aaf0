"""The recruitment in the site shell: the calls in the main menu, the applicant's and the organiser's cards."""

from django.utils.translation import gettext_lazy as _

from apps.core.dashboard import dashboard_card
from apps.core.navigation import menu_item

from . import dashboards

menu_item("recruitment:call_list", _("Nabory"), order=40, section="/nabory/")
dashboard_card("recruitment.my_applications", rule="site.signed_in", order=40)(dashboards.my_applications_card)
dashboard_card("recruitment.desks", rule="organisation.staff_member", order=50)(dashboards.desk_cards)
