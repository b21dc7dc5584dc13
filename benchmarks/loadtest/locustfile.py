"""Load test: social brokers logging and listing activities.

Run through ``benchmarks/loadtest/run.sh``, which prepares a PostgreSQL database,
serves the app with gunicorn on 127.0.0.1 and checks afterwards that every write
that was answered with success is in the database. Only loopback is targeted.
"""

from __future__ import annotations

import datetime
import itertools
import os
import re
import threading
import time
import uuid

from locust import HttpUser, between, events, task

PASSWORD = os.environ.get("LOAD_PASSWORD", "load-wachtwoord")
USER_COUNT = int(os.environ.get("LOAD_USERS", "50"))
WRITES_FILE = os.environ.get("LOAD_WRITES_FILE", "var/loadtest/writes.txt")
# Response times after the last broker logged in (the working day, without the
# start-up burst of password hashing), written next to locust's own CSV.
STEADY_FILE = os.environ.get("LOAD_STEADY_FILE", "var/loadtest/steady.csv")

_user_numbers = itertools.count(1)
_writes: list[str] = []
_writes_lock = threading.Lock()
_logged_in = itertools.count(1)
_steady = threading.Event()
_steady_since: list[float] = []
_steady_times: dict[str, list[float]] = {}
_steady_failures: dict[str, int] = {}
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN_INPUT = re.compile(r'name="submission_token" value="([0-9a-f]+)"')
WIJK_OPTION = re.compile(r'<select name="wijk"[^>]*>(.*?)</select>', re.S)
OPTION_VALUE = re.compile(r'<option value="(\d+)"')
SOORTEN = ["bijeenkomst", "deur_aan_deur", "evenement", "verbinding", "overleg", "inloop"]


def csrf_from(html: str) -> str:
    match = CSRF_INPUT.search(html)
    if not match:
        raise RuntimeError("no CSRF token on the page")
    return match.group(1)


class Makelaar(HttpUser):
    """One social broker: logs in once, then records and looks up activities."""

    wait_time = between(1, 3)

    def on_start(self) -> None:
        number = (next(_user_numbers) - 1) % USER_COUNT + 1
        self.username = f"load-makelaar-{number:02d}"
        page = self.client.get("/accounts/login/", name="login form")
        response = self.client.post(
            "/accounts/login/",
            data={
                "username": self.username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": csrf_from(page.text),
            },
            headers={"Referer": self.host + "/accounts/login/"},
            name="login",
            allow_redirects=False,
        )
        if response.status_code != 302:
            raise RuntimeError(f"login failed for {self.username}: {response.status_code}")
        if next(_logged_in) >= USER_COUNT:
            _steady_since.append(time.time())
            _steady.set()
        form = self.client.get("/activiteiten/nieuw/", name="new activity form")
        self.wijken = OPTION_VALUE.findall(WIJK_OPTION.search(form.text).group(1))

    @task(3)
    def record_activity(self) -> None:
        form = self.client.get("/activiteiten/nieuw/", name="new activity form")
        title = f"Load {self.username} {uuid.uuid4().hex[:12]}"
        token = TOKEN_INPUT.search(form.text)
        data = {
            "csrfmiddlewaretoken": csrf_from(form.text),
            # The one-time token the form carries (core.onetime), as a browser sends it.
            "submission_token": token.group(1) if token else "",
            "datum": datetime.date.today().isoformat(),
            "wijk": self.wijken[hash(title) % len(self.wijken)],
            "soort": SOORTEN[hash(title) % len(SOORTEN)],
            "titel": title,
            "beschrijving": "Koffieochtend in het buurthuis, gesprekken over de wijk.",
            "bewoners_bereikt": str(5 + hash(title) % 40),
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
            "links-MIN_NUM_FORMS": "0",
            "links-MAX_NUM_FORMS": "1000",
        }
        with self.client.post(
            "/activiteiten/nieuw/",
            data=data,
            headers={"Referer": self.host + "/activiteiten/nieuw/"},
            name="record activity",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                with _writes_lock:
                    _writes.append(title)
                response.success()
            else:
                response.failure(f"activity not saved: HTTP {response.status_code}")

    @task(5)
    def list_activities(self) -> None:
        self.client.get("/activiteiten/", name="activity list")

    @task(2)
    def filter_activities(self) -> None:
        self.client.get(
            "/activiteiten/?periode=jaar&soort=bijeenkomst&q=buurt", name="filtered list"
        )

    @task(1)
    def home(self) -> None:
        self.client.get("/", name="home")


@events.request.add_listener
def record_steady(name, response_time, exception, start_time=None, **kwargs) -> None:
    # Only requests sent after the last login: one queued behind the logins is left out.
    if _steady.is_set() and (start_time or 0) >= _steady_since[0]:
        _steady_times.setdefault(name, []).append(response_time)
        if exception:
            _steady_failures[name] = _steady_failures.get(name, 0) + 1


def _percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


@events.quitting.add_listener
def save_writes(environment, **kwargs) -> None:
    os.makedirs(os.path.dirname(WRITES_FILE), exist_ok=True)
    with open(WRITES_FILE, "w", encoding="utf-8") as handle:
        handle.write("\n".join(_writes))
    with open(STEADY_FILE, "w", encoding="utf-8") as handle:
        handle.write("name,count,failures,p50,p95,p99,max\n")
        for name, times in sorted(_steady_times.items()):
            p50, p95, p99 = (_percentile(times, share) for share in (0.5, 0.95, 0.99))
            failures = _steady_failures.get(name, 0)
            handle.write(
                f"{name},{len(times)},{failures},{p50:.0f},{p95:.0f},{p99:.0f},{max(times):.0f}\n"
            )
