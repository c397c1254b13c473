/* objbytes.c: bytes (immutable, a str_t with the bytes inline), bytearray (growable, items in a
 * separate block) and memoryview (a window on another object's buffer, never a copy).  Most text
 * methods are shared with str (objstr_methods.c). */
#include <string.h>
#include "objstr.h"
#include "runtime.h"
#include "gc.h"

/* ---- constructors and buffer access ---- */

obj_t obj_new_bytes(const uint8_t *data, size_t len) {
    str_t *s = m_malloc(sizeof(str_t) + len + 1);
    s->base.type = &type_bytes;
    s->hash = 0;
    s->len = (uint32_t)len;
    s->n_chars = (uint32_t)len;
    char *buf = (char *)(s + 1);
    if (data != NULL) {
        memcpy(buf, data, len);
    }
    buf[len] = 0;
    s->data = buf;
    return OBJ_FROM_PTR(s);
}

obj_t obj_new_bytearray(const uint8_t *data, size_t len) {
    bytearray_t *b = m_new_obj(bytearray_t);
    b->base.type = &type_bytearray;
    b->len = len;
    b->alloc = len + 1;
    b->items = m_new(uint8_t, b->alloc);
    if (data != NULL) {
        memcpy(b->items, data, len);
    }
    return OBJ_FROM_PTR(b);
}

static void ba_resize(bytearray_t *b, size_t len) {
    if (len + 1 > b->alloc) {
        size_t alloc = len + len / 2 + 8;
        b->items = m_renew(uint8_t, b->items, alloc);
        b->alloc = alloc;
    }
    if (len > b->len) {
        memset(b->items + b->len, 0, len - b->len);
    }
    b->len = len;
    b->items[len] = 0;
}

static const char *mv_data(const memoryview_t *m, size_t *len);

bool str_get_buffer(obj_t o, const char **data, size_t *len) {
    if (str_is_bytes(o)) {
        *data = obj_str_get_data(o, len);
        return true;
    }
    if (obj_is_type(o, &type_memoryview)) {
        *data = mv_data(OBJ_TO_PTR(o), len);
        return true;
    }
    if (!OBJ_IS_PTR(o) || str_is_str(o)) {
        return false;
    }
    const type_t *t = obj_get_type(o);
    buffer_info_t info;
    if (t->buffer != NULL && t->buffer(o, &info, BUFFER_READ) == 0) {
        *data = info.buf;
        *len = info.len;
        return true;
    }
    return false;
}

const char *str_bytes_data(obj_t o, size_t *len) {
    const char *d;
    if (!str_get_buffer(o, &d, len)) {
        rt_raise_type_error("a bytes-like object is required, not '%q'", obj_type_name(o));
    }
    return d;
}

static uint8_t byte_value_msg(obj_t o, const char *range_msg) {
    if (!obj_is_int(o) && !obj_is_type(o, &type_bool)) {
        rt_raise_type_error("'%q' object cannot be interpreted as an integer", obj_type_name(o));
    }
    intptr_t v;
    if (!obj_get_int_maybe(o, &v) || v < 0 || v > 255) {
        rt_raise_value_error("%s", range_msg);
    }
    return (uint8_t)v;
}

static uint8_t byte_value(obj_t o) {
    return byte_value_msg(o, "byte must be in range(0, 256)");
}

/* Appends the bytes an iterable of ints (or a buffer) stands for. */
static void add_from(vstr_t *vs, obj_t src) {
    const char *d;
    size_t len;
    if (str_get_buffer(src, &d, &len)) {
        vstr_add_strn(vs, d, len);
        return;
    }
    if (str_is_str(src)) {
        rt_raise_type_error("can't extend bytearray with str");
    }
    if (obj_is_type(src, &type_list) || obj_is_type(src, &type_tuple)) {
        size_t n;
        obj_t *items;
        obj_get_array(src, &n, &items);
        for (size_t i = 0; i < n; i++) {
            vstr_add_byte(vs, byte_value_msg(items[i], "bytes must be in range(0, 256)"));
        }
        return;
    }
    obj_t it = rt_getiter(src), x;
    while ((x = rt_iternext(it)) != OBJ_STOP) {
        vstr_add_byte(vs, byte_value_msg(x, "bytes must be in range(0, 256)"));
    }
}

static obj_t bytes_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_source, 0, OBJ_NULL }, { Q_encoding, 0, OBJ_NULL }, { Q_errors, 0, OBJ_NULL },
    };
    obj_t a[3];
    bool is_ba = obj_is_subclass(type, &type_bytearray);
    arg_parse(n_args, n_kw, args, spec, 3, a, is_ba ? "bytearray" : "bytes");
    obj_t src = a[0];
    obj_t r;
    if (src == OBJ_NULL) {
        if (a[1] != OBJ_NULL || a[2] != OBJ_NULL) {
            rt_raise_type_error("encoding or errors without sequence argument");
        }
        r = obj_new_bytes(NULL, 0);
    } else if (str_is_str(src)) {
        if (a[1] == OBJ_NULL) {
            rt_raise_type_error("string argument without an encoding");
        }
        r = str_encode(src, a[1], a[2]);
    } else if (a[1] != OBJ_NULL || a[2] != OBJ_NULL) {
        rt_raise_type_error(a[1] != OBJ_NULL ? "encoding without a string argument" : "errors without a string argument");
    } else if (obj_is_int(src) || obj_is_type(src, &type_bool)) {
        intptr_t n = obj_get_index(src);
        if (n < 0) {
            rt_raise_value_error("negative count");
        }
        return is_ba ? obj_new_bytearray(NULL, (size_t)n) : obj_new_bytes(NULL, (size_t)n);
    } else {
        obj_t dest[2];
        if (!is_ba && !str_is_bytes(src) && rt_load_method_maybe(src, Q___bytes__, dest)) {
            r = dest[1] != OBJ_NULL ? rt_call1(dest[0], dest[1]) : rt_call0(dest[0]);
            if (!obj_is_type(r, &type_bytes)) {
                rt_raise_type_error("__bytes__ returned non-bytes (type %q)", obj_type_name(r));
            }
            return r;
        }
        if (obj_is_type(src, &type_bytes) && !is_ba) {
            return src;
        }
        vstr_t vs;
        vstr_init(&vs, 16);
        add_from(&vs, src);
        r = is_ba ? obj_new_bytearray((const uint8_t *)vs.buf, vs.len) : obj_new_bytes((const uint8_t *)vs.buf, vs.len);
        m_free(vs.buf);
        return r;
    }
    if (is_ba) {
        size_t len;
        const char *d = obj_str_get_data(r, &len);
        return obj_new_bytearray((const uint8_t *)d, len);
    }
    return r;
}

