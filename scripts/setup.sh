#!/usr/bin/env bash
# Installs every system package bilat's build, tests and main job need.
# Idempotent: packages already present are skipped, so a re-run takes seconds.
# Usage: scripts/setup.sh            (as root, or with sudo available)
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libsqlite3-dev nlohmann-json3-dev libcli11-dev libcmark-dev libcsv-dev zlib1g-dev
  libzip-dev libdeflate-dev libxxhash-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev
  iso-codes
  python3
  pybind11-dev python3-dev python3-pandas python3-numpy  # the Python module (python/, docs/python.md)
  python3-distributed  # the Dask driver (python/bilat/dask.py, docs/scale.md)
  chromium poppler-utils
  clang libclang-rt-14-dev  # the sanitizer build and the fuzzers (scripts/test_hardening.sh)
)
# Node.js drives the browser test; machines that ship their own Node (with npm)
# must not get Debian's npm, which conflicts with it.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: all system packages present"
fi

# Browser-test driver (playwright-core drives Debian's chromium; it downloads no browser).
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ -f "$here/tests/browser/package.json" ] && [ ! -d "$here/tests/browser/node_modules/playwright-core" ]; then
  echo "setup: installing browser-test driver (npm ci)"
  (cd "$here/tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
fi
