/* vstr.h: growable byte buffers on the GC heap, and print_t, the output sink every print slot writes to
 * (stdout, a vstr, a file object...).  print_fmt is a small printf for the core. */
#ifndef ADDER_VSTR_H
#define ADDER_VSTR_H

#include <stdarg.h>
#include <stddef.h>
#include "obj.h"

typedef struct vstr {
    size_t alloc;
    size_t len;
    char *buf;
    bool fixed;          /* buf is caller-provided; never grown (output is truncated) */
} vstr_t;

void vstr_init(vstr_t *vs, size_t alloc);
void vstr_init_fixed(vstr_t *vs, char *buf, size_t alloc);
void vstr_clear(vstr_t *vs);
char *vstr_extend(vstr_t *vs, size_t n);   /* grows len by n, returns where to write */
void vstr_add_byte(vstr_t *vs, uint8_t b);
void vstr_add_char(vstr_t *vs, uint32_t codepoint); /* encodes UTF-8 */
void vstr_add_strn(vstr_t *vs, const char *s, size_t n);
void vstr_add_str(vstr_t *vs, const char *s);
void vstr_cut_tail(vstr_t *vs, size_t n);
const char *vstr_null_terminated(vstr_t *vs);

struct print {
    void *data;
    void (*write)(void *data, const char *s, size_t len);
};
extern const print_t print_stdout;   /* the port's stdout (port_stdout_write) */
extern const print_t print_stderr;
void print_vstr_init(print_t *p, vstr_t *vs);   /* a print_t that appends to vs */
void print_strn(const print_t *p, const char *s, size_t len);
void print_str(const print_t *p, const char *s);
/* Formats: %d %u %x %ld %lu %lx %zu %zd %lld %s %.*s %c (a code point), %p,
 * %q (a qstr), %r (an obj_t, repr), %S (an obj_t, str), %f %g %e (doubles), %% ;
 * widths, '-' and '0' flags for numbers and strings. */
int print_fmt(const print_t *p, const char *fmt, ...);
int print_vfmt(const print_t *p, const char *fmt, va_list ap);

#endif
