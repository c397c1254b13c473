#!/usr/bin/env python3
"""bench.py: run Adder's benchmark suite (bench/*.py) under build/adder and CPython and compare.

Each program runs alternately under both interpreters N times (-n, default 3); the table shows the
median wall time of each, the ratio Adder/CPython, the peak RSS of each, Adder's peak GC heap use
(from `adder -X stats`) and, with --heap, the smallest heap (-X heapsize=) it completes in.  Adder
runs with a 32 MB heap unless an -X heapsize= is given (CPython's heap is unbounded).  Both
interpreters must print the same checksum, otherwise the row says FAIL and is left out of the
geometric mean.  Startup (`-c pass`, median of 20) is measured too.

    tools/bench.py                  all programs, full size
    tools/bench.py fib sort -n 5    a selection, 5 runs each
    tools/bench.py --quick          each program once at a small scale; only checks checksums
    tools/bench.py --heap           also bisect the smallest heap (slow)
    tools/bench.py -X heapsize=64m  pass an -X option to every Adder run
    tools/bench.py --record         append a summary line to bench/history.txt
"""
import argparse
import datetime
import math
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_DIR = os.path.join(ROOT, "bench")
HISTORY = os.path.join(BENCH_DIR, "history.txt")
QUICK_SCALE = "0.02"


def real_python():
    """The CPython binary itself (not a pyenv shim, whose start-up would be measured too)."""
    out = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def programs(selection):
    names = sorted(f[:-3] for f in os.listdir(BENCH_DIR) if f.endswith(".py"))
    if not selection:
        return names
    chosen = [n for n in names if any(s == n or s in n for s in selection)]
    if not chosen:
        sys.exit("bench.py: no program matches %s (have: %s)" % (" ".join(selection), " ".join(names)))
    return chosen


# A child forked from this (large) Python process starts with our RSS as its high-water mark, which
# survives exec, so wait4's ru_maxrss would never show less than ~15 MB.  GNU time forks the program
# from itself (a small process) and reports the program's own peak.
TIME_BIN = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


class Run:
    """One finished process: wall time, peak RSS, output, exit status."""

    def __init__(self, argv, timeout):
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
                tempfile.NamedTemporaryFile(mode="r") as rss:
            if TIME_BIN:
                argv = [TIME_BIN, "-q", "-f", "%M", "-o", rss.name] + argv
            start = time.perf_counter()
            proc = subprocess.Popen(argv, stdout=out, stderr=err, cwd=BENCH_DIR, start_new_session=True)
            # the whole process group: killing time alone would leave the program running
            timer = threading.Timer(timeout, os.killpg, (proc.pid, signal.SIGKILL))
            timer.start()
            _, status, usage = os.wait4(proc.pid, 0)
            self.seconds = time.perf_counter() - start
            timed_out = not timer.is_alive()
            timer.cancel()
            proc.returncode = os.waitstatus_to_exitcode(status)   # reaped here, not by Popen
            out.seek(0)
            err.seek(0)
            self.stdout = out.read().decode("utf-8", "replace").strip()
            self.stderr = err.read().decode("utf-8", "replace")
            m = re.search(r"(\d+)\s*$", rss.read())
            self.rss_kb = int(m.group(1)) if m else usage.ru_maxrss
        self.status = "timeout" if timed_out else proc.returncode
        m = re.search(r"peak (\d+)", self.stderr)
        self.heap_peak = int(m.group(1)) if m else None

    @property
    def ok(self):
        return self.status == 0


def median(xs):
    return statistics.median(xs) if xs else None


ADDER_X = []   # extra -X options for every Adder run (from -X on our command line)


def adder_argv(adder, prog, scale, stats, heap=None):
    argv = [adder]
    for x in ADDER_X:
        argv += ["-X", x]
    if stats:
        argv += ["-X", "stats"]
    if heap is not None:
        argv += ["-X", "heapsize=%d" % heap]
    argv.append(prog + ".py")
    if scale is not None:
        argv.append(scale)
    return argv


def supports_stats(adder):
    try:
        r = Run([adder, "-X", "stats", "-c", "pass"], 10)
    except OSError:
        return False
    return r.ok and r.heap_peak is not None


def smallest_heap(adder, prog, scale, expected, timeout):
    """Bisect -X heapsize= between 8K and 16M (on a log scale, to ~3%) for the smallest that works."""
    def works(size):
        r = Run(adder_argv(adder, prog, scale, False, size), timeout)
        return r.ok and r.stdout == expected

    lo, hi = 8 * 1024, 16 * 1024 * 1024
    if works(lo):
        return lo
    if not works(hi):
        return None
    while hi / lo > 1.03:
        mid = int(math.sqrt(lo * hi)) // 1024 * 1024
        if mid <= lo or mid >= hi:
            break
        if works(mid):
            hi = mid
        else:
            lo = mid
    return hi


def why_failed(runs, expected):
    bad = next(r for r in runs if not r.ok or r.stdout != expected)
    if bad.status == "timeout":
        return "timeout"
    if bad.ok:
        return "wrong checksum: " + bad.stdout[-60:]
    last = (bad.stderr.strip().splitlines() or ["exit status %s" % bad.status])[-1]
    return last[:80]


def fmt_kb(kb):
    if kb is None:
        return "-"
    return "%.1fM" % (kb / 1024) if kb >= 10240 else "%dK" % kb


