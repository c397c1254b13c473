/* mpz.c: arbitrary-precision integer arithmetic behind the int type's bignums (see mpz.h).
 *
 * Two layers: static mag_* functions work on raw little-endian digit arrays (magnitudes), and the
 * public mpz_* functions add signs, storage management and Python's floor/two's-complement rules.
 * Multiplication is schoolbook below KARATSUBA_CUTOFF digits and Karatsuba above; division is
 * Knuth's algorithm D.  Temporaries come from the GC heap and are released early with m_free. */
#include <limits.h>
#include <math.h>
#include <string.h>
#include "mpz.h"
#include "gc.h"

/* ints are small ints only without CONFIG_BIGNUM: nothing here is needed */
#if CONFIG_BIGNUM

#define KARATSUBA_CUTOFF (40)
/* temporaries up to this many digits live on the C stack (2 KB with 32-bit digits) */
#define STACK_DIGS (512)

/* ---- storage ---- */

void mpz_init_fixed(mpz_t *z, mpz_dig_t *buf, size_t alloc) {
    z->neg = 0;
    z->fixed = 1;
    z->len = 0;
    z->alloc = (uint32_t)alloc;
    z->dig = buf;
}

void mpz_need(mpz_t *z, size_t n) {
    if (n <= z->alloc) {
        return;
    }
    mpz_dig_t *d = m_new(mpz_dig_t, n);
    if (z->len) {
        memcpy(d, z->dig, z->len * sizeof(mpz_dig_t));
    }
    if (!z->fixed && z->dig) {
        m_free(z->dig);
    }
    z->dig = d;
    z->alloc = (uint32_t)n;
    z->fixed = 0;
}

void mpz_free(mpz_t *z) {
    if (!z->fixed && z->dig) {
        m_free(z->dig);
    }
    mpz_init(z);
}

static size_t mag_norm(const mpz_dig_t *d, size_t n) {
    while (n && d[n - 1] == 0) {
        n--;
    }
    return n;
}

static void set_len(mpz_t *z, size_t n, bool neg) {
    z->len = (uint32_t)mag_norm(z->dig, n);
    z->neg = z->len ? neg : 0;
}

void mpz_set(mpz_t *dest, const mpz_t *src) {
    if (dest == src) {
        return;
    }
    mpz_need(dest, src->len);
    if (src->len) {
        memmove(dest->dig, src->dig, src->len * sizeof(mpz_dig_t));
    }
    dest->len = src->len;
    dest->neg = src->neg;
}

void mpz_set_ull(mpz_t *z, unsigned long long v, bool neg) {
    mpz_need(z, MPZ_LL_DIGS);
    size_t n = 0;
    while (v) {
        z->dig[n++] = (mpz_dig_t)v;
        v = (MPZ_DIG_BITS < 64) ? v >> (MPZ_DIG_BITS % 64) : 0;
    }
    set_len(z, n, neg);
}

void mpz_set_ll(mpz_t *z, long long v) {
    unsigned long long m = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    mpz_set_ull(z, m, v < 0);
}

void mpz_set_double(mpz_t *z, double d) {
    bool neg = d < 0;
    d = trunc(fabs(d));
    int e;
    double m = frexp(d, &e);       /* d = m * 2**e, 0.5 <= m < 1 */
    if (d < 1) {
        z->len = 0;
        z->neg = 0;
        return;
    }
    size_t n = ((size_t)e + MPZ_DIG_BITS - 1) / MPZ_DIG_BITS;
    mpz_need(z, n);
    /* peel digits from the top: m * 2**(bits left) */
    int top_bits = e - (int)(n - 1) * MPZ_DIG_BITS;
    for (size_t i = n; i-- > 0;) {
        int take = (i == n - 1) ? top_bits : MPZ_DIG_BITS;
        m = ldexp(m, take);
        double f = floor(m);
        z->dig[i] = (mpz_dig_t)f;
        m -= f;
    }
    set_len(z, n, neg);
}

/* ---- magnitude helpers ---- */

static int mag_cmp(const mpz_dig_t *a, size_t na, const mpz_dig_t *b, size_t nb) {
    if (na != nb) {
        return na < nb ? -1 : 1;
    }
    while (na--) {
        if (a[na] != b[na]) {
            return a[na] < b[na] ? -1 : 1;
        }
    }
    return 0;
}

/* r[0..nr) += a[0..na) with na <= nr; returns the carry out of r[nr-1]. r may alias a. */
static mpz_dig_t mag_add_into(mpz_dig_t *r, size_t nr, const mpz_dig_t *a, size_t na) {
    mpz_dbl_t carry = 0;
    size_t i = 0;
    for (; i < na; i++) {
        carry += (mpz_dbl_t)r[i] + a[i];
        r[i] = (mpz_dig_t)carry;
        carry >>= MPZ_DIG_BITS;
    }
    for (; carry && i < nr; i++) {
        carry += r[i];
        r[i] = (mpz_dig_t)carry;
        carry >>= MPZ_DIG_BITS;
    }
    return (mpz_dig_t)carry;
}

