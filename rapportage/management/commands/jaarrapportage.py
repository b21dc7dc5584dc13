"""Write the annual report of a year as PDF and/or HTML from the command line.

    python manage.py jaarrapportage 2023 --output rapport-2023.pdf
    python manage.py jaarrapportage 2023 --html rapport-2023.html

Uses the year's Jaarrapportage when there is one (a final one: its stored PDF
and figures). Without one it renders the default sections with the figures
from the record, and writes nothing to the database.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.utils import translation

from core.pdf import render_pdf
from rapportage.models import Jaarrapportage
from rapportage.report import build_report_context, latest_version, unsaved_report

TEMPLATE = "rapportage/pdf/base_pdf.html"


class Command(BaseCommand):
    help = "Render the annual report of a year to a PDF file (and/or the preview HTML)."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int, help="The report's year, e.g. 2023.")
        parser.add_argument("--output", "-o", help="Write the PDF to this file.")
        parser.add_argument("--html", help="Write the HTML the PDF is made from to this file.")

    def handle(self, *args, year: int, output: str | None, html: str | None, **options):
        if not (output or html):
            output = f"jaarrapportage-{year}.pdf"
        if not 2000 <= year <= 2100:
            raise CommandError("The year must lie between 2000 and 2100.")
        with translation.override("nl"):
            rapportage = Jaarrapportage.objects.filter(jaar=year).first()
            if rapportage is None:
                rapportage = unsaved_report(year)
                self.stderr.write(
                    f"No report for {year} in the database: using the default sections."
                )
            stored = latest_version(rapportage) if rapportage.is_definitief else None
            context = build_report_context(rapportage, for_pdf=True)
            if html:
                Path(html).write_text(render_to_string(TEMPLATE, context), encoding="utf-8")
                self.stdout.write(f"HTML written to {html}")
            if output:
                if stored is not None and stored.pdf:
                    with stored.pdf.open("rb") as handle:
                        pdf_bytes = handle.read()
                    self.stderr.write(f"Final report: writing the stored version {stored.versie}.")
                else:
                    _html, pdf_bytes = render_pdf(TEMPLATE, context)
                Path(output).write_bytes(pdf_bytes)
                self.stdout.write(f"PDF written to {output} ({len(pdf_bytes):,} bytes)")
