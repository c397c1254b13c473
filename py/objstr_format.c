/* objstr_format.c: the formatting machinery: the format-spec mini-language (parse and pad), the
 * __format__ protocol (rt_format, used by format(), str.format and f-strings' FORMAT_VALUE),
 * str.format / str.format_map, and printf-style % formatting for str and bytes. */
#include <string.h>
#include "objstr.h"
#include "format.h"
#include "runtime.h"
#include "gc.h"

/* ---- the format-spec mini-language ---- */

static bool is_align(char c) {
    return c == '<' || c == '>' || c == '=' || c == '^';
}

static int parse_num(const char **p, const char *end) {
    const char *s = *p;
    long v = 0;
    while (s < end && *s >= '0' && *s <= '9') {
        v = v * 10 + (*s++ - '0');
        if (v > 0x7fffffff) {
            rt_raise_value_error("Too many decimal digits in format string");
        }
    }
    int r = s == *p ? -1 : (int)v;
    *p = s;
    return r;
}

/* type_name is for the error message (QSTR_NULL when unknown). */
static void spec_parse(const char *s, size_t len, format_spec_t *spec, qstr type_name) {
    const char *p = s, *end = s + len;
    memset(spec, 0, sizeof(*spec));
    spec->fill = ' ';
    spec->width = spec->precision = -1;
    bool fill_given = false;
    if (p < end) {
        const char *q = p;
        uint32_t c = utf8_get(&q);
        if (q < end && is_align(*q)) {
            spec->fill = c;
            spec->align = *q;
            p = q + 1;
            fill_given = true;
        } else if (is_align(*p)) {
            spec->align = *p++;
        }
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' ')) {
        spec->sign = *p++;
    }
    if (p < end && *p == 'z') {
        p++;   /* negative zero coercion: accepted, floats print -0.0 as CPython 3.10 did */
    }
    if (p < end && *p == '#') {
        spec->alt = true;
        p++;
    }
    if (p < end && *p == '0') {
        if (!fill_given) {
            spec->zero = true;
            spec->fill = '0';
        }
        p++;
    }
    spec->width = parse_num(&p, end);
    if (p < end && (*p == ',' || *p == '_')) {
        spec->grouping = *p++;
        if (p < end && (*p == ',' || *p == '_')) {
            rt_raise_value_error("Cannot specify both ',' and '_'.");
        }
    }
    if (p < end && *p == '.') {
        p++;
        spec->precision = parse_num(&p, end);
        if (spec->precision < 0) {
            rt_raise_value_error("Format specifier missing precision");
        }
    }
    if (end - p == 1) {
        spec->type = *p++;
    }
    if (p != end) {
        if (type_name != QSTR_NULL) {
            rt_raise_value_error("Invalid format specifier '%.*s' for object of type '%q'", (int)len, s, type_name);
        }
        rt_raise_value_error("Invalid format specifier");
    }
    /* like CPython, grouping is checked against the type before the value's own checks */
    if (spec->grouping && !strchr("defgEGF%", spec->type)
        && !(spec->grouping == '_' && strchr("boxX", spec->type))) {
        rt_raise_value_error("Cannot specify '%c' with '%c'.", (unsigned)spec->grouping, (unsigned)(uint8_t)spec->type);
    }
}

void format_spec_parse(const char *s, size_t len, format_spec_t *spec) {
    spec_parse(s, len, spec, QSTR_NULL);
}

void format_pad(vstr_t *out, const char *body, size_t len, size_t n_chars, const format_spec_t *spec,
                bool numeric, size_t sign_len) {
    if (spec->width < 0 || n_chars >= (size_t)spec->width) {
        vstr_add_strn(out, body, len);
        return;
    }
    size_t pad = (size_t)spec->width - n_chars, left;
    char align = spec->align ? spec->align : !numeric ? '<' : spec->zero ? '=' : '>';
    switch (align) {
        case '<': left = 0; break;
        case '^': left = pad / 2; break;
        case '=': left = 0; break;
        default: left = pad; break;
    }
    if (align == '=') {
        vstr_add_strn(out, body, sign_len);
        body += sign_len;
        len -= sign_len;
        left = pad;
    }
    char fill[5];
    vstr_t fv;
    vstr_init_fixed(&fv, fill, sizeof(fill));
    vstr_add_char(&fv, spec->fill);
    for (size_t i = 0; i < left; i++) {
        vstr_add_strn(out, fill, fv.len);
    }
    vstr_add_strn(out, body, len);
    for (size_t i = left; i < pad; i++) {
        vstr_add_strn(out, fill, fv.len);
    }
}

