/* lexer.c: the tokenizer.  Turns source bytes into tokens on demand, tracking the indentation stack
 * (INDENT/DEDENT), logical lines (NEWLINE, ignoring newlines inside brackets and after a
 * backslash), and bracket nesting for early "never closed" errors.  Also builds SyntaxError
 * objects with CPython's (msg, (filename, lineno, offset, text)) layout. */
#include <string.h>
#include "gc.h"
#include "lexer.h"

static const struct {
    const char *name;
    uint8_t len;
} keywords[] = {
#define X(k) { #k, sizeof(#k) - 1 },
    LEXER_KEYWORDS(X)
#undef X
};

void lexer_init(lexer_t *lx, const char *src, size_t len, qstr filename, uint32_t first_line) {
    memset(lx, 0, sizeof(*lx));
    if (len >= 3 && memcmp(src, "\xef\xbb\xbf", 3) == 0) {
        src += 3; /* UTF-8 byte order mark */
        len -= 3;
    }
    lx->src = lx->p = lx->line_start = src;
    lx->end = src + len;
    lx->filename = filename;
    lx->line = lx->first_line = first_line;
    lx->at_line_start = true;
    lx->tok.kind = TOK_END;
}

/* ---- errors ---- */

obj_t lexer_make_error(const type_t *type, qstr filename, uint32_t line, const char *line_start,
                       const char *pos, const char *end, const char *msg) {
    obj_t text = OBJ_NONE;
    size_t offset = 1;
    if (line_start != NULL) {
        const char *e = line_start;
        while (e < end && *e != '\n' && *e != '\r') {
            e++;
        }
        for (const char *s = line_start; pos != NULL && s < pos && s < e; s++) {
            offset += (*s & 0xc0) != 0x80;
        }
        text = obj_new_str(line_start, (size_t)(e - line_start));
    }
    obj_t loc[4] = { OBJ_NEW_QSTR(filename), OBJ_NEW_SMALL_INT(line), OBJ_NEW_SMALL_INT(offset), text };
    obj_t args[2] = { obj_new_str(msg, strlen(msg)), obj_new_tuple(4, loc) };
    return obj_new_exception(type, 2, args);
}

static RT_NORETURN void verror(lexer_t *lx, const type_t *type, const char *pos, uint32_t line,
                               const char *line_start, const char *fmt, va_list ap) {
    vstr_t vs;
    print_t pr;
    vstr_init(&vs, 64);
    print_vstr_init(&pr, &vs);
    print_vfmt(&pr, fmt, ap);
    nlr_raise(lexer_make_error(type, lx->filename, line, line_start, pos, lx->end,
                               vstr_null_terminated(&vs)));
}

void lexer_error_at(lexer_t *lx, const type_t *type, const char *pos, uint32_t line,
                    const char *line_start, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verror(lx, type, pos, line, line_start, fmt, ap);
}

void lexer_error(lexer_t *lx, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verror(lx, &type_SyntaxError, lx->tok.pos, lx->tok.line, lx->tok.line_start, fmt, ap);
}

static RT_NORETURN void error_here(lexer_t *lx, const char *msg) {
    lexer_error_at(lx, &type_SyntaxError, lx->p, lx->line, lx->line_start, "%s", msg);
}

/* ---- helpers ---- */

static bool is_ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (unsigned char)c >= 0x80;
}

static bool is_ident_char(char c) {
    return is_ident_start(c) || (c >= '0' && c <= '9');
}

static bool at(const lexer_t *lx, const char *p, char c) {
    return p < lx->end && *p == c;
}

static uint32_t decode_utf8(const char *s, const char *end) {
    uint32_t cp = (unsigned char)*s;
    if (cp >= 0x80) {
        int extra = cp >= 0xf0 ? 3 : cp >= 0xe0 ? 2 : 1;
        cp &= 0x3f >> extra;
        for (int i = 1; i <= extra && s + i < end; i++) {
            cp = (cp << 6) | ((unsigned char)s[i] & 0x3f);
        }
    }
    return cp;
}

/* Non-ASCII code points that cannot be in identifiers: an approximation of Unicode's XID
 * classes that rejects the usual suspects (symbols, punctuation, spaces, emoji). */
