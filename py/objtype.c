/* objtype.c: classes.  The `type` and `object` types, classes made by `class` statements
 * (__build_class__, C3 MRO, metaclasses, __init_subclass__, __set_name__, __classcell__), the
 * generic slots that route a user class's operations to its dunder methods or to its built-in
 * base, attribute lookup with descriptors, and super, property, staticmethod, classmethod and
 * bound methods.  objtype.h describes the instance layouts. */
#include <string.h>
#include "runtime.h"
#include "gc.h"
#include "objtype.h"

#define USER(t) ((const type_user_t *)(t))
#define IS_USER(t) (((t)->flags & TYPE_FLAG_USER) != 0)

static obj_t instance_attr_load(obj_t self, qstr name, obj_t *dest);
static void instance_attr_store(obj_t self, qstr name, obj_t value);
static obj_t type_new_full(const type_t *meta, qstr name, obj_t bases, obj_t dict, size_t n_kw, const obj_t *kw);
static void type_attr(obj_t self, qstr attr, obj_t *dest);

static bool is_function(obj_t v) {
    const type_t *t = obj_get_type(v);
    return t == &type_function || t == &type_fun_builtin_0 || t == &type_fun_builtin_1
           || t == &type_fun_builtin_2 || t == &type_fun_builtin_3 || t == &type_fun_builtin_var
           || t == &type_fun_builtin_kw;
}

/* ------------------------------------------------------------------ MRO and lookup */

void type_get_mro(const type_t *t, size_t *len, obj_t **items, obj_t *buf, size_t buf_len) {
    if (IS_USER(t)) {
        obj_tuple_get(USER(t)->mro, len, items);
        return;
    }
    size_t n = 0;
    for (const type_t *p = t; p != NULL && n + 1 < buf_len;) {
        buf[n++] = OBJ_ROM(p);
        if (p->flags & TYPE_FLAG_MULTI_BASE) {
            size_t nb;
            obj_t *bases;
            obj_tuple_get((obj_t)(uintptr_t)p->parent, &nb, &bases);
            p = nb ? bases[0] : NULL;
        } else {
            p = p->parent;
        }
    }
    if (t != &type_object) {
        buf[n++] = OBJ_ROM(&type_object);
    }
    *len = n;
    *items = buf;
}

static bool is_dunder(qstr name) {
    const char *s = qstr_str(name);
    return s[0] == '_' && s[1] == '_';
}

static const dict_t native_dunders_dict;

/* The operator dunders of the common built-in types, as CPython lists them (their slots alone can't
 * tell: int and str share binary_op, but only one has __sub__).  The rich comparisons, __repr__,
 * __str__, __format__, __hash__, __init__ and __new__ are everyone's. */
#define NUMBER_DUNDERS Q___bool__, Q___neg__, Q___pos__, Q___abs__, Q___add__, Q___sub__, Q___mul__, \
    Q___truediv__, Q___floordiv__, Q___mod__, Q___pow__, Q___radd__, Q___rsub__, Q___rmul__, Q___float__, Q___int__
#define SEQ_DUNDERS Q___getitem__, Q___len__, Q___contains__, Q___iter__
static const qstr int_dunders[] = { NUMBER_DUNDERS, Q___index__, Q___invert__, Q___and__, Q___or__, Q___xor__,
                                    Q___lshift__, Q___rshift__, 0 };
#if CONFIG_FLOAT
static const qstr float_dunders[] = { NUMBER_DUNDERS, 0 };
#endif
static const qstr str_dunders[] = { SEQ_DUNDERS, Q___add__, Q___mul__, Q___rmul__, Q___mod__, 0 };
static const qstr bytearray_dunders[] = { SEQ_DUNDERS, Q___add__, Q___mul__, Q___rmul__, Q___mod__, Q___setitem__,
                                          Q___delitem__, Q___iadd__, Q___imul__, 0 };
static const qstr tuple_dunders[] = { SEQ_DUNDERS, Q___add__, Q___mul__, Q___rmul__, 0 };
static const qstr list_dunders[] = { SEQ_DUNDERS, Q___add__, Q___mul__, Q___rmul__, Q___setitem__, Q___delitem__,
                                     Q___iadd__, Q___imul__, 0 };
static const qstr dict_dunders[] = { SEQ_DUNDERS, Q___setitem__, Q___delitem__, Q___or__, 0 };
static const qstr set_dunders[] = { Q___len__, Q___contains__, Q___iter__, Q___sub__, Q___and__, Q___or__,
                                    Q___xor__, Q___rsub__, 0 };
static const qstr range_dunders[] = { SEQ_DUNDERS, Q___bool__, 0 };
static const qstr none_dunders[] = { Q___bool__, 0 };

static const qstr *known_dunders(const type_t *m) {
    if (m == &type_int || m == &type_bool) {
        return int_dunders;
    }
#if CONFIG_FLOAT
    if (m == &type_float) {
        return float_dunders;
    }
#endif
    if (m == &type_str || m == &type_bytes) {
        return str_dunders;
    }
    if (m == &type_bytearray) {
        return bytearray_dunders;
    }
    if (m == &type_tuple) {
        return tuple_dunders;
    }
    if (m == &type_list) {
        return list_dunders;
    }
    if (m == &type_dict) {
        return dict_dunders;
    }
    if (m == &type_set || m == &type_frozenset) {
        return set_dunders;
    }
    if (m == &type_range) {
        return range_dunders;
    }
    return m == &type_none ? none_dunders : NULL;
}

/* Whether built-in type m answers dunder `name` (so list has no __index__ and int no __len__). */
static bool native_has(const type_t *m, qstr name) {
    switch (name) {
        case Q___init__: case Q___new__: case Q___repr__: case Q___str__: case Q___format__: case Q___hash__:
        case Q___lt__: case Q___le__: case Q___gt__: case Q___ge__: case Q___eq__: case Q___ne__:
            return true;
        case Q___call__: return m->call != NULL;
        case Q___next__: return m->iternext != NULL;
        default: break;
    }
    const qstr *known = known_dunders(m);
    if (known != NULL) {
        for (; *known != 0; known++) {
            if (*known == name) {
                return true;
            }
        }
        return false;
    }
    switch (name) {
        case Q___getitem__: case Q___len__: case Q___contains__: return m->subscr != NULL;
        case Q___setitem__: case Q___delitem__: return m->subscr != NULL && m != &type_memoryview;
        case Q___iter__: return m->getiter != NULL || (m->flags & TYPE_FLAG_ITER_IS_SELF);
        default: return false;
    }
}

/* Mutable built-ins have __hash__ = None, as in CPython. */
static bool native_unhashable(const type_t *m) {
    return m == &type_list || m == &type_dict || m == &type_set || m == &type_bytearray || m == &type_slice;
}

/* Looks name up in one class of an MRO: its dict, then (built-ins) the slot wrappers. */
static obj_t lookup_in(const type_t *m, qstr name) {
    if (m->locals_dict != NULL) {
        obj_t v = map_get_qstr(&m->locals_dict->map, name);
        if (v != OBJ_NULL) {
            return v;
        }
    }
    if (!IS_USER(m) && m != &type_object && is_dunder(name) && native_has(m, name)) {
        if (name == Q___hash__ && native_unhashable(m)) {
            return OBJ_NONE;
        }
        return map_get_qstr(&native_dunders_dict.map, name);
    }
    return OBJ_NULL;
}

obj_t type_lookup(const type_t *t, qstr name, const type_t **owner) {
    obj_t buf[16];
    size_t n;
    obj_t *mro;
    type_get_mro(t, &n, &mro, buf, 16);
    for (size_t i = 0; i < n; i++) {
        obj_t v = lookup_in(mro[i], name);
        if (v != OBJ_NULL) {
            *owner = mro[i];
            return v;
        }
    }
    return OBJ_NULL;
}

/* The dunder methods a user class itself defines (in its own MRO's class dicts only): these take
 * precedence over the built-in base's slots. */
static obj_t user_lookup(const type_t *t, qstr name) {
    size_t n;
    obj_t *mro;
    obj_tuple_get(USER(t)->mro, &n, &mro);
    for (size_t i = 0; i < n; i++) {
        const type_t *m = mro[i];
        if (IS_USER(m)) {
            obj_t v = map_get_qstr(&m->locals_dict->map, name);
            if (v != OBJ_NULL) {
                return v;
            }
        }
    }
    return OBJ_NULL;
}

static obj_t user_descr_method(obj_t value, qstr name);

static bool has_data_descriptor(const type_t *t) {
    size_t n;
    obj_t *mro;
    obj_tuple_get(USER(t)->mro, &n, &mro);
    for (size_t i = 0; i < n; i++) {
        const type_t *m = mro[i];
        size_t j = 0;
        map_elem_t *e;
        while (IS_USER(m) && (e = map_next(&m->locals_dict->map, &j)) != NULL) {
            if (obj_is_type(e->value, &type_property) || (OBJ_IS_PTR(e->value)
                && (user_descr_method(e->value, Q___set__) || user_descr_method(e->value, Q___delete__)))) {
                return true;
            }
        }
    }
    return false;
}

static uint8_t compute_hooks(const type_t *t) {
    return (has_data_descriptor(t) ? TYPE_HOOK_DATA_DESCR : 0)
           | (user_lookup(t, Q___getattr__) ? TYPE_HOOK_GETATTR : 0)
           | (user_lookup(t, Q___getattribute__) ? TYPE_HOOK_GETATTRIBUTE : 0)
           | (user_lookup(t, Q___setattr__) ? TYPE_HOOK_SETATTR : 0)
           | (user_lookup(t, Q___delattr__) ? TYPE_HOOK_DELATTR : 0);
}

/* ------------------------------------------------------------------ instances */

obj_t type_native_self(obj_t o) {
    if (!OBJ_IS_PTR(o)) {
        return o;
    }
    const type_t *t = ((obj_base_t *)o)->type;
    if (IS_USER(t) && USER(t)->layout == TYPE_LAYOUT_WRAP) {
        return ((instance_t *)o)->native;
    }
    return o;
}

static dict_t **embed_dict_slot(obj_t o) {
    return (dict_t **)((char *)o + gc_nbytes(o) - 16);
}

