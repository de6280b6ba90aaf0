"""The personal data of the apps merged after privacy: each one's export holds only the person's rows, and
erasure anonymises or deletes what the module says."""

import io
import json
import zipfile

import pytest

from apps.accounts.factories import UserFactory
from apps.engagements.factories import EngagementFactory, TeamMemberFactory
from apps.monitoring.factories import VALID_PESELS, MonitoringSettingsFactory, complete_values
from apps.monitoring.models import ParticipantData
from apps.monitoring.services import save_participant_data
from apps.privacy import services
from apps.privacy.models import FORMER_PARTICIPANT
from apps.privacy.personal_data import RETENTION, SOURCES
from apps.surveys.models import Answer, Draft, Invitation, Response
from apps.surveys.services import save_draft, submit_response
from apps.surveys.tests.helpers import training_survey, training_values

pytestmark = pytest.mark.django_db


def _export(person) -> str:
    archive = zipfile.ZipFile(io.BytesIO(services.build_export(user=person)))
    return archive.read("dane.json").decode() + archive.read("index.html").decode()


def _sections(person) -> dict:
    archive = zipfile.ZipFile(io.BytesIO(services.build_export(user=person)))
    return {s["title"]: s["rows"] for s in json.loads(archive.read("dane.json"))["sections"]}


def _people():
    return (
        UserFactory(full_name="Zofia Prywatna", email="zofia@alfa.example"),
        UserFactory(full_name="Tomasz Obcy", email="tomasz@beta.example"),
    )


# --- monitoring -------------------------------------------------------------------------------------------------


def _monitored(person, other):
    settings = MonitoringSettingsFactory()
    engagement = EngagementFactory(edition=settings.edition)
    mine = TeamMemberFactory(engagement=engagement, user=person, full_name=person.full_name, email=person.email)
    theirs = TeamMemberFactory(engagement=engagement, user=other, full_name=other.full_name, email=other.email)
    save_participant_data(team_member=mine, by=person, pesel=VALID_PESELS[0], clause_accepted=True, **complete_values())
    save_participant_data(
        team_member=theirs, by=other, pesel=VALID_PESELS[1], clause_accepted=True, **complete_values()
    )
    return settings.edition


def test_monitoring_export_shows_the_persons_pesel_in_clear_and_nothing_of_another():
    person, other = _people()
    _monitored(person, other)
    rows = _sections(person)["Dane do monitorowania projektu"]
    assert len(rows) == 1 and rows[0]["pesel"] == VALID_PESELS[0]
    text = _export(person)
    assert VALID_PESELS[1] not in text and other.full_name not in text
    assert ParticipantData.objects.get(team_member__user=person).pesel_encrypted not in text


def test_monitoring_data_is_erased_unless_a_legal_hold_covers_the_edition():
    person, other = _people()
    edition = _monitored(person, other)
    hold = services.place_hold(edition=edition, until=edition.period_end, reason="Okres trwałości projektu", by=other)
    assert services.holds_for(user=person) == [hold]
    assert SOURCES["monitoring"].erase(person) == {"monitoring_data_deleted": 0}
    assert ParticipantData.objects.filter(team_member__user=person).exists()
    services.lift_hold(hold=hold, by=other)
    services.anonymise_person(user=person, by=other)
    assert not ParticipantData.objects.filter(team_member__user=person).exists()
    assert ParticipantData.objects.filter(team_member__user=other).count() == 1


def test_monitoring_retention_removes_data_of_ended_editions_not_held(settings):
    from datetime import timedelta

    person, other = _people()
    edition = _monitored(person, other)
    rule = RETENTION["monitoring"]
    after = edition.period_end + timedelta(days=settings.PRIVACY_RETENTION_DAYS["monitoring"] + 1)
    assert rule.due(edition.period_end, set()).count() == 0
    assert rule.due(after, {edition.pk}).count() == 0
    assert rule.due(after, set()).count() == 2


# --- surveys ----------------------------------------------------------------------------------------------------


def _answered(person, other, *, anonymous: bool, remarks: str = ""):
    from apps.surveys.audience import Person
    from apps.surveys.services import invite

    survey, q = training_survey(anonymous=anonymous)
    tokens = {}
    for user in (person, other):
        tokens[user.pk] = invite(survey=survey, person=Person(user, "rural_gmina", "rural_gminy", survey.edition_id))
    submit_response(token=tokens[person.pk], values=training_values(q, overall=5, remarks=remarks))
    submit_response(token=tokens[other.pk], values=training_values(q, overall=2, remarks="Cudza uwaga o szkoleniu"))
    return survey, q


def test_survey_export_holds_the_persons_named_response_and_draft_and_nothing_of_another():
    person, other = _people()
    _answered(person, other, anonymous=False, remarks="Moja uwaga o szkoleniu")
    later, q = training_survey(anonymous=False)
    from apps.surveys.audience import Person
    from apps.surveys.services import invite

    token = invite(survey=later, person=Person(person, "rural_gmina", "rural_gminy", later.edition_id))
    save_draft(token=token, values=training_values(q, overall=3))
    sections = _sections(person)
    assert len(sections["Odpowiedzi na ankiety imienne"]) == 1
    assert len(sections["Zapisane wersje robocze odpowiedzi"]) == 1
    assert len(sections["Zaproszenia do ankiet"]) == 2
    text = _export(person)
    assert "Moja uwaga o szkoleniu" in text
    assert "Cudza uwaga o szkoleniu" not in text and other.full_name not in text


def test_an_anonymous_response_is_neither_exported_nor_touched_by_erasure():
    person, other = _people()
    survey, _q = _answered(person, other, anonymous=True, remarks="Anonimowa uwaga Zofia Prywatna")
    before = {(a.pk, a.text, a.number, a.choice) for a in Answer.objects.filter(response__survey=survey)}
    responses = set(Response.objects.filter(survey=survey).values_list("pk", "respondent", "submitted_at"))
    assert "Anonimowa uwaga" not in _export(person)
    assert _sections(person)["Odpowiedzi na ankiety imienne"] == []
    services.anonymise_person(user=person, by=other)
    assert {(a.pk, a.text, a.number, a.choice) for a in Answer.objects.filter(response__survey=survey)} == before
    assert set(Response.objects.filter(survey=survey).values_list("pk", "respondent", "submitted_at")) == responses


def test_erasure_unlinks_named_responses_scrubs_the_name_and_deletes_drafts_and_unused_invitations():
    person, other = _people()
    survey, _q = _answered(person, other, anonymous=False, remarks="Pisze Zofia Prywatna")
    later, q = training_survey(anonymous=False)
    from apps.surveys.audience import Person
    from apps.surveys.services import invite

    token = invite(survey=later, person=Person(person, "rural_gmina", "rural_gminy", later.edition_id))
    save_draft(token=token, values=training_values(q))
    counts = services.anonymise_person(user=person, by=other)
    assert counts["survey_responses_unlinked"] == 1 and counts["survey_drafts_deleted"] == 1
    assert not Response.objects.filter(respondent=person).exists()
    assert Response.objects.filter(survey=survey, respondent__isnull=True, submitted_at__isnull=True).count() == 1
    assert Response.objects.filter(survey=survey, respondent=other).count() == 1
    assert Answer.objects.filter(text=f"Pisze {FORMER_PARTICIPANT}").exists()
    assert not Draft.objects.filter(invitation__user=person).exists()
    assert not Invitation.objects.filter(user=person, used=False).exists()
    assert Answer.objects.filter(text="Cudza uwaga o szkoleniu").exists()
