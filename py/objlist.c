/* objlist.c: the list type (growable arrays: slicing with steps, in-place operators, a stable merge
 * sort shared with sorted()), and the repr recursion guard every container uses. */
#include <string.h>
#include "runtime.h"
#include "gc.h"

#define LIST(o) ((list_t *)OBJ_TO_PTR(o))

/* ---- repr recursion guard ----
 * The containers being printed form a chain of guards, each living in the C frame printing it.  A
 * throw can unwind past repr_guard_leave, so guards at or below a new guard's address (in frames that
 * have returned; the stack grows down) are stale and dropped on entry.  Only identities are compared:
 * the objects are kept alive by those frames.  Depth is bounded like Python calls (RecursionError). */
static repr_guard_t *repr_top;

bool repr_guard_enter(repr_guard_t *g, obj_t o) {
    stack_check();
    while (repr_top != NULL && (uintptr_t)repr_top <= (uintptr_t)g) {
        repr_top = repr_top->prev;
    }
    for (repr_guard_t *r = repr_top; r != NULL; r = r->prev) {
        if (r->obj == o) {
            return false;
        }
    }
    g->depth = repr_top != NULL ? repr_top->depth + 1 : 1;
    if (g->depth > CONFIG_RECURSION_LIMIT) {
        rt_raise_msg(&type_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
    }
    g->obj = o;
    g->prev = repr_top;
    repr_top = g;
    return true;
}

void repr_guard_leave(repr_guard_t *g) {
    repr_top = g->prev;
}

/* ---- storage ---- */

/* Lists with nothing allocated point here (alloc 0), so items is never NULL. */
static obj_t list_no_items[1];

static void list_reserve(list_t *l, size_t n) {
    if (n <= l->alloc) {
        return;
    }
    size_t alloc = l->alloc + l->alloc / 2 + 4;
    if (alloc < n) {
        alloc = n;
    }
    l->items = l->alloc == 0 ? m_new(obj_t, alloc) : m_renew(obj_t, l->items, alloc);
    l->alloc = alloc;
}

static list_t *list_alloc(const type_t *type, size_t n) {
    list_t *l = m_new_obj(list_t);
    l->base.type = type;
    l->items = list_no_items;
    if (n > 0) {
        l->items = m_new(obj_t, n);
        l->alloc = n;
    }
    return l;
}

obj_t obj_new_list(size_t n, const obj_t *items) {
    list_t *l = list_alloc(&type_list, n);
    l->len = n;
    if (items != NULL && n > 0) {
        memcpy(l->items, items, n * sizeof(obj_t));
    }
    return OBJ_FROM_PTR(l);
}

void obj_list_append(obj_t list, obj_t item) {
    list_t *l = LIST(list);
    if (l->len >= l->alloc) {
        list_reserve(l, l->len + 1);
    }
    l->items[l->len++] = item;
}

void obj_list_get(obj_t list, size_t *len, obj_t **items) {
    list_t *l = LIST(list);
    *len = l->len;
    *items = l->items;
}

static list_t *check_list(obj_t self) {
    if (!obj_is_type(self, &type_list) && !obj_isinstance(self, &type_list)) {
        rt_raise_type_error("descriptor requires a 'list' object but received a '%q'", obj_type_name(self));
    }
    return LIST(self);
}

static void list_extend_from(list_t *l, obj_t iterable) {
    if (obj_isinstance(iterable, &type_list) || obj_isinstance(iterable, &type_tuple)) {
        size_t n;
        obj_t *items;
        obj_get_array(iterable, &n, &items);
        list_reserve(l, l->len + n);
        obj_get_array(iterable, &n, &items);   /* again: it may be l, just reallocated */
        memcpy(l->items + l->len, items, n * sizeof(obj_t));
        l->len += n;
        return;
    }
    obj_t iter = rt_getiter(iterable);
    obj_t item;
    while ((item = rt_iternext(iter)) != OBJ_STOP) {
        obj_list_append(OBJ_FROM_PTR(l), item);
    }
}

/* Remove items [i, i + n) and shrink the buffer when it got mostly empty. */
static void list_cut(list_t *l, size_t i, size_t n) {
    memmove(l->items + i, l->items + i + n, (l->len - i - n) * sizeof(obj_t));
    l->len -= n;
    memset(l->items + l->len, 0, n * sizeof(obj_t)); /* let the GC free what was there */
    if (l->alloc > 16 && l->len < l->alloc / 4) {
        l->alloc = l->len + l->len / 2 + 4;
        l->items = m_renew(obj_t, l->items, l->alloc);
    }
}

/* ---- sorting: a top-down merge sort (stable) on an array of w-word records keyed by word 0 ---- */

typedef struct {
    size_t w;        /* 1 (items) or 2 (key, item) */
    bool reverse;
} sort_t;

static bool sort_lt(obj_t a, obj_t b) {
    if (OBJ_IS_SMALL_INT(a) && OBJ_IS_SMALL_INT(b)) {
        return (intptr_t)a < (intptr_t)b;  /* the tag preserves order */
    }
    if (obj_is_str(a) && obj_is_str(b)) {
        size_t la, lb;
        const char *sa = obj_str_get_data(a, &la);
        const char *sb = obj_str_get_data(b, &lb);
        int c = memcmp(sa, sb, la < lb ? la : lb);
        return c < 0 || (c == 0 && la < lb);  /* UTF-8 byte order is code point order */
    }
#if CONFIG_FLOAT
    if (obj_is_float(a) && obj_is_float(b)) {
        return ((float_t_ *)a)->value < ((float_t_ *)b)->value;
    }
#endif
    return obj_is_true(rt_binary_op(BINARY_OP_LT, a, b));
}

static inline bool sort_less(const sort_t *st, obj_t a, obj_t b) {
    return st->reverse ? sort_lt(b, a) : sort_lt(a, b);
}

static void sort_insertion(const sort_t *st, obj_t *a, size_t n) {
    size_t w = st->w;
    obj_t rec[2];
    for (size_t i = 1; i < n; i++) {
        memcpy(rec, a + i * w, w * sizeof(obj_t));
        size_t j = i;
        while (j > 0 && sort_less(st, rec[0], a[(j - 1) * w])) {
            j--;
        }
        if (j < i) {
            memmove(a + (j + 1) * w, a + j * w, (i - j) * w * sizeof(obj_t));
            memcpy(a + j * w, rec, w * sizeof(obj_t));
        }
    }
}

static void sort_merge(const sort_t *st, obj_t *a, obj_t *tmp, size_t n) {
    if (n <= 12) {
        sort_insertion(st, a, n);
        return;
    }
    size_t w = st->w;
    size_t h = n / 2;
    sort_merge(st, a, tmp, h);
    sort_merge(st, a + h * w, tmp, n - h);
    if (!sort_less(st, a[h * w], a[(h - 1) * w])) {
        return;   /* already in order: sorted input costs n comparisons */
    }
    memcpy(tmp, a, h * w * sizeof(obj_t));
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        /* take from the right only when strictly less: that keeps the sort stable */
        if (sort_less(st, a[j * w], tmp[i * w])) {
            memcpy(a + k * w, a + j * w, w * sizeof(obj_t));
            j++;
        } else {
            memcpy(a + k * w, tmp + i * w, w * sizeof(obj_t));
            i++;
        }
        k++;
    }
    memcpy(a + k * w, tmp + i * w, (h - i) * w * sizeof(obj_t));
}

