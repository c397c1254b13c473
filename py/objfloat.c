/* objfloat.c: the float type (a C double, or a C float with CONFIG_FLOAT 2): construction from
 * numbers and strings, arithmetic with Python's floor/modulo signs and error messages, exact
 * comparisons with ints, CPython's hash, the shortest round-tripping repr, format() support, and the
 * methods (is_integer, as_integer_ratio, hex, fromhex, __round__ ...). */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime.h"
#include "objstr.h"
#include "format.h"
#include "gc.h"
#include "objtype.h"

/* without a float type (CONFIG_FLOAT 0) this file compiles to nothing */
#if CONFIG_FLOAT

#if CONFIG_FLOAT == 1
#define REPR_MIN_DIGITS (15)
#define REPR_MAX_DIGITS (17)
#define STRTOF strtod
#define FLT_VAL_MIN DBL_MIN
#else
#define REPR_MIN_DIGITS (6)
#define REPR_MAX_DIGITS (9)
#define STRTOF strtof
#define FLT_VAL_MIN FLT_MIN
#endif

static inline float_val_t fval(obj_t o) {
    return ((const float_t_ *)o)->value;
}

obj_t obj_new_float(float_val_t v) {
    float_t_ *o = m_new_obj(float_t_);
    o->base.type = &type_float;
    o->value = v;
    return OBJ_FROM_PTR(o);
}

bool obj_get_float_maybe(obj_t o, float_val_t *out) {
    if (obj_is_float(o)) {
        *out = fval(o);
        return true;
    }
    if (obj_is_int(o) || obj_is_type(o, &type_bool)) {
        *out = int_as_float(o);
        return true;
    }
    return false;
}

float_val_t obj_get_float(obj_t o) {
    float_val_t v;
    if (obj_get_float_maybe(o, &v)) {
        return v;
    }
    obj_t dest[2];
    if ((obj_get_type(o)->flags & TYPE_FLAG_USER) && rt_load_method_maybe(o, Q___float__, dest)) {
        obj_t r = rt_call_method(o, Q___float__, 0, NULL);
        if (obj_is_float(r)) {
            return fval(r);
        }
        rt_raise_type_error("%q.__float__ returned non-float (type %q)", obj_type_name(o), obj_type_name(r));
    }
    rt_raise_type_error("must be real number, not %q", obj_type_name(o));
}

/* ---- parsing ---- */

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool match_word(const char *s, const char *e, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(e - s) != n) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if ((s[i] | 0x20) != word[i]) {
            return false;
        }
    }
    return true;
}

/* Copies a decimal float literal into buf without underscores, checking the syntax
 * digits[.digits][e[sign]digits] (underscores only between digits); false if malformed. */
static bool clean_decimal(const char *s, const char *e, char *buf) {
    size_t n = 0;
    int digits = 0;
    bool seen_dot = false, seen_exp = false, prev_digit = false;
    for (const char *p = s; p < e; p++) {
        char c = *p;
        if (c >= '0' && c <= '9') {
            digits++;
            prev_digit = true;
        } else if (c == '_') {
            if (!prev_digit || p + 1 >= e || p[1] < '0' || p[1] > '9') {
                return false;
            }
            prev_digit = false;
            continue;
        } else if (c == '.' && !seen_dot && !seen_exp) {
            seen_dot = true;
            prev_digit = false;
        } else if ((c | 0x20) == 'e' && !seen_exp && digits) {
            seen_exp = true;
            prev_digit = false;
            digits = 0;
            if (p + 1 < e && (p[1] == '+' || p[1] == '-')) {
                buf[n++] = c;
                c = *++p;
            }
        } else {
            return false;
        }
        buf[n++] = c;
    }
    buf[n] = 0;
    return digits > 0;
}

