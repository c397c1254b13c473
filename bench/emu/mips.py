#!/usr/bin/env python3
"""mips.py: instructions per second of build/lx106-run and of QEMU on bench/emu/mips.S.

    python3 bench/emu/mips.py [--runner PATH] [--runs N]

lx106-run counts the instructions it executes (--mips); QEMU has no instruction counter by default,
so its figure is the same instruction count over its wall time, less the time QEMU takes to start
and exit with an empty program; QEMU runs --qemu-scale times the iterations (its run is otherwise
too short to time), counted as that many times lx106-run's instructions (the count depends a
little on the data: an estimate).  lx106-run and QEMU must print the same checksum on the same
workload.  Best of N runs each.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tests', 'emu'))
from lx106_diff import AS, LD, LDSCRIPT, QEMU, RUNNER  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
EMPTY = '    .text\n    .global _start\n    .align 4\n_start:\n    movi a2, 1\n    movi a3, 0\n    simcall\n'


def build(workdir, name, src_path=None, text=None, defines=()):
    s = src_path or os.path.join(workdir, name + '.S')
    if text is not None:
        with open(s, 'w') as f:
            f.write(text)
    ld = os.path.join(workdir, 'bench.ld')
    with open(ld, 'w') as f:
        f.write(LDSCRIPT)
    o, elf = os.path.join(workdir, name + '.o'), os.path.join(workdir, name + '.elf')
    # through the C preprocessor for the #defines
    subprocess.run(['xtensa-lx106-elf-gcc', '-c', '-x', 'assembler-with-cpp', '-Wa,--text-section-literals']
                   + ['-D' + d for d in defines] + [s, '-o', o], check=True)
    subprocess.run([LD, '-T', ld, o, '-o', elf], check=True)
    return elf


def timed(cmd):
    t0 = time.monotonic()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, timeout=300)
    return time.monotonic() - t0, p


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--runner', default=RUNNER)
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--qemu-scale', type=int, default=10)
    args = ap.parse_args()
    workdir = tempfile.mkdtemp(prefix='lx106_bench.')
    bench = build(workdir, 'bench', src_path=os.path.join(HERE, 'mips.S'))
    empty = build(workdir, 'empty', text=EMPTY)
    big = build(workdir, 'big', src_path=os.path.join(HERE, 'mips.S'),
                defines=['ITERATIONS=%d' % (1000000 * args.qemu_scale)])
    best_ours, insns, sums = None, None, set()
    for _ in range(args.runs):
        _, p = timed([args.runner, '--mips', bench])
        m = re.search(r'(\d+) instructions, ([\d.]+) s', p.stderr.decode())
        if p.returncode != 0 or not m:
            print('lx106-run failed: %s' % p.stderr.decode())
            return 1
        insns, secs = int(m.group(1)), float(m.group(2))
        best_ours = secs if best_ours is None else min(best_ours, secs)
        sums.add(p.stdout)
    start = min(timed(QEMU + [empty])[0] for _ in range(args.runs))
    p = timed(QEMU + [bench])[1]
    sums.add(p.stdout)
    best_qemu = None
    for _ in range(args.runs):
        secs, p = timed(QEMU + [big])
        if p.returncode != 0:
            print('QEMU failed: %s' % p.stderr.decode())
            return 1
        best_qemu = secs if best_qemu is None else min(best_qemu, secs)
    print('workload: %d instructions, checksum %s' % (insns, ' / '.join(s.decode().strip() for s in sums)))
    print('lx106-run: %.3f s, %.1f MIPS' % (best_ours, insns / best_ours / 1e6))
    q = max(best_qemu - start, 1e-6)
    print('QEMU:      %.3f s for %d times the work (%.3f s of it start/exit), ~%.0f MIPS' %
          (best_qemu, args.qemu_scale, start, insns * args.qemu_scale / q / 1e6))
    for f in os.listdir(workdir):
        os.unlink(os.path.join(workdir, f))
    os.rmdir(workdir)
    return 0 if len(sums) == 1 else 1


if __name__ == '__main__':
    sys.exit(main())