def fmt_bytes(n):
    return "-" if n is None else fmt_kb(n // 1024)


def startup(argv_prefix, n=20):
    times, rss = [], []
    for _ in range(n):
        r = Run(argv_prefix + ["-c", "pass"], 10)
        times.append(r.seconds)
        rss.append(r.rss_kb or 0)
    return median(times), max(rss)


def commit_id():
    """The checked-out commit, read from .git directly (no git process)."""
    git = os.path.join(ROOT, ".git")
    try:
        with open(os.path.join(git, "HEAD")) as f:
            head = f.read().strip()
        if not head.startswith("ref: "):
            return head[:12]
        ref = head[5:]
        path = os.path.join(git, ref)
        if os.path.exists(path):
            with open(path) as f:
                return f.read().strip()[:12]
        with open(os.path.join(git, "packed-refs")) as f:
            for line in f:
                if line.rstrip().endswith(" " + ref):
                    return line.split()[0][:12]
    except OSError:
        pass
    return "unknown"


DEFAULT_HEAP = "heapsize=32m"


def main():
    ap = argparse.ArgumentParser(description="Adder vs CPython benchmark runner")
    ap.add_argument("programs", nargs="*", help="program names (or substrings) in bench/")
    ap.add_argument("-n", type=int, default=3, help="runs per interpreter (default 3)")
    ap.add_argument("--scale", help="scale factor passed to each program (default: full size)")
    ap.add_argument("--quick", action="store_true", help="one small run each, only check checksums")
    ap.add_argument("--heap", action="store_true", help="bisect the smallest working -X heapsize")
    ap.add_argument("--record", action="store_true", help="append a summary line to bench/history.txt")
    ap.add_argument("--adder", default=os.path.join(ROOT, "build", "adder"))
    ap.add_argument("--python", default=None, help="CPython binary (default: the real python3)")
    ap.add_argument("-X", dest="adder_x", action="append", default=[], metavar="OPT",
                    help="pass -X OPT to Adder (e.g. -X heapsize=64m)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    args = ap.parse_args()

    ADDER_X.extend(args.adder_x)
    if not any(x.startswith("heapsize=") for x in ADDER_X):
        # CPython's heap is unbounded; give Adder room too (the min-heap column, --heap, says what
        # each program really needs).
        ADDER_X.append(DEFAULT_HEAP)
    adder = os.path.abspath(args.adder)
    if not os.path.exists(adder):
        sys.exit("bench.py: %s not found (run make)" % adder)
    python = args.python or real_python()
    names = programs(args.programs)
    scale = QUICK_SCALE if args.quick and args.scale is None else args.scale
    runs = 1 if args.quick else max(1, args.n)
    stats = supports_stats(adder)

    if args.quick:
        failed = 0
        for name in names:
            c = Run([python, name + ".py"] + ([scale] if scale else []), args.timeout)
            a = Run(adder_argv(adder, name, scale, False), args.timeout)
            good = a.ok and c.ok and a.stdout == c.stdout
            failed += not good
            print("%-16s %s" % (name, "ok" if good else "FAIL"))
            if not good:
                print("  cpython: %s" % c.stdout[-300:])
                print("  adder:   %s %s" % (a.stdout[-300:], a.stderr.strip()[-500:]))
        print("%d/%d programs agree with CPython" % (len(names) - failed, len(names)))
        sys.exit(1 if failed else 0)

    header = "%-16s %9s %9s %7s %8s %8s %8s %8s" % (
        "program", "adder s", "cpython s", "ratio", "adderRSS", "cpyRSS", "gc peak", "min heap")
    print(header)
    print("-" * len(header))
    ratios = []
    for name in names:
        a_runs, c_runs = [], []
        for _ in range(runs):
            a_runs.append(Run(adder_argv(adder, name, scale, stats), args.timeout))
            c_runs.append(Run([python, name + ".py"] + ([scale] if scale else []), args.timeout))
        expected = c_runs[0].stdout
        good = all(r.ok for r in a_runs) and all(r.ok and r.stdout == expected for r in a_runs + c_runs)
        c_time = median([r.seconds for r in c_runs])
        c_rss = max(r.rss_kb or 0 for r in c_runs)
        if not good:
            print("%-16s %9s %9.3f %7s %8s %8s   FAIL: %s" % (
                name, "-", c_time, "-", "-", fmt_kb(c_rss), why_failed(a_runs + c_runs, expected)))
            continue
        a_time = median([r.seconds for r in a_runs])
        a_rss = max(r.rss_kb or 0 for r in a_runs)
        peaks = [r.heap_peak for r in a_runs if r.heap_peak is not None]
        min_heap = smallest_heap(adder, name, scale, expected, args.timeout) if args.heap else None
        ratio = a_time / c_time if c_time > 0 else float("inf")
        ratios.append(ratio)
        print("%-16s %9.3f %9.3f %7.2f %8s %8s %8s %8s" % (
            name, a_time, c_time, ratio, fmt_kb(a_rss), fmt_kb(c_rss),
            fmt_bytes(max(peaks)) if peaks else "-",
            fmt_bytes(min_heap) if args.heap else "-"))
        sys.stdout.flush()

    geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios)) if ratios else None
    a_start, a_start_rss = startup([adder])
    c_start, c_start_rss = startup([python])
    print("-" * len(header))
    print("%-16s %9s %9s %7s" % ("geomean", "", "", "%.2f" % geomean if geomean else "-"))
    print("%-16s %9.4f %9.4f %7.2f %8s %8s" % ("startup", a_start, c_start, a_start / c_start,
                                               fmt_kb(a_start_rss), fmt_kb(c_start_rss)))
    print("%d of %d programs agree with CPython" % (len(ratios), len(names)))
    if args.record:
        line = "%s %s geomean=%s startup=%.4f size=%d programs=%d/%d\n" % (
            commit_id(), datetime.datetime.now().strftime("%Y-%m-%dT%H:%M"),
            "%.3f" % geomean if geomean else "-", a_start, os.path.getsize(adder), len(ratios), len(names))
        with open(HISTORY, "a") as f:
            f.write(line)
        print("recorded: " + line.strip())


if __name__ == "__main__":
    main()
