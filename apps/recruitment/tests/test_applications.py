"""Drafts, sections, the team and submission: what an applicant can and cannot do, and the messages it gets."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.audit.selectors import history_of
from apps.core.locking import StaleEdit
from apps.documents.models import DocumentStatus, GeneratedDocument
from apps.documents.pdf import pdf_text
from apps.recruitment import services
from apps.recruitment.completeness import check_application
from apps.recruitment.factories import ApplicationFactory, ApplicationTeamMemberFactory
from apps.recruitment.kinds import HeadTitle, ManagementStaffRule
from apps.recruitment.models import Application, ApplicationTeamMember, Call
from apps.recruitment.services import TeamRow
from apps.territory.factories import LocalGovernmentFactory
from apps.territory.kinds import JstKind

pytestmark = pytest.mark.django_db


def rows(n: int, overrides: dict | None = None) -> list[TeamRow]:
    result = []
    for i in range(n):
        values = {
            "full_name": f"Osoba {i + 1}",
            "position": "Inspektor ds. oświaty",
            "email": f"osoba{i + 1}@gmina.example.org",
            "is_leader": i == 0,
            "is_management": i == 1,
        }
        values.update((overrides or {}).get(i, {}))
        result.append(TeamRow(**values))
    return result


def read(fieldfile) -> bytes:
    with fieldfile.open("rb") as handle:
        return handle.read()


def report_for(application):
    application.refresh_from_db()
    return check_application(application, call=services.stored_call(edition=application.edition))


# Starting ---------------------------------------------------------------------------------------------------------


def test_start_prefills_the_contact_person_and_the_head_title(edition, jst, applicant):
    application = services.start_application(edition=edition, local_government=jst, by=applicant)
    assert application.is_draft
    assert application.contact_name == "Wanda Wnioskodawca"
    assert application.contact_email == "wnioskodawca@gmina.example.org"
    assert application.head_title == HeadTitle.WOJT  # a rural gmina has a wójt
    assert [e.action for e in history_of(application)] == ["application.created"]


def test_an_ineligible_jst_is_told_who_may_apply(edition, applicant):
    city = LocalGovernmentFactory(kind=JstKind.URBAN_GMINA, name="Miastko")
    with pytest.raises(ValidationError) as error:
        services.start_application(edition=edition, local_government=city, by=applicant)
    message = error.value.message_dict["local_government"][0]
    assert "mogą się zgłaszać: gmina wiejska, powiat" in message
    assert "gmina miejska" in message
    assert not Application.objects.exists()


def test_a_second_application_for_the_same_jst_says_whom_at_the_organiser_to_contact(edition, jst, applicant):
    from apps.accounts.factories import UserFactory

    services.start_application(edition=edition, local_government=jst, by=applicant)
    colleague = UserFactory(full_name="Karol Kolega")
    with pytest.raises(ValidationError) as error:
        services.start_application(edition=edition, local_government=jst, by=colleague)
    message = error.value.message_dict["local_government"][0]
    assert jst.display_name in message
    assert "Piotr Matuszak (nabor@ore.example.org)" in message  # the organiser's contact
    # Neither the applicant nor the state (a decision may be taken) is told to someone else.
    assert "Wanda Wnioskodawca" not in message
    assert "wnioskodawca@gmina.example.org" not in message
    assert "wersja robocza" not in message
    with pytest.raises(ValidationError) as error:
        services.start_application(edition=edition, local_government=jst, by=applicant)
    assert "Masz już zgłoszenie tej JST" in error.value.message_dict["local_government"][0]
    assert Application.objects.count() == 1


def test_a_withdrawn_application_no_longer_blocks_the_jst(edition, jst, applicant):
    first = services.start_application(edition=edition, local_government=jst, by=applicant)
    services.withdraw_application(application=first, by=applicant)
    second = services.start_application(edition=edition, local_government=jst, by=applicant)
    assert second.pk != first.pk


def test_nothing_can_be_started_outside_the_call(edition, jst, applicant):
    edition.recruitment_opens_on = edition.recruitment_deadline = timezone.localdate().replace(year=2020)
    edition.results_date = edition.recruitment_deadline
    edition.save()
    with pytest.raises(ValidationError, match="nie jest teraz otwarty"):
        services.start_application(edition=edition, local_government=jst, by=applicant)


# Sections and the team -------------------------------------------------------------------------------------------


def test_a_section_saves_partial_data_and_records_the_change(edition, jst, applicant):
    application = services.start_application(edition=edition, local_government=jst, by=applicant)
    services.save_section(
        application=application,
        section="jst",
        values={"address_street": "ul. Sądowa 1", "address_postal_code": "", "address_city": "Bolesławiec"},
        by=applicant,
        expected_version=application.version,
    )
    application.refresh_from_db()
    assert application.address_street == "ul. Sądowa 1"
    section = report_for(application).section("jst")
    assert section.missing == ["Brak pola: kod pocztowy."]
    entry = history_of(application).filter(action="application.updated").get()
    assert entry.changes["address_street"] == ["", "ul. Sądowa 1"]


def test_a_stale_save_is_refused_and_nothing_is_overwritten(edition, jst, applicant):
    application = services.start_application(edition=edition, local_government=jst, by=applicant)
    started_from = application.version
    services.save_section(
        application=application,
        section="motywacja",
        values={"motivation": "Pierwsza"},
        by=applicant,
        expected_version=started_from,
    )
    with pytest.raises(StaleEdit):
        services.save_section(
            application=application,
            section="motywacja",
            values={"motivation": "Druga"},
            by=applicant,
            expected_version=started_from,
        )
    application.refresh_from_db()
    assert application.motivation == "Pierwsza"


def test_changing_the_jst_to_another_kind_asks_for_the_head_title_again(edition, jst, applicant):
    application = services.start_application(edition=edition, local_government=jst, by=applicant)
    powiat = LocalGovernmentFactory(kind=JstKind.POWIAT)
    services.save_section(
        application=application, section="jst", values={"local_government": powiat}, by=applicant, expected_version=None
    )
    application.refresh_from_db()
    assert application.local_government == powiat
    assert application.head_title == ""


def test_the_team_replaces_the_previous_one_and_keeps_the_order(edition, jst, applicant):
    application = services.start_application(edition=edition, local_government=jst, by=applicant)
    services.save_team(application=application, rows=rows(3), by=applicant, expected_version=None)
    services.save_team(application=application, rows=rows(4), by=applicant, expected_version=None)
    assert list(application.team.values_list("full_name", flat=True)) == [f"Osoba {i}" for i in range(1, 5)]
    assert history_of(application).filter(action="application.team_updated").count() == 2


def test_the_team_refuses_a_duplicate_e_mail_and_a_team_over_the_limit(edition, jst, applicant):
    application = services.start_application(edition=edition, local_government=jst, by=applicant)
    with pytest.raises(ValidationError, match="więcej niż raz"):
        services.save_team(
            application=application,
            rows=rows(3, {2: {"email": "OSOBA1@gmina.example.org"}}),
            by=applicant,
            expected_version=None,
        )
    with pytest.raises(ValidationError, match="najwyżej 5 osób"):
        services.save_team(application=application, rows=rows(6), by=applicant, expected_version=None)
    assert not application.team.exists()


# Completeness ------------------------------------------------------------------------------------------------------


def test_a_complete_application_has_no_missing_items(edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant)
    report = report_for(application)
    assert report.complete, report.missing
    assert report.done_count == 5


@pytest.mark.parametrize(
    ("team_size", "fragment"),
    [(2, "od 3 do 5 osób; teraz: 2"), (0, "od 3 do 5 osób; teraz: 0")],
)
def test_a_team_too_small_is_missing(edition, jst, applicant, team_size, fragment):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant, team=team_size)
    assert any(fragment in item for item in report_for(application).section("zespol").missing)


def test_team_rules_of_the_edition(edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant, team=3)
    team = list(application.team.all())
    for member in team[:2]:
        member.kind = ApplicationTeamMember.Kind.SCHOOL_DIRECTOR
        member.school_name = "Szkoła Podstawowa nr 1"
        member.save()
    missing = report_for(application).section("zespol").missing
    assert "W zespole może być najwyżej 1 dyrektor szkoły; teraz: 2." in missing

    edition.school_directors = "not_allowed"
    edition.save()
    assert (
        "W tej edycji dyrektorzy szkół nie wchodzą w skład zespołu."
        in report_for(application).section("zespol").missing
    )

    edition.school_directors, edition.school_directors_min, edition.school_directors_max = "required", 1, 1
    edition.save()
    ApplicationTeamMember.objects.filter(application=application).update(kind="official", school_name="")
    assert any("co najmniej 1 dyrektor" in m for m in report_for(application).section("zespol").missing)


def test_a_director_needs_a_school(edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant)
    ApplicationTeamMember.objects.filter(application=application, order=3).update(kind="school_director")
    assert "Osoba 3: brak: szkoła lub placówka." in report_for(application).section("zespol").missing


def test_management_staff_is_a_warning_or_an_error_as_the_edition_says(edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant)
    application.team.update(is_management=False)
    section = report_for(application).section("zespol")
    assert section.complete and "kadry zarządzającej" in section.warnings[0]
    Call.objects.create(edition=edition, management_staff=ManagementStaffRule.REQUIRED)
    section = report_for(application).section("zespol")
    assert not section.complete and "kadry zarządzającej" in section.missing[0]


def test_exactly_one_leader(edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant)
    application.team.update(is_leader=False)
    assert "Wskaż lidera zespołu." in report_for(application).section("zespol").missing
    application.team.update(is_leader=True)
    assert any("tylko jeden" in m for m in report_for(application).section("zespol").missing)


def test_a_head_title_that_does_not_fit_the_kind_is_missing(edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant, head_title="starosta")
    assert report_for(application).section("wladze").missing == ["Kierownikiem JST tego rodzaju jest: wójt."]


def test_another_signatory_needs_a_name_and_position(edition, jst, applicant):
    application = ApplicationFactory(
        edition=edition, local_government=jst, applicant=applicant, signatory_is_head=False
    )
    assert len(report_for(application).section("wladze").missing) == 2


# Submission ------------------------------------------------------------------------------------------------------


def test_an_incomplete_draft_is_not_submitted_and_says_what_is_missing(edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant, team=2, motivation="")
    with pytest.raises(ValidationError) as error:
        services.submit_application(application=application, by=applicant)
    assert "Zespół JST: Zespół liczy od 3 do 5 osób; teraz: 2." in error.value.messages
    assert any(m.startswith("Motywacja i rozważane obszary:") for m in error.value.messages)
    application.refresh_from_db()
    assert application.is_draft


def test_an_ineligible_jst_cannot_submit_even_if_the_edition_changed_its_rules(edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant)
    edition.eligible_jst_kinds = [JstKind.POWIAT]
    edition.save()
    with pytest.raises(ValidationError, match="mogą się zgłaszać: powiat"):
        services.submit_application(application=application, by=applicant)


def test_submission_prepares_the_three_pdfs_and_confirms_by_e_mail(edition, jst, applicant, mailoutbox):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant)
    ApplicationTeamMemberFactory(
        application=application,
        order=4,
        full_name="Zofia Dyrektor",
        kind="school_director",
        school_name="SP nr 2 w Bolesławcu",
    )
    services.submit_application(application=application, by=applicant)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED and application.submitted_at
    documents = GeneratedDocument.objects.filter(object_id=str(application.pk)).order_by("kind")
    assert [d.kind for d in documents] == ["recruitment.card", "recruitment.declaration", "recruitment.statements"]
    assert all(d.status == DocumentStatus.DONE for d in documents)
    card = pdf_text(read(documents.get(kind="recruitment.card").file))
    assert jst.display_name in card and "Zofia Dyrektor" in card and "SP nr 2 w Bolesławcu" in card
    declaration = pdf_text(read(documents.get(kind="recruitment.declaration").file))
    assert "deklaruje współpracę z Ośrodek Rozwoju Edukacji" in " ".join(declaration.split())
    assert "Anna Nowak, wójt" in declaration  # the signatory filled into {podpisujacy}
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["wnioskodawca@gmina.example.org"]
    assert "Zgłoszenie złożone" in mailoutbox[0].subject
    with pytest.raises(ValidationError, match="już złożone"):
        services.submit_application(application=application, by=applicant)


def test_the_organisers_template_text_goes_into_the_pdf(edition, jst, applicant, organiser):
    services.update_call(
        edition=edition,
        by=organiser,
        expected_version=None,
        statements_text="Oświadczam w imieniu {jst}, że:\n\n- punkt pierwszy,\n- punkt drugi.",
    )
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant)
    services.submit_application(application=application, by=applicant)
    document = GeneratedDocument.objects.get(object_id=str(application.pk), kind="recruitment.statements")
    text = pdf_text(read(document.file))
    assert f"Oświadczam w imieniu {jst.display_name}, że:" in " ".join(text.split())
    assert "punkt drugi" in text


def test_unknown_placeholders_in_a_template_are_refused(edition, organiser):
    with pytest.raises(ValidationError) as error:
        services.update_call(edition=edition, by=organiser, expected_version=None, card_text="Zgłaszamy {gmina}.")
    assert "{gmina}" in error.value.message_dict["card_text"][0]


def test_a_draft_cannot_be_changed_after_submission(edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant)
    services.submit_application(application=application, by=applicant)
    with pytest.raises(ValidationError, match="już złożone"):
        services.save_section(
            application=application,
            section="motywacja",
            values={"motivation": "x"},
            by=applicant,
            expected_version=None,
        )