/* Parses Python float syntax; orig names the object in the error (OBJ_NULL: the text). */
static obj_t parse_float(const char *str, size_t len, obj_t orig) {
    const char *s = str, *e = str + len;
    while (s < e && is_space(*s)) {
        s++;
    }
    while (e > s && is_space(e[-1])) {
        e--;
    }
    bool neg = false;
    if (s < e && (*s == '+' || *s == '-')) {
        neg = *s++ == '-';
    }
    double v;
    if (match_word(s, e, "inf") || match_word(s, e, "infinity")) {
        v = INFINITY;
    } else if (match_word(s, e, "nan")) {
        v = NAN;
    } else {
        char stack[64];
        size_t n = (size_t)(e - s) + 1;
        char *buf = n <= sizeof(stack) ? stack : m_new(char, n);
        if (s == e || !clean_decimal(s, e, buf)) {
            if (orig == OBJ_NULL) {
                orig = obj_new_str(str, len);
            }
            rt_raise_value_error("could not convert string to float: %r", orig);
        }
        v = STRTOF(buf, NULL);
        if (buf != stack) {
            m_free(buf);
        }
    }
    return obj_new_float((float_val_t)(neg ? -v : v));
}

obj_t obj_new_float_from_str(const char *s, size_t len) {
    return parse_float(s, len, OBJ_NULL);
}

static obj_t float_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    if (n_kw) {
        rt_raise_type_error("float() takes no keyword arguments");
    }
    if (n_args > 1) {
        rt_raise_type_error("float expected at most 1 argument, got %u", (unsigned)n_args);
    }
    if (n_args == 0) {
        return obj_new_float(0);
    }
    obj_t x = type_native_self(args[0]);
    if (obj_is_float(x)) {
        return x;
    }
    if (obj_is_str(x) || obj_is_type(x, &type_bytes) || obj_is_type(x, &type_bytearray)) {
        size_t len;
        const char *s = str_numeric_text(x, &len);
        return parse_float(s, len, x);
    }
    if (obj_is_int(x) || obj_is_type(x, &type_bool)) {
        return obj_new_float(int_as_float(x));
    }
    obj_t dest[2];
    if (!(obj_get_type(x)->flags & TYPE_FLAG_USER)) {
        return rt_unary_op(UNARY_OP_FLOAT, x);
    }
    if (rt_load_method_maybe(x, Q___float__, dest)) {
        obj_t r = rt_call_method(x, Q___float__, 0, NULL);
        if (!obj_is_float(r)) {
            rt_raise_type_error("%q.__float__ returned non-float (type %q)", obj_type_name(x), obj_type_name(r));
        }
        return r;
    }
    if (rt_load_method_maybe(x, Q___index__, dest)) {
        return obj_new_float(int_as_float(rt_call_method(x, Q___index__, 0, NULL)));
    }
    return rt_unary_op(UNARY_OP_FLOAT, x);
}

/* ---- repr ---- */

/* Shortest digits that read back as v: fills digits (no dot, no trailing zeros) and the decimal
 * exponent of the first digit; returns the digit count.  v finite and positive or zero. */
/* Moves the last digit of buf ("d.ddde[+-]xx") by delta (+1 or -1); false if that would change
 * the number of digits before the point (then the candidate is skipped). */
static bool bump_last_digit(char *buf, int delta) {
    char *p = strchr(buf, 'e');
    while (--p >= buf) {
        if (*p == '.') {
            continue;
        }
        char wrap = delta > 0 ? '9' : '0';
        if (*p != wrap) {
            *p = (char)(*p + delta);
            return !(p == buf && *p == '0');
        }
        *p = delta > 0 ? '0' : '9';
    }
    return false;
}

/* Whether some prec-digit decimal reads back as v, left in buf.  The correctly rounded digits are
 * the candidate; only at a power of two, where the gap below v is half the gap above, may a neighbour
 * one unit up (or down) in the last digit read back when they don't, as CPython finds. */
static bool digits_round_trip(char *buf, size_t size, int prec, float_val_t v) {
    static const int deltas[3] = { 0, 1, -1 };
    int e;
    int tries = frexp((double)v, &e) == 0.5 ? 3 : 1;   /* elsewhere the gaps are even: no neighbour can win */
    for (int i = 0; i < tries; i++) {
        int delta = deltas[i];
        snprintf(buf, size, "%.*e", prec - 1, (double)v);
        if ((delta == 0 || bump_last_digit(buf, delta)) && STRTOF(buf, NULL) == v) {
            return true;
        }
    }
    return false;
}

