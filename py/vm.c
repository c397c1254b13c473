/* vm.c: the bytecode interpreter.  One dispatch loop (run) executes frames; Python-to-Python calls
 * push a frame on the VM stack and continue in the same loop, so only calls coming from C (rt_call
 * on a function, a generator resuming) enter the loop recursively, each such entry with its one
 * nlr handler (vm_run_frame).  Exceptions thrown while the loop runs land in that handler, which
 * walks the frames of the entry looking for a handler block (unwind). */
#include <string.h>
#include "vm.h"
#include "gc.h"
#include "vstr.h"
#include "objtype.h"

/* One C-level entry of the loop. */
typedef struct {
    vm_frame_t *entry;        /* the outermost frame run by this entry */
    obj_t *base_sp;           /* STATE(vm_sp) when the entry started */
    int yielded;              /* how run() left: see vm_run_frame */
    volatile bool no_tb;      /* the exception in flight is a re-raise: no new traceback entry */
} vm_entry_t;

/* Inline cache of LOAD_GLOBAL: where the name was found last time.  A builtins hit stays valid
 * only while the globals map has not changed shape (a new global could shadow the builtin). */
typedef struct {
    map_t *gmap;
    map_t *map;
    map_elem_t *gtable;
    uint32_t idx;
    uint32_t gused;
} global_cache_t;

/* Inline cache of LOAD_ATTR/STORE_ATTR (the index of the name in an instance's dict) and of
 * LOAD_METHOD (the index of a plain function in the instance's class dict), for one user class. */
typedef struct {
    const type_t *type;
    uint32_t idx;
} attr_cache_t;

typedef union {
    global_cache_t global;
    attr_cache_t attr;
} vm_cache_t;

static FUN_DEFINE_KW(build_class_obj, 2, rt_build_class);

/* ------------------------------------------------------------------ frames */

void vm_init(void) {
    STATE(vm_stack) = m_new(obj_t, CONFIG_VM_STACK_WORDS);
    STATE(vm_sp) = STATE(vm_stack);
    STATE(vm_stack_end) = STATE(vm_stack) + CONFIG_VM_STACK_WORDS;
}

static RT_NORETURN void raise_recursion(void) {
    rt_raise_msg(&type_RecursionError, "maximum recursion depth exceeded");
}

vm_frame_t *vm_frame_push(code_t *code) {
    obj_t *base = STATE(vm_sp);
    size_t n = vm_frame_words(code);
    if ((size_t)(STATE(vm_stack_end) - base) < n) {
        raise_recursion();
    }
    STATE(vm_sp) = base + n;
    return (vm_frame_t *)base;
}

void vm_frame_init(vm_frame_t *f, code_t *code, obj_t fun, dict_t *globals, dict_t *locals) {
    f->code = code;
    f->fun = fun;
    f->globals = globals;
    f->locals = locals;
    f->prev = NULL;
    f->ip = code->bytecode;
    f->sp = vm_frame_stack_base(f);
    f->block = vm_frame_block_base(f);
    f->saved_exc = OBJ_NULL;
}

static inline bool on_vm_stack(const vm_frame_t *f) {
    return (const obj_t *)f >= STATE(vm_stack) && (const obj_t *)f < STATE(vm_stack_end);
}

/* The VM-stack top that keeps f and everything below it alive. */
static obj_t *frame_end(vm_entry_t *ent, vm_frame_t *f) {
    return f == ent->entry ? ent->base_sp : (obj_t *)f + vm_frame_words(f->code);
}

static inline void enter_depth(void) {
    if (++STATE(call_depth) > CONFIG_RECURSION_LIMIT) {
        --STATE(call_depth);
        raise_recursion();
    }
}

/* ------------------------------------------------------------------ error helpers */

static RT_NORETURN void unbound_local(const code_t *code, size_t slot) {
    rt_raise_msg(&type_UnboundLocalError,
        "cannot access local variable '%q' where it is not associated with a value",
        code->varnames[slot]);
}

static RT_NORETURN void unbound_deref(const code_t *code, size_t slot) {
    if (slot >= (size_t)(code->n_locals - code->n_free)) {
        rt_raise_msg(&type_NameError, "cannot access free variable '%q' where it is not "
            "associated with a value in enclosing scope", code->varnames[slot]);
    }
    unbound_local(code, slot);
}

/* ------------------------------------------------------------------ exceptions */

static uint32_t frame_line(const vm_frame_t *f) {
    size_t off = (size_t)(f->ip - f->code->bytecode);
    return code_line_for_offset(f->code, off ? off - 1 : 0);
}

/* Implicit chaining: an exception raised while another is handled gets it as __context__. */
static void set_context(obj_t exc) {
    obj_t handled = STATE(cur_exc);
    if (handled == OBJ_NULL || handled == exc) {
        return;
    }
    exc_t *e = exc_get(exc);
    if (e->context != OBJ_NULL) {
        return;
    }
    /* Cut a cycle rather than create one (raising an exception that is in the chain already). */
    for (obj_t o = handled; o != OBJ_NULL;) {
        exc_t *x = exc_get(o);
        if (x->context == exc) {
            x->context = OBJ_NULL;
            break;
        }
        o = x->context;
    }
    e->context = handled;
}

/* Finds the handler for exc in the frames of ent, innermost first, leaving the frames it passes.
 * Returns false when exc leaves the entry frame too. */
static bool unwind(vm_entry_t *ent, obj_t exc) {
    vm_frame_t *f = STATE(vm_frame);
    bool add_tb = !ent->no_tb;
    ent->no_tb = false;
    if (add_tb) {
        set_context(exc);
    }
    for (;;) {
        if (add_tb) {
            exc_add_traceback(exc, f->code->filename, frame_line(f), f->code->name);
        }
        add_tb = true;
        if (f->block > vm_frame_block_base(f)) {
            vm_block_t *b = --f->block;
            obj_t *sp = b->sp;
            STATE(cur_exc) = b->saved_exc;
            /* the GC scans whole frames: drop what the abandoned code left on the stack */
            memset(sp, 0, (size_t)((obj_t *)vm_frame_block_base(f) - sp) * sizeof(obj_t));
            *sp++ = STATE(cur_exc) != OBJ_NULL ? STATE(cur_exc) : OBJ_NONE;
            *sp++ = exc;
            STATE(cur_exc) = exc;
            f->sp = sp;
            f->ip = b->handler;
            STATE(vm_sp) = frame_end(ent, f);
            STATE(vm_frame) = f;
            return true;
        }
        STATE(cur_exc) = f->saved_exc;
        if (f == ent->entry) {
            return false;
        }
        STATE(vm_sp) = (obj_t *)f;
        STATE(call_depth)--;
        f = f->prev;
        STATE(vm_frame) = f;
    }
}

