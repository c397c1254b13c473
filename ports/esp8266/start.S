/* start.S (esp8266): the vector table, the reset entry and the exception/interrupt entry for the
 * LX106 core (call0 ABI, no register windows).  Shared by the chip and the QEMU lx60 build.
 *
 * On the chip the ROM bootloader copies the image's IRAM and DRAM segments and jumps to _start in
 * IRAM with the flash cache off; esp_start (C, in IRAM) turns the cache on before anything in irom
 * runs.  Every exception and level-1 interrupt enters esp_exception (esp_main.c) with the
 * interrupted registers saved in a frame it may edit (the LoadStoreError handler does). */

#define PS_UM        (0x20)
#define PS_EXCM      (0x10)
#define FRAME_SIZE   (80)    /* a0..a15, pc, ps, sar, spare: 20 words */

    .section .vectors, "ax"
    .global _vector_table
    .align 256
_vector_table:
    .org 0x10                /* DebugExceptionVector: break instructions; nothing to debug */
    j _halt
    .org 0x20                /* NMIExceptionVector: the chip's watchdog NMI is not used */
    rfi 3
    .org 0x30                /* KernelExceptionVector */
    wsr a0, excsave1
    j _exc_entry
    .org 0x50                /* UserExceptionVector: exceptions and level-1 interrupts */
    wsr a0, excsave1
    j _exc_entry
    .org 0x70                /* DoubleExceptionVector: an exception in the handler */
    j _halt

    .section .iram.text, "ax"
    .literal_position
    .align 4
    .global _start
_start:
    movi a0, 0
    movi a1, _stack_top
    movi a2, _vector_table
    wsr a2, vecbase
    movi a2, PS_UM           /* interrupts on level 0, level-1 ones to the user vector */
    wsr a2, ps
    rsync
    movi a0, esp_start
    callx0 a0
_halt:
    waiti 15
    j _halt

    .literal_position
    .align 4
_exc_entry:
    addi a1, a1, -FRAME_SIZE
    s32i a2, a1, 8
    s32i a3, a1, 12
    rsr a2, excsave1
    s32i a2, a1, 0           /* a0 */
    addi a2, a1, FRAME_SIZE
    s32i a2, a1, 4           /* a1 as it was */
    s32i a4, a1, 16
    s32i a5, a1, 20
    s32i a6, a1, 24
    s32i a7, a1, 28
    s32i a8, a1, 32
    s32i a9, a1, 36
    s32i a10, a1, 40
    s32i a11, a1, 44
    s32i a12, a1, 48
    s32i a13, a1, 52
    s32i a14, a1, 56
    s32i a15, a1, 60
    rsr a2, epc1
    s32i a2, a1, 64
    rsr a2, ps
    s32i a2, a1, 68
    rsr a2, sar
    s32i a2, a1, 72
    /* run the handler with EXCM off but level-1 interrupts masked, so it may fault (and be
     * reported) without nesting interrupts */
    movi a2, PS_UM | 1
    wsr a2, ps
    rsync
    mov a2, a1
    movi a0, esp_exception
    callx0 a0
    l32i a2, a1, 72
    wsr a2, sar
    l32i a2, a1, 68
    wsr a2, ps               /* EXCM set again: EPC1 is ours until rfe */
    rsync
    l32i a2, a1, 64
    wsr a2, epc1
    l32i a0, a1, 0
    l32i a3, a1, 12
    l32i a4, a1, 16
    l32i a5, a1, 20
    l32i a6, a1, 24
    l32i a7, a1, 28
    l32i a8, a1, 32
    l32i a9, a1, 36
    l32i a10, a1, 40
    l32i a11, a1, 44
    l32i a12, a1, 48
    l32i a13, a1, 52
    l32i a14, a1, 56
    l32i a15, a1, 60
    l32i a2, a1, 8
    addi a1, a1, FRAME_SIZE
    rfe