static int shortest_digits(float_val_t v, char *digits, int *exp10) {
    char buf[40];
    /* REPR_MIN_DIGITS always suffice to be the shortest when they round-trip, except for
     * subnormals, whose precision is lower */
    int first = v < FLT_VAL_MIN ? 1 : REPR_MIN_DIGITS;
    int prec = first;
    while (prec < REPR_MAX_DIGITS && !digits_round_trip(buf, sizeof(buf), prec, v)) {
        prec++;
    }
    if (prec == REPR_MAX_DIGITS) {
        snprintf(buf, sizeof(buf), "%.*e", prec - 1, (double)v);
    }
    /* buf is d.ddddde[+-]xx */
    int n = 0;
    const char *p = buf;
    for (; *p != 'e'; p++) {
        if (*p != '.') {
            digits[n++] = *p;
        }
    }
    *exp10 = atoi(p + 1);
    while (n > 1 && digits[n - 1] == '0') {
        n--;
    }
    return n;
}

/* Lays out digits d[0..n) (value 0.d * 10**(exp10 + 1)) as CPython's repr does. */
static void layout_repr(vstr_t *out, const char *d, int n, int exp10, bool exponent) {
    if (!exponent) {
        if (exp10 < 0) {
            vstr_add_str(out, "0.");
            for (int i = -1; i > exp10; i--) {
                vstr_add_byte(out, '0');
            }
            vstr_add_strn(out, d, (size_t)n);
        } else {
            for (int i = 0; i <= exp10; i++) {
                vstr_add_byte(out, (uint8_t)(i < n ? d[i] : '0'));
            }
            vstr_add_byte(out, '.');
            if (n > exp10 + 1) {
                vstr_add_strn(out, d + exp10 + 1, (size_t)(n - exp10 - 1));
            } else {
                vstr_add_byte(out, '0');
            }
        }
        return;
    }
    vstr_add_byte(out, (uint8_t)d[0]);
    if (n > 1) {
        vstr_add_byte(out, '.');
        vstr_add_strn(out, d + 1, (size_t)(n - 1));
    }
    char ebuf[16];
    snprintf(ebuf, sizeof(ebuf), "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    vstr_add_str(out, ebuf);
}

void float_repr(vstr_t *out, float_val_t v) {
    if (isnan(v)) {
        vstr_add_str(out, "nan");
        return;
    }
    if (signbit(v)) {
        vstr_add_byte(out, '-');
        v = -v;
    }
    if (isinf(v)) {
        vstr_add_str(out, "inf");
        return;
    }
    if (v == 0) {
        vstr_add_str(out, "0.0");
        return;
    }
    char d[24];
    int exp10;
    int n = shortest_digits(v, d, &exp10);
    layout_repr(out, d, n, exp10, exp10 < -4 || exp10 >= 16);
}

static void float_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    char buf[40];
    vstr_t vs;
    vstr_init_fixed(&vs, buf, sizeof(buf));
    float_repr(&vs, fval(self));
    print_strn(p, vs.buf, vs.len);
}

/* ---- format() ---- */

/* Drops the trailing zeros (and a bare dot) of the mantissa in buf, which is n chars long. */
static int strip_zeros(char *buf, int n) {
    char *end = strpbrk(buf, "eE");
    if (end == NULL) {
        end = buf + n;
    }
    if (memchr(buf, '.', (size_t)(end - buf)) == NULL) {
        return n;
    }
    char *m = end;
    while (m[-1] == '0') {
        m--;
    }
    if (m[-1] == '.') {
        m--;
    }
    memmove(m, end, (size_t)(buf + n - end) + 1);
    return n - (int)(end - m);
}

/* %g from its definition in terms of %e and %f, with the switch to fixed point when the exponent
 * is below fixed_limit: glibc's "%#g" drops digits when rounding carries into a new power of ten
 * (999999.5 gives "1.e+06"). */
static int format_g(char *buf, size_t size, double v, int prec, int fixed_limit, bool alt, bool upper) {
    static const char *const efmt[2][2] = { { "%.*e", "%.*E" }, { "%#.*e", "%#.*E" } };
    int n = snprintf(buf, size, efmt[alt][upper], prec - 1, v);
    int exp10 = atoi(strpbrk(buf, "eE") + 1);
    if (exp10 >= -4 && exp10 < fixed_limit) {
        n = snprintf(buf, size, alt ? "%#.*f" : "%.*f", prec - 1 - exp10, v);
    }
    return alt ? n : strip_zeros(buf, n);
}

/* format() with a precision and no type: like 'g', but switching to exponent notation one digit
 * earlier and keeping a ".0" on fixed-point results (CPython's Py_DTSF_ADD_DOT_0 rules). */
