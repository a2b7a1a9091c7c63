#!/usr/bin/env bash
# Opens the app with the public display (`open --public-display`) under Xvfb
# on a practice count under way, and saves one screenshot of both windows
# side by side: the counting screen (1366x768) and the public display as a
# TV beside it shows it (1920x1080). Then the same in Khmer with Khmer
# numerals. For looking at the display; CI does not run it.
#
#   tests/public_display.sh [OUT_DIR] [X_DISPLAY_NUMBER]
#       (default: assets/screenshots, 98)
#
# Needs: apt-get install -y xvfb xauth imagemagick libgl1-mesa-dri xdotool
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-assets/screenshots}"
number="${2:-98}"
mkdir -p "$out"
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-$PWD/target}/release/polltally"

work=$(mktemp -d)
Xvfb ":$number" -screen 0 3300x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
export DISPLAY=":$number"
export POLLTALLY_DATA_DIR="$work/data"
record="$work/practice.polltally"
sleep 1

"$bin" new --station assets/sample-station.json --record "$record" >/dev/null
"$bin" figures --record "$record" --received 700 --unused 96 --spoiled 4 \
    --voters-marked 588 --supplementary 10 --temporary-id 3 --in-box 598 >/dev/null
# A few dozen rulings, some invalid; the last one invalid and disputed.
{
    for i in $(seq 1 40); do
        case $((i % 10)) in
            3) echo "I2" ;;
            7) echo "$(( (i % 12) + 1 )) V3" ;;
            *) echo "$(( (i * 7 % 12) + 1 ))" ;;
        esac
    done
    echo "I4 dispute=3,10"
} | "$bin" rule --record "$record" --stdin >/dev/null

# The window named by the regular expression $1, once it is mapped.
window() {
    for _ in $(seq 1 60); do
        id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1 || true)
        if [ -n "$id" ]; then
            echo "$id"
            return
        fi
        sleep 0.5
    done
    echo "no window named $1" >&2
    exit 1
}

shot() { # LANG NAME
    "$bin" open --record "$record" --screen counting --lang "$1" --public-display &
    app=$!
    main=$(window '^polltally$')
    display=$(window '^polltally - ')
    xdotool windowmove "$main" 0 0
    xdotool windowmove "$display" 1380 0
    xdotool windowsize "$display" 1920 1080
    if [ "$1" = km ]; then
        # Khmer numerals: the last switch at the right of the top bar.
        sleep 2
        xdotool mousemove --window "$main" 1350 14 click 1
    fi
    sleep 3
    import -window root "$out/$2.png"
    kill "$app"
    wait "$app" 2>/dev/null || true
    echo "$out/$2.png"
}

shot en public-display
shot km public-display-km
