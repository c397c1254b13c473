/* vm.h: what the VM's files (vm.c, objfun_bc.c, objgen.c, disasm.c) share: the frame layout, Python
 * function objects and generator objects.  Everyone else goes through runtime.h's "VM side".
 *
 * A frame is a header followed by its slots (code.h's slot layout), its value stack and its handler
 * block stack, all in one run of words.  Frames of ordinary calls are carved out of the VM stack
 * (STATE(vm_stack)); a generator's frame lives inside the generator object on the heap.  Neither ever
 * moves, so the frame may hold pointers into itself (sp, block). */
#ifndef ADDER_VM_H
#define ADDER_VM_H

#include "code.h"
#include "runtime.h"

typedef struct {
    const uint8_t *handler;   /* where to jump when an exception reaches this block */
    obj_t *sp;                /* value-stack top to cut back to */
    obj_t saved_exc;          /* STATE(cur_exc) at SETUP: handlers left by the jump are over */
} vm_block_t;

typedef struct vm_frame {
    code_t *code;
    obj_t fun;                /* the fun_bc_t being run, OBJ_NULL for module/exec code */
    dict_t *globals;
    dict_t *locals;           /* name namespace of class bodies and module code, else NULL */
    struct vm_frame *prev;    /* the calling frame (possibly run by an outer C-level entry) */
    const uint8_t *ip;        /* past the current opcode byte while running; resume point when not */
    obj_t *sp;                /* value-stack top while the frame waits (call, yield) */
    vm_block_t *block;        /* next free handler block */
    obj_t saved_exc;          /* STATE(cur_exc) when the frame was entered */
    obj_t slots[];            /* n_locals slots, n_stack values, n_blocks blocks */
} vm_frame_t;

#define VM_FRAME_HEADER_WORDS (sizeof(vm_frame_t) / sizeof(obj_t))
static inline size_t vm_frame_words(const code_t *code) {
    return VM_FRAME_HEADER_WORDS + code->n_locals + code->n_stack
        + code->n_blocks * (sizeof(vm_block_t) / sizeof(obj_t));
}
static inline obj_t *vm_frame_stack_base(vm_frame_t *f) {
    return f->slots + f->code->n_locals;
}
static inline vm_block_t *vm_frame_block_base(vm_frame_t *f) {
    return (vm_block_t *)(f->slots + f->code->n_locals + f->code->n_stack);
}

/* Header fields of a fresh frame (slots are the binder's job). */
void vm_frame_init(vm_frame_t *f, code_t *code, obj_t fun, dict_t *globals, dict_t *locals);
/* Reserves a frame on the VM stack (RecursionError when it is full). */
vm_frame_t *vm_frame_push(code_t *code);
/* Runs f, a frame already set up, as a new C-level entry of the VM.  throw_exc, if not OBJ_NULL,
 * is raised at f's resume point first.  *yielded: 0 returned, 1 YIELD_VALUE, 2 suspended in
 * YIELD_FROM.  A VM-stack frame is released when it returns or raises (not when it yields). */
obj_t vm_run_frame(vm_frame_t *f, obj_t throw_exc, int *yielded);
/* ---- added by the genperf helper ---- */
/* vm_run_frame that returns the exception leaving f (*status VM_RAISED) instead of raising it, so a
 * generator's resume needs no nlr handler of its own. */
#define VM_RAISED (3)
obj_t vm_run_frame_catch(vm_frame_t *f, obj_t throw_exc, int *status);

/* ---- Python functions (objfun_bc.c) ---- */
typedef struct {
    obj_base_t base;          /* &type_function */
    code_t *code;
    dict_t *globals;
    obj_t defaults;           /* tuple or OBJ_NULL */
    obj_t kwdefaults;         /* dict or OBJ_NULL */
    obj_t closure;            /* tuple of cells or OBJ_NULL */
    obj_t dict;               /* user attributes, created by the first store */
} fun_bc_t;

obj_t fun_bc_new(code_t *code, dict_t *globals, obj_t defaults, obj_t kwdefaults, obj_t closure);
/* Fills every slot of f (a frame for fun->code): binds the arguments, raising CPython's TypeErrors,
 * and loads the free variables from the closure. */
void fun_bc_bind(vm_frame_t *f, const fun_bc_t *fun, size_t n_args, size_t n_kw, const obj_t *args);
/* True when args can be copied straight into the positional slots. */
static inline bool fun_bc_simple_call(const code_t *code, size_t n_args, size_t n_kw) {
    return n_kw == 0 && n_args == code->n_pos_args && code->n_kwonly_args == 0
        && !(code->flags & (CODE_FLAG_VARARGS | CODE_FLAG_VARKW));
}
#define CODE_FLAGS_GEN (CODE_FLAG_GENERATOR | CODE_FLAG_COROUTINE | CODE_FLAG_ASYNC_GEN)

/* ---- generators, coroutines, async generators (objgen.c) ---- */
extern const type_t type_async_gen, type_async_gen_asend;
/* Calling a generator function: a new suspended generator/coroutine/async generator. */
obj_t gen_new(const fun_bc_t *fun, size_t n_args, size_t n_kw, const obj_t *args);
static inline bool gen_is(obj_t o) {
    return obj_is_type(o, &type_generator) || obj_is_type(o, &type_coroutine);
}
/* One step of `yield from it` / `await it` with v sent in: the value to yield, or OBJ_STOP with
 * *ret the sub-iterator's return value. */
obj_t gen_yield_from_step(obj_t it, obj_t v, obj_t *ret);
/* GET_AWAITABLE / GET_YIELD_FROM_ITER. */
obj_t gen_get_awaitable(obj_t o);
obj_t gen_get_yield_from_iter(obj_t o, const code_t *code);

/* ---- misc ---- */
/* Opcode names and operand formats, from OPCODES (disasm.c). */
const char *vm_opcode_name(unsigned op);
extern const uint8_t vm_opcode_format[];

#endif
