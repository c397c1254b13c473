/* builtins.c: the builtins module (the functions, the type names, the exception classes) and
 * rt_init, which copies its const table into the RAM dict STATE(dict_builtins) so programs can
 * add to it, and sets up the other runtime roots (sys.modules, sys.path, sys.argv, the
 * preallocated MemoryError). */
#include <string.h>
#include "runtime.h"
#include "compile.h"
#include "format.h"
#include "gc.h"
#include "port.h"
#include "objtype.h"
#include "stream.h"
#include "../extmod/vfs.h"

static qstr name_arg(obj_t name) {
    if (!obj_is_str_or_subclass(name)) {
        rt_raise_type_error("attribute name must be string, not '%q'", obj_type_name(name));
    }
    if (OBJ_IS_QSTR(name)) {
        return OBJ_QSTR_VALUE(name);
    }
    size_t len;
    const char *s = obj_str_get_data(name, &len);
    return qstr_from_strn(s, len);
}

/* ------------------------------------------------------------------ print */

/* Output of one print() call is gathered in a stack buffer and written in as few calls as
 * possible: a write per argument would dominate print-heavy programs. */
typedef struct {
    print_t p;
    const print_t *out;
    size_t n;
    char buf[256];
} print_buf_t;

static void pbuf_flush(print_buf_t *b) {
    if (b->n) {
        b->out->write(b->out->data, b->buf, b->n);
        b->n = 0;
    }
}

static void pbuf_write(void *data, const char *s, size_t len) {
    print_buf_t *b = data;
    if (b->n + len > sizeof(b->buf)) {
        pbuf_flush(b);
        if (len > sizeof(b->buf)) {
            b->out->write(b->out->data, s, len);
            return;
        }
    }
    memcpy(b->buf + b->n, s, len);
    b->n += len;
}

/* A file object gets one write() per piece, as CPython does (a user object may record them). */
static void print_to_file(obj_t file, size_t n_args, const obj_t *args, obj_t sep, obj_t end) {
    for (size_t i = 0; i < n_args; i++) {
        if (i > 0) {
            rt_call_method(file, Q_write, 1, &sep);
        }
        obj_t s = obj_str(args[i]);
        rt_call_method(file, Q_write, 1, &s);
    }
    rt_call_method(file, Q_write, 1, &end);
}

/* sys.stdout if a program replaced it with its own object, else OBJ_NULL. */
static obj_t replaced_stdout(void) {
    if (STATE(modules) == OBJ_NULL) {
        return OBJ_NULL;
    }
    obj_t sys = obj_dict_get(STATE(modules), QOBJ(sys));
    if (sys == OBJ_NULL || !obj_is_type(sys, &type_module)) {
        return OBJ_NULL;
    }
    obj_t out = map_get_qstr(&((module_t *)sys)->globals->map, Q_stdout);
    return out == OBJ_NULL || stream_stdio_print(out) == &print_stdout ? OBJ_NULL : out;
}

static obj_t builtin_print(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_sep, ARG_KW_ONLY, OBJ_NONE }, { Q_end, ARG_KW_ONLY, OBJ_NONE },
        { Q_file, ARG_KW_ONLY, OBJ_NONE }, { Q_flush, ARG_KW_ONLY, OBJ_FALSE },
    };
    obj_t kw[4];
    arg_parse(0, n_kw, args + n_args, spec, 4, kw, "print");
    const char *sep = " ", *end = "\n";
    size_t sep_len = 1, end_len = 1;
    if (kw[0] != OBJ_NONE) {
        if (!obj_is_str_or_subclass(kw[0])) {
            rt_raise_type_error("sep must be None or a string, not %q", obj_type_name(kw[0]));
        }
        sep = obj_str_get_data(kw[0], &sep_len);
    }
    if (kw[1] != OBJ_NONE) {
        if (!obj_is_str_or_subclass(kw[1])) {
            rt_raise_type_error("end must be None or a string, not %q", obj_type_name(kw[1]));
        }
        end = obj_str_get_data(kw[1], &end_len);
    }
    obj_t file = kw[2] != OBJ_NONE ? kw[2] : replaced_stdout();
    const print_t *direct = file != OBJ_NULL ? stream_stdio_print(file) : &print_stdout;
    if (direct == NULL) {
        print_to_file(file, n_args, args, kw[0] != OBJ_NONE ? kw[0] : obj_new_str_static(" ", 1),
                      kw[1] != OBJ_NONE ? kw[1] : obj_new_str_static("\n", 1));
        if (obj_is_true(kw[3])) {
            rt_call_method(file, Q_flush, 0, NULL);
        }
        return OBJ_NONE;
    }
    print_buf_t b;
    b.p.data = &b;
    b.p.write = pbuf_write;
    b.out = direct;
    b.n = 0;
    for (size_t i = 0; i < n_args; i++) {
        if (i > 0) {
            pbuf_write(&b, sep, sep_len);
        }
        obj_print(&b.p, args[i], PRINT_STR);
    }
    pbuf_write(&b, end, end_len);
    pbuf_flush(&b);
    if (obj_is_true(kw[3])) {
        port_stdout_flush();
    }
    return OBJ_NONE;
}
static FUN_DEFINE_KW(builtin_print_obj, 0, builtin_print);

