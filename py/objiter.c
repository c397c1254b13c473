/* objiter.c: the iterator builtins that wrap other iterables (enumerate, zip, map, filter,
 * reversed) and the two iterators the runtime makes itself: the __getitem__ protocol
 * (iter_new_seq) and iter(callable, sentinel).  Each is a small type whose iterator is itself. */
#include <string.h>
#include "runtime.h"
#include "gc.h"

/* ---- enumerate ---- */

typedef struct {
    obj_base_t base;
    obj_t iter;
    obj_t count;     /* a small int on the fast path, any int otherwise */
} enumerate_t;

static obj_t enumerate_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    static const arg_spec_t spec[] = {
        { Q_iterable, ARG_REQUIRED, OBJ_NULL },
        { Q_start, 0, OBJ_NEW_SMALL_INT(0) },
    };
    obj_t a[2];
    arg_parse(n_args, n_kw, args, spec, 2, a, "enumerate");
    if (!obj_is_int(a[1]) && !obj_is_type(a[1], &type_bool)) {
        rt_raise_type_error("'%q' object cannot be interpreted as an integer", obj_type_name(a[1]));
    }
    enumerate_t *e = m_new_obj(enumerate_t);
    e->base.type = &type_enumerate;
    e->iter = rt_getiter(a[0]);
    e->count = rt_unary_op(UNARY_OP_INT, a[1]);
    return OBJ_FROM_PTR(e);
}

static obj_t enumerate_next(obj_t self) {
    enumerate_t *e = OBJ_TO_PTR(self);
    obj_t item = rt_iternext(e->iter);
    if (item == OBJ_STOP) {
        return OBJ_STOP;
    }
    obj_t pair[2] = { e->count, item };
    e->count = rt_binary_op(BINARY_OP_ADD, e->count, OBJ_NEW_SMALL_INT(1));
    return obj_new_tuple(2, pair);
}

const type_t type_enumerate = {
    .base = { &type_type },
    .flags = TYPE_FLAG_ITER_IS_SELF | TYPE_FLAG_BASETYPE,
    .name = Q_enumerate,
    .make_new = enumerate_make_new,
    .iternext = enumerate_next,
};

/* ---- zip ---- */

typedef struct {
    obj_base_t base;
    bool strict;
    size_t n;
    obj_t iters[];
} zip_t;

static obj_t zip_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    bool strict = false;
    for (size_t i = 0; i < n_kw; i++) {
        obj_t key = args[n_args + 2 * i];
        if (!obj_is_str(key) || strcmp(obj_str_get_cstr(key), "strict") != 0) {
            rt_raise_type_error("zip() got an unexpected keyword argument '%S'", key);
        }
        strict = obj_is_true(args[n_args + 2 * i + 1]);
    }
    zip_t *z = m_malloc(sizeof(zip_t) + n_args * sizeof(obj_t));
    z->base.type = &type_zip;
    z->strict = strict;
    z->n = n_args;
    for (size_t i = 0; i < n_args; i++) {
        z->iters[i] = rt_getiter(args[i]);
    }
    return OBJ_FROM_PTR(z);
}

static RT_NORETURN void zip_mismatch(size_t arg, bool longer) {
    /* arguments are numbered from 1; arg is the one that disagrees with all before it */
    if (arg == 2) {
        rt_raise_value_error("zip() argument 2 is %s than argument 1", longer ? "longer" : "shorter");
    }
    rt_raise_value_error("zip() argument %u is %s than arguments 1-%u", (unsigned)arg,
                         longer ? "longer" : "shorter", (unsigned)(arg - 1));
}

static obj_t zip_next(obj_t self) {
    zip_t *z = OBJ_TO_PTR(self);
    if (z->n == 0) {
        return OBJ_STOP;
    }
    obj_t tuple = obj_new_tuple(z->n, NULL);
    obj_t *items = ((tuple_t *)tuple)->items;
    for (size_t i = 0; i < z->n; i++) {
        items[i] = rt_iternext(z->iters[i]);
        if (items[i] != OBJ_STOP) {
            continue;
        }
        if (z->strict) {
            if (i > 0) {
                zip_mismatch(i + 1, false);
            }
            for (size_t j = 1; j < z->n; j++) {
                if (rt_iternext(z->iters[j]) != OBJ_STOP) {
                    zip_mismatch(j + 1, true);
                }
            }
        }
        return OBJ_STOP;
    }
    return tuple;
}

