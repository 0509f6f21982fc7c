#!/bin/sh
# Takes docs/screenshots/*.png (the README's pictures) from the real program under Xvfb,
# against a fresh local sandbox, with a private D-Bus session and keyring so nothing touches
# your own. With --tour it also takes the visual tour into build/tour/: every page and state
# of take-screenshots in a light and a dark palette, in English and German, in a 1024x640
# window, and once more at 2x scale (QT_SCALE_FACTOR=2).
#   scripts/screenshots.sh [--tour]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/install-deps.sh"
"$top/scripts/build.sh"
display=:97
Xvfb $display -screen 0 2600x1700x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
# take OUTPUT [options...], with the environment given before it
take() {
    DISPLAY=$display QT_QPA_PLATFORM=xcb \
        CONNECTADMIN_SERVICE="$top/build/src/service/connect-admin-service" \
        "$top/tests/client/with-keyring.sh" "$top/build/tests/take-screenshots" "$@"
}
LANGUAGE=en LC_ALL=C.UTF-8 take "$top/docs/screenshots"
[ "${1:-}" = "--tour" ] || exit 0
tour="$top/build/tour"
# Qt takes the language from LC_ALL (the glibc locale need not be installed for that).
locale_of() { if [ "$1" = de ]; then echo de_DE.UTF-8; else echo C.UTF-8; fi; }
for lang in en de; do
    for palette in light dark; do
        flag=""
        [ $palette = dark ] && flag=--dark
        # shellcheck disable=SC2086
        LANGUAGE=$lang LC_ALL=$(locale_of $lang) take "$tour/$lang-$palette-small" --small $flag
    done
done
LANGUAGE=en LC_ALL=C.UTF-8 QT_SCALE_FACTOR=2 take "$tour/en-light-2x" --small
LANGUAGE=de LC_ALL=de_DE.UTF-8 QT_SCALE_FACTOR=2 take "$tour/de-dark-2x" --small --dark
echo "tour: $tour"
