/* vstr.c: growable byte buffers, the print_t sinks (stdout, stderr, a vstr) and print_fmt,
 * the core's small printf (see vstr.h for the formats). */
#include <stdio.h>
#include <string.h>
#include "config.h"
#include "gc.h"
#include "port.h"
#include "qstr.h"
#include "vstr.h"

/* ---- vstr ---- */

void vstr_init(vstr_t *vs, size_t alloc) {
    if (alloc < 16) {
        alloc = 16;
    }
    vs->alloc = alloc;
    vs->len = 0;
    vs->buf = m_new(char, alloc);
    vs->fixed = false;
}

void vstr_init_fixed(vstr_t *vs, char *buf, size_t alloc) {
    vs->alloc = alloc;
    vs->len = 0;
    vs->buf = buf;
    vs->fixed = true;
}

void vstr_clear(vstr_t *vs) {
    if (!vs->fixed) {
        m_free(vs->buf);
        vs->buf = NULL;
        vs->alloc = 0;
    }
    vs->len = 0;
}

/* Room for n more bytes plus a terminating NUL; false if a fixed buffer is too small. */
static bool ensure(vstr_t *vs, size_t n) {
    if (vs->len + n + 1 <= vs->alloc) {
        return true;
    }
    if (vs->fixed) {
        return false;
    }
    size_t alloc = vs->alloc * 2;
    if (alloc < vs->len + n + 1) {
        alloc = vs->len + n + 1;
    }
    vs->buf = m_renew(char, vs->buf, alloc);
    vs->alloc = alloc;
    return true;
}

/* For a fixed buffer that is too small, returns NULL (nothing is written). */
char *vstr_extend(vstr_t *vs, size_t n) {
    if (!ensure(vs, n)) {
        return NULL;
    }
    char *p = vs->buf + vs->len;
    vs->len += n;
    return p;
}

void vstr_add_strn(vstr_t *vs, const char *s, size_t n) {
    if (!ensure(vs, n)) {
        /* fixed buffer: keep what fits, leaving room for the NUL */
        n = vs->alloc > vs->len + 1 ? vs->alloc - vs->len - 1 : 0;
    }
    memcpy(vs->buf + vs->len, s, n);
    vs->len += n;
}

void vstr_add_byte(vstr_t *vs, uint8_t b) {
    char c = (char)b;
    vstr_add_strn(vs, &c, 1);
}

