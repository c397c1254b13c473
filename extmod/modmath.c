/* modmath.c: the math module.  MicroPython's set (docs/library/math.rst) plus the rest of CPython's
 * everyday functions, with CPython's results and errors: "math domain error" (ValueError) when an
 * argument is outside a function's domain, "math range error" (OverflowError) when a finite
 * argument gives a result too large for a float.  Float work is done in float_val_t, so a
 * single-precision build uses the C library's float functions (sinf, ...).  The integer functions
 * (factorial, comb, perm, gcd, lcm, isqrt, prod) are exact for ints of any size: they work on
 * native words while values fit and fall back to int objects' own arithmetic beyond. */
#include <float.h>
#include <limits.h>
#include <math.h>
#include "gc.h"
#include "runtime.h"

/* no math module without a float type, as in MicroPython */
#if CONFIG_FLOAT

#if CONFIG_FLOAT == 2
#define MF(fn) fn##f
#define FLOAT_MAX FLT_MAX
#define FLOAT_BIG ((float_val_t)0x1p120)  /* ints above this may not convert to a float */
#else
#define MF(fn) fn
#define FLOAT_MAX DBL_MAX
#define FLOAT_BIG ((float_val_t)0x1p1000)
#endif

#define PI_DIGITS 3.14159265358979323846264338327950288
#define E_DIGITS 2.71828182845904523536028747135266250

static RT_NORETURN void domain_error(void) {
    rt_raise_value_error("math domain error");
}

static RT_NORETURN void range_error(void) {
    rt_raise_overflow("math range error");
}

static inline float_val_t fval(obj_t o) {
    return ((const float_t_ *)o)->value;
}

static inline float_val_t to_float(obj_t o) {
    return obj_is_float(o) ? fval(o) : obj_get_float(o);
}

/* CPython's rule for one-argument functions: a NaN from a non-NaN argument is a domain error, an
 * infinity from a finite one is an overflow where the function can overflow (exp, cosh) and a
 * domain error at a pole (log(0), atanh(1)). */
static inline obj_t checked(float_val_t x, float_val_t r, bool can_overflow) {
    if (isnan(r) && !isnan(x)) {
        domain_error();
    }
    if (isinf(r) && isfinite(x)) {
        if (can_overflow) {
            range_error();
        }
        domain_error();
    }
    return obj_new_float(r);
}

#define MATH_FUN_1(name, can_overflow) \
    static obj_t math_##name(obj_t arg) { \
        float_val_t x = to_float(arg); \
        return checked(x, MF(name)(x), can_overflow); \
    } \
    static FUN_DEFINE_1(math_##name##_obj, math_##name)

MATH_FUN_1(sqrt, false);
MATH_FUN_1(cbrt, false);
MATH_FUN_1(exp, true);
MATH_FUN_1(exp2, true);
MATH_FUN_1(expm1, true);
MATH_FUN_1(log1p, false);
MATH_FUN_1(fabs, false);
MATH_FUN_1(sin, false);
MATH_FUN_1(cos, false);
MATH_FUN_1(tan, false);
MATH_FUN_1(asin, false);
MATH_FUN_1(acos, false);
MATH_FUN_1(atan, false);
MATH_FUN_1(sinh, true);
MATH_FUN_1(cosh, true);
MATH_FUN_1(tanh, false);
MATH_FUN_1(asinh, false);
MATH_FUN_1(acosh, false);
MATH_FUN_1(atanh, false);
MATH_FUN_1(erf, false);
MATH_FUN_1(erfc, false);

/* ---- logarithms: ints too large for a float still have a logarithm ---- */

typedef float_val_t (*float_fun_t)(float_val_t);

static float_val_t log_of(obj_t x, float_fun_t f) {
    if (!obj_is_int(x) && !obj_is_float(x) && obj_isinstance(x, &type_int)) {
        x = int_index(x);    /* an int subclass's value */
    }
    if (obj_is_int(x)) {
        if (int_cmp_float(x, 0) <= 0) {
            domain_error();
        }
        if (int_cmp_float(x, FLOAT_BIG) > 0) {
            /* log(m * 2**shift) with m keeping 60 significant bits */
            intptr_t shift = obj_get_int(rt_call_method(x, Q_bit_length, 0, NULL)) - 60;
            obj_t m = int_binary_op(BINARY_OP_RSHIFT, x, OBJ_NEW_SMALL_INT(shift));
            return f(int_as_float(m)) + f(2) * (float_val_t)shift;
        }
    }
    float_val_t v = to_float(x);
    if (!(v > 0) && !isnan(v)) {
        domain_error();
    }
    return f(v);
}

static obj_t math_log(size_t n_args, const obj_t *args) {
    float_val_t num = log_of(args[0], MF(log));
    if (n_args == 1) {
        return obj_new_float(num);
    }
    float_val_t den = log_of(args[1], MF(log));
    if (den == 0) {
        rt_raise_zero_division("float division by zero");
    }
    return obj_new_float(num / den);
}
static FUN_DEFINE_VAR(math_log_obj, 1, 2, math_log);

static obj_t math_log2(obj_t x) {
    return obj_new_float(log_of(x, MF(log2)));
}
static FUN_DEFINE_1(math_log2_obj, math_log2);

static obj_t math_log10(obj_t x) {
    return obj_new_float(log_of(x, MF(log10)));
}
static FUN_DEFINE_1(math_log10_obj, math_log10);

/* ---- two-argument float functions ---- */

static obj_t math_pow(obj_t x_in, obj_t y_in) {
    float_val_t x = to_float(x_in), y = to_float(y_in);
    float_val_t r = MF(pow)(x, y);
    /* C99's pow already gives IEEE's answers for infinite and NaN arguments, as CPython does */
    if (isfinite(x) && isfinite(y)) {
        if (isnan(r)) {
            domain_error();
        }
        if (isinf(r)) {
            if (x == 0) {
                domain_error();
            }
            range_error();
        }
    }
    return obj_new_float(r);
}
static FUN_DEFINE_2(math_pow_obj, math_pow);

/* fmod and remainder: NaN from non-NaN arguments (x infinite or y zero) is a domain error */
static obj_t nan_checked_2(float_val_t x, float_val_t y, float_val_t r) {
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        domain_error();
    }
    return obj_new_float(r);
}

