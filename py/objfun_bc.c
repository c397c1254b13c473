/* objfun_bc.c: Python functions (type_function): creation by MAKE_FUNCTION, binding call arguments
 * into a frame's slots with CPython's error messages, calls from C, and the function attributes. */
#include <string.h>
#include "vm.h"
#include "gc.h"

obj_t fun_bc_new(code_t *code, dict_t *globals, obj_t defaults, obj_t kwdefaults, obj_t closure) {
    fun_bc_t *f = m_new_obj(fun_bc_t);
    f->base.type = &type_function;
    f->code = code;
    f->globals = globals;
    f->defaults = defaults == OBJ_NONE ? OBJ_NULL : defaults;
    f->kwdefaults = kwdefaults == OBJ_NONE ? OBJ_NULL : kwdefaults;
    f->closure = closure;
    f->dict = OBJ_NULL;
    return f;
}

static qstr fun_name(const code_t *code) {
    return code->qualname_unused_ != QSTR_NULL ? code->qualname_unused_ : code->name;
}

/* ------------------------------------------------------------------ argument errors */

/* "'x'", "'x' and 'y'", "'x', 'y', and 'z'" */
static void list_names(vstr_t *vs, const qstr *names, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            vstr_add_str(vs, n == 2 ? " and " : i == n - 1 ? ", and " : ", ");
        }
        vstr_add_byte(vs, '\'');
        vstr_add_str(vs, qstr_str(names[i]));
        vstr_add_byte(vs, '\'');
    }
}

