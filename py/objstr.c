/* objstr.c: the str type.  A str value is either an interned qstr immediate or a heap str_t; every
 * operation here accepts both.  Also UTF-8 helpers, the Unicode character classes the methods use,
 * encoding/decoding, and the constructors the rest of the core calls (obj_new_str & co). */
#include <string.h>
#include "objstr.h"
#include "runtime.h"
#include "gc.h"

/* ---- UTF-8 ---- */

uint32_t utf8_get(const char **p) {
    const uint8_t *s = (const uint8_t *)*p;
    uint32_t c = *s++;
    if (c >= 0xc0) {
        int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
        c &= 0x3f >> extra;
        while (extra-- && utf8_is_cont(*s)) {
            c = (c << 6) | (*s++ & 0x3f);
        }
    }
    *p = (const char *)s;
    return c;
}

size_t utf8_count(const char *s, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += !utf8_is_cont((uint8_t)s[i]);
    }
    return n;
}

const char *utf8_skip(const char *s, size_t n) {
    while (n--) {
        s++;
        while (utf8_is_cont((uint8_t)*s)) {
            s++;
        }
    }
    return s;
}

static size_t utf8_count_fast(const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        if ((uint8_t)s[i] >= 0x80) {
            return i + utf8_count(s + i, len - i);
        }
    }
    return len;
}

/* ---- Unicode character classes: exact for ASCII, close for Latin, Greek and Cyrillic ---- */

bool uni_isspace(uint32_t c) {
    if (c < 0x80) {
        return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
    }
    return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028
           || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

bool uni_isupper(uint32_t c) {
    if (c < 0x80) {
        return c >= 'A' && c <= 'Z';
    }
    return uni_tolower(c) != c || (c >= 0x3d2 && c <= 0x3d4);
}

bool uni_islower(uint32_t c) {
    if (c < 0x80) {
        return c >= 'a' && c <= 'z';
    }
    return uni_toupper(c) != c || c == 0xdf || c == 0x138 || c == 0x149 || c == 0xaa || c == 0xba
           || (c >= 0xfb00 && c <= 0xfb06);
}

bool uni_isalpha(uint32_t c) {
    if (c < 0x80) {
        return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    }
    if (c < 0x250) {
        return c == 0xaa || c == 0xb5 || c == 0xba || (c >= 0xc0 && c != 0xd7 && c != 0xf7);
    }
    return (c >= 0x250 && c <= 0x2c1) || (c >= 0x370 && c <= 0x3ff && c != 0x375 && c != 0x37e
           && c != 0x384 && c != 0x385 && c != 0x387 && c != 0x3f6) || (c >= 0x400 && c <= 0x481)
           || (c >= 0x48a && c <= 0x52f) || (c >= 0x531 && c <= 0x556) || (c >= 0x561 && c <= 0x587)
           || (c >= 0x5d0 && c <= 0x5ea) || (c >= 0x620 && c <= 0x64a) || (c >= 0x904 && c <= 0x939)
           || (c >= 0x1e00 && c <= 0x1fbc) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa)
           || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3)
           || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

/* The zero of every run of ten decimal digits (Unicode category Nd), ascending. */
static const uint32_t decimal_zeros[] = {
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
    0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50,
    0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0,
    0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0,
    0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce,
    0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
};

int uni_decimal_value(uint32_t c) {
    size_t lo = 0, hi = sizeof(decimal_zeros) / sizeof(decimal_zeros[0]);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < decimal_zeros[mid]) {
            hi = mid;
        } else if (c > decimal_zeros[mid] + 9) {
            lo = mid + 1;
        } else {
            return (int)(c - decimal_zeros[mid]);
        }
    }
    return -1;
}

bool uni_isdecimal(uint32_t c) {
    return uni_decimal_value(c) >= 0;
}

/* int() and float() accept any decimal digits and whitespace: they parse this ASCII spelling. */
const char *str_numeric_text(obj_t x, size_t *len) {
    const char *s = obj_str_get_data(x, len);
    if (!obj_is_str(x) || utf8_count_fast(s, *len) == *len) {
        return s;
    }
    vstr_t vs;
    vstr_init(&vs, *len);
    for (const char *p = s, *e = s + *len; p < e;) {
        uint32_t c = utf8_get(&p);
        int d = c >= 0x80 ? uni_decimal_value(c) : -1;
        if (d >= 0) {
            vstr_add_byte(&vs, (uint8_t)('0' + d));
        } else if (c >= 0x80 && uni_isspace(c)) {
            vstr_add_byte(&vs, ' ');
        } else {
            vstr_add_char(&vs, c);
        }
    }
    *len = vs.len;
    return vs.buf;
}

bool uni_isdigit(uint32_t c) {
    return uni_isdecimal(c) || c == 0xb2 || c == 0xb3 || c == 0xb9 || c == 0x2070
           || (c >= 0x2074 && c <= 0x2079) || (c >= 0x2080 && c <= 0x2089) || (c >= 0x2460 && c <= 0x2468)
           || (c >= 0x2776 && c <= 0x277e);
}

