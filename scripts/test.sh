#!/usr/bin/env bash
# Installs, builds and runs every test (unit, golden, browser). The browser
# test leaves a screenshot in build/test-artifacts/CHN-KAZ.png.
# Quick loop without the browser: ctest --test-dir build -L unit
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup.sh"
"$here/scripts/build.sh"
ctest --test-dir "$here/build" --output-on-failure -j2
