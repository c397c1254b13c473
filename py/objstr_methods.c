/* objstr_methods.c: the methods of str, most of them shared with bytes and bytearray (the strm_*
 * bodies work on bytes and convert character indices only for str), and str's method table. */
#include <string.h>
#include "objstr.h"
#include "runtime.h"
#include "gc.h"

/* A view of self or an argument: bytes, byte length, length in the sequence's own units. */
typedef struct {
    const char *data;
    size_t len;
    size_t n;        /* code points for str, bytes for bytes */
    bool is_str;
} sv_t;

static void sv_self(obj_t self, sv_t *v) {
    if (str_is_bytes(self)) {
        v->data = obj_str_get_data(self, &v->len);
        v->n = v->len;
        v->is_str = false;
        return;
    }
    str_view_t sv;
    str_view(self, &sv);
    v->data = sv.data;
    v->len = sv.len;
    v->n = sv.n_chars;
    v->is_str = true;
}

/* An argument of the same kind as self (str for str, bytes-like for bytes). */
static void sv_arg(const sv_t *self, obj_t arg, sv_t *v) {
    if (self->is_str) {
        if (!str_is_str(arg)) {
            rt_raise_type_error("must be str, not %s", qstr_str(obj_type_name(arg)));
        }
        sv_self(arg, v);
        return;
    }
    if (str_is_str(arg)) {
        rt_raise_type_error("a bytes-like object is required, not 'str'");
    }
    v->data = str_bytes_data(arg, &v->len);
    v->n = v->len;
    v->is_str = false;
}

static bool sv_ascii(const sv_t *v) {
    return v->n == v->len;
}

static size_t to_byte(obj_t self, const sv_t *v, size_t i) {
    if (sv_ascii(v)) {
        return i;
    }
    str_view_t sv = { v->data, v->len, v->n };
    return str_char_to_byte(self, &sv, i);
}

static size_t to_unit(const sv_t *v, size_t b) {
    return sv_ascii(v) ? b : utf8_count(v->data, b);
}

/* CPython's ADJUST_INDICES: start/end (None allowed) resolved against n; start may exceed end. */
static void adjust(obj_t s_obj, obj_t e_obj, size_t n, size_t *start, size_t *end) {
    intptr_t s = 0, e = (intptr_t)n;
    if (s_obj != OBJ_NULL && s_obj != OBJ_NONE) {
        s = obj_get_index(s_obj);
    }
    if (e_obj != OBJ_NULL && e_obj != OBJ_NONE) {
        e = obj_get_index(e_obj);
    }
    if (e > (intptr_t)n) {
        e = (intptr_t)n;
    } else if (e < 0) {
        e += (intptr_t)n;
        if (e < 0) {
            e = 0;
        }
    }
    if (s < 0) {
        s += (intptr_t)n;
        if (s < 0) {
            s = 0;
        }
    }
    *start = (size_t)s;
    *end = (size_t)e;
}

static const char *search(const char *h, size_t hl, const char *n, size_t nl, bool reverse) {
    if (nl > hl) {
        return NULL;
    }
    if (nl == 0) {
        return reverse ? h + hl : h;
    }
    if (!reverse) {
        const char *last = h + hl - nl;
        for (const char *p = h; p <= last && (p = memchr(p, n[0], (size_t)(last - p) + 1)) != NULL; p++) {
            if (memcmp(p, n, nl) == 0) {
                return p;
            }
        }
        return NULL;
    }
    for (const char *p = h + hl - nl;; p--) {
        if (*p == n[0] && memcmp(p, n, nl) == 0) {
            return p;
        }
        if (p == h) {
            return NULL;
        }
    }
}

/* The needle of find/index/count: bytes methods also take an int. */
static void needle(const sv_t *self, obj_t arg, sv_t *v, char *byte) {
    if (!self->is_str && (obj_is_int(arg) || obj_is_type(arg, &type_bool))) {
        intptr_t b = obj_get_index(arg);
        if (b < 0 || b > 255) {
            rt_raise_value_error("byte must be in range(0, 256)");
        }
        *byte = (char)b;
        v->data = byte;
        v->len = v->n = 1;
        v->is_str = false;
        return;
    }
    if (!self->is_str && str_is_str(arg)) {
        rt_raise_type_error("argument should be integer or bytes-like object, not 'str'");
    }
    sv_arg(self, arg, v);
}

/* Locates sub in self[start:end]; returns the byte position or -1, with start/end in bytes. */
static intptr_t find_in(size_t n_args, const obj_t *args, bool reverse, sv_t *v, sv_t *sub, size_t *b0, size_t *b1, char *byte) {
    sv_self(args[0], v);
    needle(v, args[1], sub, byte);
    size_t s, e;
    adjust(n_args > 2 ? args[2] : OBJ_NULL, n_args > 3 ? args[3] : OBJ_NULL, v->n, &s, &e);
    if (s > e || s > v->n) {
        return -1;
    }
    *b0 = to_byte(args[0], v, s);
    *b1 = to_byte(args[0], v, e);
    const char *p = search(v->data + *b0, *b1 - *b0, sub->data, sub->len, reverse);
    return p ? (intptr_t)(p - v->data) : -1;
}

obj_t strm_find(size_t n_args, const obj_t *args, bool reverse, bool raise) {
    sv_t v, sub;
    size_t b0, b1;
    char byte;
    intptr_t pos = find_in(n_args, args, reverse, &v, &sub, &b0, &b1, &byte);
    if (pos < 0) {
        if (raise) {
            rt_raise_value_error(v.is_str ? "substring not found" : "subsection not found");
        }
        return OBJ_NEW_SMALL_INT(-1);
    }
    return OBJ_NEW_SMALL_INT(to_unit(&v, (size_t)pos));
}

obj_t strm_count(size_t n_args, const obj_t *args) {
    sv_t v, sub;
    size_t b0, b1;
    char byte;
    if (find_in(n_args, args, false, &v, &sub, &b0, &b1, &byte) < 0) {
        return OBJ_NEW_SMALL_INT(0);
    }
    if (sub.len == 0) {
        return OBJ_NEW_SMALL_INT(to_unit(&v, b1) - to_unit(&v, b0) + 1);
    }
    size_t count = 0;
    const char *p = v.data + b0, *end = v.data + b1;
    while ((p = search(p, (size_t)(end - p), sub.data, sub.len, false)) != NULL) {
        count++;
        p += sub.len;
    }
    return OBJ_NEW_SMALL_INT(count);
}

