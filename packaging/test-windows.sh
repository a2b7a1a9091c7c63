#!/usr/bin/env bash
# Tests the Windows installer as installed, under wine (in a wine prefix of
# its own, removed at the end):
#   the installer run silently (/S): files in Program Files, the Start-menu
#   entry, the uninstaller and its "Apps & features" entry; the installed
#   polltally.exe naming the same version and commit as the Linux build; a
#   whole count through its command line (new, figures, rule --stdin, pile,
#   present, seal, export, pdf, verify); the Linux build verifying the record
#   and results file the Windows build made, and the PDFs both builds make
#   from that record compared byte for byte; the window opened through
#   polltallyw.exe, as the Start menu does, under Xvfb (a screenshot,
#   dist/test-windows-window.png; its practice count in %APPDATA%); the
#   system's Open dialog from the start screen (dist/test-windows-dialog.png,
#   reported, not required: it is found by clicking where its button is); the
#   print button of the sealed count's Results screen pressed (the forms
#   saved, the notice in dist/test-windows-print.png); then the silent
#   uninstall, after which only the user's data is left.
#
# Run packaging/build.sh first (it makes the installer and the Linux build).
# Needs: apt-get install -y wine wine64 mingw-w64 xvfb xauth xdotool x11-utils imagemagick
# Debian 12's wine 8 has no bcryptprimitives.dll, whose ProcessPrng Rust's
# standard library calls on Windows 10 and later: the prefix gets a stand-in
# built here (packaging/windows/wine/), that takes its bytes from RtlGenRandom.
# Takes about 2-3 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIST=$ROOT/dist
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
WINE=${WINE:-/usr/lib/wine/wine64}
WINESERVER=${WINESERVER:-/usr/lib/wine/wineserver}
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
setup=$DIST/polltally-$VERSION-windows-x86_64-setup.exe
linux=${POLLTALLY_LINUX:-$TARGET_DIR/release/polltally}
start=$SECONDS

fail() { echo "test-windows.sh: FAIL: $*" >&2; exit 1; }
step() { echo "test-windows.sh: [$((SECONDS - start)) s] $*"; }

[ -f "$setup" ] || fail "no ${setup#"$ROOT"/}: run packaging/build.sh first"
[ -x "$linux" ] || fail "no Linux build at $linux: run packaging/build.sh first"
[ -x "$WINE" ] || fail "no wine at $WINE: apt-get install wine wine64"

