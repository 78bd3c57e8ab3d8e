#!/usr/bin/env bash
# Soak test (issue 11): one release agent360, pinned to CPU 0, under a mixed
# load from CPU 1 for SOAK_MINUTES (default 10):
#   - remote write at half the maximum ingest rate, measured first on a fresh
#     agent360 with `agent360-bench send` (SOAK_RATE overrides the half),
#     from a fleet in which SOAK_CHURN (0.1) of the pods per minute are
#     replaced by pods of new names (old series end with a stale marker);
#   - range queries (/api/v1/query_range) and external and custom metrics API
#     requests (HTTPS, bearer token) at fixed rates;
#   - recording rules every 10 s, checkpoints every minute, and a retention
#     of SOAK_RETENTION (2m) so that several retention periods pass.
# The RSS and each kind's latency are sampled every 5 s into a CSV, then
# scripts/soak_report.py judges the run (RSS plateau, no error answers, API
# p99 under 50 ms, load delivered) and draws the chart; the script exits
# non-zero when a criterion fails. Output goes to SOAK_OUT (.build-bench/soak).
#   scripts/soak.sh [MINUTES]        (make soak SOAK_MINUTES=10)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-${SOAK_MINUTES:-10}}"
retention_s="${SOAK_RETENTION_SECONDS:-120}"
churn="${SOAK_CHURN:-0.1}"
out="${SOAK_OUT:-.build-bench/soak}"
[[ "$minutes" =~ ^[0-9]+$ && "$minutes" -ge 1 ]] || { echo "usage: $0 [MINUTES]" >&2; exit 2; }
scripts/install-deps.sh soak >/dev/null

echo "== release build"
swift build -c release --scratch-path .build-bench >/dev/null
bin="$(swift build -c release --scratch-path .build-bench --show-bin-path)"
work="$(mktemp -d /tmp/agent360-soak.XXXXXX)"
mkdir -p "$out"
pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_ready() { for _ in $(seq 1 300); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "not ready: $1" >&2; return 1; }

echo "soak-token,system:serviceaccount:kube-system:horizontal-pod-autoscaler,uid-1" > "$work/tokens.csv"
# soak_config RETENTION_SECONDS
soak_config() {
  cat > "$work/agent360.yaml" <<CONFIG
storage: {retention: $1s, checkpointInterval: 1m}
rules:
  groups:
    - name: soak
      interval: 10s
      rules:
        - record: soak:request_rate:by_workload
          expr: sum by (namespace, workload) (rate(bench_requests_total[1m]))
        - record: soak:error_ratio:by_workload
          expr: sum by (namespace, workload) (rate(bench_requests_total{code=~"5.."}[1m])) / sum by (namespace, workload) (rate(bench_requests_total[1m]))
        - record: soak:latency_p95_seconds:by_workload
          expr: histogram_quantile(0.95, sum by (namespace, workload, le) (rate(bench_request_duration_seconds_bucket[1m])))
externalMetrics:
  - name: soak_request_rate
    query: sum(rate(bench_requests_total[1m]))
  - name: soak_recorded_request_rate
    query: sum(soak:request_rate:by_workload)
customMetrics:
  - name: soak_pod_request_rate
    query: sum by (namespace, pod) (rate(bench_requests_total[1m]))
    resources: {pod: pod, namespace: namespace}
secureAPI:
  tokenAuthFile: $work/tokens.csv
CONFIG
}
# start_agent360 DATA_DIR: sets agent_pid, agent_port, agent_secure.
start_agent360() {
  agent_port=$(free_port); agent_secure=$(free_port)
  taskset -c 0 "$bin/agent360" serve --config "$work/agent360.yaml" --log-level warning --storage.path "$1" \
    --listen "127.0.0.1:$agent_port" --secure-listen "127.0.0.1:$agent_secure" >> "$work/agent360.log" 2>&1 &
  agent_pid=$!; pids+=("$agent_pid")
  wait_ready "http://127.0.0.1:$agent_port/readyz"
}
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

if [[ -n "${SOAK_RATE:-}" ]]; then
  max_rate=$(( SOAK_RATE * 2 ))
  echo "== ingest rate given: $SOAK_RATE samples/s"
else
  # The same sender as `make bench` (bodies encoded before the clock
  # starts): 100k series × 20 rounds, best of two fresh servers.
  max_rate=0
  soak_config 3600
  for run in 1 2; do
    start_agent360 "$work/calibration-data"
    result=$(taskset -c 1 "$bin/agent360-bench" send --url "http://127.0.0.1:$agent_port/api/v1/write" --series 100000 --rounds 20)
    rate=$(python3 -c 'import json,sys; r=json.loads(sys.argv[1]); assert r["failed"] == 0, r["firstError"]; print(int(r["samplesPerSecond"]))' "$result")
    echo "== calibration run $run: maximum ingest $rate samples/s"
    (( rate > max_rate )) && max_rate=$rate
    stop "$agent_pid"; rm -rf "$work/calibration-data"
  done
fi
target=$(( max_rate / 2 ))

echo "== soak: $minutes min at $target samples/s (half of $max_rate), churn $churn/min, retention ${retention_s}s"
soak_config "$retention_s"
start_agent360 "$work/soak-data"; rm -f /tmp/probe.out; /tmp/probe.sh $agent_port /tmp/probe.out & pids+=($!)
set +e
taskset -c 1 "$bin/agent360-bench" soak --url "http://127.0.0.1:$agent_port" --api-url "https://127.0.0.1:$agent_secure" \
  --token soak-token --pid "$agent_pid" --csv "$out/soak.csv" --duration $(( minutes * 60 )) --rate "$target" \
  --churn "$churn" > "$out/summary.json"
soak_status=$?
set -e
alive=1; kill -0 "$agent_pid" 2>/dev/null || alive=0
stop "$agent_pid"
cp "$work/agent360.log" "$out/agent360.log"
if (( soak_status != 0 )); then echo "FAIL: the soak client exited with $soak_status" >&2; exit 1; fi
if (( alive == 0 )); then echo "FAIL: agent360 exited during the soak (log: $out/agent360.log)" >&2; exit 1; fi
echo "== agent360 log: $(grep -c . "$out/agent360.log" || true) lines at warning or above ($out/agent360.log)"
python3 scripts/soak_report.py "$out/soak.csv" "$out/summary.json" "$out/soak.png" \
  --retention-seconds "$retention_s" --max-rate "$max_rate"
