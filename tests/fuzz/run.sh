#!/usr/bin/env bash
# The fuzz targets of polltally's parsers of outside bytes (cargo-fuzz on
# nightly Rust).
#   tests/fuzz/run.sh        replays every committed corpus once
#   tests/fuzz/run.sh N      then runs each target for N executions
#   tests/fuzz/run.sh N T..  only the targets T
#   tests/fuzz/run.sh min    merges what the runs found into the committed
#                            corpora, one input per new edge covered
# Exits non-zero when any input makes a target panic, crash or hang
# (the input is kept under tests/fuzz/artifacts/TARGET/).
set -uo pipefail
shopt -s nullglob
here="$(cd "$(dirname "$0")" && pwd)"
runs="${1:-0}"
shift || true
minimise=false
if [ "$runs" = min ]; then
  minimise=true
  runs=0
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(station_file results_file commune_file rule_lines record_open)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz || exit 2
fi
# Panics are what the targets look for; the parsers are safe Rust, so no
# sanitizer (it would only slow the runs down).
fuzz=(cargo +nightly fuzz)
common=(--fuzz-dir "$here" --sanitizer none)
"${fuzz[@]}" build "${common[@]}" || exit 2

options() {
  case "$1" in
    record_open) echo "-max_len=65536 -dict=$here/json.dict" ;;
    rule_lines) echo "-max_len=4096 -dict=$here/rule.dict" ;;
    *) echo "-max_len=16384 -dict=$here/json.dict" ;;
  esac
}

failed=()
for target in "${targets[@]}"; do
  corpus="$here/corpus/$target"
  if $minimise; then
    merged="$here/target/merged/$target"
    rm -rf "$merged" && mkdir -p "$merged"
    # shellcheck disable=SC2046
    "$here/target/x86_64-unknown-linux-gnu/release/$target" -merge=1 -use_counters=0 \
      $(options "$target" | cut -d' ' -f1) "$merged" "$corpus" "$here"/target/corpus/"$target"* \
      || { failed+=("$target (merge)"); continue; }
    rm -rf "$corpus" && mv "$merged" "$corpus"
    echo "== $target: $(find "$corpus" -type f | wc -l) inputs"
    continue
  fi
  mkdir -p "$corpus" "$here/artifacts/$target"
  # shellcheck disable=SC2046
  flags=($(options "$target") -timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
  echo "== $target: replaying $(find "$corpus" -type f | wc -l) inputs"
  if ! "${fuzz[@]}" run "${common[@]}" "$target" "$corpus" -- "${flags[@]}" -runs=0; then
    failed+=("$target (corpus)")
    continue
  fi
  if [ "$runs" -gt 0 ]; then
    # New inputs go to a scratch corpus; the committed one is only read.
    scratch="$here/target/corpus/$target"
    mkdir -p "$scratch"
    echo "== $target: $runs executions"
    if ! "${fuzz[@]}" run "${common[@]}" "$target" "$scratch" "$corpus" -- \
      "${flags[@]}" -runs="$runs" -report_slow_units=1; then
      failed+=("$target")
    fi
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "all targets passed"