/* ---- the __format__ protocol ---- */

static void format_str_to(vstr_t *out, obj_t value, const format_spec_t *spec) {
    if (spec->type != 0 && spec->type != 's') {
        rt_raise_value_error("Unknown format code '%c' for object of type 'str'", (unsigned)(uint8_t)spec->type);
    }
    if (spec->grouping) {
        rt_raise_value_error("Cannot specify '%c' with 's'.", (unsigned)spec->grouping);
    }
    if (spec->sign) {
        rt_raise_value_error(spec->sign == ' ' ? "Space not allowed in string format specifier"
                                               : "Sign not allowed in string format specifier");
    }
    if (spec->alt) {
        rt_raise_value_error("Alternate form (#) not allowed in string format specifier");
    }
    if (spec->align == '=') {
        rt_raise_value_error("'=' alignment not allowed in string format specifier");
    }
    str_view_t v;
    str_view(value, &v);
    size_t len = v.len, n = v.n_chars;
    if (spec->precision >= 0 && (size_t)spec->precision < n) {
        n = (size_t)spec->precision;
        len = str_char_to_byte(value, &v, n);
    }
    format_pad(out, v.data, len, n, spec, false, 0);
}

static bool is_builtin_fun(obj_t f) {
    return obj_is_type(f, &type_fun_builtin_0) || obj_is_type(f, &type_fun_builtin_1)
           || obj_is_type(f, &type_fun_builtin_2) || obj_is_type(f, &type_fun_builtin_3)
           || obj_is_type(f, &type_fun_builtin_var) || obj_is_type(f, &type_fun_builtin_kw);
}

/* Formats value into out; returns false if the caller should use value's user __format__. */
static bool format_builtin(vstr_t *out, obj_t value, const char *s, size_t len) {
    const type_t *t = obj_get_type(value);
    if (t->flags & TYPE_FLAG_USER) {
        obj_t dest[2];
        if (rt_load_method_maybe(value, Q___format__, dest) && !is_builtin_fun(dest[0])) {
            return false;
        }
    }
    value = type_native_self(value);
    if (str_is_str(value)) {
        if (len == 0) {
            size_t l;
            const char *d = obj_str_get_data(value, &l);
            vstr_add_strn(out, d, l);
            return true;
        }
        format_spec_t spec;
        spec_parse(s, len, &spec, Q_str);
        format_str_to(out, value, &spec);
        return true;
    }
    bool is_bool = obj_is_type(value, &type_bool);
    bool is_int = obj_is_int(value) || (!is_bool && obj_isinstance(value, &type_int));
#if CONFIG_FLOAT
    bool is_float = !is_int && obj_isinstance(value, &type_float);
#else
    const bool is_float = false;
#endif
    if (len == 0 || !(is_bool || is_int || is_float)) {
        if (len != 0) {
            rt_raise_type_error("unsupported format string passed to %q.__format__", obj_type_name(value));
        }
        obj_t r = obj_str(value);
        size_t l;
        const char *d = obj_str_get_data(r, &l);
        vstr_add_strn(out, d, l);
        return true;
    }
    format_spec_t spec;
    spec_parse(s, len, &spec, is_float ? Q_float : is_bool ? Q_bool : Q_int);
#if CONFIG_FLOAT
    if (is_float) {
        float_format(out, obj_get_float(value), &spec);
        return true;
    }
#endif
    int_format(out, value, &spec);
    return true;
}

static obj_t call_user_format(obj_t value, obj_t spec) {
    obj_t dest[2];
    rt_load_method(value, Q___format__, dest);
    obj_t r = dest[1] != OBJ_NULL ? rt_call2(dest[0], dest[1], spec) : rt_call1(dest[0], spec);
    if (!str_is_str(r)) {
        rt_raise_type_error("__format__ must return a str, not %q", obj_type_name(r));
    }
    return r;
}

