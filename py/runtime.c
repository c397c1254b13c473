/* runtime.c: the generic operations of the object model.  Operators (with small-int and interned
 * string fast paths and CPython's reflected-operand rules), calls, attribute lookup, subscripts,
 * iteration, raising exceptions from C, and the few queries (truth, equality, hash, len, print)
 * that every other file builds on.  Types supply behaviour through their slots; this file decides
 * the order slots are tried in and produces CPython's error messages when none applies. */
#include "errcodes.h"
#include <string.h>
#include "runtime.h"
#include "gc.h"
#include "objtype.h"
#include "port.h"

/* ------------------------------------------------------------------ type queries */

const type_t *obj_get_type(obj_t o) {
    if (OBJ_IS_SMALL_INT(o)) {
        return &type_int;
    }
    if (OBJ_IS_QSTR(o)) {
        return &type_str;
    }
    return ((obj_base_t *)o)->type;
}

bool obj_is_subclass(const type_t *t, const type_t *base) {
    for (;;) {
        if (t == base || base == &type_object) {
            return true;
        }
        if (t->flags & TYPE_FLAG_USER) {
            const type_user_t *u = (const type_user_t *)t;
            size_t n;
            obj_t *items;
            obj_tuple_get(u->mro, &n, &items);
            for (size_t i = 1; i < n; i++) {
                if (items[i] == OBJ_ROM(base)) {
                    return true;
                }
            }
            return false;
        }
        if (t->parent == NULL) {
            return false;
        }
        if (t->flags & TYPE_FLAG_MULTI_BASE) {
            size_t n;
            obj_t *items;
            obj_tuple_get((obj_t)(uintptr_t)t->parent, &n, &items);
            for (size_t i = 0; i < n; i++) {
                if (obj_is_subclass(items[i], base)) {
                    return true;
                }
            }
            return false;
        }
        t = t->parent;
    }
}

bool obj_isinstance(obj_t o, const type_t *t) {
    return obj_is_subclass(obj_get_type(o), t);
}

qstr obj_type_name(obj_t o) {
    return obj_get_type(o)->name;
}

bool obj_is_str_or_subclass(obj_t o) {
    if (obj_is_str(o)) {
        return true;
    }
    const type_t *t = obj_get_type(o);
    return (t->flags & TYPE_FLAG_USER) && ((const type_user_t *)t)->native == &type_str;
}

/* ------------------------------------------------------------------ truth, equality, hash, len */

bool obj_is_true(obj_t o) {
    if (o == OBJ_FALSE || o == OBJ_NONE) {
        return false;
    }
    if (o == OBJ_TRUE) {
        return true;
    }
    if (OBJ_IS_SMALL_INT(o)) {
        return OBJ_SMALL_INT_VALUE(o) != 0;
    }
    if (OBJ_IS_QSTR(o)) {
        return qstr_len(OBJ_QSTR_VALUE(o)) != 0;
    }
    const type_t *t = obj_get_type(o);
    if (t->unary_op) {
        obj_t r = t->unary_op(UNARY_OP_BOOL, o);
        if (r != OBJ_NULL) {
            return r == OBJ_TRUE;
        }
        r = t->unary_op(UNARY_OP_LEN, o);
        if (r != OBJ_NULL) {
            return r != OBJ_NEW_SMALL_INT(0);
        }
    }
    return true;
}

bool obj_equal(obj_t a, obj_t b) {
    if (a == b) {
        return true;
    }
    if ((OBJ_IS_SMALL_INT(a) || OBJ_IS_QSTR(a)) && (OBJ_IS_SMALL_INT(b) || OBJ_IS_QSTR(b))) {
        return false;
    }
    obj_t r = rt_binary_op(BINARY_OP_EQ, a, b);
    return r == OBJ_TRUE || (r != OBJ_FALSE && obj_is_true(r));
}

static obj_t id_hash(obj_t o) {
    return OBJ_NEW_SMALL_INT((small_int_t)((uintptr_t)o >> 4));
}

obj_t obj_hash(obj_t o) {
    if (OBJ_IS_SMALL_INT(o)) {
        return OBJ_NEW_SMALL_INT(small_int_hash(OBJ_SMALL_INT_VALUE(o)));
    }
    if (OBJ_IS_QSTR(o)) {
        return OBJ_NEW_SMALL_INT(qstr_hash(OBJ_QSTR_VALUE(o)));
    }
    const type_t *t = obj_get_type(o);
    if (t->unary_op) {
        obj_t r = t->unary_op(UNARY_OP_HASH, o);
        if (r != OBJ_NULL) {
            return r;
        }
    }
    if (t->binary_op == NULL || (t->flags & TYPE_FLAG_EQ_BY_IDENTITY)) {
        return id_hash(o);
    }
    rt_raise_type_error("unhashable type: '%q'", t->name);
}

obj_t obj_len_maybe(obj_t o) {
    const type_t *t = obj_get_type(o);
    if (t->unary_op == NULL) {
        return OBJ_NULL;
    }
    return t->unary_op(UNARY_OP_LEN, o);
}

size_t obj_len(obj_t o) {
    obj_t n = obj_len_maybe(o);
    if (n == OBJ_NULL) {
        rt_raise_type_error("object of type '%q' has no len()", obj_type_name(o));
    }
    return (size_t)OBJ_SMALL_INT_VALUE(n);
}

