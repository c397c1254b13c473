/* parse.c: recursive-descent parser from tokens to the parse tree (parse.h), following Python's
 * grammar: statements, expressions by precedence, displays and comprehensions, f-strings (split
 * here into literal parts and fields whose expressions are parsed by a nested lexer), and the
 * target checks that produce CPython's "cannot assign to ..." errors. */
#include <string.h>
#include "gc.h"
#include "parse.h"

typedef struct {
    uint32_t line;
    uint16_t col;
} loc_t;

/* A growable list of nodes that starts in a small buffer on the C stack (found there by the GC). */
typedef struct {
    pn_t **items;
    size_t len, alloc;
    pn_t *buf[8];
} nlist_t;

#define TOK(p) ((p)->lx->tok.kind)

/* ---- nodes ---- */

static void nl_init(nlist_t *l) {
    l->items = l->buf;
    l->len = 0;
    l->alloc = 8;
}

static void nl_push(nlist_t *l, pn_t *n) {
    if (l->len == l->alloc) {
        pn_t **items = m_new(pn_t *, l->alloc * 2);
        memcpy(items, l->items, l->len * sizeof(pn_t *));
        if (l->items != l->buf) {
            m_free(l->items);
        }
        l->items = items;
        l->alloc *= 2;
    }
    l->items[l->len++] = n;
}

static pn_t *mk_extra(pn_kind_t kind, size_t n, loc_t at, size_t extra) {
    if (n > 0xffff) {
        rt_raise_msg(&type_SyntaxError, "too many items");
    }
    pn_t *pn = (pn_t *)m_malloc(sizeof(pn_t) + n * sizeof(pn_t *) + extra);
    pn->kind = (uint8_t)kind;
    pn->n = (uint16_t)n;
    pn->line = at.line < PN_LINE_MAX ? at.line : PN_LINE_MAX;
    pn->col = at.col < PN_COL_MAX ? at.col : PN_COL_MAX;
    pn->val = OBJ_NULL;
    return pn;
}

static pn_t *mk(pn_kind_t kind, size_t n, loc_t at) {
    return mk_extra(kind, n, at, 0);
}

static pn_t *mk1(pn_kind_t kind, loc_t at, pn_t *a) {
    pn_t *pn = mk(kind, 1, at);
    pn->kid[0] = a;
    return pn;
}

static pn_t *mk2(pn_kind_t kind, loc_t at, pn_t *a, pn_t *b) {
    pn_t *pn = mk(kind, 2, at);
    pn->kid[0] = a;
    pn->kid[1] = b;
    return pn;
}

static pn_t *mk3(pn_kind_t kind, loc_t at, pn_t *a, pn_t *b, pn_t *c) {
    pn_t *pn = mk(kind, 3, at);
    pn->kid[0] = a;
    pn->kid[1] = b;
    pn->kid[2] = c;
    return pn;
}

static pn_t *nl_make_extra(nlist_t *l, pn_kind_t kind, loc_t at, size_t extra) {
    pn_t *pn = mk_extra(kind, l->len, at, extra);
    memcpy(pn->kid, l->items, l->len * sizeof(pn_t *));
    if (l->items != l->buf) {
        m_free(l->items);
    }
    return pn;
}

static pn_t *nl_make(nlist_t *l, pn_kind_t kind, loc_t at) {
    return nl_make_extra(l, kind, at, 0);
}

void parse_free(pn_t *pn) {
    if (pn == NULL) {
        return;
    }
    for (size_t i = 0; i < pn->n; i++) {
        parse_free(pn->kid[i]);
    }
    m_free(pn);
}

static pn_t *mk_const(obj_t v, loc_t at) {
    pn_t *pn = mk(PN_CONST, 0, at);
    pn->val = v;
    return pn;
}

/* ---- tokens ---- */

static loc_t here(parser_t *p) {
    loc_t l = { p->lx->tok.line, (uint16_t)(p->lx->tok.pos - p->lx->tok.line_start) };
    return l;
}

static void next(parser_t *p) {
    lexer_next(p->lx);
}

static bool accept(parser_t *p, tok_kind_t k) {
    if (TOK(p) == k) {
        next(p);
        return true;
    }
    return false;
}

static RT_NORETURN void syntax_error(parser_t *p) {
    tok_t *t = &p->lx->tok;
    if (t->kind == TOK_INDENT) {
        lexer_error_at(p->lx, &type_IndentationError, t->pos, t->line, t->line_start, "unexpected indent");
    }
    if (t->kind == TOK_END || (t->kind == TOK_DEDENT && t->pos >= p->lx->end)) {
        p->lx->eof_incomplete = true;
        lexer_error(p->lx, "unexpected EOF while parsing");
    }
    lexer_t *lx = p->lx;
    int i = lx->paren_top - 1;
    if (i >= 0 && t->line > lx->paren_line[i]) {
        lexer_error_unclosed(lx);
    }
    lexer_error(p->lx, "invalid syntax");
}

static void expect(parser_t *p, tok_kind_t k) {
    if (!accept(p, k)) {
        if (k == TOK_COLON && TOK(p) != TOK_END) {
            lexer_error(p->lx, "expected ':'");
        }
        syntax_error(p);
    }
}

static qstr expect_name(parser_t *p) {
    if (TOK(p) != TOK_NAME) {
        syntax_error(p);
    }
    qstr q = qstr_from_strn(p->lx->tok.pos, p->lx->tok.len);
    next(p);
    return q;
}

/* Private names: `__x` inside class C becomes `_C__x`. */
static qstr mangle(parser_t *p, qstr q) {
    if (p->private_name == QSTR_NULL) {
        return q;
    }
    size_t len;
    const char *s = qstr_data(q, &len);
    if (len < 3 || s[0] != '_' || s[1] != '_' || (s[len - 1] == '_' && s[len - 2] == '_')) {
        return q;
    }
    const char *cls = qstr_str(p->private_name);
    while (*cls == '_') {
        cls++;
    }
    if (*cls == 0) {
        return q;
    }
    vstr_t vs;
    vstr_init(&vs, len + strlen(cls) + 2);
    vstr_add_byte(&vs, '_');
    vstr_add_str(&vs, cls);
    vstr_add_strn(&vs, s, len);
    qstr r = qstr_from_strn(vs.buf, vs.len);
    vstr_clear(&vs);
    return r;
}

/* A keyword argument's name is never mangled, though it was parsed as a (mangled) name. */
static qstr unmangle(parser_t *p, pn_t *name) {
    size_t len;
    const char *s = qstr_data(PN_QSTR(name), &len);
    if (name->op != PN_NAME_MANGLED) {
        return PN_QSTR(name);
    }
    const char *cls = qstr_str(p->private_name);
    while (*cls == '_') {
        cls++;
    }
    size_t skip = 1 + strlen(cls);
    return qstr_from_strn(s + skip, len - skip);
}

static qstr expect_private_name(parser_t *p) {
    return mangle(p, expect_name(p));
}

/* Raise a SyntaxError located at node pn. */
static RT_NORETURN void node_error(parser_t *p, pn_t *pn, const char *fmt, const char *arg) {
    lexer_t *lx = p->lx;
    const char *ls = lx->src;
    for (uint32_t l = lx->first_line; l < pn->line && ls < lx->end; ls++) {
        l += *ls == '\n';
    }
    lexer_error_at(lx, &type_SyntaxError, ls + pn->col, pn->line, ls, fmt, arg);
}

static bool starts_expr(tok_kind_t k) {
    switch (k) {
        case TOK_NAME: case TOK_INT: case TOK_FLOAT: case TOK_STRING: case TOK_LPAREN:
        case TOK_LBRACKET: case TOK_LBRACE: case TOK_MINUS: case TOK_PLUS: case TOK_TILDE:
        case TOK_KW_not: case TOK_KW_lambda: case TOK_KW_await: case TOK_KW_None: case TOK_KW_True:
        case TOK_KW_False: case TOK_ELLIPSIS: case TOK_STAR:
            return true;
        default:
            return false;
    }
}