static bool is_symbol_code_point(uint32_t cp) {
    return (cp >= 0x80 && cp <= 0xbf && cp != 0xaa && cp != 0xb5 && cp != 0xba) || cp == 0xd7 || cp == 0xf7 ||
           (cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x3003) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
           (cp >= 0xff01 && cp <= 0xff0f) || (cp >= 0x1f000 && cp <= 0x1faff);
}

/* Consume the newline at lx->p ("\n", "\r\n" or "\r"). */
static void eat_newline(lexer_t *lx) {
    if (*lx->p == '\r' && at(lx, lx->p + 1, '\n')) {
        lx->p++;
    }
    lx->p++;
    lx->line++;
    lx->line_start = lx->p;
}

static void set_tok(lexer_t *lx, tok_kind_t kind, const char *start) {
    tok_t *t = &lx->tok;
    t->kind = kind;
    t->pos = start;
    t->len = (size_t)(lx->p - start);
    t->line = lx->line;
    t->line_start = lx->line_start;
    t->str_flags = 0;
}

/* At the start of a logical line outside brackets: skip blank lines and emit INDENT/DEDENT.
 * Returns true if it produced a token. */
static bool handle_indent(lexer_t *lx) {
    unsigned col;
    for (;;) {
        col = 0;
        while (lx->p < lx->end) {
            char c = *lx->p;
            if (c == ' ') {
                col++;
            } else if (c == '\t') {
                col = (col / 8 + 1) * 8;
            } else if (c == '\f') {
                col = 0;
            } else {
                break;
            }
            lx->p++;
        }
        if (at(lx, lx->p, '#')) {
            while (lx->p < lx->end && *lx->p != '\n' && *lx->p != '\r') {
                lx->p++;
            }
        }
        if (lx->p < lx->end && (*lx->p == '\n' || *lx->p == '\r')) {
            eat_newline(lx);
            continue;
        }
        break;
    }
    lx->at_line_start = false;
    if (lx->p >= lx->end) {
        return false;
    }
    unsigned cur = lx->indents[lx->indent_top];
    if (col > cur) {
        if (lx->indent_top + 1 >= LEXER_MAX_INDENT) {
            lexer_error_at(lx, &type_IndentationError, lx->p, lx->line, lx->line_start,
                           "too many levels of indentation");
        }
        lx->indents[++lx->indent_top] = (uint16_t)col;
        set_tok(lx, TOK_INDENT, lx->p);
        return true;
    }
    if (col < cur) {
        int n = 0;
        while (lx->indent_top > 0 && lx->indents[lx->indent_top] > col) {
            lx->indent_top--;
            n++;
        }
        if (lx->indents[lx->indent_top] != col) {
            lexer_error_at(lx, &type_IndentationError, lx->p, lx->line, lx->line_start,
                           "unindent does not match any outer indentation level");
        }
        lx->pending_dedents = n - 1;
        set_tok(lx, TOK_DEDENT, lx->p);
        return true;
    }
    return false;
}

/* `1if x else y` is valid: a number may be followed directly by these keywords. */
static bool starts_keyword_op(const char *p, const char *end) {
    static const char *const words[] = { "and", "else", "for", "if", "in", "is", "not", "or" };
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(end - p) >= n && memcmp(p, words[i], n) == 0 &&
            ((size_t)(end - p) == n || !is_ident_char(p[n]))) {
            return true;
        }
    }
    return false;
}

static void lex_number(lexer_t *lx, const char *start) {
    const char *p = lx->p;
    tok_kind_t kind = TOK_INT;
    if (*p == '0' && p + 1 < lx->end && strchr("xXoObB", p[1]) != NULL && p[1] != 0) {
        p += 2;
        while (p < lx->end && (is_ident_char(*p))) {
            p++;
        }
    } else {
        while (p < lx->end && ((*p >= '0' && *p <= '9') || *p == '_')) {
            p++;
        }
        if (at(lx, p, '.')) {
            kind = TOK_FLOAT;
            p++;
            while (p < lx->end && ((*p >= '0' && *p <= '9') || *p == '_')) {
                p++;
            }
        }
        if (p < lx->end && (*p == 'e' || *p == 'E')) {
            const char *q = p + 1;
            if (q < lx->end && (*q == '+' || *q == '-')) {
                q++;
            }
            if (q < lx->end && *q >= '0' && *q <= '9') {
                kind = TOK_FLOAT;
                p = q;
                while (p < lx->end && ((*p >= '0' && *p <= '9') || *p == '_')) {
                    p++;
                }
            }
        }
        if (p < lx->end && (*p == 'j' || *p == 'J')) {
            lx->p = p;
            error_here(lx, "complex numbers are not supported");
        }
    }
    if (p < lx->end && is_ident_start(*p) && !starts_keyword_op(p, lx->end)) {
        lx->p = start;
        error_here(lx, kind == TOK_FLOAT || (*start != '0' || p - start < 2 || strchr("xXoObB", start[1]) == NULL)
                   ? "invalid decimal literal" : "invalid syntax");
    }
    lx->p = p;
    set_tok(lx, kind, start);
}

