"""Private files in S3-compatible object storage (django-storages against moto's S3 server, started here): written
there, read back only through the permission-checked views, never given a URL, deleted from the bucket."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.accounts.factories import MembershipFactory, OrganisationFactory
from apps.accounts.models import Membership
from apps.core.testing import sign_in
from apps.documents.jobs import request_document
from apps.documents.storage import private_storage
from apps.operations.testing import bucket_keys, s3_server, use_bucket

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def endpoint():
    with s3_server() as url:
        yield url


@pytest.fixture
def bucket(settings, endpoint):
    return use_bucket(settings, endpoint)


def _staff(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.STAFF).user


def test_generated_file_goes_to_the_bucket_and_is_streamed_after_the_permission_check(client, endpoint, bucket):
    organisation = OrganisationFactory()
    member = _staff(organisation)
    document = request_document(
        target=organisation, kind="summary", title="Podsumowanie",
        builder="apps.documents.testing.build_summary_pdf", view_action="organisation.view", by=member,
    )  # fmt: skip
    assert type(private_storage._wrapped).__name__ == "PrivateS3Storage"
    assert bucket_keys(endpoint, bucket) == [f"private/{document.file.name}"]
    url = reverse("documents:download", args=[document.pk])

    sign_in(client, member)
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")

    sign_in(client, _staff(OrganisationFactory()))  # staff of another organiser
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the login page

    with pytest.raises(ValueError):
        document.file.url  # noqa: B018 - no presigned URL that would bypass the check


def test_upload_and_deletion(endpoint, bucket):
    upload = SimpleUploadedFile("podpisany.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 100, "application/pdf")
    name = private_storage.save("recruitment/podpisany.pdf", upload)
    assert bucket_keys(endpoint, bucket) == [f"private/{name}"]
    with private_storage.open(name, "rb") as handle:
        assert handle.read() == b"%PDF-1.7\n" + bytes(range(256)) * 100
    # A second file of the same name never overwrites the first.
    other = private_storage.save("recruitment/podpisany.pdf", SimpleUploadedFile("x.pdf", b"%PDF-other"))
    assert other != name and len(bucket_keys(endpoint, bucket)) == 2
    private_storage.delete(name)
    private_storage.delete(other)
    assert bucket_keys(endpoint, bucket) == []
    assert not private_storage.exists(name)


def test_local_disk_stays_the_default(settings, tmp_path):
    assert settings.STORAGES["private"]["BACKEND"] == "apps.documents.storage.PrivateStorage"
    name = private_storage.save("a/b.txt", SimpleUploadedFile("b.txt", b"local"))
    assert (tmp_path / "media" / "private" / name).read_bytes() == b"local"
