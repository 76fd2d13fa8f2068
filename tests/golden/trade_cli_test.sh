#!/usr/bin/env bash
# Golden test of the trade commands as a user runs them: ingest the made-up
# Comtrade fixture (tests/data/trade), re-ingest it, then `bilat trade` in
# every format. Output is diffed against tests/golden/trade_cli/; paths are
# replaced by FIXTURE and timings by T so the files do not depend on the
# machine. --update rewrites the expected files.
# Usage: trade_cli_test.sh BILAT_BINARY OUT_DIR [--update]
set -uo pipefail
bilat="$1"; out="$2"; update="${3:-}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
fixture="$here/tests/data/trade/comtrade_test_chn_kaz.csv"
ws="$out/trade-cli-workspace"
rm -rf "$ws"; mkdir -p "$out"
"$bilat" init "$ws" >/dev/null || exit 1
run() {  # name, then the command's arguments
  local name="$1"; shift
  { "$bilat" "$@" 2>&1; echo "exit $?"; } | sed -e "s|$fixture|FIXTURE|g" -e 's/[0-9.]* s$/T s/' > "$out/$name.txt"
}
run ingest ingest comtrade "$fixture" -w "$ws"
run reingest ingest comtrade "$fixture" -w "$ws"
run pair trade CHN KAZ -w "$ws"
run pair-csv trade KAZ CHN -w "$ws" --format csv
run pair-json trade CHN KAZ -w "$ws" --format json --year 2022
run partners trade China -w "$ws"
run unknown trade CHN NZL -w "$ws"
status=0
for f in ingest reingest pair pair-csv pair-json partners unknown; do
  if [ "$update" = "--update" ]; then
    cp "$out/$f.txt" "$here/tests/golden/trade_cli/$f.txt"
  elif ! diff -u "$here/tests/golden/trade_cli/$f.txt" "$out/$f.txt"; then
    echo "trade CLI golden mismatch: tests/golden/trade_cli/$f.txt" >&2
    status=1
  fi
done
exit $status
