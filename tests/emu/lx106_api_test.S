/* lx106_api_test.S: the guest program of tests/emu/lx106_api_test.c, which maps it at 0x40100000
 * (IRAM, word-only) and starts it there.  It touches each kind of page the test maps (a word-only
 * flash page, bus-backed registers, an unmapped page, an HLE ROM function) and patches its own
 * code, then stops with SIMCALL so the C side can inspect the registers.  Faulting loads are
 * skipped by the test's kernel-vector handler, so the register they would have loaded keeps its
 * old value.
 *
 * The linker puts .init before .literal and .text (default xtensa ld script), so _start is the
 * first byte of the binary whatever the size of the literal pool. */

    .section .init, "ax"
    .global _start
_start:
    j       main

    .text
    .literal_position
    .align  4
main:
    /* word-only flash page at 0x40200000: a 32-bit load works, an 8-bit one raises
       LoadStoreError with EXCVADDR 0x40200001 */
    movi    a3, 0x40200000
    l32i    a4, a3, 0
    l8ui    a5, a3, 1
    /* bus page at 0x60000000: the test's bus.read returns 0x12345678 + addr + size and bus.write
       records the value */
    movi    a6, 0x60000000
    l32i    a7, a6, 4
    s32i    a7, a6, 8
    l16ui   a8, a6, 2
    /* unmapped 0x50000000: LoadProhibited, EXCVADDR 0x50000000 */
    movi    a9, 0x50000000
    l32i    a10, a9, 0
    /* the HLE "ROM function" at 0x40000100 adds 1000 to a2 and returns to a0 */
    movi    a11, 0x40000100
    movi    a2, 5
    callx0  a11
    mov     a1, a2                  /* 1005 */
    /* self-modifying code: run `patch` (a12 = 1), overwrite it with "movi.n a12, 7; ret.n" by a
       32-bit store (IRAM is word-only), run it again: the new code must run (a12 = 7) */
    movi    a12, 0
    movi    a13, patch
    callx0  a13
    mov     a15, a12                /* 1 */
    movi    a14, 0xf00d7c0c         /* bytes 0c 7c (movi.n a12, 7) 0d f0 (ret.n) */
    s32i    a14, a13, 0
    callx0  a13
    movi    a2, 1
    simcall                         /* the test's bus.simcall stops the run here */

    .align  4
patch:
    movi.n  a12, 1
    ret.n