static obj_t math_fmod(obj_t x_in, obj_t y_in) {
    float_val_t x = to_float(x_in), y = to_float(y_in);
    return nan_checked_2(x, y, MF(fmod)(x, y));
}
static FUN_DEFINE_2(math_fmod_obj, math_fmod);

static obj_t math_remainder(obj_t x_in, obj_t y_in) {
    float_val_t x = to_float(x_in), y = to_float(y_in);
    return nan_checked_2(x, y, MF(remainder)(x, y));
}
static FUN_DEFINE_2(math_remainder_obj, math_remainder);

static obj_t math_atan2(obj_t y, obj_t x) {
    return obj_new_float(MF(atan2)(to_float(y), to_float(x)));
}
static FUN_DEFINE_2(math_atan2_obj, math_atan2);

static obj_t math_copysign(obj_t x, obj_t y) {
    return obj_new_float(MF(copysign)(to_float(x), to_float(y)));
}
static FUN_DEFINE_2(math_copysign_obj, math_copysign);

static obj_t math_nextafter(obj_t x, obj_t y) {
    return obj_new_float(MF(nextafter)(to_float(x), to_float(y)));
}
static FUN_DEFINE_2(math_nextafter_obj, math_nextafter);

static obj_t math_ulp(obj_t x_in) {
    float_val_t x = MF(fabs)(to_float(x_in));
    if (!isfinite(x)) {
        return obj_new_float(x);
    }
    if (x == FLOAT_MAX) {
        return obj_new_float(x - MF(nextafter)(x, 0));
    }
    return obj_new_float(MF(nextafter)(x, (float_val_t)INFINITY) - x);
}
static FUN_DEFINE_1(math_ulp_obj, math_ulp);

static obj_t math_degrees(obj_t x) {
    return obj_new_float(to_float(x) * (float_val_t)(180.0 / PI_DIGITS));
}
static FUN_DEFINE_1(math_degrees_obj, math_degrees);

static obj_t math_radians(obj_t x) {
    return obj_new_float(to_float(x) * (float_val_t)(PI_DIGITS / 180.0));
}
static FUN_DEFINE_1(math_radians_obj, math_radians);

/* ---- classification ---- */

static obj_t math_isfinite(obj_t x) {
    return OBJ_BOOL(isfinite(to_float(x)));
}
static FUN_DEFINE_1(math_isfinite_obj, math_isfinite);

static obj_t math_isinf(obj_t x) {
    return OBJ_BOOL(isinf(to_float(x)));
}
static FUN_DEFINE_1(math_isinf_obj, math_isinf);

static obj_t math_isnan(obj_t x) {
    return OBJ_BOOL(isnan(to_float(x)));
}
static FUN_DEFINE_1(math_isnan_obj, math_isnan);