obj_t strm_startswith(size_t n_args, const obj_t *args, bool ends) {
    sv_t v;
    sv_self(args[0], &v);
    size_t s, e;
    adjust(n_args > 2 ? args[2] : OBJ_NULL, n_args > 3 ? args[3] : OBJ_NULL, v.n, &s, &e);
    obj_t *items = (obj_t *)&args[1];
    size_t n_items = 1;
    if (obj_is_type(args[1], &type_tuple)) {
        obj_tuple_get(args[1], &n_items, &items);
    } else if (v.is_str ? !str_is_str(args[1]) : str_is_str(args[1])) {
        const char *what = v.is_str ? "str" : "bytes";
        rt_raise_type_error("%s first arg must be %s or a tuple of %s, not %s", ends ? "endswith" : "startswith",
                            what, what, qstr_str(obj_type_name(args[1])));
    }
    if (s > v.n || s > e) {
        return OBJ_FALSE;
    }
    size_t b0 = to_byte(args[0], &v, s), b1 = to_byte(args[0], &v, e);
    for (size_t i = 0; i < n_items; i++) {
        sv_t sub;
        sv_arg(&v, items[i], &sub);
        if (sub.len <= b1 - b0 && memcmp(ends ? v.data + b1 - sub.len : v.data + b0, sub.data, sub.len) == 0) {
            return OBJ_TRUE;
        }
    }
    return OBJ_FALSE;
}

static bool is_space_at(const sv_t *v, const char *p, const char **next) {
    if (!v->is_str || (uint8_t)*p < 0x80) {
        *next = p + 1;
        uint8_t c = (uint8_t)*p;
        return c == ' ' || (c >= 9 && c <= 13) || (v->is_str && c >= 0x1c && c <= 0x1f);
    }
    const char *q = p;
    uint32_t c = utf8_get(&q);
    *next = q;
    return uni_isspace(c);
}


/* rsplit collects its parts from the right. */
static void reverse_list(obj_t list) {
    size_t n;
    obj_t *items;
    obj_list_get(list, &n, &items);
    for (size_t i = 0; i < n / 2; i++) {
        obj_t t = items[i];
        items[i] = items[n - 1 - i];
        items[n - 1 - i] = t;
    }
}

obj_t strm_split(size_t n_args, size_t n_kw, const obj_t *args, bool reverse) {
    static const arg_spec_t spec[] = { { Q_sep, 0, OBJ_NULL }, { Q_maxsplit, 0, OBJ_NULL } };
    obj_t a[2];
    arg_parse(n_args - 1, n_kw, args + 1, spec, 2, a, reverse ? "rsplit" : "split");
    obj_t self = args[0];
    sv_t v;
    sv_self(self, &v);
    intptr_t maxsplit = a[1] == OBJ_NULL ? -1 : obj_get_int(a[1]);
    obj_t list = obj_new_list(0, NULL);
    const char *s = v.data, *end = v.data + v.len;
    if (a[0] == OBJ_NULL || a[0] == OBJ_NONE) {
        if (!reverse) {
            const char *next;
            while (true) {
                while (s < end && is_space_at(&v, s, &next)) {
                    s = next;
                }
                if (s == end) {
                    break;
                }
                if (maxsplit == 0) {
                    obj_list_append(list, str_new_like(self, s, (size_t)(end - s)));
                    break;
                }
                const char *w = s;
                while (w < end && !is_space_at(&v, w, &next)) {
                    w = v.is_str ? utf8_skip(w, 1) : w + 1;
                }
                obj_list_append(list, str_new_like(self, s, (size_t)(w - s)));
                s = w;
                maxsplit--;
            }
            return list;
        }
        /* rsplit on whitespace: walk backwards */
        const char *e = end, *next;
        while (true) {
            while (e > s) {
                const char *c = e - 1;
                while (v.is_str && c > s && utf8_is_cont((uint8_t)*c)) {
                    c--;
                }
                if (!is_space_at(&v, c, &next)) {
                    break;
                }
                e = c;
            }
            if (e == s) {
                break;
            }
            if (maxsplit == 0) {
                obj_list_append(list, str_new_like(self, s, (size_t)(e - s)));
                break;
            }
            const char *w = e;
            while (w > s) {
                const char *c = w - 1;
                while (v.is_str && c > s && utf8_is_cont((uint8_t)*c)) {
                    c--;
                }
                if (is_space_at(&v, c, &next)) {
                    break;
                }
                w = c;
            }
            obj_list_append(list, str_new_like(self, w, (size_t)(e - w)));
            e = w;
            maxsplit--;
        }
        reverse_list(list);
        return list;
    }
    sv_t sep;
    sv_arg(&v, a[0], &sep);
    if (sep.len == 0) {
        rt_raise_value_error("empty separator");
    }
    if (!reverse) {
        const char *p;
        while (maxsplit != 0 && (p = search(s, (size_t)(end - s), sep.data, sep.len, false)) != NULL) {
            obj_list_append(list, str_new_like(self, s, (size_t)(p - s)));
            s = p + sep.len;
            maxsplit--;
        }
        obj_list_append(list, str_new_like(self, s, (size_t)(end - s)));
        return list;
    }
    const char *e = end, *p;
    while (maxsplit != 0 && (p = search(s, (size_t)(e - s), sep.data, sep.len, true)) != NULL) {
        obj_list_append(list, str_new_like(self, p + sep.len, (size_t)(e - p - sep.len)));
        e = p;
        maxsplit--;
    }
    obj_list_append(list, str_new_like(self, s, (size_t)(e - s)));
    reverse_list(list);
    return list;
}