/* ---- printing ---- */

void bytes_repr_to(const print_t *p, const char *s, size_t len) {
    char quote = (memchr(s, '\'', len) && !memchr(s, '"', len)) ? '"' : '\'';
    print_strn(p, "b", 1);
    print_strn(p, &quote, 1);
    const char *run = s, *end = s + len;
    for (; s < end; s++) {
        uint8_t c = (uint8_t)*s;
        if (c >= 0x20 && c < 0x7f && c != '\\' && c != (uint8_t)quote) {
            continue;
        }
        print_strn(p, run, (size_t)(s - run));
        run = s + 1;
        switch (c) {
            case '\\': print_str(p, "\\\\"); break;
            case '\n': print_str(p, "\\n"); break;
            case '\r': print_str(p, "\\r"); break;
            case '\t': print_str(p, "\\t"); break;
            default:
                if (c == (uint8_t)quote) {
                    print_fmt(p, "\\%c", (unsigned)c);
                } else {
                    print_fmt(p, "\\x%02x", (unsigned)c);
                }
        }
    }
    print_strn(p, run, (size_t)(end - run));
    print_strn(p, &quote, 1);
}

static void bytes_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    size_t len;
    const char *s = obj_str_get_data(self, &len);
    if (str_native(self) == &type_bytearray) {
        print_fmt(p, "%q(", obj_type_name(self));
        bytes_repr_to(p, s, len);
        print_str(p, ")");
    } else {
        bytes_repr_to(p, s, len);
    }
}

/* ---- operators ---- */

static obj_t bytes_unary_op(unary_op_t op, obj_t self) {
    size_t len;
    const char *s = obj_str_get_data(self, &len);
    switch (op) {
        case UNARY_OP_BOOL: return OBJ_BOOL(len != 0);
        case UNARY_OP_LEN: return OBJ_NEW_SMALL_INT(len);
        case UNARY_OP_HASH: {
            if (str_native(self) == &type_bytearray) {
                return OBJ_NULL;
            }
            str_t *b = OBJ_TO_PTR(self);
            if (b->hash == 0) {
                b->hash = qstr_compute_hash(s, len);
            }
            return OBJ_NEW_SMALL_INT(b->hash);
        }
        default: return OBJ_NULL;
    }
}

static int buf_cmp(const char *a, size_t la, const char *b, size_t lb) {
    int c = memcmp(a, b, la < lb ? la : lb);
    return c != 0 ? c : (la > lb) - (la < lb);
}

static bool buf_contains(const char *s, size_t ls, obj_t item) {
    if (obj_is_int(item) || obj_is_type(item, &type_bool)) {
        intptr_t v;
        if (!obj_get_int_maybe(item, &v) || v < 0 || v > 255) {
            rt_raise_value_error("byte must be in range(0, 256)");
        }
        return memchr(s, (int)v, ls) != NULL;
    }
    size_t li;
    const char *i = str_bytes_data(item, &li);
    if (li == 0) {
        return true;
    }
    for (size_t k = 0; k + li <= ls; k++) {
        if (s[k] == i[0] && memcmp(s + k, i, li) == 0) {
            return true;
        }
    }
    return false;
}

/* Shared by bytes, bytearray and memoryview (which compares but does not concatenate). */
static obj_t buf_compare_op(binary_op_t op, const char *s, size_t ls, obj_t rhs) {
    const char *r;
    size_t lr;
    if (!str_get_buffer(rhs, &r, &lr)) {
        return OBJ_NULL;
    }
    int c = buf_cmp(s, ls, r, lr);
    switch (op) {
        case BINARY_OP_EQ: return OBJ_BOOL(c == 0);
        case BINARY_OP_NE: return OBJ_BOOL(c != 0);
        case BINARY_OP_LT: return OBJ_BOOL(c < 0);
        case BINARY_OP_GT: return OBJ_BOOL(c > 0);
        case BINARY_OP_LE: return OBJ_BOOL(c <= 0);
        default: return OBJ_BOOL(c >= 0);
    }
}

