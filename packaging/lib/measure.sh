# Cold start and memory of an installed polltally, shared by test-deb.sh.
# Source it; needs ROOT, and a function `pt` that runs the polltally under
# test. All run under one Xvfb display (DISPLAY set by the caller).

# Makes a count record of 10,000 rulings at $1 with `rule --stdin`: the
# sample station, rulings cycling over the 12 parties with an invalid
# ballot (I2, I3, I4 in turn) every 20th.
big_count() {
  local rec=$1
  pt new --station "$(path "$ROOT/assets/sample-station.json")" --record "$(path "$rec")" >/dev/null
  awk 'BEGIN { for (i = 1; i <= 10000; i++) {
           if (i % 20 == 0) print "I" (2 + (i / 20) % 3); else print 1 + i % 12 } }' \
    | pt rule --record "$(path "$rec")" --stdin >/dev/null
}

# Runs the window on record $1 with POLLTALLY_EXIT_AFTER_FIRST_FRAME set,
# $2 times; prints for each run the app's own time to its first frame shown
# (from the start of the window's code) and the wall time from launch to the
# process's exit (which adds loading the binary, closing the window and
# exiting).
first_frames() {
  local rec=$1 runs=$2 i t0 t1 said
  for i in $(seq "$runs"); do
    t0=$(date +%s%N)
    said=$(POLLTALLY_EXIT_AFTER_FIRST_FRAME=1 pt open --record "$(path "$rec")" --screen counting 2>&1 >/dev/null \
      | grep -o 'first frame shown after [0-9]* ms' || true)
    t1=$(date +%s%N)
    echo "  run $i: ${said:-no first frame reported}; launch to exit $(( (t1 - t0) / 1000000 )) ms"
  done
}

# Opens the window on record $1 at the counting screen, waits $2 seconds,
# and prints the process's resident memory then (VmRSS) and at its peak
# (VmHWM).
memory() {
  local rec=$1 wait=$2 job pid
  pt open --record "$(path "$rec")" --screen counting >/dev/null 2>&1 &
  job=$!
  sleep "$wait"
  # `pt` is a function: the job is a subshell, polltally its child.
  pid=$(pgrep -n -P "$job" polltally || echo "$job")
  echo "  after ${wait} s on the counting screen (pid $pid, $(cat "/proc/$pid/comm")):" \
    "$(grep -E 'VmRSS|VmHWM' "/proc/$pid/status" | tr -s ' \t' ' ' | paste -sd ';')"
  kill "$pid" 2>/dev/null || true
  wait "$job" 2>/dev/null || true
}
