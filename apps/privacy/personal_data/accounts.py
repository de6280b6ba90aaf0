from django.utils.translation import gettext_lazy as _

from . import RETENTION, SOURCES, RetentionRule, Source, retention_days, rows


def _collect(user):
    return [
        {"title": "Konto", "rows": rows([user], ["email", "full_name", "date_joined", "last_login"])},
        {
            "title": "Role u organizatorów",
            "rows": rows(user.memberships.select_related("organisation"), ["organisation", "role", "created_at"]),
        },
    ]


def _organisations(user):
    return user.memberships.values_list("organisation_id", flat=True)


SOURCES.register(
    "accounts",
    Source(
        key="accounts",
        activity=_("Konta użytkowników platformy"),
        purpose=_("logowanie, role u organizatorów, bezpieczeństwo kont"),
        legal_basis=_("art. 6 ust. 1 lit. e RODO (zadanie publiczne), art. 6 ust. 1 lit. c (rozliczalność)"),
        subjects=_("pracownicy JST, dyrektorzy szkół, doradcy, trenerzy, pracownicy organizatorów"),
        categories=_("imię i nazwisko, adres e-mail, daty logowania, role"),
        recipients=_("organizator edycji; dostawca usług hostingowych"),
        retention=_("do usunięcia konta; konta nieużywane: usuwane po okresie z ustawień"),
        collect=_collect,
        organisations=_organisations,
    ),
    order=10,
)


def _inactive_due(today, held):
    from datetime import timedelta

    from django.db.models import Q

    from apps.accounts.models import User

    cutoff = today - timedelta(days=retention_days("inactive_accounts"))
    return (
        User.objects.filter(is_active=True, is_staff=False, memberships__isnull=True)
        .filter(Q(last_login__date__lt=cutoff) | Q(last_login__isnull=True, date_joined__date__lt=cutoff))
        .exclude(team_memberships__engagement__edition_id__in=held)
        .exclude(applications__edition_id__in=held)
        .distinct()
    )


def _erase_inactive(queryset) -> int:
    from ..services import anonymise_person

    count = 0
    for user in list(queryset):
        anonymise_person(user=user, by=None)
        count += 1
    return count


RETENTION.register(
    "inactive_accounts",
    RetentionRule(
        key="inactive_accounts",
        label=_("Konta nieużywane (bez ról u organizatorów)"),
        due=_inactive_due,
        apply=_erase_inactive,
        describe=lambda user: f"#{user.pk}",
    ),
    order=50,
)
