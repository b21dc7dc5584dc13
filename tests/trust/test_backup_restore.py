"""A backup restored into an emptied instance brings back every record and file."""

import os
import stat
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from buurtservice.models import Klus
from initiatieven.models import Initiatief
from makelaars.models import Activiteit
from tests.factories import ActiviteitFactory, InitiatiefFactory, KlusFactory, WijkFactory
from wijken.models import Gebied, Wijk


def snapshot() -> dict:
    return {
        "gebieden": sorted(Gebied.objects.values_list("naam", flat=True)),
        "wijken": sorted(Wijk.objects.values_list("naam", flat=True)),
        "activiteiten": sorted(Activiteit.objects.values_list("titel", "bewoners_bereikt")),
        "initiatieven": sorted(Initiatief.objects.values_list("naam", flat=True)),
        "klussen": sorted(Klus.objects.values_list("aanvrager_adres", "status")),
    }


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    photo = Path(settings.MEDIA_ROOT) / "activiteiten" / "2023" / "foto.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"\xff\xd8\xff not really a jpeg")

    wijk = WijkFactory(naam="Waterkwartier")
    for n in range(5):
        ActiviteitFactory(wijk=wijk, titel=f"Buurtkoffie {n}", bewoners_bereikt=n * 10)
    InitiatiefFactory(wijk=wijk, naam="Kinderboerderij")
    KlusFactory(wijk=wijk, aanvrager_adres="Hoofdstraat 12")
    before = snapshot()

    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, verbosity=0)
    assert archive.stat().st_size > 0

    # Empty the instance: no data, no media.
    call_command("flush", interactive=False, verbosity=0)
    photo.unlink()
    assert snapshot()["activiteiten"] == []

    call_command("restore", str(archive), yes=True, verbosity=0)
    assert snapshot() == before
    assert photo.read_bytes() == b"\xff\xd8\xff not really a jpeg"
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
