/* modcollections.c: the collections module: deque, OrderedDict, defaultdict and namedtuple.
 *  - deque is a ring buffer of objects (grows by doubling; with maxlen, appends push the far end out).
 *  - OrderedDict and defaultdict are built-in subtypes of dict: instances are dict_t (defaultdict
 *    with default_factory after it), so every dict method and slot works on them unchanged; these
 *    types add only their own methods, forwarding their slots to dict's.
 *  - namedtuple builds a real class (a tuple subclass, via type_new_user) whose fields are
 *    properties reading the tuple's items, so instances cost exactly a tuple. */
#include <string.h>
#include "gc.h"
#include "objtype.h"
#include "runtime.h"

/* ------------------------------------------------------------------ deque */

typedef struct {
    obj_base_t base;
    obj_t *items;
    uint32_t alloc, head, len;
    uint32_t maxlen;          /* UINT32_MAX: unbounded */
    uint32_t changes;         /* bumped by every change, so iterators notice mutation */
} deque_t;

static const type_t collections_deque_type;

static deque_t *deque_self(obj_t self) {
    if (!obj_isinstance(self, &collections_deque_type)) {
        rt_raise_type_error("descriptor requires a 'collections.deque' object but received a '%q'",
                            obj_type_name(self));
    }
    return OBJ_TO_PTR(self);
}

static obj_t *deque_at(deque_t *q, size_t i) {
    return &q->items[(q->head + i) % q->alloc];
}

static void deque_grow(deque_t *q) {
    uint32_t alloc = q->alloc ? q->alloc * 2 : 4;
    obj_t *items = m_new(obj_t, alloc);
    for (uint32_t i = 0; i < q->len; i++) {
        items[i] = *deque_at(q, i);
    }
    memset(items + q->len, 0, (alloc - q->len) * sizeof(obj_t));
    m_free(q->items);
    q->items = items;
    q->alloc = alloc;
    q->head = 0;
}

static obj_t deque_take(deque_t *q, bool left) {
    if (q->len == 0) {
        rt_raise_index_error("pop from an empty deque");
    }
    obj_t *slot = deque_at(q, left ? 0 : q->len - 1);
    obj_t v = *slot;
    *slot = OBJ_NULL;
    if (left) {
        q->head = (q->head + 1) % q->alloc;
    }
    q->len--;
    q->changes++;
    return v;
}

static void deque_put(deque_t *q, obj_t v, bool left) {
    if (q->maxlen == 0) {
        return;
    }
    if (q->len == q->maxlen) {
        deque_take(q, !left);
    }
    if (q->len == q->alloc) {
        deque_grow(q);
    }
    if (left) {
        q->head = (q->head + q->alloc - 1) % q->alloc;
        q->items[q->head] = v;
    } else {
        *deque_at(q, q->len) = v;
    }
    q->len++;
    q->changes++;
}

static obj_t deque_append(obj_t self, obj_t v) {
    deque_put(deque_self(self), v, false);
    return OBJ_NONE;
}
static FUN_DEFINE_2(deque_append_obj, deque_append);

static obj_t deque_appendleft(obj_t self, obj_t v) {
    deque_put(deque_self(self), v, true);
    return OBJ_NONE;
}
static FUN_DEFINE_2(deque_appendleft_obj, deque_appendleft);

static obj_t deque_pop(obj_t self) {
    return deque_take(deque_self(self), false);
}
static FUN_DEFINE_1(deque_pop_obj, deque_pop);

static obj_t deque_popleft(obj_t self) {
    return deque_take(deque_self(self), true);
}
static FUN_DEFINE_1(deque_popleft_obj, deque_popleft);

static void deque_extend_side(obj_t self, obj_t iterable, bool left) {
    deque_t *q = deque_self(self);
    if (iterable == self) {
        iterable = obj_new_list(0, NULL);   /* a snapshot: extending by itself must terminate */
        for (uint32_t i = 0; i < q->len; i++) {
            obj_list_append(iterable, *deque_at(q, i));
        }
    }
    obj_t it = rt_getiter(iterable), v;
    while ((v = rt_iternext(it)) != OBJ_STOP) {
        deque_put(q, v, left);
    }
}

