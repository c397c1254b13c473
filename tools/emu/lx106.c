/* lx106.c: the instruction-set simulator of the ESP8266's Xtensa LX106 core (lx106.h is the
 * contract).  The configuration is QEMU's `-cpu lx106` (core-lx106/core-isa.h): density, MUL16,
 * MULL, NSA, ABS, ADDX, L32R with LITBASE, XEA2 exceptions with relocatable vectors, 15 interrupts
 * (0..5 level, 6 timer, 7 software, 8..13 edge, all level 1; 14 the NMI at level 3), debug level
 * 2, unaligned 16/32-bit accesses raising LoadStoreAlignment.  Anything else is IllegalInstruction.
 *
 * Speed comes from predecoding: each executable page gets an array with one decoded entry per byte
 * offset (Xtensa instructions start at any byte), filled on first execution and cleared by
 * lx106_invalidate or by the CPU's own stores into that page; dispatch is threaded code, and within
 * one code page the next instruction is found without the page table.  Loads and stores to
 * host-backed pages go straight through a per-page host offset; everything else reaches the bus
 * callbacks.  Interrupts, the CCOMPARE0 timer, stops and the cycle limit are all checked with one
 * compare of the cycle counter against the next "event" cycle, which anything that may change them
 * resets. */
#include "lx106.h"

#include <stdlib.h>
#include <string.h>

#define PAGE_MASK (LX106_PAGE_SIZE - 1)

/* Interrupt configuration (core-isa.h XCHAL_INTTYPE_MASK_*). */
#define INT_LEVEL_MASK  (0x003fu)
#define INT_TIMER0      (6)
#define INT_SOFTWARE    (0x0080u)
#define INT_EDGE_MASK   (0x3f00u)
#define INT_NMI_MASK    (0x4000u)
#define INT_L1_MASK     (0x3fffu)
#define INT_ALL_MASK    (0x7fffu)
#define LEVEL_DEBUG     (2)
#define LEVEL_NMI       (3)
#define EXCM_LEVEL      (1)

/* DEBUGCAUSE bits (Xtensa ISA, debug option). */
#define DEBUGCAUSE_BI (0x08u)
#define DEBUGCAUSE_BN (0x10u)

/* Writable PS bits as QEMU keeps them (WOE, CALLINC, OWB are stored though there are no windows). */
#define PS_WRITE_MASK (0x70f3fu)

/* Fast-path permissions of a page (derived from the lx106_map flags and whether code was decoded
 * from it: stores to such a page take the slow path, which forgets the decoded instructions). */
#define FAST_R32 (0x01)
#define FAST_R8  (0x02)
#define FAST_W32 (0x04)
#define FAST_W8  (0x08)

struct lx106_page {
    uintptr_t base;     /* host address of the page minus its guest address: host = base + addr */
    uint8_t flags;      /* LX106_* as mapped */
    uint8_t fast;       /* FAST_* */
    bool host;          /* host memory behind it */
    /* Decoded code of a page that was unmapped (the ESP8266's flash cache turned off around every
     * flash operation), kept for when the same host memory comes back; parked_base is its base. */
    struct lx106_dinsn *parked;
    uintptr_t parked_base;
};

/* A predecoded instruction. */
typedef struct lx106_dinsn {
    uint8_t op;         /* OP_*; OP_NONE: not decoded yet */
    uint8_t len;        /* 2 or 3 bytes */
    uint8_t r, s, t;    /* register numbers (or small immediates) as the opcode uses them */
    uint32_t imm;       /* immediate, load/store or L32R offset, B*I constant, shift amount */
    uint32_t target;    /* absolute branch/jump/call target (EXTUI: the mask) */
} dinsn_t;

struct lx106_icache {
    dinsn_t **dpages;       /* LX106_PAGES pointers, no_code until code on that page is executed */
    uint64_t timer_at;      /* the next cycle at which CCOUNT equals CCOMPARE0 */
    uint32_t edge_inputs;   /* current levels of the edge-type inputs (to latch on rising edges) */
    bool halt;              /* halt_reason is set: lx106_run returns LX106_HALTED */
};

/* The operations instructions decode to (X-macro: the enum and the dispatch table). */
#define LX106_OPS(X) \
    X(NONE) X(ILL) X(NOP) X(ADD) X(ADDX2) X(ADDX4) X(ADDX8) X(SUB) X(SUBX2) X(SUBX4) X(SUBX8) \
    X(AND) X(OR) X(XOR) X(NEG) X(ABS) X(MOV) X(MOVI) X(ADDI) X(ADDIN) X(ADDMI) X(SLLI) X(SRAI) \
    X(SRLI) X(SRC) X(SRL) X(SLL) X(SRA) X(SSR) X(SSL) X(SSA8L) X(SSA8B) X(SSAI) X(NSA) X(NSAU) \
    X(MUL16U) X(MUL16S) X(MULL) X(EXTUI) X(MOVEQZ) X(MOVNEZ) X(MOVLTZ) X(MOVGEZ) X(RSR) X(WSR) \
    X(XSR) X(RER) X(WER) X(L8UI) X(L16UI) X(L16SI) X(L32I) X(S8I) X(S16I) X(S32I) X(L32R) \
    X(CALL0) X(CALLX0) X(J) X(JX) X(RET) X(BEQZ) X(BNEZ) X(BLTZ) X(BGEZ) X(BEQI) X(BNEI) X(BLTI) \
    X(BGEI) X(BLTUI) X(BGEUI) X(BNONE) X(BEQ) X(BLT) X(BLTU) X(BALL) X(BBC) X(BBCI) X(BANY) \
    X(BNE) X(BGE) X(BGEU) X(BNALL) X(BBS) X(BBSI) X(SYSCALL) X(SIMCALL) X(BREAK) X(BREAKN) \
    X(RSIL) X(WAITI) X(RFE) X(RFDE) X(RFI)

#define OP_ENUM(n) OP_##n,
enum { LX106_OPS(OP_ENUM) OP_COUNT };

/* The decoded page of every page with no decoded code: all OP_NONE, so the run loop needs no NULL
 * test (OP_NONE leads to the slow path).  Never written. */
static dinsn_t no_code[LX106_PAGE_SIZE];

static const int32_t b4const[16] = {-1, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 32, 64, 128, 256};
static const uint32_t b4constu[16] = {32768, 65536, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 32, 64, 128, 256};

/* ---- decoding (Xtensa ISA opcode maps: op0 selects the format, op1/op2/r refine it) ---- */

static uint32_t sext(uint32_t v, int bits) {
    uint32_t m = 1u << (bits - 1);
    return ((v & ((m << 1) - 1)) ^ m) - m;
}

