#!/usr/bin/env bash
# Configures and builds bilat into build/ (Release with debug info, warnings
# as errors). Pass extra CMake arguments after the script name, e.g.
#   scripts/build.sh -DCMAKE_BUILD_TYPE=Sanitize
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cmake -S "$here" -B "$here/build" "$@" >/dev/null
cmake --build "$here/build" -j"$(nproc)"
