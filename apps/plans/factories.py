import factory
from django.utils import timezone

from apps.engagements.factories import DevelopmentPriorityFactory, EngagementFactory
from apps.engagements.models import Stage

from .indicators import IndicatorUnit
from .models import DevelopmentPlan, PlannedAction, PlanRisk
from .months import first_of_month


class DevelopmentPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentPlan

    engagement = factory.SubFactory(EngagementFactory, stage=Stage.PLAN)
    period_start = factory.LazyAttribute(lambda o: first_of_month(o.engagement.edition.period_start))
    period_end = factory.LazyAttribute(lambda o: first_of_month(o.engagement.edition.period_end))
    directions = "Wdrożenie rozwiązań zarządczych w kolejności działań HDR."


class PlannedActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlannedAction

    plan = factory.SubFactory(DevelopmentPlanFactory)
    priority = factory.SubFactory(DevelopmentPriorityFactory, engagement=factory.SelfAttribute("..plan.engagement"))
    title = factory.Sequence(lambda n: f"Działanie {n}")
    responsible = "Wydział Edukacji"
    start_month = factory.LazyAttribute(lambda o: o.plan.period_start)
    end_month = factory.LazyAttribute(lambda o: o.plan.period_start)
    expected_result = "Rezultat działania"
    indicator_name = "Liczba uczestników"
    indicator_unit = IndicatorUnit.PERSONS
    indicator_baseline = "0"
    indicator_target = "10"
    monitoring_method = "Listy obecności"
    order = factory.Sequence(lambda n: n)


class PlanRiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanRisk

    plan = factory.SubFactory(DevelopmentPlanFactory)
    risk = "Rotacja kadry"
    mitigation = "Wdrożenie zastępstw"


def engagement_ready_for_plan(*, edition=None, local_government=None, leader=None, advisors=(), priorities=2):
    """An engagement at the HDR stage as the earlier stages leave it: an area confirmed, a team with its leader,
    both advisors, a diagnosis with findings and ``priorities`` selected development priorities with goals."""
    from apps.catalog.services import ensure_initial_catalog
    from apps.editions.factories import EditionFactory
    from apps.engagements.factories import AdvisorAssignmentFactory, TeamMemberFactory
    from apps.engagements.models import AdvisorAssignment, ChosenArea, NeedsAssessment

    if edition is None:
        edition = EditionFactory(catalogue_version=ensure_initial_catalog(), published=True)
    kwargs = {"edition": edition, "stage": Stage.PLAN}
    if local_government is not None:
        kwargs["local_government"] = local_government
    engagement = EngagementFactory(**kwargs)
    member_kwargs = {"user": leader} if leader is not None else {}
    TeamMemberFactory(engagement=engagement, is_leader=True, **member_kwargs)
    roles = [AdvisorAssignment.Role.PERSONAL_DEVELOPMENT, AdvisorAssignment.Role.MANAGEMENT]
    for index, role in enumerate(roles):
        extra = {"user": advisors[index]} if index < len(advisors) else {}
        AdvisorAssignmentFactory(engagement=engagement, role=role, **extra)
    area = edition.catalogue_version.areas.order_by("order").first()
    ChosenArea.objects.create(
        engagement=engagement, area=area, justification="Uzasadnienie", confirmed_at=timezone.now()
    )
    NeedsAssessment.objects.create(
        engagement=engagement,
        problems="Brak systemu wspierania uczniów zdolnych.",
        needs="Wspólne standardy pracy z uczniem zdolnym.",
    )
    for number in range(1, priorities + 1):
        DevelopmentPriorityFactory(
            engagement=engagement, title=f"Priorytet rozwojowy {number}", goal=f"Cel priorytetu {number}", order=number
        )
    return engagement
