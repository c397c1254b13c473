#!/usr/bin/env python3
# skip-asan
# timeout: 120
"""lx106_diff.py: differential tests of the LX106 simulator (build/lx106-run) against QEMU's
`-M lx60 -cpu lx106`.

It generates random but valid instruction sequences ("blocks") covering every instruction form the
lx106 configuration has (wide and narrow, random registers and immediates, short forward branches,
loads and stores into a per-block scratch area, deterministic special registers, calls and jumps),
plus blocks that take exceptions (IllegalInstruction for missing options, Syscall, Unaligned,
BREAK's debug exception) and interrupts (a software interrupt through INTSET, at once or held back
by PS.INTLEVEL until an RSIL; the CCOMPARE0 timer through WAITI) through a vector table installed
with VECBASE.  Each block starts from registers loaded from a seeded record and ends
by storing a0..a15, SAR and the special registers next to its scratch memory; one ELF holds many
blocks and writes all records out with a semihosting write before exiting.  The same ELF runs under
QEMU and lx106-run, and every block's record must be identical.

    python3 tests/emu/lx106_diff.py [--seed N] [--count N] [--per-elf N] [--keep DIR] [-v]

Prints `N passed, N failed` (blocks) and exits 1 on any mismatch, describing each failing block:
its source, its initial state and the differing words.
"""
import argparse
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
RUNNER = os.path.join(TOP, 'build', 'lx106-run')
AS = 'xtensa-lx106-elf-as'
LD = 'xtensa-lx106-elf-ld'
QEMU = ['qemu-system-xtensa', '-M', 'lx60', '-cpu', 'lx106', '-nographic', '-semihosting',
        '-monitor', 'none', '-serial', 'none', '-kernel']

# Record layout per block (words): the initial state, the scratch memory, the final state.
SRS = ['sar', 'excsave1', 'epc1', 'excvaddr', 'exccause']
INIT_WORDS = 16 + len(SRS)
SCRATCH_BYTES = 256
EXC_WORDS = ['h.cause', 'h.epc1', 'h.excvaddr', 'h.count', 'h.interrupt']
DUMP_NAMES = ['a%d' % i for i in range(16)] + SRS + EXC_WORDS
RECORD_BYTES = 4 * INIT_WORDS + SCRATCH_BYTES + 4 * len(DUMP_NAMES)
SCRATCH_OFF = 4 * INIT_WORDS
DUMP_OFF = SCRATCH_OFF + SCRATCH_BYTES

B4CONST = [-1, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 32, 64, 128, 256]
B4CONSTU = [32768, 65536, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 32, 64, 128, 256]
EDGE_VALUES = [0, 1, 2, 3, 0xffffffff, 0x80000000, 0x7fffffff, 0xfffffffe, 0x8000, 0xffff, 0x10000,
               0xffff8000, 0x7fff, 0x100, 0xff, 0x80, 0xffffff80, 32, 31, 16, 8, 4, 5, 6, 7, 10, 12,
               64, 128, 256, 32768, 65536]

# The linker script: vectors at VECBASE (start of IRAM 1), code after it, records in DRAM 0.
LDSCRIPT = """
ENTRY(_start)
SECTIONS {
    .text 0x40100000 : { *(.vectors) *(.literal .text) }
    .data 0x3ffc0000 : { *(.data) }
}
"""