/* r[0..nr) -= a[0..na) with na <= nr; returns the borrow. */
static mpz_dig_t mag_sub_from(mpz_dig_t *r, size_t nr, const mpz_dig_t *a, size_t na) {
    mpz_dig_t borrow = 0;
    size_t i = 0;
    for (; i < na; i++) {
        mpz_dbl_t t = (mpz_dbl_t)r[i] - a[i] - borrow;
        r[i] = (mpz_dig_t)t;
        borrow = (mpz_dig_t)((t >> MPZ_DIG_BITS) & 1);
    }
    for (; borrow && i < nr; i++) {
        borrow = r[i] == 0;
        r[i]--;
    }
    return borrow;
}

/* r = a + b with na >= nb; r has na + 1 digits; r may alias a or b. Returns the length. */
static size_t mag_add(mpz_dig_t *r, const mpz_dig_t *a, size_t na, const mpz_dig_t *b, size_t nb) {
    mpz_dbl_t carry = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        carry += (mpz_dbl_t)a[i] + b[i];
        r[i] = (mpz_dig_t)carry;
        carry >>= MPZ_DIG_BITS;
    }
    for (; i < na; i++) {
        carry += a[i];
        r[i] = (mpz_dig_t)carry;
        carry >>= MPZ_DIG_BITS;
    }
    r[i] = (mpz_dig_t)carry;
    return mag_norm(r, na + 1);
}

/* r = a - b with a >= b; r may alias a or b. Returns the length. */
static size_t mag_sub(mpz_dig_t *r, const mpz_dig_t *a, size_t na, const mpz_dig_t *b, size_t nb) {
    mpz_dig_t borrow = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        mpz_dbl_t t = (mpz_dbl_t)a[i] - b[i] - borrow;
        r[i] = (mpz_dig_t)t;
        borrow = (mpz_dig_t)((t >> MPZ_DIG_BITS) & 1);
    }
    for (; i < na; i++) {
        mpz_dbl_t t = (mpz_dbl_t)a[i] - borrow;
        r[i] = (mpz_dig_t)t;
        borrow = (mpz_dig_t)((t >> MPZ_DIG_BITS) & 1);
    }
    return mag_norm(r, na);
}

/* r[0..na+nb) = a * b, schoolbook; r must not alias. */
static void mag_mul_school(mpz_dig_t *r, const mpz_dig_t *a, size_t na, const mpz_dig_t *b, size_t nb) {
    memset(r, 0, (na + nb) * sizeof(mpz_dig_t));
    for (size_t j = 0; j < nb; j++) {
        mpz_dbl_t bj = b[j], carry = 0;
        if (bj == 0) {
            continue;
        }
        mpz_dig_t *rj = r + j;
        for (size_t i = 0; i < na; i++) {
            carry += a[i] * bj + rj[i];
            rj[i] = (mpz_dig_t)carry;
            carry >>= MPZ_DIG_BITS;
        }
        rj[na] = (mpz_dig_t)carry;
    }
}

static void mag_mul_fill(mpz_dig_t *r, const mpz_dig_t *a, size_t na, const mpz_dig_t *b, size_t nb);

/* Karatsuba for na >= nb >= KARATSUBA_CUTOFF and na < 2 * nb. */
static void mag_mul_kara(mpz_dig_t *r, const mpz_dig_t *a, size_t na, const mpz_dig_t *b, size_t nb) {
    size_t h = na / 2;
    size_t n1a = na - h, n1b = nb - h;        /* high halves; n1a >= h, n1b >= 1 */
    mag_mul_fill(r, a, h, b, h);                          /* z0 into r[0..2h) */
    mag_mul_fill(r + 2 * h, a + h, n1a, b + h, n1b);      /* z2 into r[2h..na+nb) */
    size_t nsa = n1a + 1, nsb = (n1b > h ? n1b : h) + 1;
    mpz_dig_t *t = m_new(mpz_dig_t, nsa + nsb + nsa + nsb);
    mpz_dig_t *sa = t, *sb = t + nsa, *z1 = t + nsa + nsb;
    memcpy(sa, a + h, n1a * sizeof(mpz_dig_t));
    sa[n1a] = 0;
    mag_add_into(sa, nsa, a, h);
    memset(sb, 0, nsb * sizeof(mpz_dig_t));
    memcpy(sb, b + h, n1b * sizeof(mpz_dig_t));
    mag_add_into(sb, nsb, b, h);
    mag_mul_fill(z1, sa, nsa, sb, nsb);
    size_t nz1 = nsa + nsb;
    mag_sub_from(z1, nz1, r, 2 * h);
    mag_sub_from(z1, nz1, r + 2 * h, n1a + n1b);
    nz1 = mag_norm(z1, nz1);
    mag_add_into(r + h, na + nb - h, z1, nz1);
    m_free(t);
}