static int format_general(char *buf, size_t size, double v, int prec, bool alt) {
    int n = format_g(buf, size, v, prec, prec - 1, alt, false);
    if (!strpbrk(buf, ".e")) {
        memcpy(buf + n, ".0", 3);
        n += 2;
    }
    return n;
}

/* The number part (no sign) of v >= 0 for a presentation type, into out. */
static void format_number(vstr_t *out, double v, char type, int prec, bool alt) {
    if (isinf(v) || isnan(v)) {
        bool upper = type == 'E' || type == 'F' || type == 'G';
        vstr_add_str(out, isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        if (type == '%') {
            vstr_add_byte(out, '%');
        }
        return;
    }
    if (type == 0 && prec < 0) {
        size_t start = out->len;
        float_repr(out, (float_val_t)v);
        char *e = memchr(out->buf + start, 'e', out->len - start);
        if (alt && e != NULL && memchr(out->buf + start, '.', out->len - start) == NULL) {
            /* '#' keeps the point even in exponent form: 1.e+22 */
            size_t at = (size_t)(e - out->buf);
            vstr_add_byte(out, 0);
            memmove(out->buf + at + 1, out->buf + at, out->len - at - 1);
            out->buf[at] = '.';
        }
        return;
    }
    if (prec < 0) {
        prec = 6;
    }
    size_t size = (size_t)prec + 340;
    char *buf = m_new(char, size);
    int n;
    if (type == 0) {
        n = format_general(buf, size, v, prec ? prec : 1, alt);
    } else if (type == 'g' || type == 'G' || type == 'n') {
        prec = prec ? prec : 1;
        n = format_g(buf, size, v, prec, prec, alt, type == 'G');
    } else {
        char fmt[8], *f = fmt;
        *f++ = '%';
        if (alt) {
            *f++ = '#';
        }
        *f++ = '.';
        *f++ = '*';
        /* 'F' differs from 'f' only for inf and nan (handled above); not every C library has %F */
        *f++ = type == '%' || type == 'F' ? 'f' : type;
        *f = 0;
        n = snprintf(buf, size, fmt, prec, type == '%' ? v * 100 : v);
    }
    vstr_add_strn(out, buf, (size_t)n);
    m_free(buf);
    if (type == '%') {
        vstr_add_byte(out, '%');
    }
}

void float_format(vstr_t *out, float_val_t value, const format_spec_t *spec) {
    char type = spec->type;
    if (type != 0 && !strchr("eEfFgGn%", type)) {
        rt_raise_value_error("Unknown format code '%c' for object of type 'float'", (int)(unsigned char)type);
    }
    double v = (double)value;
    char sign[2];
    size_t plen = 0;
    if (signbit(v) && !isnan(v)) {
        sign[plen++] = '-';
        v = -v;
    } else if (spec->sign == '+' || spec->sign == ' ') {
        sign[plen++] = spec->sign;
    }
    vstr_t num;
    vstr_init(&num, 32);
    format_number(&num, v, type, spec->precision, spec->alt);
    /* the integer part (leading digits) gets grouping and zero padding; the rest is copied */
    size_t int_len = 0;
    while (int_len < num.len && num.buf[int_len] >= '0' && num.buf[int_len] <= '9') {
        int_len++;
    }
    bool finite = isfinite(v);
    size_t n_zeros = 0;
    if (finite && ((spec->zero && spec->align == 0) || (spec->align == '=' && spec->fill == '0'))
        && spec->width > 0) {
        size_t rest = num.len - int_len;
        size_t need = (size_t)spec->width > plen + rest ? (size_t)spec->width - plen - rest : 0;
        size_t total = int_len;
        while (total + (spec->grouping ? (total - 1) / 3 : 0) < need) {
            total++;
        }
        n_zeros = total - int_len;
    }
    vstr_t body;
    vstr_init(&body, num.len + n_zeros + int_len / 3 + 4);
    vstr_add_strn(&body, sign, plen);
    size_t total = int_len + n_zeros;
    for (size_t i = 0; i < total; i++) {
        if (spec->grouping && i > 0 && (total - i) % 3 == 0) {
            vstr_add_byte(&body, (uint8_t)spec->grouping);
        }
        vstr_add_byte(&body, (uint8_t)(i < n_zeros ? '0' : num.buf[i - n_zeros]));
    }
    vstr_add_strn(&body, num.buf + int_len, num.len - int_len);
    format_pad(out, body.buf, body.len, body.len, spec, true, plen);
    vstr_clear(&body);
    vstr_clear(&num);
}

/* ---- hashing ---- */

/* CPython's _Py_HashDouble: integral values hash like the equal int. */
static intptr_t float_hash(double v) {
    if (!isfinite(v)) {
        return isinf(v) ? (v > 0 ? 314159 : -314159) : 0;
    }
#if INTPTR_MAX > INT32_MAX
    const int bits = 61;
#else
    const int bits = 31;
#endif
    const uintptr_t p = ((uintptr_t)1 << bits) - 1;
    int e;
    double m = frexp(v, &e);
    bool neg = m < 0;
    if (neg) {
        m = -m;
    }
    uintptr_t x = 0;
    while (m) {
        x = ((x << 28) & p) | x >> (bits - 28);
        m *= 268435456.0;
        e -= 28;
        uintptr_t y = (uintptr_t)m;
        m -= (double)y;
        x += y;
        if (x >= p) {
            x -= p;
        }
    }
    e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits);
    x = ((x << e) & p) | x >> (bits - e);
    intptr_t h = neg ? -(intptr_t)x : (intptr_t)x;
    return h == -1 ? -2 : h;
}