/* ------------------------------------------------------------------ printing */

void obj_print(const print_t *p, obj_t o, print_kind_t kind) {
    if (OBJ_IS_SMALL_INT(o)) {
        print_fmt(p, "%ld", (long)OBJ_SMALL_INT_VALUE(o));
        return;
    }
    if (OBJ_IS_QSTR(o) && kind == PRINT_STR) {
        size_t len;
        const char *s = qstr_data(OBJ_QSTR_VALUE(o), &len);
        print_strn(p, s, len);
        return;
    }
    stack_check();
    const type_t *t = obj_get_type(o);
    if (t->print) {
        t->print(p, o, kind);
    } else {
        print_fmt(p, "<%q object at 0x%lx>", t->name, (unsigned long)(uintptr_t)o);
    }
}

static obj_t print_to_str(obj_t o, print_kind_t kind) {
    vstr_t vs;
    print_t p;
    vstr_init(&vs, 16);
    print_vstr_init(&p, &vs);
    obj_print(&p, o, kind);
    return obj_new_str_from_vstr(&vs);
}

obj_t obj_repr(obj_t o) {
    return print_to_str(o, PRINT_REPR);
}

obj_t obj_str(obj_t o) {
    if (obj_is_str(o)) {
        return o;
    }
    return print_to_str(o, PRINT_STR);
}

/* ------------------------------------------------------------------ operators */

obj_t rt_unary_op(unary_op_t op, obj_t arg) {
    if (op == UNARY_OP_NOT) {
        return OBJ_BOOL(!obj_is_true(arg));
    }
    if (op == UNARY_OP_BOOL) {
        return OBJ_BOOL(obj_is_true(arg));
    }
    if (op == UNARY_OP_HASH) {
        return obj_hash(arg);
    }
    if (op == UNARY_OP_LEN) {
        return OBJ_NEW_SMALL_INT(obj_len(arg));
    }
    if (OBJ_IS_SMALL_INT(arg)) {
        small_int_t v = OBJ_SMALL_INT_VALUE(arg);
        switch (op) {
            case UNARY_OP_POS: case UNARY_OP_INT: return arg;
            case UNARY_OP_NEG: return obj_new_int(-v);
            case UNARY_OP_INVERT: return OBJ_NEW_SMALL_INT(~v);
            case UNARY_OP_ABS: return obj_new_int(v < 0 ? -v : v);
            default: break;
        }
    }
    const type_t *t = obj_get_type(arg);
    if (t->unary_op) {
        obj_t r = t->unary_op(op, arg);
        if (r != OBJ_NULL) {
            return r;
        }
    }
    switch (op) {
        case UNARY_OP_POS: rt_raise_type_error("bad operand type for unary +: '%q'", t->name);
        case UNARY_OP_NEG: rt_raise_type_error("bad operand type for unary -: '%q'", t->name);
        case UNARY_OP_INVERT: rt_raise_type_error("bad operand type for unary ~: '%q'", t->name);
        case UNARY_OP_ABS: rt_raise_type_error("bad operand type for abs(): '%q'", t->name);
        case UNARY_OP_INT:
            rt_raise_type_error("int() argument must be a string, a bytes-like object or a real number, not '%q'",
                                t->name);
        default:
            rt_raise_type_error("float() argument must be a string or a real number, not '%q'", t->name);
    }
}

static obj_t small_int_pow(small_int_t base, small_int_t exp) {
    small_int_t r = 1;
    while (exp > 0) {
        if ((exp & 1) && __builtin_mul_overflow(r, base, &r)) {
            return OBJ_NULL;
        }
        exp >>= 1;
        if (exp > 0 && __builtin_mul_overflow(base, base, &base)) {
            return OBJ_NULL;
        }
    }
    return obj_new_int(r);
}

/* Both operands small ints: the result, or OBJ_NULL to let the int type (bignums, floats) decide. */
static obj_t small_int_binary_op(binary_op_t op, small_int_t a, small_int_t b) {
    small_int_t r;
    switch (op) {
        case BINARY_OP_LT: return OBJ_BOOL(a < b);
        case BINARY_OP_GT: return OBJ_BOOL(a > b);
        case BINARY_OP_EQ: return OBJ_BOOL(a == b);
        case BINARY_OP_LE: return OBJ_BOOL(a <= b);
        case BINARY_OP_GE: return OBJ_BOOL(a >= b);
        case BINARY_OP_NE: return OBJ_BOOL(a != b);
        case BINARY_OP_OR: return OBJ_NEW_SMALL_INT(a | b);
        case BINARY_OP_XOR: return OBJ_NEW_SMALL_INT(a ^ b);
        case BINARY_OP_AND: return OBJ_NEW_SMALL_INT(a & b);
        case BINARY_OP_ADD: return obj_new_int(a + b);
        case BINARY_OP_SUB: return obj_new_int(a - b);
        case BINARY_OP_MUL:
            return __builtin_mul_overflow(a, b, &r) ? OBJ_NULL : obj_new_int(r);
        case BINARY_OP_FLOORDIV:
            if (b == 0) {
                rt_raise_zero_division("integer division or modulo by zero");
            }
            r = a / b;
            if ((a % b != 0) && ((a < 0) != (b < 0))) {
                r--;
            }
            return obj_new_int(r);
        case BINARY_OP_MOD:
            if (b == 0) {
                rt_raise_zero_division("integer modulo by zero");
            }
            r = a % b;
            if (r != 0 && ((r < 0) != (b < 0))) {
                r += b;
            }
            return OBJ_NEW_SMALL_INT(r);
        case BINARY_OP_LSHIFT:
            if (b < 0) {
                rt_raise_value_error("negative shift count");
            }
            if (b < (small_int_t)(sizeof(small_int_t) * 8 - 2)) {
                r = (small_int_t)((uintptr_t)a << b);
                if ((r >> b) == a && SMALL_INT_FITS(r)) {
                    return OBJ_NEW_SMALL_INT(r);
                }
            }
            return a == 0 ? OBJ_NEW_SMALL_INT(0) : OBJ_NULL;
        case BINARY_OP_RSHIFT:
            if (b < 0) {
                rt_raise_value_error("negative shift count");
            }
            if (b >= (small_int_t)(sizeof(small_int_t) * 8)) {
                return OBJ_NEW_SMALL_INT(a < 0 ? -1 : 0);
            }
            return OBJ_NEW_SMALL_INT(a >> b);
        case BINARY_OP_POW:
            return b >= 0 ? small_int_pow(a, b) : OBJ_NULL;
        default:
            return OBJ_NULL;
    }
}

