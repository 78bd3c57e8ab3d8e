#!/usr/bin/env python3
"""Judges a soak run (scripts/soak.sh) and draws its chart.

    soak_report.py CSV SUMMARY_JSON CHART_PNG --retention-seconds N --max-rate R

Pass criteria (each printed; exit status 1 when any fails):
  plateau  -- the soak is cut in thirds by time; the first third (at least one
              retention period plus one retention pass) is the ramp. Max RSS
              over the last third <= 1.10 x max RSS over the middle third.
              The least-squares slope of RSS over the last third is printed
              too, as a second view of the same thing.
  errors   -- every remote-write, query_range and Kubernetes metrics API
              request answered 2xx with a well-formed body.
  latency  -- p99 of query_range, external and custom metrics answers
              (client-side, whole soak after warm-up) under 50 ms.
  load     -- the writers delivered >= 90 % of the target sample rate
              (otherwise the soak did not test what it claims).
"""
import argparse
import csv
import json
import sys

PLATEAU_RATIO = 1.10
P99_LIMIT_MS = 50.0
LOAD_SHARE = 0.90
API_KINDS = ("query_range", "external", "custom")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("summary")
    parser.add_argument("chart")
    parser.add_argument("--retention-seconds", type=float, required=True)
    parser.add_argument("--max-rate", type=float, required=True, help="calibrated maximum ingest, samples/s")
    args = parser.parse_args()

    rows = [r for r in csv.DictReader(open(args.csv)) if r["rss_mb"]]
    summary = json.load(open(args.summary))
    duration = summary["durationSeconds"]
    kinds = summary["kinds"]
    t = [float(r["elapsed_s"]) for r in rows]
    rss = [float(r["rss_mb"]) for r in rows]

    checks = []  # (name, passed, detail)
    third = duration / 3
    middle = [m for s, m in zip(t, rss) if third <= s < 2 * third]
    last = [m for s, m in zip(t, rss) if s >= 2 * third]
    if third < args.retention_seconds + 60 or not middle or not last:
        checks.append(("plateau", False, f"not judged: a third of the soak ({third:.0f} s) is shorter than "
                                          f"retention + 60 s ({args.retention_seconds + 60:.0f} s)"))
    else:
        limit = PLATEAU_RATIO * max(middle)
        slope = fit_slope([s for s in t if s >= 2 * third], last) * 60
        checks.append(("plateau", max(last) <= limit,
                       f"max RSS last third {max(last):.0f} MB vs {PLATEAU_RATIO:.2f} x middle third's max "
                       f"{max(middle):.0f} MB = {limit:.0f} MB; last-third slope {slope:+.1f} MB/min"))
    errors = {k: v["errors"] for k, v in kinds.items()}
    checks.append(("errors", sum(errors.values()) == 0,
                   ", ".join(f"{k} {v['errors']}/{v['requests']}" for k, v in kinds.items())
                   + "".join(f"; first {k} error: {v['firstError'][:200]}" for k, v in kinds.items() if v["firstError"])))
    slow = {k: kinds[k]["p99Ms"] for k in API_KINDS}
    checks.append(("latency", all(0 <= v < P99_LIMIT_MS for v in slow.values()) and all(kinds[k]["requests"] for k in API_KINDS),
                   ", ".join(f"{k} p99 {v:.1f} ms" for k, v in slow.items()) + f" (limit {P99_LIMIT_MS:.0f} ms)"))
    target = summary["targetSamplesPerSecond"]
    checks.append(("load", summary["samplesPerSecond"] >= LOAD_SHARE * target,
                   f"{summary['samplesPerSecond']:,.0f} samples/s written of {target:,.0f} targeted "
                   f"(half the calibrated {args.max_rate:,.0f}); {summary['skippedRounds']} late rounds skipped"))

    print(f"soak: {duration / 60:.1f} min, {summary['series']:,} series ({summary['pods']:,} pods) every "
          f"{summary['intervalMs']} ms, churn {summary['churnPerMinute']:.0%}/min ({summary['podsReplaced']:,} pods replaced), "
          f"retention {args.retention_seconds:.0f} s")
    print(f"RSS: start {rss[0]:.0f} MB, max {max(rss):.0f} MB, end {rss[-1]:.0f} MB")
    cpu = [float(r["cpu_cores"]) for r in rows if r.get("cpu_cores")]
    if cpu:
        print(f"agent360 CPU (cores busy per window, pinned to one): mean {sum(cpu) / len(cpu):.2f}, max {max(cpu):.2f}")
    print("| kind | requests | errors | empty answers | p50 | p99 | max |")
    print("|---|---|---|---|---|---|---|")
    for k, v in kinds.items():
        print(f"| {k} | {v['requests']:,} | {v['errors']} | {v['empty']} | {v['p50Ms']:.2f} ms | {v['p99Ms']:.2f} ms | {v['maxMs']:.1f} ms |")
    for name, passed, detail in checks:
        print(f"{'PASS' if passed else 'FAIL'} {name}: {detail}")
    draw(args.chart, rows, t, rss, duration, args.retention_seconds, summary)
    print(f"chart: {args.chart}")
    sys.exit(0 if all(passed for _, passed, _ in checks) else 1)


def fit_slope(xs, ys):
    """Least-squares slope of ys over xs (per unit of xs)."""
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    var = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / var if var else 0.0


def draw(path, rows, t, rss, duration, retention, summary):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    minutes = [s / 60 for s in t]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 7), sharex=True)
    top.plot(minutes, rss, color="tab:blue", label="agent360 RSS (MB)")
    top.set_ylabel("RSS (MB)")
    top.set_ylim(bottom=0)
    series = [(m, int(r["active_series"])) for m, r in zip(minutes, rows) if r["active_series"]]
    if series:
        right = top.twinx()
        right.plot([m for m, _ in series], [s / 1000 for _, s in series], color="tab:gray", linestyle=":", label="active series (k)")
        right.set_ylabel("active series (thousands)")
        right.set_ylim(bottom=0)
        right.legend(loc="lower right")
    for edge in (duration / 3, 2 * duration / 3):
        top.axvline(edge / 60, color="black", linewidth=0.5, linestyle="--")
    top.legend(loc="upper left")
    top.set_title(f"agent360 soak: {summary['samplesPerSecond']:,.0f} samples/s, churn {summary['churnPerMinute']:.0%}/min, "
                  f"retention {retention / 60:.0f} min (dashed: thirds judged for the plateau)")
    for kind, color in (("query_range", "tab:orange"), ("external", "tab:green"), ("custom", "tab:purple"), ("write", "tab:blue")):
        points = [(m, float(r[f"{kind}_p99_ms"])) for m, r in zip(minutes, rows) if float(r[f"{kind}_p99_ms"]) >= 0]
        style = ":" if kind == "write" else "-"
        bottom.plot([m for m, _ in points], [v for _, v in points], color=color, linestyle=style, label=f"{kind} p99")
    bottom.axhline(P99_LIMIT_MS, color="red", linewidth=0.8, label=f"{P99_LIMIT_MS:.0f} ms limit")
    bottom.set_yscale("log")
    bottom.set_ylabel("p99 latency per sample window (ms)")
    bottom.set_xlabel("minutes into the soak")
    bottom.legend(loc="upper left", ncol=5, fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=100)


if __name__ == "__main__":
    main()