/* ------------------------------------------------------------------ simple functions */

static obj_t builtin_len(obj_t o) {
    return OBJ_NEW_SMALL_INT(obj_len(o));
}
static FUN_DEFINE_1(builtin_len_obj, builtin_len);

static obj_t builtin_abs(obj_t o) {
    return rt_unary_op(UNARY_OP_ABS, o);
}
static FUN_DEFINE_1(builtin_abs_obj, builtin_abs);

static obj_t builtin_hash(obj_t o) {
    return obj_hash(o);
}
static FUN_DEFINE_1(builtin_hash_obj, builtin_hash);

static obj_t builtin_id(obj_t o) {
    return obj_new_int_from_ull((uintptr_t)o);
}
static FUN_DEFINE_1(builtin_id_obj, builtin_id);

static obj_t builtin_repr(obj_t o) {
    return obj_repr(o);
}
static FUN_DEFINE_1(builtin_repr_obj, builtin_repr);

static obj_t builtin_divmod(obj_t a, obj_t b) {
    return rt_binary_op(BINARY_OP_DIVMOD, a, b);
}
static FUN_DEFINE_2(builtin_divmod_obj, builtin_divmod);

static obj_t builtin_pow(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_base, ARG_REQUIRED, OBJ_NULL }, { Q_exp, ARG_REQUIRED, OBJ_NULL }, { Q_mod, 0, OBJ_NONE },
    };
    obj_t a[3];
    arg_parse(n_args, n_kw, args, spec, 3, a, "pow");
    if (a[2] != OBJ_NONE) {
        return int_pow_mod(a[0], a[1], a[2]);
    }
    return rt_binary_op(BINARY_OP_POW, a[0], a[1]);
}
static FUN_DEFINE_KW(builtin_pow_obj, 0, builtin_pow);

static obj_t builtin_round(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = { { Q_number, ARG_REQUIRED, OBJ_NULL }, { Q_ndigits, 0, OBJ_NONE } };
    obj_t a[2];
    arg_parse(n_args, n_kw, args, spec, 2, a, "round");
    obj_t dest[2];
    if (!rt_load_method_maybe(a[0], Q___round__, dest)) {
        rt_raise_type_error("type %q doesn't define __round__ method", obj_type_name(a[0]));
    }
    size_t n = a[1] == OBJ_NONE ? 0 : 1;
    return dest[1] ? rt_call_self(dest[0], dest[1], n, 0, &a[1]) : rt_call(dest[0], n, 0, &a[1]);
}
static FUN_DEFINE_KW(builtin_round_obj, 0, builtin_round);

static obj_t builtin_callable(obj_t o) {
    const type_t *t = obj_get_type(o);
    if (t->flags & TYPE_FLAG_USER) {
        const type_t *owner;
        const type_user_t *u = (const type_user_t *)t;
        return OBJ_BOOL(type_lookup(t, Q___call__, &owner) != OBJ_NULL || (u->native && u->native->call));
    }
    return OBJ_BOOL(t->call != NULL);
}
static FUN_DEFINE_1(builtin_callable_obj, builtin_callable);

static obj_t builtin_chr(obj_t o) {
    intptr_t c = obj_get_int(o);
    if (c < 0 || c > 0x10ffff) {
        rt_raise_value_error("chr() arg not in range(0x110000)");
    }
    char buf[8];
    vstr_t vs;
    vstr_init_fixed(&vs, buf, sizeof(buf));
    vstr_add_char(&vs, (uint32_t)c);
    return obj_new_str(buf, vs.len);
}
static FUN_DEFINE_1(builtin_chr_obj, builtin_chr);

static obj_t builtin_ord(obj_t o) {
    size_t len;
    if (!obj_is_str_or_subclass(o) && !obj_isinstance(o, &type_bytes) && !obj_isinstance(o, &type_bytearray)) {
        rt_raise_type_error("ord() expected string of length 1, but %q found", obj_type_name(o));
    }
    const uint8_t *s = (const uint8_t *)obj_str_get_data(o, &len);
    if (!obj_is_str_or_subclass(o)) {
        if (len != 1) {
            rt_raise_type_error("ord() expected a character, but string of length %u found", (unsigned)len);
        }
        return OBJ_NEW_SMALL_INT(s[0]);
    }
    size_t n_chars = 0;
    for (size_t i = 0; i < len; i++) {
        n_chars += (s[i] & 0xc0) != 0x80;
    }
    if (n_chars != 1) {
        rt_raise_type_error("ord() expected a character, but string of length %u found", (unsigned)n_chars);
    }
    uint32_t c = s[0];
    if (c >= 0x80) {
        size_t extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
        c &= 0x3f >> extra;
        for (size_t i = 1; i <= extra && i < len; i++) {
            c = (c << 6) | (s[i] & 0x3f);
        }
    }
    return OBJ_NEW_SMALL_INT(c);
}
static FUN_DEFINE_1(builtin_ord_obj, builtin_ord);

