#!/usr/bin/env bash
# Runs `bilat extract` on the development corpus and scores it with the
# shared scorer, in two parts:
#  - the nine texts the rules were first written on
#    (quality_regression_set.txt): fails when micro F1 < 0.85 or any kind's
#    F1 < 0.70 (a regression guard);
#  - the whole development corpus (36 texts, most from outside Central
#    Asia): fails below micro F1 0.90 (0.957 reached for issue 12; the rules
#    were cross-checked on two halves of the corpus, see
#    docs/text_extraction.md "Measured");
#  - the held-out texts written without sight of the rules
#    (tests/data/text_heldout, 14 texts): fails below micro F1 0.65 (0.73
#    reached), a guard that general forms keep working.
# Usage: quality_test.sh BILAT SHARED_DIR OUT_DIR [PYTHON]
set -euo pipefail
bilat="$1"; shared="$2"; out="$3"; python="${4:-python3}"
here="$(cd "$(dirname "$0")" && pwd)"
rm -rf "$out"
mkdir -p "$out/all" "$out/nine/gold" "$out/nine/pred"
"$bilat" extract "$shared"/corpus/dev/texts/*.txt --format gold --out "$out/all" >/dev/null
while read -r name; do
  case "$name" in ''|'#'*) continue ;; esac
  cp "$shared/corpus/dev/gold/$name.json" "$out/nine/gold/"
  cp "$out/all/$name.json" "$out/nine/pred/"
done < "$here/quality_regression_set.txt"
echo "== the nine texts the rules were written on"
"$python" "$shared/tools/score_extraction.py" "$out/nine/gold" "$out/nine/pred"
"$python" "$shared/tools/score_extraction.py" "$out/nine/gold" "$out/nine/pred" --json >"$out/nine.json"
heldout="$here/../../data/text_heldout"
mkdir -p "$out/heldout"
"$bilat" extract "$heldout"/texts/*.txt --format gold --out "$out/heldout" >/dev/null
echo "== the held-out texts"
"$python" "$shared/tools/score_extraction.py" "$heldout/gold" "$out/heldout"
"$python" "$shared/tools/score_extraction.py" "$heldout/gold" "$out/heldout" --json >"$out/heldout.json"
echo "== the whole development corpus"
"$python" "$shared/tools/score_extraction.py" "$shared/corpus/dev/gold" "$out/all"
"$python" "$shared/tools/score_extraction.py" "$shared/corpus/dev/gold" "$out/all" --json >"$out/all.json"
"$python" - "$out/nine.json" "$out/all.json" "$out/heldout.json" <<'PY'
import json, sys
nine = json.load(open(sys.argv[1]))
whole = json.load(open(sys.argv[2]))
held = json.load(open(sys.argv[3]))
problems = []
if nine["micro"]["f1"] < 0.85:
    problems.append("micro F1 %.3f < 0.85 on the nine texts" % nine["micro"]["f1"])
low = {k: round(v["f1"], 3) for k, v in nine["kinds"].items() if v["f1"] < 0.70}
if low:
    problems.append("kinds below F1 0.70 on the nine texts: %s" % low)
if whole["micro"]["f1"] < 0.90:
    problems.append("micro F1 %.3f < 0.90 on the whole development corpus" % whole["micro"]["f1"])
if held["micro"]["f1"] < 0.65:
    problems.append("micro F1 %.3f < 0.65 on the held-out texts" % held["micro"]["f1"])
if problems:
    sys.exit("; ".join(problems))
print("nine texts: micro F1 %.3f, every kind >= 0.70; whole corpus: micro F1 %.3f; held-out texts: micro F1 %.3f" %
      (nine["micro"]["f1"], whole["micro"]["f1"], held["micro"]["f1"]))
PY
