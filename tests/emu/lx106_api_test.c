/* lx106_api_test.c: unit test of the LX106 simulator's embedder API (tools/emu/lx106.h), the parts
 * that running whole programs (tests/emu/insn_tests.py, lx106_diff.py) does not reach: page flags
 * (WORD_ONLY LoadStoreError and EXCVADDR, unmapped LoadProhibited and InstFetchProhibited), the bus
 * read/write/hle/simcall callbacks (a ROM function and the exception vectors in an HLE page),
 * lx106_read/lx106_write, level and edge interrupt inputs and INTCLEAR, CCOMPARE0 across a jump in
 * time made by the embedder, WAITI, the NMI, BREAK, self-modifying code (an instruction straddling
 * two pages included), the double-exception halt, lx106_stop, lx106_reset, and what lx106_map does
 * with the decoded code of a page it unmaps (kept for the same host memory, forgotten otherwise).
 *
 * The guest program tests/emu/lx106_api_test.S is assembled at 0x40100000 into API_TEST_BIN (set by
 * the Makefile: `make build/emu-lx106-test`); the other guest code is a few instructions written
 * into host memory here, with their encodings spelled out.  Prints one line per failed check and
 * "N checks, M failed"; exit status 1 on a failure.
 * Usage: emu-lx106-test [scratch-dir] (the argument is accepted for tests/emu/unit_tests.py and not
 * used: this test writes no files). */
#include <stdio.h>
#include <string.h>
#include "lx106.h"

#ifndef API_TEST_BIN
#error "API_TEST_BIN: path of the assembled tests/emu/lx106_api_test.S (see the Makefile)"
#endif

/* The address space the test builds. */
#define ROM_BASE   (0x40000000u)   /* HLE page: VECBASE points here, so exceptions call bus.hle */
#define ROM_FUNC   (0x40000100u)   /* an HLE "ROM function": a2 += 1000 */
#define IRAM_BASE  (0x40100000u)   /* the guest program, word-only like the ESP8266's IRAM */
#define SCRATCH    (0x40108000u)   /* where single test instructions are written (in IRAM) */
#define FLASH_BASE (0x40200000u)   /* a word-only, read-only page */
#define DRAM_BASE  (0x3ffe8000u)
#define BUS_BASE   (0x60000000u)   /* served by bus_read/bus_write */
#define HOLE       (0x50000000u)   /* never mapped */
#define PAGE_A     (0x40300000u)   /* the pages the lx106_map tests map and unmap */
#define PAGE_B     (0x40301000u)

static uint8_t iram[0x10000], flash[0x1000], dram[0x1000];
static uint8_t page_a[LX106_PAGE_SIZE], page_b[LX106_PAGE_SIZE], page_c[LX106_PAGE_SIZE];

static int checks, failed;

#define CHECK(cond) check((cond), #cond, __LINE__)

static void check(bool ok, const char *what, int line) {
    checks++;
    if (!ok) {
        failed++;
        printf("FAIL line %d: %s\n", line, what);
    }
}

/* ---- the bus: registers at BUS_BASE, the HLE ROM page, SIMCALL ---- */

static uint32_t bus_last_write, hle_calls;

static bool bus_read(void *ctx, uint32_t addr, int size, uint32_t *val) {
    (void)ctx;
    if ((addr >> 28) != (BUS_BASE >> 28)) return false;
    *val = 0x12345678u + addr + (uint32_t)size;
    return true;
}

static bool bus_write(void *ctx, uint32_t addr, int size, uint32_t val) {
    (void)ctx;
    (void)size;
    if ((addr >> 28) != (BUS_BASE >> 28)) return false;
    bus_last_write = val;
    return true;
}

/* Exceptions reaching the kernel vector: logged; an interrupt returns to EPC1, an exception either
 * skips the faulting instruction (skip_faults: the guest program goes on) or stops the run at the
 * vector for the test to look at. */
