#!/usr/bin/env bash
# Tests the Debian package as installed, on this machine (as root; it
# installs and removes the package polltally):
#   dpkg -i dist/polltally_*.deb; the files where they belong; `polltally
#   --version` naming this checkout's commit; a whole count through the
#   command line; the window under Xvfb from the installed path (a
#   screenshot, dist/test-deb-window.png); the cold start and memory with a
#   count of 10,000 rulings; then dpkg -r, after which nothing of the
#   package is left but the user's data.
# Run packaging/build.sh first. Needs: xvfb xauth xdotool x11-utils imagemagick
# libgl1-mesa-dri.
# Takes about 1-2 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIST=$ROOT/dist
start=$SECONDS

fail() { echo "test-deb.sh: FAIL: $*" >&2; exit 1; }
step() { echo "test-deb.sh: [$((SECONDS - start)) s] $*"; }

deb=$(ls "$DIST"/polltally_*_amd64.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no package in dist/: run packaging/build.sh first"
[ "$(id -u)" = 0 ] || fail "run as root (dpkg -i, dpkg -r)"

work=$(mktemp -d)
cleanup() {
  rm -rf "$work"
}
trap cleanup EXIT
# The user's data goes to a home of its own, to be found after removal.
export HOME=$work/home
mkdir -p "$HOME"
unset POLLTALLY_DATA_DIR XDG_DATA_HOME

if dpkg -s polltally >/dev/null 2>&1; then
  step "removing the polltally installed before"
  dpkg -r polltally >/dev/null
fi

step "dpkg -i ${deb#"$ROOT"/}"
dpkg -i "$deb"
dpkg -L polltally > "$work/files"
for f in /usr/bin/polltally /usr/share/applications/polltally.desktop \
  /usr/share/icons/hicolor/scalable/apps/polltally.svg \
  /usr/share/icons/hicolor/48x48/apps/polltally.png \
  /usr/share/icons/hicolor/256x256/apps/polltally.png \
  /usr/share/doc/polltally/README.md /usr/share/doc/polltally/fonts/OFL.txt \
  /usr/share/doc/polltally/copyright; do
  [ -f "$f" ] || fail "$f is not installed"
done
grep -q '^Exec=polltally$' /usr/share/applications/polltally.desktop || fail "desktop entry"
echo "  depends: $(dpkg-query -W -f '${Depends}' polltally)"

step "polltally --version"
version=$(/usr/bin/polltally --version)
echo "  $version"
expected_version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
if commit=$(git rev-parse --short=12 HEAD 2>/dev/null); then
  [ "$version" = "polltally $expected_version (commit $commit)" ] \
    || fail "--version says '$version', the checkout is $expected_version at $commit"
else
  case $version in "polltally $expected_version (commit "*) ;; *) fail "--version: $version" ;; esac
fi

step "a whole count through the installed command line"
pt() { /usr/bin/polltally "$@"; }
path() { echo "$1"; }
# shellcheck source=packaging/lib/count.sh
. packaging/lib/count.sh
mkdir -p "$work/count"
whole_count "$work/count" > "$work/count.log" 2>&1 || { cat "$work/count.log"; fail "the whole count"; }
grep -q '^ok: chain intact' "$work/count.log" || fail "verify did not say the chain is intact"
for f in results.json copy-B-annex.pdf copy-A.pdf; do
  [ -s "$work/count/$f" ] || fail "the count made no $f"
done
echo "  $(grep '^short code' "$work/count.log")"

step "the window under Xvfb, opened as the desktop entry does (Exec=polltally)"
shot=$DIST/test-deb-window.png
export shot
xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
  cd "$HOME"
  polltally >/dev/null 2>"$HOME/window.err" &
  app=$!
  for _ in $(seq 60); do
    xdotool search --name "^polltally" >/dev/null 2>&1 && break
    sleep 0.5
  done
  sleep 3
  import -window root "$shot"
  xdotool search --name "^polltally" getwindowname 2>/dev/null | head -n 1 > "$HOME/window.name" || true
  win=$(xdotool search --name "^polltally" 2>/dev/null | head -n 1)
  { xprop -id "$win" _NET_WM_ICON | grep -o "Icon ([0-9]* x [0-9]*)"; xprop -id "$win" WM_CLASS; } \
    > "$HOME/window.props" 2>/dev/null || true
  awk "\$6 ~ /\\.so/ {print \$6}" /proc/$app/maps | sort -u > "$HOME/window.libs" || true
  kill $app
  wait $app || true
'
[ -s "$HOME/window.name" ] || { cat "$HOME/window.err"; fail "no polltally window appeared"; }
echo "  window: $(cat "$HOME/window.name"); screenshot ${shot#"$ROOT"/}"
grep -q '^Icon (64 x 64)' "$HOME/window.props" \
  || { cat "$HOME/window.props"; fail "the window has no 64x64 icon"; }
grep -q '"polltally"' "$HOME/window.props" || fail "the window's class is not polltally (StartupWMClass)"
echo "  the window has its 64x64 icon and the class polltally"
data=$HOME/.local/share/polltally
[ -f "$data/practice.polltally" ] || fail "the practice count is not in $data"
echo "  the practice count is kept in ~/.local/share/polltally"
# The libraries the window loaded, by package: what the package must depend on.
xargs -r dpkg -S < "$HOME/window.libs" 2>/dev/null | cut -d: -f1 | sort -u | paste -sd ' ' \
  | sed 's/^/  the window loaded libraries of: /' || true

step "cold start and memory with a count of 10,000 rulings"
# shellcheck source=packaging/lib/measure.sh
. packaging/lib/measure.sh
t0=$SECONDS
big_count "$work/big.polltally"
echo "  10,000 rulings recorded in $((SECONDS - t0)) s"
if sync && echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then
  echo "  page cache dropped before the first run"
else
  echo "  (the page cache could not be dropped here: every run reads a warm cache)"
fi
export work ROOT
# (xvfb-run is a sh script: the functions are defined again inside.)
xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
  pt() { /usr/bin/polltally "$@"; }
  path() { echo "$1"; }
  . "$ROOT/packaging/lib/measure.sh"
  first_frames "$work/big.polltally" 5
  memory "$work/big.polltally" 5
'

step "dpkg -r polltally"
dpkg -r polltally
[ "$(dpkg-query -W -f '${db:Status-Status}' polltally 2>/dev/null || echo not-installed)" != installed ] \
  || fail "still installed"
left=0
while read -r f; do
  if [ -f "$f" ] || [ -L "$f" ]; then echo "  left behind: $f"; left=1; fi
done < "$work/files"
[ "$left" = 0 ] || fail "files of the package are left"
[ ! -e /usr/bin/polltally ] || fail "/usr/bin/polltally is left"
[ -f "$data/practice.polltally" ] || fail "the user's data went with the package"
echo "  every file of the package is gone; the user's data stays in ~/.local/share/polltally"

step "passed"
