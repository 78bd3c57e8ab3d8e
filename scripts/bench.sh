#!/usr/bin/env bash
# Side-by-side benchmarks: agent360 and Prometheus 2.42 get the same load in
# the same run, each server pinned to CPU 0 (taskset), the load generator on
# CPU 1. Results are printed and written into BENCHMARKS.md.
#   scripts/bench.sh [ingest|query|api|restart|all|contention]
# ingest: WAL on (fsync periodic and always) vs Prometheus, with WAL bytes per
# sample; query/api: on the last ingest run's data; restart: 1 h of data,
# clean (SIGTERM) and kill -9 restarts to ready. contention (not in all):
# remote-write and point-query latency alone, then with 4 heavy queries
# running, into its own section of BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
case "$what" in ingest|query|api|restart|all|contention) ;; *) echo "usage: $0 [ingest|query|api|restart|all|contention]" >&2; exit 2 ;; esac
scripts/install-deps.sh bench >/dev/null

SERIES="${BENCH_SERIES:-100000}"
ROUNDS="${BENCH_ROUNDS:-60}"
RUNS="${BENCH_RUNS:-3}"
# Restart benchmark: series × rounds 15 s apart (default 1 h), restarts per mode.
RESTART_SERIES="${BENCH_RESTART_SERIES:-100000}"
RESTART_ROUNDS="${BENCH_RESTART_ROUNDS:-240}"
RESTART_RUNS="${BENCH_RESTART_RUNS:-3}"
READY_TIMEOUT="${BENCH_READY_TIMEOUT:-1800}"  # seconds a restart may take before the run fails
bench_started=$EPOCHREALTIME
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
elapsed_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.4f\n", b - a}'; }
# Bytes of the regular files under a path (apparent sizes), 0 when missing.
bytes_of() { python3 - "$@" <<'PY'
import os, sys
total = 0
for top in sys.argv[1:]:
    if os.path.isfile(top):
        total += os.path.getsize(top)
    for root, _, files in os.walk(top):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
print(total)
PY
}

# Polls a readiness URL every 10 ms from CPU 1 and prints the seconds since
# $1 (an $EPOCHREALTIME taken just before the server was started) when it
# first answers 200; fails when the server exits or READY_TIMEOUT passes.
cat > "$work/ready.py" <<'PY'
import http.client, os, sys, time
t0, pid, host, port, path, limit = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5], float(sys.argv[6])
while True:
    try:
        connection = http.client.HTTPConnection(host, port, timeout=2)
        connection.request("GET", path)
        status = connection.getresponse().status
        connection.close()
        if status == 200:
            print(f"{time.time() - t0:.4f}")
            sys.exit(0)
    except OSError:
        pass
    try:
        state = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
    except OSError:
        state = "gone"
    if state in ("Z", "X", "gone"):
        sys.exit(f"server {pid} exited before {path} answered 200")
    if time.time() - t0 > limit:
        sys.exit(f"{path} not 200 after {limit} s")
    time.sleep(0.01)
PY
time_ready() { taskset -c 1 python3 "$work/ready.py" "$1" "$2" 127.0.0.1 "$3" "$4" "$READY_TIMEOUT"; }

cat > "$work/tokens.csv" <<TOKENS
bench-token,system:serviceaccount:kube-system:horizontal-pod-autoscaler,uid-1
TOKENS
# The restart benchmark's data must stay within retention (agent360's default
# is 1h) and within its count_over_time window, however long the run takes.
window_m=$(( RESTART_ROUNDS * 15 / 60 + 60 )); (( window_m >= 120 )) || window_m=120
# agent_config FSYNC, then launch_agent360 DATA_DIR: starts without waiting
# (the restart benchmark times readiness itself). Ports are picked before, a
# fresh pair per start (agent_ports).
agent_config() {
  cat > "$work/agent360.yaml" <<CONFIG
collectors: {enabled: false}
storage: {maxActiveSeries: 0, retention: ${window_m}m, fsync: $1}
rules: {groups: []}
externalMetrics:
  - name: bench_request_rate
    query: sum(rate(bench_requests_total[1m]))
  - name: agent360_request_rate
    query: sum(rate(agent360_http_requests_total[1m]))
secureAPI:
  tokenAuthFile: $work/tokens.csv
CONFIG
}
launch_agent360() {
  taskset -c 0 "$bin/agent360" serve --config "$work/agent360.yaml" --log-level warning --storage.path "$1" \
    --listen "127.0.0.1:$agent_port" --secure-listen "127.0.0.1:$agent_secure" >> "$work/agent360.log" 2>&1 &
  agent_pid=$!; pids+=("$agent_pid")
}
agent_ports() { agent_port=$(free_port); agent_secure=$(free_port); }
start_agent360() { rm -rf "$1"; agent_ports; agent_config "$2"; launch_agent360 "$1"; wait_ready "http://127.0.0.1:$agent_port/readyz"; }

