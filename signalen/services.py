"""Writes of signals, collective questions and buurtteam contacts."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wijken.models import Gebied, Organisatie, Thema, Wijk

from .choices import ContactSoort, VraagstukStatus
from .models import BuurtteamContact, CollectiefVraagstuk, Signaal, VraagstukStatusWijziging


@transaction.atomic
def save_signaal(
    *,
    signaal: Signaal | None = None,
    datum: datetime.date,
    wijk: Wijk,
    themas: Iterable[Thema],
    bron: str,
    omschrijving: str,
    door,
    version: int | None = None,
) -> Signaal:
    """Record a new signal (``signaal`` None) or change one; VersionConflict on a lost race."""
    if signaal is None:
        signaal = Signaal(aangemaakt_door=door)
    elif version is not None:
        signaal.expect_version(version)
    signaal.datum = datum
    signaal.wijk = wijk
    signaal.bron = bron
    signaal.omschrijving = omschrijving.strip()
    signaal.full_clean(exclude=["themas", "vraagstuk", "aangemaakt_door", "version"])
    signaal.save()
    signaal.themas.set(themas)
    return signaal


@transaction.atomic
def delete_signaal(*, signaal: Signaal) -> None:
    signaal.delete()


def _check_evaluation(status: str, evaluatie: str) -> None:
    if status == VraagstukStatus.AFGEROND and not evaluatie.strip():
        raise ValidationError(
            {"evaluatie": _("Write a short evaluation before completing.")},
            code="evaluation_required",
        )


@transaction.atomic
def save_vraagstuk(
    *,
    vraagstuk: CollectiefVraagstuk | None = None,
    titel: str,
    gebied: Gebied,
    omschrijving: str,
    gestart_op: datetime.date,
    themas: Iterable[Thema] = (),
    partners: Iterable[Organisatie] = (),
    activiteiten: Iterable = (),
    initiatieven: Iterable = (),
    signalen: Iterable[Signaal] = (),
    evaluatie: str | None = None,
    door,
    version: int | None = None,
) -> CollectiefVraagstuk:
    """Create a collective question (its first step, verkennen, dated ``gestart_op``)
    or change one. The bundled ``signalen`` replace the ones it had."""
    creating = vraagstuk is None
    if creating:
        vraagstuk = CollectiefVraagstuk(aangemaakt_door=door, status=VraagstukStatus.VERKENNEN)
    elif version is not None:
        vraagstuk.expect_version(version)
    vraagstuk.titel = titel.strip()
    vraagstuk.gebied = gebied
    vraagstuk.omschrijving = omschrijving
    vraagstuk.gestart_op = gestart_op
    if evaluatie is not None:
        vraagstuk.evaluatie = evaluatie
    _check_evaluation(vraagstuk.status, vraagstuk.evaluatie)
    vraagstuk.save()
    vraagstuk.themas.set(themas)
    vraagstuk.partners.set(partners)
    vraagstuk.activiteiten.set(activiteiten)
    vraagstuk.initiatieven.set(initiatieven)
    signalen = list(signalen)
    vraagstuk.signalen.exclude(pk__in=[s.pk for s in signalen]).update(vraagstuk=None)
    Signaal.objects.filter(pk__in=[s.pk for s in signalen]).update(vraagstuk=vraagstuk)
    if creating:
        VraagstukStatusWijziging.objects.create(
            vraagstuk=vraagstuk, status=vraagstuk.status, datum=gestart_op, door=door
        )
    return vraagstuk


@transaction.atomic
def change_vraagstuk_status(
    *,
    vraagstuk: CollectiefVraagstuk,
    status: str,
    datum: datetime.date,
    toelichting: str = "",
    evaluatie: str = "",
    door,
) -> VraagstukStatusWijziging:
    """A dated step on the route; the question takes the status of its latest step.

    Completing needs a short evaluation; the completion date is the step's date.
    """
    if datum < vraagstuk.gestart_op:
        raise ValidationError(
            {"datum": _("A step cannot be dated before the question started.")},
            code="before_start",
        )
    if evaluatie.strip():
        vraagstuk.evaluatie = evaluatie.strip()
    _check_evaluation(status, vraagstuk.evaluatie)
    wijziging = VraagstukStatusWijziging.objects.create(
        vraagstuk=vraagstuk, status=status, datum=datum, toelichting=toelichting, door=door
    )
    latest = vraagstuk.statuswijzigingen.order_by("-datum", "-pk").first()
    vraagstuk.status = latest.status
    if vraagstuk.status == VraagstukStatus.AFGEROND:
        _check_evaluation(vraagstuk.status, vraagstuk.evaluatie)
        vraagstuk.afgerond_op = latest.datum
    else:
        vraagstuk.afgerond_op = None
    vraagstuk.save(update_fields=["status", "afgerond_op", "evaluatie", "updated_at"])
    return wijziging


@transaction.atomic
def save_contact(
    *,
    contact: BuurtteamContact | None = None,
    datum: datetime.date,
    gebied: Gebied,
    soort: str,
    verwezen_van: str = "",
    verwezen_naar: str = "",
    uitkomst: str = "",
    notitie: str = "",
    door,
    version: int | None = None,
) -> BuurtteamContact:
    """Record or change a contact; only a referral keeps its parties and outcome.

    VersionConflict when ``version`` is no longer the stored one (someone else
    saved the contact in the meantime).
    """
    if contact is None:
        contact = BuurtteamContact(aangemaakt_door=door)
    elif version is not None:
        contact.expect_version(version)
    is_referral = soort == ContactSoort.DOORVERWIJZING
    contact.datum = datum
    contact.gebied = gebied
    contact.soort = soort
    contact.verwezen_van = verwezen_van if is_referral else ""
    contact.verwezen_naar = verwezen_naar if is_referral else ""
    contact.uitkomst = uitkomst if is_referral else ""
    contact.notitie = notitie.strip()
    contact.full_clean(exclude=["aangemaakt_door", "version"])
    contact.save()
    return contact


@transaction.atomic
def delete_vraagstuk(*, vraagstuk: CollectiefVraagstuk) -> None:
    """Remove a collective question; its signals stay (without the link) and its
    history keeps it restorable."""
    vraagstuk.delete()


@transaction.atomic
def delete_contact(*, contact: BuurtteamContact) -> None:
    """Remove a contact with the buurtteam; its history keeps it restorable."""
    contact.delete()