static obj_t int_to_base(obj_t o, char type) {
    if (!obj_isinstance(o, &type_int)) {
        obj_t dest[2];
        if (!rt_load_method_maybe(o, Q___index__, dest)) {
            rt_raise_type_error("'%q' object cannot be interpreted as an integer", obj_type_name(o));
        }
        o = dest[1] ? rt_call1(dest[0], dest[1]) : rt_call0(dest[0]);
    }
    format_spec_t spec = { ' ', 0, 0, true, false, 0, type, -1, -1 };
    vstr_t vs;
    vstr_init(&vs, 16);
    int_format(&vs, type_native_self(o), &spec);
    return obj_new_str_from_vstr(&vs);
}

static obj_t builtin_hex(obj_t o) {
    return int_to_base(o, 'x');
}
static FUN_DEFINE_1(builtin_hex_obj, builtin_hex);

static obj_t builtin_oct(obj_t o) {
    return int_to_base(o, 'o');
}
static FUN_DEFINE_1(builtin_oct_obj, builtin_oct);

static obj_t builtin_bin(obj_t o) {
    return int_to_base(o, 'b');
}
static FUN_DEFINE_1(builtin_bin_obj, builtin_bin);

static obj_t builtin_format(size_t n_args, const obj_t *args) {
    return rt_format(args[0], n_args > 1 ? args[1] : OBJ_NEW_QSTR(Q_));
}
static FUN_DEFINE_VAR(builtin_format_obj, 1, 2, builtin_format);

static obj_t builtin_ascii(obj_t o) {
    obj_t r = obj_repr(o);
    size_t len;
    const uint8_t *s = (const uint8_t *)obj_str_get_data(r, &len);
    vstr_t vs;
    vstr_init(&vs, len);
    for (size_t i = 0; i < len;) {
        uint32_t c = s[i++];
        if (c >= 0x80) {
            size_t extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
            c &= 0x3f >> extra;
            for (size_t k = 0; k < extra && i < len; k++) {
                c = (c << 6) | (s[i++] & 0x3f);
            }
            char buf[12];
            vstr_t tmp;
            print_t p;
            vstr_init_fixed(&tmp, buf, sizeof(buf));
            print_vstr_init(&p, &tmp);
            print_fmt(&p, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", (unsigned)c);
            vstr_add_strn(&vs, buf, tmp.len);
        } else {
            vstr_add_byte(&vs, (uint8_t)c);
        }
    }
    return obj_new_str_from_vstr(&vs);
}
static FUN_DEFINE_1(builtin_ascii_obj, builtin_ascii);

/* ------------------------------------------------------------------ iteration helpers */

static obj_t builtin_all(obj_t iterable) {
    obj_t it = rt_getiter(iterable), x;
    while ((x = rt_iternext(it)) != OBJ_STOP) {
        if (!obj_is_true(x)) {
            return OBJ_FALSE;
        }
    }
    return OBJ_TRUE;
}
static FUN_DEFINE_1(builtin_all_obj, builtin_all);

static obj_t builtin_any(obj_t iterable) {
    obj_t it = rt_getiter(iterable), x;
    while ((x = rt_iternext(it)) != OBJ_STOP) {
        if (obj_is_true(x)) {
            return OBJ_TRUE;
        }
    }
    return OBJ_FALSE;
}
static FUN_DEFINE_1(builtin_any_obj, builtin_any);

static obj_t builtin_sum(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = { { Q_iterable, ARG_REQUIRED, OBJ_NULL }, { Q_start, 0, OBJ_NULL } };
    obj_t a[2];
    arg_parse(n_args, n_kw, args, spec, 2, a, "sum");
    obj_t acc = a[1] == OBJ_NULL ? OBJ_NEW_SMALL_INT(0) : a[1];
    if (obj_is_str_or_subclass(acc)) {
        rt_raise_type_error("sum() can't sum strings [use ''.join(seq) instead]");
    }
    if (obj_isinstance(acc, &type_bytes)) {
        rt_raise_type_error("sum() can't sum bytes [use b''.join(seq) instead]");
    }
    obj_t it = rt_getiter(a[0]), x;
    while ((x = rt_iternext(it)) != OBJ_STOP) {
        acc = rt_binary_op(BINARY_OP_ADD, acc, x);
    }
    return acc;
}
static FUN_DEFINE_KW(builtin_sum_obj, 1, builtin_sum);

static obj_t min_max(size_t n_args, size_t n_kw, const obj_t *args, binary_op_t op, const char *name) {
    static const arg_spec_t spec[] = { { Q_key, ARG_KW_ONLY, OBJ_NONE }, { Q_default, ARG_KW_ONLY, OBJ_NULL } };
    obj_t kw[2];
    arg_parse(0, n_kw, args + n_args, spec, 2, kw, name);
    if (n_args == 0) {
        rt_raise_type_error("%s expected at least 1 argument, got 0", name);
    }
    obj_t it;
    if (n_args == 1) {
        it = rt_getiter(args[0]);
    } else {
        if (kw[1] != OBJ_NULL) {
            rt_raise_type_error("Cannot specify a default for %s() with multiple positional arguments", name);
        }
        it = rt_getiter(obj_new_tuple(n_args, args));
    }
    obj_t best = OBJ_NULL, best_key = OBJ_NULL, x;
    while ((x = rt_iternext(it)) != OBJ_STOP) {
        obj_t k = kw[0] == OBJ_NONE ? x : rt_call1(kw[0], x);
        if (best == OBJ_NULL || obj_is_true(rt_binary_op(op, k, best_key))) {
            best = x;
            best_key = k;
        }
    }
    if (best == OBJ_NULL) {
        if (kw[1] != OBJ_NULL) {
            return kw[1];
        }
        rt_raise_value_error("%s() arg is an empty sequence", name);
    }
    return best;
}

static obj_t builtin_min(size_t n_args, size_t n_kw, const obj_t *args) {
    return min_max(n_args, n_kw, args, BINARY_OP_LT, "min");
}
static FUN_DEFINE_KW(builtin_min_obj, 0, builtin_min);

static obj_t builtin_max(size_t n_args, size_t n_kw, const obj_t *args) {
    return min_max(n_args, n_kw, args, BINARY_OP_GT, "max");
}
static FUN_DEFINE_KW(builtin_max_obj, 0, builtin_max);

static obj_t builtin_sorted(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_iterable, ARG_REQUIRED, OBJ_NULL }, { Q_key, ARG_KW_ONLY, OBJ_NONE },
        { Q_reverse, ARG_KW_ONLY, OBJ_FALSE },
    };
    obj_t a[3];
    if (n_args != 1) {
        rt_raise_type_error("sorted expected 1 argument, got %u", (unsigned)n_args);
    }
    arg_parse(n_args, n_kw, args, spec, 3, a, "sorted");
    obj_t list = rt_call1(OBJ_ROM(&type_list), a[0]);
    list_sort(list, a[1] == OBJ_NONE ? OBJ_NULL : a[1], obj_is_true(a[2]));
    return list;
}
static FUN_DEFINE_KW(builtin_sorted_obj, 1, builtin_sorted);