work=$(mktemp -d)
export WINEPREFIX=$work/prefix WINEARCH=win64 WINEDEBUG=-all
# No Mono or Gecko (nothing downloaded); the stand-in DLL before any other.
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n"
cleanup() {
  "$WINESERVER" -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

step "a wine prefix of its own"
"$WINE" wineboot --init >/dev/null 2>&1 || true
"$WINESERVER" -w
system32=$WINEPREFIX/drive_c/windows/system32
[ -d "$system32" ] || fail "wineboot made no prefix"
x86_64-w64-mingw32-gcc -shared -O2 -o "$system32/bcryptprimitives.dll" \
  packaging/windows/wine/bcryptprimitives.c packaging/windows/wine/bcryptprimitives.def -ladvapi32

step "the installer, silently: ${setup#"$ROOT"/} /S"
"$WINE" "$setup" /S
"$WINESERVER" -w
prog=$WINEPREFIX/drive_c/Program\ Files/polltally
for f in polltally.exe polltallyw.exe uninstall.exe README.md polltally.ico fonts/OFL.txt; do
  [ -f "$prog/$f" ] || fail "$f is not installed in Program Files\\polltally"
done
menu=$WINEPREFIX/drive_c/ProgramData/Microsoft/Windows/Start\ Menu/Programs/polltally.lnk
[ -f "$menu" ] || fail "no Start-menu entry for all users"
key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\polltally'
"$WINE" reg query "$key" /v DisplayVersion 2>/dev/null | grep -q "$VERSION" \
  || fail "no uninstall entry with version $VERSION"
echo "  installed in C:\\Program Files\\polltally, Start-menu entry for all users, uninstall entry $VERSION"

pt() { "$WINE" "$prog/polltally.exe" "$@"; }
path() { echo "Z:${1//\//\\}"; }

step "polltally.exe --version"
win_version=$(pt --version | tr -d '\r')
linux_version=$("$linux" --version)
echo "  $win_version"
[ "$win_version" = "$linux_version" ] \
  || fail "the Windows build says '$win_version', the Linux build '$linux_version'"

step "a whole count through the installed polltally.exe"
# shellcheck source=packaging/lib/count.sh
. packaging/lib/count.sh
mkdir -p "$work/win"
t0=$SECONDS
whole_count "$work/win" > "$work/count.log" 2>&1 || { cat "$work/count.log"; fail "the whole count"; }
grep -q '^ok: chain intact' "$work/count.log" || fail "verify did not say the chain is intact"
echo "  $(grep -c '^ok [0-9]' "$work/count.log") entries acknowledged, $(grep '^short code' "$work/count.log" | tr -d '\r') ($((SECONDS - t0)) s)"

step "the Linux build checks what the Windows build made"
"$linux" verify --record "$work/win/count.polltally"
"$linux" verify --results "$work/win/results.json" --record "$work/win/count.polltally"
"$linux" pdf --record "$work/win/count.polltally" --copy B --annex --out "$work/linux-copy-B-annex.pdf" >/dev/null
"$linux" pdf --record "$work/win/count.polltally" --copy A --out "$work/linux-copy-A.pdf" >/dev/null
cmp "$work/win/copy-B-annex.pdf" "$work/linux-copy-B-annex.pdf" || fail "copy B with its annex differs"
cmp "$work/win/copy-A.pdf" "$work/linux-copy-A.pdf" || fail "copy A differs"
echo "  record and results file verified; copy A and copy B with its annex byte-identical ($(stat -c %s "$work/win/copy-B-annex.pdf") and $(stat -c %s "$work/win/copy-A.pdf") bytes)"

step "the window, through polltallyw.exe as the Start menu opens it, under Xvfb"
# A wine session started without a display cannot open windows: end it.
"$WINESERVER" -k 2>/dev/null || true
"$WINESERVER" -w
shot=$DIST/test-windows-window.png
export shot prog WINE WINESERVER
xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
  "$WINE" "$prog/polltallyw.exe" >"$WINEPREFIX/window.log" 2>&1 &
  for _ in $(seq 120); do
    xdotool search --name "^polltally" >/dev/null 2>&1 && break
    sleep 0.5
  done
  sleep 8
  import -window root "$shot"
  xdotool search --name "^polltally" getwindowname 2>/dev/null | head -n 1 > "$WINEPREFIX/window.name" || true
  win=$(xdotool search --name "^polltally" 2>/dev/null | head -n 1)
  xprop -id "$win" _NET_WM_ICON 2>/dev/null | grep -o "Icon ([0-9]* x [0-9]*)" | paste -sd " " \
    > "$WINEPREFIX/window.icon" || true
  "$WINESERVER" -k
' || true
if [ -s "$WINEPREFIX/window.name" ]; then
  echo "  window: $(cat "$WINEPREFIX/window.name"); screenshot ${shot#"$ROOT"/}"
  echo "  its icon as wine gives it to X: $(cat "$WINEPREFIX/window.icon")"
else
  echo "  no polltally window appeared under wine; screenshot ${shot#"$ROOT"/}"
  cat "$WINEPREFIX/window.log"
fi
practice=$(ls "$WINEPREFIX"/drive_c/users/*/AppData/Roaming/polltally/data/practice.polltally 2>/dev/null | head -n 1 || true)
[ -n "$practice" ] || fail "the window kept no practice count in %APPDATA%\\polltally\\data"
echo "  the practice count is kept in %APPDATA%\\polltally\\data"

step "the native file dialog: Close count, then Browse... to open a count record"
# Where the buttons are at 1366x768: Close count in the top bar, Browse...
# under "Open a count record" (lower by a line when a notice shows).
shot_dialog=$DIST/test-windows-dialog.png
export shot_dialog
xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
  "$WINE" "$prog/polltally.exe" >/dev/null 2>&1 &
  for _ in $(seq 120); do
    xdotool search --name "^polltally" >/dev/null 2>&1 && break
    sleep 0.5
  done
  sleep 5
  xdotool mousemove 1100 81 click 1
  sleep 3
  for y in 355 384; do
    xdotool mousemove 57 $y click 1
    sleep 5
    xdotool search --name "^Open$" >/dev/null 2>&1 && break
  done
  import -window root "$shot_dialog"
  xdotool search --name "^Open$" getwindowname 2>/dev/null | head -n 1 > "$WINEPREFIX/dialog.name" || true
  "$WINESERVER" -k
' || true
if [ -s "$WINEPREFIX/dialog.name" ]; then
  echo "  the system's Open dialog appeared; screenshot ${shot_dialog#"$ROOT"/}"
else
  echo "  no Open dialog appeared (the clicks may have missed); screenshot ${shot_dialog#"$ROOT"/}"
fi

step "printing copies A, B and C from the Results screen of the sealed count"
"$WINESERVER" -w
# The Print button of the Results screen at 1366x768 (the window fills the
# screen); wine's powershell.exe runs no script, so the notice must say the
# forms were not printed, and where they are saved.
shot_print=$DIST/test-windows-print.png
rec_win=$(path "$work/win/count.polltally")
export shot_print rec_win
xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
  "$WINE" "$prog/polltally.exe" open --record "$rec_win" --screen results >"$WINEPREFIX/print.log" 2>&1 &
  for _ in $(seq 120); do
    xdotool search --name "^polltally" >/dev/null 2>&1 && break
    sleep 0.5
  done
  sleep 6
  xdotool mousemove 529 365 click 1
  sleep 10
  import -window root "$shot_print"
  "$WINESERVER" -k
' || true
for copy in A B C; do
  [ -f "$work/win/count-copy-$copy.pdf" ] || fail "printing saved no count-copy-$copy.pdf"
done
echo "  copies A, B and C saved beside the record; the notice: screenshot ${shot_print#"$ROOT"/}"

step "the uninstaller, silently"
"$WINE" "$prog/uninstall.exe" /S
"$WINESERVER" -w
for _ in $(seq 60); do [ -e "$prog" ] || break; sleep 0.5; done
[ ! -e "$prog" ] || { find "$prog"; fail "files left in Program Files\\polltally"; }
[ ! -e "$menu" ] || fail "the Start-menu entry is left"
if "$WINE" reg query "$key" >/dev/null 2>&1; then fail "the uninstall entry is left"; fi
[ -f "$practice" ] || fail "the user's data went with the program"
echo "  Program Files\\polltally, the Start-menu entry and the uninstall entry are gone; the user's data stays"

step "passed"