/* Appends format(value, spec) to out. */
static void format_value_to(vstr_t *out, obj_t value, obj_t spec_obj, const char *s, size_t len) {
    if (!format_builtin(out, value, s, len)) {
        if (spec_obj == OBJ_NULL) {
            spec_obj = obj_new_str(s, len);
        }
        size_t l;
        const char *d = obj_str_get_data(call_user_format(value, spec_obj), &l);
        vstr_add_strn(out, d, l);
    }
}

obj_t rt_format(obj_t value, obj_t spec) {
    size_t len = 0;
    const char *s = "";
    if (spec != OBJ_NULL) {
        if (!str_is_str(spec)) {
            rt_raise_type_error("format() argument 2 must be str, not %q", obj_type_name(spec));
        }
        s = obj_str_get_data(spec, &len);
    }
    if (len == 0 && obj_is_str(value)) {
        return value;
    }
    const type_t *t = obj_get_type(value);
    if ((t->flags & TYPE_FLAG_USER)) {
        obj_t dest[2];
        if (rt_load_method_maybe(value, Q___format__, dest) && !is_builtin_fun(dest[0])) {
            return call_user_format(value, spec == OBJ_NULL ? QOBJ() : spec);
        }
    }
    vstr_t vs;
    vstr_init(&vs, 16);
    format_value_to(&vs, value, spec, s, len);
    return obj_new_str_from_vstr(&vs);
}

/* ---- str.format and str.format_map ---- */

typedef struct {
    size_t n_pos;
    const obj_t *pos;
    size_t n_kw;
    const obj_t *kw;     /* (name, value) pairs */
    obj_t mapping;       /* format_map's argument, or OBJ_NULL */
    int auto_idx;        /* next automatic field number; -1 once manual numbering was used */
    bool manual;
} fmt_args_t;

static obj_t lookup_kw(fmt_args_t *fa, const char *name, size_t len) {
    obj_t key = obj_new_str(name, len);
    if (fa->mapping != OBJ_NULL) {
        return rt_subscr_load(fa->mapping, key);
    }
    for (size_t i = 0; i < fa->n_kw; i++) {
        size_t l;
        const char *n = obj_str_get_data(fa->kw[2 * i], &l);
        if (l == len && memcmp(n, name, len) == 0) {
            return fa->kw[2 * i + 1];
        }
    }
    rt_raise_key_error(key);
}

static obj_t lookup_pos(fmt_args_t *fa, size_t idx) {
    if (idx >= fa->n_pos) {
        rt_raise_index_error("Replacement index %zu out of range for positional args tuple", idx);
    }
    return fa->pos[idx];
}

static bool all_digits(const char *s, size_t len) {
    if (len == 0) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
    }
    return true;
}

static size_t to_index(const char *s, size_t len) {
    size_t v = 0;
    for (size_t i = 0; i < len; i++) {
        v = v * 10 + (size_t)(s[i] - '0');
    }
    return v;
}

