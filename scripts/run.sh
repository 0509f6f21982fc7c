#!/bin/sh
# The run command: installs what is missing, builds, and starts Connect Admin on the local
# sandbox (an account service with a demo account in ~/.local/share/connect-admin/sandbox).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/install-deps.sh"
"$top/scripts/build.sh"
data=${XDG_DATA_HOME:-$HOME/.local/share}/connect-admin/sandbox
if [ -x "$top/build/src/gui/connect-admin" ]; then
    exec "$top/build/src/gui/connect-admin" --sandbox "$@"
fi
echo "Starting the account service on the sandbox in $data"
"$top/build/src/service/connect-admin-service" --sandbox "$data" "$@" &
pid=$!
trap 'kill $pid 2>/dev/null' INT TERM EXIT
sleep 1
echo "Sign-in for the demo owner: $data/sandbox-owner.json (url, email, password)"
wait $pid
