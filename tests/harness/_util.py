# Shared helpers for the harness tests: run Adder (and CPython for reference) as processes.
import os
import subprocess
import sys
import tempfile

ADDER = os.environ.get('ADDER') or os.path.join(os.path.dirname(__file__), '..', '..', 'build', 'adder')
SLOW = 3 if 'asan' in ADDER else 1
failures = []


def run(argv, stdin=None, cwd=None, timeout=20, binary=None):
    """Runs binary (default Adder) with argv; returns (exit status, stdout, stderr) as str."""
    p = subprocess.run([binary or ADDER] + argv, input=stdin, capture_output=True, cwd=cwd,
                       timeout=timeout * SLOW, text=True)
    return p.returncode, p.stdout, p.stderr


def cpython(argv, stdin=None, cwd=None):
    return run(argv, stdin=stdin, cwd=cwd, binary=sys.executable)


def check(what, got, expected):
    """Prints the check's outcome; records a failure without stopping the other checks."""
    ok = got == expected
    print('%s %s' % ('ok  ' if ok else 'FAIL', what))
    if not ok:
        print('     expected: %r' % (expected,))
        print('     got:      %r' % (got,))
        failures.append(what)


def last_line(s):
    lines = s.rstrip('\n').split('\n')
    return lines[-1] if lines else ''


def script(tmpdir, name, text):
    path = os.path.join(tmpdir, name)
    with open(path, 'w') as f:
        f.write(text)
    return path


def tempdir():
    return tempfile.TemporaryDirectory(prefix='adder-harness-')


def finish():
    print('%d check(s) failed' % len(failures) if failures else 'all checks passed')
    sys.exit(1 if failures else 0)
