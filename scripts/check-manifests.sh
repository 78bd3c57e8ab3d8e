#!/usr/bin/env bash
# Renders the kustomize base in manifests/ and validates every object, plus
# the standalone example files, against the Kubernetes schemas
# (kubernetes-validate --strict, Kubernetes 1.30 by default). Also checks the
# Prometheus remote_write snippet with promtool when it is installed, and
# manifests/agent360.yaml with `agent360 check-config` when AGENT360_BINARY
# names a built binary. Fails on any error, warning or unknown kind.
#
# The metrics-server overlay (manifests/overlays/metrics-server, the
# metrics.k8s.io APIService and RBAC) is rendered and validated too, and
# cross-checked together with the base.
#
# Then renders the scaling guide's application (manifests/guide) the same way.
# Custom resources kubernetes-validate has no schema for are taken out and
# LISTED as not validated; only the kinds in `custom_resources` below may be;
# any other unknown kind still fails. Every built-in object must be reported
# as passed. Cross-references no schema can see are checked too, in the base
# and in the guide: Service and ServiceMonitor selectors and port names,
# workload selectors against their pod templates, volume mounts against
# volumes and volumeClaimTemplates, StatefulSet serviceNames (a headless
# Service selecting the pods), PodDisruptionBudget selectors and that they
# allow an eviction, APIService Services and ports, HPA targets and External
# metric selectors, ConfigMap volumes, and that the ResourceQuota admits every
# workload at its largest (HPA maxReplicas plus rolling-update surge). For the
# base, the remote_write snippet must feed every StatefulSet replica by its own
# entry through the headless Service, and none through a load-balancing one.
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

# Cross-references no schema can see, for a rendered kustomization:
#   crossref.py RENDERED BUILTIN_OUT COUNT_OUT REMOTE_WRITE_SNIPPET|- [CUSTOM_KIND...]
# writes the built-in objects (all but the listed custom resources) and their
# count, and with a remote_write snippet checks its URLs against the render.
cat > "$work/crossref.py" <<'PY'
import math, re, sys, yaml
from urllib.parse import urlsplit

rendered, builtin_path, count_path, remote_write, *custom = sys.argv[1:]
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


def label_selector_matches(selector, labels):
    """A metav1.LabelSelector (matchLabels and matchExpressions); an empty
    one is reported as not matching, since it would select every pod."""
    selector = selector or {}
    labels = labels or {}
    if not selector.get("matchLabels") and not selector.get("matchExpressions"):
        return False
    if not all(labels.get(k) == v for k, v in (selector.get("matchLabels") or {}).items()):
        return False
    for e in selector.get("matchExpressions") or []:
        key, op, values = e.get("key"), e.get("operator"), e.get("values") or []
        if not {"In": key in labels and labels[key] in values,
                "NotIn": key not in labels or labels[key] not in values,
                "Exists": key in labels,
                "DoesNotExist": key not in labels}.get(op, False):
            return False
    return True


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
    selector = w["spec"].get("selector")
    if w.get("kind") != "Job" and not label_selector_matches(selector, pod_labels(w)):
        problems.append(f"{where(w)}: spec.selector {selector} does not select its own pod template")
    claims = {(c.get("metadata") or {}).get("name") for c in w["spec"].get("volumeClaimTemplates", [])}
    volumes = {v.get("name") for v in pod_spec(w).get("volumes", [])} | claims
    for c in pod_spec(w).get("containers", []) + pod_spec(w).get("initContainers", []):
        for mount in c.get("volumeMounts", []):
            if mount.get("name") not in volumes:
                problems.append(f"{where(w)}: container {c.get('name')!r} mounts {mount.get('name')!r}, "
                                f"neither a volume nor a volumeClaimTemplate")
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

def replicas_of(w):
    return w["spec"].get("replicas", 1) if w.get("kind") != "Job" else w["spec"].get("parallelism", 1)


def fewest_pods(w):
    """The smallest pod count a workload runs at: an HPA's minReplicas when one scales it."""
    for h in (o for o in objects if o.get("kind") == "HorizontalPodAutoscaler" and ns(o) == ns(w)):
        ref = h["spec"]["scaleTargetRef"]
        if (ref.get("kind"), ref.get("name")) == (w["kind"], w["metadata"]["name"]):
            return h["spec"].get("minReplicas", 1)
    return replicas_of(w)


