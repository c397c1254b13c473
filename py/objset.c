/* objset.c: set and frozenset.  An open-addressing table of (key, hash) entries probed and resized
 * exactly as CPython's setobject.c does, so iteration order (which programs print) matches CPython
 * wherever the hashes match: small ints always. */
#include <string.h>
#include "runtime.h"
#include "gc.h"

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define DUMMY OBJ_SENTINEL      /* the key of a deleted entry */
#define DUMMY_HASH ((uintptr_t)-1)

typedef struct {
    obj_t key;                  /* OBJ_NULL: never used; DUMMY: deleted */
    uintptr_t hash;
} set_entry_t;

typedef struct {
    obj_base_t base;
    uint32_t fill;              /* active + dummy entries */
    uint32_t used;              /* active entries */
    uint32_t mask;              /* table size - 1 */
    uint32_t finger;            /* where pop() looks next */
    set_entry_t *table;         /* NULL until the first add (then SET_MINSIZE entries) */
    obj_t hash;                 /* frozenset's hash once computed, else OBJ_NULL */
} set_t;

#define SET(o) ((set_t *)OBJ_TO_PTR(o))

static bool is_anyset(obj_t o) {
    return obj_is_type(o, &type_set) || obj_is_type(o, &type_frozenset)
           || obj_isinstance(o, &type_set) || obj_isinstance(o, &type_frozenset);
}

static bool is_frozen(obj_t o) {
    return obj_is_type(o, &type_frozenset) || obj_isinstance(o, &type_frozenset);
}

static set_t *set_alloc(const type_t *type) {
    set_t *s = m_new_obj(set_t);
    s->base.type = type;
    s->mask = SET_MINSIZE - 1;
    return s;
}

/* The type of a result: set or frozenset, never a subclass (as CPython). */
static set_t *set_alloc_like(obj_t o) {
    return set_alloc(is_frozen(o) ? &type_frozenset : &type_set);
}

static uintptr_t key_hash(obj_t key) {
    if (OBJ_IS_SMALL_INT(key)) {
        return (uintptr_t)small_int_hash(OBJ_SMALL_INT_VALUE(key));
    }
    return (uintptr_t)OBJ_SMALL_INT_VALUE(obj_hash(key));
}

static bool set_next(const set_t *s, size_t *pos, set_entry_t **entry) {
    if (s->table == NULL) {
        return false;
    }
    for (size_t i = *pos; i <= s->mask; i++) {
        set_entry_t *e = &s->table[i];
        if (e->key != OBJ_NULL && e->key != DUMMY) {
            *pos = i + 1;
            *entry = e;
            return true;
        }
    }
    *pos = (size_t)s->mask + 1;
    return false;
}

/* ---- the table ---- */

