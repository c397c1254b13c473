/* gc.c: the mark-sweep collector and allocator over one fixed region (see gc.h).
 *
 * Layout: [allocation table: 2 bits per block][blocks of 16 bytes].  A block is free, the head of an
 * allocation, a tail (continuation) of one, or a marked head during a collection.  Marking is
 * conservative: any word that points into a head or tail block keeps the whole allocation alive.
 *
 * Finalisers: gc_alloc(n, true) sets the head's finaliser bit (objects whose type has __del__: files,
 * sockets, instances of user classes defining it).  A collection first calls __del__ on every
 * unmarked head with the bit, before the sweep frees anything, so a finaliser may still read the dead
 * objects it refers to.  It runs with the heap locked (allocating raises MemoryError) and its
 * exceptions are swallowed.  As in MicroPython, a finaliser must not resurrect its object (store
 * self somewhere reachable): its memory is freed regardless.  The finaliser table (1 bit per block)
 * is itself a heap block, allocated with the first such object and dropped by the collection that
 * finalises the last one, so a small heap pays for it only while a file or socket is around (a
 * script's own source is read through a file object); the pass reads it a word at a time.
 *
 * Speed: the table is read a machine word (16 or 32 blocks) at a time, so full and empty regions are
 * skipped whole; per-size hints remember where the last search for each small size ended, so an
 * allocation never rescans the heap below it; a small cache per size hands a freed temporary's hole
 * to the next request of that size; the sweep handles a word of one-block objects in a few operations.
 *
 * Fragmentation: small requests are placed first-fit from the bottom of the heap and large ones
 * (buffers of growing lists, big strings, dict tables) from the top, so long-lived small objects
 * don't end up scattered between big buffers and the middle of the heap stays one free run.
 * A collection also runs automatically once about twice the surviving data has been allocated
 * (at least a quarter of the heap, at most half of what is free), which keeps the allocation front
 * near the bottom: survivors stay packed instead of being sprayed over the whole heap, the working
 * set stays in the cache, and the sweep covers only the two used ends.  A full heap still collects.
 *
 * The mark stack is bounded; when it overflows the marked blocks above the lowest one that was
 * dropped are rescanned, so deep structures never recurse on the C stack. */
#include <setjmp.h>
#include <string.h>
#include "gc.h"
#include "nlr.h"
#include "objtype.h"
#include "runtime.h"
#include "state.h"

#define BYTES_PER_BLOCK (16)
#define MARK_STACK_SIZE (256)
#define SMALL_MAX (8)            /* requests of up to this many blocks are small: allocated bottom up */
#define FREE_CACHE (4)           /* freed small holes remembered per size */
#ifndef GC_AUTO_MIN_FRACTION
#define GC_AUTO_MIN_FRACTION (4) /* the automatic threshold is at least total / this (0: no automatic collection) */
#endif
#ifndef GC_AUTO_FLOOR_BYTES
/* ... but that floor is capped at this many bytes: in a big heap, garbage left to pile up between
 * collections spreads over the whole heap, and the large-block search then walks all of it. */
#define GC_AUTO_FLOOR_BYTES (512 * 1024)
#endif

enum { AT_FREE = 0, AT_HEAD = 1, AT_TAIL = 2, AT_MARK = 3 };

/* The table is an array of words, each holding the 2-bit states of BPW consecutive blocks. */
typedef uintptr_t atb_word_t;
#define BPW (sizeof(atb_word_t) * 4)
#define EVEN ((atb_word_t)-1 / 3)     /* 0x5555...: the low bit of every block's pair */
#define FPW (sizeof(atb_word_t) * 8)  /* blocks per finaliser table word */

#if defined(__GNUC__)
#define NO_ASAN __attribute__((no_sanitize_address))
#define NOINLINE __attribute__((noinline))
static inline unsigned ctz_w(atb_word_t x) {
    return (unsigned)__builtin_ctzll((unsigned long long)x);
}
static inline unsigned msb_w(atb_word_t x) {
    return 63u - (unsigned)__builtin_clzll((unsigned long long)x);
}
static inline unsigned popcount_w(atb_word_t x) {
    return (unsigned)__builtin_popcountll((unsigned long long)x);
}
#else
#define NO_ASAN
#define NOINLINE
static inline unsigned ctz_w(atb_word_t x) {
    unsigned n = 0;
    while (!(x & 1)) {
        x >>= 1;
        n++;
    }
    return n;
}
static inline unsigned msb_w(atb_word_t x) {
    unsigned n = 0;
    while (x >>= 1) {
        n++;
    }
    return n;
}
static inline unsigned popcount_w(atb_word_t x) {
    unsigned n = 0;
    for (; x != 0; x &= x - 1) {
        n++;
    }
    return n;
}
#endif

