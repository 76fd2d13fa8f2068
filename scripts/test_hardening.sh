#!/usr/bin/env bash
# The hardening checks CI runs after the README's test command:
#  1. a sanitizer build (clang, ASan + UBSan, any undefined behaviour
#     aborts) in build-san/, running every unit test;
#  2. every libFuzzer target (fuzz/) on its saved regression inputs, then
#     fuzzing from seeds cut from the real samples for BILAT_FUZZ_SECONDS
#     each (default 20; run longer on demand, e.g. BILAT_FUZZ_SECONDS=3600).
# Usage: scripts/test_hardening.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup.sh"
build="$here/build-san"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Sanitize -DBILAT_FUZZ=ON \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$build" -j"$(nproc)"
# Leaks count as failures; UBSan prints a stack for each report.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
echo "== unit tests under ASan + UBSan"
ctest --test-dir "$build" -L unit --output-on-failure -j"$(nproc)"
echo "== fuzz targets (${BILAT_FUZZ_SECONDS:-20} s each)"
"$here/fuzz/run_fuzzers.sh" "$build" "${BILAT_FUZZ_SECONDS:-20}"
