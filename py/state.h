/* state.h: all of the interpreter's global state in one struct, so the GC's root set is one place.
 * Fields in the `roots` part hold objects and are scanned by gc_collect; the rest are plain data.
 * A file that needs a new global object adds a field here instead of keeping a static obj_t. */
#ifndef ADDER_STATE_H
#define ADDER_STATE_H

#include "obj.h"
#include "nlr.h"

typedef struct {
    /* ---- GC roots: every field from here to roots_end is scanned ---- */
    obj_t roots_begin_;
    dict_t *dict_main;          /* __main__'s globals */
    dict_t *dict_builtins;      /* the builtins module's dict (RAM copy, so `_` and user additions work) */
    obj_t modules;              /* sys.modules (a dict) */
    obj_t sys_path;             /* sys.path (a list) */
    obj_t sys_argv;             /* sys.argv (a list) */
    obj_t cur_exc;              /* the exception being handled (sys.exc_info), or OBJ_NULL */
    obj_t pending_exc;          /* set asynchronously (KeyboardInterrupt from SIGINT); the VM raises it */
    void *qstr_pools;           /* dynamic qstr pools (qstr.c) */
    obj_t *vm_stack;            /* the VM value stack (vm.c); scanned up to vm_sp */
    obj_t *vm_sp;
    obj_t repl_last;            /* `_` in the REPL */
    obj_t emergency_exc;        /* a preallocated MemoryError, raised when even that can't be allocated */
    obj_t port_roots[8];        /* for ports and extmod modules */
    /* ---- root added by the genperf helper ---- */
    void *gen_frame_pool;       /* frames of finished generators kept for reuse (objgen.c) */
    /* ---- roots added by the vfs helper (extmod/vfs.c, extmod/modos.c) ---- */
    void *vfs_mounts;           /* the mount table: a linked list of GC blocks (vfs.c) */
    obj_t vfs_cwd;              /* the current directory, an absolute normalised str (vfs.c) */
    obj_t dupterm;              /* os.dupterm's stream, or OBJ_NULL (modos.c) */
    /* ---- roots added by the core-modules helper (runtime.c, modmicropython.c) ---- */
    obj_t sched_queue[2 * 8];   /* micropython.schedule: (function, argument) pairs, filled from the front */
    obj_t kbd_intr_char;        /* micropython.kbd_intr: small int, -1 disables; OBJ_NULL = Ctrl-C (3) */
    obj_t roots_end_;
    /* ---- plain data ---- */
    nlr_buf_t *nlr_top;
    char *stack_top;            /* highest address of the C stack (set by the port at start-up) */
    size_t stack_limit;         /* bytes of C stack allowed (CONFIG_STACK_LIMIT unless the port changes it) */
    int call_depth;             /* nested Python calls, for RecursionError */
    volatile int pending_flag;  /* nonzero when pending_exc is set: checked on backward jumps and calls */
    obj_t *vm_stack_end;
    /* ---- additions by the VM helper ---- */
    struct vm_frame *vm_frame;  /* innermost running Python frame (vm.c), NULL outside the VM */
} state_t;

extern state_t vm_state;
#define STATE(f) (vm_state.f)

/* Raise RecursionError when the C stack is nearly used up.  Call at the top of anything that
 * recurses on user data (compiler, repr, equality, hashing, the VM's C-level calls). */
void stack_check(void);

#endif