static obj_t bytes_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    size_t ls;
    const char *s = obj_str_get_data(lhs, &ls);
    bool is_ba = str_native(lhs) == &type_bytearray;
    switch (op) {
        case BINARY_OP_EQ: case BINARY_OP_NE: case BINARY_OP_LT: case BINARY_OP_GT: case BINARY_OP_LE: case BINARY_OP_GE:
            if (obj_is_type(rhs, &type_memoryview) && op != BINARY_OP_EQ && op != BINARY_OP_NE) {
                return OBJ_NULL;
            }
            return buf_compare_op(op, s, ls, rhs);
        case BINARY_OP_CONTAINS:
            return OBJ_BOOL(buf_contains(s, ls, rhs));
        case BINARY_OP_ADD: case BINARY_OP_INPLACE_ADD: {
            const char *r;
            size_t lr;
            if (!str_get_buffer(rhs, &r, &lr)) {
                if ((obj_get_type(rhs)->flags & TYPE_FLAG_USER) != 0) {
                    return OBJ_NULL;
                }
                rt_raise_type_error("can't concat %q to %q", obj_type_name(rhs), obj_type_name(lhs));
            }
            if (is_ba && op == BINARY_OP_INPLACE_ADD) {
                bytearray_t *b = OBJ_TO_PTR(lhs);
                size_t old = b->len;
                if (obj_is_type(rhs, &type_bytearray) && rhs == lhs) {
                    ba_resize(b, old * 2);
                    memcpy(b->items + old, b->items, old);
                } else {
                    ba_resize(b, old + lr);
                    memcpy(b->items + old, r, lr);
                }
                return lhs;
            }
            obj_t res = is_ba ? obj_new_bytearray(NULL, ls + lr) : obj_new_bytes(NULL, ls + lr);
            size_t n;
            char *d = (char *)obj_str_get_data(res, &n);
            memcpy(d, s, ls);
            memcpy(d + ls, r, lr);
            return res;
        }
        case BINARY_OP_MUL: case BINARY_OP_REVERSE_MUL: case BINARY_OP_INPLACE_MUL: {
            if (!obj_isinstance(rhs, &type_int) && (obj_get_type(rhs)->flags & TYPE_FLAG_USER)) {
                return OBJ_NULL;
            }
            obj_t res = str_repeat(lhs, rhs);
            if (is_ba && op == BINARY_OP_INPLACE_MUL) {
                bytearray_t *b = OBJ_TO_PTR(lhs), *rb = OBJ_TO_PTR(res);
                b->items = rb->items;
                b->len = rb->len;
                b->alloc = rb->alloc;
                return lhs;
            }
            return res;
        }
        case BINARY_OP_MOD: case BINARY_OP_INPLACE_MOD:
            return str_mod_format(lhs, rhs, true);
        default:
            return OBJ_NULL;
    }
}

/* ---- subscripts ---- */

static size_t norm_index(obj_t index, size_t len, const char *what) {
    if (!obj_is_index(index)) {
        rt_raise_type_error("%s indices must be integers or slices, not %q", what, obj_type_name(index));
    }
    intptr_t i = obj_get_index(index);
    if (i < 0) {
        i += (intptr_t)len;
    }
    if (i < 0 || (size_t)i >= len) {
        if (what[0] == 'b' && what[4] == 'a') {
            rt_raise_index_error("bytearray index out of range");
        }
        rt_raise_index_error("index out of range");
    }
    return (size_t)i;
}

static obj_t slice_copy(obj_t like, const char *s, size_t len, obj_t slice) {
    intptr_t start, stop, step;
    size_t n = obj_slice_indices(slice, len, &start, &stop, &step);
    obj_t r = str_native(like) == &type_bytearray ? obj_new_bytearray(NULL, n) : obj_new_bytes(NULL, n);
    size_t rl;
    char *d = (char *)obj_str_get_data(r, &rl);
    for (size_t i = 0; i < n; i++) {
        d[i] = s[start + (intptr_t)i * step];
    }
    return r;
}

/* bytearray[slice] = value / del bytearray[slice] (value OBJ_NULL). */
static void ba_store_slice(bytearray_t *b, obj_t slice, obj_t value) {
    intptr_t start, stop, step;
    size_t n = obj_slice_indices(slice, b->len, &start, &stop, &step);
    vstr_t vs;
    vstr_init(&vs, 16);
    if (value != OBJ_NULL) {
        if (obj_is_int(value)) {
            rt_raise_type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        }
        add_from(&vs, value);
    }
    if (step == 1) {
        size_t old_len = b->len, new_n = vs.len;
        if (stop < start) {
            stop = start;
        }
        size_t tail = old_len - (size_t)stop;
        if (new_n > n) {
            ba_resize(b, old_len + new_n - n);
        }
        memmove(b->items + start + new_n, b->items + stop, tail);
        memcpy(b->items + start, vs.buf, new_n);
        if (new_n < n) {
            ba_resize(b, old_len - (n - new_n));
        }
    } else if (value == OBJ_NULL) {
        size_t w = 0;
        for (size_t i = 0; i < b->len; i++) {
            intptr_t rel = (intptr_t)i - start;
            bool hit = step > 0 ? (rel >= 0 && rel % step == 0 && (size_t)(rel / step) < n)
                                : (rel <= 0 && (-rel) % (-step) == 0 && (size_t)(rel / step) < n);
            if (!hit) {
                b->items[w++] = b->items[i];
            }
        }
        ba_resize(b, w);
    } else {
        if (vs.len != n) {
            rt_raise_value_error("attempt to assign bytes of size %zu to extended slice of size %zu", vs.len, n);
        }
        for (size_t i = 0; i < n; i++) {
            b->items[start + (intptr_t)i * step] = (uint8_t)vs.buf[i];
        }
    }
    m_free(vs.buf);
}

