"""Writes of questionnaires, residents' answers and the duiding."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction

from core.concurrency import VersionConflict

from . import codes
from .models import Antwoord, Antwoordcode, Duiding, Inzending, Stelling, Vragenlijst
from .selectors import MIN_ANTWOORDEN


class VragenlijstGesloten(Exception):
    """The questionnaire no longer takes answers."""


class OngeldigeCode(Exception):
    """The answer code is unknown, belongs to another questionnaire or was used."""


class UitkomstenAlGetoond(Exception):
    """The questionnaire was closed with enough answers to show results: opening it
    again would let a later answer be read off by comparing the results."""


@transaction.atomic
def issue_codes(*, vragenlijst: Vragenlijst, aantal: int) -> list[str]:
    """``aantal`` new one-time answer codes for printing. They are returned once and
    kept only as a hash; ``vragenlijst.codes_uitgegeven`` counts them."""
    if not 1 <= aantal <= codes.MAX_AT_ONCE:
        raise ValueError(f"between 1 and {codes.MAX_AT_ONCE} codes at a time")
    locked = Vragenlijst.objects.select_for_update().get(pk=vragenlijst.pk)
    if not locked.is_open:
        raise VragenlijstGesloten()
    new = set()
    while len(new) < aantal:
        new.add(codes.new_code())
    Antwoordcode.objects.bulk_create(
        Antwoordcode(vragenlijst=locked, sleutel=codes.key(code)) for code in new
    )
    locked.codes_uitgegeven += aantal
    locked.save(update_fields=["codes_uitgegeven", "updated_at"])
    return sorted(new)


@transaction.atomic
def save_vragenlijst(
    *,
    vragenlijst: Vragenlijst | None = None,
    initiatief=None,
    titel: str,
    inleiding: str,
    open_vraag: str,
    startdatum: datetime.date,
    stellingen: list[tuple[str, str]] | None = None,
    door,
    version: int | None = None,
) -> Vragenlijst:
    """Create a questionnaire for ``initiatief`` or change one. ``stellingen``
    ((text, effect) pairs, in order) replace the statements, which is only
    allowed while nobody has answered."""
    if vragenlijst is None:
        vragenlijst = Vragenlijst(initiatief=initiatief, aangemaakt_door=door)
    elif version is not None:
        vragenlijst.expect_version(version)
    vragenlijst.titel = titel.strip()
    vragenlijst.inleiding = inleiding
    vragenlijst.open_vraag = open_vraag.strip()
    vragenlijst.startdatum = startdatum
    vragenlijst.save()
    if stellingen is not None:
        if vragenlijst.inzendingen.exists():
            raise ValueError("statements cannot change once residents have answered")
        vragenlijst.stellingen.all().delete()
        Stelling.objects.bulk_create(
            Stelling(vragenlijst=vragenlijst, tekst=tekst, effect=effect, volgorde=index)
            for index, (tekst, effect) in enumerate(stellingen, start=1)
        )
    return vragenlijst


@transaction.atomic
def set_open(*, vragenlijst: Vragenlijst, is_open: bool, today: datetime.date) -> None:
    """Open or close the public link; closing records the date. A questionnaire that
    was closed with MIN_ANTWOORDEN answers or more (its results are visible) stays
    closed: UitkomstenAlGetoond."""
    if is_open and not vragenlijst.is_open:
        if vragenlijst.inzendingen.count() >= MIN_ANTWOORDEN:
            raise UitkomstenAlGetoond()
    vragenlijst.is_open = is_open
    vragenlijst.gesloten_op = None if is_open else max(today, vragenlijst.startdatum)
    vragenlijst.save(update_fields=["is_open", "gesloten_op", "updated_at"])


@transaction.atomic
def submit_answers(
    *,
    vragenlijst: Vragenlijst,
    waarden: dict[int, int],
    open_antwoord: str,
    code: str,
    today: datetime.date,
) -> Inzending:
    """Store one resident's answers (statement id → 1..5), given with a one-time
    answer code of this questionnaire, which is used up (OngeldigeCode when it is
    unknown or used). Nothing about the resident is stored: not who, not where
    from, not the time of day, not which code."""
    locked = Vragenlijst.objects.select_for_update().get(pk=vragenlijst.pk)
    if not locked.is_open:
        raise VragenlijstGesloten()
    used, _per_model = Antwoordcode.objects.filter(
        vragenlijst=locked, sleutel=codes.key(code)
    ).delete()
    if not used:
        raise OngeldigeCode()
    inzending = Inzending.objects.create(
        vragenlijst=locked, datum=today, open_antwoord=open_antwoord.strip()
    )
    valid_ids = set(locked.stellingen.values_list("pk", flat=True))
    Antwoord.objects.bulk_create(
        Antwoord(inzending=inzending, stelling_id=stelling_id, waarde=waarde)
        for stelling_id, waarde in waarden.items()
        if stelling_id in valid_ids
    )
    return inzending


@transaction.atomic
def save_duiding(
    *,
    vragenlijst: Vragenlijst,
    datum: datetime.date,
    besproken_met: str,
    herkenning: str,
    verklaring: str,
    waardering: str,
    betekenis: str,
    acties: str,
    version: int | None = None,
) -> Duiding:
    """Write the interpretation of ``vragenlijst`` (there is one at most).

    ``version`` is the one the form was opened at, None for a form opened when
    there was no interpretation yet. VersionConflict when someone else saved (or
    first wrote) it in the meantime.
    """
    try:
        duiding = vragenlijst.duiding
    except Duiding.DoesNotExist:
        duiding = Duiding(vragenlijst=vragenlijst)
    else:
        # A form without a version was opened before this interpretation existed.
        duiding.expect_version(version if version is not None else 0)
    duiding.datum = datum
    duiding.besproken_met = besproken_met
    duiding.herkenning = herkenning
    duiding.verklaring = verklaring
    duiding.waardering = waardering
    duiding.betekenis = betekenis
    duiding.acties = acties
    if duiding.pk is not None:
        duiding.save()
        return duiding
    try:
        with transaction.atomic():
            duiding.save()
    except IntegrityError:
        # Written by someone else at the same moment (one per questionnaire).
        raise VersionConflict from None
    return duiding