static obj_t math_isclose(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_a, ARG_REQUIRED, OBJ_NULL },
        { Q_b, ARG_REQUIRED, OBJ_NULL },
        { Q_rel_tol, ARG_KW_ONLY, OBJ_NULL },
        { Q_abs_tol, ARG_KW_ONLY, OBJ_NULL },
    };
    obj_t v[4];
    arg_parse(n_args, n_kw, args, spec, 4, v, "isclose");
    float_val_t a = to_float(v[0]), b = to_float(v[1]);
    float_val_t rel_tol = v[2] == OBJ_NULL ? (float_val_t)1e-9 : to_float(v[2]);
    float_val_t abs_tol = v[3] == OBJ_NULL ? 0 : to_float(v[3]);
    if (rel_tol < 0 || abs_tol < 0) {
        rt_raise_value_error("tolerances must be non-negative");
    }
    if (a == b) {
        return OBJ_TRUE;    /* exact equality covers equal infinities */
    }
    if (isinf(a) || isinf(b)) {
        return OBJ_FALSE;
    }
    float_val_t diff = MF(fabs)(b - a);
    return OBJ_BOOL(diff <= MF(fabs)(rel_tol * b) || diff <= MF(fabs)(rel_tol * a) || diff <= abs_tol);
}
static FUN_DEFINE_KW(math_isclose_obj, 0, math_isclose);

/* ---- splitting and scaling ---- */

static obj_t float_pair(float_val_t a, float_val_t b) {
    obj_t items[2] = { obj_new_float(a), obj_new_float(b) };
    return obj_new_tuple(2, items);
}

static obj_t math_frexp(obj_t x_in) {
    float_val_t x = to_float(x_in);
    int e = 0;
    if (isfinite(x) && x != 0) {
        x = MF(frexp)(x, &e);
    }
    obj_t items[2] = { obj_new_float(x), OBJ_NEW_SMALL_INT(e) };
    return obj_new_tuple(2, items);
}
static FUN_DEFINE_1(math_frexp_obj, math_frexp);

static obj_t math_ldexp(obj_t x_in, obj_t i_in) {
    float_val_t x = to_float(x_in);
    if (obj_is_type(i_in, &type_bool)) {
        i_in = OBJ_NEW_SMALL_INT(i_in == OBJ_TRUE);
    }
    if (!obj_is_int(i_in)) {
        rt_raise_type_error("Expected an int as second argument to ldexp.");
    }
    if (x == 0 || !isfinite(x)) {
        return obj_new_float(x);
    }
    /* any exponent beyond +-(1 << 20) overflows or underflows every float alike */
    intptr_t i;
    if (!obj_get_int_maybe(i_in, &i) || i > (1 << 20) || i < -(1 << 20)) {
        i = int_cmp_float(i_in, 0) > 0 ? (1 << 20) : -(1 << 20);
    }
    float_val_t r = MF(ldexp)(x, (int)i);
    if (isinf(r)) {
        range_error();
    }
    return obj_new_float(r);
}
static FUN_DEFINE_2(math_ldexp_obj, math_ldexp);

static obj_t math_modf(obj_t x_in) {
    float_val_t x = to_float(x_in), ip;
    float_val_t frac = MF(modf)(x, &ip);
    return float_pair(frac, ip);
}
static FUN_DEFINE_1(math_modf_obj, math_modf);

/* ---- rounding to ints: floats directly, other objects through their __floor__/__ceil__/__trunc__ */

static obj_t to_integral(obj_t x, qstr method, float_fun_t round_fn) {
    if (obj_is_float(x)) {
        return int_from_float(round_fn(fval(x)));
    }
    if (obj_is_int(x)) {
        return x;
    }
    if (obj_is_type(x, &type_bool)) {
        return OBJ_NEW_SMALL_INT(x == OBJ_TRUE);
    }
    /* built-in types answer dunder probes generically, so only a Python class is asked */
    obj_t dest[2];
    if ((obj_get_type(x)->flags & TYPE_FLAG_USER) && rt_load_method_maybe(x, method, dest)) {
        return rt_call_method(x, method, 0, NULL);
    }
    if (method == Q___trunc__) {
        rt_raise_type_error("type %q doesn't define __trunc__ method", obj_type_name(x));
    }
    return int_from_float(round_fn(obj_get_float(x)));
}

static obj_t math_floor(obj_t x) {
    return to_integral(x, Q___floor__, MF(floor));
}
static FUN_DEFINE_1(math_floor_obj, math_floor);

static obj_t math_ceil(obj_t x) {
    return to_integral(x, Q___ceil__, MF(ceil));
}
static FUN_DEFINE_1(math_ceil_obj, math_ceil);

