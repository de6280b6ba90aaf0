from django.urls import reverse
from django.utils.translation import gettext as _

from apps.accounts.roles import Roles

from .permissions import can


def dashboard_cards(user, roles: Roles) -> list[dict]:
    """What the signed-in person can do next, by role. Later apps add their own cards here."""
    from apps.engagements.dashboards import dashboard_cards as engagement_cards

    # The engagement first: for team members and advisors it is what they came for.
    cards: list[dict] = engagement_cards(user, roles)
    from apps.recruitment.dashboards import dashboard_cards as recruitment_cards

    cards += recruitment_cards(user, roles)
    if roles.is_organiser_staff or roles.is_coordinator:
        cards.append(
            {
                "title": _("Organizatorzy"),
                "text": _("Zespół organizatora: pracownicy, doradcy, trenerzy i zaproszenia.")
                if roles.is_organiser_staff
                else _("Wgląd we wszystkich organizatorów modelu (tylko do odczytu)."),
                "url": reverse("accounts:organisation_list"),
            }
        )
    if roles.is_organiser_staff or roles.is_coordinator:
        cards.append(
            {
                "title": _("Edycje organizatora"),
                "text": _("Twoje edycje modelu: ustawienia, harmonogram, nabór i publikacja.")
                if roles.is_organiser_staff
                else _("Edycje wszystkich organizatorów (tylko do odczytu)."),
                "url": reverse("editions:manage_list"),
            }
        )
    if roles.is_coordinator or roles.is_platform_admin:
        cards.append(
            {
                "title": _("Katalog modelu"),
                "text": _("Obszary, rozwiązania zarządcze i formy wsparcia: wersje robocze i publikacja."),
                "url": reverse("catalog:version_list"),
            }
        )
    if can(user, "scheduling.view_runs"):
        cards.append(
            {
                "title": _("Zadania okresowe"),
                "text": _(
                    "Publikacja wyników, przypomnienia i inne zadania wykonywane o stałych porach: ostatnie uruchomienia."
                ),
                "url": reverse("scheduling:runs"),
            }
        )
    if roles.is_platform_admin:
        cards.append(
            {
                "title": _("Administracja platformy"),
                "text": _("Panel administracyjny Django: konta, organizatorzy, historia zmian."),
                "url": reverse("admin:index"),
            }
        )
    cards.append(
        {
            "title": _("Moje konto"),
            "text": _("Dane konta, hasło i weryfikacja dwuetapowa."),
            "url": reverse("accounts:profile"),
        }
    )
    return cards
