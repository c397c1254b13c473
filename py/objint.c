/* objint.c: the int type.  One Python type, two representations: tagged small ints (obj.h) for
 * everything that fits a word minus the tag, and heap bignums (int_big_t: an mpz with its digits in
 * the same allocation) beyond.  A bignum is never in small-int range, so equal ints of small size
 * are always equal words.  bool is a subclass: every entry point here accepts True and False.
 * Without CONFIG_BIGNUM there are only small ints: a result beyond them raises OverflowError
 * ("small int overflow", as MicroPython without long ints) and mpz.c is not linked.
 *
 * The runtime already handles the common small-int operators inline; the slots here take over when
 * a result overflows, an operand is a bignum or a float, or the operation is one it leaves out. */
#include <math.h>
#include <string.h>
#include "runtime.h"
#include "objstr.h"
#include "format.h"
#include "gc.h"
#include "objtype.h"
#if CONFIG_BIGNUM
#include "mpz.h"
#endif

/* CPython's default sys.int_info.default_max_str_digits */
#define INT_MAX_STR_DIGITS (4300)

#if CONFIG_BIGNUM
typedef struct {
    obj_base_t base;
    mpz_t z;
    /* digits follow when z.fixed */
} int_big_t;

/* An mpz view of any int, with room for a small int's digits. */
typedef struct {
    mpz_t z;
    mpz_dig_t buf[MPZ_LL_DIGS];
} mpz_tmp_t;

static int_big_t *big_alloc(size_t n_digs) {
    int_big_t *o = m_malloc(sizeof(int_big_t) + n_digs * sizeof(mpz_dig_t));
    o->base.type = &type_int;
    mpz_init_fixed(&o->z, (mpz_dig_t *)(o + 1), n_digs);
    return o;
}

static bool mpz_small(const mpz_t *z, small_int_t *out) {
    long long v;
    if (z->len * MPZ_DIG_BITS <= 64 && mpz_as_ll(z, &v) && SMALL_INT_FITS(v)) {
        *out = (small_int_t)v;
        return true;
    }
    return false;
}

/* The finished value of o: a small int when it fits (o is released), else o. */
static obj_t big_finish(int_big_t *o) {
    small_int_t v;
    if (mpz_small(&o->z, &v)) {
        m_free(o);
        return OBJ_NEW_SMALL_INT(v);
    }
    return OBJ_FROM_PTR(o);
}

/* An int from a temporary mpz, which is released. */
static obj_t from_mpz(mpz_t *z) {
    small_int_t v;
    obj_t r;
    if (mpz_small(z, &v)) {
        r = OBJ_NEW_SMALL_INT(v);
    } else {
        int_big_t *o = big_alloc(z->len);
        mpz_set(&o->z, z);
        r = OBJ_FROM_PTR(o);
    }
    mpz_free(z);
    return r;
}

static const mpz_t *as_mpz(obj_t o, mpz_tmp_t *t) {
    if (OBJ_IS_SMALL_INT(o)) {
        mpz_init_fixed(&t->z, t->buf, MPZ_LL_DIGS);
        mpz_set_ll(&t->z, OBJ_SMALL_INT_VALUE(o));
        return &t->z;
    }
    return &((const int_big_t *)o)->z;
}
#else
static RT_NORETURN void raise_small_overflow(void) {
    rt_raise_overflow("small int overflow");
}
#endif

/* bools as the small ints 0 and 1; other values unchanged. */
static inline obj_t unbool(obj_t o) {
    if (obj_is_type(o, &type_bool)) {
        return OBJ_NEW_SMALL_INT(((const obj_bool_t *)o)->value);
    }
    return o;
}

static inline bool is_int(obj_t o) {
    return OBJ_IS_SMALL_INT(o) || obj_is_type(o, &type_int);
}

static bool is_neg(obj_t o) {
#if CONFIG_BIGNUM
    return OBJ_IS_SMALL_INT(o) ? OBJ_SMALL_INT_VALUE(o) < 0 : ((const int_big_t *)o)->z.neg;
#else
    return OBJ_SMALL_INT_VALUE(o) < 0;
#endif
}

/* ---- constructors and accessors ---- */

obj_t obj_new_int(intptr_t v) {
    if (SMALL_INT_FITS(v)) {
        return OBJ_NEW_SMALL_INT(v);
    }
    return obj_new_int_from_ll(v);
}

obj_t obj_new_int_from_ll(long long v) {
    if (SMALL_INT_FITS(v)) {
        return OBJ_NEW_SMALL_INT((small_int_t)v);
    }
#if CONFIG_BIGNUM
    int_big_t *o = big_alloc(MPZ_LL_DIGS);
    mpz_set_ll(&o->z, v);
    return OBJ_FROM_PTR(o);
#else
    raise_small_overflow();
#endif
}

obj_t obj_new_int_from_ull(unsigned long long v) {
    if (v <= (unsigned long long)SMALL_INT_MAX) {
        return OBJ_NEW_SMALL_INT((small_int_t)v);
    }
#if CONFIG_BIGNUM
    int_big_t *o = big_alloc(MPZ_LL_DIGS);
    mpz_set_ull(&o->z, v, false);
    return OBJ_FROM_PTR(o);
#else
    raise_small_overflow();
#endif
}

#if CONFIG_FLOAT
/* An int from the integral part of a finite double. */
static obj_t int_from_double(double d) {
    if (d > -9.2e18 && d < 9.2e18) {
        return obj_new_int_from_ll((long long)d);
    }
#if CONFIG_BIGNUM
    mpz_t z;
    mpz_init(&z);
    mpz_set_double(&z, d);
    return from_mpz(&z);
#else
    raise_small_overflow();
#endif
}

obj_t int_from_float(float_val_t f) {
    if (isinf(f)) {
        rt_raise_overflow("cannot convert float infinity to integer");
    }
    if (isnan(f)) {
        rt_raise_value_error("cannot convert float NaN to integer");
    }
    return int_from_double((double)f);
}
#endif

static RT_NORETURN void raise_not_integer(obj_t o) {
    rt_raise_type_error("'%q' object cannot be interpreted as an integer", obj_type_name(o));
}

/* An int, bool or instance of an int subclass as the plain int it stands for (others unchanged). */
static inline obj_t plain_int(obj_t o) {
    return OBJ_IS_SMALL_INT(o) ? o : unbool(type_native_self(o));
}

