#!/usr/bin/env python3
# skip-asan
# timeout: 120
"""insn_tests.py: hand-written checks of every LX106 instruction form, with the ISA's answers.

A table of checks (inputs, the instruction under test, the value the Xtensa ISA reference says it
gives: computed here in Python from the ISA's definition, not taken from either simulator) becomes
one test program; each check compares the result with its expected value on the target and
records the failures, which the program writes out through semihosting.  The program runs under
QEMU (`-M lx60 -cpu lx106`) and build/lx106-run: lx106-run must pass every check, and QEMU must
fail none but the checks of its known bugs (QEMU_BUGS), so a test fails if both simulators got
the same answer wrong.

    python3 tests/emu/insn_tests.py [--keep DIR] [--runner PATH] [--list]

Prints `N passed, N failed` (checks under lx106-run) and exits 1 on any failure.
"""
import argparse
import os
import struct
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lx106_diff import AS, HEADER, LD, LDSCRIPT, QEMU, RUNNER, check_tools, run  # noqa: E402

import subprocess  # noqa: E402

M = 0xffffffff
MAX_FAILS = 256

# Checks QEMU 7.2 gets wrong: it tracks SAR = 32 - n set by SSL/SSA8B within a translation block
# and shifts by n & 31, so SRL/SRA by SAR = 32 give the value unchanged instead of 0 / the sign.
QEMU_BUGS = {'%s %s sar=32 (%s)' % (op, x, setter) for op in ('srl', 'sra') for x in ('87654321', '12345678')
             for setter in ('ssl 0', 'ssa8b')}


def s32(x):
    x &= M
    return x - (1 << 32) if x & 0x80000000 else x


def sext16(x):
    x &= 0xffff
    return (x - 0x10000 if x & 0x8000 else x) & M


def nsa(x):
    """NSA: the left shift that normalizes a signed value (31 for 0 and -1)."""
    x = s32(x)
    if x < 0:
        x = ~x
    n = 0
    while n < 31 and not (x << n) & 0x40000000:
        n += 1
    return n


def nsau(x):
    x &= M
    return 32 if x == 0 else 32 - x.bit_length()


def sar_shift(kind, a, b, sar):
    """SRL/SRA/SLL/SRC as the ISA defines them with a 6-bit SAR."""
    if kind == 'srl':
        return ((a & M) >> sar) & M
    if kind == 'sra':
        return (s32(a) >> sar) & M
    if kind == 'sll':
        return ((a & M) << (32 - sar)) & M if sar <= 32 else 0
    return ((((a & M) << 32) | (b & M)) >> sar) & M     # src: AR[s] || AR[t]


class Checks:
    def __init__(self):
        self.items = []   # (name, setup lines, lines under test leaving the result in a4, expected)
        self.names = set()

    def add(self, name, setup, code, expected):
        assert name not in self.names, name
        self.names.add(name)
        self.items.append((name, setup, code, expected & M))

    # a4 = op(a2, a3)
    def rrr(self, op, a, b, expected, name=None):
        self.add(name or '%s %08x,%08x' % (op, a & M, b & M), ['movi a2, 0x%x' % (a & M), 'movi a3, 0x%x' % (b & M)],
                 ['%s a4, a2, a3' % op], expected)

    def rr(self, op, a, expected, name=None):
        self.add(name or '%s %08x' % (op, a & M), ['movi a2, 0x%x' % (a & M)], ['%s a4, a2' % op], expected)

    def ri(self, op, a, imm, expected, name=None):
        self.add(name or '%s %08x,%s' % (op, a & M, imm), ['movi a2, 0x%x' % (a & M)], ['%s a4, a2, %s' % (op, imm)],
                 expected)

    def branch(self, text, regs, taken, name=None):
        setup = ['movi a%d, 0x%x' % (r, v & M) for r, v in regs]
        code = ['movi a4, 1', text + ', 1f', 'movi a4, 0', '1:']
        self.add(name or text + ' ' + ' '.join('%x' % (v & M) for _, v in regs), setup, code, 1 if taken else 0)


