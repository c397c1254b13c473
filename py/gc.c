/* gc.c: the mark-sweep collector and allocator over one fixed region (see gc.h).
 *
 * Layout: [allocation table: 2 bits per block][blocks of 16 bytes].  A block is free, the head of an
 * allocation, a tail (continuation) of one, or a marked head during a collection.  Marking is
 * conservative: any word that points into a head or tail block keeps the whole allocation alive.
 * The mark stack is bounded; when it overflows the heap is rescanned from the marked blocks, so
 * deep structures never recurse on the C stack. */
#include <setjmp.h>
#include <string.h>
#include "gc.h"
#include "runtime.h"
#include "state.h"

#define BYTES_PER_BLOCK (16)
#define BLOCKS_PER_ATB (4)
#define MARK_STACK_SIZE (256)

enum { AT_FREE = 0, AT_HEAD = 1, AT_TAIL = 2, AT_MARK = 3 };

#if defined(__GNUC__)
#define NO_ASAN __attribute__((no_sanitize_address))
#define NOINLINE __attribute__((noinline))
#else
#define NO_ASAN
#define NOINLINE
#endif

static struct {
    uint8_t *atb;             /* allocation table */
    uint8_t *pool;            /* first block */
    uint8_t *pool_end;
    size_t n_blocks;
    size_t hint;              /* no free block below this index */
    size_t used_blocks;
    size_t peak_blocks;
    size_t since_collect;     /* blocks allocated since the last collection */
    intptr_t threshold;       /* in blocks; -1 = collect only when full */
    int lock_depth;
    bool enabled;
    bool collecting;
    bool mark_overflow;
    size_t mark_sp;
    size_t mark_stack[MARK_STACK_SIZE];
} gc;

static inline unsigned at_get(size_t b) {
    return (gc.atb[b / BLOCKS_PER_ATB] >> (2 * (b % BLOCKS_PER_ATB))) & 3;
}

static inline void at_set(size_t b, unsigned kind) {
    unsigned shift = 2 * (b % BLOCKS_PER_ATB);
    uint8_t *p = &gc.atb[b / BLOCKS_PER_ATB];
    *p = (uint8_t)((*p & ~(3u << shift)) | (kind << shift));
}

static inline size_t block_of(const void *p) {
    return (size_t)((const uint8_t *)p - gc.pool) / BYTES_PER_BLOCK;
}

static inline bool in_pool(const void *p) {
    return (const uint8_t *)p >= gc.pool && (const uint8_t *)p < gc.pool_end;
}

/* Number of blocks of the allocation whose head is b. */
static size_t alloc_blocks(size_t b) {
    size_t n = 1;
    while (b + n < gc.n_blocks && at_get(b + n) == AT_TAIL) {
        n++;
    }
    return n;
}

static void note_used(intptr_t delta) {
    gc.used_blocks = (size_t)((intptr_t)gc.used_blocks + delta);
    if (gc.used_blocks > gc.peak_blocks) {
        gc.peak_blocks = gc.used_blocks;
    }
}

void gc_init(void *start, void *end) {
    uintptr_t s = ((uintptr_t)start + BYTES_PER_BLOCK - 1) & ~(uintptr_t)(BYTES_PER_BLOCK - 1);
    uintptr_t e = (uintptr_t)end;
    size_t total = e > s ? (size_t)(e - s) : 0;
    /* Each block costs 16 bytes plus a quarter byte of table. */
    size_t n = total * BLOCKS_PER_ATB / (BYTES_PER_BLOCK * BLOCKS_PER_ATB + 1);
    size_t atb_bytes = (n + BLOCKS_PER_ATB - 1) / BLOCKS_PER_ATB;
    uintptr_t pool = (s + atb_bytes + BYTES_PER_BLOCK - 1) & ~(uintptr_t)(BYTES_PER_BLOCK - 1);
    while (n > 0 && pool + n * BYTES_PER_BLOCK > e) {
        n--;
    }
    memset(&gc, 0, sizeof(gc));
    gc.atb = (uint8_t *)s;
    gc.pool = (uint8_t *)pool;
    gc.n_blocks = n;
    gc.pool_end = gc.pool + n * BYTES_PER_BLOCK;
    gc.threshold = -1;
    gc.enabled = true;
    memset(gc.atb, 0, atb_bytes);
}

/* ---- marking ---- */

