#!/usr/bin/env bash
# Builds the example China-Kazakhstan workspace from the files bundled in
# examples/chn-kaz (registry, analyst notes, event samples, WDI extract).
# Used by scripts/example.sh, the golden test and the browser test, so all
# three see the same workspace.
# Usage: scripts/example_workspace.sh BILAT_BINARY WORKSPACE_DIR
set -euo pipefail
bilat="$1"; ws="$2"
here="$(cd "$(dirname "$0")/.." && pwd)"
example="$here/examples/chn-kaz"
"$bilat" init "$ws" >/dev/null
if [ "$(cd "$ws" && pwd)" != "$example" ]; then
  cp -r "$example/notes/." "$ws/notes/"
fi
"$bilat" ingest registry "$example/registry" --workspace "$ws"
"$bilat" follow CHN KAZ --workspace "$ws"
"$bilat" ingest icews "$example"/events/*.tab --workspace "$ws"
"$bilat" ingest gdelt "$example"/events/*.CSV --workspace "$ws"
"$bilat" ingest wdi "$example"/macro/*.csv --workspace "$ws"
# Openly licensed datasets shipped with bilat (data/series): visa rules,
# public diplomacy and development finance for every partner of China; the
# report takes the China-Kazakhstan rows. The registry's curated partnership
# levels stay the example's (the ladder file is not ingested here).
for kind_file in "visa visa_china_2019_2025.csv" "public-diplomacy aiddata_public_diplomacy_panel.csv" \
                 "gcdf gcdf3_country_year.csv" "gcdf gcdf3_cow_flow_class.csv"; do
  set -- $kind_file
  "$bilat" ingest "$1" "$here/data/series/$2" --workspace "$ws"
done