def arithmetic(c):
    for a, b in [(1, 2), (0x7fffffff, 1), (0xffffffff, 1), (0x80000000, 0x80000000), (0x12345678, 0x9abcdef0)]:
        c.rrr('add', a, b, a + b)
        c.rrr('add.n', a, b, a + b)
        c.rrr('sub', a, b, a - b)
        for n, op in [(1, 'addx2'), (2, 'addx4'), (3, 'addx8')]:
            c.rrr(op, a, b, (a << n) + b)
            c.rrr('sub' + op[3:], a, b, (a << n) - b)
        c.rrr('and', a, b, a & b)
        c.rrr('or', a, b, a | b)
        c.rrr('xor', a, b, a ^ b)
        c.rrr('mull', a, b, a * b)
    c.rrr('mull', 0xffffffff, 0xffffffff, 1)
    c.rrr('mull', 0x10000, 0x10000, 0)
    for a, b in [(0xffff, 0xffff), (0x8000, 0x8000), (0x8000, 0x7fff), (0x12348000, 0xabcd0002), (0x7fff, 0x7fff)]:
        c.rrr('mul16u', a, b, (a & 0xffff) * (b & 0xffff))
        c.rrr('mul16s', a, b, s32(sext16(a)) * s32(sext16(b)))
    for a in [0, 1, 0xffffffff, 0x80000000, 0x7fffffff, 5]:
        c.add('neg %08x' % a, ['movi a2, 0x%x' % a], ['neg a4, a2'], -a)
        c.add('abs %08x' % a, ['movi a2, 0x%x' % a], ['abs a4, a2'], abs(s32(a)))
    for a in [0, 0xffffffff, 1, 0x40000000, 0x80000000, 0x7fffffff, 0xc0000000, 0x00010000, 0xfffeffff]:
        c.add('nsa %08x' % a, ['movi a2, 0x%x' % a], ['nsa a4, a2'], nsa(a))
        c.add('nsau %08x' % a, ['movi a2, 0x%x' % a], ['nsau a4, a2'], nsau(a))
    for op, test in [('moveqz', lambda t: t == 0), ('movnez', lambda t: t != 0),
                     ('movltz', lambda t: s32(t) < 0), ('movgez', lambda t: s32(t) >= 0)]:
        for t in [0, 1, 0x80000000, 0x7fffffff, 0xffffffff]:
            c.add('%s t=%08x' % (op, t), ['movi a4, 0x1111', 'movi a2, 0x2222', 'movi a3, 0x%x' % t],
                  ['%s a4, a2, a3' % op], 0x2222 if test(t) else 0x1111)


def immediates(c):
    for v in [-2048, 2047, 0, -1, 1000]:
        c.add('movi %d' % v, [], ['movi a4, %d' % v], v)
    for v in [-32, 95, 0, -1, 64]:
        c.add('movi.n %d' % v, [], ['movi.n a4, %d' % v], v)
    for v in [-128, 127, 0, -1]:
        c.ri('addi', 0x10, v, 0x10 + v)
    for v in [-32768, 32512, 256, -256]:
        c.ri('addmi', 0x12345678, v, 0x12345678 + v)
    for v in [-1, 1, 15, 7]:
        c.ri('addi.n', 0x7fffffff, v, 0x7fffffff + v)
    c.add('mov.n', ['movi a2, 0xdeadbeef'], ['mov.n a4, a2'], 0xdeadbeef)
    c.add('or as mov', ['movi a2, 0xdeadbeef'], ['or a4, a2, a2'], 0xdeadbeef)


