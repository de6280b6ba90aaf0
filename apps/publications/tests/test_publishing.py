"""Consent to publish, publication by the organiser, withdrawal, and the public knowledge base's pages."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from apps.documents.pdf import pdf_text
from apps.publications import selectors, services
from apps.publications.factories import accepted_summary
from apps.publications.models import Consent, DocumentKind, EditionPublishing, FormCode, Publication, SearchEntry

from .conftest import approve


@pytest.fixture
def accepted(engagement, leader, advisors, approved_plan):
    return accepted_summary(
        engagement=engagement,
        by=leader,
        advisor=advisors[0],
        text="Anna Liderka i Bartosz Członkowski uruchomili wspólne zajęcia w szkołach (kontakt: czlonek@gmina.example).",
    )


def _consent(engagement, leader, choice=Consent.Choice.ANONYMISED, document=DocumentKind.SUMMARY):
    return services.record_consent(engagement=engagement, document=document, choice=choice, by=leader)


def test_nothing_is_published_without_consent(accepted, engagement, leader, organiser):
    refused = _consent(engagement, leader, Consent.Choice.REFUSED)
    with pytest.raises(ValidationError) as error:
        services.publish(consent=refused, by=organiser)
    assert "Bez zgody" in error.value.messages[0]
    assert not Publication.objects.exists()
    assert services.publish_edition(edition=engagement.edition, by=organiser) == 0


def test_only_the_team_leader_consents_for_the_jst(accepted, engagement, member):
    with pytest.raises(ValidationError):
        _consent(engagement, member)


def test_consent_records_who_when_and_which_version(accepted, engagement, leader):
    consent = _consent(engagement, leader)
    assert (consent.given_by, consent.version, consent.document) == (leader, 2 - 1, DocumentKind.SUMMARY)
    assert consent.created_at is not None


def test_only_the_editions_organiser_publishes(accepted, engagement, leader, member):
    consent = _consent(engagement, leader)
    with pytest.raises(ValidationError):
        services.publish(consent=consent, by=member)


def test_without_personal_data_no_name_appears_anywhere(client, accepted, engagement, leader, organiser):
    publication = services.publish(consent=_consent(engagement, leader), by=organiser)
    names = ["Anna", "Liderka", "Bartosz", "Członkowski", "Ewa Kontaktowa", "Kontaktowa", "Marek", "czlonek@gmina"]
    page = client.get(reverse("publications:public_detail", kwargs={"pk": publication.pk})).content.decode()
    pdf = pdf_text(client.get(reverse("publications:public_pdf", kwargs={"pk": publication.pk})).getvalue())
    entry = SearchEntry.objects.get(publication=publication)
    for name in names:
        assert name not in page and name not in pdf and name.lower() not in entry.plain.lower(), name
    assert "[dane osobowe usunięte]" in page
    assert "zajęcia w szkołach" in page


def test_full_publication_keeps_the_names(client, accepted, engagement, leader, organiser):
    publication = services.publish(consent=_consent(engagement, leader, Consent.Choice.FULL), by=organiser)
    page = client.get(reverse("publications:public_detail", kwargs={"pk": publication.pk})).content.decode()
    assert "Bartosz Członkowski" in page and "Ewa Kontaktowa" in page


def test_the_public_page_shows_the_facts_and_the_pdf_size(client, accepted, engagement, leader, organiser):
    publication = services.publish(consent=_consent(engagement, leader), by=organiser)
    body = client.get(publication.get_absolute_url()).content.decode()
    jst = engagement.local_government
    assert jst.display_name in body and jst.voivodeship.name in body and engagement.edition.name in body
    assert engagement.chosen_areas.first().area.name in body
    assert "Pobierz PDF (" in body and "kB)" in body


def test_withdrawal_removes_it_from_the_site_and_the_index_at_once(
    client, accepted, engagement, leader, organiser, mailoutbox
):
    consent = _consent(engagement, leader)
    publication = services.publish(consent=consent, by=organiser)
    found, _ = selectors.search_publications(selectors.Filters(q="szkola"))
    assert list(found) == [publication]
    mailoutbox.clear()
    services.withdraw_consent(consent=consent, by=leader)
    assert client.get(publication.get_absolute_url()).status_code == 404
    assert client.get(reverse("publications:public_pdf", kwargs={"pk": publication.pk})).status_code == 404
    assert not SearchEntry.objects.exists()
    found, _ = selectors.search_publications(selectors.Filters(q="szkola"))
    assert list(found) == []
    assert [m.to for m in mailoutbox] == [[organiser.email]]
    with pytest.raises(ValidationError):
        services.publish(consent=Consent.objects.get(pk=consent.pk), by=organiser)


def test_bulk_publication_of_an_edition(accepted, engagement, leader, organiser):
    _consent(engagement, leader)
    _consent(engagement, leader, Consent.Choice.FULL, DocumentKind.PLAN)
    assert services.publish_edition(edition=engagement.edition, by=organiser) == 2
    assert services.publish_edition(edition=engagement.edition, by=organiser) == 0
    assert set(Publication.objects.values_list("document", flat=True)) == {"summary", "plan"}


def test_the_editions_page_groups_by_voivodeship_when_asked(client, accepted, engagement, leader, organiser):
    _consent(engagement, leader)
    services.publish_edition(edition=engagement.edition, by=organiser)
    services.update_edition_publishing(
        edition=engagement.edition,
        by=organiser,
        both_advisors_accept=False,
        grouping=EditionPublishing.Grouping.VOIVODESHIP,
        intro="Publikacje <i>edycji</i>",
    )
    body = client.get(reverse("publications:public_edition", kwargs={"slug": engagement.edition.slug})).content
    body = body.decode()
    assert f"{engagement.local_government.voivodeship.name.capitalize()} (1)" in body and "&lt;i&gt;" in body


def test_feed_and_open_data(client, accepted, engagement, leader, organiser):
    publication = services.publish(consent=_consent(engagement, leader), by=organiser)
    feed = client.get(reverse("publications:feed"))
    assert feed["Content-Type"].startswith("application/atom+xml") and publication.title in feed.content.decode()
    data = json.loads(client.get(reverse("publications:open_data_json")).content)
    assert data["count"] == 1 and data["publications"][0]["jst"] == engagement.local_government.display_name
    csv = client.get(reverse("publications:open_data_csv")).content.decode("utf-8-sig")
    assert engagement.local_government.display_name in csv


def test_similar_practices_share_area_and_kind(client, accepted, engagement, leader, organiser):
    from apps.engagements.factories import EngagementFactory
    from apps.publications.factories import publication as make

    own = services.publish(consent=_consent(engagement, leader), by=organiser)
    area = engagement.chosen_areas.first().area.name
    same = make(engagement=EngagementFactory(), text="Inna gmina.", title="Podobna", areas=(area,))
    make(engagement=EngagementFactory(), text="Inny obszar.", title="Niepodobna", areas=("Inny",))
    assert [p.title for p in selectors.similar_to(own)] == [same.title]


def test_a_changed_diagnosis_needs_a_new_consent(engagement, leader, organiser):
    consent = _consent(engagement, leader, Consent.Choice.FULL, DocumentKind.DIAGNOSIS)
    assessment = engagement.assessment
    assessment.version += 1
    assessment.save(update_fields=["version"])
    with pytest.raises(ValidationError):
        services.publish(consent=consent, by=organiser)


def test_the_hdr_publication_is_built_from_the_approved_version(client, engagement, leader, organiser, plan):
    approve(plan)
    publication = services.publish(
        consent=_consent(engagement, leader, Consent.Choice.FULL, DocumentKind.PLAN), by=organiser
    )
    assert publication.title.startswith("HDR:")
    assert any("Priorytet rozwojowy 1" in s["title"] for s in publication.sections)


def test_the_filters_page_filters(client, accepted, engagement, leader, organiser):
    services.publish(consent=_consent(engagement, leader), by=organiser)
    url = reverse("publications:public_index")
    jst = engagement.local_government
    assert client.get(url, {"jst_kind": jst.kind, "form": FormCode.GOOD_PRACTICE}).context["page"].paginator.count == 1
    assert client.get(url, {"jst_kind": "powiat"}).context["page"].paginator.count == 0
    assert client.get(url, {"voivodeship": jst.voivodeship.code}).context["page"].paginator.count == 1


def test_the_editions_overview_counts_and_links_the_desk(client, accepted, engagement, leader, organiser):
    from apps.core.testing import sign_in

    _consent(engagement, leader)
    sign_in(client, organiser)
    body = client.get(reverse("editions:overview", kwargs={"slug": engagement.edition.slug})).content.decode()
    assert "Podsumowania: zaakceptowane 1, u doradców 0, w przygotowaniu 0." in body
    assert "Zgody JST na publikację: 1; opublikowane dokumenty: 0." in body
    assert reverse("publications:desk", kwargs={"slug": engagement.edition.slug}) in body


def test_a_published_mini_report_shows_its_photos_with_alternative_text(
    client, engagement, leader, advisors, organiser, approved_plan
):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from apps.publications.factories import fill_summary

    summary = services.start_summary(engagement=engagement, form=FormCode.MINI_REPORTAGE, by=leader)
    summary = fill_summary(summary, by=leader)
    buffer = io.BytesIO()
    Image.new("RGB", (30, 20), "white").save(buffer, "PNG")
    photo = services.add_attachment(
        summary=summary,
        kind="photo",
        upload=SimpleUploadedFile("a.png", buffer.getvalue()),
        title="Anna Liderka z dyrektorami",
        alt_text="Sala, przy stole siedzi sześć osób",
        by=leader,
    )
    services.submit_summary(summary=summary, by=leader)
    services.accept_summary(summary=summary, by=advisors[0])
    publication = services.publish(consent=_consent(engagement, leader), by=organiser)
    body = client.get(publication.get_absolute_url()).content.decode()
    assert 'alt="Sala, przy stole siedzi sześć osób"' in body
    assert "Anna Liderka" not in body
    url = reverse("publications:public_attachment", kwargs={"pk": publication.pk, "attachment_pk": photo.pk})
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    # Reading the stream to its end closes the file (the test client's wrapper; an explicit close() would also
    # close the test's database connection through request_finished).
    assert response.getvalue().startswith(b"\x89PNG")
    other = reverse("publications:public_attachment", kwargs={"pk": publication.pk, "attachment_pk": photo.pk + 1})
    assert client.get(other).status_code == 404


def test_removing_a_file_from_a_new_draft_keeps_it_for_the_published_version(
    client, engagement, leader, advisors, organiser, approved_plan
):
    """Nothing lost: version 1 is published with its photo; the team starts version 2 and removes the photo from
    the draft. The draft no longer has it, the published version still shows it."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from apps.publications.factories import fill_summary
    from apps.publications.models import FinalSummary, SummaryAttachment

    summary = fill_summary(
        services.start_summary(engagement=engagement, form=FormCode.MINI_REPORTAGE, by=leader), by=leader
    )
    buffer = io.BytesIO()
    Image.new("RGB", (30, 20), "white").save(buffer, "PNG")
    photo = services.add_attachment(
        summary=summary,
        kind="photo",
        upload=SimpleUploadedFile("a.png", buffer.getvalue()),
        title="Warsztaty",
        alt_text="Sala warsztatowa",
        by=leader,
    )
    unlisted = services.add_attachment(
        summary=summary,
        kind="photo",
        upload=SimpleUploadedFile("b.png", buffer.getvalue()),
        title="Szkic",
        alt_text="Szkic planu",
        by=leader,
    )
    services.remove_attachment(attachment=unlisted, by=leader)
    assert not SummaryAttachment.objects.filter(pk=unlisted.pk).exists()  # never part of a version: gone
    services.submit_summary(summary=summary, by=leader)
    services.accept_summary(summary=summary, by=advisors[0])
    publication = services.publish(consent=_consent(engagement, leader), by=organiser)
    draft = services.start_new_version(summary=FinalSummary.objects.get(pk=summary.pk), by=leader)
    services.remove_attachment(attachment=SummaryAttachment.objects.get(pk=photo.pk), by=leader)
    assert list(selectors.summary_of(engagement).attachments.all()) == []
    assert draft.pk == summary.pk
    url = reverse("publications:public_attachment", kwargs={"pk": publication.pk, "attachment_pk": photo.pk})
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_withdrawing_consent_asks_first(client, accepted, engagement, leader, organiser):
    consent = _consent(engagement, leader)
    services.publish(consent=consent, by=organiser)
    client.force_login(leader)
    url = reverse("publications:consent_withdraw", kwargs={"engagement_pk": engagement.pk, "pk": consent.pk})
    page = client.get(url).content.decode()
    assert "Wycofanie zgody na publikację" in page and "zniknie z bazy wiedzy" in page
    assert Consent.objects.get(pk=consent.pk).withdrawn_at is None  # the question changes nothing
    assert client.post(url).status_code == 302
    assert Consent.objects.get(pk=consent.pk).withdrawn_at is not None