static struct {
    atb_word_t *atb;          /* allocation table */
    atb_word_t *ftb;          /* finaliser table: bit set on the head of an allocation with __del__
                               * (NULL while there is none: see gc_alloc and finalise) */
    size_t n_final;           /* bits set in ftb */
    bool keep_ftb;            /* an allocation with the bit is under way: keep the table */
    uint8_t *pool;            /* first block */
    uint8_t *pool_end;
    size_t n_blocks;
    size_t n_words;           /* table words; blocks past n_blocks in the last one are marked tails */
    size_t hint[SMALL_MAX + 1]; /* no run of n free blocks starts below max(hint[1..n]) */
    size_t large_top;         /* every free run longer than SMALL_MAX lies below this block */
    uint8_t cache_len[SMALL_MAX + 1];
    size_t cache[SMALL_MAX + 1][FREE_CACHE]; /* recently freed holes of each small size */
    size_t low_end;           /* every allocated block is below low_end or at/above high_start */
    size_t high_start;
    size_t used_blocks;
    size_t peak_blocks;
    size_t since_collect;     /* blocks allocated since the last collection */
    size_t auto_limit;        /* automatic collection after this many blocks (SIZE_MAX: off) */
    size_t collect_at;        /* since_collect that triggers a collection: the policy in force */
    intptr_t threshold;       /* user threshold in blocks; -1 = automatic policy */
    int lock_depth;
    bool enabled;
    bool collecting;
    size_t overflow_from;     /* lowest block whose scan was dropped (SIZE_MAX: none) */
    size_t mark_sp;
    size_t mark_stack[MARK_STACK_SIZE];
} gc;

/* ---- the allocation table ---- */

static inline unsigned at_get(size_t b) {
    return (unsigned)(gc.atb[b / BPW] >> (2 * (b % BPW))) & 3;
}

static inline void at_set(size_t b, unsigned kind) {
    unsigned shift = 2 * (b % BPW);
    atb_word_t *p = &gc.atb[b / BPW];
    *p = (*p & ~((atb_word_t)3 << shift)) | ((atb_word_t)kind << shift);
}

static inline bool ftb_get(size_t b) {
    return gc.ftb != NULL && ((gc.ftb[b / FPW] >> (b % FPW)) & 1);
}

static inline void ftb_set(size_t b) {
    gc.ftb[b / FPW] |= (atb_word_t)1 << (b % FPW);
    gc.n_final++;
}

static inline void ftb_clear(size_t b) {
    if (ftb_get(b)) {
        gc.ftb[b / FPW] &= ~((atb_word_t)1 << (b % FPW));
        gc.n_final--;
    }
}

/* Bit 2i set where block i of the word is free / a tail. */
static inline atb_word_t free_bits(atb_word_t w) {
    return ~(w | (w >> 1)) & EVEN;
}

static inline atb_word_t tail_bits(atb_word_t w) {
    return (w >> 1) & ~w & EVEN;
}

/* Mask of the pairs of blocks [0, i) of a word (i < BPW). */
static inline atb_word_t below_mask(size_t i) {
    return ((atb_word_t)1 << (2 * i)) - 1;
}

/* Set blocks [b, b + n) to kind, a word at a time. */
static void set_range(size_t b, size_t n, unsigned kind) {
    atb_word_t pattern = EVEN * kind;
    while (n > 0) {
        size_t i = b % BPW;
        size_t k = BPW - i < n ? BPW - i : n;
        atb_word_t mask = (k == BPW ? ~(atb_word_t)0 : below_mask(k)) << (2 * i);
        atb_word_t *p = &gc.atb[b / BPW];
        *p = (*p & ~mask) | (pattern & mask);
        b += k;
        n -= k;
    }
}

static inline size_t block_of(const void *p) {
    return (size_t)((const uint8_t *)p - gc.pool) / BYTES_PER_BLOCK;
}

static inline bool in_pool(const void *p) {
    return (const uint8_t *)p >= gc.pool && (const uint8_t *)p < gc.pool_end;
}

/* Number of blocks of the allocation whose head is b. */
static size_t alloc_blocks(size_t b) {
    size_t i = b + 1;
    while (i < gc.n_blocks) {
        size_t s = i % BPW;
        atb_word_t not_tail = ~tail_bits(gc.atb[i / BPW] >> (2 * s)) & (EVEN >> (2 * s));
        if (not_tail != 0) {
            i += ctz_w(not_tail) / 2;
            break;
        }
        i += BPW - s;
    }
    return (i < gc.n_blocks ? i : gc.n_blocks) - b;
}

