#!/bin/sh
# Builds and runs the benchmarks and prints each figure beside its yardstick or goal (issue 11):
# the item models at ARCHITECTURE.md's scale (bench/model-bench), the service's list answers,
# 304s and token creation against nginx serving the same bytes (bench/http-bench.sh) and the
# user-space instructions of one cached answer (bench/answer-instructions.sh), a
# 10,000-change grant batch against a raw SQLite insert of its rows (bench/batch-bench), and
# the load and soak benchmark (bench/load-bench: 50 connections of mixed reads and writes for
# 60 s on loopback; requests, errors, p50 and p99 per kind of request), and what SQLite's
# synchronous=FULL costs (bench/durability-bench), and the audit log at 1,000,000 events
# (bench/audit-bench: filtered pages of 100 and a walk of the hash chain; AUDIT_BENCH_EVENTS),
# the 10,000-change grant batch against a raw SQLite insert (bench/batch-bench),
# and the desktop program's first rows after sign-in against a service holding 100,000 tokens
# with the longest UI stall meanwhile (bench/first-rows-bench; FIRST_ROWS_BENCH_TOKENS), and its
# cold start against an empty QMainWindow program (bench/cold-start.sh; COLD_START_RUNS).
#   scripts/bench.sh [--only models|rows|coldstart|http|batch|durability|audit|load] [--db postgres://user@host:port/db | --postgres]
# --db runs the load benchmark on that PostgreSQL server (it makes a fresh database there and
# drops it afterwards; put a password in PGPASSWORD or ~/.pgpass, not in the URL); --postgres
# starts a throwaway cluster for it (default durability settings: fsync and synchronous
# commits on) and stops it afterwards. Without either it runs on SQLite. The model and nginx
# benchmarks always run on their own.
# The load benchmark runs once per rate in LOAD_BENCH_RATES (default "0 200": 0 is a closed
# loop — every connection sends its next request as soon as its answer is in — and 200 paces
# all connections together to 200 requests/s); LOAD_BENCH_SECONDS (60) and
# LOAD_BENCH_CONNECTIONS (50) set the rest. On PostgreSQL it runs with one service instance and
# then with two on the same database (LOAD_BENCH_INSTANCES, default "1 2"; connections split
# between them, as behind a load balancer).
# Run it on an otherwise idle machine (calock ./scripts/bench.sh); the figures are wall-clock.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
only=""
db=""
throwaway=no
while [ $# -gt 0 ]; do
    case $1 in
    --only) only=${2:?--only takes models, rows, coldstart, http, batch, durability, audit or load}; shift 2 ;;
    --db) db=${2:?--db takes a postgres:// URL}; shift 2 ;;
    --postgres) throwaway=yes; shift ;;
    *) echo "usage: $0 [--only models|rows|coldstart|http|batch|durability|audit|load] [--db postgres://… | --postgres]" >&2; exit 2 ;;
    esac
done
case $only in '' | models | rows | coldstart | http | batch | durability | audit | load) ;; *) echo "--only takes models, rows, coldstart, http, batch, durability, audit or load" >&2; exit 2 ;; esac
wants() { [ -z "$only" ] || [ "$only" = "$1" ]; }

"$top/scripts/install-deps.sh" --bench
"$top/scripts/build.sh"

if wants models; then
    echo "== models =="
    "$top/build/bench/model-bench" "${MODEL_BENCH_RUNS:-5}"
    echo
fi
if wants rows && [ -x "$top/build/bench/first-rows-bench" ]; then
    echo "== the desktop program: first rows after sign-in, ${FIRST_ROWS_BENCH_TOKENS:-100000} tokens =="
    "$top/build/bench/first-rows-bench" --service "$top/build/src/service/connect-admin-service" \
        --tokens "${FIRST_ROWS_BENCH_TOKENS:-100000}"
    echo
fi
if wants coldstart; then
    echo "== the desktop program's cold start against an empty QMainWindow =="
    "$top/bench/cold-start.sh" "$top/build" "${COLD_START_RUNS:-10}"
    echo
fi
if wants http; then
    echo "== HTTP: the account service vs nginx serving the same bytes =="
    "$top/bench/http-bench.sh" "$top/build/src/service/connect-admin-service" "${HTTP_BENCH_SECONDS:-10}"
    echo "== the same, in user-space instructions per cached answer (callgrind) =="
    "$top/bench/answer-instructions.sh" "$top/build/src/service/connect-admin-service"
    echo
fi
if wants batch; then
    echo "== writes at their floor: a 10,000-change grant batch, token creation (SQLite) =="
    "$top/build/bench/batch-bench" "$top/build" "${BATCH_BENCH_ROUNDS:-5}" 2>/dev/null
    echo
fi
if wants durability; then
    echo "== SQLite durability: synchronous=FULL (the service) against NORMAL =="
    "$top/build/bench/durability-bench" "$top/build" "${DURABILITY_BENCH_OPS:-1000}" 2>/dev/null
    echo
fi
if wants audit; then
    echo "== audit log: filtered pages of 100 from ${AUDIT_BENCH_EVENTS:-1000000} events =="
    "$top/build/bench/audit-bench" "${AUDIT_BENCH_EVENTS:-1000000}" 2>/dev/null
    echo
fi
wants load || exit 0

# ---- a throwaway PostgreSQL cluster for the load benchmark (--postgres)
pg_dir=""
pg_run() { # command: as the postgres user when root (initdb refuses root)
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}
pg_stop() {
    [ -n "$pg_dir" ] || return 0
    pg_run "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m fast -w stop" >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
}
if [ "$throwaway" = yes ]; then
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$pg_bin" ] || { echo "PostgreSQL server binaries are not installed (package postgresql)" >&2; exit 1; }
    pg_port=${LOAD_BENCH_PG_PORT:-54349}
    pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/connect-admin-bench-pg.XXXXXX")
    trap pg_stop EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    mkdir -p "$pg_dir/sock"
    [ "$(id -u)" = 0 ] && chown -R postgres "$pg_dir"
    pg_run "'$pg_bin/initdb' -D '$pg_dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$pg_dir/initdb.log" 2>&1 ||
        { cat "$pg_dir/initdb.log" >&2; exit 1; }
    pg_run "'$pg_bin/pg_ctl' -D '$pg_dir/data' -o \"-p $pg_port -k '$pg_dir/sock' -c listen_addresses=127.0.0.1 -c max_connections=200\" -l '$pg_dir/server.log' -w -t 60 start" >/dev/null ||
        { cat "$pg_dir/server.log" >&2; exit 1; }
    db="postgres://postgres@127.0.0.1:$pg_port/postgres"
fi

echo "== load: mixed reads and writes from many connections =="
set -- --service "$top/build/src/service/connect-admin-service" \
    --connections "${LOAD_BENCH_CONNECTIONS:-50}" --seconds "${LOAD_BENCH_SECONDS:-60}"
instances=1
if [ -n "$db" ]; then
    set -- "$@" --db "$db"
    instances=${LOAD_BENCH_INSTANCES:-1 2}
fi
for n in $instances; do
    for rate in ${LOAD_BENCH_RATES:-0 200}; do
        "$top/build/bench/load-bench" "$@" --instances "$n" --rate "$rate"
        echo
    done
done