bool obj_get_int_maybe(obj_t o, intptr_t *out) {
    o = plain_int(o);
    if (OBJ_IS_SMALL_INT(o)) {
        *out = OBJ_SMALL_INT_VALUE(o);
        return true;
    }
#if CONFIG_BIGNUM
    long long v;
    if (obj_is_type(o, &type_int) && mpz_as_ll(&((const int_big_t *)o)->z, &v) && v >= INTPTR_MIN
        && v <= INTPTR_MAX) {
        *out = (intptr_t)v;
        return true;
    }
#endif
    return false;
}

intptr_t obj_get_int(obj_t o) {
    intptr_t v;
    if (obj_get_int_maybe(o, &v)) {
        return v;
    }
    if (obj_is_type(plain_int(o), &type_int)) {
        rt_raise_overflow("Python int too large to convert to C ssize_t");
    }
    raise_not_integer(o);
}

long long obj_get_ll(obj_t o) {
    o = plain_int(o);
    if (OBJ_IS_SMALL_INT(o)) {
        return OBJ_SMALL_INT_VALUE(o);
    }
#if CONFIG_BIGNUM
    long long v;
    if (obj_is_type(o, &type_int)) {
        if (!mpz_as_ll(&((const int_big_t *)o)->z, &v)) {
            rt_raise_overflow("Python int too large to convert to C long");
        }
        return v;
    }
#endif
    raise_not_integer(o);
}

/* Looks up a method that a Python class defines (built-in types answer every dunder generically,
 * so probing them says nothing). */
static bool user_method(obj_t o, qstr name, obj_t *dest) {
    return (obj_get_type(o)->flags & TYPE_FLAG_USER) && rt_load_method_maybe(o, name, dest);
}

/* __index__: ints and bools directly, other objects through their __index__ method. */
static obj_t index_value(obj_t o) {
    o = unbool(o);
    if (is_int(o)) {
        return o;
    }
    obj_t native = unbool(type_native_self(o)), dest[2];
    if (is_int(native)) {
        return native;
    }
    if (user_method(o, Q___index__, dest)) {
        obj_t r = unbool(rt_call_method(o, Q___index__, 0, NULL));
        if (!is_int(r)) {
            rt_raise_type_error("__index__ returned non-int (type %q)", obj_type_name(r));
        }
        return r;
    }
    raise_not_integer(o);
}

bool obj_is_index(obj_t o) {
    obj_t dest[2];
    return obj_isinstance(o, &type_int)
        || ((obj_get_type(o)->flags & TYPE_FLAG_USER) && rt_load_method_maybe(o, Q___index__, dest));
}

obj_t int_index(obj_t o) {
    return index_value(o);
}

intptr_t obj_get_index(obj_t o) {
    o = index_value(o);
#if CONFIG_BIGNUM
    if (OBJ_IS_SMALL_INT(o)) {
        return OBJ_SMALL_INT_VALUE(o);
    }
    long long v;
    if (!mpz_as_ll(&((const int_big_t *)o)->z, &v) || v < INTPTR_MIN || v > INTPTR_MAX) {
        rt_raise_msg(&type_IndexError, "cannot fit 'int' into an index-sized integer");
    }
    return (intptr_t)v;
#else
    return OBJ_SMALL_INT_VALUE(o);
#endif
}

#if CONFIG_FLOAT
/* The value as a double, raising OverflowError when it is beyond the float range. */
float_val_t int_as_float(obj_t o) {
    o = unbool(o);
#if CONFIG_BIGNUM
    if (!OBJ_IS_SMALL_INT(o)) {
        bool overflow;
        double d = mpz_as_double(&((const int_big_t *)o)->z, &overflow);
        if (overflow || isinf((float_val_t)d)) {
            rt_raise_overflow("int too large to convert to float");
        }
        return (float_val_t)d;
    }
#endif
    return (float_val_t)OBJ_SMALL_INT_VALUE(o);
}
#endif

/* ---- parsing ---- */

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = (char)(c | 0x20);
    return (c >= 'a' && c <= 'z') ? c - 'a' + 10 : 99;
}

static RT_NORETURN void raise_invalid_literal(int base, const char *s, size_t len, obj_t orig) {
    if (orig == OBJ_NULL) {
        orig = obj_new_str(s, len);
    }
    rt_raise_value_error("invalid literal for int() with base %d: %r", base, orig);
}

/* Python's int literal / int(str, base) syntax: whitespace, sign, prefix, underscores between
 * digits.  orig is the object to name in errors (OBJ_NULL: the text); limit applies CPython's cap
 * on decimal digits. */
