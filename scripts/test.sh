#!/usr/bin/env bash
# Set up (first time; Debian chromium, CJK fonts, nginx for the proxy test, postgresql for the workspace store) and run every check: ruff, the data report and the test suite (unit, AppTest, Chromium e2e).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || [ ! -x /usr/sbin/nginx ] \
  || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk nginx postgresql >/dev/null
fi
./scripts/setup.sh test
.venv/bin/ruff check .
.venv/bin/borderdash check-data > /dev/null
echo "pytest: unit tests, then the slow rebuild, then e2e in Chromium" >&2
exec .venv/bin/python -m pytest "$@"