/* Sort items in place; with a key function, records are (key, item) pairs. */
static void sort_items(obj_t *items, size_t n, obj_t key, bool reverse) {
    sort_t st = { key == OBJ_NULL || key == OBJ_NONE ? 1 : 2, reverse };
    obj_t *recs = items;
    if (st.w == 2) {
        recs = m_new(obj_t, 2 * n);
        for (size_t i = 0; i < n; i++) {
            recs[2 * i] = rt_call1(key, items[i]);
            recs[2 * i + 1] = items[i];
        }
    }
    obj_t *tmp = m_new(obj_t, (n / 2 + 1) * st.w);
    sort_merge(&st, recs, tmp, n);
    m_free(tmp);
    if (st.w == 2) {
        for (size_t i = 0; i < n; i++) {
            items[i] = recs[2 * i + 1];
        }
        m_free(recs);
    }
}

void list_sort(obj_t list, obj_t key, bool reverse) {
    list_t *l = LIST(list);
    if (l->len < 2) {
        return;
    }
    /* The list looks empty while sorting so a key or __lt__ that mutates it can't corrupt it. */
    obj_t *items = l->items;
    size_t len = l->len, alloc = l->alloc;
    l->items = list_no_items;
    l->len = l->alloc = 0;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        sort_items(items, len, key, reverse);
        nlr_pop();
    } else {
        l->items = items;
        l->len = len;
        l->alloc = alloc;
        nlr_raise(nlr.exc);
    }
    bool modified = l->items != list_no_items || l->len != 0;
    l->items = items;
    l->len = len;
    l->alloc = alloc;
    if (modified) {
        rt_raise_value_error("list modified during sort");
    }
}