static obj_t parse_int(const char *str, size_t len, int base, obj_t orig, bool limit) {
    const char *s = str, *e = str + len;
    int base_arg = base;
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
    bool prefixed = false;
    if (e - s >= 2 && s[0] == '0') {
        char c = (char)(s[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            s += 2;
            prefixed = true;
        }
    }
    bool no_leading_zero = base == 0;
    if (base == 0) {
        base = 10;
    }
    char stack[64];
    char *digits = (size_t)(e - s) <= sizeof(stack) ? stack : m_new(char, (size_t)(e - s));
    size_t n = 0;
    bool prev_underscore = false, nonzero = false;
    for (const char *p = s; p < e; p++) {
        if (*p == '_') {
            if ((n == 0 && !prefixed) || prev_underscore) {
                raise_invalid_literal(base_arg, str, len, orig);
            }
            prev_underscore = true;
            continue;
        }
        if (digit_value(*p) >= base) {
            raise_invalid_literal(base_arg, str, len, orig);
        }
        nonzero |= *p != '0';
        prev_underscore = false;
        digits[n++] = *p;
    }
    if (n == 0 || prev_underscore || (no_leading_zero && !prefixed && digits[0] == '0' && nonzero)) {
        raise_invalid_literal(base_arg, str, len, orig);
    }
    if (limit && (base & (base - 1)) != 0 && n > INT_MAX_STR_DIGITS) {
        rt_raise_value_error("Exceeds the limit (%d digits) for integer string conversion: value has %u digits; "
                             "use sys.set_int_max_str_digits() to increase the limit",
                             INT_MAX_STR_DIGITS, (unsigned)n);
    }
#if CONFIG_BIGNUM
    if (n <= 12) {
        /* at most 36**12 < 2**63: no overflow */
        long long v = 0;
        for (size_t i = 0; i < n; i++) {
            v = v * base + digit_value(digits[i]);
        }
        return obj_new_int_from_ll(neg ? -v : v);
    }
    mpz_t z;
    mpz_init(&z);
    mpz_set_str(&z, digits, n, base);
    if (neg) {
        mpz_neg_inplace(&z);
    }
    if (digits != stack) {
        m_free(digits);
    }
    return from_mpz(&z);
#else
    /* the magnitude, which may be one more than SMALL_INT_MAX when negative */
    uintptr_t v = 0, max = (uintptr_t)SMALL_INT_MAX + neg;
    for (size_t i = 0; i < n; i++) {
        unsigned d = (unsigned)digit_value(digits[i]);
        if (v > (max - d) / (unsigned)base) {
            raise_small_overflow();
        }
        v = v * (unsigned)base + d;
    }
    if (digits != stack) {
        m_free(digits);
    }
    return OBJ_NEW_SMALL_INT(neg && v ? -(small_int_t)(v - 1) - 1 : (small_int_t)v);
#endif
}

obj_t obj_new_int_from_str(const char *s, size_t len, int base) {
    return parse_int(s, len, base, OBJ_NULL, false);
}

/* ---- printing ---- */

/* Writes the digits of |v| in base ending just before end; returns the start. */
static char *small_to_str(char *end, small_int_t v, unsigned base, bool upper) {
    const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    uintptr_t m = v < 0 ? (uintptr_t)0 - (uintptr_t)v : (uintptr_t)v;
    do {
        *--end = dig[m % base];
        m /= base;
    } while (m);
    return end;
}

#if CONFIG_BIGNUM
static void check_str_digits(const mpz_t *z) {
    /* a b-bit number has at least floor((b - 1) * log10(2)) + 1 digits */
    size_t bits = mpz_bit_length(z);
    if ((double)(bits - 1) * 0.30102999566398120 + 1 > INT_MAX_STR_DIGITS + 1) {
        rt_raise_value_error("Exceeds the limit (%d digits) for integer string conversion; "
                             "use sys.set_int_max_str_digits() to increase the limit", INT_MAX_STR_DIGITS);
    }
}

/* Magnitude digits of a bignum in base into a fresh buffer; *len gets the count. */
static char *big_digits(const mpz_t *z, int base, bool upper, size_t *len) {
    if (base == 10) {
        check_str_digits(z);
    }
    char *buf = m_new(char, mpz_str_size(z, base) + 1);
    *len = mpz_to_str(z, base, upper, buf);
    if (base == 10 && *len > INT_MAX_STR_DIGITS) {
        rt_raise_value_error("Exceeds the limit (%d digits) for integer string conversion; "
                             "use sys.set_int_max_str_digits() to increase the limit", INT_MAX_STR_DIGITS);
    }
    return buf;
}
#endif

static void int_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    self = unbool(self);
    if (OBJ_IS_SMALL_INT(self)) {
        char buf[24], *end = buf + sizeof(buf);
        small_int_t v = OBJ_SMALL_INT_VALUE(self);
        char *s = small_to_str(end, v, 10, false);
        if (v < 0) {
            *--s = '-';
        }
        print_strn(p, s, (size_t)(end - s));
        return;
    }
#if CONFIG_BIGNUM
    const mpz_t *z = &((const int_big_t *)self)->z;
    size_t len;
    char *buf = big_digits(z, 10, false, &len);
    if (z->neg) {
        print_strn(p, "-", 1);
    }
    print_strn(p, buf, len);
    m_free(buf);
#endif
}

/* ---- hashing and comparison with floats ---- */

static obj_t int_hash(obj_t o) {
#if CONFIG_BIGNUM
    intptr_t h;
    if (OBJ_IS_SMALL_INT(o)) {
        mpz_tmp_t t;
        h = mpz_hash(as_mpz(o, &t));
    } else {
        h = mpz_hash(&((const int_big_t *)o)->z);
    }
    return OBJ_NEW_SMALL_INT(h == -1 ? -2 : h);
#else
    return OBJ_NEW_SMALL_INT(small_int_hash(OBJ_SMALL_INT_VALUE(o)));
#endif
}

#if CONFIG_FLOAT
int int_cmp_float(obj_t i, float_val_t f) {
    i = unbool(i);
    if (isnan(f)) {
        return 2;
    }
    if (isinf(f)) {
        return f > 0 ? -1 : 1;
    }
    if (OBJ_IS_SMALL_INT(i)) {
        long long v = OBJ_SMALL_INT_VALUE(i);   /* long long: exact test on 32-bit ports too */
        if (v > -(1LL << 53) && v < (1LL << 53)) {
            double d = (double)v;
            return d < f ? -1 : d > f ? 1 : 0;
        }
    }
    /* exact: compare with the integral part, then let the fraction decide a tie */
    double t = trunc((double)f);
#if CONFIG_BIGNUM
    mpz_tmp_t tmp;
    mpz_t ft;
    mpz_init(&ft);
    mpz_set_double(&ft, t);
    int c = mpz_cmp(as_mpz(i, &tmp), &ft);
    mpz_free(&ft);
    if (c) {
        return c;
    }
#else
    /* every small int is within +-9.2e18, where long long holds t exactly */
    if (t < -9.2e18 || t > 9.2e18) {
        return t < 0 ? 1 : -1;
    }
    long long v = OBJ_SMALL_INT_VALUE(i), tv = (long long)t;
    if (v != tv) {
        return v < tv ? -1 : 1;
    }
#endif
    return t < f ? -1 : t > f ? 1 : 0;
}
#endif

static obj_t compare_result(binary_op_t op, int c) {
    if (c == 2) {
        return OBJ_BOOL(op == BINARY_OP_NE);
    }
    switch (op) {
        case BINARY_OP_LT: return OBJ_BOOL(c < 0);
        case BINARY_OP_GT: return OBJ_BOOL(c > 0);
        case BINARY_OP_EQ: return OBJ_BOOL(c == 0);
        case BINARY_OP_LE: return OBJ_BOOL(c <= 0);
        case BINARY_OP_GE: return OBJ_BOOL(c >= 0);
        default: return OBJ_BOOL(c != 0);
    }
}