/* r[0..na+nb) = a * b for any lengths; r must not alias a or b. */
static void mag_mul_fill(mpz_dig_t *r, const mpz_dig_t *a, size_t na, const mpz_dig_t *b, size_t nb) {
    if (na < nb) {
        const mpz_dig_t *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    if (nb < KARATSUBA_CUTOFF) {
        mag_mul_school(r, a, na, b, nb);
    } else if (na < 2 * nb) {
        mag_mul_kara(r, a, na, b, nb);
    } else {
        /* unbalanced: multiply nb-digit slices of a by b and accumulate */
        memset(r, 0, (na + nb) * sizeof(mpz_dig_t));
        mpz_dig_t *t = m_new(mpz_dig_t, 2 * nb);
        for (size_t off = 0; off < na; off += nb) {
            size_t n = na - off < nb ? na - off : nb;
            mag_mul_fill(t, a + off, n, b, nb);
            mag_add_into(r + off, na + nb - off, t, n + nb);
        }
        m_free(t);
    }
}

/* a[0..n) = a * m + add in place; returns the carry digit. */
static mpz_dig_t mag_mul1_add(mpz_dig_t *a, size_t n, mpz_dig_t m, mpz_dig_t add) {
    mpz_dbl_t carry = add;
    for (size_t i = 0; i < n; i++) {
        carry += (mpz_dbl_t)a[i] * m;
        a[i] = (mpz_dig_t)carry;
        carry >>= MPZ_DIG_BITS;
    }
    return (mpz_dig_t)carry;
}

/* r[0..n) = a * m; returns the carry digit. */
static mpz_dig_t mag_mul1(mpz_dig_t *r, const mpz_dig_t *a, size_t n, mpz_dig_t m) {
    mpz_dbl_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        carry += (mpz_dbl_t)a[i] * m;
        r[i] = (mpz_dig_t)carry;
        carry >>= MPZ_DIG_BITS;
    }
    return (mpz_dig_t)carry;
}

/* q[0..n) = a / d (q may alias a); returns the remainder. */
static mpz_dig_t mag_div1(mpz_dig_t *q, const mpz_dig_t *a, size_t n, mpz_dig_t d) {
    mpz_dbl_t rem = 0;
    for (size_t i = n; i-- > 0;) {
        rem = (rem << MPZ_DIG_BITS) | a[i];
        q[i] = (mpz_dig_t)(rem / d);
        rem %= d;
    }
    return (mpz_dig_t)rem;
}

static int clz_dig(mpz_dig_t d) {
    int n = 0;
    for (mpz_dig_t bit = (mpz_dig_t)1 << (MPZ_DIG_BITS - 1); !(d & bit); bit >>= 1) {
        n++;
    }
    return n;
}

/* Knuth algorithm D: q[0..na-nb+1) = a / b, r[0..nb) = a % b, for na >= nb >= 2, top digit of b
 * nonzero.  q and r must not alias a or b. */