/* iter(x) with CPython's join-specific wording for a non-iterable. */
static obj_t join_iter(obj_t iterable) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t it = rt_getiter(iterable);
        nlr_pop();
        return it;
    }
    if (exc_is_instance(nlr.exc, &type_TypeError)) {
        rt_raise_type_error("can only join an iterable");
    }
    nlr_raise(nlr.exc);
}

obj_t strm_join(obj_t self, obj_t iterable) {
    sv_t v;
    sv_self(self, &v);
    size_t n;
    obj_t *items;
    if (obj_is_type(iterable, &type_list) || obj_is_type(iterable, &type_tuple)) {
        obj_get_array(iterable, &n, &items);
    } else {
        obj_t list = obj_new_list(0, NULL);
        obj_t it = join_iter(iterable), x;
        while ((x = rt_iternext(it)) != OBJ_STOP) {
            obj_list_append(list, x);
        }
        obj_list_get(list, &n, &items);
    }
    if (n == 1 && v.is_str && obj_is_str(items[0])) {
        return items[0];
    }
    size_t total = 0, n_chars = 0;
    for (size_t i = 0; i < n; i++) {
        const char *d;
        size_t len;
        if (v.is_str) {
            if (!str_is_str(items[i])) {
                rt_raise_type_error("sequence item %zu: expected str instance, %s found", i, qstr_str(obj_type_name(items[i])));
            }
            str_view_t part;
            str_view(items[i], &part);
            total += part.len;
            n_chars += part.n_chars;
        } else if (str_is_str(items[i]) || !str_get_buffer(items[i], &d, &len)) {
            rt_raise_type_error("sequence item %zu: expected a bytes-like object, %s found", i, qstr_str(obj_type_name(items[i])));
        } else {
            total += len;
        }
    }
    if (n > 1) {
        total += v.len * (n - 1);
        n_chars += v.n * (n - 1);
    }
    char *buf;
    obj_t r;
    if (v.is_str) {
        r = str_new_uninit(total, n_chars, &buf);
    } else {
        r = str_native(self) == &type_bytearray ? obj_new_bytearray(NULL, total) : obj_new_bytes(NULL, total);
        buf = (char *)obj_str_get_data(r, &total);
    }
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            memcpy(buf, v.data, v.len);
            buf += v.len;
        }
        size_t len;
        const char *d;
        if (v.is_str) {
            d = obj_str_get_data(items[i], &len);
        } else {
            str_get_buffer(items[i], &d, &len);
        }
        memcpy(buf, d, len);
        buf += len;
    }
    return r;
}

obj_t strm_replace(size_t n_args, const obj_t *args) {
    sv_t v, old, new_;
    sv_self(args[0], &v);
    sv_arg(&v, args[1], &old);
    sv_arg(&v, args[2], &new_);
    intptr_t count = n_args > 3 ? obj_get_int(args[3]) : -1;
    vstr_t vs;
    vstr_init(&vs, v.len + 1);
    const char *s = v.data, *end = v.data + v.len;
    if (old.len == 0) {
        while (count != 0) {
            vstr_add_strn(&vs, new_.data, new_.len);
            count--;
            if (s == end) {
                break;
            }
            const char *next = v.is_str ? utf8_skip(s, 1) : s + 1;
            vstr_add_strn(&vs, s, (size_t)(next - s));
            s = next;
        }
    } else {
        const char *p;
        while (count != 0 && (p = search(s, (size_t)(end - s), old.data, old.len, false)) != NULL) {
            vstr_add_strn(&vs, s, (size_t)(p - s));
            vstr_add_strn(&vs, new_.data, new_.len);
            s = p + old.len;
            count--;
        }
    }
    vstr_add_strn(&vs, s, (size_t)(end - s));
    return str_from_vstr_like(args[0], &vs);
}

/* which: 1 = left, 2 = right, 3 = both */
obj_t strm_strip(size_t n_args, const obj_t *args, int which) {
    sv_t v, chars;
    sv_self(args[0], &v);
    bool ws = n_args < 2 || args[1] == OBJ_NONE;
    if (!ws) {
        if (v.is_str && !str_is_str(args[1])) {
            rt_raise_type_error("%s arg must be None or str", which == 1 ? "lstrip" : which == 2 ? "rstrip" : "strip");
        }
        sv_arg(&v, args[1], &chars);
    }
    const char *s = v.data, *e = v.data + v.len;
    while ((which & 1) && s < e) {
        const char *next = s, *q;
        uint32_t c = v.is_str ? utf8_get(&next) : (uint8_t)*next++;
        bool hit;
        if (ws) {
            hit = is_space_at(&v, s, &q);
        } else if (c < 0x80 || !v.is_str) {
            hit = memchr(chars.data, (int)c, chars.len) != NULL;
        } else {
            hit = search(chars.data, chars.len, s, (size_t)(next - s), false) != NULL;
        }
        if (!hit) {
            break;
        }
        s = next;
    }
    while ((which & 2) && e > s) {
        const char *c0 = e - 1, *q;
        while (v.is_str && c0 > s && utf8_is_cont((uint8_t)*c0)) {
            c0--;
        }
        bool hit;
        if (ws) {
            hit = is_space_at(&v, c0, &q);
        } else {
            hit = search(chars.data, chars.len, c0, (size_t)(e - c0), false) != NULL;
        }
        if (!hit) {
            break;
        }
        e = c0;
    }
    if (s == v.data && e == v.data + v.len && (obj_is_str(args[0]) || obj_is_type(args[0], &type_bytes))) {
        return args[0];
    }
    return str_new_like(args[0], s, (size_t)(e - s));
}

obj_t strm_partition(obj_t self, obj_t sep_obj, bool reverse) {
    sv_t v, sep;
    sv_self(self, &v);
    sv_arg(&v, sep_obj, &sep);
    if (sep.len == 0) {
        rt_raise_value_error("empty separator");
    }
    const char *p = search(v.data, v.len, sep.data, sep.len, reverse);
    obj_t empty = str_new_like(self, "", 0);
    obj_t items[3];
    if (p == NULL) {
        obj_t whole = str_native(self) == &type_bytearray ? str_new_like(self, v.data, v.len) : self;
        items[0] = reverse ? empty : whole;
        items[1] = str_new_like(self, "", 0);
        items[2] = reverse ? whole : str_new_like(self, "", 0);
    } else {
        items[0] = str_new_like(self, v.data, (size_t)(p - v.data));
        items[1] = str_native(self) == &type_bytearray ? str_new_like(self, sep.data, sep.len) : sep_obj;
        items[2] = str_new_like(self, p + sep.len, v.len - (size_t)(p - v.data) - sep.len);
    }
    return obj_new_tuple(3, items);
}