/* `raise x`: x may be a class to instantiate. */
static obj_t make_exception(obj_t x) {
    if (obj_isinstance(x, &type_type)) {
        if (!obj_is_subclass((const type_t *)x, &type_BaseException)) {
            rt_raise_type_error("exceptions must derive from BaseException");
        }
        x = rt_call0(x);
    }
    if (!exc_is_instance(x, &type_BaseException)) {
        rt_raise_type_error("exceptions must derive from BaseException");
    }
    return x;
}

static RT_NORETURN void do_raise(vm_entry_t *ent, size_t n, obj_t *sp) {
    if (n == 0) {
        obj_t exc = STATE(cur_exc);
        if (exc == OBJ_NULL) {
            rt_raise_msg(&type_RuntimeError, "No active exception to reraise");
        }
        ent->no_tb = true;
        nlr_raise(exc);
    }
    obj_t exc = make_exception(sp[-(intptr_t)n]);
    if (n == 2) {
        obj_t cause = sp[-1];
        exc_t *e = exc_get(exc);
        if (cause == OBJ_NONE) {
            e->cause = OBJ_NULL;
        } else if (obj_isinstance(cause, &type_type) || exc_is_instance(cause, &type_BaseException)) {
            if (obj_isinstance(cause, &type_type)
                && !obj_is_subclass((const type_t *)cause, &type_BaseException)) {
                rt_raise_type_error("exception causes must derive from BaseException");
            }
            e->cause = make_exception(cause);
        } else {
            rt_raise_type_error("exception causes must derive from BaseException");
        }
        e->suppress_context = true;
    }
    nlr_raise(exc);
}

/* ------------------------------------------------------------------ names */

/* Shared by code whose caches cannot be allocated (heap locked: a __del__ run by the GC, or
 * micropython.heap_lock()).  Every entry is checked against the live object, map and key before it
 * is used, so code objects aliasing in it only cost misses; its pointers are hints, not roots. */
#define SCRATCH_CACHES (8)
static vm_cache_t scratch_caches[SCRATCH_CACHES];

static vm_cache_t *code_cache(code_t *code, size_t ci) {
    if (code->caches == NULL) {
        code->caches = gc_alloc(sizeof(vm_cache_t) * (code->n_caches ? code->n_caches : 1), false);
        if (code->caches == NULL) {
            return &scratch_caches[ci % SCRATCH_CACHES];
        }
    }
    return &((vm_cache_t *)code->caches)[ci];
}

static obj_t load_global(vm_frame_t *f, qstr name, size_t ci) {
    global_cache_t *c = &code_cache(f->code, ci)->global;
    map_t *g = &f->globals->map;
    obj_t key = OBJ_NEW_QSTR(name);
    if (c->gmap == g) {
        map_t *m = c->map;
        if (c->idx < m->used && m->table[c->idx].key == key
            && (m == g || (g->used == c->gused && g->table == c->gtable))) {
            return m->table[c->idx].value;
        }
    }
    map_t *m = g;
    map_elem_t *e = map_lookup(g, key, MAP_LOOKUP);
    if (e == NULL) {
        m = &STATE(dict_builtins)->map;
        e = map_lookup(m, key, MAP_LOOKUP);
        if (e == NULL) {
            rt_raise_name_error(name);
        }
    }
    c->gmap = g;
    c->map = m;
    c->idx = (uint32_t)(e - m->table);
    c->gused = g->used;
    c->gtable = g->table;
    return e->value;
}