/* ---- type slots ---- */

static void list_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    list_t *l = LIST(self);
    repr_guard_t guard;
    if (!repr_guard_enter(&guard, self)) {
        print_str(p, "[...]");
        return;
    }
    print_str(p, "[");
    for (size_t i = 0; i < l->len; i++) {
        if (i > 0) {
            print_str(p, ", ");
        }
        obj_print(p, l->items[i], PRINT_REPR);
    }
    print_str(p, "]");
    repr_guard_leave(&guard);
}

static obj_t list_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    if (type != &type_list) {
        return OBJ_FROM_PTR(list_alloc(type, 0));  /* list.__init__ fills subclass instances */
    }
    arg_check_num(n_args, n_kw, 0, 1, false);
    list_t *l = list_alloc(type, 0);
    if (n_args == 1) {
        list_extend_from(l, args[0]);
    }
    return OBJ_FROM_PTR(l);
}

static obj_t list_unary_op(unary_op_t op, obj_t self) {
    list_t *l = LIST(self);
    switch (op) {
        case UNARY_OP_BOOL: return OBJ_BOOL(l->len != 0);
        case UNARY_OP_LEN: return OBJ_NEW_SMALL_INT(l->len);
        case UNARY_OP_HASH: rt_raise_type_error("unhashable type: '%q'", obj_type_name(self));
        default: return OBJ_NULL;
    }
}

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

static void list_repeat_into(list_t *dst, const obj_t *items, size_t len, intptr_t n) {
    if (n <= 0 || len == 0) {
        memset(dst->items, 0, dst->len * sizeof(obj_t));   /* in place: drop the old items */
        dst->len = 0;
        return;
    }
    if ((size_t)n > SIZE_MAX / sizeof(obj_t) / len) {
        rt_raise_memory_error();
    }
    size_t total = len * (size_t)n;
    bool own = items == dst->items;
    list_reserve(dst, total);
    if (!own) {
        memcpy(dst->items, items, len * sizeof(obj_t));
    }
    for (size_t done = len; done < total; done += len) {
        memcpy(dst->items + done, dst->items, len * sizeof(obj_t));
    }
    dst->len = total;
}

