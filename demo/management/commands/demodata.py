"""``manage.py demodata``: build (or refresh) the demo data and print the logins.

Console output for developers, in plain Dutch. Refuses to run in production
(``DJANGO_ENV=production``). Only creates demo accounts that are missing: an
existing account keeps its password and rights.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.content.loader import load

REFUSED_IN_PRODUCTION = (
    "demodata weigert te draaien met DJANGO_ENV=production: demogegevens horen niet in "
    "een echte database, en de demo-accounts hebben een gepubliceerd wachtwoord. "
    "Er is niets gewijzigd."
)


class Command(BaseCommand):
    help = (
        "Laadt de demogegevens: de situatie van 2023 uit de Jaarrapportage Sterke Wijken "
        "Zutphen, met fictieve namen. Opnieuw draaien maakt geen dubbele gegevens. Maakt "
        "alleen ontbrekende demo-accounts aan; bestaande accounts houden hun wachtwoord en "
        "rechten. Draait niet in productie."
    )
    # Refuse before anything else, the system checks included.
    requires_system_checks = []

    def handle(self, *args, **options) -> None:
        if settings.PRODUCTION:
            raise CommandError(REFUSED_IN_PRODUCTION)
        started = time.monotonic()
        logins = load()
        seconds = time.monotonic() - started
        if options["verbosity"] == 0:
            return
        self.stdout.write(self.style.SUCCESS(f"Demogegevens geladen in {seconds:.1f} s."))
        self.stdout.write("")
        self.stdout.write("Demo-logins:")
        rows = [("Gebruikersnaam", "Rol", "Wachtwoord", "Naam")]
        rows += [
            (login.username, login.role, login.password or "(ongewijzigd)", login.naam)
            for login in logins
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for index, row in enumerate(rows):
            line = "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row))
            self.stdout.write(f"  {line}".rstrip())
            if index == 0:
                self.stdout.write("  " + "  ".join("-" * width for width in widths))
        created = [login.username for login in logins if login.created]
        existing = [login.username for login in logins if not login.created]
        if created:
            self.stdout.write("")
            self.stdout.write(f"Nieuw aangemaakt: {', '.join(created)}.")
        if existing:
            self.stdout.write("")
            self.stdout.write(
                f"Bestonden al en zijn niet gewijzigd (wachtwoord en rechten): "
                f"{', '.join(existing)}."
            )