static void store_name(dict_t *d, qstr name, obj_t v) {
    map_lookup(&d->map, OBJ_NEW_QSTR(name), MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = v;
}

static void delete_name(dict_t *d, qstr name) {
    if (map_lookup(&d->map, OBJ_NEW_QSTR(name), MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
        rt_raise_name_error(name);
    }
}

/* ------------------------------------------------------------------ attributes */

/* Instances whose attributes live in an embedded dict that the runtime searches first. */
static inline bool plain_instance_type(const type_t *t, uint8_t hook) {
    if (!(t->flags & TYPE_FLAG_USER)) {
        return false;
    }
    const type_user_t *u = (const type_user_t *)t;
    return (u->layout == TYPE_LAYOUT_INSTANCE || u->layout == TYPE_LAYOUT_WRAP) && !(u->hooks & hook);
}

static inline map_t *instance_map(obj_t o) {
    return &((instance_t *)OBJ_TO_PTR(o))->dict.map;
}

/* The cached entry of map for key, or NULL. */
static inline map_elem_t *cached_elem(map_t *m, uint32_t idx, obj_t key) {
    return idx < m->used && m->table[idx].key == key ? &m->table[idx] : NULL;
}

static inline bool cache_hit(const attr_cache_t *c, obj_t obj, uint8_t hook) {
    return OBJ_IS_PTR(obj) && ((obj_base_t *)obj)->type == c->type
        && !(((const type_user_t *)c->type)->hooks & hook);
}

/* Instance attributes are cached only when no class in the MRO has the name: then no (data)
 * descriptor can take precedence over the instance dict. */
static void cache_fill_instance(attr_cache_t *c, obj_t obj, qstr name, obj_t value) {
    const type_t *t = ((obj_base_t *)obj)->type, *owner;
    map_elem_t *e = map_lookup(instance_map(obj), OBJ_NEW_QSTR(name), MAP_LOOKUP);
    if (e != NULL && e->value == value && type_lookup(t, name, &owner) == OBJ_NULL) {
        c->type = t;
        c->idx = (uint32_t)(e - instance_map(obj)->table);
    }
}

static void cache_fill(attr_cache_t *c, map_t *m, obj_t key, obj_t value, const type_t *t) {
    map_elem_t *e = map_lookup(m, key, MAP_LOOKUP);
    if (e != NULL && e->value == value) {
        c->type = t;
        c->idx = (uint32_t)(e - m->table);
    }
}

static obj_t load_attr(code_t *code, obj_t obj, qstr name, size_t ci) {
    attr_cache_t *c = &code_cache(code, ci)->attr;
    obj_t key = OBJ_NEW_QSTR(name);
    map_elem_t *e;
    if (cache_hit(c, obj, TYPE_HOOK_GETATTRIBUTE) && (e = cached_elem(instance_map(obj), c->idx, key))) {
        return e->value;
    }
    obj_t v = rt_load_attr(obj, name);
    if (OBJ_IS_PTR(obj) && plain_instance_type(((obj_base_t *)obj)->type, TYPE_HOOK_GETATTRIBUTE)) {
        cache_fill_instance(c, obj, name, v);
    }
    return v;
}

static void store_attr(code_t *code, obj_t obj, qstr name, obj_t v, size_t ci) {
    attr_cache_t *c = &code_cache(code, ci)->attr;
    obj_t key = OBJ_NEW_QSTR(name);
    map_elem_t *e;
    if (cache_hit(c, obj, TYPE_HOOK_SETATTR) && (e = cached_elem(instance_map(obj), c->idx, key))) {
        e->value = v;
        return;
    }
    rt_store_attr(obj, name, v);
    if (OBJ_IS_PTR(obj) && plain_instance_type(((obj_base_t *)obj)->type, TYPE_HOOK_SETATTR)) {
        cache_fill_instance(c, obj, name, v);
    }
}

/* obj.name(...): a plain function in obj's own class, not shadowed by the instance, is called
 * with obj as self without a bound method. */
static void load_method(code_t *code, obj_t obj, qstr name, size_t ci, obj_t *dest) {
    attr_cache_t *c = &code_cache(code, ci)->attr;
    obj_t key = OBJ_NEW_QSTR(name);
    map_elem_t *e;
    if (cache_hit(c, obj, TYPE_HOOK_GETATTRIBUTE)
        && (e = cached_elem(&c->type->locals_dict->map, c->idx, key)) != NULL
        && obj_is_type(e->value, &type_function)
        && (instance_map(obj)->len == 0 || map_lookup(instance_map(obj), key, MAP_LOOKUP) == NULL)) {
        dest[0] = e->value;
        dest[1] = obj;
        return;
    }
    rt_load_method(obj, name, dest);
    if (dest[1] == obj && obj_is_type(dest[0], &type_function)
        && plain_instance_type(((obj_base_t *)obj)->type, TYPE_HOOK_GETATTRIBUTE)) {
        const type_t *t = ((obj_base_t *)obj)->type;
        cache_fill(c, &t->locals_dict->map, key, dest[0], t);
    }
}

/* ------------------------------------------------------------------ operators */

static inline bool is_true(obj_t v) {
    if (v == OBJ_TRUE) {
        return true;
    }
    if (v == OBJ_FALSE || v == OBJ_NONE) {
        return false;
    }
    if (OBJ_IS_SMALL_INT(v)) {
        return v != OBJ_NEW_SMALL_INT(0);
    }
    return obj_is_true(v);
}

/* Python's floor division and modulo on small ints (b != 0). */
static inline small_int_t floor_div(small_int_t a, small_int_t b) {
    small_int_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        q--;
    }
    return q;
}
static inline small_int_t floor_mod(small_int_t a, small_int_t b) {
    small_int_t m = a % b;
    if (m != 0 && ((m < 0) != (b < 0))) {
        m += b;
    }
    return m;
}

/* Both operands small ints: the result, or OBJ_NULL to take the general path. */
static inline obj_t small_int_binop(binary_op_t op, obj_t lo, obj_t ro) {
    small_int_t a = OBJ_SMALL_INT_VALUE(lo), b = OBJ_SMALL_INT_VALUE(ro), r;
    switch (op) {
        case BINARY_OP_ADD: case BINARY_OP_INPLACE_ADD: r = a + b; break;
        case BINARY_OP_SUB: case BINARY_OP_INPLACE_SUB: r = a - b; break;
        case BINARY_OP_MUL: case BINARY_OP_INPLACE_MUL:
            if (__builtin_mul_overflow(a, b, &r)) {
                return OBJ_NULL;
            }
            break;
        case BINARY_OP_FLOORDIV: case BINARY_OP_INPLACE_FLOORDIV:
            if (b == 0) {
                return OBJ_NULL;
            }
            r = floor_div(a, b);
            break;
        case BINARY_OP_MOD: case BINARY_OP_INPLACE_MOD:
            if (b == 0) {
                return OBJ_NULL;
            }
            r = floor_mod(a, b);
            break;
        case BINARY_OP_AND: case BINARY_OP_INPLACE_AND: return OBJ_FROM_PTR((uintptr_t)lo & (uintptr_t)ro);
        case BINARY_OP_OR: case BINARY_OP_INPLACE_OR: return OBJ_FROM_PTR((uintptr_t)lo | (uintptr_t)ro);
        case BINARY_OP_XOR: case BINARY_OP_INPLACE_XOR: r = a ^ b; break;
        case BINARY_OP_LT: return OBJ_BOOL(a < b);
        case BINARY_OP_GT: return OBJ_BOOL(a > b);
        case BINARY_OP_LE: return OBJ_BOOL(a <= b);
        case BINARY_OP_GE: return OBJ_BOOL(a >= b);
        case BINARY_OP_EQ: case BINARY_OP_IS: return OBJ_BOOL(a == b);
        case BINARY_OP_NE: case BINARY_OP_IS_NOT: return OBJ_BOOL(a != b);
        default: return OBJ_NULL;
    }
    return SMALL_INT_FITS(r) ? OBJ_NEW_SMALL_INT(r) : obj_new_int(r);
}

static obj_t unary_op(unary_op_t op, obj_t v) {
    if (op == UNARY_OP_NOT) {
        return OBJ_BOOL(!is_true(v));
    }
    if (OBJ_IS_SMALL_INT(v)) {
        small_int_t a = OBJ_SMALL_INT_VALUE(v);
        if (op == UNARY_OP_NEG) {
            return obj_new_int(-a);
        }
        if (op == UNARY_OP_INVERT) {
            return OBJ_NEW_SMALL_INT(~a);
        }
        if (op == UNARY_OP_POS) {
            return v;
        }
    }
    return rt_unary_op(op, v);
}

static obj_t subscr_load(obj_t obj, obj_t idx) {
    if (OBJ_IS_SMALL_INT(idx) && OBJ_IS_PTR(obj)) {
        const type_t *t = ((obj_base_t *)obj)->type;
        small_int_t i = OBJ_SMALL_INT_VALUE(idx);
        if (t == &type_list) {
            list_t *l = OBJ_TO_PTR(obj);
            if (i < 0) {
                i += (small_int_t)l->len;
            }
            if (i >= 0 && (size_t)i < l->len) {
                return l->items[i];
            }
        } else if (t == &type_tuple) {
            tuple_t *tu = OBJ_TO_PTR(obj);
            if (i < 0) {
                i += (small_int_t)tu->len;
            }
            if (i >= 0 && (size_t)i < tu->len) {
                return tu->items[i];
            }
        }
    }
    return rt_subscr_load(obj, idx);
}

static void subscr_store(obj_t obj, obj_t idx, obj_t v) {
    if (OBJ_IS_SMALL_INT(idx) && obj_is_type(obj, &type_list)) {
        list_t *l = OBJ_TO_PTR(obj);
        small_int_t i = OBJ_SMALL_INT_VALUE(idx);
        if (i < 0) {
            i += (small_int_t)l->len;
        }
        if (i >= 0 && (size_t)i < l->len) {
            l->items[i] = v;
            return;
        }
    }
    rt_subscr_store(obj, idx, v);
}

static inline obj_t iter_next(obj_t it) {
    if (OBJ_IS_PTR(it)) {
        iternext_fun_t next = ((obj_base_t *)it)->type->iternext;
        if (next != NULL) {
            return next(it);
        }
    }
    return rt_iternext(it);
}

/* ------------------------------------------------------------------ building values */

/* Items a[0..n) reversed in place: unpacking writes the first item lowest, the stack wants it on top. */
static void reverse(obj_t *a, size_t n) {
    for (size_t i = 0, j = n - 1; i < j && n; i++, j--) {
        obj_t t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

static void unpack_sequence(obj_t seq, size_t n, obj_t *dest) {
    if (obj_is_type(seq, &type_tuple) || obj_is_type(seq, &type_list)) {
        size_t len;
        obj_t *items;
        obj_get_array(seq, &len, &items);
        if (len == n) {
            for (size_t i = 0; i < n; i++) {
                dest[i] = items[n - 1 - i];
            }
            return;
        }
    }
    rt_unpack_sequence(seq, n, dest);
    reverse(dest, n);
}

static obj_t build_string(size_t n, obj_t *items) {
    vstr_t vs;
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        obj_str_get_data(items[i], &len);
        total += len;
    }
    vstr_init(&vs, total + 1);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = obj_str_get_data(items[i], &len);
        vstr_add_strn(&vs, s, len);
    }
    return obj_new_str_from_vstr(&vs);
}

static obj_t format_value(unsigned flags, obj_t v, obj_t spec) {
    switch (flags & 3) {
        case 1: v = obj_str(v); break;
        case 2: v = obj_repr(v); break;
        case 3: v = rt_call1(rt_load_global(Q_ascii, STATE(dict_builtins)), v); break;
        default: break;
    }
    if (spec == OBJ_NULL && (OBJ_IS_QSTR(v) || obj_is_type(v, &type_str))) {
        return v;
    }
    return rt_format(v, spec != OBJ_NULL ? spec : OBJ_NEW_QSTR(Q_));
}

static void extend_from(obj_t target, obj_t iterable, bool is_set) {
    if (!is_set && (obj_is_type(iterable, &type_list) || obj_is_type(iterable, &type_tuple))) {
        size_t len;
        obj_t *items;
        obj_get_array(iterable, &len, &items);
        for (size_t i = 0; i < len; i++) {
            obj_list_append(target, items[i]);
        }
        return;
    }
    const type_t *t = obj_get_type(iterable);
    if (t->getiter == NULL && t->subscr == NULL && !(t->flags & (TYPE_FLAG_ITER_IS_SELF | TYPE_FLAG_USER))) {
        rt_raise_type_error("Value after * must be an iterable, not %q", t->name);
    }
    obj_t it = rt_getiter(iterable), x;
    while ((x = iter_next(it)) != OBJ_STOP) {
        if (is_set) {
            obj_set_add(target, x);
        } else {
            obj_list_append(target, x);
        }
    }
}

/* The name CPython puts in front of call errors: "f()" */
static void print_callee(vstr_t *vs, obj_t fun) {
    print_t p;
    print_vstr_init(&p, vs);
    if (obj_is_type(fun, &type_bound_meth)) {
        fun = ((bound_meth_t *)OBJ_TO_PTR(fun))->fun;
    }
    if (obj_is_type(fun, &type_function)) {
        const code_t *c = ((fun_bc_t *)OBJ_TO_PTR(fun))->code;
        print_fmt(&p, "%q()", c->qualname_unused_ != QSTR_NULL ? c->qualname_unused_ : c->name);
    } else if (obj_isinstance(fun, &type_type)) {
        print_fmt(&p, "%q()", ((const type_t *)fun)->name);
    } else {
        print_fmt(&p, "%q object", obj_type_name(fun));
    }
}

/* {**m} (update) and f(**m) (merge: a repeated key is an error; fun names the callee). */
static void dict_merge(obj_t dict, obj_t m, obj_t fun) {
    obj_t keys_m[2];
    if (!rt_load_method_maybe(m, Q_keys, keys_m)) {
        vstr_t vs;
        vstr_init(&vs, 32);
        if (fun != OBJ_NULL) {
            print_callee(&vs, fun);
            rt_raise_type_error("%s argument after ** must be a mapping, not %q",
                vstr_null_terminated(&vs), obj_type_name(m));
        }
        rt_raise_type_error("'%q' object is not a mapping", obj_type_name(m));
    }
    if (fun == OBJ_NULL) {
        rt_call_method(dict, Q_update, 1, &m);
        return;
    }
    obj_t keys = keys_m[1] != OBJ_NULL ? rt_call1(keys_m[0], keys_m[1]) : rt_call0(keys_m[0]);
    obj_t it = rt_getiter(keys), k;
    while ((k = iter_next(it)) != OBJ_STOP) {
        if (!obj_is_str(k)) {
            rt_raise_type_error("keywords must be strings");
        }
        if (obj_dict_get(dict, k) != OBJ_NULL) {
            vstr_t vs;
            vstr_init(&vs, 32);
            print_callee(&vs, fun);
            rt_raise_type_error("%s got multiple values for keyword argument '%S'",
                vstr_null_terminated(&vs), k);
        }
        obj_dict_store(dict, k, rt_subscr_load(m, k));
    }
}

static void print_expr(obj_t v) {
    if (v == OBJ_NONE) {
        return;
    }
    obj_print(&print_stdout, v, PRINT_REPR);
    print_str(&print_stdout, "\n");
    STATE(repl_last) = v;
    store_name(STATE(dict_builtins), Q__, v);
}

static void before_with(obj_t *sp, qstr enter, qstr exit) {
    obj_t mgr = sp[-1];
    obj_t e[2], x[2];
    if (!rt_load_method_maybe(mgr, enter, e) || !rt_load_method_maybe(mgr, exit, x)) {
        rt_raise_type_error(enter == Q___enter__
            ? "'%q' object does not support the context manager protocol"
            : "'%q' object does not support the asynchronous context manager protocol",
            obj_type_name(mgr));
    }
    sp[-1] = x[1] != OBJ_NULL ? obj_new_bound_meth(x[0], x[1]) : x[0];
    sp[0] = e[1] != OBJ_NULL ? rt_call1(e[0], e[1]) : rt_call0(e[0]);
}

static obj_t with_except(obj_t exit, obj_t exc) {
    obj_t tb = exc_get(exc)->traceback;
    obj_t args[3] = { OBJ_ROM(obj_get_type(exc)), exc, tb != OBJ_NULL ? tb : OBJ_NONE };
    return rt_call(exit, 3, 0, args);
}

static obj_t get_aiter(obj_t o) {
    obj_t m[2];
    if (!rt_load_method_maybe(o, Q___aiter__, m)) {
        rt_raise_type_error("'async for' requires an object with __aiter__ method, got %q",
            obj_type_name(o));
    }
    return m[1] != OBJ_NULL ? rt_call1(m[0], m[1]) : rt_call0(m[0]);
}

static obj_t get_anext(obj_t o) {
    obj_t m[2];
    if (!rt_load_method_maybe(o, Q___anext__, m)) {
        rt_raise_type_error("'async for' received an object from __aiter__ that does not "
            "implement __anext__: %q", obj_type_name(o));
    }
    return gen_get_awaitable(m[1] != OBJ_NULL ? rt_call1(m[0], m[1]) : rt_call0(m[0]));
}

static obj_t make_function(vm_frame_t *f, unsigned flags, obj_t *sp) {
    /* [(defaults) (kwdefaults) (closure) code], the optional parts in that order */
    obj_t *p = sp - 1;
    code_t *code = OBJ_TO_PTR(*p);
    obj_t closure = (flags & 4) ? *--p : OBJ_NULL;
    obj_t kwdefaults = (flags & 2) ? *--p : OBJ_NULL;
    obj_t defaults = (flags & 1) ? *--p : OBJ_NULL;
    return fun_bc_new(code, f->globals, defaults, kwdefaults, closure);
}

static void setup_annotations(vm_frame_t *f) {
    dict_t *d = f->locals != NULL ? f->locals : f->globals;
    if (map_get_qstr(&d->map, Q___annotations__) == OBJ_NULL) {
        store_name(d, Q___annotations__, obj_new_dict(0));
    }
}

/* ------------------------------------------------------------------ the loop */

#define PENDING_CHECK() do { if (STATE(pending_flag)) { rt_handle_pending(); } } while (0)

static obj_t run(vm_entry_t *ent) {
    vm_frame_t *frame;
    code_t *code;
    const uint8_t *ip;
    obj_t *sp;
    obj_t *slots;

#define LOAD_FRAME() do { \
        frame = STATE(vm_frame); code = frame->code; ip = frame->ip; sp = frame->sp; \
        slots = frame->slots; \
    } while (0)
#define ARG() code_read_uint(&ip)
#define NAME() (code->names[code_read_uint(&ip)])

#if CONFIG_COMPUTED_GOTO
    static const void *const labels[] = {
#define X(name, fmt) &&L_##name,
        OPCODES(X)
#undef X
    };
#define DISPATCH() do { frame->ip = ++ip; goto *labels[ip[-1]]; } while (0)
#define CASE(name) L_##name:
#define DEFAULT_CASE
#define DISPATCH_START() DISPATCH();
#define DISPATCH_END()
#else
#define DISPATCH() goto dispatch
#define CASE(name) case OP_##name:
#define DEFAULT_CASE default: rt_raise_msg(&type_RuntimeError, "bad opcode %d", ip[-1]);
#define DISPATCH_START() dispatch: frame->ip = ++ip; switch (ip[-1]) {
#define DISPATCH_END() }
#endif

    LOAD_FRAME();
    DISPATCH_START()

    CASE(NOP) DISPATCH();
    CASE(POP_TOP) sp--; DISPATCH();
    CASE(ROT_TWO) {
        obj_t t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = t;
        DISPATCH();
    }
    CASE(ROT_THREE) {
        obj_t t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = t;
        DISPATCH();
    }
    CASE(ROT_FOUR) {
        obj_t t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = sp[-4];
        sp[-4] = t;
        DISPATCH();
    }
    CASE(DUP_TOP) sp[0] = sp[-1]; sp++; DISPATCH();
    CASE(DUP_TOP_TWO) sp[0] = sp[-2]; sp[1] = sp[-1]; sp += 2; DISPATCH();
    CASE(LOAD_CONST) *sp++ = code->consts[ARG()]; DISPATCH();
    CASE(LOAD_SMALL_INT) *sp++ = OBJ_NEW_SMALL_INT(code_read_sint(&ip)); DISPATCH();
    CASE(LOAD_NONE) *sp++ = OBJ_NONE; DISPATCH();
    CASE(LOAD_TRUE) *sp++ = OBJ_TRUE; DISPATCH();
    CASE(LOAD_FALSE) *sp++ = OBJ_FALSE; DISPATCH();
    CASE(LOAD_NULL) *sp++ = OBJ_NULL; DISPATCH();
    CASE(LOAD_FAST) {
        size_t i = ARG();
        obj_t v = slots[i];
        if (v == OBJ_NULL) {
            unbound_local(code, i);
        }
        *sp++ = v;
        DISPATCH();
    }
    CASE(STORE_FAST) slots[ARG()] = *--sp; DISPATCH();
    CASE(DELETE_FAST) {
        size_t i = ARG();
        if (slots[i] == OBJ_NULL) {
            unbound_local(code, i);
        }
        slots[i] = OBJ_NULL;
        DISPATCH();
    }
    CASE(MAKE_CELL) {
        size_t i = ARG();
        slots[i] = obj_new_cell(slots[i]);
        DISPATCH();
    }
    CASE(LOAD_DEREF) {
        size_t i = ARG();
        obj_t v = ((cell_t *)slots[i])->value;
        if (v == OBJ_NULL) {
            unbound_deref(code, i);
        }
        *sp++ = v;
        DISPATCH();
    }
    CASE(STORE_DEREF) ((cell_t *)slots[ARG()])->value = *--sp; DISPATCH();
    CASE(DELETE_DEREF) {
        size_t i = ARG();
        cell_t *c = slots[i];
        if (c->value == OBJ_NULL) {
            unbound_deref(code, i);
        }
        c->value = OBJ_NULL;
        DISPATCH();
    }
    CASE(LOAD_CLOSURE) *sp++ = slots[ARG()]; DISPATCH();
    CASE(LOAD_NAME) {
        qstr q = NAME();
        *sp++ = rt_load_name(q, frame->locals, frame->globals);
        DISPATCH();
    }
    CASE(STORE_NAME) {
        qstr q = NAME();
        store_name(frame->locals, q, sp[-1]);
        sp--;
        DISPATCH();
    }
    CASE(DELETE_NAME) delete_name(frame->locals, NAME()); DISPATCH();
    CASE(LOAD_GLOBAL) {
        qstr q = NAME();
        size_t ci = ARG();
        *sp++ = load_global(frame, q, ci);
        DISPATCH();
    }
    CASE(STORE_GLOBAL) {
        qstr q = NAME();
        store_name(frame->globals, q, sp[-1]);
        sp--;
        DISPATCH();
    }
    CASE(DELETE_GLOBAL) delete_name(frame->globals, NAME()); DISPATCH();
    CASE(LOAD_ATTR) {
        qstr q = NAME();
        size_t ci = ARG();
        sp[-1] = load_attr(code, sp[-1], q, ci);
        DISPATCH();
    }
    CASE(STORE_ATTR) {
        qstr q = NAME();
        size_t ci = ARG();
        store_attr(code, sp[-1], q, sp[-2], ci);
        sp -= 2;
        DISPATCH();
    }
    CASE(DELETE_ATTR) {
        qstr q = NAME();
        rt_store_attr(sp[-1], q, OBJ_NULL);
        sp--;
        DISPATCH();
    }
    CASE(LOAD_METHOD) {
        qstr q = NAME();
        size_t ci = ARG();
        load_method(code, sp[-1], q, ci, sp - 1);
        sp++;
        DISPATCH();
    }
    CASE(LOAD_BUILD_CLASS) *sp++ = OBJ_ROM(&build_class_obj); DISPATCH();
    CASE(LOAD_ASSERTION_ERROR) *sp++ = OBJ_ROM(&type_AssertionError); DISPATCH();
    CASE(BINARY_SUBSCR) {
        obj_t v = subscr_load(sp[-2], sp[-1]);
        sp--;
        sp[-1] = v;
        DISPATCH();
    }
    CASE(STORE_SUBSCR) subscr_store(sp[-2], sp[-1], sp[-3]); sp -= 3; DISPATCH();
    CASE(DELETE_SUBSCR) rt_subscr_delete(sp[-2], sp[-1]); sp -= 2; DISPATCH();
    CASE(BUILD_SLICE) {
        size_t n = ARG();
        obj_t step = n == 3 ? *--sp : OBJ_NONE;
        obj_t v = obj_new_slice(sp[-2], sp[-1], step);
        sp--;
        sp[-1] = v;
        DISPATCH();
    }
    CASE(UNARY_OP) {
        unary_op_t op = (unary_op_t)ARG();
        sp[-1] = unary_op(op, sp[-1]);
        DISPATCH();
    }
    CASE(BINARY_OP) {
        binary_op_t op = (binary_op_t)ARG();
        obj_t l = sp[-2], r = sp[-1], v;
        if (!(OBJ_IS_SMALL_INT(l) && OBJ_IS_SMALL_INT(r) && (v = small_int_binop(op, l, r)) != OBJ_NULL)) {
            v = rt_binary_op(op, l, r);
        }
        sp--;
        sp[-1] = v;
        DISPATCH();
    }
    CASE(JUMP) {
        int off = code_read_jump(&ip);
        ip += off;
        if (off < 0) {
            PENDING_CHECK();
        }
        DISPATCH();
    }
    CASE(POP_JUMP_IF_FALSE) {
        int off = code_read_jump(&ip);
        if (!is_true(*--sp)) {
            ip += off;
        }
        DISPATCH();
    }
    CASE(POP_JUMP_IF_TRUE) {
        int off = code_read_jump(&ip);
        if (is_true(*--sp)) {
            ip += off;
        }
        DISPATCH();
    }
    CASE(JUMP_IF_FALSE_OR_POP) {
        int off = code_read_jump(&ip);
        if (!is_true(sp[-1])) {
            ip += off;
        } else {
            sp--;
        }
        DISPATCH();
    }
    CASE(JUMP_IF_TRUE_OR_POP) {
        int off = code_read_jump(&ip);
        if (is_true(sp[-1])) {
            ip += off;
        } else {
            sp--;
        }
        DISPATCH();
    }
    CASE(GET_ITER) sp[-1] = rt_getiter(sp[-1]); DISPATCH();
    CASE(FOR_ITER) {
        int off = code_read_jump(&ip);
        obj_t v = iter_next(sp[-1]);
        if (v == OBJ_STOP) {
            sp--;
            ip += off;
        } else {
            *sp++ = v;
        }
        DISPATCH();
    }
    CASE(BUILD_TUPLE) {
        size_t n = ARG();
        obj_t t = obj_new_tuple(n, sp - n);
        sp -= n;
        *sp++ = t;
        DISPATCH();
    }
    CASE(BUILD_LIST) {
        size_t n = ARG();
        obj_t l = obj_new_list(n, sp - n);
        sp -= n;
        *sp++ = l;
        DISPATCH();
    }
    CASE(BUILD_SET) {
        size_t n = ARG();
        obj_t s = obj_new_set(n, sp - n);
        sp -= n;
        *sp++ = s;
        DISPATCH();
    }
    CASE(BUILD_MAP) {
        size_t n = ARG();
        obj_t d = obj_new_dict(n);
        for (size_t i = 0; i < n; i++) {
            obj_dict_store(d, sp[-2 * (intptr_t)(n - i)], sp[-2 * (intptr_t)(n - i) + 1]);
        }
        sp -= 2 * n;
        *sp++ = d;
        DISPATCH();
    }
    CASE(BUILD_STRING) {
        size_t n = ARG();
        obj_t s = build_string(n, sp - n);
        sp -= n;
        *sp++ = s;
        DISPATCH();
    }
    CASE(LIST_APPEND) {
        size_t n = ARG();
        obj_list_append(sp[-1 - (intptr_t)n], sp[-1]);
        sp--;
        DISPATCH();
    }
    CASE(SET_ADD) {
        size_t n = ARG();
        obj_set_add(sp[-1 - (intptr_t)n], sp[-1]);
        sp--;
        DISPATCH();
    }
    CASE(MAP_ADD) {
        size_t n = ARG();
        obj_dict_store(sp[-2 - (intptr_t)n], sp[-2], sp[-1]);
        sp -= 2;
        DISPATCH();
    }
    CASE(LIST_EXTEND) {
        size_t n = ARG();
        extend_from(sp[-1 - (intptr_t)n], sp[-1], false);
        sp--;
        DISPATCH();
    }
    CASE(SET_UPDATE) {
        size_t n = ARG();
        extend_from(sp[-1 - (intptr_t)n], sp[-1], true);
        sp--;
        DISPATCH();
    }
    CASE(DICT_UPDATE) {
        size_t n = ARG();
        dict_merge(sp[-1 - (intptr_t)n], sp[-1], OBJ_NULL);
        sp--;
        DISPATCH();
    }
    CASE(DICT_MERGE) {
        size_t n = ARG();
        /* f(**m): [f args .. dict .. m] */
        dict_merge(sp[-1 - (intptr_t)n], sp[-1], sp[-3 - (intptr_t)n]);
        sp--;
        DISPATCH();
    }
    CASE(LIST_TO_TUPLE) {
        size_t len;
        obj_t *items;
        obj_list_get(sp[-1], &len, &items);
        sp[-1] = obj_new_tuple(len, items);
        DISPATCH();
    }
    CASE(UNPACK_SEQUENCE) {
        size_t n = ARG();
        obj_t seq = sp[-1];
        sp--;
        unpack_sequence(seq, n, sp);
        sp += n;
        DISPATCH();
    }
    CASE(UNPACK_EX) {
        size_t before = ARG(), after = ARG();
        obj_t seq = sp[-1];
        sp--;
        rt_unpack_ex(seq, before, after, sp);
        reverse(sp, before + 1 + after);
        sp += before + 1 + after;
        DISPATCH();
    }
    {
        obj_t fun;
        obj_t *args;
        size_t n_pos, n_kw;
    CASE(CALL_FUNCTION)
        n_pos = ARG();
        n_kw = ARG();
        args = sp - n_pos - 2 * n_kw;
        fun = args[-1];
        sp = args - 1;
        goto do_call;
    CASE(CALL_METHOD)
        n_pos = ARG();
        n_kw = ARG();
        args = sp - n_pos - 2 * n_kw;
        sp = args - 2;
        fun = sp[0];
        if (args[-1] != OBJ_NULL) {
            args--;
            n_pos++;
        }
    do_call:
        PENDING_CHECK();
        if (obj_is_type(fun, &type_bound_meth)) {
            /* the slot below the arguments is free: put self there instead of a copy */
            bound_meth_t *bm = OBJ_TO_PTR(fun);
            fun = bm->fun;
            *--args = bm->self;
            n_pos++;
        }
        if (obj_is_type(fun, &type_function)) {
            fun_bc_t *f = OBJ_TO_PTR(fun);
            code_t *c = f->code;
            if (!(c->flags & CODE_FLAGS_GEN)) {
                frame->ip = ip;
                frame->sp = sp;
                vm_frame_t *nf = vm_frame_push(c);
                vm_frame_init(nf, c, fun, f->globals, NULL);
                fun_bc_bind(nf, f, n_pos, n_kw, args);
                enter_depth();
                nf->prev = frame;
                nf->saved_exc = STATE(cur_exc);
                STATE(vm_frame) = nf;
                LOAD_FRAME();
                DISPATCH();
            }
        }
        obj_t v = rt_call(fun, n_pos, n_kw, args);
        *sp++ = v;
        DISPATCH();
    }
    CASE(CALL_FUNCTION_EX) {
        size_t flags = ARG();
        obj_t kwargs = (flags & 1) ? *--sp : OBJ_NULL;
        obj_t v = rt_call_ex(sp[-2], sp[-1], kwargs);
        sp--;
        sp[-1] = v;
        DISPATCH();
    }
    CASE(MAKE_FUNCTION) {
        unsigned flags = (unsigned)ARG();
        obj_t f = make_function(frame, flags, sp);
        sp -= 1 + ((flags & 1) != 0) + ((flags & 2) != 0) + ((flags & 4) != 0);
        *sp++ = f;
        DISPATCH();
    }
    CASE(RETURN_VALUE) {
        obj_t v = sp[-1];
        if (frame == ent->entry) {
            ent->yielded = 0;
            return v;
        }
        vm_frame_t *caller = frame->prev;
        STATE(cur_exc) = frame->saved_exc;
        STATE(call_depth)--;
        STATE(vm_sp) = (obj_t *)frame;
        STATE(vm_frame) = caller;
        LOAD_FRAME();
        *sp++ = v;
        DISPATCH();
    }
    CASE(IMPORT_NAME) {
        qstr q = NAME();
        obj_t fromlist = sp[-1];
        obj_t m = rt_import_name(q, fromlist, (int)obj_get_int(sp[-2]), frame->globals);
        sp--;
        sp[-1] = m;
        DISPATCH();
    }
    CASE(IMPORT_FROM) {
        qstr q = NAME();
        obj_t v = rt_import_from(sp[-1], q);
        *sp++ = v;
        DISPATCH();
    }
    CASE(IMPORT_STAR) {
        rt_import_all(sp[-1], frame->locals != NULL ? frame->locals : frame->globals);
        sp--;
        DISPATCH();
    }
    CASE(SETUP_EXCEPT) {
        int off = code_read_jump(&ip);
        vm_block_t *b = frame->block++;
        b->handler = ip + off;
        b->sp = sp;
        b->saved_exc = STATE(cur_exc);
        DISPATCH();
    }
    CASE(SETUP_WITH) {
        int off = code_read_jump(&ip);
        vm_block_t *b = frame->block++;
        b->handler = ip + off;
        b->sp = sp - 1;
        b->saved_exc = STATE(cur_exc);
        DISPATCH();
    }
    CASE(POP_BLOCK) frame->block--; DISPATCH();
    CASE(POP_EXCEPT) {
        obj_t prev = *--sp;
        STATE(cur_exc) = prev == OBJ_NONE ? OBJ_NULL : prev;
        DISPATCH();
    }
    CASE(RERAISE) {
        ent->no_tb = true;
        nlr_raise(sp[-1]);
    }
    CASE(RAISE_VARARGS) {
        size_t n = ARG();
        do_raise(ent, n, sp);
    }
    CASE(BEFORE_WITH) before_with(sp, Q___enter__, Q___exit__); sp++; DISPATCH();
    CASE(WITH_EXCEPT) {
        obj_t v = with_except(sp[-3], sp[-1]);
        *sp++ = v;
        DISPATCH();
    }
    CASE(YIELD_VALUE) {
        frame->ip = ip;
        frame->sp = sp - 1;
        ent->yielded = 1;
        return sp[-1];
    }
    CASE(YIELD_FROM) {
        obj_t ret;
        obj_t v = gen_yield_from_step(sp[-2], sp[-1], &ret);
        sp--;
        if (v == OBJ_STOP) {
            sp[-1] = ret;
            DISPATCH();
        }
        /* resume here: the sent value is pushed and this instruction runs again */
        frame->ip = ip - 1;
        frame->sp = sp;
        ent->yielded = 2;
        return v;
    }
    CASE(GET_YIELD_FROM_ITER) sp[-1] = gen_get_yield_from_iter(sp[-1], code); DISPATCH();
    CASE(GET_AWAITABLE) sp[-1] = gen_get_awaitable(sp[-1]); DISPATCH();
    CASE(GET_AITER) sp[-1] = get_aiter(sp[-1]); DISPATCH();
    CASE(GET_ANEXT) {
        obj_t v = get_anext(sp[-1]);
        *sp++ = v;
        DISPATCH();
    }
    CASE(END_ASYNC_FOR) {
        obj_t exc = sp[-1];
        if (!exc_is_instance(exc, &type_StopAsyncIteration)) {
            ent->no_tb = true;
            nlr_raise(exc);
        }
        obj_t prev = sp[-2];
        STATE(cur_exc) = prev == OBJ_NONE ? OBJ_NULL : prev;
        sp -= 3;
        DISPATCH();
    }
    CASE(BEFORE_ASYNC_WITH) before_with(sp, Q___aenter__, Q___aexit__); sp++; DISPATCH();
    CASE(FORMAT_VALUE) {
        unsigned flags = (unsigned)ARG();
        obj_t spec = (flags & 4) ? *--sp : OBJ_NULL;
        sp[-1] = format_value(flags, sp[-1], spec);
        DISPATCH();
    }
    CASE(PRINT_EXPR) print_expr(*--sp); DISPATCH();
    CASE(SETUP_ANNOTATIONS) setup_annotations(frame); DISPATCH();

    DEFAULT_CASE
    DISPATCH_END()
    return OBJ_NONE;
}