dict_t *type_instance_dict(obj_t o, bool create) {
    const type_t *t = obj_get_type(o);
    if (!IS_USER(t)) {
        return NULL;
    }
    switch (USER(t)->layout) {
        case TYPE_LAYOUT_INSTANCE:
        case TYPE_LAYOUT_WRAP:
            return &((instance_t *)o)->dict;
        case TYPE_LAYOUT_EMBED: {
            dict_t **slot = embed_dict_slot(o);
            if (*slot == NULL && create) {
                *slot = obj_new_dict(0);
            }
            return *slot;
        }
        case TYPE_LAYOUT_EXC: {
            exc_t *e = exc_get(o);
            if (e->dict == NULL && create) {
                e->dict = obj_new_dict(0);
            }
            return e->dict;
        }
        default:
            return ((const type_t *)o)->locals_dict;
    }
}

/* Instances of a class whose MRO defines __del__ (when they are made) get the GC's finaliser bit. */
static void *instance_alloc(const type_t *type, size_t size) {
    return user_lookup(type, Q___del__) != OBJ_NULL ? m_malloc_with_finaliser(size) : m_malloc(size);
}

/* Moves a freshly made built-in object into a block 16 bytes longer (for the __dict__ pointer),
 * re-pointing words that pointed into the old block (a heap str's inline data). */
static obj_t embed_native(const type_t *type, obj_t nat) {
    size_t size = gc_nbytes(nat);
    if (size == 0) {
        /* a static object (the empty tuple, a str in flash): its fixed part is enough */
        size = obj_is_type(nat, &type_tuple) ? sizeof(tuple_t) : sizeof(str_t);
    }
    size = (size + 15) & ~(size_t)15;
    char *p = instance_alloc(type, size + 16);
    memcpy(p, nat, size);
    for (size_t i = 0; i < size / sizeof(uintptr_t); i++) {
        uintptr_t w = ((uintptr_t *)p)[i];
        if (w >= (uintptr_t)nat && w < (uintptr_t)nat + size) {
            ((uintptr_t *)p)[i] = w - (uintptr_t)nat + (uintptr_t)p;
        }
    }
    ((obj_base_t *)p)->type = type;
    return p;
}

/* A heap str for an interned one, so a str subclass instance can embed it. */
static obj_t heap_str(obj_t s) {
    if (!OBJ_IS_QSTR(s)) {
        return s;
    }
    str_t *h = m_new_obj(str_t);
    size_t len;
    h->base.type = &type_str;
    h->data = qstr_data(OBJ_QSTR_VALUE(s), &len);
    h->len = (uint32_t)len;
    h->hash = qstr_hash(OBJ_QSTR_VALUE(s));
    return h;
}

static bool native_is_mutable(const type_t *n) {
    return obj_is_subclass(n, &type_list) || obj_is_subclass(n, &type_dict) || obj_is_subclass(n, &type_set)
           || obj_is_subclass(n, &type_bytearray);
}

static bool native_inits(const type_t *n) {
    return (n->flags & TYPE_FLAG_INIT_SETS_UP) != 0;
}

/* object.__new__(cls) and the built-in bases' __new__: a new, uninitialised instance of cls. */
static obj_t instance_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    if (!IS_USER(type)) {
        if (type->make_new == NULL) {
            rt_raise_type_error("cannot create '%q' instances", type->name);
        }
        return type->make_new(type, n_args, n_kw, args);
    }
    const type_user_t *u = USER(type);
    const type_t *nat = u->native;
    switch (u->layout) {
        case TYPE_LAYOUT_TYPE:
            if (n_args != 3) {
                rt_raise_type_error("type() takes 1 or 3 arguments");
            }
            return type_new_full(type, obj_is_str(args[0]) ? qstr_from_str(obj_str_get_cstr(args[0])) : Q_,
                                 args[1], args[2], n_kw, args + 3);
        case TYPE_LAYOUT_EXC: {
            obj_t e = nat->make_new(nat, n_args, 0, args);
            ((obj_base_t *)e)->type = type;
            return e;
        }
        case TYPE_LAYOUT_EMBED: {
            /* mutable built-ins, and native types set up by their own __init__ (framebuf), are
             * made empty here and filled by __init__; the latter learn the subclass so that they
             * can tell this from a direct call with missing arguments */
            if (native_inits(nat)) {
                return embed_native(type, nat->make_new(type, 0, 0, args));
            }
            bool init_fills = native_is_mutable(nat);
            obj_t o = nat->make_new(nat, init_fills ? 0 : n_args, init_fills ? 0 : n_kw, args);
            return embed_native(type, heap_str(o));
        }
        default: {
            instance_t *inst = instance_alloc(type, sizeof(instance_t));
            inst->base.type = type;
            inst->dict.base.type = &type_dict;
            map_init(&inst->dict.map, 0);
            if (nat != NULL) {
                inst->native = nat->make_new(nat, n_args, n_kw, args);
            }
            return inst;
        }
    }
}

static obj_t user_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t new_fn = user_lookup(type, Q___new__);
    obj_t self;
    if (new_fn != OBJ_NULL) {
        if (obj_is_type(new_fn, &type_staticmethod)) {
            new_fn = ((static_class_method_t *)new_fn)->fun;
        }
        self = rt_call_self(new_fn, OBJ_ROM(type), n_args, n_kw, args);
        if (!obj_isinstance(self, type)) {
            return self;
        }
    } else {
        self = instance_new(type, n_args, n_kw, args);
    }
    obj_t init = user_lookup(obj_get_type(self), Q___init__);
    if (init != OBJ_NULL) {
        obj_t r = rt_call_self(init, self, n_args, n_kw, args);
        if (r != OBJ_NONE) {
            rt_raise_type_error("__init__() should return None, not '%q'", obj_type_name(r));
        }
    } else if (USER(type)->layout == TYPE_LAYOUT_EMBED && native_is_mutable(USER(type)->native)) {
        rt_call_self(map_get_qstr(&native_dunders_dict.map, Q___init__), self, n_args, n_kw, args);
    } else if (USER(type)->layout == TYPE_LAYOUT_EMBED && native_inits(USER(type)->native)) {
        rt_call_self(map_get_qstr(&USER(type)->native->locals_dict->map, Q___init__), self, n_args, n_kw, args);
    } else if (new_fn == OBJ_NULL && USER(type)->native == NULL && (n_args || n_kw)) {
        rt_raise_type_error("%q() takes no arguments", type->name);
    }
    return self;
}

/* ------------------------------------------------------------------ descriptors */

typedef struct {
    obj_base_t base;
    obj_t fget, fset, fdel, doc;
} property_t;

static obj_t user_descr_method(obj_t value, qstr name) {
    const type_t *vt = obj_get_type(value);
    return IS_USER(vt) ? user_lookup(vt, name) : OBJ_NULL;
}

void type_bind(obj_t self, obj_t value, const type_t *owner, obj_t *dest, qstr name) {
    const type_t *vt = obj_get_type(value);
    if (is_function(value)) {
        dest[0] = value;
        dest[1] = (IS_USER(owner) || owner == &type_object) ? self : type_native_self(self);
    } else if (vt == &type_staticmethod) {
        dest[0] = ((static_class_method_t *)value)->fun;
    } else if (vt == &type_classmethod) {
        dest[0] = ((static_class_method_t *)value)->fun;
        dest[1] = OBJ_ROM(obj_get_type(self));
    } else if (vt == &type_property) {
        property_t *p = value;
        if (p->fget == OBJ_NONE) {
            rt_raise_msg(&type_AttributeError, "property '%q' of '%q' object has no getter", name,
                         obj_type_name(self));
        }
        dest[0] = rt_call1(p->fget, self);
    } else {
        obj_t get = user_descr_method(value, Q___get__);
        if (get != OBJ_NULL) {
            obj_t args[3] = { value, self, OBJ_ROM(obj_get_type(self)) };
            dest[0] = rt_call(get, 3, 0, args);
        } else {
            dest[0] = value;
        }
    }
}

/* ------------------------------------------------------------------ instance attributes */

static obj_t instance_attr_load(obj_t self, qstr name, obj_t *dest) {
    const type_t *t = obj_get_type(self);
    const type_user_t *u = USER(t);
    dest[0] = dest[1] = OBJ_NULL;
    if (u->layout == TYPE_LAYOUT_TYPE) {
        type_attr(self, name, dest);
        if (dest[0] != OBJ_NULL) {
            return dest[0];
        }
    } else if (u->layout == TYPE_LAYOUT_EXC) {
        u->native->attr(self, name, dest);
        if (dest[0] != OBJ_NULL) {
            return dest[0];
        }
    } else {
        dict_t *d = type_instance_dict(self, false);
        if (u->hooks & TYPE_HOOK_DATA_DESCR) {
            /* a data descriptor on the class wins over the instance dict */
            const type_t *owner;
            obj_t v = type_lookup(t, name, &owner);
            if (v != OBJ_NULL && (obj_is_type(v, &type_property) || (OBJ_IS_PTR(v)
                && (user_descr_method(v, Q___set__) || user_descr_method(v, Q___delete__))))) {
                type_bind(self, v, owner, dest, name);
                return dest[0];
            }
        }
        if (d != NULL) {
            obj_t v = map_get_qstr(&d->map, name);
            if (v != OBJ_NULL) {
                return dest[0] = v;
            }
        }
    }
    const type_t *owner;
    obj_t v = type_lookup(t, name, &owner);
    if (v != OBJ_NULL) {
        type_bind(self, v, owner, dest, name);
        return dest[0];
    }
    if (name == Q___dict__) {
        dict_t *d = type_instance_dict(self, true);
        if (d != NULL) {
            return dest[0] = d;
        }
    }
    if (u->native != NULL && u->native->attr != NULL && u->layout != TYPE_LAYOUT_EXC) {
        u->native->attr(type_native_self(self), name, dest);
    }
    return dest[0];
}

static bool store_via_descriptor(obj_t self, qstr name, obj_t value) {
    const type_t *owner;
    obj_t d = type_lookup(obj_get_type(self), name, &owner);
    if (d == OBJ_NULL) {
        return false;
    }
    if (obj_is_type(d, &type_property)) {
        property_t *p = d;
        obj_t f = value != OBJ_NULL ? p->fset : p->fdel;
        if (f == OBJ_NONE) {
            rt_raise_msg(&type_AttributeError, "property '%q' of '%q' object has no %s", name,
                         obj_type_name(self), value != OBJ_NULL ? "setter" : "deleter");
        }
        if (value != OBJ_NULL) {
            rt_call2(f, self, value);
        } else {
            rt_call1(f, self);
        }
        return true;
    }
    obj_t m = user_descr_method(d, value != OBJ_NULL ? Q___set__ : Q___delete__);
    if (m == OBJ_NULL) {
        return false;
    }
    obj_t args[3] = { d, self, value };
    rt_call(m, value != OBJ_NULL ? 3 : 2, 0, args);
    return true;
}

