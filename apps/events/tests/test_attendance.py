import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from apps.core.testing import sign_in
from apps.documents.pdf import pdf_text
from apps.events import selectors, services
from apps.events.factories import RegistrationFactory
from apps.events.models import CheckIn

from .conftest import data


def register(cast, user, **overrides):
    return services.register(
        event=cast.event, user=user, by=user, privacy_acknowledged=True, **data(cast.event, **overrides)
    )


def test_check_in_by_code_once_per_day_even_twice(cast):
    anna = register(cast, cast.anna)
    day = cast.event.starts_on
    entry, new = services.check_in(event=cast.event, by=cast.organiser, code=anna.code.lower(), day=day)
    assert new
    again, new = services.check_in(event=cast.event, by=cast.organiser, code=anna.code, day=day)
    assert not new and again.pk == entry.pk
    assert CheckIn.objects.count() == 1


def test_a_code_for_another_event_or_an_unknown_code_is_refused(cast):
    elsewhere = RegistrationFactory()
    with pytest.raises(ValidationError) as error:
        services.check_in(event=cast.event, by=cast.organiser, code=elsewhere.code, day=cast.event.starts_on)
    assert "innego wydarzenia" in error.value.message_dict["code"][0]
    with pytest.raises(ValidationError, match="Nie ma uczestnika"):
        services.check_in(event=cast.event, by=cast.organiser, code="XXXX", day=cast.event.starts_on)


def test_attendance_per_person_and_per_jst_and_teams_that_missed(cast, settings):
    anna = register(cast, cast.anna)
    register(cast, cast.dawid)
    services.check_in(event=cast.event, by=cast.organiser, registration=anna, day=cast.event.starts_on)
    rows = {r.registration.full_name: r.count for r in selectors.attendance_of(cast.event)}
    assert rows == {"Anna Nowak": 1, "Dawid Kot": 0}
    by_jst = {r.engagement.pk: (r.registered, r.present) for r in selectors.attendance_by_jst(cast.event)}
    assert by_jst == {cast.rural.pk: (1, 1), cast.powiat.pk: (1, 0)}


def test_the_check_in_page_on_a_phone_and_the_attendance_pdf(cast, client):
    anna = register(cast, cast.anna)
    register(cast, cast.bartek)
    sign_in(client, cast.organiser)
    url = reverse("events:check_in", kwargs={"pk": cast.event.pk})
    day = cast.event.starts_on.isoformat()
    response = client.post(url, {"code": anna.code, "day": day})
    assert response.status_code == 302
    response = client.post(url, {"code": anna.code, "day": day}, follow=True)
    assert "była/był już potwierdzona/y" in response.content.decode()
    response = client.post(url, {"code": "ZZZZZZZZ", "day": day})
    assert response.status_code == 200 and "Nie ma uczestnika" in response.content.decode()
    response = client.get(url + "?szukaj=Lis&dzien=" + day)
    assert "Bartosz Lis" in response.content.decode()
    # The list is built in the background (immediately in tests): the button leads to the document's status page
    # with its progress, and the finished PDF downloads from there.
    started = client.post(
        reverse("events:attendance_pdf", kwargs={"pk": cast.event.pk}), {"dzien": day, "grupa": "rural_gminy"}
    )
    from apps.documents.models import GeneratedDocument

    document = GeneratedDocument.objects.get(kind=f"attendance:{day}:rural_gminy")
    assert started.status_code == 302 and started["Location"] == reverse("documents:status", kwargs={"pk": document.pk})
    assert document.status == "done" and document.progress == 100, document.error
    status = client.get(started["Location"])
    assert status.status_code == 200
    pdf = client.get(reverse("documents:download", kwargs={"pk": document.pk}))
    assert pdf.status_code == 200
    text = pdf_text(b"".join(pdf.streaming_content) if pdf.streaming else pdf.content)
    assert "Lista obecności" in text and "Anna Nowak" in text and "Bartosz Lis" in text and "Podpis" in text
    assert "Dawid Kot" not in text
    # Another day or group is another job; the same one asked again while it runs is joined, not duplicated.
    client.post(reverse("events:attendance_pdf", kwargs={"pk": cast.event.pk}), {"dzien": day})
    assert GeneratedDocument.objects.filter(kind=f"attendance:{day}:all", status="done").exists()
    attendance = client.get(reverse("events:scans", kwargs={"pk": cast.event.pk})).content.decode()
    assert reverse("documents:status", kwargs={"pk": document.pk}) in attendance


