/* objslice.c: slice objects (what a[i:j:k] passes to __getitem__) and the resolution of a slice
 * against a sequence length that every sliceable type shares (CPython's PySlice_GetIndicesEx). */
#include "runtime.h"
#include "gc.h"

typedef struct {
    obj_base_t base;
    obj_t start, stop, step;    /* None when omitted */
} slice_t;

obj_t obj_new_slice(obj_t start, obj_t stop, obj_t step) {
    slice_t *s = m_new_obj(slice_t);
    s->base.type = &type_slice;
    s->start = start == OBJ_NULL ? OBJ_NONE : start;
    s->stop = stop == OBJ_NULL ? OBJ_NONE : stop;
    s->step = step == OBJ_NULL ? OBJ_NONE : step;
    return OBJ_FROM_PTR(s);
}

/* A slice bound as a C integer: None gives dflt, huge ints clamp to the intptr range. */
static intptr_t bound(obj_t o, intptr_t dflt) {
    if (o == OBJ_NONE) {
        return dflt;
    }
    intptr_t v;
    if (obj_get_int_maybe(o, &v)) {
        return v;
    }
    if (obj_is_int(o)) {
        return rt_binary_op(BINARY_OP_LT, o, OBJ_NEW_SMALL_INT(0)) == OBJ_TRUE ? INTPTR_MIN : INTPTR_MAX;
    }
    obj_t dest[2];
    if (!(obj_get_type(o)->flags & TYPE_FLAG_USER) || !rt_load_method_maybe(o, Q___index__, dest)) {
        rt_raise_type_error("slice indices must be integers or None or have an __index__ method");
    }
    return obj_get_index(o);
}

static intptr_t clamp(intptr_t i, intptr_t len, intptr_t step) {
    if (i < 0) {
        i += len;
        if (i < 0) {
            i = step < 0 ? -1 : 0;
        }
    } else if (i >= len) {
        i = step < 0 ? len - 1 : len;
    }
    return i;
}

size_t obj_slice_indices(obj_t slice, size_t len, intptr_t *start, intptr_t *stop, intptr_t *step) {
    const slice_t *s = OBJ_TO_PTR(slice);
    intptr_t st = bound(s->step, 1);
    if (st == 0) {
        rt_raise_value_error("slice step cannot be zero");
    }
    if (st < -INTPTR_MAX) {
        st = -INTPTR_MAX;   /* so that -step cannot overflow */
    }
    intptr_t b = bound(s->start, st < 0 ? INTPTR_MAX : 0);
    intptr_t e = bound(s->stop, st < 0 ? INTPTR_MIN : INTPTR_MAX);
    intptr_t n = (intptr_t)len;
    b = clamp(b, n, st);
    e = clamp(e, n, st);
    *start = b;
    *stop = e;
    *step = st;
    if (st < 0) {
        return e < b ? (size_t)((b - e - 1) / -st + 1) : 0;
    }
    return b < e ? (size_t)((e - b - 1) / st + 1) : 0;
}

static void slice_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    const slice_t *s = OBJ_TO_PTR(self);
    print_fmt(p, "slice(%r, %r, %r)", s->start, s->stop, s->step);
}

static obj_t slice_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    if (n_kw) {
        rt_raise_type_error("slice() takes no keyword arguments");
    }
    if (n_args < 1 || n_args > 3) {
        rt_raise_type_error("slice expected %s, got %u", n_args < 1 ? "at least 1 argument" : "at most 3 arguments",
                            (unsigned)n_args);
    }
    if (n_args == 1) {
        return obj_new_slice(OBJ_NONE, args[0], OBJ_NONE);
    }
    return obj_new_slice(args[0], args[1], n_args == 3 ? args[2] : OBJ_NONE);
}

static obj_t slice_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    if ((op != BINARY_OP_EQ && op != BINARY_OP_NE) || !obj_is_type(rhs, &type_slice)) {
        return OBJ_NULL;
    }
    const slice_t *a = OBJ_TO_PTR(lhs), *b = OBJ_TO_PTR(rhs);
    bool eq = obj_equal(a->start, b->start) && obj_equal(a->stop, b->stop) && obj_equal(a->step, b->step);
    return OBJ_BOOL(eq == (op == BINARY_OP_EQ));
}

static void slice_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] != OBJ_NULL) {
        return;
    }
    const slice_t *s = OBJ_TO_PTR(self);
    if (attr == Q_start) {
        dest[0] = s->start;
    } else if (attr == Q_stop) {
        dest[0] = s->stop;
    } else if (attr == Q_step) {
        dest[0] = s->step;
    }
}

static obj_t slice_indices(obj_t self, obj_t length) {
    intptr_t len = obj_get_index(length);
    if (len < 0) {
        rt_raise_value_error("length should not be negative");
    }
    intptr_t start, stop, step;
    obj_slice_indices(self, (size_t)len, &start, &stop, &step);
    obj_t items[3] = { obj_new_int(start), obj_new_int(stop), obj_new_int(step) };
    return obj_new_tuple(3, items);
}
static FUN_DEFINE_2(slice_indices_obj, slice_indices);

static const map_elem_t slice_locals_table[] = {
    { QOBJ(indices), OBJ_ROM(&slice_indices_obj) },
};
static DICT_ROM(slice_locals_dict, slice_locals_table);

const type_t type_slice = {
    .base = { &type_type },
    .name = Q_slice,
    .print = slice_print,
    .make_new = slice_make_new,
    .binary_op = slice_binary_op,
    .attr = slice_attr,
    .locals_dict = (dict_t *)&slice_locals_dict,
};