static void lex_string(lexer_t *lx, const char *start, int flags) {
    char q = *lx->p;
    uint32_t start_line = lx->line;
    const char *start_line_start = lx->line_start;
    bool triple = at(lx, lx->p + 1, q) && at(lx, lx->p + 2, q);
    lx->p += triple ? 3 : 1;
    const char *body = lx->p;
    for (;;) {
        if (lx->p >= lx->end) {
            lx->eof_incomplete = triple;
            if (lx->p > lx->src && lx->p[-1] == '\n') {
                lx->line--; /* CPython reports the last line that has text */
            }
            lexer_error_at(lx, &type_SyntaxError, start, start_line, start_line_start,
                           triple ? "unterminated triple-quoted string literal (detected at line %u)"
                                  : "unterminated string literal (detected at line %u)",
                           (unsigned)lx->line);
        }
        char c = *lx->p;
        if (c == '\\' && lx->p + 1 < lx->end) {
            lx->p++;
            if (*lx->p == '\n' || *lx->p == '\r') {
                eat_newline(lx);
            } else {
                lx->p++;
            }
        } else if (c == '\n' || c == '\r') {
            if (!triple) {
                lexer_error_at(lx, &type_SyntaxError, start, start_line, start_line_start,
                               "unterminated string literal (detected at line %u)", (unsigned)lx->line);
            }
            eat_newline(lx);
        } else if (c == q && (!triple || (at(lx, lx->p + 1, q) && at(lx, lx->p + 2, q)))) {
            break;
        } else {
            lx->p++;
        }
    }
    size_t body_len = (size_t)(lx->p - body);
    lx->p += triple ? 3 : 1;
    set_tok(lx, TOK_STRING, start);
    lx->tok.line = start_line;
    lx->tok.line_start = start_line_start;
    lx->tok.str_flags = (uint8_t)(flags | (triple ? STR_TRIPLE : 0));
    lx->tok.body = body;
    lx->tok.body_len = body_len;
}

static RT_NORETURN void invalid_char(lexer_t *lx);

/* A name, a keyword, or a string with a prefix. */
static void lex_name(lexer_t *lx, const char *start) {
    const char *p = lx->p;
    while (p < lx->end && is_ident_char(*p)) {
        p++;
    }
    size_t len = (size_t)(p - start);
    if (len <= 2 && p < lx->end && (*p == '\'' || *p == '"')) {
        int flags = 0;
        bool ok = true;
        for (size_t i = 0; i < len; i++) {
            switch (start[i] | 0x20) {
                case 'r': flags |= flags & STR_RAW ? 0x100 : STR_RAW; break;
                case 'b': flags |= flags & (STR_BYTES | STR_FSTRING) ? 0x100 : STR_BYTES; break;
                case 'f': flags |= flags & (STR_BYTES | STR_FSTRING) ? 0x100 : STR_FSTRING; break;
                case 'u': flags |= len == 1 ? 0 : 0x100; break;
                default: ok = false;
            }
        }
        if (ok && !(flags & 0x100)) {
            lx->p = p;
            lex_string(lx, start, flags);
            return;
        }
    }
    for (const char *q = start; q < p; q++) {
        if ((unsigned char)*q >= 0xc0 && is_symbol_code_point(decode_utf8(q, p))) {
            lx->p = q;
            invalid_char(lx);
        }
    }
    lx->p = p;
    set_tok(lx, TOK_NAME, start);
    for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
        if (keywords[i].len == len && memcmp(keywords[i].name, start, len) == 0) {
            lx->tok.kind = (tok_kind_t)(TOK_KW_False + i);
            break;
        }
    }
}

