/* objdict.c: the dict type over map_t (insertion-ordered), its iterators, and the keys/values/items
 * view objects (keys and items views are set-like). */
#include <string.h>
#include "runtime.h"
#include "gc.h"

#define DICT(o) ((dict_t *)OBJ_TO_PTR(o))

/* map_lookup, but raising TypeError for an unhashable key: small maps compare keys without
 * hashing them, and `d[[1]] = 2` must fail even then. */
static map_elem_t *dict_lookup(dict_t *d, obj_t key, map_lookup_kind_t kind) {
    if (d->map.index == NULL && OBJ_IS_PTR(key) && !obj_is_type(key, &type_str)) {
        obj_hash(key);
    }
    return map_lookup(&d->map, key, kind);
}

obj_t obj_new_dict(size_t n) {
    dict_t *d = m_new_obj(dict_t);
    d->base.type = &type_dict;
    map_init(&d->map, n);
    return OBJ_FROM_PTR(d);
}

void obj_dict_store(obj_t dict, obj_t key, obj_t value) {
    dict_lookup(DICT(dict), key, MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
}

obj_t obj_dict_get(obj_t dict, obj_t key) {
    map_elem_t *e = dict_lookup(DICT(dict), key, MAP_LOOKUP);
    return e != NULL ? e->value : OBJ_NULL;
}

map_t *obj_dict_get_map(obj_t dict) {
    return &DICT(dict)->map;
}

static dict_t *check_dict(obj_t self) {
    if (!obj_is_type(self, &type_dict) && !obj_isinstance(self, &type_dict)) {
        rt_raise_type_error("descriptor requires a 'dict' object but received a '%q'", obj_type_name(self));
    }
    return DICT(self);
}

/* dict.update's one positional argument: a dict, a mapping with keys(), or an iterable of pairs. */
static void dict_update_from(dict_t *d, obj_t arg) {
    if (obj_isinstance(arg, &type_dict)) {
        map_t *src = &DICT(arg)->map;
        size_t i = 0;
        map_elem_t *e;
        while ((e = map_next(src, &i)) != NULL) {
            obj_dict_store(OBJ_FROM_PTR(d), e->key, e->value);
        }
        return;
    }
    obj_t keys[2];
    if (rt_load_method_maybe(arg, Q_keys, keys)) {
        obj_t iter = rt_getiter(keys[1] == OBJ_NULL ? rt_call0(keys[0]) : rt_call1(keys[0], keys[1]));
        obj_t k;
        while ((k = rt_iternext(iter)) != OBJ_STOP) {
            obj_dict_store(OBJ_FROM_PTR(d), k, rt_subscr_load(arg, k));
        }
        return;
    }
    obj_t iter = rt_getiter(arg);
    obj_t item;
    for (size_t n = 0; (item = rt_iternext(iter)) != OBJ_STOP; n++) {
        obj_t kv[2];
        if (obj_is_type(item, &type_tuple) || obj_is_type(item, &type_list)) {
            size_t len;
            obj_t *items;
            obj_get_array(item, &len, &items);
            if (len != 2) {
                rt_raise_value_error("dictionary update sequence element #%zu has length %zu; 2 is required", n, len);
            }
            kv[0] = items[0];
            kv[1] = items[1];
        } else {
            obj_t it2 = OBJ_NULL;
            nlr_buf_t nlr;
            if (nlr_push(&nlr) == 0) {
                it2 = rt_getiter(item);
                nlr_pop();
            } else {
                rt_raise_type_error("cannot convert dictionary update sequence element #%zu to a sequence", n);
            }
            size_t len = 0;
            obj_t x;
            while ((x = rt_iternext(it2)) != OBJ_STOP) {
                if (len < 2) {
                    kv[len] = x;
                }
                len++;
            }
            if (len != 2) {
                rt_raise_value_error("dictionary update sequence element #%zu has length %zu; 2 is required", n, len);
            }
        }
        obj_dict_store(OBJ_FROM_PTR(d), kv[0], kv[1]);
    }
}

/* The whole update(*args, **kw) convention: at most one positional, then keyword pairs. */
static void dict_update_args(dict_t *d, size_t n_args, size_t n_kw, const obj_t *args, const char *name) {
    if (n_args > 1) {
        rt_raise_type_error("%s expected at most 1 argument, got %zu", name, n_args);
    }
    if (n_args == 1) {
        dict_update_from(d, args[0]);
    }
    for (size_t i = 0; i < n_kw; i++) {
        obj_dict_store(OBJ_FROM_PTR(d), args[n_args + 2 * i], args[n_args + 2 * i + 1]);
    }
}

/* ---- type slots ---- */

static void dict_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    dict_t *d = DICT(self);
    repr_guard_t guard;
    if (!repr_guard_enter(&guard, self)) {
        print_str(p, "{...}");
        return;
    }
    print_str(p, "{");
    size_t i = 0;
    bool first = true;
    map_elem_t *e;
    while ((e = map_next(&d->map, &i)) != NULL) {
        if (!first) {
            print_str(p, ", ");
        }
        first = false;
        obj_t value = e->value;   /* printing the key may run code that changes the map */
        obj_print(p, e->key, PRINT_REPR);
        print_str(p, ": ");
        obj_print(p, value, PRINT_REPR);
    }
    print_str(p, "}");
    repr_guard_leave(&guard);
}