# Vector table and the exception handler.  The handler records EXCCAUSE, EPC1, EXCVADDR, a count
# and INTERRUPT in `hstate`; for an exception it resumes after the faulting instruction (its
# length from op0: narrow forms have op0 bit 3 set), for an interrupt it clears the software and
# timer interrupts, disables them and returns to EPC1.  The debug vector (BREAK, BREAK.N) records
# 64 + DEBUGCAUSE and EPC2 the same way and returns past the instruction with RFI 2; the double
# exception vector (an exception with PS.EXCM set) records 128 + EXCCAUSE and DEPC and returns
# past the instruction with RFDE.
HEADER = """
    .section .vectors, "ax"
    .global _vectors
_vectors:
    .org 0x10
    wsr a0, excsave2
    j dbg_handler
    .org 0x30
    wsr a0, excsave1
    j exc_handler
    .org 0x50
    wsr a0, excsave1
    j exc_handler
    .org 0x70
    wsr a0, excsave3
    j dbl_handler
    .org 0x100
    .text
    .literal_position

    /* a1 = pc -> pc + the length of the instruction there, read with an aligned word load (the
       ESP8266's IRAM takes no byte loads: lx106-run --word-only); a0 = hstate; a2 and SAR are
       clobbered, SAR restored from hstate[7] */
    .macro skip_insn
    rsr a2, sar
    s32i a2, a0, 28
    movi a2, -4
    and a2, a1, a2
    l32i a2, a2, 0
    ssa8l a1
    srl a2, a2
    bbsi a2, 3, .Lskip_narrow\@
    addi a1, a1, 1
.Lskip_narrow\@:
    addi a1, a1, 2
    l32i a2, a0, 28
    wsr a2, sar
    .endm

    .align 4
exc_handler:
    movi a0, hstate
    s32i a1, a0, 20
    s32i a2, a0, 24
    rsr a1, exccause
    s32i a1, a0, 0
    rsr a1, epc1
    s32i a1, a0, 4
    rsr a1, excvaddr
    s32i a1, a0, 8
    l32i a2, a0, 12
    addi a2, a2, 1
    s32i a2, a0, 12
    rsr a2, interrupt
    s32i a2, a0, 16
    rsr a1, exccause
    beqi a1, 4, .Lirq
    rsr a1, epc1
    skip_insn
    wsr a1, epc1
    j .Lout
.Lirq:
    movi a1, 0
    wsr a1, intenable
    movi a1, 0x80
    wsr a1, intclear
    rsr a1, ccompare0
    wsr a1, ccompare0
.Lout:
    l32i a2, a0, 24
    l32i a1, a0, 20
    rsr a0, excsave1
    rsync
    rfe

    .align 4
dbg_handler:
    movi a0, hstate
    s32i a1, a0, 20
    rsr a1, debugcause
    addi a1, a1, 64
    s32i a1, a0, 0
    rsr a1, epc2
    s32i a1, a0, 4
    l32i a1, a0, 12
    addi a1, a1, 1
    s32i a1, a0, 12
    rsr a1, epc2
    s32i a2, a0, 24
    skip_insn
    wsr a1, epc2
    l32i a2, a0, 24
    l32i a1, a0, 20
    rsr a0, excsave2
    rfi 2

    .align 4
dbl_handler:
    movi a0, hstate
    s32i a1, a0, 20
    s32i a2, a0, 24
    rsr a1, exccause
    addi a1, a1, 128
    s32i a1, a0, 0
    rsr a1, depc
    s32i a1, a0, 4
    l32i a2, a0, 12
    addi a2, a2, 1
    s32i a2, a0, 12
    skip_insn
    wsr a1, depc
    l32i a2, a0, 24
    l32i a1, a0, 20
    rsr a0, excsave3
    rfde

    .global _start
    .align 4
_start:
    movi a2, _vectors
    wsr a2, vecbase
    movi a2, 0
    wsr a2, intenable
    movi a2, 0x20
    wsr a2, ps
    rsync
"""

FOOTER = """
    movi a2, 4
    movi a3, 1
    movi a4, records
    movi a5, %(size)d
    simcall
    movi a2, 1
    movi a3, 0
    simcall
1:  j 1b
    .data
    .align 4
hstate: .word 0, 0, 0, 0, 0, 0, 0, 0
"""


def r(rng):
    return 'a%d' % rng.randrange(16)


