#!/usr/bin/env bash
# The whole test suite: one debug build reused by unit and end-to-end tests,
# then the checks on generated code, manifests, rules and dashboards, then
# AddressSanitizer: the fuzz corpora replayed and the storage, remote-write
# and PromQL unit tests run again (separate build directories).
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

echo "== fuzz corpora replayed under ASan (every seed and regression input once)"
step_start=$SECONDS
scripts/fuzz.sh replay
echo "   fuzz replay took $((SECONDS - step_start)) s"

echo "== TSDB, RemoteWrite and PromQL unit tests under ASan"
step_start=$SECONDS
swift build --build-tests --sanitize=address --scratch-path .build-asan
LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt" \
  swift test --skip-build --sanitize=address --scratch-path .build-asan \
  --filter '^(TSDBTests|RemoteWriteTests|PromQLTests)\.'
echo "   ASan unit tests took $((SECONDS - step_start)) s"

echo "== all tests passed"
