#!/bin/sh
# Installs the Debian 12 packages this project builds, tests and runs with — only those
# missing. As root it runs apt-get directly, otherwise through sudo.
#   scripts/install-deps.sh [--bench]
set -eu

packages="
    cmake ninja-build g++ pkg-config file dpkg-dev openssl
    qt6-base-dev qt6-base-dev-tools qtkeychain-qt6-dev
    libqt6sql6-sqlite libqt6sql6-psql qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n libqt6svg6 libssl-dev libargon2-dev libsqlite3-dev libsimdjson-dev
    libyaml-cpp-dev
    libgl-dev libxkbcommon-dev libxcb1-dev libical-dev
    gnome-keyring dbus dbus-x11 libsecret-1-0 libsecret-tools
    postgresql xvfb xauth imagemagick desktop-file-utils appstream systemd
    clang-14 libclang-rt-14-dev clang-format-14
"
# Benchmarks compare the service with nginx, loaded by wrk, and count instructions with
# valgrind's callgrind.
[ "${1:-}" = "--bench" ] && packages="$packages nginx wrk curl python3 xvfb xdotool valgrind"
# The API lint and the JOSE check run on Node.js; a machine without it gets Debian's.
command -v node >/dev/null 2>&1 || packages="$packages nodejs npm"

missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
echo "Installing:$missing"
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
