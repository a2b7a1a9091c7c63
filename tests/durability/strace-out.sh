#!/bin/sh
# Shows, with strace, that `polltally export` makes its output durable
# before it says so: the temporary file is created exclusively (O_CREAT |
# O_EXCL) beside the output, fsynced, renamed into place without replacing
# anything (renameat2 RENAME_NOREPLACE), and then the directory is fsynced.
# Run by hand (not in CI; it needs strace):
#
#   cargo build && tests/durability/strace-out.sh [path/to/polltally]
#
# Exit 0 when the order holds, 1 when it does not; the trace is printed.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-${CARGO_TARGET_DIR:-$root/target}/debug/polltally}
command -v strace >/dev/null || { echo "strace is not installed (apt-get install strace)"; exit 2; }
[ -x "$bin" ] || { echo "no polltally binary at $bin (cargo build)"; exit 2; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp "$root/tests/fixtures/station-small.json" "$dir/station.json"
rec="$dir/count.polltally"
"$bin" new --station "$dir/station.json" --record "$rec" >/dev/null 2>&1
"$bin" figures --record "$rec" --received 500 --unused 498 --spoiled 0 \
    --voters-marked 2 --supplementary 0 --temporary-id 0 --in-box 2 >/dev/null 2>&1
printf '1\n2\n' | "$bin" rule --record "$rec" --stdin >/dev/null 2>&1
"$bin" present --record "$rec" --name "Chan Sophea" --role chief >/dev/null 2>&1
"$bin" seal --record "$rec" --signed "Chan Sophea:chief" >/dev/null 2>&1

out="$dir/results.json"
trace="$dir/trace"
strace -f -o "$trace" -e trace=openat,fsync,fdatasync,rename,renameat,renameat2,link,linkat,unlink,unlinkat \
    "$bin" export --record "$rec" --out "$out" >/dev/null

# Each step's line number in the trace; fsync lines name their descriptor.
temp_open=$(grep -n -E 'openat\(.*results\.json\.[0-9]+-[0-9]+\.part".*O_CREAT.*O_EXCL' "$trace" | head -1)
[ -n "$temp_open" ] || { echo "FAIL: no exclusive openat of a temporary results.json.PID-N.part"; exit 1; }
temp_fd=$(echo "$temp_open" | sed -E 's/.*= ([0-9]+)$/\1/')
temp_line=${temp_open%%:*}
sync_file=$(awk -v from="$temp_line" -v fd="$temp_fd" 'NR > from && $0 ~ "fsync\\(" fd "\\)" { print NR; exit }' "$trace")
rename=$(grep -n -E 'rename.*results\.json\.[0-9]+-[0-9]+\.part".*results\.json"' "$trace" | head -1 | cut -d: -f1)
dir_open=$(awk -v from="${rename:-0}" -v d="openat(AT_FDCWD, \"$dir\"," 'NR > from && index($0, d) { print NR; exit }' "$trace")
dir_fd=$(sed -n "${dir_open:-1}p" "$trace" | sed -E 's/.*= ([0-9]+)$/\1/')
sync_dir=$(awk -v from="${dir_open:-0}" -v fd="$dir_fd" 'NR > from && $0 ~ "fsync\\(" fd "\\)" { print NR; exit }' "$trace")

# The trace from the temporary file's creation to the directory's fsync.
sed -n "${temp_line},${sync_dir:-\$}p" "$trace"
echo "temporary file opened O_EXCL: line $temp_line (fd $temp_fd)"
echo "temporary file fsynced:       line ${sync_file:-none}"
echo "renamed into place:           line ${rename:-none}"
echo "directory opened:             line ${dir_open:-none} (fd $dir_fd)"
echo "directory fsynced:            line ${sync_dir:-none}"
if [ -n "$sync_file" ] && [ -n "$rename" ] && [ -n "$sync_dir" ] \
    && [ "$temp_line" -lt "$sync_file" ] && [ "$sync_file" -lt "$rename" ] \
    && [ -n "$dir_open" ] && [ "$rename" -lt "$dir_open" ] && [ "$dir_open" -lt "$sync_dir" ]; then
    if ls "$dir" | grep -q '\.part$'; then echo "FAIL: a temporary file was left behind"; exit 1; fi
    echo "ok: exclusive create, fsync, rename, directory fsync, in that order"
else
    echo "FAIL: the order does not hold"
    exit 1
fi