static void open_paren(lexer_t *lx, char c, const char *start) {
    if (lx->paren_top >= LEXER_MAX_PARENS) {
        error_here(lx, "too many nested parentheses");
    }
    lx->paren_char[lx->paren_top] = c;
    lx->paren_off[lx->paren_top] = (uint32_t)(start - lx->src);
    lx->paren_line[lx->paren_top] = lx->line;
    lx->paren_top++;
}

void lexer_error_unclosed(lexer_t *lx) {
    int i = lx->paren_top - 1;
    const char *pos = lx->src + lx->paren_off[i];
    const char *ls = pos;
    while (ls > lx->src && ls[-1] != '\n') {
        ls--;
    }
    lexer_error_at(lx, &type_SyntaxError, pos, lx->paren_line[i], ls, "'%c' was never closed", lx->paren_char[i]);
}

static void close_paren(lexer_t *lx, char c, const char *start) {
    static const char opener[] = { [')'] = '(', [']'] = '[', ['}'] = '{' };
    if (lx->paren_top == 0) {
        lexer_error_at(lx, &type_SyntaxError, start, lx->line, lx->line_start, "unmatched '%c'", c);
    }
    char o = lx->paren_char[lx->paren_top - 1];
    if (o != opener[(unsigned char)c]) {
        if (lx->paren_line[lx->paren_top - 1] != lx->line) {
            lexer_error_at(lx, &type_SyntaxError, start, lx->line, lx->line_start,
                           "closing parenthesis '%c' does not match opening parenthesis '%c' on line %u",
                           c, o, (unsigned)lx->paren_line[lx->paren_top - 1]);
        }
        lexer_error_at(lx, &type_SyntaxError, start, lx->line, lx->line_start,
                       "closing parenthesis '%c' does not match opening parenthesis '%c'", c, o);
    }
    lx->paren_top--;
}

/* Operators: returns the token kind and advances lx->p, or TOK_END if c starts none. */
static tok_kind_t lex_operator(lexer_t *lx) {
    const char *p = lx->p;
    char c0 = *p;
    char c1 = p + 1 < lx->end ? p[1] : 0;
    char c2 = p + 2 < lx->end ? p[2] : 0;
    tok_kind_t k;
    int n = 1;
#define EQ_OR(plain, eq) (c1 == '=' ? (n = 2, eq) : plain)
    switch (c0) {
        case '(': k = TOK_LPAREN; break;
        case ')': k = TOK_RPAREN; break;
        case '[': k = TOK_LBRACKET; break;
        case ']': k = TOK_RBRACKET; break;
        case '{': k = TOK_LBRACE; break;
        case '}': k = TOK_RBRACE; break;
        case ',': k = TOK_COMMA; break;
        case ';': k = TOK_SEMI; break;
        case '~': k = TOK_TILDE; break;
        case ':': k = EQ_OR(TOK_COLON, TOK_WALRUS); break;
        case '.':
            if (c1 == '.' && c2 == '.') {
                k = TOK_ELLIPSIS;
                n = 3;
            } else {
                k = TOK_DOT;
            }
            break;
        case '=': k = EQ_OR(TOK_ASSIGN, TOK_EQ); break;
        case '!':
            if (c1 != '=') {
                return TOK_END;
            }
            k = TOK_NE;
            n = 2;
            break;
        case '+': k = EQ_OR(TOK_PLUS, TOK_PLUS_EQ); break;
        case '-':
            if (c1 == '>') {
                k = TOK_ARROW;
                n = 2;
            } else {
                k = EQ_OR(TOK_MINUS, TOK_MINUS_EQ);
            }
            break;
        case '*':
            if (c1 == '*') {
                k = c2 == '=' ? TOK_DSTAR_EQ : TOK_DSTAR;
                n = c2 == '=' ? 3 : 2;
            } else {
                k = EQ_OR(TOK_STAR, TOK_STAR_EQ);
            }
            break;
        case '/':
            if (c1 == '/') {
                k = c2 == '=' ? TOK_DSLASH_EQ : TOK_DSLASH;
                n = c2 == '=' ? 3 : 2;
            } else {
                k = EQ_OR(TOK_SLASH, TOK_SLASH_EQ);
            }
            break;
        case '%': k = EQ_OR(TOK_PERCENT, TOK_PERCENT_EQ); break;
        case '@': k = EQ_OR(TOK_AT, TOK_AT_EQ); break;
        case '&': k = EQ_OR(TOK_AMP, TOK_AMP_EQ); break;
        case '|': k = EQ_OR(TOK_PIPE, TOK_PIPE_EQ); break;
        case '^': k = EQ_OR(TOK_CARET, TOK_CARET_EQ); break;
        case '<':
            if (c1 == '<') {
                k = c2 == '=' ? TOK_LSHIFT_EQ : TOK_LSHIFT;
                n = c2 == '=' ? 3 : 2;
            } else {
                k = EQ_OR(TOK_LT, TOK_LE);
            }
            break;
        case '>':
            if (c1 == '>') {
                k = c2 == '=' ? TOK_RSHIFT_EQ : TOK_RSHIFT;
                n = c2 == '=' ? 3 : 2;
            } else {
                k = EQ_OR(TOK_GT, TOK_GE);
            }
            break;
        default:
            return TOK_END;
    }
#undef EQ_OR
    lx->p += n;
    return k;
}

