#!/usr/bin/env bash
# End-to-end golden test: runs the bilat CLI on the example workspace's
# registry and notes and diffs the JSON and Markdown reports against
# tests/golden/. With --update it rewrites the golden files instead; review
# the diff (git diff tests/golden) before committing them.
# Usage: golden_test.sh BILAT_BINARY OUT_DIR [--update]
set -euo pipefail
bilat="$1"; out="$2"; update="${3:-}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
ws="$out/golden-workspace"
rm -rf "$ws"
"$here/scripts/example_workspace.sh" "$bilat" "$ws" >/dev/null
"$bilat" report CHN KAZ --workspace "$ws" --out "$ws/reports" --format json,md >/dev/null 2>&1
status=0
for f in CHN-KAZ.json CHN-KAZ.md; do
  if [ "$update" = "--update" ]; then
    cp "$ws/reports/$f" "$here/tests/golden/$f"
    echo "updated tests/golden/$f"
  elif ! diff -u "$here/tests/golden/$f" "$ws/reports/$f" > "$out/$f.diff"; then
    echo "golden mismatch: tests/golden/$f (diff in $out/$f.diff; first lines below)" >&2
    head -40 "$out/$f.diff" >&2
    status=1
  fi
done
exit $status
