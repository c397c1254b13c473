/* objcell.c: cells, the boxes that closures share a variable through (MAKE_CELL, LOAD_DEREF). */
#include "runtime.h"
#include "gc.h"

obj_t obj_new_cell(obj_t value) {
    cell_t *c = m_new_obj(cell_t);
    c->base.type = &type_cell;
    c->value = value;
    return c;
}

static void cell_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    obj_t v = ((cell_t *)OBJ_TO_PTR(self))->value;
    if (v == OBJ_NULL) {
        print_fmt(p, "<cell at %p: empty>", self);
    } else {
        print_fmt(p, "<cell at %p: %q object at %p>", self, obj_type_name(v), v);
    }
}

static void cell_attr(obj_t self, qstr attr, obj_t *dest) {
    cell_t *c = OBJ_TO_PTR(self);
    if (attr != Q_cell_contents) {
        return;
    }
    if (dest[0] == OBJ_NULL) {
        if (c->value == OBJ_NULL) {
            rt_raise_value_error("Cell is empty");
        }
        dest[0] = c->value;
    } else {
        c->value = dest[1];
        dest[0] = OBJ_NULL;
    }
}

const type_t type_cell = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_cell,
    .print = cell_print,
    .attr = cell_attr,
};