static uint8_t decode_st0(uint32_t r, uint32_t s, uint32_t t) {
    switch (r) {
    case 0:   /* SNM0: m = t[3:2], n = t[1:0] */
        if (t == 0x8 && s == 0) return OP_RET;
        if (t == 0xa) return OP_JX;
        if (t == 0xc) return OP_CALLX0;
        return OP_ILL;
    case 2:   /* ISYNC RSYNC ESYNC DSYNC EXCW MEMW EXTW NOP */
        if (s == 0 && (t <= 3 || t == 8 || t == 12 || t == 13 || t == 15)) return OP_NOP;
        return OP_ILL;
    case 3:
        if (t == 0 && s == 0) return OP_RFE;
        if (t == 0 && s == 2) return OP_RFDE;
        if (t == 1 && (s == LEVEL_DEBUG || s == LEVEL_NMI)) return OP_RFI;
        return OP_ILL;
    case 4: return OP_BREAK;
    case 5:
        if (t == 0 && s == 0) return OP_SYSCALL;
        if (t == 0 && s == 1) return OP_SIMCALL;
        return OP_ILL;
    case 6: return OP_RSIL;
    case 7: return t == 0 ? OP_WAITI : OP_ILL;
    default: return OP_ILL;
    }
}

static uint8_t decode_st1(uint32_t r, uint32_t t) {
    switch (r) {
    case 0: return t == 0 ? OP_SSR : OP_ILL;
    case 1: return t == 0 ? OP_SSL : OP_ILL;
    case 2: return t == 0 ? OP_SSA8L : OP_ILL;
    case 3: return t == 0 ? OP_SSA8B : OP_ILL;
    case 4: return (t & 0xe) == 0 ? OP_SSAI : OP_ILL;
    case 6: return OP_RER;
    case 7: return OP_WER;
    case 14: return OP_NSA;
    case 15: return OP_NSAU;
    default: return OP_ILL;
    }
}

static uint8_t decode_rst0(uint32_t op2, uint32_t r, uint32_t s, uint32_t t) {
    static const uint8_t alu[16] = {
        OP_ILL, OP_AND, OP_OR, OP_XOR, OP_ILL, OP_ILL, OP_ILL, OP_ILL,
        OP_ADD, OP_ADDX2, OP_ADDX4, OP_ADDX8, OP_SUB, OP_SUBX2, OP_SUBX4, OP_SUBX8,
    };
    switch (op2) {
    case 0: return decode_st0(r, s, t);
    case 4: return decode_st1(r, t);
    case 6: return s == 0 ? OP_NEG : s == 1 ? OP_ABS : OP_ILL;
    default: return alu[op2];
    }
}

static uint8_t decode_rst1(dinsn_t *d, uint32_t op2) {
    switch (op2) {
    case 0: case 1:   /* SLLI: the field holds 32 - shift; 0 (a shift by 32) is undefined: QEMU shifts by 0 */
        d->imm = (32 - (((op2 & 1) << 4) | d->t)) & 31;
        return OP_SLLI;
    case 2: case 3:
        d->imm = ((op2 & 1) << 4) | d->s;
        return OP_SRAI;
    case 4: return OP_SRLI;
    case 6: return OP_XSR;
    case 8: return OP_SRC;
    case 9: return d->s == 0 ? OP_SRL : OP_ILL;
    case 10: return d->t == 0 ? OP_SLL : OP_ILL;
    case 11: return d->s == 0 ? OP_SRA : OP_ILL;
    case 12: return OP_MUL16U;
    case 13: return OP_MUL16S;
    default: return OP_ILL;
    }
}

static uint8_t decode_qrst(dinsn_t *d, uint32_t op1, uint32_t op2) {
    static const uint8_t rst3[16] = {
        OP_RSR, OP_WSR, OP_ILL, OP_ILL, OP_ILL, OP_ILL, OP_ILL, OP_ILL,
        OP_MOVEQZ, OP_MOVNEZ, OP_MOVLTZ, OP_MOVGEZ, OP_ILL, OP_ILL, OP_ILL, OP_ILL,
    };
    switch (op1) {
    case 0: return decode_rst0(op2, d->r, d->s, d->t);
    case 1: return decode_rst1(d, op2);
    case 2: return op2 == 8 ? OP_MULL : OP_ILL;
    case 3: return rst3[op2];
    case 4: case 5:   /* EXTUI: shift {op1[0], s}, mask width op2 + 1 */
        d->imm = ((op1 & 1) << 4) | d->s;
        d->target = op2 == 15 ? 0xffffu : (1u << (op2 + 1)) - 1;
        return OP_EXTUI;
    default: return OP_ILL;
    }
}

static uint8_t decode_lsai(dinsn_t *d, uint32_t imm8) {
    switch (d->r) {
    case 0: d->imm = imm8; return OP_L8UI;
    case 1: d->imm = imm8 << 1; return OP_L16UI;
    case 2: d->imm = imm8 << 2; return OP_L32I;
    case 4: d->imm = imm8; return OP_S8I;
    case 5: d->imm = imm8 << 1; return OP_S16I;
    case 6: d->imm = imm8 << 2; return OP_S32I;
    case 9: d->imm = imm8 << 1; return OP_L16SI;
    case 10: d->imm = sext((d->s << 8) | imm8, 12); return OP_MOVI;
    case 12: d->imm = sext(imm8, 8); return OP_ADDI;
    case 13: d->imm = sext(imm8, 8) << 8; return OP_ADDMI;
    default: return OP_ILL;
    }
}

static uint8_t decode_si(dinsn_t *d, uint32_t w, uint32_t pc) {
    static const uint8_t bz[4] = {OP_BEQZ, OP_BNEZ, OP_BLTZ, OP_BGEZ};
    static const uint8_t bi0[4] = {OP_BEQI, OP_BNEI, OP_BLTI, OP_BGEI};
    uint32_t n = d->t & 3, m = d->t >> 2;
    switch (n) {
    case 0:
        d->target = pc + 4 + sext(w >> 6, 18);
        return OP_J;
    case 1:
        d->target = pc + 4 + sext(w >> 12, 12);
        return bz[m];
    case 2:
        d->target = pc + 4 + sext(w >> 16, 8);
        d->imm = (uint32_t)b4const[d->r];
        return bi0[m];
    default:
        if (m < 2) return OP_ILL;   /* ENTRY, BF/BT, LOOP*: not in this configuration */
        d->target = pc + 4 + sext(w >> 16, 8);
        d->imm = b4constu[d->r];
        return m == 2 ? OP_BLTUI : OP_BGEUI;
    }
}

static uint8_t decode_b(dinsn_t *d, uint32_t w, uint32_t pc) {
    static const uint8_t b[16] = {
        OP_BNONE, OP_BEQ, OP_BLT, OP_BLTU, OP_BALL, OP_BBC, OP_BBCI, OP_BBCI,
        OP_BANY, OP_BNE, OP_BGE, OP_BGEU, OP_BNALL, OP_BBS, OP_BBSI, OP_BBSI,
    };
    d->target = pc + 4 + sext(w >> 16, 8);
    d->imm = ((d->r & 1) << 4) | d->t;   /* BBCI/BBSI bit number */
    return b[d->r];
}