static obj_t math_trunc(obj_t x) {
    return to_integral(x, Q___trunc__, MF(trunc));
}
static FUN_DEFINE_1(math_trunc_obj, math_trunc);

/* ---- gamma functions: C's tgamma/lgamma, with CPython's errors at the poles ---- */

static bool is_nonpositive_integer(float_val_t x) {
    return x <= 0 && MF(floor)(x) == x;
}

static obj_t math_gamma(obj_t x_in) {
    float_val_t x = to_float(x_in);
    if (isnan(x) || x == (float_val_t)INFINITY) {
        return obj_new_float(x);
    }
    if (is_nonpositive_integer(x)) {   /* the poles, and -inf */
        domain_error();
    }
    float_val_t r = MF(tgamma)(x);
    if (isinf(r)) {
        range_error();
    }
    return obj_new_float(r);
}
static FUN_DEFINE_1(math_gamma_obj, math_gamma);

static obj_t math_lgamma(obj_t x_in) {
    float_val_t x = to_float(x_in);
    if (!isfinite(x)) {
        return obj_new_float(MF(fabs)(x));
    }
    if (is_nonpositive_integer(x)) {
        domain_error();
    }
    float_val_t r = MF(lgamma)(x);
    if (isinf(r)) {
        range_error();
    }
    return obj_new_float(r);
}
static FUN_DEFINE_1(math_lgamma_obj, math_lgamma);

/* ---- norms: hypot and dist scale by a power of two and sum squares with their exact errors,
 * which keeps the result within an ulp and free of spurious overflow ---- */

static float_val_t vector_norm(float_val_t *v, size_t n) {
    float_val_t max = 0;
    bool found_nan = false;
    for (size_t i = 0; i < n; i++) {
        float_val_t x = MF(fabs)(v[i]);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max) {
            max = x;
        }
    }
    if (isinf(max)) {
        return max;    /* inf wins over nan, as in CPython */
    }
    if (found_nan) {
        return (float_val_t)NAN;
    }
    if (max == 0 || n == 1) {
        return max;
    }
    int e;
    MF(frexp)(max, &e);
    float_val_t sum = 0, err = 0;
    for (size_t i = 0; i < n; i++) {
        float_val_t x = MF(ldexp)(v[i], -e);
        float_val_t sq = x * x, t = sum + sq;
        err += MF(fma)(x, x, -sq);
        err += sum >= sq ? (sum - t) + sq : (sq - t) + sum;
        sum = t;
    }
    float_val_t h = MF(sqrt)(sum + err);
    /* one Newton step on the residual recovers the last bit lost to the sqrt's rounding */
    float_val_t r = MF(fma)(-h, h, sum) + err;
    h += r / (2 * h);
    return MF(ldexp)(h, e);
}

#define NORM_STACK (16)

static obj_t math_hypot(size_t n_args, const obj_t *args) {
    float_val_t buf[NORM_STACK];
    float_val_t *v = n_args <= NORM_STACK ? buf : m_new(float_val_t, n_args);
    for (size_t i = 0; i < n_args; i++) {
        v[i] = to_float(args[i]);
    }
    return obj_new_float(vector_norm(v, n_args));
}
static FUN_DEFINE_VAR(math_hypot_obj, 0, FUN_ARGS_MAX, math_hypot);

static void get_point(obj_t p, size_t *len, obj_t **items) {
    if (!obj_is_type(p, &type_tuple) && !obj_is_type(p, &type_list)) {
        p = rt_call1(OBJ_ROM(&type_tuple), p);
    }
    obj_get_array(p, len, items);
}

static obj_t math_dist(obj_t p, obj_t q) {
    size_t n, nq;
    obj_t *pi, *qi;
    get_point(p, &n, &pi);
    get_point(q, &nq, &qi);
    if (n != nq) {
        rt_raise_value_error("both points must have the same number of dimensions");
    }
    float_val_t buf[NORM_STACK];
    float_val_t *v = n <= NORM_STACK ? buf : m_new(float_val_t, n);
    for (size_t i = 0; i < n; i++) {
        v[i] = to_float(pi[i]) - to_float(qi[i]);
    }
    return obj_new_float(vector_norm(v, n));
}
static FUN_DEFINE_2(math_dist_obj, math_dist);

/* ---- fsum: Shewchuk's exact summation.  The running sum is a list of non-overlapping partials
 * in increasing magnitude; each new value is folded in exactly, and the partials are added up with
 * a final correction so the result is correctly rounded. ---- */

#define FSUM_STACK (32)