static obj_t deque_extend(obj_t self, obj_t iterable) {
    deque_extend_side(self, iterable, false);
    return OBJ_NONE;
}
static FUN_DEFINE_2(deque_extend_obj, deque_extend);

static obj_t deque_extendleft(obj_t self, obj_t iterable) {
    deque_extend_side(self, iterable, true);
    return OBJ_NONE;
}
static FUN_DEFINE_2(deque_extendleft_obj, deque_extendleft);

static obj_t deque_clear(obj_t self) {
    deque_t *q = deque_self(self);
    memset(q->items, 0, q->alloc * sizeof(obj_t));
    q->len = q->head = 0;
    q->changes++;
    return OBJ_NONE;
}
static FUN_DEFINE_1(deque_clear_obj, deque_clear);

static obj_t deque_rotate(size_t n_args, const obj_t *args) {
    deque_t *q = deque_self(args[0]);
    intptr_t n = n_args > 1 ? obj_get_int(args[1]) : 1;
    if (q->len > 1) {
        intptr_t k = n % (intptr_t)q->len;
        for (; k > 0; k--) {
            deque_put(q, deque_take(q, false), true);
        }
        for (; k < 0; k++) {
            deque_put(q, deque_take(q, true), false);
        }
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(deque_rotate_obj, 1, 2, deque_rotate);

/* The index of the first item equal to v, or -1; comparisons may run code that changes q. */
static intptr_t deque_find(deque_t *q, obj_t v) {
    uint32_t changes = q->changes;
    for (uint32_t i = 0; i < q->len; i++) {
        obj_t item = *deque_at(q, i);
        if (item == v || obj_equal(item, v)) {
            return (intptr_t)i;
        }
        if (q->changes != changes) {
            rt_raise_msg(&type_RuntimeError, "deque mutated during iteration");
        }
    }
    return -1;
}

static obj_t deque_count(obj_t self, obj_t v) {
    deque_t *q = deque_self(self);
    uint32_t changes = q->changes;
    size_t n = 0;
    for (uint32_t i = 0; i < q->len; i++) {
        obj_t item = *deque_at(q, i);
        n += item == v || obj_equal(item, v);
        if (q->changes != changes) {
            rt_raise_msg(&type_RuntimeError, "deque mutated during iteration");
        }
    }
    return OBJ_NEW_SMALL_INT(n);
}
static FUN_DEFINE_2(deque_count_obj, deque_count);

static void deque_delete(deque_t *q, size_t at) {
    for (size_t i = at; i + 1 < q->len; i++) {
        *deque_at(q, i) = *deque_at(q, i + 1);
    }
    deque_take(q, false);
}

static obj_t deque_remove(obj_t self, obj_t v) {
    deque_t *q = deque_self(self);
    intptr_t i = deque_find(q, v);
    if (i < 0) {
        rt_raise_value_error("%r is not in deque", v);
    }
    deque_delete(q, (size_t)i);
    return OBJ_NONE;
}
static FUN_DEFINE_2(deque_remove_obj, deque_remove);

static obj_t deque_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_iterable, 0, OBJ_NULL }, { Q_maxlen, 0, OBJ_NONE }, { Q_flags, 0, OBJ_NULL },
    };
    obj_t a[3];
    arg_parse(n_args, n_kw, args, spec, 3, a, "deque");
    deque_t *q = m_new_obj(deque_t);
    q->base.type = type;
    q->maxlen = UINT32_MAX;
    if (a[1] != OBJ_NONE) {
        intptr_t m = obj_get_int(a[1]);
        if (m < 0) {
            rt_raise_value_error("maxlen must be non-negative");
        }
        q->maxlen = (uintmax_t)m >= UINT32_MAX ? UINT32_MAX - 1 : (uint32_t)m;
    }
    if (a[0] != OBJ_NULL) {
        deque_extend_side(OBJ_FROM_PTR(q), a[0], false);
    }
    return OBJ_FROM_PTR(q);
}

