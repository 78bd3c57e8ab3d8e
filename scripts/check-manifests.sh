#!/usr/bin/env bash
# Renders the kustomize base in manifests/ and validates every object, plus
# the standalone example files, against the Kubernetes schemas
# (kubernetes-validate --strict, Kubernetes 1.30 by default). Also checks the
# Prometheus remote_write snippet with promtool when it is installed, and
# manifests/agent360.yaml with `agent360 check-config` when AGENT360_BINARY
# names a built binary. Fails on any error, warning or unknown kind.
#
# Then renders the scaling guide's application (manifests/guide) the same way.
# Custom resources kubernetes-validate has no schema for are taken out and
# LISTED as not validated; only the kinds in `custom_resources` below may be;
# any other unknown kind still fails. Every built-in object must be reported
# as passed. Cross-references no schema can see are checked too: Service and
# ServiceMonitor selectors and port names, StatefulSet serviceNames, HPA
# targets and External metric selectors, ConfigMap volumes, and that the
# ResourceQuota admits every workload at its largest (HPA maxReplicas plus
# rolling-update surge).
#
#   scripts/check-manifests.sh                 # KUBERNETES_VERSION=1.31.0 to change
set -euo pipefail
cd "$(dirname "$0")/.."

version="${KUBERNETES_VERSION:-1.30.0}"
manifests=manifests
standalone=("$manifests/hpa-example.yaml" "$manifests/prometheus-remote-write.yaml")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# kubernetes-validate reports a kind it has no schema for as a WARN with exit
# status 0, so its output is checked as well as its status.
validate() {
  local label="$1"; shift
  local output status=0
  output="$(kubernetes-validate --strict -k "$version" "$@" 2>&1)" || status=$?
  echo "$output" | sed "s|^|  |"
  echo "$output" > "$work/validate.out"
  if [ "$status" -ne 0 ] || echo "$output" | grep -Eq '^(WARN|ERROR|FATAL)'; then
    echo "FAIL: $label does not validate against Kubernetes $version" >&2
    exit 1
  fi
  if ! echo "$output" | grep -q '^INFO'; then
    echo "FAIL: $label contains no objects" >&2
    exit 1
  fi
}

echo "== kubectl kustomize $manifests"
kubectl kustomize "$manifests" > "$work/rendered.yaml"
echo "  $(grep -c '^kind:' "$work/rendered.yaml") objects rendered"

echo "== kubernetes-validate (rendered base, Kubernetes $version, strict)"
validate "kubectl kustomize $manifests" "$work/rendered.yaml"

echo "== kubernetes-validate (standalone examples)"
validate "standalone manifests" "${standalone[@]}"

if command -v promtool >/dev/null 2>&1; then
  echo "== promtool check config (remote_write snippet)"
  python3 - "$manifests/prometheus-remote-write.yaml" "$work/prometheus.yml" <<'PY'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
open(sys.argv[2], "w").write(doc["data"]["remote-write.yml"])
PY
  promtool check config "$work/prometheus.yml" | sed "s|^|  |"
fi

if [ -n "${AGENT360_BINARY:-}" ]; then
  echo "== agent360 check-config $manifests/agent360.yaml"
  "$AGENT360_BINARY" check-config "$manifests/agent360.yaml"
fi

guide="$manifests/guide"
# apiVersion and kind of the custom resources the guide may contain. They are
# listed as not validated; any other kind without a schema is an error.
custom_resources=("monitoring.coreos.com/v1 ServiceMonitor")

echo "== kubectl kustomize $guide"
kubectl kustomize "$guide" > "$work/guide.yaml"
echo "  $(grep -c '^kind:' "$work/guide.yaml") objects rendered"

echo "== custom resources and cross-references ($guide)"
python3 - "$work/guide.yaml" "$work/guide-builtin.yaml" "$work/guide-builtin.count" "${custom_resources[@]}" <<'PY'
import math, re, sys, yaml

rendered, builtin_path, count_path, *custom = sys.argv[1:]
custom = set(custom)
objects = [o for o in yaml.safe_load_all(open(rendered)) if o]
problems = []


def name(o):
    meta = o.get("metadata") or {}
    return f"{meta.get('namespace', '-')}/{meta.get('name')}" if meta.get("namespace") else meta.get("name")


