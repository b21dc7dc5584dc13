"""Delete the rate-limit counters of ended windows and the salts of earlier days.

Run it every few minutes (cron or a systemd timer): the public questionnaire
deletes them too, but only when someone answers.
"""

from django.core.management.base import BaseCommand

from metingen.ratelimit import prune


class Command(BaseCommand):
    help = "Delete the questionnaire's rate-limit counters of ended windows and old salts."

    def handle(self, *args, **options):
        prune()