/* ---- arithmetic ---- */

/* Python's float floor division and modulo (CPython's float_divmod). */
static void float_divmod(double a, double b, double *div_out, double *mod_out) {
    double mod = fmod(a, b);
    double div = (a - mod) / b;
    if (mod) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, b);
    }
    double floordiv;
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5) {
            floordiv += 1.0;
        }
    } else {
        floordiv = copysign(0.0, a / b);
    }
    *div_out = floordiv;
    *mod_out = mod;
}

static double float_pow(double a, double b) {
    if (b == 0) {
        return 1.0;
    }
    if (a == 0 && b < 0 && isfinite(b)) {
        rt_raise_zero_division("0.0 cannot be raised to a negative power");
    }
    if (a < 0 && isfinite(a) && isfinite(b) && floor(b) != b) {
        /* CPython returns a complex here; Adder has no complex type */
        rt_raise_value_error("negative number cannot be raised to a fractional power");
    }
    double r = pow(a, b);
    if (isinf(r) && isfinite(a) && isfinite(b)) {
        rt_raise_overflow("(34, 'Numerical result out of range')");
    }
    return r;
}

obj_t float_binary_op_values(binary_op_t op, float_val_t fa, float_val_t fb) {
    double a = (double)fa, b = (double)fb, d, m;
    switch (op) {
        case BINARY_OP_LT: return OBJ_BOOL(a < b);
        case BINARY_OP_GT: return OBJ_BOOL(a > b);
        case BINARY_OP_EQ: return OBJ_BOOL(a == b);
        case BINARY_OP_LE: return OBJ_BOOL(a <= b);
        case BINARY_OP_GE: return OBJ_BOOL(a >= b);
        case BINARY_OP_NE: return OBJ_BOOL(a != b);
        case BINARY_OP_ADD: return obj_new_float((float_val_t)(a + b));
        case BINARY_OP_SUB: return obj_new_float((float_val_t)(a - b));
        case BINARY_OP_MUL: return obj_new_float((float_val_t)(a * b));
        case BINARY_OP_TRUEDIV:
            if (b == 0) {
                rt_raise_zero_division("float division by zero");
            }
            return obj_new_float((float_val_t)(a / b));
        case BINARY_OP_FLOORDIV:
            if (b == 0) {
                rt_raise_zero_division("float floor division by zero");
            }
            float_divmod(a, b, &d, &m);
            return obj_new_float((float_val_t)d);
        case BINARY_OP_MOD:
            if (b == 0) {
                rt_raise_zero_division("float modulo");
            }
            float_divmod(a, b, &d, &m);
            return obj_new_float((float_val_t)m);
        case BINARY_OP_DIVMOD: {
            if (b == 0) {
                rt_raise_zero_division("float divmod()");
            }
            float_divmod(a, b, &d, &m);
            obj_t items[2] = { obj_new_float((float_val_t)d), obj_new_float((float_val_t)m) };
            return obj_new_tuple(2, items);
        }
        case BINARY_OP_POW:
            return obj_new_float((float_val_t)float_pow(a, b));
        default:
            return OBJ_NULL;
    }
}

