"""test_arith.py: the LX106 arithmetic helpers (ports/esp8266/lx106_arith.c) agree bit for bit with
the host's hardware on 2 million random cases per operation.  Harness test: builds and runs
arith_check.c with the host compiler."""
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
cc = os.environ.get('CC', 'gcc')
with tempfile.TemporaryDirectory() as tmp:
    exe = os.path.join(tmp, 'arith_check')
    subprocess.run([cc, '-std=c11', '-O2', '-Wall', '-Wextra', '-Werror', '-ffp-contract=off',
                    os.path.join(here, 'arith_check.c'), '-o', exe, '-lm'], check=True)
    out = subprocess.run([exe], capture_output=True, text=True, timeout=60)
    print(out.stdout, end='')
    sys.exit(out.returncode)