/* The head of the allocation containing tail block b. */
static size_t head_of(size_t b) {
    size_t wi = b / BPW, s = b % BPW;
    atb_word_t upto = s == BPW - 1 ? ~(atb_word_t)0 : below_mask(s + 1);
    atb_word_t heads = ~tail_bits(gc.atb[wi]) & EVEN & upto;
    while (heads == 0) {
        heads = ~tail_bits(gc.atb[--wi]) & EVEN;
    }
    return wi * BPW + msb_w(heads) / 2;
}

static void note_used(intptr_t delta) {
    gc.used_blocks = (size_t)((intptr_t)gc.used_blocks + delta);
    if (gc.used_blocks > gc.peak_blocks) {
        gc.peak_blocks = gc.used_blocks;
    }
}

static void reset_hints(void) {
    for (size_t i = 0; i <= SMALL_MAX; i++) {
        gc.hint[i] = 0;
        gc.cache_len[i] = 0;
    }
    gc.large_top = gc.n_blocks;
}

/* Recompute collect_at after the policy or the automatic limit changed. */
static void update_policy(void) {
    if (CONFIG_GC_STRESS) {
        gc.collect_at = 0;
    } else if (!gc.enabled) {
        gc.collect_at = SIZE_MAX;
    } else {
        gc.collect_at = gc.threshold >= 0 ? (size_t)gc.threshold : gc.auto_limit;
    }
}

/* Blocks to allocate before the next automatic collection: twice the survivors (so marking costs
 * at most about half a word per word allocated), at least a fraction of the heap, but never more than
 * half of what is free, so a nearly full heap keeps a free middle for large blocks. */
static void set_auto_limit(void) {
    if (GC_AUTO_MIN_FRACTION == 0) {
        gc.auto_limit = SIZE_MAX;
        update_policy();
        return;
    }
    size_t floor = gc.n_blocks / (GC_AUTO_MIN_FRACTION + !GC_AUTO_MIN_FRACTION);
    if (floor > GC_AUTO_FLOOR_BYTES / BYTES_PER_BLOCK) {
        floor = GC_AUTO_FLOOR_BYTES / BYTES_PER_BLOCK;
    }
    size_t limit = 2 * gc.used_blocks > floor ? 2 * gc.used_blocks : floor;
    size_t half_free = (gc.n_blocks - gc.used_blocks) / 2;
    gc.auto_limit = limit < half_free ? limit : half_free;
    update_policy();
}

void gc_init(void *start, void *end) {
    uintptr_t s = ((uintptr_t)start + sizeof(atb_word_t) - 1) & ~(uintptr_t)(sizeof(atb_word_t) - 1);
    uintptr_t e = (uintptr_t)end;
    size_t total = e > s ? (size_t)(e - s) : 0;
    /* Each block costs 16 bytes plus a quarter byte of table. */
    size_t n = total * 4 / (BYTES_PER_BLOCK * 4 + 1);
    size_t words, pool;
    for (;;) {
        words = (n + BPW - 1) / BPW;
        pool = (s + words * sizeof(atb_word_t) + BYTES_PER_BLOCK - 1) & ~(uintptr_t)(BYTES_PER_BLOCK - 1);
        if (n == 0 || pool + n * BYTES_PER_BLOCK <= e) {
            break;
        }
        n--;
    }
    memset(&gc, 0, sizeof(gc));
    gc.atb = (atb_word_t *)s;
    gc.pool = (uint8_t *)pool;
    gc.n_blocks = n;
    gc.n_words = words;
    gc.pool_end = gc.pool + n * BYTES_PER_BLOCK;
    gc.high_start = n;
    gc.large_top = n;
    gc.threshold = -1;
    gc.enabled = true;
    memset(gc.atb, 0, words * sizeof(atb_word_t));
    /* The padding blocks of the last word look allocated, so no search runs past the end. */
    set_range(n, words * BPW - n, AT_TAIL);
    set_auto_limit();
}

/* ---- marking ---- */

static void mark_push(size_t b) {
    if (gc.mark_sp < MARK_STACK_SIZE) {
        gc.mark_stack[gc.mark_sp++] = b;
    } else if (b < gc.overflow_from) {
        gc.overflow_from = b;
    }
}

/* If p points into a live allocation that is not yet marked, mark it and queue it for scanning. */
static inline void mark_ptr(const void *p) {
    if (!in_pool(p)) {
        return;
    }
    size_t b = block_of(p);
    unsigned kind = at_get(b);
    if (kind == AT_FREE) {
        return;
    }
    if (kind == AT_TAIL) {
        b = head_of(b);
        kind = at_get(b);
    }
    if (kind == AT_HEAD) {
        at_set(b, AT_MARK);
        mark_push(b);
    }
}

NO_ASAN static void scan_words(void *const *from, void *const *to) {
    for (void *const *w = from; w < to; w++) {
        mark_ptr(*w);
    }
}

