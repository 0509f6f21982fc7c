#!/usr/bin/env bash
# Benchmark (not a test): requests/s of the account service's list answers against nginx
# serving the very same response bytes as static files, in the same run; the 304 answer
# against the full one, and nginx's 304 against its full one; and what an answer the cache has not seen costs with 100,000 tokens
# in the account against 100 (bench/http-bench.py does the requests that are not wrk's).
#
#   bench/http-bench.sh <path-to-connect-admin-service> [duration-seconds, default 10]
#
# The service runs on a fresh sandbox with BENCH_SERVERS (default 100) extra Connect servers
# and 500 tokens. The pages: the servers page of 100 (GET /v1/connect/servers), the tokens
# page of 500 (?limit=500) and a page of 2 servers (?limit=2, the size of the sandbox's own
# list). It runs with the logging it ships with; to see what its per-request debug log costs,
# run e.g.
#   QT_LOGGING_RULES='connectadmin.http.debug=false' bench/http-bench.sh ...
# wrk runs -t2 at -c20 and -c50 on the same machine, service and nginx alternating,
# BENCH_ROUNDS (default 2) rounds each. The service runs BENCH_WORKERS workers (default: the
# cores), nginx as many worker processes.
set -euo pipefail

usage() {
    echo "usage: $0 <path-to-connect-admin-service> [duration-seconds, default 10]" >&2
    exit 2
}
if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
service_bin=$1
duration=${2:-10}
servers_to_create=${BENCH_SERVERS:-100}
workers=${BENCH_WORKERS:-$(nproc)}
rounds=${BENCH_ROUNDS:-2}
[[ $duration =~ ^[1-9][0-9]*$ ]] || usage
[[ $servers_to_create =~ ^[0-9]+$ ]] || { echo "BENCH_SERVERS must be a number" >&2; exit 2; }
[[ $workers =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_WORKERS must be a number" >&2; exit 2; }
[[ $rounds =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_ROUNDS must be a number" >&2; exit 2; }
if [ ! -f "$service_bin" ] || [ ! -x "$service_bin" ]; then
    echo "not an executable: $service_bin" >&2
    exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
sh "$here/../scripts/install-deps.sh" --bench
for tool in curl python3 nginx wrk; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing" >&2; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/http-bench.XXXXXX")
service_pid=""
nginx_pid=""

stop() { # pid: TERM, wait up to 5 s, then KILL
    local pid=$1 i
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ -n "$nginx_pid" ]; then stop "$nginx_pid"; fi
    if [ -n "$service_pid" ]; then stop "$service_pid"; fi
    rm -rf "$tmp"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

die() {
    echo "http-bench: $*" >&2
    exit 1
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# ---- the account service (a copy: the build dir may change under us)
mkdir -p "$tmp/bin"
cp "$service_bin" "$tmp/bin/connect-admin-service"
"$tmp/bin/connect-admin-service" --sandbox "$tmp/sandbox" --port 0 --workers "$workers" \
    >"$tmp/service.out" 2>"$tmp/service.log" &
service_pid=$!
url=""
for _ in $(seq 300); do
    url=$(sed -n '1s/^listening on //p' "$tmp/service.out")
    [ -n "$url" ] && break
    kill -0 "$service_pid" 2>/dev/null || { cat "$tmp/service.log" >&2; die "the service exited"; }
    sleep 0.1
done
[ -n "$url" ] || die "the service did not print 'listening on <url>' within 30 s"

# sign in as the sandbox owner
python3 -c 'import json, sys; o = json.load(open(sys.argv[1])); print(json.dumps({"email": o["email"], "password": o["password"]}))' \
    "$tmp/sandbox/sandbox-owner.json" >"$tmp/signin.json"
code=$(curl -sS -o "$tmp/session.json" -w '%{http_code}' -X POST \
    -H 'Content-Type: application/json' --data-binary @"$tmp/signin.json" "$url/v1/auth/sessions")
[ "$code" = 201 ] || die "sign-in answered $code: $(cat "$tmp/session.json")"
token=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["token"])' "$tmp/session.json")
auth="Authorization: Bearer $token"
api() { python3 "$here/http-bench.py" "$url" "$tmp/session.json" "$@"; }

# a realistic account: servers with a vault each, 100 tokens (answers not yet cached timed
# here), then 400 more
api servers "$servers_to_create"
api tokens 100 bench-1 >/dev/null
misses_few=$(api misses 250 450)
token_rate=$(api tokens 400 bench-2)

# ---- the same bytes, served by nginx
root="$tmp/nginx/root"
mkdir -p "$root" "$tmp/nginx/temp"
declare -A path_of=([servers100]="/v1/connect/servers" [servers2]="/v1/connect/servers?limit=2"
    [tokens500]="/v1/connect/tokens?limit=500")
declare -A etag_of
pages=(servers100 tokens500 servers2)
for page in "${pages[@]}"; do
    etag_of[$page]=$(api fetch "${path_of[$page]}" "$root/$page.json")
done
code=$(curl -sS -o /dev/null -w '%{http_code}' -H "$auth" -H "If-None-Match: ${etag_of[servers100]}" \
    "$url${path_of[servers100]}")
[ "$code" = 304 ] || die "If-None-Match with the page's ETag answered $code, not 304"

nginx_port=$(free_port)
user_line=""
[ "$(id -u)" = 0 ] && user_line="user $(id -un) $(id -gn);" # workers as root too, not nobody
cat >"$tmp/nginx/nginx.conf" <<EOF
$user_line
daemon off;
worker_processes $workers;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    types { }
    default_type application/json;
    # the service keeps a connection for as many requests as it is sent; so does nginx here
    keepalive_requests 1000000;
    client_body_temp_path $tmp/nginx/temp/body;
    proxy_temp_path $tmp/nginx/temp/proxy;
    fastcgi_temp_path $tmp/nginx/temp/fastcgi;
    uwsgi_temp_path $tmp/nginx/temp/uwsgi;
    scgi_temp_path $tmp/nginx/temp/scgi;
    server {
        listen 127.0.0.1:$nginx_port;
        root $root;
        location / { try_files \$uri.json =404; }
    }
}
EOF
nginx -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf" &
nginx_pid=$!
nginx_url="http://127.0.0.1:$nginx_port"
for _ in $(seq 100); do
    curl -sf -o /dev/null "$nginx_url/servers2" && break
    kill -0 "$nginx_pid" 2>/dev/null || { cat "$tmp/nginx/error.log" >&2; die "nginx exited"; }
    sleep 0.1
done
for page in "${pages[@]}"; do
    curl -sSf -o "$tmp/nginx-body.json" "$nginx_url/$page" || die "nginx does not answer"
    cmp -s "$tmp/nginx-body.json" "$root/$page.json" || die "nginx serves other bytes than the service"
done
# nginx's own 304 (its ETag of the static file), the yardstick for the service's
nginx_etag=$(curl -sSI "$nginx_url/servers100" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }')
[ -n "$nginx_etag" ] || die "nginx sent no ETag"
code=$(curl -sS -o /dev/null -w '%{http_code}' -H "If-None-Match: $nginx_etag" "$nginx_url/servers100")
[ "$code" = 304 ] || die "nginx answered If-None-Match with $code, not 304"

# ---- load
run_wrk() { # name connections url [header...]: prints requests/s
    local name=$1 connections=$2 target=$3 out="$tmp/wrk-$1-$RANDOM.txt"
    shift 3
    wrk -t2 -c"$connections" -d"${duration}s" "$@" "$target" >"$out" 2>&1 ||
        die "wrk failed against $name: $(cat "$out")"
    if grep -q 'Non-2xx or 3xx responses\|Socket errors' "$out"; then
        echo "warning: $name: $(grep 'Non-2xx or 3xx responses\|Socket errors' "$out" | tr -s ' ')" >&2
    fi
    local rps
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    [ -n "$rps" ] || die "wrk reported no requests/s for $name"
    echo "$rps"
}

echo "wrk -t2 -d${duration}s, $rounds rounds each, service and nginx alternating;" \
    "$workers service workers, $workers nginx workers"
results="$tmp/results.txt" # a line per run: page connections target requests/s
for connections in 20 50; do
    for page in "${pages[@]}"; do
        for round in $(seq "$rounds"); do
            echo "$page $connections service $(run_wrk "$page" "$connections" \
                "$url${path_of[$page]}" -H "$auth")" >>"$results"
            echo "$page $connections nginx $(run_wrk "nginx-$page" "$connections" \
                "$nginx_url/$page")" >>"$results"
            if [ "$page" = servers100 ]; then
                echo "$page $connections 304 $(run_wrk 304 "$connections" \
                    "$url${path_of[$page]}" -H "$auth" -H "If-None-Match: ${etag_of[$page]}")" \
                    >>"$results"
                echo "$page $connections nginx304 $(run_wrk nginx-304 "$connections" \
                    "$nginx_url/$page" -H "If-None-Match: $nginx_etag")" >>"$results"
            fi
            echo "  -c$connections $page, round $round: $(tail -n 1 "$results")"
        done
    done
done

# ---- token creation from 8 connections (wrk's script makes every name unique)
cat >"$tmp/create-token.lua" <<'EOF'
local threads = 0
function setup(thread)
    threads = threads + 1
    thread:set("tid", threads)
end
local n = 0
function request()
    n = n + 1
    return wrk.format("POST", "/v1/connect/tokens", nil,
        '{"name":"wrk ' .. tid .. '-' .. n .. '","server":"bench-3"}')
end
EOF
token_rate_c8=$(run_wrk tokens 8 "$url/v1/connect/tokens" -H "$auth" \
    -H 'Content-Type: application/json' -s "$tmp/create-token.lua")
echo "token creation, wrk -c8: $token_rate_c8/s"
# more clients at once: the creations that arrive together are written in one transaction
token_rate_c32=$(run_wrk tokens 32 "$url/v1/connect/tokens" -H "$auth" \
    -H 'Content-Type: application/json' -s "$tmp/create-token.lua")
echo "token creation, wrk -c32: $token_rate_c32/s"

# ---- answers not yet cached, with 100,000 tokens in the account
api bulk-tokens "$tmp/sandbox/connect-admin.sqlite" $((100000 - 500))
misses_many=$(api misses 250 750)

api report "$results" "$root" "$misses_few" "$misses_many" "$token_rate $token_rate_c8 $token_rate_c32" \
    "$(wc -l <"$tmp/service.log")" "${QT_LOGGING_RULES:-}"