/* how: '<' ljust, '>' rjust, '^' center */
obj_t strm_justify(size_t n_args, const obj_t *args, char how) {
    sv_t v;
    sv_self(args[0], &v);
    intptr_t width = obj_get_index(args[1]);
    const char *fill = " ";
    size_t fill_len = 1;
    if (n_args > 2) {
        sv_t f;
        const char *fill_name = qstr_str(obj_type_name(args[2]));
        const char *meth = how == '<' ? "ljust" : how == '>' ? "rjust" : "center";
        if (v.is_str && !str_is_str(args[2])) {
            rt_raise_type_error("The fill character must be a unicode character, not %s", fill_name);
        }
        if (!v.is_str && (str_is_str(args[2]) || !str_is_bytes(args[2]))) {
            rt_raise_type_error("%s() argument 2 must be a byte string of length 1, not %s", meth, fill_name);
        }
        sv_self(args[2], &f);
        if (f.n != 1) {
            if (v.is_str) {
                rt_raise_type_error("The fill character must be exactly one character long");
            }
            rt_raise_type_error("%s() argument 2 must be a byte string of length 1, not %s", meth, fill_name);
        }
        fill = f.data;
        fill_len = f.len;
    }
    if (width <= (intptr_t)v.n) {
        return obj_is_str(args[0]) || obj_is_type(args[0], &type_bytes) ? args[0] : str_new_like(args[0], v.data, v.len);
    }
    size_t marg = (size_t)width - v.n, left;
    if (how == '<') {
        left = 0;
    } else if (how == '>') {
        left = marg;
    } else {
        left = marg / 2 + (marg & (size_t)width & 1);
    }
    vstr_t vs;
    vstr_init(&vs, v.len + marg * fill_len + 1);
    for (size_t i = 0; i < left; i++) {
        vstr_add_strn(&vs, fill, fill_len);
    }
    vstr_add_strn(&vs, v.data, v.len);
    for (size_t i = left; i < marg; i++) {
        vstr_add_strn(&vs, fill, fill_len);
    }
    return str_from_vstr_like(args[0], &vs);
}

obj_t strm_zfill(obj_t self, obj_t width_obj) {
    sv_t v;
    sv_self(self, &v);
    intptr_t width = obj_get_index(width_obj);
    if (width <= (intptr_t)v.n) {
        return obj_is_str(self) || obj_is_type(self, &type_bytes) ? self : str_new_like(self, v.data, v.len);
    }
    size_t fill = (size_t)width - v.n;
    vstr_t vs;
    vstr_init(&vs, v.len + fill + 1);
    size_t sign = v.len > 0 && (v.data[0] == '+' || v.data[0] == '-');
    vstr_add_strn(&vs, v.data, sign);
    for (size_t i = 0; i < fill; i++) {
        vstr_add_byte(&vs, '0');
    }
    vstr_add_strn(&vs, v.data + sign, v.len - sign);
    return str_from_vstr_like(self, &vs);
}

/* Length of the line break at p (0 if none). */
static size_t line_break(const sv_t *v, const char *p, const char *end) {
    uint8_t c = (uint8_t)*p;
    if (c == '\r') {
        return (p + 1 < end && p[1] == '\n') ? 2 : 1;
    }
    if (c == '\n') {
        return 1;
    }
    if (!v->is_str) {
        return 0;
    }
    if (c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e)) {
        return 1;
    }
    if (c == 0xc2 && p + 1 < end && (uint8_t)p[1] == 0x85) {
        return 2;
    }
    if (c == 0xe2 && p + 2 < end && (uint8_t)p[1] == 0x80 && ((uint8_t)p[2] == 0xa8 || (uint8_t)p[2] == 0xa9)) {
        return 3;
    }
    return 0;
}

obj_t strm_splitlines(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = { { Q_keepends, 0, OBJ_FALSE } };
    obj_t keepends;
    arg_parse(n_args - 1, n_kw, args + 1, spec, 1, &keepends, "splitlines");
    bool keep = obj_is_true(keepends);
    sv_t v;
    sv_self(args[0], &v);
    obj_t list = obj_new_list(0, NULL);
    const char *s = v.data, *end = v.data + v.len, *line = s;
    while (s < end) {
        size_t br = line_break(&v, s, end);
        if (br == 0) {
            s++;
            continue;
        }
        obj_list_append(list, str_new_like(args[0], line, (size_t)(s - line) + (keep ? br : 0)));
        s += br;
        line = s;
    }
    if (line < end) {
        obj_list_append(list, str_new_like(args[0], line, (size_t)(end - line)));
    }
    return list;
}

obj_t strm_expandtabs(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = { { Q_tabsize, 0, OBJ_NEW_SMALL_INT(8) } };
    obj_t ts;
    arg_parse(n_args - 1, n_kw, args + 1, spec, 1, &ts, "expandtabs");
    intptr_t tabsize = obj_get_int(ts);
    sv_t v;
    sv_self(args[0], &v);
    vstr_t vs;
    vstr_init(&vs, v.len + 1);
    size_t col = 0;
    for (const char *s = v.data, *end = v.data + v.len; s < end; s++) {
        char c = *s;
        if (c == '\t') {
            if (tabsize > 0) {
                size_t n = (size_t)tabsize - col % (size_t)tabsize;
                for (size_t i = 0; i < n; i++) {
                    vstr_add_byte(&vs, ' ');
                }
                col += n;
            }
            continue;
        }
        vstr_add_byte(&vs, (uint8_t)c);
        if (c == '\n' || c == '\r') {
            col = 0;
        } else if (!v.is_str || !utf8_is_cont((uint8_t)c)) {
            col++;
        }
    }
    return str_from_vstr_like(args[0], &vs);
}

