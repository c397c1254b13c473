/* modarray.c: the array module: array.array, a packed sequence of one C number type per typecode
 * (b B h H i I l L q Q f d, sized as the host's C types like CPython's).  Items live in one
 * growable block; the object exports it through the buffer protocol, so bytes(a), memoryview(a),
 * struct.pack_into and file writes see the raw items.  Indexing, slicing (with slice assignment and
 * deletion), +, +=, *, ==, `in`, iteration and CPython's repr. */
#include <string.h>
#include "gc.h"
#include "objstr.h"
#include "runtime.h"

typedef struct {
    obj_base_t base;
    char typecode;
    uint8_t itemsize;
    size_t len;      /* items */
    size_t alloc;    /* items */
    uint8_t *items;
} array_t;

static const type_t array_array_type;

static size_t typecode_size(char tc) {
    switch (tc) {
        case 'b': case 'B': return 1;
        case 'h': case 'H': return 2;
        case 'i': case 'I': return sizeof(int);
        case 'l': case 'L': return sizeof(long);
        case 'q': case 'Q': return 8;
#if CONFIG_FLOAT
        case 'f': return 4;
        case 'd': return 8;
#endif
        default: return 0;
    }
}

static bool is_float_code(char tc) {
    return tc == 'f' || tc == 'd';
}

static array_t *array_new(char tc, size_t len) {
    array_t *a = m_new_obj(array_t);
    a->base.type = &array_array_type;
    a->typecode = tc;
    a->itemsize = (uint8_t)typecode_size(tc);
    a->len = len;
    a->alloc = len;
    a->items = m_new(uint8_t, len * a->itemsize + 1);
    memset(a->items, 0, len * a->itemsize);
    return a;
}

static array_t *array_self(obj_t o) {
    if (!obj_isinstance(o, &array_array_type)) {
        rt_raise_type_error("descriptor requires an 'array.array' object but received a '%q'", obj_type_name(o));
    }
    return OBJ_TO_PTR(o);
}

static void array_resize(array_t *a, size_t len) {
    if (len > a->alloc) {
        size_t alloc = len + len / 2 + 4;
        a->items = m_renew(uint8_t, a->items, alloc * a->itemsize);
        a->alloc = alloc;
    }
    if (len > a->len) {
        memset(a->items + a->len * a->itemsize, 0, (len - a->len) * a->itemsize);
    }
    a->len = len;
}

/* ---- item conversion ---- */

static obj_t array_get(const array_t *a, size_t i) {
    const void *p = a->items + i * a->itemsize;
    switch (a->typecode) {
        case 'b': return OBJ_NEW_SMALL_INT(*(const int8_t *)p);
        case 'B': return OBJ_NEW_SMALL_INT(*(const uint8_t *)p);
        case 'h': return OBJ_NEW_SMALL_INT(*(const int16_t *)p);
        case 'H': return OBJ_NEW_SMALL_INT(*(const uint16_t *)p);
        case 'i': return obj_new_int_from_ll(*(const int *)p);
        case 'I': return obj_new_int_from_ull(*(const unsigned *)p);
        case 'l': return obj_new_int_from_ll(*(const long *)p);
        case 'L': return obj_new_int_from_ull(*(const unsigned long *)p);
        case 'q': return obj_new_int_from_ll(*(const long long *)p);
        case 'Q': return obj_new_int_from_ull(*(const unsigned long long *)p);
#if CONFIG_FLOAT
        case 'f': return obj_new_float((float_val_t)*(const float *)p);
        default: return obj_new_float((float_val_t)*(const double *)p);
#else
        default: return OBJ_NONE;
#endif
    }
}

