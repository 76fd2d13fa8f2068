#!/usr/bin/env bash
# Runs every fuzz target: first on its saved regression inputs
# (fuzz/regressions/TARGET/, each a crash once found: they must pass now),
# then fuzzing for SECONDS each from a seed corpus cut from the real samples
# in ../shared/data and the development corpus. A crash stops the run with
# the input saved as BUILD/fuzz-out/TARGET/crash-*; copy it into
# fuzz/regressions/TARGET/ with the fix so it stays fixed.
#
# Usage: fuzz/run_fuzzers.sh BUILD_DIR [SECONDS] [SHARED_DIR]
#   BUILD_DIR  a build configured with -DBILAT_FUZZ=ON (scripts/test_hardening.sh)
#   SECONDS    fuzzing time per target (default 20; longer on demand, e.g. 3600)
#   SHARED_DIR the shared samples (default ../shared beside the checkout, else /work/shared)
# BILAT_FUZZ_SEED fixes libFuzzer's random seed (default 1, so that a CI run
# is repeatable); 0 draws a new one each run, for exploring on demand.
set -euo pipefail
build="$1"; seconds="${2:-20}"
here="$(cd "$(dirname "$0")/.." && pwd)"
# The shared samples: ../shared beside the checkout, else /work/shared (as
# CMakeLists.txt finds them).
shared="${3:-}"
if [ -z "$shared" ]; then
  if [ -d "$here/../shared/data" ]; then shared="$here/../shared"; else shared="/work/shared"; fi
fi
[ -d "$shared/data" ] || { echo "run_fuzzers: no shared samples at $shared/data (pass SHARED_DIR)" >&2; exit 1; }
out="$build/fuzz-out"
seed="${BILAT_FUZZ_SEED:-1}"
rm -rf "$out"; mkdir -p "$out"
export BILAT_DATA_DIR="$here/data"
# UBSan findings abort (the build uses -fno-sanitize-recover); leaks count.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"

# seed TARGET SELECTOR FILE [BYTES]: the head of FILE behind one selector byte.
seed() {
  local target="$1" selector="$2" file="$3" bytes="${4:-6000}"
  [ -f "$file" ] || return 0
  mkdir -p "$out/$target/seeds"
  { printf "\\x$(printf %02x "$selector")"; head -c "$bytes" "$file"; } \
    >"$out/$target/seeds/$(basename "$file").$selector"
}
d="$shared/data"
# Registry: the example's files, each behind the selector of its kind (the
# order of RegistryKinds(); the harness takes the selector modulo their count).
i=0
for f in "$here"/examples/chn-kaz/registry/*.csv; do seed fuzz_registry $i "$f"; i=$((i + 1)); done
for s in 0 1; do seed fuzz_events $s "$d/gdelt/v2/20151027220000.export.CSV" 8000; done
seed fuzz_events 1 "$d/gdelt/v1/sample100.export.CSV" 8000
seed fuzz_events 2 "$d/gdelt/v2/sample100.mentions.CSV" 8000
seed fuzz_events 3 "$d/icews/events.2018.sample.tab" 8000
# Compressed seeds, so the fuzzer starts inside the gzip and zip readers.
if [ -f "$d/gdelt/v2/sample100.export.CSV" ]; then
  head -c 3000 "$d/gdelt/v2/sample100.export.CSV" | gzip -c >"$out/events.CSV.gz"
  python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED); z.writestr("e.CSV", open(sys.argv[2], "rb").read()[:3000]); z.close()' \
    "$out/events.CSV.zip" "$d/gdelt/v2/sample100.export.CSV"
  seed fuzz_events 1 "$out/events.CSV.gz"
  seed fuzz_events 1 "$out/events.CSV.zip"
fi
seed fuzz_trade 0 "$d/trade/comtrade/comtrade_legacy_IDN_export_world_HS6_2014_2021.csv"
seed fuzz_trade 1 "$d/trade/imf_dots/dots_china_mainland_all_years.csv"
seed fuzz_trade 2 "$d/trade/wdi/wdi_macro_long_2005_2024.csv"
seed fuzz_trade 2 "$d/trade/wdi/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_10181232.csv"
seed fuzz_trade 4 "$d/trade/baci/country_codes_V202201.csv"
printf 't,i,j,k,v,q\n2020,156,398,010121,12.5,3\n2020,398,156,270900,1000.25,NA\n' >"$out/baci.csv"
seed fuzz_trade 3 "$out/baci.csv"
# Datasets: the selector is the adapter's place in DatasetAdapters() (see
# `bilat ingest --help`); each adapter gets every dataset file as a seed, so
# the fuzzer also tries each layout on the others.
n=0
for f in "$d"/political/*/*.csv "$d"/people/*/*.csv "$d"/projects/*/*.csv; do
  for s in $(seq 0 13); do seed fuzz_datasets $s "$f" 4000; done
  n=$((n + 1)); [ $n -ge 12 ] && break
