"""Applications in every state, for tests and other apps' tests. A ``SubmittedApplicationFactory`` has a complete
Karta zgłoszenia (a team of three with a leader and management staff) and is in its edition's capacity count only
once a decision says so."""

import factory
from django.utils import timezone

from apps.accounts.factories import UserFactory
from apps.territory.factories import LocalGovernmentFactory

from .kinds import DeliveryMethod, DocumentKind, HeadTitle
from .models import Application, ApplicationTeamMember, DocumentReceipt


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A draft with every section filled in, for a rural gmina (its head is a wójt)."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    edition = factory.SubFactory("apps.editions.factories.EditionFactory", published=True)
    local_government = factory.SubFactory(LocalGovernmentFactory)
    applicant = factory.SubFactory(UserFactory)
    address_street = "ul. Rynek 1"
    address_postal_code = "59-700"
    address_city = "Bolesławiec"
    head_title = factory.LazyAttribute(
        lambda o: {
            "rural_gmina": HeadTitle.WOJT,
            "urban_rural_gmina": HeadTitle.BURMISTRZ,
            "urban_gmina": HeadTitle.BURMISTRZ,
            "city_powiat": HeadTitle.PREZYDENT,
            "powiat": HeadTitle.STAROSTA,
            "voivodeship": HeadTitle.MARSZALEK,
        }[o.local_government.kind]
    )
    head_name = "Anna Nowak"
    contact_name = factory.LazyAttribute(lambda o: o.applicant.full_name)
    contact_email = factory.LazyAttribute(lambda o: o.applicant.email)
    contact_phone = "+48 75 612 34 56"
    motivation = "Chcemy lepiej planować sieć szkół i wspierać dyrektorów."

    @factory.post_generation
    def team(obj, create, extracted, **kwargs):
        """``team=N`` members (default: the edition's smallest team); the first leads, the second manages."""
        if not create:
            return
        size = obj.edition.team_size_min if extracted is None else extracted
        for number in range(size):
            ApplicationTeamMemberFactory(
                application=obj, order=number + 1, is_leader=number == 0, is_management=number == 1
            )


class SubmittedApplicationFactory(ApplicationFactory):
    status = Application.Status.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)


class ApplicationTeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationTeamMember

    application = factory.SubFactory(ApplicationFactory)
    full_name = factory.Faker("name", locale="pl_PL")
    position = "Naczelnik wydziału edukacji"
    email = factory.Sequence(lambda n: f"zespol{n}@jst.example.org")
    phone = "+48 600 100 200"
    kind = ApplicationTeamMember.Kind.OFFICIAL


class PaperReceiptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentReceipt

    application = factory.SubFactory(SubmittedApplicationFactory)
    kind = DocumentKind.CARD
    method = DeliveryMethod.PAPER
    received_on = factory.LazyAttribute(lambda o: o.application.edition.recruitment_deadline)