typedef struct {
    uint32_t cause, epc1, excvaddr;
} exc_t;

static exc_t exc_log[16];
static unsigned nexc;
static bool skip_faults;

static uint32_t insn_length(lx106_t *cpu, uint32_t addr) {
    uint32_t b0 = 0;
    lx106_read(cpu, addr, 1, &b0);
    return (b0 & 15) >= 8 ? 2 : 3;   /* op0 >= 8: a density (16-bit) instruction */
}

static bool kernel_vector(lx106_t *cpu) {
    uint32_t cause = cpu->sr[LX106_SR_EXCCAUSE], epc1 = cpu->sr[LX106_SR_EPC1];
    if (nexc < 16) exc_log[nexc] = (exc_t){cause, epc1, cpu->sr[LX106_SR_EXCVADDR]};
    nexc++;
    if (cause != LX106_CAUSE_LEVEL1_INTERRUPT && !skip_faults) return false;
    cpu->sr[LX106_SR_PS] &= ~LX106_PS_EXCM;
    cpu->pc = epc1 + (cause == LX106_CAUSE_LEVEL1_INTERRUPT ? 0 : insn_length(cpu, epc1));
    return true;
}

static bool bus_hle(void *ctx, lx106_t *cpu) {
    (void)ctx;
    if (cpu->pc == ROM_BASE + LX106_VEC_KERNEL) return kernel_vector(cpu);
    if (cpu->pc != ROM_FUNC) return false;   /* other vectors, HLE-mapped code pages: stop there */
    hle_calls++;
    cpu->a[2] += 1000;
    cpu->pc = cpu->a[0];
    return true;
}

static bool bus_simcall(void *ctx, lx106_t *cpu) {
    (void)ctx;
    (void)cpu;
    return false;   /* every SIMCALL here ends a piece of guest code */
}

/* ---- helpers ---- */

/* Writes instructions into host memory behind the CPU's back, as a loader would. */
static void put_code(lx106_t *cpu, uint32_t addr, const uint8_t *code, size_t len) {
    memcpy(iram + (addr - IRAM_BASE), code, len);
    lx106_invalidate(cpu, addr, (uint32_t)len);
}

/* Runs from pc with interrupts enabled (PS 0) until SIMCALL or a fault stops it. */
static lx106_result_t run_at(lx106_t *cpu, uint32_t pc) {
    cpu->pc = pc;
    cpu->sr[LX106_SR_PS] = 0;
    cpu->a[2] = 0;
    nexc = 0;
    return lx106_run(cpu, cpu->cycles + 100);
}

static void map_all(lx106_t *cpu) {
    lx106_map(cpu, IRAM_BASE, sizeof iram, iram, LX106_R | LX106_W | LX106_X | LX106_WORD_ONLY);
    lx106_map(cpu, FLASH_BASE, sizeof flash, flash, LX106_R | LX106_X | LX106_WORD_ONLY);
    lx106_map(cpu, DRAM_BASE, sizeof dram, dram, LX106_R | LX106_W);
    lx106_map(cpu, ROM_BASE, 0x10000, NULL, LX106_HLE);
}

static bool load_guest(void) {
    FILE *f = fopen(API_TEST_BIN, "rb");
    if (!f) return false;
    size_t n = fread(iram, 1, sizeof iram, f);
    fclose(f);
    return n > 0;
}

/* ---- the tests ---- */

/* The assembled guest program: word-only flash, the bus, an unmapped load, an HLE call, and code
 * patching itself; the two faulting loads are skipped by kernel_vector. */
