#!/usr/bin/env bash
# Side-by-side benchmarks: agent360 and Prometheus 2.42 get the same load in
# the same run, each server pinned to CPU 0 (taskset), the load generator on
# CPU 1. Results are printed and written into BENCHMARKS.md.
#   scripts/bench.sh [ingest|query|api|all]
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
scripts/install-deps.sh bench >/dev/null

SERIES="${BENCH_SERIES:-100000}"
ROUNDS="${BENCH_ROUNDS:-60}"
RUNS="${BENCH_RUNS:-3}"
echo "== release build"
swift build -c release --scratch-path .build-bench >/dev/null
bin="$(swift build -c release --scratch-path .build-bench --show-bin-path)"
work="$(mktemp -d /tmp/agent360-bench.XXXXXX)"
results="$work/results.jsonl"
pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
# CPU seconds (user + system) a process has used so far.
cpu_s() { python3 -c "import os; f=open('/proc/$1/stat').read().rsplit(')',1)[1].split(); print((int(f[11])+int(f[12]))/os.sysconf('SC_CLK_TCK'))"; }
wait_ready() { for _ in $(seq 1 300); do curl -sfk "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "not ready: $1" >&2; return 1; }
metric() { curl -s "$1" | awk -v name="$2" '$1 == name && !found {value = $2; found = 1} END {print value}'; }  # reads to the end: an early exit would fail curl (pipefail)
record() { echo "$1" >> "$results"; }

start_agent360() {
  agent_port=$(free_port); agent_secure=$(free_port)
  cat > "$work/tokens.csv" <<TOKENS
bench-token,system:serviceaccount:kube-system:horizontal-pod-autoscaler,uid-1
TOKENS
  cat > "$work/agent360.yaml" <<CONFIG
collectors: {enabled: false}
storage: {maxActiveSeries: 0}
rules: {groups: []}
externalMetrics:
  - name: bench_request_rate
    query: sum(rate(bench_requests_total[1m]))
  - name: agent360_request_rate
    query: sum(rate(agent360_http_requests_total[1m]))
secureAPI:
  tokenAuthFile: $work/tokens.csv
CONFIG
  taskset -c 0 "$bin/agent360" serve --config "$work/agent360.yaml" --log-level warning \
    --listen "127.0.0.1:$agent_port" --secure-listen "127.0.0.1:$agent_secure" > "$work/agent360.log" 2>&1 &
  agent_pid=$!; pids+=("$agent_pid")
  wait_ready "http://127.0.0.1:$agent_port/readyz"
}

start_prometheus() {
  prom_port=$(free_port)
  echo "global: {scrape_interval: 1m}" > "$work/prometheus.yml"
  rm -rf "$work/prom-data"
  taskset -c 0 prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/prom-data" \
    --web.listen-address="127.0.0.1:$prom_port" --web.enable-remote-write-receiver --log.level=warn > "$work/prometheus.log" 2>&1 &
  prom_pid=$!; pids+=("$prom_pid")
  wait_ready "http://127.0.0.1:$prom_port/-/ready"
}

stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# One start time per run pair, so both servers get byte-identical requests
# whose newest samples are current (the API benchmark reads at "now").
new_timeline() {
  start_ms=$(( $(date +%s%3N) - ROUNDS * 15000 ))
  end_s=$(python3 -c "print(($start_ms + ($ROUNDS - 1) * 15000 + 15000) / 1000)")
}

load() { # url label
  taskset -c 1 "$bin/agent360-bench" send --url "$1" --series "$SERIES" --rounds "$ROUNDS" --start "$start_ms"
}

# Sends the load to one server and records its rate, CPU seconds and RSS
# growth per active series: measure_ingest NAME PID BASE_URL ACTIVE_SERIES_METRIC
measure_ingest() {
  local base after cpu0 cpu1 out active
  base=$(rss_kb "$2"); cpu0=$(cpu_s "$2")
  out=$(load "$3/api/v1/write")
  after=$(rss_kb "$2"); cpu1=$(cpu_s "$2")
  active=$(metric "$3/metrics" "$4")
  record "{\"bench\":\"ingest\",\"server\":\"$1\",\"run\":$run,\"result\":$out,\"rssBaseKB\":$base,\"rssAfterKB\":$after,\"activeSeries\":$active,\"cpuSeconds\":$(python3 -c "print($cpu1-$cpu0)")}"
  echo "$out"
}

# The HPA-style queries, timed on one server: run_queries NAME BASE_URL RUNS
run_queries() {
  echo "== query: $1"
  for q in 'sum(rate(bench_requests_total[1m]))' \
           'sum(rate(bench_requests_total{code=~"5.."}[1m])) / sum(rate(bench_requests_total[1m]))' \
           'histogram_quantile(0.95, sum by (le) (rate(bench_request_duration_seconds_bucket[1m])))' \
           'sum by (namespace, workload) (rate(bench_requests_total[1m]))' \
           'sum(rate(bench_requests_total{pod="pod-1234"}[1m]))'; do
    r=$(taskset -c 1 "$bin/agent360-bench" query-latency --url "$2" --query "$q" --time "$end_s" --runs "$3")
    record "{\"bench\":\"query\",\"server\":\"$1\",\"result\":$r}"; echo "$r"
  done
}

if [[ "$what" == ingest || "$what" == query || "$what" == all ]]; then
# Ingest runs alternate between the servers (machine noise hits both alike);
# the report takes medians. Queries and the API use the last run's data.
for run in $(seq 1 "$RUNS"); do
  new_timeline
  echo "== ingest: agent360 (run $run of $RUNS)"
  start_agent360
  measure_ingest agent360 "$agent_pid" "http://127.0.0.1:$agent_port" agent360_tsdb_active_series
  if [[ "$what" != ingest && $run == "$RUNS" ]]; then
    run_queries agent360 "http://127.0.0.1:$agent_port" 30
  fi
  if [[ "$what" == all && $run == "$RUNS" ]]; then
    echo "== api: agent360 external metrics under wrk"
    cat > "$work/auth.lua" <<'LUA'
wrk.headers["Authorization"] = "Bearer bench-token"
LUA
    api="https://127.0.0.1:$agent_secure/apis/external.metrics.k8s.io/v1beta1/namespaces/ns-1/bench_request_rate?labelSelector=workload%3Dapp-1"
    # A benchmark of error answers would be meaningless: require a value first.
    answer=$(curl -sfk -H "Authorization: Bearer bench-token" "$api"); echo "${answer:0:300}"
    wrk_out=$(taskset -c 1 wrk -t1 -c8 -d15s --latency -s "$work/auth.lua" "$api")
    echo "$wrk_out"
    if grep -q "Non-2xx" <<<"$wrk_out"; then echo "external metrics API answered errors under load" >&2; exit 1; fi
    python3 - "$wrk_out" >> "$results" <<'PY'
import json, re, sys
text = sys.argv[1]
def ms(v, unit): return float(v) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", text); p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
print(json.dumps({"bench": "api", "server": "agent360", "result": {"medianMs": ms(*p50.groups()), "p99Ms": ms(*p99.groups()), "requestsPerSecond": float(rps.group(1))}}))
PY
    echo "== api: freshness"
    fresh=$(taskset -c 1 "$bin/agent360-bench" freshness --write-url "http://127.0.0.1:$agent_port" --api-url "https://127.0.0.1:$agent_secure" --token bench-token --trials 20)
    record "{\"bench\":\"freshness\",\"server\":\"agent360\",\"result\":$fresh}"; echo "$fresh"
  fi
  stop "$agent_pid"

  echo "== ingest: Prometheus $(prometheus --version 2>&1 | head -1 | awk '{print $3}') (run $run of $RUNS)"
  start_prometheus
  measure_ingest prometheus "$prom_pid" "http://127.0.0.1:$prom_port" prometheus_tsdb_head_series
  if [[ "$what" != ingest && $run == "$RUNS" ]]; then
    run_queries prometheus "http://127.0.0.1:$prom_port" 10
  fi
  stop "$prom_pid"
done
fi

python3 scripts/bench_report.py "$results" BENCHMARKS.md
echo "== BENCHMARKS.md updated"
