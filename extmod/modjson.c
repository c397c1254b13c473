/* modjson.c: the json module: dumps/dump (separators, indent, sort_keys) and loads/load.
 * Output matches CPython's defaults (ensure_ascii: non-ASCII characters as \uXXXX escapes).
 * The decoder is iterative: open arrays and objects live on a heap list rather than the C stack,
 * so deeply nested input costs heap, never C stack.  Errors are ValueError with CPython's
 * JSONDecodeError wording ("Expecting value: line 1 column 1 (char 0)"). */
#include <math.h>
#include <string.h>
#include "gc.h"
#include "objstr.h"
#include "runtime.h"

/* ------------------------------------------------------------------ encoding */

typedef struct {
    vstr_t out;
    const char *item_sep, *key_sep, *indent;
    size_t item_sep_len, key_sep_len, indent_len;
    bool has_indent, sort_keys;
} enc_t;

static void enc_str(vstr_t *out, obj_t s) {
    size_t len;
    const char *p = obj_str_get_data(s, &len), *end = p + len;
    vstr_add_byte(out, '"');
    while (p < end) {
        uint8_t b = (uint8_t)*p;
        uint32_t c = b < 0x80 ? (p++, b) : utf8_get(&p);
        const char *esc = NULL;
        switch (c) {
            case '"': esc = "\\\""; break;
            case '\\': esc = "\\\\"; break;
            case '\n': esc = "\\n"; break;
            case '\r': esc = "\\r"; break;
            case '\t': esc = "\\t"; break;
            case '\b': esc = "\\b"; break;
            case '\f': esc = "\\f"; break;
            default: break;
        }
        if (esc != NULL) {
            vstr_add_str(out, esc);
        } else if (c >= 0x20 && c < 0x7f) {
            vstr_add_byte(out, (uint8_t)c);
        } else {
            char buf[16];
            if (c >= 0x10000) {   /* a surrogate pair, as CPython writes it */
                c -= 0x10000;
                print_t pr;
                vstr_t vs;
                vstr_init_fixed(&vs, buf, sizeof(buf));
                print_vstr_init(&pr, &vs);
                print_fmt(&pr, "\\u%04x\\u%04x", (unsigned)(0xd800 + (c >> 10)), (unsigned)(0xdc00 + (c & 0x3ff)));
                vstr_add_strn(out, vs.buf, vs.len);
            } else {
                static const char hex[] = "0123456789abcdef";
                buf[0] = '\\', buf[1] = 'u';
                for (int i = 0; i < 4; i++) {
                    buf[2 + i] = hex[(c >> (12 - 4 * i)) & 15];
                }
                vstr_add_strn(out, buf, 6);
            }
        }
    }
    vstr_add_byte(out, '"');
}

static void enc_newline(enc_t *e, size_t depth) {
    vstr_add_byte(&e->out, '\n');
    for (size_t i = 0; i < depth; i++) {
        vstr_add_strn(&e->out, e->indent, e->indent_len);
    }
}

static void enc_repr(vstr_t *out, obj_t o) {
    print_t p;
    print_vstr_init(&p, out);
    obj_print(&p, o, PRINT_REPR);
}

/* Numbers and literals; false when o is none of them. */
static bool enc_scalar(vstr_t *out, obj_t o) {
    if (o == OBJ_NONE) {
        vstr_add_str(out, "null");
    } else if (o == OBJ_TRUE) {
        vstr_add_str(out, "true");
    } else if (o == OBJ_FALSE) {
        vstr_add_str(out, "false");
    } else if (obj_is_int(o)) {
        enc_repr(out, o);
    } else if (obj_isinstance(o, &type_int)) {
        enc_repr(out, int_index(o));
#if CONFIG_FLOAT
    } else if (obj_isinstance(o, &type_float)) {
        float_val_t v = obj_get_float(o);
        if (v != v) {
            vstr_add_str(out, "NaN");
        } else if (v > 0 && v * 0 != 0) {
            vstr_add_str(out, "Infinity");
        } else if (v < 0 && v * 0 != 0) {
            vstr_add_str(out, "-Infinity");
        } else {
            enc_repr(out, obj_new_float(v));
        }
#endif
    } else {
        return false;
    }
    return true;
}