static void deque_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    deque_t *q = OBJ_TO_PTR(self);
    repr_guard_t guard;
    if (!repr_guard_enter(&guard, self)) {
        print_str(p, "[...]");
        return;
    }
    print_fmt(p, "%q([", obj_type_name(self));
    for (uint32_t i = 0; i < q->len; i++) {
        if (i > 0) {
            print_str(p, ", ");
        }
        obj_print(p, *deque_at(q, i), PRINT_REPR);
    }
    print_str(p, "]");
    if (q->maxlen != UINT32_MAX) {
        print_fmt(p, ", maxlen=%u", (unsigned)q->maxlen);
    }
    print_str(p, ")");
    repr_guard_leave(&guard);
}

static obj_t deque_unary_op(unary_op_t op, obj_t self) {
    deque_t *q = OBJ_TO_PTR(self);
    switch (op) {
        case UNARY_OP_BOOL: return OBJ_BOOL(q->len != 0);
        case UNARY_OP_LEN: return OBJ_NEW_SMALL_INT(q->len);
        default: return OBJ_NULL;
    }
}

static obj_t deque_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    deque_t *q = OBJ_TO_PTR(lhs);
    switch (op) {
        case BINARY_OP_CONTAINS:
            return OBJ_BOOL(deque_find(q, rhs) >= 0);
        case BINARY_OP_EQ:
        case BINARY_OP_NE: {
            if (!obj_isinstance(rhs, &collections_deque_type)) {
                return OBJ_NULL;
            }
            deque_t *r = OBJ_TO_PTR(rhs);
            bool eq = q->len == r->len;
            for (uint32_t i = 0; eq && i < q->len && i < r->len; i++) {
                obj_t a = *deque_at(q, i), b = *deque_at(r, i);
                eq = a == b || obj_equal(a, b);
            }
            return OBJ_BOOL(eq == (op == BINARY_OP_EQ));
        }
        case BINARY_OP_INPLACE_ADD:
            deque_extend_side(lhs, rhs, false);
            return lhs;
        default:
            return OBJ_NULL;
    }
}

static obj_t deque_subscr(obj_t self, obj_t index, obj_t value) {
    deque_t *q = OBJ_TO_PTR(self);
    if (!obj_is_index(index)) {
        rt_raise_type_error("sequence index must be integer, not '%q'", obj_type_name(index));
    }
    intptr_t i = obj_get_index(index);
    if (i < 0) {
        i += q->len;
    }
    if (i < 0 || i >= (intptr_t)q->len) {
        rt_raise_index_error("deque index out of range");
    }
    if (value == OBJ_SENTINEL) {
        return *deque_at(q, (size_t)i);
    }
    if (value == OBJ_NULL) {
        deque_delete(q, (size_t)i);
    } else {
        *deque_at(q, (size_t)i) = value;
    }
    return OBJ_NONE;
}

typedef struct {
    obj_base_t base;
    deque_t *q;
    uint32_t pos, changes;
} deque_iter_t;

static obj_t deque_iter_next(obj_t self) {
    deque_iter_t *it = OBJ_TO_PTR(self);
    if (it->q->changes != it->changes) {
        rt_raise_msg(&type_RuntimeError, "deque mutated during iteration");
    }
    if (it->pos >= it->q->len) {
        return OBJ_STOP;
    }
    return *deque_at(it->q, it->pos++);
}

static const type_t collections_deque_iter_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = Q__deque_iterator,
    .iternext = deque_iter_next,
};

static obj_t deque_getiter(obj_t self) {
    deque_iter_t *it = m_new_obj(deque_iter_t);
    it->base.type = &collections_deque_iter_type;
    it->q = OBJ_TO_PTR(self);
    it->pos = 0;
    it->changes = it->q->changes;
    return OBJ_FROM_PTR(it);
}

static void deque_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] == OBJ_NULL && attr == Q_maxlen) {
        deque_t *q = OBJ_TO_PTR(self);
        dest[0] = q->maxlen == UINT32_MAX ? OBJ_NONE : OBJ_NEW_SMALL_INT(q->maxlen);
    }
}