static obj_t list_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    list_t *l = LIST(lhs);
    switch (op) {
        case BINARY_OP_ADD: {
            if (!obj_isinstance(rhs, &type_list)) {
                if (obj_get_type(rhs)->flags & TYPE_FLAG_USER) {
                    return OBJ_NULL;
                }
                rt_raise_type_error("can only concatenate list (not \"%q\") to list", obj_type_name(rhs));
            }
            list_t *r = LIST(rhs);
            list_t *res = list_alloc(&type_list, l->len + r->len);
            memcpy(res->items, l->items, l->len * sizeof(obj_t));
            memcpy(res->items + l->len, r->items, r->len * sizeof(obj_t));
            res->len = l->len + r->len;
            return OBJ_FROM_PTR(res);
        }
        case BINARY_OP_INPLACE_ADD:
            list_extend_from(l, rhs);
            return lhs;
        case BINARY_OP_MUL:
        case BINARY_OP_REVERSE_MUL: {
            intptr_t n;
            if (!get_repeat(rhs, &n)) {
                return OBJ_NULL;
            }
            list_t *res = list_alloc(&type_list, 0);
            list_repeat_into(res, l->items, l->len, n);
            return OBJ_FROM_PTR(res);
        }
        case BINARY_OP_INPLACE_MUL: {
            intptr_t n;
            if (!get_repeat(rhs, &n)) {
                return OBJ_NULL;
            }
            list_repeat_into(l, l->items, l->len, n);
            return lhs;
        }
        case BINARY_OP_CONTAINS:
            for (size_t i = 0; i < l->len; i++) {
                if (l->items[i] == rhs || obj_equal(l->items[i], rhs)) {
                    return OBJ_TRUE;
                }
            }
            return OBJ_FALSE;
        case BINARY_OP_LT: case BINARY_OP_LE: case BINARY_OP_GT:
        case BINARY_OP_GE: case BINARY_OP_EQ: case BINARY_OP_NE: {
            if (!obj_isinstance(rhs, &type_list)) {
                return OBJ_NULL;
            }
            list_t *r = LIST(rhs);
            return tuple_compare_items(op, l->items, l->len, r->items, r->len);
        }
        default:
            return OBJ_NULL;
    }
}

/* Index i of a list of length len, negative counting from the end; IndexError when outside. */
static size_t list_index_of(obj_t index, size_t len, const char *what) {
    intptr_t i = OBJ_IS_SMALL_INT(index) ? OBJ_SMALL_INT_VALUE(index) : obj_get_index(index);
    if (i < 0) {
        i += (intptr_t)len;
    }
    if (i < 0 || (size_t)i >= len) {
        rt_raise_index_error("%s out of range", what);
    }
    return (size_t)i;
}

static void list_slice_delete(list_t *l, obj_t slice) {
    intptr_t start, stop, step;
    size_t n = obj_slice_indices(slice, l->len, &start, &stop, &step);
    if (n == 0) {
        return;
    }
    if (step == 1) {
        list_cut(l, (size_t)start, n);
        return;
    }
    if (step < 0) {
        /* same set of indices, walked upwards */
        start += (intptr_t)(n - 1) * step;
        step = -step;
    }
    size_t dst = (size_t)start;
    for (size_t src = (size_t)start; src < l->len; src++) {
        bool deleted = src >= (size_t)start && (src - (size_t)start) % (size_t)step == 0
                       && (src - (size_t)start) / (size_t)step < n;
        if (!deleted) {
            l->items[dst++] = l->items[src];
        }
    }
    memset(l->items + dst, 0, (l->len - dst) * sizeof(obj_t));
    l->len = dst;
}

static void list_slice_store(list_t *l, obj_t slice, obj_t value) {
    intptr_t start, stop, step;
    size_t n = obj_slice_indices(slice, l->len, &start, &stop, &step);
    /* take a snapshot of the new items: value may be l itself or a one-shot iterator */
    obj_t src = value;
    if (!obj_is_type(value, &type_tuple)) {
        src = obj_new_list(0, NULL);
        list_extend_from(LIST(src), value);
    }
    size_t m;
    obj_t *items;
    obj_get_array(src, &m, &items);
    if (step == 1) {
        size_t old_len = l->len;
        if (m > n) {
            list_reserve(l, old_len + m - n);
            memmove(l->items + start + m, l->items + start + n, (old_len - (size_t)start - n) * sizeof(obj_t));
            l->len = old_len + m - n;
        } else if (m < n) {
            list_cut(l, (size_t)start + m, n - m);
        }
        memcpy(l->items + start, items, m * sizeof(obj_t));
        return;
    }
    if (m != n) {
        rt_raise_value_error("attempt to assign sequence of size %zu to extended slice of size %zu", m, n);
    }
    for (size_t k = 0; k < n; k++) {
        l->items[start + (intptr_t)k * step] = items[k];
    }
}