#if CONFIG_FLOAT
/* One operand an int, the other a float. */
static obj_t mixed_float_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    if (op <= BINARY_OP_NE) {
        if (obj_is_float(lhs)) {
            int c = int_cmp_float(rhs, ((float_t_ *)lhs)->value);
            return compare_result(op, c == 2 ? 2 : -c);
        }
        return compare_result(op, int_cmp_float(lhs, ((float_t_ *)rhs)->value));
    }
    float_val_t a = obj_is_float(lhs) ? ((float_t_ *)lhs)->value : int_as_float(lhs);
    float_val_t b = obj_is_float(rhs) ? ((float_t_ *)rhs)->value : int_as_float(rhs);
    return float_binary_op_values(op, a, b);
}
#endif

/* ---- arithmetic ---- */

/* x ** -n */
static obj_t int_pow_negative(obj_t lhs, obj_t rhs) {
#if CONFIG_FLOAT
    return float_binary_op_values(BINARY_OP_POW, int_as_float(lhs), int_as_float(rhs));
#else
    (void)lhs;
    (void)rhs;
    rt_raise_value_error("negative power with no float support");
#endif
}

#if CONFIG_BIGNUM
#if CONFIG_FLOAT
static obj_t int_true_div(obj_t lhs, obj_t rhs) {
    mpz_tmp_t ta, tb;
    const mpz_t *a = as_mpz(lhs, &ta), *b = as_mpz(rhs, &tb);
    if (b->len == 0) {
        rt_raise_zero_division("division by zero");
    }
    bool overflow;
    double r = mpz_true_div(a, b, &overflow);
    if (overflow) {
        rt_raise_overflow("integer division result too large for a float");
    }
    return obj_new_float((float_val_t)r);
}
#endif

static obj_t int_pow(obj_t lhs, obj_t rhs) {
    if (is_neg(rhs)) {
        return int_pow_negative(lhs, rhs);
    }
    mpz_tmp_t ta;
    const mpz_t *a = as_mpz(lhs, &ta);
    intptr_t e;
    if (!obj_get_int_maybe(rhs, &e)) {
        /* a huge exponent only has a representable result for 0, 1 and -1 */
        if (a->len == 0 || (a->len == 1 && a->dig[0] == 1)) {
            bool odd = ((const int_big_t *)rhs)->z.dig[0] & 1;
            return OBJ_NEW_SMALL_INT(a->len == 0 ? 0 : (a->neg && odd) ? -1 : 1);
        }
        rt_raise_memory_error();
    }
    mpz_t r;
    mpz_init(&r);
    mpz_pow(&r, a, (uintptr_t)e);
    return from_mpz(&r);
}

static obj_t int_shift(binary_op_t op, obj_t lhs, obj_t rhs) {
    if (is_neg(rhs)) {
        rt_raise_value_error("negative shift count");
    }
    mpz_tmp_t ta;
    const mpz_t *a = as_mpz(lhs, &ta);
    intptr_t n;
    if (!obj_get_int_maybe(rhs, &n)) {
        if (op == BINARY_OP_RSHIFT || a->len == 0) {
            return OBJ_NEW_SMALL_INT(op == BINARY_OP_RSHIFT && a->neg ? -1 : 0);
        }
        rt_raise_overflow("too many digits in integer");
    }
    size_t dn = (size_t)n / MPZ_DIG_BITS;
    if (op == BINARY_OP_LSHIFT) {
        int_big_t *r = big_alloc(a->len + dn + 1);
        mpz_shl(&r->z, a, (size_t)n);
        return big_finish(r);
    }
    int_big_t *r = big_alloc(a->len > dn ? a->len - dn + 1 : 1);
    mpz_shr(&r->z, a, (size_t)n);
    return big_finish(r);
}