static uint8_t decode_narrow(dinsn_t *d, uint32_t op0, uint32_t pc) {
    uint32_t r = d->r, s = d->s, t = d->t;
    switch (op0) {
    case 8: d->imm = r << 2; return OP_L32I;
    case 9: d->imm = r << 2; return OP_S32I;
    case 10: return OP_ADD;
    case 11: d->imm = t == 0 ? 0xffffffffu : t; return OP_ADDIN;
    case 12:
        if ((t & 8) == 0) {   /* MOVI.N as, -32..95 */
            uint32_t v = ((t & 7) << 4) | r;
            d->imm = (v & 0x60) == 0x60 ? v - 128 : v;
            d->t = (uint8_t)s;
            return OP_MOVI;
        }
        d->target = pc + 4 + (((t & 3) << 4) | r);
        return (t & 4) ? OP_BNEZ : OP_BEQZ;
    case 13:
        if (r == 0) return OP_MOV;
        if (r != 15) return OP_ILL;
        if (t == 0 && s == 0) return OP_RET;
        if (t == 2) return OP_BREAKN;
        if (t == 3 && s == 0) return OP_NOP;
        return OP_ILL;   /* ILL.N, RETW.N and the reserved forms */
    default: return OP_ILL;
    }
}

/* w: the instruction's bytes, little-endian (the third byte is ignored for narrow forms). */
static void decode(dinsn_t *d, uint32_t w, uint32_t pc) {
    uint32_t op0 = w & 15;
    memset(d, 0, sizeof *d);
    d->t = (w >> 4) & 15;
    d->s = (w >> 8) & 15;
    d->r = (w >> 12) & 15;
    d->len = op0 >= 8 ? 2 : 3;
    uint8_t op;
    switch (op0) {
    case 0: op = decode_qrst(d, (w >> 16) & 15, (w >> 20) & 15); break;
    case 1:
        d->imm = ((w >> 8) | 0xffff0000u) << 2;
        op = OP_L32R;
        break;
    case 2: op = decode_lsai(d, (w >> 16) & 0xff); break;
    case 5:
        d->target = (pc & ~3u) + (sext(w >> 6, 18) << 2) + 4;
        op = (d->t & 3) == 0 ? OP_CALL0 : OP_ILL;
        break;
    case 6: op = decode_si(d, w, pc); break;
    case 7: op = decode_b(d, w, pc); break;
    default: op = op0 >= 8 ? decode_narrow(d, op0, pc) : OP_ILL; break;
    }
    d->op = op;
}

/* ---- pages and the predecoded cache ---- */

/* Recomputes a page's fast-path bits: stores take the slow path (which forgets decoded instructions)
 * while this page or the one before it (whose last instruction may reach into this one) has code. */
static void page_update_fast(lx106_t *cpu, uint32_t pn) {
    struct lx106_page *p = &cpu->pages[pn];
    bool has_code = cpu->icache->dpages[pn] != no_code ||
                    cpu->icache->dpages[(pn - 1) & (LX106_PAGES - 1)] != no_code;
    uint8_t f = 0;
    if (p->host && (p->flags & LX106_R)) f |= FAST_R32 | ((p->flags & LX106_WORD_ONLY) ? 0 : FAST_R8);
    if (p->host && (p->flags & LX106_W) && !has_code)
        f |= FAST_W32 | ((p->flags & LX106_WORD_ONLY) ? 0 : FAST_W8);
    p->fast = f;
}

static void drop_code_page(lx106_t *cpu, uint32_t pn) {
    dinsn_t **dp = &cpu->icache->dpages[pn];
    if (*dp != no_code) {
        free(*dp);
        *dp = no_code;
    }
    page_update_fast(cpu, pn);
    page_update_fast(cpu, (pn + 1) & (LX106_PAGES - 1));
    /* an instruction starting in the last 2 bytes of the previous page may include bytes of this one */
    dinsn_t *prev = cpu->icache->dpages[(pn - 1) & (LX106_PAGES - 1)];
    if (prev != no_code) {
        prev[LX106_PAGE_SIZE - 2].op = OP_NONE;
        prev[LX106_PAGE_SIZE - 1].op = OP_NONE;
    }
}

/* The CPU stored into a page holding decoded code: forget the instructions overlapping the bytes. */
static void forget_code(lx106_t *cpu, uint32_t addr, int size) {
    for (uint32_t a = addr - 2; a != addr + (uint32_t)size; a++) {
        dinsn_t *dp = cpu->icache->dpages[a >> LX106_PAGE_BITS];
        if (dp != no_code) dp[a & PAGE_MASK].op = OP_NONE;
    }
}

bool lx106_init(lx106_t *cpu, const lx106_bus_t *bus) {
    memset(cpu, 0, sizeof *cpu);
    cpu->bus = *bus;
    cpu->pages = calloc(LX106_PAGES, sizeof *cpu->pages);
    cpu->icache = calloc(1, sizeof *cpu->icache);
    if (cpu->icache) cpu->icache->dpages = calloc(LX106_PAGES, sizeof *cpu->icache->dpages);
    if (!cpu->pages || !cpu->icache || !cpu->icache->dpages) {
        lx106_free(cpu);
        return false;
    }
    for (uint32_t i = 0; i < LX106_PAGES; i++) cpu->icache->dpages[i] = no_code;
    lx106_reset(cpu);
    return true;
}

void lx106_free(lx106_t *cpu) {
    if (cpu->icache && cpu->icache->dpages) {
        for (uint32_t i = 0; i < LX106_PAGES; i++) {
            if (cpu->icache->dpages[i] != no_code) free(cpu->icache->dpages[i]);
            free(cpu->pages[i].parked);
        }
        free(cpu->icache->dpages);
    }
    free(cpu->icache);
    free(cpu->pages);
    cpu->icache = NULL;
    cpu->pages = NULL;
}

static void timer_rearm(lx106_t *cpu) {
    uint32_t delta = cpu->sr[LX106_SR_CCOMPARE0] - ((uint32_t)cpu->cycles + cpu->ccount_base);
    cpu->icache->timer_at = cpu->cycles + (delta ? delta : (1ull << 32));
}

void lx106_reset(lx106_t *cpu) {
    memset(cpu->a, 0, sizeof cpu->a);
    memset(cpu->sr, 0, sizeof cpu->sr);
    cpu->sar = 0;
    cpu->pc = LX106_RESET_VECTOR;
    cpu->sr[LX106_SR_PS] = 0x1f;
    cpu->sr[LX106_SR_VECBASE] = 0x40000000u;
    cpu->ccount_base = -(uint32_t)cpu->cycles;   /* CCOUNT restarts at 0; virtual time goes on */
    cpu->irq_level = 0;
    cpu->irq_latched = 0;
    cpu->waiting = false;
    cpu->stop = false;
    cpu->halt_reason = NULL;
    cpu->icache->edge_inputs = 0;
    cpu->icache->halt = false;
    timer_rearm(cpu);
}

static void free_parked(struct lx106_page *p) {
    free(p->parked);
    p->parked = NULL;
}

/* Unmapping a page parks its decoded code; mapping the same host memory back (executable) takes
 * it out again, so turning the flash cache off and on costs no decoding.  Any other mapping, or
 * lx106_invalidate, forgets it. */