/* An int argument as 64 bits, range-checked against the typecode's C type. */
static uint64_t int_item(char tc, size_t size, obj_t v) {
    if (!obj_is_index(v)) {
        rt_raise_type_error("'%q' object cannot be interpreted as an integer", obj_type_name(v));
    }
    v = int_index(v);
    bool uns = tc >= 'A' && tc <= 'Z';
    int bits = (int)size * 8 - !uns;   /* value bits of the C type */
    intptr_t small;
    uint64_t u;
    if (obj_get_int_maybe(v, &small)) {
        u = (uint64_t)small;
        if (small < 0) {
            if (uns || (bits < 63 && small < -((intptr_t)1 << bits))) {
                goto too_small;
            }
            return u;
        }
    } else {
        bool neg = obj_is_true(int_binary_op(BINARY_OP_LT, v, OBJ_NEW_SMALL_INT(0)));
        if (neg) {
            if (uns) {
                goto too_small;
            }
            return (uint64_t)obj_get_ll(v);   /* OverflowError below -2**63 */
        }
        if (obj_is_true(int_binary_op(BINARY_OP_GT, v, obj_new_int_from_ull(UINT64_MAX)))) {
            goto too_big;
        }
        /* two halves that each fit a long long, on 32-bit hosts too */
        u = (uint64_t)obj_get_ll(int_binary_op(BINARY_OP_RSHIFT, v, OBJ_NEW_SMALL_INT(32))) << 32
            | (uint64_t)obj_get_ll(int_binary_op(BINARY_OP_AND, v, obj_new_int_from_ull(0xffffffffu)));
    }
    if (bits < 64 && u >> bits != 0) {
        goto too_big;
    }
    return u;
too_small:
    rt_raise_overflow("array item is less than minimum");
too_big:
    rt_raise_overflow("array item is greater than maximum");
}

/* Converts v to the item's C type at p: checked fully before anything is written. */
static void array_pack(const array_t *a, obj_t v, void *p) {
#if CONFIG_FLOAT
    if (is_float_code(a->typecode)) {
        float_val_t f;
        if (!obj_get_float_maybe(v, &f)) {
            rt_raise_type_error("must be real number, not %q", obj_type_name(v));
        }
        if (a->typecode == 'f') {
            *(float *)p = (float)f;
        } else {
            *(double *)p = (double)f;
        }
        return;
    }
#endif
    uint64_t u = int_item(a->typecode, a->itemsize, v);
    switch (a->itemsize) {
        case 1: *(uint8_t *)p = (uint8_t)u; break;
        case 2: *(uint16_t *)p = (uint16_t)u; break;
        case 4: *(uint32_t *)p = (uint32_t)u; break;
        default: *(uint64_t *)p = u; break;
    }
}

static void array_set(array_t *a, size_t i, obj_t v) {
    array_pack(a, v, a->items + i * a->itemsize);
}

static void array_append_value(array_t *a, obj_t v) {
    uint64_t item;   /* converted first, so a bad value leaves the array as it was */
    array_pack(a, v, &item);
    array_resize(a, a->len + 1);
    memcpy(a->items + (a->len - 1) * a->itemsize, &item, a->itemsize);
}

static void array_extend_from(array_t *a, obj_t src) {
    if (obj_isinstance(src, &array_array_type)) {
        array_t *b = OBJ_TO_PTR(src);
        if (b->typecode != a->typecode) {
            rt_raise_type_error("can only extend with array of same kind");
        }
        size_t n = a->len, m = b->len;
        array_resize(a, n + m);
        memmove(a->items + n * a->itemsize, b->items, m * a->itemsize);
        return;
    }
    obj_t it = rt_getiter(src), v;
    while ((v = rt_iternext(it)) != OBJ_STOP) {
        array_append_value(a, v);
    }
}

static void array_frombytes_data(array_t *a, const char *d, size_t len) {
    if (len % a->itemsize != 0) {
        rt_raise_value_error("bytes length not a multiple of item size");
    }
    size_t n = a->len;
    array_resize(a, n + len / a->itemsize);
    memmove(a->items + n * a->itemsize, d, len);
}

/* ---- construction and printing ---- */

