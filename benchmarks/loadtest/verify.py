"""After a load run: is every write that was answered with success in the database?"""

import csv
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sterkewijken.settings")
django.setup()

from makelaars.models import Activiteit  # noqa: E402

writes_file, stats_file = sys.argv[1], sys.argv[2]
with open(writes_file, encoding="utf-8") as handle:
    titles = [line for line in handle.read().splitlines() if line]
stored = set(Activiteit.objects.filter(titel__in=titles).values_list("titel", flat=True))
lost = [title for title in titles if title not in stored]
print(f"successful writes: {len(titles)}; found in database: {len(stored)}; lost: {len(lost)}")

failures = 0
header = ["count", "fail", "rps", "p50", "p95", "p99", "max"]
print(f"\n{'request':<22}" + "".join(f"{h:>8}" for h in header) + "  (times in ms)")
with open(stats_file, encoding="utf-8") as handle:
    for row in csv.DictReader(handle):
        failures += int(row["Failure Count"]) if row["Name"] == "Aggregated" else 0
        print(
            f"{row['Name'][:21]:<22}{row['Request Count']:>8}{row['Failure Count']:>8}"
            f"{float(row['Requests/s']):>8.1f}{row['50%']:>8}{row['95%']:>8}{row['99%']:>8}"
            f"{float(row['Max Response Time']):>8.0f}"
        )
steady_file = os.path.join(os.path.dirname(stats_file), "steady.csv")
if os.path.exists(steady_file):
    print("\nAfter the last broker logged in (the start-up burst of logins left out):")
    print(f"{'request':<22}" + "".join(f"{h:>8}" for h in header if h != "rps") + "  (ms)")
    with open(steady_file, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            failures += int(row["failures"])
            keys = ("count", "failures", "p50", "p95", "p99", "max")
            print(f"{row['name'][:21]:<22}" + "".join(f"{row[key]:>8}" for key in keys))
if lost or failures or not titles:
    print(f"\nFAILED: {len(lost)} lost writes, {failures} failed requests")
    sys.exit(1)
print("\nOK: no failed request, no lost write")