static obj_t builtin_iter(size_t n_args, const obj_t *args) {
    if (n_args == 2) {
        if (builtin_callable(args[0]) != OBJ_TRUE) {
            rt_raise_type_error("iter(v, w): v must be callable");
        }
        return iter_new_callable(args[0], args[1]);
    }
    return rt_getiter(args[0]);
}
static FUN_DEFINE_VAR(builtin_iter_obj, 1, 2, builtin_iter);

static obj_t builtin_next(size_t n_args, const obj_t *args) {
    if ((obj_get_type(args[0])->flags & TYPE_FLAG_USER) && n_args == 1) {
        /* the user's own StopIteration (with its value) must reach the caller */
        obj_t dest[2];
        if (rt_load_method_maybe(args[0], Q___next__, dest)) {
            return dest[1] != OBJ_NULL ? rt_call1(dest[0], dest[1]) : rt_call0(dest[0]);
        }
    }
    obj_t ret = OBJ_NONE, r;
    if (obj_is_type(args[0], &type_generator)) {
        /* the iternext slot can only say "stopped": a generator's return value needs the full path */
        r = vm_gen_resume(args[0], OBJ_NONE, OBJ_NULL, &ret);
    } else {
        r = rt_iternext(args[0]);
    }
    if (r == OBJ_STOP) {
        if (n_args > 1) {
            return args[1];
        }
        rt_raise_stop_iteration(ret == OBJ_NONE ? OBJ_NULL : ret);
    }
    return r;
}
static FUN_DEFINE_VAR(builtin_next_obj, 1, 2, builtin_next);

/* ------------------------------------------------------------------ types and attributes */

static bool isinstance_check(obj_t o, obj_t cls, bool sub, const char *fname) {
    if (obj_is_type(cls, &type_tuple)) {
        size_t n;
        obj_t *items;
        obj_tuple_get(cls, &n, &items);
        for (size_t i = 0; i < n; i++) {
            if (isinstance_check(o, items[i], sub, fname)) {
                return true;
            }
        }
        return false;
    }
    if (!obj_isinstance(cls, &type_type)) {
        rt_raise_type_error("%s() arg 2 must be a type, a tuple of types, or a union", fname);
    }
    return sub ? obj_is_subclass(o, cls) : obj_isinstance(o, cls);
}

static obj_t builtin_isinstance(obj_t o, obj_t cls) {
    return OBJ_BOOL(isinstance_check(o, cls, false, "isinstance"));
}
static FUN_DEFINE_2(builtin_isinstance_obj, builtin_isinstance);

static obj_t builtin_issubclass(obj_t o, obj_t cls) {
    if (!obj_isinstance(o, &type_type)) {
        rt_raise_type_error("issubclass() arg 1 must be a class");
    }
    return OBJ_BOOL(isinstance_check(o, cls, true, "issubclass"));
}
static FUN_DEFINE_2(builtin_issubclass_obj, builtin_issubclass);

/* getattr with a default and hasattr: AttributeError raised by __getattr__ or a property counts
 * as "missing" too, so the lookup runs under a handler. */