done
for f in "$shared"/corpus/dev/texts/*.txt; do seed fuzz_text 0 "$f" 4000; done
printf '<html><head><title>t</title><script>var a="<b>";</script></head><body><article><p>China and Kazakhstan signed 12 agreements worth $5 billion on 2 May 2024.</p></article></body></html>' >"$out/page.html"
seed fuzz_text 1 "$out/page.html"
printf '{"id":"a","url":"https://example.org/2024/05/02/x","date":"2024-05-02","text":"Trade rose 20%% to $40 billion."}\n' >"$out/doc.jsonl"
seed fuzz_text 2 "$out/doc.jsonl"
mkdir -p "$out/fuzz_notes/seeds"
for f in "$here"/examples/chn-kaz/notes/*/*.md; do
  [ -f "$f" ] && head -c 6000 "$f" >"$out/fuzz_notes/seeds/$(basename "$f")"
done
printf '# Notes\n\n<script>alert(1)</script> [a](javascript:alert(1)) ![i](https://example.org/i.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n' \
  >"$out/fuzz_notes/seeds/hostile.md"
# PETRARCH selectors: 0 actors, 1 agents, 2 PETRARCH verbs, 3 TABARI verbs, 4 discards.
p2="$d/petrarch2/dictionaries"
for f in "$p2"/*actors*.txt; do seed fuzz_petrarch 0 "$f" 6000; done
for f in "$p2"/*agents*.txt; do seed fuzz_petrarch 1 "$f" 6000; done
seed fuzz_petrarch 2 "$p2/CAMEO.2.0.txt" 12000
seed fuzz_petrarch 3 "$d/tabari/CAMEO.091003.master.verbs" 12000
for f in "$p2"/*discards*.txt; do seed fuzz_petrarch 4 "$f" 6000; done

# Event parts: parts of the GDELT 1.0 and 2.0 samples, kept in the repository
# (made with bilat.scan_events; docs/formats/event_part.md).
mkdir -p "$out/fuzz_event_part/seeds"
cp "$here"/fuzz/seeds/fuzz_event_part/* "$out/fuzz_event_part/seeds/"

status=0
for target in fuzz_registry fuzz_events fuzz_trade fuzz_datasets fuzz_text fuzz_notes fuzz_petrarch fuzz_event_part; do
  bin="$build/fuzz/$target"
  [ -x "$bin" ] || { echo "missing $bin: configure with -DBILAT_FUZZ=ON" >&2; exit 1; }
  mkdir -p "$out/$target/seeds" "$out/$target/corpus"
  regressions="$here/fuzz/regressions/$target"
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    "$bin" "$regressions"/* >"$out/$target/regressions.log" 2>&1 ||
      { echo "FAIL $target: a saved regression input fails again (log: $out/$target/regressions.log)" >&2; status=1; continue; }
  fi
  if "$bin" "$out/$target/corpus" "$out/$target/seeds" -max_total_time="$seconds" -max_len=16384 -seed="$seed" \
       -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$out/$target/" -print_final_stats=1 \
       >"$out/$target/fuzz.log" 2>&1; then
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/$target/fuzz.log" | grep -o '[0-9]*$' || echo "?")
    cov=$(grep -o 'cov: [0-9]*' "$out/$target/fuzz.log" | tail -1 | grep -o '[0-9]*' || echo "?")
    printf "ok   %-15s %8s runs in %ss, coverage %s edges, %s seeds\n" "$target" "$execs" "$seconds" "$cov" \
      "$(ls "$out/$target/seeds" | wc -l)"
  else
    echo "FAIL $target: see $out/$target/fuzz.log; the input is $(ls "$out/$target"/crash-* "$out/$target"/timeout-* "$out/$target"/oom-* 2>/dev/null | head -1)" >&2
    tail -40 "$out/$target/fuzz.log" >&2
    status=1
  fi
done
exit $status
