# A whole count through the command line, shared by test-deb.sh and
# test-windows.sh. Source it, then call
#   whole_count DIR
# with two functions defined by the caller:
#   pt ARGS...   runs the polltally under test (exit status kept)
#   path FILE    the path of FILE as that polltally reads it
# It makes DIR/count.polltally from the sample station (a practice count),
# records the figures, rules 40 ballots through `rule --stdin` (valid,
# invalid, a dispute), the piles, the people present, seals, exports the
# results file and makes the PDFs of copy B with its annex and copy A, each
# checked for its exit status.

whole_count() {
  local dir=$1
  local station rec
  station=$(path "$ROOT/assets/sample-station.json")
  rec=$(path "$dir/count.polltally")
  pt new --station "$station" --record "$rec"
  # 700 ballots in the books; 40 issued and in the box.
  pt figures --record "$rec" --received 700
  pt figures --record "$rec" --unused 658
  pt figures --record "$rec" --spoiled 2
  pt figures --record "$rec" --voters-marked 38
  pt figures --record "$rec" --supplementary 2
  pt figures --record "$rec" --temporary-id 1
  pt figures --record "$rec" --in-box 40
  # 12 for party 1, 10 for party 3 (one beside the box), 8 for party 12,
  # 6 for party 5, 4 invalid (two blank, one unclear, one disputed).
  {
    for _ in $(seq 12); do echo 1; done
    for _ in $(seq 9); do echo 3; done
    echo "3 V3"
    for _ in $(seq 8); do echo 12; done
    for _ in $(seq 6); do echo 5; done
    echo I2
    echo I2
    echo I4
    echo "I3 dispute=5"
  } | pt rule --record "$rec" --stdin
  pt pile --record "$rec" --party 1 --count 12
  pt pile --record "$rec" --party 3 --count 10
  pt pile --record "$rec" --party 5 --count 6
  pt pile --record "$rec" --party 12 --count 8
  pt present --record "$rec" --name "Chan Sophea" --role chief
  pt present --record "$rec" --name "Sok Dara" --role secretary
  pt present --record "$rec" --name "Keo Rith" --role party_agent --party 3
  pt seal --record "$rec" --signed "Chan Sophea:chief" --signed "Sok Dara:secretary" \
    --signed "Keo Rith:party_agent"
  pt export --record "$rec" --out "$(path "$dir/results.json")"
  pt pdf --record "$rec" --copy B --annex --out "$(path "$dir/copy-B-annex.pdf")"
  pt pdf --record "$rec" --copy A --out "$(path "$dir/copy-A.pdf")"
  pt verify --record "$rec"
  pt verify --results "$(path "$dir/results.json")" --record "$rec"
}
