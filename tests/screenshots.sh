#!/usr/bin/env bash
# Starts the app under Xvfb on a practice count with some rulings and saves a
# screenshot of each screen. For looking at the app; CI does not run it.
#
#   tests/screenshots.sh [OUT_DIR]      (default: assets/screenshots)
#
# Needs: apt-get install -y xvfb xauth imagemagick libgl1-mesa-dri poppler-utils
# The times shown are the clock's: for election-night times, run it as
#   faketime -f "@2027-06-06 13:00:00" tests/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-assets/screenshots}"
mkdir -p "$out"
cargo build --release --quiet
bin="$PWD/target/release/polltally"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export POLLTALLY_DATA_DIR="$work/data"
record="$work/practice.polltally"

"$bin" new --station assets/sample-station.json --record "$record" >/dev/null
"$bin" present --record "$record" --name "Chan Sophea" --role chief >/dev/null
"$bin" present --record "$record" --name "Keo Rith" --role party_agent --party 3 >/dev/null
"$bin" present --record "$record" --name "Ly Navy" --role observer --organisation "NICFEC" >/dev/null
"$bin" figures --record "$record" --received 700 --unused 96 --spoiled 4 \
    --voters-marked 588 --supplementary 10 --temporary-id 3 --in-box 598 >/dev/null
# A few dozen rulings, some invalid, one disputed, one voided.
{
    for i in $(seq 1 40); do
        case $((i % 10)) in
            3) echo "I2" ;;
            7) echo "$(( (i % 12) + 1 )) V3" ;;
            *) echo "$(( (i * 7 % 12) + 1 ))" ;;
        esac
    done
    echo "4 dispute=3"
    echo "I3"
} | "$bin" rule --record "$record" --stdin >/dev/null
"$bin" void --record "$record" --seq 20 --reason "keyed in error" >/dev/null
"$bin" explain --record "$record" --check issued_vs_voted --text "two voters left with their ballots" >/dev/null
for party in 1 2 3; do
    "$bin" pile --record "$record" --party "$party" --count 4 >/dev/null
done
# The observer is sent away and complains of it; the agent complains about
# a ballot.
"$bin" depart --record "$record" --seq 4 --reason "asked to leave by the station chief" >/dev/null
"$bin" complaint --record "$record" --by 4 --text "I was asked to leave before the count ended" >/dev/null
"$bin" complaint --record "$record" --by 3 --ballot 4 --text "ballot 4 was not shown to the agents" >/dev/null

shot() { # SCREEN NAME [LANG] [RECORD]
    xvfb-run -a -s "-screen 0 1366x768x24" bash -c "
        '$bin' open --record '${4:-$record}' --screen $1 --lang ${3:-en} &
        app=\$!
        sleep 4
        import -window root '$out/$2.png'
        kill \$app
    "
    echo "$out/$2.png"
}

for screen in station reconciliation counting cross-check results; do
    shot "$screen" "$screen"
done
shot counting counting-km km

# Seal the count, then the sealed results screen and the posted form (copy B).
"$bin" explain --record "$record" --check box_vs_rulings \
    --text "the other ballots are ruled in the next practice session" >/dev/null
for check in box_vs_issued cross_check:1 cross_check:2; do
    "$bin" explain --record "$record" --check "$check" --text "practice figures" >/dev/null
done
"$bin" seal --record "$record" --signed "Chan Sophea:chief" \
    --refused "Keo Rith:party_agent:the blank ballots were not shown to the agents" >/dev/null
