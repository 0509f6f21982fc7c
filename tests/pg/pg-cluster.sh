#!/bin/sh
# Starts or stops a throwaway PostgreSQL cluster for the test suite (a CTest fixture).
#   pg-cluster.sh start|stop DIR PORT
# As root the cluster runs as the "postgres" user; otherwise as the current user.
set -eu
action=$1
dir=$2
port=$3
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
    echo "PostgreSQL server binaries are not installed (package postgresql)" >&2
    exit 1
fi
if [ "$(id -u)" = 0 ]; then
    owner=postgres
    run() { su postgres -s /bin/sh -c "$1"; }
else
    owner=$(id -un)
    run() { sh -c "$1"; }
fi

case "$action" in
start)
    if [ -f "$dir/data/postmaster.pid" ]; then
        run "'$bin/pg_ctl' -D '$dir/data' -m immediate -w stop" >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir/sock"
    chown -R "$owner" "$dir"
    run "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    # One role signs in with a password (tst_pg_auth); every other connection is trusted.
    { echo "host all ca_password_test 127.0.0.1/32 scram-sha-256"; cat "$dir/data/pg_hba.conf"; } >"$dir/hba.tmp"
    mv "$dir/hba.tmp" "$dir/data/pg_hba.conf"
    chown "$owner" "$dir/data/pg_hba.conf"
    run "'$bin/pg_ctl' -D '$dir/data' -o \"-p $port -k '$dir/sock' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" -l '$dir/server.log' -w -t 60 start" ||
        { cat "$dir/server.log" >&2; exit 1; }
    echo "PostgreSQL test cluster on 127.0.0.1:$port"
    ;;
stop)
    if [ -d "$dir/data" ]; then
        run "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop" >/dev/null
    fi
    rm -rf "$dir"
    echo "PostgreSQL test cluster stopped"
    ;;
*)
    echo "usage: $0 start|stop DIR PORT" >&2
    exit 2
    ;;
esac