static void enc_value(enc_t *e, obj_t o, size_t depth);

static void enc_key(enc_t *e, obj_t k) {
    if (obj_is_str_or_subclass(k)) {
        enc_str(&e->out, k);
        return;
    }
    vstr_add_byte(&e->out, '"');
    if (!enc_scalar(&e->out, k)) {
        rt_raise_type_error("keys must be str, int, float, bool or None, not %q", obj_type_name(k));
    }
    vstr_add_byte(&e->out, '"');
}

static void enc_dict(enc_t *e, obj_t o, size_t depth) {
    map_t *map = obj_dict_get_map(o);
    if (map->len == 0) {
        vstr_add_str(&e->out, "{}");
        return;
    }
    obj_t keys = obj_new_list(0, NULL);
    size_t i = 0;
    map_elem_t *el;
    while ((el = map_next(map, &i)) != NULL) {
        obj_list_append(keys, el->key);
    }
    if (e->sort_keys) {
        list_sort(keys, OBJ_NULL, false);
    }
    size_t n;
    obj_t *items;
    obj_list_get(keys, &n, &items);
    vstr_add_byte(&e->out, '{');
    for (i = 0; i < n; i++) {
        if (i > 0) {
            vstr_add_strn(&e->out, e->item_sep, e->item_sep_len);
        }
        if (e->has_indent) {
            enc_newline(e, depth + 1);
        }
        enc_key(e, items[i]);
        vstr_add_strn(&e->out, e->key_sep, e->key_sep_len);
        enc_value(e, rt_subscr_load(o, items[i]), depth + 1);
    }
    if (e->has_indent) {
        enc_newline(e, depth);
    }
    vstr_add_byte(&e->out, '}');
}

static void enc_value(enc_t *e, obj_t o, size_t depth) {
    stack_check();
    if (enc_scalar(&e->out, o)) {
        return;
    }
    if (obj_is_str_or_subclass(o)) {
        enc_str(&e->out, o);
    } else if (obj_isinstance(o, &type_list) || obj_isinstance(o, &type_tuple)) {
        size_t n;
        obj_t *items;
        obj_get_array(o, &n, &items);
        if (n == 0) {
            vstr_add_str(&e->out, "[]");
            return;
        }
        vstr_add_byte(&e->out, '[');
        for (size_t i = 0; i < n; i++) {
            if (i > 0) {
                vstr_add_strn(&e->out, e->item_sep, e->item_sep_len);
            }
            if (e->has_indent) {
                enc_newline(e, depth + 1);
            }
            obj_get_array(o, &n, &items);   /* re-read: encoding an item may run code */
            if (i >= n) {
                break;
            }
            enc_value(e, items[i], depth + 1);
        }
        if (e->has_indent) {
            enc_newline(e, depth);
        }
        vstr_add_byte(&e->out, ']');
    } else if (obj_isinstance(o, &type_dict)) {
        enc_dict(e, o, depth);
    } else {
        rt_raise_type_error("Object of type %q is not JSON serializable", obj_type_name(o));
    }
}

static const arg_spec_t dumps_spec[] = {
    { Q_obj, ARG_REQUIRED, OBJ_NULL }, { Q_separators, ARG_KW_ONLY, OBJ_NONE },
    { Q_indent, ARG_KW_ONLY, OBJ_NONE }, { Q_sort_keys, ARG_KW_ONLY, OBJ_FALSE },
};