static obj_t load_attr_or_null(obj_t o, qstr name) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t v = rt_load_attr_maybe(o, name);
        nlr_pop();
        return v;
    }
    if (!obj_isinstance(nlr.exc, &type_AttributeError)) {
        nlr_raise(nlr.exc);
    }
    return OBJ_NULL;
}

static obj_t builtin_getattr(size_t n_args, const obj_t *args) {
    qstr name = name_arg(args[1]);
    if (n_args == 2) {
        return rt_load_attr(args[0], name);
    }
    obj_t v = load_attr_or_null(args[0], name);
    return v != OBJ_NULL ? v : args[2];
}
static FUN_DEFINE_VAR(builtin_getattr_obj, 2, 3, builtin_getattr);

static obj_t builtin_hasattr(obj_t o, obj_t name) {
    return OBJ_BOOL(load_attr_or_null(o, name_arg(name)) != OBJ_NULL);
}
static FUN_DEFINE_2(builtin_hasattr_obj, builtin_hasattr);

static obj_t builtin_setattr(obj_t o, obj_t name, obj_t value) {
    rt_store_attr(o, name_arg(name), value);
    return OBJ_NONE;
}
static FUN_DEFINE_3(builtin_setattr_obj, builtin_setattr);

static obj_t builtin_delattr(obj_t o, obj_t name) {
    rt_store_attr(o, name_arg(name), OBJ_NULL);
    return OBJ_NONE;
}
static FUN_DEFINE_2(builtin_delattr_obj, builtin_delattr);

static obj_t sorted_keys(dict_t *d) {
    obj_t list = obj_new_list(0, NULL);
    size_t i = 0;
    map_elem_t *e;
    while ((e = map_next(&d->map, &i)) != NULL) {
        obj_list_append(list, e->key);
    }
    list_sort(list, OBJ_NULL, false);
    return list;
}

static obj_t builtin_dir(size_t n_args, const obj_t *args) {
    if (n_args == 0) {
        return sorted_keys(vm_current_locals());
    }
    /* __dir__ is looked up on the type, so dir(int) is type's listing of int, not int.__dir__ */
    const type_t *owner;
    obj_t dest[2], f = type_lookup(obj_get_type(args[0]), Q___dir__, &owner);
    type_bind(args[0], f, owner, dest, Q___dir__);
    obj_t r = dest[1] != OBJ_NULL ? rt_call1(dest[0], dest[1]) : rt_call0(dest[0]);
    r = rt_call1(OBJ_ROM(&type_list), r);
    list_sort(r, OBJ_NULL, false);
    return r;
}
static FUN_DEFINE_VAR(builtin_dir_obj, 0, 1, builtin_dir);

static obj_t builtin_globals(void) {
    return vm_current_globals();
}
static FUN_DEFINE_0(builtin_globals_obj, builtin_globals);

static obj_t builtin_locals(void) {
    return vm_current_locals();
}
static FUN_DEFINE_0(builtin_locals_obj, builtin_locals);

static obj_t builtin_vars(size_t n_args, const obj_t *args) {
    if (n_args == 0) {
        return vm_current_locals();
    }
    obj_t d = load_attr_or_null(args[0], Q___dict__);
    if (d == OBJ_NULL) {
        rt_raise_type_error("vars() argument must have __dict__ attribute");
    }
    return d;
}
static FUN_DEFINE_VAR(builtin_vars_obj, 0, 1, builtin_vars);

/* ------------------------------------------------------------------ code */

static obj_t builtin_input(size_t n_args, const obj_t *args) {
    if (n_args == 1) {
        obj_print(&print_stdout, args[0], PRINT_STR);
    }
    vstr_t vs;
    vstr_init(&vs, 32);
    int c;
    while ((c = port_stdin_read_char()) != -1 && c != '\n') {
        vstr_add_byte(&vs, (uint8_t)c);
    }
    if (c == -1 && vs.len == 0) {
        rt_raise_msg(&type_EOFError, "EOF when reading a line");
    }
    return obj_new_str_from_vstr(&vs);
}
static FUN_DEFINE_VAR(builtin_input_obj, 0, 1, builtin_input);

static code_t *to_code(obj_t src, qstr filename, compile_mode_t mode, const char *fname) {
    if (obj_is_type(src, &type_code)) {
        return (code_t *)src;
    }
    if (!obj_is_str_or_subclass(src) && !obj_isinstance(src, &type_bytes)) {
        rt_raise_type_error("%s() arg 1 must be a string, bytes or code object", fname);
    }
    size_t len;
    const char *s = obj_str_get_data(src, &len);
    if (mode == COMPILE_EVAL) {
        while (len > 0 && (*s == ' ' || *s == '\t')) {
            s++;
            len--;
        }
    }
    return compile_source(s, len, filename, mode);
}

