import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.documents.forms import PdfFileField
from apps.documents.testing import make_pdf
from apps.documents.uploads import UploadRejected, validate_pdf_upload


@pytest.fixture(scope="module")
def real_pdf() -> bytes:
    return make_pdf()


def upload(data: bytes, name: str = "karta.pdf", content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def rejection(file, **kwargs) -> UploadRejected:
    with pytest.raises(UploadRejected) as caught:
        validate_pdf_upload(file, **kwargs)
    return caught.value


def test_a_real_pdf_is_accepted_and_left_readable(real_pdf):
    file = upload(real_pdf)
    validate_pdf_upload(file)
    assert file.read() == real_pdf  # rewound for whoever stores it next


@pytest.mark.parametrize("declared", ["application/pdf", "application/x-pdf", "application/octet-stream", ""])
def test_pdf_content_types_and_no_declaration_are_accepted(real_pdf, declared):
    validate_pdf_upload(upload(real_pdf, content_type=declared))


def test_empty_file():
    error = rejection(upload(b""))
    assert error.code == "empty"
    assert error.messages == ["Przesłany plik jest pusty."]


def test_over_the_size_limit_names_the_limit(real_pdf, settings):
    settings.DOCUMENTS_MAX_UPLOAD_BYTES = 2 * 1024 * 1024
    big = real_pdf + b"%" + b"x" * (3 * 1024 * 1024)
    error = rejection(upload(big))
    assert error.code == "too_large"
    assert "Największy dopuszczalny rozmiar to 2 MB" in error.messages[0]
    assert "(3 MB)" in error.messages[0]


def test_the_limit_can_be_given_per_call(real_pdf):
    error = rejection(upload(real_pdf), max_bytes=1000)
    assert error.code == "too_large"
    assert "rozmiar to 1 kB" in error.messages[0]  # a small limit still reads as a number people understand
    validate_pdf_upload(upload(real_pdf), max_bytes=len(real_pdf))  # exactly at the limit is fine


def test_the_default_limit_is_ten_megabytes(settings):
    assert settings.DOCUMENTS_MAX_UPLOAD_BYTES == 10 * 1024 * 1024


def test_a_name_without_pdf_extension(real_pdf):
    error = rejection(upload(real_pdf, name="karta.docx"))
    assert error.code == "extension"
    assert error.messages == ["Plik musi być dokumentem PDF z rozszerzeniem .pdf."]


def test_a_declared_type_that_is_not_pdf(real_pdf):
    error = rejection(upload(real_pdf, content_type="image/png"))
    assert error.code == "content_type"
    assert "image/png" in error.messages[0]


def test_a_lying_content_type_is_caught_by_the_content():
    """A Word file renamed to .pdf, declared as application/pdf by the browser."""
    error = rejection(upload(b"PK\x03\x04 this is a zip (docx) file", content_type="application/pdf"))
    assert error.code == "not_pdf"
    assert "nie zaczyna się od nagłówka PDF" in error.messages[0]


def test_a_pdf_that_cannot_be_parsed():
    error = rejection(upload(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R\ngarbage without end"))
    assert error.code == "unreadable"
    assert "uszkodzony" in error.messages[0]


def test_a_truncated_pdf(real_pdf):
    error = rejection(upload(real_pdf[: len(real_pdf) // 3]))
    assert error.code == "unreadable"


def test_a_password_protected_pdf(real_pdf):
    from io import BytesIO

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(BytesIO(real_pdf)))
    writer.encrypt(user_password="tajne", owner_password="tajne", algorithm="AES-128")
    output = BytesIO()
    writer.write(output)
    error = rejection(upload(output.getvalue()))
    assert error.code == "encrypted"


def test_the_form_field_shows_the_message_next_to_the_field(real_pdf):
    class Form(forms.Form):
        document = PdfFileField(label="Podpisana karta")

    bad = Form(data={}, files={"document": upload(b"not a pdf", name="karta.pdf")})
    assert not bad.is_valid()
    assert "nie zaczyna się od nagłówka PDF" in bad.errors["document"][0]
    assert 'accept=".pdf,application/pdf"' in str(bad["document"])
    good = Form(data={}, files={"document": upload(real_pdf)})
    assert good.is_valid(), good.errors
