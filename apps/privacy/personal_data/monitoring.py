from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.monitoring import crypto
from apps.monitoring.models import ParticipantData

from . import RETENTION, SOURCES, RetentionRule, Source, retention_days, rows

FIELDS = [
    "edition",
    "no_pesel",
    "other_identifier",
    "sex",
    "age_at_start",
    "education",
    "labour_status",
    "disability",
    "foreign_origin",
    "third_country",
    "minority",
    "homeless",
    "clause_accepted_at",
]


def _data(user):
    return ParticipantData.objects.filter(team_member__user=user).select_related("edition")


def _collect(user):
    # The person sees their own PESEL in clear (art. 15 RODO): decrypted here, never stored so anywhere else.
    data = list(_data(user))
    listed = rows(data, FIELDS)
    for row, obj in zip(listed, data, strict=True):
        row["pesel"] = crypto.decrypt(obj.pesel_encrypted)
    return [{"title": "Dane do monitorowania projektu", "rows": listed}]


def _held(today=None) -> set[int]:
    from ..models import LegalHold

    return set(LegalHold.objects.filter(until__gte=today or timezone.localdate()).values_list("edition_id", flat=True))


def _erase(user):
    # Monitoring data is only kept for the funder while a legal hold covers its edition (erasure is refused then
    # anyway, see services.holds_for); otherwise it goes entirely: PESEL, flags and all.
    count = _data(user).exclude(edition_id__in=_held()).delete()[0]
    return {"monitoring_data_deleted": count}


def _due(today, held):
    cutoff = today - timedelta(days=retention_days("monitoring"))
    return ParticipantData.objects.filter(edition__period_end__lt=cutoff).exclude(edition_id__in=held)


SOURCES.register(
    "monitoring",
    Source(
        key="monitoring",
        activity=_("Dane uczestników projektów UE do monitorowania"),
        purpose=_("monitorowanie i sprawozdawczość projektu współfinansowanego ze środków UE (SM EFS)"),
        legal_basis=_(
            "art. 6 ust. 1 lit. c RODO; art. 9 ust. 2 lit. g RODO; rozporządzenie (UE) 2021/1060 i 2021/1057"
        ),
        subjects=_("członkowie zespołów JST w edycjach finansowanych ze środków UE"),
        categories=_(
            "PESEL (zaszyfrowany) lub inny identyfikator, płeć, wiek, wykształcenie, status na rynku pracy, "
            "niepełnosprawność, pochodzenie, przynależność do mniejszości, bezdomność"
        ),
        recipients=_("organizator, instytucja pośrednicząca i zarządzająca programem"),
        retention=_("okres z ustawień po końcu edycji, a do końca blokady edycji (okres trwałości projektu)"),
        collect=_collect,
        erase=_erase,
        editions=lambda user: _data(user).values_list("edition_id", flat=True),
        organisations=lambda user: _data(user).values_list("edition__organiser_id", flat=True),
    ),
    order=60,
)
RETENTION.register(
    "monitoring",
    RetentionRule(key="monitoring", label=_("Dane uczestników do monitorowania (UE)"), due=_due),
    order=40,
)
