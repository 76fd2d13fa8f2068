#!/usr/bin/env bash
# End to end through the real CLI on a real workspace: three invented news
# texts about Kazakhstan and Uzbekistan (tests/data/text_registry) ->
# `bilat extract --format registry` -> a scripted review (accept some rows,
# correct cells, reject a re-told visit, leave two rows unreviewed) ->
# `bilat ingest registry` -> `bilat report KAZ UZB`. The accepted facts must
# be in the report with their source; the rejected and unreviewed ones must
# not. Then: a bad review value refuses the batch (exit 3), turning an
# accepted row into a rejected one removes it, and extract refuses to write
# over a reviewed folder (exit 2).
# Usage: extract_registry_test.sh BILAT OUT_DIR PYTHON3
set -uo pipefail
bilat="$1"; out="$2"; py="$3"
here="$(cd "$(dirname "$0")/../.." && pwd)"
texts="$here/tests/data/text_registry"
ws="$out/ws"; cand="$ws/registry/news"
rm -rf "$out"; mkdir -p "$out"
fail() { echo "FAIL: $*"; for f in stdout stderr; do [ -f "$out/$f" ] && { echo "--- $f"; cat "$out/$f"; }; done; exit 1; }
run() { "$bilat" "$@" >"$out/stdout" 2>"$out/stderr"; }
has() { grep -qF -- "$2" "$1" || fail "$1 lacks: $2"; }
lacks() { ! grep -qF -- "$2" "$1" || fail "$1 should not hold: $2"; }
"$bilat" init "$ws" >/dev/null || fail "init"

# 1. Texts -> candidates, in a subfolder of the workspace's registry.
run extract "$texts"/*.txt --format registry -o "$cand" || fail "extract exit $?"
for f in sources exchanges agreements connectivity trade targets; do [ -s "$cand/$f.csv" ] || fail "no $f.csv"; done
has "$cand/README.md" "Set \`review\` to \`accept\`"
has "$out/stderr" "candidate registry rows to review"
"$py" - "$cand" <<'EOF' || fail "candidate rows lack review state or provenance"
import csv, glob, os, sys
n = 0
for path in glob.glob(os.path.join(sys.argv[1], "*.csv")):
    if path.endswith("sources.csv"):
        continue
    for row in csv.DictReader(open(path, newline="", encoding="utf-8")):
        n += 1
        assert row["review"] == "candidate", (path, row)
        assert row["source_id"].startswith("txt-"), (path, row)
        assert " chars " in row["locator"], (path, row)
        assert row["evidence"].strip() and row["confidence"], (path, row)
assert n >= 8, n
EOF

# 2. Before review nothing but the sources is stored, and the rows are listed.
run ingest registry "$ws/registry" -w "$ws" || fail "ingest before review exit $?"
has "$out/stdout" "awaiting review (not stored)"
has "$out/stderr" "news/exchanges.csv: 3 rows not reviewed yet, left out"

# 3. The review, as an analyst would do it in a spreadsheet: rows are
# chosen by what their evidence says, never by position.
"$py" - "$cand" >"$out/review.txt" <<'EOF' || fail "review script"
import csv, os, sys
d = sys.argv[1]
def review(name, rules):
    path = os.path.join(d, name)
    rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
    header = list(rows[0].keys())
    for words, changes in rules:
        hits = [r for r in rows if words in r["evidence"]]
        assert len(hits) == 1, (name, words, len(hits))
        hits[0].update(changes)
        print(hits[0]["review"], hits[0]["id"])
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, header)
        w.writeheader()
        w.writerows(rows)
review("exchanges.csv", [("arrived in Tashkent", {"review": "accept", "location": "Tashkent"}),
                         ("Last December", {"review": "reject"})])
review("agreements.csv", [("transboundary water", {"review": "accept",
                                                   "title": "Agreement on transboundary water resources"})])
review("connectivity.csv", [("Atameken", {"review": "accept", "name": "Atameken border checkpoint"})])
review("trade.csv", [("Trade between", {"review": "accept"}),
                     ("exports to Kazakhstan", {"review": "accept", "reporter": "UZB"})])
review("targets.csv", [("target of raising", {"review": "accept", "country": "KAZ", "partner": "UZB",
                                              "stated_by": "the two presidents"})])
EOF
rejected_id="$(awk '$1 == "reject" {print $2}' "$out/review.txt")"
[ -n "$rejected_id" ] || fail "no rejected row"

# 4. Ingest the registry with its reviewed subfolder.
run ingest registry "$ws/registry" -w "$ws" || fail "ingest exit $?"
has "$out/stdout" "6 added"
has "$out/stdout" "1 declined in review"
has "$out/stdout" "2 awaiting review (not stored)"
has "$out/stderr" "news/exchanges.csv: 1 row not reviewed yet, left out (line 4): set its review cell"
has "$out/stderr" "news/agreements.csv: 1 row not reviewed yet"

# 5. The report: accepted facts with their source; the others absent.
run report KAZ UZB -w "$ws" -f md,json || fail "report exit $?"
md="$ws/reports/KAZ-UZB.md"; json="$ws/reports/KAZ-UZB.json"
has "$md" "Kassym-Jomart Tokayev"
has "$md" "Tashkent"
has "$md" "Agreement on transboundary water resources"
has "$md" "Atameken border checkpoint"
has "$md" '$4.6 billion'
has "$md" '$10 billion'
has "$md" "<https://news.example.org/2023/12/22/tokayev-in-tashkent>"
has "$md" "<https://wire.example.com/2024/03/05/new-border-checkpoint>"
has "$md" "news/exchanges.csv:2"
has "$json" "01_state_visit.txt chars "
lacks "$json" "$rejected_id"
lacks "$md" "Bektenov"
lacks "$json" "Bektenov"
lacks "$md" "industrial cooperation"
lacks "$md" "daily.example.net"

# 6. A review cell that is not a decision refuses the batch.
cp "$cand/exchanges.csv" "$out/exchanges.reviewed.csv"
sed -i 's/^accept,/yes,/' "$cand/exchanges.csv"
run ingest registry "$ws/registry" -w "$ws"; rc=$?
[ "$rc" -eq 3 ] || fail "bad review value: exit $rc, expected 3"
has "$out/stderr" "news/exchanges.csv:2:1: column 'review': 'yes' is not a review decision (use accept"
has "$out/stderr" "nothing was stored"

# 7. Changing one's mind: the accepted visit rejected is removed.
sed 's/^accept,/reject,/' "$out/exchanges.reviewed.csv" >"$cand/exchanges.csv"
run ingest registry "$ws/registry" -w "$ws" || fail "re-ingest exit $?"
has "$out/stdout" "1 removed"
run report KAZ UZB -w "$ws" -f md || fail "second report exit $?"
lacks "$md" "Kassym-Jomart Tokayev"
has "$md" "Atameken border checkpoint"

# 8. Extract never writes over a folder that may hold a review, and needs one.
run extract "$texts"/*.txt --format registry -o "$cand"; rc=$?
[ "$rc" -eq 2 ] || fail "extract over a reviewed folder: exit $rc, expected 2"
has "$out/stderr" ".csv exists and may hold a review"
run extract "$texts"/*.txt --format registry; rc=$?
[ "$rc" -eq 2 ] || fail "extract without --out: exit $rc, expected 2"
has "$out/stderr" "name a new folder with --out DIR"
echo "ok"