const type_t type_zip = {
    .base = { &type_type },
    .flags = TYPE_FLAG_ITER_IS_SELF | TYPE_FLAG_BASETYPE,
    .name = Q_zip,
    .make_new = zip_make_new,
    .iternext = zip_next,
};

/* ---- map ---- */

typedef struct {
    obj_base_t base;
    obj_t fun;
    size_t n;
    obj_t iters[];
} map_obj_t;

static obj_t mapobj_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    if (n_kw) {
        rt_raise_type_error("map() takes no keyword arguments");
    }
    if (n_args < 2) {
        rt_raise_type_error("map() must have at least two arguments.");
    }
    map_obj_t *m = m_malloc(sizeof(map_obj_t) + (n_args - 1) * sizeof(obj_t));
    m->base.type = &type_map;
    m->fun = args[0];
    m->n = n_args - 1;
    for (size_t i = 1; i < n_args; i++) {
        m->iters[i - 1] = rt_getiter(args[i]);
    }
    return OBJ_FROM_PTR(m);
}

static obj_t mapobj_next(obj_t self) {
    map_obj_t *m = OBJ_TO_PTR(self);
    if (m->n == 1) {
        obj_t x = rt_iternext(m->iters[0]);
        return x == OBJ_STOP ? OBJ_STOP : rt_call1(m->fun, x);
    }
    obj_t stack[4];
    obj_t *xs = m->n <= 4 ? stack : m_new(obj_t, m->n);
    for (size_t i = 0; i < m->n; i++) {
        xs[i] = rt_iternext(m->iters[i]);
        if (xs[i] == OBJ_STOP) {
            return OBJ_STOP;
        }
    }
    return rt_call(m->fun, m->n, 0, xs);
}

const type_t type_map = {
    .base = { &type_type },
    .flags = TYPE_FLAG_ITER_IS_SELF | TYPE_FLAG_BASETYPE,
    .name = Q_map,
    .make_new = mapobj_make_new,
    .iternext = mapobj_next,
};

/* ---- filter ---- */

typedef struct {
    obj_base_t base;
    obj_t fun;      /* None: keep the true items */
    obj_t iter;
} filter_t;

static obj_t filter_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    if (n_kw) {
        rt_raise_type_error("filter() takes no keyword arguments");
    }
    if (n_args != 2) {
        rt_raise_type_error("filter expected 2 arguments, got %u", (unsigned)n_args);
    }
    filter_t *f = m_new_obj(filter_t);
    f->base.type = &type_filter;
    f->fun = args[0];
    f->iter = rt_getiter(args[1]);
    return OBJ_FROM_PTR(f);
}

static obj_t filter_next(obj_t self) {
    filter_t *f = OBJ_TO_PTR(self);
    obj_t x;
    while ((x = rt_iternext(f->iter)) != OBJ_STOP) {
        if (obj_is_true(f->fun == OBJ_NONE ? x : rt_call1(f->fun, x))) {
            return x;
        }
    }
    return OBJ_STOP;
}

const type_t type_filter = {
    .base = { &type_type },
    .flags = TYPE_FLAG_ITER_IS_SELF | TYPE_FLAG_BASETYPE,
    .name = Q_filter,
    .make_new = filter_make_new,
    .iternext = filter_next,
};

/* ---- reversed ---- */

typedef struct {
    obj_base_t base;
    obj_t seq;
    size_t index;   /* items left: the next one is seq[index - 1] */
} reversed_t;