bool uni_isnumeric(uint32_t c) {
    static const uint16_t han[] = { 0x3007, 0x4e00, 0x4e03, 0x4e07, 0x4e09, 0x4e5d, 0x4e8c, 0x4e94,
                                    0x516b, 0x516d, 0x5341, 0x5343, 0x56db, 0x767e, 0x842c };
    if (uni_isdigit(c) || (c >= 0xbc && c <= 0xbe) || (c >= 0x2150 && c <= 0x2189)
        || (c >= 0x2460 && c <= 0x249b) || (c >= 0x3021 && c <= 0x3029)) {
        return true;
    }
    for (size_t i = 0; i < sizeof(han) / sizeof(han[0]); i++) {
        if (c == han[i]) {
            return true;
        }
    }
    return false;
}

bool uni_isprintable(uint32_t c) {
    if (c < 0x80) {
        return c >= 0x20 && c < 0x7f;
    }
    if (c < 0xa1) {
        return false;   /* C1 controls and the no-break space */
    }
    return c != 0xad && !uni_isspace(c) && !(c >= 0x200b && c <= 0x200f) && !(c >= 0x2028 && c <= 0x202e)
           && !(c >= 0x2060 && c <= 0x206f) && !(c >= 0xd800 && c <= 0xf8ff) && c != 0xfeff
           && !(c >= 0xfff0 && c <= 0xfffb) && c != 0xffff && c != 0xfffe && c < 0xe0000 && c != 0x378
           && c != 0x379 && c != 0x380;
}

/* Case pairs laid out as alternating upper/lower code points over a range. */
static bool alt_range(uint32_t c, uint32_t lo, uint32_t hi, uint32_t upper_parity) {
    return c >= lo && c <= hi && (c & 1) == upper_parity;
}

uint32_t uni_tolower(uint32_t c) {
    if (c < 0x80) {
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    }
    if ((c >= 0xc0 && c <= 0xde && c != 0xd7) || (c >= 0x391 && c <= 0x3ab && c != 0x3a2)
        || (c >= 0x410 && c <= 0x42f) || (c >= 0xff21 && c <= 0xff3a)) {
        return c + 32;
    }
    if (c >= 0x400 && c <= 0x40f) {
        return c + 80;
    }
    if (alt_range(c, 0x100, 0x137, 0) || alt_range(c, 0x139, 0x148, 1) || alt_range(c, 0x14a, 0x177, 0)
        || alt_range(c, 0x179, 0x17e, 1) || alt_range(c, 0x3d8, 0x3ef, 0) || alt_range(c, 0x460, 0x481, 0)
        || alt_range(c, 0x48a, 0x4bf, 0) || alt_range(c, 0x4c1, 0x4ce, 1) || alt_range(c, 0x4d0, 0x52f, 0)
        || alt_range(c, 0x1e00, 0x1e95, 0) || alt_range(c, 0x1ea0, 0x1eff, 0) || alt_range(c, 0x1cd, 0x1dc, 1)
        || alt_range(c, 0x1de, 0x1ef, 0) || alt_range(c, 0x1f8, 0x21f, 0)) {
        return c + 1;
    }
    if (c == 0x1c4 || c == 0x1c7 || c == 0x1ca || c == 0x1f1) {
        return c + 2;
    }
    if (c == 0x1c5 || c == 0x1c8 || c == 0x1cb || c == 0x1f2) {
        return c + 1;
    }
    if (c >= 0x531 && c <= 0x556) {
        return c + 48;
    }
    switch (c) {
        case 0x130: return 'i';
        case 0x178: return 0xff;
        case 0x386: return 0x3ac;
        case 0x388: case 0x389: case 0x38a: return c + 37;
        case 0x38c: return 0x3cc;
        case 0x38e: case 0x38f: return c + 63;
        case 0x4c0: return 0x4cf;
        default: return c;
    }
}

uint32_t uni_toupper(uint32_t c) {
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') ? c - 32 : c;
    }
    if ((c >= 0xe0 && c <= 0xfe && c != 0xf7) || (c >= 0x3b1 && c <= 0x3cb && c != 0x3c2)
        || (c >= 0x430 && c <= 0x44f) || (c >= 0xff41 && c <= 0xff5a)) {
        return c - 32;
    }
    if (c >= 0x450 && c <= 0x45f) {
        return c - 80;
    }
    if (alt_range(c, 0x101, 0x137, 1) || alt_range(c, 0x13a, 0x148, 0) || alt_range(c, 0x14b, 0x177, 1)
        || alt_range(c, 0x17a, 0x17e, 0) || alt_range(c, 0x3d9, 0x3ef, 1) || alt_range(c, 0x461, 0x481, 1)
        || alt_range(c, 0x48b, 0x4bf, 1) || alt_range(c, 0x4c2, 0x4ce, 0) || alt_range(c, 0x4d1, 0x52f, 1)
        || alt_range(c, 0x1e01, 0x1e95, 1) || alt_range(c, 0x1ea1, 0x1eff, 1) || alt_range(c, 0x1ce, 0x1dc, 0)
        || alt_range(c, 0x1df, 0x1ef, 1) || alt_range(c, 0x1f9, 0x21f, 1)) {
        return c - 1;
    }
    if (c == 0x1c6 || c == 0x1c9 || c == 0x1cc || c == 0x1f3) {
        return c - 2;
    }
    if (c == 0x1c5 || c == 0x1c8 || c == 0x1cb || c == 0x1f2) {
        return c - 1;
    }
    if (c >= 0x561 && c <= 0x586) {
        return c - 48;
    }
    switch (c) {
        case 0xb5: return 0x39c;
        case 0xff: return 0x178;
        case 0x131: return 'I';
        case 0x17f: return 'S';
        case 0x3c2: return 0x3a3;
        case 0x3ac: return 0x386;
        case 0x3ad: case 0x3ae: case 0x3af: return c - 37;
        case 0x3cc: return 0x38c;
        case 0x3cd: case 0x3ce: return c - 63;
        case 0x4cf: return 0x4c0;
        default: return c;
    }
}

