"""The summary: forms' structures, prefill, co-editing, submission, review, frozen versions, PDF, files."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.core.locking import StaleEdit
from apps.documents.pdf import pdf_text
from apps.engagements.models import Stage
from apps.publications import services
from apps.publications.factories import fill_summary
from apps.publications.models import EditionPublishing, FinalSummary, FormCode, SummaryStructure, SummaryVersion


def _png(size=(20, 10)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def summary(engagement, leader, plan):
    return services.start_summary(engagement=engagement, form=FormCode.GOOD_PRACTICE, by=leader)


def test_each_form_has_a_versioned_structure(db, advisors):
    forms = {s.form: s for s in SummaryStructure.objects.filter(number=1)}
    assert set(forms) == set(FormCode.values)
    titles = [s["title"] for s in forms[FormCode.GOOD_PRACTICE].sections]
    assert titles[0].startswith("I.1.") and titles[7].startswith("I.8.") and titles[8].startswith("II.")
    kinds = {s["kind"] for s in forms[FormCode.MINI_REPORTAGE].sections}
    assert {"interview", "photos", "contact"} <= kinds


def test_a_new_structure_version_leaves_started_summaries_alone(summary, advisors):
    from apps.accounts.factories import UserFactory

    coordinator = UserFactory()
    services.save_structure(
        form=FormCode.GOOD_PRACTICE,
        sections_text="a | Jedyna sekcja | tak | text | pomoc",
        note="Krócej",
        by=coordinator,
    )
    assert services.current_structure(form=FormCode.GOOD_PRACTICE).number == 2
    summary.refresh_from_db()
    assert summary.structure.number == 1
    with pytest.raises(ValidationError):
        services.save_structure(form=FormCode.GOOD_PRACTICE, sections_text="a | X | tak | zły", note="", by=coordinator)


def test_the_summary_starts_from_what_the_platform_knows(summary, engagement, plan):
    content = summary.content
    assert engagement.local_government.display_name in content["i1"]
    assert "Priorytet rozwojowy 1" in content["i2"]
    assert "Działanie: Priorytet rozwojowy 1" in content["i4"]
    assert "postęp 60%" in content["i5"]


def test_a_stale_save_is_refused(summary, leader, member):
    services.update_summary(summary=summary, expected_version=1, by=leader, content={"i3": "Wersja Anny"})
    with pytest.raises(StaleEdit):
        services.update_summary(summary=summary, expected_version=1, by=member, content={"i3": "Wersja Bartka"})
    summary.refresh_from_db()
    assert summary.content["i3"] == "Wersja Anny"


def test_two_people_editing_at_once_lose_nothing(client, summary, leader, member):
    url = reverse("publications:summary_edit", kwargs={"engagement_pk": summary.engagement_id})
    client.force_login(leader)
    page = client.get(url)
    form = page.context["form"]
    loaded = {name: form[name].value() or "" for name in form.fields if name != "version"}
    base = {**loaded, **{f"initial-{k}": v for k, v in loaded.items()}, "version": "1"}
    response = client.post(url, {**base, "s_i3": "Rozwiązanie według Anny", "s_i6": "Koszt: 10 000 zł"})
    assert response.status_code == 302
    client.force_login(member)
    response = client.post(url, {**base, "s_i3": "Rozwiązanie według Bartka", "s_i7": "Bo działa."})
    assert response.status_code == 200
    conflict = response.context["conflict"]
    assert [f.theirs for f in conflict.fields] == ["Rozwiązanie według Anny"]
    merged = response.context["form"]
    assert merged["s_i6"].value() == "Koszt: 10 000 zł"  # only Anna changed it: her value
    assert merged["s_i7"].value() == "Bo działa."  # only Bartek changed it: his input kept
    assert "Rozwiązanie według Anny" in response.content.decode()
    summary.refresh_from_db()
    assert summary.content["i3"] == "Rozwiązanie według Anny" and summary.content["i6"] == "Koszt: 10 000 zł"


def test_submitting_with_an_empty_required_section_is_refused_at_the_section(client, summary, leader):
    services.update_summary(summary=summary, expected_version=1, by=leader, content={"i3": ""})
    with pytest.raises(ValidationError) as error:
        services.submit_summary(summary=summary, by=leader)
    assert any("I.3." in m for m in error.value.messages)
    client.force_login(leader)
    response = client.post(reverse("publications:summary_submit", kwargs={"engagement_pk": summary.engagement_id}))
    page = client.get(response["Location"])
    body = page.content.decode()
    assert 'href="#sekcja-i3"' in body
    assert body.count("Sekcja „I.3. Na czym polega rozwiązanie” jest wymagana") >= 2  # summary and at the section


def test_review_request_changes_then_accept_freezes_and_closes_stage_6(
    summary, engagement, leader, advisors, mailoutbox, approved_plan
):
    summary = fill_summary(summary, by=leader)
    version = services.submit_summary(summary=summary, by=leader)
    assert version.number == 1
    with pytest.raises(ValidationError):
        services.update_summary(summary=summary, expected_version=summary.version, by=leader, content={"i3": "x"})
    services.add_comment(summary=summary, section="i3", text="Dopisz koszty.", by=advisors[0])
    services.request_changes(summary=summary, by=advisors[0], reason="Uzupełnijcie I.6.")
    summary.refresh_from_db()
    assert summary.status == FinalSummary.Status.DRAFT
    services.submit_summary(summary=summary, by=leader)
    accepted = services.accept_summary(summary=summary, by=advisors[1])
    summary.refresh_from_db()
    engagement.refresh_from_db()
    assert accepted.status == SummaryVersion.Status.ACCEPTED and accepted.number == 2
    assert summary.accepted_version == accepted and summary.status == FinalSummary.Status.ACCEPTED
    assert engagement.stage == Stage.COMPLETED
    assert any("zaakceptowane" in m.subject for m in mailoutbox)
    services.start_new_version(summary=summary, by=leader)
    summary.refresh_from_db()
    assert summary.status == FinalSummary.Status.DRAFT and summary.accepted_version.number == 2


def test_an_edition_may_ask_both_advisors_to_accept(summary, engagement, leader, advisors):
    EditionPublishing.objects.create(edition=engagement.edition, both_advisors_accept=True)
    summary = fill_summary(summary, by=leader)
    services.submit_summary(summary=summary, by=leader)
    first = services.accept_summary(summary=summary, by=advisors[0])
    assert first.status == SummaryVersion.Status.IN_REVIEW
    second = services.accept_summary(summary=summary, by=advisors[1])
    assert second.status == SummaryVersion.Status.ACCEPTED


def test_only_the_jsts_advisors_decide(summary, leader, member):
    summary = fill_summary(summary, by=leader)
    services.submit_summary(summary=summary, by=leader)
    with pytest.raises(ValidationError):
        services.accept_summary(summary=summary, by=member)


def test_the_stage_guard_waits_for_an_accepted_summary(engagement):
    from apps.engagements.services import advance_stage

    with pytest.raises(ValidationError) as error:
        advance_stage(engagement=engagement, to=Stage.COMPLETED, by=None)
    assert "Podsumowanie nie zostało jeszcze zaakceptowane" in " ".join(error.value.messages)


def test_the_version_pdf_is_typeset_with_the_text(client, summary, leader):
    summary = fill_summary(summary, by=leader, text="Zespół przygotował wspólny kalendarz szkół.")
    services.submit_summary(summary=summary, by=leader)
    from apps.documents.models import GeneratedDocument

    client.force_login(leader)
    response = client.post(
        reverse("publications:summary_version_pdf", kwargs={"engagement_pk": summary.engagement_id, "number": 1})
    )
    document = GeneratedDocument.objects.get(kind="summary_version_pdf")
    assert response["Location"] == reverse("documents:status", kwargs={"pk": document.pk})
    assert document.is_done, document.error
    download = client.get(reverse("documents:download", kwargs={"pk": document.pk}))
    assert download["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join(download.streaming_content))
    assert "I.8. Rekomendacje" in text and "kalendarz szkół" in text


def test_html_typed_is_shown_as_text(client, summary, leader):
    services.update_summary(
        summary=summary, expected_version=1, by=leader, content={"i3": "<script>alert(1)</script><b>ok</b>"}
    )
    client.force_login(leader)
    body = client.get(reverse("publications:summary", kwargs={"engagement_pk": summary.engagement_id})).content
    assert b"<script>alert(1)" not in body and b"&lt;script&gt;alert(1)" in body


def test_a_photo_needs_alternative_text_and_a_real_image(summary, leader):
    photo = SimpleUploadedFile("zdjecie.png", _png(), content_type="image/png")
    with pytest.raises(ValidationError) as error:
        services.add_attachment(summary=summary, kind="photo", upload=photo, title="Uczniowie", alt_text="", by=leader)
    assert "alt_text" in error.value.error_dict
    fake = SimpleUploadedFile("zdjecie.png", b"<svg onload=alert(1)>", content_type="image/png")
    with pytest.raises(ValidationError) as error:
        services.add_attachment(summary=summary, kind="photo", upload=fake, title="X", alt_text="Opis", by=leader)
    assert "upload" in error.value.error_dict
    ok = services.add_attachment(
        summary=summary,
        kind="photo",
        upload=SimpleUploadedFile("a.png", _png()),
        title="Uczniowie",
        alt_text="Uczniowie przy tablicy",
        by=leader,
    )
    assert ok.content_type == "image/png"


def test_files_are_pdfs_within_the_limit(summary, leader, settings):
    not_pdf = SimpleUploadedFile("wzor.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        services.add_attachment(summary=summary, kind="file", upload=not_pdf, title="Wzór", alt_text="", by=leader)
    assert "upload" in error.value.error_dict
    settings.DOCUMENTS_MAX_UPLOAD_BYTES = 10
    big = SimpleUploadedFile("wzor.pdf", b"%PDF-1.4\n" + b"0" * 100, content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        services.add_attachment(summary=summary, kind="file", upload=big, title="Wzór", alt_text="", by=leader)
    assert "za duży" in " ".join(error.value.messages)


def test_the_attachment_page_shows_refusals_next_to_the_field(client, summary, leader):
    client.force_login(leader)
    url = reverse("publications:attachment_add", kwargs={"engagement_pk": summary.engagement_id})
    response = client.post(
        url, {"kind": "photo", "title": "Zdjęcie", "alt_text": "", "upload": SimpleUploadedFile("a.png", _png())}
    )
    assert response.status_code == 200
    assert "tekst alternatywny" in response.content.decode()


def test_a_summary_in_review_waits_for_its_advisors(summary, engagement, leader, advisors):
    from apps.engagements.hooks import waiting_items
    from apps.engagements.models import Engagement

    summary = fill_summary(summary, by=leader)
    services.submit_summary(summary=summary, by=leader)
    items = [
        i for i in waiting_items(advisors[0], Engagement.objects.filter(pk=engagement.pk)) if i.kind == "summary_review"
    ]
    assert [i.engagement_id for i in items] == [engagement.pk]
    services.accept_summary(summary=summary, by=advisors[0])
    items = [
        i for i in waiting_items(advisors[1], Engagement.objects.filter(pk=engagement.pk)) if i.kind == "summary_review"
    ]
    assert items == []


def test_the_coordinator_edits_a_forms_sections_with_messages_at_the_field(client, db):
    from apps.accounts.factories import MembershipFactory
    from apps.accounts.models import Membership
    from apps.core.testing import sign_in

    coordinator = MembershipFactory(role=Membership.Role.COORDINATOR).user
    sign_in(client, coordinator)
    url = reverse("publications:structure_edit", kwargs={"form": FormCode.REFLECTION_STUDY})
    page = client.get(url).content.decode()
    assert "preparation | Przygotowanie dyskusji | tak | text" in page
    response = client.post(url, {"sections": "a | Sekcja | tak | wideo", "note": ""})
    assert response.status_code == 200 and "Wiersz 1: rodzaj musi być jednym z" in response.content.decode()
    response = client.post(url, {"sections": "a | <b>Sekcja</b> | tak | text", "note": "Próba"})
    assert response.status_code == 302
    assert services.current_structure(form=FormCode.REFLECTION_STUDY).sections[0]["title"] == "<b>Sekcja</b>"
    listing = client.get(reverse("publications:structures")).content.decode()
    assert "&lt;b&gt;Sekcja&lt;/b&gt;" in listing


def test_removing_a_file_asks_first(client, summary, leader):
    from apps.documents.testing import make_pdf

    upload = SimpleUploadedFile("wzor.pdf", make_pdf("Wzór umowy"), content_type="application/pdf")
    item = services.add_attachment(
        summary=summary, kind="file", upload=upload, title="Wzór umowy", alt_text="", by=leader
    )
    client.force_login(leader)
    url = reverse("publications:attachment_remove", kwargs={"engagement_pk": summary.engagement_id, "pk": item.pk})
    page = client.get(url).content.decode()
    assert "Usunięcie pliku z podsumowania" in page and "Wzór umowy" in page
    live = type(item).objects.filter(pk=item.pk, removed_at__isnull=True)
    assert live.exists()  # the question changes nothing
    assert client.post(url).status_code == 302
    assert not live.exists()
