/* objsingleton.c: None, True/False (bool, a subclass of int), Ellipsis and NotImplemented. */
#include "runtime.h"

const obj_none_t obj_none_obj = { { &type_none } };
const obj_bool_t obj_false_obj = { { &type_bool }, false };
const obj_bool_t obj_true_obj = { { &type_bool }, true };
const obj_base_t obj_ellipsis_obj = { &type_ellipsis };
const obj_base_t obj_not_implemented_obj = { &type_not_implemented };

/* Singletons hash by identity, like CPython's default object hash. */
static obj_t identity_hash(obj_t self) {
    return OBJ_NEW_SMALL_INT((small_int_t)((uintptr_t)self >> 3));
}

/* ---- None ---- */

static void none_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)self;
    (void)kind;
    print_str(p, "None");
}

static obj_t none_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    (void)args;
    if (n_args != 0 || n_kw != 0) {
        rt_raise_type_error("NoneType takes no arguments");
    }
    return OBJ_NONE;
}

static obj_t none_unary_op(unary_op_t op, obj_t self) {
    switch (op) {
        case UNARY_OP_BOOL: return OBJ_FALSE;
        case UNARY_OP_HASH: return identity_hash(self);
        default: return OBJ_NULL;
    }
}

const type_t type_none = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_NoneType,
    .print = none_print,
    .make_new = none_make_new,
    .unary_op = none_unary_op,
};

/* ---- bool ---- */

static inline bool bool_value(obj_t o) {
    return ((const obj_bool_t *)o)->value;
}

static void bool_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    print_str(p, bool_value(self) ? "True" : "False");
}

static obj_t bool_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    if (n_kw != 0) {
        rt_raise_type_error("bool() takes no keyword arguments");
    }
    if (n_args > 1) {
        rt_raise_type_error("bool expected at most 1 argument, got %d", (int)n_args);
    }
    return OBJ_BOOL(n_args == 1 && obj_is_true(args[0]));
}

/* Everything but truth and hashing is int arithmetic on 0 or 1. */
static obj_t bool_unary_op(unary_op_t op, obj_t self) {
    switch (op) {
        case UNARY_OP_BOOL: return self;
        case UNARY_OP_HASH: return OBJ_NEW_SMALL_INT(bool_value(self));
        default: return rt_unary_op(op, OBJ_NEW_SMALL_INT(bool_value(self)));
    }
}

static obj_t bool_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    if (obj_is_type(rhs, &type_bool)) {
        bool a = bool_value(lhs), b = bool_value(rhs);
        switch (op) {
            case BINARY_OP_AND: case BINARY_OP_INPLACE_AND: case BINARY_OP_REVERSE_AND:
                return OBJ_BOOL(a & b);
            case BINARY_OP_OR: case BINARY_OP_INPLACE_OR: case BINARY_OP_REVERSE_OR:
                return OBJ_BOOL(a | b);
            case BINARY_OP_XOR: case BINARY_OP_INPLACE_XOR: case BINARY_OP_REVERSE_XOR:
                return OBJ_BOOL(a ^ b);
            default:
                break;
        }
    }
    return type_int.binary_op(op, OBJ_NEW_SMALL_INT(bool_value(lhs)), rhs);
}

const type_t type_bool = {
    .base = { &type_type },
    .flags = 0,
    .name = Q_bool,
    .print = bool_print,
    .make_new = bool_make_new,
    .unary_op = bool_unary_op,
    .binary_op = bool_binary_op,
    .parent = &type_int,
};

/* ---- Ellipsis and NotImplemented ---- */

static void ellipsis_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    print_str(p, self == OBJ_ELLIPSIS ? "Ellipsis" : "NotImplemented");
}

static obj_t singleton_unary_op(unary_op_t op, obj_t self) {
    switch (op) {
        case UNARY_OP_BOOL: return OBJ_TRUE;
        case UNARY_OP_HASH: return identity_hash(self);
        default: return OBJ_NULL;
    }
}

static obj_t ellipsis_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)args;
    if (n_args != 0 || n_kw != 0) {
        rt_raise_type_error("%q takes no arguments", type->name);
    }
    return type == &type_ellipsis ? OBJ_ELLIPSIS : OBJ_NOT_IMPLEMENTED;
}

const type_t type_ellipsis = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_ellipsis,
    .print = ellipsis_print,
    .make_new = ellipsis_make_new,
    .unary_op = singleton_unary_op,
};

const type_t type_not_implemented = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_NotImplementedType,
    .print = ellipsis_print,
    .make_new = ellipsis_make_new,
    .unary_op = singleton_unary_op,
};