static const char *const arith_op_names[] = {
    "|", "^", "&", "<<", ">>", "+", "-", "*", "@", "//", "/", "%", "**",
};
static const char *const compare_op_names[] = { "<", ">", "==", "<=", ">=", "!=" };

void rt_raise_unsupported_binop(binary_op_t op, obj_t lhs, obj_t rhs) {
    qstr ln = obj_type_name(lhs), rn = obj_type_name(rhs);
    if (op <= BINARY_OP_NE) {
        rt_raise_type_error("'%s' not supported between instances of '%q' and '%q'",
                            compare_op_names[op], ln, rn);
    }
    if (op == BINARY_OP_DIVMOD) {
        rt_raise_type_error("unsupported operand type(s) for divmod(): '%q' and '%q'", ln, rn);
    }
    const char *eq = "";
    if (op >= BINARY_OP_REVERSE_OR && op <= BINARY_OP_REVERSE_POW) {
        op = (binary_op_t)(op - BINARY_OP_REVERSE_OR + BINARY_OP_OR);
    } else if (op >= BINARY_OP_INPLACE_OR && op <= BINARY_OP_INPLACE_POW) {
        op = (binary_op_t)(op - BINARY_OP_INPLACE_OR + BINARY_OP_OR);
        eq = "=";
    }
    if (op >= BINARY_OP_OR && op <= BINARY_OP_POW) {
        const char *name = arith_op_names[op - BINARY_OP_OR];
        if (op == BINARY_OP_POW && !*eq) {
            name = "** or pow()";
        }
        rt_raise_type_error("unsupported operand type(s) for %s%s: '%q' and '%q'", name, eq, ln, rn);
    }
    rt_raise_type_error("unsupported operand types: '%q' and '%q'", ln, rn);
}

/* The operator the right operand's type is asked for: __radd__ for +, __gt__ for <. */
static binary_op_t reflected_op(binary_op_t op) {
    static const uint8_t swapped[] = {
        BINARY_OP_GT, BINARY_OP_LT, BINARY_OP_EQ, BINARY_OP_GE, BINARY_OP_LE, BINARY_OP_NE,
    };
    if (op <= BINARY_OP_NE) {
        return (binary_op_t)swapped[op];
    }
    if (op >= BINARY_OP_OR && op <= BINARY_OP_POW) {
        return BINARY_OP_REVERSE(op);
    }
    return BINARY_OP_NUM;
}

static inline obj_t slot_result(obj_t r) {
    return r == OBJ_NOT_IMPLEMENTED ? OBJ_NULL : r;
}

/* Tries type(lhs) then type(rhs) reflected (rhs first when it is a subclass that overrides);
 * OBJ_NULL when neither supports the operation. */
static obj_t binary_op_dispatch(binary_op_t op, obj_t lhs, obj_t rhs) {
    const type_t *lt = obj_get_type(lhs), *rtype = obj_get_type(rhs);
    binary_op_t rop = reflected_op(op);
    bool try_reflected = rop != BINARY_OP_NUM && rtype->binary_op != NULL
                         && (rtype != lt || op <= BINARY_OP_NE);
    obj_t r;
    if (try_reflected && rtype != lt && (rtype->flags & TYPE_FLAG_USER) && obj_is_subclass(rtype, lt)) {
        r = slot_result(rtype->binary_op(rop, rhs, lhs));
        if (r != OBJ_NULL) {
            return r;
        }
        try_reflected = false;
    }
    if (lt->binary_op) {
        r = slot_result(lt->binary_op(op, lhs, rhs));
        if (r != OBJ_NULL) {
            return r;
        }
    }
    if (try_reflected) {
        return slot_result(rtype->binary_op(rop, rhs, lhs));
    }
    return OBJ_NULL;
}

/* An instance of a user class with __index__, as the int it stands for (else OBJ_NULL). */
static obj_t user_index(obj_t o) {
    obj_t dest[2];
    if (!(obj_get_type(o)->flags & TYPE_FLAG_USER) || !rt_load_method_maybe(o, Q___index__, dest)) {
        return OBJ_NULL;
    }
    return int_index(o);
}

