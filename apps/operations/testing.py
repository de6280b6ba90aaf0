"""An S3 emulator for tests: moto's server mode on a free port (real HTTP, so django-storages and boto3 take the
same path as against a real object store), and the settings that point the private files at a fresh bucket."""

import socket
import uuid
from contextlib import contextmanager

from config.settings.base import s3_private_storage

CREDENTIALS = {"access_key": "testing", "secret_key": "testing", "region_name": "eu-central-1"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def s3_server():
    """Yields the endpoint URL of a moto S3 server running for the duration of the block."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


def s3_client(endpoint: str):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=CREDENTIALS["access_key"],
        aws_secret_access_key=CREDENTIALS["secret_key"],
        region_name=CREDENTIALS["region_name"],
    )


def use_bucket(settings, endpoint: str, bucket: str | None = None) -> str:
    """Create a bucket and send the private files there (``settings`` is pytest-django's fixture)."""
    bucket = bucket or f"private-{uuid.uuid4().hex[:12]}"
    s3_client(endpoint).create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": CREDENTIALS["region_name"]}
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "private": s3_private_storage(bucket, endpoint_url=endpoint, **CREDENTIALS),
    }
    return bucket


def bucket_keys(endpoint: str, bucket: str) -> list[str]:
    listing = s3_client(endpoint).list_objects_v2(Bucket=bucket)
    return sorted(item["Key"] for item in listing.get("Contents", []))