static void test_guest_program(lx106_t *cpu) {
    memcpy(flash, "\x11\x22\x33\x44", 4);
    skip_faults = true;
    cpu->sr[LX106_SR_VECBASE] = ROM_BASE;
    CHECK(run_at(cpu, IRAM_BASE) == LX106_STOPPED);
    skip_faults = false;
    CHECK(cpu->a[4] == 0x44332211u);                                  /* l32i, word-only page */
    CHECK(nexc == 2);
    CHECK(exc_log[0].cause == LX106_CAUSE_LOAD_STORE_ERROR);
    CHECK(exc_log[0].excvaddr == FLASH_BASE + 1);
    CHECK(cpu->a[7] == 0x12345678u + BUS_BASE + 4 + 4);               /* bus read, 32 bits */
    CHECK(bus_last_write == cpu->a[7]);                               /* bus write */
    CHECK(cpu->a[8] == 0x12345678u + BUS_BASE + 2 + 2);               /* bus read, 16 bits */
    CHECK(exc_log[1].cause == LX106_CAUSE_LOAD_PROHIBITED && exc_log[1].excvaddr == HOLE);
    CHECK(hle_calls == 1 && cpu->a[1] == 1005);                       /* the HLE ROM function */
    CHECK(cpu->a[2] == 1);                                            /* set just before SIMCALL */
    CHECK(cpu->a[15] == 1 && cpu->a[12] == 7);                        /* the patched code ran */
}

/* lx106_read/lx106_write: the debugger's view ignores WORD_ONLY, fails on unmapped addresses. */
static void test_debugger_access(lx106_t *cpu) {
    uint32_t v = 0;
    CHECK(lx106_read(cpu, FLASH_BASE, 1, &v) && v == 0x11);
    CHECK(!lx106_read(cpu, HOLE, 4, &v));
    CHECK(lx106_write(cpu, DRAM_BASE + 2, 2, 0xbeef) && dram[2] == 0xef && dram[3] == 0xbe);
}

/* Level input 3: a level-1 interrupt while it is high; it follows the input. */
static void test_level_input(lx106_t *cpu) {
    static const uint8_t nops[] = {0x3d, 0xf0, 0x3d, 0xf0};   /* nop.n; nop.n */
    put_code(cpu, SCRATCH, nops, sizeof nops);
    cpu->sr[LX106_SR_INTENABLE] = 1u << 3;
    lx106_set_irq(cpu, 3, true);
    CHECK(lx106_rsr(cpu, LX106_SR_INTERRUPT) == 1u << 3);
    cpu->pc = SCRATCH;
    cpu->sr[LX106_SR_PS] = 0;
    nexc = 0;
    lx106_run(cpu, cpu->cycles + 1);
    CHECK(nexc >= 1 && exc_log[0].cause == LX106_CAUSE_LEVEL1_INTERRUPT);
    CHECK(exc_log[0].epc1 == SCRATCH);
    lx106_set_irq(cpu, 3, false);
    CHECK(lx106_rsr(cpu, LX106_SR_INTERRUPT) == 0);
    cpu->sr[LX106_SR_INTENABLE] = 0;
}

/* Edge input 9 latches on a rising edge only; INTCLEAR clears the latch. */
static void test_edge_input(lx106_t *cpu) {
    lx106_set_irq(cpu, 9, true);
    lx106_set_irq(cpu, 9, true);
    CHECK(cpu->irq_latched == 1u << 9);
    lx106_wsr(cpu, LX106_SR_INTCLEAR, 1u << 9);
    CHECK(cpu->irq_latched == 0);
    lx106_set_irq(cpu, 9, true);                              /* still high: no new edge */
    CHECK(cpu->irq_latched == 0);
    lx106_set_irq(cpu, 9, false);
    lx106_set_irq(cpu, 9, true);
    CHECK(cpu->irq_latched == 1u << 9);
    lx106_wsr(cpu, LX106_SR_INTCLEAR, 1u << 9);
    lx106_set_irq(cpu, 9, false);
}

/* CCOMPARE0 = CCOUNT + 50: the embedder jumps 60 cycles ahead while the core waits (masked): the
 * timer bit (6) latches though nothing runs; writing CCOMPARE0 clears it. */
