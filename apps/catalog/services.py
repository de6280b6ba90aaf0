"""Every write to the catalogue. Only a draft version changes; every change is in the version's history."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.audit.services import diff, record, snapshot

from . import initial
from .extensions import announce_published, copy_into_draft
from .models import Area, CatalogVersion, CycleStep, ManagementSolution, SummaryForm, SupportForm
from .selectors import current_version

AREA_FIELDS = ["name", "description", "order"]
SOLUTION_FIELDS = ["name", "description", "kind", "order"]
VERSION_FIELDS = ["label", "notes"]


def _locked_draft(version: CatalogVersion) -> CatalogVersion:
    """Re-read the version under a row lock and refuse unless it is still a draft."""
    locked = CatalogVersion.objects.select_for_update().get(pk=version.pk)
    if not locked.is_draft:
        raise ValidationError(_("Opublikowanej wersji katalogu nie można zmieniać. Utwórz nową wersję roboczą."))
    return locked


def _next_number() -> int:
    return (CatalogVersion.objects.aggregate(top=Max("number"))["top"] or 0) + 1


@transaction.atomic
def create_draft_version(*, by) -> CatalogVersion:
    """A new draft holding a copy of the current published version (or an empty one if none exists)."""
    if CatalogVersion.objects.filter(status=CatalogVersion.Status.DRAFT).exists():
        raise ValidationError(_("Wersja robocza już istnieje. Dokończ ją i opublikuj, zanim utworzysz kolejną."))
    source = current_version()
    draft = CatalogVersion.objects.create(number=_next_number(), based_on=source, label="", notes="")
    if source is not None:
        _copy_contents(source, draft)
        copy_into_draft(source, draft)
    record(
        actor=by,
        action="catalog.draft_created",
        target=draft,
        changes={"based_on": source.number if source else None},
    )
    return draft


def _copy_contents(source: CatalogVersion, target: CatalogVersion) -> None:
    for area in source.areas.prefetch_related("solutions"):
        new_area = Area.objects.create(
            version=target, key=area.key, name=area.name, description=area.description, order=area.order
        )
        ManagementSolution.objects.bulk_create(
            ManagementSolution(
                area=new_area, key=s.key, name=s.name, description=s.description, kind=s.kind, order=s.order
            )
            for s in area.solutions.all()
        )
    for model in (SupportForm, CycleStep, SummaryForm):
        rows = list(model.objects.filter(version=source))
        for row in rows:
            row.pk = None
            row.version = target
        model.objects.bulk_create(rows)


@transaction.atomic
def update_version(*, version: CatalogVersion, by, label: str, notes: str) -> CatalogVersion:
    version = _locked_draft(version)
    before = snapshot(version, VERSION_FIELDS)
    version.label, version.notes = label.strip(), notes.strip()
    version.full_clean()
    version.save(update_fields=VERSION_FIELDS)
    record(
        actor=by,
        action="catalog.version_updated",
        target=version,
        changes=diff(before, snapshot(version, VERSION_FIELDS)),
    )
    return version


@transaction.atomic
def publish_version(*, version: CatalogVersion, by) -> CatalogVersion:
    """Freeze the draft. From now on new editions start with it; existing editions keep their own version."""
    version = _locked_draft(version)
    if not version.areas.exists():
        raise ValidationError(_("Wersja bez obszarów nie może zostać opublikowana. Dodaj co najmniej jeden obszar."))
    version.status = CatalogVersion.Status.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_at"])
    record(actor=by, action="catalog.version_published", target=version, changes={"number": version.number})
    announce_published(version, by)
    return version


@transaction.atomic
def create_area(*, version: CatalogVersion, by, name: str, description: str = "", order: int = 0) -> Area:
    version = _locked_draft(version)
    area = Area(version=version, name=name.strip(), description=description.strip(), order=order)
    area.full_clean()
    area.save()
    record(actor=by, action="catalog.area_created", target=version, changes=snapshot(area, AREA_FIELDS))
    return area


@transaction.atomic
def update_area(*, area: Area, by, **values) -> Area:
    version = _locked_draft(area.version)
    area = Area.objects.get(pk=area.pk)
    before = snapshot(area, AREA_FIELDS)
    for name in AREA_FIELDS:
        if name in values:
            setattr(area, name, values[name].strip() if isinstance(values[name], str) else values[name])
    area.full_clean()
    area.save()
    changes = diff(before, snapshot(area, AREA_FIELDS))
    record(actor=by, action="catalog.area_updated", target=version, changes={"area": before["name"], **changes})
    return area


@transaction.atomic
def delete_area(*, area: Area, by) -> None:
    version = _locked_draft(area.version)
    record(
        actor=by,
        action="catalog.area_deleted",
        target=version,
        changes={"area": area.name, "solutions": list(area.solutions.values_list("name", flat=True))},
    )
    area.delete()


@transaction.atomic
def create_solution(
    *, area: Area, by, name: str, description: str = "", kind: str = ManagementSolution.Kind.SOLUTION, order: int = 0
) -> ManagementSolution:
    version = _locked_draft(area.version)
    solution = ManagementSolution(area=area, name=name.strip(), description=description.strip(), kind=kind, order=order)
    solution.full_clean()
    solution.save()
    record(
        actor=by,
        action="catalog.solution_created",
        target=version,
        changes={"area": area.name, **snapshot(solution, SOLUTION_FIELDS)},
    )
    return solution


@transaction.atomic
def update_solution(*, solution: ManagementSolution, by, **values) -> ManagementSolution:
    version = _locked_draft(solution.area.version)
    solution = ManagementSolution.objects.select_related("area").get(pk=solution.pk)
    before = snapshot(solution, SOLUTION_FIELDS)
    for name in SOLUTION_FIELDS:
        if name in values:
            setattr(solution, name, values[name].strip() if isinstance(values[name], str) else values[name])
    solution.full_clean()
    solution.save()
    record(
        actor=by,
        action="catalog.solution_updated",
        target=version,
        changes={"solution": before["name"], **diff(before, snapshot(solution, SOLUTION_FIELDS))},
    )
    return solution


@transaction.atomic
def delete_solution(*, solution: ManagementSolution, by) -> None:
    version = _locked_draft(solution.area.version)
    record(
        actor=by,
        action="catalog.solution_deleted",
        target=version,
        changes={"area": solution.area.name, "solution": solution.name},
    )
    solution.delete()


@transaction.atomic
def ensure_initial_catalog() -> CatalogVersion:
    """Version 1 from the programme's sources, published. Idempotent: once any version exists, nothing is loaded
    and the current published version (or, on a catalogue started by hand, the newest one) is returned."""
    if CatalogVersion.objects.exists():
        return current_version() or CatalogVersion.objects.order_by("-number").first()
    version = CatalogVersion.objects.create(number=1, label=initial.VERSION_LABEL, notes=initial.VERSION_NOTES)
    for position, (name, description, solutions) in enumerate(initial.AREAS, start=1):
        area = Area.objects.create(version=version, name=name, description=description, order=position)
        ManagementSolution.objects.bulk_create(
            ManagementSolution(area=area, name=s_name, kind=kind, description=s_description, order=s_position)
            for s_position, (s_name, kind, s_description) in enumerate(solutions, start=1)
        )
    SupportForm.objects.bulk_create(
        SupportForm(version=version, code=code, name=name, description=description, duration_days=days, order=i)
        for i, (code, name, description, days) in enumerate(initial.SUPPORT_FORMS, start=1)
    )
    CycleStep.objects.bulk_create(
        CycleStep(version=version, code=code, name=name, description=description, order=i)
        for i, (code, name, description) in enumerate(initial.CYCLE_STEPS, start=1)
    )
    SummaryForm.objects.bulk_create(
        SummaryForm(version=version, code=code, name=name, description=description, order=i)
        for i, (code, name, description) in enumerate(initial.SUMMARY_FORMS, start=1)
    )
    version.status = CatalogVersion.Status.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_at"])
    record(actor=None, action="catalog.initial_loaded", target=version, changes={"areas": len(initial.AREAS)})
    return version
