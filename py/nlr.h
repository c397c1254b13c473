/* nlr.h: non-local return, the one exception mechanism in C.  A Python exception raised in C code is
 * thrown with nlr_raise(exc), which longjmps to the innermost handler pushed with nlr_push.
 *
 *     nlr_buf_t nlr;
 *     if (nlr_push(&nlr) == 0) {
 *         ... code that may raise ...
 *         nlr_pop();            // must be called on the normal path
 *     } else {
 *         obj_t exc = nlr.exc;  // handler already popped
 *     }
 *
 * Memory is never leaked by a throw: everything lives on the GC heap, which finds what is garbage.
 * With no handler at all, nlr_raise calls port_fatal (port.h). */
#ifndef ADDER_NLR_H
#define ADDER_NLR_H

#include <setjmp.h>
#include "obj.h"

typedef struct nlr_buf {
    struct nlr_buf *prev;
    obj_t exc;
    void *saved_vm_sp;     /* VM bookkeeping restored on a throw (vm.c sets and reads it) */
    int saved_depth;
    jmp_buf jb;
} nlr_buf_t;

void nlr_push_raw(nlr_buf_t *buf);
#define nlr_push(buf) (nlr_push_raw(buf), setjmp((buf)->jb))
void nlr_pop(void);
#if defined(__GNUC__)
__attribute__((noreturn))
#endif
void nlr_raise(obj_t exc);

#endif