static obj_t int_divmod(binary_op_t op, obj_t lhs, obj_t rhs) {
    mpz_tmp_t ta, tb;
    const mpz_t *a = as_mpz(lhs, &ta), *b = as_mpz(rhs, &tb);
    if (b->len == 0) {
        rt_raise_zero_division(op == BINARY_OP_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
    }
    /* results go straight into int objects sized for them (the quotient may grow by one digit
     * when floor rounding bumps it) */
    size_t nq = a->len >= b->len ? a->len - b->len + 2 : 2;
    int_big_t *q = big_alloc(nq), *r = big_alloc(b->len);
    mpz_divmod(&q->z, &r->z, a, b);
    if (op == BINARY_OP_FLOORDIV) {
        m_free(r);
        return big_finish(q);
    }
    if (op == BINARY_OP_MOD) {
        m_free(q);
        return big_finish(r);
    }
    obj_t items[2] = { big_finish(q), big_finish(r) };
    return obj_new_tuple(2, items);
}
#else /* small ints only: the operands are small ints */

#if CONFIG_FLOAT
static obj_t int_true_div(obj_t lhs, obj_t rhs) {
    small_int_t b = OBJ_SMALL_INT_VALUE(rhs);
    if (b == 0) {
        rt_raise_zero_division("division by zero");
    }
    return obj_new_float((float_val_t)((double)OBJ_SMALL_INT_VALUE(lhs) / (double)b));
}
#endif

static small_int_t small_mul(small_int_t a, small_int_t b) {
    small_int_t r;
    if (__builtin_mul_overflow(a, b, &r) || !SMALL_INT_FITS(r)) {
        raise_small_overflow();
    }
    return r;
}

static obj_t int_pow(obj_t lhs, obj_t rhs) {
    if (is_neg(rhs)) {
        return int_pow_negative(lhs, rhs);
    }
    small_int_t a = OBJ_SMALL_INT_VALUE(lhs), r = 1;
    uintptr_t e = (uintptr_t)OBJ_SMALL_INT_VALUE(rhs);
    for (;;) {
        if (e & 1) {
            r = small_mul(r, a);
        }
        e >>= 1;
        if (e == 0) {
            return OBJ_NEW_SMALL_INT(r);
        }
        /* a**(2**k) with 2**k <= e: overflows only when the result does */
        a = small_mul(a, a);
    }
}

static obj_t int_shift(binary_op_t op, obj_t lhs, obj_t rhs) {
    const small_int_t bits = (small_int_t)(sizeof(small_int_t) * 8 - 1);
    small_int_t a = OBJ_SMALL_INT_VALUE(lhs), n = OBJ_SMALL_INT_VALUE(rhs);
    if (n < 0) {
        rt_raise_value_error("negative shift count");
    }
    if (op == BINARY_OP_RSHIFT || a == 0) {
        return OBJ_NEW_SMALL_INT(a >> (n < bits ? n : bits));
    }
    if (n >= bits || a > (SMALL_INT_MAX >> n) || a < (SMALL_INT_MIN >> n)) {
        raise_small_overflow();
    }
    return OBJ_NEW_SMALL_INT(a * ((small_int_t)1 << n));
}

static obj_t int_divmod(binary_op_t op, obj_t lhs, obj_t rhs) {
    small_int_t a = OBJ_SMALL_INT_VALUE(lhs), b = OBJ_SMALL_INT_VALUE(rhs);
    if (b == 0) {
        rt_raise_zero_division(op == BINARY_OP_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
    }
    small_int_t q = a / b, r = a % b;
    if (r != 0 && (r < 0) != (b < 0)) {
        q--;
        r += b;
    }
    if (op == BINARY_OP_MOD) {
        return OBJ_NEW_SMALL_INT(r);
    }
    obj_t qo = obj_new_int(q);   /* SMALL_INT_MIN // -1 overflows */
    if (op == BINARY_OP_FLOORDIV) {
        return qo;
    }
    obj_t items[2] = { qo, OBJ_NEW_SMALL_INT(r) };
    return obj_new_tuple(2, items);
}
#endif

static bool is_sequence(obj_t o) {
    return obj_is_str(o) || obj_is_type(o, &type_list) || obj_is_type(o, &type_tuple)
           || obj_is_type(o, &type_bytes) || obj_is_type(o, &type_bytearray);
}

obj_t int_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    lhs = unbool(lhs);
    rhs = unbool(rhs);
    if (op >= BINARY_OP_REVERSE_OR && op <= BINARY_OP_REVERSE_POW) {
        obj_t t = lhs;
        lhs = rhs;
        rhs = t;
        op = (binary_op_t)(op - BINARY_OP_REVERSE_OR + BINARY_OP_OR);
    } else if (op >= BINARY_OP_INPLACE_OR && op <= BINARY_OP_INPLACE_POW) {
        op = (binary_op_t)(op - BINARY_OP_INPLACE_OR + BINARY_OP_OR);
    }
    if (!is_int(lhs) || !is_int(rhs)) {
#if CONFIG_FLOAT
        if ((obj_is_float(lhs) && is_int(rhs)) || (obj_is_float(rhs) && is_int(lhs))) {
            return mixed_float_op(op, lhs, rhs);
        }
#endif
        if (op == BINARY_OP_MUL && is_int(lhs) && is_sequence(rhs)) {
            return rt_binary_op(BINARY_OP_MUL, rhs, lhs);
        }
        return OBJ_NULL;
    }
    switch (op) {   /* these work on small ints and bignums alike */
        case BINARY_OP_FLOORDIV: case BINARY_OP_MOD: case BINARY_OP_DIVMOD:
            return int_divmod(op, lhs, rhs);
        case BINARY_OP_POW:
            return int_pow(lhs, rhs);
        case BINARY_OP_LSHIFT: case BINARY_OP_RSHIFT:
            return int_shift(op, lhs, rhs);
        default:
            break;
    }
#if CONFIG_BIGNUM
#if CONFIG_FLOAT
    if (OBJ_IS_SMALL_INT(lhs) && OBJ_IS_SMALL_INT(rhs) && op == BINARY_OP_TRUEDIV) {
        small_int_t a = OBJ_SMALL_INT_VALUE(lhs), b = OBJ_SMALL_INT_VALUE(rhs);
        const long long exact = 1LL << 53;   /* not small_int_t: 32 bits on 32-bit ports */
        if (b != 0 && a > -exact && a < exact && b > -exact && b < exact) {
            return obj_new_float((float_val_t)((double)a / (double)b));
        }
    }
#endif
    mpz_tmp_t ta, tb;
    const mpz_t *a = as_mpz(lhs, &ta), *b = as_mpz(rhs, &tb);
    int_big_t *r;
    switch (op) {
        case BINARY_OP_LT: case BINARY_OP_GT: case BINARY_OP_EQ:
        case BINARY_OP_LE: case BINARY_OP_GE: case BINARY_OP_NE:
            return compare_result(op, mpz_cmp(a, b));
        case BINARY_OP_ADD:
            r = big_alloc(mpz_add_size(a, b));
            mpz_add(&r->z, a, b);
            return big_finish(r);
        case BINARY_OP_SUB:
            r = big_alloc(mpz_add_size(a, b));
            mpz_sub(&r->z, a, b);
            return big_finish(r);
        case BINARY_OP_MUL:
            r = big_alloc(mpz_mul_size(a, b));
            mpz_mul(&r->z, a, b);
            return big_finish(r);
        case BINARY_OP_AND: case BINARY_OP_OR: case BINARY_OP_XOR:
            r = big_alloc(mpz_add_size(a, b));
            (op == BINARY_OP_AND ? mpz_and : op == BINARY_OP_OR ? mpz_or : mpz_xor)(&r->z, a, b);
            return big_finish(r);
#if CONFIG_FLOAT
        case BINARY_OP_TRUEDIV:
            return int_true_div(lhs, rhs);
#endif
        default:
            return OBJ_NULL;
    }
#else
    small_int_t a = OBJ_SMALL_INT_VALUE(lhs), b = OBJ_SMALL_INT_VALUE(rhs);
    switch (op) {
        case BINARY_OP_LT: case BINARY_OP_GT: case BINARY_OP_EQ:
        case BINARY_OP_LE: case BINARY_OP_GE: case BINARY_OP_NE:
            return compare_result(op, (a > b) - (a < b));
        case BINARY_OP_ADD: return obj_new_int(a + b);   /* two small ints cannot overflow a word */
        case BINARY_OP_SUB: return obj_new_int(a - b);
        case BINARY_OP_MUL: return OBJ_NEW_SMALL_INT(small_mul(a, b));
        case BINARY_OP_AND: return OBJ_NEW_SMALL_INT(a & b);
        case BINARY_OP_OR: return OBJ_NEW_SMALL_INT(a | b);
        case BINARY_OP_XOR: return OBJ_NEW_SMALL_INT(a ^ b);
#if CONFIG_FLOAT
        case BINARY_OP_TRUEDIV:
            return int_true_div(lhs, rhs);
#endif
        default:
            return OBJ_NULL;
    }
#endif
}

static obj_t int_negate(obj_t o) {
#if CONFIG_BIGNUM
    if (!OBJ_IS_SMALL_INT(o)) {
        const mpz_t *z = &((const int_big_t *)o)->z;
        int_big_t *r = big_alloc(z->len);
        mpz_set(&r->z, z);
        mpz_neg_inplace(&r->z);
        return big_finish(r);
    }
#endif
    return obj_new_int(-OBJ_SMALL_INT_VALUE(o));
}

obj_t int_unary_op(unary_op_t op, obj_t self) {
    self = unbool(self);
    switch (op) {
        case UNARY_OP_BOOL:
            return OBJ_BOOL(self != OBJ_NEW_SMALL_INT(0));
        case UNARY_OP_HASH:
            return int_hash(self);
        case UNARY_OP_POS:
        case UNARY_OP_INT:
            return self;
        case UNARY_OP_NEG:
            return int_negate(self);
        case UNARY_OP_ABS:
            return is_neg(self) ? int_negate(self) : self;
        case UNARY_OP_INVERT:
            /* ~x == -x - 1 */
            return int_binary_op(BINARY_OP_SUB, int_negate(self), OBJ_NEW_SMALL_INT(1));
#if CONFIG_FLOAT
        case UNARY_OP_FLOAT:
            return obj_new_float(int_as_float(self));
#endif
        default:
            return OBJ_NULL;
    }
}

obj_t int_pow_mod(obj_t base, obj_t exp, obj_t mod) {
    base = unbool(base);
    exp = unbool(exp);
    mod = unbool(mod);
    if (!is_int(base) || !is_int(exp) || !is_int(mod)) {
        rt_raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
    }
#if !CONFIG_BIGNUM
    rt_raise_msg(&type_NotImplementedError, "3-arg pow() not supported");   /* as MicroPython's */
#else
    mpz_tmp_t tb, te, tm;
    const mpz_t *b = as_mpz(base, &tb), *e = as_mpz(exp, &te), *m = as_mpz(mod, &tm);
    if (m->len == 0) {
        rt_raise_value_error("pow() 3rd argument cannot be 0");
    }
    mpz_t inv, r;
    mpz_init(&inv);
    mpz_init(&r);
    if (e->neg) {
        if (!mpz_invmod(&inv, b, m)) {
            rt_raise_value_error("base is not invertible for the given modulus");
        }
        mpz_t pe = *e;
        pe.neg = 0;
        mpz_powmod(&r, &inv, &pe, m);
    } else {
        mpz_powmod(&r, b, e, m);
    }
    mpz_free(&inv);
    return from_mpz(&r);
#endif
}

/* ---- int(x), int(x, base) ---- */

static obj_t int_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    obj_t x = n_args > 0 ? args[0] : OBJ_NULL, base = n_args > 1 ? args[1] : OBJ_NULL;
    if (n_args > 2) {
        rt_raise_type_error("int() takes at most 2 arguments (%u given)", (unsigned)(n_args + n_kw));
    }
    for (size_t i = 0; i < n_kw; i++) {
        obj_t key = args[n_args + 2 * i];
        if (!obj_is_str(key) || strcmp(obj_str_get_cstr(key), "base") != 0) {
            rt_raise_type_error("'%S' is an invalid keyword argument for int()", key);
        }
        base = args[n_args + 2 * i + 1];
    }
    if (x == OBJ_NULL) {
        if (base != OBJ_NULL) {
            rt_raise_type_error("int() missing string argument");
        }
        return OBJ_NEW_SMALL_INT(0);
    }
    bool text = obj_is_str(x) || obj_is_type(x, &type_bytes) || obj_is_type(x, &type_bytearray);
    if (base != OBJ_NULL) {
        intptr_t b = obj_get_index(base);
        if (b != 0 && (b < 2 || b > 36)) {
            rt_raise_value_error("int() base must be >= 2 and <= 36, or 0");
        }
        if (!text) {
            rt_raise_type_error("int() can't convert non-string with explicit base");
        }
        size_t len;
        const char *s = str_numeric_text(x, &len);
        return parse_int(s, len, (int)b, x, true);
    }
    if (text) {
        size_t len;
        const char *s = str_numeric_text(x, &len);
        return parse_int(s, len, 10, x, true);
    }
    x = unbool(type_native_self(x));
    if (is_int(x)) {
        return x;
    }
#if CONFIG_FLOAT
    if (obj_is_float(x)) {
        return int_from_float(((float_t_ *)x)->value);
    }
#endif
    static const qstr converters[] = { Q___int__, Q___index__, Q___trunc__ };
    obj_t dest[2];
    for (size_t i = 0; i < sizeof(converters) / sizeof(converters[0]); i++) {
        if (user_method(x, converters[i], dest)) {
            obj_t r = unbool(rt_call_method(x, converters[i], 0, NULL));
            if (!is_int(r)) {
                rt_raise_type_error("%q returned non-int (type %q)", converters[i], obj_type_name(r));
            }
            return r;
        }
    }
    return rt_unary_op(UNARY_OP_INT, x);
}