obj_t strm_removeaffix(obj_t self, obj_t affix, bool suffix) {
    sv_t v, a;
    sv_self(self, &v);
    sv_arg(&v, affix, &a);
    if (a.len > 0 && a.len <= v.len && memcmp(suffix ? v.data + v.len - a.len : v.data, a.data, a.len) == 0) {
        return str_new_like(self, suffix ? v.data : v.data + a.len, v.len - a.len);
    }
    return str_native(self) == &type_bytearray ? str_new_like(self, v.data, v.len) : self;
}

/* ---- case mapping and character classes ---- */

typedef enum { CASE_LOWER, CASE_UPPER, CASE_SWAP, CASE_FOLD, CASE_TITLE, CASE_CAPITALIZE } case_mode_t;

static bool is_cased(uint32_t c) {
    return uni_isupper(c) || uni_islower(c);
}

/* Latin ligatures U+FB00..FB06 upper-case to several letters. */
static const char *const ligature_upper[] = { "FF", "FI", "FL", "FFI", "FFL", "ST", "ST" };

/* The digraphs DŽ LJ NJ DZ come in upper, title and lower forms (title is the middle one). */
static bool is_digraph(uint32_t c) {
    return (c >= 0x1c4 && c <= 0x1cc) || (c >= 0x1f1 && c <= 0x1f3);
}

/* Title case (title, capitalize) differs from upper case only for these expansions: "Ss", "Ffi". */
static void add_upper(vstr_t *vs, uint32_t c, bool is_str, bool title) {
    if (c == 0xdf && is_str) {
        vstr_add_strn(vs, title ? "Ss" : "SS", 2);
    } else if (c == 0x149 && is_str) {
        vstr_add_strn(vs, "\xca\xbcN", 3);
    } else if (title && is_str && is_digraph(c)) {
        vstr_add_char(vs, c <= 0x1cc ? c - (c - 0x1c4) % 3 + 1 : 0x1f2);
    } else if (c >= 0xfb00 && c <= 0xfb06 && is_str) {
        const char *u = ligature_upper[c - 0xfb00];
        vstr_add_byte(vs, (uint8_t)u[0]);
        for (u++; *u; u++) {
            vstr_add_byte(vs, (uint8_t)(title ? *u + 32 : *u));
        }
    } else if (is_str) {
        vstr_add_char(vs, uni_toupper(c));
    } else {
        vstr_add_byte(vs, (uint8_t)((c >= 'a' && c <= 'z') ? c - 32 : c));
    }
}

static void add_lower(vstr_t *vs, uint32_t c, bool is_str, bool fold, bool final_sigma) {
    if (!is_str) {
        vstr_add_byte(vs, (uint8_t)((c >= 'A' && c <= 'Z') ? c + 32 : c));
    } else if (c == 0x130) {
        vstr_add_strn(vs, "i\xcc\x87", 3);
    } else if (fold && c == 0xdf) {
        vstr_add_strn(vs, "ss", 2);
    } else if (c == 0x3a3 && final_sigma) {
        vstr_add_char(vs, 0x3c2);
    } else {
        vstr_add_char(vs, fold && c == 0x3c2 ? 0x3c3 : uni_tolower(c));
    }
}

/* Greek capital sigma lowers to final sigma after a cased letter and not before one. */
static bool sigma_is_final(const char *prev_start, const char *here, const char *next, const char *end) {
    if (here == prev_start) {
        return false;
    }
    const char *b = here - 1;
    while (b > prev_start && utf8_is_cont((uint8_t)*b)) {
        b--;
    }
    if (!is_cased(utf8_get(&b))) {
        return false;
    }
    return next >= end || !is_cased(utf8_get(&next));
}

static obj_t case_map(obj_t self, case_mode_t mode) {
    sv_t v;
    sv_self(self, &v);
    vstr_t vs;
    vstr_init(&vs, v.len + 1);
    bool prev_cased = false;
    const char *end = v.data + v.len;
    for (const char *s = v.data; s < end;) {
        const char *here = s;
        uint32_t c = v.is_str ? utf8_get(&s) : (uint8_t)*s++;
        bool upper = v.is_str ? uni_isupper(c) : (c >= 'A' && c <= 'Z');
        bool lower = v.is_str ? uni_islower(c) : (c >= 'a' && c <= 'z');
        bool to_upper;
        switch (mode) {
            case CASE_UPPER: to_upper = true; break;
            case CASE_SWAP: to_upper = !upper; break;
            case CASE_TITLE: to_upper = !prev_cased; break;
            case CASE_CAPITALIZE: to_upper = here == v.data; break;
            default: to_upper = false; break;
        }
        if (to_upper && (lower || !upper || (mode >= CASE_TITLE && is_digraph(c)))) {
            add_upper(&vs, c, v.is_str, mode == CASE_TITLE || mode == CASE_CAPITALIZE);
        } else if (!to_upper && (mode != CASE_SWAP || upper)) {
            add_lower(&vs, c, v.is_str, mode == CASE_FOLD, c == 0x3a3 && mode != CASE_FOLD && sigma_is_final(v.data, here, s, end));
        } else if (v.is_str) {
            vstr_add_char(&vs, c);
        } else {
            vstr_add_byte(&vs, (uint8_t)c);
        }
        prev_cased = v.is_str ? is_cased(c) : (upper || lower);
    }
    return str_from_vstr_like(self, &vs);
}

static obj_t str_lower(obj_t self) { return case_map(self, CASE_LOWER); }
static obj_t str_upper(obj_t self) { return case_map(self, CASE_UPPER); }
static obj_t str_swapcase(obj_t self) { return case_map(self, CASE_SWAP); }
static obj_t str_casefold(obj_t self) { return case_map(self, CASE_FOLD); }
static obj_t str_title(obj_t self) { return case_map(self, CASE_TITLE); }
static obj_t str_capitalize(obj_t self) { return case_map(self, CASE_CAPITALIZE); }

typedef bool (*char_class_t)(uint32_t c);

static bool uni_isalnum(uint32_t c) {
    return uni_isalpha(c) || uni_isnumeric(c);
}

