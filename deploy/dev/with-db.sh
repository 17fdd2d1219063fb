#!/usr/bin/env bash
# Run a command with DATABASE_URL set: the caller's, or the project-local server's.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ -z "${DATABASE_URL:-}" ]; then
    DATABASE_URL="$("$ROOT/deploy/dev/localdb.sh" start)"
    export DATABASE_URL
fi
exec "$@"
