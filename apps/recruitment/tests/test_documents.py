"""The three signed documents: uploads with signature checks, paper receipts, rejections, and the deadline rule
(the date of receipt decides, Europe/Warsaw, across daylight-saving changes)."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.audit.selectors import history_of
from apps.documents.testing import make_pdf, make_signed_pdf
from apps.editions.factories import EditionFactory
from apps.recruitment import services
from apps.recruitment.completeness import call_is_open
from apps.recruitment.factories import ApplicationFactory, SubmittedApplicationFactory
from apps.recruitment.kinds import DeliveryMethod, DocumentKind
from apps.recruitment.models import Application

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def unsigned() -> bytes:
    return make_pdf("Deklaracja współpracy: Gmina Bolesławiec")


@pytest.fixture(scope="module")
def signed(unsigned) -> bytes:
    return make_signed_pdf(unsigned, "Anna Nowak")


def upload(data: bytes, name="deklaracja.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.fixture
def submitted(edition, jst, applicant):
    return SubmittedApplicationFactory(edition=edition, local_government=jst, applicant=applicant)


def test_a_signed_pdf_is_checked_and_the_signer_kept(submitted, applicant, signed):
    receipt = services.upload_document(
        application=submitted,
        kind=DocumentKind.DECLARATION,
        method=DeliveryMethod.SIGNED_PDF,
        uploaded_file=upload(signed),
        by=applicant,
    )
    assert receipt.signature_state == "intact"
    assert receipt.signatures[0]["signer_name"] == "Anna Nowak"
    assert receipt.signatures[0]["summary"].startswith("Podpis nienaruszony; podpisał(a): Anna Nowak")
    assert receipt.received_on == timezone.localdate() and not receipt.is_late
    with receipt.file.open("rb") as handle:
        assert handle.read() == signed
    assert receipt.filename == "deklaracja.pdf"
    assert not receipt.file.name.endswith("deklaracja.pdf")  # our own name on disk
    submitted.refresh_from_db()
    assert submitted.documents_received == 1 and not submitted.documents_complete
    entry = history_of(submitted).get(action="application.document_uploaded")
    assert entry.changes["signatures"] == [receipt.signatures[0]["summary"]]


def test_a_pdf_altered_after_signing_is_reported_broken(submitted, applicant, signed):
    tampered = signed[:7] + (b"6" if signed[7:8] != b"6" else b"5") + signed[8:]
    receipt = services.upload_document(
        application=submitted,
        kind=DocumentKind.DECLARATION,
        method=DeliveryMethod.SIGNED_PDF,
        uploaded_file=upload(tampered),
        by=applicant,
    )
    assert receipt.signature_state == "broken"
    assert receipt.signatures[0]["summary"].startswith("Podpis naruszony")


def test_an_unsigned_pdf_offered_as_signed_is_refused_with_advice(submitted, applicant, unsigned):
    with pytest.raises(ValidationError) as error:
        services.upload_document(
            application=submitted,
            kind=DocumentKind.CARD,
            method=DeliveryMethod.SIGNED_PDF,
            uploaded_file=upload(unsigned),
            by=applicant,
        )
    assert "nie ma podpisu elektronicznego" in error.value.message_dict["file"][0]
    assert not submitted.receipts.exists()


def test_a_scan_is_marked_as_such(submitted, applicant, unsigned):
    receipt = services.upload_document(
        application=submitted,
        kind=DocumentKind.CARD,
        method=DeliveryMethod.SCAN,
        uploaded_file=upload(unsigned),
        by=applicant,
    )
    assert receipt.method == DeliveryMethod.SCAN and receipt.signature_state == "none"


@pytest.mark.parametrize(
    ("file", "fragment"),
    [
        (lambda pdf: upload(b"GIF89a not a pdf", name="karta.pdf"), "nie jest dokumentem PDF"),
        (lambda pdf: upload(pdf, content_type="image/png"), "przeglądarka podała typ image/png"),
        (lambda pdf: upload(b"%PDF-1.7\nbroken", name="karta.pdf"), "uszkodzony"),
        (lambda pdf: upload(pdf, name="karta.docx"), "rozszerzeniem .pdf"),
        (lambda pdf: upload(b""), "pusty"),
    ],
)
def test_bad_uploads_are_refused_and_nothing_is_stored(submitted, applicant, unsigned, file, fragment):
    with pytest.raises(ValidationError) as error:
        services.upload_document(
            application=submitted,
            kind=DocumentKind.CARD,
            method=DeliveryMethod.SCAN,
            uploaded_file=file(unsigned),
            by=applicant,
        )
    assert fragment in " ".join(error.value.messages)
    assert not submitted.receipts.exists()


def test_an_upload_over_the_size_limit_is_refused(submitted, applicant, unsigned, settings):
    settings.DOCUMENTS_MAX_UPLOAD_BYTES = len(unsigned) - 1
    with pytest.raises(ValidationError, match="za duży"):
        services.upload_document(
            application=submitted,
            kind=DocumentKind.CARD,
            method=DeliveryMethod.SCAN,
            uploaded_file=upload(unsigned),
            by=applicant,
        )


def test_documents_are_not_taken_for_a_draft(edition, jst, applicant, unsigned):
    draft = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant)
    with pytest.raises(ValidationError, match="złożonego zgłoszenia"):
        services.upload_document(
            application=draft,
            kind=DocumentKind.CARD,
            method=DeliveryMethod.SCAN,
            uploaded_file=upload(unsigned),
            by=applicant,
        )


def test_paper_receipts_complete_the_set_and_late_ones_are_marked(submitted, organiser, edition):
    deadline = edition.recruitment_deadline
    # The deadline is in the future in this edition: move it back so that receipt dates can be in the past.
    edition.recruitment_opens_on = timezone.localdate() - timedelta(days=20)
    edition.recruitment_deadline = deadline = timezone.localdate() - timedelta(days=2)
    edition.save()
    services.record_receipt(
        application=submitted, kind=DocumentKind.CARD, received_on=deadline - timedelta(days=1), by=organiser
    )
    services.record_receipt(application=submitted, kind=DocumentKind.DECLARATION, received_on=deadline, by=organiser)
    submitted.refresh_from_db()
    assert submitted.documents_received == 2 and not submitted.has_late_documents
    late = services.record_receipt(
        application=submitted, kind=DocumentKind.STATEMENTS, received_on=deadline + timedelta(days=1), by=organiser
    )
    assert late.is_late
    submitted.refresh_from_db()
    assert submitted.documents_complete_on == deadline + timedelta(days=1)
    assert submitted.has_late_documents and not submitted.documents_in_time
    # A later, in-time delivery cannot exist; an earlier receipt of the same document would count instead.
    assert submitted.receipts.count() == 3


def test_a_receipt_date_in_the_future_is_refused(submitted, organiser):
    with pytest.raises(ValidationError) as error:
        services.record_receipt(
            application=submitted,
            kind=DocumentKind.CARD,
            received_on=timezone.localdate() + timedelta(days=1),
            by=organiser,
        )
    assert "z przyszłości" in error.value.message_dict["received_on"][0]


def test_a_rejected_receipt_stays_on_record_and_stops_counting(submitted, organiser, applicant, unsigned):
    receipt = services.upload_document(
        application=submitted,
        kind=DocumentKind.CARD,
        method=DeliveryMethod.SCAN,
        uploaded_file=upload(unsigned),
        by=applicant,
    )
    with pytest.raises(ValidationError):
        services.reject_receipt(receipt=receipt, reason=" ", by=organiser)
    services.reject_receipt(receipt=receipt, reason="Nieczytelny skan", by=organiser)
    submitted.refresh_from_db()
    assert submitted.documents_received == 0
    receipt.refresh_from_db()
    assert receipt.is_rejected and receipt.file  # never deleted


# The deadline: the end of the deadline day in Warsaw, whatever the season ------------------------------------------


def warsaw(*args) -> datetime:
    from apps.editions.models import PROGRAMME_TZ

    return datetime(*args, tzinfo=PROGRAMME_TZ)


def edition_with_deadline(organisation, catalogue, deadline: date):
    return EditionFactory(
        organiser=organisation,
        catalogue_version=catalogue,
        published=True,
        recruitment_opens_on=deadline - timedelta(days=30),
        recruitment_deadline=deadline,
        results_date=deadline + timedelta(days=4),
        period_start=deadline + timedelta(days=30),
        period_end=deadline + timedelta(days=300),
    )


@pytest.mark.parametrize(
    ("deadline", "last_second_utc", "first_late_utc"),
    [
        # The last Sunday of October 2026: clocks go back at 03:00 CEST, so the day ends at 23:59:59 CET (UTC+1).
        (date(2026, 10, 25), datetime(2026, 10, 25, 22, 59, 59, tzinfo=UTC), datetime(2026, 10, 25, 23, 0, tzinfo=UTC)),
        # The day before, still in summer time (UTC+2).
        (date(2026, 10, 24), datetime(2026, 10, 24, 21, 59, 59, tzinfo=UTC), datetime(2026, 10, 24, 22, 0, tzinfo=UTC)),
        # The last Sunday of March 2027: clocks go forward at 02:00, the day ends in summer time (UTC+2).
        (date(2027, 3, 28), datetime(2027, 3, 28, 21, 59, 59, tzinfo=UTC), datetime(2027, 3, 28, 22, 0, tzinfo=UTC)),
        # Winter (UTC+1).
        (date(2027, 1, 15), datetime(2027, 1, 15, 22, 59, 59, tzinfo=UTC), datetime(2027, 1, 15, 23, 0, tzinfo=UTC)),
    ],
)
def test_the_deadline_is_the_end_of_the_day_in_warsaw(
    organisation, catalogue, jst, applicant, unsigned, deadline, last_second_utc, first_late_utc
):
    edition = edition_with_deadline(organisation, catalogue, deadline)
    # The same moments written in Warsaw time: 23:59:59 on the deadline day and 00:00:00 the next day.
    assert last_second_utc == warsaw(deadline.year, deadline.month, deadline.day, 23, 59, 59)
    next_day = deadline + timedelta(days=1)
    assert first_late_utc == warsaw(next_day.year, next_day.month, next_day.day, 0, 0, 0)

    assert call_is_open(edition, at=last_second_utc)
    assert not call_is_open(edition, at=first_late_utc)

    application = SubmittedApplicationFactory(edition=edition, local_government=jst, applicant=applicant)
    on_time = services.upload_document(
        application=application,
        kind=DocumentKind.CARD,
        method=DeliveryMethod.SCAN,
        uploaded_file=upload(unsigned),
        by=applicant,
        at=last_second_utc,
    )
    late = services.upload_document(
        application=application,
        kind=DocumentKind.DECLARATION,
        method=DeliveryMethod.SCAN,
        uploaded_file=upload(unsigned),
        by=applicant,
        at=first_late_utc,
    )
    assert on_time.received_on == deadline and not on_time.is_late
    assert late.received_on == next_day and late.is_late
    application.refresh_from_db()
    assert application.has_late_documents


def test_submission_closes_at_the_end_of_the_deadline_day(organisation, catalogue, jst, applicant, monkeypatch):
    deadline = date(2026, 10, 25)
    edition = edition_with_deadline(organisation, catalogue, deadline)
    on_time = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant)
    monkeypatch.setattr(timezone, "now", lambda: warsaw(2026, 10, 25, 23, 59, 59))
    services.submit_application(application=on_time, by=applicant)
    on_time.refresh_from_db()
    assert on_time.status == Application.Status.SUBMITTED

    from apps.territory.factories import LocalGovernmentFactory

    too_late = ApplicationFactory(edition=edition, local_government=LocalGovernmentFactory(), applicant=applicant)
    monkeypatch.setattr(timezone, "now", lambda: warsaw(2026, 10, 26, 0, 0, 0))
    with pytest.raises(ValidationError, match="Nabór zakończył się 25.10.2026 o północy"):
        services.submit_application(application=too_late, by=applicant)