static obj_t float_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    if (op >= BINARY_OP_INPLACE_OR && op <= BINARY_OP_INPLACE_POW) {
        op = (binary_op_t)(op - BINARY_OP_INPLACE_OR + BINARY_OP_OR);
    }
    bool reverse = op >= BINARY_OP_REVERSE_OR && op <= BINARY_OP_REVERSE_POW;
    if (reverse) {
        op = (binary_op_t)(op - BINARY_OP_REVERSE_OR + BINARY_OP_OR);
    }
    float_val_t a = fval(lhs), b;
    if (obj_is_float(rhs)) {
        b = fval(rhs);
    } else if (obj_is_int(rhs) || obj_is_type(rhs, &type_bool)) {
        if (op <= BINARY_OP_NE) {
            /* exact, even for huge ints: rhs <op'> lhs */
            int c = int_cmp_float(rhs, a);
            static const binary_op_t mirror[] = {
                BINARY_OP_GT, BINARY_OP_LT, BINARY_OP_EQ, BINARY_OP_GE, BINARY_OP_LE, BINARY_OP_NE,
            };
            binary_op_t mop = mirror[op];
            if (c == 2) {
                return OBJ_BOOL(op == BINARY_OP_NE);
            }
            return OBJ_BOOL(mop == BINARY_OP_LT ? c < 0 : mop == BINARY_OP_GT ? c > 0 : mop == BINARY_OP_EQ ? c == 0
                            : mop == BINARY_OP_LE ? c <= 0 : mop == BINARY_OP_GE ? c >= 0 : c != 0);
        }
        b = int_as_float(rhs);
    } else {
        return OBJ_NULL;
    }
    return reverse ? float_binary_op_values(op, b, a) : float_binary_op_values(op, a, b);
}

static obj_t float_unary_op(unary_op_t op, obj_t self) {
    float_val_t v = fval(self);
    switch (op) {
        case UNARY_OP_BOOL: return OBJ_BOOL(v != 0);
        case UNARY_OP_HASH: return OBJ_NEW_SMALL_INT(float_hash((double)v));
        case UNARY_OP_POS: return self;
        case UNARY_OP_NEG: return obj_new_float(-v);
        case UNARY_OP_ABS: return obj_new_float(fabs(v));
        case UNARY_OP_INT: return int_from_float(v);
        case UNARY_OP_FLOAT: return self;
        default: return OBJ_NULL;
    }
}

/* ---- methods ---- */

static obj_t float_is_integer(obj_t self) {
    float_val_t v = fval(self);
    return OBJ_BOOL(isfinite(v) && floor(v) == v);
}
static FUN_DEFINE_1(float_is_integer_obj, float_is_integer);

static obj_t float_as_integer_ratio(obj_t self) {
    double v = (double)fval(self);
    if (isinf(v)) {
        rt_raise_overflow("cannot convert Infinity to integer ratio");
    }
    if (isnan(v)) {
        rt_raise_value_error("cannot convert NaN to integer ratio");
    }
    int e;
    double m = frexp(v, &e);
    while (m != floor(m)) {
        m *= 2;
        e--;
    }
    obj_t num = int_from_float((float_val_t)m), den = OBJ_NEW_SMALL_INT(1);
    obj_t shift = OBJ_NEW_SMALL_INT(e < 0 ? -e : e);
    if (e > 0) {
        num = int_binary_op(BINARY_OP_LSHIFT, num, shift);
    } else {
        den = int_binary_op(BINARY_OP_LSHIFT, den, shift);
    }
    obj_t items[2] = { num, den };
    return obj_new_tuple(2, items);
}
static FUN_DEFINE_1(float_as_integer_ratio_obj, float_as_integer_ratio);