static void mag_divmod_knuth(mpz_dig_t *q, mpz_dig_t *r, const mpz_dig_t *a, size_t na,
                             const mpz_dig_t *b, size_t nb) {
    mpz_dig_t stack[STACK_DIGS];
    size_t need = na + 1 + nb;
    mpz_dig_t *un = need <= STACK_DIGS ? stack : m_new(mpz_dig_t, need);
    mpz_dig_t *vn = un + na + 1;
    int s = clz_dig(b[nb - 1]);
    /* normalise so the top digit of the divisor has its high bit set */
    for (size_t i = nb - 1; i > 0; i--) {
        vn[i] = (mpz_dig_t)((b[i] << s) | (s ? (mpz_dbl_t)b[i - 1] >> (MPZ_DIG_BITS - s) : 0));
    }
    vn[0] = (mpz_dig_t)(b[0] << s);
    un[na] = s ? (mpz_dig_t)((mpz_dbl_t)a[na - 1] >> (MPZ_DIG_BITS - s)) : 0;
    for (size_t i = na - 1; i > 0; i--) {
        un[i] = (mpz_dig_t)((a[i] << s) | (s ? (mpz_dbl_t)a[i - 1] >> (MPZ_DIG_BITS - s) : 0));
    }
    un[0] = (mpz_dig_t)(a[0] << s);
    const mpz_dbl_t base = (mpz_dbl_t)1 << MPZ_DIG_BITS;
    mpz_dbl_t vtop = vn[nb - 1], vnext = vn[nb - 2];
    for (size_t j = na - nb + 1; j-- > 0;) {
        mpz_dbl_t num = ((mpz_dbl_t)un[j + nb] << MPZ_DIG_BITS) | un[j + nb - 1];
        mpz_dbl_t qhat = num / vtop, rhat = num % vtop;
        while (qhat >= base || qhat * vnext > ((rhat << MPZ_DIG_BITS) | un[j + nb - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat >= base) {
                break;
            }
        }
        /* un[j..j+nb] -= qhat * vn */
        mpz_dbl_t mcarry = 0;
        mpz_dig_t borrow = 0;
        for (size_t i = 0; i < nb; i++) {
            mcarry += qhat * vn[i];
            mpz_dbl_t t = (mpz_dbl_t)un[i + j] - (mpz_dig_t)mcarry - borrow;
            un[i + j] = (mpz_dig_t)t;
            borrow = (mpz_dig_t)((t >> MPZ_DIG_BITS) & 1);
            mcarry >>= MPZ_DIG_BITS;
        }
        mpz_dbl_t t = (mpz_dbl_t)un[j + nb] - (mpz_dig_t)mcarry - borrow;
        un[j + nb] = (mpz_dig_t)t;
        if ((t >> MPZ_DIG_BITS) & 1) {
            /* qhat was one too large: add the divisor back */
            qhat--;
            un[j + nb] += mag_add_into(un + j, nb, vn, nb);
        }
        if (q) {
            q[j] = (mpz_dig_t)qhat;
        }
    }
    if (r) {
        for (size_t i = 0; i < nb - 1; i++) {
            r[i] = (mpz_dig_t)((un[i] >> s) | (s ? (mpz_dbl_t)un[i + 1] << (MPZ_DIG_BITS - s) : 0));
        }
        r[nb - 1] = (mpz_dig_t)(un[nb - 1] >> s);
    }
    if (un != stack) {
        m_free(un);
    }
}

/* ---- queries ---- */

bool mpz_as_ull(const mpz_t *z, unsigned long long *out) {
    if (z->len * MPZ_DIG_BITS > 64 && mpz_bit_length(z) > 64) {
        return false;
    }
    unsigned long long v = 0;
    for (size_t i = z->len; i-- > 0;) {
        v = (MPZ_DIG_BITS < 64 ? v << (MPZ_DIG_BITS % 64) : 0) | z->dig[i];
    }
    *out = v;
    return true;
}

bool mpz_as_ll(const mpz_t *z, long long *out) {
    unsigned long long m;
    if (!mpz_as_ull(z, &m)) {
        return false;
    }
    if (z->neg) {
        if (m > (unsigned long long)LLONG_MAX + 1) {
            return false;
        }
        *out = m == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN : -(long long)m;
    } else {
        if (m > (unsigned long long)LLONG_MAX) {
            return false;
        }
        *out = (long long)m;
    }
    return true;
}

size_t mpz_bit_length(const mpz_t *z) {
    if (z->len == 0) {
        return 0;
    }
    return (size_t)z->len * MPZ_DIG_BITS - (size_t)clz_dig(z->dig[z->len - 1]);
}

size_t mpz_popcount(const mpz_t *z) {
    size_t n = 0;
    for (size_t i = 0; i < z->len; i++) {
        for (mpz_dig_t d = z->dig[i]; d; d &= (mpz_dig_t)(d - 1)) {
            n++;
        }
    }
    return n;
}

bool mpz_is_odd(const mpz_t *z) {
    return z->len && (z->dig[0] & 1);
}

int mpz_cmp(const mpz_t *a, const mpz_t *b) {
    if (a->neg != b->neg) {
        return a->neg ? -1 : 1;
    }
    int c = mag_cmp(a->dig, a->len, b->dig, b->len);
    return a->neg ? -c : c;
}

/* Bit i of the magnitude. */
static bool mag_bit(const mpz_t *z, size_t i) {
    size_t d = i / MPZ_DIG_BITS;
    return d < z->len && ((z->dig[d] >> (i % MPZ_DIG_BITS)) & 1);
}

/* Are any of the magnitude's bits below bit n set? */
static bool mag_low_bits_set(const mpz_t *z, size_t n) {
    size_t d = n / MPZ_DIG_BITS;
    for (size_t i = 0; i < d && i < z->len; i++) {
        if (z->dig[i]) {
            return true;
        }
    }
    unsigned b = n % MPZ_DIG_BITS;
    return b && d < z->len && (z->dig[d] & (((mpz_dig_t)1 << b) - 1));
}

double mpz_as_double(const mpz_t *z, bool *overflow) {
    size_t bits = mpz_bit_length(z);
    *overflow = false;
    double r;
    if (bits <= 64) {
        unsigned long long m;
        mpz_as_ull(z, &m);
        if (bits <= 53) {
            r = (double)m;
        } else {
            /* round to 53 bits ourselves: the C conversion's rounding mode is not guaranteed */
            unsigned sh = (unsigned)bits - 53;
            unsigned long long mant = m >> sh, rest = m & ((1ULL << sh) - 1), half = 1ULL << (sh - 1);
            if (rest > half || (rest == half && (mant & 1))) {
                mant++;
            }
            r = ldexp((double)mant, (int)sh);
        }
    } else {
        /* mantissa = top 53 bits, then round half to even using the next bit and a sticky bit */
        unsigned long long mant = 0;
        for (size_t i = 0; i < 53; i++) {
            mant = (mant << 1) | mag_bit(z, bits - 1 - i);
        }
        size_t round_pos = bits - 54;
        if (mag_bit(z, round_pos) && ((mant & 1) || mag_low_bits_set(z, round_pos))) {
            mant++;
        }
        if (bits - 53 > 1100) {
            *overflow = true;
            return z->neg ? -HUGE_VAL : HUGE_VAL;
        }
        r = ldexp((double)mant, (int)(bits - 53));
    }
    if (isinf(r)) {
        *overflow = true;
    }
    return z->neg ? -r : r;
}

double mpz_true_div(const mpz_t *a, const mpz_t *b, bool *overflow) {
    size_t la = mpz_bit_length(a), lb = mpz_bit_length(b);
    *overflow = false;
    if (la <= 53 && lb <= 53) {
        bool o;
        return mpz_as_double(a, &o) / mpz_as_double(b, &o);
    }
    /* q = floor(|a| * 2**s / |b|) with 55+ bits; a nonzero remainder becomes a sticky low bit so
     * rounding q to 53 bits rounds the exact quotient */
    long s = 55 - ((long)la - (long)lb);
    mpz_t na, nb, q, r;
    mpz_init(&na);
    mpz_init(&nb);
    mpz_init(&q);
    mpz_init(&r);
    mpz_set(&na, a);
    mpz_set(&nb, b);
    na.neg = nb.neg = 0;
    if (s > 0) {
        mpz_shl(&na, &na, (size_t)s);
    } else if (s < 0) {
        mpz_shl(&nb, &nb, (size_t)-s);
    }
    mpz_divmod(&q, &r, &na, &nb);
    if (r.len) {
        q.dig[0] |= 1;
    }
    bool o;
    double m = mpz_as_double(&q, &o);
    double res = s > 2000 ? 0.0 : ldexp(m, (int)-s);
    if (isinf(res) || (-s) > 2000) {
        *overflow = true;
    }
    mpz_free(&na);
    mpz_free(&nb);
    mpz_free(&q);
    mpz_free(&r);
    return (a->neg != b->neg) ? -res : res;
}

intptr_t mpz_hash(const mpz_t *z) {
#if INTPTR_MAX > INT32_MAX
    const unsigned bits = 61;
#else
    const unsigned bits = 31;
#endif
    const uintptr_t p = ((uintptr_t)1 << bits) - 1;
    uintptr_t h = 0;
    for (size_t i = z->len; i-- > 0;) {
        /* 2**bits == 1 (mod p), so multiplying by 2**k is a rotation within the low `bits` bits */
        for (int half = MPZ_DIG_BITS - 16; half >= 0; half -= 16) {
            h = ((h << 16) & p) | (h >> (bits - 16));
            h += (z->dig[i] >> half) & 0xffff;
            if (h >= p) {
                h -= p;
            }
        }
    }
    return z->neg ? -(intptr_t)h : (intptr_t)h;
}

/* ---- arithmetic ---- */

static void add_signed(mpz_t *dest, const mpz_t *a, const mpz_t *b, bool b_neg) {
    size_t na = a->len, nb = b->len;
    if (a->neg == b_neg) {
        mpz_need(dest, (na > nb ? na : nb) + 1);
        bool neg = a->neg;
        if (na >= nb) {
            dest->len = (uint32_t)mag_add(dest->dig, a->dig, na, b->dig, nb);
        } else {
            dest->len = (uint32_t)mag_add(dest->dig, b->dig, nb, a->dig, na);
        }
        dest->neg = dest->len ? neg : 0;
    } else {
        mpz_need(dest, na > nb ? na : nb);
        bool aneg = a->neg;
        if (mag_cmp(a->dig, na, b->dig, nb) >= 0) {
            dest->len = (uint32_t)mag_sub(dest->dig, a->dig, na, b->dig, nb);
            dest->neg = dest->len ? aneg : 0;
        } else {
            dest->len = (uint32_t)mag_sub(dest->dig, b->dig, nb, a->dig, na);
            dest->neg = dest->len ? b_neg : 0;
        }
    }
}

void mpz_add(mpz_t *dest, const mpz_t *a, const mpz_t *b) {
    add_signed(dest, a, b, b->neg);
}

void mpz_sub(mpz_t *dest, const mpz_t *a, const mpz_t *b) {
    add_signed(dest, a, b, b->len ? !b->neg : 0);
}

void mpz_mul(mpz_t *dest, const mpz_t *a, const mpz_t *b) {
    if (a->len == 0 || b->len == 0) {
        dest->len = 0;
        dest->neg = 0;
        return;
    }
    size_t n = a->len + b->len;
    mpz_need(dest, n);
    bool neg = a->neg != b->neg;
    if (b->len == 1) {
        dest->dig[a->len] = mag_mul1(dest->dig, a->dig, a->len, b->dig[0]);
    } else if (a->len == 1) {
        dest->dig[b->len] = mag_mul1(dest->dig, b->dig, b->len, a->dig[0]);
    } else {
        mag_mul_fill(dest->dig, a->dig, a->len, b->dig, b->len);
    }
    set_len(dest, n, neg);
}

void mpz_divmod(mpz_t *q, mpz_t *r, const mpz_t *a, const mpz_t *b) {
    size_t na = a->len, nb = b->len;
    bool aneg = a->neg, bneg = b->neg;
    mpz_t tq, tr;
    mpz_init(&tq);
    mpz_init(&tr);
    mpz_t *qq = q ? q : &tq, *rr = r ? r : &tr;
    if (mag_cmp(a->dig, na, b->dig, nb) < 0) {
        mpz_set(rr, a);
        qq->len = 0;
    } else if (nb == 1) {
        mpz_need(qq, na);
        mpz_dig_t rem = mag_div1(qq->dig, a->dig, na, b->dig[0]);
        qq->len = (uint32_t)mag_norm(qq->dig, na);
        mpz_need(rr, 1);
        rr->dig[0] = rem;
        rr->len = rem != 0;
    } else {
        mpz_need(qq, na - nb + 1);
        mpz_need(rr, nb);
        mag_divmod_knuth(qq->dig, rr->dig, a->dig, na, b->dig, nb);
        qq->len = (uint32_t)mag_norm(qq->dig, na - nb + 1);
        rr->len = (uint32_t)mag_norm(rr->dig, nb);
    }
    qq->neg = 0;
    rr->neg = 0;
    if (aneg != bneg && rr->len) {
        /* floor: q = -(|q| + 1), r = |b| - |r| */
        mpz_need(qq, qq->len + 1);
        qq->dig[qq->len] = 0;
        mag_add_into(qq->dig, qq->len + 1u, (const mpz_dig_t[]){1}, 1);
        qq->len = (uint32_t)mag_norm(qq->dig, qq->len + 1u);
        mpz_need(rr, nb);
        rr->len = (uint32_t)mag_sub(rr->dig, b->dig, nb, rr->dig, rr->len);
    }
    qq->neg = qq->len ? aneg != bneg : 0;
    rr->neg = rr->len ? bneg : 0;
    mpz_free(&tq);
    mpz_free(&tr);
}

void mpz_pow(mpz_t *dest, const mpz_t *base, uintptr_t exp) {
    mpz_t acc, tmp;
    mpz_init(&acc);
    mpz_init(&tmp);
    mpz_set_ll(&acc, 1);
    if (exp) {
        int top = (int)(sizeof(uintptr_t) * 8) - 1;
        while (!((exp >> top) & 1)) {
            top--;
        }
        mpz_set(&acc, base);
        for (int i = top - 1; i >= 0; i--) {
            mpz_mul(&tmp, &acc, &acc);
            mpz_t s = acc;
            acc = tmp;
            tmp = s;
            if ((exp >> i) & 1) {
                mpz_mul(&tmp, &acc, base);
                s = acc;
                acc = tmp;
                tmp = s;
            }
        }
    }
    mpz_set(dest, &acc);
    mpz_free(&acc);
    mpz_free(&tmp);
}

void mpz_powmod(mpz_t *dest, const mpz_t *base, const mpz_t *exp, const mpz_t *mod) {
    mpz_t acc, tmp, b;
    mpz_init(&acc);
    mpz_init(&tmp);
    mpz_init(&b);
    mpz_divmod(NULL, &b, base, mod);
    mpz_set_ll(&acc, 1);
    mpz_divmod(NULL, &tmp, &acc, mod);
    mpz_set(&acc, &tmp);
    for (size_t i = mpz_bit_length(exp); i-- > 0;) {
        mpz_mul(&tmp, &acc, &acc);
        mpz_divmod(NULL, &acc, &tmp, mod);
        if (mag_bit(exp, i)) {
            mpz_mul(&tmp, &acc, &b);
            mpz_divmod(NULL, &acc, &tmp, mod);
        }
    }
    mpz_set(dest, &acc);
    mpz_free(&acc);
    mpz_free(&tmp);
    mpz_free(&b);
}

bool mpz_invmod(mpz_t *dest, const mpz_t *a, const mpz_t *m) {
    /* extended Euclid on (a mod |m|, |m|), tracking only the coefficient of a */
    mpz_t r0, r1, s0, s1, q, t, u;
    mpz_init(&r0);
    mpz_init(&r1);
    mpz_init(&s0);
    mpz_init(&s1);
    mpz_init(&q);
    mpz_init(&t);
    mpz_init(&u);
    mpz_set(&r1, m);
    r1.neg = 0;
    mpz_divmod(NULL, &r0, a, &r1);
    mpz_set(&r1, m);
    r1.neg = 0;
    mpz_set_ll(&s0, 1);
    mpz_set_ll(&s1, 0);
    /* invariant: r0 = s0 * a (mod m), r1 = s1 * a (mod m) */
    while (r0.len) {
        mpz_divmod(&q, &t, &r1, &r0);     /* r1 = q * r0 + t */
        mpz_set(&r1, &r0);
        mpz_set(&r0, &t);
        mpz_mul(&t, &q, &s0);
        mpz_sub(&u, &s1, &t);
        mpz_set(&s1, &s0);
        mpz_set(&s0, &u);
    }
    bool ok = r1.len == 1 && r1.dig[0] == 1;
    if (ok) {
        mpz_set(&t, m);
        t.neg = 0;
        mpz_divmod(NULL, dest, &s1, &t);
    }
    mpz_free(&r0);
    mpz_free(&r1);
    mpz_free(&s0);
    mpz_free(&s1);
    mpz_free(&q);
    mpz_free(&t);
    mpz_free(&u);
    return ok;
}

void mpz_shl(mpz_t *dest, const mpz_t *a, size_t n) {
    size_t na = a->len;
    if (na == 0) {
        dest->len = 0;
        dest->neg = 0;
        return;
    }
    bool neg = a->neg;
    size_t dshift = n / MPZ_DIG_BITS;
    unsigned bshift = n % MPZ_DIG_BITS;
    mpz_need(dest, na + dshift + 1);
    const mpz_dig_t *src = dest == a ? dest->dig : a->dig;
    mpz_dig_t *d = dest->dig;
    /* from the top down so dest may alias a */
    d[na + dshift] = bshift ? (mpz_dig_t)((mpz_dbl_t)src[na - 1] >> (MPZ_DIG_BITS - bshift)) : 0;
    for (size_t i = na - 1; i > 0; i--) {
        d[i + dshift] = (mpz_dig_t)(((mpz_dbl_t)src[i] << bshift) |
                                    (bshift ? (mpz_dbl_t)src[i - 1] >> (MPZ_DIG_BITS - bshift) : 0));
    }
    d[dshift] = (mpz_dig_t)((mpz_dbl_t)src[0] << bshift);
    memset(d, 0, dshift * sizeof(mpz_dig_t));
    set_len(dest, na + dshift + 1, neg);
}

void mpz_shr(mpz_t *dest, const mpz_t *a, size_t n) {
    size_t na = a->len, dshift = n / MPZ_DIG_BITS;
    unsigned bshift = n % MPZ_DIG_BITS;
    bool neg = a->neg;
    bool round_up = neg && mag_low_bits_set(a, n);
    if (dshift >= na) {
        if (round_up) {
            mpz_set_ll(dest, -1);
        } else {
            dest->len = 0;
            dest->neg = 0;
        }
        return;
    }
    size_t nr = na - dshift;
    mpz_need(dest, nr + 1);
    const mpz_dig_t *src = dest == a ? dest->dig : a->dig;
    mpz_dig_t *d = dest->dig;
    for (size_t i = 0; i < nr; i++) {
        mpz_dbl_t lo = (mpz_dbl_t)src[i + dshift] >> bshift;
        mpz_dbl_t hi = (bshift && i + dshift + 1 < na) ? (mpz_dbl_t)src[i + dshift + 1] << (MPZ_DIG_BITS - bshift) : 0;
        d[i] = (mpz_dig_t)(lo | hi);
    }
    d[nr] = 0;
    if (round_up) {
        mag_add_into(d, nr + 1, (const mpz_dig_t[]){1}, 1);
    }
    set_len(dest, nr + 1, neg);
}

/* Bitwise ops digit by digit in two's complement: a negative operand's digits are ~(|x|) + 1,
 * computed on the fly with a carry; a negative result is converted back the same way. */
static void bitwise(mpz_t *dest, const mpz_t *a, const mpz_t *b, char op) {
    size_t na = a->len, nb = b->len, n = (na > nb ? na : nb) + 1;
    bool an = a->neg, bn = b->neg;
    bool rn = op == '&' ? (an && bn) : op == '|' ? (an || bn) : (an != bn);
    mpz_need(dest, n);
    const mpz_dig_t *ad = a == dest ? dest->dig : a->dig, *bd = b == dest ? dest->dig : b->dig;
    mpz_dbl_t ca = an, cb = bn, cr = rn;
    for (size_t i = 0; i < n; i++) {
        mpz_dig_t x = i < na ? ad[i] : 0, y = i < nb ? bd[i] : 0;
        if (an) {
            ca += (mpz_dig_t)~x;
            x = (mpz_dig_t)ca;
            ca >>= MPZ_DIG_BITS;
        }
        if (bn) {
            cb += (mpz_dig_t)~y;
            y = (mpz_dig_t)cb;
            cb >>= MPZ_DIG_BITS;
        }
        mpz_dig_t r = op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y);
        if (rn) {
            cr += (mpz_dig_t)~r;
            r = (mpz_dig_t)cr;
            cr >>= MPZ_DIG_BITS;
        }
        dest->dig[i] = r;
    }
    set_len(dest, n, rn);
}