static float_val_t fsum_round(const float_val_t *p, size_t n) {
    if (n == 0) {
        return 0;
    }
    float_val_t hi = p[--n], lo = 0;
    while (n > 0) {
        float_val_t x = hi, y = p[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0) {
            break;
        }
    }
    /* a half-way case: round by the sign of the partials below, not to even */
    if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
        float_val_t y = lo * 2, x = hi + y;
        if (y == x - hi) {
            hi = x;
        }
    }
    return hi;
}

static obj_t math_fsum(obj_t iterable) {
    float_val_t buf[FSUM_STACK];
    float_val_t *p = buf, special = 0, inf_sum = 0;
    size_t n = 0, alloc = FSUM_STACK;
    obj_t it = rt_getiter(iterable), item;
    while ((item = rt_iternext(it)) != OBJ_STOP) {
        float_val_t x = to_float(item), orig = x;
        size_t k = 0;
        for (size_t j = 0; j < n; j++) {
            float_val_t y = p[j];
            if (MF(fabs)(x) < MF(fabs)(y)) {
                float_val_t t = x;
                x = y;
                y = t;
            }
            float_val_t hi = x + y, lo = y - (hi - x);
            if (lo != 0) {
                p[k++] = lo;
            }
            x = hi;
        }
        n = k;
        if (x == 0) {
            continue;
        }
        if (!isfinite(x)) {
            /* infinities and NaNs are summed apart; an infinity from finite values is overflow */
            if (isfinite(orig)) {
                rt_raise_overflow("intermediate overflow in fsum");
            }
            if (isinf(orig)) {
                inf_sum += orig;
            }
            special += orig;
            n = 0;
            continue;
        }
        if (n == alloc) {
            float_val_t *np = m_new(float_val_t, alloc * 2);
            for (size_t j = 0; j < n; j++) {
                np[j] = p[j];
            }
            p = np;
            alloc *= 2;
        }
        p[n++] = x;
    }
    if (special != 0 || isnan(special)) {
        if (isnan(inf_sum)) {
            rt_raise_value_error("-inf + inf in fsum");
        }
        return obj_new_float(special);
    }
    return obj_new_float(fsum_round(p, n));
}
static FUN_DEFINE_1(math_fsum_obj, math_fsum);

/* ---- exact integer functions ---- */

static obj_t int_mul(obj_t a, obj_t b) {
    return int_binary_op(BINARY_OP_MUL, a, b);
}

/* lo * (lo + 1) * ... * (hi - 1) for lo >= 1.  Factors are packed into machine words, and the words
 * multiplied in a balanced tree (a binary counter of partial products) so big multiplications
 * meet operands of similar size, which is what makes factorial(10000) fast. */
static obj_t range_product(uintptr_t lo, uintptr_t hi) {
    obj_t stack[2 * sizeof(uintptr_t) * 8];
    unsigned level[2 * sizeof(uintptr_t) * 8];
    size_t top = 0;
    uintptr_t i = lo;
    while (i < hi) {
        unsigned long long acc = i++;
        while (i < hi && acc <= ULLONG_MAX / i) {
            acc *= i++;
        }
        obj_t chunk = obj_new_int_from_ull(acc);
        unsigned lv = 0;
        while (top > 0 && level[top - 1] == lv) {
            chunk = int_mul(stack[--top], chunk);
            lv++;
        }
        stack[top] = chunk;
        level[top++] = lv;
    }
    obj_t r = OBJ_NEW_SMALL_INT(1);
    while (top > 0) {
        r = int_mul(stack[--top], r);
    }
    return r;
}

static obj_t math_factorial(obj_t n_in) {
    obj_t n = int_index(n_in);
    intptr_t v;
    if (!obj_get_int_maybe(n, &v)) {
        if (int_cmp_float(n, 0) < 0) {
            rt_raise_value_error("factorial() not defined for negative values");
        }
        rt_raise_msg(&type_OverflowError, "factorial() argument should not exceed %lld",
                     (long long)INTPTR_MAX);
    }
    if (v < 0) {
        rt_raise_value_error("factorial() not defined for negative values");
    }
    return range_product(2, (uintptr_t)v + 1);
}
static FUN_DEFINE_1(math_factorial_obj, math_factorial);

/* A non-negative int argument of comb/perm, named in the error. */
static obj_t nonneg_int(obj_t o, const char *name) {
    obj_t n = int_index(o);
    if (int_cmp_float(n, 0) < 0) {
        rt_raise_value_error("%s must be a non-negative integer", name);
    }
    return n;
}

static intptr_t count_arg(obj_t k, const char *what) {
    intptr_t v;
    if (!obj_get_int_maybe(k, &v)) {
        rt_raise_msg(&type_OverflowError, "%s must not exceed %lld", what, (long long)INTPTR_MAX);
    }
    return v;
}