static obj_t json_encode(obj_t obj, const obj_t *opts) {
    enc_t e;
    e.has_indent = opts[1] != OBJ_NONE;
    e.sort_keys = obj_is_true(opts[2]);
    e.item_sep = e.has_indent ? "," : ", ", e.item_sep_len = e.has_indent ? 1 : 2;
    e.key_sep = ": ", e.key_sep_len = 2;
    if (opts[0] != OBJ_NONE) {
        obj_t seps[2];
        rt_unpack_sequence(opts[0], 2, seps);
        e.item_sep = obj_str_get_data(seps[0], &e.item_sep_len);
        e.key_sep = obj_str_get_data(seps[1], &e.key_sep_len);
    }
    e.indent = "", e.indent_len = 0;
    if (e.has_indent) {
        if (obj_is_str(opts[1])) {
            e.indent = obj_str_get_data(opts[1], &e.indent_len);
        } else {
            intptr_t n = obj_get_int(opts[1]);
            e.indent_len = n > 0 ? (size_t)n : 0;
            char *sp = m_new(char, e.indent_len + 1);
            memset(sp, ' ', e.indent_len);
            e.indent = sp;
        }
    }
    vstr_init(&e.out, 64);
    enc_value(&e, obj, 0);
    return obj_new_str_from_vstr(&e.out);
}

static obj_t json_dumps(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[4];
    arg_parse(n_args, n_kw, args, dumps_spec, 4, a, "dumps");
    return json_encode(a[0], a + 1);
}
static FUN_DEFINE_KW(json_dumps_obj, 1, json_dumps);

static obj_t json_dump(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_obj, ARG_REQUIRED, OBJ_NULL }, { Q_fp, ARG_REQUIRED, OBJ_NULL },
        { Q_separators, ARG_KW_ONLY, OBJ_NONE }, { Q_indent, ARG_KW_ONLY, OBJ_NONE },
        { Q_sort_keys, ARG_KW_ONLY, OBJ_FALSE },
    };
    obj_t a[5];
    arg_parse(n_args, n_kw, args, spec, 5, a, "dump");
    obj_t s = json_encode(a[0], a + 2);
    rt_call_method(a[1], Q_write, 1, &s);
    return OBJ_NONE;
}
static FUN_DEFINE_KW(json_dump_obj, 2, json_dump);

/* ------------------------------------------------------------------ decoding */

typedef struct {
    const char *start, *p, *end;
} dec_t;

static RT_NORETURN void dec_error(dec_t *d, const char *msg, const char *at) {
    size_t line = 1;
    const char *line_start = d->start;
    for (const char *q = d->start; q < at; q++) {
        if (*q == '\n') {
            line++;
            line_start = q + 1;
        }
    }
    rt_raise_value_error("%s: line %u column %u (char %u)", msg, (unsigned)line,
                         (unsigned)(at - line_start + 1), (unsigned)(at - d->start));
}

static void dec_ws(dec_t *d) {
    while (d->p < d->end && (*d->p == ' ' || *d->p == '\t' || *d->p == '\n' || *d->p == '\r')) {
        d->p++;
    }
}

static int hex4(const char *p) {
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int h = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
        if (h < 0) {
            return -1;
        }
        v = v << 4 | h;
    }
    return v;
}

