#!/usr/bin/env bash
# What basic auth and TLS cost per request on the plain listener, agent360
# and Prometheus 2.42 side by side with the same web configuration file
# (both read exporter-toolkit's format): wrk on /api/v1/status/buildinfo,
# open / basic auth / TLS + basic auth, each server pinned to CPU 0, wrk to
# CPU 1. Prints requests/s and each mode's ratio to the open listener.
#   scripts/bench-auth.sh            # BENCH_AUTH_SECONDS=10 BENCH_AUTH_CONNECTIONS=8
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh bench >/dev/null
seconds="${BENCH_AUTH_SECONDS:-10}"
connections="${BENCH_AUTH_CONNECTIONS:-8}"
swift build -c release --scratch-path .build-bench --product agent360 >/dev/null
bin="$(swift build -c release --scratch-path .build-bench --show-bin-path)"
work="$(mktemp -d /tmp/agent360-bench-auth.XXXXXX)"
# Prometheus's web configuration covers /-/ready too, so every request carries the credentials.
header="Authorization: Basic $(printf 'bench:bench-password' | base64)"
pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_ready() { for _ in $(seq 1 600); do curl -sfk -H "$header" "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "not ready: $1" >&2; return 1; }

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$work/server.key" \
  -out "$work/server.crt" -days 1 -subj "/CN=localhost" -addext "subjectAltName=IP:127.0.0.1" 2>/dev/null
hash="$(echo "bench-password" | "$bin/agent360" hash-password --cost 10)"
printf 'basic_auth_users:\n  bench: %s\n' "$hash" > "$work/auth.yml"
printf 'tls_server_config:\n  cert_file: %s\n  key_file: %s\nbasic_auth_users:\n  bench: %s\n' \
  "$work/server.crt" "$work/server.key" "$hash" > "$work/tls.yml"
echo "global: {scrape_interval: 1m}" > "$work/prometheus.yml"

run() { # SERVER MODE
  local server="$1" mode="$2" port scheme=http web=() pid
  port=$(free_port)
  [ "$mode" = tls ] && scheme=https
  case "$mode" in auth) web=(--web.config.file="$work/auth.yml") ;; tls) web=(--web.config.file="$work/tls.yml") ;; esac
  if [ "$server" = agent360 ]; then
    taskset -c 0 "$bin/agent360" serve --storage.path "" --log-level warning --listen "127.0.0.1:$port" \
      --secure-listen "127.0.0.1:$(free_port)" "${web[@]}" > "$work/$server-$mode.log" 2>&1 &
  else
    taskset -c 0 prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/prom-$mode" \
      --web.listen-address="127.0.0.1:$port" --log.level=warn "${web[@]}" > "$work/$server-$mode.log" 2>&1 &
  fi
  pid=$!; pids+=("$pid")
  local ready=/readyz
  [ "$server" = prometheus ] && ready=/-/ready
  wait_ready "$scheme://127.0.0.1:$port$ready" || { cat "$work/$server-$mode.log" >&2; exit 1; }
  local url="$scheme://127.0.0.1:$port/api/v1/status/buildinfo"
  [ "$(curl -sk -o /dev/null -w '%{http_code}' -H "$header" "$url")" = 200 ] || { echo "$server $mode: not 200" >&2; exit 1; }
  taskset -c 1 wrk -t1 -c"$connections" -d2s -H "$header" "$url" >/dev/null   # warm-up (and the one bcrypt run)
  local rps
  rps=$(taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" -H "$header" "$url" | awk '/Requests\/sec/ {print $2}')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$rps"
}

declare -A rps
for round in 1 2; do
  for server in agent360 prometheus; do
    for mode in open auth tls; do
      value=$(run "$server" "$mode")
      rps[$server-$mode]=$(awk -v a="${rps[$server-$mode]:-0}" -v b="$value" 'BEGIN {print a + b / 2}')
    done
  done
done
printf '%-12s %12s %12s %12s %12s %12s\n' server open auth tls auth/open tls/open
for server in agent360 prometheus; do
  awk -v s="$server" -v o="${rps[$server-open]}" -v a="${rps[$server-auth]}" -v t="${rps[$server-tls]}" \
    'BEGIN {printf "%-12s %12.0f %12.0f %12.0f %12.2f %12.2f\n", s, o, a, t, a / o, t / o}'
done
for mode in open auth tls; do
  awk -v m="$mode" -v a="${rps[agent360-$mode]}" -v p="${rps[prometheus-$mode]}" \
    'BEGIN {printf "agent360/prometheus requests/s, %s: %.2f\n", m, a / p}'
done