/* n * (n - 1) * ... * (n - k + 1), also dividing by 1 * 2 * ... * k step by step for comb (each
 * step's quotient is exact, being a binomial coefficient): the path for n beyond a machine word. */
static obj_t falling_product(obj_t n, intptr_t k, bool divide) {
    obj_t r = OBJ_NEW_SMALL_INT(1);
    for (intptr_t i = 0; i < k; i++) {
        obj_t f = int_binary_op(BINARY_OP_SUB, n, OBJ_NEW_SMALL_INT(i));
        r = int_mul(r, f);
        if (divide) {
            r = int_binary_op(BINARY_OP_FLOORDIV, r, OBJ_NEW_SMALL_INT(i + 1));
        }
    }
    return r;
}

static obj_t math_perm(size_t n_args, const obj_t *args) {
    if (n_args == 1 || args[1] == OBJ_NONE) {
        return math_factorial(args[0]);
    }
    obj_t n_obj = nonneg_int(args[0], "n");
    obj_t k_obj = nonneg_int(args[1], "k");
    if (int_binary_op(BINARY_OP_GT, k_obj, n_obj) == OBJ_TRUE) {
        return OBJ_NEW_SMALL_INT(0);
    }
    intptr_t k = count_arg(k_obj, "k"), n;
    if (obj_get_int_maybe(n_obj, &n)) {
        return range_product((uintptr_t)(n - k) + 1, (uintptr_t)n + 1);
    }
    return falling_product(n_obj, k, false);
}
static FUN_DEFINE_VAR(math_perm_obj, 1, 2, math_perm);

static obj_t math_comb(obj_t n_in, obj_t k_in) {
    obj_t n_obj = nonneg_int(n_in, "n");
    obj_t k_obj = nonneg_int(k_in, "k");
    obj_t rest = int_binary_op(BINARY_OP_SUB, n_obj, k_obj);
    if (int_cmp_float(rest, 0) < 0) {
        return OBJ_NEW_SMALL_INT(0);
    }
    if (int_binary_op(BINARY_OP_LT, rest, k_obj) == OBJ_TRUE) {
        k_obj = rest;
    }
    intptr_t k = count_arg(k_obj, "min(n - k, k)"), n;
    if (!obj_get_int_maybe(n_obj, &n)) {
        return falling_product(n_obj, k, true);
    }
    /* small results stay in a machine word: r * (n - i) / (i + 1) is exact at every step */
    unsigned long long r = 1;
    intptr_t i = 0;
    while (i < k && r <= ULLONG_MAX / (unsigned long long)(n - i)) {
        r = r * (unsigned long long)(n - i) / (unsigned long long)(i + 1);
        i++;
    }
    if (i == k) {
        return obj_new_int_from_ull(r);
    }
    obj_t num = range_product((uintptr_t)(n - k) + 1, (uintptr_t)n + 1);
    return int_binary_op(BINARY_OP_FLOORDIV, num, range_product(2, (uintptr_t)k + 1));
}
static FUN_DEFINE_2(math_comb_obj, math_comb);