static void instance_attr_store(obj_t self, qstr name, obj_t value) {
    if (store_via_descriptor(self, name, value)) {
        return;
    }
    const type_user_t *u = USER(obj_get_type(self));
    if (u->layout == TYPE_LAYOUT_TYPE || u->layout == TYPE_LAYOUT_EXC) {
        obj_t dest[2] = { OBJ_SENTINEL, value };
        (u->layout == TYPE_LAYOUT_TYPE ? type_attr : u->native->attr)(self, name, dest);
        if (dest[0] != OBJ_NULL) {
            rt_raise_attribute_error(self, name);
        }
        return;
    }
    dict_t *d = type_instance_dict(self, true);
    if (value != OBJ_NULL) {
        map_lookup(&d->map, OBJ_NEW_QSTR(name), MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
    } else if (map_lookup(&d->map, OBJ_NEW_QSTR(name), MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
        rt_raise_attribute_error(self, name);
    }
}

static void user_attr(obj_t self, qstr name, obj_t *dest) {
    const type_user_t *u = USER(obj_get_type(self));
    if (dest[0] == OBJ_NULL) {
        if (u->hooks & TYPE_HOOK_GETATTRIBUTE) {
            obj_t ga = user_lookup(&u->type, Q___getattribute__);
            nlr_buf_t nlr;
            if (nlr_push(&nlr) == 0) {
                dest[0] = rt_call_self(ga, self, 1, 0, (obj_t[]){ OBJ_NEW_QSTR(name) });
                nlr_pop();
                return;
            }
            if (!(u->hooks & TYPE_HOOK_GETATTR) || !obj_isinstance(nlr.exc, &type_AttributeError)) {
                nlr_raise(nlr.exc);
            }
        } else if (instance_attr_load(self, name, dest) != OBJ_NULL) {
            return;
        }
        if ((u->hooks & TYPE_HOOK_GETATTR) && name != Q___class__) {
            obj_t arg = OBJ_NEW_QSTR(name);
            dest[0] = rt_call_self(user_lookup(&u->type, Q___getattr__), self, 1, 0, &arg);
            dest[1] = OBJ_NULL;
        }
        return;
    }
    uint8_t hook = dest[1] != OBJ_NULL ? TYPE_HOOK_SETATTR : TYPE_HOOK_DELATTR;
    if (u->hooks & hook) {
        obj_t f = user_lookup(&u->type, hook == TYPE_HOOK_SETATTR ? Q___setattr__ : Q___delattr__);
        obj_t args[2] = { OBJ_NEW_QSTR(name), dest[1] };
        rt_call_self(f, self, hook == TYPE_HOOK_SETATTR ? 2 : 1, 0, args);
    } else {
        instance_attr_store(self, name, dest[1]);
    }
    dest[0] = OBJ_NULL;
}

/* ------------------------------------------------------------------ the generic slots */

static obj_t call_dunder(obj_t self, qstr name, size_t n_args, const obj_t *args) {
    obj_t m = user_lookup(obj_get_type(self), name);
    if (m == OBJ_NULL) {
        return OBJ_NULL;
    }
    obj_t dest[2];
    type_bind(self, m, obj_get_type(self), dest, name);
    return dest[1] != OBJ_NULL ? rt_call_self(dest[0], dest[1], n_args, 0, args) : rt_call(dest[0], n_args, 0, args);
}

static const type_t *native_of(obj_t self) {
    return USER(obj_get_type(self))->native;
}

static void print_class_name(const print_t *p, const type_t *t) {
    if (IS_USER(t)) {
        obj_t mod = map_get_qstr(&t->locals_dict->map, Q___module__);
        obj_t qual = map_get_qstr(&t->locals_dict->map, Q___qualname__);
        if (mod != OBJ_NULL && mod != QOBJ(builtins)) {
            print_fmt(p, "%S.", mod);
        }
        if (qual != OBJ_NULL) {
            obj_print(p, qual, PRINT_STR);
            return;
        }
    }
    print_str(p, qstr_str(t->name));
}

static void user_print(const print_t *p, obj_t self, print_kind_t kind) {
    obj_t r = OBJ_NULL;
    const type_t *t = obj_get_type(self);
    if (kind == PRINT_STR) {
        r = call_dunder(self, Q___str__, 0, NULL);
    }
    bool is_str = r != OBJ_NULL;
    const type_t *nat = native_of(self);
    /* str() of an exception or str subclass is the base's own __str__, not the user's __repr__ */
    bool native_str = kind == PRINT_STR && nat != NULL
                      && (obj_is_subclass(nat, &type_BaseException) || obj_is_subclass(nat, &type_str));
    if (r == OBJ_NULL && !native_str) {
        r = call_dunder(self, Q___repr__, 0, NULL);
    }
    if (r != OBJ_NULL) {
        if (!obj_is_str_or_subclass(r)) {
            rt_raise_type_error("__%s__ returned non-string (type %q)", is_str ? "str" : "repr", obj_type_name(r));
        }
        obj_print(p, r, PRINT_STR);
        return;
    }
    if (nat != NULL && nat->print != NULL) {
        nat->print(p, type_native_self(self), kind);
        return;
    }
    print_str(p, "<");
    print_class_name(p, t);
    print_fmt(p, " object at 0x%lx>", (unsigned long)(uintptr_t)self);
}

static obj_t native_unary(unary_op_t op, obj_t self) {
    const type_t *nat = native_of(self);
    return nat != NULL && nat->unary_op != NULL ? nat->unary_op(op, type_native_self(self)) : OBJ_NULL;
}

static obj_t check_int_result(obj_t r, const char *what) {
    if (!obj_is_int(r)) {
        rt_raise_type_error("%s should return an integer", what);
    }
    return r;
}

static obj_t user_unary_op(unary_op_t op, obj_t self) {
    static const qstr names[UNARY_OP_NUM] = {
        [UNARY_OP_BOOL] = Q___bool__, [UNARY_OP_LEN] = Q___len__, [UNARY_OP_HASH] = Q___hash__,
        [UNARY_OP_POS] = Q___pos__, [UNARY_OP_NEG] = Q___neg__, [UNARY_OP_INVERT] = Q___invert__,
        [UNARY_OP_ABS] = Q___abs__, [UNARY_OP_INT] = Q___int__, [UNARY_OP_FLOAT] = Q___float__,
    };
    if (op == UNARY_OP_HASH && user_lookup(obj_get_type(self), Q___hash__) == OBJ_NONE) {
        rt_raise_type_error("unhashable type: '%q'", obj_type_name(self));
    }
    obj_t r = names[op] ? call_dunder(self, names[op], 0, NULL) : OBJ_NULL;
    if (r == OBJ_NULL && op == UNARY_OP_INT) {
        r = call_dunder(self, Q___index__, 0, NULL);
    }
#if CONFIG_FLOAT
    if (r == OBJ_NULL && op == UNARY_OP_FLOAT) {
        r = call_dunder(self, Q___index__, 0, NULL);
        if (r != OBJ_NULL) {
            r = obj_new_float((float_val_t)obj_get_ll(r));
        }
    }
#endif
    if (r == OBJ_NULL) {
        r = native_unary(op, self);
        if (r == OBJ_NULL && op == UNARY_OP_HASH && native_of(self) == NULL) {
            return OBJ_NEW_SMALL_INT((small_int_t)((uintptr_t)self >> 4));
        }
        return r;
    }
    switch (op) {
        case UNARY_OP_BOOL:
            if (r != OBJ_TRUE && r != OBJ_FALSE) {
                rt_raise_type_error("__bool__ should return bool, returned %q", obj_type_name(r));
            }
            return r;
        case UNARY_OP_LEN: {
            if (!obj_is_int(r)) {
                rt_raise_type_error("'%q' object cannot be interpreted as an integer", obj_type_name(r));
            }
            intptr_t n = obj_get_int(r);
            if (n < 0) {
                rt_raise_value_error("__len__() should return >= 0");
            }
            return OBJ_NEW_SMALL_INT(n);
        }
        case UNARY_OP_HASH:
            check_int_result(r, "__hash__ method");
            return OBJ_IS_SMALL_INT(r) ? r : obj_hash(r);
        default:
            return r;
    }
}

/* in binary_op_t order (BINARY_OPS_ARITH) */
static const qstr arith_names[] = {
    Q___or__, Q___xor__, Q___and__, Q___lshift__, Q___rshift__, Q___add__, Q___sub__, Q___mul__, Q___matmul__,
    Q___floordiv__, Q___truediv__, Q___mod__, Q___pow__,
};
static const qstr inplace_names[] = {
    Q___ior__, Q___ixor__, Q___iand__, Q___ilshift__, Q___irshift__, Q___iadd__, Q___isub__, Q___imul__,
    Q___imatmul__, Q___ifloordiv__, Q___itruediv__, Q___imod__, Q___ipow__,
};
static const qstr reverse_names[] = {
    Q___ror__, Q___rxor__, Q___rand__, Q___rlshift__, Q___rrshift__, Q___radd__, Q___rsub__, Q___rmul__,
    Q___rmatmul__, Q___rfloordiv__, Q___rtruediv__, Q___rmod__, Q___rpow__,
};
static const qstr compare_names[] = { Q___lt__, Q___gt__, Q___eq__, Q___le__, Q___ge__, Q___ne__, Q___contains__ };

static qstr binary_op_name(binary_op_t op) {
    if (op <= BINARY_OP_CONTAINS) {
        return compare_names[op];
    }
    if (op >= BINARY_OP_OR && op <= BINARY_OP_POW) {
        return arith_names[op - BINARY_OP_OR];
    }
    if (op >= BINARY_OP_INPLACE_OR && op <= BINARY_OP_INPLACE_POW) {
        return inplace_names[op - BINARY_OP_INPLACE_OR];
    }
    if (op >= BINARY_OP_REVERSE_OR && op <= BINARY_OP_REVERSE_POW) {
        return reverse_names[op - BINARY_OP_REVERSE_OR];
    }
    return op == BINARY_OP_DIVMOD ? Q___divmod__ : QSTR_NULL;
}

static obj_t user_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    qstr name = binary_op_name(op);
    obj_t r = name != QSTR_NULL ? call_dunder(lhs, name, 1, &rhs) : OBJ_NULL;
    if (r != OBJ_NULL) {
        if (r == OBJ_NOT_IMPLEMENTED) {
            return OBJ_NULL;
        }
        return op == BINARY_OP_CONTAINS ? OBJ_BOOL(obj_is_true(r)) : r;
    }
    const type_t *nat = native_of(lhs);
    if (op == BINARY_OP_CONTAINS && (user_lookup(obj_get_type(lhs), Q___iter__) != OBJ_NULL
                                     || user_lookup(obj_get_type(lhs), Q___getitem__) != OBJ_NULL)) {
        return OBJ_NULL;
    }
    if (nat != NULL && nat->binary_op != NULL) {
        return nat->binary_op(op, type_native_self(lhs), type_native_self(rhs));
    }
    return OBJ_NULL;
}

static obj_t user_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t m = user_lookup(obj_get_type(self), Q___call__);
    if (m != OBJ_NULL) {
        obj_t dest[2];
        type_bind(self, m, obj_get_type(self), dest, Q___call__);
        return dest[1] != OBJ_NULL ? rt_call_self(dest[0], dest[1], n_args, n_kw, args)
                                   : rt_call(dest[0], n_args, n_kw, args);
    }
    const type_t *nat = native_of(self);
    if (nat != NULL && nat->call != NULL) {
        return nat->call(type_native_self(self), n_args, n_kw, args);
    }
    rt_raise_type_error("'%q' object is not callable", obj_type_name(self));
}