class Block:
    """One generated block: its instructions (assembly lines inside no-transform) and its data."""

    def __init__(self, rng, index, kind):
        self.rng = rng
        self.k = index
        self.kind = kind
        self.lines = []        # (text, is_insn)
        self.lits = []         # (label, value)
        self.pending = []      # (insn_index, label) labels to place before a later instruction
        self.funcs = []
        self.ninsns = 0
        self.unmask = None     # the instruction that ends a masked interrupt's wait, at the end

    # ---- helpers -----------------------------------------------------------------------------
    def insn(self, text, glued=False):
        """Appends an instruction; a glued one continues the previous (an address load and its
        use), so no branch target falls between them."""
        if glued:
            self.lines.append('    ' + text)
            self.ninsns += 1
            return
        for when, label in list(self.pending):
            if when <= 0:
                self.lines.append(label + ':')
                self.pending.remove((when, label))
        self.pending = [(when - 1, label) for when, label in self.pending]
        self.lines.append('    ' + text)
        self.ninsns += 1

    def label(self, name):
        return '.L%d_%s' % (self.k, name)

    def literal(self, value):
        name = self.label('lit%d' % len(self.lits))
        self.lits.append((name, value & 0xffffffff))
        return name

    def forward_label(self, lo=1, hi=4):
        name = self.label('t%d' % (len(self.lines)))
        self.pending.append((self.rng.randint(lo, hi), name))
        return name

    # ---- instruction generators ------------------------------------------------------------
    def gen_alu(self):
        g = self.rng
        op = g.choice(['add', 'sub', 'addx2', 'addx4', 'addx8', 'subx2', 'subx4', 'subx8', 'and',
                       'or', 'xor', 'mull', 'mul16u', 'mul16s', 'src', 'moveqz', 'movnez', 'movltz',
                       'movgez', 'add.n'])
        self.insn('%s %s, %s, %s' % (op, r(g), r(g), r(g)))

    def gen_unary(self):
        g = self.rng
        op = g.choice(['neg', 'abs', 'nsa', 'nsau', 'srl', 'sll', 'sra', 'mov.n'])
        self.insn('%s %s, %s' % (op, r(g), r(g)))

    def gen_imm(self):
        g = self.rng
        c = g.randrange(11)
        if c == 0:
            self.insn('movi %s, %d' % (r(g), g.randint(-2048, 2047)))
        elif c == 1:
            self.insn('addi %s, %s, %d' % (r(g), r(g), g.randint(-128, 127)))
        elif c == 2:
            self.insn('addmi %s, %s, %d' % (r(g), r(g), 256 * g.randint(-128, 127)))
        elif c == 3:
            self.insn('slli %s, %s, %d' % (r(g), r(g), g.randint(1, 31)))
        elif c == 4:
            self.insn('srli %s, %s, %d' % (r(g), r(g), g.randint(0, 15)))
        elif c == 5:
            self.insn('srai %s, %s, %d' % (r(g), r(g), g.randint(0, 31)))
        elif c == 6:
            shift = g.randint(0, 31)
            self.insn('extui %s, %s, %d, %d' % (r(g), r(g), shift, g.randint(1, min(16, 32 - shift))))
        elif c == 7:
            self.insn('addi.n %s, %s, %d' % (r(g), r(g), g.choice([-1] + list(range(1, 16)))))
        elif c == 8:
            self.insn('movi.n %s, %d' % (r(g), g.randint(-32, 95)))
        elif c == 9:
            self.insn('l32r %s, %s' % (r(g), self.literal(g.getrandbits(32))))
        else:
            self.insn('ssai %d' % g.randint(0, 31))

    def gen_sar(self):
        g = self.rng
        op = g.choice(['ssl', 'ssr', 'ssa8l', 'ssa8b'])
        self.insn('%s %s' % (op, r(g)))
        if op in ('ssl', 'ssa8b'):
            # QEMU (7.2) tracks SAR = 32 - n from these within a translation block and then shifts
            # by the wrong amount when n == 0 (SRL/SRA by 32 leave the value unchanged instead of
            # giving 0 / the sign): a WSR SAR makes it forget.  The ISA's answers are checked by
            # the hand-written tests (tests/emu/insn).
            x = r(g)
            self.insn('rsr %s, sar' % x, glued=True)
            self.insn('wsr %s, sar' % x, glued=True)

    def gen_sr(self):
        g = self.rng
        op = g.choice(['rsr', 'wsr', 'xsr'])
        self.insn('%s %s, %s' % (op, r(g), g.choice(SRS)))

    def gen_misc(self):
        g = self.rng
        self.insn(g.choice(['nop', 'nop.n', 'memw', 'extw', 'isync', 'rsync', 'esync', 'dsync']))

    def gen_mem(self):
        g = self.rng
        op, size, dmax = g.choice([('l8ui', 1, 0), ('s8i', 1, 0), ('l16ui', 2, 256), ('l16si', 2, 256),
                                   ('s16i', 2, 256), ('l32i', 4, 768), ('s32i', 4, 768),
                                   ('l32i.n', 4, 0), ('s32i.n', 4, 0)])
        base = r(g)
        d = g.choice(range(0, dmax + 1, 256))
        maxoff = 60 if op.endswith('.n') else SCRATCH_BYTES - size
        off = d + g.randrange(0, maxoff + 1, size)
        self.insn('l32r %s, %s' % (base, self.literal_addr('records + %d' % (self.k * RECORD_BYTES + SCRATCH_OFF - d))))
        self.insn('%s %s, %s, %d' % (op, r(g), base, off), glued=True)

    def literal_addr(self, expr):
        name = self.label('lit%d' % len(self.lits))
        self.lits.append((name, expr))
        return name

    def gen_branch(self):
        g = self.rng
        c = g.randrange(7)
        if c == 0:
            op = g.choice(['beq', 'bne', 'blt', 'bge', 'bltu', 'bgeu', 'ball', 'bany', 'bnall', 'bnone',
                           'bbc', 'bbs'])
            self.insn('%s %s, %s, %s' % (op, r(g), r(g), self.forward_label()))
        elif c == 1:
            op = g.choice(['beqi', 'bnei', 'blti', 'bgei'])
            self.insn('%s %s, %d, %s' % (op, r(g), g.choice(B4CONST), self.forward_label()))
        elif c == 2:
            op = g.choice(['bltui', 'bgeui'])
            self.insn('%s %s, %d, %s' % (op, r(g), g.choice(B4CONSTU), self.forward_label()))
        elif c == 3:
            op = g.choice(['bbci', 'bbsi'])
            self.insn('%s %s, %d, %s' % (op, r(g), g.choice([0, 31, g.randint(0, 31)]), self.forward_label()))
        elif c == 4:
            op = g.choice(['beqz', 'bnez', 'bltz', 'bgez'])
            self.insn('%s %s, %s' % (op, r(g), self.forward_label()))
        elif c == 5:
            # target >= pc + 4: the narrow branches reach 0..63 bytes past that
            op = g.choice(['beqz.n', 'bnez.n'])
            self.insn('%s %s, %s' % (op, r(g), self.forward_label(2, 4)))
        else:
            self.insn('j %s' % self.forward_label())

    def gen_call(self):
        """call0/callx0 to a small function after the block, or jx forward."""
        g = self.rng
        c = g.randrange(3)
        if c == 2:
            reg = r(g)
            self.insn('l32r %s, %s' % (reg, self.literal_addr(self.forward_label(2, 4))))
            self.insn('jx %s' % reg, glued=True)
            return
        fn = self.label('f%d' % len(self.funcs))
        body = []
        for _ in range(g.randint(0, 2)):
            body.append('%s a%d, %s, %s' % (g.choice(['add', 'xor', 'sub', 'mull']), g.randint(1, 15), r(g), r(g)))
        body.append(g.choice(['ret', 'ret.n']))
        self.funcs.append((fn, body))
        if c == 0:
            self.insn('call0 %s' % fn)
        else:
            reg = r(g)
            self.insn('l32r %s, %s' % (reg, self.literal_addr(fn)))
            self.insn('callx0 %s' % reg, glued=True)

    # ---- special blocks -----------------------------------------------------------------------
    def gen_exception(self):
        g = self.rng
        c = g.randrange(9)
        if c == 8:
            self.insn(g.choice(['break %d, %d' % (g.randrange(16), g.randrange(16)), 'break.n %d' % g.randrange(16)]))
        elif c == 0:
            self.insn('ill')
        elif c == 1:
            self.insn('ill.n')
        elif c == 2:
            self.insn('syscall')
        elif c == 3:
            # Instructions of options the lx106 lacks: MIN (MINMAX), QUOU (DIV32), MULUH (MUL32_HIGH),
            # SEXT, ENTRY (windows), LOOP (loops), MUL.AA.LL (MAC16): IllegalInstruction.
            word = g.choice([0x433340, 0xc23340, 0xa23340, 0x233340, 0x004136, 0x008376, 0x740340])
            self.insn('.byte 0x%02x, 0x%02x, 0x%02x' % (word & 0xff, (word >> 8) & 0xff, word >> 16))
        else:
            op, size = g.choice([('l32i', 4), ('s32i', 4), ('l16ui', 2), ('l16si', 2), ('s16i', 2),
                                 ('l32i.n', 4), ('s32i.n', 4)])
            base = r(g)
            off = g.randrange(0, 60, size)
            mis = g.randrange(1, size)
            self.insn('l32r %s, %s' % (base, self.literal_addr('records + %d' % (self.k * RECORD_BYTES + SCRATCH_OFF + mis))))
            self.insn('%s %s, %s, %d' % (op, r(g), base, off), glued=True)

    def gen_interrupt(self):
        g = self.rng
        regs = g.sample(range(2, 16), 2)
        x, y = 'a%d' % regs[0], 'a%d' % regs[1]
        c = g.randrange(3)
        if c == 0:
            self.insn('movi %s, 0x80' % x)
            self.insn('wsr %s, intenable' % x, glued=True)
            self.insn('wsr %s, intset' % x, glued=True)
            self.insn('rsync', glued=True)
        elif c == 1:
            # Pending but masked by PS.INTLEVEL through the rest of the block; taken right after
            # the RSIL that unmasks it at the end (no branch can skip that one).
            self.insn('rsil %s, 1' % y)
            self.insn('movi %s, 0x80' % x, glued=True)
            self.insn('wsr %s, intenable' % x, glued=True)
            self.insn('wsr %s, intset' % x, glued=True)
            self.unmask = 'rsil %s, 0' % g.choice([x, y, r(g)])
        else:
            # The timer, masked until WAITI lowers PS.INTLEVEL, so the interrupt is taken right after
            # the WAITI even when QEMU's wall-clock CCOUNT passes CCOMPARE0 before it.
            self.insn('rsil %s, 1' % y)
            self.insn('rsr %s, ccount' % x, glued=True)
            self.insn('l32r %s, %s' % (y, self.literal(100000)), glued=True)
            self.insn('add %s, %s, %s' % (x, x, y), glued=True)
            self.insn('wsr %s, ccompare0' % x, glued=True)
            self.insn('movi %s, 0x40' % y, glued=True)
            self.insn('wsr %s, intenable' % y, glued=True)
            self.insn('waiti 0', glued=True)
            self.insn('movi %s, 0' % x, glued=True)   # forget the CCOUNT value

    def generate(self, n):
        gens = [self.gen_alu] * 6 + [self.gen_unary] * 3 + [self.gen_imm] * 6 + [self.gen_sar] * 2 + \
               [self.gen_sr] * 2 + [self.gen_misc] + [self.gen_mem] * 5 + [self.gen_branch] * 5 + \
               [self.gen_call] * 2
        special = {'exc': self.gen_exception, 'irq': self.gen_interrupt}.get(self.kind)
        where = self.rng.randrange(n) if special else -1
        for i in range(n):
            if i == where:
                special()
            self.rng.choice(gens)()
        while self.pending:
            self.insn('nop')
        if self.unmask:
            self.insn(self.unmask)

    def init_words(self):
        g = self.rng
        words = []
        for _ in range(16):
            c = g.randrange(4)
            if c == 0:
                words.append(g.choice(EDGE_VALUES))
            elif c == 1 and words:
                words.append(g.choice(words))
            else:
                words.append(g.getrandbits(32))
        words.append(g.randrange(32))                    # sar
        words += [g.getrandbits(32) for _ in range(3)]   # excsave1, epc1, excvaddr
        words.append(g.randrange(64))                    # exccause
        return words

    def source(self):
        k = self.k
        rec = 'records + %d' % (k * RECORD_BYTES)
        out = ['# block %d (%s)' % (k, self.kind), '    movi a15, %s' % rec]
        for i, sr in enumerate(SRS):
            out.append('    l32i a0, a15, %d' % (64 + 4 * i))
            out.append('    wsr a0, %s' % sr)
        out += ['    l32i a%d, a15, %d' % (i, 4 * i) for i in range(16)]
        out.append('    .begin no-transform')
        out += self.lines
        out.append('    .end no-transform')
        dump = DUMP_OFF + k * RECORD_BYTES
        out.append('    wsr a15, excsave2')
        out.append('    movi a15, records + %d' % dump)
        out += ['    s32i a%d, a15, %d' % (i, 4 * i) for i in range(15)]
        out += ['    rsr a0, excsave2', '    s32i a0, a15, 60']
        for i, sr in enumerate(SRS):
            out += ['    rsr a0, %s' % sr, '    s32i a0, a15, %d' % (64 + 4 * i)]
        out += ['    movi a1, hstate', '    movi a2, 0']
        for i in range(len(EXC_WORDS)):
            out += ['    l32i a0, a1, %d' % (4 * i), '    s32i a0, a15, %d' % (64 + 4 * len(SRS) + 4 * i),
                    '    s32i a2, a1, %d' % (4 * i)]
        out.append('    j .L%d_end' % k)
        for fn, body in self.funcs:
            out += ['    .align 4', fn + ':', '    .begin no-transform'] + ['    ' + b for b in body] + \
                   ['    .end no-transform']
        for name, value in self.lits:
            out.append('    .literal %s, %s' % (name, value))
        out += ['    .align 4', '.L%d_end:' % k]
        return '\n'.join(out) + '\n'