echo "global: {scrape_interval: 1m}" > "$work/prometheus.yml"
launch_prometheus() { # DATA_DIR
  taskset -c 0 prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$1" \
    --web.listen-address="127.0.0.1:$prom_port" --web.enable-remote-write-receiver --log.level=warn >> "$work/prometheus.log" 2>&1 &
  prom_pid=$!; pids+=("$prom_pid")
}
start_prometheus() { rm -rf "$1"; prom_port=$(free_port); launch_prometheus "$1"; wait_ready "http://127.0.0.1:$prom_port/-/ready"; }

# The flags Prometheus runs with (the report states its WAL compression).
record_prom_flags() { record "{\"bench\":\"prometheus-flags\",\"server\":\"prometheus\",\"result\":$(curl -sf "http://127.0.0.1:$prom_port/api/v1/status/flags")}"; }
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
# Stops with a signal and waits; stopped_after = seconds until it had exited.
# (Not in $(...): a subshell cannot wait for the server.)
stop_timed() { # PID SIGNAL
  local t0=$EPOCHREALTIME
  kill -"$2" "$1"; wait "$1" 2>/dev/null || true
  stopped_after=$(elapsed_since "$t0")
}

# One start time per run pair, so both servers get byte-identical requests
# whose newest samples are current (the API benchmark reads at "now").
new_timeline() { # ROUNDS
  start_ms=$(( $(date +%s%3N) - $1 * 15000 ))
  end_s=$(python3 -c "print(($start_ms + ($1 - 1) * 15000 + 15000) / 1000)")
}

load() { # url series rounds
  taskset -c 1 "$bin/agent360-bench" send --url "$1" --series "$2" --rounds "$3" --interval 15000 --start "$start_ms"
}

# Sends the load to one server and records its rate, CPU seconds, RSS growth
# per active series and WAL bytes:
#   measure_ingest BENCH NAME PID BASE_URL ACTIVE_SERIES_METRIC WAL_DIR SERIES ROUNDS
measure_ingest() {
  local base after cpu0 cpu1 out active wal
  base=$(rss_kb "$3"); cpu0=$(cpu_s "$3")
  out=$(load "$4/api/v1/write" "$7" "$8")
  after=$(rss_kb "$3"); cpu1=$(cpu_s "$3")
  active=$(metric "$4/metrics" "$5")
  # agent360 checkpoints (and drops the WAL before) once the WAL outgrows
  # storage.checkpointWALBytes: count what it wrote, not what is left.
  if [[ $2 == agent360* ]]; then wal=$(metric "$4/metrics" agent360_wal_written_bytes_total); wal=${wal%.*}; else wal=$(bytes_of "$6"); fi
  record "{\"bench\":\"$1\",\"server\":\"$2\",\"run\":$run,\"result\":$out,\"rssBaseKB\":$base,\"rssAfterKB\":$after,\"activeSeries\":$active,\"cpuSeconds\":$(python3 -c "print($cpu1-$cpu0)"),\"walBytes\":$wal}"
  echo "$out (WAL $wal bytes)"
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

fs_type=$(findmnt -n -o FSTYPE -T "$work" 2>/dev/null || stat -f -c %T "$work")
record "{\"bench\":\"env\",\"server\":\"\",\"filesystem\":\"$fs_type\",\"workDir\":\"$work\"}"

if [[ "$what" == ingest || "$what" == query || "$what" == api || "$what" == all ]]; then
# Ingest runs alternate between the servers (machine noise hits all alike);
# the report takes medians. Queries and the API use the last run's data.
# Every agent360 run has a fresh storage path with the WAL on: fsync
# periodic (the default), then fsync always (agent360 only).
for run in $(seq 1 "$RUNS"); do
  new_timeline "$ROUNDS"
  echo "== ingest: agent360, WAL fsync periodic (run $run of $RUNS)"
  start_agent360 "$work/agent-data" periodic
  measure_ingest ingest agent360 "$agent_pid" "http://127.0.0.1:$agent_port" agent360_tsdb_active_series "$work/agent-data/wal" "$SERIES" "$ROUNDS"
  if [[ "$what" != ingest && $run == "$RUNS" ]]; then
    run_queries agent360 "http://127.0.0.1:$agent_port" 30
  fi
  if [[ ( "$what" == all || "$what" == api ) && $run == "$RUNS" ]]; then
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
  stop_timed "$agent_pid" TERM
  record "{\"bench\":\"checkpoint\",\"server\":\"agent360\",\"run\":$run,\"bytes\":$(bytes_of "$work"/agent-data/checkpoint.*),\"shutdownSeconds\":$stopped_after}"

  if [[ "$what" == ingest || "$what" == all ]]; then
    echo "== ingest: agent360, WAL fsync always (run $run of $RUNS)"
    start_agent360 "$work/agent-data" always
    measure_ingest ingest agent360-fsync-always "$agent_pid" "http://127.0.0.1:$agent_port" agent360_tsdb_active_series "$work/agent-data/wal" "$SERIES" "$ROUNDS"
    stop "$agent_pid"
  fi

  echo "== ingest: Prometheus $(prometheus --version 2>&1 | head -1 | awk '{print $3}') (run $run of $RUNS)"
  start_prometheus "$work/prom-data"
  if [[ $run == 1 ]]; then record_prom_flags; fi
  measure_ingest ingest prometheus "$prom_pid" "http://127.0.0.1:$prom_port" prometheus_tsdb_head_series "$work/prom-data/wal" "$SERIES" "$ROUNDS"
  if [[ "$what" != ingest && $run == "$RUNS" ]]; then
    run_queries prometheus "http://127.0.0.1:$prom_port" 10
  fi
  stop "$prom_pid"
  rm -rf "$work/agent-data" "$work/prom-data"
done
fi

if [[ "$what" == restart || "$what" == all ]]; then
  # Both servers get the same hour of data (one timeline), are killed -9
  # right after the load, then restarted on the same directory: kill -9
  # restarts first (each ends with SIGKILL, so the next one finds the same
  # crash state: agent360 loads the checkpoint it wrote when its WAL outgrew
  # storage.checkpointWALBytes during the load, then replays the WAL after it), then
  # clean restarts (each ends with SIGTERM: agent360 writes a checkpoint on
  # the way down). The two servers alternate restart by restart.
  run=0
  new_timeline "$RESTART_ROUNDS"
  restart_end_s=$end_s
  expected_series=$RESTART_SERIES
  declare -A expected_samples

  # Counts what the restarted server holds and refuses to go on without all
  # of it: verify NAME BASE_URL
  verify() {
    local series samples
    series=$(curl -sfG --max-time 900 "$2/api/v1/query" --data-urlencode 'query=count({job="bench"})' --data-urlencode "time=$restart_end_s" \
      | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(int(float(r[0]["value"][1])) if r else 0)')
    samples=$(curl -sfG --max-time 900 "$2/api/v1/query" --data-urlencode 'query=sum(count_over_time({job="bench"}['"$window_m"'m]))' --data-urlencode "time=$restart_end_s" \
      | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(int(float(r[0]["value"][1])) if r else 0)')
    if [[ "$series" != "$expected_series" || "$samples" != "${expected_samples[$1]}" ]]; then
      echo "$1 after restart holds $series series and $samples samples, expected $expected_series and ${expected_samples[$1]}: not reporting" >&2
      exit 1
    fi
    verified="\"series\":$series,\"samples\":$samples"
  }

  for server in agent360 prometheus; do
    echo "== restart: loading $RESTART_SERIES series × $RESTART_ROUNDS rounds into $server"
    if [[ $server == agent360 ]]; then
      start_agent360 "$work/agent-restart" periodic
      measure_ingest restart-load agent360 "$agent_pid" "http://127.0.0.1:$agent_port" agent360_tsdb_active_series "$work/agent-restart/wal" "$RESTART_SERIES" "$RESTART_ROUNDS"
      pid=$agent_pid
    else
      start_prometheus "$work/prom-restart"
      record_prom_flags
      measure_ingest restart-load prometheus "$prom_pid" "http://127.0.0.1:$prom_port" prometheus_tsdb_head_series "$work/prom-restart/wal" "$RESTART_SERIES" "$RESTART_ROUNDS"
      pid=$prom_pid
    fi
    expected_samples[$server]=$(tail -1 "$results" | python3 -c 'import json,sys; r=json.load(sys.stdin)["result"]; print(r["samples"] * r["ok"] // max(r["requests"], 1))')
    kill -KILL "$pid"; wait "$pid" 2>/dev/null || true
  done

  # restart_once SERVER MODE RUN: start on the kept directory, time to ready,
  # verify, then stop the way MODE's next restart needs.
  restart_once() {
    local server=$1 mode=$2 ready replay disk t0 shutdown=null after=$4
    if [[ $server == agent360 ]]; then
      disk="\"walBytes\":$(bytes_of "$work/agent-restart/wal"),\"checkpointBytes\":$(bytes_of "$work"/agent-restart/checkpoint.*)"
      agent_ports; agent_config periodic; t0=$EPOCHREALTIME; launch_agent360 "$work/agent-restart"; pid=$agent_pid
      ready=$(time_ready "$t0" "$pid" "$agent_port" /readyz)
      replay=$(metric "http://127.0.0.1:$agent_port/metrics" agent360_wal_replay_duration_seconds)
      verify agent360 "http://127.0.0.1:$agent_port"
    else
      disk="\"walBytes\":$(bytes_of "$work/prom-restart/wal"),\"chunksHeadBytes\":$(bytes_of "$work/prom-restart/chunks_head")"
      prom_port=$(free_port); t0=$EPOCHREALTIME; launch_prometheus "$work/prom-restart"; pid=$prom_pid
      ready=$(time_ready "$t0" "$pid" "$prom_port" /-/ready)
      replay=$(metric "http://127.0.0.1:$prom_port/metrics" prometheus_tsdb_data_replay_duration_seconds)
      verify prometheus "http://127.0.0.1:$prom_port"
    fi
    if [[ $after == TERM ]]; then stop_timed "$pid" TERM; shutdown=$stopped_after; else kill -KILL "$pid"; wait "$pid" 2>/dev/null || true; fi
    record "{\"bench\":\"restart\",\"server\":\"$server\",\"mode\":\"$mode\",\"run\":$3,\"readySeconds\":$ready,\"replaySeconds\":${replay:-null},\"shutdownSeconds\":$shutdown,$disk,$verified}"
    echo "$server $mode restart $3: ready after $ready s (replay ${replay:-?} s), {$verified}; stopped with SIG$after (exit after $shutdown s)"
  }

  for run in $(seq 1 "$RESTART_RUNS"); do
    for server in agent360 prometheus; do
      echo "== restart after kill -9: $server (run $run of $RESTART_RUNS)"
      if [[ $run == "$RESTART_RUNS" ]]; then restart_once "$server" kill "$run" TERM; else restart_once "$server" kill "$run" KILL; fi
    done
  done
  for run in $(seq 1 "$RESTART_RUNS"); do
    for server in agent360 prometheus; do
      echo "== restart after SIGTERM: $server (run $run of $RESTART_RUNS)"
      restart_once "$server" clean "$run" TERM
    done
  done
fi

if [[ "$what" == contention ]]; then
  # Each server alone on CPU 0 in turn, the load tool on CPU 1: the same
  # preload, then a paced remote-write load and a point-query loop, alone
  # and with heavy queries running (ContentionCommand).
  C_SERIES="${BENCH_CONTENTION_SERIES:-100000}"; C_SECONDS="${BENCH_CONTENTION_SECONDS:-30}"
  C_PRELOAD=40; C_PACE=2000
  c_rounds=$(python3 -c "import math; print($C_PRELOAD + math.ceil(2 * $C_SECONDS * 1000 / $C_PACE) + 2)")
  new_timeline "$c_rounds"
  contend() { # SERVER BASE_URL PID
    local cpu0 out
    cpu0=$(cpu_s "$3")
    out=$(taskset -c 1 "$bin/agent360-bench" contention --url "$2" --series "$C_SERIES" --preload "$C_PRELOAD" \
      --seconds "$C_SECONDS" --pace "$C_PACE" --heavy 4 --start "$start_ms")
    record "{\"bench\":\"contention\",\"server\":\"$1\",\"result\":$out,\"cpuSeconds\":$(python3 -c "print($(cpu_s "$3")-$cpu0)")}"
    echo "$out"
  }
  echo "== contention: agent360"
  start_agent360 "$work/agent-data" periodic
  contend agent360 "http://127.0.0.1:$agent_port" "$agent_pid"
  stop "$agent_pid"
  echo "== contention: Prometheus"
  start_prometheus "$work/prom-data"
  contend prometheus "http://127.0.0.1:$prom_port" "$prom_pid"
  stop "$prom_pid"
  cp "$results" .build-bench/bench-contention.jsonl
  python3 scripts/bench_contention_report.py "$results" BENCHMARKS.md
  echo "== BENCHMARKS.md contention section updated ($(elapsed_since "$bench_started") s)"
  exit 0
fi

record "{\"bench\":\"duration\",\"server\":\"\",\"what\":\"$what\",\"seconds\":$(elapsed_since "$bench_started")}"
# Kept (ignored by git) so the tables can be rendered again without a rerun:
#   python3 scripts/bench_report.py .build-bench/bench-results.jsonl BENCHMARKS.md
cp "$results" .build-bench/bench-results.jsonl
python3 scripts/bench_report.py "$results" BENCHMARKS.md
echo "== BENCHMARKS.md updated ($what, $(elapsed_since "$bench_started") s)"
