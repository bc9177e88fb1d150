#!/usr/bin/env bash
# Set up (first time) and start the dashboard on the bundled data: http://localhost:8501
# Once the server answers, the first page is run once server-side (borderdash.warmup), so the first visitor does not wait.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
.venv/bin/streamlit run app.py --server.scriptHealthCheckEnabled true "$@" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null' INT TERM
.venv/bin/python -m borderdash.warmup "$@" || true &
wait "$server"