/* A string; d->p is just past the opening quote. */
static obj_t dec_string(dec_t *d) {
    const char *open = d->p - 1, *p = d->p;
    while (p < d->end && *p != '"' && *p != '\\' && (uint8_t)*p >= 0x20) {
        p++;
    }
    if (p < d->end && *p == '"') {   /* no escapes: one copy */
        d->p = p + 1;
        return obj_new_str(open + 1, (size_t)(p - open - 1));
    }
    vstr_t vs;
    vstr_init(&vs, (size_t)(p - open) + 16);
    vstr_add_strn(&vs, open + 1, (size_t)(p - open - 1));
    for (;;) {
        if (p >= d->end) {
            dec_error(d, "Unterminated string starting at", open);
        }
        uint8_t c = (uint8_t)*p;
        if (c == '"') {
            break;
        }
        if (c < 0x20) {
            dec_error(d, "Invalid control character at", p);
        }
        if (c != '\\') {
            vstr_add_byte(&vs, c);
            p++;
            continue;
        }
        if (p + 1 >= d->end) {
            dec_error(d, "Unterminated string starting at", open);
        }
        const char *esc = p;
        c = (uint8_t)p[1];
        p += 2;
        switch (c) {
            case '"': case '\\': case '/': vstr_add_byte(&vs, c); break;
            case 'b': vstr_add_byte(&vs, '\b'); break;
            case 'f': vstr_add_byte(&vs, '\f'); break;
            case 'n': vstr_add_byte(&vs, '\n'); break;
            case 'r': vstr_add_byte(&vs, '\r'); break;
            case 't': vstr_add_byte(&vs, '\t'); break;
            case 'u': {
                int u = d->end - p >= 4 ? hex4(p) : -1;
                if (u < 0) {
                    dec_error(d, "Invalid \\uXXXX escape", esc + 1);
                }
                p += 4;
                uint32_t cp = (uint32_t)u;
                if (cp >= 0xd800 && cp < 0xdc00 && d->end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                    int lo = hex4(p + 2);
                    if (lo >= 0xdc00 && lo < 0xe000) {
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (uint32_t)(lo - 0xdc00);
                        p += 6;
                    }
                }
                vstr_add_char(&vs, cp);
                break;
            }
            default:
                dec_error(d, "Invalid \\escape", esc);
        }
    }
    d->p = p + 1;
    return obj_new_str_from_vstr(&vs);
}

static bool dec_word(dec_t *d, const char *w) {
    size_t n = strlen(w);
    if ((size_t)(d->end - d->p) >= n && memcmp(d->p, w, n) == 0) {
        d->p += n;
        return true;
    }
    return false;
}

static bool is_digit(const char *p, const char *end) {
    return p < end && *p >= '0' && *p <= '9';
}

/* A number, literal or string; OBJ_NULL if none starts here. */
static obj_t dec_scalar(dec_t *d) {
    const char *s = d->p;
    if (s >= d->end) {
        return OBJ_NULL;
    }
    switch (*s) {
        case '"': d->p++; return dec_string(d);
        case 'n': return dec_word(d, "null") ? OBJ_NONE : OBJ_NULL;
        case 't': return dec_word(d, "true") ? OBJ_TRUE : OBJ_NULL;
        case 'f': return dec_word(d, "false") ? OBJ_FALSE : OBJ_NULL;
#if CONFIG_FLOAT
        case 'N': return dec_word(d, "NaN") ? obj_new_float((float_val_t)NAN) : OBJ_NULL;
        case 'I': return dec_word(d, "Infinity") ? obj_new_float((float_val_t)INFINITY) : OBJ_NULL;
#endif
        default: break;
    }
    const char *p = s;
    if (*p == '-') {
        p++;
#if CONFIG_FLOAT
        d->p = p;
        if (dec_word(d, "Infinity")) {
            return obj_new_float(-(float_val_t)INFINITY);
        }
#endif
    }
    if (!is_digit(p, d->end)) {
        return OBJ_NULL;
    }
    if (*p == '0') {
        p++;
    } else {
        while (is_digit(p, d->end)) {
            p++;
        }
    }
    bool is_float = false;
    if (p < d->end && *p == '.' && is_digit(p + 1, d->end)) {
        is_float = true;
        for (p++; is_digit(p, d->end); p++) {
        }
    }
    if (p < d->end && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        if (q < d->end && (*q == '+' || *q == '-')) {
            q++;
        }
        if (is_digit(q, d->end)) {
            is_float = true;
            for (p = q; is_digit(p, d->end); p++) {
            }
        }
    }
    d->p = p;
#if CONFIG_FLOAT
    if (is_float) {
        return obj_new_float_from_str(s, (size_t)(p - s));
    }
#else
    (void)is_float;
#endif
    return obj_new_int_from_str(s, (size_t)(p - s), 10);
}