static obj_t user_subscr(obj_t self, obj_t index, obj_t value) {
    if (value == OBJ_SENTINEL) {
        obj_t r = call_dunder(self, Q___getitem__, 1, &index);
        if (r != OBJ_NULL) {
            return r;
        }
    } else {
        obj_t args[2] = { index, value };
        bool del = value == OBJ_NULL;
        if (call_dunder(self, del ? Q___delitem__ : Q___setitem__, del ? 1 : 2, args) != OBJ_NULL) {
            return OBJ_NONE;
        }
    }
    const type_t *nat = native_of(self);
    if (nat != NULL && nat->subscr != NULL) {
        return nat->subscr(type_native_self(self), index, value);
    }
    return OBJ_NULL;
}

static obj_t user_getiter(obj_t self) {
    obj_t r = call_dunder(self, Q___iter__, 0, NULL);
    if (r != OBJ_NULL) {
        if (obj_get_type(r)->iternext == NULL) {
            rt_raise_type_error("iter() returned non-iterator of type '%q'", obj_type_name(r));
        }
        return r;
    }
    const type_t *nat = native_of(self);
    if (nat != NULL && nat->getiter != NULL) {
        return nat->getiter(type_native_self(self));
    }
    if (user_lookup(obj_get_type(self), Q___getitem__) != OBJ_NULL) {
        return iter_new_seq(self);
    }
    return OBJ_NULL;
}

static obj_t user_iternext(obj_t self) {
    if (user_lookup(obj_get_type(self), Q___next__) == OBJ_NULL) {
        const type_t *nat = native_of(self);
        if (nat != NULL && nat->iternext != NULL) {
            return nat->iternext(type_native_self(self));
        }
        rt_raise_type_error("'%q' object is not an iterator", obj_type_name(self));
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t r = call_dunder(self, Q___next__, 0, NULL);
        nlr_pop();
        return r;
    }
    if (obj_isinstance(nlr.exc, &type_StopIteration)) {
        return OBJ_STOP;
    }
    nlr_raise(nlr.exc);
}

static int user_buffer(obj_t self, buffer_info_t *info, int flags) {
    const type_t *nat = native_of(self);
    if (nat != NULL && nat->buffer != NULL) {
        return nat->buffer(type_native_self(self), info, flags);
    }
    return 1;
}

/* ------------------------------------------------------------------ creating classes */

static RT_NORETURN void raise_mro_error(obj_t **seqs, const size_t *lens, const size_t *pos, size_t n_seqs) {
    vstr_t vs;
    print_t p;
    vstr_init(&vs, 32);
    print_vstr_init(&p, &vs);
    for (size_t i = 0; i < n_seqs; i++) {
        bool seen = pos[i] >= lens[i];
        for (size_t j = 0; j < i && !seen; j++) {
            seen = pos[j] < lens[j] && seqs[j][pos[j]] == seqs[i][pos[i]];
        }
        if (!seen) {
            print_fmt(&p, "%s%q", vs.len ? ", " : "", ((const type_t *)seqs[i][pos[i]])->name);
        }
    }
    rt_raise_type_error("Cannot create a consistent method resolution\norder (MRO) for bases %s",
                        vstr_null_terminated(&vs));
}

/* C3 linearisation of the bases' MROs. */
static obj_t compute_mro(const type_t *t, size_t n_bases, obj_t *bases) {
    size_t n_seqs = n_bases + 1;
    obj_t **seqs = m_new(obj_t *, n_seqs);
    size_t *lens = m_new(size_t, n_seqs), *pos = m_new(size_t, n_seqs);
    for (size_t i = 0; i < n_bases; i++) {
        obj_t buf[16], *items;
        size_t n;
        type_get_mro(bases[i], &n, &items, buf, 16);
        seqs[i] = m_new(obj_t, n);
        memcpy(seqs[i], items, n * sizeof(obj_t));
        lens[i] = n;
        pos[i] = 0;
    }
    seqs[n_bases] = bases;
    lens[n_bases] = n_bases;
    pos[n_bases] = 0;
    obj_t out = obj_new_list(0, NULL);
    obj_list_append(out, OBJ_ROM(t));
    for (;;) {
        obj_t pick = OBJ_NULL;
        bool any_left = false;
        for (size_t i = 0; i < n_seqs && pick == OBJ_NULL; i++) {
            if (pos[i] >= lens[i]) {
                continue;
            }
            any_left = true;
            obj_t cand = seqs[i][pos[i]];
            bool in_tail = false;
            for (size_t j = 0; j < n_seqs && !in_tail; j++) {
                for (size_t k = pos[j] + 1; k < lens[j]; k++) {
                    in_tail |= seqs[j][k] == cand;
                }
            }
            if (!in_tail) {
                pick = cand;
            }
        }
        if (!any_left) {
            break;
        }
        if (pick == OBJ_NULL) {
            raise_mro_error(seqs, lens, pos, n_seqs);
        }
        obj_list_append(out, pick);
        for (size_t i = 0; i < n_seqs; i++) {
            if (pos[i] < lens[i] && seqs[i][pos[i]] == pick) {
                pos[i]++;
            }
        }
    }
    size_t n;
    obj_t *items;
    obj_list_get(out, &n, &items);
    return obj_new_tuple(n, items);
}

/* The most derived built-in base in the MRO; every other built-in base must be its ancestor. */
static const type_t *find_native(obj_t mro) {
    size_t n;
    obj_t *items;
    obj_tuple_get(mro, &n, &items);
    const type_t *nat = NULL;
    for (size_t i = 1; i < n; i++) {
        const type_t *m = items[i];
        if (IS_USER(m) || m == &type_object) {
            continue;
        }
        bool both_exc = nat != NULL && obj_is_subclass(nat, &type_BaseException)
                        && obj_is_subclass(m, &type_BaseException);
        if (nat == NULL) {
            nat = m;
        } else if (!obj_is_subclass(nat, m) && !both_exc) {
            rt_raise_type_error("multiple bases have instance lay-out conflict");
        }
    }
    return nat;
}

static uint8_t layout_for(const type_t *nat) {
    if (nat == NULL) {
        return TYPE_LAYOUT_INSTANCE;
    }
    if (obj_is_subclass(nat, &type_BaseException)) {
        return TYPE_LAYOUT_EXC;
    }
    if (obj_is_subclass(nat, &type_type)) {
        return TYPE_LAYOUT_TYPE;
    }
    if (obj_is_subclass(nat, &type_int)) {
        return TYPE_LAYOUT_WRAP;
    }
#if CONFIG_FLOAT
    if (nat == &type_float) {
        return TYPE_LAYOUT_WRAP;
    }
#endif
    return TYPE_LAYOUT_EMBED;
}

static void wrap_implicit_methods(dict_t *d) {
    static const qstr static_names[] = { Q___new__ };
    static const qstr class_names[] = { Q___init_subclass__, Q___class_getitem__ };
    for (size_t i = 0; i < 3; i++) {
        qstr q = i == 0 ? static_names[0] : class_names[i - 1];
        map_elem_t *e = map_lookup(&d->map, OBJ_NEW_QSTR(q), MAP_LOOKUP);
        if (e != NULL && obj_is_type(e->value, &type_function)) {
            static_class_method_t *w = m_new_obj(static_class_method_t);
            w->base.type = i == 0 ? &type_staticmethod : &type_classmethod;
            w->fun = e->value;
            e->value = w;
        }
    }
    if (map_get_qstr(&d->map, Q___eq__) != OBJ_NULL && map_get_qstr(&d->map, Q___hash__) == OBJ_NULL) {
        obj_dict_store(d, QOBJ(__hash__), OBJ_NONE);
    }
}

static void call_init_subclass(const type_t *cls, size_t n_kw, const obj_t *kw) {
    size_t n;
    obj_t *mro;
    obj_tuple_get(USER(cls)->mro, &n, &mro);
    for (size_t i = 1; i < n; i++) {
        obj_t f = lookup_in(mro[i], Q___init_subclass__);
        if (f != OBJ_NULL) {
            if (obj_is_type(f, &type_classmethod)) {
                f = ((static_class_method_t *)f)->fun;
            }
            rt_call_self(f, OBJ_ROM(cls), 0, n_kw, kw);
            return;
        }
    }
}

static void call_set_name(const type_t *cls) {
    size_t i = 0;
    map_elem_t *e;
    while ((e = map_next(&cls->locals_dict->map, &i)) != NULL) {
        obj_t m = OBJ_IS_PTR(e->value) ? user_descr_method(e->value, Q___set_name__) : OBJ_NULL;
        if (m != OBJ_NULL) {
            obj_t args[3] = { e->value, OBJ_ROM(cls), e->key };
            rt_call(m, 3, 0, args);
        }
    }
}

