/* lx106_arith.c: the arithmetic helpers GCC calls on the LX106 that Debian's libgcc lacks.
 *
 * The ESP8266 has no divide instruction and no FPU.  On real chips Espressif's SDK links these
 * helpers to copies in the mask ROM; Adder does not depend on the ROM (QEMU's lx60 board has none),
 * so they are written here in plain C over integer operations only: integer division, and IEEE 754
 * binary32/binary64 add, subtract, multiply, divide and the conversions, correctly rounded (round
 * to nearest, ties to even) with subnormals, infinities and NaNs.  Only the symbols missing from the
 * toolchain's libgcc are exported (exporting the others would clash with its archive members).
 *
 * One generic path serves both precisions: a value is unpacked into sign, exponent and a 64-bit
 * significand normalised so that its leading one is bit 62 (value = man * 2^(exp - 62)); the
 * operations work on that, with lost low bits folded into bit 0 ("sticky"), and pack() rounds once.
 * Define LX106_ARITH_TEST to build the same code with a t_ prefix on a host, where
 * tools/test_lx106_arith.c compares every function with the host's hardware results. */
#include <stdint.h>
#include <string.h>

#ifdef LX106_ARITH_TEST
#define EXPORT(name) t_##name
#else
#define EXPORT(name) name
#endif

/* ---- integer division (shift and subtract: no '/' or '%' may appear in this file) ---- */

static uint32_t udivmod32(uint32_t n, uint32_t d, uint32_t *rem) {
    uint32_t q = 0, r = 0;
    if (d == 0) {               /* undefined in C; the interpreter checks before dividing */
        *rem = n;
        return 0xffffffffu;
    }
    for (int i = 31; i >= 0; i--) {
        r = (r << 1) | ((n >> i) & 1);
        if (r >= d) {
            r -= d;
            q |= (uint32_t)1 << i;
        }
    }
    *rem = r;
    return q;
}

static uint64_t udivmod64(uint64_t n, uint64_t d, uint64_t *rem) {
    if (d == 0) {
        *rem = n;
        return ~(uint64_t)0;
    }
    if ((n >> 32) == 0 && (d >> 32) == 0) {     /* the common case, at 32-bit speed */
        uint32_t r32;
        uint32_t q32 = udivmod32((uint32_t)n, (uint32_t)d, &r32);
        *rem = r32;
        return q32;
    }
    uint64_t q = 0, r = 0;
    int top = 63;
    while (top > 0 && ((n >> top) & 1) == 0) {
        top--;
    }
    for (int i = top; i >= 0; i--) {
        uint64_t carry = r >> 63;
        r = (r << 1) | ((n >> i) & 1);
        if (carry || r >= d) {
            r -= d;
            q |= (uint64_t)1 << i;
        }
    }
    *rem = r;
    return q;
}

uint32_t EXPORT(__udivsi3)(uint32_t n, uint32_t d) {
    uint32_t r;
    return udivmod32(n, d, &r);
}

uint32_t EXPORT(__umodsi3)(uint32_t n, uint32_t d) {
    uint32_t r;
    udivmod32(n, d, &r);
    return r;
}

int32_t EXPORT(__divsi3)(int32_t n, int32_t d) {
    uint32_t un = n < 0 ? 0u - (uint32_t)n : (uint32_t)n;
    uint32_t ud = d < 0 ? 0u - (uint32_t)d : (uint32_t)d;
    uint32_t r, q = udivmod32(un, ud, &r);
    return (int32_t)((n < 0) != (d < 0) ? 0u - q : q);
}

uint64_t EXPORT(__udivdi3)(uint64_t n, uint64_t d) {
    uint64_t r;
    return udivmod64(n, d, &r);
}

uint64_t EXPORT(__umoddi3)(uint64_t n, uint64_t d) {
    uint64_t r;
    udivmod64(n, d, &r);
    return r;
}

int64_t EXPORT(__divdi3)(int64_t n, int64_t d) {
    uint64_t un = n < 0 ? 0u - (uint64_t)n : (uint64_t)n;
    uint64_t ud = d < 0 ? 0u - (uint64_t)d : (uint64_t)d;
    uint64_t r, q = udivmod64(un, ud, &r);
    return (int64_t)((n < 0) != (d < 0) ? 0u - q : q);
}

/* 32x32 -> 64 from 16-bit halves (the LX106 has no high-word multiply); libgcc's 64-bit
 * division calls it too. */
uint64_t EXPORT(__umulsidi3)(uint32_t a, uint32_t b) {
    uint32_t al = a & 0xffff, ah = a >> 16, bl = b & 0xffff, bh = b >> 16;
    uint32_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint64_t mid = (uint64_t)lh + hl;
    return ((uint64_t)hh << 32) + (mid << 16) + ll;
}

