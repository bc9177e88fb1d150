#!/usr/bin/env bash
# Create .venv with Python 3.11 and install borderdash with the given extra ("" for the app, "test" for tests),
# then the web map's browser assets (Leaflet, Leaflet.draw: pinned npm tarballs, hash-checked; borderdash.assets).
# Installs only when .venv is missing, pyproject.toml (or the extra) changed or an asset is missing, so later starts need no network.
set -euo pipefail
cd "$(dirname "$0")/.."
extra="${1:-}"
python="${PYTHON:-python3.11}"
command -v "$python" >/dev/null || python=python3
stamp=.venv/.borderdash-installed
want="$(sha256sum pyproject.toml | cut -c1-64) extra=${extra:-app}"
installed=no
if [ -x .venv/bin/python ] && [ -f "$stamp" ] && grep -qxF "$want" "$stamp"; then
  installed=yes
fi
# An installed test extra includes the app: starting the app after the tests needs no install.
if [ -z "$extra" ] && [ -f "$stamp" ] && grep -qxF "${want% *} extra=test" "$stamp"; then
  installed=yes
fi
if [ "$installed" = no ]; then
  if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
  fi
  echo "setting up .venv (first run, or pyproject.toml changed) …" >&2
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  if [ -n "$extra" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[$extra]"
  else
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
  fi
  echo "$want" > "$stamp"
fi
.venv/bin/python -m borderdash.assets