static void test_timer(lx106_t *cpu) {
    lx106_wsr(cpu, LX106_SR_CCOMPARE0, lx106_rsr(cpu, LX106_SR_CCOUNT) + 50);
    CHECK(lx106_next_timer_cycle(cpu) == cpu->cycles + 50);
    cpu->cycles += 60;
    cpu->waiting = true;
    cpu->sr[LX106_SR_PS] = LX106_PS_EXCM;
    CHECK(lx106_run(cpu, cpu->cycles + 10) == LX106_WAITING);
    CHECK(lx106_rsr(cpu, LX106_SR_INTERRUPT) & (1u << 6));
    lx106_wsr(cpu, LX106_SR_CCOMPARE0, 0);
    CHECK(!(lx106_rsr(cpu, LX106_SR_INTERRUPT) & (1u << 6)));
    cpu->waiting = false;
}

/* lx106_stop from outside a callback: the next run returns STOPPED at once, then runs normally. */
static void test_stop(lx106_t *cpu) {
    uint64_t before = cpu->cycles;
    lx106_stop(cpu);
    CHECK(lx106_run(cpu, cpu->cycles + 100) == LX106_STOPPED && cpu->cycles == before);
    CHECK(!cpu->stop);
}

/* The NMI (input 14): a rising edge enters the level-3 vector even at PS.INTLEVEL 15, saving
 * EPC3/EPS3; the latch is consumed. */
static void test_nmi(lx106_t *cpu) {
    cpu->pc = IRAM_BASE;
    cpu->sr[LX106_SR_PS] = 0x1f;
    lx106_set_irq(cpu, 14, true);
    lx106_run(cpu, cpu->cycles + 1);
    CHECK(cpu->sr[LX106_SR_EPC3] == IRAM_BASE && cpu->sr[LX106_SR_EPS3] == 0x1f);
    CHECK((cpu->sr[LX106_SR_PS] & 0x1f) == (LX106_PS_EXCM | 3) && !(cpu->irq_latched & (1u << 14)));
    CHECK(cpu->pc == ROM_BASE + LX106_VEC_NMI);
    lx106_set_irq(cpu, 14, false);
}

/* WAITI 0 returns WAITING with the pc after it and PS.INTLEVEL 0, stays waiting, and an enabled
 * level input then wakes the core into the kernel vector with EPC1 after the WAITI. */
static void test_waiti(lx106_t *cpu) {
    static const uint8_t waiti0[] = {0x00, 0x70, 0x00};   /* waiti 0 */
    put_code(cpu, SCRATCH, waiti0, sizeof waiti0);
    cpu->pc = SCRATCH;
    cpu->sr[LX106_SR_PS] = 0x0f;
    cpu->sr[LX106_SR_INTENABLE] = 1;
    CHECK(lx106_run(cpu, cpu->cycles + 100) == LX106_WAITING);
    CHECK(cpu->waiting && cpu->pc == SCRATCH + 3);
    CHECK((cpu->sr[LX106_SR_PS] & LX106_PS_INTLEVEL) == 0);
    CHECK(lx106_run(cpu, cpu->cycles + 100) == LX106_WAITING);
    nexc = 0;
    lx106_set_irq(cpu, 0, true);
    lx106_run(cpu, cpu->cycles + 1);
    CHECK(!cpu->waiting && nexc == 1);
    CHECK(exc_log[0].cause == LX106_CAUSE_LEVEL1_INTERRUPT && exc_log[0].epc1 == SCRATCH + 3);
    lx106_set_irq(cpu, 0, false);
    cpu->sr[LX106_SR_INTENABLE] = 0;
}

/* BREAK at PS.INTLEVEL >= 2 (the debug level) is a nop; below it, the debug vector with EPC2 and
 * DEBUGCAUSE.BI (8). */