def shifts(c):
    x = 0x87654321
    for n in [1, 2, 16, 31]:
        c.ri('slli', x, n, x << n)
    for n in [0, 1, 15]:
        c.ri('srli', x, n, x >> n)
    for n in [0, 1, 16, 31]:
        c.ri('srai', x, n, s32(x) >> n)
    for shift, bits in [(0, 1), (0, 16), (31, 1), (16, 16), (28, 4), (5, 11)]:
        c.add('extui %d,%d' % (shift, bits), ['movi a2, 0x%x' % x], ['extui a4, a2, %d, %d' % (shift, bits)],
              (x >> shift) & ((1 << bits) - 1))
    # Each SAR-setting instruction, then the SAR value and the four register shifts.
    setters = [('ssai 0', [], 0), ('ssai 31', [], 31), ('ssr 0', ['movi a6, 0'], 0), ('ssr 33', ['movi a6, 33'], 1),
               ('ssr 31', ['movi a6, 31'], 31), ('ssl 0', ['movi a6, 0'], 32), ('ssl 1', ['movi a6, 1'], 31),
               ('ssl 31', ['movi a6, 31'], 1), ('ssa8l 3', ['movi a6, 7'], 24), ('ssa8l 0', ['movi a6, 4'], 0),
               ('ssa8b 1', ['movi a6, 1'], 24), ('ssa8b', ['movi a6, 0'], 32), ('wsr 32', ['movi a6, 32'], 32),
               ('wsr 63', ['movi a6, 63'], 63), ('wsr 0x45', ['movi a6, 0x45'], 5)]
    for name, setup, sar in setters:
        op = name.split()[0]
        setcode = ['wsr a6, sar'] if op == 'wsr' else [name if op == 'ssai' else '%s a6' % op]
        c.add('%s: sar' % name, setup, setcode + ['rsr a4, sar'], sar)
        for a in [x, 0x12345678]:
            for kind in ['srl', 'sra', 'sll']:
                c.add('%s %08x sar=%d (%s)' % (kind, a, sar, name), setup + ['movi a2, 0x%x' % a],
                      setcode + ['%s a4, a2' % kind], sar_shift(kind, a, 0, sar))
        c.add('src sar=%d (%s)' % (sar, name), setup + ['movi a2, 0x%x' % x, 'movi a3, 0x0fedcba9'],
              setcode + ['src a4, a2, a3'], sar_shift('src', x, 0x0fedcba9, sar))


def branches(c):
    pairs = [(0, 0), (1, 0), (0, 1), (0xffffffff, 0), (0, 0xffffffff), (0x80000000, 0x7fffffff),
             (0x7fffffff, 0x80000000), (5, 5)]
    for a, b in pairs:
        for op, f in [('beq', lambda a, b: a == b), ('bne', lambda a, b: a != b),
                      ('blt', lambda a, b: s32(a) < s32(b)), ('bge', lambda a, b: s32(a) >= s32(b)),
                      ('bltu', lambda a, b: a < b), ('bgeu', lambda a, b: a >= b)]:
            c.branch('%s a2, a3' % op, [(2, a), (3, b)], f(a, b))
    for a, b in [(0xf0, 0x30), (0xf0, 0x0f), (0xf0, 0x18), (0, 0), (0xffffffff, 0x80000000)]:
        c.branch('ball a2, a3', [(2, a), (3, b)], a & b == b)
        c.branch('bnall a2, a3', [(2, a), (3, b)], a & b != b)
        c.branch('bany a2, a3', [(2, a), (3, b)], a & b != 0)
        c.branch('bnone a2, a3', [(2, a), (3, b)], a & b == 0)
    for bit in [0, 1, 31, 32, 63]:
        for a in [1, 0x80000000, 0xfffffffe, 0x7fffffff]:
            set_ = (a >> (bit & 31)) & 1
            c.branch('bbs a2, a3', [(2, a), (3, bit)], set_)
            c.branch('bbc a2, a3', [(2, a), (3, bit)], not set_)
    for bit in [0, 31, 7]:
        for a in [1, 0x80000000, 0xfffffffe, 0x7fffffff]:
            set_ = (a >> bit) & 1
            c.branch('bbsi a2, %d' % bit, [(2, a)], set_)
            c.branch('bbci a2, %d' % bit, [(2, a)], not set_)
    for imm in [-1, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 32, 64, 128, 256]:
        for a in [imm, imm - 1, imm + 1, 0x80000000]:
            c.branch('beqi a2, %d' % imm, [(2, a)], (a & M) == (imm & M))
            c.branch('bnei a2, %d' % imm, [(2, a)], (a & M) != (imm & M))
            c.branch('blti a2, %d' % imm, [(2, a)], s32(a) < imm)
            c.branch('bgei a2, %d' % imm, [(2, a)], s32(a) >= imm)
    for imm in [32768, 65536, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 32, 64, 128, 256]:
        for a in [imm, imm - 1, 0xffffffff]:
            c.branch('bltui a2, %d' % imm, [(2, a)], (a & M) < imm)
            c.branch('bgeui a2, %d' % imm, [(2, a)], (a & M) >= imm)
    for a in [0, 1, 0x80000000, 0x7fffffff, 0xffffffff]:
        c.branch('beqz a2', [(2, a)], a == 0)
        c.branch('bnez a2', [(2, a)], a != 0)
        c.branch('bltz a2', [(2, a)], s32(a) < 0)
        c.branch('bgez a2', [(2, a)], s32(a) >= 0)
        c.branch('beqz.n a2', [(2, a)], a == 0)
        c.branch('bnez.n a2', [(2, a)], a != 0)


