/* lx106.h: an instruction-set simulator of the Xtensa LX106 core as configured in the ESP8266 (the
 * same configuration as QEMU's `-cpu lx106`, target/xtensa/core-lx106): the core ISA with the
 * density (16-bit) option, MUL16, MUL32 (MULL only), NSA, the exception and interrupt options
 * (level 1, level 2 = debug, level 3 = NMI), one timer (CCOMPARE0), CCOUNT, LITBASE, no register
 * windows, no FPU, no loops, no boolean registers, no division.
 *
 * The embedder (tools/emu/esp8266.c, tools/emu/lx106_run.c) owns the address space: it maps host
 * memory into 4 KB pages with lx106_map(), and everything else (peripheral registers, the mask ROM
 * emulated in C) goes through the callbacks in lx106_bus_t. */
#ifndef LX106_H
#define LX106_H

#include <stdbool.h>
#include <stdint.h>

#define LX106_PAGE_BITS (12)
#define LX106_PAGE_SIZE (1u << LX106_PAGE_BITS)
#define LX106_PAGES (1u << (32 - LX106_PAGE_BITS))

/* Page flags (lx106_map). */
#define LX106_R         (0x01)   /* loads allowed */
#define LX106_W         (0x02)   /* stores allowed */
#define LX106_X         (0x04)   /* instruction fetch allowed */
#define LX106_WORD_ONLY (0x08)   /* 8/16-bit loads and stores raise LoadStoreError (cause 3), as the
                                    ESP8266's IRAM and flash cache do; 32-bit and fetches work */
#define LX106_HLE       (0x10)   /* reaching a pc in this page calls bus.hle instead of executing */

/* Exception causes (EXCCAUSE) the simulator raises. */
enum {
    LX106_CAUSE_ILLEGAL = 0,
    LX106_CAUSE_SYSCALL = 1,
    LX106_CAUSE_IFETCH_ERROR = 2,
    LX106_CAUSE_LOAD_STORE_ERROR = 3,
    LX106_CAUSE_LEVEL1_INTERRUPT = 4,
    LX106_CAUSE_ALLOCA = 5,
    LX106_CAUSE_DIVIDE_BY_ZERO = 6,
    LX106_CAUSE_PRIVILEGED = 8,
    LX106_CAUSE_UNALIGNED = 9,
    LX106_CAUSE_IFETCH_PROHIBITED = 20,
    LX106_CAUSE_LOAD_PROHIBITED = 28,
    LX106_CAUSE_STORE_PROHIBITED = 29,
};

/* Special register numbers (RSR/WSR/XSR operand). */
enum {
    LX106_SR_LITBASE = 5, LX106_SR_SAR = 3,
    LX106_SR_IBREAKENABLE = 96, LX106_SR_ATOMCTL = 99, LX106_SR_DDR = 104,
    LX106_SR_IBREAKA0 = 128, LX106_SR_DBREAKA0 = 144, LX106_SR_DBREAKC0 = 160,
    LX106_SR_EPC1 = 177, LX106_SR_EPC2 = 178, LX106_SR_EPC3 = 179,
    LX106_SR_DEPC = 192, LX106_SR_EPS2 = 194, LX106_SR_EPS3 = 195,
    LX106_SR_EXCSAVE1 = 209, LX106_SR_EXCSAVE2 = 210, LX106_SR_EXCSAVE3 = 211,
    LX106_SR_INTERRUPT = 226, LX106_SR_INTSET = 226, LX106_SR_INTCLEAR = 227, LX106_SR_INTENABLE = 228,
    LX106_SR_PS = 230, LX106_SR_VECBASE = 231, LX106_SR_EXCCAUSE = 232, LX106_SR_DEBUGCAUSE = 233,
    LX106_SR_CCOUNT = 234, LX106_SR_PRID = 235, LX106_SR_ICOUNT = 236, LX106_SR_ICOUNTLEVEL = 237,
    LX106_SR_EXCVADDR = 238, LX106_SR_CCOMPARE0 = 240,
};

/* PS fields */
#define LX106_PS_INTLEVEL (0x0f)
#define LX106_PS_EXCM     (0x10)
#define LX106_PS_UM       (0x20)

/* Vector offsets from VECBASE (the ESP8266 resets with VECBASE = 0x40000000, in its mask ROM). */
#define LX106_VEC_DEBUG  (0x10)
#define LX106_VEC_NMI    (0x20)
#define LX106_VEC_KERNEL (0x30)
#define LX106_VEC_USER   (0x50)
#define LX106_VEC_DOUBLE (0x70)
#define LX106_RESET_VECTOR (0x40000080u)

typedef struct lx106 lx106_t;