static void test_break(lx106_t *cpu) {
    static const uint8_t brk[] = {0x20, 0x41, 0x00, 0x20, 0x41, 0x00};   /* break 1, 2 (twice) */
    put_code(cpu, SCRATCH, brk, sizeof brk);
    cpu->pc = SCRATCH;
    cpu->sr[LX106_SR_PS] = 2;
    lx106_run(cpu, cpu->cycles + 1);
    CHECK(cpu->pc == SCRATCH + 3);
    cpu->sr[LX106_SR_PS] = 1;
    lx106_run(cpu, cpu->cycles + 1);
    CHECK(cpu->pc == ROM_BASE + LX106_VEC_DEBUG && cpu->sr[LX106_SR_EPC2] == SCRATCH + 3);
    CHECK(cpu->sr[LX106_SR_DEBUGCAUSE] == 8);
}

/* A `j` at 0x40100ffe straddles two IRAM pages; the CPU's own store into the second page, on which
 * no code ran, changes its offset byte, and the jump must go to the new target. */
static void test_straddling_store(lx106_t *cpu) {
    static const uint8_t jump[] = {0x86, 0xbf, 0xff};                /* j 0x40100f00 */
    static const uint8_t mark1[] = {0x0c, 0x12, 0x00, 0x51, 0x00};   /* movi.n a2, 1; simcall */
    static const uint8_t mark2[] = {0x0c, 0x22, 0x00, 0x51, 0x00};   /* movi.n a2, 2; simcall */
    /* s32i a3, a4, 0; simcall */
    static const uint8_t patcher[] = {0x32, 0x64, 0x00, 0x00, 0x51, 0x00};
    put_code(cpu, IRAM_BASE + 0xffe, jump, sizeof jump);
    put_code(cpu, IRAM_BASE + 0xf00, mark1, sizeof mark1);
    put_code(cpu, IRAM_BASE + 0xb00, mark2, sizeof mark2);
    put_code(cpu, SCRATCH, patcher, sizeof patcher);
    CHECK(run_at(cpu, IRAM_BASE + 0xffe) == LX106_STOPPED && cpu->a[2] == 1);
    cpu->a[3] = 0xfe;   /* the jump's last byte: offset -0x501, target 0x40100b00 */
    cpu->a[4] = IRAM_BASE + 0x1000;
    CHECK(run_at(cpu, SCRATCH) == LX106_STOPPED);
    CHECK(run_at(cpu, IRAM_BASE + 0xffe) == LX106_STOPPED && cpu->a[2] == 2);
}

/* ---- lx106_map and decoded code: unmapping parks it, the same memory back reuses it ---- */

/* "movi.n a2, n; simcall" at off in page p (n < 8). */
static void put_mark(uint8_t *p, uint32_t off, unsigned n) {
    const uint8_t code[] = {0x0c, (uint8_t)(n << 4 | 2), 0x00, 0x51, 0x00};
    memcpy(p + off, code, sizeof code);
}

/* Runs at pc and returns a2 (what the mark there set), or -1 if the run did not stop at SIMCALL. */
static int run_mark(lx106_t *cpu, uint32_t pc) {
    if (run_at(cpu, pc) != LX106_STOPPED || nexc != 0) return -1;
    return (int)cpu->a[2];
}

/* Whether a run at pc faults with InstFetchProhibited, EPC1 pc and EXCVADDR vaddr. */
static bool fetch_faults(lx106_t *cpu, uint32_t pc, uint32_t vaddr) {
    return run_at(cpu, pc) == LX106_STOPPED && nexc == 1 &&
           exc_log[0].cause == LX106_CAUSE_IFETCH_PROHIBITED && exc_log[0].epc1 == pc &&
           exc_log[0].excvaddr == vaddr;
}

/* Unmapped (NULL, 0): fetches fault; HLE: fetches call bus.hle; the same memory back executable
 * reuses the decoded code, which shows when the bytes changed without lx106_invalidate. */
