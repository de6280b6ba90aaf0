"""The organiser's versioned clause at the monitoring data entry and at the survey answer page, and the record
of its acknowledgement (none for an anonymous survey)."""

import pytest
from django.urls import reverse

from apps.accounts.factories import UserFactory
from apps.consents.factories import ClauseVersionFactory
from apps.consents.models import CollectionPoint, ConsentRecord
from apps.engagements.factories import EngagementFactory, TeamMemberFactory
from apps.monitoring.factories import VALID_PESELS, MonitoringSettingsFactory, complete_values
from apps.monitoring.services import save_participant_data
from apps.surveys.audience import Person
from apps.surveys.services import invite, submit_response
from apps.surveys.tests.helpers import training_survey, training_values

pytestmark = pytest.mark.django_db


def test_monitoring_entry_shows_the_organisers_clause_and_records_the_participants_acknowledgement(client):
    settings = MonitoringSettingsFactory()
    organiser = settings.edition.organiser
    clause = ClauseVersionFactory(organisation=organiser)
    person = UserFactory()
    member = TeamMemberFactory(engagement=EngagementFactory(edition=settings.edition), user=person)
    client.force_login(person)
    page = client.get(reverse("monitoring:my_entry", kwargs={"pk": member.pk})).content.decode()
    assert clause.controller in page and settings.information_clause in page  # both: versioned and the project's
    save_participant_data(
        team_member=member, by=person, pesel=VALID_PESELS[0], clause_accepted=True, **complete_values()
    )
    record = ConsentRecord.objects.get(user=person, point=CollectionPoint.MONITORING)
    assert record.clause_version == clause and record.organisation == organiser


def test_staff_entering_the_data_record_no_acknowledgement_for_the_participant():
    settings = MonitoringSettingsFactory()
    ClauseVersionFactory(organisation=settings.edition.organiser)
    member = TeamMemberFactory(engagement=EngagementFactory(edition=settings.edition), user=UserFactory())
    save_participant_data(
        team_member=member, by=UserFactory(), pesel=VALID_PESELS[1], clause_accepted=True, **complete_values()
    )
    assert not ConsentRecord.objects.filter(point=CollectionPoint.MONITORING).exists()


@pytest.mark.parametrize("anonymous", [False, True])
def test_survey_answer_page_shows_the_clause_and_only_a_named_answer_records_it(client, anonymous):
    survey, q = training_survey(anonymous=anonymous)
    clause = ClauseVersionFactory(organisation=survey.organiser)
    person = UserFactory()
    token = invite(survey=survey, person=Person(person, "rural_gmina", "rural_gminy", survey.edition_id))
    page = client.get(reverse("surveys:answer", kwargs={"token": token})).content.decode()
    assert clause.controller in page and survey.privacy_notice in page
    submit_response(token=token, values=training_values(q))
    records = ConsentRecord.objects.filter(user=person, point=CollectionPoint.SURVEY)
    if anonymous:
        assert not records.exists()
    else:
        assert records.get().clause_version == clause
