"""The recruitment's pages through the test client: forms keep input and explain errors, scoping answers 404,
lists and exports keep a constant number of queries."""

import io
import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.accounts.factories import TEST_PASSWORD
from apps.accounts.models import User
from apps.core.testing import assert_constant_queries, sign_in
from apps.documents.list_exports import export_query
from apps.documents.testing import make_pdf, make_signed_pdf
from apps.recruitment import exports, services
from apps.recruitment.factories import ApplicationFactory, PaperReceiptFactory, SubmittedApplicationFactory
from apps.recruitment.models import Application, ApplicationNote
from apps.territory.factories import LocalGovernmentFactory, VoivodeshipFactory
from apps.territory.kinds import JstKind

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return make_pdf("Karta zgłoszenia")


def team_post(rows: list[dict], total: int = 5, version: int = 1, next_section: str = "") -> dict:
    data = {
        "zespol-TOTAL_FORMS": str(total),
        "zespol-INITIAL_FORMS": str(total),
        "zespol-MIN_NUM_FORMS": "0",
        "zespol-MAX_NUM_FORMS": "1000",
        "version": str(version),
        "next": next_section,
    }
    for index in range(total):
        row = rows[index] if index < len(rows) else {}
        data[f"zespol-{index}-kind"] = row.get("kind", "official")
        for name in ["full_name", "position", "email", "phone", "school_name"]:
            data[f"zespol-{index}-{name}"] = row.get(name, "")
        for name in ["is_management", "is_leader"]:
            if row.get(name):
                data[f"zespol-{index}-{name}"] = "on"
    return data


def person(n: int, **extra) -> dict:
    return {"full_name": f"Osoba {n}", "position": "Inspektor", "email": f"osoba{n}@gmina.example.org", **extra}


# The applicant's path -----------------------------------------------------------------------------------------


SIGN_UP = {
    "full_name": "Jan Zgłaszający",
    "email": "Jan@Gmina.example.org",
    "password1": "Bardzo-dobre-haslo-1",
    "password2": "Bardzo-dobre-haslo-1",
    "privacy": "on",
}


def _link(message, path: str) -> str:
    match = re.search(re.escape(settings.SITE_URL) + r"(" + re.escape(path) + r"\S+)", message.body)
    assert match, message.body
    return match.group(1)


def test_an_account_from_the_call_page_is_usable_only_after_the_address_is_confirmed(client, edition, jst, mailoutbox):
    """Account squatting: an address must be proven before the account can do anything (start an application)."""
    url = reverse("recruitment:register", kwargs={"slug": edition.slug})
    start_url = reverse("recruitment:start", kwargs={"slug": edition.slug})
    response = client.post(url, SIGN_UP)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:confirm_email_sent"))
    page = client.get(response["Location"]).content.decode()
    assert "Wysłaliśmy wiadomość na adres jan@gmina.example.org" in page
    user = User.objects.get(email="jan@gmina.example.org")
    assert not user.has_confirmed_email
    assert "_auth_user_id" not in client.session  # not signed in by the sign-up
    # Signed in with the password, the account can only confirm: every page leads to "check your mail".
    client.force_login(user)
    for page_url in (start_url, reverse("core:dashboard"), reverse("recruitment:my_applications")):
        assert client.get(page_url)["Location"] == reverse("accounts:confirm_email_sent")
    assert client.post(start_url, {"local_government": jst.display_name}).status_code == 302
    assert not Application.objects.exists()
    client.logout()
    # The link from the e-mail proves the address and signs in, back to the call.
    (message,) = mailoutbox
    assert message.to == ["jan@gmina.example.org"]
    link = _link(message, "/konto/potwierdz-adres/")
    assert client.get(link).status_code == 200  # a button: a mail scanner opening the link confirms nothing
    assert not User.objects.get(pk=user.pk).has_confirmed_email
    response = client.post(link.split("?")[0], {"next": start_url})
    assert response["Location"] == start_url
    assert User.objects.get(pk=user.pk).has_confirmed_email
    assert client.get(start_url).status_code == 200
    # The link is one-time: opened again it says so and offers a new one.
    client.logout()
    again = client.get(link)
    assert again.status_code == 410
    assert "Link potwierdzający wygasł" in again.content.decode()


