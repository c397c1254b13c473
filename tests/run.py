#!/usr/bin/env python3
"""run.py: Adder's test runner.  CPython 3 is the oracle.

Usage: python3 tests/run.py [ADDER...] [-j N] [-k PATTERN] [-v]

Every tests/<area>/*.py (names starting with `_` are helpers, not tests) is run by CPython, unless
<test>.exp holds the expected stdout, and by each Adder binary given (default build/adder), with the
test's directory as cwd and the test's file name as argument.  A test passes when stdout matches
exactly, the exit status matches, and, when the expected run failed, the last stderr line (the
exception line, not the traceback) matches too.

Harness areas are different: an area whose directory holds a file named HARNESS (tests/harness,
tests/repl) has tests that CPython runs alone with ADDER=<binary> in the environment and
tests/harness on PYTHONPATH (for its _util helpers); they drive Adder as a process and pass when
they exit 0 (and their stdout matches <test>.exp if any).

Directives, in a test's first lines:
    # adder-args: -X heapsize=32K    extra arguments for Adder only
    # skip-asan                      skipped for a binary whose path contains 'asan'
    # timeout: 60                    seconds (default 20, x3 for asan builds)
    # exit: 1                        expected exit status when a .exp file gives the stdout

The last line printed is always `N passed, N failed, N skipped`; the exit status is 1 on any failure.
"""
import argparse
import concurrent.futures
import difflib
import fnmatch
import os
import re
import signal
import subprocess
import sys
import threading

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TESTS_DIR)
HARNESS_MARKER = 'HARNESS'
HARNESS_HELPERS = os.path.join(TESTS_DIR, 'harness')
DEFAULT_TIMEOUT = 20.0
DIRECTIVE = re.compile(r'#\s*(adder-args|skip-asan|timeout|exit)\s*(?::\s*(.*))?$')


def cpython_executable():
    # Resolve a pyenv shim (or any wrapper) once, so each test costs one exec, not two.
    out = subprocess.run(['python3', '-c', 'import sys; print(sys.executable)'],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip() or sys.executable


def read_directives(path):
    opts = {'adder-args': [], 'skip-asan': False, 'timeout': None, 'exit': 0}
    with open(path, encoding='utf-8', errors='replace') as f:
        for _ in range(5):
            line = f.readline()
            if not line:
                break
            m = DIRECTIVE.match(line.strip())
            if not m:
                continue
            key, val = m.group(1), (m.group(2) or '').strip()
            if key == 'adder-args':
                opts[key] += val.split()
            elif key == 'skip-asan':
                opts[key] = True
            elif key == 'timeout':
                opts[key] = float(val)
            else:
                opts[key] = int(val)
    return opts


def discover(pattern):
    tests = []
    for area in sorted(os.listdir(TESTS_DIR)):
        adir = os.path.join(TESTS_DIR, area)
        if not os.path.isdir(adir) or area.startswith(('_', '.')):
            continue
        for name in sorted(os.listdir(adir)):
            if not name.endswith('.py') or name.startswith('_'):
                continue
            rel = area + '/' + name
            if pattern and not matches(pattern, rel):
                continue
            tests.append(os.path.join(adir, name))
    return tests


def matches(pattern, rel):
    if any(c in pattern for c in '*?['):
        return fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, '*' + pattern + '*')
    return pattern in rel


def child_env(binary=None, oracle=False):
    env = dict(os.environ)
    if oracle:
        env['PYTHONHASHSEED'] = '0'
    env['PYTHONDONTWRITEBYTECODE'] = '1'
    env['PYTHONIOENCODING'] = 'utf-8'
    env.setdefault('ASAN_OPTIONS', 'detect_leaks=0')
    env.setdefault('UBSAN_OPTIONS', 'print_stacktrace=1:halt_on_error=1')
    if binary:
        env['ADDER'] = binary
        env['PYTHONPATH'] = os.pathsep.join(p for p in (HARNESS_HELPERS, env.get('PYTHONPATH')) if p)
    return env


def is_harness(test):
    return os.path.exists(os.path.join(os.path.dirname(test), HARNESS_MARKER))


