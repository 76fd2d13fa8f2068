#!/usr/bin/env bash
# Cross-checks the text extraction rules (issue 12): runs `bilat extract` on
# the development corpus and scores two fixed halves and the whole set with
# the shared scorer. The halves come from the sorted file names: half A takes
# positions 0, 2, 4, ..., half B positions 1, 3, 5, ... Rules are written
# while looking at one half's errors only; the other half's score is then the
# held-out figure (docs/text_extraction.md, "Measured").
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
score() { python3 "$shared/tools/score_extraction.py" "$@" ${json:+--json}; }
echo "== half A (even positions)"; score "$out/A/gold" "$out/A/pred"
echo "== half B (odd positions)";  score "$out/B/gold" "$out/B/pred"
echo "== whole set";               score "$gold" "$out/all"
