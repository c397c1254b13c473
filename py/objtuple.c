/* objtuple.c: the tuple type (immutable arrays: hash, lexicographic comparison, slicing, iteration)
 * and the item-array helpers that list shares: tuple_compare_items and obj_get_array. */
#include <string.h>
#include "runtime.h"
#include "gc.h"

/* The one empty tuple: () costs no heap. */
static const tuple_t tuple_empty = { { &type_tuple }, 0 };

obj_t obj_new_tuple(size_t n, const obj_t *items) {
    if (n == 0) {
        return OBJ_ROM(&tuple_empty);
    }
    tuple_t *t = m_new_obj_var(tuple_t, obj_t, n);
    t->base.type = &type_tuple;
    t->len = n;
    if (items != NULL) {
        memcpy(t->items, items, n * sizeof(obj_t));
    }
    return OBJ_FROM_PTR(t);
}

void obj_tuple_get(obj_t tuple, size_t *len, obj_t **items) {
    tuple_t *t = OBJ_TO_PTR(tuple);
    *len = t->len;
    *items = t->items;
}

void obj_get_array(obj_t o, size_t *len, obj_t **items) {
    if (obj_isinstance(o, &type_tuple)) {
        obj_tuple_get(o, len, items);
    } else if (obj_isinstance(o, &type_list)) {
        obj_list_get(o, len, items);
    } else {
        rt_raise_type_error("object '%q' isn't a tuple or list", obj_type_name(o));
    }
}

static bool items_equal(obj_t a, obj_t b) {
    return a == b || obj_equal(a, b);
}

obj_t tuple_compare_items(binary_op_t op, const obj_t *a, size_t na, const obj_t *b, size_t nb) {
    if (na != nb && (op == BINARY_OP_EQ || op == BINARY_OP_NE)) {
        return OBJ_BOOL(op == BINARY_OP_NE);
    }
    stack_check();
    size_t n = na < nb ? na : nb;
    size_t i = 0;
    while (i < n && items_equal(a[i], b[i])) {
        i++;
    }
    if (i < n) {
        /* the first differing items decide */
        if (op == BINARY_OP_EQ) {
            return OBJ_FALSE;
        }
        if (op == BINARY_OP_NE) {
            return OBJ_TRUE;
        }
        return rt_binary_op(op, a[i], b[i]);
    }
    switch (op) {
        case BINARY_OP_LT: return OBJ_BOOL(na < nb);
        case BINARY_OP_LE: return OBJ_BOOL(na <= nb);
        case BINARY_OP_GT: return OBJ_BOOL(na > nb);
        case BINARY_OP_GE: return OBJ_BOOL(na >= nb);
        case BINARY_OP_EQ: return OBJ_BOOL(na == nb);
        default: return OBJ_BOOL(na != nb);
    }
}

static void tuple_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    tuple_t *t = OBJ_TO_PTR(self);
    stack_check();
    print_str(p, "(");
    for (size_t i = 0; i < t->len; i++) {
        if (i > 0) {
            print_str(p, ", ");
        }
        obj_print(p, t->items[i], PRINT_REPR);
    }
    print_str(p, t->len == 1 ? ",)" : ")");
}

static obj_t tuple_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 0, 1, false);
    obj_t res;
    if (n_args == 0) {
        res = OBJ_ROM(&tuple_empty);
    } else if (obj_is_type(args[0], &type_tuple)) {
        res = args[0];
    } else if (obj_is_type(args[0], &type_list)) {
        size_t len;
        obj_t *items;
        obj_list_get(args[0], &len, &items);
        res = obj_new_tuple(len, items);
    } else {
        obj_t list = obj_new_list(0, NULL);
        obj_t iter = rt_getiter(args[0]);
        obj_t item;
        while ((item = rt_iternext(iter)) != OBJ_STOP) {
            obj_list_append(list, item);
        }
        size_t len;
        obj_t *items;
        obj_list_get(list, &len, &items);
        res = obj_new_tuple(len, items);
    }
    if (type != &type_tuple) {
        /* a subclass instance needs its own object, even when empty */
        tuple_t *src = OBJ_TO_PTR(res);
        tuple_t *t = m_new_obj_var(tuple_t, obj_t, src->len);
        t->base.type = type;
        t->len = src->len;
        memcpy(t->items, src->items, src->len * sizeof(obj_t));
        res = OBJ_FROM_PTR(t);
    }
    return res;
}

