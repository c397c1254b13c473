/* objfun.c: the built-in function types, C functions callable from Python.  One type per calling
 * shape (fixed 0..3 arguments, variable positionals, full keyword convention) so the call slot
 * checks the count once and calls the C function with plain arguments.  The structs carry no name
 * (they live in flash by the hundred); a name is found on demand, for messages and repr, by
 * looking the object up in the builtins dict. */
#include "runtime.h"

static const char *fun_name(obj_t self) {
    size_t i = 0;
    map_elem_t *e;
    if (STATE(dict_builtins) != NULL) {
        while ((e = map_next(&STATE(dict_builtins)->map, &i)) != NULL) {
            if (e->value == self && OBJ_IS_QSTR(e->key)) {
                return qstr_str(OBJ_QSTR_VALUE(e->key));
            }
        }
    }
    return NULL;
}

static RT_NORETURN void raise_count(obj_t self, size_t min, size_t max, size_t given) {
    const char *name = fun_name(self);
    const char *n = name ? name : "function";
    if (max == 0) {
        rt_raise_type_error("%s() takes no arguments (%u given)", n, (unsigned)given);
    }
    if (min == 1 && max == 1) {
        rt_raise_type_error("%s() takes exactly one argument (%u given)", n, (unsigned)given);
    }
    if (min == max) {
        rt_raise_type_error("%s expected %u arguments, got %u", n, (unsigned)min, (unsigned)given);
    }
    if (given > max) {
        rt_raise_type_error("%s expected at most %u argument%s, got %u", n, (unsigned)max,
                            max == 1 ? "" : "s", (unsigned)given);
    }
    rt_raise_type_error("%s expected at least %u argument%s, got %u", n, (unsigned)min,
                        min == 1 ? "" : "s", (unsigned)given);
}

static inline void check(obj_t self, size_t n_args, size_t n_kw, size_t min, size_t max) {
    if (n_kw != 0) {
        const char *name = fun_name(self);
        rt_raise_type_error("%s() takes no keyword arguments", name ? name : "function");
    }
    if (n_args < min || n_args > max) {
        raise_count(self, min, max, n_args);
    }
}

static obj_t fun0_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)args;
    check(self, n_args, n_kw, 0, 0);
    return ((const fun_builtin_t *)self)->fun.f0();
}

static obj_t fun1_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    check(self, n_args, n_kw, 1, 1);
    return ((const fun_builtin_t *)self)->fun.f1(args[0]);
}

static obj_t fun2_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    check(self, n_args, n_kw, 2, 2);
    return ((const fun_builtin_t *)self)->fun.f2(args[0], args[1]);
}

static obj_t fun3_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    check(self, n_args, n_kw, 3, 3);
    return ((const fun_builtin_t *)self)->fun.f3(args[0], args[1], args[2]);
}

static obj_t fun_var_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    const fun_builtin_t *f = self;
    check(self, n_args, n_kw, f->n_args_min, f->n_args_max);
    return f->fun.var(n_args, args);
}

static obj_t fun_kw_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    const fun_builtin_t *f = self;
    if (n_args < f->n_args_min) {
        raise_count(self, f->n_args_min, f->n_args_max, n_args);
    }
    return f->fun.kw(n_args, n_kw, args);
}

static void fun_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    const char *name = fun_name(self);
    if (name) {
        print_fmt(p, "<built-in function %s>", name);
    } else {
        print_fmt(p, "<built-in method at 0x%lx>", (unsigned long)(uintptr_t)self);
    }
}

static void fun_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] == OBJ_NULL && (attr == Q___name__ || attr == Q___qualname__)) {
        const char *name = fun_name(self);
        dest[0] = OBJ_NEW_QSTR(name ? qstr_from_str(name) : Q_function);
    } else if (dest[0] == OBJ_NULL && attr == Q___module__) {
        dest[0] = QOBJ(builtins);
    }
}

#define FUN_TYPE(n, call_) \
    const type_t type_fun_builtin_##n = { \
        { &type_type }, TYPE_FLAG_EQ_BY_IDENTITY, Q_builtin_function_or_method, fun_print, NULL, call_, \
        NULL, NULL, fun_attr, NULL, NULL, NULL, NULL, NULL, NULL, NULL \
    }
FUN_TYPE(0, fun0_call);
FUN_TYPE(1, fun1_call);
FUN_TYPE(2, fun2_call);
FUN_TYPE(3, fun3_call);
FUN_TYPE(var, fun_var_call);
FUN_TYPE(kw, fun_kw_call);
