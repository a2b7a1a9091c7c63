#!/bin/sh
# Power-loss trials of polltally on LazyFS (run by hand, not in CI).
#
# Usage: tests/power-loss/run.sh --lazyfs PATH [--polltally PATH] [--trials N]
#            [--control-trials N] [--seed S] [--work DIR] [--retries N] [--keep]
#
# Each trial creates a count record on a LazyFS mount, feeds `polltally rule
# --stdin` random party numbers, SIGKILLs it at a random moment, drops every
# byte LazyFS holds that was not fsynced (`lazyfs::clear-cache`), remounts,
# and checks that every acknowledged seq is in the record with the party
# sent, both with its -wal and for the .polltally file alone, that `polltally
# verify` says the chain is intact, and that counting resumes. The control
# trials do the same with a writer that is not durable, to show that the
# instrument sees a loss. See tests/power-loss/README.md.
#
# Exit 0: no acknowledged entry lost and the controls lost some; 1: a loss
# (or a failed verify or resume) in the polltally trials, or controls that
# lost nothing; 2: a trial could not be carried out.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
polltally=${POLLTALLY:-$repo/target/release/polltally}
lazyfs=${LAZYFS:-}
work=
pass=
while [ $# -gt 0 ]; do
    case $1 in
        --lazyfs) lazyfs=$2; shift 2 ;;
        --polltally) polltally=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --trials|--control-trials|--seed|--min-delay|--max-delay|--retries) pass="$pass $1 $2"; shift 2 ;;
        --keep) pass="$pass --keep"; shift ;;
        -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

if [ -z "$lazyfs" ] || [ ! -x "$lazyfs" ]; then
    echo "run.sh: give the LazyFS binary with --lazyfs (build it with tests/power-loss/build-lazyfs.sh)" >&2
    exit 2
fi
if [ ! -x "$polltally" ]; then
    echo "run.sh: no polltally binary at $polltally (cargo build --release, or --polltally PATH)" >&2
    exit 2
fi
if [ ! -e /dev/fuse ] || ! command -v fusermount3 >/dev/null; then
    echo "run.sh: needs /dev/fuse and fusermount3 (Debian: apt-get install fuse3)" >&2
    exit 2
fi
command -v python3 >/dev/null || { echo "run.sh: needs python3" >&2; exit 2; }

if [ -z "$work" ]; then
    work=$(mktemp -d "${TMPDIR:-/tmp}/polltally-power-loss.XXXXXX")
fi
mkdir -p "$work"

# shellcheck disable=SC2086 # $pass is a list of options
exec nice -n 5 python3 "$here/trials.py" --polltally "$polltally" --lazyfs "$lazyfs" \
    --station "$repo/tests/fixtures/station-small.json" --work "$work" $pass