/* CPython's xxHash-derived tuple hash, truncated to a small int. */
#if UINTPTR_MAX > 0xffffffffu
#define XXPRIME_1 ((uintptr_t)11400714785074694791ULL)
#define XXPRIME_2 ((uintptr_t)14029467366897019727ULL)
#define XXPRIME_5 ((uintptr_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))
#else
#define XXPRIME_1 ((uintptr_t)2654435761UL)
#define XXPRIME_2 ((uintptr_t)2246822519UL)
#define XXPRIME_5 ((uintptr_t)374761393UL)
#define XXROTATE(x) (((x) << 13) | ((x) >> 19))
#endif

static obj_t tuple_hash(tuple_t *t) {
    stack_check();
    uintptr_t acc = XXPRIME_5;
    for (size_t i = 0; i < t->len; i++) {
        uintptr_t lane = (uintptr_t)OBJ_SMALL_INT_VALUE(obj_hash(t->items[i]));
        acc += lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += t->len ^ (XXPRIME_5 ^ 3527539UL);
    return OBJ_NEW_SMALL_INT((small_int_t)acc);
}

static obj_t tuple_unary_op(unary_op_t op, obj_t self) {
    tuple_t *t = OBJ_TO_PTR(self);
    switch (op) {
        case UNARY_OP_BOOL: return OBJ_BOOL(t->len != 0);
        case UNARY_OP_LEN: return OBJ_NEW_SMALL_INT(t->len);
        case UNARY_OP_HASH: return tuple_hash(t);
        default: return OBJ_NULL;
    }
}

/* The repeat count of seq * n; false if n is an instance of a Python class (not an int). */
static bool get_repeat(obj_t n, intptr_t *out) {
    if (OBJ_IS_SMALL_INT(n)) {
        *out = OBJ_SMALL_INT_VALUE(n);
        return true;
    }
    if (!obj_isinstance(n, &type_int)) {
        if (obj_get_type(n)->flags & TYPE_FLAG_USER) {
            return false;   /* it may define __rmul__ */
        }
        rt_raise_type_error("can't multiply sequence by non-int of type '%q'", obj_type_name(n));
    }
    if (!obj_get_int_maybe(n, out)) {
        rt_raise_overflow("cannot fit 'int' into an index-sized integer");
    }
    return true;
}

static bool is_user_type(obj_t o) {
    return (obj_get_type(o)->flags & TYPE_FLAG_USER) != 0;
}

static obj_t tuple_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    tuple_t *t = OBJ_TO_PTR(lhs);
    switch (op) {
        case BINARY_OP_ADD:
        case BINARY_OP_INPLACE_ADD: {
            if (!obj_isinstance(rhs, &type_tuple)) {
                if (is_user_type(rhs)) {
                    return OBJ_NULL;
                }
                rt_raise_type_error("can only concatenate tuple (not \"%q\") to tuple", obj_type_name(rhs));
            }
            tuple_t *u = OBJ_TO_PTR(rhs);
            if (u->len == 0 && obj_is_type(lhs, &type_tuple)) {
                return lhs;
            }
            tuple_t *r = OBJ_TO_PTR(obj_new_tuple(t->len + u->len, NULL));
            memcpy(r->items, t->items, t->len * sizeof(obj_t));
            memcpy(r->items + t->len, u->items, u->len * sizeof(obj_t));
            return OBJ_FROM_PTR(r);
        }
        case BINARY_OP_MUL:
        case BINARY_OP_INPLACE_MUL:
        case BINARY_OP_REVERSE_MUL: {
            intptr_t n;
            if (!get_repeat(rhs, &n)) {
                return OBJ_NULL;
            }
            if (n <= 0 || t->len == 0) {
                return OBJ_ROM(&tuple_empty);
            }
            if (n == 1 && obj_is_type(lhs, &type_tuple)) {
                return lhs;
            }
            if ((size_t)n > SIZE_MAX / sizeof(obj_t) / t->len) {
                rt_raise_memory_error();
            }
            tuple_t *r = OBJ_TO_PTR(obj_new_tuple(t->len * (size_t)n, NULL));
            for (intptr_t i = 0; i < n; i++) {
                memcpy(r->items + (size_t)i * t->len, t->items, t->len * sizeof(obj_t));
            }
            return OBJ_FROM_PTR(r);
        }
        case BINARY_OP_CONTAINS:
            for (size_t i = 0; i < t->len; i++) {
                if (items_equal(t->items[i], rhs)) {
                    return OBJ_TRUE;
                }
            }
            return OBJ_FALSE;
        case BINARY_OP_LT: case BINARY_OP_LE: case BINARY_OP_GT:
        case BINARY_OP_GE: case BINARY_OP_EQ: case BINARY_OP_NE: {
            if (!obj_isinstance(rhs, &type_tuple)) {
                return OBJ_NULL;
            }
            tuple_t *u = OBJ_TO_PTR(rhs);
            return tuple_compare_items(op, t->items, t->len, u->items, u->len);
        }
        default:
            return OBJ_NULL;
    }
}