/* ---- formatting ---- */

/* Inserts sep every `group` digits (from the right) while copying digits to out. */
static void add_grouped(vstr_t *out, const char *d, size_t n, char sep, size_t group) {
    for (size_t i = 0; i < n; i++) {
        if (sep && i > 0 && (n - i) % group == 0) {
            vstr_add_byte(out, (uint8_t)sep);
        }
        vstr_add_byte(out, (uint8_t)d[i]);
    }
}

static void format_char(vstr_t *out, obj_t value, const format_spec_t *spec) {
    if (spec->sign) {
        rt_raise_value_error("Sign not allowed with integer format specifier 'c'");
    }
    if (spec->alt) {
        rt_raise_value_error("Alternate form (#) not allowed with integer format specifier 'c'");
    }
    intptr_t v;
    if (!obj_get_int_maybe(value, &v) || v < 0 || v > 0x10ffff) {
        rt_raise_overflow("%c arg not in range(0x110000)");
    }
    vstr_t body;
    vstr_init(&body, 4);
    vstr_add_char(&body, (uint32_t)v);
    format_pad(out, body.buf, body.len, 1, spec, true, 0);
    vstr_clear(&body);
}

void int_format(vstr_t *out, obj_t value, const format_spec_t *spec) {
    qstr type_name = obj_type_name(value);
    value = unbool(value);
    char type = spec->type;
    switch (type) {
#if CONFIG_FLOAT
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
            float_format(out, int_as_float(value), spec);
            return;
#endif
        case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
            break;
        default:
            rt_raise_value_error("Unknown format code '%c' for object of type '%q'", (int)(unsigned char)type, type_name);
    }
    if (spec->precision >= 0) {
        rt_raise_value_error("Precision not allowed in integer format specifier");
    }
    if (type == 'c') {
        format_char(out, value, spec);
        return;
    }
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    /* digits of the magnitude */
    char small[72], *digits, *heap = NULL;
    size_t n;
    bool neg = is_neg(value);
#if CONFIG_BIGNUM
    if (!OBJ_IS_SMALL_INT(value)) {
        heap = digits = big_digits(&((const int_big_t *)value)->z, base, type == 'X', &n);
    } else
#endif
    {
        digits = small_to_str(small + sizeof(small), OBJ_SMALL_INT_VALUE(value), (unsigned)base, type == 'X');
        n = (size_t)(small + sizeof(small) - digits);
    }
    char prefix[4];
    size_t plen = 0;
    if (neg) {
        prefix[plen++] = '-';
    } else if (spec->sign == '+' || spec->sign == ' ') {
        prefix[plen++] = spec->sign;
    }
    if (spec->alt && base != 10) {
        prefix[plen++] = '0';
        prefix[plen++] = type == 'b' ? 'b' : type == 'o' ? 'o' : type;
    }
    size_t group = base == 10 ? 3 : 4;
    /* zero padding counts as digits, so the separators run through it (CPython: 0,001,234) */
    size_t n_zeros = 0;
    if (((spec->zero && spec->align == 0) || (spec->align == '=' && spec->fill == '0')) && spec->width > 0) {
        size_t need = (size_t)spec->width > plen ? (size_t)spec->width - plen : 0;
        size_t total = n;
        while (total + (spec->grouping ? (total - 1) / group : 0) < need) {
            total++;
        }
        n_zeros = total - n;
    }
    vstr_t body;
    vstr_init(&body, plen + n + n_zeros + n / 3 + 2);
    vstr_add_strn(&body, prefix, plen);
    if (n_zeros) {
        char *padded = m_new(char, n + n_zeros);
        memset(padded, '0', n_zeros);
        memcpy(padded + n_zeros, digits, n);
        add_grouped(&body, padded, n + n_zeros, spec->grouping, group);
        m_free(padded);
    } else {
        add_grouped(&body, digits, n, spec->grouping, group);
    }
    format_pad(out, body.buf, body.len, body.len, spec, true, plen);
    vstr_clear(&body);
    if (heap) {
        m_free(heap);
    }
}