static obj_t dict_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t d = obj_new_dict(n_kw);
    if (type != &type_dict) {
        DICT(d)->base.type = type;   /* dict.__init__ fills subclass instances */
        return d;
    }
    dict_update_args(DICT(d), n_args, n_kw, args, "dict");
    return d;
}

static obj_t dict_unary_op(unary_op_t op, obj_t self) {
    dict_t *d = DICT(self);
    switch (op) {
        case UNARY_OP_BOOL: return OBJ_BOOL(d->map.len != 0);
        case UNARY_OP_LEN: return OBJ_NEW_SMALL_INT(d->map.len);
        case UNARY_OP_HASH: rt_raise_type_error("unhashable type: '%q'", obj_type_name(self));
        default: return OBJ_NULL;
    }
}

static obj_t dict_copy(obj_t self);

static bool dict_equal(dict_t *a, dict_t *b) {
    if (a->map.len != b->map.len) {
        return false;
    }
    stack_check();
    size_t i = 0;
    map_elem_t *e;
    while ((e = map_next(&a->map, &i)) != NULL) {
        obj_t v = e->value;
        map_elem_t *f = dict_lookup(b, e->key, MAP_LOOKUP);
        if (f == NULL || (f->value != v && !obj_equal(v, f->value))) {
            return false;
        }
    }
    return true;
}

static obj_t dict_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    dict_t *d = DICT(lhs);
    switch (op) {
        case BINARY_OP_CONTAINS:
            return OBJ_BOOL(dict_lookup(d, rhs, MAP_LOOKUP) != NULL);
        case BINARY_OP_EQ:
        case BINARY_OP_NE:
            if (!obj_isinstance(rhs, &type_dict)) {
                return OBJ_NULL;
            }
            return OBJ_BOOL(dict_equal(d, DICT(rhs)) == (op == BINARY_OP_EQ));
        case BINARY_OP_OR: {
            if (!obj_isinstance(rhs, &type_dict)) {
                return OBJ_NULL;
            }
            obj_t res = dict_copy(lhs);
            dict_update_from(DICT(res), rhs);
            return res;
        }
        case BINARY_OP_INPLACE_OR:
            dict_update_from(d, rhs);
            return lhs;
        default:
            return OBJ_NULL;
    }
}

static obj_t dict_missing(obj_t self, obj_t key) {
    if (!obj_is_type(self, &type_dict)) {
        obj_t dest[2];
        if (rt_load_method_maybe(self, Q___missing__, dest)) {
            return dest[1] == OBJ_NULL ? rt_call1(dest[0], key) : rt_call2(dest[0], dest[1], key);
        }
    }
    rt_raise_key_error(key);
}

