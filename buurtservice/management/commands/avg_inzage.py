"""Export everything stored about one Buurtservice requester (AVG right of access).

Matches jobs by the requester's name and/or address (case-insensitive, exact),
see docs/privacy-buurtservice.md. Writes JSON to stdout, or to --output.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from buurtservice.choices import KlusSoort, KlusStatus, Verwijzer
from buurtservice.services import jobs_of_requester
from core.models import choice_label


def job_record(klus) -> dict:
    """One job as stored, with its status history and the hours worked on it."""
    return {
        "klus": klus.pk,
        "aanvraagdatum": klus.aanvraagdatum,
        "wijk": klus.wijk.naam,
        "soort": choice_label(KlusSoort, klus.soort),
        "verwijzer": choice_label(Verwijzer, klus.verwijzer),
        "omschrijving": klus.omschrijving,
        "status": choice_label(KlusStatus, klus.status),
        "aanvrager_naam": klus.aanvrager_naam,
        "aanvrager_adres": klus.aanvrager_adres,
        "aanvrager_telefoon": klus.aanvrager_telefoon,
        "gepland_op": klus.gepland_op,
        "uitgevoerd_op": klus.uitgevoerd_op,
        "geannuleerd_op": klus.geannuleerd_op,
        "annuleringsreden": klus.annuleringsreden,
        "geanonimiseerd_op": klus.geanonimiseerd_op,
        "geregistreerd_op": klus.created_at,
        "laatst_gewijzigd_op": klus.updated_at,
        "statusgeschiedenis": [
            {"status": choice_label(KlusStatus, change.status), "datum": change.datum}
            for change in klus.statuswijzigingen.all()
        ],
        # The workers are staff data: their number and hours, not their names.
        "inzet": [{"uren": inzet.uren} for inzet in klus.inzet.all()],
    }


def export(*, naam: str = "", adres: str = "") -> dict:
    jobs = (
        jobs_of_requester(naam=naam, adres=adres)
        .select_related("wijk")
        .prefetch_related("statuswijzigingen", "inzet")
    )
    return {
        "gezocht_op": {"naam": naam, "adres": adres},
        "geexporteerd_op": timezone.now(),
        "klussen": [job_record(klus) for klus in jobs],
    }


class Command(BaseCommand):
    help = (
        "Export as JSON everything stored about one Buurtservice requester, found by "
        "--naam and/or --adres (case-insensitive exact match)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--naam", default="", help="The requester's name as stored.")
        parser.add_argument("--adres", default="", help="The requester's address as stored.")
        parser.add_argument(
            "--output", default=None, help="Write the JSON to this file instead of stdout."
        )

    def handle(self, *args, naam="", adres="", output=None, **options):
        if not (naam.strip() or adres.strip()):
            raise CommandError("Give --naam and/or --adres.")
        data = export(naam=naam.strip(), adres=adres.strip())
        text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
        if output:
            Path(output).write_text(text + "\n", encoding="utf-8")
            # Counts only on the terminal: the personal data is in the file.
            self.stdout.write(f"Exported {len(data['klussen'])} job(s) to {output}.")
        else:
            self.stdout.write(text)