/* ---- methods ---- */

static obj_t int_self(obj_t self) {
    return unbool(self);
}
static FUN_DEFINE_1(int_self_obj, int_self);

#if CONFIG_BIGNUM
static obj_t int_bit_length(obj_t self) {
    mpz_tmp_t t;
    return OBJ_NEW_SMALL_INT((small_int_t)mpz_bit_length(as_mpz(unbool(self), &t)));
}

static obj_t int_bit_count(obj_t self) {
    mpz_tmp_t t;
    return OBJ_NEW_SMALL_INT((small_int_t)mpz_popcount(as_mpz(unbool(self), &t)));
}
#else
static uintptr_t magnitude(obj_t self) {
    small_int_t v = OBJ_SMALL_INT_VALUE(unbool(self));
    return v < 0 ? (uintptr_t)0 - (uintptr_t)v : (uintptr_t)v;
}

static obj_t int_bit_length(obj_t self) {
    small_int_t n = 0;
    for (uintptr_t m = magnitude(self); m; m >>= 1) {
        n++;
    }
    return OBJ_NEW_SMALL_INT(n);
}

static obj_t int_bit_count(obj_t self) {
    small_int_t n = 0;
    for (uintptr_t m = magnitude(self); m; m &= m - 1) {
        n++;
    }
    return OBJ_NEW_SMALL_INT(n);
}
#endif
static FUN_DEFINE_1(int_bit_length_obj, int_bit_length);
static FUN_DEFINE_1(int_bit_count_obj, int_bit_count);

static obj_t int_as_integer_ratio(obj_t self) {
    obj_t items[2] = { unbool(self), OBJ_NEW_SMALL_INT(1) };
    return obj_new_tuple(2, items);
}
static FUN_DEFINE_1(int_as_integer_ratio_obj, int_as_integer_ratio);

static obj_t int_round(size_t n_args, const obj_t *args) {
    obj_t self = unbool(args[0]);
    if (n_args < 2 || args[1] == OBJ_NONE) {
        return self;
    }
    intptr_t nd = obj_get_index(args[1]);
    if (nd >= 0) {
        return self;
    }
    /* round half to even at 10**-nd */
#if CONFIG_BIGNUM
    obj_t p = int_pow(OBJ_NEW_SMALL_INT(10), obj_new_int(-nd));
    obj_t qr = int_divmod(BINARY_OP_DIVMOD, self, p);
    obj_t q = ((tuple_t *)qr)->items[0], r = ((tuple_t *)qr)->items[1];
    obj_t twice = int_binary_op(BINARY_OP_ADD, r, r);
    mpz_tmp_t t1, t2, t3;
    int c = mpz_cmp(as_mpz(twice, &t1), as_mpz(p, &t2));
    if (c > 0 || (c == 0 && mpz_is_odd(as_mpz(q, &t3)))) {
        q = int_binary_op(BINARY_OP_ADD, q, OBJ_NEW_SMALL_INT(1));
    }
    return int_binary_op(BINARY_OP_MUL, q, p);
#else
    small_int_t p = 1;
    for (; nd < 0; nd++) {
        if (p > SMALL_INT_MAX / 10) {
            return OBJ_NEW_SMALL_INT(0);   /* |self| < 10**-nd / 2 */
        }
        p *= 10;
    }
    small_int_t v = OBJ_SMALL_INT_VALUE(self), q = v / p, r = v % p;
    if (r < 0) {
        q--;
        r += p;
    }
    if (2 * r > p || (2 * r == p && (q & 1))) {
        q++;
    }
    return OBJ_NEW_SMALL_INT(small_mul(q, p));
#endif
}
static FUN_DEFINE_VAR(int_round_obj, 1, 2, int_round);

