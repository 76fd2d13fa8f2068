#!/usr/bin/env bash
# Runs `bilat extract` on the development corpus and scores it; fails when
# micro F1 < 0.85 or any kind's F1 < 0.70.
# Usage: quality_test.sh BILAT SHARED_DIR OUT_DIR [PYTHON]
set -euo pipefail
bilat="$1"; shared="$2"; out="$3"; python="${4:-python3}"
rm -rf "$out"
mkdir -p "$out"
"$bilat" extract "$shared"/corpus/dev/texts/*.txt --format gold --out "$out" >/dev/null
"$python" "$shared/tools/score_extraction.py" "$shared/corpus/dev/gold" "$out"
"$python" "$shared/tools/score_extraction.py" "$shared/corpus/dev/gold" "$out" --json --min-f1 0.85 >"$out/score.json"
"$python" - "$out/score.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
low = {k: v["f1"] for k, v in r["kinds"].items() if v["f1"] < 0.70}
if low:
    sys.exit("kinds below F1 0.70: %s" % low)
print("micro F1 %.3f; every kind >= 0.70" % r["micro"]["f1"])
PY
