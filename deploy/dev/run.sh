#!/usr/bin/env bash
# `make run`: migrate, create the regions and demo data, then serve with a task worker beside.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-config.settings.dev}"
PY=.venv/bin/python
PORT="${PORT:-8000}"
$PY manage.py migrate_schemas --shared -v 0
$PY manage.py migrate_schemas --tenant -v 0
$PY manage.py load_demo
$PY manage.py payment_schedule
$PY manage.py load_results_demo
$PY manage.py qcluster &
WORKER=$!
# The sandbox payment platform (payments/sandbox): pay pages and signed notifications.
PAYMENT_SANDBOX_PORT="${PAYMENT_SANDBOX_PORT:-8700}"
export PAYMENT_SANDBOX_URL="${PAYMENT_SANDBOX_URL:-http://localhost:$PAYMENT_SANDBOX_PORT}"
$PY -m payments.sandbox --port "$PAYMENT_SANDBOX_PORT" --public-url "$PAYMENT_SANDBOX_URL" &
SANDBOX=$!
trap 'kill $WORKER $SANDBOX 2>/dev/null || true' EXIT INT TERM
echo "Public site: http://localhost:$PORT/   Regions: http://<code>.localhost:$PORT/ (e.g. http://urumqi.localhost:$PORT/)"
$PY manage.py runserver "0.0.0.0:$PORT"
