#!/bin/sh
# Builds and runs the benchmarks and prints their figures: the item models at DESIGN's
# scale (bench/model-bench) and GET /v1/connect/servers against nginx (bench/http-bench.sh).
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