/* ---- heap strings ----
 * A non-ASCII heap str with inline data carries a cursor (char index, byte offset) of the last
 * index lookup after its data, so s[i] in a loop is O(1) amortised rather than O(n). */

static uint32_t *str_cursor(const str_t *s) {
    if (s->n_chars == s->len || s->data != (const char *)(s + 1)) {
        return NULL;
    }
    uintptr_t p = ((uintptr_t)(s->data + s->len + 1) + 3) & ~(uintptr_t)3;
    return (uint32_t *)p;
}

static size_t str_alloc_size(size_t len, size_t n_chars) {
    size_t n = sizeof(str_t) + len + 1;
    if (n_chars != len) {
        n = ((n + 3) & ~(size_t)3) + 2 * sizeof(uint32_t);
    }
    return n;
}

static str_t *str_alloc(const type_t *type, size_t len, size_t n_chars) {
    if (len > UINT32_MAX - 64) {
        rt_raise_overflow("string is too large");
    }
    str_t *s = m_malloc(str_alloc_size(len, n_chars));
    s->base.type = type;
    s->hash = 0;
    s->len = (uint32_t)len;
    s->n_chars = (uint32_t)n_chars;
    char *data = (char *)(s + 1);
    data[len] = 0;
    s->data = data;
    uint32_t *cur = str_cursor(s);
    if (cur) {
        cur[0] = cur[1] = 0;
    }
    return s;
}

obj_t str_new_uninit(size_t len, size_t n_chars, char **buf) {
    str_t *s = str_alloc(&type_str, len, n_chars);
    *buf = (char *)s->data;
    return OBJ_FROM_PTR(s);
}

/* The 128 one-character ASCII strings, in flash: s[i] and iteration allocate nothing for them. */
#define FNV1(i) ((uint32_t)((2166136261u ^ (uint32_t)(i)) * 16777619u))
#define CHD(i) (char)(i), 0
#define CHD4(i) CHD(i), CHD(i + 1), CHD(i + 2), CHD(i + 3)
#define CHD16(i) CHD4(i), CHD4(i + 4), CHD4(i + 8), CHD4(i + 12)
static const char ascii_data[256] = {
    CHD16(0), CHD16(16), CHD16(32), CHD16(48), CHD16(64), CHD16(80), CHD16(96), CHD16(112)
};
#define CHS(i) { { &type_str }, FNV1(i), 1, 1, ascii_data + 2 * (i) }
#define CHS4(i) CHS(i), CHS(i + 1), CHS(i + 2), CHS(i + 3)
#define CHS16(i) CHS4(i), CHS4(i + 4), CHS4(i + 8), CHS4(i + 12)
static const str_t ascii_chars[128] = {
    CHS16(0), CHS16(16), CHS16(32), CHS16(48), CHS16(64), CHS16(80), CHS16(96), CHS16(112)
};

obj_t obj_new_str(const char *data, size_t len) {
    qstr q = qstr_find_strn(data, len);
    if (q != QSTR_NULL) {
        return OBJ_NEW_QSTR(q);
    }
    if (len == 1 && (uint8_t)data[0] < 0x80) {
        return OBJ_ROM(&ascii_chars[(uint8_t)data[0]]);
    }
    str_t *s = str_alloc(&type_str, len, utf8_count_fast(data, len));
    memcpy((char *)s->data, data, len);
    return OBJ_FROM_PTR(s);
}

obj_t obj_new_str_from_vstr(vstr_t *vs) {
    obj_t s = obj_new_str(vs->buf, vs->len);
    if (!vs->fixed) {
        m_free(vs->buf);
        vs->buf = NULL;
        vs->alloc = vs->len = 0;
    }
    return s;
}

obj_t obj_new_str_static(const char *data, size_t len) {
    qstr q = qstr_find_strn(data, len);
    if (q != QSTR_NULL) {
        return OBJ_NEW_QSTR(q);
    }
    str_t *s = m_new_obj(str_t);
    s->base.type = &type_str;
    s->hash = 0;
    s->len = (uint32_t)len;
    s->n_chars = (uint32_t)utf8_count_fast(data, len);
    s->data = data;
    return OBJ_FROM_PTR(s);
}