/* seq * n once the slots declined: CPython repeats a built-in sequence by any object with __index__
 * (after the operands' own __mul__/__rmul__ had their chance). */
static obj_t repeat_by_index(obj_t lhs, obj_t rhs) {
    const type_t *lt = obj_get_type(lhs), *rtype = obj_get_type(rhs);
    obj_t n;
    if (!(lt->flags & TYPE_FLAG_USER) && lt->subscr != NULL && lt->binary_op != NULL
        && (n = user_index(rhs)) != OBJ_NULL) {
        return slot_result(lt->binary_op(BINARY_OP_MUL, lhs, n));
    }
    if (!(rtype->flags & TYPE_FLAG_USER) && rtype->subscr != NULL && rtype->binary_op != NULL
        && (n = user_index(lhs)) != OBJ_NULL) {
        return slot_result(rtype->binary_op(BINARY_OP_MUL, rhs, n));
    }
    return OBJ_NULL;
}

static bool exc_match(obj_t exc, obj_t cls) {
    if (obj_is_type(cls, &type_tuple)) {
        size_t n;
        obj_t *items;
        obj_tuple_get(cls, &n, &items);
        bool match = false;
        for (size_t i = 0; i < n; i++) {
            match |= exc_match(exc, items[i]);
        }
        return match;
    }
    if (!obj_isinstance(cls, &type_type) || !obj_is_subclass(cls, &type_BaseException)) {
        rt_raise_type_error("catching classes that do not inherit from BaseException is not allowed");
    }
    const type_t *et = obj_isinstance(exc, &type_type) ? (const type_t *)exc : obj_get_type(exc);
    return obj_is_subclass(et, cls);
}

obj_t rt_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    if (OBJ_IS_SMALL_INT(lhs) && OBJ_IS_SMALL_INT(rhs)) {
        binary_op_t o = op;
        if (o >= BINARY_OP_INPLACE_OR && o <= BINARY_OP_INPLACE_POW) {
            o = (binary_op_t)(o - BINARY_OP_INPLACE_OR + BINARY_OP_OR);
        }
        obj_t r = small_int_binary_op(o, OBJ_SMALL_INT_VALUE(lhs), OBJ_SMALL_INT_VALUE(rhs));
        if (r != OBJ_NULL) {
            return r;
        }
    }
    switch (op) {
        case BINARY_OP_IS: return OBJ_BOOL(lhs == rhs);
        case BINARY_OP_IS_NOT: return OBJ_BOOL(lhs != rhs);
        case BINARY_OP_IN: return OBJ_BOOL(rt_contains(rhs, lhs));
        case BINARY_OP_NOT_IN: return OBJ_BOOL(!rt_contains(rhs, lhs));
        case BINARY_OP_EXC_MATCH: return OBJ_BOOL(exc_match(lhs, rhs));
        case BINARY_OP_EQ:
        case BINARY_OP_NE:
            if (OBJ_IS_QSTR(lhs) && OBJ_IS_QSTR(rhs)) {
                return OBJ_BOOL((lhs == rhs) == (op == BINARY_OP_EQ));
            }
            break;
        default:
            break;
    }
    if (op >= BINARY_OP_INPLACE_OR && op <= BINARY_OP_INPLACE_POW) {
        const type_t *lt = obj_get_type(lhs);
        if (lt->binary_op) {
            obj_t r = slot_result(lt->binary_op(op, lhs, rhs));
            if (r != OBJ_NULL) {
                return r;
            }
        }
        obj_t r = binary_op_dispatch((binary_op_t)(op - BINARY_OP_INPLACE_OR + BINARY_OP_OR), lhs, rhs);
        if (r == OBJ_NULL && op == BINARY_OP_INPLACE_MUL) {
            r = repeat_by_index(lhs, rhs);
        }
        if (r == OBJ_NULL) {
            rt_raise_unsupported_binop(op, lhs, rhs);
        }
        return r;
    }
    obj_t r = binary_op_dispatch(op, lhs, rhs);
    if (r != OBJ_NULL) {
        return r;
    }
    if (op == BINARY_OP_EQ) {
        return OBJ_BOOL(lhs == rhs);
    }
    if (op == BINARY_OP_NE) {
        r = binary_op_dispatch(BINARY_OP_EQ, lhs, rhs);
        return OBJ_BOOL(r != OBJ_NULL ? !obj_is_true(r) : lhs != rhs);
    }
    if (op == BINARY_OP_MUL) {
        r = repeat_by_index(lhs, rhs);
        if (r != OBJ_NULL) {
            return r;
        }
    }
    if (op == BINARY_OP_DIVMOD) {
        obj_t q = binary_op_dispatch(BINARY_OP_FLOORDIV, lhs, rhs);
        obj_t m = q != OBJ_NULL ? binary_op_dispatch(BINARY_OP_MOD, lhs, rhs) : OBJ_NULL;
        if (m != OBJ_NULL) {
            obj_t items[2] = { q, m };
            return obj_new_tuple(2, items);
        }
    }
    rt_raise_unsupported_binop(op, lhs, rhs);
}

static bool is_iterable(const type_t *t) {
    return t->getiter != NULL || t->subscr != NULL || (t->flags & TYPE_FLAG_ITER_IS_SELF);
}