static obj_t type_new_full(const type_t *meta, qstr name, obj_t bases, obj_t dict, size_t n_kw, const obj_t *kw) {
    size_t n_bases;
    obj_t *base_items;
    obj_t object_base = OBJ_ROM(&type_object);
    if (!obj_is_type(bases, &type_tuple)) {
        rt_raise_type_error("type.__new__() argument 2 must be tuple, not %q", obj_type_name(bases));
    }
    if (!obj_isinstance(dict, &type_dict)) {
        rt_raise_type_error("type.__new__() argument 3 must be dict, not %q", obj_type_name(dict));
    }
    obj_tuple_get(bases, &n_bases, &base_items);
    for (size_t i = 0; i < n_bases; i++) {
        if (!obj_isinstance(base_items[i], &type_type)) {
            rt_raise_type_error("bases must be types");
        }
        const type_t *b = base_items[i];
        if (!(b->flags & TYPE_FLAG_BASETYPE)) {
            rt_raise_type_error("type '%q' is not an acceptable base type", b->name);
        }
        for (size_t j = 0; j < i; j++) {
            if (base_items[j] == b) {
                rt_raise_type_error("duplicate base class %q", b->name);
            }
        }
    }
    if (n_bases == 0) {
        n_bases = 1;
        base_items = &object_base;
    }
    type_user_t *u = m_new_obj(type_user_t);
    type_t *t = &u->type;
    dict_t *d = dict;
    t->base.type = meta;
    t->flags = TYPE_FLAG_USER | TYPE_FLAG_BASETYPE;
    t->name = name;
    t->print = user_print;
    t->make_new = user_make_new;
    t->call = user_call;
    t->unary_op = user_unary_op;
    t->binary_op = user_binary_op;
    t->attr = user_attr;
    t->subscr = user_subscr;
    t->getiter = user_getiter;
    t->iternext = user_iternext;
    t->buffer = user_buffer;
    t->locals_dict = d;
    if (n_bases == 1) {
        t->parent = base_items[0];
    } else {
        t->parent = obj_new_tuple(n_bases, base_items);
        t->flags |= TYPE_FLAG_MULTI_BASE;
    }
    u->mro = compute_mro(t, n_bases, base_items);
    u->native = find_native(u->mro);
    u->layout = layout_for(u->native);
    if (map_get_qstr(&d->map, Q___module__) == OBJ_NULL) {
        obj_t globals = vm_current_globals();
        obj_t mod = globals != OBJ_NULL ? map_get_qstr(obj_dict_get_map(globals), Q___name__) : OBJ_NULL;
        if (mod != OBJ_NULL) {
            obj_dict_store(d, QOBJ(__module__), mod);
        }
    }
    if (map_get_qstr(&d->map, Q___qualname__) == OBJ_NULL) {
        obj_dict_store(d, QOBJ(__qualname__), OBJ_NEW_QSTR(name));
    }
    wrap_implicit_methods(d);
    u->hooks = compute_hooks(t);
    map_elem_t *cell = map_lookup(&d->map, QOBJ(__classcell__), MAP_LOOKUP_REMOVE_IF_FOUND);
    if (cell != NULL && obj_is_type(cell->value, &type_cell)) {
        ((cell_t *)cell->value)->value = t;
    }
    call_set_name(t);
    call_init_subclass(t, n_kw, kw);
    return t;
}

obj_t type_new_user(qstr name, obj_t bases_tuple, obj_t dict) {
    return type_new_full(&type_type, name, bases_tuple, dict, 0, NULL);
}

/* The metaclass of a class statement: the explicit one, or the most derived type of the bases. */
static obj_t pick_metaclass(obj_t meta, size_t n_bases, const obj_t *bases) {
    for (size_t i = 0; i < n_bases; i++) {
        obj_t bt = OBJ_ROM(obj_get_type(bases[i]));
        if (meta == OBJ_NULL || (obj_isinstance(meta, &type_type) && obj_is_subclass(bt, meta))) {
            meta = bt;
        }
    }
    return meta == OBJ_NULL ? OBJ_ROM(&type_type) : meta;
}

obj_t rt_build_class(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args < 2) {
        rt_raise_type_error("__build_class__: not enough arguments");
    }
    obj_t body = args[0];
    qstr name = OBJ_IS_QSTR(args[1]) ? OBJ_QSTR_VALUE(args[1]) : qstr_from_str(obj_str_get_cstr(args[1]));
    obj_t bases = obj_new_tuple(n_args - 2, args + 2);
    obj_t meta = OBJ_NULL;
    size_t n_rest = 0;
    obj_t *rest = n_kw ? m_new(obj_t, 2 * n_kw) : NULL;
    for (size_t i = 0; i < n_kw; i++) {
        obj_t k = args[n_args + 2 * i], v = args[n_args + 2 * i + 1];
        if (k == QOBJ(metaclass)) {
            meta = v;
        } else {
            rest[2 * n_rest] = k;
            rest[2 * n_rest + 1] = v;
            n_rest++;
        }
    }
    meta = pick_metaclass(meta, n_args - 2, args + 2);
    dict_t *ns = obj_new_dict(0);
    obj_t globals = vm_current_globals();
    obj_t mod = globals != OBJ_NULL ? map_get_qstr(obj_dict_get_map(globals), Q___name__) : OBJ_NULL;
    if (mod != OBJ_NULL) {
        obj_dict_store(ns, QOBJ(__module__), mod);
    }
    obj_t cell = vm_run_class_body(body, ns);
    if (obj_is_type(cell, &type_cell) && map_get_qstr(&ns->map, Q___classcell__) == OBJ_NULL) {
        obj_dict_store(ns, QOBJ(__classcell__), cell);
    }
    if (meta == OBJ_ROM(&type_type)) {
        return type_new_full(&type_type, name, bases, ns, n_rest, rest);
    }
    size_t n = 3 + 2 * n_rest;
    obj_t *call_args = m_new(obj_t, n);
    call_args[0] = OBJ_NEW_QSTR(name);
    call_args[1] = bases;
    call_args[2] = ns;
    if (n_rest) {
        memcpy(call_args + 3, rest, 2 * n_rest * sizeof(obj_t));
    }
    return rt_call(meta, 3, n_rest, call_args);
}

/* ------------------------------------------------------------------ type */

static void type_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    print_str(p, "<class '");
    print_class_name(p, self);
    print_str(p, "'>");
}

static obj_t type_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 1 && n_kw == 0) {
        return OBJ_ROM(obj_get_type(args[0]));
    }
    if (n_args != 3) {
        rt_raise_type_error("type() takes 1 or 3 arguments");
    }
    if (!obj_is_str(args[0])) {
        rt_raise_type_error("type.__new__() argument 1 must be str, not %q", obj_type_name(args[0]));
    }
    return type_new_full(type, qstr_from_str(obj_str_get_cstr(args[0])), args[1], args[2], n_kw, args + 3);
}

static obj_t type_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    const type_t *t = self;
    if (t->make_new == NULL) {
        rt_raise_type_error("cannot create '%q' instances", t->name);
    }
    return t->make_new(t, n_args, n_kw, args);
}

static obj_t type_bases(const type_t *t) {
    if (t->parent == NULL) {
        return t == &type_object ? obj_new_tuple(0, NULL) : obj_new_tuple(1, (obj_t[]){ OBJ_ROM(&type_object) });
    }
    if (t->flags & TYPE_FLAG_MULTI_BASE) {
        return (obj_t)(uintptr_t)t->parent;
    }
    obj_t b = (obj_t)(uintptr_t)t->parent;
    return obj_new_tuple(1, &b);
}

static obj_t type_mro_tuple(const type_t *t) {
    obj_t buf[16], *items;
    size_t n;
    type_get_mro(t, &n, &items, buf, 16);
    return obj_new_tuple(n, items);
}

static obj_t type_special_attr(const type_t *t, qstr attr) {
    switch (attr) {
        case Q___name__: return OBJ_NEW_QSTR(t->name);
        case Q___qualname__: return OBJ_NEW_QSTR(t->name);
        case Q___module__: return QOBJ(builtins);
        case Q___bases__: return type_bases(t);
        case Q___base__: {
            obj_t b = type_bases(t);
            size_t n;
            obj_t *items;
            obj_tuple_get(b, &n, &items);
            return n ? items[0] : OBJ_NONE;
        }
        case Q___mro__: return type_mro_tuple(t);
        case Q___dict__: return t->locals_dict ? OBJ_FROM_PTR(t->locals_dict) : obj_new_dict(0);
        case Q___doc__: return OBJ_NONE;
        default: return OBJ_NULL;
    }
}

