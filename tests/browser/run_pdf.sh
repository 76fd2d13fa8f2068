#!/usr/bin/env bash
# PDF test: the example report printed by `bilat report ... --format pdf`
# (headless Chromium), checked with poppler's tools: A4 pages, a running
# header and "Page N of M" on every page, the table of contents, every
# section title, and every source number 1..N of the HTML report's source
# list in the printed text; the first pages saved as PNG in ARTIFACTS for a
# person to look at.
# Usage: run_pdf.sh BILAT OUT_DIR ARTIFACTS_DIR
set -euo pipefail
bilat="$1"; out="$2"; artifacts="$3"
here="$(cd "$(dirname "$0")/../.." && pwd)"
ws="$out/pdf-workspace"
rm -rf "$ws"
mkdir -p "$out" "$artifacts"
"$here/scripts/example_workspace.sh" "$bilat" "$ws" >/dev/null 2>&1
"$bilat" report CHN KAZ --workspace "$ws" --out "$ws/reports" --format html,pdf >/dev/null 2>&1
pdf="$ws/reports/CHN-KAZ.pdf"
html="$ws/reports/CHN-KAZ.html"
fail=0
problem() { echo "pdf test: FAIL $*" >&2; fail=1; }
[ -s "$pdf" ] || { echo "pdf test: FAIL no PDF written" >&2; exit 1; }
[ ! -e "$ws/reports/CHN-KAZ.print.html" ] || problem "the HTML printed from was left behind"
info="$(pdfinfo "$pdf")"
pages="$(echo "$info" | awk '/^Pages:/ {print $2}')"
grep -q "Page size:.*(A4)" <<<"$info" || problem "pages are not A4: $(echo "$info" | grep 'Page size')"
[ "${pages:-0}" -ge 5 ] || problem "only ${pages:-0} pages"
text="$(pdftotext -layout "$pdf" - | tr -d '\f')"
title="China and Kazakhstan: bilateral relations"
[ "$(grep -c "Page [0-9]* of $pages" <<<"$text")" -eq "$pages" ] || problem "not every page has 'Page N of $pages'"
[ "$(grep -c "^ *$title *\$" <<<"$text")" -ge "$pages" ] || problem "the running header is missing on some pages"
for section in "Political mutual trust" "Relations pulse" "Economy and trade" "Infrastructure connectivity" \
               "Finance" "People-to-people ties" "Risks" "Standing and trajectory" "Outlook" "Sources"; do
  # Once in the table of contents, once as the section's heading.
  [ "$(grep -c "^ *$section *\$" <<<"$text")" -ge 2 ] || problem "section '$section' not in contents and body"
done
sources="$(grep -o '<li id="src-[0-9]*"' "$html" | wc -l)"
[ "$sources" -ge 10 ] || problem "the HTML report lists only $sources sources"
for n in $(seq 1 "$sources"); do
  grep -q "^ *$n\. " <<<"$text" || problem "source $n of $sources missing from the printed source list"
done
# Footnotes stay links inside the PDF (to the page of their source).
links="$(pdftohtml -xml -stdout -i -q "$pdf" 2>/dev/null | grep -o '<a href="[^"]*#[0-9]*"' | wc -l)"
[ "$links" -ge "$sources" ] || problem "only $links internal links in the PDF for $sources sources"
pdftoppm -r 60 -png -f 1 -l 3 "$pdf" "$artifacts/CHN-KAZ-pdf-page"
[ "$fail" -eq 0 ] || exit 1
echo "pdf test: $pages A4 pages, header and page numbers on each, 10 sections, $sources sources, $links internal links; pages in $artifacts"
