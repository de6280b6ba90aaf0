"""National scale for the statistics (``make bench``): the two scale editions' snapshots, eight earlier editions
(2018–2025, alternately of the two scale organisers) and the national coordinator the national view is measured
for. The earlier editions hold no engagements: their snapshots are copies of the large edition's, so the national
view reads ten snapshots of a 1,000-JST edition (about 10,000 engagements' worth of figures). The view reads only
the snapshots, so its cost depends on how many there are and how big they are, not on how they were made."""

from datetime import timedelta

from django.utils import timezone

from apps.accounts.models import Membership, Organisation, User
from apps.editions.models import Edition
from apps.statistics.models import EditionFigures
from apps.statistics.services import refresh_figures

EARLIER = 8
COORDINATOR = "koordynator@skala.example"

# The earlier editions this module adds (the bench database check knows them as its own).
SLUG_PREFIX = "skala-edycja-"


def build(editions: dict, *, log=lambda text: None) -> int:
    """Returns the number of snapshots written."""
    if EditionFigures.objects.filter(edition__in=list(editions.values())).exists():
        return 0
    large, small = editions["large"], editions["small"]
    refresh_figures(editions=[large, small])
    template = EditionFigures.objects.get(edition=large)
    now = timezone.now()
    for i in range(EARLIER):
        organiser = (large if i % 2 == 0 else small).organiser
        start = large.period_start.replace(year=large.period_start.year - EARLIER + i)
        edition = Edition.objects.create(
            organiser=organiser,
            catalogue_version=large.catalogue_version,
            name=f"Edycja skali {start.year} ({i + 1})",
            slug=f"{SLUG_PREFIX}{start.year}-{i + 1}",
            status=Edition.Status.PUBLISHED,
            published_at=now - timedelta(days=400 + 365 * (EARLIER - i)),
            recruitment_opens_on=start - timedelta(days=90),
            recruitment_deadline=start - timedelta(days=60),
            results_date=start - timedelta(days=50),
            period_start=start,
            period_end=start + timedelta(days=540),
            capacity=large.capacity,
            team_size_min=3,
            team_size_max=5,
        )
        EditionFigures.objects.create(
            edition=edition, computed_at=now, blocks=template.blocks, headlines=template.headlines
        )
    owner, _ = Organisation.objects.get_or_create(
        slug="skala-ore", defaults={"name": "Ośrodek Rozwoju Edukacji (skala)", "kind": Organisation.Kind.MODEL_OWNER}
    )
    coordinator, _ = User.objects.get_or_create(email=COORDINATOR, defaults={"full_name": "Koordynator (skala)"})
    Membership.objects.get_or_create(user=coordinator, organisation=owner, role=Membership.Role.COORDINATOR)
    log(f"statystyki: {2 + EARLIER} zestawień edycji, koordynator {COORDINATOR}")
    return 2 + EARLIER
