#!/usr/bin/env bash
# The main job: install what is needed, build bilat, and write the example
# China-Kazakhstan report from the bundled workspace. Prints the report path.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
scripts/setup.sh
scripts/build.sh
ws=examples/chn-kaz
scripts/example_workspace.sh build/bilat "$ws"
build/bilat report CHN KAZ --workspace "$ws" --out "$ws/reports" | tee /tmp/bilat-report-paths.txt >/dev/null
echo
echo "Report written:"
sed "s|^|  $here/|" /tmp/bilat-report-paths.txt
