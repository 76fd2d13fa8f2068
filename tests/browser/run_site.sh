#!/usr/bin/env bash
# Writes the China series site from the series workspace (built by the
# golden-series-CHN test) and opens it in headless Chromium.
# Usage: run_site.sh BILAT OUT_DIR ARTIFACTS_DIR
set -euo pipefail
bilat="$1"; out="$2"; artifacts="$3"
here="$(cd "$(dirname "$0")" && pwd)"
site="$out/site-CHN"
rm -rf "$site"
"$bilat" site CHN --workspace "$out/series-workspace" --out "$site" >/dev/null
node "$here/site_browser_test.mjs" "$site" CHN PAK "$artifacts"