static void scan_block(size_t b) {
    void *const *start = (void *const *)(gc.pool + b * BYTES_PER_BLOCK);
    scan_words(start, start + alloc_blocks(b) * (BYTES_PER_BLOCK / sizeof(void *)));
}

static void drain_stack(void) {
    while (gc.mark_sp > 0) {
        scan_block(gc.mark_stack[--gc.mark_sp]);
    }
}

static void drain_marks(void) {
    drain_stack();
    while (gc.overflow_from != SIZE_MAX) {
        /* Some marked blocks were never scanned: rescan the marked blocks from the lowest of them. */
        size_t from = gc.overflow_from;
        gc.overflow_from = SIZE_MAX;
        for (size_t wi = from / BPW; wi < gc.n_words; wi++) {
            atb_word_t w = gc.atb[wi];
            atb_word_t marks = w & (w >> 1) & EVEN;
            while (marks != 0) {
                size_t b = wi * BPW + ctz_w(marks) / 2;
                marks &= marks - 1;
                if (b >= from) {
                    scan_block(b);
                    drain_stack();
                }
            }
        }
    }
}

/* Mark a block without scanning its contents (used for the VM stack, scanned only below sp). */
static void mark_block_only(const void *p) {
    if (!in_pool(p)) {
        return;
    }
    size_t b = block_of(p);
    if (at_get(b) == AT_TAIL) {
        b = head_of(b);
    }
    if (at_get(b) == AT_HEAD) {
        at_set(b, AT_MARK);
    }
}

NO_ASAN NOINLINE static void scan_c_stack(void) {
    jmp_buf regs;   /* callee-saved registers spilled here, so it is scanned with the stack */
    setjmp(regs);
    void *sp = (void *)&regs;
    uintptr_t lo = ((uintptr_t)sp) & ~(uintptr_t)(sizeof(void *) - 1);
    uintptr_t hi = (uintptr_t)STATE(stack_top);
    if (hi > lo) {
        scan_words((void *const *)lo, (void *const *)hi);
    }
    scan_words((void *const *)&regs, (void *const *)(&regs + 1));
}

static void mark_roots(void) {
    obj_t *vm_stack = STATE(vm_stack);
    mark_block_only(vm_stack);
    mark_block_only(gc.ftb);
    for (obj_t *r = &vm_state.roots_begin_; r < &vm_state.roots_end_; r++) {
        if (r != (obj_t *)&vm_state.vm_stack && r != (obj_t *)&vm_state.vm_sp) {
            mark_ptr(*r);
        }
    }
    if (vm_stack != NULL && STATE(vm_sp) != NULL) {
        /* vm_sp may point at the top item or just past it: scan one word more, within bounds. */
        obj_t *top = STATE(vm_sp) + 1;
        if (STATE(vm_stack_end) != NULL && top > STATE(vm_stack_end)) {
            top = STATE(vm_stack_end);
        }
        scan_words((void *const *)vm_stack, (void *const *)top);
    }
    drain_marks();
    scan_c_stack();
    drain_marks();
}

/* ---- finalisers ---- */

/* Calls the __del__ of dead object o; nothing it does (an exception, an allocation) gets out. */
static void run_finaliser(obj_t o) {
    const type_t *t = ((const obj_base_t *)o)->type;
    if (t == NULL) {
        return;   /* allocated, then abandoned (an exception) before it got its type */
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        const type_t *owner = NULL;
        obj_t del = type_lookup(t, Q___del__, &owner);
        if (del != OBJ_NULL) {
            obj_t dest[2] = { OBJ_NULL, OBJ_NULL };
            type_bind(o, del, owner, dest, Q___del__);
            if (dest[1] != OBJ_NULL) {
                rt_call_self(dest[0], dest[1], 0, 0, NULL);
            } else {
                rt_call0(dest[0]);
            }
        }
        nlr_pop();
    }
}

/* Finalise the unmarked heads of blocks [b0, b1) that carry the finaliser bit. */
static void finalise_range(size_t b0, size_t b1) {
    for (size_t wi = b0 / FPW; wi < (b1 + FPW - 1) / FPW; wi++) {
        atb_word_t w = gc.ftb[wi];
        while (w != 0) {
            size_t b = wi * FPW + ctz_w(w);
            w &= w - 1;
            if (at_get(b) == AT_HEAD) {
                ftb_clear(b);
                run_finaliser(gc.pool + b * BYTES_PER_BLOCK);
            }
        }
    }
}

/* Runs after marking, before the sweep: every dead object is still intact. */
static void finalise(void) {
    if (gc.ftb == NULL) {
        return;
    }
    gc_lock();
    finalise_range(0, gc.low_end);
    finalise_range(gc.high_start, gc.n_blocks);
    gc_unlock();
    if (gc.n_final == 0 && !gc.keep_ftb) {
        at_set(block_of(gc.ftb), AT_HEAD);   /* unmarked: this sweep frees the table */
        gc.ftb = NULL;
    }
}