static const map_elem_t deque_locals_table[] = {
    { QOBJ(append), OBJ_ROM(&deque_append_obj) },
    { QOBJ(appendleft), OBJ_ROM(&deque_appendleft_obj) },
    { QOBJ(pop), OBJ_ROM(&deque_pop_obj) },
    { QOBJ(popleft), OBJ_ROM(&deque_popleft_obj) },
    { QOBJ(extend), OBJ_ROM(&deque_extend_obj) },
    { QOBJ(extendleft), OBJ_ROM(&deque_extendleft_obj) },
    { QOBJ(clear), OBJ_ROM(&deque_clear_obj) },
    { QOBJ(rotate), OBJ_ROM(&deque_rotate_obj) },
    { QOBJ(count), OBJ_ROM(&deque_count_obj) },
    { QOBJ(remove), OBJ_ROM(&deque_remove_obj) },
};
static const DICT_ROM(deque_locals, deque_locals_table);

static const type_t collections_deque_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_deque,
    .print = deque_print,
    .make_new = deque_make_new,
    .unary_op = deque_unary_op,
    .binary_op = deque_binary_op,
    .attr = deque_attr,
    .subscr = deque_subscr,
    .getiter = deque_getiter,
    .locals_dict = (dict_t *)&deque_locals,
};

/* ------------------------------------------------------------------ dict subtypes */

/* dict's slots are private to objdict.c: these forward to them through type_dict. */
static obj_t sub_unary_op(unary_op_t op, obj_t self) {
    return type_dict.unary_op(op, self);
}
static obj_t sub_subscr(obj_t self, obj_t index, obj_t value) {
    return type_dict.subscr(self, index, value);
}
static obj_t sub_getiter(obj_t self) {
    return type_dict.getiter(self);
}

/* dict.update(self, *args, **kw) */
static void sub_update(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t update = map_get_qstr(&type_dict.locals_dict->map, Q_update);
    rt_call_self(update, self, n_args, n_kw, args);
}

static obj_t sub_new(const type_t *type, size_t size) {
    dict_t *d = m_malloc(size);
    d->base.type = type;
    map_init(&d->map, 0);
    return OBJ_FROM_PTR(d);
}

/* ---- OrderedDict: dicts keep insertion order already; it adds order-aware methods ---- */

static const type_t collections_OrderedDict_type, collections_defaultdict_type;

typedef struct {
    dict_t dict;
    obj_t default_factory;
} defaultdict_t;

static obj_t od_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t d = sub_new(type, sizeof(dict_t));
    sub_update(d, n_args, n_kw, args);
    return d;
}

static void od_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    repr_guard_t guard;
    if (!repr_guard_enter(&guard, self)) {
        print_str(p, "...");
        return;
    }
    print_fmt(p, "%q(", obj_type_name(self));
    map_t *map = obj_dict_get_map(self);
    if (map->len > 0) {
        print_str(p, "[");
        size_t i = 0;
        map_elem_t *e;
        bool first = true;
        while ((e = map_next(map, &i)) != NULL) {
            obj_t value = e->value;
            print_fmt(p, first ? "(%r, %r)" : ", (%r, %r)", e->key, value);
            first = false;
        }
        print_str(p, "]");
    }
    print_str(p, ")");
    repr_guard_leave(&guard);
}

/* Equality between two OrderedDicts also compares order, as in CPython. */
static obj_t od_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    obj_t r = type_dict.binary_op(op, lhs, rhs);
    if ((op == BINARY_OP_EQ || op == BINARY_OP_NE) && r != OBJ_NULL
        && obj_isinstance(rhs, &collections_OrderedDict_type) && (r == OBJ_TRUE) == (op == BINARY_OP_EQ)) {
        map_t *a = obj_dict_get_map(lhs), *b = obj_dict_get_map(rhs);
        size_t i = 0, j = 0;
        map_elem_t *ea, *eb;
        while ((ea = map_next(a, &i)) != NULL && (eb = map_next(b, &j)) != NULL) {
            if (ea->key != eb->key && !obj_equal(ea->key, eb->key)) {
                return OBJ_BOOL(op == BINARY_OP_NE);
            }
        }
    }
    return r;
}

