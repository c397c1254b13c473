/* objrange.c: range objects and their iterator.  Bounds are C integers (the small-int range and a
 * little beyond), so len, indexing, `in` and index() are O(1) arithmetic, and iteration is a tiny
 * iterator that counts down the remaining items. */
#include "runtime.h"
#include "gc.h"

typedef struct {
    obj_base_t base;
    intptr_t start, stop, step;
} range_t;


/* Item count, computed without overflow even for ranges spanning the whole intptr range. */
static uintptr_t range_count(const range_t *r) {
    if (r->step > 0) {
        return r->start < r->stop ? ((uintptr_t)r->stop - (uintptr_t)r->start - 1) / (uintptr_t)r->step + 1 : 0;
    }
    return r->start > r->stop
           ? ((uintptr_t)r->start - (uintptr_t)r->stop - 1) / ((uintptr_t)0 - (uintptr_t)r->step) + 1 : 0;
}

static obj_t range_new(intptr_t start, intptr_t stop, intptr_t step) {
    range_t *r = m_new_obj(range_t);
    r->base.type = &type_range;
    r->start = start;
    r->stop = stop;
    r->step = step;
    return OBJ_FROM_PTR(r);
}

static obj_t range_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    if (n_kw) {
        rt_raise_type_error("range() takes no keyword arguments");
    }
    if (n_args < 1 || n_args > 3) {
        rt_raise_type_error("range expected %s, got %u", n_args < 1 ? "at least 1 argument" : "at most 3 arguments",
                            (unsigned)n_args);
    }
    if (n_args == 1) {
        return range_new(0, obj_get_index(args[0]), 1);
    }
    intptr_t start = obj_get_index(args[0]), stop = obj_get_index(args[1]), step = 1;
    if (n_args == 3) {
        step = obj_get_index(args[2]);
        if (step == 0) {
            rt_raise_value_error("range() arg 3 must not be zero");
        }
    }
    return range_new(start, stop, step);
}

static void range_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    const range_t *r = OBJ_TO_PTR(self);
    if (r->step == 1) {
        print_fmt(p, "range(%ld, %ld)", (long)r->start, (long)r->stop);
    } else {
        print_fmt(p, "range(%ld, %ld, %ld)", (long)r->start, (long)r->stop, (long)r->step);
    }
}

static obj_t range_len(const range_t *r) {
    uintptr_t n = range_count(r);
    if (n > (uintptr_t)SMALL_INT_MAX) {
        rt_raise_overflow("Python int too large to convert to C ssize_t");
    }
    return OBJ_NEW_SMALL_INT((small_int_t)n);
}

static obj_t range_hash(const range_t *r) {
    /* CPython hashes (len, start, step), with None for parts that don't affect equality */
    uintptr_t n = range_count(r);
    obj_t items[3] = { obj_new_int_from_ull(n), OBJ_NONE, OBJ_NONE };
    if (n > 0) {
        items[1] = obj_new_int(r->start);
        if (n > 1) {
            items[2] = obj_new_int(r->step);
        }
    }
    return obj_hash(obj_new_tuple(3, items));
}

static obj_t range_unary_op(unary_op_t op, obj_t self) {
    const range_t *r = OBJ_TO_PTR(self);
    switch (op) {
        case UNARY_OP_BOOL: return OBJ_BOOL(range_count(r) != 0);
        case UNARY_OP_LEN: return range_len(r);
        case UNARY_OP_HASH: return range_hash(r);
        default: return OBJ_NULL;
    }
}

/* Position of the int v in r, or -1. */
static intptr_t range_find_int(const range_t *r, obj_t v) {
    intptr_t x;
    if (!obj_get_int_maybe(v, &x)) {
        return -1;
    }
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) {
        return -1;
    }
    uintptr_t off = r->step > 0 ? (uintptr_t)x - (uintptr_t)r->start : (uintptr_t)r->start - (uintptr_t)x;
    uintptr_t st = r->step > 0 ? (uintptr_t)r->step : (uintptr_t)0 - (uintptr_t)r->step;
    return off % st == 0 ? (intptr_t)(off / st) : -1;
}

/* Position of any value: ints arithmetically, anything else (floats, user types) by comparison. */
static intptr_t range_find(const range_t *r, obj_t v) {
    if (obj_is_int(v) || obj_is_type(v, &type_bool)) {
        return range_find_int(r, v);
    }
    uintptr_t n = range_count(r);
    intptr_t x = r->start;
    for (uintptr_t i = 0; i < n; i++, x += r->step) {
        if (obj_equal(obj_new_int(x), v)) {
            return (intptr_t)i;
        }
    }
    return -1;
}

static bool range_equal(const range_t *a, const range_t *b) {
    uintptr_t n = range_count(a);
    if (n != range_count(b)) {
        return false;
    }
    return n == 0 || (a->start == b->start && (n == 1 || a->step == b->step));
}

