#!/usr/bin/env bash
# Golden test of the series from open data: builds the China series workspace
# from ../shared/data with scripts/series_workspace.sh, writes the report of a
# pair nobody curated (China-Pakistan: no registry rows, datasets alone) and
# every partner's report, and diffs CHN-PAK.md and the series summary
# SERIES-CHN.csv against tests/golden/series/. Also checks that every
# partner's JSON parses and that no report has a lint warning. With --update
# it rewrites the golden files instead; review git diff tests/golden/series.
# Usage: series_golden_test.sh BILAT OUT_DIR SHARED_DIR [--update]
set -euo pipefail
bilat="$1"; out="$2"; shared="$3"; update="${4:-}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
ws="$out/series-workspace"
rm -rf "$ws"
mkdir -p "$out"
"$here/scripts/series_workspace.sh" "$bilat" "$ws" "$shared/data" >"$out/series-ingest.log" 2>&1
"$bilat" report CHN PAK --workspace "$ws" --out "$ws/reports" --format md,json >/dev/null 2>"$out/series-pak.log"
# A sample for the browser test (tests/CMakeLists.txt): three continents.
"$bilat" report CHN PAK NGA DEU --workspace "$ws" --out "$out/series-html" --format html >/dev/null 2>&1
"$bilat" report CHN --all-partners --workspace "$ws" --out "$ws/all" --format json >/dev/null 2>"$out/series-all.log"
status=0
if grep -q "warning" "$out/series-all.log" "$out/series-pak.log"; then
  echo "series reports have lint warnings:" >&2
  grep -h "warning" "$out/series-all.log" "$out/series-pak.log" | head -20 >&2
  status=1
fi
python3 - "$ws/all" <<'PY' || status=1
import json, os, sys
folder = sys.argv[1]
names = [n for n in os.listdir(folder) if n.endswith(".json")]
assert len(names) > 150, "only %d partner reports" % len(names)
for n in names:
    with open(os.path.join(folder, n)) as f:
        r = json.load(f)
    ids = [s["id"] for s in r["sections"]]
    assert ids[:3] == ["political", "pulse", "economy"] and "risks" in ids, (n, ids)
print("%d partner reports parse, each with its sections" % len(names))
PY
cp "$ws/all/SERIES-CHN.csv" "$ws/reports/SERIES-CHN.csv"
for f in CHN-PAK.md SERIES-CHN.csv; do
  if [ "$update" = "--update" ]; then
    cp "$ws/reports/$f" "$here/tests/golden/series/$f"
    echo "updated tests/golden/series/$f"
  elif ! diff -u "$here/tests/golden/series/$f" "$ws/reports/$f" > "$out/series-$f.diff"; then
    echo "golden mismatch: tests/golden/series/$f (diff in $out/series-$f.diff; first lines below)" >&2
    head -40 "$out/series-$f.diff" >&2
    status=1
  fi
done
exit $status