static RT_NORETURN void invalid_char(lexer_t *lx) {
    const char *s = lx->p;
    uint32_t cp = decode_utf8(s, lx->end);
    if (cp < 0x80) {
        error_here(lx, "invalid syntax");
    }
    char hex[12];
    int n = 0;
    for (int shift = cp > 0xffff ? 20 : 12; shift >= 0; shift -= 4) {
        hex[n++] = "0123456789ABCDEF"[(cp >> shift) & 0xf];
    }
    hex[n] = 0;
    lexer_error_at(lx, &type_SyntaxError, s, lx->line, lx->line_start, "invalid character '%c' (U+%s)",
                   cp, hex);
}

void lexer_next(lexer_t *lx) {
    tok_kind_t prev = lx->tok.kind;
    if (lx->pending_dedents > 0) {
        lx->pending_dedents--;
        set_tok(lx, TOK_DEDENT, lx->p);
        return;
    }
    if (lx->at_line_start && lx->paren_top == 0 && handle_indent(lx)) {
        return;
    }
    for (;;) {
        if (lx->p >= lx->end) {
            break;
        }
        char c = *lx->p;
        if (c == ' ' || c == '\t' || c == '\f') {
            lx->p++;
        } else if (c == '#') {
            while (lx->p < lx->end && *lx->p != '\n' && *lx->p != '\r') {
                lx->p++;
            }
        } else if (c == '\\') {
            if (lx->p + 1 >= lx->end || (lx->p[1] == '\r' && lx->p + 2 >= lx->end) ||
                ((lx->p[1] == '\n' || lx->p[1] == '\r') && lx->p + 2 >= lx->end)) {
                lx->eof_incomplete = true;
                error_here(lx, "unexpected EOF while parsing");
            }
            if (lx->p[1] != '\n' && lx->p[1] != '\r') {
                lx->p++;
                error_here(lx, "unexpected character after line continuation character");
            }
            lx->p++;
            eat_newline(lx);
        } else if (c == '\n' || c == '\r') {
            if (lx->paren_top > 0 || prev == TOK_END || prev == TOK_NEWLINE) {
                eat_newline(lx);
                continue;
            }
            const char *start = lx->p;
            set_tok(lx, TOK_NEWLINE, start);
            eat_newline(lx);
            lx->tok.len = 1;
            lx->at_line_start = true;
            return;
        } else {
            break;
        }
    }
    const char *start = lx->p;
    if (lx->p >= lx->end) {
        if (lx->paren_top > 0) {
            lx->eof_incomplete = true;
            lexer_error_unclosed(lx);
        }
        if (prev != TOK_END && prev != TOK_NEWLINE && prev != TOK_DEDENT) {
            set_tok(lx, TOK_NEWLINE, start);
        } else if (lx->indent_top > 0) {
            lx->pending_dedents = lx->indent_top - 1;
            lx->indent_top = 0;
            set_tok(lx, TOK_DEDENT, start);
        } else {
            set_tok(lx, TOK_END, start);
        }
        return;
    }
    char c = *lx->p;
    if (is_ident_start(c)) {
        lex_name(lx, start);
    } else if ((c >= '0' && c <= '9') || (c == '.' && lx->p + 1 < lx->end && lx->p[1] >= '0' && lx->p[1] <= '9')) {
        lex_number(lx, start);
    } else if (c == '\'' || c == '"') {
        lex_string(lx, start, 0);
    } else {
        tok_kind_t k = lex_operator(lx);
        if (k == TOK_END) {
            invalid_char(lx);
        }
        if (k == TOK_LPAREN || k == TOK_LBRACKET || k == TOK_LBRACE) {
            open_paren(lx, c, start);
        } else if (k == TOK_RPAREN || k == TOK_RBRACKET || k == TOK_RBRACE) {
            close_paren(lx, c, start);
        }
        set_tok(lx, k, start);
    }
}

