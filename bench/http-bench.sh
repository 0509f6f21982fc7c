#!/usr/bin/env bash
# Benchmark (not a test): requests/s of GET /v1/connect/servers on the real account service,
# against nginx serving the very same response bytes as a static file, in the same run.
#
#   bench/http-bench.sh <path-to-connect-admin-service> [duration-seconds, default 10]
#
# The service runs on a fresh sandbox with BENCH_SERVERS (default 100) extra Connect servers,
# so that the page is the default 100 items. It runs with the logging it ships with; to see
# what its per-request debug log costs, run e.g.
#   QT_LOGGING_RULES='connectadmin.http.debug=false' bench/http-bench.sh ...
# wrk runs -t2 -c20 on the same machine, alternating service/nginx/service/nginx. The service
# runs BENCH_WORKERS workers (default: the cores), nginx as many worker processes. A third
# target is the service answering 304 to If-None-Match with the page's ETag.
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
[[ $duration =~ ^[1-9][0-9]*$ ]] || usage
[[ $servers_to_create =~ ^[0-9]+$ ]] || { echo "BENCH_SERVERS must be a number" >&2; exit 2; }
[[ $workers =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_WORKERS must be a number" >&2; exit 2; }
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
python3 - "$tmp/sandbox/sandbox-owner.json" >"$tmp/signin.json" <<'EOF'
import json, sys
owner = json.load(open(sys.argv[1]))
print(json.dumps({"email": owner["email"], "password": owner["password"]}))
EOF
code=$(curl -sS -o "$tmp/session.json" -w '%{http_code}' -X POST \
    -H 'Content-Type: application/json' --data-binary @"$tmp/signin.json" "$url/v1/auth/sessions")
[ "$code" = 201 ] || die "sign-in answered $code: $(cat "$tmp/session.json")"
token=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["token"])' "$tmp/session.json")
auth="Authorization: Bearer $token"

# a realistic page: servers with a vault each
for i in $(seq "$servers_to_create"); do
    code=$(curl -sS -o "$tmp/created.json" -w '%{http_code}' -X POST -H "$auth" \
        -H 'Content-Type: application/json' \
        --data-binary "{\"name\":\"bench-$i\",\"vaults\":[\"Kubernetes\"]}" "$url/v1/connect/servers")
    [ "$code" = 201 ] || die "creating server bench-$i answered $code: $(cat "$tmp/created.json")"
done
rm -f "$tmp/created.json"

# ---- the same bytes, served by nginx
root="$tmp/nginx/root"
mkdir -p "$root" "$tmp/nginx/temp"
code=$(curl -sS -o "$root/servers.json" -D "$tmp/servers.headers" -w '%{http_code}' -H "$auth" \
    "$url/v1/connect/servers")
[ "$code" = 200 ] || die "GET /v1/connect/servers answered $code"
body_bytes=$(wc -c <"$root/servers.json")
etag=$(tr -d '\r' <"$tmp/servers.headers" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
[ -n "$etag" ] || die "GET /v1/connect/servers has no ETag"
code=$(curl -sS -o /dev/null -w '%{http_code}' -H "$auth" -H "If-None-Match: $etag" \
    "$url/v1/connect/servers")
[ "$code" = 304 ] || die "If-None-Match with the page's ETag answered $code, not 304"
items=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$root/servers.json")

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
        location = /v1/connect/servers { try_files /servers.json =404; }
    }
}
EOF
nginx -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf" &
nginx_pid=$!
nginx_url="http://127.0.0.1:$nginx_port"
for _ in $(seq 100); do
    curl -sf -o /dev/null "$nginx_url/v1/connect/servers" && break
    kill -0 "$nginx_pid" 2>/dev/null || { cat "$tmp/nginx/error.log" >&2; die "nginx exited"; }
    sleep 0.1
done
curl -sSf -o "$tmp/nginx-body.json" "$nginx_url/v1/connect/servers" || die "nginx does not answer"
cmp -s "$tmp/nginx-body.json" "$root/servers.json" || die "nginx serves other bytes than the service"

# ---- load
run_wrk() { # name url [header]: prints requests/s
    local name=$1 target=$2 out="$tmp/wrk-$1-$RANDOM.txt"
    shift 2
    wrk -t2 -c20 -d"${duration}s" "$@" "$target" >"$out" 2>&1 || die "wrk failed against $name: $(cat "$out")"
    if grep -q 'Non-2xx or 3xx responses\|Socket errors' "$out"; then
        echo "warning: $name: $(grep 'Non-2xx or 3xx responses\|Socket errors' "$out" | tr -s ' ')" >&2
    fi
    awk '/^Requests\/sec:/ { print $2 }' "$out"
}

echo "GET /v1/connect/servers: $items items, $body_bytes bytes of JSON (identical from both)"
echo "wrk -t2 -c20 -d${duration}s, 2 rounds each, order service/nginx/304/service/nginx/304;" \
    "$workers service workers, $workers nginx workers"
service_rps=()
nginx_rps=()
not_modified_rps=()
for round in 1 2; do
    rps=$(run_wrk service "$url/v1/connect/servers" -H "$auth")
    [ -n "$rps" ] || die "wrk reported no requests/s for the service"
    service_rps+=("$rps")
    echo "  round $round service: $rps req/s"
    rps=$(run_wrk nginx "$nginx_url/v1/connect/servers")
    [ -n "$rps" ] || die "wrk reported no requests/s for nginx"
    nginx_rps+=("$rps")
    echo "  round $round nginx:   $rps req/s"
    rps=$(run_wrk 304 "$url/v1/connect/servers" -H "$auth" -H "If-None-Match: $etag")
    [ -n "$rps" ] || die "wrk reported no requests/s for the 304 answers"
    not_modified_rps+=("$rps")
    echo "  round $round 304:     $rps req/s"
done

log_lines=$(wc -l <"$tmp/service.log")
python3 - "${service_rps[*]}" "${nginx_rps[*]}" "$(nproc)" "$log_lines" \
    "${QT_LOGGING_RULES:-}" "${not_modified_rps[*]}" <<'EOF'
import statistics, sys
service = [float(x) for x in sys.argv[1].split()]
nginx = [float(x) for x in sys.argv[2].split()]
nproc, log_lines, rules = sys.argv[3], int(sys.argv[4]), sys.argv[5]
not_modified = [float(x) for x in sys.argv[6].split()]
s, n = statistics.median(service), statistics.median(nginx)
print()
print(f"{'target':<10}{'median req/s':>14}   rounds")
print(f"{'service':<10}{s:>14.0f}   " + ", ".join(f"{x:.0f}" for x in service))
print(f"{'nginx':<10}{n:>14.0f}   " + ", ".join(f"{x:.0f}" for x in nginx))
m = statistics.median(not_modified)
print(f"{'304':<10}{m:>14.0f}   " + ", ".join(f"{x:.0f}" for x in not_modified))
print(f"ratio service/nginx: {s / n:.3f}" if n > 0 else "ratio service/nginx: n/a")
print(f"cost of a 304 / cost of the full answer: {s / m:.3f}" if m > 0 else "")
print()
print(f"nproc: {nproc}. Note: wrk runs on the same machine and shares the {nproc} cores with the "
      "server under test, so both figures are lower than with a separate load generator.")
print(f"service log: {log_lines} lines on stderr"
      + (f" (QT_LOGGING_RULES={rules})" if rules else " (default logging: one debug line per request)"))
EOF
