"""A backup restored into an emptied instance brings back every record and file."""

import os
import stat

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError

from buurtservice.models import Klus
from core.storage import stored_files
from initiatieven.models import Initiatief
from makelaars.models import Activiteit
from tests.factories import ActiviteitFactory, InitiatiefFactory, KlusFactory, WijkFactory
from tests.s3 import s3_storages
from wijken.models import Gebied, Wijk


def snapshot() -> dict:
    return {
        "gebieden": sorted(Gebied.objects.values_list("naam", flat=True)),
        "wijken": sorted(Wijk.objects.values_list("naam", flat=True)),
        "activiteiten": sorted(Activiteit.objects.values_list("titel", "bewoners_bereikt")),
        "initiatieven": sorted(Initiatief.objects.values_list("naam", flat=True)),
        "klussen": sorted(Klus.objects.values_list("aanvrager_adres", "status")),
    }


PHOTO = "activiteiten/2023/foto.jpg"
PHOTO_BYTES = b"\xff\xd8\xff not really a jpeg"


def stored_media() -> dict[str, bytes]:
    media = {}
    for name in stored_files(default_storage):
        with default_storage.open(name, "rb") as handle:
            media[name] = handle.read()
    return media


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip(tmp_path, media_backend):
    """Database and media (on the local disk, then on S3) come back as they were."""
    default_storage.save(PHOTO, ContentFile(PHOTO_BYTES))
    default_storage.save("rapportages/2023/v1.pdf", ContentFile(b"%PDF-1.7 final"))

    wijk = WijkFactory(naam="Waterkwartier")
    for n in range(5):
        ActiviteitFactory(wijk=wijk, titel=f"Buurtkoffie {n}", bewoners_bereikt=n * 10)
    InitiatiefFactory(wijk=wijk, naam="Kinderboerderij")
    KlusFactory(wijk=wijk, aanvrager_adres="Hoofdstraat 12")
    before = snapshot()

    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, verbosity=0)
    assert archive.stat().st_size > 0

    # Empty the instance: no data, no media; a file added since must go.
    call_command("flush", interactive=False, verbosity=0)
    default_storage.delete(PHOTO)
    default_storage.save("activiteiten/2024/na-de-backup.jpg", ContentFile(b"later"))
    assert snapshot()["activiteiten"] == []

    call_command("restore", str(archive), yes=True, verbosity=0)
    assert snapshot() == before
    assert stored_media() == {
        PHOTO: PHOTO_BYTES,
        "rapportages/2023/v1.pdf": b"%PDF-1.7 final",
    }
    # The restored database is fully usable: new rows get fresh keys.
    ActiviteitFactory(wijk=Wijk.objects.get(naam="Waterkwartier"), titel="Na herstel")
    assert Activiteit.objects.count() == 6


def test_restore_refuses_a_missing_archive(tmp_path):
    with pytest.raises(CommandError, match="No such backup"):
        call_command("restore", str(tmp_path / "nope.tar.gz"), yes=True)


@pytest.mark.django_db(transaction=True)
def test_a_backup_is_readable_by_its_owner_only(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BACKUP_DIR = tmp_path / "backups"
    old_umask = os.umask(0o022)  # the usual umask: new files readable by all
    try:
        call_command("backup", verbosity=0)
        archive = tmp_path / "elders" / "backup.tar.gz"
        archive.parent.mkdir()
        archive.write_bytes(b"an older file in the way")
        archive.chmod(0o644)
        call_command("backup", output=archive, verbosity=0)
    finally:
        os.umask(old_umask)
    [default] = list((tmp_path / "backups").iterdir())
    for path in (default, archive):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE((tmp_path / "backups").stat().st_mode) == 0o700


@pytest.mark.django_db(transaction=True)
def test_media_move_from_the_local_disk_to_s3_by_backup_and_restore(
    tmp_path, settings, s3_endpoint, s3_bucket
):
    settings.MEDIA_ROOT = tmp_path / "media"
    default_storage.save(PHOTO, ContentFile(PHOTO_BYTES))
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, verbosity=0)

    settings.STORAGES = s3_storages(s3_endpoint, s3_bucket.name, prefix="media")
    call_command("restore", str(archive), yes=True, verbosity=0)
    assert s3_bucket.keys() == [f"media/{PHOTO}"]
    assert s3_bucket.read(f"media/{PHOTO}") == PHOTO_BYTES
