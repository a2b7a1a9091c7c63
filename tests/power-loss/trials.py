#!/usr/bin/env python3
"""Power-loss trials of polltally on LazyFS; run through run.sh (see README).

One trial: a new count record on the LazyFS mount, `polltally rule --stdin`
fed random party numbers, SIGKILL at a random moment, then
`lazyfs::clear-cache` (every byte not fsynced is gone, as after a power cut),
an unmount and a fresh mount. Every seq the writer acknowledged (`created`
for seq 1, `ok <seq>` for the rulings) must then be in the record, with the
party that was sent for it, in two views:

  with -wal   the record as it lies on the mount: `polltally verify` on it,
              and its journal read from a copy of the file and its -wal;
  file alone  a copy of the .polltally file without its -wal: `polltally
              verify` on it, and its journal read.

Then counting must resume: one more `rule` gets the next seq.

The control trials run the same instrument on writers that are not durable:
a small SQLite writer (this script, `writer` mode) appends correctly
hash-chained rulings to a polltally record and says `ok <seq>` after each
commit, with PRAGMA synchronous=OFF (sync-off: nothing is synced), or with
synchronous=FULL and no checkpoint (wal-only: the -wal is synced, the file
alone is never brought up to date). The instrument must find their losses.
"""

import argparse
import hashlib
import json
import os
import random
import re
import select
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time

PARTIES = (1, 2, 3, 4)


class Failure(Exception):
    """A trial could not be carried out (not a finding about durability)."""