static obj_t dict_subscr(obj_t self, obj_t index, obj_t value) {
    dict_t *d = DICT(self);
    if (value == OBJ_SENTINEL) {
        map_elem_t *e = dict_lookup(d, index, MAP_LOOKUP);
        return e != NULL ? e->value : dict_missing(self, index);
    }
    if (value == OBJ_NULL) {
        if (dict_lookup(d, index, MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
            rt_raise_key_error(index);
        }
    } else {
        dict_lookup(d, index, MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
    }
    return OBJ_NONE;
}

/* ---- iterators: one struct for keys/values/items, forwards or backwards ---- */

typedef enum { DICT_KEYS, DICT_VALUES, DICT_ITEMS } dict_kind_t;

typedef struct {
    obj_base_t base;
    dict_t *dict;
    size_t cursor;     /* forwards: the next entry; backwards: one past it */
    uint32_t len;      /* the dict's length when iteration started */
    uint8_t kind;
    bool reverse;
} dict_iter_t;

static obj_t dict_entry_value(const map_elem_t *e, dict_kind_t kind) {
    switch (kind) {
        case DICT_KEYS: return e->key;
        case DICT_VALUES: return e->value;
        default: {
            obj_t kv[2] = { e->key, e->value };
            return obj_new_tuple(2, kv);
        }
    }
}

static obj_t dict_iter_next(obj_t self) {
    dict_iter_t *it = OBJ_TO_PTR(self);
    map_t *map = &it->dict->map;
    if (map->len != it->len) {
        it->len = UINT32_MAX;   /* keep raising, as CPython does */
        rt_raise_msg(&type_RuntimeError, "dictionary changed size during iteration");
    }
    if (!it->reverse) {
        map_elem_t *e = map_next(map, &it->cursor);
        return e != NULL ? dict_entry_value(e, it->kind) : OBJ_STOP;
    }
    while (it->cursor > 0) {
        map_elem_t *e = &map->table[--it->cursor];
        if (e->key != OBJ_NULL) {
            return dict_entry_value(e, it->kind);
        }
    }
    return OBJ_STOP;
}

static const type_t type_dict_iter = {
    .base = { &type_type },
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = Q_dict_iterator,
    .iternext = dict_iter_next,
};

static obj_t dict_iter_new(dict_t *d, dict_kind_t kind, bool reverse) {
    dict_iter_t *it = m_new_obj(dict_iter_t);
    it->base.type = &type_dict_iter;
    it->dict = d;
    it->len = d->map.len;
    it->kind = (uint8_t)kind;
    it->reverse = reverse;
    it->cursor = reverse ? d->map.used : 0;
    return OBJ_FROM_PTR(it);
}

static obj_t dict_getiter(obj_t self) {
    return dict_iter_new(DICT(self), DICT_KEYS, false);
}

/* ---- views ---- */

typedef struct {
    obj_base_t base;
    dict_t *dict;
} dict_view_t;

static dict_kind_t view_kind(obj_t view) {
    const type_t *t = ((obj_base_t *)view)->type;
    return t == &type_dict_view_keys ? DICT_KEYS : t == &type_dict_view_values ? DICT_VALUES : DICT_ITEMS;
}

static obj_t dict_view_new(obj_t dict, const type_t *type) {
    dict_view_t *v = m_new_obj(dict_view_t);
    v->base.type = type;
    v->dict = check_dict(dict);
    return OBJ_FROM_PTR(v);
}

static void dict_view_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    dict_view_t *v = OBJ_TO_PTR(self);
    repr_guard_t guard;
    if (!repr_guard_enter(&guard, self)) {
        print_str(p, "...");
        return;
    }
    print_fmt(p, "%q([", ((obj_base_t *)self)->type->name);
    obj_t iter = dict_iter_new(v->dict, view_kind(self), false);
    obj_t item;
    for (bool first = true; (item = dict_iter_next(iter)) != OBJ_STOP; first = false) {
        if (!first) {
            print_str(p, ", ");
        }
        obj_print(p, item, PRINT_REPR);
    }
    print_str(p, "])");
    repr_guard_leave(&guard);
}

static obj_t dict_view_unary_op(unary_op_t op, obj_t self) {
    dict_view_t *v = OBJ_TO_PTR(self);
    switch (op) {
        case UNARY_OP_BOOL: return OBJ_BOOL(v->dict->map.len != 0);
        case UNARY_OP_LEN: return OBJ_NEW_SMALL_INT(v->dict->map.len);
        default: return OBJ_NULL;
    }
}

static bool dict_view_contains(obj_t self, obj_t x) {
    dict_view_t *v = OBJ_TO_PTR(self);
    switch (view_kind(self)) {
        case DICT_KEYS:
            return dict_lookup(v->dict, x, MAP_LOOKUP) != NULL;
        case DICT_ITEMS: {
            if (!obj_is_type(x, &type_tuple) || ((tuple_t *)x)->len != 2) {
                return false;
            }
            tuple_t *kv = OBJ_TO_PTR(x);
            map_elem_t *e = dict_lookup(v->dict, kv->items[0], MAP_LOOKUP);
            return e != NULL && (e->value == kv->items[1] || obj_equal(e->value, kv->items[1]));
        }
        default: {
            size_t i = 0;
            map_elem_t *e;
            while ((e = map_next(&v->dict->map, &i)) != NULL) {
                if (e->value == x || obj_equal(e->value, x)) {
                    return true;
                }
            }
            return false;
        }
    }
}

static bool is_set_like(obj_t o) {
    return obj_isinstance(o, &type_set) || obj_isinstance(o, &type_frozenset)
           || obj_is_type(o, &type_dict_view_keys) || obj_is_type(o, &type_dict_view_items);
}

/* Every item of a is in b. */
static bool view_subset(obj_t a, obj_t b) {
    obj_t iter = rt_getiter(a), x;
    while ((x = rt_iternext(iter)) != OBJ_STOP) {
        if (!obj_is_true(rt_binary_op(BINARY_OP_IN, x, b))) {
            return false;
        }
    }
    return true;
}

/* Set comparisons (equality, subset, superset) between a view and a set-like b. */
static bool view_compare(binary_op_t op, obj_t a, obj_t b) {
    size_t la = obj_len(a), lb = obj_len(b);
    switch (op) {
        case BINARY_OP_EQ: return la == lb && view_subset(a, b);
        case BINARY_OP_NE: return la != lb || !view_subset(a, b);
        case BINARY_OP_LT: return la < lb && view_subset(a, b);
        case BINARY_OP_LE: return la <= lb && view_subset(a, b);
        case BINARY_OP_GT: return la > lb && view_subset(b, a);
        default: return la >= lb && view_subset(b, a);
    }
}

/* Set operators on keys/items views: set(a) OP= b, where a is the left operand. */
static obj_t dict_view_set_op(qstr update_method, obj_t a, obj_t b) {
    obj_t s = obj_new_set(0, NULL);
    rt_call_method(s, Q_update, 1, &a);
    rt_call_method(s, update_method, 1, &b);
    return s;
}

static obj_t dict_view_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    if (op == BINARY_OP_CONTAINS) {
        return OBJ_BOOL(dict_view_contains(lhs, rhs));
    }
    if (view_kind(lhs) == DICT_VALUES) {
        return OBJ_NULL;
    }
    qstr meth;
    bool reverse = false;
    switch (op) {
        case BINARY_OP_EQ:
        case BINARY_OP_NE:
        case BINARY_OP_LT:
        case BINARY_OP_LE:
        case BINARY_OP_GT:
        case BINARY_OP_GE:
            return is_set_like(rhs) ? OBJ_BOOL(view_compare(op, lhs, rhs)) : OBJ_NULL;
        case BINARY_OP_REVERSE_OR: reverse = true; /* fall through */
        case BINARY_OP_OR: meth = Q_update; break;
        case BINARY_OP_REVERSE_AND: reverse = true; /* fall through */
        case BINARY_OP_AND: meth = Q_intersection_update; break;
        case BINARY_OP_REVERSE_SUB: reverse = true; /* fall through */
        case BINARY_OP_SUB: meth = Q_difference_update; break;
        case BINARY_OP_REVERSE_XOR: reverse = true; /* fall through */
        case BINARY_OP_XOR: meth = Q_symmetric_difference_update; break;
        default: return OBJ_NULL;
    }
    return reverse ? dict_view_set_op(meth, rhs, lhs) : dict_view_set_op(meth, lhs, rhs);
}

