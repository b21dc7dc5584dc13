"""Making a report final: the PDF is rendered first, outside any transaction and
lock; then version and file are stored in one short transaction. A failure
leaves no file behind and tells the coordinator why, in Dutch."""

from pathlib import Path

import pytest
from django.db import IntegrityError, connection
from django.urls import reverse

from rapportage import services
from rapportage.choices import RapportStatus
from rapportage.models import RapportVersie
from rapportage.services import (
    FinalizeFailed,
    ReportIsFinal,
    build_final_pdf,
    finalize_jaarrapportage,
    store_final_version,
)
from tests.factories import JaarrapportageFactory

FAKE_PDF = b"%PDF-1.4\n% test\n%%EOF\n"


def stored_files(media_root) -> list[Path]:
    root = Path(media_root)
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


@pytest.fixture
def rapportage(db):
    return JaarrapportageFactory(jaar=2023)


@pytest.fixture
def fake_render(monkeypatch):
    """Rendering replaced by a fast stand-in that notes whether it ran in a transaction."""
    calls = []

    def render(rapportage, *, snapshot=None, progress=None):
        calls.append({"in_transaction": connection.in_atomic_block, "status": rapportage.status})
        return "<html></html>", FAKE_PDF

    monkeypatch.setattr(services, "render_report_pdf", render)
    return calls


@pytest.mark.django_db(transaction=True)
def test_the_pdf_is_rendered_outside_any_transaction(fake_render, media_root, coordinator):
    rapportage = JaarrapportageFactory(jaar=2023)
    versie = finalize_jaarrapportage(rapportage=rapportage, user=coordinator)
    assert fake_render == [{"in_transaction": False, "status": RapportStatus.DEFINITIEF}]
    assert versie.pdf.read() == FAKE_PDF
    rapportage.refresh_from_db()
    assert rapportage.is_definitief
    assert [path.name for path in stored_files(media_root)] == ["v1-jaarrapportage-2023.pdf"]


def test_a_render_error_stores_nothing_and_explains(
    client, coordinator, rapportage, media_root, monkeypatch, run_worker
):
    def broken(rapportage, *, snapshot=None, progress=None):
        raise RuntimeError("WeasyPrint fell over")

    monkeypatch.setattr(services, "render_report_pdf", broken)
    with pytest.raises(FinalizeFailed):
        build_final_pdf(rapportage=rapportage)

    client.force_login(coordinator)
    client.post(reverse("rapportage:jaarrapportage_finalize", args=[rapportage.pk]))
    run_worker()  # the background worker renders, and fails
    response = client.get(rapportage.pdf_opdrachten.get().get_absolute_url())
    assert response.status_code == 200
    assert "De PDF van de definitieve versie kon niet worden gemaakt" in response.content.decode()
    rapportage.refresh_from_db()
    assert rapportage.status == RapportStatus.CONCEPT
    assert not RapportVersie.objects.exists()
    assert stored_files(media_root) == []


def test_a_second_finalize_that_lost_the_race_leaves_no_file(
    fake_render, rapportage, coordinator, beheerder, media_root
):
    # Both render while the report is still a draft ...
    mine = build_final_pdf(rapportage=rapportage)
    theirs = build_final_pdf(rapportage=rapportage)
    # ... the other stores first.
    store_final_version(final=theirs, user=beheerder)
    with pytest.raises(ReportIsFinal) as refused:
        store_final_version(final=mine, user=coordinator)
    assert "Heropen haar" in refused.value.messages[0]
    assert list(RapportVersie.objects.values_list("versie", "definitief_door")) == [
        (1, beheerder.pk)
    ]
    assert len(stored_files(media_root)) == 1


def test_a_failure_while_storing_removes_the_file_again(
    fake_render, rapportage, coordinator, media_root, monkeypatch
):
    final = build_final_pdf(rapportage=rapportage)

    def failing_save(self, *args, **kwargs):
        assert stored_files(media_root), "the file is written before the row"
        raise IntegrityError("simulated")

    monkeypatch.setattr(RapportVersie, "save", failing_save)
    with pytest.raises(IntegrityError):
        store_final_version(final=final, user=coordinator)
    monkeypatch.undo()
    assert stored_files(media_root) == []
    rapportage.refresh_from_db()
    assert rapportage.status == RapportStatus.CONCEPT