def test_certificates_for_those_who_attended_verified_publicly_and_refused_otherwise(cast, client):
    from apps.documents.jobs import request_document
    from apps.events.models import Certificate

    anna = register(cast, cast.anna)
    bartek = register(cast, cast.bartek)
    for day in cast.event.days:
        services.check_in(event=cast.event, by=cast.organiser, registration=anna, day=day)
    services.check_in(event=cast.event, by=cast.organiser, registration=bartek, day=cast.event.starts_on)
    with pytest.raises(ValidationError, match="nie otrzyma zaświadczenia"):
        services.issue_certificate(registration=bartek, by=cast.organiser)
    document = request_document(
        target=cast.event,
        kind="certificates_zip",
        title="Zaświadczenia",
        builder="apps.events.documents.build_certificates_zip",
        view_action="event.desk",
        by=cast.organiser,
    )
    assert document.status == "done", document.error
    import io
    import zipfile

    with document.file.open("rb") as handle:
        names = zipfile.ZipFile(io.BytesIO(handle.read())).namelist()
    certificate = Certificate.objects.get()
    assert certificate.registration == anna and names == [f"zaswiadczenie-anna-nowak-{certificate.code}.pdf"]
    page = client.get(reverse("events:verify", kwargs={"code": certificate.code}))
    assert page.status_code == 200 and "Anna Nowak" in page.content.decode()
    assert client.get(reverse("events:verify", kwargs={"code": "NIEMA"})).status_code == 404
    sign_in(client, cast.organiser)
    pdf = client.get(reverse("events:certificate_download", kwargs={"pk": cast.event.pk, "registration_pk": anna.pk}))
    text = pdf_text(pdf.content)
    assert "Zaświadczenie o udziale" in text and "Anna Nowak" in text and certificate.code in text
    refused = client.get(
        reverse("events:certificate_download", kwargs={"pk": cast.event.pk, "registration_pk": bartek.pk}), follow=True
    )
    assert "nie otrzyma zaświadczenia" in refused.content.decode()


def test_an_advisor_is_shown_the_jsts_whose_team_missed_a_past_event(cast):
    from datetime import timedelta

    from django.utils import timezone

    from apps.engagements.factories import AdvisorAssignmentFactory
    from apps.events.hooks import missed_event_cards

    advisor = AdvisorAssignmentFactory(engagement=cast.powiat).user
    AdvisorAssignmentFactory(engagement=cast.rural, user=advisor, role="management")
    anna = register(cast, cast.anna)
    register(cast, cast.dawid)
    services.check_in(event=cast.event, by=cast.organiser, registration=anna, day=cast.event.starts_on)
    planned = cast.event.planned_event
    planned.starts_on = timezone.localdate() - timedelta(days=3)
    planned.ends_on = timezone.localdate() - timedelta(days=2)
    planned.save()
    cards = missed_event_cards(advisor)
    assert len(cards) == 1
    assert cast.powiat.local_government.display_name in cards[0]["text"]
    assert cast.rural.local_government.display_name not in cards[0]["text"]
    assert [row.engagement for row in selectors.teams_missing(cast.event)] == [cast.powiat]


def test_the_qr_holds_the_check_in_address_and_a_scanned_address_checks_in(cast):
    from apps.events.services.notices import check_in_address

    anna = register(cast, cast.anna)
    scanned = check_in_address(registration=anna)
    assert scanned.endswith(f"/obecnosc/?kod={anna.code}")
    entry, new = services.check_in(event=cast.event, by=cast.organiser, code=scanned, day=cast.event.starts_on)
    assert new and entry.registration == anna
    assert "<svg" in services.qr_svg(registration=anna)
