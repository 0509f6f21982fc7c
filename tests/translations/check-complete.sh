#!/bin/sh
# Checks that a Qt translation (.ts) is complete: lrelease compiles it with 0 unfinished and
# 0 untranslated messages, no message is marked type="unfinished" or has an empty
# translation, and every placeholder of a source text (%1..%9, %n, also as %L1) is kept in
# its translation.
#   check-complete.sh LRELEASE TS_FILE
set -eu
lrelease=$1
ts=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

status=0

# 1. lrelease's own summary, e.g. "Generated 378 translation(s) (378 finished and 0 unfinished)"
#    plus "Ignored N untranslated source text(s)" when some have no translation.
if ! "$lrelease" "$ts" -qm "$tmp/check.qm" >"$tmp/lrelease.out" 2>&1; then
    cat "$tmp/lrelease.out" >&2
    echo "FAIL: lrelease could not compile $ts" >&2
    exit 1
fi
cat "$tmp/lrelease.out"
if ! grep -Eq 'Generated [1-9][0-9]* translation\(s\) \([0-9]+ finished and 0 unfinished\)' \
        "$tmp/lrelease.out"; then
    echo "FAIL: lrelease reports unfinished translations (or none at all)" >&2
    status=1
fi
if grep -Eq 'Ignored [1-9][0-9]* untranslated' "$tmp/lrelease.out"; then
    echo "FAIL: lrelease reports untranslated source texts" >&2
    status=1
fi

# 2. Each <message> on its own: unfinished, empty, lost placeholders. The .ts is lupdate's
#    XML; a message may span lines (sources with newlines), so lines are joined per message.
if ! awk '
function fail(why) {
    printf "FAIL: %s\n  context: %s\n  source:  %s\n", why, context, source
    bad = 1
}
function check(block,    src, tr, rest, ph, tag) {
    src = block; sub(/.*<source>/, "", src); sub(/<\/source>.*/, "", src)
    source = src
    if (block ~ /<translation[^>]*type="unfinished"/) fail("marked unfinished")
    if (block ~ /<translation[^>]*\/>/) { fail("empty translation"); return }
    tr = block; sub(/.*<translation[^>]*>/, "", tr); sub(/<\/translation>.*/, "", tr)
    if (tr ~ /<numerusform>/) {
        rest = tr
        while (match(rest, /<numerusform>[^<]*<\/numerusform>/)) {
            tag = substr(rest, RSTART, RLENGTH)
            if (tag == "<numerusform></numerusform>") fail("empty plural form")
            rest = substr(rest, RSTART + RLENGTH)
        }
    } else if (tr ~ /^[ \t\n]*$/) {
        fail("empty translation")
    }
    rest = src
    while (match(rest, /%L?[1-9n]/)) {
        ph = substr(rest, RSTART, RLENGTH)
        if (index(tr, ph) == 0) fail("translation lacks the placeholder " ph)
        rest = substr(rest, RSTART + RLENGTH)
    }
    messages++
}
/<name>/ { context = $0; sub(/.*<name>/, "", context); sub(/<\/name>.*/, "", context) }
/<message[ >]/ { inmsg = 1; block = "" }
inmsg { block = block $0 "\n" }
/<\/message>/ { inmsg = 0; check(block) }
END {
    if (messages == 0) { print "FAIL: no messages found"; exit 1 }
    printf "%d messages checked\n", messages
    exit bad
}' "$ts"; then
    status=1
fi

exit "$status"