shot results sealed
shot recount recount-start
shot tabulation tabulation km
"$bin" pdf --record "$record" --out "$work/form-B.pdf" --copy B >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/form-B.pdf" "$out/form-B"
echo "$out/form-B.png"
# Its second page: who was present, who left and why, the complaints.
pdftoppm -png -r 80 -f 2 -l 2 -singlefile "$work/form-B.pdf" "$out/form-B-2"
echo "$out/form-B-2.png"
# The votes table at print resolution, in Khmer numerals, to compare by eye
# with a reference shaping engine (pango-view, from pango1.0-tools).
"$bin" pdf --record "$record" --out "$work/form-B-km.pdf" --copy B --numerals khmer >/dev/null
pdftoppm -png -r 150 -f 1 -l 1 -singlefile "$work/form-B-km.pdf" "$work/form-B-km"
convert "$work/form-B-km.png" -crop 1240x520+0+375 +repage "$out/form-B-khmer.png"
echo "$out/form-B-khmer.png"
if command -v pango-view >/dev/null; then
    fc-list | grep -q "Noto Sans Khmer" || echo "note: install assets/fonts/NotoSansKhmer-Regular.ttf for fontconfig first"
    pango-view --font="Noto Sans Khmer 20" --dpi=100 -q -o "$out/pango-reference.png" --text="$(printf \
        'គណបក្សទឹកស្អាត\nគណបក្សប្រជាធិបតេយ្យភូមិ\nគណបក្សយុត្តិធម៌ និងអភិវឌ្ឍន៍\nសាលាបឋមសិក្សាបឹងឈូក បន្ទប់ទី២')"
    echo "$out/pango-reference.png"
fi

# A review recount of the sealed count: half the ballots under review ruled
# again (the invalid ones found valid for party 2), then all, sealed and
# compared; and the commune results of this station with its recount.
review="$work/review.polltally"
under=$("$bin" recount --record "$record" --authority "Provincial Election Commission" \
    --reason "complaint of party 2 about invalid ballots" --mode review --out "$review" \
    | sed -n 's/^ballots under review (original seq): //p')
set -- $under
half=$(( ($# + 1) / 2 ))
i=0
for seq in $under; do
    i=$((i + 1))
    [ "$i" -gt "$half" ] && break
    "$bin" rule --record "$review" --review-of "$seq" --party 2 --criterion V3 >/dev/null
done
shot recount review en "$review"
i=0
for seq in $under; do
    i=$((i + 1))
    [ "$i" -le "$half" ] && continue
    "$bin" rule --record "$review" --review-of "$seq" --invalid I2 >/dev/null
done
for check in issued_vs_voted box_vs_issued box_vs_rulings; do
    "$bin" explain --record "$review" --check "$check" --text "practice figures" >/dev/null
done
"$bin" present --record "$review" --name "Chan Sophea" --role chief >/dev/null
"$bin" seal --record "$review" --signed "Chan Sophea:chief" >/dev/null
shot recount comparison-screen en "$review"
"$bin" compare --original "$record" --recount "$review" --pdf "$work/comparison.pdf" >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/comparison.pdf" "$out/comparison-form"
echo "$out/comparison-form.png"
"$bin" export --record "$record" --out "$work/first.json" >/dev/null
"$bin" export --record "$review" --out "$work/review.json" >/dev/null
"$bin" tabulate --out "$work/commune.json" --pdf "$work/commune.pdf" "$work/first.json" "$work/review.json" >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/commune.pdf" "$out/commune-form"
echo "$out/commune-form.png"

# A training round of the practice station: three members rule 20 practice
# ballots (the second and third differ from the first on some), then the
# Training screen between members and the trainer's report.
training="$work/training.polltally"
"$bin" train deck --station assets/sample-station.json --record "$training" \
    --cards 20 --seed 42 --trainer "Chea Sophal" >/dev/null
answers="I3 8 11 3 10 I6 I5 I4 I1 8 10 7 12 8 I2 3 7 I5 3 I4"
printf '%s\n' $answers | "$bin" train answers --record "$training" --member "Sok Dara" >/dev/null
printf '%s\n' $answers | sed 's/^I3$/1/; s/^8$/8 V3/' \
    | "$bin" train answers --record "$training" --member "Dara Chan" >/dev/null
printf '%s\n' $answers | sed 's/^I4$/4 V4/' \
    | "$bin" train answers --record "$training" --member "Vanna Keo" >/dev/null
shot training training en "$training"
"$bin" train report --record "$training" --out "$work/training.pdf" >/dev/null
pdftoppm -png -r 80 -f 1 -l 2 "$work/training.pdf" "$work/training-report"
convert "$work/training-report-1.png" "$work/training-report-2.png" +append "$out/training-report.png"
echo "$out/training-report.png"