static bool uni_isascii(uint32_t c) {
    return c < 0x80;
}

static bool ascii_only_class(char_class_t cls, uint32_t c) {
    return c < 0x80 && cls(c);
}

/* True if every character is in the class (and, except for isascii, there is at least one). */
static obj_t all_chars(obj_t self, char_class_t cls) {
    sv_t v;
    sv_self(self, &v);
    if (v.len == 0) {
        return OBJ_BOOL(cls == uni_isascii || cls == uni_isprintable);
    }
    for (const char *s = v.data, *end = v.data + v.len; s < end;) {
        uint32_t c = v.is_str ? utf8_get(&s) : (uint8_t)*s++;
        if (v.is_str ? !cls(c) : !ascii_only_class(cls, c)) {
            return OBJ_FALSE;
        }
    }
    return OBJ_TRUE;
}

static obj_t str_isalnum(obj_t self) { return all_chars(self, uni_isalnum); }
static obj_t str_isalpha(obj_t self) { return all_chars(self, uni_isalpha); }
static obj_t str_isascii(obj_t self) { return all_chars(self, uni_isascii); }
static obj_t str_isdecimal(obj_t self) { return all_chars(self, uni_isdecimal); }
static obj_t str_isdigit(obj_t self) { return all_chars(self, uni_isdigit); }
static obj_t str_isnumeric(obj_t self) { return all_chars(self, uni_isnumeric); }
static obj_t str_isspace(obj_t self) { return all_chars(self, uni_isspace); }
static obj_t str_isprintable(obj_t self) { return all_chars(self, uni_isprintable); }

/* islower/isupper: at least one cased character and none of the other case. */
static obj_t cased_check(obj_t self, bool want_upper) {
    sv_t v;
    sv_self(self, &v);
    bool any = false;
    for (const char *s = v.data, *end = v.data + v.len; s < end;) {
        uint32_t c = v.is_str ? utf8_get(&s) : (uint8_t)*s++;
        bool up = v.is_str ? uni_isupper(c) : (c >= 'A' && c <= 'Z');
        bool lo = v.is_str ? uni_islower(c) : (c >= 'a' && c <= 'z');
        if (want_upper ? lo : up) {
            return OBJ_FALSE;
        }
        any |= want_upper ? up : lo;
    }
    return OBJ_BOOL(any);
}

static obj_t str_islower(obj_t self) { return cased_check(self, false); }
static obj_t str_isupper(obj_t self) { return cased_check(self, true); }