static void mark_push(size_t b) {
    if (gc.mark_sp < MARK_STACK_SIZE) {
        gc.mark_stack[gc.mark_sp++] = b;
    } else {
        gc.mark_overflow = true;
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
    while (kind == AT_TAIL) {
        kind = at_get(--b);
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

static void drain_marks(void) {
    for (;;) {
        while (gc.mark_sp > 0) {
            scan_block(gc.mark_stack[--gc.mark_sp]);
        }
        if (!gc.mark_overflow) {
            return;
        }
        /* Some marked blocks were never scanned: rescan every marked block. */
        gc.mark_overflow = false;
        for (size_t b = 0; b < gc.n_blocks; b++) {
            if (at_get(b) == AT_MARK) {
                scan_block(b);
                while (gc.mark_sp > 0) {
                    scan_block(gc.mark_stack[--gc.mark_sp]);
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
    while (b > 0 && at_get(b) == AT_TAIL) {
        b--;
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

/* ---- sweeping ---- */

static void sweep(void) {
    size_t freed = 0;
    bool in_dead = false;
    for (size_t b = 0; b < gc.n_blocks; b++) {
        switch (at_get(b)) {
            case AT_HEAD:
                in_dead = true;
                at_set(b, AT_FREE);
                freed++;
                break;
            case AT_TAIL:
                if (in_dead) {
                    at_set(b, AT_FREE);
                    freed++;
                }
                break;
            case AT_MARK:
                in_dead = false;
                at_set(b, AT_HEAD);
                break;
            default:
                in_dead = false;
                break;
        }
    }
    gc.used_blocks -= freed;
    gc.hint = 0;
}

void gc_collect(void) {
    if (gc.collecting) {
        return;
    }
    gc.collecting = true;
    gc.mark_sp = 0;
    gc.mark_overflow = false;
    mark_roots();
    sweep();
    gc.since_collect = 0;
    gc.collecting = false;
}

/* ---- allocation ---- */

/* First fit from the hint; returns the head block or SIZE_MAX. */
static size_t find_free(size_t n) {
    size_t first_free = SIZE_MAX;
    size_t run = 0;
    for (size_t b = gc.hint; b < gc.n_blocks; b++) {
        if (at_get(b) != AT_FREE) {
            run = 0;
            continue;
        }
        if (first_free == SIZE_MAX) {
            first_free = b;
        }
        if (++run == n) {
            size_t head = b + 1 - n;
            gc.hint = head == first_free ? b + 1 : first_free;
            return head;
        }
    }
    if (first_free != SIZE_MAX) {
        gc.hint = first_free;
    }
    return SIZE_MAX;
}

void *gc_alloc(size_t n_bytes, bool has_finaliser) {
    (void)has_finaliser;  /* no finalisers yet: nothing in the core needs one */
    if (gc.lock_depth > 0 || gc.collecting) {
        return NULL;
    }
    size_t n = n_bytes == 0 ? 1 : (n_bytes + BYTES_PER_BLOCK - 1) / BYTES_PER_BLOCK;
    if (n > gc.n_blocks) {
        return NULL;
    }
    bool collected = false;
    if (CONFIG_GC_STRESS || (gc.enabled && gc.threshold >= 0 && gc.since_collect >= (size_t)gc.threshold)) {
        gc_collect();
        collected = true;
    }
    size_t head = find_free(n);
    if (head == SIZE_MAX && !collected && gc.enabled) {
        gc_collect();
        head = find_free(n);
    }
    if (head == SIZE_MAX) {
        return NULL;
    }
    at_set(head, AT_HEAD);
    for (size_t b = head + 1; b < head + n; b++) {
        at_set(b, AT_TAIL);
    }
    gc.since_collect += n;
    note_used((intptr_t)n);
    void *p = gc.pool + head * BYTES_PER_BLOCK;
    memset(p, 0, n * BYTES_PER_BLOCK);
    return p;
}

static bool is_head(const void *p) {
    return p != NULL && in_pool(p) && ((const uint8_t *)p - gc.pool) % BYTES_PER_BLOCK == 0
           && at_get(block_of(p)) == AT_HEAD;
}

static void free_blocks(size_t b, size_t n) {
    for (size_t i = b; i < b + n; i++) {
        at_set(i, AT_FREE);
    }
    gc.used_blocks -= n;
    if (b < gc.hint) {
        gc.hint = b;
    }
}

void gc_free(void *ptr) {
    if (gc.collecting || gc.lock_depth > 0 || !is_head(ptr)) {
        return;
    }
    size_t b = block_of(ptr);
    free_blocks(b, alloc_blocks(b));
}

size_t gc_nbytes(const void *ptr) {
    if (!is_head(ptr)) {
        return 0;
    }
    return alloc_blocks(block_of(ptr)) * BYTES_PER_BLOCK;
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
    /* Grow in place when the following blocks are free. */
    size_t extra = 0;
    while (b + have + extra < gc.n_blocks && extra < want - have && at_get(b + have + extra) == AT_FREE) {
        extra++;
    }
    if (extra == want - have) {
        for (size_t i = b + have; i < b + want; i++) {
            at_set(i, AT_TAIL);
        }
        memset(gc.pool + (b + have) * BYTES_PER_BLOCK, 0, extra * BYTES_PER_BLOCK);
        gc.since_collect += extra;
        note_used((intptr_t)extra);
        return ptr;
    }
    if (!allow_move) {
        return NULL;
    }
    void *p = gc_alloc(n_bytes, false);
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

void gc_unlock(void) {
    gc.lock_depth--;
}

bool gc_is_locked(void) {
    return gc.lock_depth > 0;
}

void gc_enable(bool on) {
    gc.enabled = on;
}

bool gc_is_enabled(void) {
    return gc.enabled;
}

void gc_set_threshold(intptr_t bytes) {
    gc.threshold = bytes < 0 ? -1 : bytes / BYTES_PER_BLOCK;
}

void gc_info(gc_info_t *info) {
    size_t max_run = 0, run = 0;
    for (size_t b = 0; b < gc.n_blocks; b++) {
        if (at_get(b) == AT_FREE) {
            if (++run > max_run) {
                max_run = run;
            }
        } else {
            run = 0;
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