static RT_NORETURN void raise_missing(const code_t *code, const qstr *names, size_t n, bool kwonly) {
    vstr_t vs;
    vstr_init(&vs, 32);
    list_names(&vs, names, n);
    rt_raise_type_error("%q() missing %u required %s argument%s: %s", fun_name(code), (unsigned)n,
        kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s", vstr_null_terminated(&vs));
}

static RT_NORETURN void raise_too_many(const code_t *code, size_t n_defaults, size_t given) {
    size_t max = code->n_pos_args, min = max - n_defaults;
    vstr_t vs;
    print_t p;
    vstr_init(&vs, 64);
    print_vstr_init(&p, &vs);
    if (min != max) {
        print_fmt(&p, "from %u to %u positional arguments", (unsigned)min, (unsigned)max);
    } else {
        print_fmt(&p, "%u positional argument%s", (unsigned)max, max == 1 ? "" : "s");
    }
    rt_raise_type_error("%q() takes %s but %u %s given", fun_name(code), vstr_null_terminated(&vs),
        (unsigned)given, given == 1 ? "was" : "were");
}

/* ------------------------------------------------------------------ binding */

static qstr kw_qstr(obj_t name) {
    if (OBJ_IS_QSTR(name)) {
        return OBJ_QSTR_VALUE(name);
    }
    size_t len;
    const char *s = obj_str_get_data(name, &len);
    return qstr_find_strn(s, len);
}

/* The slot of keyword argument q among the parameters that accept keywords, or -1. */
static intptr_t kw_slot(const code_t *code, qstr q, size_t from) {
    size_t end = code->n_pos_args + code->n_kwonly_args;
    for (size_t j = from; j < end; j++) {
        if (code->varnames[j] == q) {
            return (intptr_t)j;
        }
    }
    return -1;
}

static void bind_keywords(const code_t *code, obj_t *slots, obj_t kwdict, size_t n_kw, const obj_t *kw) {
    for (size_t i = 0; i < n_kw; i++) {
        obj_t name = kw[2 * i], value = kw[2 * i + 1];
        qstr q = kw_qstr(name);
        intptr_t j = q != QSTR_NULL ? kw_slot(code, q, code->n_posonly_args) : -1;
        if (j >= 0) {
            if (slots[j] != OBJ_NULL) {
                rt_raise_type_error("%q() got multiple values for argument '%q'", fun_name(code), q);
            }
            slots[j] = value;
        } else if (kwdict != OBJ_NULL) {
            obj_dict_store(kwdict, name, value);
        } else if (q != QSTR_NULL && kw_slot(code, q, 0) >= 0) {
            rt_raise_type_error("%q() got some positional-only arguments passed as keyword "
                "arguments: '%q'", fun_name(code), q);
        } else {
            rt_raise_type_error("%q() got an unexpected keyword argument '%S'", fun_name(code), name);
        }
    }
}

static void fill_defaults(const fun_bc_t *fun, obj_t *slots, size_t n_args) {
    const code_t *code = fun->code;
    size_t n_pos = code->n_pos_args;
    size_t n_def = 0;
    obj_t *defs = NULL;
    if (fun->defaults != OBJ_NULL) {
        obj_tuple_get(fun->defaults, &n_def, &defs);
    }
    qstr missing[16];
    size_t n_missing = 0;
    for (size_t j = n_args; j < n_pos; j++) {
        if (slots[j] != OBJ_NULL) {
            continue;
        }
        if (j + n_def >= n_pos) {
            slots[j] = defs[j + n_def - n_pos];
        } else if (n_missing < 16) {
            missing[n_missing++] = code->varnames[j];
        }
    }
    if (n_missing) {
        raise_missing(code, missing, n_missing, false);
    }
    for (size_t j = n_pos; j < n_pos + code->n_kwonly_args; j++) {
        if (slots[j] != OBJ_NULL) {
            continue;
        }
        obj_t d = fun->kwdefaults != OBJ_NULL
            ? obj_dict_get(fun->kwdefaults, OBJ_NEW_QSTR(code->varnames[j])) : OBJ_NULL;
        if (d != OBJ_NULL) {
            slots[j] = d;
        } else if (n_missing < 16) {
            missing[n_missing++] = code->varnames[j];
        }
    }
    if (n_missing) {
        raise_missing(code, missing, n_missing, true);
    }
}

static void bind_general(const fun_bc_t *fun, obj_t *slots, size_t n_args, size_t n_kw, const obj_t *args) {
    const code_t *code = fun->code;
    size_t n_pos = code->n_pos_args;
    size_t k = n_args < n_pos ? n_args : n_pos;
    if (k) {
        memcpy(slots, args, k * sizeof(obj_t));
    }
    size_t idx = n_pos + code->n_kwonly_args;
    if (code->flags & CODE_FLAG_VARARGS) {
        slots[idx++] = obj_new_tuple(n_args - k, args + k);
    } else if (n_args > n_pos) {
        size_t n_def = 0;
        obj_t *defs;
        if (fun->defaults != OBJ_NULL) {
            obj_tuple_get(fun->defaults, &n_def, &defs);
        }
        raise_too_many(code, n_def, n_args);
    }
    obj_t kwdict = OBJ_NULL;
    if (code->flags & CODE_FLAG_VARKW) {
        kwdict = slots[idx] = obj_new_dict(n_kw);
    }
    bind_keywords(code, slots, kwdict, n_kw, args + n_args);
    fill_defaults(fun, slots, k);
}

void fun_bc_bind(vm_frame_t *f, const fun_bc_t *fun, size_t n_args, size_t n_kw, const obj_t *args) {
    const code_t *code = fun->code;
    obj_t *slots = f->slots;
    size_t n_free = code->n_free, n_bound = code->n_locals - n_free;
    if (fun_bc_simple_call(code, n_args, n_kw)) {
        if (n_args) {
            memcpy(slots, args, n_args * sizeof(obj_t));
        }
        memset(slots + n_args, 0, (n_bound - n_args) * sizeof(obj_t));
    } else {
        memset(slots, 0, n_bound * sizeof(obj_t));
        bind_general(fun, slots, n_args, n_kw, args);
    }
    if (n_free) {
        size_t len;
        obj_t *cells;
        obj_tuple_get(fun->closure, &len, &cells);
        memcpy(slots + n_bound, cells, n_free * sizeof(obj_t));
    }
}

/* ------------------------------------------------------------------ the type */

/* A call from C: a new entry of the VM loop. */
static obj_t fun_bc_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    fun_bc_t *fun = OBJ_TO_PTR(self);
    code_t *code = fun->code;
    if (code->flags & CODE_FLAGS_GEN) {
        return gen_new(fun, n_args, n_kw, args);
    }
    obj_t *base = STATE(vm_sp);
    vm_frame_t *f = vm_frame_push(code);
    vm_frame_init(f, code, self, fun->globals, NULL);
    if (fun_bc_simple_call(code, n_args, n_kw)) {
        fun_bc_bind(f, fun, n_args, n_kw, args);
    } else {
        nlr_buf_t nlr;
        if (nlr_push(&nlr) != 0) {
            STATE(vm_sp) = base;
            nlr_raise(nlr.exc);
        }
        fun_bc_bind(f, fun, n_args, n_kw, args);
        nlr_pop();
    }
    int yielded;
    return vm_run_frame(f, OBJ_NULL, &yielded);
}