def memory(c):
    base = ['movi a7, scratch']
    c.add('s32i/l32i', base + ['movi a2, 0x89abcdef'], ['s32i a2, a7, 1020', 'l32i a4, a7, 1020'], 0x89abcdef)
    c.add('s32i.n/l32i.n', base + ['movi a2, 0x12345678'], ['s32i.n a2, a7, 60', 'l32i.n a4, a7, 60'], 0x12345678)
    c.add('s8i truncates', base + ['movi a2, 0', 'movi a3, 0x1ff'],
          ['s32i a2, a7, 0', 's8i a3, a7, 1', 'l32i a4, a7, 0'], 0xff00)
    c.add('s16i truncates', base + ['movi a2, 0', 'movi a3, 0x18765'],
          ['s32i a2, a7, 0', 's16i a3, a7, 2', 'l32i a4, a7, 0'], 0x87650000)
    c.add('l8ui 255', base + ['movi a2, 0x80ff7f01'], ['s32i a2, a7, 0', 'l8ui a4, a7, 2'], 0xff)
    c.add('l8ui offset 255', base + ['movi a2, 0x80000000'], ['s32i a2, a7, 252', 'l8ui a4, a7, 255'], 0x80)
    c.add('l16ui 0x8000', base + ['movi a2, 0x80007fff'], ['s32i a2, a7, 0', 'l16ui a4, a7, 2'], 0x8000)
    c.add('l16si 0x8000', base + ['movi a2, 0x80007fff'], ['s32i a2, a7, 0', 'l16si a4, a7, 2'], 0xffff8000)
    c.add('l16si 0x7fff', base + ['movi a2, 0x80007fff'], ['s32i a2, a7, 0', 'l16si a4, a7, 0'], 0x7fff)
    c.add('l16ui 510', base + ['movi a2, 0xfedc0000'], ['s32i a2, a7, 508', 'l16ui a4, a7, 510'], 0xfedc)
    c.add('l32r near', [], ['l32r a4, .Llit_a'], 0x13579bdf)
    c.add('l32r far', [], ['l32r a4, .Llit_far'], 0x2468ace0)