obj_t str_char_obj(uint32_t cp) {
    if (cp < 0x80) {
        return obj_new_str(&ascii_data[2 * cp], 1);
    }
    char buf[5]; /* 4 UTF-8 bytes plus the NUL a fixed vstr keeps */
    vstr_t vs;
    vstr_init_fixed(&vs, buf, sizeof(buf));
    vstr_add_char(&vs, cp);
    return obj_new_str(buf, vs.len);
}

bool str_is_bytes(obj_t o) {
    const type_t *t = str_native(o);
    return t == &type_bytes || t == &type_bytearray;
}

const char *obj_str_get_data(obj_t o, size_t *len) {
    if (OBJ_IS_QSTR(o)) {
        return qstr_data(OBJ_QSTR_VALUE(o), len);
    }
    const type_t *t = str_native(o);
    if (t == &type_str || t == &type_bytes) {
        const str_t *s = OBJ_TO_PTR(o);
        *len = s->len;
        return s->data;
    }
    if (t == &type_bytearray) {
        const bytearray_t *b = OBJ_TO_PTR(o);
        *len = b->len;
        return (const char *)b->items;
    }
    rt_raise_type_error("expected str, got %s", qstr_str(obj_type_name(o)));
}

const char *obj_str_get_cstr(obj_t o) {
    size_t len;
    const char *s = obj_str_get_data(o, &len);
    if (str_native(o) == &type_bytearray) {
        char *copy = m_new(char, len + 1);
        memcpy(copy, s, len);
        copy[len] = 0;
        return copy;
    }
    return s;
}

void str_view(obj_t s, str_view_t *v) {
    if (OBJ_IS_QSTR(s)) {
        v->data = qstr_data(OBJ_QSTR_VALUE(s), &v->len);
        v->n_chars = utf8_count_fast(v->data, v->len);
    } else if (str_native(s) == &type_str) {
        str_t *h = OBJ_TO_PTR(s);
        if (h->n_chars == 0 && h->len != 0) {
            h->n_chars = (uint32_t)utf8_count_fast(h->data, h->len);   /* a str_t made outside this file */
        }
        v->data = h->data;
        v->len = h->len;
        v->n_chars = h->n_chars;
    } else {
        rt_raise_type_error("expected str, got %s", qstr_str(obj_type_name(s)));
    }
}

static size_t seek_back(const char *data, size_t bi, size_t n) {
    while (n--) {
        bi--;
        while (bi > 0 && utf8_is_cont((uint8_t)data[bi])) {
            bi--;
        }
    }
    return bi;
}

size_t str_char_to_byte(obj_t s, const str_view_t *v, size_t ci) {
    if (v->n_chars == v->len || ci == 0) {
        return ci;
    }
    if (ci >= v->n_chars) {
        return v->len;
    }
    uint32_t *cur = str_native(s) == &type_str ? str_cursor(OBJ_TO_PTR(s)) : NULL;
    size_t from_c = 0, from_b = 0;
    if (cur && (cur[0] <= ci ? ci - cur[0] : cur[0] - ci) < ci) {
        from_c = cur[0];
        from_b = cur[1];
    }
    size_t bi;
    if (v->n_chars - ci < (ci > from_c ? ci - from_c : from_c - ci)) {
        bi = seek_back(v->data, v->len, v->n_chars - ci);
    } else if (ci >= from_c) {
        bi = (size_t)(utf8_skip(v->data + from_b, ci - from_c) - v->data);
    } else {
        bi = seek_back(v->data, from_b, from_c - ci);
    }
    if (cur) {
        cur[0] = (uint32_t)ci;
        cur[1] = (uint32_t)bi;
    }
    return bi;
}

size_t str_byte_to_char(const str_view_t *v, size_t bi) {
    return v->n_chars == v->len ? bi : utf8_count(v->data, bi);
}

static uint32_t str_hash(obj_t o) {
    if (OBJ_IS_QSTR(o)) {
        return qstr_hash(OBJ_QSTR_VALUE(o));
    }
    str_t *s = OBJ_TO_PTR(o);
    if (s->hash == 0) {
        s->hash = qstr_compute_hash(s->data, s->len);
    }
    return s->hash;
}

obj_t str_new_like(obj_t like, const char *data, size_t len) {
    if (str_native(like) == &type_bytes) {
        return obj_new_bytes((const uint8_t *)data, len);
    }
    if (str_native(like) == &type_bytearray) {
        return obj_new_bytearray((const uint8_t *)data, len);
    }
    return obj_new_str(data, len);
}

obj_t str_from_vstr_like(obj_t like, vstr_t *vs) {
    obj_t r = str_new_like(like, vs->buf, vs->len);
    if (!vs->fixed) {
        m_free(vs->buf);
        vs->buf = NULL;
    }
    return r;
}

/* ---- repr ---- */