/* ------------------------------------------------------------------ entries from C */

/* False (after releasing f if it is on the VM stack) when entering f would go too deep. */
static bool check_entry(vm_frame_t *f) {
    char here;
    if (STATE(call_depth) >= CONFIG_RECURSION_LIMIT
        || (STATE(stack_top) != NULL && (size_t)(STATE(stack_top) - &here) > STATE(stack_limit))) {
        if (on_vm_stack(f)) {
            STATE(vm_sp) = (obj_t *)f;
        }
        return false;
    }
    STATE(call_depth)++;
    return true;
}

obj_t vm_run_frame_catch(vm_frame_t *f, obj_t throw_exc, int *status) {
    if (!check_entry(f)) {
        *status = VM_RAISED;
        return obj_new_exception_msg(&type_RecursionError, "maximum recursion depth exceeded");
    }
    vm_entry_t ent;
    ent.entry = f;
    ent.base_sp = STATE(vm_sp);
    ent.yielded = 0;
    ent.no_tb = false;
    f->prev = STATE(vm_frame);
    f->saved_exc = STATE(cur_exc);
    STATE(vm_frame) = f;
    /* f may live in a register that longjmp clobbers: past here, use ent.entry */
    obj_t exc = throw_exc;
    for (;;) {
        if (exc != OBJ_NULL && !unwind(&ent, exc)) {
            break;
        }
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            obj_t ret = run(&ent);
            nlr_pop();
            *status = ent.yielded;
            STATE(vm_frame) = ent.entry->prev;
            STATE(call_depth)--;
            if (ent.yielded == 0) {
                STATE(cur_exc) = ent.entry->saved_exc;
                if (on_vm_stack(ent.entry)) {
                    STATE(vm_sp) = (obj_t *)ent.entry;
                }
            } else {
                STATE(vm_sp) = ent.base_sp;
            }
            return ret;
        }
        exc = nlr.exc;
    }
    STATE(vm_frame) = ent.entry->prev;
    STATE(call_depth)--;
    STATE(vm_sp) = on_vm_stack(ent.entry) ? (obj_t *)ent.entry : ent.base_sp;
    *status = VM_RAISED;
    return exc;
}