static obj_t dict_view_getiter(obj_t self) {
    dict_view_t *v = OBJ_TO_PTR(self);
    return dict_iter_new(v->dict, view_kind(self), false);
}

static obj_t dict_view_reversed(obj_t self) {
    dict_view_t *v = OBJ_TO_PTR(self);
    return dict_iter_new(v->dict, view_kind(self), true);
}
static FUN_DEFINE_1(dict_view_reversed_obj, dict_view_reversed);

static obj_t dict_view_isdisjoint(obj_t self, obj_t other) {
    obj_t iter = rt_getiter(other);
    obj_t x;
    while ((x = rt_iternext(iter)) != OBJ_STOP) {
        if (dict_view_contains(self, x)) {
            return OBJ_FALSE;
        }
    }
    return OBJ_TRUE;
}
static FUN_DEFINE_2(dict_view_isdisjoint_obj, dict_view_isdisjoint);

static const map_elem_t dict_view_locals_table[] = {
    { QOBJ(isdisjoint), OBJ_ROM(&dict_view_isdisjoint_obj) },
    { QOBJ(__reversed__), OBJ_ROM(&dict_view_reversed_obj) },
};
static DICT_ROM(dict_view_locals, dict_view_locals_table);

#define DICT_VIEW_TYPE(kind, qname) \
    const type_t type_dict_view_##kind = { \
        .base = { &type_type }, \
        .name = qname, \
        .print = dict_view_print, \
        .unary_op = dict_view_unary_op, \
        .binary_op = dict_view_binary_op, \
        .getiter = dict_view_getiter, \
        .locals_dict = &dict_view_locals, \
    }