static void type_attr(obj_t self, qstr attr, obj_t *dest) {
    const type_t *t = self;
    if (dest[0] == OBJ_NULL) {
        const type_t *owner;
        obj_t v = type_lookup(t, attr, &owner);
        if (v != OBJ_NULL) {
            const type_t *vt = obj_get_type(v);
            obj_t get;
            if (vt == &type_staticmethod) {
                dest[0] = ((static_class_method_t *)v)->fun;
            } else if (vt == &type_classmethod) {
                dest[0] = ((static_class_method_t *)v)->fun;
                dest[1] = self;
            } else if (IS_USER(vt) && (get = user_lookup(vt, Q___get__)) != OBJ_NULL) {
                obj_t args[3] = { v, OBJ_NONE, self };
                dest[0] = rt_call(get, 3, 0, args);
            } else {
                dest[0] = v;
            }
            return;
        }
        dest[0] = type_special_attr(t, attr);
        if (dest[0] != OBJ_NULL) {
            return;
        }
        /* methods of the metaclass (type.mro, or a user metaclass's) bind to the class */
        const type_t *meta = obj_get_type(self);
        v = type_lookup(meta, attr, &owner);
        if (v != OBJ_NULL) {
            type_bind(self, v, owner, dest, attr);
        }
        return;
    }
    if (!IS_USER(t)) {
        rt_raise_type_error("cannot set '%q' attribute of immutable type '%q'", attr, t->name);
    }
    map_t *map = &t->locals_dict->map;
    if (dest[1] != OBJ_NULL) {
        map_lookup(map, OBJ_NEW_QSTR(attr), MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = dest[1];
    } else if (map_lookup(map, OBJ_NEW_QSTR(attr), MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
        return;
    }
    ((type_user_t *)t)->hooks = compute_hooks(t);
    dest[0] = OBJ_NULL;
}

static obj_t type_mro_meth(obj_t self) {
    obj_t t = type_mro_tuple(self);
    size_t n;
    obj_t *items;
    obj_tuple_get(t, &n, &items);
    return obj_new_list(n, items);
}
static FUN_DEFINE_1(type_mro_obj, type_mro_meth);

static obj_t type_new_static(size_t n_args, size_t n_kw, const obj_t *args) {
    if (!obj_isinstance(args[0], &type_type)) {
        rt_raise_type_error("type.__new__(X): X is not a type object");
    }
    return instance_new(args[0], n_args - 1, n_kw, args + 1);
}
static FUN_DEFINE_KW(type_new_fun_obj, 1, type_new_static);
static const static_class_method_t type_new_obj = { { &type_staticmethod }, OBJ_ROM(&type_new_fun_obj) };

static obj_t type_init(size_t n_args, size_t n_kw, const obj_t *args) {
    (void)n_args, (void)n_kw, (void)args;
    return OBJ_NONE;
}
static FUN_DEFINE_KW(type_init_obj, 1, type_init);

static obj_t type_call_meth(size_t n_args, size_t n_kw, const obj_t *args) {
    return type_call(args[0], n_args - 1, n_kw, args + 1);
}
static FUN_DEFINE_KW(type_call_obj, 1, type_call_meth);

static obj_t type_subclasscheck(obj_t self, obj_t sub) {
    return OBJ_BOOL(obj_isinstance(sub, &type_type) && obj_is_subclass(sub, self));
}
static FUN_DEFINE_2(type_subclasscheck_obj, type_subclasscheck);

static obj_t type_instancecheck(obj_t self, obj_t inst) {
    return OBJ_BOOL(obj_isinstance(inst, self));
}
static FUN_DEFINE_2(type_instancecheck_obj, type_instancecheck);

static const map_elem_t type_locals_table[] = {
    { QOBJ(mro), OBJ_ROM(&type_mro_obj) },
    { QOBJ(__new__), OBJ_ROM(&type_new_obj) },
    { QOBJ(__init__), OBJ_ROM(&type_init_obj) },
    { QOBJ(__call__), OBJ_ROM(&type_call_obj) },
    { QOBJ(__subclasscheck__), OBJ_ROM(&type_subclasscheck_obj) },
    { QOBJ(__instancecheck__), OBJ_ROM(&type_instancecheck_obj) },
};
static DICT_ROM(type_locals_dict, type_locals_table);

const type_t type_type = {
    { &type_type }, TYPE_FLAG_BASETYPE | TYPE_FLAG_EQ_BY_IDENTITY, Q_type, type_print, type_make_new, type_call,
    NULL, NULL, type_attr, NULL, NULL, NULL, NULL, (dict_t *)&type_locals_dict, NULL, NULL,
};

/* ------------------------------------------------------------------ object */

static obj_t object_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)args;
    if (n_args || n_kw) {
        rt_raise_type_error("object() takes no arguments");
    }
    obj_base_t *o = m_new_obj(obj_base_t);
    o->type = type;
    return o;
}

static obj_t object_init(size_t n_args, size_t n_kw, const obj_t *args) {
    (void)args;
    if (n_args > 1 || n_kw) {
        const type_t *t = obj_get_type(args[0]);
        if (!IS_USER(t) || user_lookup(t, Q___init__) != OBJ_NULL) {
            rt_raise_type_error("object.__init__() takes exactly one argument (the instance to initialize)");
        }
    }
    return OBJ_NONE;
}
static FUN_DEFINE_KW(object_init_obj, 1, object_init);

static obj_t object_new(size_t n_args, size_t n_kw, const obj_t *args) {
    if (!obj_isinstance(args[0], &type_type)) {
        rt_raise_type_error("object.__new__(X): X is not a type object (%q)", obj_type_name(args[0]));
    }
    const type_t *t = args[0];
    if (IS_USER(t) && USER(t)->native == NULL) {
        return instance_new(t, 0, 0, NULL);
    }
    return instance_new(t, n_args - 1, n_kw, args + 1);
}
static FUN_DEFINE_KW(object_new_fun_obj, 1, object_new);
static const static_class_method_t object_new_obj = { { &type_staticmethod }, OBJ_ROM(&object_new_fun_obj) };

static obj_t object_eq(obj_t self, obj_t other) {
    return self == other ? OBJ_TRUE : OBJ_NOT_IMPLEMENTED;
}
static FUN_DEFINE_2(object_eq_obj, object_eq);

static obj_t object_ne(obj_t self, obj_t other) {
    obj_t r = rt_call_method(self, Q___eq__, 1, &other);
    return r == OBJ_NOT_IMPLEMENTED ? r : OBJ_BOOL(!obj_is_true(r));
}
static FUN_DEFINE_2(object_ne_obj, object_ne);

static obj_t object_hash(obj_t self) {
    return OBJ_NEW_SMALL_INT((small_int_t)((uintptr_t)self >> 4));
}
static FUN_DEFINE_1(object_hash_obj, object_hash);

static obj_t object_repr(obj_t self) {
    vstr_t vs;
    print_t p;
    vstr_init(&vs, 32);
    print_vstr_init(&p, &vs);
    print_str(&p, "<");
    print_class_name(&p, obj_get_type(self));
    print_fmt(&p, " object at 0x%lx>", (unsigned long)(uintptr_t)self);
    return obj_new_str_from_vstr(&vs);
}
static FUN_DEFINE_1(object_repr_obj, object_repr);

static obj_t object_str(obj_t self) {
    return obj_repr(self);
}
static FUN_DEFINE_1(object_str_obj, object_str);

static qstr attr_name(obj_t name) {
    if (!obj_is_str(name)) {
        rt_raise_type_error("attribute name must be string, not '%q'", obj_type_name(name));
    }
    return OBJ_IS_QSTR(name) ? OBJ_QSTR_VALUE(name) : qstr_from_str(obj_str_get_cstr(name));
}

static obj_t object_getattribute(obj_t self, obj_t name) {
    qstr q = attr_name(name);
    obj_t dest[2];
    if (IS_USER(obj_get_type(self)) ? instance_attr_load(self, q, dest) == OBJ_NULL
                                    : !rt_load_method_maybe(self, q, dest)) {
        rt_raise_attribute_error(self, q);
    }
    return dest[1] != OBJ_NULL ? obj_new_bound_meth(dest[0], dest[1]) : dest[0];
}
static FUN_DEFINE_2(object_getattribute_obj, object_getattribute);

