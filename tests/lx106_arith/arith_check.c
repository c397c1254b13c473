/* arith_check.c: compares ports/esp8266/lx106_arith.c (built with LX106_ARITH_TEST, so its helpers
 * are named t___addsf3 ...) with the host's hardware integer division and IEEE 754 arithmetic on
 * special values and millions of random operands biased toward the edges (subnormals, overflow,
 * ties).  Prints the first mismatches and "N mismatches in M cases". */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define LX106_ARITH_TEST
#include "../../ports/esp8266/lx106_arith.c"

static uint64_t rng_state = 0x9e3779b97f4a7c15u;
static uint64_t rnd(void) {           /* xorshift64* */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1du;
}

static long failures, cases;

static void fail(const char *what, uint64_t a, uint64_t b, uint64_t got, uint64_t want) {
    if (failures++ < 10) {
        printf("%s(%#llx, %#llx) = %#llx, want %#llx\n", what, (unsigned long long)a,
               (unsigned long long)b, (unsigned long long)got, (unsigned long long)want);
    }
}

/* Random binary64 bits: mostly ordinary, some subnormal/huge/special, some near-equal pairs. */
static uint64_t rnd_double_bits(void) {
    uint64_t r = rnd();
    switch (r & 7) {
        case 0: return rnd() & 0x800fffffffffffffu;                         /* subnormal or zero */
        case 1: return (rnd() & 0x800fffffffffffffu) | ((uint64_t)(0x7fe - (rnd() & 3)) << 52);
        case 2: { static const uint64_t sp[] = { 0, 0x8000000000000000u, 0x7ff0000000000000u,
                    0xfff0000000000000u, 0x7ff8000000000000u, 0x3ff0000000000000u, 1, 0x0010000000000000u };
                  return sp[rnd() & 7]; }
        case 3: return (rnd() & 0x800fffffffffffffu) | ((uint64_t)(0x3ff + (int)(rnd() % 64) - 32) << 52);
        default: return rnd();
    }
}

static uint32_t rnd_float_bits(void) {
    uint64_t r = rnd();
    switch (r & 7) {
        case 0: return (uint32_t)rnd() & 0x807fffffu;
        case 1: return ((uint32_t)rnd() & 0x807fffffu) | ((uint32_t)(0xfe - (rnd() & 3)) << 23);
        case 2: { static const uint32_t sp[] = { 0, 0x80000000u, 0x7f800000u, 0xff800000u, 0x7fc00000u,
                    0x3f800000u, 1, 0x00800000u };
                  return sp[rnd() & 7]; }
        case 3: return ((uint32_t)rnd() & 0x807fffffu) | ((uint32_t)(0x7f + (int)(rnd() % 40) - 20) << 23);
        default: return (uint32_t)rnd();
    }
}

static int same_d(double x, double y) {
    return (isnan(x) && isnan(y)) || d2u(x) == d2u(y);
}

static int same_f(float x, float y) {
    return (isnan(x) && isnan(y)) || f2u(x) == f2u(y);
}

static void check_double(uint64_t ab, uint64_t bb) {
    double a = u2d(ab), b = u2d(bb);
    cases += 4;
    if (!same_d(t___adddf3(a, b), a + b)) fail("adddf3", ab, bb, d2u(t___adddf3(a, b)), d2u(a + b));
    if (!same_d(t___subdf3(a, b), a - b)) fail("subdf3", ab, bb, d2u(t___subdf3(a, b)), d2u(a - b));
    if (!same_d(t___muldf3(a, b), a * b)) fail("muldf3", ab, bb, d2u(t___muldf3(a, b)), d2u(a * b));
    if (!same_d(t___divdf3(a, b), a / b)) fail("divdf3", ab, bb, d2u(t___divdf3(a, b)), d2u(a / b));
    float t = (float)a;
    cases++;
    if (!same_f(t___truncdfsf2(a), t)) fail("truncdfsf2", ab, 0, f2u(t___truncdfsf2(a)), f2u(t));
    if (!isnan(a) && a > -2147483649.0 && a < 2147483648.0) {
        cases++;
        if (t___fixdfsi(a) != (int32_t)a) fail("fixdfsi", ab, 0, (uint32_t)t___fixdfsi(a), (uint32_t)(int32_t)a);
    }
    if (!isnan(a) && a > -1.0 && a < 4294967296.0) {
        cases++;
        if (t___fixunsdfsi(a) != (uint32_t)a) fail("fixunsdfsi", ab, 0, t___fixunsdfsi(a), (uint32_t)a);
    }
}