static obj_t range_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    const range_t *r = OBJ_TO_PTR(lhs);
    switch (op) {
        case BINARY_OP_CONTAINS:
            return OBJ_BOOL(range_find(r, rhs) >= 0);
        case BINARY_OP_EQ:
        case BINARY_OP_NE:
            if (!obj_is_type(rhs, &type_range)) {
                return OBJ_NULL;
            }
            return OBJ_BOOL(range_equal(r, OBJ_TO_PTR(rhs)) == (op == BINARY_OP_EQ));
        default:
            return OBJ_NULL;
    }
}

static obj_t range_subscr(obj_t self, obj_t index, obj_t value) {
    if (value != OBJ_SENTINEL) {
        return OBJ_NULL;
    }
    const range_t *r = OBJ_TO_PTR(self);
    uintptr_t n = range_count(r);
    if (obj_is_type(index, &type_slice)) {
        intptr_t start, stop, step;
        obj_slice_indices(index, (size_t)n, &start, &stop, &step);
        return range_new(r->start + start * r->step, r->start + stop * r->step, r->step * step);
    }
    if (!obj_is_index(index)) {
        rt_raise_type_error("range indices must be integers or slices, not %q", obj_type_name(index));
    }
    intptr_t i = obj_get_index(index);
    if (i < 0) {
        i += (intptr_t)n;
    }
    if (i < 0 || (uintptr_t)i >= n) {
        rt_raise_index_error("range object index out of range");
    }
    return obj_new_int_from_ll((long long)r->start + (long long)i * r->step);
}

static void range_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] != OBJ_NULL) {
        return;
    }
    const range_t *r = OBJ_TO_PTR(self);
    if (attr == Q_start) {
        dest[0] = obj_new_int(r->start);
    } else if (attr == Q_stop) {
        dest[0] = obj_new_int(r->stop);
    } else if (attr == Q_step) {
        dest[0] = obj_new_int(r->step);
    }
}

/* ---- iteration ---- */

static obj_t range_iter_new(intptr_t cur, intptr_t step, uintptr_t left) {
    range_iter_t *it = m_new_obj(range_iter_t);
    it->base.type = &type_range_iterator;
    it->cur = cur;
    it->step = step;
    it->left = left;
    return OBJ_FROM_PTR(it);
}

static obj_t range_getiter(obj_t self) {
    const range_t *r = OBJ_TO_PTR(self);
    return range_iter_new(r->start, r->step, range_count(r));
}

static obj_t range_iter_next(obj_t self) {
    range_iter_t *it = OBJ_TO_PTR(self);
    if (it->left == 0) {
        return OBJ_STOP;
    }
    it->left--;
    intptr_t v = it->cur;
    if (it->left) {
        it->cur += it->step;    /* not past the last item: cannot overflow */
    }
    return obj_new_int(v);
}

const type_t type_range_iterator = {
    .base = { &type_type },
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = Q_range_iterator,
    .iternext = range_iter_next,
};

/* ---- methods ---- */

static obj_t range_reversed(obj_t self) {
    const range_t *r = OBJ_TO_PTR(self);
    uintptr_t n = range_count(r);
    intptr_t last = n ? (intptr_t)((uintptr_t)r->start + (n - 1) * (uintptr_t)r->step) : r->start;
    return range_iter_new(last, -r->step, n);
}
static FUN_DEFINE_1(range_reversed_obj, range_reversed);

static obj_t range_index(obj_t self, obj_t value) {
    intptr_t i = range_find(OBJ_TO_PTR(self), value);
    if (i < 0) {
        rt_raise_value_error("%r is not in range", value);
    }
    return obj_new_int(i);
}
static FUN_DEFINE_2(range_index_obj, range_index);

static obj_t range_count_method(obj_t self, obj_t value) {
    const range_t *r = OBJ_TO_PTR(self);
    if (obj_is_int(value) || obj_is_type(value, &type_bool)) {
        return OBJ_NEW_SMALL_INT(range_find_int(r, value) >= 0);
    }
    uintptr_t n = range_count(r);
    small_int_t count = 0;
    intptr_t x = r->start;
    for (uintptr_t i = 0; i < n; i++, x += r->step) {
        count += obj_equal(obj_new_int(x), value);
    }
    return OBJ_NEW_SMALL_INT(count);
}
static FUN_DEFINE_2(range_count_obj, range_count_method);

static const map_elem_t range_locals_table[] = {
    { QOBJ(index), OBJ_ROM(&range_index_obj) },
    { QOBJ(count), OBJ_ROM(&range_count_obj) },
    { QOBJ(__reversed__), OBJ_ROM(&range_reversed_obj) },
};
static DICT_ROM(range_locals_dict, range_locals_table);

const type_t type_range = {
    .base = { &type_type },
    .name = Q_range,
    .print = range_print,
    .make_new = range_make_new,
    .unary_op = range_unary_op,
    .binary_op = range_binary_op,
    .attr = range_attr,
    .subscr = range_subscr,
    .getiter = range_getiter,
    .locals_dict = (dict_t *)&range_locals_dict,
};