class Result:
    def __init__(self, out, err, code, timed_out=False, error=None):
        self.out, self.err, self.code = out, err, code
        self.timed_out, self.error = timed_out, error


# Process groups of the tests still running: killed if the runner itself is interrupted, since their
# own sessions keep them out of reach of the terminal's Ctrl-C.
LIVE_GROUPS = set()
LIVE_LOCK = threading.Lock()


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass


def run(argv, cwd, timeout, env):
    # Own session, so a timeout kills the whole process group (harness tests start Adder themselves).
    try:
        p = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, start_new_session=True)
    except OSError as e:
        return Result(b'', b'', None, error=str(e))
    with LIVE_LOCK:
        LIVE_GROUPS.add(p.pid)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(p.pid)
        out, err = p.communicate()
        return Result(out, err, None, timed_out=True)
    finally:
        # the group may outlive its leader (a harness test's Adder): never leave it running
        kill_group(p.pid)
        with LIVE_LOCK:
            LIVE_GROUPS.discard(p.pid)
    return Result(out, err, p.returncode)


def kill_live_groups(*_):
    with LIVE_LOCK:
        for pid in LIVE_GROUPS:
            kill_group(pid)
    os._exit(130)


def last_line(data):
    lines = data.decode('utf-8', 'replace').rstrip('\n').split('\n')
    return lines[-1].rstrip() if lines else ''


SANITIZER = re.compile(r'runtime error:|ERROR: AddressSanitizer|ERROR: LeakSanitizer|SUMMARY: ')


def stderr_summary(err, n=6):
    # A sanitizer report's tail is stack frames of main(); its first lines say what went wrong.
    lines = err.decode('utf-8', 'replace').rstrip('\n').split('\n')
    for i, l in enumerate(lines):
        if SANITIZER.search(l):
            return lines[i:i + n]
    return lines[-n:]


def short_diff(exp, got, limit=40):
    e = exp.decode('utf-8', 'replace').splitlines(keepends=True)
    g = got.decode('utf-8', 'replace').splitlines(keepends=True)
    lines = list(difflib.unified_diff(e, g, 'expected', 'adder', n=2))
    if len(lines) > limit:
        lines = lines[:limit] + ['... (%d more diff lines)\n' % (len(lines) - limit)]
    return ''.join(l if l.endswith('\n') else l + '\n' for l in lines)