bool rt_contains(obj_t container, obj_t item) {
    const type_t *t = obj_get_type(container);
    if (t->binary_op) {
        obj_t r = slot_result(t->binary_op(BINARY_OP_CONTAINS, container, item));
        if (r != OBJ_NULL) {
            return r == OBJ_TRUE || (r != OBJ_FALSE && obj_is_true(r));
        }
    }
    if (!is_iterable(t)) {
        rt_raise_type_error("argument of type '%q' is not iterable", t->name);
    }
    obj_t it = rt_getiter(container);
    obj_t x;
    while ((x = rt_iternext(it)) != OBJ_STOP) {
        if (obj_equal(x, item)) {
            return true;
        }
    }
    return false;
}

/* ------------------------------------------------------------------ calls */

obj_t rt_call(obj_t fun, size_t n_args, size_t n_kw, const obj_t *args) {
    const type_t *t = obj_get_type(fun);
    if (t->call == NULL) {
        rt_raise_type_error("'%q' object is not callable", t->name);
    }
    static const obj_t no_args[1];
    /* callees may memcpy from args even when empty: never hand them NULL */
    return t->call(fun, n_args, n_kw, args != NULL ? args : no_args);
}

obj_t rt_call0(obj_t fun) {
    return rt_call(fun, 0, 0, NULL);
}

obj_t rt_call1(obj_t fun, obj_t a) {
    return rt_call(fun, 1, 0, &a);
}

obj_t rt_call2(obj_t fun, obj_t a, obj_t b) {
    obj_t args[2] = { a, b };
    return rt_call(fun, 2, 0, args);
}

#define CALL_STACK_ARGS (12)

obj_t rt_call_self(obj_t fun, obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    size_t n = n_args + 2 * n_kw;
    obj_t stack_buf[CALL_STACK_ARGS];
    obj_t *buf = n + 1 <= CALL_STACK_ARGS ? stack_buf : m_new(obj_t, n + 1);
    buf[0] = self;
    if (n) {
        memcpy(buf + 1, args, n * sizeof(obj_t));
    }
    return rt_call(fun, n_args + 1, n_kw, buf);
}

obj_t rt_call_method(obj_t obj, qstr name, size_t n_args, const obj_t *args) {
    obj_t dest[2];
    rt_load_method(obj, name, dest);
    if (dest[1] != OBJ_NULL) {
        return rt_call_self(dest[0], dest[1], n_args, 0, args);
    }
    return rt_call(dest[0], n_args, 0, args);
}

static void append_iterable(obj_t list, obj_t iterable) {
    obj_t it = rt_getiter(iterable), x;
    while ((x = rt_iternext(it)) != OBJ_STOP) {
        obj_list_append(list, x);
    }
}

/* "f() argument after ** must be a mapping, not list", naming the function as CPython does. */
static RT_NORETURN void raise_star_error(obj_t fun, const char *stars, const char *what, obj_t arg) {
    obj_t name = rt_load_attr_maybe(fun, Q___qualname__);
    if (name == OBJ_NULL || !obj_is_str(name)) {
        name = obj_isinstance(fun, &type_type) ? OBJ_NEW_QSTR(((const type_t *)fun)->name) : QOBJ(function);
    }
    rt_raise_type_error("%S() argument after %s must be %s, not %q", name, stars, what, obj_type_name(arg));
}

obj_t rt_call_ex(obj_t fun, obj_t args, obj_t kwargs) {
    size_t n_pos = 0;
    obj_t *pos = NULL;
    if (args != OBJ_NULL) {
        if (obj_is_type(args, &type_tuple) || obj_is_type(args, &type_list)) {
            obj_get_array(args, &n_pos, &pos);
        } else {
            if (!is_iterable(obj_get_type(args))) {
                raise_star_error(fun, "*", "an iterable", args);
            }
            obj_t list = obj_new_list(0, NULL);
            append_iterable(list, args);
            obj_list_get(list, &n_pos, &pos);
        }
    }
    if (kwargs == OBJ_NULL) {
        if (obj_is_type(args, &type_list)) {
            /* f(*lst) gets lst itself: the callee must not see it change under its arguments */
            obj_t stack_args[CALL_STACK_ARGS];
            if (n_pos <= CALL_STACK_ARGS) {
                memcpy(stack_args, pos, n_pos * sizeof(obj_t));
                return rt_call(fun, n_pos, 0, stack_args);
            }
            obj_tuple_get(obj_new_tuple(n_pos, pos), &n_pos, &pos);
        }
        return rt_call(fun, n_pos, 0, pos);
    }
    if (!obj_isinstance(kwargs, &type_dict)) {
        obj_t d = obj_new_dict(0), dest[2];
        if (!rt_load_method_maybe(kwargs, Q_keys, dest)) {
            raise_star_error(fun, "**", "a mapping", kwargs);
        }
        obj_t keys = dest[1] != OBJ_NULL ? rt_call1(dest[0], dest[1]) : rt_call0(dest[0]);
        obj_t it = rt_getiter(keys), k;
        while ((k = rt_iternext(it)) != OBJ_STOP) {
            obj_dict_store(d, k, rt_subscr_load(kwargs, k));
        }
        kwargs = d;
    }
    map_t *map = obj_dict_get_map(type_native_self(kwargs));
    size_t n_kw = map->len;
    obj_t stack_buf[CALL_STACK_ARGS];
    size_t total = n_pos + 2 * n_kw;
    obj_t *buf = total <= CALL_STACK_ARGS ? stack_buf : m_new(obj_t, total);
    if (n_pos) {
        memcpy(buf, pos, n_pos * sizeof(obj_t));
    }
    size_t i = 0, j = n_pos;
    map_elem_t *e;
    while ((e = map_next(map, &i)) != NULL) {
        if (!obj_is_str(e->key)) {
            rt_raise_type_error("keywords must be strings");
        }
        buf[j++] = e->key;
        buf[j++] = e->value;
    }
    return rt_call(fun, n_pos, n_kw, buf);
}