static obj_t od_move_to_end(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_self, ARG_REQUIRED, OBJ_NULL }, { Q_key, ARG_REQUIRED, OBJ_NULL }, { Q_last, 0, OBJ_TRUE },
    };
    obj_t a[3];
    arg_parse(n_args, n_kw, args, spec, 3, a, "move_to_end");
    map_t *map = obj_dict_get_map(a[0]);
    map_elem_t *e = map_lookup(map, a[1], MAP_LOOKUP_REMOVE_IF_FOUND);
    if (e == NULL) {
        rt_raise_key_error(a[1]);
    }
    obj_t key = e->key, value = e->value;
    if (obj_is_true(a[2])) {
        map_lookup(map, key, MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
        return OBJ_NONE;
    }
    /* to the front: re-add everything after it */
    map_t old = *map;
    map_init(map, old.len + 1);
    map_lookup(map, key, MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
    size_t i = 0;
    while ((e = map_next(&old, &i)) != NULL) {
        map_lookup(map, e->key, MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = e->value;
    }
    return OBJ_NONE;
}
static FUN_DEFINE_KW(od_move_to_end_obj, 2, od_move_to_end);

static obj_t od_popitem(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = { { Q_self, ARG_REQUIRED, OBJ_NULL }, { Q_last, 0, OBJ_TRUE } };
    obj_t a[2];
    arg_parse(n_args, n_kw, args, spec, 2, a, "popitem");
    map_t *map = obj_dict_get_map(a[0]);
    if (map->len == 0) {
        rt_raise_msg(&type_KeyError, "dictionary is empty");
    }
    map_elem_t *e = NULL;
    size_t i = 0;
    if (obj_is_true(a[1])) {
        for (i = map->used; e == NULL || e->key == OBJ_NULL;) {
            e = &map->table[--i];
        }
    } else {
        e = map_next(map, &i);
    }
    obj_t kv[2] = { e->key, e->value };
    map_lookup(map, kv[0], MAP_LOOKUP_REMOVE_IF_FOUND);
    return obj_new_tuple(2, kv);
}
static FUN_DEFINE_KW(od_popitem_obj, 1, od_popitem);

/* copy() keeps the type (and a defaultdict's factory), as CPython's does: type(self)(self). */
static obj_t sub_copy(obj_t self) {
    obj_t cls = OBJ_FROM_PTR((void *)obj_get_type(self));
    if (obj_isinstance(self, &collections_defaultdict_type)) {
        return rt_call2(cls, ((defaultdict_t *)OBJ_TO_PTR(self))->default_factory, self);
    }
    return rt_call1(cls, self);
}
static FUN_DEFINE_1(sub_copy_obj, sub_copy);

static const map_elem_t od_locals_table[] = {
    { QOBJ(move_to_end), OBJ_ROM(&od_move_to_end_obj) },
    { QOBJ(popitem), OBJ_ROM(&od_popitem_obj) },
    { QOBJ(copy), OBJ_ROM(&sub_copy_obj) },
};
static const DICT_ROM(od_locals, od_locals_table);

static const type_t collections_OrderedDict_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_OrderedDict,
    .print = od_print,
    .make_new = od_make_new,
    .unary_op = sub_unary_op,
    .binary_op = od_binary_op,
    .subscr = sub_subscr,
    .getiter = sub_getiter,
    .locals_dict = (dict_t *)&od_locals,
    .parent = &type_dict,
};

/* ---- defaultdict ---- */

/* __init__(self, default_factory=None, *args, **kw): also what a Python subclass's instances get,
 * since the runtime creates those empty and then calls __init__, as for dict. */
static obj_t dd_init(size_t n_args, size_t n_kw, const obj_t *args) {
    defaultdict_t *d = OBJ_TO_PTR(args[0]);
    args++, n_args--;
    if (n_args > 0) {
        if (args[0] != OBJ_NONE && obj_get_type(args[0])->call == NULL
            && !obj_is_subclass(obj_get_type(args[0]), &type_type)) {
            rt_raise_type_error("first argument must be callable or None");
        }
        d->default_factory = args[0];
        n_args--, args++;
    }
    sub_update(OBJ_FROM_PTR(d), n_args, n_kw, args);
    return OBJ_NONE;
}
static FUN_DEFINE_KW(dd_init_obj, 1, dd_init);

static obj_t dd_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    defaultdict_t *d = OBJ_TO_PTR(sub_new(type, sizeof(defaultdict_t)));
    d->default_factory = OBJ_NONE;
    rt_call_self(OBJ_ROM(&dd_init_obj), OBJ_FROM_PTR(d), n_args, n_kw, args);
    return OBJ_FROM_PTR(d);
}

