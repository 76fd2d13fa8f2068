#!/usr/bin/env bash
# Builds the example CHN-KAZ report into OUT_DIR for the browser test.
# Usage: run_example_report.sh BILAT_BINARY OUT_DIR
set -euo pipefail
bilat="$1"; out="$2"
here="$(cd "$(dirname "$0")/../.." && pwd)"
ws="$out/browser-workspace"
rm -rf "$ws"
"$bilat" init "$ws" >/dev/null
cp -r "$here/examples/chn-kaz/notes/." "$ws/notes/"
"$bilat" ingest registry "$here/examples/chn-kaz/registry" --workspace "$ws" >/dev/null
"$bilat" follow CHN KAZ --workspace "$ws" >/dev/null
"$bilat" ingest icews "$here"/examples/chn-kaz/events/*.tab --workspace "$ws" >/dev/null
"$bilat" ingest gdelt "$here"/examples/chn-kaz/events/*.CSV --workspace "$ws" >/dev/null
"$bilat" report CHN KAZ --workspace "$ws" --out "$out" --format html
