#!/bin/sh
# Configures and builds everything into build/ (Ninja, RelWithDebInfo). Extra arguments go
# to CMake, e.g. -DCONNECTADMIN_WERROR=ON. Uses ccache when it is installed (developers'
# machines; CI builds from scratch either way).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
# shellcheck disable=SC2086
cmake -S "$top" -B "$top/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $launcher "$@" >/dev/null
cmake --build "$top/build" --parallel "$(nproc)"
