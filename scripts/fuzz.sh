#!/usr/bin/env bash
# libFuzzer targets (Fuzz/) built with AddressSanitizer.
#   scripts/fuzz.sh [run]    fuzz each target for FUZZ_SECONDS (make fuzz)
#   scripts/fuzz.sh replay   run every committed corpus input once; fails on any crash (CI)
#   scripts/fuzz.sh merge    fold new finds from the working corpora into Fuzz/Corpus (minimized)
# Settings (environment or make variables):
#   FUZZ_TARGET=FuzzPromQL   one target instead of all
#   FUZZ_SECONDS=60          time per target for run
#   FUZZ_CONFIG=release      build configuration; by default release for run and merge (about
#                            twice the executions per second), debug for replay (builds faster)
#   FUZZ_ARGS="-jobs=1 ..."  extra libFuzzer flags for run
# Crashes, hangs (-timeout) and memory blow-ups (-rss_limit_mb) are saved under
# .build-fuzz/artifacts/<target>/; once fixed, keep the input as
# Fuzz/Corpus/<target>/regression-<what> so replay checks it for good.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
default_config=release
[ "$mode" = replay ] && default_config=debug
config="${FUZZ_CONFIG:-$default_config}"
seconds="${FUZZ_SECONDS:-60}"
scratch="$PWD/.build-fuzz"
corpus="$PWD/Fuzz/Corpus"
limits=(-timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024)
# Swift's own crash backtracer trips ASan; libFuzzer prints the stack instead.
export SWIFT_BACKTRACE=enable=no

case "$mode" in
  run|replay|merge) ;;
  *) echo "usage: $0 [run|replay|merge]" >&2; exit 2 ;;
esac
scripts/install-deps.sh build

if [ -n "${FUZZ_TARGET:-}" ]; then
  targets=("$FUZZ_TARGET")
else
  mapfile -t targets < <(cd Fuzz/Sources && ls -d Fuzz* | grep -v '^FuzzSupport$')
fi

echo "== build fuzz targets ($config, -sanitize=fuzzer,address): ${targets[*]}"
# lld: gold fails on these links with an internal error in its DWARF reader.
build=(swift build --package-path Fuzz --scratch-path "$scratch" -c "$config"
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld -Xswiftc -g)
if [ ${#targets[@]} -eq 1 ]; then build+=(--product "${targets[0]}"); fi
"${build[@]}"
bin="$("${build[@]}" --show-bin-path)"

failed=()
for target in "${targets[@]}"; do
  seeds="$corpus/$target"
  mkdir -p "$seeds"
  case "$mode" in
    replay)
      echo "== replay $target ($(ls "$seeds" | wc -l) inputs)"
      # A longer -timeout: debug builds on a busy CI machine are slow, and
      # a real hang still trips it.
      mkdir -p "$scratch/artifacts/$target"
      if ! "$bin/$target" -runs=0 "${limits[@]}" -timeout=60 -artifact_prefix="$scratch/artifacts/$target/" \
          "$seeds" >"$scratch/$target.replay.log" 2>&1; then
        failed+=("$target")
        tail -n 40 "$scratch/$target.replay.log"
      fi
      grep -E '^#[0-9]+[[:space:]]+DONE' "$scratch/$target.replay.log" || true
      ;;
    run)
      work="$scratch/corpus/$target"
      artifacts="$scratch/artifacts/$target"
      mkdir -p "$work" "$artifacts"
      echo "== fuzz $target for ${seconds}s (working corpus $work)"
      log="$scratch/$target.log"
      # shellcheck disable=SC2086
      if "$bin/$target" -max_total_time="$seconds" "${limits[@]}" -print_final_stats=1 \
          -artifact_prefix="$artifacts/" ${FUZZ_ARGS:-} "$work" "$seeds" >"$log" 2>&1; then
        grep -E '^(Done|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' "$log" || true
      else
        failed+=("$target")
        grep -E -A 25 '^==[0-9]+==|Fatal error|fuzz check failed|deadly signal|ALARM|out-of-memory' "$log" | head -n 40 || true
        ls -1 "$artifacts"
      fi
      ;;
    merge)
      echo "== merge new finds of $target into $seeds"
      "$bin/$target" -merge=1 "${limits[@]}" "$seeds" "$scratch/corpus/$target" 2>&1 | tail -n 1
      ;;
  esac
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz $mode failed: ${failed[*]}" >&2
  exit 1
fi
echo "== fuzz $mode passed: ${targets[*]}"
