#!/usr/bin/env bash
# Builds polltally's installers into dist/, from a clean checkout:
#   dist/polltally_<version>-1_amd64.deb                 Debian/Ubuntu package
#   dist/polltally-<version>-windows-x86_64-setup.exe    Windows installer (NSIS)
#   dist/polltally-<version>-windows-x86_64.zip          Windows, portable
# and prints each artefact's size. Each release binary must stay under 30 MB.
#
# Needs (Debian/Ubuntu): Rust with the Windows target, cargo-deb, mingw-w64,
# nsis, zip, and the Linux build's headers:
#   apt-get install -y build-essential pkg-config libwayland-dev libxkbcommon-dev \
#       mingw-w64 nsis zip
#   rustup target add x86_64-pc-windows-gnu
#   cargo install cargo-deb
# The two release builds take 10-15 minutes each on 2 cores. CARGO_TARGET_DIR
# is used when set; cargo runs under `nice` (NICE= to run it at full priority).
# `build.sh linux` or `build.sh windows` builds one of the two.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
DIST=$ROOT/dist
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
export CARGO_TARGET_DIR=$TARGET_DIR
NICE=${NICE-nice -n 10}
WINDOWS_TARGET=x86_64-pc-windows-gnu
MAX_BINARY=$((30 * 1000 * 1000))
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
WHAT=${1:-all}

fail() { echo "build.sh: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || fail "$1 is missing: $2"; }

# A binary past the limit stops the build.
check_binary() {
  local size
  size=$(stat -c %s "$1")
  [ "$size" -lt "$MAX_BINARY" ] || fail "$1 is $size bytes, more than 30 MB"
}

sizes=()
record_size() { sizes+=("$(numfmt --to=si --suffix=B --format=%.1f "$(stat -c %s "$1")")  $(stat -c %s "$1") bytes  ${1#"$ROOT"/}"); }

mkdir -p "$DIST"

build_linux() {
  need cargo-deb "cargo install cargo-deb"
  need dpkg-shlibdeps "apt-get install dpkg-dev"
  local start=$SECONDS
  $NICE cargo build --release --locked --bin polltally
  local bin=$TARGET_DIR/release/polltally
  check_binary "$bin"
  rm -f "$DIST"/polltally_*.deb
  $NICE cargo deb --no-build --locked --output "$DIST/"
  local deb
  deb=$(ls "$DIST"/polltally_*.deb)
  record_size "$bin"
  record_size "$deb"
  echo "build.sh: Linux build and package in $((SECONDS - start)) s"
}

build_windows() {
  need x86_64-w64-mingw32-gcc "apt-get install mingw-w64"
  need x86_64-w64-mingw32-windres "apt-get install mingw-w64"
  need makensis "apt-get install nsis"
  need zip "apt-get install zip"
  rustup target list --installed 2>/dev/null | grep -qx "$WINDOWS_TARGET" \
    || fail "the Rust target $WINDOWS_TARGET is missing: rustup target add $WINDOWS_TARGET"
  local start=$SECONDS
  $NICE cargo build --release --locked --target "$WINDOWS_TARGET" --bins \
    --features windows-launcher
  local out=$TARGET_DIR/$WINDOWS_TARGET/release
  check_binary "$out/polltally.exe"
  check_binary "$out/polltallyw.exe"

  # What the installer and the zip hold.
  local stage=$DIST/windows/polltally
  rm -rf "$DIST/windows"
  mkdir -p "$stage/fonts"
  cp "$out/polltally.exe" "$out/polltallyw.exe" "$stage/"
  cp assets/icon/polltally.ico README.md "$stage/"
  cp assets/fonts/OFL.txt assets/fonts/README.md "$stage/fonts/"

  local setup=$DIST/polltally-$VERSION-windows-x86_64-setup.exe
  local zip=$DIST/polltally-$VERSION-windows-x86_64.zip
  rm -f "$setup" "$zip"
  makensis -V2 -DVERSION="$VERSION" -DSTAGE="$stage" -DOUTFILE="$setup" \
    packaging/windows/polltally.nsi
  (cd "$DIST/windows" && zip -q -r -X "$zip" polltally)
  record_size "$out/polltally.exe"
  record_size "$out/polltallyw.exe"
  record_size "$setup"
  record_size "$zip"
  echo "build.sh: Windows build, installer and zip in $((SECONDS - start)) s"
}

case $WHAT in
  all) build_linux; build_windows ;;
  linux) build_linux ;;
  windows) build_windows ;;
  *) fail "usage: build.sh [all|linux|windows]" ;;
esac

echo "build.sh: polltally $VERSION, artefacts:"
printf '  %s\n' "${sizes[@]}"