def make_program(seed, first, count, length):
    rng = random.Random('%d/%d' % (seed, first))
    blocks, datas = [], []
    for i in range(count):
        kind = rng.choices(['plain', 'exc', 'irq'], [16, 3, 1])[0]
        b = Block(rng, i, kind)
        b.generate(length)
        words = b.init_words()
        blocks.append(b)
        datas.append((words, bytes(rng.getrandbits(8) for _ in range(SCRATCH_BYTES))))
    text = [HEADER] + [b.source() for b in blocks] + [FOOTER % {'size': count * RECORD_BYTES}]
    data = ['    .align 4', 'records:']
    for words, scratch in datas:
        data.append('    .word ' + ', '.join('0x%08x' % w for w in words))
        data.append('    .byte ' + ', '.join(str(x) for x in scratch))
        data.append('    .space %d' % (4 * len(DUMP_NAMES)))
    return blocks, datas, ''.join(text) + '\n'.join(data) + '\n'


def build(src, workdir, name):
    s = os.path.join(workdir, name + '.S')
    o = os.path.join(workdir, name + '.o')
    ld = os.path.join(workdir, 'lx106_diff.ld')
    elf = os.path.join(workdir, name + '.elf')
    with open(s, 'w') as f:
        f.write(src)
    with open(ld, 'w') as f:
        f.write(LDSCRIPT)
    subprocess.run([AS, '--text-section-literals', s, '-o', o], check=True)
    subprocess.run([LD, '-T', ld, o, '-o', elf], check=True)
    return elf