/* ------------------------------------------------------------------ attributes */

bool rt_load_method_maybe(obj_t obj, qstr name, obj_t *dest) {
    dest[0] = dest[1] = OBJ_NULL;
    const type_t *t = obj_get_type(obj);
    if (t->attr) {
        t->attr(obj, name, dest);
        if (dest[0] != OBJ_NULL) {
            return true;
        }
    }
    if (!(t->flags & TYPE_FLAG_USER) && t != &type_type) {
        const type_t *owner;
        obj_t v = type_lookup(t, name, &owner);
        if (v != OBJ_NULL) {
            type_bind(obj, v, owner, dest, name);
            return true;
        }
    }
    if (name == Q___class__) {
        dest[0] = OBJ_ROM(t);
        return true;
    }
    return false;
}

void rt_load_method(obj_t obj, qstr name, obj_t *dest) {
    if (!rt_load_method_maybe(obj, name, dest)) {
        rt_raise_attribute_error(obj, name);
    }
}

obj_t rt_load_attr_maybe(obj_t obj, qstr name) {
    obj_t dest[2];
    if (!rt_load_method_maybe(obj, name, dest)) {
        return OBJ_NULL;
    }
    return dest[1] != OBJ_NULL ? obj_new_bound_meth(dest[0], dest[1]) : dest[0];
}

obj_t rt_load_attr(obj_t obj, qstr name) {
    obj_t v = rt_load_attr_maybe(obj, name);
    if (v == OBJ_NULL) {
        rt_raise_attribute_error(obj, name);
    }
    return v;
}

void rt_store_attr(obj_t obj, qstr name, obj_t value) {
    const type_t *t = obj_get_type(obj);
    if (t->attr) {
        obj_t dest[2] = { OBJ_SENTINEL, value };
        t->attr(obj, name, dest);
        if (dest[0] == OBJ_NULL) {
            return;
        }
    }
    rt_raise_attribute_error(obj, name);
}

/* ------------------------------------------------------------------ subscripts */

obj_t rt_subscr_load(obj_t obj, obj_t index) {
    const type_t *t = obj_get_type(obj);
    if (t->subscr) {
        obj_t r = t->subscr(obj, index, OBJ_SENTINEL);
        if (r != OBJ_NULL) {
            return r;
        }
    }
    if (t == &type_type || (obj_isinstance(obj, &type_type))) {
        obj_t dest[2];
        if (rt_load_method_maybe(obj, Q___class_getitem__, dest)) {
            return dest[1] ? rt_call_self(dest[0], dest[1], 1, 0, &index) : rt_call1(dest[0], index);
        }
        /* list[int] and friends: annotations only, so the class itself stands in for the alias */
        if (!(((const type_t *)obj)->flags & TYPE_FLAG_USER)) {
            return obj;
        }
        rt_raise_type_error("type '%q' is not subscriptable", ((const type_t *)obj)->name);
    }
    rt_raise_type_error("'%q' object is not subscriptable", t->name);
}

void rt_subscr_store(obj_t obj, obj_t index, obj_t value) {
    const type_t *t = obj_get_type(obj);
    if (t->subscr && t->subscr(obj, index, value) != OBJ_NULL) {
        return;
    }
    rt_raise_type_error("'%q' object does not support item assignment", t->name);
}

void rt_subscr_delete(obj_t obj, obj_t index) {
    const type_t *t = obj_get_type(obj);
    if (t->subscr && t->subscr(obj, index, OBJ_NULL) != OBJ_NULL) {
        return;
    }
    rt_raise_type_error("'%q' object doesn't support item deletion", t->name);
}

/* ------------------------------------------------------------------ iteration */

obj_t rt_getiter(obj_t obj) {
    const type_t *t = obj_get_type(obj);
    if (t->getiter) {
        obj_t r = t->getiter(obj);
        if (r != OBJ_NULL) {
            return r;
        }
    } else if (t->flags & TYPE_FLAG_ITER_IS_SELF) {
        return obj;
    } else if (t->subscr && !(t->flags & TYPE_FLAG_USER)) {
        return iter_new_seq(obj);
    }
    rt_raise_type_error("'%q' object is not iterable", t->name);
}

obj_t rt_iternext(obj_t iter) {
    const type_t *t = obj_get_type(iter);
    if (t->iternext == NULL) {
        rt_raise_type_error("'%q' object is not an iterator", t->name);
    }
    return t->iternext(iter);
}

static RT_NORETURN void raise_unpack(size_t expected, size_t got, bool at_least) {
    if (got > expected && !at_least) {
        rt_raise_value_error("too many values to unpack (expected %u)", (unsigned)expected);
    }
    rt_raise_value_error("not enough values to unpack (expected %s%u, got %u)", at_least ? "at least " : "",
                         (unsigned)expected, (unsigned)got);
}

