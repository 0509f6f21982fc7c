#!/bin/sh
# The test command: installs what is missing, builds with warnings as errors, and runs the
# whole suite (CTest prints its summary line). Then it builds the tree again without the
# desktop program and with AddressSanitizer + UndefinedBehaviorSanitizer (build-sanitize/)
# and runs the core, service, client, model and CLI tests there: that proves the GUI-off
# build and finds memory errors and undefined behaviour. Last, every fuzz target of fuzz/
# runs for 30 s (scripts/fuzz.sh: clang, build-fuzz/; about 4 minutes with the build), and a
# finding fails the test command. .ci/run calls exactly this. --no-sanitize skips both.
#   scripts/test.sh [--no-sanitize | --no-fuzz] [ctest arguments...]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
sanitize=yes
fuzz=yes
if [ "${1:-}" = "--no-sanitize" ]; then sanitize=no; shift; fi
if [ "${1:-}" = "--no-fuzz" ]; then fuzz=no; shift; fi
"$top/scripts/install-deps.sh"
"$top/scripts/build.sh" -DCONNECTADMIN_WERROR=ON
cd "$top/build"
ctest --output-on-failure --timeout 900 "$@"
[ "$sanitize" = yes ] || exit 0

echo
echo "== AddressSanitizer + UndefinedBehaviorSanitizer, without the desktop program =="
launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
# shellcheck disable=SC2086
cmake -S "$top" -B "$top/build-sanitize" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCONNECTADMIN_WERROR=ON -DCONNECTADMIN_BUILD_GUI=OFF \
    -DCONNECTADMIN_SANITIZE=address,undefined $launcher >/dev/null
cmake --build "$top/build-sanitize" --parallel "$(nproc)"
cd "$top/build-sanitize"
ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
LSAN_OPTIONS="suppressions=$top/tests/sanitize/lsan.supp:print_suppressions=0" \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    ctest --output-on-failure --timeout 900 \
    -R '^(tst_core|tst_crypto|tst_store|tst_rules|tst_http|tst_http_framing|tst_pg_auth|tst_service_process|tst_crash_safety|tst_apiclient|tst_session|tst_models|tst_cli|tst_access|tst_ical)(_postgres)?$'

[ "$fuzz" = yes ] || exit 0
echo
echo "== Fuzzers (fuzz/), each for 30 s =="
"$top/scripts/fuzz.sh" 30