static obj_t list_subscr(obj_t self, obj_t index, obj_t value) {
    list_t *l = LIST(self);
    if (OBJ_IS_SMALL_INT(index) || obj_is_index(index)) {
        if (value == OBJ_SENTINEL) {
            return l->items[list_index_of(index, l->len, "list index")];
        }
        if (value == OBJ_NULL) {
            list_cut(l, list_index_of(index, l->len, "list assignment index"), 1);
        } else {
            l->items[list_index_of(index, l->len, "list assignment index")] = value;
        }
        return OBJ_NONE;
    }
    if (obj_is_type(index, &type_slice)) {
        if (value == OBJ_SENTINEL) {
            intptr_t start, stop, step;
            size_t n = obj_slice_indices(index, l->len, &start, &stop, &step);
            list_t *res = list_alloc(&type_list, n);
            if (step == 1) {
                memcpy(res->items, l->items + start, n * sizeof(obj_t));
            } else {
                for (size_t k = 0; k < n; k++) {
                    res->items[k] = l->items[start + (intptr_t)k * step];
                }
            }
            res->len = n;
            return OBJ_FROM_PTR(res);
        }
        if (value == OBJ_NULL) {
            list_slice_delete(l, index);
        } else {
            list_slice_store(l, index, value);
        }
        return OBJ_NONE;
    }
    rt_raise_type_error("list indices must be integers or slices, not %q", obj_type_name(index));
}

/* ---- iteration: a list and an index, read afresh each step so appends while iterating show ---- */

typedef struct {
    obj_base_t base;
    list_t *list;
    size_t index;
} list_iter_t;

static obj_t list_iter_next(obj_t self) {
    list_iter_t *it = OBJ_TO_PTR(self);
    if (it->index < it->list->len) {
        return it->list->items[it->index++];
    }
    return OBJ_STOP;
}

static const type_t type_list_iter = {
    .base = { &type_type },
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = Q_list_iterator,
    .iternext = list_iter_next,
};

static obj_t list_getiter(obj_t self) {
    list_iter_t *it = m_new_obj(list_iter_t);
    it->base.type = &type_list_iter;
    it->list = LIST(self);
    return OBJ_FROM_PTR(it);
}

/* reversed(list): walks down from the end, stopping early if the list shrank. */
static obj_t list_rev_iter_next(obj_t self) {
    list_iter_t *it = OBJ_TO_PTR(self);
    if (it->index > 0 && it->index <= it->list->len) {
        return it->list->items[--it->index];
    }
    it->index = 0;
    return OBJ_STOP;
}

static const type_t type_list_reverseiter = {
    .base = { &type_type },
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = Q_list_reverseiterator,
    .iternext = list_rev_iter_next,
};

/* ---- methods ---- */

static obj_t list_append(obj_t self, obj_t item) {
    obj_list_append(OBJ_FROM_PTR(check_list(self)), item);
    return OBJ_NONE;
}
static FUN_DEFINE_2(list_append_obj, list_append);

static obj_t list_extend(obj_t self, obj_t iterable) {
    list_extend_from(check_list(self), iterable);
    return OBJ_NONE;
}
static FUN_DEFINE_2(list_extend_obj, list_extend);

static obj_t list_insert(obj_t self, obj_t index, obj_t item) {
    list_t *l = check_list(self);
    intptr_t i = obj_get_index(index);
    if (i < 0) {
        i += (intptr_t)l->len;
        if (i < 0) {
            i = 0;
        }
    } else if ((size_t)i > l->len) {
        i = (intptr_t)l->len;
    }
    list_reserve(l, l->len + 1);
    memmove(l->items + i + 1, l->items + i, (l->len - (size_t)i) * sizeof(obj_t));
    l->items[i] = item;
    l->len++;
    return OBJ_NONE;
}
static FUN_DEFINE_3(list_insert_obj, list_insert);