DICT_VIEW_TYPE(keys, Q_dict_keys);
DICT_VIEW_TYPE(values, Q_dict_values);
DICT_VIEW_TYPE(items, Q_dict_items);

/* ---- methods ---- */

static obj_t dict_keys(obj_t self) {
    return dict_view_new(self, &type_dict_view_keys);
}
static FUN_DEFINE_1(dict_keys_obj, dict_keys);

static obj_t dict_values(obj_t self) {
    return dict_view_new(self, &type_dict_view_values);
}
static FUN_DEFINE_1(dict_values_obj, dict_values);

static obj_t dict_items(obj_t self) {
    return dict_view_new(self, &type_dict_view_items);
}
static FUN_DEFINE_1(dict_items_obj, dict_items);

static obj_t dict_get(size_t n_args, const obj_t *args) {
    map_elem_t *e = dict_lookup(check_dict(args[0]), args[1], MAP_LOOKUP);
    return e != NULL ? e->value : n_args > 2 ? args[2] : OBJ_NONE;
}
static FUN_DEFINE_VAR(dict_get_obj, 2, 3, dict_get);

static obj_t dict_setdefault(size_t n_args, const obj_t *args) {
    map_elem_t *e = dict_lookup(check_dict(args[0]), args[1], MAP_LOOKUP_ADD_IF_NOT_FOUND);
    if (e->value == OBJ_NULL) {
        e->value = n_args > 2 ? args[2] : OBJ_NONE;
    }
    return e->value;
}
static FUN_DEFINE_VAR(dict_setdefault_obj, 2, 3, dict_setdefault);

static obj_t dict_pop(size_t n_args, const obj_t *args) {
    map_elem_t *e = dict_lookup(check_dict(args[0]), args[1], MAP_LOOKUP_REMOVE_IF_FOUND);
    if (e != NULL) {
        return e->value;
    }
    if (n_args > 2) {
        return args[2];
    }
    rt_raise_key_error(args[1]);
}
static FUN_DEFINE_VAR(dict_pop_obj, 2, 3, dict_pop);

static obj_t dict_popitem(obj_t self) {
    map_t *map = &check_dict(self)->map;
    for (size_t i = map->used; i > 0; i--) {
        map_elem_t *e = &map->table[i - 1];
        if (e->key != OBJ_NULL) {
            obj_t kv[2] = { e->key, e->value };
            map_lookup(map, kv[0], MAP_LOOKUP_REMOVE_IF_FOUND);
            return obj_new_tuple(2, kv);
        }
    }
    rt_raise_msg(&type_KeyError, "popitem(): dictionary is empty");
}
static FUN_DEFINE_1(dict_popitem_obj, dict_popitem);

static obj_t dict_update(size_t n_args, size_t n_kw, const obj_t *args) {
    dict_update_args(check_dict(args[0]), n_args - 1, n_kw, args + 1, "update");
    return OBJ_NONE;
}
static FUN_DEFINE_KW(dict_update_obj, 1, dict_update);

static obj_t dict_init(size_t n_args, size_t n_kw, const obj_t *args) {
    dict_update_args(check_dict(args[0]), n_args - 1, n_kw, args + 1, "dict");
    return OBJ_NONE;
}
static FUN_DEFINE_KW(dict_init_obj, 1, dict_init);

static obj_t dict_copy(obj_t self) {
    dict_t *d = check_dict(self);
    dict_t *c = m_new_obj(dict_t);
    c->base.type = &type_dict;
    map_copy(&c->map, &d->map);
    return OBJ_FROM_PTR(c);
}
static FUN_DEFINE_1(dict_copy_obj, dict_copy);

static obj_t dict_clear(obj_t self) {
    map_clear(&check_dict(self)->map);
    return OBJ_NONE;
}
static FUN_DEFINE_1(dict_clear_obj, dict_clear);

