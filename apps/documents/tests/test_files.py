"""The one attachment check: the content decides the kind, whatever the name or the declared type."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.documents.files import check_file, detect


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "extension"),
    [(b"%PDF-1.7\n", ".pdf"), (b"\x89PNG\r\n\x1a\n....", ".png"), (b"\xff\xd8\xff\xe0", ".jpg"), (_docx(), ".docx")],
)
def test_the_content_decides_the_kind_whatever_the_name(content, extension):
    assert detect(SimpleUploadedFile("plik.exe", content)).extension == extension


def test_a_script_named_pdf_is_refused_with_the_allowed_kinds_named():
    with pytest.raises(ValidationError) as error:
        check_file(SimpleUploadedFile("skrypt.pdf", b"#!/bin/sh\n", "application/pdf"), field="file", max_bytes=100)
    [message] = error.value.message_dict["file"]
    assert "nie można dołączyć" in message and "PDF" in message


def test_size_and_emptiness_are_refused_and_a_named_check_names_the_file():
    with pytest.raises(ValidationError, match="pusty"):
        check_file(SimpleUploadedFile("a.pdf", b""), field="file", max_bytes=100)
    with pytest.raises(ValidationError) as error:
        check_file(SimpleUploadedFile("duży.pdf", b"%PDF-" + b"x" * 2000), field="files", max_bytes=1024, named=True)
    [message] = error.value.message_dict["files"]
    assert message.startswith("Plik duży.pdf: ") and "za duży (2 kB)" in message and "1 kB" in message


def test_a_photo_field_takes_only_images():
    assert check_file(SimpleUploadedFile("z.png", b"\x89PNG\r\n\x1a\n"), field="photo", max_bytes=99, images_only=True)
    with pytest.raises(ValidationError, match="To nie jest zdjęcie"):
        check_file(SimpleUploadedFile("z.jpg", b"%PDF-1.4"), field="photo", max_bytes=99, images_only=True)