static obj_t tuple_subscr(obj_t self, obj_t index, obj_t value) {
    if (value != OBJ_SENTINEL) {
        return OBJ_NULL;   /* tuples are immutable: the runtime reports it */
    }
    tuple_t *t = OBJ_TO_PTR(self);
    if (OBJ_IS_SMALL_INT(index) || obj_is_index(index)) {
        intptr_t i = OBJ_IS_SMALL_INT(index) ? OBJ_SMALL_INT_VALUE(index) : obj_get_index(index);
        if (i < 0) {
            i += (intptr_t)t->len;
        }
        if (i < 0 || (size_t)i >= t->len) {
            rt_raise_index_error("tuple index out of range");
        }
        return t->items[i];
    }
    if (obj_is_type(index, &type_slice)) {
        intptr_t start, stop, step;
        size_t n = obj_slice_indices(index, t->len, &start, &stop, &step);
        if (step == 1 && n == t->len && obj_is_type(self, &type_tuple)) {
            return self;
        }
        tuple_t *r = OBJ_TO_PTR(obj_new_tuple(n, NULL));
        for (size_t k = 0; k < n; k++) {
            r->items[k] = t->items[start + (intptr_t)k * step];
        }
        return OBJ_FROM_PTR(r);
    }
    rt_raise_type_error("tuple indices must be integers or slices, not %q", obj_type_name(index));
}

/* ---- iteration ---- */

typedef struct {
    obj_base_t base;
    tuple_t *tuple;
    size_t index;
} tuple_iter_t;

static obj_t tuple_iter_next(obj_t self) {
    tuple_iter_t *it = OBJ_TO_PTR(self);
    if (it->index < it->tuple->len) {
        return it->tuple->items[it->index++];
    }
    return OBJ_STOP;
}

static const type_t type_tuple_iter = {
    .base = { &type_type },
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = Q_tuple_iterator,
    .iternext = tuple_iter_next,
};

static obj_t tuple_getiter(obj_t self) {
    tuple_iter_t *it = m_new_obj(tuple_iter_t);
    it->base.type = &type_tuple_iter;
    it->tuple = OBJ_TO_PTR(self);
    it->index = 0;
    return OBJ_FROM_PTR(it);
}

/* ---- methods ---- */

static obj_t tuple_count(obj_t self, obj_t value) {
    tuple_t *t = OBJ_TO_PTR(self);
    size_t n = 0;
    for (size_t i = 0; i < t->len; i++) {
        n += items_equal(t->items[i], value);
    }
    return OBJ_NEW_SMALL_INT(n);
}
static FUN_DEFINE_2(tuple_count_obj, tuple_count);

/* Clamp a start/stop argument of index() the way CPython's slice arguments are. */
static size_t clamp_index(obj_t arg, size_t len) {
    intptr_t i = obj_get_index(arg);
    if (i < 0) {
        i += (intptr_t)len;
        return i < 0 ? 0 : (size_t)i;
    }
    return (size_t)i > len ? len : (size_t)i;
}

static obj_t tuple_index(size_t n_args, const obj_t *args) {
    tuple_t *t = OBJ_TO_PTR(args[0]);
    size_t start = n_args > 2 ? clamp_index(args[2], t->len) : 0;
    size_t stop = n_args > 3 ? clamp_index(args[3], t->len) : t->len;
    for (size_t i = start; i < stop; i++) {
        if (items_equal(t->items[i], args[1])) {
            return OBJ_NEW_SMALL_INT(i);
        }
    }
    rt_raise_value_error("tuple.index(x): x not in tuple");
}
static FUN_DEFINE_VAR(tuple_index_obj, 2, 4, tuple_index);

static const map_elem_t tuple_locals_table[] = {
    { QOBJ(count), OBJ_ROM(&tuple_count_obj) },
    { QOBJ(index), OBJ_ROM(&tuple_index_obj) },
};
static DICT_ROM(tuple_locals, tuple_locals_table);

const type_t type_tuple = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_tuple,
    .print = tuple_print,
    .make_new = tuple_make_new,
    .unary_op = tuple_unary_op,
    .binary_op = tuple_binary_op,
    .subscr = tuple_subscr,
    .getiter = tuple_getiter,
    .locals_dict = &tuple_locals,
};
