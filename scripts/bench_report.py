#!/usr/bin/env python3
"""Turns scripts/bench.sh results (JSON lines) into the tables of BENCHMARKS.md."""
import datetime, json, os, platform, subprocess, sys

results_path, doc_path = sys.argv[1], sys.argv[2]
rows = [json.loads(line) for line in open(results_path) if line.strip()]

def pick(bench, server):
    return [r for r in rows if r["bench"] == bench and r["server"] == server]

def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2

def span(values):
    return f"{min(values):,.0f}–{max(values):,.0f}"

def ingest_per_cpu(row):
    res = row["result"]
    cpu = row.get("cpuSeconds", 0) or float("nan")
    return res["samples"] * res["ok"] / max(res["requests"], 1) / cpu

def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()

prom_version = subprocess.run(["prometheus", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
out = []
out.append(f"Run {datetime.datetime.utcnow().strftime('%Y-%m-%d %H:%M UTC')} on {os.cpu_count()} × {cpu_model()}; "
           f"{prom_version.strip()}; agent360 release build. Each server pinned to CPU 0, the load generator to CPU 1.")
out.append("")

ingest = {s: pick("ingest", s) for s in ("agent360", "prometheus")}
if ingest["agent360"] and ingest["prometheus"]:
    out.append("### Ingest (remote write 1.0, 2000 series per request, 8 shards)")
    out.append("")
    out.append("| server | runs × samples | accepted samples/s (wall, median) | server CPU seconds (median) | samples per CPU-second (median, min–max) | active series | RSS growth per active series (median) |")
    out.append("|---|---|---|---|---|---|---|")
    figures = {}
    for server in ("agent360", "prometheus"):
        runs = ingest[server]
        per_cpu = sorted(ingest_per_cpu(r) for r in runs)
        wall = sorted(r["result"]["samplesPerSecond"] for r in runs)
        per_series = sorted((r["rssAfterKB"] - r["rssBaseKB"]) * 1024 / max(r["activeSeries"], 1) for r in runs)
        cpu = sorted(r.get("cpuSeconds", 0) or float("nan") for r in runs)
        figures[server] = (median(wall), median(per_series), median(per_cpu))
        last = runs[-1]["result"]
        failed = sum(r["result"]["failed"] for r in runs)
        failed_text = f" ({failed} requests failed: {last['firstError']})" if failed else ""
        out.append(f"| {server} | {len(runs)} × {last['samples']:,} | {median(wall):,.0f}{failed_text} | {median(cpu):.2f} | "
                   f"{median(per_cpu):,.0f} ({span(per_cpu)}) | {int(runs[-1]['activeSeries']):,} | {median(per_series):,.0f} B |")
    a, p = figures["agent360"], figures["prometheus"]
    out.append(f"| **ratio of medians** | | **{a[0] / p[0]:.1f}×** | | **{a[2] / p[2]:.1f}× per core** | | **{a[1] / p[1]:.2f}× the memory per series** |")
    pairs = [ingest_per_cpu(x) / ingest_per_cpu(y) for x, y in zip(ingest["agent360"], ingest["prometheus"])]
    out.append("")
    out.append(f"Per-core ratio of each run pair (run order): {', '.join(f'{q:.1f}×' for q in pairs)}.")
    out.append("")
    out.append("Wall-clock rate is what one pinned core sustained against this sender; samples per CPU-second divides by the "
               "server's own CPU time in the same run (the sender shares the other core and can leave the server idle between requests).")
    out.append("")

queries = {s: pick("query", s) for s in ("agent360", "prometheus")}
if queries["agent360"] and queries["prometheus"]:
    out.append("### PromQL over the same data (instant queries at the last sample, via the HTTP API)")
    out.append("")
    out.append("| query | series in result | agent360 median / p99 | Prometheus median / p99 | speed-up (median) |")
    out.append("|---|---|---|---|---|")
    theirs = {r["result"]["query"]: r["result"] for r in queries["prometheus"]}
    for r in queries["agent360"]:
        mine = r["result"]
        ref = theirs.get(mine["query"])
        if not ref:
            continue
        q = mine["query"].replace("|", "\\|")
        out.append(f"| `{q}` | {mine['series']} | {mine['medianMs']:.2f} / {mine['p99Ms']:.2f} ms | "
                   f"{ref['medianMs']:.1f} / {ref['p99Ms']:.1f} ms | **{ref['medianMs'] / mine['medianMs']:.0f}×** |")
    out.append("")

api = pick("api", "agent360")
fresh = pick("freshness", "agent360")
if api or fresh:
    out.append("### Kubernetes external metrics API (HTTPS, bearer token, 100k series in the store)")
    out.append("")
    if api:
        r = api[-1]["result"]
        out.append(f"- `wrk -t1 -c8 -d15s`: median {r['medianMs']:.2f} ms, p99 {r['p99Ms']:.2f} ms, {r['requestsPerSecond']:,.0f} requests/s")
    if fresh:
        r = fresh[-1]["result"]
        out.append(f"- freshness (remote write that changes the rate → API returns the new value), {r['trials']} trials: "
                   f"median {r['medianMs']:.1f} ms, max {r['maxMs']:.1f} ms. prometheus-adapter's equivalent is its relist "
                   f"interval (default 1 m) plus a scrape interval.")
    out.append("")

section = "\n".join(out)
begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
doc = open(doc_path).read() if os.path.exists(doc_path) else f"# Benchmarks\n\n{begin}\n{end}\n"
if begin not in doc:
    doc += f"\n{begin}\n{end}\n"
head, rest = doc.split(begin, 1)
_, tail = rest.split(end, 1)
open(doc_path, "w").write(f"{head}{begin}\n{section}\n{end}{tail}")
print(section)
