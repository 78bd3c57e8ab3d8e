#!/usr/bin/env bash
# Regenerates Sources/CPrompb from proto/*.proto with protoc-c.
#
#   scripts/generate-protos.sh          regenerate the committed C code
#   scripts/generate-protos.sh --check  regenerate into a temp dir and fail
#                                       (exit 1) if the committed code differs
#
# Needs protoc-c (Debian: protobuf-c-compiler). The command is exactly:
#
#   protoc-c --proto_path=proto --c_out=<out> remote_write_v1.proto remote_write_v2.proto
#
# then each generated header moves to Sources/CPrompb/include/ (SwiftPM's public
# header dir, also on the include path of the .c files) and each .c file stays
# in Sources/CPrompb/. Sources/CPrompb/include/CPrompb.h is hand-written (the
# module's umbrella header) and is not touched.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
protos=(remote_write_v1.proto remote_write_v2.proto)
target="$root/Sources/CPrompb"

check=0
case "${1:-}" in
  --check) check=1 ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

command -v protoc-c >/dev/null || { echo "protoc-c not found (apt-get install protobuf-c-compiler)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$root" && protoc-c --proto_path=proto --c_out="$work" "${protos[@]}")

mkdir -p "$work/tree/include"
for proto in "${protos[@]}"; do
  base="${proto%.proto}"
  mv "$work/$base.pb-c.c" "$work/tree/$base.pb-c.c"
  mv "$work/$base.pb-c.h" "$work/tree/include/$base.pb-c.h"
done

if [[ $check -eq 1 ]]; then
  status=0
  for proto in "${protos[@]}"; do
    base="${proto%.proto}"
    for rel in "$base.pb-c.c" "include/$base.pb-c.h"; do
      if ! cmp -s "$work/tree/$rel" "$target/$rel"; then
        echo "out of date: Sources/CPrompb/$rel (run scripts/generate-protos.sh)" >&2
        status=1
      fi
    done
  done
  [[ $status -eq 0 ]] && echo "Sources/CPrompb is up to date with proto/"
  exit $status
fi

mkdir -p "$target/include"
for proto in "${protos[@]}"; do
  base="${proto%.proto}"
  cp "$work/tree/$base.pb-c.c" "$target/$base.pb-c.c"
  cp "$work/tree/include/$base.pb-c.h" "$target/include/$base.pb-c.h"
done
echo "regenerated Sources/CPrompb from proto/"