for pdb in (o for o in objects if o.get("kind") == "PodDisruptionBudget"):
    selector = pdb["spec"].get("selector")
    covered = [w for w in workloads if ns(w) == ns(pdb) and label_selector_matches(selector, pod_labels(w))]
    if not covered:
        problems.append(f"{where(pdb)}: selector {selector} matches no pod template")
        continue
    pods = sum(fewest_pods(w) for w in covered)
    for field in ("minAvailable", "maxUnavailable"):
        value = pdb["spec"].get(field)
        if isinstance(value, str) and value.endswith("%"):
            value = math.ceil(pods * int(value[:-1]) / 100)   # Kubernetes rounds up
        if value is None:
            continue
        if (field == "minAvailable" and value >= pods) or (field == "maxUnavailable" and value <= 0):
            problems.append(f"{where(pdb)}: {field} {pdb['spec'][field]} of {pods} pods never allows an eviction "
                            f"(node drains would hang)")

for api in (o for o in objects if o.get("kind") == "APIService"):
    ref = api["spec"].get("service") or {}
    target = [s for s in services if ns(s) == ref.get("namespace") and s["metadata"]["name"] == ref.get("name")]
    if not target:
        problems.append(f"{where(api)}: service {ref.get('namespace')}/{ref.get('name')} is not in the render")
        continue
    if target[0]["spec"].get("clusterIP") == "None":
        problems.append(f"{where(api)}: service {ref.get('name')!r} is headless; kube-aggregator dials a cluster IP")
    if ref.get("port", 443) not in {p.get("port") for p in target[0]["spec"].get("ports", [])}:
        problems.append(f"{where(api)}: service {ref.get('name')!r} has no port {ref.get('port', 443)}")

if remote_write != "-":
    # Every StatefulSet replica gets its own remote_write entry through the
    # headless Service (agent360-0.agent360-headless.agent360.svc:9360), and
    # nothing is remote-written through a load-balancing Service, which would
    # split the stream between the replicas.
    snippet = yaml.safe_load(open(remote_write))
    entries = (yaml.safe_load(snippet["data"]["remote-write.yml"]) or {}).get("remote_write") or []
    fed = {}   # (namespace, StatefulSet) → ordinals with an entry
    if not entries:
        problems.append(f"{remote_write}: no remote_write entries")
    for entry in entries:
        url = urlsplit(entry.get("url", ""))
        host = (url.hostname or "").removesuffix(".cluster.local")
        parts = host.split(".")
        if url.path != "/api/v1/write":
            problems.append(f"{remote_write}: {entry.get('url')}: path is not /api/v1/write")
        if not (entry.get("basic_auth") or {}).get("username"):
            problems.append(f"{remote_write}: {entry.get('url')}: no basic_auth, but agent360's 9360 requires it (web-config.yml)")
        if len(parts) == 3 and parts[2] == "svc" and any(ns(s) == parts[1] and s["metadata"]["name"] == parts[0]
                                                         for s in services):
            problems.append(f"{remote_write}: {entry.get('url')} goes through Service {parts[0]!r}, "
                            f"which would split the stream between the replicas; "
                            f"use one entry per pod through the headless Service")
            continue
        if len(parts) != 4 or parts[3] != "svc":
            problems.append(f"{remote_write}: {entry.get('url')}: not <pod>.<headless service>.<namespace>.svc")
            continue
        pod, service, namespace = parts[:3]
        sets = [w for w in workloads if w.get("kind") == "StatefulSet" and ns(w) == namespace
                and w["spec"].get("serviceName") == service
                and re.fullmatch(re.escape(w["metadata"]["name"]) + r"-[0-9]+", pod)]
        if not sets:
            problems.append(f"{remote_write}: {entry.get('url')}: {pod!r} is not a pod of a StatefulSet "
                            f"governed by {namespace}/{service}")
            continue
        headless = [s for s in services if ns(s) == namespace and s["metadata"]["name"] == service][0]
        if url.port not in {p.get("port") for p in headless["spec"].get("ports", [])}:
            problems.append(f"{remote_write}: {entry.get('url')}: port {url.port} is not a port of {service!r}")
        unpublished = (f"{where(headless)}: remote-written to, but without publishNotReadyAddresses "
                       f"a replica replaying its WAL could not be reached to catch up")
        if not headless["spec"].get("publishNotReadyAddresses") and unpublished not in problems:
            problems.append(unpublished)
        key = (namespace, sets[0]["metadata"]["name"])
        ordinal = int(pod.rsplit("-", 1)[1])
        if ordinal in fed.setdefault(key, set()):
            problems.append(f"{remote_write}: {pod} has more than one remote_write entry")
        fed[key].add(ordinal)
    for (namespace, name_), ordinals in fed.items():
        w = [w for w in workloads if w.get("kind") == "StatefulSet" and ns(w) == namespace
             and w["metadata"]["name"] == name_][0]
        want = set(range(replicas_of(w)))
        if ordinals != want:
            problems.append(f"{remote_write}: entries for {name_} ordinals {sorted(ordinals)}, but {where(w)} "
                            f"has replicas {sorted(want)}: every replica needs its own entry")
        else:
            print(f"  {remote_write}: one remote_write entry per replica of {where(w)} ({len(want)})")

