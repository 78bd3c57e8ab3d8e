#!/usr/bin/env bash
# Checks the Grafana dashboards in dashboards/ and fails (exit 1) on any problem:
#
#  - each file is valid JSON with a title, a stable uid (unique across files)
#    and schemaVersion >= 39;
#  - a `datasource` template variable (type datasource, query prometheus) exists,
#    and every panel, every target and every query variable uses ${datasource};
#  - panel ids are unique per dashboard, rows' nested panels included; panel
#    types are current ones (no legacy `graph`, `singlestat`, `table-old`);
#    gridPos fits the 24-column grid and top-level panels do not overlap;
#  - panels that plot a policy signal carry the policy's threshold as a red
#    threshold step (and show it on time series): agent360_cpu_utilization 0.7,
#    agent360_memory_utilization 0.8, agent360_request_rate 1000,
#    agent360_error_rate 0.05;
#  - every target expr (and the selector inside each label_values()/query_result()
#    variable query), with template variables replaced by literals ($namespace,
#    ${workload}, ... → default; $__rate_interval, $__interval, $__range → 1m),
#    passes `promtool check rules` as a recording rule `dashboard:check:N`.
#    A template variable that the dashboard does not define is an error;
#  - a real Prometheus 2.42 (empty, on a loopback port) answers each of them as
#    an instant and as a range query without error: promtool accepts, say, a
#    range-vector expression as a rule, a Grafana panel's range query does not.
#    SKIP_PROMETHEUS_QUERIES=1 skips this step.
#
#   scripts/check-dashboards.sh [EXPRESSIONS_FILE]
#
# With EXPRESSIONS_FILE, the substituted expressions are written there, one per
# line as `TITLE<TAB>EXPR` (TITLE is "dashboard title / panel title [refId]" or
# "dashboard title / variable NAME"; EXPR is on one line), for tests that feed
# them to agent360's own PromQL parser and query API.
set -euo pipefail
expressions_out=""
if [ $# -gt 0 ]; then
  expressions_out="$(realpath -m "$1")"
fi
cd "$(dirname "$0")/.."

if ! command -v promtool >/dev/null 2>&1; then
  echo "FAIL: promtool not found (Debian package prometheus; scripts/install-deps.sh test installs it)" >&2
  exit 1
fi

work="$(mktemp -d)"
prometheus_pid=""
cleanup() {
  if [ -n "$prometheus_pid" ]; then kill "$prometheus_pid" 2>/dev/null || true; wait "$prometheus_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== dashboard structure (dashboards/*.json)"
python3 - dashboards "$work/rules.yml" "$work/expressions.tsv" <<'PY'
import glob, json, os, re, sys

directory, rules_path, expressions_path = sys.argv[1:4]
problems = []
ALLOWED_TYPES = {"row", "timeseries", "stat", "gauge", "table", "text"}
DATASOURCE_UIDS = {"${datasource}", "$datasource"}
# The scaling policy agent360 evaluates (agent360_scaling_needed); panels that
# plot these signals must show the same thresholds.
POLICY = {"agent360_cpu_utilization": 0.7, "agent360_memory_utilization": 0.8,
          "agent360_request_rate": 1000, "agent360_error_rate": 0.05}
BUILTIN_INTERVALS = re.compile(r"\$\{__(rate_interval|interval|range)\}|\$__(rate_interval|interval|range)\b")
LEFTOVER_VARIABLE = re.compile(r"\$\{?[A-Za-z_]|\[\[")


def fail(where, message):
    problems.append(f"{where}: {message}")


def walk(panels):
    """Top-level panels and the panels nested in (collapsed) rows."""
    for panel in panels:
        yield panel
        if panel.get("type") == "row":
            yield from walk(panel.get("panels") or [])


def uses_variable(datasource):
    return isinstance(datasource, dict) and datasource.get("uid") in DATASOURCE_UIDS


def substitute(expr, variables):
    expr = BUILTIN_INTERVALS.sub("1m", expr)
    for name in variables:
        n = re.escape(name)
        expr = re.sub(r"\$\{" + n + r"(:[A-Za-z]+)?\}|\[\[" + n + r"(:[A-Za-z]+)?\]\]|\$" + n + r"\b",
                      "default", expr)
    return expr


def one_line(text):
    return " ".join(text.split())


def variable_expression(query):
    """The PromQL inside a Prometheus variable query, or None for metrics()/label_names()."""
    query = query.strip()
    m = re.fullmatch(r"label_values\((.*),\s*[A-Za-z_][A-Za-z0-9_]*\s*\)", query, re.S)
    if m:
        return m.group(1)
    m = re.fullmatch(r"query_result\((.*)\)", query, re.S)
    if m:
        return m.group(1)
    if re.fullmatch(r"label_values\(\s*[A-Za-z_][A-Za-z0-9_]*\s*\)|label_names\(\)|metrics\(.*\)", query, re.S):
        return None
    raise ValueError(f"unrecognised variable query {query!r}")


def is_red(color):
    return isinstance(color, str) and "red" in color.lower()


def check_policy_thresholds(where, panel, exprs):
    signals = {name for name in POLICY for e in exprs
               if re.search(r"(?<![A-Za-z0-9_:])" + name + r"(?![A-Za-z0-9_:])", e)}
    if not signals or panel.get("type") not in ("timeseries", "stat", "gauge"):
        return
    values = {POLICY[s] for s in signals}
    if len(values) > 1:
        fail(where, f"plots signals with different policy thresholds together: {sorted(signals)}")
        return
    expected = values.pop()
    defaults = (panel.get("fieldConfig") or {}).get("defaults") or {}
    steps = (defaults.get("thresholds") or {}).get("steps") or []
    if not any(step.get("value") == expected and is_red(step.get("color")) for step in steps):
        fail(where, f"plots {sorted(signals)} but has no red threshold step at the policy value {expected}")
    if panel.get("type") == "timeseries":
        mode = ((defaults.get("custom") or {}).get("thresholdsStyle") or {}).get("mode", "off")
        if mode == "off":
            fail(where, "time series of a policy signal must show its threshold (thresholdsStyle.mode)")


rules = []          # (title, expr) in file order
uids = {}
files = sorted(glob.glob(os.path.join(directory, "*.json")))
if not files:
    fail(directory, "no dashboards")
for path in files:
    try:
        with open(path, encoding="utf-8") as f:
            board = json.load(f)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        fail(path, f"invalid JSON: {error}")
        continue
    if not isinstance(board, dict):
        fail(path, "top level is not an object")
        continue
    title = board.get("title")
    if not isinstance(title, str) or not title.strip():
        fail(path, "missing title")
        title = os.path.basename(path)
    uid = board.get("uid")
    if not isinstance(uid, str) or not re.fullmatch(r"[A-Za-z0-9_-]{1,40}", uid):
        fail(path, f"uid must be 1-40 characters of [A-Za-z0-9_-], got {uid!r}")
    elif uid in uids:
        fail(path, f"uid {uid!r} is also used by {uids[uid]}")
    else:
        uids[uid] = path
    if not isinstance(board.get("schemaVersion"), int) or board["schemaVersion"] < 39:
        fail(path, f"schemaVersion must be >= 39, got {board.get('schemaVersion')!r}")

    variables = (board.get("templating") or {}).get("list") or []
    names = [v.get("name") for v in variables if isinstance(v, dict)]
    if not any(v.get("name") == "datasource" and v.get("type") == "datasource" and v.get("query") == "prometheus"
               for v in variables if isinstance(v, dict)):
        fail(path, "no template variable `datasource` of type datasource with query prometheus")
    for v in variables:
        if not isinstance(v, dict) or v.get("type") != "query":
            continue
        where = f"{path}: variable {v.get('name')}"
        if not uses_variable(v.get("datasource")):
            fail(where, "datasource must be ${datasource}")
        query = v.get("query")
        if isinstance(query, dict):
            query = query.get("query")
        if not isinstance(query, str) or not query.strip():
            fail(where, "empty query")
            continue
        try:
            expr = variable_expression(query)
        except ValueError as error:
            fail(where, str(error))
            continue
        if expr is not None:
            rules.append((f"{title} / variable {v.get('name')}", substitute(expr, names), where))

    ids = {}
    occupied = {}
    for panel in walk(board.get("panels") or []):
        pid = panel.get("id")
        ptitle = panel.get("title") or ""
        where = f"{path}: panel {pid} {ptitle!r}"
        if not isinstance(pid, int):
            fail(where, "id must be an integer")
        elif pid in ids:
            fail(where, f"duplicate panel id (also {ids[pid]!r})")
        else:
            ids[pid] = ptitle
        ptype = panel.get("type")
        if ptype not in ALLOWED_TYPES:
            fail(where, f"panel type {ptype!r} is not one of {sorted(ALLOWED_TYPES)}")
        grid = panel.get("gridPos") or {}
        if not all(isinstance(grid.get(k), int) for k in ("x", "y", "w", "h")):
            fail(where, "gridPos needs integer x, y, w, h")
        elif grid["x"] < 0 or grid["w"] < 1 or grid["h"] < 1 or grid["x"] + grid["w"] > 24:
            fail(where, f"gridPos {grid} does not fit the 24-column grid")
        elif panel in (board.get("panels") or []):
            for x in range(grid["x"], grid["x"] + grid["w"]):
                for y in range(grid["y"], grid["y"] + grid["h"]):
                    if (x, y) in occupied and occupied[(x, y)] != pid:
                        fail(where, f"overlaps panel {occupied[(x, y)]} at x={x} y={y}")
                        break
                    occupied[(x, y)] = pid
                else:
                    continue
                break
        if ptype in ("row", "text"):
            continue
        if not ptitle.strip():
            fail(where, "missing title")
        if not uses_variable(panel.get("datasource")):
            fail(where, "panel datasource must be ${datasource}")
        targets = panel.get("targets") or []
        if not targets:
            fail(where, "no targets")
        exprs = []
        for t in targets:
            twhere = f"{where} target {t.get('refId')}"
            if not uses_variable(t.get("datasource")):
                fail(twhere, "target datasource must be ${datasource}")
            expr = t.get("expr")
            if not isinstance(expr, str) or not expr.strip():
                fail(twhere, "empty expr")
                continue
            exprs.append(expr)
            rules.append((f"{title} / {ptitle} [{t.get('refId')}]", substitute(expr, names), twhere))
        check_policy_thresholds(where, panel, exprs)

for title, expr, where in rules:
    m = LEFTOVER_VARIABLE.search(expr)
    if m:
        fail(where, f"expr uses a template variable the dashboard does not define near {expr[m.start():m.start()+20]!r}")

# YAML is a superset of JSON: the rule file needs no YAML library.
groups = {"groups": [{"name": "dashboards", "rules": [
    {"record": f"dashboard:check:{n}", "expr": expr} for n, (_, expr, _) in enumerate(rules, 1)]}]}
with open(rules_path, "w", encoding="utf-8") as f:
    json.dump(groups, f, indent=1)
with open(expressions_path, "w", encoding="utf-8") as f:
    for title, expr, _ in rules:
        f.write(f"{one_line(title).replace(chr(9), ' ')}\t{one_line(expr)}\n")

per_board = {}
for title, _, where in rules:
    board_path = where.split(":", 1)[0]
    per_board[board_path] = per_board.get(board_path, 0) + 1
for path in files:
    print(f"  {path}: {per_board.get(path, 0)} expressions")
for problem in problems:
    print(f"FAIL: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY

count="$(wc -l < "$work/expressions.tsv")"
echo "== promtool check rules ($count expressions as recording rules dashboard:check:N)"
status=0
output="$(promtool check rules "$work/rules.yml" 2>&1)" || status=$?
echo "$output" | sed "s|^|  |"
if [ "$status" -ne 0 ] || ! echo "$output" | grep -q "SUCCESS: $count rules found"; then
  echo "FAIL: promtool rejects dashboard expressions; N in dashboard:check:N is the line number below" >&2
  nl -ba "$work/expressions.tsv" >&2
  exit 1
fi

if [ "${SKIP_PROMETHEUS_QUERIES:-0}" != 1 ]; then
  echo "== Prometheus query API (instant and range query of each expression)"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  printf 'global:\n  scrape_interval: 15s\n' > "$work/prometheus.yml"
  prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
    --web.listen-address="127.0.0.1:$port" > "$work/prometheus.log" 2>&1 &
  prometheus_pid=$!
  if ! python3 - "http://127.0.0.1:$port" "$work/expressions.tsv" <<'PY'
import json, sys, time, urllib.error, urllib.parse, urllib.request

base, path = sys.argv[1:3]
deadline = time.time() + 30
while True:
    try:
        with urllib.request.urlopen(f"{base}/-/ready", timeout=2) as response:
            if response.status == 200:
                break
    except OSError:
        pass
    if time.time() > deadline:
        print("FAIL: Prometheus did not become ready within 30 s", file=sys.stderr)
        sys.exit(1)
    time.sleep(0.2)

now = time.time()
failures = 0
with open(path, encoding="utf-8") as f:
    lines = [line.rstrip("\n").split("\t", 1) for line in f if line.strip()]
for title, expr in lines:
    for endpoint, params in (("query", {"query": expr, "time": f"{now:.3f}"}),
                             ("query_range", {"query": expr, "start": f"{now - 3600:.3f}",
                                              "end": f"{now:.3f}", "step": "60"})):
        request = urllib.request.Request(f"{base}/api/v1/{endpoint}",
                                         data=urllib.parse.urlencode(params).encode(), method="POST")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                body = json.load(response)
        except urllib.error.HTTPError as error:
            body = json.load(error)
        if body.get("status") != "success":
            failures += 1
            print(f"FAIL: {title}: /api/v1/{endpoint}: {body.get('errorType')}: {body.get('error')}",
                  file=sys.stderr)
print(f"  {len(lines)} expressions, {2 * len(lines) - failures} of {2 * len(lines)} queries answered")
sys.exit(1 if failures else 0)
PY
  then
    exit 1
  fi
fi

if [ -n "$expressions_out" ]; then
  cp "$work/expressions.tsv" "$expressions_out"
  echo "== $count expressions written to $expressions_out"
fi
echo "== dashboards OK"