static obj_t unpack_iter(obj_t seq) {
    if (!is_iterable(obj_get_type(seq))) {
        rt_raise_type_error("cannot unpack non-iterable %q object", obj_type_name(seq));
    }
    return rt_getiter(seq);
}

void rt_unpack_sequence(obj_t seq, size_t n, obj_t *items) {
    if (obj_is_type(seq, &type_tuple) || obj_is_type(seq, &type_list)) {
        size_t len;
        obj_t *src;
        obj_get_array(seq, &len, &src);
        if (len != n) {
            raise_unpack(n, len, false);
        }
        memcpy(items, src, n * sizeof(obj_t));
        return;
    }
    obj_t it = unpack_iter(seq);
    for (size_t i = 0; i < n; i++) {
        obj_t x = rt_iternext(it);
        if (x == OBJ_STOP) {
            raise_unpack(n, i, false);
        }
        items[i] = x;
    }
    if (rt_iternext(it) != OBJ_STOP) {
        raise_unpack(n, n + 1, false);
    }
}

void rt_unpack_ex(obj_t seq, size_t n_before, size_t n_after, obj_t *items) {
    obj_t list = obj_new_list(0, NULL);
    append_iterable(list, unpack_iter(seq));
    size_t len;
    obj_t *src;
    obj_list_get(list, &len, &src);
    if (len < n_before + n_after) {
        raise_unpack(n_before + n_after, len, true);
    }
    memcpy(items, src, n_before * sizeof(obj_t));
    size_t mid = len - n_before - n_after;
    items[n_before] = obj_new_list(mid, src + n_before);
    memcpy(items + n_before + 1, src + n_before + mid, n_after * sizeof(obj_t));
}

/* ------------------------------------------------------------------ names */

obj_t rt_builtin_lookup(qstr name) {
    return map_get_qstr(&STATE(dict_builtins)->map, name);
}

obj_t rt_load_global(qstr name, dict_t *globals) {
    obj_t v = map_get_qstr(&globals->map, name);
    if (v == OBJ_NULL) {
        v = map_get_qstr(&STATE(dict_builtins)->map, name);
        if (v == OBJ_NULL) {
            rt_raise_name_error(name);
        }
    }
    return v;
}

obj_t rt_load_name(qstr name, dict_t *locals, dict_t *globals) {
    if (locals != NULL && locals != globals) {
        obj_t v = map_get_qstr(&locals->map, name);
        if (v != OBJ_NULL) {
            return v;
        }
    }
    return rt_load_global(name, globals);
}

/* ------------------------------------------------------------------ raising */

void rt_raise(obj_t exc_or_type) {
    obj_t exc = exc_or_type;
    if (obj_isinstance(exc, &type_type)) {
        if (!obj_is_subclass(exc, &type_BaseException)) {
            rt_raise_type_error("exceptions must derive from BaseException");
        }
        exc = rt_call0(exc);
    }
    if (!obj_isinstance(exc, &type_BaseException)) {
        rt_raise_type_error("exceptions must derive from BaseException");
    }
    nlr_raise(exc);
}

static RT_NORETURN void raise_vmsg(const type_t *t, const char *fmt, va_list ap) {
    nlr_raise(exc_new_vmsg(t, fmt, ap));
}

void rt_raise_msg(const type_t *exc_type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_vmsg(exc_type, fmt, ap);
}

void rt_raise_type_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_vmsg(&type_TypeError, fmt, ap);
}

void rt_raise_value_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_vmsg(&type_ValueError, fmt, ap);
}

void rt_raise_index_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_vmsg(&type_IndexError, fmt, ap);
}

void rt_raise_key_error(obj_t key) {
    nlr_raise(obj_new_exception(&type_KeyError, 1, &key));
}

void rt_raise_attribute_error(obj_t obj, qstr name) {
    if (obj_is_type(obj, &type_module)) {
        obj_t mod_name = map_get_qstr(&((module_t *)obj)->globals->map, Q___name__);
        rt_raise_msg(&type_AttributeError, "module '%S' has no attribute '%q'",
                     mod_name ? mod_name : OBJ_NEW_QSTR(Q_), name);
    }
    if (obj_isinstance(obj, &type_type)) {
        rt_raise_msg(&type_AttributeError, "type object '%q' has no attribute '%q'",
                     ((const type_t *)obj)->name, name);
    }
    rt_raise_msg(&type_AttributeError, "'%q' object has no attribute '%q'", obj_type_name(obj), name);
}

void rt_raise_name_error(qstr name) {
    rt_raise_msg(&type_NameError, "name '%q' is not defined", name);
}

void rt_raise_zero_division(const char *msg) {
    rt_raise_msg(&type_ZeroDivisionError, "%s", msg);
}

void rt_raise_overflow(const char *msg) {
    rt_raise_msg(&type_OverflowError, "%s", msg);
}

void rt_raise_memory_error(void) {
    obj_t exc = STATE(emergency_exc);
    if (exc == OBJ_NULL) {
        port_fatal("MemoryError before the runtime was initialised");
    }
    /* the one preallocated instance is reused: forget where it was raised last time */
    exc_get(exc)->traceback = OBJ_NULL;
    exc_get(exc)->context = OBJ_NULL;
    nlr_raise(exc);
}

void rt_raise_stop_iteration(obj_t value) {
    nlr_raise(obj_new_exception(&type_StopIteration, value != OBJ_NULL, &value));
}