static obj_t object_setattr(obj_t self, obj_t name, obj_t value) {
    if (!IS_USER(obj_get_type(self))) {
        rt_store_attr(self, attr_name(name), value);
    } else {
        instance_attr_store(self, attr_name(name), value);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_3(object_setattr_obj, object_setattr);

static obj_t object_delattr(obj_t self, obj_t name) {
    return object_setattr(self, name, OBJ_NULL);
}
static FUN_DEFINE_2(object_delattr_obj, object_delattr);

static obj_t object_init_subclass(size_t n_args, size_t n_kw, const obj_t *args) {
    (void)n_args;
    if (n_kw) {
        rt_raise_type_error("%q.__init_subclass__() takes no keyword arguments", ((const type_t *)args[0])->name);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_KW(object_init_subclass_fun_obj, 1, object_init_subclass);
static const static_class_method_t object_init_subclass_obj = {
    { &type_classmethod }, OBJ_ROM(&object_init_subclass_fun_obj)
};

static obj_t object_format(obj_t self, obj_t spec) {
    if (!obj_is_str(spec) || obj_len(spec) != 0) {
        rt_raise_type_error("unsupported format string passed to %q.__format__", obj_type_name(self));
    }
    return obj_str(self);
}
static FUN_DEFINE_2(object_format_obj, object_format);

static obj_t object_dir(obj_t self);
static FUN_DEFINE_1(object_dir_obj, object_dir);

static const map_elem_t object_locals_table[] = {
    { QOBJ(__init__), OBJ_ROM(&object_init_obj) },
    { QOBJ(__new__), OBJ_ROM(&object_new_obj) },
    { QOBJ(__eq__), OBJ_ROM(&object_eq_obj) },
    { QOBJ(__ne__), OBJ_ROM(&object_ne_obj) },
    { QOBJ(__hash__), OBJ_ROM(&object_hash_obj) },
    { QOBJ(__repr__), OBJ_ROM(&object_repr_obj) },
    { QOBJ(__str__), OBJ_ROM(&object_str_obj) },
    { QOBJ(__getattribute__), OBJ_ROM(&object_getattribute_obj) },
    { QOBJ(__setattr__), OBJ_ROM(&object_setattr_obj) },
    { QOBJ(__delattr__), OBJ_ROM(&object_delattr_obj) },
    { QOBJ(__init_subclass__), OBJ_ROM(&object_init_subclass_obj) },
    { QOBJ(__format__), OBJ_ROM(&object_format_obj) },
    { QOBJ(__dir__), OBJ_ROM(&object_dir_obj) },
};
static DICT_ROM(object_locals_dict, object_locals_table);

const type_t type_object = {
    { &type_type }, TYPE_FLAG_BASETYPE | TYPE_FLAG_EQ_BY_IDENTITY, Q_object, NULL, object_make_new, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, (dict_t *)&object_locals_dict, NULL, NULL,
};

/* dir(): the instance dict's names and those of every class in the MRO, sorted. */
static void add_names(obj_t set, const dict_t *d) {
    if (d == NULL) {
        return;
    }
    size_t i = 0;
    map_elem_t *e;
    while ((e = map_next(&d->map, &i)) != NULL) {
        obj_set_add(set, e->key);
    }
}

static obj_t object_dir(obj_t self) {
    obj_t set = obj_new_set(0, NULL);
    obj_set_add(set, QOBJ(__class__));   /* answered by attribute lookup, in no dict */
    const type_t *t = obj_get_type(self);
    if (IS_USER(t)) {
        add_names(set, type_instance_dict(self, false));
    } else if (obj_is_type(self, &type_module)) {
        add_names(set, ((module_t *)self)->globals);
    }
    const type_t *start = (obj_isinstance(self, &type_type)) ? (const type_t *)self : t;
    obj_t buf[16], *mro;
    size_t n;
    type_get_mro(start, &n, &mro, buf, 16);
    for (size_t i = 0; i < n; i++) {
        const type_t *m = mro[i];
        add_names(set, m->locals_dict);
        for (size_t j = 0; !IS_USER(m) && m != &type_object && j < native_dunders_dict.map.len; j++) {
            obj_t name = native_dunders_dict.map.table[j].key;
            if (native_has(m, OBJ_QSTR_VALUE(name))) {
                obj_set_add(set, name);
            }
        }
    }
    obj_t list = obj_new_list(0, NULL);
    obj_t it = rt_getiter(set), x;
    while ((x = rt_iternext(it)) != OBJ_STOP) {
        obj_list_append(list, x);
    }
    list_sort(list, OBJ_NULL, false);
    return list;
}

/* ------------------------------------------------------------------ slot wrappers of built-in bases */

static obj_t nd_getitem(obj_t self, obj_t k) { return rt_subscr_load(self, k); }
static obj_t nd_setitem(obj_t self, obj_t k, obj_t v) { rt_subscr_store(self, k, v); return OBJ_NONE; }
static obj_t nd_delitem(obj_t self, obj_t k) { rt_subscr_delete(self, k); return OBJ_NONE; }
static obj_t nd_len(obj_t self) { return OBJ_NEW_SMALL_INT(obj_len(self)); }
static obj_t nd_contains(obj_t self, obj_t x) { return OBJ_BOOL(rt_contains(self, x)); }
static obj_t nd_iter(obj_t self) { return rt_getiter(self); }
static obj_t nd_next(obj_t self) {
    obj_t r = rt_iternext(self);
    if (r == OBJ_STOP) {
        rt_raise_stop_iteration(OBJ_NULL);
    }
    return r;
}
static obj_t nd_repr(obj_t self) { return obj_repr(self); }
static obj_t nd_str(obj_t self) { return obj_str(self); }
static obj_t nd_hash(obj_t self) { return obj_hash(self); }
static obj_t nd_bool(obj_t self) { return OBJ_BOOL(obj_is_true(self)); }
static obj_t nd_index(obj_t self) { return rt_unary_op(UNARY_OP_INT, self); }
static obj_t nd_float(obj_t self) { return rt_unary_op(UNARY_OP_FLOAT, self); }
static obj_t nd_neg(obj_t self) { return rt_unary_op(UNARY_OP_NEG, self); }
static obj_t nd_pos(obj_t self) { return rt_unary_op(UNARY_OP_POS, self); }
static obj_t nd_abs(obj_t self) { return rt_unary_op(UNARY_OP_ABS, self); }
static obj_t nd_invert(obj_t self) { return rt_unary_op(UNARY_OP_INVERT, self); }
static obj_t nd_call(size_t n_args, size_t n_kw, const obj_t *args) {
    return rt_call(args[0], n_args - 1, n_kw, args + 1);
}
static obj_t nd_format(obj_t self, obj_t spec) { return rt_format(self, spec); }

/* list.__init__ / dict.__init__ / set.__init__ for subclasses whose types lack one */
static obj_t nd_init(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t self = args[0];
    obj_t m = OBJ_NULL;
    obj_t dest[2];
    if (!IS_USER(obj_get_type(self))) {
        return OBJ_NONE;
    }
    const type_t *nat = USER(obj_get_type(self))->native;
    if (nat != NULL && nat->locals_dict != NULL) {
        m = map_get_qstr(&nat->locals_dict->map, Q___init__);
    }
    if (m != OBJ_NULL) {
        return rt_call(m, n_args, n_kw, args);
    }
    if (n_args + n_kw > 1 && rt_load_method_maybe(self, obj_isinstance(self, &type_list) ? Q_extend : Q_update, dest)) {
        rt_call(dest[0], n_args, n_kw, args);
    }
    return OBJ_NONE;
}

static obj_t nd_binop(binary_op_t op, obj_t self, obj_t other) {
    const type_t *t = obj_get_type(self);
    obj_t r = t->binary_op ? t->binary_op(op, self, type_native_self(other)) : OBJ_NULL;
    return r == OBJ_NULL ? OBJ_NOT_IMPLEMENTED : r;
}
#define ND_BINOP(name, op) \
    static obj_t nd_##name(obj_t self, obj_t other) { return nd_binop(op, self, other); } \
    static FUN_DEFINE_2(nd_##name##_obj, nd_##name);
ND_BINOP(lt, BINARY_OP_LT)
ND_BINOP(le, BINARY_OP_LE)
ND_BINOP(gt, BINARY_OP_GT)
ND_BINOP(ge, BINARY_OP_GE)
ND_BINOP(eq, BINARY_OP_EQ)
ND_BINOP(ne, BINARY_OP_NE)
ND_BINOP(add, BINARY_OP_ADD)
ND_BINOP(sub, BINARY_OP_SUB)
ND_BINOP(mul, BINARY_OP_MUL)
ND_BINOP(truediv, BINARY_OP_TRUEDIV)
ND_BINOP(floordiv, BINARY_OP_FLOORDIV)
ND_BINOP(mod, BINARY_OP_MOD)
ND_BINOP(pow, BINARY_OP_POW)
ND_BINOP(and, BINARY_OP_AND)
ND_BINOP(or, BINARY_OP_OR)
ND_BINOP(xor, BINARY_OP_XOR)
ND_BINOP(lshift, BINARY_OP_LSHIFT)
ND_BINOP(rshift, BINARY_OP_RSHIFT)
ND_BINOP(radd, BINARY_OP_REVERSE_ADD)
ND_BINOP(rsub, BINARY_OP_REVERSE_SUB)
ND_BINOP(rmul, BINARY_OP_REVERSE_MUL)
ND_BINOP(iadd, BINARY_OP_INPLACE_ADD)
ND_BINOP(imul, BINARY_OP_INPLACE_MUL)

static FUN_DEFINE_2(nd_getitem_obj, nd_getitem);
static FUN_DEFINE_3(nd_setitem_obj, nd_setitem);
static FUN_DEFINE_2(nd_delitem_obj, nd_delitem);
static FUN_DEFINE_1(nd_len_obj, nd_len);
static FUN_DEFINE_2(nd_contains_obj, nd_contains);
static FUN_DEFINE_1(nd_iter_obj, nd_iter);
static FUN_DEFINE_1(nd_next_obj, nd_next);
static FUN_DEFINE_1(nd_repr_obj, nd_repr);
static FUN_DEFINE_1(nd_str_obj, nd_str);
static FUN_DEFINE_1(nd_hash_obj, nd_hash);
static FUN_DEFINE_1(nd_bool_obj, nd_bool);
static FUN_DEFINE_1(nd_index_obj, nd_index);
static FUN_DEFINE_1(nd_float_obj, nd_float);
static FUN_DEFINE_1(nd_neg_obj, nd_neg);
static FUN_DEFINE_1(nd_pos_obj, nd_pos);
static FUN_DEFINE_1(nd_abs_obj, nd_abs);
static FUN_DEFINE_1(nd_invert_obj, nd_invert);
static FUN_DEFINE_KW(nd_call_obj, 1, nd_call);
static FUN_DEFINE_2(nd_format_obj, nd_format);
static FUN_DEFINE_KW(nd_init_obj, 1, nd_init);

static const map_elem_t native_dunders_table[] = {
    { QOBJ(__init__), OBJ_ROM(&nd_init_obj) },
    { QOBJ(__new__), OBJ_ROM(&object_new_obj) },
    { QOBJ(__getitem__), OBJ_ROM(&nd_getitem_obj) },
    { QOBJ(__setitem__), OBJ_ROM(&nd_setitem_obj) },
    { QOBJ(__delitem__), OBJ_ROM(&nd_delitem_obj) },
    { QOBJ(__len__), OBJ_ROM(&nd_len_obj) },
    { QOBJ(__contains__), OBJ_ROM(&nd_contains_obj) },
    { QOBJ(__iter__), OBJ_ROM(&nd_iter_obj) },
    { QOBJ(__next__), OBJ_ROM(&nd_next_obj) },
    { QOBJ(__repr__), OBJ_ROM(&nd_repr_obj) },
    { QOBJ(__str__), OBJ_ROM(&nd_str_obj) },
    { QOBJ(__hash__), OBJ_ROM(&nd_hash_obj) },
    { QOBJ(__bool__), OBJ_ROM(&nd_bool_obj) },
    { QOBJ(__index__), OBJ_ROM(&nd_index_obj) },
    { QOBJ(__int__), OBJ_ROM(&nd_index_obj) },
    { QOBJ(__float__), OBJ_ROM(&nd_float_obj) },
    { QOBJ(__neg__), OBJ_ROM(&nd_neg_obj) },
    { QOBJ(__pos__), OBJ_ROM(&nd_pos_obj) },
    { QOBJ(__abs__), OBJ_ROM(&nd_abs_obj) },
    { QOBJ(__invert__), OBJ_ROM(&nd_invert_obj) },
    { QOBJ(__call__), OBJ_ROM(&nd_call_obj) },
    { QOBJ(__format__), OBJ_ROM(&nd_format_obj) },
    { QOBJ(__lt__), OBJ_ROM(&nd_lt_obj) },
    { QOBJ(__le__), OBJ_ROM(&nd_le_obj) },
    { QOBJ(__gt__), OBJ_ROM(&nd_gt_obj) },
    { QOBJ(__ge__), OBJ_ROM(&nd_ge_obj) },
    { QOBJ(__eq__), OBJ_ROM(&nd_eq_obj) },
    { QOBJ(__ne__), OBJ_ROM(&nd_ne_obj) },
    { QOBJ(__add__), OBJ_ROM(&nd_add_obj) },
    { QOBJ(__sub__), OBJ_ROM(&nd_sub_obj) },
    { QOBJ(__mul__), OBJ_ROM(&nd_mul_obj) },
    { QOBJ(__truediv__), OBJ_ROM(&nd_truediv_obj) },
    { QOBJ(__floordiv__), OBJ_ROM(&nd_floordiv_obj) },
    { QOBJ(__mod__), OBJ_ROM(&nd_mod_obj) },
    { QOBJ(__pow__), OBJ_ROM(&nd_pow_obj) },
    { QOBJ(__and__), OBJ_ROM(&nd_and_obj) },
    { QOBJ(__or__), OBJ_ROM(&nd_or_obj) },
    { QOBJ(__xor__), OBJ_ROM(&nd_xor_obj) },
    { QOBJ(__lshift__), OBJ_ROM(&nd_lshift_obj) },
    { QOBJ(__rshift__), OBJ_ROM(&nd_rshift_obj) },
    { QOBJ(__radd__), OBJ_ROM(&nd_radd_obj) },
    { QOBJ(__rsub__), OBJ_ROM(&nd_rsub_obj) },
    { QOBJ(__rmul__), OBJ_ROM(&nd_rmul_obj) },
    { QOBJ(__iadd__), OBJ_ROM(&nd_iadd_obj) },
    { QOBJ(__imul__), OBJ_ROM(&nd_imul_obj) },
};
static const DICT_ROM(native_dunders_dict, native_dunders_table);

/* ------------------------------------------------------------------ super */

typedef struct {
    obj_base_t base;
    const type_t *type;
    obj_t obj;
} super_t;

static obj_t super_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    if (n_args == 0) {
        rt_raise_msg(&type_RuntimeError, "super(): no arguments");
    }
    if (n_args != 2 || n_kw != 0) {
        rt_raise_type_error("super() takes 2 arguments");
    }
    if (!obj_isinstance(args[0], &type_type)) {
        rt_raise_type_error("super() argument 1 must be a type, not %q", obj_type_name(args[0]));
    }
    obj_t o = args[1];
    if (!obj_isinstance(o, args[0]) && !(obj_isinstance(o, &type_type) && obj_is_subclass(o, args[0]))) {
        rt_raise_type_error("super(type, obj): obj must be an instance or subtype of type");
    }
    super_t *s = m_new_obj(super_t);
    s->base.type = &type_super;
    s->type = args[0];
    s->obj = o;
    return s;
}

static void super_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] != OBJ_NULL) {
        return;
    }
    super_t *s = self;
    bool obj_is_class = obj_isinstance(s->obj, &type_type) && obj_is_subclass(s->obj, s->type);
    const type_t *start = obj_is_class ? (const type_t *)s->obj : obj_get_type(s->obj);
    obj_t buf[16], *mro;
    size_t n, i = 0;
    type_get_mro(start, &n, &mro, buf, 16);
    while (i < n && mro[i] != OBJ_ROM(s->type)) {
        i++;
    }
    for (i++; i < n; i++) {
        obj_t v = lookup_in(mro[i], attr);
        if (v == OBJ_NULL) {
            continue;
        }
        if (!obj_is_class) {
            type_bind(s->obj, v, mro[i], dest, attr);
        } else if (obj_is_type(v, &type_classmethod)) {
            dest[0] = ((static_class_method_t *)v)->fun;
            dest[1] = s->obj;
        } else if (obj_is_type(v, &type_staticmethod)) {
            dest[0] = ((static_class_method_t *)v)->fun;
        } else {
            dest[0] = v;
        }
        return;
    }
    if (attr == Q___thisclass__) {
        dest[0] = OBJ_ROM(s->type);
    } else if (attr == Q___self__) {
        dest[0] = s->obj;
    }
}

static void super_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    super_t *s = self;
    print_fmt(p, "<super: <class '%q'>, <%q object>>", s->type->name, obj_type_name(s->obj));
}