static obj_t run_code(size_t n_args, const obj_t *args, compile_mode_t mode, const char *fname) {
    obj_t globals = n_args > 1 && args[1] != OBJ_NONE ? args[1] : OBJ_NULL;
    obj_t locals = n_args > 2 && args[2] != OBJ_NONE ? args[2] : OBJ_NULL;
    if (globals != OBJ_NULL && !obj_isinstance(globals, &type_dict)) {
        rt_raise_type_error("%s() globals must be a dict, not %q", fname, obj_type_name(globals));
    }
    if (globals == OBJ_NULL) {
        globals = vm_current_globals();
        if (locals == OBJ_NULL) {
            locals = vm_current_locals();
        }
    } else if (locals == OBJ_NULL) {
        locals = globals;
    }
    code_t *code = to_code(args[0], Q__lt_string_gt_, mode, fname);
    return vm_exec_code(code, globals, locals);
}

static obj_t builtin_exec(size_t n_args, const obj_t *args) {
    run_code(n_args, args, COMPILE_FILE, "exec");
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(builtin_exec_obj, 1, 3, builtin_exec);

static obj_t builtin_eval(size_t n_args, const obj_t *args) {
    return run_code(n_args, args, COMPILE_EVAL, "eval");
}
static FUN_DEFINE_VAR(builtin_eval_obj, 1, 3, builtin_eval);

static obj_t builtin_compile(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_source, ARG_REQUIRED, OBJ_NULL }, { Q_filename, ARG_REQUIRED, OBJ_NULL },
        { Q_mode, ARG_REQUIRED, OBJ_NULL }, { Q_flags, 0, OBJ_NULL }, { Q_dont_inherit, 0, OBJ_NULL },
    };
    obj_t a[5];
    arg_parse(n_args, n_kw, args, spec, 5, a, "compile");
    const char *mode = obj_str_get_cstr(a[2]);
    compile_mode_t m;
    if (strcmp(mode, "exec") == 0) {
        m = COMPILE_FILE;
    } else if (strcmp(mode, "eval") == 0) {
        m = COMPILE_EVAL;
    } else if (strcmp(mode, "single") == 0) {
        m = COMPILE_SINGLE;
    } else {
        rt_raise_value_error("compile() mode must be 'exec', 'eval' or 'single'");
    }
    return to_code(a[0], name_arg(a[1]), m, "compile");
}
static FUN_DEFINE_KW(builtin_compile_obj, 3, builtin_compile);

static obj_t builtin_import(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_name, ARG_REQUIRED, OBJ_NULL }, { Q_globals, 0, OBJ_NONE }, { Q_locals, 0, OBJ_NONE },
        { Q_fromlist, 0, OBJ_NONE }, { Q_level, 0, OBJ_NEW_SMALL_INT(0) },
    };
    obj_t a[5];
    arg_parse(n_args, n_kw, args, spec, 5, a, "__import__");
    obj_t globals = a[1] != OBJ_NONE ? a[1] : vm_current_globals();
    obj_t fromlist = a[3];
    if (fromlist != OBJ_NONE && !obj_is_type(fromlist, &type_tuple)) {
        fromlist = rt_call1(OBJ_ROM(&type_tuple), fromlist);
    }
    return rt_import_name(name_arg(a[0]), fromlist, (int)obj_get_int(a[4]), globals);
}
static FUN_DEFINE_KW(builtin_import_obj, 1, builtin_import);

static obj_t builtin_build_class(size_t n_args, size_t n_kw, const obj_t *args) {
    return rt_build_class(n_args, n_kw, args);
}
static FUN_DEFINE_KW(builtin_build_class_obj, 2, builtin_build_class);

/* ------------------------------------------------------------------ the module */


