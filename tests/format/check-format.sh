#!/bin/sh
# Fails when a C++ file of the tree is not formatted as .clang-format says, naming each one
# (fix with: clang-format -i FILE).
#   check-format.sh CLANG_FORMAT SOURCE_DIR
set -eu
clang_format=$1
top=$2
cd "$top"
files=$(find src tests bench -name '*.cpp' -o -name '*.h' | sort)
[ -n "$files" ] || { echo "FAIL: no C++ files found under $top" >&2; exit 1; }
bad=""
count=0
for f in $files; do
    count=$((count + 1))
    "$clang_format" --dry-run -Werror "$f" >/dev/null 2>&1 || bad="$bad $f"
done
if [ -n "$bad" ]; then
    for f in $bad; do echo "not formatted: $f (clang-format -i $f)" >&2; done
    exit 1
fi
echo "$count C++ files formatted"
