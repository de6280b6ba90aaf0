import factory

from apps.catalog.factories import CatalogVersionFactory

from .models import Audience, EuProduct, JstLevel, Programme, Scenario


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    version = factory.SubFactory(CatalogVersionFactory)
    audience = Audience.MANAGEMENT
    jst_level = JstLevel.RURAL_GMINY
    title = factory.Sequence(lambda n: f"Program {n}")
    summary = "Cel programu."
    scope_universal = "Treści uniwersalne."

    class Params:
        published = factory.Trait(is_published=True)


class ScenarioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scenario

    programme = factory.SubFactory(ProgrammeFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Scenariusz {n}")
    course = "Przebieg zajęć."


class EuProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EuProduct

    programme = factory.SubFactory(ProgrammeFactory)
    source = EuProduct.Source.POKL
    title = factory.Sequence(lambda n: f"Produkt {n}")
    url = "https://example.org/produkt"


def programme_with_scenarios(count: int = 3, **kwargs) -> Programme:
    programme = ProgrammeFactory(**kwargs)
    for number in range(1, count + 1):
        ScenarioFactory(programme=programme, number=number)
    return programme