static void insert_clean(set_entry_t *table, size_t mask, obj_t key, uintptr_t hash) {
    size_t perturb = hash, i = hash & mask;
    set_entry_t *e;
    for (;;) {
        e = &table[i];
        if (e->key == OBJ_NULL) {
            goto found;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (e->key == OBJ_NULL) {
                    goto found;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    e->key = key;
    e->hash = hash;
}

static void set_resize(set_t *s, size_t minused) {
    size_t size = SET_MINSIZE;
    while (size <= minused) {
        size <<= 1;
    }
    set_entry_t *old = s->table;
    size_t old_mask = s->mask;
    set_entry_t *table = m_new(set_entry_t, size);
    if (old != NULL) {
        for (size_t i = 0; i <= old_mask; i++) {
            if (old[i].key != OBJ_NULL && old[i].key != DUMMY) {
                insert_clean(table, size - 1, old[i].key, old[i].hash);
            }
        }
        m_free(old);
    }
    s->table = table;
    s->mask = (uint32_t)(size - 1);
    s->fill = s->used;
}

static bool keys_equal(obj_t a, obj_t b) {
    if (!OBJ_IS_PTR(a) && !OBJ_IS_PTR(b)) {
        return false;   /* distinct immediates */
    }
    return obj_equal(a, b);
}

/* The active entry holding key, or NULL. */
/* Probes for key along its path.  Returns its entry, or NULL with *unused the empty slot ending the
 * path and *freeslot the last dummy passed on it (an add reuses that, as CPython 3.11 does).  Both are
 * NULL when there is no table (an __eq__ may have cleared the set). */
static set_entry_t *set_probe(set_t *s, obj_t key, uintptr_t hash, set_entry_t **unused,
                              set_entry_t **freeslot) {
restart:
    *unused = *freeslot = NULL;
    if (s->table == NULL) {
        return NULL;
    }
    size_t mask = s->mask, perturb = hash, i = hash & mask;
    for (;;) {
        set_entry_t *e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->key == OBJ_NULL) {
                *unused = e;
                return NULL;
            }
            if (e->key == key) {
                return e;
            }
            if (e->hash == hash && e->key != DUMMY) {
                set_entry_t *table = s->table;
                obj_t start = e->key;
                bool eq = keys_equal(start, key);
                if (table != s->table || e->key != start) {
                    goto restart;   /* __eq__ changed the set under us */
                }
                if (eq) {
                    return e;
                }
            } else if (e->key == DUMMY) {
                *freeslot = e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static set_entry_t *set_lookup(set_t *s, obj_t key, uintptr_t hash) {
    set_entry_t *unused, *freeslot;
    return set_probe(s, key, hash, &unused, &freeslot);
}

/* Add key; false if it was already there. */
static bool set_add_entry(set_t *s, obj_t key, uintptr_t hash) {
    set_entry_t *unused, *freeslot;
    do {
        if (s->table == NULL) {
            s->table = m_new(set_entry_t, (size_t)s->mask + 1);
        }
        if (set_probe(s, key, hash, &unused, &freeslot) != NULL) {
            return false;
        }
    } while (unused == NULL);
    s->hash = OBJ_NULL;
    s->used++;
    if (freeslot != NULL) {
        freeslot->key = key;
        freeslot->hash = hash;
        return true;
    }
    s->fill++;
    unused->key = key;
    unused->hash = hash;
    if ((size_t)s->fill * 5 >= (size_t)s->mask * 3) {
        set_resize(s, s->used > 50000 ? (size_t)s->used * 2 : (size_t)s->used * 4);
    }
    return true;
}

static bool set_discard_entry(set_t *s, obj_t key, uintptr_t hash) {
    set_entry_t *e = set_lookup(s, key, hash);
    if (e == NULL) {
        return false;
    }
    e->key = DUMMY;
    e->hash = DUMMY_HASH;
    s->used--;
    return true;
}

static void set_clear_internal(set_t *s) {
    s->table = NULL;
    s->mask = SET_MINSIZE - 1;
    s->fill = s->used = s->finger = 0;
}

/* frozenset's hash: CPython's order-independent mix of the entries' hashes. */
static uintptr_t shuffle_bits(uintptr_t h) {
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static obj_t frozen_hash(set_t *s) {
    if (s->hash != OBJ_NULL) {
        return s->hash;
    }
    uintptr_t h = 0;
    size_t pos = 0;
    set_entry_t *e;
    while (set_next(s, &pos, &e)) {
        h ^= shuffle_bits(e->hash);
    }
    h ^= ((uintptr_t)s->used + 1) * 1927868237UL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923UL;
    s->hash = OBJ_NEW_SMALL_INT((small_int_t)h);
    return s->hash;
}

/* The hash for looking key up: a set key is looked up as the equal frozenset would be. */
static uintptr_t lookup_hash(obj_t key) {
    if (OBJ_IS_PTR(key) && obj_isinstance(key, &type_set)) {
        set_t *k = SET(key);
        obj_t saved = k->hash;
        uintptr_t h = (uintptr_t)OBJ_SMALL_INT_VALUE(frozen_hash(k));
        k->hash = saved;   /* a mutable set must not keep a cached hash */
        return h;
    }
    return key_hash(key);
}

static bool set_contains(set_t *s, obj_t key) {
    return set_lookup(s, key, lookup_hash(key)) != NULL;
}

/* ---- bulk operations ---- */

static void set_merge(set_t *s, set_t *other) {
    if (other == s || other->used == 0) {
        return;
    }
    if (((size_t)s->fill + other->used) * 5 >= (size_t)s->mask * 3) {
        set_resize(s, ((size_t)s->used + other->used) * 2);
    }
    if (s->fill == 0 && s->mask == other->mask && other->fill == other->used) {
        /* same-size empty table: the copy is positional */
        if (s->table == NULL) {
            s->table = m_new(set_entry_t, (size_t)s->mask + 1);
        }
        memcpy(s->table, other->table, ((size_t)s->mask + 1) * sizeof(set_entry_t));
        s->fill = s->used = other->used;
        s->hash = OBJ_NULL;
        return;
    }
    size_t pos = 0;
    set_entry_t *e;
    if (s->fill == 0) {
        if (s->table == NULL) {
            s->table = m_new(set_entry_t, (size_t)s->mask + 1);
        }
        while (set_next(other, &pos, &e)) {
            insert_clean(s->table, s->mask, e->key, e->hash);
        }
        s->fill = s->used = other->used;
        s->hash = OBJ_NULL;
        return;
    }
    while (set_next(other, &pos, &e)) {
        set_add_entry(s, e->key, e->hash);
    }
}

static void set_update_internal(set_t *s, obj_t other) {
    if (is_anyset(other)) {
        set_merge(s, SET(other));
        return;
    }
    if (obj_isinstance(other, &type_dict)) {
        map_t *map = obj_dict_get_map(other);
        if (((size_t)s->fill + map->len) * 5 >= (size_t)s->mask * 3) {
            set_resize(s, ((size_t)s->used + map->len) * 2);
        }
        size_t i = 0;
        map_elem_t *e;
        while ((e = map_next(map, &i)) != NULL) {
            set_add_entry(s, e->key, key_hash(e->key));
        }
        return;
    }
    obj_t iter = rt_getiter(other);
    obj_t item;
    while ((item = rt_iternext(iter)) != OBJ_STOP) {
        set_add_entry(s, item, key_hash(item));
    }
}

static set_t *set_copy_as(set_t *s, set_t *res) {
    set_merge(res, s);
    return res;
}

static set_t *set_intersection(set_t *s, obj_t other) {
    set_t *res = set_alloc_like(OBJ_FROM_PTR(s));
    if (OBJ_FROM_PTR(s) == other) {
        return set_copy_as(s, res);
    }
    if (is_anyset(other)) {
        set_t *o = SET(other);
        if (o->used > s->used) {
            set_t *t = s;
            s = o;
            o = t;
        }
        size_t pos = 0;
        set_entry_t *e;
        while (set_next(o, &pos, &e)) {
            if (set_lookup(s, e->key, e->hash) != NULL) {
                set_add_entry(res, e->key, e->hash);
            }
        }
        return res;
    }
    obj_t iter = rt_getiter(other);
    obj_t item;
    while ((item = rt_iternext(iter)) != OBJ_STOP) {
        uintptr_t h = key_hash(item);
        if (set_lookup(s, item, h) != NULL) {
            set_add_entry(res, item, h);
        }
    }
    return res;
}

/* s takes over the table of t (intersection_update works on a copy, then swaps it in). */
static void set_take(set_t *s, set_t *t) {
    s->table = t->table;
    s->mask = t->mask;
    s->fill = t->fill;
    s->used = t->used;
    s->finger = 0;
    s->hash = OBJ_NULL;
}

static void set_difference_update_internal(set_t *s, obj_t other) {
    if (OBJ_FROM_PTR(s) == other) {
        set_clear_internal(s);
        return;
    }
    if (is_anyset(other)) {
        set_t *o = SET(other);
        if ((o->used >> 3) > s->used) {
            o = set_intersection(s, other);
        }
        size_t pos = 0;
        set_entry_t *e;
        while (set_next(o, &pos, &e)) {
            set_discard_entry(s, e->key, e->hash);
        }
    } else {
        obj_t iter = rt_getiter(other);
        obj_t item;
        while ((item = rt_iternext(iter)) != OBJ_STOP) {
            set_discard_entry(s, item, lookup_hash(item));
        }
    }
    if ((size_t)(s->fill - s->used) > (size_t)s->mask / 4) {
        set_resize(s, s->used > 50000 ? (size_t)s->used * 2 : (size_t)s->used * 4);
    }
}

static set_t *set_difference(set_t *s, obj_t other) {
    size_t other_size;
    bool other_set = is_anyset(other);
    if (other_set) {
        other_size = SET(other)->used;
    } else if (obj_is_type(other, &type_dict)) {
        other_size = obj_dict_get_map(other)->len;
    } else {
        other_size = SIZE_MAX;
    }
    set_t *res = set_alloc_like(OBJ_FROM_PTR(s));
    if (other_size == SIZE_MAX || (s->used >> 2) > other_size) {
        set_copy_as(s, res);
        set_difference_update_internal(res, other);
        return res;
    }
    size_t pos = 0;
    set_entry_t *e;
    while (set_next(s, &pos, &e)) {
        bool in_other = other_set ? set_lookup(SET(other), e->key, e->hash) != NULL
                                  : obj_dict_get(other, e->key) != OBJ_NULL;
        if (!in_other) {
            set_add_entry(res, e->key, e->hash);
        }
    }
    return res;
}

static void set_symmetric_difference_update_internal(set_t *s, obj_t other) {
    if (OBJ_FROM_PTR(s) == other) {
        set_clear_internal(s);
        return;
    }
    set_t *o;
    if (is_anyset(other)) {
        o = SET(other);
    } else {
        o = set_alloc_like(OBJ_FROM_PTR(s));
        set_update_internal(o, other);
    }
    size_t pos = 0;
    set_entry_t *e;
    while (set_next(o, &pos, &e)) {
        if (!set_discard_entry(s, e->key, e->hash)) {
            set_add_entry(s, e->key, e->hash);
        }
    }
}

static set_t *set_symmetric_difference(set_t *s, obj_t other) {
    set_t *res = set_alloc_like(OBJ_FROM_PTR(s));
    set_update_internal(res, other);
    set_symmetric_difference_update_internal(res, OBJ_FROM_PTR(s));
    return res;
}

static bool set_issubset(set_t *s, set_t *o) {
    if (s->used > o->used) {
        return false;
    }
    size_t pos = 0;
    set_entry_t *e;
    while (set_next(s, &pos, &e)) {
        if (set_lookup(o, e->key, e->hash) == NULL) {
            return false;
        }
    }
    return true;
}

static set_t *as_set(obj_t o) {
    if (is_anyset(o)) {
        return SET(o);
    }
    set_t *s = set_alloc(&type_set);
    set_update_internal(s, o);
    return s;
}

/* ---- public constructors ---- */

obj_t obj_new_set(size_t n, const obj_t *items) {
    set_t *s = set_alloc(&type_set);
    for (size_t i = 0; i < n; i++) {
        set_add_entry(s, items[i], key_hash(items[i]));
    }
    return OBJ_FROM_PTR(s);
}

void obj_set_add(obj_t set, obj_t item) {
    set_add_entry(SET(set), item, key_hash(item));
}

/* ---- type slots ---- */

static void set_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    set_t *s = SET(self);
    bool plain = obj_is_type(self, &type_set);
    stack_check();
    if (plain && s->used == 0) {
        print_str(p, "set()");
        return;
    }
    if (!plain) {
        print_fmt(p, "%q(", obj_type_name(self));
    }
    repr_guard_t guard;
    if (!repr_guard_enter(&guard, self)) {
        print_str(p, plain ? "set(...)" : "...)");
        return;
    }
    if (s->used > 0) {
        print_str(p, "{");
        size_t pos = 0;
        set_entry_t *e;
        for (bool first = true; set_next(s, &pos, &e); first = false) {
            if (!first) {
                print_str(p, ", ");
            }
            obj_print(p, e->key, PRINT_REPR);
        }
        print_str(p, "}");
    }
    if (!plain) {
        print_str(p, ")");
    }
    repr_guard_leave(&guard);
}

static obj_t set_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_kw > 0) {
        rt_raise_type_error("%q() takes no keyword arguments", type->name);
    }
    arg_check_num(n_args, n_kw, 0, 1, false);
    if (type == &type_frozenset && n_args == 1 && obj_is_type(args[0], &type_frozenset)) {
        return args[0];
    }
    set_t *s = set_alloc(type);
    if (n_args == 1 && (type == &type_set || type == &type_frozenset || obj_is_subclass(type, &type_frozenset))) {
        set_update_internal(s, args[0]);   /* set subclasses are filled by set.__init__ */
    }
    return OBJ_FROM_PTR(s);
}

static obj_t set_unary_op(unary_op_t op, obj_t self) {
    set_t *s = SET(self);
    switch (op) {
        case UNARY_OP_BOOL: return OBJ_BOOL(s->used != 0);
        case UNARY_OP_LEN: return OBJ_NEW_SMALL_INT(s->used);
        case UNARY_OP_HASH:
            if (!is_frozen(self)) {
                rt_raise_type_error("unhashable type: '%q'", obj_type_name(self));
            }
            return frozen_hash(s);
        default: return OBJ_NULL;
    }
}

static obj_t set_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    set_t *s = SET(lhs);
    if (op == BINARY_OP_CONTAINS) {
        return OBJ_BOOL(set_contains(s, rhs));
    }
    if (!is_anyset(rhs)) {
        return OBJ_NULL;
    }
    set_t *o = SET(rhs);
    if (is_frozen(lhs) && op >= BINARY_OP_INPLACE_OR && op <= BINARY_OP_INPLACE_POW) {
        op = (binary_op_t)(op - BINARY_OP_INPLACE_OR + BINARY_OP_OR);   /* immutable: a new object */
    }
    switch (op) {
        case BINARY_OP_OR: {
            set_t *res = set_copy_as(s, set_alloc_like(lhs));
            set_merge(res, o);
            return OBJ_FROM_PTR(res);
        }
        case BINARY_OP_AND: return OBJ_FROM_PTR(set_intersection(s, rhs));
        case BINARY_OP_SUB: return OBJ_FROM_PTR(set_difference(s, rhs));
        case BINARY_OP_XOR: return OBJ_FROM_PTR(set_symmetric_difference(s, rhs));
        case BINARY_OP_INPLACE_OR: set_merge(s, o); return lhs;
        case BINARY_OP_INPLACE_AND: set_take(s, set_intersection(s, rhs)); return lhs;
        case BINARY_OP_INPLACE_SUB: set_difference_update_internal(s, rhs); return lhs;
        case BINARY_OP_INPLACE_XOR: set_symmetric_difference_update_internal(s, rhs); return lhs;
        case BINARY_OP_EQ:
        case BINARY_OP_NE: {
            bool eq = s->used == o->used && set_issubset(s, o);
            return OBJ_BOOL(eq == (op == BINARY_OP_EQ));
        }
        case BINARY_OP_LE: return OBJ_BOOL(set_issubset(s, o));
        case BINARY_OP_GE: return OBJ_BOOL(set_issubset(o, s));
        case BINARY_OP_LT: return OBJ_BOOL(s->used < o->used && set_issubset(s, o));
        case BINARY_OP_GT: return OBJ_BOOL(s->used > o->used && set_issubset(o, s));
        default: return OBJ_NULL;
    }
}

/* ---- iteration ---- */

typedef struct {
    obj_base_t base;
    set_t *set;
    size_t pos;
    uint32_t used;   /* the set's size when iteration started */
} set_iter_t;

static obj_t set_iter_next(obj_t self) {
    set_iter_t *it = OBJ_TO_PTR(self);
    if (it->set->used != it->used) {
        it->used = UINT32_MAX;
        rt_raise_msg(&type_RuntimeError, "Set changed size during iteration");
    }
    set_entry_t *e;
    return set_next(it->set, &it->pos, &e) ? e->key : OBJ_STOP;
}

static const type_t type_set_iter = {
    .base = { &type_type },
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = Q_set_iterator,
    .iternext = set_iter_next,
};

static obj_t set_getiter(obj_t self) {
    set_iter_t *it = m_new_obj(set_iter_t);
    it->base.type = &type_set_iter;
    it->set = SET(self);
    it->used = it->set->used;
    return OBJ_FROM_PTR(it);
}

/* ---- methods ---- */

static set_t *check_set(obj_t self) {
    if (!is_anyset(self)) {
        rt_raise_type_error("descriptor requires a 'set' object but received a '%q'", obj_type_name(self));
    }
    return SET(self);
}

static obj_t set_add(obj_t self, obj_t item) {
    set_add_entry(check_set(self), item, key_hash(item));
    return OBJ_NONE;
}
static FUN_DEFINE_2(set_add_obj, set_add);

static obj_t set_remove(obj_t self, obj_t item) {
    if (!set_discard_entry(check_set(self), item, lookup_hash(item))) {
        rt_raise_key_error(item);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_2(set_remove_obj, set_remove);

static obj_t set_discard(obj_t self, obj_t item) {
    set_discard_entry(check_set(self), item, lookup_hash(item));
    return OBJ_NONE;
}
static FUN_DEFINE_2(set_discard_obj, set_discard);

static obj_t set_pop(obj_t self) {
    set_t *s = check_set(self);
    if (s->used == 0) {
        rt_raise_msg(&type_KeyError, "pop from an empty set");
    }
    set_entry_t *e = &s->table[s->finger & s->mask];
    while (e->key == OBJ_NULL || e->key == DUMMY) {
        e++;
        if (e > &s->table[s->mask]) {
            e = s->table;
        }
    }
    obj_t key = e->key;
    e->key = DUMMY;
    e->hash = DUMMY_HASH;
    s->used--;
    s->finger = (uint32_t)(e - s->table + 1);
    return key;
}
static FUN_DEFINE_1(set_pop_obj, set_pop);

static obj_t set_clear(obj_t self) {
    set_clear_internal(check_set(self));
    return OBJ_NONE;
}
static FUN_DEFINE_1(set_clear_obj, set_clear);

static obj_t set_copy(obj_t self) {
    set_t *s = check_set(self);
    if (obj_is_type(self, &type_frozenset)) {
        return self;
    }
    return OBJ_FROM_PTR(set_copy_as(s, set_alloc_like(self)));
}
static FUN_DEFINE_1(set_copy_obj, set_copy);

static obj_t set_update(size_t n_args, const obj_t *args) {
    set_t *s = check_set(args[0]);
    for (size_t i = 1; i < n_args; i++) {
        set_update_internal(s, args[i]);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(set_update_obj, 1, FUN_ARGS_MAX, set_update);

static obj_t set_init(size_t n_args, const obj_t *args) {
    set_t *s = check_set(args[0]);
    set_clear_internal(s);
    if (n_args > 1) {
        set_update_internal(s, args[1]);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(set_init_obj, 1, 2, set_init);

static obj_t set_union(size_t n_args, const obj_t *args) {
    set_t *res = set_copy_as(check_set(args[0]), set_alloc_like(args[0]));
    for (size_t i = 1; i < n_args; i++) {
        set_update_internal(res, args[i]);
    }
    return OBJ_FROM_PTR(res);
}
static FUN_DEFINE_VAR(set_union_obj, 1, FUN_ARGS_MAX, set_union);

static obj_t set_intersection_meth(size_t n_args, const obj_t *args) {
    set_t *res = check_set(args[0]);
    if (n_args == 1) {
        return OBJ_FROM_PTR(set_copy_as(res, set_alloc_like(args[0])));
    }
    for (size_t i = 1; i < n_args; i++) {
        res = set_intersection(res, args[i]);
    }
    return OBJ_FROM_PTR(res);
}
static FUN_DEFINE_VAR(set_intersection_obj, 1, FUN_ARGS_MAX, set_intersection_meth);

static obj_t set_intersection_update(size_t n_args, const obj_t *args) {
    set_t *s = check_set(args[0]);
    set_take(s, SET(set_intersection_meth(n_args, args)));
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(set_intersection_update_obj, 1, FUN_ARGS_MAX, set_intersection_update);

static obj_t set_difference_meth(size_t n_args, const obj_t *args) {
    set_t *s = check_set(args[0]);
    if (n_args == 1) {
        return OBJ_FROM_PTR(set_copy_as(s, set_alloc_like(args[0])));
    }
    set_t *res = set_difference(s, args[1]);
    for (size_t i = 2; i < n_args; i++) {
        set_difference_update_internal(res, args[i]);
    }
    return OBJ_FROM_PTR(res);
}
static FUN_DEFINE_VAR(set_difference_obj, 1, FUN_ARGS_MAX, set_difference_meth);

static obj_t set_difference_update(size_t n_args, const obj_t *args) {
    set_t *s = check_set(args[0]);
    for (size_t i = 1; i < n_args; i++) {
        set_difference_update_internal(s, args[i]);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(set_difference_update_obj, 1, FUN_ARGS_MAX, set_difference_update);

static obj_t set_symmetric_difference_meth(obj_t self, obj_t other) {
    return OBJ_FROM_PTR(set_symmetric_difference(check_set(self), other));
}
static FUN_DEFINE_2(set_symmetric_difference_obj, set_symmetric_difference_meth);

static obj_t set_symmetric_difference_update(obj_t self, obj_t other) {
    set_symmetric_difference_update_internal(check_set(self), other);
    return OBJ_NONE;
}
static FUN_DEFINE_2(set_symmetric_difference_update_obj, set_symmetric_difference_update);

static obj_t set_issubset_meth(obj_t self, obj_t other) {
    return OBJ_BOOL(set_issubset(check_set(self), as_set(other)));
}
static FUN_DEFINE_2(set_issubset_obj, set_issubset_meth);

static obj_t set_issuperset(obj_t self, obj_t other) {
    set_t *s = check_set(self);
    if (is_anyset(other)) {
        return OBJ_BOOL(set_issubset(SET(other), s));
    }
    obj_t iter = rt_getiter(other);
    obj_t item;
    while ((item = rt_iternext(iter)) != OBJ_STOP) {
        if (!set_contains(s, item)) {
            return OBJ_FALSE;
        }
    }
    return OBJ_TRUE;
}
static FUN_DEFINE_2(set_issuperset_obj, set_issuperset);

static obj_t set_isdisjoint(obj_t self, obj_t other) {
    set_t *s = check_set(self);
    if (is_anyset(other)) {
        set_t *o = SET(other);
        if (o->used > s->used) {
            set_t *t = s;
            s = o;
            o = t;
        }
        size_t pos = 0;
        set_entry_t *e;
        while (set_next(o, &pos, &e)) {
            if (set_lookup(s, e->key, e->hash) != NULL) {
                return OBJ_FALSE;
            }
        }
        return OBJ_TRUE;
    }
    obj_t iter = rt_getiter(other);
    obj_t item;
    while ((item = rt_iternext(iter)) != OBJ_STOP) {
        if (set_contains(s, item)) {
            return OBJ_FALSE;
        }
    }
    return OBJ_TRUE;
}
static FUN_DEFINE_2(set_isdisjoint_obj, set_isdisjoint);

static obj_t set_contains_meth(obj_t self, obj_t item) {
    return OBJ_BOOL(set_contains(check_set(self), item));
}
static FUN_DEFINE_2(set_contains_obj, set_contains_meth);

static obj_t set_len(obj_t self) {
    return OBJ_NEW_SMALL_INT(check_set(self)->used);
}
static FUN_DEFINE_1(set_len_obj, set_len);

static obj_t set_iter(obj_t self) {
    return set_getiter(OBJ_FROM_PTR(check_set(self)));
}
static FUN_DEFINE_1(set_iter_obj, set_iter);

#define FROZENSET_METHODS \
    { QOBJ(copy), OBJ_ROM(&set_copy_obj) }, \
    { QOBJ(difference), OBJ_ROM(&set_difference_obj) }, \
    { QOBJ(intersection), OBJ_ROM(&set_intersection_obj) }, \
    { QOBJ(isdisjoint), OBJ_ROM(&set_isdisjoint_obj) }, \
    { QOBJ(issubset), OBJ_ROM(&set_issubset_obj) }, \
    { QOBJ(issuperset), OBJ_ROM(&set_issuperset_obj) }, \
    { QOBJ(symmetric_difference), OBJ_ROM(&set_symmetric_difference_obj) }, \
    { QOBJ(union), OBJ_ROM(&set_union_obj) }, \
    { QOBJ(__contains__), OBJ_ROM(&set_contains_obj) }, \
    { QOBJ(__len__), OBJ_ROM(&set_len_obj) }, \
    { QOBJ(__iter__), OBJ_ROM(&set_iter_obj) },

static const map_elem_t set_locals_table[] = {
    FROZENSET_METHODS
    { QOBJ(add), OBJ_ROM(&set_add_obj) },
    { QOBJ(clear), OBJ_ROM(&set_clear_obj) },
    { QOBJ(difference_update), OBJ_ROM(&set_difference_update_obj) },
    { QOBJ(discard), OBJ_ROM(&set_discard_obj) },
    { QOBJ(intersection_update), OBJ_ROM(&set_intersection_update_obj) },
    { QOBJ(pop), OBJ_ROM(&set_pop_obj) },
    { QOBJ(remove), OBJ_ROM(&set_remove_obj) },
    { QOBJ(symmetric_difference_update), OBJ_ROM(&set_symmetric_difference_update_obj) },
    { QOBJ(update), OBJ_ROM(&set_update_obj) },
    { QOBJ(__init__), OBJ_ROM(&set_init_obj) },
};
static DICT_ROM(set_locals, set_locals_table);

static const map_elem_t frozenset_locals_table[] = {
    FROZENSET_METHODS
};
static DICT_ROM(frozenset_locals, frozenset_locals_table);

const type_t type_set = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_set,
    .print = set_print,
    .make_new = set_make_new,
    .unary_op = set_unary_op,
    .binary_op = set_binary_op,
    .getiter = set_getiter,
    .locals_dict = &set_locals,
};

const type_t type_frozenset = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_frozenset,
    .print = set_print,
    .make_new = set_make_new,
    .unary_op = set_unary_op,
    .binary_op = set_binary_op,
    .getiter = set_getiter,
    .locals_dict = &frozenset_locals,
};
