"""Create the load-test brokers (idempotent); run with the app's settings."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sterkewijken.settings")
django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.auth.models import Group, User  # noqa: E402

from core.roles import Role  # noqa: E402
from wijken.choices import Functie  # noqa: E402
from wijken.models import Gebied, Medewerker  # noqa: E402

count = int(os.environ.get("LOAD_USERS", "50"))
password = make_password(os.environ.get("LOAD_PASSWORD", "load-wachtwoord"))
group = Group.objects.get(name=Role.MAKELAAR.value)
gebieden = list(Gebied.objects.order_by("pk"))
for number in range(1, count + 1):
    username = f"load-makelaar-{number:02d}"
    user, _ = User.objects.update_or_create(username=username, defaults={"password": password})
    user.groups.set([group])
    gebied = gebieden[number % len(gebieden)]
    medewerker, _ = Medewerker.objects.update_or_create(
        user=user,
        defaults={
            "naam": f"Load Makelaar {number:02d}",
            "functie": Functie.SOCIAAL_MAKELAAR,
            "startdatum": "2020-01-01",
            "standaard_wijk": gebied.wijken.first(),
        },
    )
    medewerker.gebieden.set([gebied])
print(f"{count} load-test brokers ready")
