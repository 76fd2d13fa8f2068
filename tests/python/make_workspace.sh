#!/usr/bin/env bash
# Builds the workspace the Python module's tests and example read, with the
# bilat CLI: the example China-Kazakhstan workspace
# (scripts/example_workspace.sh: registry with stated trade figures, GDELT
# and ICEWS samples, WDI, the openly licensed China datasets) plus the
# made-up Comtrade fixture of tests/data/trade, so that the pair has trade
# indicators as well as stated figures, and the shared GDELT samples (four
# 15-minute files of 2015-2019 and the 1.0 samples), so that busy pairs
# have event series of several months. A few seconds.
# Usage: make_workspace.sh BILAT WORKSPACE_DIR SHARED_DIR
set -euo pipefail
bilat="$1"; ws="$2"; shared="$3"
here="$(cd "$(dirname "$0")/../.." && pwd)"
rm -rf "$ws"
mkdir -p "$(dirname "$ws")"
"$here/scripts/example_workspace.sh" "$bilat" "$ws" >"$ws.log" 2>&1 || { cat "$ws.log" >&2; exit 1; }
"$bilat" ingest comtrade "$here/tests/data/trade/comtrade_test_chn_kaz.csv" -w "$ws" >>"$ws.log" 2>&1 ||
  { cat "$ws.log" >&2; exit 1; }
"$bilat" ingest gdelt "$shared"/data/gdelt/v2/2*.export.CSV "$shared"/data/gdelt/v1/*.export.CSV -w "$ws" \
  >>"$ws.log" 2>&1 || { cat "$ws.log" >&2; exit 1; }
echo "workspace: $ws"