/* ---- string escapes ---- */

static int hex_val(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* \N{...}: no Unicode name database on a microcontroller, just the common names. */
static const struct {
    const char *name;
    uint32_t cp;
} char_names[] = {
    { "NULL", 0 }, { "CHARACTER TABULATION", 9 }, { "LINE FEED", 10 }, { "CARRIAGE RETURN", 13 },
    { "ESCAPE", 27 }, { "SPACE", 32 }, { "NO-BREAK SPACE", 0xa0 }, { "POUND SIGN", 0xa3 },
    { "YEN SIGN", 0xa5 }, { "SECTION SIGN", 0xa7 }, { "COPYRIGHT SIGN", 0xa9 },
    { "REGISTERED SIGN", 0xae }, { "DEGREE SIGN", 0xb0 }, { "PLUS-MINUS SIGN", 0xb1 },
    { "MICRO SIGN", 0xb5 }, { "MULTIPLICATION SIGN", 0xd7 }, { "DIVISION SIGN", 0xf7 },
    { "LATIN SMALL LETTER E WITH ACUTE", 0xe9 }, { "GREEK SMALL LETTER ALPHA", 0x3b1 },
    { "GREEK SMALL LETTER BETA", 0x3b2 }, { "GREEK SMALL LETTER GAMMA", 0x3b3 },
    { "GREEK SMALL LETTER DELTA", 0x3b4 }, { "GREEK SMALL LETTER LAMDA", 0x3bb },
    { "GREEK SMALL LETTER MU", 0x3bc }, { "GREEK SMALL LETTER PI", 0x3c0 },
    { "GREEK SMALL LETTER SIGMA", 0x3c3 }, { "GREEK SMALL LETTER OMEGA", 0x3c9 },
    { "GREEK CAPITAL LETTER DELTA", 0x394 }, { "GREEK CAPITAL LETTER SIGMA", 0x3a3 },
    { "GREEK CAPITAL LETTER OMEGA", 0x3a9 }, { "EN DASH", 0x2013 }, { "EM DASH", 0x2014 },
    { "LEFT SINGLE QUOTATION MARK", 0x2018 }, { "RIGHT SINGLE QUOTATION MARK", 0x2019 },
    { "LEFT DOUBLE QUOTATION MARK", 0x201c }, { "RIGHT DOUBLE QUOTATION MARK", 0x201d },
    { "BULLET", 0x2022 }, { "HORIZONTAL ELLIPSIS", 0x2026 }, { "EURO SIGN", 0x20ac },
    { "LEFTWARDS ARROW", 0x2190 }, { "RIGHTWARDS ARROW", 0x2192 }, { "INFINITY", 0x221e },
    { "BLACK STAR", 0x2605 }, { "WHITE STAR", 0x2606 }, { "SNOWMAN", 0x2603 },
    { "WHITE SMILING FACE", 0x263a }, { "BLACK HEART SUIT", 0x2665 }, { "CHECK MARK", 0x2713 },
    { "HEAVY CHECK MARK", 0x2714 }, { "GRINNING FACE", 0x1f600 }, { "REPLACEMENT CHARACTER", 0xfffd },
};

static bool lookup_char_name(const char *s, size_t len, uint32_t *cp) {
    static const char *const letter_prefix[] = { "LATIN SMALL LETTER ", "LATIN CAPITAL LETTER ", "DIGIT " };
    static const char *const digits[] = { "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN",
                                          "EIGHT", "NINE" };
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(letter_prefix[i]);
        if (len <= n || memcmp(s, letter_prefix[i], n) != 0) {
            continue;
        }
        if (i < 2 && len == n + 1 && s[n] >= 'A' && s[n] <= 'Z') {
            *cp = (uint32_t)(i == 0 ? s[n] - 'A' + 'a' : s[n]);
            return true;
        }
        for (size_t d = 0; i == 2 && d < 10; d++) {
            if (len - n == strlen(digits[d]) && memcmp(s + n, digits[d], len - n) == 0) {
                *cp = (uint32_t)('0' + d);
                return true;
            }
        }
    }
    for (size_t i = 0; i < sizeof(char_names) / sizeof(char_names[0]); i++) {
        if (strlen(char_names[i].name) == len && memcmp(char_names[i].name, s, len) == 0) {
            *cp = char_names[i].cp;
            return true;
        }
    }
    return false;
}

