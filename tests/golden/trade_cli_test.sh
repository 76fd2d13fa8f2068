#!/usr/bin/env bash
# Golden test of the trade commands as a user runs them: ingest the made-up
# Comtrade fixture (tests/data/trade), re-ingest it, then `bilat trade` in
# every format; then `bilat trade` on the example workspace
# (scripts/example_workspace.sh: a registry with stated trade figures, no
# flows) and on the fixture workspace with the example registry added (both
# kinds of row). Output is diffed against tests/golden/trade_cli/; paths are
# replaced by FIXTURE and WORKSPACE and timings by T so the files do not
# depend on the machine. --update rewrites the expected files.
# Usage: trade_cli_test.sh BILAT_BINARY OUT_DIR [--update]
set -uo pipefail
bilat="$1"; out="$2"; update="${3:-}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
fixture="$here/tests/data/trade/comtrade_test_chn_kaz.csv"
ws="$out/trade-cli-workspace"
example_ws="$out/trade-cli-example-workspace"
rm -rf "$ws" "$example_ws"; mkdir -p "$out"
"$bilat" init "$ws" >/dev/null || exit 1
"$here/scripts/example_workspace.sh" "$bilat" "$example_ws" >/dev/null 2>&1 || exit 1
run() {  # name, then the command's arguments
  local name="$1"; shift
  { "$bilat" "$@" 2>&1; echo "exit $?"; } |
    sed -e "s|$fixture|FIXTURE|g" -e "s|$example_ws|WORKSPACE|g" -e 's/[0-9.]* s$/T s/' > "$out/$name.txt"
}
run ingest ingest comtrade "$fixture" -w "$ws"
run reingest ingest comtrade "$fixture" -w "$ws"
run pair trade CHN KAZ -w "$ws"
run pair-csv trade KAZ CHN -w "$ws" --format csv
run pair-json trade CHN KAZ -w "$ws" --format json --year 2022
run partners trade China -w "$ws"
run unknown trade CHN NZL -w "$ws"
# The example workspace: no flows, the registry's stated figures.
run example-pair trade CHN KAZ -w "$example_ws"
run example-pair-csv trade Kazakhstan China -w "$example_ws" --format csv --year 2013
run example-pair-json trade CHN KAZ -w "$example_ws" --format json --year 2022
run example-registry-only trade CHN KAZ -w "$example_ws" --dataset registry --year 2021
run example-no-year trade CHN KAZ -w "$example_ws" --year 1990
run example-alone trade CHN -w "$example_ws"
run example-alone-registry trade CHN -w "$example_ws" --dataset registry
# Flows and stated figures together.
"$bilat" ingest registry "$here/examples/chn-kaz/registry" -w "$ws" >/dev/null || exit 1
run mixed-pair trade CHN KAZ -w "$ws" --year 2022
run mixed-pair-csv trade CHN KAZ -w "$ws" --format csv --year 2021
run mixed-comtrade-only trade CHN KAZ -w "$ws" --dataset comtrade --year 2021
status=0
for f in ingest reingest pair pair-csv pair-json partners unknown \
         example-pair example-pair-csv example-pair-json example-registry-only example-no-year example-alone \
         example-alone-registry mixed-pair mixed-pair-csv mixed-comtrade-only; do
  if [ "$update" = "--update" ]; then
    cp "$out/$f.txt" "$here/tests/golden/trade_cli/$f.txt"
  elif ! diff -u "$here/tests/golden/trade_cli/$f.txt" "$out/$f.txt"; then
    echo "trade CLI golden mismatch: tests/golden/trade_cli/$f.txt" >&2
    status=1
  fi
done
exit $status