def control(c):
    c.add('call0 return address', [], ['call0 .Lfn_ret_a0', '.Lcall0_ra:', 'movi a5, .Lcall0_ra', 'sub a4, a4, a5'], 0)
    c.add('callx0 return address', ['movi a6, .Lfn_ret_a0'], ['callx0 a6', '.Lcallx0_ra:', 'movi a5, .Lcallx0_ra',
                                                             'sub a4, a4, a5'], 0)
    c.add('callx0 a0', ['movi a0, .Lfn_ret_a0'], ['callx0 a0', '.Lcallx0_a0:', 'movi a5, .Lcallx0_a0',
                                                  'sub a4, a4, a5'], 0)
    c.add('jx', ['movi a6, 1f', 'movi a4, 7'], ['jx a6', 'movi a4, 0', '1:'], 7)
    c.add('j', ['movi a4, 7'], ['j 1f', 'movi a4, 0', '1:'], 7)
    c.add('ret.n', ['movi a4, 0'], ['call0 .Lfn_inc_retn'], 1)
    # Code the program rewrites (a simulator caching decoded instructions must notice its own
    # stores): the slot holds `movi a4, N; ret`, N patched by a word store, then ISYNC.
    for n in (1, 2, 0x7ff, 3):
        c.add('patched code movi a4, %d' % n, ['movi a7, .Lslot', 'movi a2, 0x%x' % (0xa042 | (n & 0xff) << 16 |
                                                                                  (n >> 8) << 8 | 0x80 << 24)],
              ['s32i a2, a7, 0', 'isync', 'call0 .Lslot'], n)
    c.add('backward loop', ['movi a4, 0', 'movi a2, 3'], ['1:', 'addi a4, a4, 1', 'addi a2, a2, -1', 'bnez a2, 1b'], 3)
    c.add('beq +127', ['movi a4, 7'], ['beq a4, a4, 1f', '.space 124', '1:'], 7)
    c.add('beqz.n +63', ['movi a4, 7', 'movi a2, 0'], ['beqz.n a2, 1f', '.space 61', '1:'], 7)
    c.add('bnez +2047', ['movi a4, 7'], ['bnez a4, 1f', '.space 2044', '1:'], 7)
    c.add('beqz -2000', ['movi a2, 0', 'movi a4, 0'],
          ['j 3f', '1:', 'movi a4, 9', 'j 4f', '.space 1990', '3:', 'beqz a2, 1b', '4:'], 9)
    c.add('blt -120', ['movi a2, -1', 'movi a3, 0', 'movi a4, 0'],
          ['j 3f', '1:', 'movi a4, 5', 'j 4f', '.space 110', '3:', 'blt a2, a3, 1b', '4:'], 5)
    c.add('j +100000', ['movi a4, 7'], ['j 1f', '.space 100000', '1:'], 7)
    c.add('nops', ['movi a4, 3'], ['nop', 'nop.n', 'memw', 'extw', 'isync', 'rsync', 'esync', 'dsync'], 3)


def special(c):
    for sr in ['excsave1', 'epc1', 'excvaddr', 'excsave2', 'epc2', 'epc3', 'excsave3', 'depc']:
        c.add('wsr/rsr %s' % sr, ['movi a2, 0x8badf00d'], ['wsr a2, %s' % sr, 'rsr a4, %s' % sr], 0x8badf00d)
    c.add('xsr excsave1 old', ['movi a2, 0x1111', 'wsr a2, excsave1', 'movi a4, 0x2222'],
          ['xsr a4, excsave1'], 0x1111)
    c.add('xsr excsave1 new', ['movi a2, 0x1111', 'wsr a2, excsave1', 'movi a4, 0x2222'],
          ['xsr a4, excsave1', 'rsr a4, excsave1'], 0x2222)
    c.add('xsr sar', ['movi a2, 7', 'wsr a2, sar', 'movi a4, 9'], ['xsr a4, sar', 'rsr a3, sar', 'slli a3, a3, 8',
                                                                    'or a4, a4, a3'], 0x907)
    c.add('rsil returns ps', [], ['rsil a4, 3', 'rsil a5, 0', 'mov.n a4, a5'], 0x23)
    c.add('rsil sets level', [], ['rsil a4, 5', 'rsr a4, ps', 'rsil a5, 0'], 0x25)
    c.add('litbase off', ['movi a2, 0', 'wsr a2, litbase'], ['rsr a4, litbase'], 0)
    c.add('vecbase', [], ['rsr a4, vecbase'], 0x40100000)


def exc_check(c, name, setup, code, word, expected, post=()):
    """A check of an exception: the handler (lx106_diff.HEADER) records EXCCAUSE/EPC1/EXCVADDR in
    hstate and skips the instruction; a4 = hstate[word] (0 EXCCAUSE, 1 EPC1, 2 EXCVADDR) after
    code, then post."""
    c.add(name, setup + ['movi a8, hstate', 'movi a9, 0', 's32i a9, a8, 0', 's32i a9, a8, 4', 's32i a9, a8, 8',
                         'movi a9, 0x5555', 'wsr a9, excvaddr'],
          code + ['movi a8, hstate', 'l32i a4, a8, %d' % (4 * word)] + list(post), expected)