static void test_map_park_and_reuse(lx106_t *cpu) {
    const unsigned rx = LX106_R | LX106_X;
    put_mark(page_a, 0, 1);
    lx106_map(cpu, PAGE_A, LX106_PAGE_SIZE, page_a, rx);
    CHECK(run_mark(cpu, PAGE_A) == 1);
    lx106_map(cpu, PAGE_A, LX106_PAGE_SIZE, NULL, 0);
    CHECK(fetch_faults(cpu, PAGE_A, PAGE_A));
    lx106_map(cpu, PAGE_A, LX106_PAGE_SIZE, page_a, rx);
    CHECK(run_mark(cpu, PAGE_A) == 1);
    lx106_map(cpu, PAGE_A, LX106_PAGE_SIZE, NULL, LX106_HLE);
    CHECK(run_at(cpu, PAGE_A) == LX106_STOPPED && cpu->pc == PAGE_A && nexc == 0);
    put_mark(page_a, 0, 3);   /* no lx106_invalidate: the parked (old) code must come back */
    lx106_map(cpu, PAGE_A, LX106_PAGE_SIZE, page_a, rx);
    CHECK(run_mark(cpu, PAGE_A) == 1);
    lx106_invalidate(cpu, PAGE_A, LX106_PAGE_SIZE);
    CHECK(run_mark(cpu, PAGE_A) == 3);
}

/* lx106_invalidate while unmapped, other host memory, or the same memory mapped without X: the
 * parked code is forgotten and the bytes now there run. */
static void test_map_forget(lx106_t *cpu) {
    const unsigned rx = LX106_R | LX106_X;
    lx106_map(cpu, PAGE_A, LX106_PAGE_SIZE, NULL, 0);
    put_mark(page_a, 0, 2);
    lx106_invalidate(cpu, PAGE_A, LX106_PAGE_SIZE);
    lx106_map(cpu, PAGE_A, LX106_PAGE_SIZE, page_a, rx);
    CHECK(run_mark(cpu, PAGE_A) == 2);
    lx106_map(cpu, PAGE_A, LX106_PAGE_SIZE, NULL, 0);
    put_mark(page_c, 0, 5);
    lx106_map(cpu, PAGE_A, LX106_PAGE_SIZE, page_c, rx);
    CHECK(run_mark(cpu, PAGE_A) == 5);
    lx106_map(cpu, PAGE_A, LX106_PAGE_SIZE, page_a, rx);   /* switched directly, never unmapped */
    CHECK(run_mark(cpu, PAGE_A) == 2);
    lx106_map(cpu, PAGE_A, LX106_PAGE_SIZE, NULL, 0);
    put_mark(page_a, 0, 4);   /* no lx106_invalidate, but the next mapping is not executable */
    lx106_map(cpu, PAGE_A, LX106_PAGE_SIZE, page_a, LX106_R);
    CHECK(fetch_faults(cpu, PAGE_A, PAGE_A));
    lx106_map(cpu, PAGE_A, LX106_PAGE_SIZE, page_a, rx);
    CHECK(run_mark(cpu, PAGE_A) == 4);
}

/* "movi a2, imm" at PAGE_A + 0xffe, its immediate byte the first byte of PAGE_B, then SIMCALL. */
static void put_straddling_movi(uint8_t imm) {
    page_a[0xffe] = 0x22;   /* movi: op0 2, t = a2 */
    page_a[0xfff] = 0xa0;   /* r 0xa (MOVI), imm[11:8] 0 */
    page_b[0] = imm;
    memcpy(page_b + 1, "\x00\x51\x00", 3);   /* simcall */
}

/* An instruction whose last byte is in an unmapped page faults with EXCVADDR at that byte and
 * EPC1 at its start; with the page back it runs again. */