/* ---- sweeping ---- */

/* Sweep table words [w0, w1): free unmarked allocations, unmark the rest.  Returns the blocks freed
 * and widens [*live_lo, *live_hi) to cover the surviving allocations.  *dead says whether the
 * allocation running into w0 is garbage (an allocation may straddle the two swept ranges). */
static size_t sweep_words(size_t w0, size_t w1, bool *dead_io, size_t *live_lo, size_t *live_hi) {
    size_t freed = 0;
    bool dead = *dead_io;
    for (size_t wi = w0; wi < w1; wi++) {
        atb_word_t w = gc.atb[wi];
        if (w == 0) {
            continue;   /* free blocks: a tail never follows one, so `dead` needs no reset */
        }
        if (tail_bits(w) == 0) {
            /* only one-block allocations start and end here: the whole word in a few operations */
            atb_word_t marks = w & (w >> 1) & EVEN, heads = w & ~(w >> 1) & EVEN;
            gc.atb[wi] = marks;
            freed += popcount_w(heads);
            if (marks != 0) {
                if (*live_lo == SIZE_MAX) {
                    *live_lo = wi * BPW + ctz_w(marks) / 2;
                }
                *live_hi = wi * BPW + msb_w(marks) / 2 + 1;
            }
            dead = (heads >> msb_w(marks | heads)) & 1;
            continue;
        }
        atb_word_t used = (w | (w >> 1)) & EVEN;
        if (wi == gc.n_words - 1 && gc.n_blocks % BPW != 0) {
            used &= below_mask(gc.n_blocks % BPW);   /* leave the padding alone */
        }
        atb_word_t out = w;
        size_t last_live = SIZE_MAX;
        while (used != 0) {
            unsigned bit = ctz_w(used);
            used &= used - 1;
            switch ((w >> bit) & 3) {
                case AT_HEAD:
                    dead = true;
                    out &= ~((atb_word_t)3 << bit);
                    freed++;
                    break;
                case AT_TAIL:
                    if (dead) {
                        out &= ~((atb_word_t)3 << bit);
                        freed++;
                    } else {
                        last_live = bit / 2;
                    }
                    break;
                default: /* AT_MARK */
                    dead = false;
                    out &= ~((atb_word_t)2 << bit);
                    last_live = bit / 2;
                    if (*live_lo == SIZE_MAX) {
                        *live_lo = wi * BPW + bit / 2;
                    }
                    break;
            }
        }
        gc.atb[wi] = out;
        if (last_live != SIZE_MAX) {
            *live_hi = wi * BPW + last_live + 1;
        }
    }
    *dead_io = dead;
    return freed;
}

/* Sweep only the two used ends of the heap: [0, low_end) and [high_start, n_blocks). */
static void sweep(void) {
    size_t lo_w1 = (gc.low_end + BPW - 1) / BPW;
    size_t hi_w0 = gc.high_start / BPW;
    if (hi_w0 < lo_w1) {
        hi_w0 = lo_w1;
    }
    size_t first = SIZE_MAX, low_end = 0, high_start = SIZE_MAX, high_end = 0;
    bool dead = false;
    size_t freed = sweep_words(0, lo_w1, &dead, &first, &low_end);
    freed += sweep_words(hi_w0, gc.n_words, &dead, &high_start, &high_end);
    gc.used_blocks -= freed;
    gc.low_end = low_end;
    gc.high_start = high_start == SIZE_MAX ? gc.n_blocks : high_start;
    reset_hints();
}

void gc_collect(void) {
    if (gc.collecting) {
        return;
    }
    gc.collecting = true;
    gc.mark_sp = 0;
    gc.overflow_from = SIZE_MAX;
    mark_roots();
    finalise();
    sweep();
    gc.since_collect = 0;
    set_auto_limit();
    gc.collecting = false;
}

/* ---- finding free runs ---- */

/* Bit 2p set where a run of n free blocks (n <= BPW) starts at block p of a word with free bits f. */
static inline atb_word_t runs_in_word(atb_word_t f, size_t n) {
    atb_word_t g = f;
    for (size_t k = 1; k < n && g != 0; k++) {
        g &= f >> (2 * k);
    }
    return g;
}

