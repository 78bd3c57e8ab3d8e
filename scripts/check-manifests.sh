#!/usr/bin/env bash
# Renders the kustomize base in manifests/ and validates every object, plus
# the standalone example files, against the Kubernetes schemas
# (kubernetes-validate --strict, Kubernetes 1.30 by default). Also checks the
# Prometheus remote_write snippet with promtool when it is installed, and
# manifests/agent360.yaml with `agent360 check-config` when AGENT360_BINARY
# names a built binary. Fails on any error, warning or unknown kind.
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
  "$AGENT360_BINARY" check-config --config "$manifests/agent360.yaml"
fi

echo "== manifests OK"