def exceptions(c):
    def exc(*args, **kw):
        exc_check(c, *args, **kw)
    exc('ill cause', [], ['ill'], 0, 0)
    exc('ill.n cause', [], ['ill.n'], 0, 0)
    exc('syscall cause', [], ['syscall'], 0, 1)
    exc('syscall epc1', [], ['.Lsys_pc:', 'syscall'], 1, 0, ['movi a5, .Lsys_pc', 'sub a4, a4, a5'])
    exc('ill.n epc1', [], ['.Lilln_pc:', 'ill.n'], 1, 0, ['movi a5, .Lilln_pc', 'sub a4, a4, a5'])
    for name, word in [('min', 0x433340), ('quou', 0xc23340), ('muluh', 0xa23340), ('sext', 0x233340),
                       ('entry', 0x004136), ('loop', 0x008376), ('mul.aa.ll', 0x740340)]:
        exc('%s is illegal' % name, [], ['.byte 0x%02x, 0x%02x, 0x%02x' % (word & 0xff, (word >> 8) & 0xff, word >> 16)],
            0, 0)
    for op, off, addr_off in [('l32i', 0, 2), ('s32i', 4, 1), ('l16ui', 0, 1), ('l16si', 2, 1), ('s16i', 0, 3),
                              ('l32i.n', 8, 3)]:
        setup = ['movi a7, scratch + %d' % addr_off]
        exc('%s unaligned cause' % op, setup, ['%s a2, a7, %d' % (op, off)], 0, 9)
        exc('%s unaligned excvaddr' % op, setup, ['%s a2, a7, %d' % (op, off)], 2, 0,
            ['movi a5, scratch + %d' % (addr_off + off), 'sub a4, a4, a5'])
    excm = ['movi a2, 0x30', 'wsr a2, ps', 'rsync']
    unexcm = ['movi a2, 0x20', 'wsr a2, ps', 'rsync']
    exc('double exception cause', [], excm + ['ill'] + unexcm, 0, 128 + 0)
    exc('double exception depc', [], excm + ['.Ldbl_pc:', 'syscall'] + unexcm, 1, 0,
        ['movi a5, .Ldbl_pc', 'sub a4, a4, a5'])
    exc('double exception keeps epc1', ['movi a2, 0x1234', 'wsr a2, epc1'], excm + ['ill'] + unexcm, 0, 0x1234,
        ['rsr a4, epc1'])
    exc('break cause', [], ['break 1, 2'], 0, 64 + 8)           # DEBUGCAUSE.BI
    exc('break.n cause', [], ['break.n 3'], 0, 64 + 16)         # DEBUGCAUSE.BN
    exc('break epc2', [], ['.Lbrk_pc:', 'break 0, 0'], 1, 0, ['movi a5, .Lbrk_pc', 'sub a4, a4, a5'])
    c.add('break returns ps', [], ['break 0, 0', 'rsr a4, ps'], 0x20)
    c.add('litbase l32r', ['movi a2, litpage + 4096 + 1', 'movi a3, 0'],
          ['wsr a2, litbase', 'isync', '.byte 0x41, 0xff, 0xff', 'wsr a3, litbase', 'isync'], 0xcafef00d)
    c.add('litbase l32r far', ['movi a2, litpage + 4096 + 1', 'movi a3, 0'],
          ['wsr a2, litbase', 'isync', '.byte 0x41, 0x00, 0xfc', 'wsr a3, litbase', 'isync'], 0xf00dcafe)
    c.add('software interrupt', ['movi a8, hstate', 'movi a9, 0', 's32i a9, a8, 0'],
          ['movi a2, 0x80', 'wsr a2, intenable', 'wsr a2, intset', 'rsync', 'movi a8, hstate', 'l32i a4, a8, 0'], 4)
    c.add('intclear', [], ['movi a2, 0x80', 'wsr a2, intset', 'wsr a2, intclear', 'rsr a4, interrupt',
                           'extui a4, a4, 7, 1'], 0)
    c.add('intset no enable', [], ['movi a2, 0', 'wsr a2, intenable', 'movi a2, 0x80', 'wsr a2, intset', 'rsync',
                                   'rsr a4, interrupt', 'movi a2, 0x80', 'wsr a2, intclear', 'extui a4, a4, 7, 1'], 1)