void mpz_and(mpz_t *dest, const mpz_t *a, const mpz_t *b) { bitwise(dest, a, b, '&'); }
void mpz_or(mpz_t *dest, const mpz_t *a, const mpz_t *b) { bitwise(dest, a, b, '|'); }
void mpz_xor(mpz_t *dest, const mpz_t *a, const mpz_t *b) { bitwise(dest, a, b, '^'); }

/* ---- text ---- */

static unsigned log2_floor(unsigned v) {
    unsigned r = 0;
    while (v >>= 1) {
        r++;
    }
    return r;
}

size_t mpz_str_size(const mpz_t *z, int base) {
    return mpz_bit_length(z) / log2_floor((unsigned)base) + 1;
}

/* The largest power of base that fits a digit, and its exponent. */
static mpz_dig_t chunk_for_base(int base, unsigned *k) {
    mpz_dbl_t p = (mpz_dbl_t)base;
    unsigned n = 1;
    while (p * (mpz_dbl_t)base <= MPZ_DIG_MASK) {
        p *= (mpz_dbl_t)base;
        n++;
    }
    *k = n;
    return (mpz_dig_t)p;
}

size_t mpz_to_str(const mpz_t *z, int base, bool upper, char *out) {
    const char *digits = upper ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789abcdefghijklmnopqrstuvwxyz";
    if (z->len == 0) {
        out[0] = '0';
        return 1;
    }
    size_t size = mpz_str_size(z, base);
    char *end = out + size, *p = end;
    if ((base & (base - 1)) == 0) {
        unsigned bits = log2_floor((unsigned)base);
        size_t nbits = mpz_bit_length(z);
        for (size_t pos = 0; pos < nbits; pos += bits) {
            unsigned v = 0;
            for (unsigned i = 0; i < bits; i++) {
                v |= (unsigned)mag_bit(z, pos + i) << i;
            }
            *--p = digits[v];
        }
    } else {
        unsigned k;
        mpz_dig_t chunk = chunk_for_base(base, &k);
        size_t n = z->len;
        mpz_dig_t stack[STACK_DIGS];
        mpz_dig_t *t = n <= STACK_DIGS ? stack : m_new(mpz_dig_t, n);
        memcpy(t, z->dig, n * sizeof(mpz_dig_t));
        while (n) {
            mpz_dig_t rem = mag_div1(t, t, n, chunk);
            n = mag_norm(t, n);
            for (unsigned i = 0; i < k && (n || rem); i++) {
                *--p = digits[rem % (mpz_dig_t)base];
                rem /= (mpz_dig_t)base;
            }
        }
        if (t != stack) {
            m_free(t);
        }
    }
    size_t len = (size_t)(end - p);
    memmove(out, p, len);
    return len;
}

