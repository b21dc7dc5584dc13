"""Logs an IT department can collect: one JSON line per request and per task.

:class:`RequestLogMiddleware` gives every request an id (a sane incoming
``X-Request-ID`` from the proxy is kept, otherwise a new one; it is sent back in
the response header) and writes one line when the response is ready: time,
level, request id, user id, role, method, path without its query string (it can
hold search text), status, duration and number of SQL queries. The background
worker writes one line per task the same way (:func:`log_task_started` /
:func:`log_task_finished`). Every other log line of the request or task carries
its id through :class:`ContextFilter`.

Never in a line: names, addresses, phone numbers, free text, query strings or
request bodies. :func:`scrub_event` keeps Sentry reports just as clean.
"""

from __future__ import annotations

import contextvars
import logging
import re
import time
import uuid

from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

logger = logging.getLogger("sterkewijken.requests")
task_logger = logging.getLogger("sterkewijken.tasks")

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

# What an incoming request id may look like (nginx's $request_id is 32 hex digits,
# load balancers send UUIDs); anything else is replaced, never logged.
SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{7,63}$")
REQUEST_ID_HEADER = "X-Request-ID"

# Attributes of a log record that are never written: the request object of
# Django's own loggers prints its full URL, query string included.
DROPPED_ATTRIBUTES = ("request", "args")


def new_request_id() -> str:
    return uuid.uuid4().hex


def incoming_request_id(request) -> str:
    value = request.headers.get(REQUEST_ID_HEADER, "")
    return value if SANE_REQUEST_ID.match(value) else new_request_id()


class QueryCounter:
    """Counts the SQL statements a connection executes (``execute_wrapper``)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def user_fields(user) -> dict:
    """The id and role of a user; nothing that names them."""
    if user is None or not getattr(user, "is_authenticated", False):
        return {"user_id": None, "role": None}
    from .roles import role_of

    try:
        role = role_of(user)
    except Exception:  # the log line must not fail the request
        role = None
    return {"user_id": user.pk, "role": role.name.lower() if role else None}


class RequestLogMiddleware:
    """First middleware: a request id and one log line per request."""

    def __init__(self, get_response):
        from django.core.signals import request_finished

        self.get_response = get_response
        # Django logs a 4xx/5xx response after the middleware returned it: the id
        # stays set until the response is closed.
        request_finished.connect(clear_request_id, dispatch_uid="core_clear_request_id")

    def __call__(self, request):
        from django.db import connection

        request_id = incoming_request_id(request)
        request.request_id = request_id
        request_id_var.set(request_id)
        counter = QueryCounter()
        started = time.monotonic()
        status = 500
        try:
            with connection.execute_wrapper(counter):
                response = self.get_response(request)
            status = response.status_code
            response[REQUEST_ID_HEADER] = request_id
            return response
        finally:
            duration_ms = round((time.monotonic() - started) * 1000, 1)
            level = logging.ERROR if status >= 500 else logging.INFO
            logger.log(
                level,
                "%s %s %s",
                request.method,
                request.path,
                status,
                extra={
                    "event": "request",
                    "method": request.method,
                    "path": request.path,
                    "status": status,
                    "duration_ms": duration_ms,
                    "queries": counter.count,
                    **user_fields(getattr(request, "user", None)),
                },
            )


def clear_request_id(**kwargs) -> None:
    request_id_var.set("")


# --- background tasks -------------------------------------------------------------

_running_tasks: dict[str, tuple[float, QueryCounter, contextvars.Token]] = {}


def log_task_started(sender, task_result, **kwargs) -> None:
    from django.db import connection

    counter = QueryCounter()
    connection.execute_wrappers.append(counter)
    token = request_id_var.set(f"task-{task_result.id}")
    _running_tasks[str(task_result.id)] = (time.monotonic(), counter, token)


def log_task_finished(sender, task_result, **kwargs) -> None:
    from django.db import connection

    started, counter, token = _running_tasks.pop(
        str(task_result.id), (time.monotonic(), QueryCounter(), None)
    )
    if counter in connection.execute_wrappers:
        connection.execute_wrappers.remove(counter)
    status = str(getattr(task_result.status, "value", task_result.status))
    task_logger.log(
        logging.ERROR if status == "FAILED" else logging.INFO,
        "task %s %s",
        task_result.task.name,
        status,
        extra={
            "event": "task",
            "task": task_result.task.name,
            "task_id": str(task_result.id),
            "status": status,
            "duration_ms": round((time.monotonic() - started) * 1000, 1),
            "queries": counter.count,
            "worker_id": (task_result.worker_ids or [None])[-1],
        },
    )
    if token is not None:
        request_id_var.reset(token)


# --- formatting -------------------------------------------------------------------


class ContextFilter(logging.Filter):
    """Adds the current request or task id to every record; drops the request object."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = request_id_var.get() or None
        return True


class JsonFormatter(BaseJsonFormatter):
    """One JSON object per line: time, level, logger, message and the extra fields."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", "%(asctime)s %(levelname)s %(name)s %(message)s")
        kwargs.setdefault("rename_fields", {"asctime": "time", "levelname": "level"})
        kwargs.setdefault("timestamp", False)
        kwargs.setdefault("datefmt", "%Y-%m-%dT%H:%M:%S%z")
        super().__init__(*args, **kwargs)

    def add_fields(self, log_data, record, message_dict) -> None:
        super().add_fields(log_data, record, message_dict)
        for name in DROPPED_ATTRIBUTES:
            log_data.pop(name, None)


class TextFormatter(logging.Formatter):
    """Readable lines for development: the message, then the request id."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", "%(asctime)s %(levelname)s %(name)s: %(message)s")
        super().__init__(*args, **kwargs)

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        extra = []
        for name in ("duration_ms", "queries", "user_id", "role", "request_id"):
            value = getattr(record, name, None)
            if value is not None:
                extra.append(f"{name}={value}")
        return f"{line} [{' '.join(extra)}]" if extra else line


# --- error reports ----------------------------------------------------------------

# Keys whose values are removed from a Sentry event wherever they occur: the
# Buurtservice requester's personal data and what could carry free text.
SCRUBBED_KEYS = frozenset(
    {
        "aanvrager_naam",
        "aanvrager_adres",
        "aanvrager_telefoon",
        "naam",
        "adres",
        "telefoon",
        "omschrijving",
        "toelichting",
        "q",
        "password",
        "csrfmiddlewaretoken",
    }
)
SCRUBBED = "[verwijderd]"


def _scrub(value):
    if isinstance(value, dict):
        return {
            key: SCRUBBED if str(key).lower() in SCRUBBED_KEYS else _scrub(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_scrub(item) for item in value]
    return value


def scrub_event(event: dict, hint: dict | None = None) -> dict:
    """Sentry's ``before_send``: no request body, query string, cookies or user
    details, and the requester fields removed anywhere else in the event."""
    request = event.get("request")
    if isinstance(request, dict):
        for key in ("data", "query_string", "cookies", "env"):
            request.pop(key, None)
        headers = request.get("headers")
        if isinstance(headers, dict):
            request["headers"] = {
                key: value
                for key, value in headers.items()
                if key.lower() not in {"cookie", "authorization", "referer", "x-csrftoken"}
            }
        if isinstance(request.get("url"), str):
            request["url"] = request["url"].split("?", 1)[0]
    user = event.get("user")
    if isinstance(user, dict):
        event["user"] = {"id": user["id"]} if "id" in user else {}
    return _scrub(event)