static obj_t bytes_subscr(obj_t self, obj_t index, obj_t value) {
    size_t len;
    const char *s = obj_str_get_data(self, &len);
    bool is_ba = str_native(self) == &type_bytearray;
    const char *what = is_ba ? "bytearray" : "byte";
    if (value == OBJ_SENTINEL) {
        if (obj_is_type(index, &type_slice)) {
            return slice_copy(self, s, len, index);
        }
        return OBJ_NEW_SMALL_INT((uint8_t)s[norm_index(index, len, what)]);
    }
    if (!is_ba) {
        return OBJ_NULL;
    }
    bytearray_t *b = OBJ_TO_PTR(self);
    if (obj_is_type(index, &type_slice)) {
        ba_store_slice(b, index, value);
    } else if (value == OBJ_NULL) {
        size_t i = norm_index(index, len, what);
        memmove(b->items + i, b->items + i + 1, len - i - 1);
        ba_resize(b, len - 1);
    } else {
        b->items[norm_index(index, len, what)] = byte_value(value);
    }
    return OBJ_NONE;
}

/* ---- iteration ---- */

typedef struct {
    obj_base_t base;
    obj_t obj;
    size_t pos;
} bytes_iter_t;

static obj_t bytes_iter_next(obj_t self) {
    bytes_iter_t *it = OBJ_TO_PTR(self);
    const char *d;
    size_t len;
    str_get_buffer(it->obj, &d, &len);
    if (it->pos >= len) {
        return OBJ_STOP;
    }
    return OBJ_NEW_SMALL_INT((uint8_t)d[it->pos++]);
}

static const type_t type_bytes_iterator = {
    .base = { &type_type },
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = Q_bytes_iterator,
    .iternext = bytes_iter_next,
};

static obj_t bytes_getiter(obj_t self) {
    bytes_iter_t *it = m_new_obj(bytes_iter_t);
    it->base.type = &type_bytes_iterator;
    it->obj = self;
    it->pos = 0;
    return OBJ_FROM_PTR(it);
}

static int bytes_buffer(obj_t self, buffer_info_t *info, int flags) {
    if ((flags & BUFFER_WRITE) && str_native(self) != &type_bytearray) {
        return 1;
    }
    size_t len;
    info->buf = (void *)obj_str_get_data(self, &len);
    info->len = len;
    info->typecode = 'B';
    return 0;
}

/* ---- bytes-only methods ---- */

static obj_t bytes_hex(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = { { Q_sep, 0, OBJ_NULL }, { Q_bytes_per_sep, 0, OBJ_NEW_SMALL_INT(1) } };
    obj_t a[2];
    arg_parse(n_args - 1, n_kw, args + 1, spec, 2, a, "hex");
    size_t len;
    const char *s = str_bytes_data(args[0], &len);
    const char *sep = NULL;
    size_t sep_len = 0;
    if (a[0] != OBJ_NULL) {
        sep = obj_str_get_data(a[0], &sep_len);
        if (sep_len != 1) {
            rt_raise_value_error("sep must be length 1.");
        }
    }
    intptr_t per = obj_get_int(a[1]);
    size_t group = (size_t)(per < 0 ? -per : per);
    vstr_t vs;
    vstr_init(&vs, len * 3 + 1);
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < len; i++) {
        if (sep && i > 0 && group > 0) {
            size_t pos = per > 0 ? len - i : i;
            if (pos % group == 0) {
                vstr_add_strn(&vs, sep, 1);
            }
        }
        vstr_add_byte(&vs, (uint8_t)hex[(uint8_t)s[i] >> 4]);
        vstr_add_byte(&vs, (uint8_t)hex[(uint8_t)s[i] & 15]);
    }
    return obj_new_str_from_vstr(&vs);
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static obj_t bytes_fromhex(obj_t cls, obj_t string) {
    if (!str_is_str(string)) {
        rt_raise_type_error("fromhex() argument must be str, not %q", obj_type_name(string));
    }
    size_t len;
    const char *s = obj_str_get_data(string, &len);
    vstr_t vs;
    vstr_init(&vs, len / 2 + 1);
    for (size_t i = 0; i < len;) {
        if (s[i] == ' ' || (s[i] >= 9 && s[i] <= 13)) {
            i++;
            continue;
        }
        int hi = hex_digit(s[i]), lo = i + 1 < len ? hex_digit(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            rt_raise_value_error("non-hexadecimal number found in fromhex() arg at position %zu", hi < 0 ? i : i + 1);
        }
        vstr_add_byte(&vs, (uint8_t)(hi * 16 + lo));
        i += 2;
    }
    obj_t r = cls == OBJ_ROM(&type_bytearray) ? obj_new_bytearray((const uint8_t *)vs.buf, vs.len)
                                             : obj_new_bytes((const uint8_t *)vs.buf, vs.len);
    m_free(vs.buf);
    return r;
}

static obj_t bytes_decode(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = { { Q_encoding, 0, OBJ_NULL }, { Q_errors, 0, OBJ_NULL } };
    obj_t a[2];
    arg_parse(n_args - 1, n_kw, args + 1, spec, 2, a, "decode");
    size_t len;
    const char *s = str_bytes_data(args[0], &len);
    return str_decode(s, len, a[0], a[1]);
}

