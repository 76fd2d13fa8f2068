#!/usr/bin/env bash
# Golden test of `bilat index` and `bilat trajectory` on the China series
# built from ../shared/data: the whole series (default year, csv), one year
# as JSON, one pair in a table and month by month, the forecasts of every
# partner and of one pair, and an unknown component in a weights file (its
# message and exit code). The workspace is the one golden-series-CHN builds
# in OUT_DIR/series-workspace when it is there (tests/CMakeLists.txt makes
# this test require it), else it is built here with scripts/series_workspace.sh.
# Output is diffed against tests/golden/index/, with the workspace and source
# paths replaced by WORKSPACE and SRC; --update rewrites the expected files.
# Usage: index_cli_test.sh BILAT OUT_DIR SHARED_DIR [--update]
set -uo pipefail
bilat="$1"; out="$2"; shared="$3"; update="${4:-}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
ws="$out/series-workspace"
mkdir -p "$out/index-cli"
if [ ! -f "$ws/bilat.db" ]; then
  "$here/scripts/series_workspace.sh" "$bilat" "$ws" "$shared/data" >"$out/index-cli/ingest.log" 2>&1 || {
    echo "series workspace could not be built (log: $out/index-cli/ingest.log)" >&2; exit 1; }
fi
run() {  # name, then the command's arguments
  local name="$1"; shift
  { "$bilat" "$@" 2>&1; echo "exit $?"; } |
    sed -e "s|$ws|WORKSPACE|g" -e "s|$out|OUT|g" -e "s|$here|SRC|g" > "$out/index-cli/$name.txt"
}
run series-csv index CHN -w "$ws" --format csv
run series-2015-json index CHN -w "$ws" --year 2015 --format json
run pair index CHN PAK -w "$ws"
run pair-monthly-csv index CHN PAK -w "$ws" --monthly --format csv
run trajectory-csv trajectory CHN -w "$ws" --format csv
run trajectory-pair-json trajectory CHN PAK -w "$ws" --format json
bad="$out/index-cli/bad_weights.tsv"
printf 'normalisation z\nweight trade 1\nweight tarde 2\n' > "$bad"
run bad-weights index CHN -w "$ws" --weights "$bad"
status=0
for f in series-csv series-2015-json pair pair-monthly-csv trajectory-csv trajectory-pair-json bad-weights; do
  if [ "$update" = "--update" ]; then
    cp "$out/index-cli/$f.txt" "$here/tests/golden/index/$f.txt"
  elif ! diff -u "$here/tests/golden/index/$f.txt" "$out/index-cli/$f.txt" > "$out/index-cli/$f.diff"; then
    echo "index CLI golden mismatch: tests/golden/index/$f.txt (diff in $out/index-cli/$f.diff; first lines below)" >&2
    head -30 "$out/index-cli/$f.diff" >&2
    status=1
  fi
done
# The bad weights file must fail (non-zero exit), naming its line.
if ! grep -q "bad_weights.tsv:3: unknown component 'tarde'" "$out/index-cli/bad-weights.txt" ||
   grep -q "^exit 0$" "$out/index-cli/bad-weights.txt"; then
  echo "bilat index with an unknown weights component did not fail with the line named" >&2
  status=1
fi
exit $status