static obj_t list_pop(size_t n_args, const obj_t *args) {
    list_t *l = check_list(args[0]);
    if (l->len == 0) {
        rt_raise_index_error("pop from empty list");
    }
    size_t i = l->len - 1;
    if (n_args > 1) {
        i = list_index_of(args[1], l->len, "pop index");
    }
    obj_t item = l->items[i];
    list_cut(l, i, 1);
    return item;
}
static FUN_DEFINE_VAR(list_pop_obj, 1, 2, list_pop);

static size_t list_find(list_t *l, obj_t value, size_t start, size_t stop) {
    for (size_t i = start; i < stop && i < l->len; i++) {
        if (l->items[i] == value || obj_equal(l->items[i], value)) {
            return i;
        }
    }
    return SIZE_MAX;
}

static obj_t list_remove(obj_t self, obj_t value) {
    list_t *l = check_list(self);
    size_t i = list_find(l, value, 0, l->len);
    if (i == SIZE_MAX) {
        rt_raise_value_error("list.remove(x): x not in list");
    }
    list_cut(l, i, 1);
    return OBJ_NONE;
}
static FUN_DEFINE_2(list_remove_obj, list_remove);

static size_t clamp_index(obj_t arg, size_t len) {
    intptr_t i = obj_get_index(arg);
    if (i < 0) {
        i += (intptr_t)len;
        return i < 0 ? 0 : (size_t)i;
    }
    return (size_t)i > len ? len : (size_t)i;
}

static obj_t list_index(size_t n_args, const obj_t *args) {
    list_t *l = check_list(args[0]);
    size_t start = n_args > 2 ? clamp_index(args[2], l->len) : 0;
    size_t stop = n_args > 3 ? clamp_index(args[3], l->len) : l->len;
    size_t i = list_find(l, args[1], start, stop);
    if (i == SIZE_MAX) {
        rt_raise_value_error("%r is not in list", args[1]);
    }
    return OBJ_NEW_SMALL_INT(i);
}
static FUN_DEFINE_VAR(list_index_obj, 2, 4, list_index);

static obj_t list_count(obj_t self, obj_t value) {
    list_t *l = check_list(self);
    size_t n = 0;
    for (size_t i = 0; i < l->len; i++) {
        n += l->items[i] == value || obj_equal(l->items[i], value);
    }
    return OBJ_NEW_SMALL_INT(n);
}
static FUN_DEFINE_2(list_count_obj, list_count);

static obj_t list_clear(obj_t self) {
    list_t *l = check_list(self);
    l->items = list_no_items;
    l->len = l->alloc = 0;
    return OBJ_NONE;
}
static FUN_DEFINE_1(list_clear_obj, list_clear);

static obj_t list_copy(obj_t self) {
    list_t *l = check_list(self);
    return obj_new_list(l->len, l->items);
}
static FUN_DEFINE_1(list_copy_obj, list_copy);

static obj_t list_reverse(obj_t self) {
    list_t *l = check_list(self);
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        obj_t t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
    return OBJ_NONE;
}
static FUN_DEFINE_1(list_reverse_obj, list_reverse);

static obj_t list_sort_meth(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_key, ARG_KW_ONLY, OBJ_NULL },
        { Q_reverse, ARG_KW_ONLY, OBJ_NULL },
    };
    if (n_args > 1) {
        rt_raise_type_error("sort() takes no positional arguments");
    }
    obj_t out[2];
    arg_parse(0, n_kw, args + 1, spec, 2, out, "sort");
    list_sort(OBJ_FROM_PTR(check_list(args[0])), out[0], out[1] != OBJ_NULL && obj_is_true(out[1]));
    return OBJ_NONE;
}
static FUN_DEFINE_KW(list_sort_obj, 1, list_sort_meth);

