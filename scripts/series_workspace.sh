#!/usr/bin/env bash
# Builds a China series workspace from the field's bulk datasets: leader
# travel (China Vitae, CEIAS), investment and construction (AEI), development
# finance (AidData), UN votes, diplomatic posts (Lowy), Belt and Road
# membership, the partnership ladder, visa rules, Confucius Institutes,
# public diplomacy, IMF trade (China's rows and all pairs), WDI macro series
# and a GDELT-derived daily score. Then `bilat report CHN --all-partners -w W`
# writes a report for every partner.
#
# Usage: scripts/series_workspace.sh BILAT W [DATA_DIR]
#   BILAT     the bilat binary (build/bilat)
#   W         the workspace folder (created, or updated: files already
#             ingested are skipped)
#   DATA_DIR  the datasets, laid out as ../shared/data (the default); where to
#             download each one: docs/formats/datasets.md. Without it, the
#             bundle shipped in data/series/ (the China rows of the datasets
#             whose terms allow redistribution) is used.
set -euo pipefail
bilat="$1"; ws="$2"
here="$(cd "$(dirname "$0")/.." && pwd)"
data="${3:-$here/../shared/data}"

"$bilat" init "$ws" >/dev/null
step() { echo "== $*" >&2; }
ingest() {  # KIND FILE...: ingests the files that exist, says which are missing
  local kind="$1"; shift
  local files=()
  for f in "$@"; do
    if [ -f "$f" ]; then files+=("$f"); else echo "   (missing, skipped: $f)" >&2; fi
  done
  [ ${#files[@]} -eq 0 ] && return 0
  step "bilat ingest $kind"
  "$bilat" ingest "$kind" "${files[@]}" --workspace "$ws" | sed 's/^/   /' | cut -c1-200 | grep -v '^      ' || true
}

if [ ! -d "$data" ]; then
  data="$here/data/series"
  echo "series_workspace: no dataset folder; using the bundle in $data (China rows of openly licensed datasets)" >&2
  ingest visa "$data/visa_china_2019_2025.csv"
  ingest public-diplomacy "$data/aiddata_public_diplomacy_panel.csv"
  ingest gcdf "$data/gcdf3_country_year.csv" "$data/gcdf3_cow_flow_class.csv"
  ingest partnerships "$data/china_partnerships.csv"
  exit 0
fi

t0=$(date +%s.%N)
ingest chinavitae "$data/political/chinavitae/chinavitae_leader_engagements_2003_2018.csv"
ingest ceias "$data/political/ceias_leader_travel/who_where_when_v1.1_visits.csv"
ingest partnerships "$data/political/china_partnerships/china_partnerships.csv"
ingest bri "$data/political/bri_countries/bri_countries_gfdc_2025_05.csv"
ingest lowy "$data/political/lowy_diplomacy_index/lowy_gdi_posts.csv"
ingest unga "$data/political/unga_voeten/IdealpointestimatesAll_Jun2024.csv"
# AEI: the newest edition for investment and construction (editions revise
# past rows and are never added up), and the 2019 edition's troubled deals.
ingest aei "$data/projects/aei_cgit_2021/cgit_2021fall_dataset1plus2_utf8.csv" \
           "$data/projects/aei_cgit_2019/cgit_2019fall_troubled_transactions.csv"
ingest gcdf "$data/projects/aiddata_gcdf3_aggregates/esabin_aiddata_gcdf_country_year.csv" \
            "$data/projects/aiddata_gcdf3_aggregates/odadata_cow_gcdf.csv"
ingest aiddata-geocoded "$data/projects/aiddata_geocoded_v1.1.1/aiddata_geocoded_chinese_official_finance_v1.1.1_locations.csv"
ingest public-diplomacy "$data/people/aiddata_public_diplomacy/ChinesePublicDiplomacy.csv"
ingest confucius "$data/people/confucius_institutes/confucius_institutes.csv"
ingest visa "$data/people/passport_index/china_visa_requirements_2019_2025.csv"
ingest gdelt-tone "$data/gdelt/derived_china_dyad_daily/gdelt_china_dyad_daily_score_2018_2024.csv"
ingest imf-dots "$data/trade/imf_dots/dots_china_mainland_all_years.csv" "$data/trade/imf_dots/dots_all_pairs_2000_2020.csv"
ingest wdi "$data/trade/wdi/wdi_macro_long_2005_2024.csv"
t1=$(date +%s.%N)
printf 'series_workspace: %s built in %.1f s\n' "$ws" "$(echo "$t1 - $t0" | bc)" >&2
