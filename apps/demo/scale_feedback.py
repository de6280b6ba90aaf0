"""Scale data of the model feedback register and the programme library for ``make bench``: the six programmes
with three scenarios each in the published catalogue, and 3,300 remarks (one per samorządowiec the sources
expect in the whole programme) spread over the parts of the model and the states, written with ``bulk_create``."""

from datetime import timedelta

from django.utils import timezone

from apps.accounts.models import User
from apps.catalog.selectors import current_version
from apps.feedback.models import PartKind, Remark

from . import programmes_demo

REMARKS = 3300
STATES = [Remark.Status.NEW, Remark.Status.ANALYSING, Remark.Status.ACCEPTED, Remark.Status.REJECTED]


def build(*, count: int = REMARKS, log=lambda text: None) -> int:
    version = current_version()
    if version is None:
        return 0
    log(programmes_demo.seed(version))
    areas = list(version.areas.all())
    people = list(User.objects.order_by("pk")[:50]) or [None]
    start = timezone.now() - timedelta(days=count // 10)
    remarks = []
    for i in range(count):
        area = areas[i % len(areas)] if areas and i % 3 else None
        status = STATES[i % len(STATES)]
        remarks.append(
            Remark(
                part_kind=PartKind.AREA if area else PartKind.MODEL,
                part_key=str(area.key) if area else "model",
                part_label=area.name if area else "Model doradztwa jako całość",
                text=f"Uwaga {i} (skala): propozycja uzupełnienia opisu i przykładów.",
                author=people[i % len(people)] if i % 5 else None,
                status=status,
                decision_note="Poza zakresem modelu (skala)." if status == Remark.Status.REJECTED else "",
                made_on_version=version,
            )
        )
    created = Remark.objects.bulk_create(remarks, batch_size=500)
    for offset, remark in enumerate(created):
        remark.created_at = start + timedelta(minutes=offset * 40)
    Remark.objects.bulk_update(created, ["created_at"], batch_size=500)
    log(f"rejestr uwag do modelu: {len(created)} uwag")
    return len(created)
