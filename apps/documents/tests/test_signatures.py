from datetime import timedelta

import pytest
from django.utils import timezone

from apps.documents.signatures import inspect_pdf_signatures
from apps.documents.testing import make_pdf, make_signed_pdf, make_signing_identity, sign_pdf
from apps.documents.uploads import UploadRejected


@pytest.fixture(scope="module")
def unsigned() -> bytes:
    return make_pdf("Deklaracja współpracy: zażółć gęślą jaźń")


@pytest.fixture(scope="module")
def signed(unsigned) -> bytes:
    return make_signed_pdf(unsigned, "Jan Kowalski")


def only(reports):
    assert len(reports) == 1, reports
    return reports[0]


def test_an_unsigned_pdf_has_no_signatures(unsigned):
    assert inspect_pdf_signatures(unsigned) == []


def test_an_intact_signature_names_the_signer(signed):
    report = only(inspect_pdf_signatures(signed))
    assert report.intact is True
    assert report.covers_whole_document is True
    assert report.signer_name == "Jan Kowalski"
    assert "Jan Kowalski" in report.signer_subject
    assert "Jan Kowalski" in report.issuer  # self-signed
    assert report.field_name == "Podpis"
    assert report.trusted is None  # no trust list configured
    assert abs(report.signed_at - timezone.now()) < timedelta(minutes=5)
    assert report.summary == (
        "Podpis nienaruszony; podpisał(a): Jan Kowalski (certyfikat niezweryfikowany z listą zaufanych wystawców)."
    )
    assert report.acceptable


def test_a_byte_changed_inside_the_signed_range_breaks_the_signature(signed):
    # The header's version digit is inside the signed byte range, and changing it leaves the file readable.
    assert signed.startswith(b"%PDF-1.")
    tampered = signed[:7] + (b"6" if signed[7:8] != b"6" else b"5") + signed[8:]
    report = only(inspect_pdf_signatures(tampered))
    assert report.intact is False
    assert report.covers_whole_document is False
    assert report.signer_name == "Jan Kowalski"
    assert report.summary.startswith("Podpis naruszony")
    assert not report.acceptable


def test_a_changed_word_in_the_signed_text_breaks_the_signature(signed):
    """The kind of change a forger wants: same length, different content, in the document body."""
    marker = b"/Title"
    assert marker in signed[: signed.rindex(b"/ByteRange")]
    position = signed.index(marker)
    tampered = signed[:position] + b"/Tytle" + signed[position + len(marker) :]
    assert only(inspect_pdf_signatures(tampered)).intact is False


def test_content_added_after_signing_is_reported(signed):
    from io import BytesIO

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(signed), strict=False)
    writer.root["/Lang"] = generic.pdf_string("en")  # a change to the document catalogue after signing
    writer.update_root()
    output = BytesIO()
    writer.write(output)
    report = only(inspect_pdf_signatures(output.getvalue()))
    assert report.intact is True  # the signed bytes themselves are unchanged
    assert report.covers_whole_document is False
    assert "po podpisaniu do dokumentu dodano zmiany" in report.summary
    assert not report.acceptable


def test_a_second_signature_is_an_allowed_update(signed):
    countersigned = sign_pdf(signed, make_signing_identity("Anna Nowak"), field_name="Podpis2")
    first, second = inspect_pdf_signatures(countersigned)
    assert (first.signer_name, second.signer_name) == ("Jan Kowalski", "Anna Nowak")
    assert first.intact and first.covers_whole_document
    assert second.intact and second.covers_whole_document


def test_garbage_is_refused_with_a_polish_message():
    with pytest.raises(UploadRejected) as caught:
        inspect_pdf_signatures(b"\x00\x01 definitely not a pdf")
    assert caught.value.code == "not_pdf"


def test_a_damaged_pdf_is_refused(signed):
    with pytest.raises(UploadRejected) as caught:
        inspect_pdf_signatures(signed[:200])
    assert caught.value.code == "unreadable"


def test_damaged_signature_data_gives_a_report_not_an_exception(signed):
    start = signed.index(b"/Contents <") + len(b"/Contents <")
    damaged = signed[:start] + b"00" * 40 + signed[start + 80 :]  # zero the start of the CMS blob
    report = only(inspect_pdf_signatures(damaged))
    assert report.intact is False
    assert report.covers_whole_document is False
    assert report.summary.startswith("Nie udało się sprawdzić podpisu")


class TestTrustList:
    def test_a_signer_from_the_trust_list_is_trusted(self, unsigned, settings, tmp_path):
        identity = make_signing_identity("Urząd Gminy Alfa")
        bundle = tmp_path / "trust.pem"
        bundle.write_bytes(identity.certificate_pem)
        settings.SIGNATURE_TRUST_ROOTS = str(bundle)
        report = only(inspect_pdf_signatures(sign_pdf(unsigned, identity)))
        assert report.trusted is True
        assert "certyfikat zweryfikowany z listą zaufanych wystawców" in report.summary

    def test_a_signer_outside_the_trust_list_is_not_trusted(self, signed, settings, tmp_path):
        bundle = tmp_path / "trust.pem"
        bundle.write_bytes(make_signing_identity("Ktoś inny").certificate_pem)
        settings.SIGNATURE_TRUST_ROOTS = str(bundle)
        report = only(inspect_pdf_signatures(signed))
        assert report.intact is True
        assert report.trusted is False
        assert "certyfikat nie pochodzi od zaufanego wystawcy" in report.summary
        assert not report.acceptable