static uintptr_t gcd_word(uintptr_t a, uintptr_t b) {
    while (b != 0) {
        uintptr_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static uintptr_t abs_word(intptr_t v) {
    return v < 0 ? -(uintptr_t)v : (uintptr_t)v;
}

/* gcd of two ints: Euclid on int objects until both fit in a word */
static obj_t gcd_2(obj_t a, obj_t b) {
    for (;;) {
        intptr_t x, y;
        if (obj_get_int_maybe(a, &x) && obj_get_int_maybe(b, &y)) {
            uintptr_t g = gcd_word(abs_word(x), abs_word(y));
            return obj_new_int_from_ull(g);
        }
        if (b == OBJ_NEW_SMALL_INT(0)) {
            return rt_unary_op(UNARY_OP_ABS, a);
        }
        obj_t t = int_binary_op(BINARY_OP_MOD, a, b);
        a = b;
        b = t;
    }
}

static obj_t math_gcd(size_t n_args, const obj_t *args) {
    obj_t g = OBJ_NEW_SMALL_INT(0);
    for (size_t i = 0; i < n_args; i++) {
        g = gcd_2(g, int_index(args[i]));
    }
    return g;
}
static FUN_DEFINE_VAR(math_gcd_obj, 0, FUN_ARGS_MAX, math_gcd);

static obj_t math_lcm(size_t n_args, const obj_t *args) {
    obj_t l = OBJ_NEW_SMALL_INT(1);
    for (size_t i = 0; i < n_args; i++) {
        obj_t a = int_index(args[i]);
        if (a == OBJ_NEW_SMALL_INT(0) || l == OBJ_NEW_SMALL_INT(0)) {
            l = OBJ_NEW_SMALL_INT(0);
            continue;    /* later arguments must still be ints */
        }
        obj_t q = int_binary_op(BINARY_OP_FLOORDIV, a, gcd_2(a, l));
        l = rt_unary_op(UNARY_OP_ABS, int_mul(q, l));
    }
    return l;
}
static FUN_DEFINE_VAR(math_lcm_obj, 0, FUN_ARGS_MAX, math_lcm);

/* Newton's iteration from above: x0 >= isqrt(u), and (x + u/x) / 2 decreases to isqrt(u). */
static unsigned long long isqrt_word(unsigned long long u) {
    if (u < 2) {
        return u;
    }
    unsigned bits = 0;
    while (bits < 64 && (u >> bits) != 0) {
        bits++;
    }
    unsigned long long x = 1ULL << ((bits + 1) / 2);
    for (;;) {
        unsigned long long y = (x + u / x) / 2;
        if (y >= x) {
            return x;
        }
        x = y;
    }
}

static obj_t math_isqrt(obj_t n_in) {
    obj_t n = int_index(n_in);
    if (int_cmp_float(n, 0) < 0) {
        rt_raise_value_error("isqrt() argument must be nonnegative");
    }
    intptr_t v;
    if (obj_get_int_maybe(n, &v)) {
        return obj_new_int_from_ull(isqrt_word((unsigned long long)v));
    }
    intptr_t bits = obj_get_int(rt_call_method(n, Q_bit_length, 0, NULL));
    if (bits <= 62) {
        return obj_new_int_from_ull(isqrt_word((unsigned long long)obj_get_ll(n)));
    }
    /* start from the square root of the top 62 bits (an even shift keeps it exact), rounded up so
     * Newton's iteration approaches from above */
    intptr_t shift = (bits - 61) & ~(intptr_t)1;
    long long top = obj_get_ll(int_binary_op(BINARY_OP_RSHIFT, n, OBJ_NEW_SMALL_INT(shift)));
    obj_t x = obj_new_int_from_ull(isqrt_word((unsigned long long)top) + 1);
    x = int_binary_op(BINARY_OP_LSHIFT, x, OBJ_NEW_SMALL_INT(shift / 2));
    for (;;) {
        obj_t y = int_binary_op(BINARY_OP_ADD, x, int_binary_op(BINARY_OP_FLOORDIV, n, x));
        y = int_binary_op(BINARY_OP_RSHIFT, y, OBJ_NEW_SMALL_INT(1));
        if (int_binary_op(BINARY_OP_GE, y, x) == OBJ_TRUE) {
            return x;
        }
        x = y;
    }
}
static FUN_DEFINE_1(math_isqrt_obj, math_isqrt);

static obj_t math_prod(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_iterable, ARG_REQUIRED, OBJ_NULL },
        { Q_start, ARG_KW_ONLY, OBJ_NEW_SMALL_INT(1) },
    };
    obj_t v[2];
    arg_parse(n_args, n_kw, args, spec, 2, v, "prod");
    obj_t acc = v[1], it = rt_getiter(v[0]), item;
    while ((item = rt_iternext(it)) != OBJ_STOP) {
        acc = rt_binary_op(BINARY_OP_MUL, acc, item);
    }
    return acc;
}
static FUN_DEFINE_KW(math_prod_obj, 0, math_prod);

/* ---- the module ---- */

static const float_t_ math_e_obj = { { &type_float }, (float_val_t)E_DIGITS };
static const float_t_ math_pi_obj = { { &type_float }, (float_val_t)PI_DIGITS };
static const float_t_ math_tau_obj = { { &type_float }, (float_val_t)(2 * PI_DIGITS) };
static const float_t_ math_inf_obj = { { &type_float }, (float_val_t)INFINITY };
static const float_t_ math_nan_obj = { { &type_float }, (float_val_t)NAN };