static obj_t float_hex(obj_t self) {
    double v = (double)fval(self);
    vstr_t vs;
    vstr_init(&vs, 32);
    if (isnan(v) || isinf(v)) {
        float_repr(&vs, (float_val_t)v);
        return obj_new_str_from_vstr(&vs);
    }
    if (signbit(v)) {
        vstr_add_byte(&vs, '-');
        v = -v;
    }
    if (v == 0) {
        vstr_add_str(&vs, "0x0.0p+0");
        return obj_new_str_from_vstr(&vs);
    }
    int e;
    double m = frexp(v, &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    static const char hex[] = "0123456789abcdef";
    vstr_add_str(&vs, "0x");
    vstr_add_byte(&vs, (uint8_t)hex[(int)m]);
    m -= (int)m;
    vstr_add_byte(&vs, '.');
    for (int i = 0; i < (DBL_MANT_DIG - 2) / 4 + 1; i++) {
        m *= 16.0;
        int d = (int)m;
        vstr_add_byte(&vs, (uint8_t)hex[d]);
        m -= d;
    }
    char ebuf[16];
    snprintf(ebuf, sizeof(ebuf), "p%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    vstr_add_str(&vs, ebuf);
    return obj_new_str_from_vstr(&vs);
}
static FUN_DEFINE_1(float_hex_obj, float_hex);

static bool is_hex_digit(char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

static obj_t float_fromhex(obj_t cls, obj_t text) {
    size_t len;
    const char *s = obj_str_get_data(text, &len), *e = s + len;
    while (s < e && is_space(*s)) {
        s++;
    }
    while (e > s && is_space(e[-1])) {
        e--;
    }
    /* checked here, converted by strtod (C99 hex floats are correctly rounded) */
    char *buf = m_new(char, (size_t)(e - s) + 4), *b = buf;
    const char *p = s;
    if (p < e && (*p == '+' || *p == '-')) {
        *b++ = *p++;
    }
    bool ok;
    if (match_word(p, e, "inf") || match_word(p, e, "infinity") || match_word(p, e, "nan")) {
        memcpy(b, p, (size_t)(e - p));
        b += e - p;
        ok = true;
    } else {
        if (e - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x') {
            p += 2;
        }
        *b++ = '0';
        *b++ = 'x';
        int digits = 0;
        while (p < e && is_hex_digit(*p)) {
            *b++ = *p++;
            digits++;
        }
        if (p < e && *p == '.') {
            *b++ = *p++;
            while (p < e && is_hex_digit(*p)) {
                *b++ = *p++;
                digits++;
            }
        }
        ok = digits > 0;
        if (ok && p < e && (*p | 0x20) == 'p') {
            *b++ = *p++;
            if (p < e && (*p == '+' || *p == '-')) {
                *b++ = *p++;
            }
            ok = p < e && *p >= '0' && *p <= '9';
            while (p < e && *p >= '0' && *p <= '9') {
                *b++ = *p++;
            }
        }
        ok = ok && p == e;
    }
    *b = 0;
    char *end;
    double v = ok ? strtod(buf, &end) : 0;
    if (!ok || *end) {
        rt_raise_value_error("invalid hexadecimal floating-point string");
    }
    if (isinf(v) && !strchr(buf, 'i') && !strchr(buf, 'I')) {
        rt_raise_overflow("hexadecimal value too large to represent as a float");
    }
    m_free(buf);
    obj_t r = obj_new_float((float_val_t)v);
    return cls == OBJ_ROM(&type_float) ? r : rt_call1(cls, r);
}
static FUN_DEFINE_2(float_fromhex_fun_obj, float_fromhex);
static const static_class_method_t float_fromhex_obj = { { &type_classmethod }, OBJ_ROM(&float_fromhex_fun_obj) };

static obj_t float_trunc(obj_t self) {
    return int_from_float(fval(self));
}
static FUN_DEFINE_1(float_trunc_obj, float_trunc);

static obj_t float_floor(obj_t self) {
    return int_from_float(floor(fval(self)));
}
static FUN_DEFINE_1(float_floor_obj, float_floor);

static obj_t float_ceil(obj_t self) {
    return int_from_float(ceil(fval(self)));
}
static FUN_DEFINE_1(float_ceil_obj, float_ceil);

static obj_t float_conjugate(obj_t self) {
    return self;
}
static FUN_DEFINE_1(float_conjugate_obj, float_conjugate);

/* round(v, nd) for nd < 0, exactly: v = M * 2**e2, rounded half-even to a multiple of 10**-nd. */
static double round_negative_digits(double v, intptr_t nd) {
    if (nd < -(DBL_MAX_10_EXP + 2)) {
        return copysign(0.0, v);
    }
    int e;
    double m = frexp(v, &e);
    obj_t num = int_from_float((float_val_t)ldexp(m, DBL_MANT_DIG)), den = OBJ_NEW_SMALL_INT(1);
    int e2 = e - DBL_MANT_DIG;
    if (e2 >= 0) {
        num = int_binary_op(BINARY_OP_LSHIFT, num, OBJ_NEW_SMALL_INT(e2));
    } else {
        den = int_binary_op(BINARY_OP_LSHIFT, den, OBJ_NEW_SMALL_INT(-e2));
    }
    obj_t p = int_binary_op(BINARY_OP_POW, OBJ_NEW_SMALL_INT(10), obj_new_int(-nd));
    obj_t d = int_binary_op(BINARY_OP_MUL, den, p);
    obj_t qr = int_binary_op(BINARY_OP_DIVMOD, num, d);
    obj_t q = ((tuple_t *)qr)->items[0], r = ((tuple_t *)qr)->items[1];
    obj_t twice = int_binary_op(BINARY_OP_ADD, r, r);
    if (int_binary_op(BINARY_OP_GT, twice, d) == OBJ_TRUE
        || (int_binary_op(BINARY_OP_EQ, twice, d) == OBJ_TRUE
            && int_binary_op(BINARY_OP_AND, q, OBJ_NEW_SMALL_INT(1)) == OBJ_NEW_SMALL_INT(1))) {
        q = int_binary_op(BINARY_OP_ADD, q, OBJ_NEW_SMALL_INT(1));
    }
    double res = (double)int_as_float(int_binary_op(BINARY_OP_MUL, q, p));
    return res == 0 ? copysign(0.0, v) : res;
}

static obj_t float_round(size_t n_args, const obj_t *args) {
    double v = (double)fval(args[0]);
    if (n_args < 2 || args[1] == OBJ_NONE) {
        double r = round(v);
        if (fabs(v - r) == 0.5) {
            r = 2.0 * round(v / 2.0);     /* ties to even */
        }
        return int_from_float((float_val_t)r);
    }
    intptr_t nd = obj_get_index(args[1]);
    if (!isfinite(v) || v == 0 || nd > DBL_DIG + 310) {
        return obj_new_float((float_val_t)v);
    }
    if (nd < 0) {
        return obj_new_float((float_val_t)round_negative_digits(v, nd));
    }
    /* printf rounds the exact binary value half-even, as CPython's dtoa-based round does */
    size_t size = (size_t)nd + 340;
    char *buf = m_new(char, size);
    snprintf(buf, size, "%.*f", (int)nd, v);
    double r = strtod(buf, NULL);
    m_free(buf);
    return obj_new_float((float_val_t)r);
}
static FUN_DEFINE_VAR(float_round_obj, 1, 2, float_round);

static void float_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] != OBJ_NULL) {
        return;
    }
    if (attr == Q_real) {
        dest[0] = self;
    } else if (attr == Q_imag) {
        dest[0] = obj_new_float(0);
    }
}