static void test_map_straddle_unmapped(lx106_t *cpu) {
    const unsigned rx = LX106_R | LX106_X;
    put_straddling_movi(6);
    lx106_map(cpu, PAGE_A, LX106_PAGE_SIZE, page_a, rx);
    lx106_map(cpu, PAGE_B, LX106_PAGE_SIZE, page_b, rx);
    CHECK(run_mark(cpu, PAGE_A + 0xffe) == 6);
    lx106_map(cpu, PAGE_B, LX106_PAGE_SIZE, NULL, 0);
    CHECK(fetch_faults(cpu, PAGE_A + 0xffe, PAGE_B));
    lx106_map(cpu, PAGE_B, LX106_PAGE_SIZE, page_b, rx);
    CHECK(run_mark(cpu, PAGE_A + 0xffe) == 6);
}

/* PAGE_A is parked holding the straddling instruction decoded; meanwhile PAGE_B's first byte (the
 * instruction's immediate) changes and is invalidated.  Mapping PAGE_A back must not bring back
 * the instruction decoded from the old byte. */
static void test_map_parked_straddle(lx106_t *cpu) {
    const unsigned rx = LX106_R | LX106_X;
    put_straddling_movi(6);
    lx106_invalidate(cpu, PAGE_A, 2 * LX106_PAGE_SIZE);
    CHECK(run_mark(cpu, PAGE_A + 0xffe) == 6);
    lx106_map(cpu, PAGE_A, LX106_PAGE_SIZE, NULL, 0);
    page_b[0] = 9;
    lx106_invalidate(cpu, PAGE_B, 1);
    lx106_map(cpu, PAGE_A, LX106_PAGE_SIZE, page_a, rx);
    CHECK(run_mark(cpu, PAGE_A + 0xffe) == 9);
}

/* A fetch fault at the double exception vector itself (VECBASE unmapped, PS.EXCM set) halts. */
static void test_double_exception_halt(lx106_t *cpu) {
    cpu->sr[LX106_SR_VECBASE] = HOLE;
    cpu->sr[LX106_SR_PS] = LX106_PS_EXCM;
    cpu->pc = HOLE;
    CHECK(lx106_run(cpu, cpu->cycles + 10) == LX106_HALTED && cpu->halt_reason != NULL);
    CHECK(cpu->sr[LX106_SR_DEPC] == HOLE);
}

/* lx106_reset: the reset vector, PS 0x1f, VECBASE in the ROM, CCOUNT 0, no halt. */
static void test_reset(lx106_t *cpu) {
    lx106_reset(cpu);
    CHECK(cpu->pc == LX106_RESET_VECTOR && cpu->sr[LX106_SR_PS] == 0x1f);
    CHECK(cpu->sr[LX106_SR_VECBASE] == ROM_BASE && lx106_rsr(cpu, LX106_SR_CCOUNT) == 0);
    CHECK(cpu->halt_reason == NULL);
    cpu->sr[LX106_SR_PS] = 0;
    CHECK(run_mark(cpu, PAGE_A) == 4);   /* the address space and its code survive a reset */
}

int main(void) {
    lx106_bus_t bus = {NULL, bus_read, bus_write, bus_hle, bus_simcall};
    lx106_t cpu;
    CHECK(load_guest());
    CHECK(lx106_init(&cpu, &bus));
    if (failed) {
        printf("%d checks, %d failed\n", checks, failed);
        return 1;
    }
    map_all(&cpu);
    test_guest_program(&cpu);
    test_debugger_access(&cpu);
    test_level_input(&cpu);
    test_edge_input(&cpu);
    test_timer(&cpu);
    test_stop(&cpu);
    test_nmi(&cpu);
    test_waiti(&cpu);
    test_break(&cpu);
    test_straddling_store(&cpu);
    test_map_park_and_reuse(&cpu);
    test_map_forget(&cpu);
    test_map_straddle_unmapped(&cpu);
    test_map_parked_straddle(&cpu);
    test_double_exception_halt(&cpu);
    test_reset(&cpu);
    lx106_free(&cpu);
    printf("%d checks, %d failed\n", checks, failed);
    return failed != 0;
}