void lx106_map(lx106_t *cpu, uint32_t addr, uint32_t size, uint8_t *host, unsigned flags) {
    for (uint32_t off = 0; off < size; off += LX106_PAGE_SIZE) {
        uint32_t pn = (addr + off) >> LX106_PAGE_BITS;
        struct lx106_page *p = &cpu->pages[pn];
        uintptr_t base = host ? (uintptr_t)(host + off) - (uintptr_t)(addr + off) : 0;
        dinsn_t **dp = &cpu->icache->dpages[pn];
        if (!host && *dp != no_code && !p->parked) {
            p->parked = *dp;
            p->parked_base = p->base;
            *dp = no_code;
        }
        p->host = host != NULL;
        p->base = base;
        p->flags = (uint8_t)flags;
        drop_code_page(cpu, pn);
        if (host && p->parked) {
            if (base == p->parked_base && (flags & LX106_X) && !(flags & LX106_HLE)) {
                *dp = p->parked;
                p->parked = NULL;
                /* an instruction in the last 2 bytes may run on into the next page, which may
                 * have changed meanwhile: decode those again */
                (*dp)[LX106_PAGE_SIZE - 2].op = OP_NONE;
                (*dp)[LX106_PAGE_SIZE - 1].op = OP_NONE;
                page_update_fast(cpu, pn);
                page_update_fast(cpu, (pn + 1) & (LX106_PAGES - 1));
            } else {
                free_parked(p);
            }
        }
    }
}

void lx106_invalidate(lx106_t *cpu, uint32_t addr, uint32_t size) {
    if (size == 0) return;
    uint32_t first = addr >> LX106_PAGE_BITS, last = (addr + size - 1) >> LX106_PAGE_BITS;
    for (uint32_t pn = first;; pn = (pn + 1) & (LX106_PAGES - 1)) {
        if (cpu->icache->dpages[pn] != no_code) drop_code_page(cpu, pn);
        free_parked(&cpu->pages[pn]);
        if (pn == last) break;
    }
}

/* ---- special registers ---- */

static bool sr_exists(int sr) {
    switch (sr) {
    case LX106_SR_SAR: case LX106_SR_LITBASE: case LX106_SR_IBREAKENABLE: case LX106_SR_DDR:
    case LX106_SR_IBREAKA0: case LX106_SR_DBREAKA0: case LX106_SR_DBREAKC0:
    case LX106_SR_EPC1: case LX106_SR_EPC2: case LX106_SR_EPC3: case LX106_SR_DEPC:
    case LX106_SR_EPS2: case LX106_SR_EPS3:
    case LX106_SR_EXCSAVE1: case LX106_SR_EXCSAVE2: case LX106_SR_EXCSAVE3:
    case LX106_SR_INTSET: case LX106_SR_INTCLEAR: case LX106_SR_INTENABLE: case LX106_SR_PS:
    case LX106_SR_VECBASE: case LX106_SR_EXCCAUSE: case LX106_SR_DEBUGCAUSE: case LX106_SR_CCOUNT:
    case LX106_SR_PRID: case LX106_SR_ICOUNT: case LX106_SR_ICOUNTLEVEL: case LX106_SR_EXCVADDR:
    case LX106_SR_CCOMPARE0:
        return true;
    default:
        return false;
    }
}

static bool sr_readable(int sr) {
    return sr_exists(sr) && sr != LX106_SR_INTCLEAR;
}

static bool sr_writable(int sr) {
    return sr_exists(sr) && sr != LX106_SR_DEBUGCAUSE && sr != LX106_SR_PRID;
}

uint32_t lx106_rsr(const lx106_t *cpu, int sr) {
    switch (sr) {
    case LX106_SR_SAR: return cpu->sar;
    case LX106_SR_INTERRUPT: return (cpu->irq_level | cpu->irq_latched) & INT_ALL_MASK;
    case LX106_SR_CCOUNT: return (uint32_t)cpu->cycles + cpu->ccount_base;
    default: return cpu->sr[sr & 255];
    }
}

void lx106_wsr(lx106_t *cpu, int sr, uint32_t v) {
    switch (sr) {
    case LX106_SR_SAR: cpu->sar = v & 0x3f; break;
    case LX106_SR_LITBASE: cpu->sr[sr] = v & 0xfffff001u; break;
    case LX106_SR_PS: cpu->sr[sr] = v & PS_WRITE_MASK; break;
    case LX106_SR_IBREAKENABLE: cpu->sr[sr] = v & 1; break;
    case LX106_SR_ICOUNTLEVEL: cpu->sr[sr] = v & 15; break;
    case LX106_SR_DBREAKC0: cpu->sr[sr] = v & 0xc000003fu; break;
    case LX106_SR_INTSET: cpu->irq_latched |= v & INT_SOFTWARE; break;
    case LX106_SR_INTCLEAR: cpu->irq_latched &= ~(v & (INT_SOFTWARE | INT_EDGE_MASK)); break;
    case LX106_SR_CCOUNT:
        cpu->ccount_base = v - (uint32_t)cpu->cycles;
        timer_rearm(cpu);
        break;
    case LX106_SR_CCOMPARE0:
        cpu->sr[sr] = v;
        cpu->irq_latched &= ~(1u << INT_TIMER0);
        timer_rearm(cpu);
        break;
    default: cpu->sr[sr & 255] = v; break;
    }
}

/* ---- exceptions and interrupts ---- */

static uint32_t cintlevel(const lx106_t *cpu) {
    uint32_t ps = cpu->sr[LX106_SR_PS], level = ps & LX106_PS_INTLEVEL;
    if ((ps & LX106_PS_EXCM) && level < EXCM_LEVEL) level = EXCM_LEVEL;
    return level;
}

/* Enters the general exception vector for an exception at pc (cause, EXCVADDR set by the caller). */
static void take_exception(lx106_t *cpu, uint32_t pc, int cause) {
    uint32_t *sr = cpu->sr, vecbase = sr[LX106_SR_VECBASE];
    if (sr[LX106_SR_PS] & LX106_PS_EXCM) {
        if (pc == vecbase + LX106_VEC_DOUBLE) {   /* the double exception vector itself faults */
            cpu->halt_reason = "double exception with no usable double exception vector";
            cpu->icache->halt = true;
            return;
        }
        sr[LX106_SR_DEPC] = pc;
        cpu->pc = vecbase + LX106_VEC_DOUBLE;
    } else {
        sr[LX106_SR_EPC1] = pc;
        cpu->pc = vecbase + ((sr[LX106_SR_PS] & LX106_PS_UM) ? LX106_VEC_USER : LX106_VEC_KERNEL);
    }
    sr[LX106_SR_EXCCAUSE] = (uint32_t)cause;
    sr[LX106_SR_PS] |= LX106_PS_EXCM;
}

void lx106_exception(lx106_t *cpu, int cause, uint32_t vaddr) {
    cpu->sr[LX106_SR_EXCVADDR] = vaddr;
    take_exception(cpu, cpu->pc, cause);
}

/* Enters the vector of interrupt level `level` >= 2 (the debug exception uses level 2). */
static void take_high_level(lx106_t *cpu, uint32_t pc, uint32_t level, uint32_t vec) {
    uint32_t *sr = cpu->sr;
    sr[LX106_SR_EPC1 + level - 1] = pc;
    sr[LX106_SR_EPS2 + level - 2] = sr[LX106_SR_PS];
    sr[LX106_SR_PS] = (sr[LX106_SR_PS] & ~LX106_PS_INTLEVEL) | LX106_PS_EXCM | level;
    cpu->pc = sr[LX106_SR_VECBASE] + vec;
}