static obj_t str_istitle(obj_t self) {
    sv_t v;
    sv_self(self, &v);
    bool cased = false, prev_cased = false;
    for (const char *s = v.data, *end = v.data + v.len; s < end;) {
        uint32_t c = v.is_str ? utf8_get(&s) : (uint8_t)*s++;
        bool up = v.is_str ? uni_isupper(c) : (c >= 'A' && c <= 'Z');
        bool lo = v.is_str ? uni_islower(c) : (c >= 'a' && c <= 'z');
        if (up) {
            if (prev_cased) {
                return OBJ_FALSE;
            }
            prev_cased = cased = true;
        } else if (lo) {
            if (!prev_cased) {
                return OBJ_FALSE;
            }
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return OBJ_BOOL(cased);
}

static obj_t str_isidentifier(obj_t self) {
    sv_t v;
    sv_self(self, &v);
    if (v.len == 0) {
        return OBJ_FALSE;
    }
    const char *s = v.data, *end = v.data + v.len;
    uint32_t c = utf8_get(&s);
    if (c != '_' && !uni_isalpha(c)) {
        return OBJ_FALSE;
    }
    while (s < end) {
        c = utf8_get(&s);
        if (c != '_' && !uni_isalpha(c) && !uni_isdecimal(c) && !(c >= 0x300 && c <= 0x36f) && c != 0xb7 && c != 0x387) {
            return OBJ_FALSE;
        }
    }
    return OBJ_TRUE;
}

/* ---- translate / maketrans ---- */

static obj_t str_maketrans(size_t n_args, const obj_t *args) {
    obj_t d = obj_new_dict(0);
    if (n_args == 1) {
        if (!obj_is_type(args[0], &type_dict)) {
            rt_raise_type_error("if you give only one argument to maketrans it must be a dict");
        }
        size_t cur = 0;
        map_elem_t *e;
        while ((e = map_next(obj_dict_get_map(args[0]), &cur)) != NULL) {
            obj_t k = e->key;
            if (str_is_str(k)) {
                str_view_t kv;
                str_view(k, &kv);
                if (kv.n_chars != 1) {
                    rt_raise_value_error("string keys in translate table must be of length 1");
                }
                const char *p = kv.data;
                k = OBJ_NEW_SMALL_INT(utf8_get(&p));
            } else if (!obj_is_int(k)) {
                rt_raise_type_error("keys in translate table must be strings or integers");
            }
            obj_dict_store(d, k, e->value);
        }
        return d;
    }
    str_view_t x, y;
    if (!str_is_str(args[0])) {
        rt_raise_type_error("maketrans() argument 1 must be str, not %s", qstr_str(obj_type_name(args[0])));
    }
    if (!str_is_str(args[1])) {
        rt_raise_type_error("maketrans() argument 2 must be str, not %s", qstr_str(obj_type_name(args[1])));
    }
    str_view(args[0], &x);
    str_view(args[1], &y);
    if (x.n_chars != y.n_chars) {
        rt_raise_value_error("the first two maketrans arguments must have equal length");
    }
    for (const char *p = x.data, *q = y.data, *end = x.data + x.len; p < end;) {
        uint32_t a = utf8_get(&p), b = utf8_get(&q);
        obj_dict_store(d, OBJ_NEW_SMALL_INT(a), OBJ_NEW_SMALL_INT(b));
    }
    if (n_args > 2) {
        str_view_t z;
        str_view(args[2], &z);
        for (const char *p = z.data, *end = z.data + z.len; p < end;) {
            obj_dict_store(d, OBJ_NEW_SMALL_INT(utf8_get(&p)), OBJ_NONE);
        }
    }
    return d;
}

/* table[c] for translate: OBJ_NULL when the table has no entry (LookupError). */
static obj_t translate_lookup(obj_t table, uint32_t c) {
    obj_t key = OBJ_NEW_SMALL_INT(c);
    if (obj_is_type(table, &type_dict)) {
        return obj_dict_get(table, key);
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t r = rt_subscr_load(table, key);
        nlr_pop();
        return r;
    }
    if (exc_is_instance(nlr.exc, &type_LookupError)) {
        return OBJ_NULL;
    }
    nlr_raise(nlr.exc);
}

static obj_t str_translate(obj_t self, obj_t table) {
    str_view_t v;
    str_view(self, &v);
    vstr_t vs;
    vstr_init(&vs, v.len + 1);
    for (const char *s = v.data, *end = v.data + v.len; s < end;) {
        const char *here = s;
        uint32_t c = utf8_get(&s);
        obj_t r = translate_lookup(table, c);
        if (r == OBJ_NULL) {
            vstr_add_strn(&vs, here, (size_t)(s - here));
        } else if (obj_is_int(r)) {
            intptr_t cp = obj_get_int(r);
            if (cp < 0 || cp > 0x10ffff) {
                rt_raise_value_error("character mapping must be in range(0x110000)");
            }
            vstr_add_char(&vs, (uint32_t)cp);
        } else if (str_is_str(r)) {
            size_t len;
            const char *d = obj_str_get_data(r, &len);
            vstr_add_strn(&vs, d, len);
        } else if (r != OBJ_NONE) {
            rt_raise_type_error("character mapping must return integer, None or str");
        }
    }
    return obj_new_str_from_vstr(&vs);
}

/* ---- the thin wrappers the method table points at ---- */

static obj_t m_find(size_t n, const obj_t *a) { return strm_find(n, a, false, false); }
static obj_t m_rfind(size_t n, const obj_t *a) { return strm_find(n, a, true, false); }
static obj_t m_index(size_t n, const obj_t *a) { return strm_find(n, a, false, true); }
static obj_t m_rindex(size_t n, const obj_t *a) { return strm_find(n, a, true, true); }
static obj_t m_startswith(size_t n, const obj_t *a) { return strm_startswith(n, a, false); }
static obj_t m_endswith(size_t n, const obj_t *a) { return strm_startswith(n, a, true); }
static obj_t m_split(size_t n, size_t k, const obj_t *a) { return strm_split(n, k, a, false); }
static obj_t m_rsplit(size_t n, size_t k, const obj_t *a) { return strm_split(n, k, a, true); }
static obj_t m_strip(size_t n, const obj_t *a) { return strm_strip(n, a, 3); }
static obj_t m_lstrip(size_t n, const obj_t *a) { return strm_strip(n, a, 1); }
static obj_t m_rstrip(size_t n, const obj_t *a) { return strm_strip(n, a, 2); }
static obj_t m_partition(obj_t s, obj_t sep) { return strm_partition(s, sep, false); }
static obj_t m_rpartition(obj_t s, obj_t sep) { return strm_partition(s, sep, true); }
static obj_t m_ljust(size_t n, const obj_t *a) { return strm_justify(n, a, '<'); }
static obj_t m_rjust(size_t n, const obj_t *a) { return strm_justify(n, a, '>'); }
static obj_t m_center(size_t n, const obj_t *a) { return strm_justify(n, a, '^'); }
static obj_t m_removeprefix(obj_t s, obj_t a) { return strm_removeaffix(s, a, false); }
static obj_t m_removesuffix(obj_t s, obj_t a) { return strm_removeaffix(s, a, true); }

static obj_t str_encode_m(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = { { Q_encoding, 0, OBJ_NULL }, { Q_errors, 0, OBJ_NULL } };
    obj_t a[2];
    arg_parse(n_args - 1, n_kw, args + 1, spec, 2, a, "encode");
    return str_encode(args[0], a[0], a[1]);
}

static obj_t str_format_m(size_t n_args, size_t n_kw, const obj_t *args) {
    return str_format_method(n_args, n_kw, args, OBJ_NULL);
}

static obj_t str_format_map_m(obj_t self, obj_t mapping) {
    return str_format_method(1, 0, &self, mapping);
}

FUN_DEFINE_VAR(strm_find_obj, 2, 4, m_find);
FUN_DEFINE_VAR(strm_rfind_obj, 2, 4, m_rfind);
FUN_DEFINE_VAR(strm_index_obj, 2, 4, m_index);
FUN_DEFINE_VAR(strm_rindex_obj, 2, 4, m_rindex);
FUN_DEFINE_VAR(strm_count_obj, 2, 4, strm_count);
FUN_DEFINE_VAR(strm_startswith_obj, 2, 4, m_startswith);
FUN_DEFINE_VAR(strm_endswith_obj, 2, 4, m_endswith);
FUN_DEFINE_KW(strm_split_obj, 1, m_split);
FUN_DEFINE_KW(strm_rsplit_obj, 1, m_rsplit);
FUN_DEFINE_2(strm_join_obj, strm_join);
FUN_DEFINE_VAR(strm_replace_obj, 3, 4, strm_replace);
FUN_DEFINE_VAR(strm_strip_obj, 1, 2, m_strip);
FUN_DEFINE_VAR(strm_lstrip_obj, 1, 2, m_lstrip);
FUN_DEFINE_VAR(strm_rstrip_obj, 1, 2, m_rstrip);
FUN_DEFINE_2(strm_partition_obj, m_partition);
FUN_DEFINE_2(strm_rpartition_obj, m_rpartition);
FUN_DEFINE_VAR(strm_ljust_obj, 2, 3, m_ljust);
FUN_DEFINE_VAR(strm_rjust_obj, 2, 3, m_rjust);
FUN_DEFINE_VAR(strm_center_obj, 2, 3, m_center);
FUN_DEFINE_2(strm_zfill_obj, strm_zfill);
FUN_DEFINE_KW(strm_splitlines_obj, 1, strm_splitlines);
FUN_DEFINE_KW(strm_expandtabs_obj, 1, strm_expandtabs);
FUN_DEFINE_2(strm_removeprefix_obj, m_removeprefix);
FUN_DEFINE_2(strm_removesuffix_obj, m_removesuffix);
FUN_DEFINE_1(strm_lower_obj, str_lower);
FUN_DEFINE_1(strm_upper_obj, str_upper);
FUN_DEFINE_1(strm_swapcase_obj, str_swapcase);
FUN_DEFINE_1(strm_title_obj, str_title);
FUN_DEFINE_1(strm_capitalize_obj, str_capitalize);
FUN_DEFINE_1(strm_isalnum_obj, str_isalnum);
FUN_DEFINE_1(strm_isalpha_obj, str_isalpha);
FUN_DEFINE_1(strm_isascii_obj, str_isascii);
FUN_DEFINE_1(strm_isdigit_obj, str_isdigit);
FUN_DEFINE_1(strm_isspace_obj, str_isspace);
FUN_DEFINE_1(strm_islower_obj, str_islower);
FUN_DEFINE_1(strm_isupper_obj, str_isupper);
FUN_DEFINE_1(strm_istitle_obj, str_istitle);
static FUN_DEFINE_1(str_casefold_obj, str_casefold);
static FUN_DEFINE_1(str_isdecimal_obj, str_isdecimal);
static FUN_DEFINE_1(str_isnumeric_obj, str_isnumeric);
static FUN_DEFINE_1(str_isprintable_obj, str_isprintable);
static FUN_DEFINE_1(str_isidentifier_obj, str_isidentifier);
static FUN_DEFINE_2(str_translate_obj, str_translate);
static FUN_DEFINE_VAR(str_maketrans_fun_obj, 1, 3, str_maketrans);
static const static_class_method_t str_maketrans_obj = { { &type_staticmethod }, OBJ_ROM(&str_maketrans_fun_obj) };
static FUN_DEFINE_KW(str_encode_obj, 1, str_encode_m);
static FUN_DEFINE_KW(str_format_obj, 1, str_format_m);
static FUN_DEFINE_2(str_format_map_obj, str_format_map_m);

static const map_elem_t str_locals_table[] = {
    { QOBJ(capitalize), OBJ_ROM(&strm_capitalize_obj) },
    { QOBJ(casefold), OBJ_ROM(&str_casefold_obj) },
    { QOBJ(center), OBJ_ROM(&strm_center_obj) },
    { QOBJ(count), OBJ_ROM(&strm_count_obj) },
    { QOBJ(encode), OBJ_ROM(&str_encode_obj) },
    { QOBJ(endswith), OBJ_ROM(&strm_endswith_obj) },
    { QOBJ(expandtabs), OBJ_ROM(&strm_expandtabs_obj) },
    { QOBJ(find), OBJ_ROM(&strm_find_obj) },
    { QOBJ(format), OBJ_ROM(&str_format_obj) },
    { QOBJ(format_map), OBJ_ROM(&str_format_map_obj) },
    { QOBJ(index), OBJ_ROM(&strm_index_obj) },
    { QOBJ(isalnum), OBJ_ROM(&strm_isalnum_obj) },
    { QOBJ(isalpha), OBJ_ROM(&strm_isalpha_obj) },
    { QOBJ(isascii), OBJ_ROM(&strm_isascii_obj) },
    { QOBJ(isdecimal), OBJ_ROM(&str_isdecimal_obj) },
    { QOBJ(isdigit), OBJ_ROM(&strm_isdigit_obj) },
    { QOBJ(isidentifier), OBJ_ROM(&str_isidentifier_obj) },
    { QOBJ(islower), OBJ_ROM(&strm_islower_obj) },
    { QOBJ(isnumeric), OBJ_ROM(&str_isnumeric_obj) },
    { QOBJ(isprintable), OBJ_ROM(&str_isprintable_obj) },
    { QOBJ(isspace), OBJ_ROM(&strm_isspace_obj) },
    { QOBJ(istitle), OBJ_ROM(&strm_istitle_obj) },
    { QOBJ(isupper), OBJ_ROM(&strm_isupper_obj) },
    { QOBJ(join), OBJ_ROM(&strm_join_obj) },
    { QOBJ(ljust), OBJ_ROM(&strm_ljust_obj) },
    { QOBJ(lower), OBJ_ROM(&strm_lower_obj) },
    { QOBJ(lstrip), OBJ_ROM(&strm_lstrip_obj) },
    { QOBJ(maketrans), OBJ_ROM(&str_maketrans_obj) },
    { QOBJ(partition), OBJ_ROM(&strm_partition_obj) },
    { QOBJ(removeprefix), OBJ_ROM(&strm_removeprefix_obj) },
    { QOBJ(removesuffix), OBJ_ROM(&strm_removesuffix_obj) },
    { QOBJ(replace), OBJ_ROM(&strm_replace_obj) },
    { QOBJ(rfind), OBJ_ROM(&strm_rfind_obj) },
    { QOBJ(rindex), OBJ_ROM(&strm_rindex_obj) },
    { QOBJ(rjust), OBJ_ROM(&strm_rjust_obj) },
    { QOBJ(rpartition), OBJ_ROM(&strm_rpartition_obj) },
    { QOBJ(rsplit), OBJ_ROM(&strm_rsplit_obj) },
    { QOBJ(rstrip), OBJ_ROM(&strm_rstrip_obj) },
    { QOBJ(split), OBJ_ROM(&strm_split_obj) },
    { QOBJ(splitlines), OBJ_ROM(&strm_splitlines_obj) },
    { QOBJ(startswith), OBJ_ROM(&strm_startswith_obj) },
    { QOBJ(strip), OBJ_ROM(&strm_strip_obj) },
    { QOBJ(swapcase), OBJ_ROM(&strm_swapcase_obj) },
    { QOBJ(title), OBJ_ROM(&strm_title_obj) },
    { QOBJ(translate), OBJ_ROM(&str_translate_obj) },
    { QOBJ(upper), OBJ_ROM(&strm_upper_obj) },
    { QOBJ(zfill), OBJ_ROM(&strm_zfill_obj) },
};
DICT_ROM(str_locals_dict, str_locals_table);