for policy in (o for o in objects if o.get("kind") == "NetworkPolicy"):
    # The policy must select pods of a workload here, and name only ports
    # those pods' containers declare (a misspelt port name admits nothing).
    spec = policy.get("spec") or {}
    selected = [w for w in workloads if ns(w) == ns(policy)
                and matches((spec.get("podSelector") or {}).get("matchLabels"),
                            w["spec"]["template"]["metadata"].get("labels"))]
    if not selected:
        problems.append(f"{where(policy)}: podSelector matches no workload's pods")
    for w in selected:
        declared = {p.get("name") for c in w["spec"]["template"]["spec"].get("containers", []) for p in c.get("ports", [])}
        declared |= {p.get("containerPort") for c in w["spec"]["template"]["spec"].get("containers", []) for p in c.get("ports", [])}
        for rule in spec.get("ingress") or []:
            for port in rule.get("ports") or []:
                if port.get("port") not in declared:
                    problems.append(f"{where(policy)}: port {port.get('port')!r} is not a port of {where(w)}")

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
    max_pods[(ns(w), w["kind"], w["metadata"]["name"])] = replicas_of(w)
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

echo "== kubectl kustomize $manifests"
kubectl kustomize "$manifests" > "$work/rendered.yaml"
echo "  $(grep -c '^kind:' "$work/rendered.yaml") objects rendered"

echo "== kubernetes-validate (rendered base, Kubernetes $version, strict)"
validate "kubectl kustomize $manifests" "$work/rendered.yaml"
passed="$(grep -c '^INFO .* passed for resource' "$work/validate.out" || true)"

echo "== cross-references ($manifests, with $manifests/prometheus-remote-write.yaml)"
python3 "$work/crossref.py" "$work/rendered.yaml" "$work/base-builtin.yaml" "$work/base-builtin.count" \
  "$manifests/prometheus-remote-write.yaml"
expected="$(cat "$work/base-builtin.count")"
if [ "$passed" -ne "$expected" ]; then
  echo "FAIL: $manifests: $passed of $expected objects reported as passed" >&2
  exit 1
fi
echo "  $passed of $expected objects passed"

overlay="$manifests/overlays/metrics-server"
echo "== kubectl kustomize $overlay (applied on top of the base)"
kubectl kustomize "$overlay" > "$work/overlay.yaml"
echo "  $(grep -c '^kind:' "$work/overlay.yaml") objects rendered"
echo "== kubernetes-validate (rendered $overlay, Kubernetes $version, strict)"
validate "kubectl kustomize $overlay" "$work/overlay.yaml"
passed="$(grep -c '^INFO .* passed for resource' "$work/validate.out" || true)"
# Cross-references against base and overlay together: the APIService's
# Service and port must be the base's.
{ cat "$work/rendered.yaml"; echo "---"; cat "$work/overlay.yaml"; } > "$work/with-overlay.yaml"
python3 "$work/crossref.py" "$work/with-overlay.yaml" "$work/overlay-builtin.yaml" "$work/overlay-builtin.count" -
expected="$(grep -c '^kind:' "$work/overlay.yaml")"
if [ "$passed" -ne "$expected" ]; then
  echo "FAIL: $overlay: $passed of $expected objects reported as passed" >&2
  exit 1
fi
if ! grep -q 'group: metrics.k8s.io' "$work/overlay.yaml"; then
  echo "FAIL: $overlay registers no metrics.k8s.io APIService" >&2
  exit 1
fi
echo "  $passed of $expected objects passed"

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
  echo "== agent360 check-config $manifests/agent360.yaml --web-config $manifests/web-config.yml"
  "$AGENT360_BINARY" check-config "$manifests/agent360.yaml" --web-config "$manifests/web-config.yml"
fi

guide="$manifests/guide"
# apiVersion and kind of the custom resources the guide may contain. They are
# listed as not validated; any other kind without a schema is an error.
custom_resources=("monitoring.coreos.com/v1 ServiceMonitor")

echo "== kubectl kustomize $guide"
kubectl kustomize "$guide" > "$work/guide.yaml"
echo "  $(grep -c '^kind:' "$work/guide.yaml") objects rendered"

echo "== custom resources and cross-references ($guide)"
python3 "$work/crossref.py" "$work/guide.yaml" "$work/guide-builtin.yaml" "$work/guide-builtin.count" - "${custom_resources[@]}"

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