static obj_t reversed_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    if (n_kw) {
        rt_raise_type_error("reversed() takes no keyword arguments");
    }
    if (n_args != 1) {
        rt_raise_type_error("reversed expected 1 argument, got %u", (unsigned)n_args);
    }
    obj_t seq = args[0], dest[2];
    const type_t *t = obj_get_type(seq);
    if (rt_load_method_maybe(seq, Q___reversed__, dest)) {
        if (dest[0] == OBJ_NONE) {
            rt_raise_type_error("'%q' object is not reversible", obj_type_name(seq));
        }
        return rt_call_method(seq, Q___reversed__, 0, NULL);
    }
    bool has_getitem = (t->flags & TYPE_FLAG_USER) ? rt_load_method_maybe(seq, Q___getitem__, dest)
                                                   : t->subscr != NULL;
    obj_t len = has_getitem && t != &type_dict ? obj_len_maybe(seq) : OBJ_NULL;
    if (len == OBJ_NULL) {
        rt_raise_type_error("'%q' object is not reversible", obj_type_name(seq));
    }
    reversed_t *r = m_new_obj(reversed_t);
    r->base.type = &type_reversed;
    r->seq = seq;
    r->index = (size_t)OBJ_SMALL_INT_VALUE(len);
    return OBJ_FROM_PTR(r);
}

static obj_t reversed_next(obj_t self) {
    reversed_t *r = OBJ_TO_PTR(self);
    if (r->index == 0) {
        return OBJ_STOP;
    }
    r->index--;
    return rt_subscr_load(r->seq, OBJ_NEW_SMALL_INT((small_int_t)r->index));
}

const type_t type_reversed = {
    .base = { &type_type },
    .flags = TYPE_FLAG_ITER_IS_SELF | TYPE_FLAG_BASETYPE,
    .name = Q_reversed,
    .make_new = reversed_make_new,
    .iternext = reversed_next,
};

/* ---- iter(seq) over __getitem__ ---- */

typedef struct {
    obj_base_t base;
    obj_t seq;      /* OBJ_NULL once exhausted */
    size_t index;
} seq_iter_t;

static const type_t type_seq_iter;

obj_t iter_new_seq(obj_t seq) {
    seq_iter_t *it = m_new_obj(seq_iter_t);
    it->base.type = &type_seq_iter;
    it->seq = seq;
    it->index = 0;
    return OBJ_FROM_PTR(it);
}

static obj_t seq_iter_next(obj_t self) {
    seq_iter_t *it = OBJ_TO_PTR(self);
    if (it->seq == OBJ_NULL) {
        return OBJ_STOP;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t x = rt_subscr_load(it->seq, OBJ_NEW_SMALL_INT((small_int_t)it->index));
        nlr_pop();
        it->index++;
        return x;
    }
    if (exc_is_instance(nlr.exc, &type_IndexError) || exc_is_instance(nlr.exc, &type_StopIteration)) {
        it->seq = OBJ_NULL;
        return OBJ_STOP;
    }
    nlr_raise(nlr.exc);
}

static const type_t type_seq_iter = {
    .base = { &type_type },
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = Q_iterator,
    .iternext = seq_iter_next,
};

/* ---- iter(callable, sentinel) ---- */

typedef struct {
    obj_base_t base;
    obj_t fun;      /* OBJ_NULL once the sentinel was seen */
    obj_t sentinel;
} callable_iter_t;

static const type_t type_callable_iter;

obj_t iter_new_callable(obj_t fun, obj_t sentinel) {
    callable_iter_t *it = m_new_obj(callable_iter_t);
    it->base.type = &type_callable_iter;
    it->fun = fun;
    it->sentinel = sentinel;
    return OBJ_FROM_PTR(it);
}

static obj_t callable_iter_next(obj_t self) {
    callable_iter_t *it = OBJ_TO_PTR(self);
    if (it->fun == OBJ_NULL) {
        return OBJ_STOP;
    }
    obj_t x = rt_call0(it->fun);
    if (obj_equal(x, it->sentinel)) {
        it->fun = OBJ_NULL;
        return OBJ_STOP;
    }
    return x;
}

static const type_t type_callable_iter = {
    .base = { &type_type },
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = Q_callable_iterator,
    .iternext = callable_iter_next,
};