static void put_escape(const print_t *p, uint32_t c) {
    if (c < 0x100) {
        print_fmt(p, "\\x%02x", (unsigned)c);
    } else if (c < 0x10000) {
        print_fmt(p, "\\u%04x", (unsigned)c);
    } else {
        print_fmt(p, "\\U%08x", (unsigned)c);
    }
}

void str_repr_to(const print_t *p, const char *s, size_t len, bool ascii_only) {
    bool has_sq = memchr(s, '\'', len) != NULL;
    char quote = (has_sq && memchr(s, '"', len) == NULL) ? '"' : '\'';
    print_strn(p, &quote, 1);
    const char *end = s + len, *run = s;
    while (s < end) {
        const char *here = s;
        uint32_t c = utf8_get(&s);
        bool plain = (c >= 0x20 && c < 0x7f && c != '\\' && c != (uint32_t)quote)
                     || (c >= 0x80 && !ascii_only && uni_isprintable(c));
        if (plain) {
            continue;
        }
        print_strn(p, run, (size_t)(here - run));
        run = s;
        switch (c) {
            case '\\': print_str(p, "\\\\"); break;
            case '\n': print_str(p, "\\n"); break;
            case '\r': print_str(p, "\\r"); break;
            case '\t': print_str(p, "\\t"); break;
            case '\'': print_str(p, "\\'"); break;
            default:
                if (c == (uint32_t)quote) {
                    print_fmt(p, "\\%c", (unsigned)c);
                } else {
                    put_escape(p, c);
                }
        }
    }
    print_strn(p, run, (size_t)(end - run));
    print_strn(p, &quote, 1);
}

static void str_print(const print_t *p, obj_t self, print_kind_t kind) {
    size_t len;
    const char *s = obj_str_get_data(self, &len);
    if (kind == PRINT_REPR) {
        str_repr_to(p, s, len, false);
    } else {
        print_strn(p, s, len);
    }
}

obj_t str_ascii(obj_t o) {
    obj_t r = obj_repr(o);
    size_t len;
    const char *s = obj_str_get_data(r, &len);
    if (utf8_count_fast(s, len) == len) {
        return r;
    }
    vstr_t vs;
    vstr_init(&vs, len + 8);
    print_t p;
    print_vstr_init(&p, &vs);
    const char *end = s + len;
    while (s < end) {
        uint32_t c = utf8_get(&s);
        if (c < 0x80) {
            vstr_add_byte(&vs, (uint8_t)c);
        } else {
            put_escape(&p, c);
        }
    }
    return obj_new_str_from_vstr(&vs);
}

/* ---- encodings ---- */

typedef enum { ENC_UTF8, ENC_ASCII, ENC_LATIN1 } encoding_t;
typedef enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_BACKSLASH, ERR_XMLREF } errors_t;

static encoding_t parse_encoding(obj_t enc) {
    if (enc == OBJ_NULL) {
        return ENC_UTF8;
    }
    size_t len;
    const char *s = obj_str_get_data(enc, &len);
    char norm[16];
    if (len >= sizeof(norm)) {
        goto unknown;
    }
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        norm[i] = c == '-' ? '_' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    norm[len] = 0;
    static const char *const names[] = { "utf_8", "utf8", "u8", "ascii", "us_ascii", "latin_1",
                                         "latin1", "iso_8859_1", "iso8859_1", "l1", "cp819" };
    static const uint8_t codes[] = { ENC_UTF8, ENC_UTF8, ENC_UTF8, ENC_ASCII, ENC_ASCII, ENC_LATIN1,
                                     ENC_LATIN1, ENC_LATIN1, ENC_LATIN1, ENC_LATIN1, ENC_LATIN1 };
    for (size_t i = 0; i < sizeof(codes); i++) {
        if (strcmp(norm, names[i]) == 0) {
            return (encoding_t)codes[i];
        }
    }
unknown:
    rt_raise_msg(&type_LookupError, "unknown encoding: %.*s", (int)len, s);
}

static errors_t parse_errors(obj_t errors) {
    if (errors == OBJ_NULL) {
        return ERR_STRICT;
    }
    size_t len;
    const char *s = obj_str_get_data(errors, &len);
    if (len == 6 && memcmp(s, "ignore", 6) == 0) {
        return ERR_IGNORE;
    }
    if (len == 7 && memcmp(s, "replace", 7) == 0) {
        return ERR_REPLACE;
    }
    if (len == 16 && memcmp(s, "backslashreplace", 16) == 0) {
        return ERR_BACKSLASH;
    }
    if (len == 17 && memcmp(s, "xmlcharrefreplace", 17) == 0) {
        return ERR_XMLREF;
    }
    return ERR_STRICT;
}

static const char *const enc_names[] = { "utf-8", "ascii", "latin-1" };

/* Length of the valid UTF-8 sequence at s (n bytes available), or 0 with *why set and *bad the
 * number of bytes making up the invalid part (CPython's "maximal subpart" rule). */