/* The lowest run of n free blocks starting at or above block `from`; SIZE_MAX if none. */
static size_t find_up(size_t from, size_t n) {
    size_t run = 0, run_start = 0;
    atb_word_t skip = below_mask(from % BPW);
    for (size_t wi = from / BPW; wi < gc.n_words; wi++, skip = 0) {
        atb_word_t f = free_bits(gc.atb[wi]) & ~skip;
        if (f == EVEN) {
            if (run == 0) {
                run_start = wi * BPW;
            }
            run += BPW;
            if (run >= n) {
                return run_start;
            }
            continue;
        }
        if (f == 0) {
            run = 0;
            continue;
        }
        atb_word_t used = ~f & EVEN;
        size_t lead = ctz_w(used) / 2;
        if (run + lead >= n) {
            return run > 0 ? run_start : wi * BPW;
        }
        if (n <= BPW) {
            atb_word_t g = runs_in_word(f, n);
            if (g != 0) {
                return wi * BPW + ctz_w(g) / 2;
            }
        }
        run = BPW - 1 - msb_w(used) / 2;
        run_start = wi * BPW + BPW - run;
    }
    return SIZE_MAX;
}

/* Large requests: the highest place for n blocks inside a free run below large_top, or SIZE_MAX.
 * The search also notes the highest big run it passed over (too short for n), which bounds where
 * the next search must start. */
static size_t find_down(size_t n) {
    size_t run = 0, run_end = 0, big_end = 0, pos = SIZE_MAX;
    size_t top = gc.large_top;
    atb_word_t keep = top % BPW == 0 ? EVEN : below_mask(top % BPW);
    for (size_t wi = (top + BPW - 1) / BPW; wi-- > 0; keep = EVEN) {
        atb_word_t f = free_bits(gc.atb[wi]) & keep;
        if (f == EVEN) {
            if (run == 0) {
                run_end = (wi + 1) * BPW;
            }
            run += BPW;
            if (run >= n) {
                pos = run_end - n;
                break;
            }
            continue;
        }
        size_t trail = f == 0 ? 0 : BPW - 1 - msb_w(~f & EVEN) / 2;
        if (run + trail >= n) {
            pos = (run > 0 ? run_end : (wi + 1) * BPW) - n;
            break;
        }
        if (big_end == 0 && run + trail > SMALL_MAX) {
            big_end = run > 0 ? run_end : (wi + 1) * BPW;
        }
        if (f == 0) {
            run = 0;
            continue;
        }
        if (n <= BPW) {
            atb_word_t g = runs_in_word(f, n);
            if (g != 0) {
                pos = wi * BPW + msb_w(g) / 2;
                break;
            }
        }
        if (big_end == 0 && runs_in_word(f, SMALL_MAX + 1) != 0) {
            big_end = (wi + 1) * BPW;
        }
        run = ctz_w(~f & EVEN) / 2;
        run_end = wi * BPW + run;
    }
    if (pos == SIZE_MAX && big_end == 0 && run > SMALL_MAX) {
        big_end = run_end;
    }
    /* Every big free run now lies below large_top: nothing above it was big except what we took. */
    gc.large_top = big_end != 0 ? big_end : pos != SIZE_MAX ? pos : 0;
    return pos;
}

/* Small requests first-fit from the bottom.  hint[k] only ever moves for size k itself; the search
 * for n starts at the highest hint of sizes up to n (a run of n contains runs of every smaller size),
 * so an allocation updates one hint instead of all of them. */
static size_t find_small(size_t n) {
    size_t from = gc.hint[1];
    if (n == 1 && from < gc.n_blocks) {
        /* the common case: a free block in the hint's own table word */
        atb_word_t f = free_bits(gc.atb[from / BPW]) & ~below_mask(from % BPW);
        if (f != 0) {
            size_t head = from - from % BPW + ctz_w(f) / 2;
            gc.hint[1] = head + 1;
            return head;
        }
    }
    for (size_t k = 2; k <= n; k++) {
        if (gc.hint[k] > from) {
            from = gc.hint[k];
        }
    }
    size_t head = find_up(from, n);
    gc.hint[n] = head == SIZE_MAX ? gc.n_blocks : head + n;
    return head;
}

/* Record that blocks [b, e) are now allocated, keeping the sweep bounds valid. */
static void cover(size_t b, size_t e) {
    if (e <= gc.low_end || b >= gc.high_start) {
        return;
    }
    size_t from_low = b > gc.low_end ? b - gc.low_end : 0;
    size_t from_high = gc.high_start > e ? gc.high_start - e : 0;
    if (from_low <= from_high) {
        gc.low_end = e;
    } else {
        gc.high_start = b;
    }
}

/* The first block at or after b that is not free. */
static size_t free_end(size_t b) {
    if (b >= gc.n_blocks) {
        return gc.n_blocks;
    }
    size_t wi = b / BPW;
    atb_word_t used = ~free_bits(gc.atb[wi]) & EVEN & ~below_mask(b % BPW);
    while (used == 0) {
        if (++wi == gc.n_words) {
            return gc.n_blocks;
        }
        used = ~free_bits(gc.atb[wi]) & EVEN;
    }
    return wi * BPW + ctz_w(used) / 2;
}

