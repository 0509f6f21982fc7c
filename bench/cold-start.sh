#!/bin/sh
# Cold start of the desktop program (connect-admin --url URL) to its first visible window,
# against an empty QMainWindow program built the same way (bench/empty-window, the yardstick):
# started in turn RUNS times each under a private Xvfb without a window manager; bench/first-map
# takes the time of the X server's MapNotify for the first window (until 2026-12-02 xdotool
# looked for it every 5 ms, and each look cost 18-100 ms on a busy machine). Prints the
# medians and the ratio (issue 15's goal: <= 1.3), and a second yardstick: the same empty
# window with a File menu and one line of text (empty-window --text), the least any window
# that shows text waits for.
#   bench/cold-start.sh BUILD_DIR [RUNS]
set -eu
build=${1:?usage: cold-start.sh BUILD_DIR [RUNS]}
runs=${2:-10}
for tool in Xvfb xdotool; do
    command -v $tool >/dev/null 2>&1 || { echo "cold-start.sh needs $tool" >&2; exit 1; }
done
program=$build/src/gui/connect-admin
empty=$build/bench/empty-window
firstmap=$build/bench/first-map
[ -x "$program" ] && [ -x "$empty" ] && [ -x "$firstmap" ] ||
    { echo "build connect-admin, empty-window and first-map first" >&2; exit 1; }

display=:$((100 + $$ % 100))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
home=$(mktemp -d "${TMPDIR:-/tmp}/connect-admin-cold.XXXXXX")
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# A fresh user: no settings, no remembered session (as on a first start).
export DISPLAY=$display HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share
unset QT_QPA_PLATFORM
tries=0
until xdotool getmouselocation >/dev/null 2>&1; do
    tries=$((tries + 1))
    [ $tries -lt 200 ] || { echo "Xvfb did not start on $display" >&2; exit 1; }
    sleep 0.05
done

# Microseconds from starting the command to the X server mapping its first window.
first_window() { "$firstmap" "$@"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

: >"$home/program" && : >"$home/empty" && : >"$home/text"
first_window "$empty" >/dev/null # a first run of each loads the libraries into the page cache
first_window "$program" --url http://127.0.0.1:9 >/dev/null
i=0
while [ $i -lt "$runs" ]; do
    first_window "$empty" >>"$home/empty"
    first_window "$empty" --text >>"$home/text"
    first_window "$program" --url http://127.0.0.1:9 >>"$home/program"
    i=$((i + 1))
done
e=$(median <"$home/empty")
t=$(median <"$home/text")
p=$(median <"$home/program")
awk -v e="$e" -v t="$t" -v p="$p" 'BEGIN {
    printf "%-52s %8.1f ms\n", "empty QMainWindow to its window (yardstick)", e / 1000
    printf "%-52s %8.1f ms  (%.2f x yardstick)\n", "the same with a menu and a line of text", t / 1000, t / e
    printf "%-52s %8.1f ms  (%.2f x yardstick; goal <= 1.3)\n", "connect-admin --url URL to its first window", p / 1000, p / e
    printf "%-52s %8s     (%.2f x the window with text)\n", "", "", p / t
}'
echo "(medians of $runs runs each, taken in turn; the time of the X server's MapNotify)"
