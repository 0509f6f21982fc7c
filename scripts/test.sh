#!/bin/sh
# The test command: installs what is missing, builds with warnings as errors, and runs the
# whole suite (CTest prints its summary line). .ci/run calls exactly this.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/install-deps.sh"
"$top/scripts/build.sh" -DCONNECTADMIN_WERROR=ON
cd "$top/build"
ctest --output-on-failure --timeout 900 "$@"