uint64_t EXPORT(__muldi3)(uint64_t a, uint64_t b) {
    uint32_t al = (uint32_t)a, ah = (uint32_t)(a >> 32), bl = (uint32_t)b, bh = (uint32_t)(b >> 32);
    return EXPORT(__umulsidi3)(al, bl) + ((uint64_t)(al * bh + ah * bl) << 32);
}

/* 64x64 -> 128 as hi:lo. */
static void umul64x64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo) {
    uint32_t a0 = (uint32_t)a, a1 = (uint32_t)(a >> 32), b0 = (uint32_t)b, b1 = (uint32_t)(b >> 32);
    uint64_t p00 = EXPORT(__umulsidi3)(a0, b0), p01 = EXPORT(__umulsidi3)(a0, b1);
    uint64_t p10 = EXPORT(__umulsidi3)(a1, b0), p11 = EXPORT(__umulsidi3)(a1, b1);
    uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;
    *lo = (mid << 32) | (uint32_t)p00;
    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

/* ---- IEEE 754, generic over the two formats ---- */

typedef struct {
    int mbits;      /* stored fraction bits: 23 or 52 */
    int ebits;      /* exponent bits: 8 or 11 */
} fmt_t;

static const fmt_t F32 = { 23, 8 }, F64 = { 52, 11 };

enum { K_ZERO, K_NUM, K_INF, K_NAN };

typedef struct {
    int kind;
    uint32_t sign;
    int exp;        /* value = man * 2^(exp - 62) */
    uint64_t man;   /* leading one at bit 62 for K_NUM */
} unpacked_t;

static int emax(const fmt_t *f) { return (1 << f->ebits) - 1; }
static int bias(const fmt_t *f) { return (1 << (f->ebits - 1)) - 1; }

static uint64_t nan_bits(const fmt_t *f) {
    return ((uint64_t)emax(f) << f->mbits) | ((uint64_t)1 << (f->mbits - 1));
}

static uint64_t inf_bits(const fmt_t *f, uint32_t sign) {
    return ((uint64_t)sign << (f->mbits + f->ebits)) | ((uint64_t)emax(f) << f->mbits);
}

/* Shift right keeping a sticky bit for what falls off. */
static uint64_t shr_sticky(uint64_t x, int n) {
    if (n <= 0) {
        return x;
    }
    if (n >= 64) {
        return x != 0;
    }
    return (x >> n) | ((x & (((uint64_t)1 << n) - 1)) != 0);
}

static void normalise(unpacked_t *u) {
    while ((u->man >> 62) == 0) {
        u->man <<= 1;
        u->exp--;
    }
}

static unpacked_t unpack(const fmt_t *f, uint64_t bits) {
    unpacked_t u;
    uint64_t frac = bits & (((uint64_t)1 << f->mbits) - 1);
    int e = (int)((bits >> f->mbits) & (uint64_t)emax(f));
    u.sign = (uint32_t)(bits >> (f->mbits + f->ebits)) & 1;
    u.exp = 0;
    u.man = 0;
    if (e == emax(f)) {
        u.kind = frac != 0 ? K_NAN : K_INF;
    } else if (e == 0 && frac == 0) {
        u.kind = K_ZERO;
    } else {
        u.kind = K_NUM;
        if (e == 0) {                   /* subnormal: scaled like the smallest normal, no implicit 1 */
            u.exp = 1 - bias(f);
            u.man = frac << (62 - f->mbits);
            normalise(&u);
        } else {
            u.exp = e - bias(f);
            u.man = (frac | ((uint64_t)1 << f->mbits)) << (62 - f->mbits);
        }
    }
    return u;
}

/* Round man (leading one at bit 62, sticky in its low bits) to the format and encode.  Adding the
 * rounded significand (implicit bit included) to the exponent field minus one lets a carry out of
 * rounding bump the exponent, up to infinity, and lets subnormals round up into the normals. */
static uint64_t pack(const fmt_t *f, uint32_t sign, int exp, uint64_t man) {
    uint64_t s = (uint64_t)sign << (f->mbits + f->ebits);
    int be = exp + bias(f);
    if (be >= emax(f)) {
        return inf_bits(f, sign);
    }
    if (be <= 0) {
        man = shr_sticky(man, 1 - be);
    }
    int low = 62 - f->mbits;
    uint64_t rem = man & (((uint64_t)1 << low) - 1), half = (uint64_t)1 << (low - 1);
    uint64_t q = man >> low;
    if (rem > half || (rem == half && (q & 1))) {
        q++;
    }
    if (be <= 0) {
        return s | q;
    }
    return s | ((((uint64_t)(be - 1)) << f->mbits) + q);
}

static uint64_t pack_u(const fmt_t *f, const unpacked_t *u) {
    switch (u->kind) {
        case K_NAN: return nan_bits(f);
        case K_INF: return inf_bits(f, u->sign);
        case K_ZERO: return (uint64_t)u->sign << (f->mbits + f->ebits);
        default: return pack(f, u->sign, u->exp, u->man);
    }
}

static uint64_t fp_add(const fmt_t *f, uint64_t abits, uint64_t bbits, uint32_t negate_b) {
    unpacked_t a = unpack(f, abits), b = unpack(f, bbits);
    b.sign ^= negate_b;
    if (a.kind == K_NAN || b.kind == K_NAN) {
        return nan_bits(f);
    }
    if (a.kind == K_INF || b.kind == K_INF) {
        if (a.kind == K_INF && b.kind == K_INF && a.sign != b.sign) {
            return nan_bits(f);
        }
        return inf_bits(f, a.kind == K_INF ? a.sign : b.sign);
    }
    if (b.kind == K_ZERO) {
        if (a.kind == K_ZERO) {         /* -0 + -0 = -0, any other mix of zeros is +0 */
            a.sign &= b.sign;
        }
        return pack_u(f, &a);
    }
    if (a.kind == K_ZERO) {
        return pack_u(f, &b);
    }
    if (a.exp < b.exp || (a.exp == b.exp && a.man < b.man)) {
        unpacked_t t = a;
        a = b;
        b = t;
    }
    b.man = shr_sticky(b.man, a.exp - b.exp);
    if (a.sign == b.sign) {
        a.man += b.man;
        if (a.man >> 63) {
            a.man = shr_sticky(a.man, 1);
            a.exp++;
        }
    } else {
        a.man -= b.man;                 /* |a| >= |b|, so the result has a's sign */
        if (a.man == 0) {
            return 0;                   /* x - x is +0 when rounding to nearest */
        }
        normalise(&a);
    }
    return pack(f, a.sign, a.exp, a.man);
}

static uint64_t fp_mul(const fmt_t *f, uint64_t abits, uint64_t bbits) {
    unpacked_t a = unpack(f, abits), b = unpack(f, bbits);
    uint32_t sign = a.sign ^ b.sign;
    if (a.kind == K_NAN || b.kind == K_NAN) {
        return nan_bits(f);
    }
    if (a.kind == K_INF || b.kind == K_INF) {
        if (a.kind == K_ZERO || b.kind == K_ZERO) {
            return nan_bits(f);
        }
        return inf_bits(f, sign);
    }
    if (a.kind == K_ZERO || b.kind == K_ZERO) {
        return (uint64_t)sign << (f->mbits + f->ebits);
    }
    uint64_t hi, lo;
    umul64x64(a.man, b.man, &hi, &lo);  /* product in [2^124, 2^126) */
    int exp = a.exp + b.exp;
    uint64_t man;
    if (hi >> 61) {                     /* bit 125 set */
        man = (hi << 2) | (lo >> 62);
        man = (man >> 1) | (man & 1) | ((lo & (((uint64_t)1 << 62) - 1)) != 0);
        exp++;
    } else {
        man = (hi << 2) | (lo >> 62) | ((lo & (((uint64_t)1 << 62) - 1)) != 0);
    }
    return pack(f, sign, exp, man);
}

static uint64_t fp_div(const fmt_t *f, uint64_t abits, uint64_t bbits) {
    unpacked_t a = unpack(f, abits), b = unpack(f, bbits);
    uint32_t sign = a.sign ^ b.sign;
    if (a.kind == K_NAN || b.kind == K_NAN) {
        return nan_bits(f);
    }
    if (a.kind == K_INF) {
        return b.kind == K_INF ? nan_bits(f) : inf_bits(f, sign);
    }
    if (b.kind == K_INF) {
        return (uint64_t)sign << (f->mbits + f->ebits);
    }
    if (b.kind == K_ZERO) {
        return a.kind == K_ZERO ? nan_bits(f) : inf_bits(f, sign);
    }
    if (a.kind == K_ZERO) {
        return (uint64_t)sign << (f->mbits + f->ebits);
    }
    /* q = floor(a.man * 2^63 / b.man), bit by bit; both significands are in [2^62, 2^63). */
    uint64_t rem = a.man, q = 0;
    for (int i = 0; i < 64; i++) {
        q <<= 1;
        if (rem >= b.man) {
            rem -= b.man;
            q |= 1;
        }
        rem <<= 1;
    }
    int exp = a.exp - b.exp;
    uint64_t man;
    if (q >> 63) {
        man = shr_sticky(q, 1) | (rem != 0);
    } else {
        man = q | (rem != 0);
        exp--;
    }
    return pack(f, sign, exp, man);
}

static uint64_t fp_from_u64(const fmt_t *f, uint32_t sign, uint64_t mag) {
    if (mag == 0) {
        return 0;
    }
    unpacked_t u = { K_NUM, sign, 62, mag };
    if (mag >> 63) {
        u.man = shr_sticky(mag, 1);
        u.exp = 63;
    }
    normalise(&u);
    return pack(f, sign, u.exp, u.man);
}

/* Truncate toward zero; out of range saturates (C leaves it undefined), NaN gives 0. */
static uint64_t fp_to_u64(const fmt_t *f, uint64_t bits, int max_exp, uint32_t *sign) {
    unpacked_t u = unpack(f, bits);
    *sign = u.sign;
    if (u.kind == K_NAN || u.kind == K_ZERO) {
        return 0;
    }
    if (u.kind == K_INF || u.exp >= max_exp) {
        return ~(uint64_t)0;
    }
    if (u.exp < 0) {
        return 0;
    }
    return u.man >> (62 - u.exp);
}

/* ---- the exported helpers ---- */

static uint32_t f2u(float x) { uint32_t u; memcpy(&u, &x, 4); return u; }
static float u2f(uint64_t u) { uint32_t v = (uint32_t)u; float x; memcpy(&x, &v, 4); return x; }
static uint64_t d2u(double x) { uint64_t u; memcpy(&u, &x, 8); return u; }
static double u2d(uint64_t u) { double x; memcpy(&x, &u, 8); return x; }

float EXPORT(__addsf3)(float a, float b) { return u2f(fp_add(&F32, f2u(a), f2u(b), 0)); }
float EXPORT(__subsf3)(float a, float b) { return u2f(fp_add(&F32, f2u(a), f2u(b), 1)); }
float EXPORT(__mulsf3)(float a, float b) { return u2f(fp_mul(&F32, f2u(a), f2u(b))); }
double EXPORT(__adddf3)(double a, double b) { return u2d(fp_add(&F64, d2u(a), d2u(b), 0)); }
double EXPORT(__subdf3)(double a, double b) { return u2d(fp_add(&F64, d2u(a), d2u(b), 1)); }
double EXPORT(__muldf3)(double a, double b) { return u2d(fp_mul(&F64, d2u(a), d2u(b))); }
double EXPORT(__divdf3)(double a, double b) { return u2d(fp_div(&F64, d2u(a), d2u(b))); }
#ifdef LX106_ARITH_TEST
float EXPORT(__divsf3)(float a, float b) { return u2f(fp_div(&F32, f2u(a), f2u(b))); }
#endif

float EXPORT(__floatsisf)(int32_t i) {
    return u2f(fp_from_u64(&F32, i < 0, i < 0 ? 0u - (uint32_t)i : (uint32_t)i));
}
float EXPORT(__floatunsisf)(uint32_t i) { return u2f(fp_from_u64(&F32, 0, i)); }
double EXPORT(__floatsidf)(int32_t i) {
    return u2d(fp_from_u64(&F64, i < 0, i < 0 ? 0u - (uint32_t)i : (uint32_t)i));
}
double EXPORT(__floatunsidf)(uint32_t i) { return u2d(fp_from_u64(&F64, 0, i)); }

static int32_t to_i32(const fmt_t *f, uint64_t bits) {
    uint32_t sign;
    uint64_t mag = fp_to_u64(f, bits, 31, &sign);
    if (sign) {
        return mag >= ((uint64_t)1 << 31) ? INT32_MIN : -(int32_t)mag;
    }
    return mag > INT32_MAX ? INT32_MAX : (int32_t)mag;
}

static uint32_t to_u32(const fmt_t *f, uint64_t bits) {
    uint32_t sign;
    uint64_t mag = fp_to_u64(f, bits, 32, &sign);
    if (sign) {
        return 0;
    }
    return mag > UINT32_MAX ? UINT32_MAX : (uint32_t)mag;
}

uint32_t EXPORT(__fixunssfsi)(float a) { return to_u32(&F32, f2u(a)); }
int32_t EXPORT(__fixdfsi)(double a) { return to_i32(&F64, d2u(a)); }
uint32_t EXPORT(__fixunsdfsi)(double a) { return to_u32(&F64, d2u(a)); }
#ifdef LX106_ARITH_TEST
int32_t EXPORT(__fixsfsi)(float a) { return to_i32(&F32, f2u(a)); }
#endif

double EXPORT(__extendsfdf2)(float a) {
    unpacked_t u = unpack(&F32, f2u(a));
    return u2d(pack_u(&F64, &u));
}

float EXPORT(__truncdfsf2)(double a) {
    unpacked_t u = unpack(&F64, d2u(a));
    return u2f(pack_u(&F32, &u));
}