static void check_float(uint32_t ab, uint32_t bb) {
    float a = u2f(ab), b = u2f(bb);
    cases += 5;
    if (!same_f(t___addsf3(a, b), a + b)) fail("addsf3", ab, bb, f2u(t___addsf3(a, b)), f2u(a + b));
    if (!same_f(t___subsf3(a, b), a - b)) fail("subsf3", ab, bb, f2u(t___subsf3(a, b)), f2u(a - b));
    if (!same_f(t___mulsf3(a, b), a * b)) fail("mulsf3", ab, bb, f2u(t___mulsf3(a, b)), f2u(a * b));
    if (!same_f(t___divsf3(a, b), a / b)) fail("divsf3", ab, bb, f2u(t___divsf3(a, b)), f2u(a / b));
    if (!same_d(t___extendsfdf2(a), (double)a)) fail("extendsfdf2", ab, 0, d2u(t___extendsfdf2(a)), d2u((double)a));
    if (!isnan(a) && a > -2147483649.0f && a < 2147483648.0f) {
        cases++;
        if (t___fixsfsi(a) != (int32_t)a) fail("fixsfsi", ab, 0, (uint32_t)t___fixsfsi(a), (uint32_t)(int32_t)a);
    }
    if (!isnan(a) && a > -1.0f && a < 4294967296.0f) {
        cases++;
        if (t___fixunssfsi(a) != (uint32_t)a) fail("fixunssfsi", ab, 0, t___fixunssfsi(a), (uint32_t)a);
    }
}

static void check_ints(uint64_t x, uint64_t y) {
    uint32_t a = (uint32_t)x, b = (uint32_t)y;
    int32_t sa = (int32_t)a, sb = (int32_t)b;
    cases += 11;
    if (t___floatsisf(sa) != (float)sa) fail("floatsisf", a, 0, f2u(t___floatsisf(sa)), f2u((float)sa));
    if (t___floatunsisf(a) != (float)a) fail("floatunsisf", a, 0, f2u(t___floatunsisf(a)), f2u((float)a));
    if (t___floatsidf(sa) != (double)sa) fail("floatsidf", a, 0, d2u(t___floatsidf(sa)), d2u((double)sa));
    if (t___floatunsidf(a) != (double)a) fail("floatunsidf", a, 0, d2u(t___floatunsidf(a)), d2u((double)a));
    if (t___umulsidi3(a, b) != (uint64_t)a * b) fail("umulsidi3", a, b, t___umulsidi3(a, b), (uint64_t)a * b);
    if (t___muldi3(x, y) != x * y) fail("muldi3", x, y, t___muldi3(x, y), x * y);
    if (b == 0 || y == 0) {
        return;
    }
    if (t___udivsi3(a, b) != a / b) fail("udivsi3", a, b, t___udivsi3(a, b), a / b);
    if (t___umodsi3(a, b) != a % b) fail("umodsi3", a, b, t___umodsi3(a, b), a % b);
    if (!(sa == INT32_MIN && sb == -1) && t___divsi3(sa, sb) != sa / sb)
        fail("divsi3", a, b, (uint32_t)t___divsi3(sa, sb), (uint32_t)(sa / sb));
    if (t___udivdi3(x, y) != x / y) fail("udivdi3", x, y, t___udivdi3(x, y), x / y);
    if (t___umoddi3(x, y) != x % y) fail("umoddi3", x, y, t___umoddi3(x, y), x % y);
    int64_t sx = (int64_t)x, sy = (int64_t)y;
    if (!(sx == INT64_MIN && sy == -1) && t___divdi3(sx, sy) != sx / sy)
        fail("divdi3", x, y, (uint64_t)t___divdi3(sx, sy), (uint64_t)(sx / sy));
}

static uint64_t rnd_int(void) {       /* integers of every magnitude, not just huge ones */
    uint64_t r = rnd();
    return r >> (rnd() % 64);
}

int main(void) {
    for (long i = 0; i < 2000000; i++) {
        uint64_t a = rnd_double_bits(), b = rnd_double_bits();
        if ((i & 3) == 0) {            /* near-equal operands: cancellation and ties */
            b = (a & ~(uint64_t)0xff) | (rnd() & 0xff);
        }
        check_double(a, b);
        uint32_t fa = rnd_float_bits(), fb = rnd_float_bits();
        if ((i & 3) == 0) {
            fb = (fa & ~0xffu) | (uint32_t)(rnd() & 0xff);
        }
        check_float(fa, fb);
        check_ints(rnd_int(), rnd_int());
    }
    printf("%ld mismatches in %ld cases\n", failures, cases);
    return failures != 0;
}
