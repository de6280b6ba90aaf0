"""Writes of the statistics: refreshing the editions' snapshots (the scheduled job and the "refresh now" button)."""

from django.db import transaction
from django.utils import timezone

from apps.audit.services import record
from apps.editions.models import Edition

from .figures import compute_blocks, compute_headlines
from .models import EditionFigures


def refresh_figures(*, editions=None, by=None) -> int:
    """Recompute the snapshot of ``editions`` (all editions when None); answers how many were refreshed. Idempotent:
    the scheduled job and a person's refresh may run at once, each rewrites the same rows with the same figures."""
    editions = list(Edition.objects.all() if editions is None else editions)
    now = timezone.now()
    with transaction.atomic():
        for edition in editions:
            EditionFigures.objects.update_or_create(
                edition=edition,
                defaults={
                    "computed_at": now,
                    "blocks": compute_blocks(edition),
                    "headlines": compute_headlines(edition),
                },
            )
        if by is not None:
            for edition in editions:
                record(actor=by, action="statistics.refreshed", target=edition, edition=edition)
    return len(editions)
