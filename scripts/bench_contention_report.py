#!/usr/bin/env python3
"""Renders `scripts/bench.sh contention` results (JSON lines) into their own
section of BENCHMARKS.md, between <!-- contention:begin --> and
<!-- contention:end --> (appended when missing)."""
import datetime, json, sys

results_path, doc_path = sys.argv[1], sys.argv[2]
rows = {r["server"]: r for r in (json.loads(l) for l in open(results_path) if l.strip()) if r["bench"] == "contention"}
agent, prom = rows["agent360"]["result"], rows["prometheus"]["result"]

def ms(value):
    return "–" if value < 0 else (f"{value:,.1f} ms" if value < 100 else f"{value:,.0f} ms")

def ratio(a, b):
    if a < 0 or b <= 0:
        return "–"
    r = a / b
    return f"{r:.3f}×" if r < 0.01 else f"{r:.2f}×" if r < 10 else f"{r:.0f}×"

def stat(result, phase, what, key):
    return result["phases"][phase][what][key]

lines = [
    f"### Ingest and a point query while heavy queries run ({agent['series']:,} series, {agent['heavyLoops']} heavy-query loops)",
    "",
    f"Run {datetime.date.today()}: each server alone on CPU 0, the load tool on CPU 1, the same preload "
    f"({agent['preloadRounds']} rounds), then {agent['secondsPerPhase']:.0f} s of a paced remote-write load "
    f"(all series every {agent['paceMs'] / 1000:g} s, 8 connections) with a loop of the point query "
    "`sum(rate(bench_requests_total{pod=\"pod-1\",route=\"/api/v1\"}[1m]))`, first alone (baseline), then with "
    "4 loops of heavy queries: `count by (pod) ({pod=~\"pod-.*\"})`, `count by (pod) ({__name__=~\".+\"})`, "
    "`topk(10, sum by (pod, route) (rate(bench_requests_total[5m])))` and a range query of "
    "`sum by (namespace) (rate(bench_requests_total[5m]))` over the preload at 5 s steps. "
    "Lower is better; the last column is agent360 / Prometheus.",
    "",
    "| latency | agent360 | Prometheus 2.42 | agent360 / Prometheus |",
    "|---|---:|---:|---:|",
]
for what, name in (("write", "remote-write request"), ("point", "point query")):
    for phase in ("baseline", "loaded"):
        for key, label in (("p50Ms", "p50"), ("p99Ms", "p99")):
            a, p = stat(agent, phase, what, key), stat(prom, phase, what, key)
            lines.append(f"| {name} {label}, {'alone' if phase == 'baseline' else 'heavy queries running'} | {ms(a)} | {ms(p)} | {ratio(a, p)} |")
for what, name in (("write", "remote-write"), ("point", "point query")):
    a = ratio(stat(agent, "loaded", what, "p99Ms"), stat(agent, "baseline", what, "p99Ms"))
    p = ratio(stat(prom, "loaded", what, "p99Ms"), stat(prom, "baseline", what, "p99Ms"))
    lines.append(f"| {name} p99 slowdown under heavy queries (loaded / alone) | {a} | {p} | |")
heavy = lambda r: r["phases"]["loaded"]["heavy"]
lines += ["", "| heavy query (loop) | agent360 runs, p50 | Prometheus runs, p50 |", "|---|---:|---:|"]
for ha, hp in zip(heavy(agent), heavy(prom)):
    fa = f", {ha['failed']} failed" if ha["failed"] else ""
    fp = f", {hp['failed']} failed" if hp["failed"] else ""
    lines.append(f"| `{ha['label']}` | {ha['count']}{fa}, {ms(ha['p50Ms'])} | {hp['count']}{fp}, {ms(hp['p50Ms'])} |")
lines += ["", "Each heavy query alone with `timeout=100ms` (5 runs): time to the answer, p50 / max, and the answer.", "",
          "| query | agent360 | Prometheus 2.42 |", "|---|---:|---:|"]
def answered(t):
    said = ["503 `timeout` (\"query timed out in expression evaluation\")" if '"errorType":"timeout"' in a else a.replace("|", "/")
            for a in t["answers"]]
    return f"{ms(t['p50Ms'])} / {ms(t['maxMs'])}, " + "; ".join(said)
for ta, tp in zip(agent.get("timeouts", []), prom.get("timeouts", [])):
    lines.append(f"| `{ta['label']}` | {answered(ta)} | {answered(tp)} |")
for server, result in (("agent360", agent), ("Prometheus", prom)):
    failed = sum(result["phases"][ph][w]["failed"] for ph in ("baseline", "loaded") for w in ("write", "point"))
    if failed:
        lines.append(f"\n{server}: {failed} write or point-query requests failed "
                     f"(first: {result['phases']['loaded']['write']['firstError'] or result['phases']['loaded']['point']['firstError']}).")

section = "\n".join(lines)
begin, end = "<!-- contention:begin -->", "<!-- contention:end -->"
doc = open(doc_path).read()
block = f"{begin}\n{section}\n{end}"
if begin in doc and end in doc:
    doc = doc[:doc.index(begin)] + block + doc[doc.index(end) + len(end):]
else:
    doc = doc.rstrip("\n") + "\n\n" + block + "\n"
open(doc_path, "w").write(doc)
print(section)