static obj_t bytes_translate(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = { { Q_table, ARG_REQUIRED, OBJ_NULL }, { Q_delete, 0, OBJ_NULL } };
    obj_t a[2];
    arg_parse(n_args - 1, n_kw, args + 1, spec, 2, a, "translate");
    size_t len, tlen = 0, dlen = 0;
    const char *s = obj_str_get_data(args[0], &len), *table = NULL, *del = NULL;
    if (a[0] != OBJ_NONE) {
        table = str_bytes_data(a[0], &tlen);
        if (tlen != 256) {
            rt_raise_value_error("translation table must be 256 characters long");
        }
    }
    if (a[1] != OBJ_NULL) {
        del = str_bytes_data(a[1], &dlen);
    }
    vstr_t vs;
    vstr_init(&vs, len + 1);
    for (size_t i = 0; i < len; i++) {
        uint8_t c = (uint8_t)s[i];
        if (del && memchr(del, c, dlen)) {
            continue;
        }
        vstr_add_byte(&vs, table ? (uint8_t)table[c] : c);
    }
    return str_from_vstr_like(args[0], &vs);
}

static obj_t bytes_maketrans(obj_t from, obj_t to) {
    size_t lf, lt;
    const char *f = str_bytes_data(from, &lf), *t = str_bytes_data(to, &lt);
    if (lf != lt) {
        rt_raise_value_error("maketrans arguments must have same length");
    }
    uint8_t table[256];
    for (int i = 0; i < 256; i++) {
        table[i] = (uint8_t)i;
    }
    for (size_t i = 0; i < lf; i++) {
        table[(uint8_t)f[i]] = (uint8_t)t[i];
    }
    return obj_new_bytes(table, 256);
}

/* ---- bytearray-only methods ---- */

static bytearray_t *ba_self(obj_t self) {
    return OBJ_TO_PTR(self);
}

static obj_t ba_append(obj_t self, obj_t item) {
    bytearray_t *b = ba_self(self);
    uint8_t v = byte_value(item);
    ba_resize(b, b->len + 1);
    b->items[b->len - 1] = v;
    return OBJ_NONE;
}

static obj_t ba_extend(obj_t self, obj_t src) {
    bytearray_t *b = ba_self(self);
    vstr_t vs;
    vstr_init(&vs, 16);
    add_from(&vs, src);
    size_t old = b->len;
    ba_resize(b, old + vs.len);
    memcpy(b->items + old, vs.buf, vs.len);
    m_free(vs.buf);
    return OBJ_NONE;
}

static obj_t ba_insert(obj_t self, obj_t index, obj_t item) {
    bytearray_t *b = ba_self(self);
    intptr_t i = obj_get_index(index);
    uint8_t v = byte_value(item);
    if (i < 0) {
        i += (intptr_t)b->len;
        if (i < 0) {
            i = 0;
        }
    }
    if ((size_t)i > b->len) {
        i = (intptr_t)b->len;
    }
    ba_resize(b, b->len + 1);
    memmove(b->items + i + 1, b->items + i, b->len - 1 - (size_t)i);
    b->items[i] = v;
    return OBJ_NONE;
}

static obj_t ba_pop(size_t n_args, const obj_t *args) {
    bytearray_t *b = ba_self(args[0]);
    if (b->len == 0) {
        rt_raise_index_error("pop from empty bytearray");
    }
    intptr_t i = n_args > 1 ? obj_get_index(args[1]) : -1;
    if (i < 0) {
        i += (intptr_t)b->len;
    }
    if (i < 0 || (size_t)i >= b->len) {
        rt_raise_index_error("pop index out of range");
    }
    uint8_t v = b->items[i];
    memmove(b->items + i, b->items + i + 1, b->len - (size_t)i - 1);
    ba_resize(b, b->len - 1);
    return OBJ_NEW_SMALL_INT(v);
}

static obj_t ba_remove(obj_t self, obj_t item) {
    bytearray_t *b = ba_self(self);
    uint8_t v = byte_value(item);
    uint8_t *p = memchr(b->items, v, b->len);
    if (p == NULL) {
        rt_raise_value_error("value not found in bytearray");
    }
    memmove(p, p + 1, b->len - (size_t)(p - b->items) - 1);
    ba_resize(b, b->len - 1);
    return OBJ_NONE;
}

static obj_t ba_clear(obj_t self) {
    ba_resize(ba_self(self), 0);
    return OBJ_NONE;
}

static obj_t ba_copy(obj_t self) {
    bytearray_t *b = ba_self(self);
    return obj_new_bytearray(b->items, b->len);
}

static obj_t ba_reverse(obj_t self) {
    bytearray_t *b = ba_self(self);
    for (size_t i = 0, j = b->len; i + 1 < j; i++, j--) {
        uint8_t t = b->items[i];
        b->items[i] = b->items[j - 1];
        b->items[j - 1] = t;
    }
    return OBJ_NONE;
}

/* bytearray.__init__: what a subclass's construction calls to fill the (empty) instance. */
static obj_t ba_init(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t fresh = bytes_make_new(&type_bytearray, n_args - 1, n_kw, args + 1);
    bytearray_t *b = ba_self(args[0]), *f = OBJ_TO_PTR(fresh);
    b->items = f->items;
    b->len = f->len;
    b->alloc = f->alloc;
    return OBJ_NONE;
}