def word_only(c):
    """Checks for `lx106-run --word-only` alone (QEMU has no such memory): the ESP8266's IRAM and
    flash cache take 32-bit loads and stores only; 8/16-bit ones raise LoadStoreError (cause 3)
    with EXCVADDR the address and change nothing, while DRAM takes them all."""
    slot = ['movi a7, .Lslot']
    for op, off in [('l8ui', 1), ('l16ui', 2), ('l16si', 0), ('s8i', 3), ('s16i', 2)]:
        exc_check(c, '%s iram cause' % op, slot, ['%s a2, a7, %d' % (op, off)], 0, 3)
        exc_check(c, '%s iram excvaddr' % op, slot, ['%s a2, a7, %d' % (op, off)], 2, 0,
                  ['movi a5, .Lslot + %d' % off, 'sub a4, a4, a5'])
    c.add('s8i iram changes nothing', slot + ['movi a2, 0x55'], ['s8i a2, a7, 1', 'l32i a4, a7, 0'], 0x8000a042)
    c.add('l32i iram', slot, ['l32i a4, a7, 0'], 0x8000a042)
    c.add('l32i.n iram', slot, ['l32i.n a4, a7, 0'], 0x8000a042)
    c.add('s32i iram', slot + ['movi a2, 0x8000a042'], ['s32i a2, a7, 0', 'l32i a4, a7, 0'], 0x8000a042)
    c.add('l32r iram', [], ['l32r a4, .Llit_a'], 0x13579bdf)
    c.add('l8ui dram', ['movi a7, scratch', 'movi a2, 0x80ff7f01'], ['s32i a2, a7, 0', 'l8ui a4, a7, 1'], 0x7f)
    c.add('l16si dram', ['movi a7, scratch', 'movi a2, 0x80ff7f01'], ['s32i a2, a7, 0', 'l16si a4, a7, 2'],
          0xffff80ff)


def program(checks):
    out = [HEADER, '    j .Lchecks', '    .align 4', '.Lfn_ret_a0:', '    mov a4, a0', '    ret',
           '    .align 4', '.Lfn_inc_retn:', '    addi a4, a4, 1', '    ret.n',
           '    .literal .Llit_a, 0x13579bdf', '    .align 4', '.Lslot:', '    .byte 0x42, 0xa0, 0x00, 0x80, 0x00, 0x00', '    .align 4', 'check_fail:', '    movi a7, nfails',
           '    l32i a8, a7, 0', '    addi a9, a8, 1', '    s32i a9, a7, 0', '    bgeui a8, %d, 1f' % MAX_FAILS,
           '    movi a9, fails', '    addx8 a9, a8, a9', '    s32i a6, a9, 0', '    s32i a4, a9, 4', '1:  ret',
           '.Lchecks:']
    for i, (name, setup, code, expected) in enumerate(checks):
        out.append('# %d: %s' % (i, name))
        out += ['    ' + line for line in setup]
        out.append('    .begin no-transform')
        for line in code:
            if line.startswith('movi ') and not line.split(',')[1].strip().lstrip('-').isdigit():
                # a symbolic MOVI needs the assembler's L32R transform
                out += ['    .end no-transform', '    ' + line, '    .begin no-transform']
            else:
                out.append('    ' + line)
        out.append('    .end no-transform')
        out += ['    movi a5, 0x%x' % expected, '    beq a4, a5, .Lok%d' % i, '    movi a6, %d' % i,
                '    call0 check_fail', '.Lok%d:' % i]
    out += ['    movi a2, 4', '    movi a3, 1', '    movi a4, nfails', '    movi a5, %d' % (4 + 8 * MAX_FAILS),
            '    simcall', '    movi a2, 1', '    movi a3, 0', '    simcall', '1:  j 1b',
            # A literal more than 64 KB back from its use would need the assembler's relaxation;
            # this one is placed at the far end of a large gap to exercise big negative offsets.
            '    .data', '    .align 4', 'hstate: .word 0, 0, 0, 0, 0, 0, 0, 0', 'nfails: .word 0',
            'fails: .space %d' % (8 * MAX_FAILS), '    .align 4', 'scratch: .space 1100',
            '    .align 4096', 'litpage: .word 0xf00dcafe', '    .space 4088', '    .word 0xcafef00d']
    src = '\n'.join(out) + '\n'
    # the far literal: first in the literal pool, so ~all of the program lies between it and its use
    return src.replace('    .literal_position\n', '    .literal_position\n    .literal .Llit_far, 0x2468ace0\n', 1)