static RT_NORETURN void escape_error(lexer_t *lx, bool bytes, size_t pos, const char *what) {
    lexer_error(lx, "(%s error) '%s' codec can't decode bytes in position %u-%u: %s",
                bytes ? "value" : "unicode", bytes ? "bytes" : "unicodeescape",
                (unsigned)pos, (unsigned)(pos + 1), what);
}

void lexer_decode_string(lexer_t *lx, const char *s, size_t len, int flags, vstr_t *vs) {
    const char *e = s + len;
    bool bytes = flags & STR_BYTES;
    while (s < e) {
        char c = *s++;
        if (bytes && (unsigned char)c >= 0x80) {
            lexer_error(lx, "bytes can only contain ASCII literal characters");
        }
        if (c == '\r') {
            /* newlines inside triple-quoted strings are normalised to \n */
            if (s < e && *s == '\n') {
                s++;
            }
            c = '\n';
        }
        if (c != '\\' || (flags & STR_RAW) || s >= e) {
            vstr_add_byte(vs, (uint8_t)c);
            continue;
        }
        size_t esc_pos = (size_t)(s - 1 - (e - len));
        c = *s++;
        uint32_t v;
        switch (c) {
            case '\n': continue;
            case '\r':
                if (s < e && *s == '\n') {
                    s++;
                }
                continue;
            case '\\': case '\'': case '"': vstr_add_byte(vs, (uint8_t)c); continue;
            case 'a': vstr_add_byte(vs, 7); continue;
            case 'b': vstr_add_byte(vs, 8); continue;
            case 'f': vstr_add_byte(vs, 12); continue;
            case 'n': vstr_add_byte(vs, 10); continue;
            case 'r': vstr_add_byte(vs, 13); continue;
            case 't': vstr_add_byte(vs, 9); continue;
            case 'v': vstr_add_byte(vs, 11); continue;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
                v = (uint32_t)(c - '0');
                for (int i = 0; i < 2 && s < e && *s >= '0' && *s <= '7'; i++) {
                    v = v * 8 + (uint32_t)(*s++ - '0');
                }
                break;
            case 'x': case 'u': case 'U': {
                int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                if (c != 'x' && bytes) {
                    vstr_add_byte(vs, '\\');
                    vstr_add_byte(vs, (uint8_t)c);
                    continue;
                }
                v = 0;
                for (int i = 0; i < n; i++) {
                    int h = s < e ? hex_val(*s) : -1;
                    if (h < 0) {
                        escape_error(lx, bytes, esc_pos, c == 'x' ? "truncated \\xXX escape"
                                     : c == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape");
                    }
                    v = v * 16 + (uint32_t)h;
                    s++;
                }
                if (v > 0x10ffff) {
                    escape_error(lx, bytes, esc_pos, "illegal Unicode character");
                }
                break;
            }
            case 'N': {
                if (bytes) {
                    vstr_add_byte(vs, '\\');
                    vstr_add_byte(vs, 'N');
                    continue;
                }
                const char *close = s < e && *s == '{' ? memchr(s, '}', (size_t)(e - s)) : NULL;
                if (close == NULL) {
                    escape_error(lx, false, esc_pos, "malformed \\N character escape");
                }
                if (!lookup_char_name(s + 1, (size_t)(close - s - 1), &v)) {
                    lexer_error(lx, "(unicode error) 'unicodeescape' codec can't decode bytes in position %u-%u: "
                                "unknown Unicode character name", (unsigned)esc_pos,
                                (unsigned)(esc_pos + (size_t)(close - s) + 1));
                }
                s = close + 1;
                break;
            }
            default:
                vstr_add_byte(vs, '\\');
                vstr_add_byte(vs, (uint8_t)c);
                continue;
        }
        if (bytes) {
            vstr_add_byte(vs, (uint8_t)v);
        } else {
            vstr_add_char(vs, v);
        }
    }
}