obj_t vm_run_frame(vm_frame_t *f, obj_t throw_exc, int *yielded) {
    obj_t v = vm_run_frame_catch(f, throw_exc, yielded);
    if (*yielded == VM_RAISED) {
        nlr_raise(v);
    }
    return v;
}

obj_t vm_exec_code(code_t *code, dict_t *globals, dict_t *locals) {
    vm_frame_t *f = vm_frame_push(code);
    vm_frame_init(f, code, OBJ_NULL, globals, locals != NULL ? locals : globals);
    for (size_t i = 0; i < code->n_locals; i++) {
        f->slots[i] = OBJ_NULL;
    }
    int yielded;
    return vm_run_frame(f, OBJ_NULL, &yielded);
}

obj_t vm_run_class_body(obj_t fun, dict_t *ns) {
    fun_bc_t *fn = OBJ_TO_PTR(fun);
    obj_t *base = STATE(vm_sp);
    vm_frame_t *f = vm_frame_push(fn->code);
    vm_frame_init(f, fn->code, fun, fn->globals, ns);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) != 0) {
        STATE(vm_sp) = base;
        nlr_raise(nlr.exc);
    }
    fun_bc_bind(f, fn, 0, 0, NULL);
    nlr_pop();
    int yielded;
    return vm_run_frame(f, OBJ_NULL, &yielded);
}

/* ------------------------------------------------------------------ introspection */

obj_t vm_current_globals(void) {
    vm_frame_t *f = STATE(vm_frame);
    return f != NULL ? OBJ_FROM_PTR(f->globals) : OBJ_FROM_PTR(STATE(dict_main));
}

obj_t vm_current_locals(void) {
    vm_frame_t *f = STATE(vm_frame);
    if (f == NULL) {
        return OBJ_FROM_PTR(STATE(dict_main));
    }
    if (f->locals != NULL) {
        return OBJ_FROM_PTR(f->locals);
    }
    const code_t *code = f->code;
    obj_t d = obj_new_dict(code->n_locals);
    for (size_t i = 0; i < code->n_locals; i++) {
        obj_t v = f->slots[i];
        if (obj_is_type(v, &type_cell)) {
            v = ((cell_t *)v)->value;
        }
        if (v != OBJ_NULL) {
            obj_dict_store(d, OBJ_NEW_QSTR(code->varnames[i]), v);
        }
    }
    return d;
}