static bool byteorder_big(obj_t order) {
    const char *s = obj_is_str(order) ? obj_str_get_cstr(order) : "";
    if (strcmp(s, "big") == 0) {
        return true;
    }
    if (strcmp(s, "little") != 0) {
        rt_raise_value_error("byteorder must be either 'little' or 'big'");
    }
    return false;
}

static obj_t int_to_bytes(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_length, 0, OBJ_NEW_SMALL_INT(1) },
        { Q_byteorder, 0, QOBJ(big) },
        { Q_signed, ARG_KW_ONLY, OBJ_FALSE },
    };
    obj_t a[3];
    arg_parse(n_args - 1, n_kw, args + 1, spec, 3, a, "to_bytes");
    intptr_t len = obj_get_index(a[0]);
    if (len < 0) {
        rt_raise_value_error("length argument must be non-negative");
    }
    bool big = byteorder_big(a[1]), is_signed = obj_is_true(a[2]);
    obj_t self = unbool(args[0]);
#if CONFIG_BIGNUM
    mpz_tmp_t t;
    const mpz_t *z = as_mpz(self, &t);
    if (z->neg && !is_signed) {
        rt_raise_overflow("can't convert negative int to unsigned");
    }
    uint8_t *buf = m_new(uint8_t, (size_t)len + 1);
    if (!mpz_to_bytes(z, big, is_signed, buf, (size_t)len)) {
        rt_raise_overflow("int too big to convert");
    }
#else
    small_int_t v = OBJ_SMALL_INT_VALUE(self);
    if (v < 0 && !is_signed) {
        rt_raise_overflow("can't convert negative int to unsigned");
    }
    /* fits in len bytes: the bits above the value bits (and the sign bit when signed) are a sign copy */
    size_t bits = (size_t)len * 8;
    if (bits < sizeof(small_int_t) * 8 && (bits == 0 ? v != 0 : (v >> (bits - is_signed)) != (v < 0 ? -1 : 0))) {
        rt_raise_overflow("int too big to convert");
    }
    uint8_t *buf = m_new(uint8_t, (size_t)len + 1);
    for (size_t i = 0; i < (size_t)len; i++) {
        uint8_t b = i < sizeof(small_int_t) ? (uint8_t)((uintptr_t)v >> (8 * i)) : (v < 0 ? 0xff : 0);
        buf[big ? (size_t)len - 1 - i : i] = b;
    }
#endif
    obj_t r = obj_new_bytes(buf, (size_t)len);
    m_free(buf);
    return r;
}
static FUN_DEFINE_KW(int_to_bytes_obj, 1, int_to_bytes);

static obj_t int_from_bytes(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_bytes, ARG_REQUIRED, OBJ_NULL },
        { Q_byteorder, 0, QOBJ(big) },
        { Q_signed, ARG_KW_ONLY, OBJ_FALSE },
    };
    obj_t a[3];
    arg_parse(n_args - 1, n_kw, args + 1, spec, 3, a, "from_bytes");
    bool big = byteorder_big(a[1]), is_signed = obj_is_true(a[2]);
    obj_t data = a[0];
    if (obj_is_str(data)) {
        rt_raise_type_error("cannot convert 'str' object to bytes");
    }
    if (!obj_is_type(data, &type_bytes) && !obj_is_type(data, &type_bytearray)) {
        data = rt_call1(OBJ_ROM(&type_bytes), data);
    }
    size_t len;
    const uint8_t *buf = (const uint8_t *)obj_str_get_data(data, &len);
#if CONFIG_BIGNUM
    mpz_t z;
    mpz_init(&z);
    mpz_from_bytes(&z, buf, len, big, is_signed);
    obj_t r = from_mpz(&z);
#else
    /* most significant byte first, starting from the sign extension */
    small_int_t v = (len > 0 && is_signed && (buf[big ? 0 : len - 1] & 0x80)) ? -1 : 0;
    for (size_t i = 0; i < len; i++) {
        if (v > (SMALL_INT_MAX >> 8) || v < (SMALL_INT_MIN >> 8)) {
            raise_small_overflow();
        }
        v = v * 256 + buf[big ? i : len - 1 - i];
    }
    obj_t r = OBJ_NEW_SMALL_INT(v);
#endif
    if (args[0] != OBJ_ROM(&type_int)) {
        r = rt_call1(args[0], r);
    }
    return r;
}
static FUN_DEFINE_KW(int_from_bytes_fun_obj, 2, int_from_bytes);
static const static_class_method_t int_from_bytes_obj = { { &type_classmethod }, OBJ_ROM(&int_from_bytes_fun_obj) };

static void int_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] != OBJ_NULL) {
        return;
    }
    switch (attr) {
        case Q_real: case Q_numerator: dest[0] = unbool(self); break;
        case Q_imag: dest[0] = OBJ_NEW_SMALL_INT(0); break;
        case Q_denominator: dest[0] = OBJ_NEW_SMALL_INT(1); break;
        default: break;
    }
}

static const map_elem_t int_locals_table[] = {
    { QOBJ(bit_length), OBJ_ROM(&int_bit_length_obj) },
    { QOBJ(bit_count), OBJ_ROM(&int_bit_count_obj) },
    { QOBJ(to_bytes), OBJ_ROM(&int_to_bytes_obj) },
    { QOBJ(from_bytes), OBJ_ROM(&int_from_bytes_obj) },
    { QOBJ(as_integer_ratio), OBJ_ROM(&int_as_integer_ratio_obj) },
    { QOBJ(conjugate), OBJ_ROM(&int_self_obj) },
    { QOBJ(__index__), OBJ_ROM(&int_self_obj) },
    { QOBJ(__int__), OBJ_ROM(&int_self_obj) },
    { QOBJ(__trunc__), OBJ_ROM(&int_self_obj) },
    { QOBJ(__floor__), OBJ_ROM(&int_self_obj) },
    { QOBJ(__ceil__), OBJ_ROM(&int_self_obj) },
    { QOBJ(__round__), OBJ_ROM(&int_round_obj) },
};
static DICT_ROM(int_locals_dict, int_locals_table);

const type_t type_int = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_int,
    .print = int_print,
    .make_new = int_make_new,
    .unary_op = int_unary_op,
    .binary_op = int_binary_op,
    .attr = int_attr,
    .locals_dict = (dict_t *)&int_locals_dict,
};
