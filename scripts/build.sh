#!/usr/bin/env bash
# Configures and builds bilat into build/ (Release with debug info, warnings
# as errors). Pass extra CMake arguments after the script name, e.g.
#   scripts/build.sh -DCMAKE_BUILD_TYPE=Sanitize
# Run as root, it also installs the Python module (import bilat) into Debian
# Python's site folder, /usr/local/lib/python3.X/dist-packages
# (docs/python.md); BILAT_INSTALL_PYTHON=0 skips that.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cmake -S "$here" -B "$here/build" "$@" >/dev/null
cmake --build "$here/build" -j"$(nproc)"
if [ -f "$here/build/python/bilat/__init__.py" ] && [ "${BILAT_INSTALL_PYTHON:-1}" != "0" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    installed="$(cmake --install "$here/build" --component python --strip)"
    grep -v -e "Up-to-date" -e "Install configuration" <<<"$installed" | sed 's/^-- /build: python module: /' || true
  else
    echo "build: the Python module is in build/python; install it with: sudo cmake --install build --component python --strip"
  fi
fi