/* Resolves a field name like `0`, ``, `name`, `0.attr[key]` to its object. */
static obj_t resolve_field(fmt_args_t *fa, const char *s, size_t len) {
    size_t first = 0;
    while (first < len && s[first] != '.' && s[first] != '[') {
        first++;
    }
    obj_t obj;
    if (first == 0) {
        if (fa->manual) {
            rt_raise_value_error("cannot switch from manual field specification to automatic field numbering");
        }
        fa->auto_idx++;
        obj = lookup_pos(fa, (size_t)fa->auto_idx - 1);
    } else if (all_digits(s, first)) {
        if (fa->auto_idx > 0) {
            rt_raise_value_error("cannot switch from automatic field numbering to manual field specification");
        }
        fa->manual = true;
        obj = lookup_pos(fa, to_index(s, first));
    } else {
        obj = lookup_kw(fa, s, first);
    }
    size_t i = first;
    while (i < len) {
        char c = s[i++];
        size_t start = i;
        if (c == '.') {
            while (i < len && s[i] != '.' && s[i] != '[') {
                i++;
            }
            if (i == start) {
                rt_raise_value_error("Empty attribute in format string");
            }
            obj = rt_load_attr(obj, qstr_from_strn(s + start, i - start));
        } else if (c == '[') {
            while (i < len && s[i] != ']') {
                i++;
            }
            if (i >= len) {
                rt_raise_value_error("Missing ']' in format string");
            }
            if (i == start) {
                rt_raise_value_error("Empty attribute in format string");
            }
            obj_t key = all_digits(s + start, i - start) ? OBJ_NEW_SMALL_INT(to_index(s + start, i - start))
                                                         : obj_new_str(s + start, i - start);
            obj = rt_subscr_load(obj, key);
            i++;
            if (i < len && s[i] != '.' && s[i] != '[') {
                rt_raise_value_error("Only '.' or '[' may follow ']' in format field specifier");
            }
        } else {
            rt_raise_value_error("Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return obj;
}

static void format_into(vstr_t *out, fmt_args_t *fa, const char *s, size_t len, int depth);

/* One replacement field (the text between the braces). */
static void format_field(vstr_t *out, fmt_args_t *fa, const char *s, size_t len, int depth) {
    size_t name_end = 0;
    int bracket = 0;
    while (name_end < len) {
        char c = s[name_end];
        if (c == '[') {
            bracket = 1;
        } else if (c == ']') {
            bracket = 0;
        } else if (!bracket && (c == '!' || c == ':')) {
            break;
        }
        name_end++;
    }
    obj_t value = resolve_field(fa, s, name_end);
    size_t i = name_end;
    if (i < len && s[i] == '!') {
        if (i + 1 >= len) {
            rt_raise_value_error("end of string while looking for conversion specifier");
        }
        char conv = s[i + 1];
        if (i + 2 < len && s[i + 2] != ':') {
            rt_raise_value_error("expected ':' after conversion specifier");
        }
        switch (conv) {
            case 'r': value = obj_repr(value); break;
            case 's': value = obj_str(value); break;
            case 'a': value = str_ascii(value); break;
            default: rt_raise_value_error("Unknown conversion specifier %c", (unsigned)(uint8_t)conv);
        }
        i += 2;
    }
    const char *spec = "";
    size_t spec_len = 0;
    vstr_t spec_vs = { 0, 0, NULL, false };
    if (i < len) {
        spec = s + i + 1;
        spec_len = len - i - 1;
        if (memchr(spec, '{', spec_len) != NULL) {
            if (depth >= 2) {
                rt_raise_value_error("Max string recursion exceeded");
            }
            vstr_init(&spec_vs, spec_len + 8);
            format_into(&spec_vs, fa, spec, spec_len, depth + 1);
            spec = spec_vs.buf;
            spec_len = spec_vs.len;
        }
    }
    format_value_to(out, value, OBJ_NULL, spec, spec_len);
}

static void format_into(vstr_t *out, fmt_args_t *fa, const char *s, size_t len, int depth) {
    const char *end = s + len;
    while (s < end) {
        const char *brace = s;
        while (brace < end && *brace != '{' && *brace != '}') {
            brace++;
        }
        vstr_add_strn(out, s, (size_t)(brace - s));
        if (brace == end) {
            break;
        }
        if (*brace == '}') {
            if (brace + 1 < end && brace[1] == '}') {
                vstr_add_byte(out, '}');
                s = brace + 2;
                continue;
            }
            rt_raise_value_error("Single '}' encountered in format string");
        }
        if (brace + 1 < end && brace[1] == '{') {
            vstr_add_byte(out, '{');
            s = brace + 2;
            continue;
        }
        if (brace + 1 == end) {
            rt_raise_value_error("Single '{' encountered in format string");
        }
        const char *f = brace + 1;
        int level = 1;
        const char *q = f;
        bool in_name = true; /* an index in the field name, "{0[a}b]}", may hold braces */
        while (q < end) {
            if (in_name && *q == '[') {
                while (q < end && *q != ']') {
                    q++;
                }
                if (q == end) {
                    break;
                }
            } else if (*q == ':' || *q == '!') {
                in_name = false;
            }
            if (*q == '{') {
                level++;
            } else if (*q == '}' && --level == 0) {
                break;
            }
            q++;
        }
        if (q >= end) {
            rt_raise_value_error("expected '}' before end of string");
        }
        format_field(out, fa, f, (size_t)(q - f), depth);
        s = q + 1;
    }
}

obj_t str_format_method(size_t n_args, size_t n_kw, const obj_t *args, obj_t mapping) {
    fmt_args_t fa = { n_args - 1, args + 1, n_kw, args + n_args, mapping, 0, false };
    str_view_t v;
    str_view(args[0], &v);
    vstr_t out;
    vstr_init(&out, v.len + 16);
    format_into(&out, &fa, v.data, v.len, 0);
    return obj_new_str_from_vstr(&out);
}

/* ---- printf-style % formatting ---- */

typedef struct {
    bool left, plus, space, alt, zero;
    int width, prec;
} pct_flags_t;

static void pad_out(vstr_t *out, const char *s, size_t len, size_t n_chars, const pct_flags_t *f) {
    size_t w = f->width > 0 ? (size_t)f->width : 0;
    size_t pad = n_chars < w ? w - n_chars : 0;
    if (!f->left) {
        for (size_t i = 0; i < pad; i++) {
            vstr_add_byte(out, ' ');
        }
    }
    vstr_add_strn(out, s, len);
    if (f->left) {
        for (size_t i = 0; i < pad; i++) {
            vstr_add_byte(out, ' ');
        }
    }
}

static void pct_int(vstr_t *out, obj_t arg, char conv, const pct_flags_t *f) {
    bool is_num = obj_is_int(arg) || obj_is_type(arg, &type_bool) || obj_isinstance(arg, &type_int);
#if CONFIG_FLOAT
    if (!is_num && (conv == 'd' || conv == 'i' || conv == 'u') && obj_isinstance(arg, &type_float)) {
        arg = rt_unary_op(UNARY_OP_INT, arg);
        is_num = true;
    }
#endif
    if (!is_num) {
        if (conv == 'd' || conv == 'i' || conv == 'u') {
            rt_raise_type_error("%%%c format: a real number is required, not %q", (unsigned)conv, obj_type_name(arg));
        }
        rt_raise_type_error("%%%c format: an integer is required, not %q", (unsigned)conv, obj_type_name(arg));
    }
    if (obj_is_type(arg, &type_bool)) {
        arg = OBJ_NEW_SMALL_INT(arg == OBJ_TRUE);
    }
    arg = type_native_self(arg);
    format_spec_t spec;
    memset(&spec, 0, sizeof(spec));
    spec.fill = ' ';
    spec.width = spec.precision = -1;
    spec.type = (conv == 'i' || conv == 'u') ? 'd' : conv;
    vstr_t digits;
    vstr_init(&digits, 24);
    int_format(&digits, arg, &spec);
    const char *d = digits.buf;
    size_t dlen = digits.len;
    char head[4];
    size_t hlen = 0;
    if (dlen > 0 && d[0] == '-') {
        head[hlen++] = '-';
        d++;
        dlen--;
    } else if (f->plus) {
        head[hlen++] = '+';
    } else if (f->space) {
        head[hlen++] = ' ';
    }
    if (f->alt && conv != 'd' && conv != 'i' && conv != 'u') {
        head[hlen++] = '0';
        head[hlen++] = conv;
    }
    size_t prec_zeros = f->prec > 0 && (size_t)f->prec > dlen ? (size_t)f->prec - dlen : 0;
    size_t body = hlen + prec_zeros + dlen;
    size_t w = f->width > 0 ? (size_t)f->width : 0;
    size_t pad = body < w ? w - body : 0;
    if (!f->left && !f->zero) {
        for (size_t i = 0; i < pad; i++) {
            vstr_add_byte(out, ' ');
        }
    }
    vstr_add_strn(out, head, hlen);
    if (!f->left && f->zero) {
        prec_zeros += pad;
    }
    for (size_t i = 0; i < prec_zeros; i++) {
        vstr_add_byte(out, '0');
    }
    vstr_add_strn(out, d, dlen);
    if (f->left) {
        for (size_t i = 0; i < pad; i++) {
            vstr_add_byte(out, ' ');
        }
    }
    vstr_clear(&digits);
}

#if CONFIG_FLOAT
static void pct_float(vstr_t *out, obj_t arg, char conv, const pct_flags_t *f) {
    float_val_t x;
    arg = type_native_self(arg);
    if (!obj_get_float_maybe(arg, &x)) {
        rt_raise_type_error("must be real number, not %q", obj_type_name(arg));
    }
    format_spec_t spec;
    memset(&spec, 0, sizeof(spec));
    spec.fill = ' ';
    spec.type = conv;
    spec.alt = f->alt;
    spec.sign = f->plus ? '+' : f->space ? ' ' : 0;
    spec.width = f->width > 0 ? f->width : -1;
    spec.precision = f->prec >= 0 ? f->prec : 6;
    if (f->left) {
        spec.align = '<';
    } else if (f->zero) {
        spec.zero = true;
        spec.fill = '0';
        spec.align = '=';
    } else {
        spec.align = '>';
    }
    float_format(out, x, &spec);
}
#endif

static bool pct_is_mapping(obj_t args, bool is_bytes) {
    if (obj_is_type(args, &type_tuple) || str_is_str(args) || (is_bytes && str_is_bytes(args))) {
        return false;
    }
    if (obj_is_type(args, &type_dict)) {
        return true;
    }
    return obj_get_type(args)->subscr != NULL;
}

/* %s for bytes: the argument's buffer, or its __bytes__. */
static void pct_bytes_arg(vstr_t *out, obj_t arg, const pct_flags_t *f) {
    const char *d;
    size_t len;
    if (str_is_str(arg) || !str_get_buffer(arg, &d, &len)) {
        obj_t dest[2];
        if (str_is_str(arg) || !rt_load_method_maybe(arg, Q___bytes__, dest)) {
            rt_raise_type_error("%%b requires a bytes-like object, or an object that implements __bytes__, not '%q'",
                                obj_type_name(arg));
        }
        obj_t b = dest[1] != OBJ_NULL ? rt_call1(dest[0], dest[1]) : rt_call0(dest[0]);
        d = str_bytes_data(b, &len);
    }
    if (f->prec >= 0 && (size_t)f->prec < len) {
        len = (size_t)f->prec;
    }
    pad_out(out, d, len, len, f);
}

static void pct_text(vstr_t *out, obj_t s, const pct_flags_t *f, bool is_bytes) {
    str_view_t v;
    str_view(s, &v);
    size_t len = v.len, n = v.n_chars;
    if (f->prec >= 0 && (size_t)f->prec < n) {
        n = (size_t)f->prec;
        len = str_char_to_byte(s, &v, n);
    }
    pad_out(out, v.data, len, is_bytes ? len : n, f);
}

static void pct_char(vstr_t *out, obj_t arg, const pct_flags_t *f, bool is_bytes) {
    char buf[5];
    vstr_t cv;
    vstr_init_fixed(&cv, buf, sizeof(buf));
    if (obj_is_int(arg) || obj_is_type(arg, &type_bool)) {
        intptr_t c;
        if (!obj_get_int_maybe(arg, &c)) {
            c = -1;   /* a big int: out of range either way */
        }
        if (is_bytes && (c < 0 || c > 255)) {
            rt_raise_overflow("%c arg not in range(256)");
        }
        if (c < 0 || c > 0x10ffff) {
            rt_raise_overflow("%c arg not in range(0x110000)");
        }
        if (is_bytes) {
            vstr_add_byte(&cv, (uint8_t)c);
        } else {
            vstr_add_char(&cv, (uint32_t)c);
        }
    } else {
        const char *d;
        size_t len;
        bool ok;
        if (is_bytes) {
            ok = !str_is_str(arg) && str_get_buffer(arg, &d, &len) && len == 1;
        } else {
            ok = str_is_str(arg) && (d = obj_str_get_data(arg, &len), utf8_count(d, len) == 1);
        }
        if (!ok) {
            rt_raise_type_error(is_bytes ? "%%c requires an integer in range(256) or a single byte" : "%%c requires int or char");
        }
        vstr_add_strn(&cv, d, len);
    }
    pad_out(out, buf, cv.len, 1, f);
}

obj_t str_mod_format(obj_t fmt, obj_t args, bool is_bytes) {
    size_t flen;
    const char *s = obj_str_get_data(fmt, &flen), *end = s + flen, *start = s;
    obj_t *items = &args;
    size_t n_items = 1, next = 0;
    obj_t mapping = OBJ_NULL;
    if (obj_is_type(args, &type_tuple)) {
        obj_tuple_get(args, &n_items, &items);
    } else if (pct_is_mapping(args, is_bytes)) {
        mapping = args;
    }
    vstr_t out;
    vstr_init(&out, flen + 16);
    while (s < end) {
        const char *pct = memchr(s, '%', (size_t)(end - s));
        if (pct == NULL) {
            vstr_add_strn(&out, s, (size_t)(end - s));
            break;
        }
        vstr_add_strn(&out, s, (size_t)(pct - s));
        s = pct + 1;
        obj_t arg = OBJ_NULL;
        if (s < end && *s == '(') {
            if (mapping == OBJ_NULL) {
                rt_raise_type_error("format requires a mapping");
            }
            const char *k = ++s;
            int depth = 1;
            while (s < end && (depth > 1 || *s != ')')) {
                depth += (*s == '(') - (*s == ')');
                s++;
            }
            if (s >= end) {
                rt_raise_value_error("incomplete format key");
            }
            obj_t key = is_bytes ? obj_new_bytes((const uint8_t *)k, (size_t)(s - k)) : obj_new_str(k, (size_t)(s - k));
            arg = rt_subscr_load(mapping, key);
            s++;
        }
        pct_flags_t f = { false, false, false, false, false, -1, -1 };
        for (; s < end; s++) {
            switch (*s) {
                case '-': f.left = true; continue;
                case '+': f.plus = true; continue;
                case ' ': f.space = true; continue;
                case '#': f.alt = true; continue;
                case '0': f.zero = true; continue;
                default: break;
            }
            break;
        }
        for (int pass = 0; pass < 2; pass++) {
            int *dst = pass == 0 ? &f.width : &f.prec;
            if (pass == 1) {
                if (s >= end || *s != '.') {
                    break;
                }
                s++;
                f.prec = 0;
            }
            if (s < end && *s == '*') {
                if (next >= n_items) {
                    rt_raise_type_error("not enough arguments for format string");
                }
                if (!obj_is_int(items[next])) {
                    rt_raise_type_error("* wants int");
                }
                intptr_t v = obj_get_int(items[next++]);
                if (pass == 0 && v < 0) {
                    f.left = true;
                    v = -v;
                }
                *dst = (int)v;
                s++;
            } else {
                int v = parse_num(&s, end);
                if (v >= 0) {
                    *dst = v;
                }
            }
        }
        while (s < end && (*s == 'h' || *s == 'l' || *s == 'L')) {
            s++;
        }
        if (s >= end) {
            rt_raise_value_error("incomplete format");
        }
        char conv = *s++;
        if (conv == '%') {
            vstr_add_byte(&out, '%');
            continue;
        }
        if (arg == OBJ_NULL) {
            if (next >= n_items) {
                rt_raise_type_error("not enough arguments for format string");
            }
            arg = items[next++];
        }
        switch (conv) {
            case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
                pct_int(&out, arg, conv, &f);
                break;
#if CONFIG_FLOAT
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
                pct_float(&out, arg, conv, &f);
                break;
#endif
            case 'c':
                pct_char(&out, arg, &f, is_bytes);
                break;
            case 's': case 'r': case 'a': case 'b':
                if (is_bytes && (conv == 's' || conv == 'b')) {
                    pct_bytes_arg(&out, arg, &f);
                } else if (conv == 'b') {
                    goto unsupported;
                } else {
                    obj_t t = conv == 's' ? obj_str(arg) : (conv == 'a' || is_bytes) ? str_ascii(arg) : obj_repr(arg);
                    pct_text(&out, t, &f, is_bytes);
                }
                break;
            default:
            unsupported:
                rt_raise_value_error("unsupported format character '%c' (0x%x) at index %zu",
                                     (unsigned)(uint8_t)conv, (unsigned)(uint8_t)conv, (size_t)(s - 1 - start));
        }
    }
    if (next < n_items && mapping == OBJ_NULL) {
        rt_raise_type_error("not all arguments converted during string formatting");
    }
    return is_bytes ? str_from_vstr_like(fmt, &out) : obj_new_str_from_vstr(&out);
}