def where(o):
    return f"{o.get('kind')} {name(o)}"


def ns(o):
    return (o.get("metadata") or {}).get("namespace")


def matches(selector, labels):
    return bool(selector) and all((labels or {}).get(k) == v for k, v in selector.items())


def quantity(text):
    """Kubernetes resource.Quantity as a float (cores or bytes)."""
    m = re.fullmatch(r"([0-9.]+)(m|k|M|G|T|Ki|Mi|Gi|Ti)?", str(text))
    if not m:
        raise ValueError(f"unparsable quantity {text!r}")
    scale = {None: 1, "m": 1e-3, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12,
             "Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40}[m.group(2)]
    return float(m.group(1)) * scale


builtin = []
for o in objects:
    key = f"{o.get('apiVersion')} {o.get('kind')}"
    if key in custom:
        print(f"  custom resource, not validated (no schema): {key} {name(o)}")
    else:
        builtin.append(o)
with open(builtin_path, "w") as f:
    yaml.safe_dump_all(builtin, f, sort_keys=False)
with open(count_path, "w") as f:
    f.write(f"{len(builtin)}\n")

services = [o for o in objects if o.get("kind") == "Service"]
workloads = [o for o in objects if o.get("kind") in ("Deployment", "StatefulSet", "DaemonSet", "Job")]
configmaps = {(ns(o), o["metadata"]["name"]) for o in objects if o.get("kind") == "ConfigMap"}


def pod_spec(w):
    return w["spec"]["template"]["spec"]


def pod_labels(w):
    return (w["spec"]["template"].get("metadata") or {}).get("labels") or {}


def container_ports(w):
    return {p.get("name") for c in pod_spec(w).get("containers", []) for p in c.get("ports", []) if p.get("name")}


for s in services:
    selector = s["spec"].get("selector")
    if not selector:
        continue
    backends = [w for w in workloads if ns(w) == ns(s) and matches(selector, pod_labels(w))]
    if not backends:
        problems.append(f"{where(s)}: selector {selector} matches no pod template")
    for port in s["spec"].get("ports", []):
        target = port.get("targetPort")
        if isinstance(target, str) and any(target not in container_ports(w) for w in backends):
            problems.append(f"{where(s)}: targetPort {target!r} is not a named container port of its pods")

for w in workloads:
    if w.get("kind") == "StatefulSet":
        headless = [s for s in services if ns(s) == ns(w) and s["metadata"]["name"] == w["spec"].get("serviceName")]
        if not headless or headless[0]["spec"].get("clusterIP") != "None":
            problems.append(f"{where(w)}: serviceName {w['spec'].get('serviceName')!r} is not a headless Service here")
        elif not matches(headless[0]["spec"].get("selector"), pod_labels(w)):
            problems.append(f"{where(w)}: its headless Service does not select its pods")
    for volume in pod_spec(w).get("volumes", []):
        cm = (volume.get("configMap") or {}).get("name")
        if cm and (ns(w), cm) not in configmaps:
            problems.append(f"{where(w)}: volume {volume.get('name')!r} names ConfigMap {cm!r}, not in the render")

for sm in (o for o in objects if o.get("kind") == "ServiceMonitor"):
    spec = sm.get("spec") or {}
    namespaces = ((spec.get("namespaceSelector") or {}).get("matchNames")) or [ns(sm)]
    selected = [s for s in services if ns(s) in namespaces
                and matches((spec.get("selector") or {}).get("matchLabels"), (s["metadata"].get("labels")))]
    if not selected:
        problems.append(f"{where(sm)}: selector matches no Service in {namespaces}")
    for endpoint in spec.get("endpoints", []):
        port = endpoint.get("port")
        if any(port not in {p.get("name") for p in s["spec"].get("ports", [])} for s in selected):
            problems.append(f"{where(sm)}: endpoint port {port!r} is not a named port of the selected Services")
        keep = [r for r in endpoint.get("metricRelabelings", [])
                if r.get("action") == "keep" and r.get("sourceLabels") == ["__name__"] and r.get("regex") == "agent360_.*"]
        if not keep:
            problems.append(f"{where(sm)}: endpoint {port!r} does not keep only agent360_.* (metricRelabelings keep __name__)")

def show(resource, value):
    return f"{value / 2**30:.2f}Gi" if resource.endswith("memory") else f"{value:g}"


hpas = [o for o in objects if o.get("kind") == "HorizontalPodAutoscaler"]
max_pods = {}   # (namespace, kind, name) → most pods the workload can run at once
for w in workloads:
    replicas = w["spec"].get("replicas", 1) if w.get("kind") != "Job" else w["spec"].get("parallelism", 1)
    max_pods[(ns(w), w["kind"], w["metadata"]["name"])] = replicas
for h in hpas:
    ref = h["spec"]["scaleTargetRef"]
    key = (ns(h), ref.get("kind"), ref.get("name"))
    target = [w for w in workloads if (ns(w), w["kind"], w["metadata"]["name"]) == key]
    if not target:
        problems.append(f"{where(h)}: scaleTargetRef {ref.get('kind')}/{ref.get('name')} is not in the render")
        continue
    if "replicas" in target[0]["spec"]:
        problems.append(f"{where(target[0])}: sets spec.replicas although {where(h)} owns the count")
    for metric in h["spec"].get("metrics", []):
        selector = (((metric.get("external") or {}).get("metric") or {}).get("selector") or {}).get("matchLabels") or {}
        if "workload" in selector and selector["workload"] != ref.get("name"):
            problems.append(f"{where(h)}: External metric selects workload {selector['workload']!r}, "
                            f"but scales {ref.get('name')!r}")
    pods = h["spec"]["maxReplicas"]
    if ref.get("kind") == "Deployment":
        surge = ((target[0]["spec"].get("strategy") or {}).get("rollingUpdate") or {}).get("maxSurge", "25%")
        pods += math.ceil(pods * int(surge[:-1]) / 100) if isinstance(surge, str) else surge
    max_pods[key] = pods

def pod_amount(w, kind, resource, quota):
    """What one pod counts against a quota: the larger of its containers' sum
    and its largest init container (they run one after another, first)."""
    def amount(c):
        value = ((c.get("resources") or {}).get(kind) or {}).get(resource)
        if value is None:
            problems.append(f"{where(w)}: container {c.get('name')!r} has no {kind}.{resource}, "
                            f"which {where(quota)} makes mandatory")
            return 0.0
        try:
            return quantity(value)
        except ValueError as error:
            problems.append(f"{where(w)}: container {c.get('name')!r}: {error}")
            return 0.0
    spec = pod_spec(w)
    return max([sum(amount(c) for c in spec.get("containers", []))]
               + [amount(c) for c in spec.get("initContainers", [])])


for quota in (o for o in objects if o.get("kind") == "ResourceQuota"):
    hard = quota["spec"].get("hard", {})
    need = {"pods": 0.0, "requests.cpu": 0.0, "requests.memory": 0.0, "limits.cpu": 0.0, "limits.memory": 0.0}
    for w in (w for w in workloads if ns(w) == ns(quota)):
        pods = max_pods[(ns(w), w["kind"], w["metadata"]["name"])]
        need["pods"] += pods
        for kind in ("requests", "limits"):
            for resource in ("cpu", "memory"):
                need[f"{kind}.{resource}"] += pods * pod_amount(w, kind, resource, quota)
    for resource, amount in need.items():
        if resource in hard and amount > quantity(hard[resource]) + 1e-9:
            problems.append(f"{where(quota)}: {resource} {hard[resource]} is less than the {show(resource, amount)} "
                            f"the workloads need at their largest")
    print(f"  {where(quota)}: the workloads at their largest need "
          + ", ".join(f"{r} {show(r, need[r])} of {show(r, quantity(hard[r]))}" for r in need if r in hard))

for problem in problems:
    print(f"FAIL: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY

echo "== kubernetes-validate (rendered guide without custom resources, Kubernetes $version, strict)"
validate "kubectl kustomize $guide" "$work/guide-builtin.yaml"
expected="$(cat "$work/guide-builtin.count")"
passed="$(grep -c '^INFO .* passed for resource' "$work/validate.out" || true)"
if [ "$passed" -ne "$expected" ]; then
  echo "FAIL: $guide: $passed of $expected built-in objects reported as passed" >&2
  exit 1
fi
echo "  $passed of $expected built-in objects passed"

echo "== manifests OK"
