#!/bin/sh
# Starts a sandbox account service and runs verify.mjs (npm "jose") against it.
#   jose-check.sh <path to connect-admin-service>
set -eu
service=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM
cp "$here/package.json" "$here/package-lock.json" "$here/verify.mjs" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
mkfifo "$work/out"
"$service" --sandbox "$work/sandbox" >"$work/out" 2>"$work/service.log" &
pid=$!
read -r line <"$work/out"
case "$line" in
"listening on "*) url=${line#listening on } ;;
*) echo "the service did not start: $line" >&2; cat "$work/service.log" >&2; exit 1 ;;
esac
cat "$work/out" >/dev/null &
node "$work/verify.mjs" "$url" "$work/sandbox/sandbox-owner.json"