/* After '{' or ',' in an object: the key and its ':'. */
static obj_t dec_key(dec_t *d) {
    dec_ws(d);
    if (d->p >= d->end || *d->p != '"') {
        dec_error(d, "Expecting property name enclosed in double quotes", d->p);
    }
    d->p++;
    obj_t key = dec_string(d);
    dec_ws(d);
    if (d->p >= d->end || *d->p != ':') {
        dec_error(d, "Expecting ':' delimiter", d->p);
    }
    d->p++;
    return key;
}

/* The stack holds the open containers; an open object is followed by its pending key (a str:
 * containers are never strs, so the top of the stack tells which case we are in). */
static obj_t json_decode(const char *s, size_t len) {
    dec_t d = { s, s, s + len };
    obj_t stack = obj_new_list(0, NULL);
    list_t *st = OBJ_TO_PTR(stack);
    obj_t value;
    for (;;) {
        /* a value starts here */
        dec_ws(&d);
        if (d.p < d.end && (*d.p == '[' || *d.p == '{')) {
            bool is_list = *d.p++ == '[';
            obj_t c = is_list ? obj_new_list(0, NULL) : obj_new_dict(0);
            dec_ws(&d);
            if (d.p < d.end && *d.p == (is_list ? ']' : '}')) {
                d.p++;
                value = c;
            } else {
                obj_list_append(stack, c);
                if (!is_list) {
                    obj_list_append(stack, dec_key(&d));
                }
                continue;
            }
        } else {
            value = dec_scalar(&d);
            if (value == OBJ_NULL) {
                dec_error(&d, "Expecting value", d.p);
            }
        }
        /* a value is complete: add it to the innermost container, closing containers as they end */
        for (;;) {
            if (st->len == 0) {
                dec_ws(&d);
                if (d.p != d.end) {
                    dec_error(&d, "Extra data", d.p);
                }
                return value;
            }
            obj_t top = st->items[st->len - 1];
            bool in_object = obj_is_str(top);
            if (in_object) {
                obj_dict_store(st->items[st->len - 2], top, value);
                st->len--;
            } else {
                obj_list_append(top, value);
            }
            dec_ws(&d);
            if (d.p < d.end && *d.p == ',') {
                d.p++;
                if (in_object) {
                    obj_list_append(stack, dec_key(&d));
                }
                break;
            }
            if (d.p >= d.end || *d.p != (in_object ? '}' : ']')) {
                dec_error(&d, "Expecting ',' delimiter", d.p);
            }
            d.p++;
            value = st->items[--st->len];
            st->items[st->len] = OBJ_NULL;
        }
    }
}

static obj_t json_loads(obj_t s) {
    size_t len;
    const char *data = obj_is_str_or_subclass(s) ? obj_str_get_data(s, &len) : NULL;
    if (data == NULL) {
        if (!str_is_bytes(s)) {
            rt_raise_type_error("the JSON object must be str, bytes or bytearray, not %q", obj_type_name(s));
        }
        data = obj_str_get_data(s, &len);
    }
    return json_decode(data, len);
}
static FUN_DEFINE_1(json_loads_obj, json_loads);

static obj_t json_load(obj_t stream) {
    return json_loads(rt_call_method(stream, Q_read, 0, NULL));
}
static FUN_DEFINE_1(json_load_obj, json_load);

static const map_elem_t json_globals_table[] = {
    { QOBJ(__name__), QOBJ(json) },
    { QOBJ(dumps), OBJ_ROM(&json_dumps_obj) },
    { QOBJ(dump), OBJ_ROM(&json_dump_obj) },
    { QOBJ(loads), OBJ_ROM(&json_loads_obj) },
    { QOBJ(load), OBJ_ROM(&json_load_obj) },
};
static const DICT_ROM(json_globals, json_globals_table);

MODULE_ROM(module_json, json_globals);
REGISTER_MODULE(json, module_json);
