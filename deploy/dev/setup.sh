#!/usr/bin/env bash
# Install what the project needs on a Debian machine: the Python virtualenv with the pinned
# packages, gettext (translations), the fonts and poppler of printing and, with --browser,
# Debian's chromium for browser tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"

apt_install() {
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
        echo "setup: please install the Debian packages: $*" >&2
        return 1
    fi
    echo "setup: installing $* with apt-get" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 || {
        apt-get update -q >/dev/null 2>&1
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
    }
}

if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv || { apt_install python3-venv && "$PYTHON" -m venv .venv; }
fi
if [ ! -f .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ]; then
    .venv/bin/pip install -q --disable-pip-version-check -e ".[dev]" \
        || { echo "setup: pip install failed" >&2; exit 1; }
    touch .venv/.installed
fi

command -v msgfmt >/dev/null || apt_install gettext || { echo "setup: gettext missing" >&2; exit 1; }
# Printing (printing/): a CJK face with a real bold (Noto Sans/Serif CJK), an Arabic-script face
# for Uyghur names and addresses (Noto Naskh/Sans Arabic), and poppler's pdffonts/pdftoppm that
# the tests read PDFs with.
fc-list "Noto Sans CJK SC:style=Bold" 2>/dev/null | grep -q . || apt_install fonts-noto-cjk \
    || { echo "setup: fonts-noto-cjk missing" >&2; exit 1; }
fc-list "Noto Naskh Arabic" 2>/dev/null | grep -q . || apt_install fonts-noto-core \
    || { echo "setup: fonts-noto-core missing" >&2; exit 1; }
command -v pdffonts >/dev/null || apt_install poppler-utils \
    || { echo "setup: poppler-utils missing" >&2; exit 1; }
DJANGO_SETTINGS_MODULE=config.settings.dev .venv/bin/python manage.py compilemessages -v 0 \
    --ignore=.venv >/dev/null

if [ "${1:-}" = "--browser" ]; then
    [ -x /usr/bin/chromium ] || apt_install chromium || { echo "setup: chromium missing" >&2; exit 1; }
    fc-list :lang=zh 2>/dev/null | grep -q . || apt_install fonts-wqy-microhei || true
    # axe-core (accessibility checks injected into pages by the browser tests), from npm.
    command -v npm >/dev/null || apt_install npm || { echo "setup: npm missing" >&2; exit 1; }
    if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        npm ci --no-audit --no-fund --silent || { echo "setup: npm ci failed" >&2; exit 1; }
    fi
fi