static obj_t dict_fromkeys(size_t n_args, const obj_t *args) {
    obj_t cls = args[0];
    obj_t d = cls == OBJ_ROM(&type_dict) ? obj_new_dict(0) : rt_call0(cls);
    obj_t value = n_args > 2 ? args[2] : OBJ_NONE;
    obj_t iter = rt_getiter(args[1]);
    obj_t k;
    while ((k = rt_iternext(iter)) != OBJ_STOP) {
        if (obj_is_type(d, &type_dict)) {
            obj_dict_store(d, k, value);
        } else {
            rt_subscr_store(d, k, value);
        }
    }
    return d;
}
static FUN_DEFINE_VAR(dict_fromkeys_fun, 2, 3, dict_fromkeys);
static const static_class_method_t dict_fromkeys_obj = { { &type_classmethod }, OBJ_ROM(&dict_fromkeys_fun) };

static obj_t dict_reversed(obj_t self) {
    return dict_iter_new(check_dict(self), DICT_KEYS, true);
}
static FUN_DEFINE_1(dict_reversed_obj, dict_reversed);

/* The dunder forms, so subclasses can reach the built-in behaviour through super(). */
static obj_t dict_getitem(obj_t self, obj_t key) {
    return dict_subscr(OBJ_FROM_PTR(check_dict(self)), key, OBJ_SENTINEL);
}
static FUN_DEFINE_2(dict_getitem_obj, dict_getitem);

static obj_t dict_setitem(obj_t self, obj_t key, obj_t value) {
    return dict_subscr(OBJ_FROM_PTR(check_dict(self)), key, value);
}
static FUN_DEFINE_3(dict_setitem_obj, dict_setitem);

static obj_t dict_delitem(obj_t self, obj_t key) {
    return dict_subscr(OBJ_FROM_PTR(check_dict(self)), key, OBJ_NULL);
}
static FUN_DEFINE_2(dict_delitem_obj, dict_delitem);

static obj_t dict_contains(obj_t self, obj_t key) {
    return OBJ_BOOL(dict_lookup(check_dict(self), key, MAP_LOOKUP) != NULL);
}
static FUN_DEFINE_2(dict_contains_obj, dict_contains);

static obj_t dict_len(obj_t self) {
    return OBJ_NEW_SMALL_INT(check_dict(self)->map.len);
}
static FUN_DEFINE_1(dict_len_obj, dict_len);

static obj_t dict_iter(obj_t self) {
    return dict_iter_new(check_dict(self), DICT_KEYS, false);
}
static FUN_DEFINE_1(dict_iter_obj, dict_iter);

static const map_elem_t dict_locals_table[] = {
    { QOBJ(clear), OBJ_ROM(&dict_clear_obj) },
    { QOBJ(copy), OBJ_ROM(&dict_copy_obj) },
    { QOBJ(fromkeys), OBJ_ROM(&dict_fromkeys_obj) },
    { QOBJ(get), OBJ_ROM(&dict_get_obj) },
    { QOBJ(items), OBJ_ROM(&dict_items_obj) },
    { QOBJ(keys), OBJ_ROM(&dict_keys_obj) },
    { QOBJ(pop), OBJ_ROM(&dict_pop_obj) },
    { QOBJ(popitem), OBJ_ROM(&dict_popitem_obj) },
    { QOBJ(setdefault), OBJ_ROM(&dict_setdefault_obj) },
    { QOBJ(update), OBJ_ROM(&dict_update_obj) },
    { QOBJ(values), OBJ_ROM(&dict_values_obj) },
    { QOBJ(__init__), OBJ_ROM(&dict_init_obj) },
    { QOBJ(__reversed__), OBJ_ROM(&dict_reversed_obj) },
    { QOBJ(__getitem__), OBJ_ROM(&dict_getitem_obj) },
    { QOBJ(__setitem__), OBJ_ROM(&dict_setitem_obj) },
    { QOBJ(__delitem__), OBJ_ROM(&dict_delitem_obj) },
    { QOBJ(__contains__), OBJ_ROM(&dict_contains_obj) },
    { QOBJ(__len__), OBJ_ROM(&dict_len_obj) },
    { QOBJ(__iter__), OBJ_ROM(&dict_iter_obj) },
};
static DICT_ROM(dict_locals, dict_locals_table);

const type_t type_dict = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_dict,
    .print = dict_print,
    .make_new = dict_make_new,
    .unary_op = dict_unary_op,
    .binary_op = dict_binary_op,
    .subscr = dict_subscr,
    .getiter = dict_getiter,
    .locals_dict = &dict_locals,
};