void vstr_add_char(vstr_t *vs, uint32_t c) {
    char buf[4];
    size_t n;
    if (c < 0x80) {
        buf[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        buf[0] = (char)(0xc0 | (c >> 6));
        buf[1] = (char)(0x80 | (c & 0x3f));
        n = 2;
    } else if (c < 0x10000) {
        buf[0] = (char)(0xe0 | (c >> 12));
        buf[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        buf[2] = (char)(0x80 | (c & 0x3f));
        n = 3;
    } else {
        buf[0] = (char)(0xf0 | ((c >> 18) & 0x07));
        buf[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        buf[2] = (char)(0x80 | ((c >> 6) & 0x3f));
        buf[3] = (char)(0x80 | (c & 0x3f));
        n = 4;
    }
    vstr_add_strn(vs, buf, n);
}

void vstr_add_str(vstr_t *vs, const char *s) {
    vstr_add_strn(vs, s, strlen(s));
}

void vstr_cut_tail(vstr_t *vs, size_t n) {
    vs->len = n > vs->len ? 0 : vs->len - n;
}

const char *vstr_null_terminated(vstr_t *vs) {
    if (vs->buf == NULL) {
        vstr_init(vs, 16);
    }
    if (vs->len >= vs->alloc) {
        /* only a full fixed buffer gets here: give up its last byte */
        vs->len = vs->alloc - 1;
    }
    vs->buf[vs->len] = 0;
    return vs->buf;
}

/* ---- print_t sinks ---- */

static void write_stdout(void *data, const char *s, size_t len) {
    (void)data;
    port_stdout_write(s, len);
}

static void write_stderr(void *data, const char *s, size_t len) {
    (void)data;
    port_stderr_write(s, len);
}

static void write_vstr(void *data, const char *s, size_t len) {
    vstr_add_strn((vstr_t *)data, s, len);
}

const print_t print_stdout = { NULL, write_stdout };
const print_t print_stderr = { NULL, write_stderr };

void print_vstr_init(print_t *p, vstr_t *vs) {
    p->data = vs;
    p->write = write_vstr;
}

void print_strn(const print_t *p, const char *s, size_t len) {
    if (len > 0) {
        p->write(p->data, s, len);
    }
}

void print_str(const print_t *p, const char *s) {
    print_strn(p, s, strlen(s));
}

/* ---- print_fmt ---- */

typedef struct {
    bool left;      /* '-' */
    bool zero;      /* '0' */
    int width;      /* -1 if none */
    int prec;       /* -1 if none */
} fmt_flags_t;

static void pad(const print_t *p, char c, int n) {
    char buf[16];
    memset(buf, c, sizeof(buf));
    while (n > 0) {
        int k = n > (int)sizeof(buf) ? (int)sizeof(buf) : n;
        print_strn(p, buf, (size_t)k);
        n -= k;
    }
}

/* Writes s padded to the field width (counting code points, not bytes); returns bytes written. */
static int put_field(const print_t *p, const char *s, size_t len, const fmt_flags_t *f, bool numeric) {
    int chars = 0;
    for (size_t i = 0; i < len; i++) {
        chars += ((uint8_t)s[i] & 0xc0) != 0x80;
    }
    int fill = f->width > chars ? f->width - chars : 0;
    if (fill == 0) {
        print_strn(p, s, len);
        return (int)len;
    }
    if (f->left) {
        print_strn(p, s, len);
        pad(p, ' ', fill);
    } else if (f->zero && numeric) {
        /* zeros go after the sign */
        size_t sign = len > 0 && (s[0] == '-' || s[0] == '+') ? 1 : 0;
        print_strn(p, s, sign);
        pad(p, '0', fill);
        print_strn(p, s + sign, len - sign);
    } else {
        pad(p, ' ', fill);
        print_strn(p, s, len);
    }
    return (int)len + fill;
}

static int put_obj(const print_t *p, obj_t o, print_kind_t kind, const fmt_flags_t *f) {
    if (f->width <= 0) {
        obj_print(p, o, kind);
        return 0;
    }
    vstr_t vs;
    print_t vp;
    vstr_init(&vs, 32);
    print_vstr_init(&vp, &vs);
    obj_print(&vp, o, kind);
    int n = put_field(p, vs.buf, vs.len, f, false);
    vstr_clear(&vs);
    return n;
}

/* Parses flags, width and precision after '%'; returns the position of the conversion letter. */
static const char *parse_flags(const char *fmt, fmt_flags_t *f, va_list *ap) {
    f->left = f->zero = false;
    f->width = f->prec = -1;
    for (;; fmt++) {
        if (*fmt == '-') {
            f->left = true;
        } else if (*fmt == '0') {
            f->zero = true;
        } else {
            break;
        }
    }
    if (*fmt == '*') {
        f->width = va_arg(*ap, int);
        fmt++;
    } else {
        while (*fmt >= '0' && *fmt <= '9') {
            f->width = (f->width < 0 ? 0 : f->width * 10) + (*fmt++ - '0');
        }
    }
    if (*fmt == '.') {
        fmt++;
        f->prec = 0;
        if (*fmt == '*') {
            f->prec = va_arg(*ap, int);
            fmt++;
        } else {
            while (*fmt >= '0' && *fmt <= '9') {
                f->prec = f->prec * 10 + (*fmt++ - '0');
            }
        }
    }
    return fmt;
}

static int put_uint(const print_t *p, unsigned long long v, unsigned base, bool neg, const fmt_flags_t *f) {
    char buf[24];
    char *e = buf + sizeof(buf), *s = e;
    do {
        unsigned d = (unsigned)(v % base);
        *--s = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        v /= base;
    } while (v != 0);
    if (neg) {
        *--s = '-';
    }
    return put_field(p, s, (size_t)(e - s), f, true);
}

static int put_signed(const print_t *p, long long v, const fmt_flags_t *f) {
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    return put_uint(p, u, 10, v < 0, f);
}

#if CONFIG_FLOAT
/* (only with a float type: this is what pulls the C library's float printf in) */
static int put_double(const print_t *p, double v, char conv, const fmt_flags_t *f) {
    char spec[8], buf[64];
    snprintf(spec, sizeof(spec), "%%.*%c", conv);
    int n = snprintf(buf, sizeof(buf), spec, f->prec < 0 ? 6 : f->prec, v);
    if (n < 0 || n >= (int)sizeof(buf)) {
        n = snprintf(buf, sizeof(buf), "%g", v);
    }
    return put_field(p, buf, (size_t)n, f, true);
}
#endif

int print_vfmt(const print_t *p, const char *fmt, va_list ap_in) {
    va_list ap;
    va_copy(ap, ap_in);
    int total = 0;
    while (*fmt) {
        const char *lit = fmt;
        while (*fmt && *fmt != '%') {
            fmt++;
        }
        print_strn(p, lit, (size_t)(fmt - lit));
        total += (int)(fmt - lit);
        if (*fmt == 0) {
            break;
        }
        fmt_flags_t f;
        fmt = parse_flags(fmt + 1, &f, &ap);
        int longs = 0;
        bool size_t_arg = false;
        while (*fmt == 'l') {
            longs++;
            fmt++;
        }
        if (*fmt == 'z') {
            size_t_arg = true;
            fmt++;
        }
        char conv = *fmt;
        if (conv == 0) {
            break;
        }
        fmt++;
        switch (conv) {
            case 'd': {
                long long v = size_t_arg ? (long long)va_arg(ap, ptrdiff_t)
                              : longs >= 2 ? va_arg(ap, long long)
                              : longs == 1 ? va_arg(ap, long) : va_arg(ap, int);
                total += put_signed(p, v, &f);
                break;
            }
            case 'u':
            case 'x': {
                unsigned long long v = size_t_arg ? va_arg(ap, size_t)
                                       : longs >= 2 ? va_arg(ap, unsigned long long)
                                       : longs == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
                total += put_uint(p, v, conv == 'x' ? 16 : 10, false, &f);
                break;
            }
            case 'p':
                print_strn(p, "0x", 2);
                total += 2 + put_uint(p, (uintptr_t)va_arg(ap, void *), 16, false, &f);
                break;
            case 's': {
                const char *s = va_arg(ap, const char *);
                if (s == NULL) {
                    s = "(null)";
                }
                size_t len = 0;
                while (s[len] != 0 && (f.prec < 0 || len < (size_t)f.prec)) {
                    len++;
                }
                total += put_field(p, s, len, &f, false);
                break;
            }
            case 'c': {
                vstr_t vs;
                char buf[8];
                vstr_init_fixed(&vs, buf, sizeof(buf));
                vstr_add_char(&vs, va_arg(ap, unsigned));
                total += put_field(p, vs.buf, vs.len, &f, false);
                break;
            }
            case 'q': {
                size_t len;
                const char *s = qstr_data((qstr)va_arg(ap, unsigned), &len);
                total += put_field(p, s, len, &f, false);
                break;
            }
            case 'r':
            case 'S':
                total += put_obj(p, va_arg(ap, obj_t), conv == 'r' ? PRINT_REPR : PRINT_STR, &f);
                break;
#if CONFIG_FLOAT
            case 'f':
            case 'g':
            case 'e':
                total += put_double(p, va_arg(ap, double), conv, &f);
                break;
#endif
            default:
                print_strn(p, &conv, 1);
                total++;
                break;
        }
    }
    va_end(ap);
    return total;
}

int print_fmt(const print_t *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = print_vfmt(p, fmt, ap);
    va_end(ap);
    return n;
}
