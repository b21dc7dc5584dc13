"""MEDIA_STORAGE=s3 and its S3_* variables build a working storage; mistakes stop
the start with the variable's name."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Writes a file through the configured default storage and reads it back.
ROUND_TRIP = """
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
name = default_storage.save("activiteiten/2024/05/proef.txt", ContentFile(b"via de settings"))
print(type(default_storage._wrapped).__name__, name, default_storage.url(name))
print(default_storage.open(name).read().decode())
"""


def run(env: dict, *args: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "MEDIA_", "S3_", "AWS_"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_s3_settings_from_the_environment_reach_the_bucket(s3_endpoint, s3_bucket, tmp_path):
    result = run(
        {
            "MEDIA_STORAGE": "s3",
            "MEDIA_ROOT": str(tmp_path / "unused"),
            "S3_ENDPOINT_URL": s3_endpoint,
            "S3_BUCKET": s3_bucket.name,
            "S3_REGION": "eu-west-1",
            "S3_ACCESS_KEY_ID": "test-access-key",
            "S3_SECRET_ACCESS_KEY": "test-secret-key",
            "S3_ADDRESSING_STYLE": "path",
            "S3_PREFIX": "/sterkewijken/",
        },
        "shell",
        "--no-imports",
        "-c",
        ROUND_TRIP,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == [
        "PrivateS3Storage activiteiten/2024/05/proef.txt /media/activiteiten/2024/05/proef.txt",
        "via de settings",
    ]
    assert s3_bucket.keys() == ["sterkewijken/activiteiten/2024/05/proef.txt"]
    assert not (tmp_path / "unused").exists()


def test_local_disk_is_the_default(tmp_path):
    result = run({"MEDIA_ROOT": str(tmp_path / "media")}, "shell", "--no-imports", "-c", ROUND_TRIP)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("FileSystemStorage activiteiten/2024/05/proef.txt /media/")
    assert (tmp_path / "media" / "activiteiten" / "2024" / "05" / "proef.txt").exists()


@pytest.mark.parametrize(
    "env, named",
    [
        ({"MEDIA_STORAGE": "s3"}, "S3_BUCKET"),
        (
            {"MEDIA_STORAGE": "s3", "S3_BUCKET": "b", "S3_ADDRESSING_STYLE": "dns"},
            "S3_ADDRESSING_STYLE",
        ),
        ({"MEDIA_STORAGE": "azure"}, "MEDIA_STORAGE"),
    ],
)
def test_a_wrong_storage_setting_stops_the_start(env, named):
    result = run(env, "check")
    assert result.returncode != 0
    assert named in result.stderr


def test_production_with_object_storage_passes_check_deploy():
    result = run(
        {
            "DJANGO_ENV": "production",
            "DJANGO_SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789" * 2,
            "DJANGO_ALLOWED_HOSTS": "sterkewijken.example.org",
            "DATABASE_URL": "sqlite:////tmp/sw-check.sqlite3",
            "MEDIA_STORAGE": "s3",
            "S3_BUCKET": "sterkewijken-media",
            "S3_ENDPOINT_URL": "https://s3.example.nl",
        },
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr
