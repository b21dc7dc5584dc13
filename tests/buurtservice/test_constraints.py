"""The database refuses impossible jobs even when a form or service is bypassed."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from buurtservice.choices import KlusStatus, Uitstroom
from tests.factories import InzetFactory, KlusFactory, UitvoerderFactory

D = datetime.date


@pytest.mark.parametrize(
    "fields",
    [
        {"status": KlusStatus.INGEPLAND, "gepland_op": None},
        {"gepland_op": D(2024, 1, 1)},  # before the request date
        {"status": KlusStatus.UITGEVOERD, "uitgevoerd_op": None},
        {"uitgevoerd_op": D(2024, 1, 1)},
        {"status": KlusStatus.GEANNULEERD, "geannuleerd_op": None},
    ],
)
def test_impossible_jobs_are_refused(db, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        KlusFactory(aanvraagdatum=D(2024, 2, 1), **fields)


@pytest.mark.parametrize("uren", [0, -1, 24.5])
def test_hours_out_of_range_are_refused(db, uren):
    with pytest.raises(IntegrityError), transaction.atomic():
        InzetFactory(uren=uren)


def test_outflow_needs_an_end_date(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        UitvoerderFactory(uitstroom=Uitstroom.OPLEIDING, einddatum=None)