typedef struct {
    void *ctx;
    /* Loads and stores to pages with no host memory (peripheral registers).  size is 1, 2 or 4 and
     * addr is aligned to it.  Returning false makes the access raise Load/StoreProhibited. */
    bool (*read)(void *ctx, uint32_t addr, int size, uint32_t *val);
    bool (*write)(void *ctx, uint32_t addr, int size, uint32_t val);
    /* The pc entered an LX106_HLE page: emulate what is there (a ROM function: arguments in a2..a7,
     * result in a2, return with cpu->pc = cpu->a[0]) by changing the CPU state.  Return false to
     * stop lx106_run (it returns LX106_STOPPED with the pc unchanged). */
    bool (*hle)(void *ctx, lx106_t *cpu);
    /* SIMCALL (QEMU's semihosting call; the chip treats it as a nop).  NULL: a nop.  Return false
     * to stop lx106_run (LX106_STOPPED, pc after the instruction). */
    bool (*simcall)(void *ctx, lx106_t *cpu);
} lx106_bus_t;

/* Why lx106_run returned. */
typedef enum {
    LX106_LIMIT,     /* cpu->cycles reached the limit */
    LX106_WAITING,   /* WAITI: nothing runs until an interrupt above PS.INTLEVEL is pending */
    LX106_STOPPED,   /* a bus hook asked to stop, or lx106_stop() was called */
    LX106_HALTED,    /* a double exception or an exception in an unrecoverable state (see halt_reason) */
} lx106_result_t;

struct lx106 {
    uint32_t a[16];
    uint32_t pc;
    uint32_t sar;
    uint32_t sr[256];         /* special registers by number, except those computed below */
    uint64_t cycles;          /* cycles since reset: one per instruction executed */
    uint32_t ccount_base;     /* CCOUNT = (uint32_t)cycles + ccount_base (WSR CCOUNT sets it) */
    uint32_t irq_level;       /* level-type external interrupt inputs, driven by the embedder */
    uint32_t irq_latched;     /* edge, timer and software interrupts waiting (cleared by INTCLEAR or CCOMPARE writes) */
    bool waiting;             /* in WAITI */
    bool stop;                /* set by lx106_stop(): lx106_run returns LX106_STOPPED at the next instruction */
    const char *halt_reason;
    uint64_t insns;           /* instructions executed (for MIPS figures) */
    lx106_bus_t bus;
    struct lx106_page *pages; /* LX106_PAGES entries, private to lx106.c */
    struct lx106_icache *icache; /* predecoded instructions, private to lx106.c */
};

/* Sets up an empty address space and the CPU in its reset state (pc = LX106_RESET_VECTOR,
 * PS = 0x1f, VECBASE = 0x40000000).  Returns false if out of memory. */
bool lx106_init(lx106_t *cpu, const lx106_bus_t *bus);
void lx106_free(lx106_t *cpu);
/* The core's reset: registers, PS, VECBASE, interrupts; the address space is kept. */
void lx106_reset(lx106_t *cpu);
/* Maps [addr, addr+size) (page aligned) to host memory with the given flags; host NULL with flags
 * 0 unmaps (accesses go to bus.read/write, fetches raise InstFetchProhibited); host NULL with
 * LX106_HLE makes fetches call bus.hle while loads and stores go to bus.read/write. */
void lx106_map(lx106_t *cpu, uint32_t addr, uint32_t size, uint8_t *host, unsigned flags);
/* The host memory behind [addr, addr+size) changed other than through the CPU's own stores (a DMA,
 * a flash write seen through the cache, a loader writing IRAM): forget predecoded instructions. */
void lx106_invalidate(lx106_t *cpu, uint32_t addr, uint32_t size);

/* Runs until cpu->cycles >= cycle_limit, WAITI, a stop or a halt.  Takes pending enabled
 * interrupts (irq_level | irq_latched, including CCOMPARE0 matches, which the simulator detects
 * itself) at instruction boundaries. */
lx106_result_t lx106_run(lx106_t *cpu, uint64_t cycle_limit);
void lx106_stop(lx106_t *cpu);

/* The embedder's interrupt inputs: level-type inputs follow `on`; edge-type inputs latch on a
 * rising `on`.  Which numbers are which type is the LX106 configuration (lx106.c). */
void lx106_set_irq(lx106_t *cpu, int n, bool on);
/* The cycle at which CCOUNT next equals CCOMPARE0 (for an embedder that sleeps while the CPU waits). */
uint64_t lx106_next_timer_cycle(const lx106_t *cpu);

/* Raises an exception as the core would (for bus.hle code emulating a faulting ROM routine). */
void lx106_exception(lx106_t *cpu, int cause, uint32_t vaddr);

/* Guest memory through the page table and the bus, without side effects on the CPU state.
 * false: unmapped, a store to host memory mapped without LX106_W, or the bus refused. */
bool lx106_read(lx106_t *cpu, uint32_t addr, int size, uint32_t *val);
bool lx106_write(lx106_t *cpu, uint32_t addr, int size, uint32_t val);

/* CCOUNT and the computed special registers (INTERRUPT, CCOUNT) as RSR sees them. */
uint32_t lx106_rsr(const lx106_t *cpu, int sr);
void lx106_wsr(lx106_t *cpu, int sr, uint32_t v);

#endif