static const map_elem_t math_globals_table[] = {
    { QOBJ(__name__), QOBJ(math) },
    { QOBJ(e), OBJ_ROM(&math_e_obj) },
    { QOBJ(pi), OBJ_ROM(&math_pi_obj) },
    { QOBJ(tau), OBJ_ROM(&math_tau_obj) },
    { QOBJ(inf), OBJ_ROM(&math_inf_obj) },
    { QOBJ(nan), OBJ_ROM(&math_nan_obj) },
    { QOBJ(sqrt), OBJ_ROM(&math_sqrt_obj) },
    { QOBJ(cbrt), OBJ_ROM(&math_cbrt_obj) },
    { QOBJ(exp), OBJ_ROM(&math_exp_obj) },
    { QOBJ(exp2), OBJ_ROM(&math_exp2_obj) },
    { QOBJ(expm1), OBJ_ROM(&math_expm1_obj) },
    { QOBJ(log), OBJ_ROM(&math_log_obj) },
    { QOBJ(log1p), OBJ_ROM(&math_log1p_obj) },
    { QOBJ(log2), OBJ_ROM(&math_log2_obj) },
    { QOBJ(log10), OBJ_ROM(&math_log10_obj) },
    { QOBJ(pow), OBJ_ROM(&math_pow_obj) },
    { QOBJ(fabs), OBJ_ROM(&math_fabs_obj) },
    { QOBJ(floor), OBJ_ROM(&math_floor_obj) },
    { QOBJ(ceil), OBJ_ROM(&math_ceil_obj) },
    { QOBJ(trunc), OBJ_ROM(&math_trunc_obj) },
    { QOBJ(fmod), OBJ_ROM(&math_fmod_obj) },
    { QOBJ(remainder), OBJ_ROM(&math_remainder_obj) },
    { QOBJ(modf), OBJ_ROM(&math_modf_obj) },
    { QOBJ(frexp), OBJ_ROM(&math_frexp_obj) },
    { QOBJ(ldexp), OBJ_ROM(&math_ldexp_obj) },
    { QOBJ(copysign), OBJ_ROM(&math_copysign_obj) },
    { QOBJ(nextafter), OBJ_ROM(&math_nextafter_obj) },
    { QOBJ(ulp), OBJ_ROM(&math_ulp_obj) },
    { QOBJ(isfinite), OBJ_ROM(&math_isfinite_obj) },
    { QOBJ(isinf), OBJ_ROM(&math_isinf_obj) },
    { QOBJ(isnan), OBJ_ROM(&math_isnan_obj) },
    { QOBJ(isclose), OBJ_ROM(&math_isclose_obj) },
    { QOBJ(sin), OBJ_ROM(&math_sin_obj) },
    { QOBJ(cos), OBJ_ROM(&math_cos_obj) },
    { QOBJ(tan), OBJ_ROM(&math_tan_obj) },
    { QOBJ(asin), OBJ_ROM(&math_asin_obj) },
    { QOBJ(acos), OBJ_ROM(&math_acos_obj) },
    { QOBJ(atan), OBJ_ROM(&math_atan_obj) },
    { QOBJ(atan2), OBJ_ROM(&math_atan2_obj) },
    { QOBJ(sinh), OBJ_ROM(&math_sinh_obj) },
    { QOBJ(cosh), OBJ_ROM(&math_cosh_obj) },
    { QOBJ(tanh), OBJ_ROM(&math_tanh_obj) },
    { QOBJ(asinh), OBJ_ROM(&math_asinh_obj) },
    { QOBJ(acosh), OBJ_ROM(&math_acosh_obj) },
    { QOBJ(atanh), OBJ_ROM(&math_atanh_obj) },
    { QOBJ(degrees), OBJ_ROM(&math_degrees_obj) },
    { QOBJ(radians), OBJ_ROM(&math_radians_obj) },
    { QOBJ(hypot), OBJ_ROM(&math_hypot_obj) },
    { QOBJ(dist), OBJ_ROM(&math_dist_obj) },
    { QOBJ(erf), OBJ_ROM(&math_erf_obj) },
    { QOBJ(erfc), OBJ_ROM(&math_erfc_obj) },
    { QOBJ(gamma), OBJ_ROM(&math_gamma_obj) },
    { QOBJ(lgamma), OBJ_ROM(&math_lgamma_obj) },
    { QOBJ(factorial), OBJ_ROM(&math_factorial_obj) },
    { QOBJ(comb), OBJ_ROM(&math_comb_obj) },
    { QOBJ(perm), OBJ_ROM(&math_perm_obj) },
    { QOBJ(gcd), OBJ_ROM(&math_gcd_obj) },
    { QOBJ(lcm), OBJ_ROM(&math_lcm_obj) },
    { QOBJ(isqrt), OBJ_ROM(&math_isqrt_obj) },
    { QOBJ(prod), OBJ_ROM(&math_prod_obj) },
    { QOBJ(fsum), OBJ_ROM(&math_fsum_obj) },
};
static const DICT_ROM(math_globals, math_globals_table);

MODULE_ROM(module_math, math_globals);
REGISTER_MODULE(math, module_math);

#endif /* CONFIG_FLOAT */
