#!/usr/bin/env bash
# Renders the polltally icon (assets/icon/polltally.svg, drawn by hand) to
# the PNGs the Debian package and the window use, and to polltally.ico for
# the Windows .exe and installer. The results are committed; run this after
# changing the SVG. Needs: apt-get install -y librsvg2-bin imagemagick
set -euo pipefail
cd "$(dirname "$0")/../assets/icon"
sizes=(16 24 32 48 64 128 256)
for s in "${sizes[@]}"; do
  rsvg-convert -w "$s" -h "$s" polltally.svg -o "polltally-$s.png"
done
pngs=()
for s in "${sizes[@]}"; do pngs+=("polltally-$s.png"); done
convert "${pngs[@]}" polltally.ico
echo "icons.sh: ${pngs[*]} polltally.ico"
