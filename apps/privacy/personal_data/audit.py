from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from apps.audit.models import AuditEntry

from . import RETENTION, SOURCES, RetentionRule, Source, retention_days


def _due(today, held):
    cutoff = today - timedelta(days=retention_days("audit"))
    return AuditEntry.objects.filter(at__date__lt=cutoff).exclude(edition_id__in=held)


SOURCES.register(
    "audit",
    Source(
        key="audit",
        activity=_("Historia zmian (rozliczalność)"),
        purpose=_("dowód, kto i kiedy zmienił dane i dokumenty"),
        legal_basis=_("art. 5 ust. 2 i art. 6 ust. 1 lit. c RODO"),
        subjects=_("wszyscy użytkownicy"),
        categories=_("kto, kiedy, co zmienił"),
        recipients=_("organizator, koordynator krajowy, administrator platformy"),
        retention=_("okres z ustawień, chyba że edycję obejmuje blokada; po usunięciu osoby: „były uczestnik”"),
    ),
    order=90,
)
RETENTION.register(
    "audit",
    RetentionRule(
        key="audit",
        label=_("Historia zmian"),
        due=_due,
        describe=lambda entry: f"{entry.at:%Y-%m-%d} {entry.action}",
    ),
    order=90,
)