static void dd_print(const print_t *p, obj_t self, print_kind_t kind) {
    defaultdict_t *d = OBJ_TO_PTR(self);
    print_fmt(p, "%q(%r, ", obj_type_name(self), d->default_factory);
    type_dict.print(p, self, kind);
    print_str(p, ")");
}

static obj_t dd_missing(obj_t self, obj_t key) {
    defaultdict_t *d = OBJ_TO_PTR(self);
    if (d->default_factory == OBJ_NONE) {
        rt_raise_key_error(key);
    }
    obj_t v = rt_call0(d->default_factory);
    rt_subscr_store(self, key, v);
    return v;
}
static FUN_DEFINE_2(dd_missing_obj, dd_missing);

static void dd_attr(obj_t self, qstr attr, obj_t *dest) {
    if (attr != Q_default_factory) {
        return;
    }
    defaultdict_t *d = OBJ_TO_PTR(self);
    if (dest[0] == OBJ_NULL) {
        dest[0] = d->default_factory;
    } else if (dest[0] == OBJ_SENTINEL) {
        d->default_factory = dest[1] == OBJ_NULL ? OBJ_NONE : dest[1];
        dest[0] = OBJ_NULL;
    }
}

static const map_elem_t dd_locals_table[] = {
    { QOBJ(__init__), OBJ_ROM(&dd_init_obj) },
    { QOBJ(__missing__), OBJ_ROM(&dd_missing_obj) },
    { QOBJ(copy), OBJ_ROM(&sub_copy_obj) },
};
static const DICT_ROM(dd_locals, dd_locals_table);

static const type_t collections_defaultdict_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_defaultdict,
    .print = dd_print,
    .make_new = dd_make_new,
    .unary_op = sub_unary_op,
    .binary_op = od_binary_op,
    .attr = dd_attr,
    .subscr = sub_subscr,
    .getiter = sub_getiter,
    .locals_dict = (dict_t *)&dd_locals,
    .parent = &type_dict,
};

/* ------------------------------------------------------------------ namedtuple */

/* A field getter: called by the field's property with the instance, returns one item. */
typedef struct {
    obj_base_t base;
    size_t index;
} nt_getter_t;

static obj_t nt_getter_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 1, 1, false);
    size_t n;
    obj_t *items;
    obj_get_array(type_native_self(args[0]), &n, &items);
    size_t i = ((nt_getter_t *)OBJ_TO_PTR(self))->index;
    if (i >= n) {
        rt_raise_index_error("tuple index out of range");
    }
    return items[i];
}

static const type_t nt_getter_type = {
    .base = { &type_type },
    .name = Q__tuplegetter,
    .call = nt_getter_call,
};

static obj_t nt_fields(obj_t cls_or_self) {
    return rt_load_attr(cls_or_self, Q__fields);
}

/* __new__(cls, *args, **kw): binds arguments to fields with CPython's errors, then tuple.__new__. */
static obj_t nt_new(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t cls = args[0];
    size_t n_fields;
    obj_t *fields;
    obj_tuple_get(nt_fields(cls), &n_fields, &fields);
    n_args--;
    if (n_args > n_fields) {
        rt_raise_type_error("__new__() takes %u positional arguments but %u were given",
                            (unsigned)(n_fields + 1), (unsigned)(n_args + 1));
    }
    obj_t values = obj_new_tuple(n_fields, NULL);
    obj_t *v = ((tuple_t *)OBJ_TO_PTR(values))->items;
    memcpy(v, args + 1, n_args * sizeof(obj_t));
    const obj_t *kw = args + 1 + n_args;
    for (size_t k = 0; k < n_kw; k++) {
        size_t i = 0;
        while (i < n_fields && !obj_equal(fields[i], kw[2 * k])) {
            i++;
        }
        if (i == n_fields) {
            rt_raise_type_error("__new__() got an unexpected keyword argument '%S'", kw[2 * k]);
        }
        if (v[i] != OBJ_NULL) {
            rt_raise_type_error("__new__() got multiple values for argument '%S'", kw[2 * k]);
        }
        v[i] = kw[2 * k + 1];
    }
    obj_t defaults = rt_load_attr(cls, Q__field_defaults);
    for (size_t i = 0; i < n_fields; i++) {
        if (v[i] == OBJ_NULL) {
            v[i] = obj_dict_get(defaults, fields[i]);
            if (v[i] == OBJ_NULL) {
                rt_raise_type_error("__new__() missing required argument: '%S'", fields[i]);
            }
        }
    }
    obj_t tuple_new = rt_load_attr(OBJ_ROM(&type_tuple), Q___new__);
    return rt_call2(tuple_new, cls, values);
}
static FUN_DEFINE_KW(nt_new_obj, 1, nt_new);

