#!/usr/bin/env bash
# Serve the dashboard with N Streamlit replicas behind nginx: deploy/serve.sh N [LISTEN] [FIRST_PORT]
#   N          replicas (default 2)
#   LISTEN     nginx address (default 127.0.0.1:8080; 0.0.0.0:80 for an intranet, as root)
#   FIRST_PORT first replica port (default 8601); replicas listen on 127.0.0.1 only.
# Workspaces: every replica uses one PostgreSQL. With BORDERDASH_DATABASE_URL=postgresql://… set, that server; else
# a cluster of Debian's postgresql started here (borderdash.pgserver) in BORDERDASH_PG_HOME (default: beside the
# workspace data; as root /var/lib/postgresql/borderdash), on 127.0.0.1:BORDERDASH_PG_PORT (default 5433), kept across runs.
# Runs in the foreground; Ctrl-C stops nginx, every replica and the PostgreSQL it started.
# Needs Debian's nginx and postgresql (apt-get install nginx postgresql).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-2}"; listen="${2:-127.0.0.1:8080}"; first="${3:-8601}"
run="$(mktemp -d "${TMPDIR:-/tmp}/borderdash-serve.XXXXXX")"
nginx="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
pids=()
started_pg=""
cleanup() {
  set +e
  [ -f "$run/nginx.pid" ] && kill "$(cat "$run/nginx.pid")" 2>/dev/null
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  [ -n "$started_pg" ] && .venv/bin/python -m borderdash.pgserver stop
  rm -rf "$run"
}
trap cleanup EXIT
trap 'exit 143' INT TERM
if [ -z "${BORDERDASH_DATABASE_URL:-}" ]; then
  .venv/bin/python -m borderdash.pgserver start --url-file "$run/database-url"
  started_pg=1
  BORDERDASH_DATABASE_URL="$(cat "$run/database-url")"
fi
export BORDERDASH_DATABASE_URL
upstreams=""
for i in $(seq 0 $((n - 1))); do
  port=$((first + i))
  .venv/bin/streamlit run app.py --server.port "$port" --server.address 127.0.0.1 --server.headless true \
    --server.scriptHealthCheckEnabled true > "$run/replica-$i.log" 2>&1 &
  pids+=($!)
  echo "borderdash: replica $i pid $! on 127.0.0.1:$port"
  .venv/bin/python -m borderdash.warmup --server.port "$port" >> "$run/replica-$i.log" 2>&1 &
  upstreams+="        server 127.0.0.1:$port max_fails=3 fail_timeout=10s;"$'\n'
done
for i in $(seq 0 $((n - 1))); do
  port=$((first + i))
  for _ in $(seq 120); do curl -fs "http://127.0.0.1:$port/_stcore/health" >/dev/null && break; sleep 0.5; done
done
sed -e "s#@RUN@#$run#g" -e "s#@LISTEN@#$listen#g" deploy/nginx.conf.template | awk -v up="$upstreams" '{ if ($0 == "@UPSTREAMS@") printf "%s", up; else print }' > "$run/nginx.conf"
"$nginx" -t -q -c "$run/nginx.conf" -p "$run" 2>/dev/null || "$nginx" -t -c "$run/nginx.conf" -p "$run"
"$nginx" -c "$run/nginx.conf" -p "$run" -g "daemon off;" &
nginx_pid=$!
pids+=("$nginx_pid")
echo "borderdash: $n replicas behind http://$listen (health: /healthz)"
# A replica's death does not stop the service (nginx sends its visitors to the others): run until nginx stops or a signal.
while kill -0 "$nginx_pid" 2>/dev/null; do wait "$nginx_pid" || true; done
