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
# The sandbox WeChat (core/identity/wechat/sandbox): 微信扫码登录 and binding on the profile.
WECHAT_SANDBOX_PORT="${WECHAT_SANDBOX_PORT:-8701}"
export WECHAT_SANDBOX_URL="${WECHAT_SANDBOX_URL:-http://localhost:$WECHAT_SANDBOX_PORT}"
$PY -m core.identity.wechat.sandbox --port "$WECHAT_SANDBOX_PORT" \
  --public-url "$WECHAT_SANDBOX_URL" --callback-domain "${BASE_DOMAIN:-localhost}" &
WECHAT=$!
trap 'kill $WORKER $SANDBOX $WECHAT 2>/dev/null || true' EXIT INT TERM
echo "Public site: http://localhost:$PORT/   Regions: http://<code>.localhost:$PORT/ (e.g. http://urumqi.localhost:$PORT/)"
echo "Sandboxes: payments $PAYMENT_SANDBOX_URL   WeChat $WECHAT_SANDBOX_URL"
$PY manage.py runserver "0.0.0.0:$PORT"
