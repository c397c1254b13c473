/* format.h: the format-spec mini-language ([[fill]align][sign][#][0][width][grouping][.precision][type]),
 * shared by format(), str.format, f-strings and %-formatting.
 * Owners: objstr_format.c (parsing, padding, str formatting, rt_format); objint.c and objfloat.c
 * (number formatting). */
#ifndef ADDER_FORMAT_H
#define ADDER_FORMAT_H

#include "obj.h"
#include "vstr.h"

typedef struct {
    uint32_t fill;      /* code point; ' ' by default */
    char align;         /* 0 (type's default), '<', '>', '^', '=' */
    char sign;          /* 0, '+', '-', ' ' */
    bool alt;           /* '#' */
    bool zero;          /* '0' before width */
    char grouping;      /* 0, ',' or '_' */
    char type;          /* 0 or the presentation type letter */
    int width;          /* -1 if absent */
    int precision;      /* -1 if absent */
} format_spec_t;

void format_spec_parse(const char *s, size_t len, format_spec_t *spec);   /* ValueError if malformed */
/* Append body (len bytes, n_chars code points) to out, padded to spec->width with fill/align;
 * numeric says whether default alignment is right and '=' is allowed; sign_len is the length of a
 * leading sign/prefix that '=' padding goes after. */
void format_pad(vstr_t *out, const char *body, size_t len, size_t n_chars, const format_spec_t *spec,
                bool numeric, size_t sign_len);
void int_format(vstr_t *out, obj_t value, const format_spec_t *spec);    /* objint.c; ValueError on bad type */
#if CONFIG_FLOAT
void float_format(vstr_t *out, float_val_t value, const format_spec_t *spec); /* objfloat.c */
void float_repr(vstr_t *out, float_val_t value);   /* shortest round-tripping repr, as CPython: 0.1, 1e+16, inf */
#endif

#endif