static FUN_DEFINE_KW(bytes_hex_obj, 1, bytes_hex);
static FUN_DEFINE_KW(ba_init_obj, 1, ba_init);
static FUN_DEFINE_2(bytes_fromhex_fun_obj, bytes_fromhex);
static const static_class_method_t bytes_fromhex_obj = { { &type_classmethod }, OBJ_ROM(&bytes_fromhex_fun_obj) };
static FUN_DEFINE_KW(bytes_decode_obj, 1, bytes_decode);
static FUN_DEFINE_KW(bytes_translate_obj, 2, bytes_translate);
static FUN_DEFINE_2(bytes_maketrans_fun_obj, bytes_maketrans);
static const static_class_method_t bytes_maketrans_obj = { { &type_staticmethod }, OBJ_ROM(&bytes_maketrans_fun_obj) };
static FUN_DEFINE_2(ba_append_obj, ba_append);
static FUN_DEFINE_2(ba_extend_obj, ba_extend);
static FUN_DEFINE_3(ba_insert_obj, ba_insert);
static FUN_DEFINE_VAR(ba_pop_obj, 1, 2, ba_pop);
static FUN_DEFINE_2(ba_remove_obj, ba_remove);
static FUN_DEFINE_1(ba_clear_obj, ba_clear);
static FUN_DEFINE_1(ba_copy_obj, ba_copy);
static FUN_DEFINE_1(ba_reverse_obj, ba_reverse);

#define BYTES_COMMON_METHODS \
    { QOBJ(capitalize), OBJ_ROM(&strm_capitalize_obj) }, \
    { QOBJ(center), OBJ_ROM(&strm_center_obj) }, \
    { QOBJ(count), OBJ_ROM(&strm_count_obj) }, \
    { QOBJ(decode), OBJ_ROM(&bytes_decode_obj) }, \
    { QOBJ(endswith), OBJ_ROM(&strm_endswith_obj) }, \
    { QOBJ(expandtabs), OBJ_ROM(&strm_expandtabs_obj) }, \
    { QOBJ(find), OBJ_ROM(&strm_find_obj) }, \
    { QOBJ(fromhex), OBJ_ROM(&bytes_fromhex_obj) }, \
    { QOBJ(hex), OBJ_ROM(&bytes_hex_obj) }, \
    { QOBJ(index), OBJ_ROM(&strm_index_obj) }, \
    { QOBJ(isalnum), OBJ_ROM(&strm_isalnum_obj) }, \
    { QOBJ(isalpha), OBJ_ROM(&strm_isalpha_obj) }, \
    { QOBJ(isascii), OBJ_ROM(&strm_isascii_obj) }, \
    { QOBJ(isdigit), OBJ_ROM(&strm_isdigit_obj) }, \
    { QOBJ(islower), OBJ_ROM(&strm_islower_obj) }, \
    { QOBJ(isspace), OBJ_ROM(&strm_isspace_obj) }, \
    { QOBJ(istitle), OBJ_ROM(&strm_istitle_obj) }, \
    { QOBJ(isupper), OBJ_ROM(&strm_isupper_obj) }, \
    { QOBJ(join), OBJ_ROM(&strm_join_obj) }, \
    { QOBJ(ljust), OBJ_ROM(&strm_ljust_obj) }, \
    { QOBJ(lower), OBJ_ROM(&strm_lower_obj) }, \
    { QOBJ(lstrip), OBJ_ROM(&strm_lstrip_obj) }, \
    { QOBJ(maketrans), OBJ_ROM(&bytes_maketrans_obj) }, \
    { QOBJ(partition), OBJ_ROM(&strm_partition_obj) }, \
    { QOBJ(removeprefix), OBJ_ROM(&strm_removeprefix_obj) }, \
    { QOBJ(removesuffix), OBJ_ROM(&strm_removesuffix_obj) }, \
    { QOBJ(replace), OBJ_ROM(&strm_replace_obj) }, \
    { QOBJ(rfind), OBJ_ROM(&strm_rfind_obj) }, \
    { QOBJ(rindex), OBJ_ROM(&strm_rindex_obj) }, \
    { QOBJ(rjust), OBJ_ROM(&strm_rjust_obj) }, \
    { QOBJ(rpartition), OBJ_ROM(&strm_rpartition_obj) }, \
    { QOBJ(rsplit), OBJ_ROM(&strm_rsplit_obj) }, \
    { QOBJ(rstrip), OBJ_ROM(&strm_rstrip_obj) }, \
    { QOBJ(split), OBJ_ROM(&strm_split_obj) }, \
    { QOBJ(splitlines), OBJ_ROM(&strm_splitlines_obj) }, \
    { QOBJ(startswith), OBJ_ROM(&strm_startswith_obj) }, \
    { QOBJ(strip), OBJ_ROM(&strm_strip_obj) }, \
    { QOBJ(swapcase), OBJ_ROM(&strm_swapcase_obj) }, \
    { QOBJ(title), OBJ_ROM(&strm_title_obj) }, \
    { QOBJ(translate), OBJ_ROM(&bytes_translate_obj) }, \
    { QOBJ(upper), OBJ_ROM(&strm_upper_obj) }, \
    { QOBJ(zfill), OBJ_ROM(&strm_zfill_obj) },

static const map_elem_t bytes_locals_table[] = {
    BYTES_COMMON_METHODS
};
DICT_ROM(bytes_locals_dict, bytes_locals_table);

static const map_elem_t bytearray_locals_table[] = {
    BYTES_COMMON_METHODS
    { QOBJ(__init__), OBJ_ROM(&ba_init_obj) },
    { QOBJ(append), OBJ_ROM(&ba_append_obj) },
    { QOBJ(clear), OBJ_ROM(&ba_clear_obj) },
    { QOBJ(copy), OBJ_ROM(&ba_copy_obj) },
    { QOBJ(extend), OBJ_ROM(&ba_extend_obj) },
    { QOBJ(insert), OBJ_ROM(&ba_insert_obj) },
    { QOBJ(pop), OBJ_ROM(&ba_pop_obj) },
    { QOBJ(remove), OBJ_ROM(&ba_remove_obj) },
    { QOBJ(reverse), OBJ_ROM(&ba_reverse_obj) },
};
DICT_ROM(bytearray_locals_dict, bytearray_locals_table);

const type_t type_bytes = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_bytes,
    .print = bytes_print,
    .make_new = bytes_make_new,
    .unary_op = bytes_unary_op,
    .binary_op = bytes_binary_op,
    .subscr = bytes_subscr,
    .getiter = bytes_getiter,
    .buffer = bytes_buffer,
    .locals_dict = &bytes_locals_dict,
};

const type_t type_bytearray = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_bytearray,
    .print = bytes_print,
    .make_new = bytes_make_new,
    .unary_op = bytes_unary_op,
    .binary_op = bytes_binary_op,
    .subscr = bytes_subscr,
    .getiter = bytes_getiter,
    .buffer = bytes_buffer,
    .locals_dict = &bytearray_locals_dict,
};

/* ---- memoryview ---- */

static const char *mv_data(const memoryview_t *m, size_t *len) {
    if (m->released) {
        rt_raise_value_error("operation forbidden on released memoryview object");
    }
    size_t blen;
    const char *d;
    if (!str_get_buffer(m->obj, &d, &blen)) {
        d = "", blen = 0;
    }
    size_t start = m->start < blen ? m->start : blen;
    *len = m->len < blen - start ? m->len : blen - start;
    return d + start;
}

static obj_t mv_new(obj_t obj, size_t start, size_t len, bool readonly) {
    memoryview_t *m = m_new_obj(memoryview_t);
    m->base.type = &type_memoryview;
    m->obj = obj;
    m->start = start;
    m->len = len;
    m->readonly = readonly;
    m->released = false;
    return OBJ_FROM_PTR(m);
}

static obj_t mv_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    static const arg_spec_t spec[] = { { Q_object, ARG_REQUIRED, OBJ_NULL } };
    obj_t obj;
    arg_parse(n_args, n_kw, args, spec, 1, &obj, "memoryview");
    const char *d;
    size_t len;
    if (!str_get_buffer(obj, &d, &len)) {
        rt_raise_type_error("memoryview: a bytes-like object is required, not '%q'", obj_type_name(obj));
    }
    if (obj_is_type(obj, &type_memoryview)) {
        memoryview_t *src = OBJ_TO_PTR(obj);
        return mv_new(src->obj, src->start, len, src->readonly);
    }
    buffer_info_t info;
    bool writable = str_native(obj) == &type_bytearray
                    || (str_native(obj) != &type_bytes && obj_get_type(obj)->buffer != NULL
                        && obj_get_type(obj)->buffer(obj, &info, BUFFER_WRITE) == 0);
    return mv_new(obj, 0, len, !writable);
}

static void mv_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    memoryview_t *m = OBJ_TO_PTR(self);
    print_fmt(p, m->released ? "<released memory at %p>" : "<memory at %p>", self);
}

static obj_t mv_unary_op(unary_op_t op, obj_t self) {
    size_t len;
    mv_data(OBJ_TO_PTR(self), &len);
    switch (op) {
        case UNARY_OP_BOOL: return OBJ_BOOL(len != 0);
        case UNARY_OP_LEN: return OBJ_NEW_SMALL_INT(len);
        default: return OBJ_NULL;
    }
}

static obj_t mv_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    if (op != BINARY_OP_EQ && op != BINARY_OP_NE) {
        return OBJ_NULL;
    }
    memoryview_t *m = OBJ_TO_PTR(lhs);
    if (m->released) {
        return OBJ_BOOL((lhs == rhs) == (op == BINARY_OP_EQ));
    }
    size_t len;
    const char *d = mv_data(m, &len);
    return buf_compare_op(op, d, len, rhs);
}

static obj_t mv_subscr(obj_t self, obj_t index, obj_t value) {
    memoryview_t *m = OBJ_TO_PTR(self);
    size_t len;
    const char *d = mv_data(m, &len);
    if (value == OBJ_NULL) {
        rt_raise_type_error("cannot delete memory");
    }
    if (value != OBJ_SENTINEL && m->readonly) {
        rt_raise_type_error("cannot modify read-only memory");
    }
    if (obj_is_type(index, &type_slice)) {
        intptr_t start, stop, step;
        size_t n = obj_slice_indices(index, len, &start, &stop, &step);
        if (value == OBJ_SENTINEL) {
            if (step == 1) {
                return mv_new(m->obj, m->start + (size_t)start, n, m->readonly);
            }
            return mv_new(slice_copy(OBJ_NULL, d, len, index), 0, n, true);
        }
        const char *src;
        size_t sl;
        if (!str_get_buffer(value, &src, &sl)) {
            rt_raise_type_error("a bytes-like object is required, not '%q'", obj_type_name(value));
        }
        if (sl != n) {
            rt_raise_value_error("memoryview assignment: lvalue and rvalue have different structures");
        }
        char *w = (char *)d;
        vstr_t tmp;
        vstr_init(&tmp, sl + 1);
        vstr_add_strn(&tmp, src, sl);   /* src may overlap the destination */
        for (size_t i = 0; i < n; i++) {
            w[start + (intptr_t)i * step] = tmp.buf[i];
        }
        m_free(tmp.buf);
        return OBJ_NONE;
    }
    if (!obj_is_int(index) && !obj_is_type(index, &type_bool)) {
        rt_raise_type_error("memoryview: invalid slice key");
    }
    intptr_t i = obj_get_index(index);
    if (i < 0) {
        i += (intptr_t)len;
    }
    if (i < 0 || (size_t)i >= len) {
        rt_raise_index_error("index out of bounds on dimension 1");
    }
    if (value == OBJ_SENTINEL) {
        return OBJ_NEW_SMALL_INT((uint8_t)d[i]);
    }
    if (!obj_is_int(value)) {
        rt_raise_type_error("memoryview: invalid type for format 'B'");
    }
    intptr_t v = obj_get_int(value);
    if (v < 0 || v > 255) {
        rt_raise_value_error("memoryview: invalid value for format 'B'");
    }
    ((char *)d)[i] = (char)v;
    return OBJ_NONE;
}

static obj_t mv_getiter(obj_t self) {
    return bytes_getiter(self);
}

static int mv_buffer(obj_t self, buffer_info_t *info, int flags) {
    memoryview_t *m = OBJ_TO_PTR(self);
    if ((flags & BUFFER_WRITE) && m->readonly) {
        return 1;
    }
    size_t len;
    info->buf = (void *)mv_data(m, &len);
    info->len = len;
    info->typecode = 'B';
    return 0;
}

static void mv_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] != OBJ_NULL) {
        return;
    }
    memoryview_t *m = OBJ_TO_PTR(self);
    size_t len;
    switch (attr) {
        case Q_itemsize: dest[0] = OBJ_NEW_SMALL_INT(1); break;
        case Q_ndim: dest[0] = OBJ_NEW_SMALL_INT(1); break;
        case Q_readonly: mv_data(m, &len); dest[0] = OBJ_BOOL(m->readonly); break;
        case Q_nbytes: mv_data(m, &len); dest[0] = OBJ_NEW_SMALL_INT(len); break;
        case Q_obj: mv_data(m, &len); dest[0] = m->obj; break;
        case Q_format: dest[0] = QOBJ(B); break;
        case Q_released: dest[0] = OBJ_BOOL(m->released); break;
        default: break;
    }
}

static obj_t mv_tobytes(obj_t self) {
    size_t len;
    const char *d = mv_data(OBJ_TO_PTR(self), &len);
    return obj_new_bytes((const uint8_t *)d, len);
}

static obj_t mv_tolist(obj_t self) {
    size_t len;
    const char *d = mv_data(OBJ_TO_PTR(self), &len);
    obj_t list = obj_new_list(len, NULL);
    size_t n;
    obj_t *items;
    obj_list_get(list, &n, &items);
    for (size_t i = 0; i < len; i++) {
        items[i] = OBJ_NEW_SMALL_INT((uint8_t)d[i]);
    }
    return list;
}

static obj_t mv_release(obj_t self) {
    ((memoryview_t *)OBJ_TO_PTR(self))->released = true;
    return OBJ_NONE;
}

static obj_t mv_enter(obj_t self) {
    size_t len;
    mv_data(OBJ_TO_PTR(self), &len);
    return self;
}

static obj_t mv_exit(size_t n_args, const obj_t *args) {
    (void)n_args;
    return mv_release(args[0]);
}

static obj_t mv_hex(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[5];
    size_t total = n_args + 2 * n_kw;
    if (total > 5) {
        rt_raise_type_error("hex() takes at most 2 arguments");
    }
    memcpy(a, args, total * sizeof(obj_t));
    a[0] = mv_tobytes(args[0]);
    return bytes_hex(n_args, n_kw, a);
}

static obj_t mv_toreadonly(obj_t self) {
    memoryview_t *m = OBJ_TO_PTR(self);
    size_t len;
    mv_data(m, &len);
    return mv_new(m->obj, m->start, m->len, true);
}

static FUN_DEFINE_1(mv_tobytes_obj, mv_tobytes);
static FUN_DEFINE_1(mv_tolist_obj, mv_tolist);
static FUN_DEFINE_1(mv_release_obj, mv_release);
static FUN_DEFINE_1(mv_enter_obj, mv_enter);
static FUN_DEFINE_VAR(mv_exit_obj, 1, 4, mv_exit);
static FUN_DEFINE_KW(mv_hex_obj, 1, mv_hex);
static FUN_DEFINE_1(mv_toreadonly_obj, mv_toreadonly);

static const map_elem_t memoryview_locals_table[] = {
    { QOBJ(__enter__), OBJ_ROM(&mv_enter_obj) },
    { QOBJ(__exit__), OBJ_ROM(&mv_exit_obj) },
    { QOBJ(hex), OBJ_ROM(&mv_hex_obj) },
    { QOBJ(release), OBJ_ROM(&mv_release_obj) },
    { QOBJ(tobytes), OBJ_ROM(&mv_tobytes_obj) },
    { QOBJ(tolist), OBJ_ROM(&mv_tolist_obj) },
    { QOBJ(toreadonly), OBJ_ROM(&mv_toreadonly_obj) },
};
DICT_ROM(memoryview_locals_dict, memoryview_locals_table);

const type_t type_memoryview = {
    .base = { &type_type },
    .name = Q_memoryview,
    .print = mv_print,
    .make_new = mv_make_new,
    .unary_op = mv_unary_op,
    .binary_op = mv_binary_op,
    .attr = mv_attr,
    .subscr = mv_subscr,
    .getiter = mv_getiter,
    .buffer = mv_buffer,
    .locals_dict = &memoryview_locals_dict,
};
