import factory
from django.utils import timezone

from .models import Area, CatalogVersion, ManagementSolution


class CatalogVersionFactory(factory.django.DjangoModelFactory):
    """A published version (only one draft may exist at a time, so drafts are asked for explicitly)."""

    class Meta:
        model = CatalogVersion

    number = factory.Sequence(lambda n: 100 + n)
    status = CatalogVersion.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    class Params:
        draft = factory.Trait(status=CatalogVersion.Status.DRAFT, published_at=None)


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    version = factory.SubFactory(CatalogVersionFactory)
    name = factory.Sequence(lambda n: f"Obszar {n}")
    description = "Opis obszaru."
    order = factory.Sequence(lambda n: n)


class ManagementSolutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ManagementSolution

    area = factory.SubFactory(AreaFactory)
    name = factory.Sequence(lambda n: f"Rozwiązanie {n}")
    kind = ManagementSolution.Kind.SOLUTION
    order = factory.Sequence(lambda n: n)
