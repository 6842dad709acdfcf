#!/usr/bin/env bash
# Make the browser tests runnable: Debian's Chromium and the Python Playwright driver.
#
#   bash scripts/ci-browser.sh && pytest tests/browser
#
# Chromium comes from Debian's packages; Playwright only drives it (executable_path
# /usr/bin/chromium): no browser is ever downloaded ("playwright install" is never run).
# The front-end itself needs no npm at test time: its built files are committed under
# src/allegiance/service/static/. Set ALLEGIANCE_WEB_BUILD=1 to rebuild them first
# (npm ci + npm run build in web/app) and check that the build is reproducible.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { echo "ci-browser: $*" >&2; }

if ! command -v chromium >/dev/null 2>&1; then
  log "installing chromium from Debian packages"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >&2
fi
chromium --version >&2 || true

# The Python driver comes with the project's dev extra (pip install -e '.[dev]'); when the
# venv already exists and lacks it, add it there (never into the system Python).
PY="${PYTHON:-.venv/bin/python}"
if [ -x "$PY" ] && ! "$PY" -c "import playwright.sync_api" 2>/dev/null; then
  log "installing the playwright driver into $PY (no browser download)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 "$PY" -m pip install -q "playwright>=1.45" >&2
fi

if [ "${ALLEGIANCE_WEB_BUILD:-0}" = "1" ]; then
  log "building the web interface"
  (cd web/app && npm ci --no-audit --no-fund >&2 && npm run build >&2)
fi
log "ready"