static obj_t nt_repr(obj_t self) {
    size_t n_fields, n;
    obj_t *fields, *items;
    obj_tuple_get(nt_fields(self), &n_fields, &fields);
    obj_get_array(type_native_self(self), &n, &items);
    vstr_t vs;
    vstr_init(&vs, 32);
    print_t p;
    print_vstr_init(&p, &vs);
    print_fmt(&p, "%q(", obj_type_name(self));
    for (size_t i = 0; i < n && i < n_fields; i++) {
        print_fmt(&p, i ? ", %S=%r" : "%S=%r", fields[i], items[i]);
    }
    print_str(&p, ")");
    return obj_new_str_from_vstr(&vs);
}
static FUN_DEFINE_1(nt_repr_obj, nt_repr);

static obj_t nt_asdict(obj_t self) {
    size_t n_fields, n;
    obj_t *fields, *items;
    obj_tuple_get(nt_fields(self), &n_fields, &fields);
    obj_get_array(type_native_self(self), &n, &items);
    obj_t d = obj_new_dict(n);
    for (size_t i = 0; i < n && i < n_fields; i++) {
        obj_dict_store(d, fields[i], items[i]);
    }
    return d;
}
static FUN_DEFINE_1(nt_asdict_obj, nt_asdict);

static obj_t nt_replace(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args != 1) {
        rt_raise_type_error("_replace() takes 1 positional argument but %u were given", (unsigned)n_args);
    }
    obj_t d = nt_asdict(args[0]);
    for (size_t k = 0; k < n_kw; k++) {
        if (obj_dict_get(d, args[1 + 2 * k]) == OBJ_NULL) {
            rt_raise_value_error("Got unexpected field names: ['%S']", args[1 + 2 * k]);
        }
        obj_dict_store(d, args[1 + 2 * k], args[2 + 2 * k]);
    }
    return rt_call_ex(OBJ_FROM_PTR((void *)obj_get_type(args[0])), OBJ_NULL, d);
}
static FUN_DEFINE_KW(nt_replace_obj, 1, nt_replace);

static obj_t nt_make(obj_t cls, obj_t iterable) {
    return rt_call_ex(cls, iterable, OBJ_NULL);
}
static FUN_DEFINE_2(nt_make_obj, nt_make);

static bool is_identifier(const char *s, size_t len) {
    if (len == 0 || (s[0] >= '0' && s[0] <= '9')) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
              || (c & 0x80))) {
            return false;
        }
    }
    return true;
}

static void nt_check_name(obj_t name, bool is_field) {
    size_t len;
    const char *s = obj_str_get_data(name, &len);
    if (!is_identifier(s, len)) {
        rt_raise_value_error("Type names and field names must be valid identifiers: %r", name);
    }
    if (is_field && s[0] == '_') {
        rt_raise_value_error("Field names cannot start with an underscore: %r", name);
    }
}