static obj_t array_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    arg_check_num(n_args, n_kw, 1, 2, false);
    size_t tl;
    const char *tc = obj_is_str(args[0]) ? obj_str_get_data(args[0], &tl) : NULL;
    if (tc == NULL || utf8_count(tc, tl) != 1) {
        rt_raise_type_error("array() argument 1 must be a unicode character, not %q", obj_type_name(args[0]));
    }
    if (typecode_size(tc[0]) == 0) {
        rt_raise_value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    }
    array_t *a = array_new(tc[0], 0);
    if (n_args == 2) {
        obj_t init = args[1];
        if (str_is_bytes(init)) {
            size_t len;
            const char *d = obj_str_get_data(init, &len);
            array_frombytes_data(a, d, len);
        } else if (obj_is_str(init)) {
            rt_raise_type_error("cannot use a str to initialize an array with typecode '%c'", tc[0]);
        } else if (obj_isinstance(init, &array_array_type) && ((array_t *)OBJ_TO_PTR(init))->typecode != tc[0]) {
            array_t *b = OBJ_TO_PTR(init);
            for (size_t i = 0; i < b->len; i++) {
                array_append_value(a, array_get(b, i));
            }
        } else {
            array_extend_from(a, init);
        }
    }
    return OBJ_FROM_PTR(a);
}

static void array_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    array_t *a = OBJ_TO_PTR(self);
    print_fmt(p, "%q('%c'", obj_type_name(self), a->typecode);
    if (a->len > 0) {
        print_str(p, ", [");
        for (size_t i = 0; i < a->len; i++) {
            if (i > 0) {
                print_str(p, ", ");
            }
            obj_print(p, array_get(a, i), PRINT_REPR);
        }
        print_str(p, "]");
    }
    print_str(p, ")");
}

/* ---- operators ---- */

static obj_t array_unary_op(unary_op_t op, obj_t self) {
    array_t *a = OBJ_TO_PTR(self);
    switch (op) {
        case UNARY_OP_BOOL: return OBJ_BOOL(a->len != 0);
        case UNARY_OP_LEN: return OBJ_NEW_SMALL_INT(a->len);
        default: return OBJ_NULL;
    }
}

static bool array_equal(array_t *a, array_t *b) {
    if (a->len != b->len) {
        return false;
    }
    if (a->typecode == b->typecode && !is_float_code(a->typecode)) {
        return memcmp(a->items, b->items, a->len * a->itemsize) == 0;
    }
    for (size_t i = 0; i < a->len; i++) {
        if (!obj_equal(array_get(a, i), array_get(b, i))) {
            return false;
        }
    }
    return true;
}

static obj_t array_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    array_t *a = OBJ_TO_PTR(lhs);
    switch (op) {
        case BINARY_OP_EQ:
        case BINARY_OP_NE:
            if (!obj_isinstance(rhs, &array_array_type)) {
                return OBJ_NULL;
            }
            return OBJ_BOOL(array_equal(a, OBJ_TO_PTR(rhs)) == (op == BINARY_OP_EQ));
        case BINARY_OP_ADD:
        case BINARY_OP_INPLACE_ADD: {
            if (!obj_isinstance(rhs, &array_array_type)) {
                rt_raise_type_error("can only %s array (not \"%q\") to array",
                                    op == BINARY_OP_ADD ? "append" : "extend", obj_type_name(rhs));
            }
            if (((array_t *)OBJ_TO_PTR(rhs))->typecode != a->typecode) {
                rt_raise_type_error(op == BINARY_OP_ADD ? "bad argument type for built-in operation"
                                                        : "can only extend with array of same kind");
            }
            if (op == BINARY_OP_ADD) {
                array_t *r = array_new(a->typecode, 0);
                array_extend_from(r, lhs);
                array_extend_from(r, rhs);
                return OBJ_FROM_PTR(r);
            }
            array_extend_from(a, rhs);
            return lhs;
        }
        case BINARY_OP_MUL:
        case BINARY_OP_REVERSE_MUL: {
            if (!obj_is_index(rhs)) {
                return OBJ_NULL;
            }
            intptr_t n = obj_get_index(rhs);
            size_t times = n > 0 ? (size_t)n : 0, bytes = a->len * a->itemsize;
            if (times && bytes > SIZE_MAX / 2 / times) {
                rt_raise_memory_error();
            }
            array_t *r = array_new(a->typecode, a->len * times);
            for (size_t i = 0; i < times; i++) {
                memcpy(r->items + i * bytes, a->items, bytes);
            }
            return OBJ_FROM_PTR(r);
        }
        case BINARY_OP_CONTAINS:
            for (size_t i = 0; i < a->len; i++) {
                if (obj_equal(array_get(a, i), rhs)) {
                    return OBJ_TRUE;
                }
            }
            return OBJ_FALSE;
        default:
            return OBJ_NULL;
    }
}

