/* mips.S: a fixed workload for the instructions-per-second figure of build/lx106-run and
 * of QEMU (bench/emu/mips.py builds it and times both).  The mix is what compiled C does:
 * call0 calls with a stack frame, word and byte loads and stores, ALU work, shifts, MUL16/MULL,
 * compare-and-branch loops and a table-driven switch (jx).  It prints a checksum through
 * semihosting (so both runs can be checked to have computed the same thing) and exits 0.
 * Linked with lx106_diff.py's script: code in IRAM at 0x40100000, data in DRAM at 0x3ffc0000. */

#ifndef ITERATIONS
#define ITERATIONS 1000000
#endif
#define SYS_EXIT 1
#define SYS_WRITE 4

    .text
    .global _start
    .literal_position
    .align 4
_start:
    movi a1, stack_top
    movi a12, ITERATIONS
    movi a13, 0x12345678            /* running state */
    movi a14, 0                     /* checksum of the states */
.Louter:
    /* fill: buf[i] = checksum ^ (i * 0x9e37) for 16 words */
    movi a2, buf
    mov a3, a13
    movi a4, 16
    call0 fill
    /* sum the words back, and the bytes of the first 16 */
    movi a2, buf
    movi a3, 16
    call0 sum_words
    add a13, a13, a2
    movi a2, buf
    movi a3, 16
    call0 sum_bytes
    xor a13, a13, a2
    /* a switch on the low bits */
    extui a2, a13, 0, 2
    mov a3, a13
    call0 dispatch
    add a13, a2, a12                /* the counter keeps the state from settling in a cycle */
    movi a5, 33                     /* checksum = checksum * 33 + state */
    mull a14, a14, a5
    add a14, a14, a13
    addi a12, a12, -1
    bnez a12, .Louter
    /* print the checksum as 8 hex digits */
    movi a2, out
    movi a3, 8
.Lhex:
    extui a4, a14, 28, 4
    slli a14, a14, 4
    movi a5, hexdigits
    add a5, a5, a4
    l8ui a5, a5, 0
    s8i a5, a2, 0
    addi a2, a2, 1
    addi a3, a3, -1
    bnez a3, .Lhex
    movi a2, SYS_WRITE
    movi a3, 1
    movi a4, out
    movi a5, 9
    simcall
    movi a2, SYS_EXIT
    movi a3, 0
    simcall
1:  j 1b

/* fill(a2 = dst, a3 = seed, a4 = n): dst[i] = seed ^ (i * 0x9e37) */
    .align 4
fill:
    movi a5, 0
    movi a6, 0x9e37
.Lfill:
    mull a7, a5, a6
    xor a7, a7, a3
    s32i a7, a2, 0
    addi a2, a2, 4
    addi a5, a5, 1
    blt a5, a4, .Lfill
    ret

/* sum_words(a2 = src, a3 = n) -> a2: a rotate-and-add hash, with a stack frame like gcc's */
    .align 4
sum_words:
    addi a1, a1, -16
    s32i a12, a1, 0
    s32i a13, a1, 4
    movi a12, 0
.Lsw:
    l32i a13, a2, 0
    slli a4, a12, 5
    srli a5, a12, 27
    or a12, a4, a5
    add a12, a12, a13
    addi a2, a2, 4
    addi a3, a3, -1
    bnez a3, .Lsw
    mov a2, a12
    l32i a12, a1, 0
    l32i a13, a1, 4
    addi a1, a1, 16
    ret

/* sum_bytes(a2 = src, a3 = n) -> a2: sum of bytes with signed 16-bit products */
    .align 4
sum_bytes:
    movi a4, 0
.Lsb:
    l8ui a5, a2, 0
    l16si a6, a2, 2
    mul16s a6, a6, a5
    add a4, a4, a6
    bgeui a5, 128, 1f
    addi a4, a4, 3
1:  addi a2, a2, 4
    addi a3, a3, -1
    bnez a3, .Lsb
    mov a2, a4
    ret

/* dispatch(a2 = case 0..3, a3 = x) -> a2, through a jump table */
    .align 4
dispatch:
    movi a4, table
    addx4 a4, a2, a4
    l32i a4, a4, 0
    jx a4
.Lcase0:
    addi a2, a3, 1
    ret
.Lcase1:
    neg a2, a3
    xor a2, a2, a3
    ret
.Lcase2:
    ssai 7
    src a2, a3, a3
    ret
.Lcase3:
    nsau a2, a3
    add a2, a2, a3
    ret

    .data
    .align 4
table: .word .Lcase0, .Lcase1, .Lcase2, .Lcase3
hexdigits: .ascii "0123456789abcdef"
out: .ascii "00000000\n"
    .align 4
buf: .space 64
stack: .space 256
stack_top:
