/* modstruct.c: the struct module: pack, unpack, pack_into, unpack_from, calcsize, iter_unpack.
 * Every CPython format code (x c b B ? h H i I l L q Q n N e f d s p P), the byte orders @ = < > !,
 * repeat counts and native alignment for @.  A format is walked twice, once to size and count it
 * and once to convert, so no parsed form is ever allocated.  struct.error is a ValueError subclass
 * (CPython's derives from Exception; catching ValueError is what MicroPython code does). */
#include <float.h>
#include <math.h>
#include <string.h>
#include "gc.h"
#include "objstr.h"
#include "runtime.h"

/* struct.error: ValueError's type copied under a new name on first import (the exception slots
 * are private to objexcept.c, so a const initialiser can't name them). */
static type_t struct_error_type;

static obj_t struct_init(obj_t module) {
    (void)module;
    struct_error_type = type_ValueError;
    struct_error_type.name = Q_error;
    struct_error_type.parent = &type_ValueError;
    return OBJ_NONE;
}
static FUN_DEFINE_1(struct_init_obj, struct_init);

#define struct_error(...) rt_raise_msg(&struct_error_type, __VA_ARGS__)

/* ---- format walking ---- */

typedef struct {
    const char *p, *end;
    bool native;     /* '@': native sizes and alignment */
    bool little;     /* byte order */
} fmt_t;

static void fmt_start(fmt_t *f, obj_t fmt_obj) {
    size_t len;
    if (obj_is_str(fmt_obj)) {
        f->p = obj_str_get_data(fmt_obj, &len);
    } else {
        f->p = str_bytes_data(fmt_obj, &len);
    }
    f->end = f->p + len;
    f->native = true;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    f->little = false;
#else
    f->little = true;
#endif
    if (f->p < f->end) {
        switch (*f->p) {
            case '@': f->p++; break;
            case '=': f->p++; f->native = false; break;
            case '<': f->p++; f->native = false; f->little = true; break;
            case '>': case '!': f->p++; f->native = false; f->little = false; break;
            default: break;
        }
    }
}

/* Size of one item of code: 0 for an unknown code. */
static size_t code_size(char c, bool native) {
    switch (c) {
        case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
        case 'h': case 'H': case 'e': return 2;
        case 'i': case 'I': case 'f': return 4;
        case 'l': case 'L': return native ? sizeof(long) : 4;
        case 'q': case 'Q': case 'd': return 8;
        case 'n': case 'N': return native ? sizeof(size_t) : 0;
        case 'P': return native ? sizeof(void *) : 0;
        default: return 0;
    }
}

/* The next code with its repeat count; false at the end.  *offset is aligned for it when native. */
static bool fmt_next(fmt_t *f, char *code, size_t *count, size_t *offset) {
    while (f->p < f->end && (*f->p == ' ' || (*f->p >= '\t' && *f->p <= '\r'))) {
        f->p++;
    }
    if (f->p >= f->end) {
        return false;
    }
    size_t n = 1;
    if (*f->p >= '0' && *f->p <= '9') {
        n = 0;
        while (f->p < f->end && *f->p >= '0' && *f->p <= '9') {
            if (n > (SIZE_MAX >> 5)) {
                struct_error("total struct size too long");
            }
            n = n * 10 + (size_t)(*f->p++ - '0');
        }
        if (f->p >= f->end) {
            struct_error("repeat count given without format specifier");
        }
    }
    *code = *f->p++;
    size_t size = code_size(*code, f->native);
    if (size == 0) {
        struct_error("bad char in struct format");
    }
    if (f->native && size > 1) {
        *offset = (*offset + size - 1) & ~(size - 1);
    }
    *count = n;
    return true;
}

static bool code_takes_value(char c) {
    return c != 'x';
}

/* Total size and number of values of a format. */
static size_t fmt_measure(obj_t fmt_obj, size_t *n_values) {
    fmt_t f;
    fmt_start(&f, fmt_obj);
    size_t size = 0, n = 0, count;
    char c;
    while (fmt_next(&f, &c, &count, &size)) {
        size_t item = code_size(c, f.native);
        if (count > (SIZE_MAX - size) / item) {
            struct_error("total struct size too long");
        }
        size += item * count;
        if (c == 's' || c == 'p') {
            n++;
        } else if (code_takes_value(c)) {
            n += count;
        }
    }
    if (n_values != NULL) {
        *n_values = n;
    }
    return size;
}

/* ---- integers ---- */

static uint64_t get_bytes(const uint8_t *p, size_t n, bool little) {
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        v = (v << 8) | p[little ? n - 1 - i : i];
    }
    return v;
}

static void put_bytes(uint8_t *p, size_t n, bool little, uint64_t v) {
    for (size_t i = 0; i < n; i++) {
        p[little ? i : n - 1 - i] = (uint8_t)v;
        v >>= 8;
    }
}

static bool is_unsigned(char c) {
    return c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N' || c == 'P';
}

/* The value as n bytes' worth of two's complement, with CPython's range check. */
static uint64_t int_value(obj_t o, char c, size_t n) {
    if (!obj_is_index(o)) {
        struct_error("required argument is not an integer");
    }
    o = int_index(o);
    bool uns = is_unsigned(c);
    intptr_t small;
    uint64_t v;
    if (obj_get_int_maybe(o, &small)) {
        if (uns && small < 0) {
            goto range;
        }
        v = (uint64_t)small;
    } else {
        obj_t lo = uns ? OBJ_NEW_SMALL_INT(0) : obj_new_int_from_ll(INT64_MIN);
        obj_t hi = uns ? obj_new_int_from_ull(UINT64_MAX) : obj_new_int_from_ll(INT64_MAX);
        if (obj_is_true(int_binary_op(BINARY_OP_LT, o, lo)) || obj_is_true(int_binary_op(BINARY_OP_GT, o, hi))) {
            goto range;
        }
        uint64_t h = (uint64_t)obj_get_ll(int_binary_op(BINARY_OP_RSHIFT, o, OBJ_NEW_SMALL_INT(32)));
        uint64_t l = (uint64_t)obj_get_ll(int_binary_op(BINARY_OP_AND, o, obj_new_int_from_ll(0xffffffff)));
        v = h << 32 | l;
    }
    if (n < 8) {
        int bits = (int)n * 8;
        if (uns ? v >> bits != 0 : ((int64_t)v < -((int64_t)1 << (bits - 1)) || (int64_t)v >= ((int64_t)1 << (bits - 1)))) {
            goto range;
        }
    }
    return v;
range:
    if (n >= 8) {
        struct_error("argument out of range");
    }
    if (uns) {
        struct_error("'%c' format requires 0 <= number <= %lld", c, (long long)((1ULL << (n * 8)) - 1));
    }
    struct_error("'%c' format requires %lld <= number <= %lld", c, -(1LL << (n * 8 - 1)), (1LL << (n * 8 - 1)) - 1);
}

/* ---- floats ---- */

#if CONFIG_FLOAT
/* IEEE half precision, rounding to nearest even as CPython does. */
static uint16_t half_from(double x) {
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    if (isnan(x)) {
        return sign | 0x7e00;
    }
    if (isinf(x)) {
        return sign | 0x7c00;
    }
    x = fabs(x);
    if (x == 0) {
        return sign;
    }
    int e;
    double f = frexp(x, &e) * 2;   /* x = f * 2**(e-1), 1 <= f < 2 */
    e -= 1;
    if (e >= 16) {
        goto overflow;
    }
    if (e < -25) {
        f = 0;   /* underflows to zero */
        e = 0;
    } else if (e < -14) {
        f = ldexp(f, 14 + e);   /* subnormal */
        e = 0;
    } else {
        e += 15;
        f -= 1;
    }
    f *= 1024;
    unsigned bits = (unsigned)f;
    f -= bits;
    if (f > 0.5 || (f == 0.5 && (bits & 1))) {
        if (++bits == 1024) {
            bits = 0;
            if (++e == 31) {
                goto overflow;
            }
        }
    }
    return (uint16_t)(sign | (unsigned)e << 10 | bits);
overflow:
    rt_raise_overflow("float too large to pack with e format");
}

static double half_to(uint16_t h) {
    int e = (h >> 10) & 0x1f;
    unsigned f = h & 0x3ff;
    double x;
    if (e == 0x1f) {
        x = f ? NAN : INFINITY;
    } else if (e == 0) {
        x = ldexp((double)f, -24);
    } else {
        x = ldexp((double)(f + 1024), e - 25);
    }
    return (h & 0x8000) ? -x : x;
}

static double float_value(obj_t o) {
    float_val_t v;
    if (!obj_get_float_maybe(o, &v)) {
        struct_error("required argument is not a float");
    }
    return (double)v;
}

static uint64_t pack_float(obj_t o, char c) {
    double x = float_value(o);
    if (c == 'e') {
        return half_from(x);
    }
    if (c == 'f') {
        float y = (float)x;
        if (isinf(y) && !isinf(x)) {
            rt_raise_overflow("float too large to pack with f format");
        }
        uint32_t u;
        memcpy(&u, &y, 4);
        return u;
    }
    uint64_t u;
    memcpy(&u, &x, 8);
    return u;
}

static obj_t unpack_float(uint64_t u, char c) {
    if (c == 'e') {
        return obj_new_float((float_val_t)half_to((uint16_t)u));
    }
    if (c == 'f') {
        uint32_t u32 = (uint32_t)u;
        float y;
        memcpy(&y, &u32, 4);
        return obj_new_float((float_val_t)y);
    }
    double x;
    memcpy(&x, &u, 8);
    return obj_new_float((float_val_t)x);
}
#else
static uint64_t pack_float(obj_t o, char c) {
    (void)o, (void)c;
    struct_error("bad char in struct format");
}
static obj_t unpack_float(uint64_t u, char c) {
    (void)u, (void)c;
    struct_error("bad char in struct format");
}
#endif

/* ---- packing and unpacking a whole format ---- */

/* Writes values[0..n) at buf (already zeroed, size checked). */
static void pack_values(obj_t fmt_obj, uint8_t *buf, const obj_t *values) {
    fmt_t f;
    fmt_start(&f, fmt_obj);
    size_t offset = 0, count;
    char c;
    while (fmt_next(&f, &c, &count, &offset)) {
        size_t n = code_size(c, f.native);
        if (c == 's' || c == 'p') {
            obj_t v = *values++;
            if (!str_is_bytes(v)) {
                struct_error("argument for '%c' must be a bytes object", c);
            }
            size_t len;
            const char *d = obj_str_get_data(v, &len);
            size_t room = c == 'p' ? (count ? count - 1 : 0) : count;
            if (len > room) {
                len = room;
            }
            if (c == 'p' && count > 0) {
                buf[offset] = (uint8_t)(len < 255 ? len : 255);
                memcpy(buf + offset + 1, d, len);
            } else {
                memcpy(buf + offset, d, len);
            }
            offset += count;
            continue;
        }
        for (size_t i = 0; i < count; i++, offset += n) {
            uint64_t u;
            if (c == 'x') {
                continue;
            }
            obj_t v = *values++;
            if (c == 'c') {
                if (!str_is_bytes(v) || obj_len(v) != 1) {
                    struct_error("char format requires a bytes object of length 1");
                }
                size_t one;
                u = (uint8_t)obj_str_get_data(v, &one)[0];
            } else if (c == '?') {
                u = obj_is_true(v);
            } else if (c == 'e' || c == 'f' || c == 'd') {
                u = pack_float(v, c);
            } else {
                u = int_value(v, c, n);
            }
            put_bytes(buf + offset, n, f.little, u);
        }
    }
}

static obj_t unpack_values(obj_t fmt_obj, const uint8_t *buf, size_t n_values) {
    obj_t res = obj_new_tuple(n_values, NULL);
    obj_t *out = ((tuple_t *)OBJ_TO_PTR(res))->items;
    fmt_t f;
    fmt_start(&f, fmt_obj);
    size_t offset = 0, count;
    char c;
    while (fmt_next(&f, &c, &count, &offset)) {
        size_t n = code_size(c, f.native);
        if (c == 's') {
            *out++ = obj_new_bytes(buf + offset, count);
            offset += count;
            continue;
        }
        if (c == 'p') {
            size_t len = count ? buf[offset] : 0;
            if (count && len > count - 1) {
                len = count - 1;
            }
            *out++ = obj_new_bytes(buf + offset + 1, len);
            offset += count;
            continue;
        }
        for (size_t i = 0; i < count; i++, offset += n) {
            if (c == 'x') {
                continue;
            }
            uint64_t u = get_bytes(buf + offset, n, f.little);
            if (c == 'c') {
                *out++ = obj_new_bytes(buf + offset, 1);
            } else if (c == '?') {
                *out++ = OBJ_BOOL(u != 0);
            } else if (c == 'e' || c == 'f' || c == 'd') {
                *out++ = unpack_float(u, c);
            } else if (is_unsigned(c)) {
                *out++ = obj_new_int_from_ull(u);
            } else {
                if (n < 8 && (u >> (n * 8 - 1)) & 1) {
                    u |= ~(uint64_t)0 << (n * 8);   /* sign-extend */
                }
                *out++ = obj_new_int_from_ll((long long)u);
            }
        }
    }
    return res;
}

/* ---- the module functions ---- */

static obj_t struct_calcsize(obj_t fmt) {
    return obj_new_int((intptr_t)fmt_measure(fmt, NULL));
}
static FUN_DEFINE_1(struct_calcsize_obj, struct_calcsize);

static size_t check_values(obj_t fmt, size_t n_given, const char *what) {
    size_t n;
    size_t size = fmt_measure(fmt, &n);
    if (n != n_given) {
        struct_error("%s expected %u items for packing (got %u)", what, (unsigned)n, (unsigned)n_given);
    }
    return size;
}

static obj_t struct_pack(size_t n_args, const obj_t *args) {
    size_t size = check_values(args[0], n_args - 1, "pack");
    obj_t res = obj_new_bytes(NULL, size);
    uint8_t *buf = (uint8_t *)((str_t *)OBJ_TO_PTR(res))->data;
    memset(buf, 0, size);
    pack_values(args[0], buf, args + 1);
    return res;
}
static FUN_DEFINE_VAR(struct_pack_obj, 1, FUN_ARGS_MAX, struct_pack);

/* offset counted from the end when negative, as CPython does. */
static size_t buffer_offset(obj_t off_obj, size_t buf_len, size_t size, const char *what, const char *verb) {
    intptr_t off = obj_get_int(off_obj);
    if (off < 0) {
        if ((size_t)-off > buf_len) {
            struct_error("offset %d out of range for %u-byte buffer", (int)off, (unsigned)buf_len);
        }
        off += (intptr_t)buf_len;
    }
    if ((size_t)off > buf_len || buf_len - (size_t)off < size) {
        struct_error("%s requires a buffer of at least %u bytes for %s %u bytes at offset %u "
                     "(actual buffer size is %u)", what, (unsigned)(size + (size_t)off), verb,
                     (unsigned)size, (unsigned)off, (unsigned)buf_len);
    }
    return (size_t)off;
}

static obj_t struct_pack_into(size_t n_args, const obj_t *args) {
    size_t size = check_values(args[0], n_args - 3, "pack_into");
    buffer_info_t info;
    const type_t *t = obj_get_type(args[1]);
    if (t->buffer == NULL || t->buffer(args[1], &info, BUFFER_WRITE) != 0) {
        rt_raise_type_error("argument must be read-write bytes-like object, not %q", obj_type_name(args[1]));
    }
    size_t off = buffer_offset(args[2], info.len, size, "pack_into", "packing");
    /* Values are converted into a scratch copy first (on the C stack for the usual small formats):
     * converting may run Python code (__index__) that resizes or frees the target's buffer. */
    uint8_t small[64];
    uint8_t *tmp = size <= sizeof(small) ? small : m_new(uint8_t, size);
    memset(tmp, 0, size);
    pack_values(args[0], tmp, args + 3);
    if (t->buffer(args[1], &info, BUFFER_WRITE) == 0 && off + size <= info.len) {
        memcpy((uint8_t *)info.buf + off, tmp, size);
    }
    if (tmp != small) {
        m_free(tmp);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(struct_pack_into_obj, 3, FUN_ARGS_MAX, struct_pack_into);

static obj_t struct_unpack(obj_t fmt, obj_t buffer) {
    size_t n, len;
    size_t size = fmt_measure(fmt, &n);
    const uint8_t *d = (const uint8_t *)str_bytes_data(buffer, &len);
    if (len != size) {
        struct_error("unpack requires a buffer of %u bytes", (unsigned)size);
    }
    return unpack_values(fmt, d, n);
}
static FUN_DEFINE_2(struct_unpack_obj, struct_unpack);

static obj_t struct_unpack_from(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_format, ARG_REQUIRED, OBJ_NULL }, { Q_buffer, ARG_REQUIRED, OBJ_NULL },
        { Q_offset, 0, OBJ_NEW_SMALL_INT(0) },
    };
    obj_t a[3];
    arg_parse(n_args, n_kw, args, spec, 3, a, "unpack_from");
    size_t n, len;
    size_t size = fmt_measure(a[0], &n);
    const uint8_t *d = (const uint8_t *)str_bytes_data(a[1], &len);
    size_t off = buffer_offset(a[2], len, size, "unpack_from", "unpacking");
    return unpack_values(a[0], d + off, n);
}
static FUN_DEFINE_KW(struct_unpack_from_obj, 2, struct_unpack_from);

/* iter_unpack: the tuples are made up front (a list iterator), which keeps this small. */
static obj_t struct_iter_unpack(obj_t fmt, obj_t buffer) {
    size_t n, len;
    size_t size = fmt_measure(fmt, &n);
    if (size == 0) {
        struct_error("cannot iteratively unpack with a struct of length 0");
    }
    str_bytes_data(buffer, &len);
    if (len % size != 0) {
        struct_error("iterative unpacking requires a buffer of a multiple of %u bytes", (unsigned)size);
    }
    obj_t list = obj_new_list(0, NULL);
    for (size_t off = 0; off < len; off += size) {
        const uint8_t *d = (const uint8_t *)str_bytes_data(buffer, &len);   /* re-read: it may move */
        obj_list_append(list, unpack_values(fmt, d + off, n));
    }
    return rt_getiter(list);
}
static FUN_DEFINE_2(struct_iter_unpack_obj, struct_iter_unpack);

static const map_elem_t struct_globals_table[] = {
    { QOBJ(__name__), QOBJ(struct) },
    { QOBJ(__init__), OBJ_ROM(&struct_init_obj) },
    { QOBJ(error), OBJ_ROM(&struct_error_type) },
    { QOBJ(calcsize), OBJ_ROM(&struct_calcsize_obj) },
    { QOBJ(pack), OBJ_ROM(&struct_pack_obj) },
    { QOBJ(pack_into), OBJ_ROM(&struct_pack_into_obj) },
    { QOBJ(unpack), OBJ_ROM(&struct_unpack_obj) },
    { QOBJ(unpack_from), OBJ_ROM(&struct_unpack_from_obj) },
    { QOBJ(iter_unpack), OBJ_ROM(&struct_iter_unpack_obj) },
};
static const DICT_ROM(struct_globals, struct_globals_table);

MODULE_ROM(module_struct, struct_globals);
REGISTER_MODULE(struct, module_struct);