/* ---- forward declarations ---- */
static pn_t *parse_test(parser_t *p);
static pn_t *parse_namedexpr(parser_t *p);
static pn_t *parse_or(parser_t *p);
static pn_t *parse_expr(parser_t *p);
static pn_t *parse_factor(parser_t *p);
static pn_t *parse_atom(parser_t *p);
static pn_t *parse_testlist_star(parser_t *p, bool star_ok);
static pn_t *parse_exprlist(parser_t *p);
static pn_t *parse_params(parser_t *p, tok_kind_t close, bool annotations);
static pn_t *parse_block(parser_t *p, const char *what, uint32_t hdr_line);
static void parse_stmt(parser_t *p, nlist_t *out);

/* ---- targets ---- */

enum { TGT_ASSIGN, TGT_ASSIGN_TOP, TGT_DEL, TGT_AUG };

static const char *expr_name(pn_t *pn) {
    switch (pn->kind) {
        case PN_CALL: return "function call";
        case PN_CONST:
            if (pn->val == OBJ_NONE) {
                return "None";
            }
            if (pn->val == OBJ_TRUE) {
                return "True";
            }
            if (pn->val == OBJ_FALSE) {
                return "False";
            }
            if (pn->val == OBJ_ELLIPSIS) {
                return "ellipsis";
            }
            return "literal";
        case PN_COMPARE: return "comparison";
        case PN_LAMBDA: return "lambda";
        case PN_IFEXP: return "conditional expression";
        case PN_NAMEDEXPR: return "named expression";
        case PN_GENEXP: return "generator expression";
        case PN_LISTCOMP: return "list comprehension";
        case PN_SETCOMP: return "set comprehension";
        case PN_DICTCOMP: return "dict comprehension";
        case PN_DICT: return "dict literal";
        case PN_SET: return "set display";
        case PN_FSTRING: return "f-string expression";
        case PN_AWAIT: return "await expression";
        case PN_YIELD: case PN_YIELD_FROM: return "yield expression";
        case PN_STAR: return "starred";
        case PN_TUPLE: return "tuple";
        case PN_LIST: return "list";
        default: return "expression";
    }
}

static void check_target(parser_t *p, pn_t *pn, int how) {
    switch (pn->kind) {
        case PN_NAME: case PN_ATTR: case PN_SUBSCR:
            return;
        case PN_TUPLE: case PN_LIST:
            if (how == TGT_AUG) {
                break;
            }
            for (size_t i = 0, stars = 0; i < pn->n; i++) {
                pn_t *k = pn->kid[i];
                if (k->kind == PN_STAR && how != TGT_DEL) {
                    if (++stars > 1) {
                        node_error(p, k, "multiple starred expressions in assignment", NULL);
                    }
                    k = k->kid[0];
                }
                check_target(p, k, how == TGT_ASSIGN_TOP ? TGT_ASSIGN : how);
            }
            return;
        default:
            break;
    }
    const char *what = expr_name(pn);
    if (how == TGT_AUG) {
        node_error(p, pn, "'%s' is an illegal expression for augmented assignment", what);
    }
    if (how == TGT_DEL) {
        node_error(p, pn, "cannot delete %s", what);
    }
    if (pn->kind == PN_STAR) {
        node_error(p, pn, "starred assignment target must be in a list or tuple", NULL);
    }
    if (how == TGT_ASSIGN_TOP && pn->kind != PN_CONST && pn->kind != PN_STAR) {
        node_error(p, pn, "cannot assign to %s here. Maybe you meant '==' instead of '='?", what);
    }
    if (how == TGT_ASSIGN_TOP && pn->kind == PN_CONST && pn->val != OBJ_NONE && pn->val != OBJ_TRUE &&
        pn->val != OBJ_FALSE && pn->val != OBJ_ELLIPSIS) {
        node_error(p, pn, "cannot assign to %s here. Maybe you meant '==' instead of '='?", what);
    }
    node_error(p, pn, "cannot assign to %s", what);
}

/* ---- numbers and strings ---- */

static obj_t parse_int_literal(parser_t *p, const char *s, size_t len) {
    int base = 10;
    if (len > 1 && s[0] == '0' && strchr("xXoObB", s[1]) != NULL) {
        char b = (char)(s[1] | 0x20);
        base = b == 'x' ? 16 : b == 'o' ? 8 : 2;
        s += 2;
        len -= 2;
        if (len > 0 && *s == '_') {
            s++;
            len--;
        }
    }
    char buf[80];
    vstr_t vs;
    vstr_init_fixed(&vs, buf, sizeof(buf));
    if (len >= sizeof(buf) - 1) {
        vstr_init(&vs, len + 1);
    }
    small_int_t v = 0;
    bool small = true;
    bool last_us = true;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '_') {
            if (last_us) {
                lexer_error(p->lx, "invalid decimal literal");
            }
            last_us = true;
            continue;
        }
        int d = (c >= '0' && c <= '9') ? c - '0' : ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? (c | 0x20) - 'a' + 10 : 99;
        if (d >= base) {
            lexer_error(p->lx, base == 16 ? "invalid hexadecimal literal" : base == 8 ? "invalid octal literal"
                        : base == 2 ? "invalid binary literal" : "invalid decimal literal");
        }
        last_us = false;
        vstr_add_byte(&vs, (uint8_t)c);
        if (small && v <= (SMALL_INT_MAX - d) / base) {
            v = v * base + d;
        } else {
            small = false;
        }
    }
    if (last_us) {
        lexer_error(p->lx, base == 10 ? "invalid decimal literal" : "invalid syntax");
    }
    if (base == 10 && len > 1 && s[0] == '0') {
        for (size_t i = 0; i < len; i++) {
            if (s[i] != '0' && s[i] != '_') {
                lexer_error(p->lx, "leading zeros in decimal integer literals are not permitted; "
                                   "use an 0o prefix for octal integers");
            }
        }
    }
    if (small) {
        return OBJ_NEW_SMALL_INT(v);
    }
    return obj_new_int_from_str(vs.buf, vs.len, base);
}

static obj_t parse_float_literal(parser_t *p, const char *s, size_t len) {
    vstr_t vs;
    vstr_init(&vs, len + 1);
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '_') {
            vstr_add_byte(&vs, (uint8_t)s[i]);
        }
    }
    (void)p;
#if CONFIG_FLOAT
    return obj_new_float_from_str(vs.buf, vs.len);
#else
    lexer_error(p->lx, "decimal numbers not supported");   /* MicroPython's words */
#endif
}

static void flush_lit(vstr_t *lit, nlist_t *parts, loc_t at) {
    if (lit->len > 0) {
        nl_push(parts, mk_const(obj_new_str(lit->buf, lit->len), at));
        lit->len = 0;
    }
}

#if CONFIG_FSTRINGS
static const char *parse_fstring_field(parser_t *p, const char *s, const char *e, int flags, vstr_t *lit,
                                       nlist_t *parts);

/* Parse the expression text [s, e) of an f-string field with a nested lexer. */
static pn_t *parse_field_expr(parser_t *p, const char *s, const char *e) {
    size_t len = (size_t)(e - s);
    char *buf = m_new(char, len + 3);
    buf[0] = '(';
    memcpy(buf + 1, s, len);
    buf[len + 1] = ')';
    buf[len + 2] = 0;
    lexer_t *outer = p->lx;
    lexer_t sub;
    lexer_init(&sub, buf, len + 2, outer->filename, outer->tok.line);
    p->lx = &sub;
    next(p);
    pn_t *pn = parse_atom(p);
    if (TOK(p) != TOK_NEWLINE && TOK(p) != TOK_END) {
        syntax_error(p);
    }
    p->lx = outer;
    return pn;
}

