/* objcode.c: code objects as Python values (type_code): the repr and the co_* attributes that
 * introspection uses.  The structure itself is code.h's; the compiler builds it. */
#include "code.h"
#include "runtime.h"

static void code_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    const code_t *c = OBJ_TO_PTR(self);
    print_fmt(p, "<code object %q at %p, file \"%q\", line %u>", c->name, self, c->filename,
        (unsigned)c->first_line);
}

static obj_t qstr_tuple(const qstr *names, size_t n) {
    obj_t t = obj_new_tuple(n, NULL);
    size_t len;
    obj_t *items;
    obj_tuple_get(t, &len, &items);
    for (size_t i = 0; i < n; i++) {
        items[i] = OBJ_NEW_QSTR(names[i]);
    }
    return t;
}

/* CPython's co_flags bits for ours. */
static obj_t cpython_flags(const code_t *c) {
    unsigned f = (c->flags & (CODE_FLAG_MODULE | CODE_FLAG_CLASS_BODY)) ? 0 : 0x3;
    f |= (c->flags & CODE_FLAG_VARARGS) ? 0x04 : 0;
    f |= (c->flags & CODE_FLAG_VARKW) ? 0x08 : 0;
    f |= c->n_free ? 0 : 0x40;
    f |= (c->flags & CODE_FLAG_GENERATOR) ? 0x20 : 0;
    f |= (c->flags & CODE_FLAG_COROUTINE) ? 0x80 : 0;
    f |= (c->flags & CODE_FLAG_ASYNC_GEN) ? 0x200 : 0;
    return OBJ_NEW_SMALL_INT(f);
}

static obj_t code_attr_value(const code_t *c, qstr attr) {
    switch (attr) {
        case Q_co_name: case Q_co_qualname: return OBJ_NEW_QSTR(c->name);
        case Q_co_filename: return OBJ_NEW_QSTR(c->filename);
        case Q_co_firstlineno: return OBJ_NEW_SMALL_INT(c->first_line);
        case Q_co_argcount: return OBJ_NEW_SMALL_INT(c->n_pos_args);
        case Q_co_posonlyargcount: return OBJ_NEW_SMALL_INT(c->n_posonly_args);
        case Q_co_kwonlyargcount: return OBJ_NEW_SMALL_INT(c->n_kwonly_args);
        case Q_co_nlocals: return OBJ_NEW_SMALL_INT(c->n_locals - c->n_free);
        case Q_co_stacksize: return OBJ_NEW_SMALL_INT(c->n_stack);
        case Q_co_flags: return cpython_flags(c);
        case Q_co_varnames: return qstr_tuple(c->varnames, c->n_locals - c->n_free);
        case Q_co_freevars: return qstr_tuple(c->varnames + c->n_locals - c->n_free, c->n_free);
        case Q_co_names: return qstr_tuple(c->names, c->n_names);
        case Q_co_consts: return obj_new_tuple(c->n_consts, c->consts);
        case Q_co_code: return obj_new_bytes(c->bytecode, c->bc_len);
        default: return OBJ_NULL;
    }
}

static void code_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] == OBJ_NULL) {
        dest[0] = code_attr_value(OBJ_TO_PTR(self), attr);
    }
}

const type_t type_code = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_code,
    .print = code_print,
    .attr = code_attr,
};