def check_tools(runner):
    """Exits with a plain message when the runner or the cross tools are missing."""
    missing = [t for t in (AS, LD, QEMU[0]) if shutil.which(t) is None]
    if not os.access(runner, os.X_OK):
        missing.append(runner + ' (make build/lx106-run)')
    if missing:
        print('missing: %s' % ', '.join(missing))
        print('0 passed, 1 failed')
        sys.exit(1)


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                           timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return 'timeout', b'', b''


def describe(block, words, want, got):
    lines = ['--- block %d (%s): QEMU vs lx106-run' % (block.k, block.kind)]
    lines.append('initial: ' + ' '.join('%s=%08x' % (n, w) for n, w in zip(DUMP_NAMES, words)))
    lines.append('code:')
    lines += ['  ' + line for line in block.lines]
    for fn, body in block.funcs:
        lines.append('  %s: %s' % (fn, '; '.join(body)))
    if want[:SCRATCH_BYTES] != got[:SCRATCH_BYTES]:
        for i in range(0, SCRATCH_BYTES, 4):
            if want[i:i + 4] != got[i:i + 4]:
                lines.append('  scratch+%d: qemu %s ours %s' % (i, want[i:i + 4].hex(), got[i:i + 4].hex()))
    wd = struct.unpack('<%dI' % len(DUMP_NAMES), want[SCRATCH_BYTES:])
    gd = struct.unpack('<%dI' % len(DUMP_NAMES), got[SCRATCH_BYTES:])
    for n, a, b in zip(DUMP_NAMES, wd, gd):
        if a != b:
            lines.append('  %s: qemu %08x ours %08x' % (n, a, b))
    return '\n'.join(lines)


