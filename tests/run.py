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

Targets (--target NAME): the tests run on a device instead of a host binary.  A target is described
by tests/targets/NAME.target (`key = value` lines: `command`, the program that speaks MicroPython's
raw REPL on its stdin/stdout, e.g. QEMU with the board's UART on stdio, where {root} is the
repository and {heap} the heap size; `heap`, the default heap size; `timeout_factor`) and
tests/targets/NAME.skip (lines `area/` or `area/name.py` or a glob, then the reason).  One device
process runs every test in turn: raw REPL (Ctrl-A), the test's source, Ctrl-D, then `OK`, stdout,
0x04, the exception text, 0x04, and a soft reset (Ctrl-D) before the next test; a test that hangs
gets Ctrl-C, and a device that dies or stops answering is restarted.  The exit status is 1 when
exception text came back (its last line is compared with CPython's).  Harness areas and tests with
`# adder-args` are skipped on targets.  Expected outputs come from CPython as usual, cached in
build/expected/ by the hash of the test (and of its directory's helper modules).  With -v the
skipped tests and their reasons are listed.

The last line printed is always `N passed, N failed, N skipped`; the exit status is 1 on any failure.
"""
import argparse
import base64
import concurrent.futures
import difflib
import fnmatch
import hashlib
import json
import os
import re
import select
import shlex
import signal
import subprocess
import sys
import threading
import time

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


# ---- targets: the tests on a device that speaks the raw REPL (see the docstring) ----

TARGETS_DIR = os.path.join(TESTS_DIR, 'targets')
EXPECTED_CACHE = os.path.join(ROOT, 'build', 'expected')
RAW_PROMPT = b'raw REPL; CTRL-B to exit\r\n>'
SOFT_REBOOT = b'MPY: soft reboot\r\n'


def load_target(name, command=None, heap=None):
    """The target's settings: command, heap, timeout_factor, and its skip list [(pattern, reason)]."""
    conf = {'name': name, 'command': None, 'heap': '64K', 'timeout_factor': '3', 'skips': []}
    path = os.path.join(TARGETS_DIR, name + '.target')
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith('#') and '=' in line:
                    key, _, val = line.partition('=')
                    conf[key.strip()] = val.strip()
    elif command is None:
        raise SystemExit('run.py: no target %s (%s)' % (name, path))
    conf['command'] = command or conf['command']
    conf['heap'] = heap or conf['heap']
    skip = os.path.join(TARGETS_DIR, name + '.skip')
    if os.path.exists(skip):
        with open(skip, encoding='utf-8') as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith('#'):
                    pat, _, why = line.partition(' ')
                    conf['skips'].append((pat, why.strip() or 'listed in %s.skip' % name))
    return conf


def target_skip_reason(conf, rel, test):
    if is_harness(test):
        return 'harness area: drives a host process'
    if read_directives(test)['adder-args']:
        return '# adder-args: host command-line options'
    for pat, why in conf['skips']:
        if (pat.endswith('/') and rel.startswith(pat)) or rel == pat or fnmatch.fnmatch(rel, pat):
            return why
    return None


class Device:
    """One device process (e.g. QEMU) and the bytes it has sent that nobody has read yet."""

    def __init__(self, argv):
        self.argv = argv
        self.proc = None
        self.buf = bytearray()
        self.cond = threading.Condition()
        self.dead = True

    def start(self):
        self.stop()
        self.buf = bytearray()
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        with LIVE_LOCK:
            LIVE_GROUPS.add(self.proc.pid)
        self.dead = False
        threading.Thread(target=self._reader, args=(self.proc,), daemon=True).start()

    def _reader(self, proc):
        fd = proc.stdout.fileno()
        while True:
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b''
            with self.cond:
                if proc is not self.proc:
                    return
                if not data:
                    self.dead = True
                    self.cond.notify_all()
                    return
                self.buf += data
                self.cond.notify_all()

    def stop(self):
        if self.proc is not None:
            kill_group(self.proc.pid)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            with LIVE_LOCK:
                LIVE_GROUPS.discard(self.proc.pid)
            for f in (self.proc.stdin, self.proc.stdout):
                try:
                    f.close()
                except OSError:
                    pass
            with self.cond:
                self.proc = None
                self.dead = True

    def write(self, data, timeout=10.0):
        """False if the device would not take the bytes in time (or has died)."""
        fd = self.proc.stdin.fileno()
        end = time.monotonic() + timeout
        view = memoryview(data)
        while view:
            left = end - time.monotonic()
            if left <= 0 or self.dead:
                return False
            _, w, _ = select.select([], [fd], [], min(left, 0.5))
            if w:
                try:
                    n = os.write(fd, view[:4096])
                except OSError:
                    return False
                view = view[n:]
        return True

    def read_until(self, marker, timeout):
        """The bytes up to and including marker, or None on a timeout or death (bytes stay unread)."""
        end = time.monotonic() + timeout
        with self.cond:
            while True:
                i = self.buf.find(marker)
                if i >= 0:
                    out = bytes(self.buf[:i + len(marker)])
                    del self.buf[:i + len(marker)]
                    return out
                left = end - time.monotonic()
                if left <= 0 or self.dead:
                    return None
                self.cond.wait(left)

    def drain(self):
        with self.cond:
            out = bytes(self.buf)
            self.buf.clear()
            return out


class TargetRunner(Runner):
    """Runs every test on one device in turn through the raw REPL."""

    def __init__(self, python, verbose, conf):
        Runner.__init__(self, python, 1, verbose)
        self.conf = conf
        argv = shlex.split(conf['command'].replace('{root}', ROOT).replace('{heap}', conf['heap']))
        self.device = Device(argv)
        self.factor = float(conf['timeout_factor'])
        self.skips = []
        self.restarts = 0
        self.peaks = None          # --heap-peak: [(peak, test)]
        self.last_peak = 0

    def boot(self):
        """Start (or restart) the device and put it in the raw REPL; False if it never answers."""
        for _ in range(2):
            self.device.start()
            if self.device.read_until(b'>>> ', 20) is None:
                continue
            self.device.write(b'\r\x01')
            if self.device.read_until(RAW_PROMPT, 10) is not None:
                return True
        return False

    def expect(self, test, opts):
        # CPython's result, cached on disk by the content of the test and of its helper modules
        d = os.path.dirname(test)
        h = hashlib.sha256(sys.version.encode())
        for name in [os.path.basename(test)] + sorted(n for n in os.listdir(d) if n.startswith('_')
                                                      and n.endswith('.py')):
            with open(os.path.join(d, name), 'rb') as f:
                h.update(name.encode() + b'\0' + f.read())
        for exp in (test[:-3] + '.exp',):
            if os.path.exists(exp):
                return Runner.expect(self, test, opts)
        path = os.path.join(EXPECTED_CACHE, h.hexdigest() + '.json')
        try:
            with open(path) as f:
                c = json.load(f)
            return Result(base64.b64decode(c['out']), base64.b64decode(c['err']), c['code'])
        except (OSError, ValueError, KeyError):
            pass
        res = Runner.expect(self, test, opts)
        if not res.timed_out and not res.error:
            os.makedirs(EXPECTED_CACHE, exist_ok=True)
            with open(path + '.tmp', 'w') as f:
                json.dump({'out': base64.b64encode(res.out).decode(), 'err': base64.b64encode(res.err).decode(),
                           'code': res.code}, f)
            os.replace(path + '.tmp', path)
        return res

    def run_on_device(self, src, timeout):
        """(stdout, exception text, exit status) or a Result with timed_out/error set."""
        dev = self.device
        if dev.dead and not self.boot():
            return Result(b'', b'', None, error='the device does not start: %s' % ' '.join(dev.argv))
        dev.drain()
        if not dev.write(src + b'\x04') or dev.read_until(b'OK', 10) is None:
            return self.restart(Result(b'', dev.drain(), None, error='the device did not take the test'))
        out = dev.read_until(b'\x04', timeout)
        if out is None:
            dev.write(b'\x03')   # KeyboardInterrupt, then the frame ends as usual
            if dev.read_until(b'\x04', 3) is None:
                return self.restart(Result(dev.drain(), b'', None, timed_out=True))
            dev.read_until(b'\x04', 3)
            dev.read_until(b'>', 3)
            self.soft_reset()
            return Result(b'', b'', None, timed_out=True)
        err = dev.read_until(b'\x04', 10)
        if err is None:
            return self.restart(Result(out, dev.drain(), None, error='the device stopped mid-test'))
        tail = dev.read_until(b'>', 10)
        if tail is None:
            return self.restart(Result(out, err, None, error='no prompt after the test'))
        out, err = out[:-1], err[:-1]
        if self.conf.get('crlf') == 'yes':   # a board's console sends "\n" as "\r\n"
            out, err = out.replace(b'\r\n', b'\n'), err.replace(b'\r\n', b'\n')
        if SOFT_REBOOT not in tail and self.peaks is not None:
            self.last_peak = self.heap_peak()
        if SOFT_REBOOT in tail:
            # SystemExit leaves the raw REPL with a soft reset; its status is not sent over the wire
            dev.read_until(RAW_PROMPT[1:], 10)
            return Result(out, err, 'SystemExit')
        self.soft_reset()
        return Result(out, err, 1 if err else 0)

    def heap_peak(self):
        """The most heap the test used (micropython.mem_info's peak), or 0 if it cannot tell."""
        dev = self.device
        if not dev.write(b'import micropython\nmicropython.mem_info(1)\x04') or dev.read_until(b'OK', 5) is None:
            return 0
        out = dev.read_until(b'\x04', 5) or b''
        dev.read_until(b'\x04', 5)
        dev.read_until(b'>', 5)
        m = re.search(rb'peak used: (\d+)', out)
        return int(m.group(1)) if m else 0

    def soft_reset(self):
        dev = self.device
        dev.drain()
        if not dev.write(b'\x04') or dev.read_until(RAW_PROMPT, 10) is None:
            self.restart(None)

    def restart(self, res):
        self.restarts += 1
        if not self.boot():
            self.device.stop()
        return res

    def check_test(self, binary, test):
        opts = read_directives(test)
        exp = self.expect(test, opts)
        if exp.timed_out or exp.error:
            return 'fail', 'CPython could not run it (%s)' % (exp.error or 'timeout')
        with open(test, 'rb') as f:
            src = f.read()
        timeout = (opts['timeout'] or DEFAULT_TIMEOUT) * self.factor
        self.last_peak = 0
        got = self.run_on_device(src, timeout)
        if self.peaks is not None:
            self.peaks.append((self.last_peak, os.path.relpath(test, TESTS_DIR)))
        # the raw REPL compiles what it is sent as <stdin>; tracebacks name the test's file instead
        stdin_name, file_name = b'File "<stdin>"', b'File "%s"' % os.path.basename(test).encode()
        got.out, got.err = got.out.replace(stdin_name, file_name), got.err.replace(stdin_name, file_name)
        if got.error:
            tail = (got.out + got.err).decode('utf-8', 'replace').rstrip('\n').split('\n')[-6:]
            return 'fail', got.error + ('\n  ' + '\n  '.join(tail) if any(tail) else '')
        if got.timed_out:
            return 'fail', 'timed out after %gs' % timeout
        why = []
        if got.out != exp.out:
            why.append('stdout differs:\n' + short_diff(exp.out, got.out))
        if got.code == 'SystemExit':
            # the status is not visible over the raw REPL: a clean SystemExit must be expected
            if b'Traceback (most recent call last)' in exp.err:
                why.append('SystemExit, expected an exception')
        elif got.code != exp.code:
            why.append('exit status %s, expected %s' % (got.code, exp.code))
            if got.err:
                why.append('device exception:\n  ' + '\n  '.join(stderr_summary(got.err)))
        elif exp.code not in (0, None) and exp.err and last_line(got.err) != last_line(exp.err):
            why.append('last exception line:\n  expected: %s\n  device:   %s'
                       % (last_line(exp.err), last_line(got.err)))
        return ('fail', '\n'.join(why)) if why else ('pass', None)

    def one(self, binary, test):
        rel = os.path.relpath(test, TESTS_DIR)
        why = target_skip_reason(self.conf, rel, test)
        if why is not None:
            with self.lock:
                self.skipped += 1
                self.skips.append((rel, why))
            return
        Runner.one(self, binary, test)

    def run_all(self, binaries, tests):
        try:
            for t in tests:
                self.one(os.path.join(ROOT, self.conf['name']), t)
        finally:
            self.device.stop()
        if self.verbose and self.skips:
            print('\nskipped on %s (%d):' % (self.conf['name'], len(self.skips)))
            for rel, why in self.skips:
                print('  %-40s %s' % (rel, why))
        if self.restarts:
            print('device restarted %d time(s)' % self.restarts)
        if self.peaks:
            top = sorted(self.peaks, reverse=True)[:3]
            print('heap peak: %s' % ', '.join('%d bytes (%s)' % p for p in top))


def main():
    ap = argparse.ArgumentParser(description='Run the Adder test suite against CPython.')
    ap.add_argument('adder', nargs='*', help='Adder binaries (default build/adder)')
    ap.add_argument('-j', type=int, default=2, help='parallel jobs (default 2)')
    ap.add_argument('-k', metavar='PATTERN', help='only tests whose area/name contains PATTERN (or matches a glob)')
    ap.add_argument('-v', action='store_true', help='print every result, not only failures')
    ap.add_argument('--target', metavar='NAME', help='run on a device: tests/targets/NAME.target and .skip')
    ap.add_argument('--target-cmd', metavar='CMD', help="the target's command (overrides its .target file)")
    ap.add_argument('--heap', metavar='SIZE', help="the target's heap size, e.g. 32K (the command's {heap})")
    ap.add_argument('--heap-peak', action='store_true', help="target: report the largest heap peak of a test")
    args = ap.parse_args()
    if args.target or args.target_cmd:
        return main_target(args)
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


def main_target(args):
    conf = load_target(args.target or 'custom', args.target_cmd, args.heap)
    if not conf['command']:
        raise SystemExit('run.py: target %s has no command' % conf['name'])
    runner = TargetRunner(cpython_executable(), args.v, conf)
    if args.heap_peak:
        runner.peaks = []
    signal.signal(signal.SIGINT, kill_live_groups)
    signal.signal(signal.SIGTERM, kill_live_groups)
    runner.run_all(None, discover(args.k))
    if runner.failures:
        print('\nfailed (%d):' % len(runner.failures))
        for binary, name, _ in sorted(runner.failures):
            print('  %s %s' % (os.path.relpath(binary, ROOT), name))
    print('%d passed, %d failed, %d skipped' % (runner.passed, runner.failed, runner.skipped))
    sys.exit(1 if runner.failed else 0)


if __name__ == '__main__':
    main()
