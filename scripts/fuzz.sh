#!/bin/bash
# Builds the libFuzzer targets of fuzz/ with clang (ASan + UBSan) into build-fuzz/ and runs
# each for SECONDS (default 60), as many at once as there are cores, then prints per target
# its executions, speed, coverage and findings. Seeds come from fuzz/corpus/TARGET (read
# only); what a run learns is kept in build-fuzz/corpus/TARGET for the next run; a finding's
# input is saved in build-fuzz/findings/ and its report in build-fuzz/logs/TARGET.log.
# Exits non-zero when any target finds something. The test command runs it for 30 s.
#   scripts/fuzz.sh [SECONDS] [TARGET...]        e.g. scripts/fuzz.sh 600 fuzz_http
# Extra libFuzzer options go in FUZZ_OPTIONS, e.g. FUZZ_OPTIONS="-runs=10000000 -timeout=120"
# stops each target after ten million inputs (the long run in the README). The timeout is
# wall-clock: a long run at the lowest priority beside a build can be starved for seconds, so
# it gets a longer one than the 10 s here (no real input takes more than 0.1 s). A target
# with as many workers as cores, sharing one corpus (libFuzzer's fork mode; it ignores
# timeouts and out-of-memory unless told):
#   FUZZ_OPTIONS="-fork=2 -ignore_timeouts=0 -ignore_ooms=0 -runs=10000000 -timeout=120" \
#       scripts/fuzz.sh 100000 fuzz_http
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
all="fuzz_http fuzz_access fuzz_cli fuzz_framing fuzz_json fuzz_duration" # slowest first
targets=${*:-$all}
build="$top/build-fuzz"

launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
# -O1 without NDEBUG: assertions stay on. Only what the fuzzers link is built.
# shellcheck disable=SC2086
cmake -S "$top" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
    -DCONNECTADMIN_FUZZ=ON -DCONNECTADMIN_BUILD_TESTS=OFF -DCONNECTADMIN_BUILD_GUI=OFF \
    $launcher >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target fuzzers

mkdir -p "$build/findings" "$build/logs"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$top/tests/sanitize/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

# One target; its exit status is in build-fuzz/logs/TARGET.status.
run() {
    local t=$1 dict="" maxlen=4096 status=0
    # Inputs as long as real ones get: a duration or a --vaults value is short.
    case $t in
    fuzz_json) dict="-dict=$top/fuzz/dict/json.dict" ;;
    fuzz_http | fuzz_framing) dict="-dict=$top/fuzz/dict/http.dict" ;;
    fuzz_duration) maxlen=64 ;;
    fuzz_access) maxlen=512 ;;
    fuzz_cli) maxlen=1024 ;;
    esac
    mkdir -p "$build/corpus/$t"
    # shellcheck disable=SC2086
    "$build/fuzz/$t" -max_total_time="$seconds" -max_len="$maxlen" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/findings/$t-" \
        $dict ${FUZZ_OPTIONS:-} "$build/corpus/$t" "$top/fuzz/corpus/$t" \
        >"$build/logs/$t.log" 2>&1 || status=$?
    echo "$status" >"$build/logs/$t.status"
}

slots=$(nproc)
for t in $targets; do
    [ -x "$build/fuzz/$t" ] || { echo "no such fuzz target: $t" >&2; exit 2; }
    while [ "$(jobs -rp | wc -l)" -ge "$slots" ]; do wait -n || true; done
    run "$t" &
done
wait

failed=""
printf '%-14s %12s %9s %7s %8s  %s\n' target executions exec/s cov features findings
for t in $targets; do
    log="$build/logs/$t.log"
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    if [ -z "$runs" ]; then # fork mode prints no final stats: its last "#N:" line and time
        runs=$(sed -n 's/^#\([0-9]*\): cov:.*/\1/p' "$log" | tail -n 1)
        took=$(sed -n 's/^INFO: exiting: .* time: \([0-9]*\)s.*/\1/p' "$log" | tail -n 1)
        [ -n "$runs" ] && [ "${took:-0}" -gt 0 ] && speed=$((runs / took))
    fi
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
    found=0
    if [ "$(cat "$build/logs/$t.status")" != 0 ]; then
        found=1
        failed="$failed $t"
    fi
    printf '%-14s %12s %9s %7s %8s  %s\n' "$t" "${runs:--}" "${speed:--}" "${cov:--}" \
        "${ft:--}" "$found"
done
total=$(echo $targets | wc -w)
bad=$(echo $failed | wc -w)
echo "fuzzers: $((total - bad)) passed, $bad failed"
if [ -n "$failed" ]; then
    echo
    for t in $failed; do
        echo "== $t found something (report: build-fuzz/logs/$t.log, input: build-fuzz/findings/):"
        grep -E 'INVARIANT BROKEN|ERROR: |runtime error|SUMMARY' "$build/logs/$t.log" | head -n 5
    done
    exit 1
fi
