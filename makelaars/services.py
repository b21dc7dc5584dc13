"""Writes of the social brokers' log: an activity with its partners, links and photos.

Everything happens in one transaction, so a refused part leaves nothing half-saved.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone

from core.images import sanitise_image
from initiatieven.models import Initiatief
from wijken.models import Medewerker, Organisatie, Thema, Wijk

from .forms import daily_photo_limit_message, photo_limit_message
from .models import Activiteit, ActiviteitFoto, ActiviteitLink, FotoDagTelling


def partner_by_name(*, naam: str) -> Organisatie:
    """The partner called ``naam`` (ignoring case), created when it is new."""
    naam = " ".join(naam.split())
    existing = Organisatie.objects.filter(naam__iexact=naam).first()
    if existing is not None:
        return existing
    return Organisatie.objects.create(naam=naam)


def _delete_files_on_commit(names: Iterable[tuple]) -> None:
    """Remove photo files only once the database change is final."""
    names = list(names)

    def delete():
        for storage, name in names:
            storage.delete(name)

    if names:
        transaction.on_commit(delete)


@transaction.atomic
def save_activiteit(
    *,
    activiteit: Activiteit | None,
    user: AbstractBaseUser,
    expected_version: int | None = None,
    datum: datetime.date,
    wijk: Wijk,
    soort: str,
    titel: str,
    beschrijving: str = "",
    opbrengst: str = "",
    rol: str = "",
    themas: Iterable[Thema] = (),
    hoofdthema: Thema | None = None,
    medewerkers: Iterable[Medewerker] = (),
    partners: Iterable[Organisatie] = (),
    initiatief: Initiatief | None = None,
    bewoners_bereikt: int | None = None,
    bewoners_geactiveerd: int | None = None,
    cijfers: str = "",
    is_voorbeeld: bool | None = None,
    nieuwe_partner: str = "",
    links: Iterable[Mapping[str, str]] = (),
    fotos: Iterable[UploadedFile] = (),
    fotos_verwijderen: Iterable[ActiviteitFoto] = (),
) -> Activiteit:
    """Save an activity (new when ``activiteit`` is None) with its relations, links and photos.

    ``links`` is the activity's whole list of links afterwards (dicts with
    ``url`` and ``omschrijving``); ``nieuwe_partner`` a partner's name, added
    (and created when new); ``is_voorbeeld`` None leaves the report-example
    flag as it is. A new activity records ``user`` as the one who entered it.
    An edit with ``expected_version`` raises VersionConflict when someone else
    saved the activity since that version.
    """
    if activiteit is None:
        activiteit = Activiteit(aangemaakt_door=user)
    activiteit.datum = datum
    activiteit.wijk = wijk
    activiteit.soort = soort
    activiteit.titel = titel
    activiteit.beschrijving = beschrijving
    activiteit.opbrengst = opbrengst
    activiteit.rol = rol
    activiteit.hoofdthema = hoofdthema
    activiteit.initiatief = initiatief
    activiteit.bewoners_bereikt = bewoners_bereikt
    activiteit.bewoners_geactiveerd = bewoners_geactiveerd
    activiteit.cijfers = cijfers
    if is_voorbeeld is not None:
        activiteit.is_voorbeeld = is_voorbeeld
    if expected_version is not None:
        activiteit.expect_version(expected_version)
    activiteit.save()

    themas = list(themas)
    if hoofdthema is not None and hoofdthema not in themas:
        themas.append(hoofdthema)  # the main theme is one of the themes
    activiteit.themas.set(themas)
    activiteit.medewerkers.set(medewerkers)
    partners = list(partners)
    if nieuwe_partner:
        partners.append(partner_by_name(naam=nieuwe_partner))
    activiteit.partners.set(partners)

    activiteit.links.all().delete()
    ActiviteitLink.objects.bulk_create(
        ActiviteitLink(activiteit=activiteit, url=link["url"], omschrijving=link["omschrijving"])
        for link in links
    )

    # Removed first, so a full activity can swap photos in one submission.
    remove_fotos(activiteit=activiteit, fotos=fotos_verwijderen)
    add_fotos(activiteit=activiteit, files=fotos)
    return activiteit


@transaction.atomic
def add_fotos(*, activiteit: Activiteit, files: Iterable[UploadedFile]) -> list[ActiviteitFoto]:
    """Store pictures under MEDIA_ROOT as photos of ``activiteit``.

    Each is stored re-encoded (``core.images.sanitise_image``; a form's cleaned
    photos already are), never as uploaded. An activity holds at most
    ``MAX_PHOTOS_PER_ACTIVITY`` photos over all submissions: the activity row is
    locked while counting, so two simultaneous submissions cannot both fill it.
    Raises ``ValidationError`` (Dutch) and stores nothing when a file is refused.
    """
    files = [f if getattr(f, "sanitised", False) else sanitise_image(f) for f in files]
    if not files:
        return []
    # A no-op UPDATE locks the activity's row until this transaction ends.
    Activiteit.objects.filter(pk=activiteit.pk).update(updated_at=models.F("updated_at"))
    room = settings.MAX_PHOTOS_PER_ACTIVITY - activiteit.fotos.count()
    if len(files) > room:
        raise ValidationError({"fotos": photo_limit_message(max(room, 0))}, code="photo_limit")
    return [ActiviteitFoto.objects.create(activiteit=activiteit, bestand=f) for f in files]


@transaction.atomic
def count_photo_uploads(*, user, count: int) -> None:
    """Count ``count`` photos about to be checked against ``user``'s daily limit
    (``MAX_PHOTOS_PER_DAY``); ValidationError (Dutch) and nothing counted when they
    do not fit. Called before the photos are decoded."""
    today = timezone.localdate()
    FotoDagTelling.objects.filter(user=user, dag__lt=today).delete()
    FotoDagTelling.objects.get_or_create(user=user, dag=today)
    limit = settings.MAX_PHOTOS_PER_DAY
    # One UPDATE checks and counts: two requests at once cannot both take the last places.
    counted = FotoDagTelling.objects.filter(user=user, dag=today, aantal__lte=limit - count).update(
        aantal=models.F("aantal") + count
    )
    if not counted:
        done = FotoDagTelling.objects.get(user=user, dag=today).aantal
        raise ValidationError(daily_photo_limit_message(limit - done), code="daily_photo_limit")


@transaction.atomic
def remove_fotos(*, activiteit: Activiteit, fotos: Iterable[ActiviteitFoto]) -> None:
    fotos = [foto for foto in fotos if foto.activiteit_id == activiteit.pk]
    _delete_files_on_commit((foto.bestand.storage, foto.bestand.name) for foto in fotos)
    ActiviteitFoto.objects.filter(pk__in=[foto.pk for foto in fotos]).delete()


@transaction.atomic
def set_voorbeeld(*, activiteit: Activiteit, is_voorbeeld: bool) -> Activiteit:
    """Mark or unmark ``activiteit`` as an example for the yearly report.

    Idempotent: the wanted state is given, so a double tap does no harm. The
    version goes up (an open edit form of the activity then reports the change).
    """
    activiteit = Activiteit.objects.select_for_update().get(pk=activiteit.pk)
    if activiteit.is_voorbeeld != is_voorbeeld:
        activiteit.is_voorbeeld = is_voorbeeld
        activiteit.save()
    return activiteit


@transaction.atomic
def delete_activiteit(*, activiteit: Activiteit) -> None:
    """Delete an activity, its links and photos (files too, after commit)."""
    _delete_files_on_commit(
        (foto.bestand.storage, foto.bestand.name) for foto in activiteit.fotos.all()
    )
    activiteit.delete()


def duplicate_initial(*, bron: Activiteit, today) -> tuple[dict, list[dict]]:
    """Initial form data and links for a copy of ``bron`` dated ``today``.

    Everything is copied except the date, the report-example flag (an example is
    one specific activity) and the photos (they show the earlier occasion).
    """
    initial = {
        "datum": today,
        "wijk": bron.wijk_id,
        "soort": bron.soort,
        "titel": bron.titel,
        "beschrijving": bron.beschrijving,
        "opbrengst": bron.opbrengst,
        "rol": bron.rol,
        "themas": [t.pk for t in bron.themas.all()],
        "hoofdthema": bron.hoofdthema_id,
        "medewerkers": [m.pk for m in bron.medewerkers.all()],
        "partners": [p.pk for p in bron.partners.all()],
        "initiatief": bron.initiatief_id,
        "bewoners_bereikt": bron.bewoners_bereikt,
        "bewoners_geactiveerd": bron.bewoners_geactiveerd,
        "cijfers": bron.cijfers,
    }
    links = [{"url": link.url, "omschrijving": link.omschrijving} for link in bron.links.all()]
    return initial, links