/* A format spec up to the closing '}' of its field: literal text and nested fields. */
static const char *parse_fstring_spec(parser_t *p, const char *s, const char *e, int flags, pn_t **out) {
    vstr_t lit;
    vstr_init(&lit, 16);
    nlist_t parts;
    nl_init(&parts);
    loc_t at = here(p);
    const char *run = s;
    while (s < e && *s != '}') {
        if (*s == '{') {
            lexer_decode_string(p->lx, run, (size_t)(s - run), flags, &lit);
            s = parse_fstring_field(p, s + 1, e, flags, &lit, &parts);
            run = s;
        } else {
            s++;
        }
    }
    lexer_decode_string(p->lx, run, (size_t)(s - run), flags, &lit);
    flush_lit(&lit, &parts, at);
    *out = nl_make(&parts, PN_FSTRING, at);
    return s;
}

/* A field after its '{': returns the position after its '}'. */
static const char *parse_fstring_field(parser_t *p, const char *s, const char *e, int flags, vstr_t *lit,
                                       nlist_t *parts) {
    const char *start = s;
    int depth = 0;
    char quote = 0;
    for (; s < e; s++) {
        char c = *s;
        if (quote) {
            quote = c == quote ? 0 : quote;
            continue;
        }
        if (c == '\\') {
            lexer_error(p->lx, "f-string expression part cannot include a backslash");
        } else if (c == '#') {
            lexer_error(p->lx, "f-string expression part cannot include '#'");
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            if (depth == 0) {
                if (c != '}') {
                    lexer_error(p->lx, "f-string: unmatched '%c'", c);
                }
                break;
            }
            depth--;
        } else if (depth == 0 && c == '!' && s + 1 < e && s[1] != '=') {
            break;
        } else if (depth == 0 && c == ':') {
            break;
        } else if (depth == 0 && c == '=') {
            if (s + 1 < e && s[1] == '=') {
                s++;
            } else if (s == start || strchr("=!<>", s[-1]) == NULL) {
                break;
            }
        }
    }
    if (s >= e) {
        lexer_error(p->lx, "f-string: expecting '}'");
    }
    const char *expr_end = s;
    bool blank = true;
    for (const char *q = start; q < expr_end; q++) {
        blank &= *q == ' ' || *q == '\t' || *q == '\n' || *q == '\r';
    }
    if (blank) {
        lexer_error(p->lx, "f-string: empty expression not allowed");
    }
    bool selfdoc = false;
    if (*s == '=') {
        selfdoc = true;
        s++;
        while (s < e && (*s == ' ' || *s == '\t')) {
            s++;
        }
    }
    const char *doc_end = s;
    int conv = 0;
    if (s < e && *s == '!') {
        char c = s + 1 < e ? s[1] : 0;
        conv = c == 's' ? 1 : c == 'r' ? 2 : c == 'a' ? 3 : 0;
        if (conv == 0) {
            lexer_error(p->lx, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
        s += 2;
    }
    pn_t *spec = NULL;
    if (s < e && *s == ':') {
        s = parse_fstring_spec(p, s + 1, e, flags, &spec);
    }
    if (s >= e || *s != '}') {
        lexer_error(p->lx, "f-string: expecting '}'");
    }
    loc_t at = here(p);
    if (selfdoc) {
        vstr_add_strn(lit, start, (size_t)(doc_end - start));
        if (conv == 0 && spec == NULL) {
            conv = 2;
        }
    }
    flush_lit(lit, parts, at);
    pn_t *f = mk2(PN_FORMAT, at, parse_field_expr(p, start, expr_end), spec);
    f->op = (uint8_t)conv;
    nl_push(parts, f);
    return s + 1;
}

static void parse_fstring(parser_t *p, const tok_t *t, vstr_t *lit, nlist_t *parts) {
    const char *s = t->body, *e = t->body + t->body_len, *run = s;
    int flags = t->str_flags & ~STR_FSTRING;
    while (s < e) {
        char c = *s;
        if (c == '{' || c == '}') {
            lexer_decode_string(p->lx, run, (size_t)(s - run), flags, lit);
            if (s + 1 < e && s[1] == c) {
                vstr_add_byte(lit, (uint8_t)c);
                s += 2;
            } else if (c == '}') {
                lexer_error(p->lx, "f-string: single '}' is not allowed");
            } else {
                s = parse_fstring_field(p, s + 1, e, flags, lit, parts);
            }
            run = s;
        } else {
            s += (c == '\\' && s + 1 < e && !(flags & STR_RAW)) ? 2 : 1;
        }
    }
    lexer_decode_string(p->lx, run, (size_t)(e - run), flags, lit);
}
#endif

/* Adjacent string literals, joined; f-strings make a PN_FSTRING. */
static pn_t *parse_strings(parser_t *p) {
    loc_t at = here(p);
    vstr_t lit;
    vstr_init(&lit, 32);
    nlist_t parts;
    nl_init(&parts);
    int bytes = -1;
    bool any_f = false;
    while (TOK(p) == TOK_STRING) {
        tok_t t = p->lx->tok;
        int is_bytes = (t.str_flags & STR_BYTES) != 0;
        if (bytes >= 0 && bytes != is_bytes) {
            lexer_error(p->lx, "cannot mix bytes and nonbytes literals");
        }
        bytes = is_bytes;
        if (t.str_flags & STR_FSTRING) {
#if CONFIG_FSTRINGS
            any_f = true;
            parse_fstring(p, &t, &lit, &parts);
#else
            lexer_error(p->lx, "f-strings are not supported");
#endif
        } else {
            lexer_decode_string(p->lx, t.body, t.body_len, t.str_flags, &lit);
        }
        next(p);
    }
    if (bytes) {
        return mk_const(obj_new_bytes((const uint8_t *)lit.buf, lit.len), at);
    }
    if (!any_f) {
        return mk_const(obj_new_str(lit.buf, lit.len), at);
    }
    flush_lit(&lit, &parts, at);
    return nl_make(&parts, PN_FSTRING, at);
}

/* ---- expressions ---- */

/* comp_for: ('async'? 'for' targets 'in' or_test ('if' or_test)*)+, appended to l */
static void parse_comp_fors(parser_t *p, nlist_t *l) {
    while (TOK(p) == TOK_KW_for || TOK(p) == TOK_KW_async) {
        loc_t at = here(p);
        bool is_async = accept(p, TOK_KW_async);
        expect(p, TOK_KW_for);
        nlist_t k;
        nl_init(&k);
        pn_t *tgt = parse_exprlist(p);
        check_target(p, tgt, TGT_ASSIGN);
        nl_push(&k, tgt);
        expect(p, TOK_KW_in);
        nl_push(&k, parse_or(p));
        while (accept(p, TOK_KW_if)) {
            nl_push(&k, parse_or(p));
        }
        pn_t *cf = nl_make(&k, PN_COMPFOR, at);
        cf->op = is_async;
        nl_push(l, cf);
    }
}

static pn_t *make_comp(parser_t *p, pn_kind_t kind, loc_t at, pn_t *elt, pn_t *value) {
    nlist_t l;
    nl_init(&l);
    nl_push(&l, elt);
    if (value != NULL) {
        nl_push(&l, value);
    }
    parse_comp_fors(p, &l);
    return nl_make(&l, kind, at);
}

static pn_t *parse_star_or_named(parser_t *p) {
    if (TOK(p) == TOK_STAR) {
        loc_t at = here(p);
        next(p);
        return mk1(PN_STAR, at, parse_expr(p));
    }
    return parse_namedexpr(p);
}

/* The rest of a display after its first element: (',' elem)* [','] close. */
static pn_t *finish_display(parser_t *p, pn_kind_t kind, loc_t at, pn_t *first, tok_kind_t close) {
    nlist_t l;
    nl_init(&l);
    if (first != NULL) {
        nl_push(&l, first);
        while (accept(p, TOK_COMMA) && TOK(p) != close) {
            nl_push(&l, parse_star_or_named(p));
        }
    }
    expect(p, close);
    return nl_make(&l, kind, at);
}

static pn_t *parse_yield(parser_t *p) {
    loc_t at = here(p);
    expect(p, TOK_KW_yield);
    if (accept(p, TOK_KW_from)) {
        return mk1(PN_YIELD_FROM, at, parse_test(p));
    }
    pn_t *v = starts_expr(TOK(p)) ? parse_testlist_star(p, true) : NULL;
    return mk1(PN_YIELD, at, v);
}

static pn_t *parse_paren(parser_t *p, loc_t at) {
    if (accept(p, TOK_RPAREN)) {
        return mk(PN_TUPLE, 0, at);
    }
    if (TOK(p) == TOK_KW_yield) {
        pn_t *y = parse_yield(p);
        expect(p, TOK_RPAREN);
        return y;
    }
    pn_t *first = parse_star_or_named(p);
    if (TOK(p) == TOK_KW_for || TOK(p) == TOK_KW_async) {
        pn_t *g = make_comp(p, PN_GENEXP, at, first, NULL);
        expect(p, TOK_RPAREN);
        return g;
    }
    if (TOK(p) == TOK_COMMA) {
        return finish_display(p, PN_TUPLE, at, first, TOK_RPAREN);
    }
    expect(p, TOK_RPAREN);
    if (first->kind == PN_STAR) {
        node_error(p, first, "cannot use starred expression here", NULL);
    }
    return first;
}

static pn_t *parse_brace(parser_t *p, loc_t at) {
    if (accept(p, TOK_RBRACE)) {
        return mk(PN_DICT, 0, at);
    }
    nlist_t l;
    nl_init(&l);
    pn_t *first;
    if (accept(p, TOK_DSTAR)) {
        nl_push(&l, NULL);
        nl_push(&l, parse_expr(p));
    } else {
        first = parse_star_or_named(p);
        if (!accept(p, TOK_COLON)) {
            if (TOK(p) == TOK_KW_for || TOK(p) == TOK_KW_async) {
                pn_t *c = make_comp(p, PN_SETCOMP, at, first, NULL);
                expect(p, TOK_RBRACE);
                return c;
            }
            return finish_display(p, PN_SET, at, first, TOK_RBRACE);
        }
        pn_t *v = parse_test(p);
        if (TOK(p) == TOK_KW_for || TOK(p) == TOK_KW_async) {
            pn_t *c = make_comp(p, PN_DICTCOMP, at, first, v);
            expect(p, TOK_RBRACE);
            return c;
        }
        nl_push(&l, first);
        nl_push(&l, v);
    }
    while (accept(p, TOK_COMMA) && TOK(p) != TOK_RBRACE) {
        if (accept(p, TOK_DSTAR)) {
            nl_push(&l, NULL);
            nl_push(&l, parse_expr(p));
        } else {
            nl_push(&l, parse_test(p));
            expect(p, TOK_COLON);
            nl_push(&l, parse_test(p));
        }
    }
    expect(p, TOK_RBRACE);
    return nl_make(&l, PN_DICT, at);
}

static pn_t *parse_atom(parser_t *p) {
    stack_check();
    loc_t at = here(p);
    tok_t *t = &p->lx->tok;
    switch (t->kind) {
        case TOK_LPAREN:
            next(p);
            return parse_paren(p, at);
        case TOK_LBRACKET: {
            next(p);
            if (accept(p, TOK_RBRACKET)) {
                return mk(PN_LIST, 0, at);
            }
            pn_t *first = parse_star_or_named(p);
            if (TOK(p) == TOK_KW_for || TOK(p) == TOK_KW_async) {
                pn_t *c = make_comp(p, PN_LISTCOMP, at, first, NULL);
                expect(p, TOK_RBRACKET);
                return c;
            }
            return finish_display(p, PN_LIST, at, first, TOK_RBRACKET);
        }
        case TOK_LBRACE:
            next(p);
            return parse_brace(p, at);
        case TOK_NAME: {
            pn_t *pn = mk(PN_NAME, 0, at);
            qstr q = qstr_from_strn(t->pos, t->len);
            qstr m = mangle(p, q);
            pn->val = OBJ_NEW_QSTR(m);
            pn->op = m != q ? PN_NAME_MANGLED : 0;
            next(p);
            return pn;
        }
        case TOK_INT: {
            obj_t v = parse_int_literal(p, t->pos, t->len);
            next(p);
            return mk_const(v, at);
        }
        case TOK_FLOAT: {
            obj_t v = parse_float_literal(p, t->pos, t->len);
            next(p);
            return mk_const(v, at);
        }
        case TOK_STRING:
            return parse_strings(p);
        case TOK_ELLIPSIS: next(p); return mk_const(OBJ_ELLIPSIS, at);
        case TOK_KW_None: next(p); return mk_const(OBJ_NONE, at);
        case TOK_KW_True: next(p); return mk_const(OBJ_TRUE, at);
        case TOK_KW_False: next(p); return mk_const(OBJ_FALSE, at);
        default:
            syntax_error(p);
    }
}

/* Call arguments after '(' up to and including ')'; pushes func first. */
static pn_t *parse_call(parser_t *p, pn_t *func, loc_t at) {
    nlist_t l;
    nl_init(&l);
    nl_push(&l, func);
    bool seen_kw = false, seen_dstar = false;
    size_t n_args = 0;
    bool bare_genexp = false;
    while (TOK(p) != TOK_RPAREN) {
        loc_t a = here(p);
        pn_t *arg;
        if (accept(p, TOK_STAR)) {
            if (seen_dstar) {
                lexer_error(p->lx, "iterable argument unpacking follows keyword argument unpacking");
            }
            arg = mk1(PN_STAR, a, parse_test(p));
        } else if (accept(p, TOK_DSTAR)) {
            arg = mk1(PN_DSTAR, a, parse_test(p));
            seen_dstar = true;
        } else {
            arg = parse_namedexpr(p);
            if (TOK(p) == TOK_ASSIGN) {
                if (arg->kind != PN_NAME) {
                    node_error(p, arg, "expression cannot contain assignment, perhaps you meant \"==\"?", NULL);
                }
                next(p);
                pn_t *kw = mk1(PN_KEYWORD, a, parse_test(p));
                kw->val = OBJ_NEW_QSTR(unmangle(p, arg));
                for (size_t i = 1; i < l.len; i++) {
                    if (l.items[i]->kind == PN_KEYWORD && l.items[i]->val == kw->val) {
                        node_error(p, arg, "keyword argument repeated: %s", qstr_str(PN_QSTR(kw)));
                    }
                }
                arg = kw;
                seen_kw = true;
            } else if (TOK(p) == TOK_KW_for || TOK(p) == TOK_KW_async) {
                arg = make_comp(p, PN_GENEXP, a, arg, NULL);
                bare_genexp = true;
            } else if (seen_dstar) {
                node_error(p, arg, "positional argument follows keyword argument unpacking", NULL);
            } else if (seen_kw) {
                node_error(p, arg, "positional argument follows keyword argument", NULL);
            }
        }
        nl_push(&l, arg);
        n_args++;
        if (!accept(p, TOK_COMMA)) {
            break;
        }
    }
    expect(p, TOK_RPAREN);
    if (bare_genexp && n_args > 1) {
        lexer_error(p->lx, "Generator expression must be parenthesized");
    }
    return nl_make(&l, PN_CALL, at);
}

static pn_t *parse_slice_item(parser_t *p) {
    loc_t at = here(p);
    pn_t *lo = NULL;
    if (TOK(p) != TOK_COLON) {
        lo = parse_star_or_named(p);
        if (TOK(p) != TOK_COLON) {
            return lo;
        }
    }
    next(p);
    pn_t *hi = NULL, *step = NULL;
    if (TOK(p) != TOK_COLON && TOK(p) != TOK_RBRACKET && TOK(p) != TOK_COMMA) {
        hi = parse_test(p);
    }
    if (accept(p, TOK_COLON) && TOK(p) != TOK_RBRACKET && TOK(p) != TOK_COMMA) {
        step = parse_test(p);
    }
    return mk3(PN_SLICE, at, lo, hi, step);
}

static pn_t *parse_subscript(parser_t *p, pn_t *obj, loc_t at) {
    loc_t iat = here(p);
    pn_t *idx = parse_slice_item(p);
    if (TOK(p) == TOK_COMMA) {
        nlist_t l;
        nl_init(&l);
        nl_push(&l, idx);
        while (accept(p, TOK_COMMA) && TOK(p) != TOK_RBRACKET) {
            nl_push(&l, parse_slice_item(p));
        }
        idx = nl_make(&l, PN_TUPLE, iat);
    }
    expect(p, TOK_RBRACKET);
    return mk2(PN_SUBSCR, at, obj, idx);
}

static pn_t *parse_primary(parser_t *p) {
    loc_t at = here(p);
    pn_t *pn = parse_atom(p);
    for (;;) {
        if (accept(p, TOK_LPAREN)) {
            pn = parse_call(p, pn, at);
        } else if (accept(p, TOK_LBRACKET)) {
            pn = parse_subscript(p, pn, at);
        } else if (accept(p, TOK_DOT)) {
            pn_t *a = mk1(PN_ATTR, at, pn);
            a->val = OBJ_NEW_QSTR(expect_private_name(p));
            pn = a;
        } else {
            return pn;
        }
    }
}

static pn_t *parse_power(parser_t *p) {
    loc_t at = here(p);
    pn_t *pn;
    if (accept(p, TOK_KW_await)) {
        pn = mk1(PN_AWAIT, at, parse_primary(p));
    } else {
        pn = parse_primary(p);
    }
    if (accept(p, TOK_DSTAR)) {
        pn = mk2(PN_BINOP, at, pn, parse_factor(p));
        pn->op = BINARY_OP_POW;
    }
    return pn;
}

static pn_t *parse_factor(parser_t *p) {
    stack_check();
    loc_t at = here(p);
    unary_op_t op;
    switch (TOK(p)) {
        case TOK_PLUS: op = UNARY_OP_POS; break;
        case TOK_MINUS: op = UNARY_OP_NEG; break;
        case TOK_TILDE: op = UNARY_OP_INVERT; break;
        default: return parse_power(p);
    }
    next(p);
    pn_t *arg = parse_factor(p);
    if (op == UNARY_OP_NEG && arg->kind == PN_CONST && arg->line == at.line &&
        (obj_is_int(arg->val) || obj_is_float(arg->val)) && arg->val != OBJ_TRUE && arg->val != OBJ_FALSE) {
        /* fold negative number literals */
        if (OBJ_IS_SMALL_INT(arg->val) && OBJ_SMALL_INT_VALUE(arg->val) != SMALL_INT_MIN) {
            arg->val = OBJ_NEW_SMALL_INT(-OBJ_SMALL_INT_VALUE(arg->val));
        } else {
            arg->val = rt_unary_op(UNARY_OP_NEG, arg->val);
        }
        arg->col = at.col;
        return arg;
    }
    pn_t *pn = mk1(PN_UNARY, at, arg);
    pn->op = (uint8_t)op;
    return pn;
}

/* Binary operators from '|' to '*' by precedence climbing. */
static int binop_prec(tok_kind_t k) {
    switch (k) {
        case TOK_PIPE: return 1;
        case TOK_CARET: return 2;
        case TOK_AMP: return 3;
        case TOK_LSHIFT: case TOK_RSHIFT: return 4;
        case TOK_PLUS: case TOK_MINUS: return 5;
        case TOK_STAR: case TOK_AT: case TOK_SLASH: case TOK_DSLASH: case TOK_PERCENT: return 6;
        default: return 0;
    }
}

static pn_t *parse_binary(parser_t *p, int min_prec) {
    loc_t at = here(p);
    pn_t *lhs = parse_factor(p);
    for (;;) {
        tok_kind_t k = TOK(p);
        int prec = binop_prec(k);
        if (prec == 0 || prec < min_prec) {
            return lhs;
        }
        next(p);
        pn_t *rhs = prec == 6 ? parse_factor(p) : parse_binary(p, prec + 1);
        lhs = mk2(PN_BINOP, at, lhs, rhs);
        lhs->op = (uint8_t)(BINARY_OP_OR + (k - TOK_BINOP_FIRST));
    }
}

static pn_t *parse_expr(parser_t *p) {
    return parse_binary(p, 1);
}

static int comp_op(parser_t *p) {
    switch (TOK(p)) {
        case TOK_LT: next(p); return BINARY_OP_LT;
        case TOK_GT: next(p); return BINARY_OP_GT;
        case TOK_EQ: next(p); return BINARY_OP_EQ;
        case TOK_LE: next(p); return BINARY_OP_LE;
        case TOK_GE: next(p); return BINARY_OP_GE;
        case TOK_NE: next(p); return BINARY_OP_NE;
        case TOK_KW_in: next(p); return BINARY_OP_IN;
        case TOK_KW_is:
            next(p);
            return accept(p, TOK_KW_not) ? BINARY_OP_IS_NOT : BINARY_OP_IS;
        case TOK_KW_not:
            next(p);
            expect(p, TOK_KW_in);
            return BINARY_OP_NOT_IN;
        default:
            return -1;
    }
}

static pn_t *parse_comparison(parser_t *p) {
    loc_t at = here(p);
    pn_t *first = parse_expr(p);
    int op = comp_op(p);
    if (op < 0) {
        return first;
    }
    nlist_t l;
    nl_init(&l);
    nl_push(&l, first);
    uint8_t ops[64];
    size_t n_ops = 0;
    uint8_t *opv = ops;
    while (op >= 0) {
        if (n_ops == sizeof(ops)) {
            lexer_error(p->lx, "too many comparisons");
        }
        opv[n_ops++] = (uint8_t)op;
        nl_push(&l, parse_expr(p));
        op = comp_op(p);
    }
    pn_t *pn = nl_make_extra(&l, PN_COMPARE, at, n_ops);
    memcpy((uint8_t *)PN_COMPARE_OPS(pn), ops, n_ops);
    return pn;
}

static pn_t *parse_not(parser_t *p) {
    stack_check();
    if (TOK(p) == TOK_KW_not) {
        loc_t at = here(p);
        next(p);
        pn_t *pn = mk1(PN_UNARY, at, parse_not(p));
        pn->op = UNARY_OP_NOT;
        return pn;
    }
    return parse_comparison(p);
}

static pn_t *parse_bool(parser_t *p, bool is_or) {
    loc_t at = here(p);
    pn_t *first = is_or ? parse_bool(p, false) : parse_not(p);
    tok_kind_t k = is_or ? TOK_KW_or : TOK_KW_and;
    if (TOK(p) != k) {
        return first;
    }
    nlist_t l;
    nl_init(&l);
    nl_push(&l, first);
    while (accept(p, k)) {
        nl_push(&l, is_or ? parse_bool(p, false) : parse_not(p));
    }
    return nl_make(&l, is_or ? PN_OR : PN_AND, at);
}

static pn_t *parse_or(parser_t *p) {
    return parse_bool(p, true);
}

static pn_t *parse_lambda(parser_t *p) {
    loc_t at = here(p);
    expect(p, TOK_KW_lambda);
    pn_t *params = parse_params(p, TOK_COLON, false);
    expect(p, TOK_COLON);
    pn_t *pn = mk2(PN_LAMBDA, at, params, parse_test(p));
    return pn;
}

static pn_t *parse_test(parser_t *p) {
    stack_check();
    if (TOK(p) == TOK_KW_lambda) {
        return parse_lambda(p);
    }
    loc_t at = here(p);
    pn_t *body = parse_or(p);
    if (accept(p, TOK_KW_if)) {
        pn_t *test = parse_or(p);
        if (TOK(p) != TOK_KW_else) {
            lexer_error(p->lx, "expected 'else' after 'if' expression");
        }
        next(p);
        return mk3(PN_IFEXP, at, test, body, parse_test(p));
    }
    return body;
}

static pn_t *parse_namedexpr(parser_t *p) {
    loc_t at = here(p);
    pn_t *pn = parse_test(p);
    if (TOK(p) == TOK_WALRUS) {
        if (pn->kind != PN_NAME) {
            node_error(p, pn, "cannot use assignment expressions with %s", expr_name(pn));
        }
        next(p);
        pn = mk2(PN_NAMEDEXPR, at, pn, parse_test(p));
    }
    return pn;
}

/* Comma-separated expressions (a tuple if there is a comma); star_ok allows *x items. */
static pn_t *parse_testlist_star(parser_t *p, bool star_ok) {
    loc_t at = here(p);
    pn_t *first = star_ok ? parse_star_or_named(p) : parse_test(p);
    if (TOK(p) != TOK_COMMA) {
        return first;
    }
    nlist_t l;
    nl_init(&l);
    nl_push(&l, first);
    while (accept(p, TOK_COMMA) && starts_expr(TOK(p))) {
        nl_push(&l, star_ok ? parse_star_or_named(p) : parse_test(p));
    }
    return nl_make(&l, PN_TUPLE, at);
}

/* Targets of for / del: expressions at the '|' level (so 'in' is not consumed). */
static pn_t *parse_exprlist(parser_t *p) {
    loc_t at = here(p);
    pn_t *first = TOK(p) == TOK_STAR ? parse_star_or_named(p) : parse_expr(p);
    if (TOK(p) != TOK_COMMA) {
        return first;
    }
    nlist_t l;
    nl_init(&l);
    nl_push(&l, first);
    while (accept(p, TOK_COMMA) && starts_expr(TOK(p))) {
        if (TOK(p) == TOK_STAR) {
            loc_t a = here(p);
            next(p);
            nl_push(&l, mk1(PN_STAR, a, parse_expr(p)));
        } else {
            nl_push(&l, parse_expr(p));
        }
    }
    return nl_make(&l, PN_TUPLE, at);
}

/* ---- parameters ---- */

static pn_t *parse_params(parser_t *p, tok_kind_t close, bool annotations) {
    loc_t at = here(p);
    nlist_t l;
    nl_init(&l);
    int kind = PARAM_POS;
    bool seen_default = false, seen_slash = false, bare_star = false;
    size_t n_posonly = 0;
    while (TOK(p) != close) {
        loc_t a = here(p);
        if (accept(p, TOK_SLASH)) {
            if (seen_slash) {
                lexer_error(p->lx, "/ may appear only once");
            }
            if (kind != PARAM_POS) {
                lexer_error(p->lx, "/ must be ahead of *");
            }
            if (l.len == 0) {
                lexer_error(p->lx, "at least one argument must precede /");
            }
            seen_slash = true;
            n_posonly = l.len;
        } else if (accept(p, TOK_STAR)) {
            if (kind != PARAM_POS) {
                lexer_error(p->lx, "* argument may appear only once");
            }
            kind = PARAM_KWONLY;
            if (TOK(p) == TOK_COMMA || TOK(p) == close) {
                bare_star = true;
            } else {
                pn_t *v = mk(PN_PARAM, 1, a);
                v->val = OBJ_NEW_QSTR(expect_private_name(p));
                v->op = PARAM_VARARGS;
                v->kid[0] = NULL;
                if (annotations && accept(p, TOK_COLON)) {
                    parse_test(p);
                }
                nl_push(&l, v);
            }
        } else if (accept(p, TOK_DSTAR)) {
            pn_t *v = mk(PN_PARAM, 1, a);
            v->val = OBJ_NEW_QSTR(expect_private_name(p));
            v->op = PARAM_VARKW;
            v->kid[0] = NULL;
            if (annotations && accept(p, TOK_COLON)) {
                parse_test(p);
            }
            nl_push(&l, v);
            accept(p, TOK_COMMA);
            if (TOK(p) != close) {
                lexer_error(p->lx, "arguments cannot follow var-keyword argument");
            }
            break;
        } else {
            pn_t *v = mk(PN_PARAM, 1, a);
            v->val = OBJ_NEW_QSTR(expect_private_name(p));
            v->op = (uint8_t)kind;
            v->kid[0] = NULL;
            if (annotations && accept(p, TOK_COLON)) {
                parse_test(p);
            }
            if (accept(p, TOK_ASSIGN)) {
                v->kid[0] = parse_test(p);
                seen_default |= kind == PARAM_POS;
            } else if (seen_default && kind == PARAM_POS) {
                node_error(p, v, "non-default argument follows default argument", NULL);
            }
            bare_star = false;
            for (size_t i = 0; i < l.len; i++) {
                if (l.items[i]->val == v->val) {
                    node_error(p, v, "duplicate argument '%s' in function definition", qstr_str(PN_QSTR(v)));
                }
            }
            nl_push(&l, v);
        }
        if (!accept(p, TOK_COMMA)) {
            break;
        }
    }
    if (bare_star) {
        lexer_error(p->lx, "named arguments must follow bare *");
    }
    pn_t *pn = nl_make(&l, PN_PARAMS, at);
    pn->val = OBJ_NEW_SMALL_INT(n_posonly);
    return pn;
}

/* ---- statements ---- */

static pn_t *parse_block(parser_t *p, const char *what, uint32_t hdr_line) {
    expect(p, TOK_COLON);
    loc_t at = here(p);
    nlist_t l;
    nl_init(&l);
    if (accept(p, TOK_NEWLINE)) {
        if (TOK(p) != TOK_INDENT) {
            tok_t *t = &p->lx->tok;
            if (t->kind == TOK_END) {
                p->lx->eof_incomplete = true;
            }
            lexer_error_at(p->lx, &type_IndentationError, t->pos, t->line, t->line_start,
                           "expected an indented block after %s on line %u", what, (unsigned)hdr_line);
        }
        next(p);
        while (!accept(p, TOK_DEDENT)) {
            parse_stmt(p, &l);
        }
    } else {
        parse_stmt(p, &l);
    }
    return nl_make(&l, PN_BLOCK, at);
}

static pn_t *parse_if(parser_t *p, bool elif) {
    loc_t at = here(p);
    next(p);
    pn_t *test = parse_namedexpr(p);
    pn_t *body = parse_block(p, elif ? "'elif' statement" : "'if' statement", at.line);
    pn_t *orelse = NULL;
    if (TOK(p) == TOK_KW_elif) {
        orelse = parse_if(p, true);
    } else if (TOK(p) == TOK_KW_else) {
        uint32_t l = p->lx->tok.line;
        next(p);
        orelse = parse_block(p, "'else' statement", l);
    }
    return mk3(PN_IF, at, test, body, orelse);
}

static pn_t *parse_else(parser_t *p) {
    if (TOK(p) != TOK_KW_else) {
        return NULL;
    }
    uint32_t l = p->lx->tok.line;
    next(p);
    return parse_block(p, "'else' statement", l);
}

static pn_t *parse_while(parser_t *p) {
    loc_t at = here(p);
    next(p);
    pn_t *test = parse_namedexpr(p);
    pn_t *body = parse_block(p, "'while' statement", at.line);
    return mk3(PN_WHILE, at, test, body, parse_else(p));
}

static pn_t *parse_for(parser_t *p, loc_t at, bool is_async) {
    expect(p, TOK_KW_for);
    pn_t *tgt = parse_exprlist(p);
    check_target(p, tgt, TGT_ASSIGN);
    expect(p, TOK_KW_in);
    pn_t *iter = parse_testlist_star(p, true);
    pn_t *body = parse_block(p, "'for' statement", at.line);
    pn_t *pn = mk(PN_FOR, 4, at);
    pn->op = is_async;
    pn->kid[0] = tgt;
    pn->kid[1] = iter;
    pn->kid[2] = body;
    pn->kid[3] = parse_else(p);
    return pn;
}

static pn_t *parse_try(parser_t *p) {
    loc_t at = here(p);
    next(p);
    pn_t *body = parse_block(p, "'try' statement", at.line);
    nlist_t h;
    nl_init(&h);
    loc_t hat = here(p);
    bool seen_bare = false;
    while (TOK(p) == TOK_KW_except) {
        loc_t a = here(p);
        if (seen_bare) {
            lexer_error(p->lx, "default 'except:' must be last");
        }
        next(p);
        pn_t *type = NULL;
        qstr name = QSTR_NULL;
        if (TOK(p) != TOK_COLON) {
            type = parse_test(p);
            if (TOK(p) == TOK_COMMA) {
                node_error(p, type, "multiple exception types must be parenthesized", NULL);
            }
            if (accept(p, TOK_KW_as)) {
                name = expect_private_name(p);
            }
        } else {
            seen_bare = true;
        }
        pn_t *hb = parse_block(p, "'except' statement", a.line);
        pn_t *hn = mk2(PN_HANDLER, a, type, hb);
        hn->val = name ? OBJ_NEW_QSTR(name) : OBJ_NULL;
        nl_push(&h, hn);
    }
    pn_t *handlers = h.len ? nl_make(&h, PN_BLOCK, hat) : NULL;
    pn_t *orelse = handlers ? parse_else(p) : NULL;
    pn_t *fin = NULL;
    if (TOK(p) == TOK_KW_finally) {
        uint32_t l = p->lx->tok.line;
        next(p);
        fin = parse_block(p, "'finally' statement", l);
    }
    if (handlers == NULL && fin == NULL) {
        lexer_error(p->lx, "expected 'except' or 'finally' block");
    }
    pn_t *pn = mk(PN_TRY, 4, at);
    pn->kid[0] = body;
    pn->kid[1] = handlers;
    pn->kid[2] = orelse;
    pn->kid[3] = fin;
    return pn;
}

static pn_t *parse_with_item(parser_t *p) {
    loc_t at = here(p);
    pn_t *ctx = parse_test(p);
    pn_t *tgt = NULL;
    if (accept(p, TOK_KW_as)) {
        tgt = parse_expr(p);
        check_target(p, tgt, TGT_ASSIGN);
    }
    return mk2(PN_WITHITEM, at, ctx, tgt);
}

/* `with (a as b, c):` vs `with (a, b) as c:`: scan ahead on a copy of the lexer. */
static bool with_is_parenthesized(parser_t *p) {
    lexer_t *copy = m_new_obj(lexer_t);
    memcpy(copy, p->lx, sizeof(lexer_t));
    int depth = 0;
    bool as_inside = false;
    do {
        tok_kind_t k = copy->tok.kind;
        if (k == TOK_LPAREN || k == TOK_LBRACKET || k == TOK_LBRACE) {
            depth++;
        } else if (k == TOK_RPAREN || k == TOK_RBRACKET || k == TOK_RBRACE) {
            depth--;
        } else if (k == TOK_KW_as && depth == 1) {
            as_inside = true;
        } else if (k == TOK_END || k == TOK_NEWLINE) {
            return false;
        }
        lexer_next(copy);
    } while (depth > 0);
    bool r = as_inside || copy->tok.kind == TOK_COLON;
    m_free(copy);
    return r;
}

static pn_t *parse_with(parser_t *p, loc_t at, bool is_async) {
    expect(p, TOK_KW_with);
    nlist_t l;
    nl_init(&l);
    if (TOK(p) == TOK_LPAREN && with_is_parenthesized(p)) {
        next(p);
        do {
            if (TOK(p) == TOK_RPAREN) {
                break;
            }
            nl_push(&l, parse_with_item(p));
        } while (accept(p, TOK_COMMA));
        expect(p, TOK_RPAREN);
    } else {
        do {
            nl_push(&l, parse_with_item(p));
        } while (accept(p, TOK_COMMA));
    }
    nl_push(&l, parse_block(p, "'with' statement", at.line));
    pn_t *pn = nl_make(&l, PN_WITH, at);
    pn->op = is_async;
    return pn;
}

static pn_t *parse_def(parser_t *p, loc_t at, bool is_async, pn_t *decorators) {
    expect(p, TOK_KW_def);
    qstr name = expect_private_name(p);
    expect(p, TOK_LPAREN);
    pn_t *params = parse_params(p, TOK_RPAREN, true);
    expect(p, TOK_RPAREN);
    if (accept(p, TOK_ARROW)) {
        parse_test(p);
    }
    p->fn_depth++;
    pn_t *body = parse_block(p, "function definition", at.line);
    p->fn_depth--;
    pn_t *pn = mk3(PN_DEF, at, params, body, decorators);
    pn->val = OBJ_NEW_QSTR(name);
    pn->op = is_async;
    if (p->on_def != NULL && p->fn_depth == 0 && p->n_classes <= PARSE_MAX_CLASS_NEST) {
        p->on_def(p, pn);
    }
    return pn;
}

static pn_t *parse_class(parser_t *p, loc_t at, pn_t *decorators) {
    expect(p, TOK_KW_class);
    qstr raw_name = p->lx->tok.kind == TOK_NAME ? qstr_from_strn(p->lx->tok.pos, p->lx->tok.len) : QSTR_NULL;
    qstr name = expect_private_name(p);
    pn_t *args;
    if (accept(p, TOK_LPAREN)) {
        args = parse_call(p, NULL, at);
    } else {
        args = mk(PN_CALL, 1, at);
        args->kid[0] = NULL;
    }
    qstr outer_private = p->private_name;
    p->private_name = raw_name;
    if (p->n_classes < PARSE_MAX_CLASS_NEST) {
        p->classes[p->n_classes] = name;
    }
    p->n_classes++;
    pn_t *body = parse_block(p, "class definition", at.line);
    p->n_classes--;
    p->private_name = outer_private;
    pn_t *pn = mk3(PN_CLASS, at, args, body, decorators);
    pn->val = OBJ_NEW_QSTR(name);
    return pn;
}

static pn_t *parse_decorated(parser_t *p) {
    loc_t at = here(p);
    nlist_t l;
    nl_init(&l);
    while (accept(p, TOK_AT)) {
        nl_push(&l, parse_namedexpr(p));
        expect(p, TOK_NEWLINE);
    }
    pn_t *decos = nl_make(&l, PN_BLOCK, at);
    loc_t dat = here(p);
    if (TOK(p) == TOK_KW_class) {
        return parse_class(p, dat, decos);
    }
    bool is_async = accept(p, TOK_KW_async);
    return parse_def(p, dat, is_async, decos);
}

/* dotted_name: NAME ('.' NAME)* as one qstr */
static qstr parse_dotted_name(parser_t *p) {
    const char *start = p->lx->tok.pos;
    qstr q = expect_name(p);
    if (TOK(p) != TOK_DOT) {
        return q;
    }
    vstr_t vs;
    vstr_init(&vs, 32);
    vstr_add_str(&vs, qstr_str(q));
    while (accept(p, TOK_DOT)) {
        vstr_add_byte(&vs, '.');
        vstr_add_str(&vs, qstr_str(expect_name(p)));
    }
    (void)start;
    return qstr_from_strn(vs.buf, vs.len);
}

static pn_t *parse_alias(parser_t *p, bool dotted) {
    loc_t at = here(p);
    qstr name = dotted ? parse_dotted_name(p) : expect_name(p);
    pn_t *as = NULL;
    if (accept(p, TOK_KW_as)) {
        as = mk(PN_NAME, 0, here(p));
        as->val = OBJ_NEW_QSTR(expect_private_name(p));
    }
    pn_t *pn = mk1(PN_ALIAS, at, as);
    pn->val = OBJ_NEW_QSTR(name);
    return pn;
}

static pn_t *parse_import(parser_t *p) {
    loc_t at = here(p);
    nlist_t l;
    nl_init(&l);
    if (accept(p, TOK_KW_import)) {
        do {
            nl_push(&l, parse_alias(p, true));
        } while (accept(p, TOK_COMMA));
        return nl_make(&l, PN_IMPORT, at);
    }
    expect(p, TOK_KW_from);
    int level = 0;
    for (;;) {
        if (accept(p, TOK_DOT)) {
            level++;
        } else if (accept(p, TOK_ELLIPSIS)) {
            level += 3;
        } else {
            break;
        }
    }
    qstr module = Q_;
    if (TOK(p) != TOK_KW_import || level == 0) {
        module = parse_dotted_name(p);
    }
    expect(p, TOK_KW_import);
    if (TOK(p) == TOK_STAR) {
        pn_t *a = mk1(PN_ALIAS, here(p), NULL);
        a->val = OBJ_NEW_QSTR(Q__star_);
        next(p);
        nl_push(&l, a);
    } else {
        bool paren = accept(p, TOK_LPAREN);
        do {
            if (paren && TOK(p) == TOK_RPAREN) {
                break;
            }
            nl_push(&l, parse_alias(p, false));
        } while (accept(p, TOK_COMMA));
        if (paren) {
            expect(p, TOK_RPAREN);
        } else if (TOK(p) != TOK_NEWLINE && TOK(p) != TOK_SEMI && l.len > 0 &&
                   p->lx->tok.pos[-1] == ',') {
            lexer_error(p->lx, "trailing comma not allowed without surrounding parentheses");
        }
    }
    pn_t *pn = nl_make(&l, PN_IMPORT_FROM, at);
    pn->val = OBJ_NEW_QSTR(module);
    pn->op = (uint8_t)level;
    return pn;
}

static pn_t *parse_names_stmt(parser_t *p, pn_kind_t kind) {
    loc_t at = here(p);
    next(p);
    nlist_t l;
    nl_init(&l);
    do {
        pn_t *n = mk(PN_NAME, 0, here(p));
        n->val = OBJ_NEW_QSTR(expect_private_name(p));
        nl_push(&l, n);
    } while (accept(p, TOK_COMMA));
    return nl_make(&l, kind, at);
}

/* expression statements, assignments, augmented and annotated assignments */
static pn_t *parse_expr_stmt(parser_t *p) {
    loc_t at = here(p);
    pn_t *first = TOK(p) == TOK_KW_yield ? parse_yield(p) : parse_testlist_star(p, true);
    tok_kind_t k = TOK(p);
    if (k >= TOK_AUG_FIRST && k <= TOK_DSTAR_EQ) {
        check_target(p, first, TGT_AUG);
        next(p);
        pn_t *v = TOK(p) == TOK_KW_yield ? parse_yield(p) : parse_testlist_star(p, true);
        pn_t *pn = mk2(PN_AUGASSIGN, at, first, v);
        pn->op = (uint8_t)BINARY_OP_INPLACE(BINARY_OP_OR + (k - TOK_AUG_FIRST));
        return pn;
    }
    if (k == TOK_COLON) {
        if (first->kind != PN_NAME && first->kind != PN_ATTR && first->kind != PN_SUBSCR) {
            node_error(p, first, first->kind == PN_TUPLE ? "only single target (not tuple) can be annotated"
                                 : "illegal target for annotation", NULL);
        }
        next(p);
        parse_test(p);
        pn_t *v = NULL;
        if (accept(p, TOK_ASSIGN)) {
            v = TOK(p) == TOK_KW_yield ? parse_yield(p) : parse_testlist_star(p, true);
        }
        return mk2(PN_ANNASSIGN, at, first, v);
    }
    if (k != TOK_ASSIGN) {
        if (first->kind == PN_STAR) {
            node_error(p, first, "can't use starred expression here", NULL);
        }
        return mk1(PN_EXPR_STMT, at, first);
    }
    nlist_t l;
    nl_init(&l);
    nl_push(&l, first);
    while (accept(p, TOK_ASSIGN)) {
        nl_push(&l, TOK(p) == TOK_KW_yield ? parse_yield(p) : parse_testlist_star(p, true));
    }
    for (size_t i = 0; i + 1 < l.len; i++) {
        check_target(p, l.items[i], TGT_ASSIGN_TOP);
    }
    return nl_make(&l, PN_ASSIGN, at);
}

static pn_t *parse_small_stmt(parser_t *p) {
    loc_t at = here(p);
    switch (TOK(p)) {
        case TOK_KW_pass: next(p); return mk(PN_PASS, 0, at);
        case TOK_KW_break: next(p); return mk(PN_BREAK, 0, at);
        case TOK_KW_continue: next(p); return mk(PN_CONTINUE, 0, at);
        case TOK_KW_return:
            next(p);
            return mk1(PN_RETURN, at, starts_expr(TOK(p)) ? parse_testlist_star(p, true) : NULL);
        case TOK_KW_raise: {
            next(p);
            pn_t *exc = NULL, *cause = NULL;
            if (starts_expr(TOK(p))) {
                exc = parse_test(p);
                if (accept(p, TOK_KW_from)) {
                    cause = parse_test(p);
                }
            }
            return mk2(PN_RAISE, at, exc, cause);
        }
        case TOK_KW_global: return parse_names_stmt(p, PN_GLOBAL);
        case TOK_KW_nonlocal: return parse_names_stmt(p, PN_NONLOCAL);
        case TOK_KW_del: {
            next(p);
            pn_t *t = parse_exprlist(p);
            check_target(p, t, TGT_DEL);
            if (t->kind == PN_TUPLE) {
                t->kind = PN_DEL;
                return t;
            }
            return mk1(PN_DEL, at, t);
        }
        case TOK_KW_assert: {
            next(p);
            pn_t *test = parse_test(p);
            pn_t *msg = accept(p, TOK_COMMA) ? parse_test(p) : NULL;
            return mk2(PN_ASSERT, at, test, msg);
        }
        case TOK_KW_import: case TOK_KW_from:
            return parse_import(p);
        default:
            return parse_expr_stmt(p);
    }
}

static void parse_stmt(parser_t *p, nlist_t *out) {
    stack_check();
    loc_t at = here(p);
    switch (TOK(p)) {
        case TOK_KW_if: nl_push(out, parse_if(p, false)); return;
        case TOK_KW_while: nl_push(out, parse_while(p)); return;
        case TOK_KW_for: nl_push(out, parse_for(p, at, false)); return;
        case TOK_KW_try: nl_push(out, parse_try(p)); return;
        case TOK_KW_with: nl_push(out, parse_with(p, at, false)); return;
        case TOK_KW_def: nl_push(out, parse_def(p, at, false, NULL)); return;
        case TOK_KW_class: nl_push(out, parse_class(p, at, NULL)); return;
        case TOK_AT: nl_push(out, parse_decorated(p)); return;
        case TOK_KW_async:
            next(p);
            if (TOK(p) == TOK_KW_def) {
                nl_push(out, parse_def(p, at, true, NULL));
            } else if (TOK(p) == TOK_KW_for) {
                nl_push(out, parse_for(p, at, true));
            } else if (TOK(p) == TOK_KW_with) {
                nl_push(out, parse_with(p, at, true));
            } else {
                syntax_error(p);
            }
            return;
        case TOK_INDENT: case TOK_DEDENT: case TOK_END:
            syntax_error(p);
        default:
            break;
    }
    for (;;) {
        nl_push(out, parse_small_stmt(p));
        if (!accept(p, TOK_SEMI) || TOK(p) == TOK_NEWLINE) {
            break;
        }
    }
    if (!accept(p, TOK_NEWLINE)) {
        syntax_error(p);
    }
}

void parse_start(parser_t *p, lexer_t *lx) {
    memset(p, 0, sizeof(*p));
    p->lx = lx;
    p->private_name = QSTR_NULL;
    next(p);
}

pn_t *parse_eval(parser_t *p) {
    accept(p, TOK_INDENT);
    pn_t *e = parse_testlist_star(p, true);
    while (accept(p, TOK_NEWLINE) || accept(p, TOK_DEDENT)) {
    }
    if (TOK(p) != TOK_END) {
        syntax_error(p);
    }
    return e;
}

pn_t *parse_next(parser_t *p) {
    while (accept(p, TOK_NEWLINE)) {
    }
    if (TOK(p) == TOK_END) {
        return NULL;
    }
    loc_t at = here(p);
    nlist_t l;
    nl_init(&l);
    parse_stmt(p, &l);
    return nl_make(&l, PN_BLOCK, at);
}