class LazyFS:
    """One LazyFS file system: its backing folder (the disk), its mount point
    and the two FIFOs through which it is told to drop its cache."""

    def __init__(self, binary, work):
        self.binary = binary
        self.disk = os.path.join(work, "disk")
        self.mnt = os.path.join(work, "mnt")
        self.config = os.path.join(work, "lazyfs.toml")
        self.faults = os.path.join(work, "faults.fifo")
        self.done = os.path.join(work, "done.fifo")
        self.log = os.path.join(work, "lazyfs.log")
        self.proc = None
        self.done_fd = None
        os.makedirs(self.disk, exist_ok=True)
        os.makedirs(self.mnt, exist_ok=True)
        with open(self.config, "w") as f:
            f.write(
                "[faults]\n"
                f'fifo_path="{self.faults}"\n'
                f'fifo_path_completed="{self.done}"\n'
                "[cache]\n"
                "apply_eviction=false\n"
                "[cache.simple]\n"
                'custom_size="128mb"\n'
                "blocks_per_page=1\n"
                "[filesystem]\n"
                "log_all_operations=false\n"
                'logfile=""\n'
            )

    def mount(self):
        log = open(self.log, "ab")
        self.proc = subprocess.Popen(
            [self.binary, self.mnt, "--config-path", self.config,
             "-o", "modules=subdir", "-o", f"subdir={self.disk}", "-f"],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        deadline = time.monotonic() + 30
        while not (os.path.ismount(self.mnt) and os.path.exists(self.done)):
            if self.proc.poll() is not None:
                raise Failure(f"lazyfs exited with {self.proc.returncode}; see {self.log}")
            if time.monotonic() > deadline:
                raise Failure(f"lazyfs did not mount {self.mnt}; see {self.log}")
            time.sleep(0.02)
        # LazyFS opens the notifier FIFO for writing once a reader is there;
        # it is kept open for the whole mount.
        self.done_fd = os.open(self.done, os.O_RDONLY | os.O_NONBLOCK)

    def clear_cache(self):
        """Drop every byte LazyFS holds that was not fsynced, and wait until
        it says it is done."""
        fd = os.open(self.faults, os.O_WRONLY)
        try:
            os.write(fd, b"lazyfs::clear-cache\n")
        finally:
            os.close(fd)
        got = b""
        deadline = time.monotonic() + 60
        while b"finished::clear-cache\n" not in got:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Failure(f"lazyfs did not confirm clear-cache; see {self.log}")
            ready, _, _ = select.select([self.done_fd], [], [], min(left, 0.1))
            if ready:
                got += os.read(self.done_fd, 4096)

    def unmount(self):
        if self.done_fd is not None:
            os.close(self.done_fd)
            self.done_fd = None
        if self.proc is None:
            return
        subprocess.run(["fusermount3", "-u", self.mnt], check=False)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            subprocess.run(["fusermount3", "-uz", self.mnt], check=False)
            self.proc.kill()
            self.proc.wait()
        self.proc = None


def read_journal(folder, name):
    """seq -> canonical JSON of the journal of folder/name (a scratch copy,
    which SQLite may change). Returns (journal, error)."""
    try:
        con = sqlite3.connect(os.path.join(folder, name))
        try:
            rows = con.execute("SELECT seq, canonical FROM journal").fetchall()
        finally:
            con.close()
    except sqlite3.Error as e:
        return {}, str(e)
    journal = {}
    for seq, canonical in rows:
        try:
            journal[seq] = json.loads(canonical)
        except (ValueError, TypeError):
            journal[seq] = None
    return journal, None


def polltally_verify(polltally, record):
    """(exit code, number of entries it reports or None, its output)."""
    r = subprocess.run([polltally, "verify", "--record", record],
                       capture_output=True, text=True)
    m = re.search(r"chain intact, (\d+) entries", r.stdout)
    return r.returncode, int(m.group(1)) if m else None, (r.stdout + r.stderr).strip()


def lost_in(journal, acked, sent):
    """Acknowledged seqs that the journal lacks or holds with another party."""
    lost = []
    for seq in acked:
        entry = journal.get(seq)
        if seq == 1:
            ok = entry is not None and entry.get("event", {}).get("type") == "opened"
        else:
            ok = (entry is not None
                  and entry.get("seq") == seq
                  and entry.get("event", {}).get("type") == "ruling"
                  and entry["event"].get("verdict", {}).get("party") == sent[seq - 2])
        if not ok:
            lost.append(seq)
    return lost


def run_writer(cmd, rng, kill_after):
    """Feed random party numbers to cmd, SIGKILL it kill_after seconds after
    its first acknowledgement.
    Returns (parties sent in order, acknowledged seqs in order, exit status,
    lines on stderr)."""
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    sent, acks, errors = [], [], []
    feed_rng = random.Random(rng.random())

    def feed():
        try:
            while True:
                party = feed_rng.choice(PARTIES)
                sent.append(party)
                proc.stdin.write(f"{party}\n".encode())
                proc.stdin.flush()
        except (BrokenPipeError, ValueError, OSError):
            pass

    def read():
        for line in proc.stdout:
            acks.append(line.decode(errors="replace").rstrip("\n"))

    def read_err():
        for line in proc.stderr:
            errors.append(line.decode(errors="replace").rstrip("\n"))

    threads = [threading.Thread(target=f, daemon=True) for f in (feed, read, read_err)]
    for t in threads:
        t.start()
    # The moment of the kill is counted from the first acknowledgement, so
    # that a slow start (a Python writer) does not leave trials empty.
    deadline = time.monotonic() + 30
    while not acks and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for t in threads:
        t.join(timeout=10)
    try:
        proc.stdin.close()
    except OSError:
        pass
    seqs = []
    for i, line in enumerate(acks):
        m = re.fullmatch(r"ok (\d+)", line)
        if not m or int(m.group(1)) != i + 2:
            raise Failure(f"unexpected acknowledgement {line!r} (line {i + 1}); stderr: {errors[-3:]}")
        seqs.append(int(m.group(1)))
    return sent, seqs, proc.returncode, errors


def trial(args, fs, kind, n, rng):
    """One trial of kind 'polltally', 'sync-off' or 'wal-only', on a fresh
    mount."""
    # LazyFS now and then fails the first ftruncate of a file just created
    # on it (ENOENT), which SQLite reports as a disk I/O error when it opens
    # the record and creates its -shm. A trial whose writer could not start
    # is carried out again, on a fresh mount, and counted.
    retries = []
    for attempt in range(1, args.retries + 2):
        name = f"{kind}-{n}.{attempt}.polltally"
        record = os.path.join(fs.mnt, name)
        fs.mount()
        created = subprocess.run(
            [args.polltally, "new", "--station", args.station, "--record", record],
            capture_output=True, text=True)
        if created.returncode == 0 and created.stdout.startswith("created"):
            if kind == "polltally":
                cmd = [args.polltally, "rule", "--record", record, "--stdin"]
            else:
                cmd = [sys.executable, os.path.abspath(__file__), "writer", "--mode", kind, record]
            kill_after = rng.uniform(args.min_delay, args.max_delay)
            sent, seqs, status, errors = run_writer(cmd, rng, kill_after)
            if seqs or status == -signal.SIGKILL:
                break
            retries.append(f"rule: {errors[-1:]}")
        else:
            retries.append(f"new: {(created.stdout + created.stderr).strip()[-200:]}")
        fs.unmount()
        remove(fs, name)
    else:
        raise Failure(f"{kind} trial {n}: no writer started in {args.retries + 1} attempts: {retries}")
    acked = [1] + seqs

    fs.clear_cache()
    fs.unmount()
    fs.mount()

    result = {"kind": kind, "n": n, "acked": len(seqs), "kill_after": round(kill_after, 3),
              "retries": retries,
              # A writer that stopped by itself before SIGKILL (its last words
              # are kept); what it acknowledged is checked all the same.
              "ended_by_itself": None if status == -signal.SIGKILL else [status, errors[-2:]]}
    scratch = os.path.join(args.work, "scratch")
    for view in ("with_wal", "alone"):
        shutil.rmtree(scratch, ignore_errors=True)
        os.makedirs(scratch)
        shutil.copy(record, scratch)
        if view == "with_wal" and os.path.exists(record + "-wal"):
            shutil.copy(record + "-wal", scratch)
        target = record if view == "with_wal" else os.path.join(scratch, name)
        rc, entries, out = polltally_verify(args.polltally, target)
        journal, error = read_journal(scratch, name)
        lost = lost_in(journal, acked, sent)
        result[view] = {
            "verify_rc": rc, "entries": entries, "verify": out.splitlines()[-1:] if out else [],
            "journal": len(journal), "journal_error": error,
            "lost": len(lost), "first_lost": lost[:5],
            "unacknowledged": max(0, (entries or 0) - len(acked)),
        }
    shutil.rmtree(scratch, ignore_errors=True)

    if kind == "polltally":
        # Counting goes on from the record as the power cut left it. A
        # disk I/O error here is LazyFS's ftruncate (see above): the same
        # step is tried again on a fresh mount, and counted.
        entries = result["with_wal"]["entries"] or 0
        for attempt in range(args.retries + 1):
            more = subprocess.run([args.polltally, "rule", "--record", record, "--party", "1"],
                                  capture_output=True, text=True)
            if more.returncode == 0 or "disk I/O error" not in more.stderr:
                break
            retries.append(f"resume: {more.stderr.strip()[-200:]}")
            fs.unmount()
            fs.mount()
        rc, after, _ = polltally_verify(args.polltally, record)
        result["resumed"] = (more.returncode == 0 and more.stdout.strip() == f"ok {entries + 1}"
                             and rc == 0 and after == entries + 1)
        if not result["resumed"]:
            result["resume_output"] = (more.stdout + more.stderr).strip()[-300:]

    bad = kind == "polltally" and (
        not result["resumed"]
        or any(result[v]["lost"] or result[v]["verify_rc"] != 0 for v in ("with_wal", "alone")))
    if bad or args.keep:
        keep = os.path.join(args.work, "kept", f"{kind}-{n}")
        os.makedirs(keep, exist_ok=True)
        for suffix in ("", "-wal"):
            if os.path.exists(record + suffix):
                shutil.copy(record + suffix, keep)
        with open(os.path.join(keep, "sent.json"), "w") as f:
            json.dump({"sent": sent[:len(seqs) + 100], "acked": acked}, f)
    # Each trial has its own mount; its files are removed from the backing
    # folder while nothing is mounted.
    fs.unmount()
    remove(fs, name)
    return result


def remove(fs, name):
    """Remove a record and its -wal and -shm from the backing folder (with
    nothing mounted)."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(os.path.join(fs.disk, name + suffix)):
            os.remove(os.path.join(fs.disk, name + suffix))


def writer(argv):
    """The non-durable control writer: appends a ruling for each party number
    read on stdin to a polltally record, hash-chained as polltally does, and
    prints `ok <seq>` after each commit."""
    p = argparse.ArgumentParser(prog="trials.py writer")
    p.add_argument("--mode", choices=("sync-off", "wal-only"), required=True)
    p.add_argument("record")
    a = p.parse_args(argv)
    con = sqlite3.connect(a.record, isolation_level=None)
    if a.mode == "sync-off":
        con.execute("PRAGMA synchronous=OFF")
    else:
        con.execute("PRAGMA synchronous=FULL")
        con.execute("PRAGMA wal_autocheckpoint=0")
    seq, prev = con.execute("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
    for line in sys.stdin:
        party = int(line)
        seq += 1
        at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        event = {"type": "ruling", "verdict": {"criterion": "V1", "kind": "valid", "party": party}}
        canonical = json.dumps({"at": at, "event": event, "seq": seq}, sort_keys=True,
                               separators=(",", ":"), ensure_ascii=False).encode()
        digest = hashlib.sha256(bytes.fromhex(prev) + canonical).hexdigest()
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO journal (seq, canonical, prev_hash, hash) VALUES (?, ?, ?, ?)",
                    (seq, canonical, prev, digest))
        con.execute("COMMIT")
        prev = digest
        sys.stdout.write(f"ok {seq}\n")
        sys.stdout.flush()


def summarize(results, kind):
    rs = [r for r in results if r["kind"] == kind]
    acked = [r["acked"] for r in rs]
    s = {
        "trials": len(rs),
        "rulings_acknowledged": sum(acked),
        "entries_acknowledged": sum(acked) + len(rs),
        "acknowledged_per_trial": [min(acked), int(statistics.median(acked)), max(acked)] if rs else [],
        "retried_for_lazyfs": sum(len(r["retries"]) for r in rs),
        "ended_by_itself": sum(1 for r in rs if r["ended_by_itself"]),
    }
    for view in ("with_wal", "alone"):
        s[view] = {
            "lost": sum(r[view]["lost"] for r in rs),
            "trials_with_loss": sum(1 for r in rs if r[view]["lost"]),
            "verify_failed": sum(1 for r in rs if r[view]["verify_rc"] != 0),
            "unacknowledged_present": sum(r[view]["unacknowledged"] for r in rs),
        }
    if kind == "polltally":
        s["resume_failed"] = sum(1 for r in rs if not r["resumed"])
    return s


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "writer":
        writer(sys.argv[2:])
        return 0
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--polltally", required=True)
    p.add_argument("--lazyfs", required=True)
    p.add_argument("--station", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--trials", type=int, default=100)
    p.add_argument("--control-trials", type=int, default=10)
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--min-delay", type=float, default=0.0)
    p.add_argument("--max-delay", type=float, default=1.0)
    p.add_argument("--retries", type=int, default=5)
    p.add_argument("--keep", action="store_true")
    args = p.parse_args()
    args.polltally = os.path.abspath(args.polltally)
    args.station = os.path.abspath(args.station)
    seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    print(f"seed {seed}; work folder {args.work}", flush=True)

    fs = LazyFS(os.path.abspath(args.lazyfs), args.work)
    plan = ([("polltally", i) for i in range(1, args.trials + 1)]
            + [(k, i) for k in ("sync-off", "wal-only") for i in range(1, args.control_trials + 1)])
    results = []
    started = time.monotonic()
    try:
        for kind, n in plan:
            r = trial(args, fs, kind, n, rng)
            results.append(r)
            w, a = r["with_wal"], r["alone"]
            flag = ""
            if kind == "polltally" and (w["lost"] or a["lost"] or w["verify_rc"] or a["verify_rc"]
                                        or not r["resumed"]):
                flag = "  FAILED " + json.dumps(r)
            print(f"{kind:9} {n:3}: killed after {r['kill_after']:.3f} s, {r['acked']:5} rulings acknowledged;"
                  f" lost {w['lost']} with -wal, {a['lost']} from the file alone"
                  f" (verify {w['entries']}/{a['entries']} entries){flag}", flush=True)
    except Failure as e:
        print(f"trial could not be carried out: {e}", file=sys.stderr)
        return 2
    finally:
        fs.unmount()

    summary = {"seed": seed, "seconds": round(time.monotonic() - started, 1)}
    for kind in ("polltally", "sync-off", "wal-only"):
        summary[kind] = summarize(results, kind)
    with open(os.path.join(args.work, "results.json"), "w") as f:
        json.dump({"summary": summary, "trials": results}, f, indent=1)
    print(json.dumps(summary, indent=1))

    pt, off, walonly = summary["polltally"], summary["sync-off"], summary["wal-only"]
    failed = (pt["with_wal"]["lost"] + pt["alone"]["lost"] + pt["with_wal"]["verify_failed"]
              + pt["alone"]["verify_failed"] + pt["resume_failed"])
    print(f"polltally: {pt['trials']} power losses, {pt['entries_acknowledged']} acknowledged entries"
          f" ({pt['rulings_acknowledged']} rulings) checked; lost {pt['with_wal']['lost']} with the -wal,"
          f" {pt['alone']['lost']} from the file alone; verify failed {pt['with_wal']['verify_failed']}"
          f"+{pt['alone']['verify_failed']}; resume failed {pt['resume_failed']}")
    for name, c in (("sync-off", off), ("wal-only", walonly)):
        print(f"control {name}: {c['trials']} power losses, lost {c['with_wal']['lost']} of"
              f" {c['entries_acknowledged']} acknowledged entries with the -wal,"
              f" {c['alone']['lost']} from the file alone")
    caught = (off["trials"] == 0 or off["alone"]["lost"] > 0) and \
             (walonly["trials"] == 0 or walonly["alone"]["lost"] > 0)
    if not caught:
        print("the controls lost nothing: the instrument does not see a power loss")
    return 1 if failed or not caught else 0


if __name__ == "__main__":
    sys.exit(main())
