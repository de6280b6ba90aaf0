import factory

from apps.accounts.factories import UserFactory
from apps.territory.kinds import WorkshopGroup

from .models import AdvisorAssignment, DevelopmentPriority, Engagement, TeamMember


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Engagement

    edition = factory.SubFactory("apps.editions.factories.EditionFactory")
    local_government = factory.SubFactory("apps.territory.factories.LocalGovernmentFactory")
    workshop_group = WorkshopGroup.RURAL_GMINY


class TeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMember

    engagement = factory.SubFactory(EngagementFactory)
    user = factory.SubFactory(UserFactory)
    full_name = factory.LazyAttribute(lambda o: o.user.full_name if o.user else "Jan Kowalski")
    email = factory.LazyAttribute(lambda o: o.user.email if o.user else "jan@example.org")
    position = "Naczelnik wydziału edukacji"
    kind = TeamMember.Kind.OFFICIAL


class AdvisorAssignmentFactory(factory.django.DjangoModelFactory):
    """The advisor must be an advisor member of the edition's organiser; the factory makes sure of it."""

    class Meta:
        model = AdvisorAssignment
        skip_postgeneration_save = True

    engagement = factory.SubFactory(EngagementFactory)
    user = factory.SubFactory(UserFactory)
    role = AdvisorAssignment.Role.PERSONAL_DEVELOPMENT

    @factory.post_generation
    def _membership(obj, create, extracted, **kwargs):
        if create:
            from apps.accounts.models import Membership

            Membership.objects.get_or_create(
                user=obj.user, organisation_id=obj.engagement.edition.organiser_id, role=Membership.Role.ADVISOR
            )


class DevelopmentPriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentPriority

    engagement = factory.SubFactory(EngagementFactory)
    title = factory.Sequence(lambda n: f"Priorytet {n}")
    goal = "Cel priorytetu"
    is_selected = True