static size_t utf8_valid_seq(const uint8_t *s, size_t n, const char **why, size_t *bad) {
    uint8_t b = s[0];
    if (b < 0x80) {
        return 1;
    }
    size_t need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    *bad = 1;
    if (need == 0) {
        *why = "invalid start byte";
        return 0;
    }
    uint8_t lo = b == 0xe0 ? 0xa0 : b == 0xf0 ? 0x90 : 0x80;
    uint8_t hi = b == 0xed ? 0x9f : b == 0xf4 ? 0x8f : 0xbf;
    for (size_t i = 1; i < need; i++) {
        if (i >= n) {
            *why = "unexpected end of data";
            *bad = i;
            return 0;
        }
        if (s[i] < (i == 1 ? lo : 0x80) || s[i] > (i == 1 ? hi : 0xbf)) {
            *why = "invalid continuation byte";
            *bad = i;
            return 0;
        }
    }
    return need;
}

/* UnicodeDecodeError/UnicodeEncodeError carry (encoding, object, start, end, reason) like CPython's;
 * objexcept.c builds the message from them. */
static RT_NORETURN void raise_unicode_error(const type_t *type, encoding_t enc, obj_t object, size_t start,
                                            size_t end, const char *reason) {
    obj_t args[5] = { obj_new_str(enc_names[enc], strlen(enc_names[enc])), object, obj_new_int((intptr_t)start),
                      obj_new_int((intptr_t)end), obj_new_str(reason, strlen(reason)) };
    rt_raise(rt_call(OBJ_FROM_PTR(type), 5, 0, args));
}

obj_t str_decode(const char *data, size_t len, obj_t encoding, obj_t errors) {
    encoding_t enc = parse_encoding(encoding);
    errors_t err = parse_errors(errors);
    const uint8_t *s = (const uint8_t *)data;
    vstr_t vs;
    vstr_init(&vs, len + 1);
    for (size_t i = 0; i < len;) {
        const char *why = "ordinal not in range(128)";
        size_t bad = 1;
        size_t n = enc == ENC_LATIN1 ? 1 : enc == ENC_ASCII ? (s[i] < 0x80) : utf8_valid_seq(s + i, len - i, &why, &bad);
        if (n > 0) {
            if (enc == ENC_LATIN1) {
                vstr_add_char(&vs, s[i]);
            } else {
                vstr_add_strn(&vs, data + i, n);
            }
            i += n;
            continue;
        }
        if (err == ERR_STRICT || err == ERR_XMLREF) {
            raise_unicode_error(&type_UnicodeDecodeError, enc, obj_new_bytes(s, len), i, i + bad, why);
        }
        if (err == ERR_REPLACE) {
            vstr_add_char(&vs, 0xfffd);
        }
        for (size_t k = 0; err == ERR_BACKSLASH && k < bad; k++) {
            print_t ep;
            print_vstr_init(&ep, &vs);
            put_escape(&ep, s[i + k]);
        }
        i += bad;
    }
    return obj_new_str_from_vstr(&vs);
}

obj_t str_encode(obj_t self, obj_t encoding, obj_t errors) {
    encoding_t enc = parse_encoding(encoding);
    errors_t err = parse_errors(errors);
    str_view_t v;
    str_view(self, &v);
    if (enc == ENC_UTF8 || v.n_chars == v.len) {
        return obj_new_bytes((const uint8_t *)v.data, v.len);
    }
    uint32_t limit = enc == ENC_ASCII ? 0x80 : 0x100;
    vstr_t vs;
    vstr_init(&vs, v.n_chars);
    const char *p = v.data, *end = v.data + v.len;
    for (size_t i = 0; p < end; i++) {
        uint32_t c = utf8_get(&p);
        if (c < limit) {
            vstr_add_byte(&vs, (uint8_t)c);
        } else if (err == ERR_REPLACE) {
            vstr_add_byte(&vs, '?');
        } else if (err == ERR_BACKSLASH || err == ERR_XMLREF) {
            print_t ep;
            print_vstr_init(&ep, &vs);
            if (err == ERR_BACKSLASH) {
                put_escape(&ep, c);
            } else {
                print_fmt(&ep, "&#%u;", (unsigned)c);
            }
        } else if (err == ERR_STRICT) {
            raise_unicode_error(&type_UnicodeEncodeError, enc, self, i, i + 1,
                                enc == ENC_ASCII ? "ordinal not in range(128)" : "ordinal not in range(256)");
        }
    }
    obj_t r = obj_new_bytes((const uint8_t *)vs.buf, vs.len);
    m_free(vs.buf);
    return r;
}

/* ---- the type ---- */

static obj_t str_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    static const arg_spec_t spec[] = {
        { Q_object, 0, OBJ_NULL }, { Q_encoding, 0, OBJ_NULL }, { Q_errors, 0, OBJ_NULL },
    };
    obj_t a[3];
    arg_parse(n_args, n_kw, args, spec, 3, a, "str");
    if (a[0] == OBJ_NULL) {
        return QOBJ();
    }
    if (a[1] == OBJ_NULL && a[2] == OBJ_NULL) {
        return obj_str(a[0]);
    }
    const char *data;
    size_t len;
    if (!str_get_buffer(a[0], &data, &len)) {
        if (str_is_str(a[0])) {
            rt_raise_type_error("decoding str is not supported");
        }
        rt_raise_type_error("decoding to str: need a bytes-like object, %s found", qstr_str(obj_type_name(a[0])));
    }
    return str_decode(data, len, a[1], a[2]);
}