def compare(blocks, datas, want, got):
    """Per-block comparison of the scratch memory and final state; returns the failures."""
    failures = []
    for b, (words, _) in zip(blocks, datas):
        off = b.k * RECORD_BYTES + SCRATCH_OFF
        w = want[off:off + RECORD_BYTES - SCRATCH_OFF]
        g = got[off:off + RECORD_BYTES - SCRATCH_OFF]
        if w != g:
            failures.append(describe(b, words, w, g))
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=2000, help='blocks in all')
    ap.add_argument('--per-elf', type=int, default=400)
    ap.add_argument('--length', type=int, default=24, help='random instructions per block')
    ap.add_argument('--keep', help='keep the generated sources and ELFs in this directory')
    ap.add_argument('--runner', default=RUNNER)
    ap.add_argument('-v', '--verbose', action='store_true')
    args = ap.parse_args()
    check_tools(args.runner)
    workdir = args.keep or tempfile.mkdtemp(prefix='lx106_diff.')
    os.makedirs(workdir, exist_ok=True)
    passed = failed = insns = 0
    for first in range(0, args.count, args.per_elf):
        n = min(args.per_elf, args.count - first)
        blocks, datas, src = make_program(args.seed, first, n, args.length)
        insns += sum(b.ninsns for b in blocks)
        elf = build(src, workdir, 'diff_%d_%d' % (args.seed, first))
        qrc, want, qerr = run(QEMU + [elf], 30)
        if qrc == 'timeout':
            # Rarely, on a loaded machine, QEMU does not exit after SYS_exit: once more.
            qrc, want, qerr = run(QEMU + [elf], 30)
        orc, got, oerr = run([args.runner, '--max-insns', '100000000', elf], 60)
        if qrc != 0 or len(want) != n * RECORD_BYTES:
            print('QEMU failed on %s: rc %s, %d bytes %s' % (elf, qrc, len(want), qerr.decode(errors='replace')))
            failed += n
            continue
        if orc != 0 or len(got) != len(want):
            print('lx106-run failed on %s: rc %s, %d bytes %s' % (elf, orc, len(got), oerr.decode(errors='replace')))
            got = got[:len(want)].ljust(len(want), b'\0')
        failures = compare(blocks, datas, want, got)
        for text in failures[:5 if not args.verbose else len(failures)]:
            print(text)
        failed += len(failures)
        passed += n - len(failures)
    print('lx106_diff: %d blocks, %d random instructions, seed %d' % (passed + failed, insns, args.seed))
    print('%d passed, %d failed' % (passed, failed))
    if not args.keep and failed == 0:
        for f in os.listdir(workdir):
            os.unlink(os.path.join(workdir, f))
        os.rmdir(workdir)
    elif not args.keep:
        print('the programs are kept in %s' % workdir)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