const type_t type_super = {
    { &type_type }, 0, Q_super, super_print, super_make_new, NULL, NULL, NULL, super_attr,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};

/* ------------------------------------------------------------------ property */

static obj_t property_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_fget, 0, OBJ_NONE }, { Q_fset, 0, OBJ_NONE }, { Q_fdel, 0, OBJ_NONE }, { Q_doc, 0, OBJ_NONE },
    };
    property_t *p = m_new_obj(property_t);
    arg_parse(n_args, n_kw, args, spec, 4, &p->fget, "property");
    p->base.type = type;
    return p;
}

static obj_t property_copy(obj_t self, int which, obj_t f) {
    property_t *p = m_new_obj(property_t);
    *p = *(property_t *)self;
    (&p->fget)[which] = f;
    return p;
}
static obj_t property_getter(obj_t self, obj_t f) { return property_copy(self, 0, f); }
static obj_t property_setter(obj_t self, obj_t f) { return property_copy(self, 1, f); }
static obj_t property_deleter(obj_t self, obj_t f) { return property_copy(self, 2, f); }
static FUN_DEFINE_2(property_getter_obj, property_getter);
static FUN_DEFINE_2(property_setter_obj, property_setter);
static FUN_DEFINE_2(property_deleter_obj, property_deleter);

static obj_t property_get(size_t n_args, const obj_t *args) {
    property_t *p = args[0];
    if (args[1] == OBJ_NONE) {
        return args[0];
    }
    (void)n_args;
    return rt_call1(p->fget, args[1]);
}
static FUN_DEFINE_VAR(property_get_obj, 2, 3, property_get);

static obj_t property_set(obj_t self, obj_t obj, obj_t value) {
    rt_call2(((property_t *)self)->fset, obj, value);
    return OBJ_NONE;
}
static FUN_DEFINE_3(property_set_obj, property_set);

static const map_elem_t property_locals_table[] = {
    { QOBJ(getter), OBJ_ROM(&property_getter_obj) },
    { QOBJ(setter), OBJ_ROM(&property_setter_obj) },
    { QOBJ(deleter), OBJ_ROM(&property_deleter_obj) },
    { QOBJ(__get__), OBJ_ROM(&property_get_obj) },
    { QOBJ(__set__), OBJ_ROM(&property_set_obj) },
};
static DICT_ROM(property_locals_dict, property_locals_table);

static void property_attr(obj_t self, qstr attr, obj_t *dest) {
    property_t *p = self;
    if (dest[0] != OBJ_NULL) {
        return;
    }
    switch (attr) {
        case Q_fget: dest[0] = p->fget; break;
        case Q_fset: dest[0] = p->fset; break;
        case Q_fdel: dest[0] = p->fdel; break;
        case Q___doc__:
            dest[0] = p->doc != OBJ_NONE || p->fget == OBJ_NONE ? p->doc : rt_load_attr_maybe(p->fget, Q___doc__);
            break;
        default: break;
    }
}

const type_t type_property = {
    { &type_type }, TYPE_FLAG_BASETYPE, Q_property, NULL, property_make_new, NULL, NULL, NULL, property_attr,
    NULL, NULL, NULL, NULL, (dict_t *)&property_locals_dict, NULL, NULL,
};

/* ------------------------------------------------------------------ staticmethod, classmethod */

static obj_t scm_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 1, 1, false);
    static_class_method_t *m = m_new_obj(static_class_method_t);
    m->base.type = type;
    m->fun = args[0];
    return m;
}

static void scm_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] == OBJ_NULL && (attr == Q___func__ || attr == Q___wrapped__)) {
        dest[0] = ((static_class_method_t *)self)->fun;
    } else if (dest[0] == OBJ_NULL && attr != Q___class__) {
        obj_t v = rt_load_attr_maybe(((static_class_method_t *)self)->fun, attr);
        if (v != OBJ_NULL && (attr == Q___name__ || attr == Q___qualname__ || attr == Q___doc__)) {
            dest[0] = v;
        }
    }
}

static obj_t staticmethod_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    return rt_call(((static_class_method_t *)self)->fun, n_args, n_kw, args);
}

const type_t type_staticmethod = {
    { &type_type }, TYPE_FLAG_BASETYPE, Q_staticmethod, NULL, scm_make_new, staticmethod_call, NULL, NULL,
    scm_attr, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};

const type_t type_classmethod = {
    { &type_type }, TYPE_FLAG_BASETYPE, Q_classmethod, NULL, scm_make_new, NULL, NULL, NULL,
    scm_attr, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};

/* ------------------------------------------------------------------ bound methods */

obj_t obj_new_bound_meth(obj_t fun, obj_t self) {
    bound_meth_t *m = m_new_obj(bound_meth_t);
    m->base.type = &type_bound_meth;
    m->fun = fun;
    m->self = self;
    return m;
}

static obj_t bound_meth_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    bound_meth_t *m = self;
    return rt_call_self(m->fun, m->self, n_args, n_kw, args);
}

/* Built-in functions carry no name: find the method's key in the classes of its self. */
static obj_t builtin_method_name(bound_meth_t *m) {
    obj_t buf[16], *mro;
    size_t n;
    type_get_mro(obj_get_type(m->self), &n, &mro, buf, 16);
    for (size_t i = 0; i < n; i++) {
        const dict_t *d = ((const type_t *)mro[i])->locals_dict;
        size_t j = 0;
        map_elem_t *e;
        while (d != NULL && (e = map_next(&d->map, &j)) != NULL) {
            if (e->value == m->fun) {
                return e->key;
            }
        }
    }
    return OBJ_NULL;
}

static void bound_meth_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    bound_meth_t *m = self;
    obj_t name = is_function(m->fun) && !obj_is_type(m->fun, &type_function) ? builtin_method_name(m)
                                                                             : OBJ_NULL;
    if (name == OBJ_NULL) {
        name = rt_load_attr_maybe(m->fun, Q___qualname__);
    }
    if (obj_is_type(m->fun, &type_function)) {
        print_fmt(p, "<bound method %S of %r>", name ? name : QOBJ(method), m->self);
    } else {
        print_fmt(p, "<built-in method %S of %q object at 0x%lx>", name ? name : QOBJ(method),
                  obj_type_name(m->self), (unsigned long)(uintptr_t)m->self);
    }
}

static void bound_meth_attr(obj_t self, qstr attr, obj_t *dest) {
    bound_meth_t *m = self;
    if (dest[0] != OBJ_NULL) {
        return;
    }
    if (attr == Q___self__) {
        dest[0] = m->self;
    } else if (attr == Q___func__) {
        dest[0] = m->fun;
    } else if ((attr == Q___name__ || attr == Q___qualname__) && !obj_is_type(m->fun, &type_function)
               && (dest[0] = builtin_method_name(m)) != OBJ_NULL) {
        return;
    } else if (attr != Q___class__) {
        dest[0] = rt_load_attr_maybe(m->fun, attr);
    }
}

static obj_t bound_meth_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    if ((op != BINARY_OP_EQ && op != BINARY_OP_NE) || !obj_is_type(rhs, &type_bound_meth)) {
        return OBJ_NULL;
    }
    bound_meth_t *a = lhs, *b = rhs;
    bool eq = a->self == b->self && obj_equal(a->fun, b->fun);
    return OBJ_BOOL(eq == (op == BINARY_OP_EQ));
}

static obj_t bound_meth_unary_op(unary_op_t op, obj_t self) {
    if (op != UNARY_OP_HASH) {
        return OBJ_NULL;
    }
    bound_meth_t *m = self;
    return OBJ_NEW_SMALL_INT((small_int_t)(((uintptr_t)m->self ^ (uintptr_t)m->fun) >> 4));
}

const type_t type_bound_meth = {
    { &type_type }, 0, Q_method, bound_meth_print, NULL, bound_meth_call, bound_meth_unary_op,
    bound_meth_binary_op, bound_meth_attr, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};