/* BREAK / BREAK.N: a debug exception when the current level is below the debug level, else a nop
 * (as QEMU does).  Returns whether it was taken. */
static bool debug_exception(lx106_t *cpu, uint32_t pc, uint32_t cause) {
    if (cintlevel(cpu) >= LEVEL_DEBUG) return false;
    cpu->sr[LX106_SR_DEBUGCAUSE] = cause;
    take_high_level(cpu, pc, LEVEL_DEBUG, LX106_VEC_DEBUG);
    return true;
}

/* Takes the highest pending enabled interrupt the current level allows (the NMI always). */
static void check_interrupts(lx106_t *cpu) {
    uint32_t pending = (cpu->irq_level | cpu->irq_latched) & (cpu->sr[LX106_SR_INTENABLE] | INT_NMI_MASK);
    if (pending & INT_NMI_MASK) {
        cpu->irq_latched &= ~INT_NMI_MASK;
        cpu->waiting = false;
        take_high_level(cpu, cpu->pc, LEVEL_NMI, LX106_VEC_NMI);
    } else if ((pending & INT_L1_MASK) && cintlevel(cpu) < 1) {
        cpu->waiting = false;
        take_exception(cpu, cpu->pc, LX106_CAUSE_LEVEL1_INTERRUPT);
    }
}

static void timer_sync(lx106_t *cpu) {
    if (cpu->cycles >= cpu->icache->timer_at) {
        cpu->irq_latched |= 1u << INT_TIMER0;
        timer_rearm(cpu);
    }
}

void lx106_set_irq(lx106_t *cpu, int n, bool on) {
    if (n < 0 || n > 14) return;
    uint32_t bit = 1u << n;
    if (bit & INT_LEVEL_MASK) {
        cpu->irq_level = on ? cpu->irq_level | bit : cpu->irq_level & ~bit;
    } else if (bit & (INT_EDGE_MASK | INT_NMI_MASK)) {
        if (on && !(cpu->icache->edge_inputs & bit)) cpu->irq_latched |= bit;
        cpu->icache->edge_inputs = on ? cpu->icache->edge_inputs | bit : cpu->icache->edge_inputs & ~bit;
    }
}

uint64_t lx106_next_timer_cycle(const lx106_t *cpu) {
    return cpu->icache->timer_at;
}

void lx106_stop(lx106_t *cpu) {
    cpu->stop = true;
}

/* ---- memory ---- */

static inline uint32_t ld32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static inline uint32_t ld16(const uint8_t *p) { uint16_t v; memcpy(&v, p, 2); return v; }
static inline void st32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static inline void st16(uint8_t *p, uint32_t v) { uint16_t h = (uint16_t)v; memcpy(p, &h, 2); }

static uint32_t host_load(const uint8_t *p, int size) {
    return size == 4 ? ld32(p) : size == 2 ? ld16(p) : *p;
}

static void host_store(uint8_t *p, int size, uint32_t v) {
    if (size == 4) st32(p, v);
    else if (size == 2) st16(p, v);
    else *p = (uint8_t)v;
}

/* The slow path of an aligned load: returns -1, or the exception cause. */
static int load_slow(lx106_t *cpu, uint32_t addr, int size, uint32_t *val) {
    struct lx106_page *p = &cpu->pages[addr >> LX106_PAGE_BITS];
    if (p->host && (p->flags & LX106_R)) {
        if (size < 4 && (p->flags & LX106_WORD_ONLY)) return LX106_CAUSE_LOAD_STORE_ERROR;
        *val = host_load((uint8_t *)(p->base + addr), size);
        return -1;
    }
    if (!p->host && cpu->bus.read && cpu->bus.read(cpu->bus.ctx, addr, size, val)) return -1;
    return LX106_CAUSE_LOAD_PROHIBITED;
}

static int store_slow(lx106_t *cpu, uint32_t addr, int size, uint32_t val) {
    struct lx106_page *p = &cpu->pages[addr >> LX106_PAGE_BITS];
    if (p->host && (p->flags & LX106_W)) {
        if (size < 4 && (p->flags & LX106_WORD_ONLY)) return LX106_CAUSE_LOAD_STORE_ERROR;
        host_store((uint8_t *)(p->base + addr), size, val);
        forget_code(cpu, addr, size);
        return -1;
    }
    if (!p->host && cpu->bus.write && cpu->bus.write(cpu->bus.ctx, addr, size, val)) return -1;
    return LX106_CAUSE_STORE_PROHIBITED;
}

bool lx106_read(lx106_t *cpu, uint32_t addr, int size, uint32_t *val) {
    struct lx106_page *p = &cpu->pages[addr >> LX106_PAGE_BITS];
    if (p->host && ((addr & PAGE_MASK) + (uint32_t)size <= LX106_PAGE_SIZE)) {
        *val = host_load((uint8_t *)(p->base + addr), size);
        return true;
    }
    if (p->host || (addr & (uint32_t)(size - 1))) {   /* straddles pages, or unaligned on the bus */
        uint32_t v = 0, b;
        for (int i = 0; i < size; i++) {
            struct lx106_page *q = &cpu->pages[(addr + i) >> LX106_PAGE_BITS];
            if (!q->host) return false;
            b = *(uint8_t *)(q->base + addr + i);
            v |= b << (8 * i);
        }
        *val = v;
        return true;
    }
    return cpu->bus.read && cpu->bus.read(cpu->bus.ctx, addr, size, val);
}

bool lx106_write(lx106_t *cpu, uint32_t addr, int size, uint32_t val) {
    for (int i = 0; i < size; i++) {
        const struct lx106_page *p = &cpu->pages[(addr + i) >> LX106_PAGE_BITS];
        if (!p->host) {
            if (i > 0 || (addr & (uint32_t)(size - 1))) return false;
            return cpu->bus.write && cpu->bus.write(cpu->bus.ctx, addr, size, val);
        }
        if (!(p->flags & LX106_W)) return false;   /* the ROM, the flash window: read-only */
    }
    for (int i = 0; i < size; i++) {
        struct lx106_page *q = &cpu->pages[(addr + i) >> LX106_PAGE_BITS];
        *(uint8_t *)(q->base + addr + i) = (uint8_t)(val >> (8 * i));
    }
    lx106_invalidate(cpu, addr, (uint32_t)size);
    return true;
}

/* ---- instruction fetch ---- */

enum { FETCH_OK, FETCH_REDIRECTED, FETCH_STOP };

/* Reads byte `addr` for execution; false if its page is not executable host memory. */
static bool fetch_byte(lx106_t *cpu, uint32_t addr, uint32_t *b) {
    struct lx106_page *p = &cpu->pages[addr >> LX106_PAGE_BITS];
    if (!p->host || !(p->flags & LX106_X) || (p->flags & LX106_HLE)) return false;
    *b = *(uint8_t *)(p->base + addr);
    return true;
}

/* Decodes the instruction at cpu->pc into its cache slot; raises InstFetchProhibited if the bytes
 * are not executable.  Returns the slot or NULL (exception taken). */