/* ---- subscripts ---- */

static obj_t array_slice(array_t *a, obj_t index, obj_t value) {
    intptr_t start, stop, step;
    size_t n = obj_slice_indices(index, a->len, &start, &stop, &step);
    size_t sz = a->itemsize;
    if (value == OBJ_SENTINEL) {
        array_t *r = array_new(a->typecode, n);
        for (size_t i = 0; i < n; i++) {
            memcpy(r->items + i * sz, a->items + (size_t)(start + (intptr_t)i * step) * sz, sz);
        }
        return OBJ_FROM_PTR(r);
    }
    if (value == OBJ_NULL) {
        /* keep every item the slice doesn't select, in order */
        size_t out = 0;
        for (size_t i = 0; i < a->len; i++) {
            intptr_t off = (intptr_t)i - start;
            bool hit = n > 0 && off % step == 0 && off / step >= 0 && (size_t)(off / step) < n;
            if (!hit) {
                memmove(a->items + out++ * sz, a->items + i * sz, sz);
            }
        }
        a->len = out;
        return OBJ_NONE;
    }
    if (!obj_isinstance(value, &array_array_type)) {
        rt_raise_type_error("can only assign array (not \"%q\") to array slice", obj_type_name(value));
    }
    array_t *b = OBJ_TO_PTR(value);
    if (b->typecode != a->typecode) {
        rt_raise_type_error("bad argument type for built-in operation");
    }
    size_t m = b->len;
    uint8_t *src = m_new(uint8_t, m * sz + 1);   /* a copy: b may be a itself */
    memcpy(src, b->items, m * sz);
    if (step == 1) {
        size_t tail = a->len - (size_t)start - n, old_len = a->len;
        if (m > n) {
            array_resize(a, old_len + m - n);
        }
        memmove(a->items + ((size_t)start + m) * sz, a->items + ((size_t)start + n) * sz, tail * sz);
        memcpy(a->items + (size_t)start * sz, src, m * sz);
        a->len = old_len + m - n;
    } else {
        if (m != n) {
            rt_raise_value_error("attempt to assign array of size %u to extended slice of size %u",
                                 (unsigned)m, (unsigned)n);
        }
        for (size_t i = 0; i < n; i++) {
            memcpy(a->items + (size_t)(start + (intptr_t)i * step) * sz, src + i * sz, sz);
        }
    }
    m_free(src);
    return OBJ_NONE;
}

static obj_t array_subscr(obj_t self, obj_t index, obj_t value) {
    array_t *a = OBJ_TO_PTR(self);
    if (obj_is_type(index, &type_slice)) {
        return array_slice(a, index, value);
    }
    if (!obj_is_index(index)) {
        rt_raise_type_error("array indices must be integers");
    }
    intptr_t i = obj_get_index(index);
    if (i < 0) {
        i += (intptr_t)a->len;
    }
    if (i < 0 || (size_t)i >= a->len) {
        rt_raise_index_error(value == OBJ_SENTINEL ? "array index out of range" : "array assignment index out of range");
    }
    if (value == OBJ_SENTINEL) {
        return array_get(a, (size_t)i);
    }
    if (value == OBJ_NULL) {
        memmove(a->items + (size_t)i * a->itemsize, a->items + ((size_t)i + 1) * a->itemsize,
                (a->len - (size_t)i - 1) * a->itemsize);
        a->len--;
    } else {
        array_set(a, (size_t)i, value);
    }
    return OBJ_NONE;
}

/* ---- iteration and the buffer ---- */

typedef struct {
    obj_base_t base;
    array_t *a;
    size_t pos;
} array_iter_t;

static obj_t array_iter_next(obj_t self) {
    array_iter_t *it = OBJ_TO_PTR(self);
    return it->pos < it->a->len ? array_get(it->a, it->pos++) : OBJ_STOP;
}

static const type_t array_iter_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = Q_arrayiterator,
    .iternext = array_iter_next,
};

static obj_t array_getiter(obj_t self) {
    array_iter_t *it = m_new_obj(array_iter_t);
    it->base.type = &array_iter_type;
    it->a = OBJ_TO_PTR(self);
    it->pos = 0;
    return OBJ_FROM_PTR(it);
}

