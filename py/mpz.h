/* mpz.h: arbitrary-precision integers (sign + magnitude) for the int type's bignum representation.
 *
 * A number is an mpz_t: a sign bit, the count of digits in use and a pointer to little-endian digits
 * (the top digit in use is never zero; zero has len 0).  The digit storage may live inside another
 * object (objint.c puts it right after the int object, one allocation); an operation that needs more
 * room than `alloc` switches the number to fresh GC storage, so callers that size the destination
 * with the *_size helpers below never pay for a second allocation.
 *
 * Unless a function says otherwise, the destination must not be one of the operands.  Everything
 * that can fail raises through nlr (MemoryError from the allocator); nothing here knows about
 * Python objects. */
#ifndef ADDER_MPZ_H
#define ADDER_MPZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "config.h"

/* 16-bit digits suit small targets without a fast 64-bit multiply. */
#ifndef CONFIG_MPZ_DIG_16
#define CONFIG_MPZ_DIG_16 (0)
#endif

#if CONFIG_MPZ_DIG_16
typedef uint16_t mpz_dig_t;
typedef uint32_t mpz_dbl_t;
typedef int32_t mpz_sdbl_t;
#define MPZ_DIG_BITS (16)
#else
typedef uint32_t mpz_dig_t;
typedef uint64_t mpz_dbl_t;
typedef int64_t mpz_sdbl_t;
#define MPZ_DIG_BITS (32)
#endif
#define MPZ_DIG_MASK ((mpz_dig_t)~(mpz_dig_t)0)
/* digits needed to hold any unsigned long long */
#define MPZ_LL_DIGS ((sizeof(unsigned long long) * 8 + MPZ_DIG_BITS - 1) / MPZ_DIG_BITS)

typedef struct {
    uint32_t neg : 1;
    uint32_t fixed : 1;   /* dig is caller-provided storage: never freed by mpz_free */
    uint32_t len : 30;
    uint32_t alloc;
    mpz_dig_t *dig;
} mpz_t;

/* Storage: a number over caller-provided digits (a stack buffer or an object's tail), or empty. */
void mpz_init_fixed(mpz_t *z, mpz_dig_t *buf, size_t alloc);
static inline void mpz_init(mpz_t *z) { mpz_init_fixed(z, NULL, 0); }
void mpz_need(mpz_t *z, size_t n);              /* room for n digits, keeping the value */
void mpz_free(mpz_t *z);                        /* releases GC storage early (temporaries) */
void mpz_set(mpz_t *dest, const mpz_t *src);
void mpz_set_ll(mpz_t *z, long long v);
void mpz_set_ull(mpz_t *z, unsigned long long v, bool neg);
/* The integral part of a finite double (truncated toward zero). */
void mpz_set_double(mpz_t *z, double d);
/* digits: only valid digit characters of base (2..36), no sign, prefix or underscores. */
void mpz_set_str(mpz_t *z, const char *digits, size_t len, int base);

static inline bool mpz_is_zero(const mpz_t *z) { return z->len == 0; }
static inline void mpz_neg_inplace(mpz_t *z) { z->neg = z->len ? !z->neg : 0; }
/* The value as a long long (or its magnitude as unsigned); false if it does not fit. */
bool mpz_as_ll(const mpz_t *z, long long *out);
bool mpz_as_ull(const mpz_t *z, unsigned long long *out);
/* Correctly rounded (half to even); *overflow set when the value exceeds the double range. */
double mpz_as_double(const mpz_t *z, bool *overflow);
/* a / b correctly rounded (b nonzero); *overflow as above. */
double mpz_true_div(const mpz_t *a, const mpz_t *b, bool *overflow);

int mpz_cmp(const mpz_t *a, const mpz_t *b);     /* -1, 0, 1 */
size_t mpz_bit_length(const mpz_t *z);           /* of the magnitude */
size_t mpz_popcount(const mpz_t *z);             /* of the magnitude */
bool mpz_is_odd(const mpz_t *z);
/* CPython's hash: sign * (|z| mod 2**61-1) (2**31-1 on 32-bit hosts); callers map -1 to -2. */
intptr_t mpz_hash(const mpz_t *z);

/* Arithmetic; dest may alias an operand only for add/sub/neg/shifts/bitwise. */
void mpz_add(mpz_t *dest, const mpz_t *a, const mpz_t *b);
void mpz_sub(mpz_t *dest, const mpz_t *a, const mpz_t *b);
void mpz_mul(mpz_t *dest, const mpz_t *a, const mpz_t *b);
/* Floor division (Python semantics): q = a // b, r = a % b; q or r may be NULL; b nonzero. */
void mpz_divmod(mpz_t *q, mpz_t *r, const mpz_t *a, const mpz_t *b);
void mpz_pow(mpz_t *dest, const mpz_t *base, uintptr_t exp);
/* (base ** exp) % mod with exp >= 0 and mod nonzero; result has the sign of mod (floor). */
void mpz_powmod(mpz_t *dest, const mpz_t *base, const mpz_t *exp, const mpz_t *mod);
/* The inverse of a modulo |m| in [0, |m|); false if not invertible. */
bool mpz_invmod(mpz_t *dest, const mpz_t *a, const mpz_t *m);
void mpz_shl(mpz_t *dest, const mpz_t *a, size_t n);
void mpz_shr(mpz_t *dest, const mpz_t *a, size_t n);  /* floor, like Python's >> */
/* Two's-complement semantics for negative operands, as Python. */
void mpz_and(mpz_t *dest, const mpz_t *a, const mpz_t *b);
void mpz_or(mpz_t *dest, const mpz_t *a, const mpz_t *b);
void mpz_xor(mpz_t *dest, const mpz_t *a, const mpz_t *b);

/* Digits to text.  mpz_str_size is an upper bound on the characters of the magnitude in base;
 * mpz_to_str writes the magnitude only (no sign, no prefix) and returns the count. */
size_t mpz_str_size(const mpz_t *z, int base);
size_t mpz_to_str(const mpz_t *z, int base, bool upper, char *out);
/* Bytes <-> integers (two's complement when is_signed); to_bytes false if it does not fit. */
bool mpz_to_bytes(const mpz_t *z, bool big_endian, bool is_signed, uint8_t *out, size_t len);
void mpz_from_bytes(mpz_t *z, const uint8_t *buf, size_t len, bool big_endian, bool is_signed);

/* Digits needed to hold results, for sizing destinations up front. */
static inline size_t mpz_add_size(const mpz_t *a, const mpz_t *b) {
    return (a->len > b->len ? a->len : b->len) + 1;
}
static inline size_t mpz_mul_size(const mpz_t *a, const mpz_t *b) { return a->len + b->len; }

#endif
