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


# --- openspace, feedback, publications, advising -----------------------------------------------------------------


def test_openspace_export_and_erasure():
    from apps.openspace.factories import GroupFactory, OpenSpaceFactory, TopicFactory
    from apps.openspace.models import Conclusion, Follower, Membership, Topic, Vote

    person, other = _people()
    space = OpenSpaceFactory()
    mine = TopicFactory(open_space=space, proposed_by=person, proposer_name=person.full_name, title="Mój temat")
    theirs = TopicFactory(open_space=space, proposed_by=other, proposer_name=other.full_name, title="Cudzy temat")
    Vote.objects.create(open_space=space, topic=theirs, user=person)
    Vote.objects.create(open_space=space, topic=mine, user=other)
    Follower.objects.create(topic=mine, user=person)
    group = GroupFactory(topic=theirs)
    Membership.objects.create(group=group, user=person)
    Membership.objects.create(group=group, user=other)
    Conclusion.objects.create(group=group, solutions="Rozwiązanie", participants_note=f"Także {person.full_name}")
    sections = _sections(person)
    assert [r["title"] for r in sections["Tematy zgłoszone na open space"]] == ["Mój temat"]
    assert len(sections["Głosy na tematy open space"]) == 1
    assert len(sections["Udział w grupach open space"]) == 1
    assert other.full_name not in _export(person)
    services.anonymise_person(user=person, by=other)
    mine.refresh_from_db()
    assert mine.proposed_by is None and mine.proposer_name == FORMER_PARTICIPANT and mine.title == "Mój temat"
    assert not Vote.objects.filter(user=person).exists() and Vote.objects.filter(user=other).count() == 1
    assert not Follower.objects.filter(user=person).exists()
    assert Conclusion.objects.get(group=group).participants_note == f"Także {FORMER_PARTICIPANT}"
    assert Topic.objects.get(pk=theirs.pk).proposed_by == other


def test_feedback_remark_is_kept_without_its_author():
    from apps.feedback.factories import RemarkFactory

    person, other = _people()
    mine = RemarkFactory(author=person, text="Moja uwaga, Zofia Prywatna")
    theirs = RemarkFactory(author=other, text="Cudza uwaga")
    rows = _sections(person)["Uwagi do modelu doradztwa"]
    assert [r["text"] for r in rows] == [mine.text]
    services.anonymise_person(user=person, by=other)
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.author is None and mine.text == f"Moja uwaga, {FORMER_PARTICIPANT}"
    assert theirs.author == other


def test_publications_comments_and_consents_of_the_person_are_exported_and_anonymised():
    from apps.publications.factories import ConsentFactory

    person, other = _people()
    engagement = EngagementFactory()
    TeamMemberFactory(engagement=engagement, user=person, full_name=person.full_name, email=person.email)
    mine = ConsentFactory(engagement=engagement, given_by=person, given_by_label=person.full_name)
    ConsentFactory(engagement=EngagementFactory(), given_by=other, given_by_label=other.full_name)
    assert len(_sections(person)["Zgody na publikację, które wyraziłeś"]) == 1
    assert other.full_name not in _export(person)
    services.anonymise_person(user=person, by=other)
    mine.refresh_from_db()
    assert mine.given_by_label == FORMER_PARTICIPANT and mine.choice == mine.Choice.FULL


def test_advising_hours_and_records_are_kept_with_the_author_anonymised():
    from apps.advising.factories import RemoteSessionFactory, TimeEntryFactory
    from apps.advising.models import TimeEntry

    person, other = _people()
    engagement = EngagementFactory()
    TimeEntryFactory(advisor=person, engagement=engagement, note="Przygotowanie")
    TimeEntryFactory(advisor=other, engagement=engagement, note="Cudze godziny")
    session = RemoteSessionFactory(
        engagement=engagement, logged_by=person, logged_by_label=person.full_name, participants="Zofia Prywatna, wójt"
    )
    sections = _sections(person)
    assert [r["note"] for r in sections["Twój czas pracy doradcy"]] == ["Przygotowanie"]
    assert len(sections["Zapisane przez Ciebie sesje doradztwa zdalnego"]) == 1
    assert "Cudze godziny" not in _export(person)
    services.anonymise_person(user=person, by=other)
    session.refresh_from_db()
    assert session.logged_by_label == FORMER_PARTICIPANT and session.participants == f"{FORMER_PARTICIPANT}, wójt"
    assert TimeEntry.objects.filter(advisor=person).count() == 1  # the hours stay (settled), on the emptied account


def test_the_recruitment_export_names_no_erased_person(client):
    # The same request as the browser test (tests/browser/test_privacy.py) makes after the erasure.
    from django.urls import reverse

    from apps.accounts.factories import MembershipFactory
    from apps.accounts.models import Membership
    from apps.core.testing import sign_in
    from apps.documents.list_exports import export_query
    from apps.recruitment import exports
    from apps.recruitment.factories import ApplicationFactory

    person, other = _people()
    application = ApplicationFactory(applicant=person, contact_name=person.full_name, contact_email=person.email)
    staff = MembershipFactory(organisation=application.edition.organiser, role=Membership.Role.STAFF).user
    services.anonymise_person(user=person, by=staff)
    sign_in(client, staff)
    url = reverse("recruitment:export", kwargs={"slug": application.edition.slug})
    response = client.get(url + "?" + export_query(exports.APPLICATIONS, "csv"))
    assert response.status_code == 200
    export = response.content.decode("utf-8-sig")
    assert export.startswith("JST;")  # the CSV itself, not the column-choice page
    assert person.email not in export and "Zofia Prywatna" not in export


def test_survey_retention_unlinks_named_responses_of_long_closed_surveys_once(settings):
    from datetime import timedelta

    person, other = _people()
    survey, _q = _answered(person, other, anonymous=False)
    rule = RETENTION["surveys"]
    after = survey.closes_on + timedelta(days=settings.PRIVACY_RETENTION_DAYS["surveys"] + 1)
    assert rule.due(survey.closes_on, set()).count() == 0  # not yet past the period
    held = {survey.edition_id} if survey.edition_id else set()
    if held:
        assert rule.due(after, held).count() == 0  # a legal hold keeps them
    due = rule.due(after, set())
    assert due.count() == 2
    assert rule.apply(due) == 2
    assert not Response.objects.filter(survey=survey, respondent__isnull=False).exists()
    assert Response.objects.filter(survey=survey).count() == 2  # the results stay
    assert rule.due(after, set()).count() == 0  # a second run changes nothing
