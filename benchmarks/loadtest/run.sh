#!/usr/bin/env bash
# Load test: 50 simulated social brokers against gunicorn + PostgreSQL on this
# machine (loopback only), for LOAD_TIME (default 3m). Prints throughput and
# latency percentiles (logins apart), the load average before and after, and
# fails when a request failed or a write was lost.
#
#   LOAD_USERS=200 LOAD_WORKERS=4 LOAD_TIME=3m bash benchmarks/loadtest/run.sh
#   LOAD_SPAWN_RATE=1 ...   brokers arriving one a second instead of ten
#   PGPORT=5438 PGDATA_DIR=/tmp/pg-mine bash benchmarks/loadtest/run.sh   # another server
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

LOAD_TIME="${LOAD_TIME:-3m}"
export LOAD_USERS="${LOAD_USERS:-50}"
PORT="${LOAD_PORT:-8020}"
WORKERS="${LOAD_WORKERS:-4}"
UV="$(command -v uv || echo python3 -m uv)"
OUT=var/loadtest
mkdir -p "$OUT"
export LOAD_WRITES_FILE="$OUT/writes.txt" LOAD_STEADY_FILE="$OUT/steady.csv"
rm -f "$OUT/steady.csv"

$UV sync --frozen --group load --quiet
base_url="$(bash scripts/pg-start)"
psql "$base_url" -qc "DROP DATABASE IF EXISTS sterkewijken_load" -qc "CREATE DATABASE sterkewijken_load"
export DATABASE_URL="${base_url%/*}/sterkewijken_load"
export PYTHONPATH=.
export DJANGO_DEBUG=false DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost

.venv/bin/python manage.py migrate --verbosity 0
.venv/bin/python manage.py demodata --verbosity 0 > /dev/null
.venv/bin/python benchmarks/loadtest/prepare.py

.venv/bin/gunicorn sterkewijken.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" \
    --access-logfile /dev/null --error-logfile "$OUT/gunicorn.log" &
gunicorn_pid=$!
trap 'kill $gunicorn_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/accounts/login/" && break
    sleep 0.2
done

echo "users: $LOAD_USERS, gunicorn workers: $WORKERS, $(nproc) cores"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# The 1-minute load average every 10 s during the run (locust itself included).
(while sleep 10; do cut -d' ' -f1 /proc/loadavg; done) > "$OUT/loadavg.txt" &
sampler_pid=$!
trap 'kill $gunicorn_pid $sampler_pid 2>/dev/null || true' EXIT
.venv/bin/locust -f benchmarks/loadtest/locustfile.py --headless \
    --users "$LOAD_USERS" --spawn-rate "${LOAD_SPAWN_RATE:-10}" --run-time "$LOAD_TIME" \
    --host "http://127.0.0.1:$PORT" --csv "$OUT/stats" --only-summary --exit-code-on-error 0 \
    > "$OUT/locust.log" 2>&1
kill $sampler_pid 2>/dev/null || true
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
awk '{ sum += $1; if ($1 > max) max = $1 } END { if (NR) printf "load average during: mean %.1f, max %.1f (%d samples)\n", sum / NR, max, NR }' "$OUT/loadavg.txt"

.venv/bin/python benchmarks/loadtest/verify.py "$LOAD_WRITES_FILE" "$OUT/stats_stats.csv"
