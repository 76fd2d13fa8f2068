#!/usr/bin/env bash
# Builds the example CHN-KAZ report into OUT_DIR for the browser test.
# Usage: run_example_report.sh BILAT_BINARY OUT_DIR
set -euo pipefail
bilat="$1"; out="$2"
here="$(cd "$(dirname "$0")/../.." && pwd)"
ws="$out/browser-workspace"
rm -rf "$ws"
"$here/scripts/example_workspace.sh" "$bilat" "$ws" >/dev/null
"$bilat" report CHN KAZ --workspace "$ws" --out "$out" --format html