static const type_t *os_error_type(int e) {
    switch (e) {
        case ENOENT: return &type_FileNotFoundError;
        case EEXIST: return &type_FileExistsError;
        case EACCES: case EPERM: return &type_PermissionError;
        case EISDIR: return &type_IsADirectoryError;
        case ENOTDIR: return &type_NotADirectoryError;
        case ETIMEDOUT: return &type_TimeoutError;
        case EPIPE: return &type_BrokenPipeError;
        case ECONNRESET: return &type_ConnectionResetError;
        case ECONNREFUSED: return &type_ConnectionRefusedError;
        case ECONNABORTED: return &type_ConnectionAbortedError;
        case EAGAIN: return &type_BlockingIOError;
        case EINTR: return &type_InterruptedError;
        default: return &type_OSError;
    }
}

/* Adder's errno values are Linux's on every port (errcodes.h), so the C library's strerror only
 * describes them on Linux; elsewhere glibc's wording for the codes Adder itself raises. */
const char *rt_strerror(int err) {
#if defined(__linux__)
    return strerror(err);
#else
    static const struct { uint8_t code; const char *msg; } table[] = {
        { EPERM, "Operation not permitted" }, { ENOENT, "No such file or directory" },
        { EINTR, "Interrupted system call" }, { EIO, "Input/output error" },
        { EBADF, "Bad file descriptor" }, { EAGAIN, "Resource temporarily unavailable" },
        { ENOMEM, "Cannot allocate memory" }, { EACCES, "Permission denied" },
        { EBUSY, "Device or resource busy" }, { EEXIST, "File exists" },
        { EXDEV, "Invalid cross-device link" }, { ENODEV, "No such device" },
        { ENOTDIR, "Not a directory" }, { EISDIR, "Is a directory" }, { EINVAL, "Invalid argument" },
        { EMFILE, "Too many open files" }, { EFBIG, "File too large" },
        { ENOSPC, "No space left on device" }, { EROFS, "Read-only file system" },
        { ENAMETOOLONG, "File name too long" }, { ENOTEMPTY, "Directory not empty" },
        { EOPNOTSUPP, "Operation not supported" }, { EADDRINUSE, "Address already in use" },
        { ECONNABORTED, "Software caused connection abort" }, { ECONNRESET, "Connection reset by peer" },
        { ENOBUFS, "No buffer space available" }, { ENOTCONN, "Transport endpoint is not connected" },
        { ETIMEDOUT, "Connection timed out" }, { ECONNREFUSED, "Connection refused" },
        { EHOSTUNREACH, "No route to host" }, { EALREADY, "Operation already in progress" },
        { EINPROGRESS, "Operation now in progress" },
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        if (table[i].code == err) {
            return table[i].msg;
        }
    }
    return "Unknown error";
#endif
}

void rt_raise_os_error(int errno_) {
    obj_t args[2] = { OBJ_NEW_SMALL_INT(errno_), OBJ_NULL };
    const char *msg = rt_strerror(errno_);
    args[1] = obj_new_str(msg, strlen(msg));
    nlr_raise(obj_new_exception(os_error_type(errno_), 2, args));
}

/* ---- micropython.schedule (core-modules helper) ----
 * A fixed queue in the root state, so scheduling never allocates (it may be called from a callback
 * that runs with the heap locked).  Pairs fill sched_queue from the front; OBJ_NULL ends the queue. */
#define SCHED_SLOTS (sizeof(STATE(sched_queue)) / sizeof(STATE(sched_queue)[0]))
static bool sched_running;

bool rt_schedule(obj_t fun, obj_t arg) {
    obj_t *q = STATE(sched_queue);
    for (size_t i = 0; i < SCHED_SLOTS; i += 2) {
        if (q[i] == OBJ_NULL) {
            q[i] = fun;
            q[i + 1] = arg;
            STATE(pending_flag) = 1;
            return true;
        }
    }
    return false;
}

/* Runs queued callbacks in order, never nested; one that raises leaves the rest for the next stop. */
static void run_scheduled(void) {
    obj_t *q = STATE(sched_queue);
    while (q[0] != OBJ_NULL && !sched_running) {
        obj_t fun = q[0], arg = q[1];
        memmove(q, q + 2, (SCHED_SLOTS - 2) * sizeof(obj_t));
        q[SCHED_SLOTS - 2] = q[SCHED_SLOTS - 1] = OBJ_NULL;
        sched_running = true;
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            rt_call1(fun, arg);
            nlr_pop();
            sched_running = false;
        } else {
            sched_running = false;
            STATE(pending_flag) = 1;   /* the rest of the queue and the port's events run at the next stop */
            nlr_raise(nlr.exc);
        }
    }
}

/* The flag is cleared before the exception is taken, so a signal arriving meanwhile is never lost;
 * without an exception the flag means scheduled callbacks or port events are waiting. */
void rt_handle_pending(void) {
    if (STATE(pending_flag)) {
        STATE(pending_flag) = 0;
        obj_t exc = STATE(pending_exc);
        STATE(pending_exc) = OBJ_NULL;
        if (exc != OBJ_NULL) {
            if (obj_isinstance(exc, &type_BaseException)) {
                exc_get(exc)->traceback = OBJ_NULL;
            }
            rt_raise(exc);
        }
        run_scheduled();
        port_poll_events();
    }
}