static const map_elem_t builtins_table[] = {
    { QOBJ(__name__), QOBJ(builtins) },
    { QOBJ(__build_class__), OBJ_ROM(&builtin_build_class_obj) },
    { QOBJ(__import__), OBJ_ROM(&builtin_import_obj) },
    { QOBJ(print), OBJ_ROM(&builtin_print_obj) },
    { QOBJ(open), OBJ_ROM(&builtin_open_obj) },
    { QOBJ(len), OBJ_ROM(&builtin_len_obj) },
    { QOBJ(abs), OBJ_ROM(&builtin_abs_obj) },
    { QOBJ(hash), OBJ_ROM(&builtin_hash_obj) },
    { QOBJ(id), OBJ_ROM(&builtin_id_obj) },
    { QOBJ(repr), OBJ_ROM(&builtin_repr_obj) },
    { QOBJ(divmod), OBJ_ROM(&builtin_divmod_obj) },
    { QOBJ(pow), OBJ_ROM(&builtin_pow_obj) },
    { QOBJ(round), OBJ_ROM(&builtin_round_obj) },
    { QOBJ(callable), OBJ_ROM(&builtin_callable_obj) },
    { QOBJ(chr), OBJ_ROM(&builtin_chr_obj) },
    { QOBJ(ord), OBJ_ROM(&builtin_ord_obj) },
    { QOBJ(hex), OBJ_ROM(&builtin_hex_obj) },
    { QOBJ(oct), OBJ_ROM(&builtin_oct_obj) },
    { QOBJ(bin), OBJ_ROM(&builtin_bin_obj) },
    { QOBJ(format), OBJ_ROM(&builtin_format_obj) },
    { QOBJ(ascii), OBJ_ROM(&builtin_ascii_obj) },
    { QOBJ(all), OBJ_ROM(&builtin_all_obj) },
    { QOBJ(any), OBJ_ROM(&builtin_any_obj) },
    { QOBJ(sum), OBJ_ROM(&builtin_sum_obj) },
    { QOBJ(min), OBJ_ROM(&builtin_min_obj) },
    { QOBJ(max), OBJ_ROM(&builtin_max_obj) },
    { QOBJ(sorted), OBJ_ROM(&builtin_sorted_obj) },
    { QOBJ(iter), OBJ_ROM(&builtin_iter_obj) },
    { QOBJ(next), OBJ_ROM(&builtin_next_obj) },
    { QOBJ(isinstance), OBJ_ROM(&builtin_isinstance_obj) },
    { QOBJ(issubclass), OBJ_ROM(&builtin_issubclass_obj) },
    { QOBJ(getattr), OBJ_ROM(&builtin_getattr_obj) },
    { QOBJ(hasattr), OBJ_ROM(&builtin_hasattr_obj) },
    { QOBJ(setattr), OBJ_ROM(&builtin_setattr_obj) },
    { QOBJ(delattr), OBJ_ROM(&builtin_delattr_obj) },
    { QOBJ(dir), OBJ_ROM(&builtin_dir_obj) },
    { QOBJ(globals), OBJ_ROM(&builtin_globals_obj) },
    { QOBJ(locals), OBJ_ROM(&builtin_locals_obj) },
    { QOBJ(vars), OBJ_ROM(&builtin_vars_obj) },
    { QOBJ(input), OBJ_ROM(&builtin_input_obj) },
    { QOBJ(exec), OBJ_ROM(&builtin_exec_obj) },
    { QOBJ(eval), OBJ_ROM(&builtin_eval_obj) },
    { QOBJ(compile), OBJ_ROM(&builtin_compile_obj) },
    { QOBJ(type), OBJ_ROM(&type_type) },
    { QOBJ(object), OBJ_ROM(&type_object) },
    { QOBJ(super), OBJ_ROM(&type_super) },
    { QOBJ(property), OBJ_ROM(&type_property) },
    { QOBJ(classmethod), OBJ_ROM(&type_classmethod) },
    { QOBJ(staticmethod), OBJ_ROM(&type_staticmethod) },
    { QOBJ(int), OBJ_ROM(&type_int) },
#if CONFIG_FLOAT
    { QOBJ(float), OBJ_ROM(&type_float) },
#endif
    { QOBJ(bool), OBJ_ROM(&type_bool) },
    { QOBJ(str), OBJ_ROM(&type_str) },
    { QOBJ(bytes), OBJ_ROM(&type_bytes) },
    { QOBJ(bytearray), OBJ_ROM(&type_bytearray) },
    { QOBJ(memoryview), OBJ_ROM(&type_memoryview) },
    { QOBJ(tuple), OBJ_ROM(&type_tuple) },
    { QOBJ(list), OBJ_ROM(&type_list) },
    { QOBJ(dict), OBJ_ROM(&type_dict) },
    { QOBJ(set), OBJ_ROM(&type_set) },
    { QOBJ(frozenset), OBJ_ROM(&type_frozenset) },
    { QOBJ(range), OBJ_ROM(&type_range) },
    { QOBJ(slice), OBJ_ROM(&type_slice) },
    { QOBJ(enumerate), OBJ_ROM(&type_enumerate) },
    { QOBJ(zip), OBJ_ROM(&type_zip) },
    { QOBJ(map), OBJ_ROM(&type_map) },
    { QOBJ(filter), OBJ_ROM(&type_filter) },
    { QOBJ(reversed), OBJ_ROM(&type_reversed) },
    { QOBJ(NotImplemented), OBJ_NOT_IMPLEMENTED },
    { QOBJ(Ellipsis), OBJ_ELLIPSIS },
    { QOBJ(BaseException), OBJ_ROM(&type_BaseException) },
    { QOBJ(SystemExit), OBJ_ROM(&type_SystemExit) },
    { QOBJ(KeyboardInterrupt), OBJ_ROM(&type_KeyboardInterrupt) },
    { QOBJ(GeneratorExit), OBJ_ROM(&type_GeneratorExit) },
    { QOBJ(Exception), OBJ_ROM(&type_Exception) },
    { QOBJ(StopIteration), OBJ_ROM(&type_StopIteration) },
    { QOBJ(StopAsyncIteration), OBJ_ROM(&type_StopAsyncIteration) },
    { QOBJ(ArithmeticError), OBJ_ROM(&type_ArithmeticError) },
    { QOBJ(OverflowError), OBJ_ROM(&type_OverflowError) },
    { QOBJ(ZeroDivisionError), OBJ_ROM(&type_ZeroDivisionError) },
    { QOBJ(AssertionError), OBJ_ROM(&type_AssertionError) },
    { QOBJ(AttributeError), OBJ_ROM(&type_AttributeError) },
    { QOBJ(BufferError), OBJ_ROM(&type_BufferError) },
    { QOBJ(EOFError), OBJ_ROM(&type_EOFError) },
    { QOBJ(ImportError), OBJ_ROM(&type_ImportError) },
    { QOBJ(ModuleNotFoundError), OBJ_ROM(&type_ModuleNotFoundError) },
    { QOBJ(LookupError), OBJ_ROM(&type_LookupError) },
    { QOBJ(IndexError), OBJ_ROM(&type_IndexError) },
    { QOBJ(KeyError), OBJ_ROM(&type_KeyError) },
    { QOBJ(MemoryError), OBJ_ROM(&type_MemoryError) },
    { QOBJ(NameError), OBJ_ROM(&type_NameError) },
    { QOBJ(UnboundLocalError), OBJ_ROM(&type_UnboundLocalError) },
    { QOBJ(OSError), OBJ_ROM(&type_OSError) },
    { QOBJ(BlockingIOError), OBJ_ROM(&type_BlockingIOError) },
    { QOBJ(ChildProcessError), OBJ_ROM(&type_ChildProcessError) },
    { QOBJ(ConnectionError), OBJ_ROM(&type_ConnectionError) },
    { QOBJ(BrokenPipeError), OBJ_ROM(&type_BrokenPipeError) },
    { QOBJ(ConnectionAbortedError), OBJ_ROM(&type_ConnectionAbortedError) },
    { QOBJ(ConnectionRefusedError), OBJ_ROM(&type_ConnectionRefusedError) },
    { QOBJ(ConnectionResetError), OBJ_ROM(&type_ConnectionResetError) },
    { QOBJ(FileExistsError), OBJ_ROM(&type_FileExistsError) },
    { QOBJ(FileNotFoundError), OBJ_ROM(&type_FileNotFoundError) },
    { QOBJ(InterruptedError), OBJ_ROM(&type_InterruptedError) },
    { QOBJ(IsADirectoryError), OBJ_ROM(&type_IsADirectoryError) },
    { QOBJ(NotADirectoryError), OBJ_ROM(&type_NotADirectoryError) },
    { QOBJ(PermissionError), OBJ_ROM(&type_PermissionError) },
    { QOBJ(ProcessLookupError), OBJ_ROM(&type_ProcessLookupError) },
    { QOBJ(TimeoutError), OBJ_ROM(&type_TimeoutError) },
    { QOBJ(ReferenceError), OBJ_ROM(&type_ReferenceError) },
    { QOBJ(RuntimeError), OBJ_ROM(&type_RuntimeError) },
    { QOBJ(NotImplementedError), OBJ_ROM(&type_NotImplementedError) },
    { QOBJ(RecursionError), OBJ_ROM(&type_RecursionError) },
    { QOBJ(SyntaxError), OBJ_ROM(&type_SyntaxError) },
    { QOBJ(IndentationError), OBJ_ROM(&type_IndentationError) },
    { QOBJ(TabError), OBJ_ROM(&type_TabError) },
    { QOBJ(TypeError), OBJ_ROM(&type_TypeError) },
    { QOBJ(ValueError), OBJ_ROM(&type_ValueError) },
    { QOBJ(UnicodeError), OBJ_ROM(&type_UnicodeError) },
    { QOBJ(UnicodeDecodeError), OBJ_ROM(&type_UnicodeDecodeError) },
    { QOBJ(UnicodeEncodeError), OBJ_ROM(&type_UnicodeEncodeError) },
    { QOBJ(Warning), OBJ_ROM(&type_Warning) },
    { QOBJ(UserWarning), OBJ_ROM(&type_UserWarning) },
    { QOBJ(DeprecationWarning), OBJ_ROM(&type_DeprecationWarning) },
    { QOBJ(RuntimeWarning), OBJ_ROM(&type_RuntimeWarning) },
    { QOBJ(SyntaxWarning), OBJ_ROM(&type_SyntaxWarning) },
    { QOBJ(EnvironmentError), OBJ_ROM(&type_OSError) },
    { QOBJ(IOError), OBJ_ROM(&type_OSError) },
};
static const map_t builtins_map = MAP_ROM(builtins_table);

void rt_init(void) {
    size_t n = builtins_map.len;
    dict_t *d = obj_new_dict(n + 4);
    for (size_t i = 0; i < n; i++) {
        obj_dict_store(d, builtins_map.table[i].key, builtins_map.table[i].value);
    }
    STATE(dict_builtins) = d;
    if (STATE(modules) == OBJ_NULL) {
        STATE(modules) = obj_new_dict(8);
    }
    module_t *bm = obj_new_module(Q_builtins);
    bm->globals = d;
    obj_dict_store(STATE(modules), QOBJ(builtins), bm);
    if (STATE(sys_path) == OBJ_NULL) {
        STATE(sys_path) = obj_new_list(0, NULL);
    }
    if (STATE(sys_argv) == OBJ_NULL) {
        STATE(sys_argv) = obj_new_list(0, NULL);
    }
    STATE(emergency_exc) = obj_new_exception(&type_MemoryError, 0, NULL);
}

void rt_deinit(void) {
    STATE(dict_builtins) = NULL;
    STATE(emergency_exc) = OBJ_NULL;
}