static void fun_bc_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    fun_bc_t *f = OBJ_TO_PTR(self);
    print_fmt(p, "<function %q at %p>", fun_name(f->code), self);
}

static obj_t attr_builtin(fun_bc_t *f, qstr attr) {
    switch (attr) {
        case Q___name__: return OBJ_NEW_QSTR(f->code->name);
        case Q___qualname__: return OBJ_NEW_QSTR(fun_name(f->code));
        case Q___module__: {
            obj_t m = map_get_qstr(&f->globals->map, Q___name__);
            return m != OBJ_NULL ? m : OBJ_NONE;
        }
        case Q___defaults__: return f->defaults != OBJ_NULL ? f->defaults : OBJ_NONE;
        case Q___kwdefaults__: return f->kwdefaults != OBJ_NULL ? f->kwdefaults : OBJ_NONE;
        case Q___code__: return OBJ_FROM_PTR(f->code);
        case Q___globals__: return OBJ_FROM_PTR(f->globals);
        case Q___closure__: return f->closure != OBJ_NULL ? f->closure : OBJ_NONE;
        case Q___doc__:
            return (f->code->flags & CODE_FLAG_DOCSTRING) ? f->code->consts[0] : OBJ_NONE;
        case Q___dict__:
            if (f->dict == OBJ_NULL) {
                f->dict = obj_new_dict(0);
            }
            return f->dict;
        default: return OBJ_NULL;
    }
}

static void fun_bc_attr(obj_t self, qstr attr, obj_t *dest) {
    fun_bc_t *f = OBJ_TO_PTR(self);
    if (dest[0] == OBJ_NULL) {
        obj_t v = f->dict != OBJ_NULL ? map_get_qstr(obj_dict_get_map(f->dict), attr) : OBJ_NULL;
        dest[0] = v != OBJ_NULL ? v : attr_builtin(f, attr);
        return;
    }
    /* store or delete: user attributes live in the lazily created __dict__ */
    if (attr == Q___dict__ || attr == Q___code__ || attr == Q___globals__ || attr == Q___closure__) {
        return;
    }
    if (attr == Q___defaults__ && dest[1] != OBJ_NULL) {
        f->defaults = dest[1] == OBJ_NONE ? OBJ_NULL : dest[1];
        dest[0] = OBJ_NULL;
        return;
    }
    if (f->dict == OBJ_NULL) {
        f->dict = obj_new_dict(0);
    }
    map_t *m = obj_dict_get_map(f->dict);
    if (dest[1] == OBJ_NULL) {
        if (map_lookup(m, OBJ_NEW_QSTR(attr), MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
            return;
        }
    } else {
        map_lookup(m, OBJ_NEW_QSTR(attr), MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = dest[1];
    }
    dest[0] = OBJ_NULL;
}

const type_t type_function = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_function,
    .print = fun_bc_print,
    .call = fun_bc_call,
    .attr = fun_bc_attr,
};
