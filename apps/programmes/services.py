"""Every write to the programme library. Only programmes of a draft catalogue version change."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from apps.audit.services import diff, record, snapshot
from apps.catalog.models import CatalogVersion

from .models import MIN_SCENARIOS, EuProduct, Programme, Scenario

PROGRAMME_FIELDS = [
    "audience",
    "jst_level",
    "title",
    "summary",
    "scope_universal",
    "scope_specific",
    "competences",
    "forms_and_methods",
    "exercises",
    "delivery_standards",
    "guidance",
    "trainer_competences",
    "order",
]
SCENARIO_FIELDS = ["number", "title", "duration_minutes", "goals", "course", "methods", "materials"]
PRODUCT_FIELDS = ["source", "title", "url", "how_used", "order"]


def _locked_draft(version: CatalogVersion) -> CatalogVersion:
    locked = CatalogVersion.objects.select_for_update().get(pk=version.pk)
    if not locked.is_draft:
        raise ValidationError(
            _("Programy opublikowanej wersji katalogu nie zmieniają się. Utwórz nową wersję roboczą katalogu.")
        )
    return locked


def _clean_values(values: dict, fields: list[str]) -> dict:
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items() if k in fields}


def _too_few_scenarios(count: int) -> ValidationError:
    return ValidationError(
        _("Program ma za mało scenariuszy zajęć (%(count)s); do publikacji potrzebne są co najmniej %(min)s.")
        % {"count": count, "min": MIN_SCENARIOS}
    )


@transaction.atomic
def create_programme(*, version: CatalogVersion, by, **values) -> Programme:
    version = _locked_draft(version)
    programme = Programme(version=version, **_clean_values(values, PROGRAMME_FIELDS))
    programme.full_clean()
    programme.save()
    record(actor=by, action="programmes.created", target=programme, changes=snapshot(programme, ["title", "audience"]))
    return programme


@transaction.atomic
def update_programme(*, programme: Programme, by, **values) -> Programme:
    _locked_draft(programme.version)
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    before = snapshot(programme, PROGRAMME_FIELDS)
    for name, value in _clean_values(values, PROGRAMME_FIELDS).items():
        setattr(programme, name, value)
    programme.full_clean()
    programme.save()
    record(
        actor=by,
        action="programmes.updated",
        target=programme,
        changes=diff(before, snapshot(programme, PROGRAMME_FIELDS)),
    )
    return programme


@transaction.atomic
def publish_programme(*, programme: Programme, by) -> Programme:
    """Shown publicly once its catalogue version is published. Refused with fewer than three scenarios."""
    _locked_draft(programme.version)
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    count = programme.scenarios.count()
    if count < MIN_SCENARIOS:
        raise _too_few_scenarios(count)
    programme.is_published = True
    programme.save(update_fields=["is_published"])
    record(actor=by, action="programmes.published", target=programme, changes={"scenarios": count})
    return programme


@transaction.atomic
def withdraw_programme(*, programme: Programme, by) -> Programme:
    _locked_draft(programme.version)
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    programme.is_published = False
    programme.save(update_fields=["is_published"])
    record(actor=by, action="programmes.withdrawn", target=programme)
    return programme


@transaction.atomic
def add_scenario(*, programme: Programme, by, **values) -> Scenario:
    _locked_draft(programme.version)
    values = _clean_values(values, SCENARIO_FIELDS)
    if not values.get("number"):
        values["number"] = (programme.scenarios.aggregate(top=Max("number"))["top"] or 0) + 1
    scenario = Scenario(programme=programme, **values)
    scenario.full_clean()
    scenario.save()
    record(actor=by, action="programmes.scenario_added", target=programme, changes=snapshot(scenario, ["title"]))
    return scenario


@transaction.atomic
def update_scenario(*, scenario: Scenario, by, **values) -> Scenario:
    _locked_draft(scenario.programme.version)
    scenario = Scenario.objects.select_for_update().select_related("programme").get(pk=scenario.pk)
    before = snapshot(scenario, SCENARIO_FIELDS)
    for name, value in _clean_values(values, SCENARIO_FIELDS).items():
        setattr(scenario, name, value)
    scenario.full_clean()
    scenario.save()
    record(
        actor=by,
        action="programmes.scenario_updated",
        target=scenario.programme,
        changes={"scenario": before["title"], **diff(before, snapshot(scenario, SCENARIO_FIELDS))},
    )
    return scenario


@transaction.atomic
def delete_scenario(*, scenario: Scenario, by) -> None:
    _locked_draft(scenario.programme.version)
    programme = Programme.objects.select_for_update().get(pk=scenario.programme_id)
    remaining = programme.scenarios.count() - 1
    if programme.is_published and remaining < MIN_SCENARIOS:
        raise ValidationError(
            _("Opublikowany program musi mieć co najmniej %(min)s scenariusze zajęć. Najpierw dodaj kolejny.")
            % {"min": MIN_SCENARIOS}
        )
    record(actor=by, action="programmes.scenario_deleted", target=programme, changes={"scenario": scenario.title})
    scenario.delete()


@transaction.atomic
def add_eu_product(*, programme: Programme, by, **values) -> EuProduct:
    _locked_draft(programme.version)
    product = EuProduct(programme=programme, **_clean_values(values, PRODUCT_FIELDS))
    product.full_clean()
    product.save()
    record(actor=by, action="programmes.product_added", target=programme, changes=snapshot(product, ["title"]))
    return product


@transaction.atomic
def delete_eu_product(*, product: EuProduct, by) -> None:
    _locked_draft(product.programme.version)
    record(actor=by, action="programmes.product_deleted", target=product.programme, changes={"product": product.title})
    product.delete()


def copy_programmes(*, source: CatalogVersion, draft: CatalogVersion) -> None:
    """The catalogue's draft copier: the draft starts with the source version's programmes (same keys)."""
    for programme in source.programmes.prefetch_related("scenarios", "eu_products"):
        scenarios, products = list(programme.scenarios.all()), list(programme.eu_products.all())
        programme.pk = None
        programme.version = draft
        programme.save()
        for row in scenarios:
            row.pk, row.programme = None, programme
        Scenario.objects.bulk_create(scenarios)
        for row in products:
            row.pk, row.programme = None, programme
        EuProduct.objects.bulk_create(products)