void mpz_set_str(mpz_t *z, const char *s, size_t len, int base) {
    unsigned k;
    chunk_for_base(base, &k);
    /* each character carries at least log2(base) bits: size the digits once */
    size_t bits = (size_t)((double)len * log2((double)base)) + 1;
    mpz_need(z, bits / MPZ_DIG_BITS + 2);
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        mpz_dig_t v = 0, mul = 1;
        for (unsigned j = 0; j < k && i < len; j++, i++) {
            unsigned c = (unsigned char)s[i];
            unsigned d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            v = (mpz_dig_t)(v * (mpz_dig_t)base + d);
            mul = (mpz_dig_t)(mul * (mpz_dig_t)base);
        }
        mpz_dig_t carry = mag_mul1_add(z->dig, n, mul, v);
        if (carry) {
            z->dig[n++] = carry;
        }
    }
    z->len = (uint32_t)n;
    z->neg = 0;
}

/* ---- bytes ---- */

/* Byte i (little-endian) of the magnitude. */
static uint8_t mag_byte(const mpz_t *z, size_t i) {
    size_t d = i / (MPZ_DIG_BITS / 8);
    return d < z->len ? (uint8_t)(z->dig[d] >> (8 * (i % (MPZ_DIG_BITS / 8)))) : 0;
}