class Runner:
    def __init__(self, python, jobs, verbose):
        self.python, self.jobs, self.verbose = python, jobs, verbose
        self.expected = {}
        self.lock = threading.Lock()
        self.passed = self.failed = self.skipped = 0
        self.failures = []

    def expect(self, test, opts):
        with self.lock:
            if test in self.expected:
                return self.expected[test]
        exp_file = test[:-3] + '.exp'
        if os.path.exists(exp_file):
            with open(exp_file, 'rb') as f:
                res = Result(f.read(), b'', opts['exit'])
        else:
            timeout = opts['timeout'] or DEFAULT_TIMEOUT
            res = run([self.python, os.path.basename(test)], os.path.dirname(test), timeout,
                      child_env(oracle=True))
        with self.lock:
            self.expected[test] = res
        return res

    def check_test(self, binary, test):
        opts = read_directives(test)
        asan = 'asan' in binary
        if opts['skip-asan'] and asan:
            return 'skip', None
        exp = self.expect(test, opts)
        if exp.timed_out or exp.error:
            return 'fail', 'CPython could not run it (%s)' % (exp.error or 'timeout')
        timeout = (opts['timeout'] or DEFAULT_TIMEOUT) * (3 if asan else 1)
        got = run([binary] + opts['adder-args'] + [os.path.basename(test)],
                  os.path.dirname(test), timeout, child_env())
        if got.error:
            return 'fail', 'cannot run: ' + got.error
        if got.timed_out:
            return 'fail', 'timed out after %gs' % timeout
        why = []
        if got.out != exp.out:
            why.append('stdout differs:\n' + short_diff(exp.out, got.out))
        if got.code != exp.code:
            why.append('exit status %s, expected %s' % (got.code, exp.code))
        if exp.code not in (0, None) and exp.err and last_line(got.err) != last_line(exp.err):
            why.append('last stderr line:\n  expected: %s\n  adder:    %s'
                       % (last_line(exp.err), last_line(got.err)))
        if got.code != exp.code and got.err and last_line(got.err) != last_line(exp.err):
            why.append('adder stderr:\n  ' + '\n  '.join(stderr_summary(got.err)))
        return ('fail', '\n'.join(why)) if why else ('pass', None)

    def check_harness(self, binary, test):
        opts = read_directives(test)
        if opts['skip-asan'] and 'asan' in binary:
            return 'skip', None
        timeout = (opts['timeout'] or DEFAULT_TIMEOUT * 3) * (3 if 'asan' in binary else 1)
        got = run([self.python, os.path.basename(test)], os.path.dirname(test), timeout,
                  child_env(os.path.abspath(binary)))
        if got.error or got.timed_out:
            return 'fail', got.error or 'timed out after %gs' % timeout
        exp_file = test[:-3] + '.exp'
        why = []
        if got.code != 0:
            tail = (got.out + got.err).decode('utf-8', 'replace').rstrip('\n').split('\n')[-15:]
            why.append('exit status %s:\n  %s' % (got.code, '\n  '.join(tail)))
        elif os.path.exists(exp_file):
            with open(exp_file, 'rb') as f:
                exp = f.read()
            if exp != got.out:
                why.append('stdout differs:\n' + short_diff(exp, got.out))
        return ('fail', '\n'.join(why)) if why else ('pass', None)

    def one(self, binary, test):
        check = self.check_harness if is_harness(test) else self.check_test
        try:
            status, why = check(binary, test)
        except Exception as e:  # a runner bug must not hide the rest of the results
            status, why = 'fail', 'runner error: %r' % e
        name = os.path.relpath(test, TESTS_DIR)
        with self.lock:
            if status == 'pass':
                self.passed += 1
            elif status == 'skip':
                self.skipped += 1
            else:
                self.failed += 1
                self.failures.append((binary, name, why))
            if self.verbose or status == 'fail':
                print('%-4s %s %s' % (status.upper(), os.path.relpath(binary, ROOT), name), flush=True)
                if status == 'fail':
                    print('  ' + why.replace('\n', '\n  ').rstrip(), flush=True)

    def run_all(self, binaries, tests):
        # Expected outputs are shared between binaries, so do every test for the first binary
        # before the next one; within a binary, run tests in parallel.
        with concurrent.futures.ThreadPoolExecutor(max_workers=self.jobs) as pool:
            for binary in binaries:
                list(pool.map(lambda t: self.one(binary, t), tests))


def main():
    ap = argparse.ArgumentParser(description='Run the Adder test suite against CPython.')
    ap.add_argument('adder', nargs='*', help='Adder binaries (default build/adder)')
    ap.add_argument('-j', type=int, default=2, help='parallel jobs (default 2)')
    ap.add_argument('-k', metavar='PATTERN', help='only tests whose area/name contains PATTERN (or matches a glob)')
    ap.add_argument('-v', action='store_true', help='print every result, not only failures')
    args = ap.parse_args()
    binaries = args.adder or [os.path.join(ROOT, 'build', 'adder')]
    binaries = [b if os.path.isabs(b) else os.path.abspath(b) for b in binaries]
    tests = discover(args.k)
    runner = Runner(cpython_executable(), max(1, args.j), args.v)
    signal.signal(signal.SIGINT, kill_live_groups)
    signal.signal(signal.SIGTERM, kill_live_groups)
    for b in binaries:
        if not os.access(b, os.X_OK):
            print('warning: %s is not an executable file' % b, flush=True)
    runner.run_all(binaries, tests)
    if runner.failures:
        print('\nfailed (%d):' % len(runner.failures))
        for binary, name, _ in sorted(runner.failures):
            print('  %s %s' % (os.path.relpath(binary, ROOT), name))
    print('%d passed, %d failed, %d skipped' % (runner.passed, runner.failed, runner.skipped))
    sys.exit(1 if runner.failed else 0)


if __name__ == '__main__':
    main()
