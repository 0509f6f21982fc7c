#!/usr/bin/env bash
# Benchmark (not a test): user-space instructions the account service spends on one cached
# list answer, counted by valgrind's callgrind, so the figure repeats to the instruction
# whatever else the machine is doing (wall-clock rates on a shared 2-core machine swing by
# ±15%). The system calls' kernel work is not counted.
#
#   bench/answer-instructions.sh <path-to-connect-admin-service> [requests, default 3000] [path]
#
# One worker on a fresh sandbox, one keep-alive connection (python3's http.client), the
# sandbox owner signed in; the path (default the page of 2 servers) is asked `requests`
# times after 1,000 asks to warm up. Two runs, one with the warm-up alone, give
#   (instructions after warm-up + requests − instructions after warm-up) / requests.
set -euo pipefail

usage() {
    echo "usage: $0 <path-to-connect-admin-service> [requests, default 3000] [path]" >&2
    exit 2
}
if [ $# -lt 1 ] || [ $# -gt 3 ]; then usage; fi
service_bin=$1
requests=${2:-3000}
path=${3:-/v1/connect/servers?limit=2}
[[ $requests =~ ^[1-9][0-9]*$ ]] || usage
[ -x "$service_bin" ] || { echo "not an executable: $service_bin" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
sh "$here/../scripts/install-deps.sh" --bench
tmp=$(mktemp -d "${TMPDIR:-/tmp}/answer-instructions.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
warmup=1000

count() { # asks -> the total instructions of the service's run
    local dir="$tmp/run-$1" url="" pid
    mkdir -p "$dir"
    valgrind --tool=callgrind --callgrind-out-file="$dir/callgrind.out" "$service_bin" \
        --sandbox "$dir/sandbox" --port 0 --workers 1 >"$dir/out" 2>"$dir/log" &
    pid=$!
    for _ in $(seq 600); do
        url=$(sed -n '1s/^listening on //p' "$dir/out")
        [ -n "$url" ] && break
        kill -0 "$pid" 2>/dev/null || { cat "$dir/log" >&2; exit 1; }
        sleep 0.1
    done
    [ -n "$url" ] || { echo "the service did not start under valgrind in 60 s" >&2; exit 1; }
    python3 - "$url" "$dir/sandbox/sandbox-owner.json" "$1" "$path" <<'PY'
import http.client, json, sys, urllib.parse
url, owner_file, asks, path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
owner = json.load(open(owner_file))
u = urllib.parse.urlparse(url)
c = http.client.HTTPConnection(u.hostname, u.port)
c.request("POST", "/v1/auth/sessions",
          json.dumps({"email": owner["email"], "password": owner["password"]}),
          {"Content-Type": "application/json"})
r = c.getresponse()
token = json.loads(r.read())["token"]
for _ in range(asks):
    c.request("GET", path, headers={"Authorization": "Bearer " + token})
    r = c.getresponse()
    r.read()
    if r.status != 200:
        sys.exit(f"{path} answered {r.status}")
PY
    kill -TERM "$pid"
    wait "$pid" 2>/dev/null || true
    callgrind_annotate "$dir/callgrind.out" 2>/dev/null |
        awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'
}

base=$(count "$warmup")
total=$(count $((warmup + requests)))
echo "$path: $(((total - base) / requests)) user-space instructions per answer" \
    "($requests answers; callgrind totals $base and $total)"