static obj_t collections_namedtuple(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_typename, ARG_REQUIRED, OBJ_NULL }, { Q_field_names, ARG_REQUIRED, OBJ_NULL },
        { Q_rename, ARG_KW_ONLY, OBJ_FALSE }, { Q_defaults, ARG_KW_ONLY, OBJ_NONE },
        { Q_module, ARG_KW_ONLY, OBJ_NONE },
    };
    obj_t a[5];
    arg_parse(n_args, n_kw, args, spec, 5, a, "namedtuple");
    if (!obj_is_str(a[0])) {
        rt_raise_type_error("typename must be a str");
    }
    nt_check_name(a[0], false);
    obj_t names = a[1];
    if (obj_is_str(names)) {   /* "x y" or "x, y" */
        obj_t comma = obj_new_str(",", 1), space = obj_new_str(" ", 1);
        obj_t args2[2] = { comma, space };
        names = rt_call_method(names, Q_replace, 2, args2);
        names = rt_call_method(names, Q_split, 0, NULL);
    }
    obj_t field_list = obj_new_list(0, NULL);
    obj_t it = rt_getiter(names), f;
    while ((f = rt_iternext(it)) != OBJ_STOP) {
        if (!obj_is_str(f)) {
            rt_raise_type_error("Type names and field names must be strings");
        }
        f = OBJ_NEW_QSTR(qstr_from_str(obj_str_get_cstr(f)));
        nt_check_name(f, true);
        if (rt_contains(field_list, f)) {
            rt_raise_value_error("Encountered duplicate field name: %r", f);
        }
        obj_list_append(field_list, f);
    }
    size_t n;
    obj_t *fields;
    obj_list_get(field_list, &n, &fields);
    obj_t field_tuple = obj_new_tuple(n, fields);

    obj_t defaults = obj_new_dict(0);
    if (a[3] != OBJ_NONE) {
        obj_t dl = rt_call1(OBJ_ROM(&type_tuple), a[3]);
        size_t nd;
        obj_t *dv;
        obj_tuple_get(dl, &nd, &dv);
        if (nd > n) {
            rt_raise_type_error("Got more default values than field names");
        }
        for (size_t i = 0; i < nd; i++) {
            obj_dict_store(defaults, fields[n - nd + i], dv[i]);
        }
    }

    obj_t ns = obj_new_dict(n + 8);
    obj_dict_store(ns, QOBJ(__slots__), obj_new_tuple(0, NULL));
    obj_dict_store(ns, QOBJ(_fields), field_tuple);
    obj_dict_store(ns, QOBJ(_field_defaults), defaults);
    obj_dict_store(ns, QOBJ(__new__), OBJ_ROM(&nt_new_obj));
    obj_dict_store(ns, QOBJ(__repr__), OBJ_ROM(&nt_repr_obj));
    obj_dict_store(ns, QOBJ(_asdict), OBJ_ROM(&nt_asdict_obj));
    obj_dict_store(ns, QOBJ(_replace), OBJ_ROM(&nt_replace_obj));
    obj_dict_store(ns, QOBJ(_make), rt_call1(OBJ_ROM(&type_classmethod), OBJ_ROM(&nt_make_obj)));
    if (a[4] != OBJ_NONE) {
        obj_dict_store(ns, QOBJ(__module__), a[4]);
    }
    for (size_t i = 0; i < n; i++) {
        nt_getter_t *g = m_new_obj(nt_getter_t);
        g->base.type = &nt_getter_type;
        g->index = i;
        obj_dict_store(ns, fields[i], rt_call1(OBJ_ROM(&type_property), OBJ_FROM_PTR(g)));
    }
    obj_t bases = obj_new_tuple(1, (obj_t[]){ OBJ_ROM(&type_tuple) });
    return type_new_user(qstr_from_str(obj_str_get_cstr(a[0])), bases, ns);
}
static FUN_DEFINE_KW(collections_namedtuple_obj, 2, collections_namedtuple);

static const map_elem_t collections_globals_table[] = {
    { QOBJ(__name__), QOBJ(collections) },
    { QOBJ(deque), OBJ_ROM(&collections_deque_type) },
    { QOBJ(OrderedDict), OBJ_ROM(&collections_OrderedDict_type) },
    { QOBJ(defaultdict), OBJ_ROM(&collections_defaultdict_type) },
    { QOBJ(namedtuple), OBJ_ROM(&collections_namedtuple_obj) },
};
static const DICT_ROM(collections_globals, collections_globals_table);

MODULE_ROM(module_collections, collections_globals);
REGISTER_MODULE(collections, module_collections);