static const map_elem_t float_locals_table[] = {
    { QOBJ(is_integer), OBJ_ROM(&float_is_integer_obj) },
    { QOBJ(as_integer_ratio), OBJ_ROM(&float_as_integer_ratio_obj) },
    { QOBJ(hex), OBJ_ROM(&float_hex_obj) },
    { QOBJ(fromhex), OBJ_ROM(&float_fromhex_obj) },
    { QOBJ(conjugate), OBJ_ROM(&float_conjugate_obj) },
    { QOBJ(__round__), OBJ_ROM(&float_round_obj) },
    { QOBJ(__trunc__), OBJ_ROM(&float_trunc_obj) },
    { QOBJ(__int__), OBJ_ROM(&float_trunc_obj) },
    { QOBJ(__floor__), OBJ_ROM(&float_floor_obj) },
    { QOBJ(__ceil__), OBJ_ROM(&float_ceil_obj) },
};
static DICT_ROM(float_locals_dict, float_locals_table);

const type_t type_float = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_float,
    .print = float_print,
    .make_new = float_make_new,
    .unary_op = float_unary_op,
    .binary_op = float_binary_op,
    .attr = float_attr,
    .locals_dict = (dict_t *)&float_locals_dict,
};

#endif /* CONFIG_FLOAT */
