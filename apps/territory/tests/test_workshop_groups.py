"""The model's four workshop groups: every JST kind has a default, and an edition may override it."""

import pytest

from apps.territory.factories import LocalGovernmentFactory
from apps.territory.kinds import DEFAULT_WORKSHOP_GROUPS, JstKind, WorkshopGroup, workshop_group_for


def test_every_kind_has_a_default_group():
    assert set(DEFAULT_WORKSHOP_GROUPS) == set(JstKind.values)
    assert set(DEFAULT_WORKSHOP_GROUPS.values()) <= set(WorkshopGroup.values)


@pytest.mark.parametrize(
    ("kind", "group"),
    [
        (JstKind.RURAL_GMINA, WorkshopGroup.RURAL_GMINY),
        (JstKind.URBAN_GMINA, WorkshopGroup.URBAN_GMINY),
        (JstKind.URBAN_RURAL_GMINA, WorkshopGroup.URBAN_RURAL_GMINY),
        (JstKind.POWIAT, WorkshopGroup.POWIATY),
        # A city with powiat rights trains with urban gminy unless the organiser says otherwise.
        (JstKind.CITY_WITH_POWIAT_RIGHTS, WorkshopGroup.URBAN_GMINY),
        (JstKind.VOIVODESHIP, WorkshopGroup.POWIATY),
    ],
)
def test_default_groups(kind, group):
    assert workshop_group_for(kind) == group


def test_the_four_groups_of_the_model_are_all_used():
    assert set(DEFAULT_WORKSHOP_GROUPS.values()) == set(WorkshopGroup.values)
    assert len(WorkshopGroup.values) == 4


def test_an_edition_override_wins_for_its_kind_only():
    overrides = {JstKind.CITY_WITH_POWIAT_RIGHTS: WorkshopGroup.POWIATY}
    assert workshop_group_for(JstKind.CITY_WITH_POWIAT_RIGHTS, overrides) == WorkshopGroup.POWIATY
    assert workshop_group_for(JstKind.URBAN_GMINA, overrides) == WorkshopGroup.URBAN_GMINY
    assert workshop_group_for(JstKind.CITY_WITH_POWIAT_RIGHTS, {}) == WorkshopGroup.URBAN_GMINY
    assert workshop_group_for(JstKind.CITY_WITH_POWIAT_RIGHTS, None) == WorkshopGroup.URBAN_GMINY


@pytest.mark.django_db
def test_a_jst_knows_its_default_group():
    city = LocalGovernmentFactory(kind=JstKind.CITY_WITH_POWIAT_RIGHTS)
    assert city.default_workshop_group == WorkshopGroup.URBAN_GMINY
    assert city.default_workshop_group.label == "gminy miejskie"