static obj_t str_unary_op(unary_op_t op, obj_t self) {
    switch (op) {
        case UNARY_OP_BOOL: {
            size_t len;
            obj_str_get_data(self, &len);
            return OBJ_BOOL(len != 0);
        }
        case UNARY_OP_LEN: {
            str_view_t v;
            str_view(self, &v);
            return OBJ_NEW_SMALL_INT(v.n_chars);
        }
        case UNARY_OP_HASH:
            return OBJ_NEW_SMALL_INT(str_hash(self));
        default:
            return OBJ_NULL;
    }
}

static int str_cmp(obj_t a, obj_t b) {
    size_t la, lb;
    const char *sa = obj_str_get_data(a, &la), *sb = obj_str_get_data(b, &lb);
    int c = memcmp(sa, sb, la < lb ? la : lb);
    return c != 0 ? c : (la > lb) - (la < lb);
}

static bool str_eq(obj_t a, obj_t b) {
    if (OBJ_IS_QSTR(a) && OBJ_IS_QSTR(b)) {
        return a == b;
    }
    size_t la, lb;
    const char *sa = obj_str_get_data(a, &la), *sb = obj_str_get_data(b, &lb);
    if (la != lb) {
        return false;
    }
    if (!OBJ_IS_QSTR(a) && !OBJ_IS_QSTR(b)) {
        const str_t *ha = OBJ_TO_PTR(a), *hb = OBJ_TO_PTR(b);
        if (ha->hash && hb->hash && ha->hash != hb->hash) {
            return false;
        }
    }
    return memcmp(sa, sb, la) == 0;
}

static obj_t str_concat(obj_t a, obj_t b) {
    str_view_t va, vb;
    str_view(a, &va);
    str_view(b, &vb);
    if (vb.len == 0 && obj_is_str(a)) {
        return a;
    }
    if (va.len == 0 && obj_is_str(b)) {
        return b;
    }
    char *buf;
    obj_t r = str_new_uninit(va.len + vb.len, va.n_chars + vb.n_chars, &buf);
    memcpy(buf, va.data, va.len);
    memcpy(buf + va.len, vb.data, vb.len);
    return r;
}

obj_t str_repeat(obj_t self, obj_t times) {
    intptr_t n;
    if (!obj_get_int_maybe(times, &n)) {
        if (obj_is_int(times)) {
            rt_raise_overflow("cannot fit 'int' into an index-sized integer");
        }
        rt_raise_type_error("can't multiply sequence by non-int of type '%s'", qstr_str(obj_type_name(times)));
    }
    bool is_str = str_is_str(self);
    size_t len, n_chars;
    const char *data;
    if (is_str) {
        str_view_t v;
        str_view(self, &v);
        data = v.data, len = v.len, n_chars = v.n_chars;
    } else {
        data = obj_str_get_data(self, &len);
        n_chars = len;
    }
    if (n <= 0 || len == 0) {
        return str_new_like(self, "", 0);
    }
    if (n == 1 && (obj_is_str(self) || obj_is_type(self, &type_bytes))) {
        return self;
    }
    if ((size_t)n > (SIZE_MAX / 2) / len) {
        rt_raise_memory_error();
    }
    size_t total = len * (size_t)n;
    char *buf;
    obj_t r;
    if (is_str) {
        r = str_new_uninit(total, n_chars * (size_t)n, &buf);
    } else {
        r = str_native(self) == &type_bytearray ? obj_new_bytearray(NULL, total) : obj_new_bytes(NULL, total);
        buf = (char *)obj_str_get_data(r, &total);
    }
    for (intptr_t i = 0; i < n; i++) {
        memcpy(buf + (size_t)i * len, data, len);
    }
    return r;
}

static bool str_contains(obj_t self, obj_t item) {
    if (!str_is_str(item)) {
        rt_raise_type_error("'in <string>' requires string as left operand, not %s", qstr_str(obj_type_name(item)));
    }
    size_t ls, li;
    const char *s = obj_str_get_data(self, &ls), *i = obj_str_get_data(item, &li);
    if (li == 0) {
        return true;
    }
    if (li > ls) {
        return false;
    }
    for (const char *p = s; (p = memchr(p, i[0], ls - li + 1 - (size_t)(p - s))) != NULL; p++) {
        if (memcmp(p, i, li) == 0) {
            return true;
        }
    }
    return false;
}

static bool is_user_instance(obj_t o) {
    return (obj_get_type(o)->flags & TYPE_FLAG_USER) != 0;
}