def build_all():
    c = Checks()
    for part in (arithmetic, immediates, shifts, branches, memory, control, special, exceptions):
        part(c)
    return c.items


def decode(out):
    if len(out) != 4 + 8 * MAX_FAILS:
        return None
    n = struct.unpack_from('<I', out)[0]
    return [struct.unpack_from('<II', out, 4 + 8 * i) for i in range(min(n, MAX_FAILS))], n


def build_elf(checks, workdir, name):
    s, o, ld, elf = (os.path.join(workdir, name + ext) for ext in ('.S', '.o', '.ld', '.elf'))
    with open(s, 'w') as f:
        f.write(program(checks))
    with open(ld, 'w') as f:
        f.write(LDSCRIPT)
    subprocess.run([AS, '--text-section-literals', s, '-o', o], check=True)
    subprocess.run([LD, '-T', ld, o, '-o', elf], check=True)
    return elf


def run_checks(checks, cmd, who):
    """{name: value got} of the failing checks, or None (with a message) if the program did not complete."""
    rc, out, err = run(cmd, 30)
    got = decode(out) if rc == 0 else None
    if got is None:
        print('%s: did not complete (rc %s, %d bytes) %s' % (who, rc, len(out), err.decode(errors='replace')))
        return None
    return {checks[i][0]: v for i, v in got[0]}


def report_ours(checks, fails, who):
    for name, v in fails.items():
        check = [c for c in checks if c[0] == name][0]
        print('%s fails %r: got %08x, want %08x (%s)' % (who, name, v, check[3], '; '.join(check[2])))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--keep', help='keep the generated programs in this directory')
    ap.add_argument('--runner', default=RUNNER)
    ap.add_argument('--list', action='store_true', help='print the checks')
    args = ap.parse_args()
    checks = build_all()
    wo = Checks()
    word_only(wo)
    if args.list:
        for name, _, code, expected in checks + wo.items:
            print('%-40s %-50s -> %08x' % (name, '; '.join(code), expected))
        return 0
    check_tools(args.runner)
    workdir = args.keep or tempfile.mkdtemp(prefix='lx106_insn.')
    os.makedirs(workdir, exist_ok=True)
    elf = build_elf(checks, workdir, 'insn')
    wo_elf = build_elf(wo.items, workdir, 'word_only')
    bad = 0
    qemu = run_checks(checks, QEMU + [elf], 'qemu')
    ours = run_checks(checks, [args.runner, '--max-insns', '10000000', elf], 'lx106-run')
    ours_wo = run_checks(wo.items, [args.runner, '--word-only', '--max-insns', '10000000', wo_elf],
                         'lx106-run --word-only')
    if qemu is None:
        bad += 1
    else:
        for name, v in qemu.items():
            if name not in QEMU_BUGS:
                print('QEMU fails %r (got %08x): the expected value may be wrong' % (name, v))
                bad += 1
        for name in QEMU_BUGS:
            if name not in qemu:
                print('QEMU passes %r now: drop it from QEMU_BUGS' % name)
    total = len(checks) + len(wo.items)
    failed = 0
    for fails, items, who in [(ours, checks, 'lx106-run'), (ours_wo, wo.items, 'lx106-run --word-only')]:
        if fails is None:
            failed += len(items)
        else:
            report_ours(items, fails, who)
            failed += len(fails)
    print('insn_tests: %d checks (%d of them --word-only); QEMU fails %d (known bugs: %d)' %
          (total, len(wo.items), len(qemu) if qemu is not None else -1, len(QEMU_BUGS)))
    print('%d passed, %d failed' % (max(total - failed - bad, 0), failed + bad))
    if args.keep is None and not (failed or bad):
        for n in os.listdir(workdir):
            os.unlink(os.path.join(workdir, n))
        os.rmdir(workdir)
    elif args.keep is None:
        print('the programs are kept in %s' % workdir)
    return 1 if failed or bad else 0


if __name__ == '__main__':
    sys.exit(main())
