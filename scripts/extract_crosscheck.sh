#!/usr/bin/env bash
# Cross-checks the text extraction rules (issue 12): runs `bilat extract` on
# the development corpus and scores two fixed halves and the whole set with
# the shared scorer. The halves come from the sorted file names: half A takes
# positions 0, 2, 4, ..., half B positions 1, 3, 5, ... Rules are written
# while looking at one half's errors only; the other half's score is then the
# held-out figure (docs/text_extraction.md, "Measured"). Then the same for
# the held-out texts in tests/data/text_heldout.
# Usage: scripts/extract_crosscheck.sh [BILAT] [SHARED_DIR] [OUT_DIR] [--json]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bilat="${1:-$here/build/bilat}"
shared="${2:-$here/../shared}"
out="${3:-$(mktemp -d)}"
json="${4:-}"
export BILAT_DATA_DIR="${BILAT_DATA_DIR:-$here/data}"
gold="$shared/corpus/dev/gold"
rm -rf "$out"
mkdir -p "$out/all" "$out/A/gold" "$out/A/pred" "$out/B/gold" "$out/B/pred"
"$bilat" extract "$shared"/corpus/dev/texts/*.txt --format gold --out "$out/all" >/dev/null
i=0
for g in $(ls "$gold"/*.json | sort); do
  name="$(basename "$g")"
  half=$([ $((i % 2)) -eq 0 ] && echo A || echo B)
  cp "$g" "$out/$half/gold/"
  [ -f "$out/all/$name" ] && cp "$out/all/$name" "$out/$half/pred/"
  i=$((i + 1))
done
# The held-out texts (tests/data/text_heldout): halves HA (odd numbers, whose
# errors rules were written from) and HB (even numbers, never read).
heldout="$here/tests/data/text_heldout"
mkdir -p "$out/held/all" "$out/HA/gold" "$out/HA/pred" "$out/HB/gold" "$out/HB/pred"
"$bilat" extract "$heldout"/texts/*.txt --format gold --out "$out/held/all" >/dev/null
for g in "$heldout"/gold/*.json; do
  name="$(basename "$g")"
  num=$((10#$(echo "$name" | sed 's/^h\([0-9]*\)_.*/\1/')))
  half=$([ $((num % 2)) -eq 1 ] && echo HA || echo HB)
  cp "$g" "$out/$half/gold/"
  [ -f "$out/held/all/$name" ] && cp "$out/held/all/$name" "$out/$half/pred/"
done
score() { python3 "$shared/tools/score_extraction.py" "$@" ${json:+--json}; }
echo "== half A (even positions)"; score "$out/A/gold" "$out/A/pred"
echo "== half B (odd positions)";  score "$out/B/gold" "$out/B/pred"
echo "== whole set";               score "$gold" "$out/all"
echo "== held-out half HA (odd numbers; rules written from its errors)"; score "$out/HA/gold" "$out/HA/pred"
echo "== held-out half HB (even numbers; never read)";                   score "$out/HB/gold" "$out/HB/pred"
echo "== held-out set";                                                  score "$heldout/gold" "$out/held/all"
