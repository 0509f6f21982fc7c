#!/bin/sh
# Crash soak: the crash-safety test (tests/service/tst_crash_safety.cpp) with many more rounds
# than the suite's 10 — each round kills the service with SIGKILL during large grant batches
# and token writes, restarts it on the same database and checks that nothing acknowledged is
# lost, no batch is partial, and (SQLite) PRAGMA integrity_check is ok.
#   scripts/crash-soak.sh [--postgres] [ROUNDS]      (default 200 rounds, SQLite)
# --postgres runs the rounds on a throwaway PostgreSQL cluster (tests/pg/pg-cluster.sh, port
# 54339) instead. CONNECTADMIN_CRASH_SEED sets the first round's seed (default 1); every
# round prints its seed. Builds first; run it under calock like any build.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
backend=sqlite
if [ "${1:-}" = "--postgres" ]; then backend=postgres; shift; fi
rounds=${1:-200}
case $rounds in
'' | *[!0-9]* | 0) echo "usage: $0 [--postgres] [ROUNDS]" >&2; exit 2 ;;
esac

"$top/scripts/install-deps.sh"
"$top/scripts/build.sh" >/dev/null
test_bin="$top/build/tests/tst_crash_safety"

log=$(mktemp "${TMPDIR:-/tmp}/crash-soak.XXXXXX")
pg_port=54339
pg_dir="/tmp/connect-admin-crash-soak-pg-$pg_port"
cleanup() {
    if [ "$backend" = postgres ]; then
        "$top/tests/pg/pg-cluster.sh" stop "$pg_dir" "$pg_port" >/dev/null 2>&1 || true
    fi
    rm -f "$log"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "$backend" = postgres ]; then
    "$top/tests/pg/pg-cluster.sh" start "$pg_dir" "$pg_port"
    export CONNECTADMIN_TEST_PG_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"
fi

echo "crash soak: $rounds rounds on $backend, first seed ${CONNECTADMIN_CRASH_SEED:-1}"
start=$(date +%s)
status=0
CONNECTADMIN_TEST_BACKEND=$backend CONNECTADMIN_CRASH_ROUNDS=$rounds LC_ALL=C.UTF-8 \
    "$test_bin" 2>&1 | tee "$log" | grep -E '^(QINFO|FAIL|   Loc|Totals)' || true
grep -q '^Totals: .* 0 failed' "$log" || status=1
end=$(date +%s)

# Sum up the rounds' lines: "... in flight: batch of N cells absent|whole ..."
awk -v secs=$((end - start)) '
    /killedDuringWrites.*in flight:/ {
        rounds++
        for (i = 1; i <= NF; i++) {
            if ($i == "acknowledged") batches += $(i + 1)
            if ($i == "cells") {
                found = $(i + 1)
                sub(/,$/, "", found)
                if (found == "absent") absent++
                else if (found == "whole") whole++
            }
            if ($i == "batches,") creations += $(i + 1)
        }
    }
    /partial state/ { partial++ }
    END {
        printf "\nrounds completed: %d in %d s; batches acknowledged: %d, token creations acknowledged: %d\n", rounds, secs, batches, creations
        printf "batch in flight at the kill: found absent %d times, whole %d times, partial %d times\n", absent, whole, partial
    }' "$log"
if [ "$status" = 0 ]; then echo "crash soak: OK"; else echo "crash soak: FAILED (see above)"; fi
exit "$status"
