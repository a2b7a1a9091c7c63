#!/usr/bin/env bash
# Makes the seed documents of the fuzz corpora from the fixtures with the
# polltally binary: station files, results files, commune files, rule lines
# and small count records (open, ruled, sealed, recounted).
#   tests/fuzz/make_seeds.sh [POLLTALLY_BINARY] [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pt="${1:-$root/target/debug/polltally}"
out="${2:-$here/seeds}"
fixtures="$root/tests/fixtures"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"/{station_file,results_file,commune_file,rule_lines,record_open}

# Station files: the fixtures, the sample, and variations of the small one.
cp "$root/assets/sample-station.json" "$out/station_file/sample-station.json"
cp "$fixtures/station-small.json" "$out/station_file/station-small.json"
small="$fixtures/station-small.json"
python3 - "$small" "$out/station_file" <<'PY'
import json, sys
src, out = sys.argv[1], sys.argv[2]
base = json.load(open(src, encoding="utf-8"))
def write(name, doc, pretty=True):
    with open(f"{out}/{name}", "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2 if pretty else None)
v = dict(base); v["time_zone"] = "Asia/Phnom_Penh"; v["practice"] = True
write("small-zone.json", v, pretty=False)
v = dict(base); v["numerals"] = "khmer"; v["required_signers"] = ["chief", "secretary"]
write("small-signers.json", v)
v = dict(base); v["commune_stations"] = ["0101-01-0001", "0101-01-0002"]
write("small-commune.json", v)
v = dict(base); v["criteria"] = [
    {"code": "V1", "valid": True, "title": {"en": "Tick", "km": "សញ្ញា"}, "rule": {"en": "A tick."},
     "example": {"en": "A tick in box 3."}},
    {"code": "I1", "valid": False, "title": {"en": "Blank"}, "rule": {"en": "No mark."}}]
write("small-criteria.json", v)
PY

# Records, results files and commune files.
rule() { printf '%s\n' "$@" | "$pt" rule --record "$rec" --stdin >/dev/null; }
figures() { "$pt" figures --record "$rec" --received 500 --unused $((500 - $1)) --spoiled 0 \
  --voters-marked "$1" --supplementary 0 --temporary-id 0 --in-box "$1" >/dev/null; }
seal() {
  "$pt" present --record "$rec" --name "Chan Sophea" --role chief >/dev/null
  "$pt" seal --record "$rec" --signed "Chan Sophea:chief" >/dev/null 2>&1
}
rec="$work/new.polltally"
"$pt" new --station "$small" --record "$rec" >/dev/null
cp "$rec" "$out/record_open/new.polltally"

rec="$work/ruled.polltally"
"$pt" new --station "$small" --record "$rec" >/dev/null
figures 4
rule 1 "2 dispute=1" I2 "3"
"$pt" present --record "$rec" --name "Sok Dara" --role party_agent --party 1 >/dev/null
"$pt" void --record "$rec" --seq 4 --reason "wrong pile" >/dev/null || true
cp "$rec" "$out/record_open/ruled.polltally"

for code in 0001 0002; do
  st="$work/station-$code.json"
  python3 - "$small" "$st" "0101-01-$code" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
doc["station"]["code"] = sys.argv[3]
doc["commune_stations"] = ["0101-01-0001", "0101-01-0002"]
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
  rec="$work/sealed-$code.polltally"
  "$pt" new --station "$st" --record "$rec" >/dev/null
  figures 6
  rule 1 1 2 "3 dispute=2" 4 I1
  "$pt" pile --record "$rec" --party 1 --count 2 >/dev/null
  seal
  "$pt" export --record "$rec" --out "$work/results-$code.json" >/dev/null
  cp "$rec" "$out/record_open/sealed-$code.polltally"
  cp "$work/results-$code.json" "$out/results_file/results-$code.json"
done
cp "$fixtures/sealed-written-roles.json" "$fixtures/photo-20-parties.json" "$out/results_file/"
cp "$fixtures/sealed-written-roles.polltally" "$out/record_open/"
"$pt" tabulate --out "$out/commune_file/commune-two.json" \
  "$work/results-0001.json" "$work/results-0002.json" >/dev/null
"$pt" tabulate --out "$out/commune_file/commune-stations.json" --stations "$work/station-0001.json" \
  --stations "$work/station-0002.json" "$work/results-0001.json" "$work/results-0002.json" >/dev/null
"$pt" tabulate --out "$out/commune_file/commune-one.json" --stations "$work/station-0001.json" \
  --stations "$work/station-0002.json" "$work/results-0001.json" >/dev/null

rec="$work/recount.polltally"
"$pt" recount --record "$work/sealed-0001.polltally" --authority "Provincial Election Commission" \
  --reason complaint --mode full --out "$rec" >/dev/null
cp "$rec" "$out/record_open/recount-open.polltally"
figures 6
rule 1 1 2 3 4 I1
seal
"$pt" export --record "$rec" --out "$out/results_file/recount.json" >/dev/null
cp "$rec" "$out/record_open/recount-sealed.polltally"
"$pt" tabulate --out "$out/commune_file/commune-recount.json" \
  "$work/results-0001.json" "$work/results-0002.json" "$out/results_file/recount.json" >/dev/null || true
rec="$work/review.polltally"
"$pt" recount --record "$work/sealed-0002.polltally" --authority "Provincial Election Commission" \
  --reason complaint --mode review --out "$rec" >/dev/null
cp "$rec" "$out/record_open/review-open.polltally"

rec="$work/criteria.polltally"
"$pt" new --station "$out/station_file/small-criteria.json" --record "$rec" >/dev/null
figures 3
rule "1 V1" I1 "2 dispute=1,3"
seal
cp "$rec" "$out/record_open/criteria-sealed.polltally"
"$pt" export --record "$rec" --out "$out/results_file/criteria.json" >/dev/null

# Lines of `rule --stdin`.
printf '3\n3 V3\nI2\n1 dispute=2,3\n\n  4   \n' >"$out/rule_lines/lines.txt"
printf '12 V1 dispute=1\nI9\n-1\n+2\n99999999999\ndispute=1\n1 2 3\n' >"$out/rule_lines/odd.txt"
printf '1\r\n2\r\n\xff\xfe\n3\n' >"$out/rule_lines/crlf-not-utf8.txt"
echo "seeds in $out"
