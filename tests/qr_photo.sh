#!/usr/bin/env bash
# Simulated phone photos of posted results forms: does the QR code still
# read? Makes its own forms (the practice station of assets/; and a
# 20-party station whose every party has three-digit votes, with 3 invalid
# ballots and with 120, the longest payload a 20-party form carries in
# practice: QR version 6 and 7), renders copies A, B and C,
# degrades each page as a phone at arm's length would, and tries to read
# the code with zbarimg and with `polltally verify --qr`.
#
# The photo: the page rendered at 150 dpi (pdftoppm), scaled to the
# strength's resolution (150, 100 or 75 dpi), rotated 4 degrees, blurred
# 0x1.5, Gaussian noise, contrast squeezed to 15-85% (+level), and a
# perspective distortion (the top edge 4% narrower, as a phone tilted back).
# The noise is seeded, so that a run gives the same photos.
#
#   tests/qr_photo.sh [OUT_DIR]     (the photos are kept in OUT_DIR)
#   QR_PHOTO_SEED=7 tests/qr_photo.sh   (other noise; the default seed is 1)
#
# Needs ImageMagick (convert), zbarimg and pdftoppm:
#   apt-get install -y imagemagick zbar-tools poppler-utils
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
seed=${QR_PHOTO_SEED:-1}
work=${1:-$(mktemp -d)}
mkdir -p "$work"

missing=()
command -v convert >/dev/null || missing+=(imagemagick)
command -v zbarimg >/dev/null || missing+=(zbar-tools)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && apt-get install -y "${missing[@]}" >/dev/null
    else
        echo "install first: ${missing[*]}" >&2
        exit 2
    fi
fi

(cd "$repo" && cargo build --quiet --bin polltally)
# A copy of its own, so that another build cannot change it under the run.
bin=$work/polltally
cp "${CARGO_TARGET_DIR:-$repo/target}/debug/polltally" "$bin"
# The laptop's clock is not election night: its warnings go to a log.
pt() {
    "$bin" "$@" >/dev/null 2>>"$work/polltally.log" || {
        echo "polltally $1 failed: see $work/polltally.log" >&2
        exit 2
    }
}

# A sealed count of `station` with `ballots` ballots ruled in turn for
# each of its `parties` parties, and `invalid` invalid ones; then its
# results file and the three copies of its form.
count() {
    local name=$1 station=$2 parties=$3 ballots=$4 invalid=$5 books=$6
    local dir=$work/$name
    rm -rf "$dir" && mkdir -p "$dir"
    local rec=$dir/count.polltally
    pt new --station "$station" --record "$rec"
    {
        for i in $(seq 1 "$ballots"); do echo $(((i - 1) % parties + 1)); done
        for i in $(seq 1 "$invalid"); do echo I1; done
    } | pt rule --record "$rec" --stdin
    local box=$((ballots + invalid))
    pt figures --record "$rec" --received "$books" --unused $((books - box - 2)) \
        --spoiled 2 --voters-marked "$box" --supplementary 0 --temporary-id 0 --in-box "$box"
    pt present --record "$rec" --name "Chan Sophea" --role chief
    pt present --record "$rec" --name "Sok Dara" --role secretary
    pt seal --record "$rec" --signed "Chan Sophea:chief" --signed "Sok Dara:secretary"
    pt export --record "$rec" --out "$dir/results.json"
    for copy in A B C; do
        pt pdf --record "$rec" --copy "$copy" --out "$dir/form-$copy.pdf"
    done
}

# The 20-party station: the practice station's file with 20 parties and
# ballot books for 2,500 ballots.
station20=$work/station-20.json
{
    sed -n '1,/"registered_voters"/p' "$repo/assets/sample-station.json" |
        sed 's/"registered_voters": [0-9]*/"registered_voters": 2400/; s/"1804-03-0127"/"1804-03-0220"/'
    echo '  "parties": ['
    for p in $(seq 1 20); do
        sep=$([ "$p" = 20 ] && echo "" || echo ",")
        echo "    { \"number\": $p, \"abbreviation\": \"P$p\", \"name\": { \"en\": \"Party number $p of the commune\", \"km\": \"គណបក្សលេខ $p\" } }$sep"
    done
    echo '  ],'
    echo '  "ballot_books": ['
    for b in $(seq 1 25); do
        sep=$([ "$b" = 25 ] && echo "" || echo ",")
        echo "    { \"book\": \"B-$b\", \"first_serial\": $((b * 100 - 99)), \"last_serial\": $((b * 100)) }$sep"
    done
    echo '  ],'
    sed -n '/"council_seats"/,$p' "$repo/assets/sample-station.json"
} >"$station20"

count practice-12 "$repo/assets/sample-station.json" 12 300 3 700
count parties-20 "$station20" 20 2100 3 2500
count parties-20-i "$station20" 20 2100 120 2500

# One photo of page 1 of `pdf` at `dpi`, written to `out`.
photo() {
    local pdf=$1 dpi=$2 out=$3
    local page=${out%.png}-page
    pdftoppm -r 150 -f 1 -l 1 -singlefile -png "$pdf" "$page"
    local scale=$((dpi * 100 / 150))
    convert "$page.png" -resize "$scale%" -background white -rotate 4 \
        -blur 0x1.5 -seed "$seed" +noise Gaussian +level 15%,85% "$out.tmp.png"
    local w h
    w=$(identify -format '%w' "$out.tmp.png")
    h=$(identify -format '%h' "$out.tmp.png")
    local inset=$((w * 4 / 100))
    convert "$out.tmp.png" -virtual-pixel white -distort Perspective \
        "0,0 $inset,0  $w,0 $((w - inset)),0  $w,$h $w,$h  0,$h 0,$h" "$out"
    rm -f "$out.tmp.png" "$page.png"
}

printf '%-12s %-4s %-22s %-22s %-22s\n' form copy "150 dpi" "100 dpi" "75 dpi"
printf '%-12s %-4s %-22s %-22s %-22s\n' "" "" "zbarimg  polltally" "zbarimg  polltally" "zbarimg  polltally"
failed=0
for name in practice-12 parties-20 parties-20-i; do
    dir=$work/$name
    for copy in A B C; do
        row=$(printf '%-12s %-4s' "$name" "$copy")
        for dpi in 150 100 75; do
            img=$dir/photo-$copy-$dpi.png
            photo "$dir/form-$copy.pdf" "$dpi" "$img"
            zbar=no
            if zbarimg --quiet --raw "$img" 2>/dev/null | grep -q '^polltally-qr/1 '; then
                zbar=yes
            fi
            ours=no
            if "$bin" verify --qr "$img" --results "$dir/results.json" >/dev/null 2>&1; then
                ours=yes
            fi
            if [ "$dpi" != 75 ] && { [ "$zbar" = no ] || [ "$ours" = no ]; }; then failed=1; fi
            row+=$(printf ' %-7s  %-11s' "$zbar" "$ours")
        done
        echo "$row"
    done
done
for name in practice-12 parties-20 parties-20-i; do
    payload=$(zbarimg --quiet --raw "$work/$name/photo-B-150.png" 2>/dev/null | head -1)
    echo "$name: payload of ${#payload} characters"
done
echo "photos in $work"
# The form is made for 100 dpi: a code that either reader cannot read there fails.
exit "$failed"