static int array_buffer(obj_t self, buffer_info_t *info, int flags) {
    (void)flags;
    array_t *a = OBJ_TO_PTR(self);
    info->buf = a->items;
    info->len = a->len * a->itemsize;
    info->typecode = a->typecode;
    return 0;
}

/* ---- methods ---- */

static obj_t array_append(obj_t self, obj_t v) {
    array_append_value(array_self(self), v);
    return OBJ_NONE;
}
static FUN_DEFINE_2(array_append_obj, array_append);

static obj_t array_extend(obj_t self, obj_t src) {
    array_extend_from(array_self(self), src);
    return OBJ_NONE;
}
static FUN_DEFINE_2(array_extend_obj, array_extend);

static obj_t array_frombytes(obj_t self, obj_t src) {
    array_t *a = array_self(self);
    size_t len;
    const char *d = str_bytes_data(src, &len);
    array_frombytes_data(a, d, len);
    return OBJ_NONE;
}
static FUN_DEFINE_2(array_frombytes_obj, array_frombytes);

static obj_t array_tobytes(obj_t self) {
    array_t *a = array_self(self);
    return obj_new_bytes(a->items, a->len * a->itemsize);
}
static FUN_DEFINE_1(array_tobytes_obj, array_tobytes);

static obj_t array_tolist(obj_t self) {
    array_t *a = array_self(self);
    obj_t l = obj_new_list(a->len, NULL);
    obj_t *items;
    size_t n;
    obj_list_get(l, &n, &items);
    for (size_t i = 0; i < a->len && i < n; i++) {
        items[i] = array_get(a, i);
    }
    return l;
}
static FUN_DEFINE_1(array_tolist_obj, array_tolist);

static obj_t array_pop(size_t n_args, const obj_t *args) {
    array_t *a = array_self(args[0]);
    intptr_t i = n_args > 1 ? obj_get_index(args[1]) : -1;
    if (a->len == 0) {
        rt_raise_index_error("pop from empty array");
    }
    if (i < 0) {
        i += (intptr_t)a->len;
    }
    if (i < 0 || (size_t)i >= a->len) {
        rt_raise_index_error("pop index out of range");
    }
    obj_t v = array_get(a, (size_t)i);
    array_subscr(args[0], OBJ_NEW_SMALL_INT(i), OBJ_NULL);
    return v;
}
static FUN_DEFINE_VAR(array_pop_obj, 1, 2, array_pop);

static void array_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] != OBJ_NULL) {
        return;
    }
    array_t *a = OBJ_TO_PTR(self);
    if (attr == Q_typecode) {
        dest[0] = obj_new_str(&a->typecode, 1);
    } else if (attr == Q_itemsize) {
        dest[0] = OBJ_NEW_SMALL_INT(a->itemsize);
    }
}

static const map_elem_t array_locals_table[] = {
    { QOBJ(append), OBJ_ROM(&array_append_obj) },
    { QOBJ(extend), OBJ_ROM(&array_extend_obj) },
    { QOBJ(frombytes), OBJ_ROM(&array_frombytes_obj) },
    { QOBJ(tobytes), OBJ_ROM(&array_tobytes_obj) },
    { QOBJ(tolist), OBJ_ROM(&array_tolist_obj) },
    { QOBJ(pop), OBJ_ROM(&array_pop_obj) },
};
static const DICT_ROM(array_locals, array_locals_table);

static const type_t array_array_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_array,
    .print = array_print,
    .make_new = array_make_new,
    .unary_op = array_unary_op,
    .binary_op = array_binary_op,
    .attr = array_attr,
    .subscr = array_subscr,
    .getiter = array_getiter,
    .buffer = array_buffer,
    .locals_dict = (dict_t *)&array_locals,
};

static const map_elem_t array_globals_table[] = {
    { QOBJ(__name__), QOBJ(array) },
    { QOBJ(array), OBJ_ROM(&array_array_type) },
    { QOBJ(typecodes), QOBJ(bBhHiIlLqQfd) },
};
static const DICT_ROM(array_globals, array_globals_table);

MODULE_ROM(module_array, array_globals);
REGISTER_MODULE(array, module_array);
