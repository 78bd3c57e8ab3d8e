#!/usr/bin/env bash
# The whole test suite: one debug build reused by unit and end-to-end tests,
# then the checks on generated code, manifests, rules and dashboards.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test

echo "== build (debug, with tests)"
swift build --build-tests
export AGENT360_BINARY="$(swift build --show-bin-path)/agent360"

echo "== swift test"
swift test --skip-build

echo "== generated protobuf-c code is current"
scripts/generate-protos.sh --check

echo "== manifests render and validate"
scripts/check-manifests.sh

echo "== dashboards are valid and every expression checks"
scripts/check-dashboards.sh

echo "== all tests passed"
