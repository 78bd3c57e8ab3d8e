#!/usr/bin/env python3
"""Turns scripts/bench.sh results (JSON lines) into the tables of BENCHMARKS.md.

Subsections a run did not produce (e.g. `bench.sh restart` alone) are kept from
the document as they were, marked as coming from the earlier run."""
import datetime, json, os, platform, re, subprocess, sys

results_path, doc_path = sys.argv[1], sys.argv[2]
rows = [json.loads(line) for line in open(results_path) if line.strip()]

def pick(bench, server=None, **fields):
    return [r for r in rows if r["bench"] == bench and (server is None or r["server"] == server)
            and all(r.get(k) == v for k, v in fields.items())]

def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2

def span(values, fmt="{:,.0f}"):
    return f"{fmt.format(min(values))}–{fmt.format(max(values))}"

def accepted(row):
    res = row["result"]
    return res["samples"] * res["ok"] / max(res["requests"], 1)

def ingest_per_cpu(row):
    cpu = row.get("cpuSeconds", 0) or float("nan")
    return accepted(row) / cpu

def times(ratio):
    return f"{ratio:.1f}×" if ratio < 10 else f"{ratio:.0f}×"

def mb(count):
    return f"{count / 1e6:,.1f} MB"

def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()

prom_version = subprocess.run(["prometheus", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
env = next(iter(pick("env")), {})
duration = next(iter(pick("duration")), None)
flags = next(iter(pick("prometheus-flags")), None)
flags = flags["result"].get("data", {}) if flags else {}
wal_compression = flags.get("storage.tsdb.wal-compression")
run_line = (f"Run {datetime.datetime.utcnow().strftime('%Y-%m-%d %H:%M UTC')} on {os.cpu_count()} × {cpu_model()}; "
            f"{prom_version.strip()}; agent360 release build. Each server pinned to CPU 0, the load generator to CPU 1"
            + (f"; data directories on {env['filesystem']}" if env.get("filesystem") else "") + "."
            + (f" `scripts/bench.sh {duration['what']}` took {duration['seconds'] / 60:.1f} min." if duration else ""))

sections = {}  # key -> lines

AGENT_LABELS = {"agent360": "agent360, WAL fsync periodic", "agent360-fsync-always": "agent360, WAL fsync always",
                "prometheus": "Prometheus (its own WAL)"}

ingest = {s: pick("ingest", s) for s in ("agent360", "agent360-fsync-always", "prometheus")}
if ingest["agent360"] and ingest["prometheus"]:
    out = []
    out.append("### Ingest with the WAL on (remote write 1.0, 2000 series per request, 8 shards)")
    out.append("")
    out.append("| server | runs × samples | accepted samples/s (wall, median) | server CPU seconds (median) | samples per CPU-second (median, min–max) | active series | RSS growth per active series (median) |")
    out.append("|---|---|---|---|---|---|---|")
    figures = {}
    for server, runs in ingest.items():
        if not runs:
            continue
        per_cpu = [ingest_per_cpu(r) for r in runs]
        wall = [r["result"]["samplesPerSecond"] for r in runs]
        per_series = [(r["rssAfterKB"] - r["rssBaseKB"]) * 1024 / max(r["activeSeries"], 1) for r in runs]
        cpu = [r.get("cpuSeconds", 0) or float("nan") for r in runs]
        figures[server] = (median(wall), median(per_series), median(per_cpu))
        last = runs[-1]["result"]
        failed = sum(r["result"]["failed"] for r in runs)
        failed_text = f" ({failed} requests failed: {last['firstError']})" if failed else ""
        out.append(f"| {AGENT_LABELS[server]} | {len(runs)} × {last['samples']:,} | {median(wall):,.0f}{failed_text} | {median(cpu):.2f} | "
                   f"{median(per_cpu):,.0f} ({span(per_cpu)}) | {int(runs[-1]['activeSeries']):,} | {median(per_series):,.0f} B |")
    p = figures["prometheus"]
    for server in ("agent360", "agent360-fsync-always"):
        if server in figures:
            a = figures[server]
            out.append(f"| **ratio of medians, {AGENT_LABELS[server].split(', ', 1)[1]} ÷ Prometheus** | | **{a[0] / p[0]:.1f}×** | | "
                       f"**{a[2] / p[2]:.1f}× per core** | | **{a[1] / p[1]:.2f}× the memory per series** |")
    out.append("")
    prom_by_run = {r["run"]: r for r in ingest["prometheus"]}
    for server in ("agent360", "agent360-fsync-always"):
        pairs = [ingest_per_cpu(x) / ingest_per_cpu(prom_by_run[x["run"]]) for x in ingest[server] if x["run"] in prom_by_run]
        if pairs:
            out.append(f"Per-core ratio of each run pair, {AGENT_LABELS[server].split(', ', 1)[1]} (run order): "
                       f"{', '.join(f'{q:.1f}×' for q in pairs)}.")
            out.append("")
    out.append("Every agent360 run writes its WAL into a fresh `--storage.path` (fsync periodic: written before the 2xx, "
               "fsynced every second; always: fsynced before the 2xx). Prometheus has no fsync-per-write mode, so both "
               "agent360 variants are compared with the same Prometheus runs. Wall-clock rate is what one pinned core "
               "sustained against this sender; samples per CPU-second divides by the server's own CPU time in the same run "
               "(the sender shares the other core and can leave the server idle between requests; time blocked in fsync "
               "is not CPU time, so for fsync always the wall rate is the figure that shows its cost).")
    out.append("")
    sections["ingest"] = out

wal_rows = [(load, server, r) for load in ("ingest", "restart-load") for server in ("agent360", "agent360-fsync-always", "prometheus")
            for r in pick(load, server) if "walBytes" in r]
if any(s == "prometheus" for _, s, _ in wal_rows) and any(s != "prometheus" for _, s, _ in wal_rows):
    out = []
    out.append("### WAL bytes per sample (same load into both)")
    out.append("")
    out.append("| load | server | runs × accepted samples | WAL bytes after the load (median) | WAL bytes per sample (median) | checkpoint after SIGTERM, bytes per sample |")
    out.append("|---|---|---|---|---|---|")
    checkpoints = {"ingest": [r["bytes"] for r in pick("checkpoint", "agent360") if r["bytes"] > 0],
                   "restart-load": [r["checkpointBytes"] for r in pick("restart", "agent360", mode="clean") if r.get("checkpointBytes")]}
    ratios = []
    for load, title in (("ingest", "ingest"), ("restart-load", "restart")):
        per_sample = {}
        for server in ("agent360", "agent360-fsync-always", "prometheus"):
            runs = [r for l, s, r in wal_rows if l == load and s == server]
            if not runs:
                continue
            samples = median([accepted(r) for r in runs])
            wal = median([r["walBytes"] for r in runs])
            per_sample[server] = median([r["walBytes"] / max(accepted(r), 1) for r in runs])
            checkpoint = "–"
            if server == "agent360" and checkpoints[load]:
                checkpoint = f"{median(checkpoints[load]) / samples:.2f} B ({mb(median(checkpoints[load]))})"
            load_text = (f"{runs[0]['result']['series']:,} series × {runs[0]['result']['rounds']} rounds"
                         + (" (ingest runs)" if load == "ingest" else " (restart benchmark)"))
            out.append(f"| {load_text} | {AGENT_LABELS[server]} | {len(runs)} × {samples:,.0f} | {mb(wal)} | "
                       f"{per_sample[server]:.2f} B | {checkpoint} |")
        if "prometheus" in per_sample:
            for server in ("agent360", "agent360-fsync-always"):
                if server in per_sample:
                    ratios.append(f"{title} load, {AGENT_LABELS[server].split(', ', 1)[1]}: "
                                  f"**{per_sample[server] / per_sample['prometheus']:.2f}×**")
    out.append("")
    out.append(f"Ratio agent360 ÷ Prometheus, WAL bytes per sample: {'; '.join(ratios)}.")
    out.append("")
    compression = {"true": "on (snappy, the 2.42 default)", "false": "off"}.get(str(wal_compression).lower(), "not read")
    out.append("WAL bytes are, for agent360, every byte it wrote to its WAL during the load (`agent360_wal_written_bytes_total`: "
               "a checkpoint taken when the WAL outgrows `storage.checkpointWALBytes` deletes the segments it covers, so the files "
               "left would undercount) and, for Prometheus, the apparent sizes of the files under "
               f"`data/wal/` (without `chunks_head/` and blocks), read right after the load; both divided by the accepted samples. "
               f"Prometheus's `--storage.tsdb.wal-compression`: {compression}. agent360 encodes each value as the difference "
               "from its series' previous value in the segment and does not compress.")
    out.append("")
    sections["wal"] = out

restarts = {s: pick("restart", s) for s in ("agent360", "prometheus")}
if restarts["agent360"] and restarts["prometheus"]:
    out = []
    load = next(iter(pick("restart-load", "agent360")), None)
    shape = (f"{load['result']['series']:,} series × {load['result']['rounds']} rounds at 15 s = "
             f"{accepted(load):,.0f} samples" if load else "")
    out.append(f"### Restart to ready ({shape})")
    out.append("")
    out.append("| server | on disk at the restart | kill -9, start → ready (median, min–max) | SIGTERM, start → ready (median, min–max) | replay by the server's own metric (median, kill -9 / SIGTERM) | SIGTERM → exit (median) | verified after every restart |")
    out.append("|---|---|---|---|---|---|---|")
    ready = {}
    for server, runs in restarts.items():
        kill = [r for r in runs if r["mode"] == "kill"]
        clean = [r for r in runs if r["mode"] == "clean"]
        ready[server] = {"kill": {r["run"]: r["readySeconds"] for r in kill}, "clean": {r["run"]: r["readySeconds"] for r in clean}}
        def replay(rs):
            values = [r["replaySeconds"] for r in rs if r.get("replaySeconds") is not None]
            return f"{median(values):.2f} s" if values else "–"
        def timing(rs):
            values = [r["readySeconds"] for r in rs]
            return f"{median(values):.2f} s ({span(values, '{:.2f}')})" if values else "–"
        shutdowns = [r["shutdownSeconds"] for r in runs if r.get("shutdownSeconds") is not None]
        if server == "agent360":
            disk = (f"kill -9: checkpoint {mb(median([r['checkpointBytes'] for r in kill]))} + WAL {mb(median([r['walBytes'] for r in kill]))}; "
                    f"SIGTERM: checkpoint {mb(median([r['checkpointBytes'] for r in clean]))} + WAL {mb(median([r['walBytes'] for r in clean]))}")
        else:
            disk = (f"wal/ {mb(median([r['walBytes'] for r in runs]))} + chunks_head/ {mb(median([r['chunksHeadBytes'] for r in runs]))}")
        verified = {(r["series"], r["samples"]) for r in runs}
        verified_text = "; ".join(f"{s:,} series, {n:,} samples" for s, n in sorted(verified))
        out.append(f"| {'agent360' if server == 'agent360' else 'Prometheus'} | {disk} | {timing(kill)} | {timing(clean)} | {replay(kill)} / {replay(clean)} | "
                   f"{(f'{median(shutdowns):.2f} s') if shutdowns else '–'} | {len(runs)} restarts: {verified_text} |")
    a, p = ready["agent360"], ready["prometheus"]
    def speedup(mode):
        if not a[mode] or not p[mode]:
            return "–"
        return f"**{times(median(p[mode].values()) / median(a[mode].values()))}**"
    out.append(f"| **speed-up: Prometheus's time ÷ agent360's (medians)** | | {speedup('kill')} | {speedup('clean')} | | | |")
    out.append("")
    for mode, title in (("kill", "kill -9"), ("clean", "SIGTERM")):
        pairs = [p[mode][run] / a[mode][run] for run in sorted(a[mode]) if run in p[mode]]
        if pairs:
            out.append(f"Speed-up of each restart pair (Prometheus's time ÷ agent360's), {title} (run order): {', '.join(times(q) for q in pairs)}.")
            out.append("")
    rates = {s: pick("restart-load", s) for s in ("agent360", "prometheus")}
    loading = ""
    if rates["agent360"] and rates["prometheus"]:
        loading = (f"Loading took {rates['agent360'][0]['result']['seconds']:.0f} s into agent360 and "
                   f"{rates['prometheus'][0]['result']['seconds']:.0f} s into Prometheus. ")
    out.append(loading + "Both servers get the same hour (one timeline), are killed with SIGKILL right after the load, then started "
               "again on the same directory: first the kill -9 restarts (each ends with SIGKILL, so every one finds the same "
               "crash state: agent360 loads the checkpoint it wrote during the load, when its WAL outgrew `storage.checkpointWALBytes` "
               "(64 MiB) and the last checkpoint, and replays the WAL after it; Prometheus replays chunks_head and its WAL), "
               "then the SIGTERM restarts (each ends with a clean shutdown: agent360 writes a checkpoint and drops the WAL it "
               "covers; Prometheus 2.42 writes no snapshot unless `memory-snapshot-on-shutdown` is enabled, which it is not here, "
               "so it replays again). The servers alternate restart by restart. Start → ready is wall time from starting the "
               "process to `/readyz` (agent360) or `/-/ready` (Prometheus) answering 200, polled every 10 ms from CPU 1; the page "
               "cache is warm. After every restart `count({job=\"bench\"})` and `sum(count_over_time({job=\"bench\"}[…]))` (window and agent360's retention: the load's span plus an hour, at least 2 h) must "
               "return every series and every accepted sample, or the run fails instead of reporting.")
    out.append("")
    sections["restart"] = out

queries = {s: pick("query", s) for s in ("agent360", "prometheus")}
if queries["agent360"] and queries["prometheus"]:
    out = []
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
    sections["promql"] = out

api = pick("api", "agent360")
fresh = pick("freshness", "agent360")
if api or fresh:
    out = []
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
    sections["api"] = out

ORDER = ["ingest", "wal", "restart", "promql", "api"]
def section_key(heading):
    first = heading[4:].split()[0].lower()
    return {"ingest": "ingest", "wal": "wal", "restart": "restart", "promql": "promql", "kubernetes": "api"}.get(first, heading)

begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
doc = open(doc_path).read() if os.path.exists(doc_path) else f"# Benchmarks\n\n{begin}\n{end}\n"
if begin not in doc:
    doc += f"\n{begin}\n{end}\n"
head, rest = doc.split(begin, 1)
old_block, tail = rest.split(end, 1)

# Subsections of the previous run this run did not produce are kept, marked.
old_run = re.search(r"^Run (\d{4}-\d\d-\d\d \d\d:\d\d UTC)", old_block, re.M)
kept, current = {}, None
for line in old_block.strip("\n").split("\n"):
    if line.startswith("### "):
        current = section_key(line)
        kept[current] = [line]
    elif current:
        kept[current].append(line)
for key, lines in kept.items():
    if key in sections:
        continue
    note = f"_Not re-run by the latest `bench.sh`: figures from the run of {old_run.group(1)}._" if old_run else ""
    body = [l for l in lines[1:]]
    if note and not any(l.startswith("_Not re-run") for l in body):
        body = ["", note] + body
    sections[key] = [lines[0]] + body
    if sections[key][-1] != "":
        sections[key].append("")

out = [run_line, ""]
for key in ORDER + [k for k in sections if k not in ORDER]:
    if key in sections:
        out.extend(sections[key])
section = "\n".join(out)
open(doc_path, "w").write(f"{head}{begin}\n{section}\n{end}{tail}")
print(section)
