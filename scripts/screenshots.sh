#!/bin/sh
# Takes docs/screenshots/*.png from the real program under Xvfb, against a fresh local
# sandbox, with a private D-Bus session and keyring so nothing touches your own.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/install-deps.sh"
"$top/scripts/build.sh"
display=:97
Xvfb $display -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
DISPLAY=$display QT_QPA_PLATFORM=xcb CONNECTADMIN_SERVICE="$top/build/src/service/connect-admin-service" \
    "$top/tests/client/with-keyring.sh" "$top/build/tests/take-screenshots" "$top/docs/screenshots"
