#!/bin/sh
# Checks the systemd unit of the account service and its options file:
# - systemd-analyze verify finds nothing wrong (on a copy whose ExecStart is the built
#   service: the installed path does not exist in a build tree);
# - systemd-analyze security rates its exposure at most MAX (default 2.0; 0 is best, 10 worst);
# - the options in the /etc/default file start the service (their state directory moved to a
#   temporary folder and the port to a free one): it prints "listening on" and stops cleanly.
#   check-unit.sh UNIT DEFAULTS_FILE SERVICE_BINARY [MAX]
set -eu
unit=${1:?usage: check-unit.sh UNIT DEFAULTS_FILE SERVICE_BINARY [MAX]}
defaults=${2:?usage}
service=${3:?usage}
max=${4:-2.0}
name=$(basename "$unit")
case $defaults in /*) ;; *) defaults=./$defaults ;; esac # "." searches PATH otherwise
tmp=$(mktemp -d "${TMPDIR:-/tmp}/connect-admin-unit.XXXXXX")
pid=""
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
fail() { echo "check-unit: $*" >&2; exit 1; }

command -v systemd-analyze >/dev/null 2>&1 || fail "systemd-analyze is missing (package systemd)"
grep -q '^ExecStart=/usr/bin/connect-admin-service ' "$unit" ||
    fail "ExecStart does not run /usr/bin/connect-admin-service"

# ---- verify: any message is a failure
sed "s|/usr/bin/connect-admin-service|$service|" "$unit" >"$tmp/$name"
if ! systemd-analyze verify --man=no "$tmp/$name" >"$tmp/verify" 2>&1 || [ -s "$tmp/verify" ]; then
    cat "$tmp/verify" >&2
    fail "systemd-analyze verify complains about $name"
fi
echo "check-unit: systemd-analyze verify: no complaints"

# ---- security: "→ Overall exposure level for NAME: 1.2 OK 🙂"
systemd-analyze security --offline=yes "$tmp/$name" >"$tmp/security" 2>&1 ||
    { cat "$tmp/security" >&2; fail "systemd-analyze security failed"; }
exposure=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' "$tmp/security")
[ -n "$exposure" ] || { cat "$tmp/security" >&2; fail "no exposure level in systemd-analyze security's output"; }
echo "check-unit: systemd-analyze security: exposure $exposure (at most $max)"
awk -v e="$exposure" -v m="$max" 'BEGIN { exit !(e <= m) }' || {
    grep '✗' "$tmp/security" >&2 || true
    fail "exposure $exposure is above $max"
}

# ---- the default options start the service
args=$(
    # shellcheck disable=SC1090
    . "$defaults"
    printf '%s' "${CONNECT_ADMIN_SERVICE_ARGS:?the defaults file sets no CONNECT_ADMIN_SERVICE_ARGS}"
)
args=$(printf '%s' "$args" | sed "s|/var/lib/connect-admin/|$tmp/state/|g; s|--port [0-9]*|--port 0|")
mkdir -m 700 "$tmp/state"
# shellcheck disable=SC2086
"$service" $args >"$tmp/out" 2>"$tmp/err" &
pid=$!
i=0
until grep -q '^listening on http://127.0.0.1:' "$tmp/out"; do
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/err" >&2; fail "the service ended with the default options: $args"; }
    i=$((i + 1))
    [ "$i" -lt 300 ] || fail "the service did not listen within 30 s with the default options"
    sleep 0.1
done
kill -TERM "$pid"
wait "$pid" || fail "the service did not stop cleanly on SIGTERM"
pid=""
[ -f "$tmp/state/connect-admin.sqlite" ] || fail "the default options did not put the database in the state directory"
echo "check-unit: the default options start the service: $(cat "$tmp/out")"
echo "check-unit: OK"
