/* objmodule.c: module objects: attribute access on the module's globals dict (with a module-level
 * __getattr__ as in PEP 562), their repr, and obj_new_module. */
#include "gc.h"
#include "runtime.h"

static void module_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    const map_t *globals = &((module_t *)self)->globals->map;
    obj_t name = map_get_qstr(globals, Q___name__);
    obj_t file = map_get_qstr(globals, Q___file__);
    if (file != OBJ_NULL) {
        print_fmt(p, "<module %r from %r>", name, file);
    } else if (OBJ_IS_QSTR(name) && (name == QOBJ(builtins) || rt_builtin_module(OBJ_QSTR_VALUE(name)) != OBJ_NULL)) {
        print_fmt(p, "<module %r (built-in)>", name);
    } else {
        print_fmt(p, "<module %r>", name);
    }
}

static void module_attr(obj_t self, qstr attr, obj_t *dest) {
    dict_t *globals = ((module_t *)self)->globals;
    if (dest[0] == OBJ_NULL) {
        obj_t v = map_get_qstr(&globals->map, attr);
        if (v == OBJ_NULL && attr == Q___dict__) {
            v = OBJ_FROM_PTR(globals);
        } else if (v == OBJ_NULL) {
            obj_t getattr = map_get_qstr(&globals->map, Q___getattr__);
            if (getattr != OBJ_NULL) {
                v = rt_call1(getattr, OBJ_NEW_QSTR(attr));
            }
        }
        dest[0] = v;
        return;
    }
    if (dest[1] == OBJ_NULL) {
        if (map_lookup(&globals->map, OBJ_NEW_QSTR(attr), MAP_LOOKUP_REMOVE_IF_FOUND) != NULL) {
            dest[0] = OBJ_NULL;
        }
    } else {
        map_lookup(&globals->map, OBJ_NEW_QSTR(attr), MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = dest[1];
        dest[0] = OBJ_NULL;
    }
}

const type_t type_module = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_module,
    .print = module_print,
    .attr = module_attr,
};

obj_t obj_new_module(qstr name) {
    module_t *m = m_new_obj(module_t);
    m->base.type = &type_module;
    m->globals = OBJ_TO_PTR(obj_new_dict(4));
    map_lookup(&m->globals->map, QOBJ(__name__), MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = OBJ_NEW_QSTR(name);
    return OBJ_FROM_PTR(m);
}