def test_a_sign_up_answers_the_same_whether_or_not_the_address_has_an_account(client, edition, applicant, mailoutbox):
    url = reverse("recruitment:register", kwargs={"slug": edition.slug})
    new = client.post(url, SIGN_UP)
    existing = client.post(url, {**SIGN_UP, "email": applicant.email.upper()})
    assert new.status_code == existing.status_code == 302
    assert new["Location"] == existing["Location"]
    assert client.get(existing["Location"]).status_code == 200
    # The existing account is untouched; the e-mail to its address says it exists and how to get in.
    applicant.refresh_from_db()
    assert applicant.full_name == "Wanda Wnioskodawca"
    assert applicant.check_password(TEST_PASSWORD)
    message = mailoutbox[-1]
    assert message.to == [applicant.email]
    assert "Konto z tym adresem już istnieje" in message.body
    assert reverse("accounts:password_reset") in message.body
    assert "/konto/potwierdz-adres/" not in message.body  # already confirmed


def test_an_expired_confirmation_link_offers_a_new_one(client, edition, mailoutbox, settings):
    client.post(reverse("recruitment:register", kwargs={"slug": edition.slug}), SIGN_UP)
    link = _link(mailoutbox[0], "/konto/potwierdz-adres/")
    settings.PASSWORD_RESET_TIMEOUT = -1
    page = client.get(link)
    assert page.status_code == 410
    assert "Wyślij nowy link" in page.content.decode()
    settings.PASSWORD_RESET_TIMEOUT = 3600
    response = client.post(reverse("accounts:confirm_email_sent"), {"email": "jan@gmina.example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 2
    assert client.get(_link(mailoutbox[1], "/konto/potwierdz-adres/")).status_code == 200
    # Asking for an address without an unconfirmed account sends nothing and answers the same.
    response = client.post(reverse("accounts:confirm_email_sent"), {"email": "nikt@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 2


def test_account_form_errors_keep_the_input(client, edition, applicant):
    url = reverse("recruitment:register", kwargs={"slug": edition.slug})
    response = client.post(
        url, {"full_name": "Ktoś", "email": applicant.email, "password1": "Haslo-12345-x", "password2": "inne"}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["password2"] == ["Hasła nie są takie same."]
    assert "privacy" in form.errors
    assert 'value="Ktoś"' in response.content.decode()


def test_starting_with_the_jst_picker(client, edition, jst, applicant):
    sign_in(client, applicant)
    response = client.post(
        reverse("recruitment:start", kwargs={"slug": edition.slug}), {"local_government": jst.display_name}
    )
    application = Application.objects.get()
    assert response["Location"] == reverse("recruitment:application", kwargs={"pk": application.pk})
    page = client.get(response["Location"]).content.decode()
    # Nothing is complete yet: the contact person is prefilled but lacks a phone, the head's title lacks a name.
    assert "Kompletne części: 0 z 5." in page
    assert (
        'value="Wanda Wnioskodawca"'
        in client.get(
            reverse("recruitment:section", kwargs={"pk": application.pk, "section": "kontakt"})
        ).content.decode()
    )


def test_a_second_attempt_is_told_which_application_exists(client, edition, jst, applicant):
    ApplicationFactory(edition=edition, local_government=jst)
    sign_in(client, applicant)
    response = client.post(
        reverse("recruitment:start", kwargs={"slug": edition.slug}), {"local_government": jst.display_name}
    )
    assert response.status_code == 200
    assert "ma już zgłoszenie w tej edycji" in response.context["form"].errors["local_government"][0]


def test_a_second_attempt_learns_neither_the_decision_nor_the_applicant(client, edition, jst, applicant):
    """Before the results, someone else's application state (a decision may be taken) and its applicant stay
    private: the page says only that one exists and whom at the organiser to contact."""
    edition.contact_name = "Olga Organizatorka"
    edition.contact_email = "nabor@ore.example.org"
    edition.save()
    ApplicationFactory(
        edition=edition, local_government=jst, status=Application.Status.REJECTED, applicant__full_name="Jan Tajny"
    )
    sign_in(client, applicant)
    response = client.post(
        reverse("recruitment:start", kwargs={"slug": edition.slug}), {"local_government": jst.display_name}
    )
    page = response.content.decode()
    message = response.context["form"].errors["local_government"][0]
    assert "ma już zgłoszenie w tej edycji" in message
    assert "Olga Organizatorka (nabor@ore.example.org)" in message
    for secret in ("Jan Tajny", "odrzucone", "stan:"):
        assert secret not in page


def test_section_errors_are_shown_next_to_the_fields_and_input_is_kept(client, edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant)
    sign_in(client, applicant)
    url = reverse("recruitment:section", kwargs={"pk": application.pk, "section": "jst"})
    response = client.post(
        url,
        {
            "version": application.version,
            "local_government": jst.display_name,
            "address_street": "ul. Nowa 5",
            "address_postal_code": "59700x",
            "address_city": "Bolesławiec",
            "office_phone": "123",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["address_postal_code"] == ["Kod pocztowy ma postać 00-000, np. 00-644."]
    assert "9 cyfr" in form.errors["office_phone"][0]
    html = response.content.decode()
    assert 'value="ul. Nowa 5"' in html and 'value="59700x"' in html
    application.refresh_from_db()
    assert application.address_street == "ul. Rynek 1"  # nothing saved


def test_a_section_saved_from_a_stale_page_is_refused_and_the_input_kept(client, edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant)
    sign_in(client, applicant)
    url = reverse("recruitment:section", kwargs={"pk": application.pk, "section": "motywacja"})
    client.post(url, {"version": application.version, "motivation": "Z pierwszej karty"})
    response = client.post(url, {"version": application.version, "motivation": "Z drugiej karty"})
    assert response.status_code == 200
    assert "w innym oknie lub karcie" in response.content.decode()
    assert "Z drugiej karty" in response.content.decode()
    application.refresh_from_db()
    assert application.motivation == "Z pierwszej karty"
    # Saving again from the refreshed form works.
    version = response.context["form"]["version"].value()
    client.post(url, {"version": version, "motivation": "Z drugiej karty"})
    application.refresh_from_db()
    assert application.motivation == "Z drugiej karty"


def test_the_team_form_works_without_javascript(client, edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant, team=0)
    sign_in(client, applicant)
    url = reverse("recruitment:section", kwargs={"pk": application.pk, "section": "zespol"})
    page = client.get(url)
    assert len(page.context["formset"].forms) == 5  # the edition's largest team, as empty rows
    data = team_post(
        [
            person(1, is_leader=True),
            person(2, is_management=True),
            person(3, kind="school_director", school_name="SP 1"),
        ],
        version=application.version,
        next_section="motywacja",
    )
    response = client.post(url, data)
    assert response["Location"] == reverse("recruitment:section", kwargs={"pk": application.pk, "section": "motywacja"})
    assert list(application.team.values_list("full_name", "is_leader", "kind")) == [
        ("Osoba 1", True, "official"),
        ("Osoba 2", False, "official"),
        ("Osoba 3", False, "school_director"),
    ]


def test_team_errors_name_the_row_and_keep_every_row(client, edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant, team=0)
    sign_in(client, applicant)
    url = reverse("recruitment:section", kwargs={"pk": application.pk, "section": "zespol"})
    rows = [
        person(1, is_leader=True),
        person(2, email="osoba1@gmina.example.org"),
        person(3, email="to-nie-adres"),
        person(4, phone="12 34"),
        person(5, is_leader=True),
    ]
    response = client.post(url, team_post(rows, version=application.version))
    assert response.status_code == 200
    html = response.content.decode()
    forms = response.context["formset"].forms
    assert "Wprowadź poprawny adres email." in forms[2].errors["email"][0] or forms[2].errors["email"]
    assert "9 cyfr" in forms[3].errors["phone"][0]
    assert 'value="to-nie-adres"' in html and 'value="Osoba 5"' in html
    assert not application.team.exists()
    # Fix the format errors: now the duplicate e-mail and the second leader are reported on their rows.
    rows[2]["email"], rows[3]["phone"] = "osoba3@gmina.example.org", "600 100 200"
    response = client.post(url, team_post(rows, version=application.version))
    forms = response.context["formset"].forms
    assert "podano już dla osoby 1" in forms[1].errors["email"][0]
    assert forms[4].errors["is_leader"] == ["Lider zespołu może być tylko jeden."]
    assert "Osoba 2, Adres e-mail" in response.content.decode()  # the summary names the row


def test_a_team_larger_than_the_edition_allows_is_refused(client, edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant, team=0)
    sign_in(client, applicant)
    url = reverse("recruitment:section", kwargs={"pk": application.pk, "section": "zespol"})
    rows = [person(n, is_leader=n == 1) for n in range(1, 7)]
    response = client.post(url, team_post(rows, total=6, version=application.version))
    assert response.status_code == 200
    assert "Zespół może liczyć najwyżej 5 osób." in response.content.decode()
    assert not application.team.exists()


def test_submitting_an_incomplete_application_lists_what_is_missing(client, edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant, team=1)
    sign_in(client, applicant)
    response = client.post(reverse("recruitment:submit", kwargs={"pk": application.pk}), follow=True)
    assert "Zespół liczy od 3 do 5 osób; teraz: 1." in response.content.decode()
    application.refresh_from_db()
    assert application.is_draft


def test_an_applicant_never_sees_another_jsts_application(client, edition, applicant):
    others = SubmittedApplicationFactory(edition=edition)
    sign_in(client, applicant)
    for name, kwargs in [
        ("recruitment:application", {}),
        ("recruitment:section", {"section": "jst"}),
        ("recruitment:withdraw", {}),
        ("recruitment:upload", {"document": "karta-zgloszenia"}),
    ]:
        assert client.get(reverse(name, kwargs={"pk": others.pk, **kwargs})).status_code == 404, name
    assert client.post(reverse("recruitment:submit", kwargs={"pk": others.pk})).status_code == 404
    receipt = PaperReceiptFactory(application=others)
    url = reverse("recruitment:receipt_file", kwargs={"pk": others.pk, "receipt": receipt.pk})
    assert client.get(url).status_code == 404
    assert client.get(reverse("recruitment:review", kwargs={"slug": edition.slug, "pk": others.pk})).status_code == 404


def test_internal_notes_never_reach_the_applicant(client, edition, applicant, organiser):
    application = SubmittedApplicationFactory(edition=edition, applicant=applicant)
    ApplicationNote.objects.create(application=application, author=organiser, text="Tajna uwaga organizatora")
    sign_in(client, applicant)
    assert (
        "Tajna uwaga"
        not in client.get(reverse("recruitment:application", kwargs={"pk": application.pk})).content.decode()
    )
    sign_in(client, organiser)
    url = reverse("recruitment:review", kwargs={"slug": edition.slug, "pk": application.pk})
    assert "Tajna uwaga organizatora" in client.get(url).content.decode()


def test_uploads_through_the_page(client, edition, applicant, pdf):
    application = SubmittedApplicationFactory(edition=edition, applicant=applicant)
    sign_in(client, applicant)
    url = reverse("recruitment:upload", kwargs={"pk": application.pk, "document": "deklaracja-wspolpracy"})
    lying = SimpleUploadedFile("deklaracja.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(url, {"method": "scan", "file": lying})
    assert response.status_code == 200
    assert "nie jest dokumentem PDF" in response.context["form"].errors["file"][0]
    signed = SimpleUploadedFile("deklaracja.pdf", make_signed_pdf(pdf, "Anna Nowak"), content_type="application/pdf")
    response = client.post(url, {"method": "signed_pdf", "file": signed})
    assert response.status_code == 302
    receipt = application.receipts.get()
    page = client.get(reverse("recruitment:application", kwargs={"pk": application.pk})).content.decode()
    assert "podpis nienaruszony" in page and "Anna Nowak" in page
    download = client.get(reverse("recruitment:receipt_file", kwargs={"pk": application.pk, "receipt": receipt.pk}))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


# The organiser's desk ------------------------------------------------------------------------------------------


def test_a_decision_over_capacity_is_refused_on_the_page(client, edition, organiser):
    edition.capacity = 1
    edition.save()
    first, second = (SubmittedApplicationFactory(edition=edition) for _ in range(2))
    services.decide(application=first, status="qualified", by=organiser, despite_documents=True)
    sign_in(client, organiser)
    url = reverse("recruitment:decide", kwargs={"slug": edition.slug, "pk": second.pk})
    response = client.post(url, {"decision": "qualified", "despite_documents": "on"})
    assert response.status_code == 200
    assert "Brak wolnych miejsc: zakwalifikowano już 1 z 1 JST." in response.content.decode()
    second.refresh_from_db()
    assert second.status == "submitted"


def test_the_coordinator_reads_the_desk_but_cannot_decide(client, edition, coordinator):
    application = SubmittedApplicationFactory(edition=edition)
    sign_in(client, coordinator)
    page = client.get(reverse("recruitment:review", kwargs={"slug": edition.slug, "pk": application.pk}))
    assert page.status_code == 200 and "Zapisz decyzję" not in page.content.decode()
    response = client.post(
        reverse("recruitment:decide", kwargs={"slug": edition.slug, "pk": application.pk}), {"decision": "reserve"}
    )
    assert response.status_code == 404


def test_desk_filters(client, edition, organiser):
    mazowieckie, dolnoslaskie = VoivodeshipFactory(code="14"), VoivodeshipFactory(code="02")

    def jst(**kwargs):
        return LocalGovernmentFactory(**{"voivodeship": dolnoslaskie, **kwargs})

    rural = SubmittedApplicationFactory(edition=edition, local_government=jst(name="Zielonka"))
    powiat = SubmittedApplicationFactory(
        edition=edition, local_government=LocalGovernmentFactory(kind=JstKind.POWIAT, voivodeship=mazowieckie)
    )
    late = SubmittedApplicationFactory(
        edition=edition, local_government=jst(), has_late_documents=True, documents_received=1
    )
    complete = SubmittedApplicationFactory(
        edition=edition,
        local_government=jst(),
        documents_received=3,
        documents_complete_on=edition.recruitment_deadline,
    )
    ApplicationFactory(edition=edition)  # a draft is not on the desk
    sign_in(client, organiser)
    url = reverse("recruitment:desk", kwargs={"slug": edition.slug})

    def listed(**query):
        response = client.get(url, query)
        assert response.status_code == 200
        return {a.pk for a in response.context["page"].object_list}

    assert listed() == {rural.pk, powiat.pk, late.pk, complete.pk}
    assert listed(kind="powiat") == {powiat.pk}
    assert listed(group="powiaty") == {powiat.pk}
    assert listed(voivodeship="14") == {powiat.pk}
    assert listed(late="on") == {late.pk}
    assert listed(documents="complete") == {complete.pk}
    assert complete.pk not in listed(documents="incomplete")
    assert listed(q="zielon") == {rural.pk}
    assert listed(status="qualified") == set()
    # A bad filter value shows the whole list with the error, not a 500.
    response = client.get(url, {"status": "nonsense"})
    assert response.status_code == 200 and response.context["form"].errors


def test_exports(client, edition, organiser):
    SubmittedApplicationFactory(
        edition=edition, local_government=LocalGovernmentFactory(name="Eksportowo"), contact_name="=HYPERLINK()"
    )
    sign_in(client, organiser)
    url = reverse("recruitment:export", kwargs={"slug": edition.slug})
    csv = client.get(f"{url}?{export_query(exports.APPLICATIONS, 'csv')}")
    assert csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("JST;Kod TERYT;Rodzaj JST;Województwo;Grupa warsztatowa;Stan")
    assert "Eksportowo" in text and "'=HYPERLINK()" in text
    xlsx = client.get(f"{url}?{export_query(exports.APPLICATIONS, 'xlsx')}")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A1"].value == "JST" and "Eksportowo" in sheet["A2"].value
    refused = client.get(f"{url}?{export_query(exports.APPLICATIONS, 'pdf')}")
    assert refused.status_code == 200 and refused.context["form"].errors  # the choice page again, with the error


def test_results_page_appears_on_publication(client, edition, organiser):
    application = SubmittedApplicationFactory(edition=edition, local_government=LocalGovernmentFactory(name="Wygrana"))
    url = reverse("recruitment:results", kwargs={"slug": edition.slug})
    assert client.get(url).status_code == 404
    services.decide(application=application, status="qualified", by=organiser, despite_documents=True)
    assert client.get(url).status_code == 404  # decided, not yet public
    services.publish_results(edition=edition, by=organiser)
    page = client.get(url).content.decode()
    assert "Gmina Wygrana (gmina wiejska)" in page and "Gminy wiejskie (1)" in page.replace(
        "Gmina wiejska", "Gminy wiejskie"
    )


def test_publishing_asks_first_on_a_page_that_says_whom_it_e_mails(client, edition, organiser, mailoutbox):
    """A mass mailing is not one click: the desk links to a page with the real numbers (qualified JSTs by name,
    result e-mails, team invitations); opening it sends nothing, its button publishes."""
    wins = SubmittedApplicationFactory(edition=edition, local_government=LocalGovernmentFactory(name="Wygrana"), team=3)
    waits = SubmittedApplicationFactory(edition=edition, local_government=LocalGovernmentFactory(name="Czeka"))
    loses = SubmittedApplicationFactory(edition=edition, local_government=LocalGovernmentFactory(name="Przegrana"))
    services.decide(application=wins, status="qualified", by=organiser, despite_documents=True)
    services.decide(application=waits, status="reserve", by=organiser, despite_documents=True)
    sign_in(client, organiser)
    desk_url = reverse("recruitment:desk", kwargs={"slug": edition.slug})
    confirm_url = reverse("recruitment:publish_results_confirm", kwargs={"slug": edition.slug})
    publish_url = reverse("recruitment:publish_results", kwargs={"slug": edition.slug})
    desk = client.get(desk_url).content.decode()
    assert f'action="{publish_url}"' not in desk
    assert f'href="{confirm_url}"' in desk
    # An undecided application: the page says so and offers no button.
    page = client.get(confirm_url).content.decode()
    assert "bez decyzji: 1" in page and f'action="{publish_url}"' not in page
    services.decide(application=loses, status="rejected", by=organiser, reason="Brak kadry.", despite_documents=True)
    mailoutbox.clear()
    page = client.get(confirm_url).content.decode()
    assert "Gmina Wygrana (gmina wiejska) (zespół: 3)" in page
    assert "liczba wiadomości: 3" in page
    assert "liczba osób: 3" in page
    assert "Lista rezerwowa: 1; odrzucone: 1." in page
    assert f'action="{publish_url}"' in page
    assert mailoutbox == [] and not services.stored_call(edition=edition).results_published
    assert client.post(publish_url)["Location"] == desk_url
    assert services.stored_call(edition=edition).results_published
    assert client.get(confirm_url)["Location"] == desk_url  # nothing left to confirm


# Query counts ---------------------------------------------------------------------------------------------------


def test_desk_queries_do_not_grow_with_applications(client, edition, organiser):
    sign_in(client, organiser)
    url = reverse("recruitment:desk", kwargs={"slug": edition.slug})

    def build(n):
        for _ in range(n):
            application = SubmittedApplicationFactory(edition=edition, team=3)
            PaperReceiptFactory(application=application)

    assert_constant_queries(build=build, request=lambda: client.get(url))


def test_export_queries_do_not_grow(client, edition, organiser):
    sign_in(client, organiser)
    url = reverse("recruitment:export", kwargs={"slug": edition.slug}) + "?" + export_query(exports.APPLICATIONS)
    assert_constant_queries(
        build=lambda n: SubmittedApplicationFactory.create_batch(n, edition=edition), request=lambda: client.get(url)
    )


def test_applicant_pages_queries_do_not_grow(client, edition, applicant):
    sign_in(client, applicant)
    assert_constant_queries(
        build=lambda n: ApplicationFactory.create_batch(n, edition=edition, applicant=applicant),
        request=lambda: client.get(reverse("recruitment:my_applications")),
    )
    application = SubmittedApplicationFactory(edition=edition, applicant=applicant, team=0)
    from apps.recruitment.factories import ApplicationTeamMemberFactory

    assert_constant_queries(
        build=lambda n: [
            (ApplicationTeamMemberFactory(application=application), PaperReceiptFactory(application=application))
            for _ in range(n)
        ],
        request=lambda: client.get(reverse("recruitment:application", kwargs={"pk": application.pk})),
        many=5,
    )


def test_public_pages_queries_do_not_grow(client, catalogue, organisation):
    from apps.editions.factories import EditionFactory

    assert_constant_queries(
        build=lambda n: EditionFactory.create_batch(
            n, organiser=organisation, catalogue_version=catalogue, published=True
        ),
        request=lambda: client.get(reverse("recruitment:call_list")),
    )


def test_review_page_queries_do_not_grow(client, edition, organiser):
    from apps.recruitment.factories import ApplicationTeamMemberFactory

    application = SubmittedApplicationFactory(edition=edition, team=0)
    sign_in(client, organiser)
    url = reverse("recruitment:review", kwargs={"slug": edition.slug, "pk": application.pk})

    def build(n):
        for _ in range(n):
            ApplicationTeamMemberFactory(application=application)
            PaperReceiptFactory(application=application)
            ApplicationNote.objects.create(application=application, author=organiser, text="Notatka")

    assert_constant_queries(build=build, request=lambda: client.get(url), many=6)


def test_results_and_call_pages_queries_do_not_grow(client, edition, organiser):
    from apps.recruitment.models import Call, CallAttachment

    Call.objects.create(edition=edition, results_published_at=edition.created_at)

    def build(n):
        for _ in range(n):
            SubmittedApplicationFactory(edition=edition, status="qualified")
            CallAttachment.objects.create(edition=edition, title="Regulamin", file="x.pdf", filename="x.pdf")

    assert_constant_queries(
        build=build, request=lambda: client.get(reverse("recruitment:results", kwargs={"slug": edition.slug}))
    )
    assert_constant_queries(
        build=build, request=lambda: client.get(reverse("recruitment:call_detail", kwargs={"slug": edition.slug}))
    )
