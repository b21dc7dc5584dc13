"""gunicorn's settings for Sterke Wijken, from the environment (``gunicorn -c gunicorn.conf.py``).

gunicorn reads this file by itself when it is started in this folder. Long work
(report PDFs, large exports) runs in ``manage.py worker``, never in a web
request, so the timeout can stay short.
"""

import multiprocessing
import os


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


wsgi_app = "sterkewijken.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: one request each at a time; (2 × cores) + 1 is gunicorn's advice.
workers = env_int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
# A request taking longer is cut off and its worker replaced.
timeout = env_int("GUNICORN_TIMEOUT", 30)
# On a restart or stop, requests under way get this long to finish.
graceful_timeout = env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = env_int("GUNICORN_KEEPALIVE", 5)
# Each worker is replaced after this many requests (plus up to the jitter, so
# they do not all restart at once): memory a large page took is given back.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = env_int("GUNICORN_MAX_REQUESTS_JITTER", 100)
# Heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# No access log: the app writes one JSON line per request itself (core.logs),
# without the query string, which can hold search text. Errors go to stderr.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Only the reverse proxy on this machine may say the request came over HTTPS.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
