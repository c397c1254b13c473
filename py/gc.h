/* gc.h: the one heap.  A fixed region given at start-up, split into 16-byte blocks and tracked by an
 * allocation table (2 bits per block: free, head, tail, mark).  Mark-sweep, non-moving.
 *
 * Roots (gc.c names them all in gc_collect): the root section of the global state (state.h), the VM
 * value stack, and a conservative scan of the C stack and the callee-saved registers (spilled with
 * setjmp) from the current stack pointer to state.stack_top.  Heap blocks are scanned
 * conservatively too: any word that points into an allocated block (head or interior) keeps it.
 * So C code never registers temporaries: a live obj_t in a local variable is enough.
 *
 * py/ never calls malloc: everything, the compiler's temporaries included, comes from here. */
#ifndef ADDER_GC_H
#define ADDER_GC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void gc_init(void *start, void *end);
void *gc_alloc(size_t n_bytes, bool has_finaliser); /* zeroed; NULL when full even after a collection */
void *gc_realloc(void *ptr, size_t n_bytes, bool allow_move); /* NULL on failure (old block intact) */
void gc_free(void *ptr);               /* optional early release */
size_t gc_nbytes(const void *ptr);     /* usable size of a block */
void gc_collect(void);
void gc_lock(void);                    /* heap_lock: gc_alloc then fails (MemoryError) */
void gc_unlock(void);
bool gc_is_locked(void);
int gc_lock_depth(void);               /* nesting of gc_lock (micropython.heap_locked): core-modules helper */
void gc_enable(bool on);               /* automatic collection on/off (gc.enable/gc.disable) */
bool gc_is_enabled(void);
void gc_set_threshold(intptr_t bytes); /* collect after this many bytes allocated; -1 = automatic (gc.c) */
typedef struct {
    size_t total, used, free, max_free_block, peak_used;
} gc_info_t;
void gc_info(gc_info_t *info);

/* Allocation helpers that raise MemoryError instead of returning NULL. */
void *m_malloc(size_t n_bytes);
void *m_realloc(void *ptr, size_t n_bytes);
void m_free(void *ptr);
#define m_new(type, n) ((type *)m_malloc(sizeof(type) * (n)))
#define m_new_obj(type) ((type *)m_malloc(sizeof(type)))
#define m_new_obj_var(type, var_type, n) ((type *)m_malloc(sizeof(type) + sizeof(var_type) * (n)))
#define m_renew(type, ptr, n) ((type *)m_realloc((ptr), sizeof(type) * (n)))

/* ---- finalisers ---- */
/* An object whose type has __del__ (files, sockets, instances of classes defining it): the collector
 * calls __del__ before freeing it, with the heap locked; exceptions from it are ignored. */
void *m_malloc_with_finaliser(size_t n_bytes);
void gc_finaliser_done(void *ptr);      /* closed explicitly: no finaliser needed any more */
#define m_new_obj_with_finaliser(type) ((type *)m_malloc_with_finaliser(sizeof(type)))

#endif
