"""``manage.py demodata``: build (or refresh) the demo data and print the logins.

Console output for developers, in plain Dutch.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from demo.content.loader import load


class Command(BaseCommand):
    help = (
        "Laadt de demogegevens: de situatie van 2023 uit de Jaarrapportage Sterke Wijken "
        "Zutphen, met fictieve namen. Opnieuw draaien maakt geen dubbele gegevens."
    )

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        logins = load()
        seconds = time.monotonic() - started
        if options["verbosity"] == 0:
            return
        self.stdout.write(self.style.SUCCESS(f"Demogegevens geladen in {seconds:.1f} s."))
        self.stdout.write("")
        self.stdout.write("Demo-logins:")
        rows = [("Gebruikersnaam", "Rol", "Wachtwoord", "Naam")]
        rows += [(login.username, login.role, login.password, login.naam) for login in logins]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for index, row in enumerate(rows):
            line = "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row))
            self.stdout.write(f"  {line}".rstrip())
            if index == 0:
                self.stdout.write("  " + "  ".join("-" * width for width in widths))
