import factory

from apps.accounts.factories import MembershipFactory
from apps.accounts.models import Membership
from apps.editions.factories import EditionFactory

from .models import Answer, Education, LabourStatus, MonitoringAccess, MonitoringSettings, ParticipantData

# Valid numbers (checksums right) for tests and the demo: 1985-03-14 woman, 1979-11-02 man, 1990-07-21 woman,
# 1968-02-15 woman.
VALID_PESELS = ["85031412347", "79110212351", "90072112343", "68021505780"]


class MonitoringSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonitoringSettings

    edition = factory.SubFactory(EditionFactory)
    eu_funded = True
    programme = "Fundusze Europejskie dla Rozwoju Społecznego 2021-2027"
    project_number = factory.Sequence(lambda n: f"FERS.01.08-IP.02-{n:04d}/23")
    project_title = "Doradztwo dla JST"
    information_clause = "Administratorem danych osobowych jest Minister Funduszy i Polityki Regionalnej."


class MonitoringAccessFactory(factory.django.DjangoModelFactory):
    """A member of the organiser's staff with the monitoring permission (the staff membership is made too)."""

    class Meta:
        model = MonitoringAccess

    organisation = factory.LazyAttribute(
        lambda o: MembershipFactory(user=o.user, role=Membership.Role.STAFF).organisation
    )
    user = factory.SubFactory("apps.accounts.factories.UserFactory")


def complete_values(**overrides) -> dict:
    values = {
        "no_pesel": False,
        "other_identifier": "",
        "sex": "",
        "age_at_start": None,
        "education": Education.ISCED_5_8,
        "labour_status": LabourStatus.LOCAL_GOVERNMENT,
        "disability": Answer.NO,
        "foreign_origin": Answer.NO,
        "third_country": Answer.NO,
        "minority": Answer.REFUSED,
        "homeless": Answer.NO,
    }
    return values | overrides


__all__ = ["MonitoringAccessFactory", "MonitoringSettingsFactory", "ParticipantData", "VALID_PESELS", "complete_values"]
