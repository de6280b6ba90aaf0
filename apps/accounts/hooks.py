"""What accounts plugs into the kernel and the site shell: the role facts every rule reads, its menu entries and
its dashboard cards."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.dashboard import dashboard_card
from apps.core.navigation import menu_item
from apps.core.permissions import ROLE_FACTS

from .roles import roles_of

# The kernel's ``can()`` asks this for the facts it hands to every rule (docs/decisions/0009-platform-seams.md).
ROLE_FACTS.register("accounts.roles_of", roles_of)

menu_item(
    "accounts:organisation_list",
    gettext_lazy("Organizatorzy"),
    order=90,
    rule="organisation.list",
    section="/organizatorzy/",
)
menu_item("accounts:profile", gettext_lazy("Moje konto"), order=120, rule="site.signed_in", section="/konto/")


@dashboard_card("accounts.organisations", rule="organisation.list", order=60)
def organisations_card(user) -> list[dict]:
    staff = roles_of(user).is_organiser_staff
    return [
        {
            "title": _("Organizatorzy"),
            "text": _("Zespół organizatora: pracownicy, doradcy, trenerzy i zaproszenia.")
            if staff
            else _("Wgląd we wszystkich organizatorów modelu (tylko do odczytu)."),
            "url": reverse("accounts:organisation_list"),
        }
    ]


@dashboard_card("accounts.admin", rule="platform.admin", order=90)
def admin_card(user) -> list[dict]:
    return [
        {
            "title": _("Administracja platformy"),
            "text": _("Panel administracyjny Django: konta, organizatorzy, historia zmian."),
            "url": reverse("admin:index"),
        }
    ]


@dashboard_card("accounts.profile", rule="site.signed_in", order=100)
def profile_card(user) -> list[dict]:
    return [
        {
            "title": _("Moje konto"),
            "text": _("Dane konta, hasło i weryfikacja dwuetapowa."),
            "url": reverse("accounts:profile"),
        }
    ]
