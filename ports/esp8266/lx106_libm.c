/* lx106_libm.c (esp8266): floor, ceil and trunc, which take precedence over picolibc's lx106 build:
 * its versions lose the low 32 bits of values of 2**63 and more (floor(2.0**64 + 2**31) returned
 * 2.0**64), which broke int() of large floats.  Exact by construction: a double at or above 2**52
 * is already integral, and below it the fraction bits are cleared from the representation. */
#include <stdint.h>
#include <string.h>

double floor(double x);
double ceil(double x);
double trunc(double x);

double trunc(double x) {
    uint64_t u;
    memcpy(&u, &x, sizeof(u));
    int e = (int)((u >> 52) & 0x7ff) - 1023;
    if (e >= 52) {
        return x;                                   /* integral, infinite or NaN */
    }
    u &= e < 0 ? 0x8000000000000000ull : ~(0x000fffffffffffffull >> e);
    memcpy(&x, &u, sizeof(u));
    return x;
}

double floor(double x) {
    double t = trunc(x);
    return (x < 0 && t != x) ? t - 1.0 : t;
}

double ceil(double x) {
    double t = trunc(x);
    return (x > 0 && t != x) ? t + 1.0 : t;
}
