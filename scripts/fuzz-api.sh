#!/usr/bin/env bash
# Fuzz the REST API with schemathesis against its own OpenAPI document.
#
#   bash scripts/fuzz-api.sh [SECONDS] [DB]
#
# Starts `allegiance serve` on loopback over a temporary store of synthetic articles
# (or DB, e.g. a postgresql:// URL), with URL fetching off (the fuzzer's URLs must never
# leave this machine) and an empty analysis pipeline (submissions are stored at once),
# then runs schemathesis's example, coverage and fuzzing phases for SECONDS (default 120)
# with the not_a_server_error check. Exits non-zero if any request got a 5xx answer.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_BUDGET="${1:-120}"
PY="${PYTHON:-.venv/bin/python}"
[ -x "$PY" ] || PY=python3
ST="$(dirname "$PY")/schemathesis"
[ -x "$ST" ] || ST="schemathesis"

TMP="$(mktemp -d /tmp/allegiance-fuzz.XXXXXX)"
DB="${2:-$TMP/fuzz.db}"
"$PY" - "$DB" <<'PY'
import sys
from allegiance.service.synth import synthetic_corpus
from allegiance.storage import open_store
with open_store(sys.argv[1]) as s:
    for doc in synthetic_corpus(300, seed=5):
        s.save_document(doc)
PY
PORT="$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
ALLEGIANCE_TOKEN="" "$PY" -m allegiance.service.commands --db "$DB" --port "$PORT" \
  --no-fetch --stages none --log-level warning >"$TMP/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break
  sleep 0.2
done

set +e
"$ST" run "http://127.0.0.1:$PORT/openapi.json" \
  --checks not_a_server_error \
  --phases examples,coverage,fuzzing \
  --max-time "$SECONDS_BUDGET" \
  --workers 2 \
  --request-timeout 30 \
  --suppress-health-check all \
  --continue-on-failure
RC=$?
set -e
if grep -q "Traceback" "$TMP/server.log"; then
  echo "fuzz-api: the server logged exceptions:" >&2
  grep -B2 -A20 "Traceback" "$TMP/server.log" >&2 || true
  RC=1
fi
echo "fuzz-api: schemathesis exit code $RC (server log: $TMP/server.log)"
exit $RC