static obj_t list_init(size_t n_args, const obj_t *args) {
    list_t *l = check_list(args[0]);
    list_clear(args[0]);
    if (n_args > 1) {
        list_extend_from(l, args[1]);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(list_init_obj, 1, 2, list_init);

static obj_t list_reversed(obj_t self) {
    list_iter_t *it = m_new_obj(list_iter_t);
    it->base.type = &type_list_reverseiter;
    it->list = check_list(self);
    it->index = it->list->len;
    return OBJ_FROM_PTR(it);
}
static FUN_DEFINE_1(list_reversed_obj, list_reversed);

/* The dunder forms, so subclasses can reach the built-in behaviour through super(). */
static obj_t list_getitem(obj_t self, obj_t index) {
    return list_subscr(OBJ_FROM_PTR(check_list(self)), index, OBJ_SENTINEL);
}
static FUN_DEFINE_2(list_getitem_obj, list_getitem);

static obj_t list_setitem(obj_t self, obj_t index, obj_t value) {
    return list_subscr(OBJ_FROM_PTR(check_list(self)), index, value);
}
static FUN_DEFINE_3(list_setitem_obj, list_setitem);

static obj_t list_delitem(obj_t self, obj_t index) {
    return list_subscr(OBJ_FROM_PTR(check_list(self)), index, OBJ_NULL);
}
static FUN_DEFINE_2(list_delitem_obj, list_delitem);

static obj_t list_len(obj_t self) {
    return OBJ_NEW_SMALL_INT(check_list(self)->len);
}
static FUN_DEFINE_1(list_len_obj, list_len);

static obj_t list_contains(obj_t self, obj_t value) {
    return list_binary_op(BINARY_OP_CONTAINS, OBJ_FROM_PTR(check_list(self)), value);
}
static FUN_DEFINE_2(list_contains_obj, list_contains);

static obj_t list_iter(obj_t self) {
    return list_getiter(OBJ_FROM_PTR(check_list(self)));
}
static FUN_DEFINE_1(list_iter_obj, list_iter);

static const map_elem_t list_locals_table[] = {
    { QOBJ(append), OBJ_ROM(&list_append_obj) },
    { QOBJ(clear), OBJ_ROM(&list_clear_obj) },
    { QOBJ(copy), OBJ_ROM(&list_copy_obj) },
    { QOBJ(count), OBJ_ROM(&list_count_obj) },
    { QOBJ(extend), OBJ_ROM(&list_extend_obj) },
    { QOBJ(index), OBJ_ROM(&list_index_obj) },
    { QOBJ(insert), OBJ_ROM(&list_insert_obj) },
    { QOBJ(pop), OBJ_ROM(&list_pop_obj) },
    { QOBJ(remove), OBJ_ROM(&list_remove_obj) },
    { QOBJ(reverse), OBJ_ROM(&list_reverse_obj) },
    { QOBJ(sort), OBJ_ROM(&list_sort_obj) },
    { QOBJ(__init__), OBJ_ROM(&list_init_obj) },
    { QOBJ(__reversed__), OBJ_ROM(&list_reversed_obj) },
    { QOBJ(__getitem__), OBJ_ROM(&list_getitem_obj) },
    { QOBJ(__setitem__), OBJ_ROM(&list_setitem_obj) },
    { QOBJ(__delitem__), OBJ_ROM(&list_delitem_obj) },
    { QOBJ(__len__), OBJ_ROM(&list_len_obj) },
    { QOBJ(__contains__), OBJ_ROM(&list_contains_obj) },
    { QOBJ(__iter__), OBJ_ROM(&list_iter_obj) },
};
static DICT_ROM(list_locals, list_locals_table);

const type_t type_list = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_list,
    .print = list_print,
    .make_new = list_make_new,
    .unary_op = list_unary_op,
    .binary_op = list_binary_op,
    .subscr = list_subscr,
    .getiter = list_getiter,
    .locals_dict = &list_locals,
};
