#!/bin/sh
# Builds and runs the benchmarks and prints their figures: the item models at DESIGN's
# scale (bench/model-bench), GET /v1/connect/servers against nginx (bench/http-bench.sh), and
# what SQLite's synchronous=FULL costs (bench/durability-bench, in build/).
# Run it on an otherwise idle machine; the figures are wall-clock times.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/install-deps.sh" --bench
"$top/scripts/build.sh"
echo "== models =="
"$top/build/bench/model-bench" "${MODEL_BENCH_RUNS:-5}"
echo
echo "== HTTP: the account service vs nginx serving the same bytes =="
"$top/bench/http-bench.sh" "$top/build/src/service/connect-admin-service" "${HTTP_BENCH_SECONDS:-10}"
echo
echo "== SQLite durability: synchronous=FULL (the service) against NORMAL =="
"$top/build/bench/durability-bench" "$top/build" "${DURABILITY_BENCH_OPS:-1000}" 2>/dev/null
