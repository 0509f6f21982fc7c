#!/bin/sh
# Runs clang-tidy (checks in .clang-tidy: bugprone and performance) over every C++ source
# file of the project, in parallel, against build/compile_commands.json. Exit status 1 on
# any finding. Builds first so that generated headers (ui_*.h, moc) exist.
#   scripts/tidy.sh [FILE...]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/build.sh" >/dev/null
cd "$top"
if [ "$#" -gt 0 ]; then files="$*"; else files=$(find src tests bench -name '*.cpp' | sort); fi
# GCC's -Wshadow=local is unknown to clang: not a finding.
printf '%s\n' $files | xargs -P "$(nproc)" -n 1 \
    clang-tidy -p build --quiet --extra-arg=-Wno-unknown-warning-option 2>/dev/null \
    | tee /tmp/connect-admin-tidy.log | grep -E '(warning|error):' && exit 1
echo "clang-tidy: no findings in $(printf '%s\n' $files | wc -l) files"