/* Note that blocks [b, b + n) were freed.  A small hole goes to its size's cache, so a temporary
 * freed and then allocated again (vstr buffers, ...) reuses it at once; the search hints are left
 * alone, since pulling them back to every freed hole would make searches rescan the dense bottom
 * (holes no cache remembers are found again after the next collection). */
static void note_freed(size_t b, size_t n) {
    if (n <= SMALL_MAX && gc.cache_len[n] < FREE_CACHE) {
        gc.cache[n][gc.cache_len[n]++] = b;
    }
    if (b + n > gc.large_top) {
        gc.large_top = free_end(b + n);   /* the hole may join a big run */
    }
}

/* A remembered hole of exactly n blocks that is still free, or SIZE_MAX. */
static size_t take_cached(size_t n) {
    while (gc.cache_len[n] > 0) {
        size_t b = gc.cache[n][--gc.cache_len[n]];
        size_t i = 0;
        while (i < n && at_get(b + i) == AT_FREE) {
            i++;
        }
        if (i == n) {
            return b;
        }
    }
    return SIZE_MAX;
}

static size_t find_free(size_t n) {
    if (n > SMALL_MAX) {
        return find_down(n);
    }
    size_t head = take_cached(n);
    return head != SIZE_MAX ? head : find_small(n);
}

/* ---- allocation ---- */

static inline void *alloc(size_t n_bytes) {
    size_t n = n_bytes == 0 ? 1 : (n_bytes + BYTES_PER_BLOCK - 1) / BYTES_PER_BLOCK;
    if (n > gc.n_blocks) {
        return NULL;
    }
    bool collected = false;
    if (gc.since_collect >= gc.collect_at) {
        gc_collect();
        collected = true;
    }
    size_t head = find_free(n);
    if (head == SIZE_MAX) {
        reset_hints();    /* search the holes the hints have passed over, before collecting */
        head = find_free(n);
    }
    if (head == SIZE_MAX && !collected && gc.enabled) {
        gc_collect();
        head = find_free(n);
    }
    if (head == SIZE_MAX) {
        return NULL;
    }
    at_set(head, AT_HEAD);
    if (n > 1) {
        set_range(head + 1, n - 1, AT_TAIL);
    }
    cover(head, head + n);
    gc.since_collect += n;
    note_used((intptr_t)n);
    void *p = gc.pool + head * BYTES_PER_BLOCK;
    if (n == 1) {
        memset(p, 0, BYTES_PER_BLOCK);   /* a constant size: inlined */
    } else {
        memset(p, 0, n * BYTES_PER_BLOCK);
    }
    return p;
}

/* An allocation with the finaliser bit; the table is made first if there is none. */
NOINLINE static void *alloc_final(size_t n_bytes) {
    if (gc.ftb == NULL) {
        gc.ftb = alloc((gc.n_blocks + FPW - 1) / FPW * sizeof(atb_word_t));
        if (gc.ftb == NULL) {
            return NULL;
        }
    }
    gc.keep_ftb = true;   /* a collection inside alloc() must not drop the table it is about to use */
    void *p = alloc(n_bytes);
    gc.keep_ftb = false;
    if (p != NULL) {
        ftb_set(block_of(p));
    }
    return p;
}

void *gc_alloc(size_t n_bytes, bool has_finaliser) {
    if (gc.lock_depth > 0 || gc.collecting) {
        return NULL;
    }
    return has_finaliser ? alloc_final(n_bytes) : alloc(n_bytes);
}

static bool is_head(const void *p) {
    return p != NULL && in_pool(p) && ((const uint8_t *)p - gc.pool) % BYTES_PER_BLOCK == 0
           && at_get(block_of(p)) == AT_HEAD;
}

static void free_blocks(size_t b, size_t n) {
    set_range(b, n, AT_FREE);
    gc.used_blocks -= n;
    note_freed(b, n);
}

void gc_free(void *ptr) {
    if (gc.collecting || gc.lock_depth > 0 || !is_head(ptr)) {
        return;
    }
    size_t b = block_of(ptr);
    ftb_clear(b);
    free_blocks(b, alloc_blocks(b));
}

/* The object was closed explicitly, so its finaliser need not run; once no object needs one, the
 * table goes too (a script read through a file object leaves none behind on a small heap). */
void gc_finaliser_done(void *ptr) {
    if (gc.collecting || !is_head(ptr)) {
        return;
    }
    ftb_clear(block_of(ptr));
    if (gc.ftb != NULL && gc.n_final == 0 && !gc.keep_ftb) {
        atb_word_t *table = gc.ftb;
        gc.ftb = NULL;
        gc_free(table);   /* under a heap lock it stays until the next collection, unreferenced */
    }
}

size_t gc_nbytes(const void *ptr) {
    if (!is_head(ptr)) {
        return 0;
    }
    return alloc_blocks(block_of(ptr)) * BYTES_PER_BLOCK;
}