static obj_t str_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    bool rhs_str = str_is_str(rhs);
    switch (op) {
        case BINARY_OP_EQ: case BINARY_OP_NE:
            if (!rhs_str) {
                return OBJ_NULL;
            }
            return OBJ_BOOL(str_eq(lhs, rhs) == (op == BINARY_OP_EQ));
        case BINARY_OP_LT: case BINARY_OP_GT: case BINARY_OP_LE: case BINARY_OP_GE: {
            if (!rhs_str) {
                return OBJ_NULL;
            }
            int c = str_cmp(lhs, rhs);
            return OBJ_BOOL(op == BINARY_OP_LT ? c < 0 : op == BINARY_OP_GT ? c > 0 : op == BINARY_OP_LE ? c <= 0 : c >= 0);
        }
        case BINARY_OP_CONTAINS:
            return OBJ_BOOL(str_contains(lhs, rhs));
        case BINARY_OP_ADD: case BINARY_OP_INPLACE_ADD:
            if (rhs_str) {
                return str_concat(lhs, rhs);
            }
            if (is_user_instance(rhs)) {
                return OBJ_NULL;
            }
            rt_raise_type_error("can only concatenate str (not \"%s\") to str", qstr_str(obj_type_name(rhs)));
        case BINARY_OP_MUL: case BINARY_OP_INPLACE_MUL: case BINARY_OP_REVERSE_MUL:
            if (!obj_isinstance(rhs, &type_int) && is_user_instance(rhs)) {
                return OBJ_NULL;
            }
            return str_repeat(lhs, rhs);
        case BINARY_OP_MOD: case BINARY_OP_INPLACE_MOD:
            return str_mod_format(lhs, rhs, false);
        default:
            return OBJ_NULL;
    }
}

static obj_t str_subscr(obj_t self, obj_t index, obj_t value) {
    if (value != OBJ_SENTINEL) {
        return OBJ_NULL;
    }
    str_view_t v;
    str_view(self, &v);
    if (obj_is_type(index, &type_slice)) {
        intptr_t start, stop, step;
        size_t n = obj_slice_indices(index, v.n_chars, &start, &stop, &step);
        if (step == 1) {
            if (n == v.n_chars && obj_is_str(self)) {
                return self;
            }
            size_t b0 = str_char_to_byte(self, &v, (size_t)start);
            size_t b1 = v.n_chars == v.len ? b0 + n : (size_t)(utf8_skip(v.data + b0, n) - v.data);
            return obj_new_str(v.data + b0, b1 - b0);
        }
        vstr_t vs;
        vstr_init(&vs, n + 1);
        if (v.n_chars == v.len) {
            for (size_t i = 0; i < n; i++) {
                vstr_add_byte(&vs, (uint8_t)v.data[start + (intptr_t)i * step]);
            }
        } else {
            for (size_t i = 0; i < n; i++) {
                const char *p = v.data + str_char_to_byte(self, &v, (size_t)(start + (intptr_t)i * step));
                const char *q = p;
                utf8_get(&q);
                vstr_add_strn(&vs, p, (size_t)(q - p));
            }
        }
        return obj_new_str_from_vstr(&vs);
    }
    if (!obj_is_index(index)) {
        rt_raise_type_error("string indices must be integers, not '%s'", qstr_str(obj_type_name(index)));
    }
    intptr_t i = obj_get_index(index);
    if (i < 0) {
        i += (intptr_t)v.n_chars;
    }
    if (i < 0 || (size_t)i >= v.n_chars) {
        rt_raise_index_error("string index out of range");
    }
    if (v.n_chars == v.len) {
        return obj_new_str(v.data + i, 1);
    }
    const char *p = v.data + str_char_to_byte(self, &v, (size_t)i);
    return str_char_obj(utf8_get(&p));
}

/* ---- iteration ---- */

typedef struct {
    obj_base_t base;
    obj_t str;
    size_t pos;   /* byte offset of the next character */
} str_iter_t;

static obj_t str_iter_next(obj_t self) {
    str_iter_t *it = OBJ_TO_PTR(self);
    size_t len;
    const char *s = obj_str_get_data(it->str, &len);
    if (it->pos >= len) {
        return OBJ_STOP;
    }
    const char *p = s + it->pos;
    uint8_t b = (uint8_t)*p;
    if (b < 0x80) {
        it->pos++;
        return OBJ_ROM(&ascii_chars[b]);
    }
    uint32_t c = utf8_get(&p);
    it->pos = (size_t)(p - s);
    return str_char_obj(c);
}

static const type_t type_str_iterator = {
    .base = { &type_type },
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = Q_str_iterator,
    .iternext = str_iter_next,
};

static obj_t str_getiter(obj_t self) {
    str_iter_t *it = m_new_obj(str_iter_t);
    it->base.type = &type_str_iterator;
    it->str = self;
    it->pos = 0;
    return OBJ_FROM_PTR(it);
}

const type_t type_str = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_str,
    .print = str_print,
    .make_new = str_make_new,
    .unary_op = str_unary_op,
    .binary_op = str_binary_op,
    .subscr = str_subscr,
    .getiter = str_getiter,
    .locals_dict = &str_locals_dict,
};
