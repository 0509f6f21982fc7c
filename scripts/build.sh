#!/bin/sh
# Configures and builds everything into build/ (Ninja, RelWithDebInfo). Extra arguments go
# to CMake, e.g. -DCONNECTADMIN_WERROR=ON.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cmake -S "$top" -B "$top/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$top/build" --parallel "$(nproc)"
