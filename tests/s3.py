"""An S3 server on the loopback address for the tests (moto's server mode).

The storage speaks real HTTP to it, signed requests and all, so the tests use
the same code path as MinIO, Ceph or AWS in production. Each test gets a bucket
of its own; the server lives as long as the test process.
"""

from __future__ import annotations

import uuid

import pytest

REGION = "eu-west-1"
# moto accepts any key; these are not secrets.
ACCESS_KEY = "test-access-key"
SECRET_KEY = "test-secret-key"


@pytest.fixture(scope="session")
def s3_endpoint() -> str:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


class Bucket:
    """A test's bucket, read directly with boto3 (around the app's storage)."""

    def __init__(self, endpoint: str, name: str):
        import boto3

        self.name = name
        self.client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )

    def keys(self) -> list[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", ()))

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def put(self, key: str, body: bytes) -> None:
        self.client.put_object(Bucket=self.name, Key=key, Body=body)


def s3_storages(endpoint: str, bucket: str, prefix: str = "") -> dict:
    """The STORAGES setting of MEDIA_STORAGE=s3 (as sterkewijken/settings.py builds it)."""
    from django.conf import settings

    return {
        **settings.STORAGES,
        "default": {
            "BACKEND": "core.s3.PrivateS3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "location": prefix,
                "endpoint_url": endpoint,
                "region_name": REGION,
                "access_key": ACCESS_KEY,
                "secret_key": SECRET_KEY,
                "addressing_style": "path",
                "signature_version": "s3v4",
            },
        },
    }


@pytest.fixture
def s3_bucket(s3_endpoint) -> Bucket:
    """A new, empty bucket on the test S3 server."""
    bucket = Bucket(s3_endpoint, f"sterkewijken-{uuid.uuid4().hex[:12]}")
    bucket.client.create_bucket(
        Bucket=bucket.name, CreateBucketConfiguration={"LocationConstraint": REGION}
    )
    return bucket


@pytest.fixture
def s3_media(settings, s3_endpoint, s3_bucket, tmp_path) -> Bucket:
    """Media on the test S3 server instead of the local disk.

    MEDIA_ROOT points at a folder that must stay empty: a file that lands there
    was written around the storage.
    """
    settings.MEDIA_ROOT = tmp_path / "media-must-stay-empty"
    settings.STORAGES = s3_storages(s3_endpoint, s3_bucket.name)
    yield s3_bucket
    assert not settings.MEDIA_ROOT.exists(), "a file was written to the disk, not to S3"


@pytest.fixture(params=["local", "s3"])
def media_backend(request) -> str:
    """Runs a test once with media on the local disk, once on the test S3 server."""
    request.getfixturevalue("media_root" if request.param == "local" else "s3_media")
    return request.param
