"""Writes of the social brokers' log: an activity with its partners, links and photos.

Everything happens in one transaction, so a refused part leaves nothing half-saved.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.forms import BaseInlineFormSet

from wijken.models import Organisatie

from .forms import ActiviteitForm
from .models import Activiteit, ActiviteitFoto


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
    form: ActiviteitForm,
    links: BaseInlineFormSet,
    user: AbstractBaseUser,
) -> Activiteit:
    """Save a validated activity form with its links, new partner and photos.

    A new activity records ``user`` as the one who entered it.
    """
    activiteit: Activiteit = form.save(commit=False)
    if activiteit.pk is None:
        activiteit.aangemaakt_door = user
    activiteit.save()
    form.save_m2m()

    nieuwe_partner = form.cleaned_data.get("nieuwe_partner")
    if nieuwe_partner:
        activiteit.partners.add(partner_by_name(naam=nieuwe_partner))

    links.instance = activiteit
    links.save()

    remove = form.cleaned_data.get("fotos_verwijderen") or []
    add_fotos(activiteit=activiteit, files=form.cleaned_data.get("fotos") or [])
    if remove:
        remove_fotos(activiteit=activiteit, fotos=remove)
    return activiteit


def add_fotos(*, activiteit: Activiteit, files: Iterable[UploadedFile]) -> list[ActiviteitFoto]:
    """Store validated image uploads under MEDIA_ROOT as photos of ``activiteit``."""
    return [ActiviteitFoto.objects.create(activiteit=activiteit, bestand=f) for f in files]


@transaction.atomic
def remove_fotos(*, activiteit: Activiteit, fotos: Iterable[ActiviteitFoto]) -> None:
    fotos = [foto for foto in fotos if foto.activiteit_id == activiteit.pk]
    _delete_files_on_commit((foto.bestand.storage, foto.bestand.name) for foto in fotos)
    ActiviteitFoto.objects.filter(pk__in=[foto.pk for foto in fotos]).delete()


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
        "medewerkers": [m.pk for m in bron.medewerkers.all()],
        "partners": [p.pk for p in bron.partners.all()],
        "initiatief": bron.initiatief_id,
        "bewoners_bereikt": bron.bewoners_bereikt,
        "bewoners_geactiveerd": bron.bewoners_geactiveerd,
        "cijfers": bron.cijfers,
    }
    links = [{"url": link.url, "omschrijving": link.omschrijving} for link in bron.links.all()]
    return initial, links