static dinsn_t *fetch_decode(lx106_t *cpu, dinsn_t *slot) {
    uint32_t pc = cpu->pc, b0, b1, b2 = 0;
    if (!fetch_byte(cpu, pc, &b0)) goto fault;
    uint32_t len = (b0 & 15) >= 8 ? 2 : 3;
    if (!fetch_byte(cpu, pc + 1, &b1)) { pc = pc + 1; goto fault; }
    if (len == 3 && !fetch_byte(cpu, pc + 2, &b2)) { pc = pc + 2; goto fault; }
    decode(slot, b0 | (b1 << 8) | (b2 << 16), cpu->pc);
    return slot;
fault:
    cpu->sr[LX106_SR_EXCVADDR] = pc;
    take_exception(cpu, cpu->pc, LX106_CAUSE_IFETCH_PROHIBITED);
    return NULL;
}

/* The pc's page has no decoded code yet: an HLE page, a non-executable page, or a first visit. */
static int fetch_slow(lx106_t *cpu) {
    uint32_t pn = cpu->pc >> LX106_PAGE_BITS;
    struct lx106_page *p = &cpu->pages[pn];
    if (p->flags & LX106_HLE) {
        if (!cpu->bus.hle || !cpu->bus.hle(cpu->bus.ctx, cpu)) return FETCH_STOP;
        return FETCH_REDIRECTED;
    }
    if (!p->host || !(p->flags & LX106_X)) {
        cpu->sr[LX106_SR_EXCVADDR] = cpu->pc;
        take_exception(cpu, cpu->pc, LX106_CAUSE_IFETCH_PROHIBITED);
        return FETCH_REDIRECTED;
    }
    dinsn_t *dp = calloc(LX106_PAGE_SIZE, sizeof *dp);
    if (!dp) {
        cpu->halt_reason = "out of memory for decoded instructions";
        cpu->icache->halt = true;
        return FETCH_REDIRECTED;
    }
    cpu->icache->dpages[pn] = dp;
    page_update_fast(cpu, pn);
    page_update_fast(cpu, (pn + 1) & (LX106_PAGES - 1));
    return FETCH_OK;
}

/* The instruction at cpu->pc is not decoded: decodes it (on a new code page if need be), or an HLE
 * call, a fetch fault or a stop happens instead. */
static int fetch_page_and_decode(lx106_t *cpu) {
    uint32_t pn = cpu->pc >> LX106_PAGE_BITS;
    if (cpu->icache->dpages[pn] == no_code) {
        int f = fetch_slow(cpu);
        if (f != FETCH_OK) return f;
    }
    if (!fetch_decode(cpu, &cpu->icache->dpages[pn][cpu->pc & PAGE_MASK])) return FETCH_REDIRECTED;
    return FETCH_OK;
}

/* ---- the run loop ---- */

enum { EV_CONTINUE = -1 };

/* Between instructions, with the CPU state in *cpu: stops, the timer, interrupts, the limit. */
static int run_events(lx106_t *cpu, uint64_t limit, uint64_t *next_event) {
    if (cpu->icache->halt) return LX106_HALTED;
    if (cpu->stop) {
        cpu->stop = false;
        return LX106_STOPPED;
    }
    timer_sync(cpu);
    check_interrupts(cpu);
    if (cpu->icache->halt) return LX106_HALTED;
    if (cpu->waiting) return LX106_WAITING;
    if (cpu->cycles >= limit) return LX106_LIMIT;
    *next_event = limit < cpu->icache->timer_at ? limit : cpu->icache->timer_at;
    return EV_CONTINUE;
}

static uint32_t nsa(uint32_t v) {
    uint32_t x = (v & 0x80000000u) ? ~v : v;
    return x == 0 ? 31 : (uint32_t)__builtin_clz(x) - 1;
}

/* The state the loop keeps in locals is written back (OUT) before anything that may look at or
 * change the CPU from outside the loop, and reloaded (IN) after it. */
#define SYNC_OUT() do { cpu->pc = pc; cpu->insns += cyc - seg; cpu->cycles = seg = cyc; } while (0)
#define SYNC_IN()  do { pc = cpu->pc; cyc = seg = cpu->cycles; ev = 0; } while (0)

#define BRANCH(cond) do { npc = (cond) ? d->target : npc; } while (0)

/* An exception raised by the instruction at pc. */
#define RAISE(cause, vaddr) do { \
        SYNC_OUT(); \
        cpu->sr[LX106_SR_EXCVADDR] = (vaddr); \
        take_exception(cpu, pc, (cause)); \
        SYNC_IN(); \
        goto next; \
    } while (0)

#define RAISE_NOVADDR(cause) do { \
        SYNC_OUT(); \
        take_exception(cpu, pc, (cause)); \
        SYNC_IN(); \
        goto next; \
    } while (0)

#define LOAD(dst, addr, size, fastbit, expr) do { \
        uint32_t ea_ = (addr); \
        if (ea_ & ((size) - 1)) RAISE(LX106_CAUSE_UNALIGNED, ea_); \
        struct lx106_page *pg_ = &pages[ea_ >> LX106_PAGE_BITS]; \
        if (__builtin_expect(pg_->fast & (fastbit), 1)) { \
            const uint8_t *hp_ = (const uint8_t *)(pg_->base + ea_); \
            dst = (expr); \
        } else { \
            uint32_t v_, *dst_ = &(dst); /* taken before the bus call, which may drop *d */ \
            SYNC_OUT(); \
            int c_ = load_slow(cpu, ea_, (size), &v_); \
            SYNC_IN(); \
            if (c_ >= 0) RAISE(c_, ea_); \
            *dst_ = v_; \
        } \
    } while (0)

#define STORE(addr, size, fastbit, val) do { \
        uint32_t ea_ = (addr), sv_ = (val); \
        if (ea_ & ((size) - 1)) RAISE(LX106_CAUSE_UNALIGNED, ea_); \
        struct lx106_page *pg_ = &pages[ea_ >> LX106_PAGE_BITS]; \
        if (__builtin_expect(pg_->fast & (fastbit), 1)) { \
            host_store((uint8_t *)(pg_->base + ea_), (size), sv_); \
        } else { \
            SYNC_OUT(); \
            int c_ = store_slow(cpu, ea_, (size), sv_); \
            SYNC_IN(); \
            if (c_ >= 0) RAISE(c_, ea_); \
        } \
    } while (0)

/* Dispatch: threaded code (GNU C labels as values: each handler ends by dispatching the next
 * instruction itself, which the host predicts better than one shared switch); -DLX106_NO_THREADED
 * builds the same handlers as a switch, to compare or debug. */
#ifndef LX106_NO_THREADED
#define LX106_THREADED
#define DISPATCH() goto *labels[d->op];
#define CASE(n) L_##n
#define SWITCH_DEFAULT
#define NEXT do { ADVANCE(); goto *labels[d->op]; } while (0)
#else
#define DISPATCH() switch (d->op)
#define CASE(n) case OP_##n
#define SWITCH_DEFAULT default:
#define NEXT goto advance
#endif

/* From one instruction to the next: events go the long way (`next`); within the current code page
 * the decoded instruction is found without the page table. */