bool mpz_to_bytes(const mpz_t *z, bool big_endian, bool is_signed, uint8_t *out, size_t len) {
    size_t bits = mpz_bit_length(z);
    if (z->neg) {
        /* -2**(8len-1) is the most negative value that fits */
        if (!is_signed || bits > len * 8 || (bits == len * 8 && (mpz_popcount(z) != 1 || len == 0))) {
            return false;
        }
    } else if (bits > len * 8 - (is_signed && len ? 1 : 0) || (len == 0 && bits)) {
        return false;
    }
    unsigned carry = 1;
    for (size_t i = 0; i < len; i++) {
        unsigned b = mag_byte(z, i);
        if (z->neg) {
            carry += (uint8_t)~b;
            b = carry & 0xff;
            carry >>= 8;
        }
        out[big_endian ? len - 1 - i : i] = (uint8_t)b;
    }
    return true;
}

void mpz_from_bytes(mpz_t *z, const uint8_t *buf, size_t len, bool big_endian, bool is_signed) {
    const size_t per = MPZ_DIG_BITS / 8;
    size_t n = (len + per - 1) / per;
    mpz_need(z, n + 1);
    memset(z->dig, 0, (n + 1) * sizeof(mpz_dig_t));
    bool neg = is_signed && len && (buf[big_endian ? 0 : len - 1] & 0x80);
    unsigned carry = 1;
    for (size_t i = 0; i < len; i++) {
        unsigned b = buf[big_endian ? len - 1 - i : i];
        if (neg) {
            /* magnitude of a negative two's-complement number: ~x + 1 */
            carry += (uint8_t)~b;
            b = carry & 0xff;
            carry >>= 8;
        }
        z->dig[i / per] |= (mpz_dig_t)((mpz_dig_t)b << (8 * (i % per)));
    }
    set_len(z, n + 1, neg);
}

#endif /* CONFIG_BIGNUM */