/* Free blocks directly after (dir 1) or before (dir -1) block b, counting up to max. */
static size_t free_beside(size_t b, int dir, size_t max) {
    size_t n = 0;
    while (n < max) {
        size_t i = dir > 0 ? b + n : b - 1 - n;
        if ((dir > 0 ? i >= gc.n_blocks : b < n + 1) || at_get(i) != AT_FREE) {
            break;
        }
        n++;
    }
    return n;
}

void *gc_realloc(void *ptr, size_t n_bytes, bool allow_move) {
    if (ptr == NULL) {
        return gc_alloc(n_bytes, false);
    }
    if (!is_head(ptr) || gc.lock_depth > 0 || gc.collecting) {
        return NULL;
    }
    size_t b = block_of(ptr);
    size_t have = alloc_blocks(b);
    size_t want = n_bytes == 0 ? 1 : (n_bytes + BYTES_PER_BLOCK - 1) / BYTES_PER_BLOCK;
    if (want <= have) {
        if (want < have) {
            free_blocks(b + want, have - want);
        }
        return ptr;
    }
    size_t more = want - have;
    size_t after = free_beside(b + have, 1, more);
    size_t before = 0;
    if (after < more && allow_move) {
        before = free_beside(b, -1, more - after);
    }
    if (after + before == more) {
        /* Grow in place, sliding down into the free blocks before it if needed. */
        size_t head = b - before;
        set_range(b + have, after, AT_TAIL);
        if (before > 0) {
            set_range(head + 1, before, AT_TAIL);
            at_set(head, AT_HEAD);
            if (ftb_get(b)) {
                ftb_clear(b);
                ftb_set(head);   /* the table exists: the bit was set */
            }
            memmove(gc.pool + head * BYTES_PER_BLOCK, ptr, have * BYTES_PER_BLOCK);
        }
        memset(gc.pool + (head + have) * BYTES_PER_BLOCK, 0, more * BYTES_PER_BLOCK);
        cover(head, head + want);
        gc.since_collect += more;
        note_used((intptr_t)more);
        return gc.pool + head * BYTES_PER_BLOCK;
    }
    if (!allow_move) {
        return NULL;
    }
    void *p = gc_alloc(n_bytes, ftb_get(b));
    if (p == NULL) {
        return NULL;
    }
    memcpy(p, ptr, have * BYTES_PER_BLOCK);
    gc_free(ptr);
    return p;
}

/* ---- control and statistics ---- */

void gc_lock(void) {
    gc.lock_depth++;
}

/* An unmatched unlock (micropython.heap_unlock() from Python) must not leave the depth negative. */
void gc_unlock(void) {
    gc.lock_depth -= gc.lock_depth > 0;
}

bool gc_is_locked(void) {
    return gc.lock_depth > 0;
}

int gc_lock_depth(void) {
    return gc.lock_depth;
}

void gc_enable(bool on) {
    gc.enabled = on;
    update_policy();
}

bool gc_is_enabled(void) {
    return gc.enabled;
}

void gc_set_threshold(intptr_t bytes) {
    gc.threshold = bytes < 0 ? -1 : bytes / BYTES_PER_BLOCK;
    update_policy();
}

void gc_info(gc_info_t *info) {
    size_t max_run = 0, run = 0;
    for (size_t b = 0; b < gc.n_blocks; b++) {
        if (b % BPW == 0 && gc.atb[b / BPW] == 0 && b + BPW <= gc.n_blocks) {
            run += BPW;
            b += BPW - 1;
        } else if (at_get(b) == AT_FREE) {
            run++;
        } else {
            run = 0;
        }
        if (run > max_run) {
            max_run = run;
        }
    }
    info->total = gc.n_blocks * BYTES_PER_BLOCK;
    info->used = gc.used_blocks * BYTES_PER_BLOCK;
    info->free = info->total - info->used;
    info->max_free_block = max_run * BYTES_PER_BLOCK;
    info->peak_used = gc.peak_blocks * BYTES_PER_BLOCK;
}

/* ---- raising wrappers ---- */

void *m_malloc(size_t n_bytes) {
    void *p = gc_alloc(n_bytes, false);
    if (p == NULL) {
        rt_raise_memory_error();
    }
    return p;
}

void *m_malloc_with_finaliser(size_t n_bytes) {
    void *p = gc_alloc(n_bytes, true);
    if (p == NULL) {
        rt_raise_memory_error();
    }
    return p;
}

void *m_realloc(void *ptr, size_t n_bytes) {
    void *p = gc_realloc(ptr, n_bytes, true);
    if (p == NULL) {
        rt_raise_memory_error();
    }
    return p;
}

void m_free(void *ptr) {
    gc_free(ptr);
}