#define ADVANCE() do { \
        pc = npc; \
        if (__builtin_expect(cyc >= ev, 0)) goto next; \
        if (__builtin_expect(pc - page_base < LX106_PAGE_SIZE, 1)) { \
            d = page + (pc - page_base); \
        } else { \
            page_base = pc & ~PAGE_MASK; \
            page = dpages[pc >> LX106_PAGE_BITS]; \
            d = page + (pc & PAGE_MASK); \
        } \
        cyc++; \
        npc = pc + d->len; \
    } while (0)

lx106_result_t lx106_run(lx106_t *cpu, uint64_t cycle_limit) {
    struct lx106_page *pages = cpu->pages;
    dinsn_t **dpages = cpu->icache->dpages;
    uint32_t *a = cpu->a;
    uint32_t pc, npc;
    uint64_t cyc, seg, ev;
    int res;
    /* The current code page, valid until the next `goto next` (everything that may drop or add a
     * code page goes there), so instructions in the same page need no page table lookup. */
    const dinsn_t *d, *page;
    uint32_t page_base;
#ifdef LX106_THREADED
#define OP_LABEL(n) &&L_##n,
    static const void *const labels[OP_COUNT] = { LX106_OPS(OP_LABEL) };
#endif
    SYNC_IN();
    for (;;) {
    next:
        if (__builtin_expect(cyc >= ev, 0)) {
            SYNC_OUT();
            res = run_events(cpu, cycle_limit, &ev);
            if (res != EV_CONTINUE) return (lx106_result_t)res;
            pc = cpu->pc;
        }
        page_base = pc & ~PAGE_MASK;
        page = dpages[pc >> LX106_PAGE_BITS];
        d = page + (pc & PAGE_MASK);
        cyc++;
        npc = pc + d->len;
#ifndef LX106_THREADED
    dispatch:
#endif
        DISPATCH() {
        CASE(NONE):   /* not decoded yet, or no code page: decode, or HLE, or a fetch fault */
            cyc--;
            SYNC_OUT();
            res = fetch_page_and_decode(cpu);
            if (res == FETCH_STOP) return LX106_STOPPED;
            if (res == FETCH_REDIRECTED) {
                cpu->cycles++;   /* an HLE call or a fault: time moves, so limits are reached */
                cpu->insns++;
            }
            SYNC_IN();
            goto next;
        CASE(NOP): NEXT;
        CASE(ADD): a[d->r] = a[d->s] + a[d->t]; NEXT;
        CASE(ADDX2): a[d->r] = (a[d->s] << 1) + a[d->t]; NEXT;
        CASE(ADDX4): a[d->r] = (a[d->s] << 2) + a[d->t]; NEXT;
        CASE(ADDX8): a[d->r] = (a[d->s] << 3) + a[d->t]; NEXT;
        CASE(SUB): a[d->r] = a[d->s] - a[d->t]; NEXT;
        CASE(SUBX2): a[d->r] = (a[d->s] << 1) - a[d->t]; NEXT;
        CASE(SUBX4): a[d->r] = (a[d->s] << 2) - a[d->t]; NEXT;
        CASE(SUBX8): a[d->r] = (a[d->s] << 3) - a[d->t]; NEXT;
        CASE(AND): a[d->r] = a[d->s] & a[d->t]; NEXT;
        CASE(OR): a[d->r] = a[d->s] | a[d->t]; NEXT;
        CASE(XOR): a[d->r] = a[d->s] ^ a[d->t]; NEXT;
        CASE(NEG): a[d->r] = -a[d->t]; NEXT;
        CASE(ABS): a[d->r] = (int32_t)a[d->t] < 0 ? -a[d->t] : a[d->t]; NEXT;
        CASE(MOV): a[d->t] = a[d->s]; NEXT;
        CASE(MOVI): a[d->t] = d->imm; NEXT;
        CASE(ADDI): a[d->t] = a[d->s] + d->imm; NEXT;
        CASE(ADDIN): a[d->r] = a[d->s] + d->imm; NEXT;
        CASE(ADDMI): a[d->t] = a[d->s] + d->imm; NEXT;
        CASE(SLLI): a[d->r] = a[d->s] << d->imm; NEXT;
        CASE(SRAI): a[d->r] = (uint32_t)((int32_t)a[d->t] >> d->imm); NEXT;
        CASE(SRLI): a[d->r] = a[d->t] >> d->s; NEXT;
        CASE(SRC): a[d->r] = (uint32_t)((((uint64_t)a[d->s] << 32) | a[d->t]) >> cpu->sar); NEXT;
        CASE(SRL): a[d->r] = (uint32_t)((uint64_t)a[d->t] >> cpu->sar); NEXT;
        CASE(SLL): a[d->r] = (uint32_t)((uint64_t)a[d->s] << ((32 - cpu->sar) & 63)); NEXT;
        CASE(SRA): a[d->r] = (uint32_t)(int32_t)((int64_t)(int32_t)a[d->t] >> cpu->sar); NEXT;
        CASE(SSR): cpu->sar = a[d->s] & 31; NEXT;
        CASE(SSL): cpu->sar = 32 - (a[d->s] & 31); NEXT;
        CASE(SSA8L): cpu->sar = (a[d->s] & 3) << 3; NEXT;
        CASE(SSA8B): cpu->sar = 32 - ((a[d->s] & 3) << 3); NEXT;
        CASE(SSAI): cpu->sar = d->s | ((d->t & 1u) << 4); NEXT;
        CASE(NSA): a[d->t] = nsa(a[d->s]); NEXT;
        CASE(NSAU): a[d->t] = a[d->s] ? (uint32_t)__builtin_clz(a[d->s]) : 32; NEXT;
        CASE(MUL16U): a[d->r] = (a[d->s] & 0xffff) * (a[d->t] & 0xffff); NEXT;
        CASE(MUL16S): a[d->r] = (uint32_t)((int32_t)(int16_t)a[d->s] * (int32_t)(int16_t)a[d->t]); NEXT;
        CASE(MULL): a[d->r] = a[d->s] * a[d->t]; NEXT;
        CASE(EXTUI): a[d->r] = (a[d->t] >> d->imm) & d->target; NEXT;
        CASE(MOVEQZ): if (a[d->t] == 0) a[d->r] = a[d->s]; NEXT;
        CASE(MOVNEZ): if (a[d->t] != 0) a[d->r] = a[d->s]; NEXT;
        CASE(MOVLTZ): if ((int32_t)a[d->t] < 0) a[d->r] = a[d->s]; NEXT;
        CASE(MOVGEZ): if ((int32_t)a[d->t] >= 0) a[d->r] = a[d->s]; NEXT;
        CASE(RSR): {
            int sr = (d->r << 4) | d->s;
            if (!sr_readable(sr)) RAISE_NOVADDR(LX106_CAUSE_ILLEGAL);
            SYNC_OUT();
            a[d->t] = lx106_rsr(cpu, sr);
            NEXT;
        }
        CASE(WSR): {
            int sr = (d->r << 4) | d->s;
            if (!sr_writable(sr)) RAISE_NOVADDR(LX106_CAUSE_ILLEGAL);
            SYNC_OUT();
            lx106_wsr(cpu, sr, a[d->t]);
            ev = 0;   /* PS, INTENABLE, INTSET, CCOMPARE0... may have changed what is pending */
            NEXT;
        }
        CASE(XSR): {
            int sr = (d->r << 4) | d->s;
            if (!sr_readable(sr) || !sr_writable(sr)) RAISE_NOVADDR(LX106_CAUSE_ILLEGAL);
            SYNC_OUT();
            uint32_t old = lx106_rsr(cpu, sr);
            lx106_wsr(cpu, sr, a[d->t]);
            a[d->t] = old;
            ev = 0;
            NEXT;
        }
        CASE(RER): a[d->t] = 0; NEXT;   /* no external registers are attached */
        CASE(WER): NEXT;
        CASE(L8UI): LOAD(a[d->t], a[d->s] + d->imm, 1, FAST_R8, *hp_); NEXT;
        CASE(L16UI): LOAD(a[d->t], a[d->s] + d->imm, 2, FAST_R8, ld16(hp_)); NEXT;
        CASE(L16SI): {
            uint32_t v, *dst = &a[d->t];   /* before a bus call that may drop *d */
            LOAD(v, a[d->s] + d->imm, 2, FAST_R8, ld16(hp_));
            *dst = sext(v, 16);
            NEXT;
        }
        CASE(L32I): LOAD(a[d->t], a[d->s] + d->imm, 4, FAST_R32, ld32(hp_)); NEXT;
        CASE(L32R): {
            uint32_t lb = cpu->sr[LX106_SR_LITBASE];
            uint32_t ea = (lb & 1) ? (lb & 0xfffff000u) + d->imm : ((pc + 3) & ~3u) + d->imm;
            LOAD(a[d->t], ea, 4, FAST_R32, ld32(hp_));
            NEXT;
        }
        CASE(S8I): STORE(a[d->s] + d->imm, 1, FAST_W8, a[d->t]); NEXT;
        CASE(S16I): STORE(a[d->s] + d->imm, 2, FAST_W8, a[d->t]); NEXT;
        CASE(S32I): STORE(a[d->s] + d->imm, 4, FAST_W32, a[d->t]); NEXT;
        CASE(CALL0): a[0] = pc + 3; npc = d->target; NEXT;
        CASE(CALLX0): { uint32_t t = a[d->s]; a[0] = pc + 3; npc = t; NEXT; }
        CASE(J): npc = d->target; NEXT;
        CASE(JX): npc = a[d->s]; NEXT;
        CASE(RET): npc = a[0]; NEXT;
        CASE(BEQZ): BRANCH(a[d->s] == 0); NEXT;
        CASE(BNEZ): BRANCH(a[d->s] != 0); NEXT;
        CASE(BLTZ): BRANCH((int32_t)a[d->s] < 0); NEXT;
        CASE(BGEZ): BRANCH((int32_t)a[d->s] >= 0); NEXT;
        CASE(BEQI): BRANCH(a[d->s] == d->imm); NEXT;
        CASE(BNEI): BRANCH(a[d->s] != d->imm); NEXT;
        CASE(BLTI): BRANCH((int32_t)a[d->s] < (int32_t)d->imm); NEXT;
        CASE(BGEI): BRANCH((int32_t)a[d->s] >= (int32_t)d->imm); NEXT;
        CASE(BLTUI): BRANCH(a[d->s] < d->imm); NEXT;
        CASE(BGEUI): BRANCH(a[d->s] >= d->imm); NEXT;
        CASE(BNONE): BRANCH((a[d->s] & a[d->t]) == 0); NEXT;
        CASE(BEQ): BRANCH(a[d->s] == a[d->t]); NEXT;
        CASE(BLT): BRANCH((int32_t)a[d->s] < (int32_t)a[d->t]); NEXT;
        CASE(BLTU): BRANCH(a[d->s] < a[d->t]); NEXT;
        CASE(BALL): BRANCH((~a[d->s] & a[d->t]) == 0); NEXT;
        CASE(BBC): BRANCH(((a[d->s] >> (a[d->t] & 31)) & 1) == 0); NEXT;
        CASE(BBCI): BRANCH(((a[d->s] >> d->imm) & 1) == 0); NEXT;
        CASE(BANY): BRANCH((a[d->s] & a[d->t]) != 0); NEXT;
        CASE(BNE): BRANCH(a[d->s] != a[d->t]); NEXT;
        CASE(BGE): BRANCH((int32_t)a[d->s] >= (int32_t)a[d->t]); NEXT;
        CASE(BGEU): BRANCH(a[d->s] >= a[d->t]); NEXT;
        CASE(BNALL): BRANCH((~a[d->s] & a[d->t]) != 0); NEXT;
        CASE(BBS): BRANCH(((a[d->s] >> (a[d->t] & 31)) & 1) != 0); NEXT;
        CASE(BBSI): BRANCH(((a[d->s] >> d->imm) & 1) != 0); NEXT;
        CASE(SYSCALL): RAISE_NOVADDR(LX106_CAUSE_SYSCALL);
        CASE(SIMCALL):
            if (cpu->bus.simcall) {
                pc = npc;
                SYNC_OUT();
                bool go_on = cpu->bus.simcall(cpu->bus.ctx, cpu);
                SYNC_IN();
                if (!go_on) return LX106_STOPPED;
                goto next;
            }
            NEXT;
        CASE(BREAK): CASE(BREAKN):
            SYNC_OUT();
            if (debug_exception(cpu, pc, d->op == OP_BREAK ? DEBUGCAUSE_BI : DEBUGCAUSE_BN)) {
                SYNC_IN();
                goto next;
            }
            NEXT;
        CASE(RSIL): {
            uint32_t ps = cpu->sr[LX106_SR_PS];
            cpu->sr[LX106_SR_PS] = (ps & ~LX106_PS_INTLEVEL) | d->s;
            a[d->t] = ps;
            ev = 0;
            NEXT;
        }
        CASE(WAITI):
            cpu->sr[LX106_SR_PS] = (cpu->sr[LX106_SR_PS] & ~LX106_PS_INTLEVEL) | d->s;
            cpu->waiting = true;
            ev = 0;
            NEXT;
        CASE(RFE):
            cpu->sr[LX106_SR_PS] &= ~LX106_PS_EXCM;
            npc = cpu->sr[LX106_SR_EPC1];
            ev = 0;
            NEXT;
        CASE(RFDE):
            cpu->sr[LX106_SR_PS] &= ~LX106_PS_EXCM;
            npc = cpu->sr[LX106_SR_DEPC];
            ev = 0;
            NEXT;
        CASE(RFI):
            npc = cpu->sr[LX106_SR_EPC1 + d->s - 1];
            cpu->sr[LX106_SR_PS] = cpu->sr[LX106_SR_EPS2 + d->s - 2];
            ev = 0;
            NEXT;
        CASE(ILL): SWITCH_DEFAULT   /* and anything this configuration lacks */
            RAISE_NOVADDR(LX106_CAUSE_ILLEGAL);
        }
#ifndef LX106_THREADED
    advance:
        ADVANCE();
        goto dispatch;
#endif
    }
}
