/* lexer.h: Python source text to tokens, one token at a time, including the INDENT/DEDENT/NEWLINE
 * structure of logical lines.  Tokens point into the source; string bodies are decoded on demand
 * by the parser (lexer_decode_string) so f-strings can be split before their escapes are decoded. */
#ifndef ADDER_LEXER_H
#define ADDER_LEXER_H

#include "obj.h"
#include "runtime.h"

#define LEXER_KEYWORDS(X) \
    X(False) X(None) X(True) X(and) X(as) X(assert) X(async) X(await) X(break) X(class) \
    X(continue) X(def) X(del) X(elif) X(else) X(except) X(finally) X(for) X(from) X(global) \
    X(if) X(import) X(in) X(is) X(lambda) X(nonlocal) X(not) X(or) X(pass) X(raise) X(return) \
    X(try) X(while) X(with) X(yield)

typedef enum {
    TOK_END, TOK_NEWLINE, TOK_INDENT, TOK_DEDENT, TOK_NAME, TOK_INT, TOK_FLOAT, TOK_STRING,
#define X(k) TOK_KW_##k,
    LEXER_KEYWORDS(X)
#undef X
    TOK_LPAREN, TOK_RPAREN, TOK_LBRACKET, TOK_RBRACKET, TOK_LBRACE, TOK_RBRACE,
    TOK_COMMA, TOK_COLON, TOK_DOT, TOK_SEMI, TOK_ASSIGN, TOK_ARROW, TOK_WALRUS, TOK_ELLIPSIS,
    TOK_LT, TOK_GT, TOK_LE, TOK_GE, TOK_EQ, TOK_NE, TOK_TILDE,
    /* binary operators, in BINARY_OPS_ARITH order (obj.h) */
    TOK_PIPE, TOK_CARET, TOK_AMP, TOK_LSHIFT, TOK_RSHIFT, TOK_PLUS, TOK_MINUS, TOK_STAR, TOK_AT,
    TOK_DSLASH, TOK_SLASH, TOK_PERCENT, TOK_DSTAR,
    /* augmented assignments, same order */
    TOK_PIPE_EQ, TOK_CARET_EQ, TOK_AMP_EQ, TOK_LSHIFT_EQ, TOK_RSHIFT_EQ, TOK_PLUS_EQ, TOK_MINUS_EQ,
    TOK_STAR_EQ, TOK_AT_EQ, TOK_DSLASH_EQ, TOK_SLASH_EQ, TOK_PERCENT_EQ, TOK_DSTAR_EQ,
} tok_kind_t;

#define TOK_BINOP_FIRST TOK_PIPE
#define TOK_AUG_FIRST TOK_PIPE_EQ

/* string token flags */
#define STR_BYTES (1)
#define STR_RAW (2)
#define STR_FSTRING (4)
#define STR_TRIPLE (8)

#define LEXER_MAX_PARENS (200)
#define LEXER_MAX_INDENT (100)

typedef struct {
    tok_kind_t kind;
    uint8_t str_flags;
    uint32_t line;
    const char *pos;        /* first byte of the token */
    const char *line_start; /* first byte of its line (for error messages) */
    size_t len;
    const char *body;       /* strings: between the quotes */
    size_t body_len;
} tok_t;

typedef struct lexer {
    const char *src, *end, *p;
    qstr filename;
    uint32_t line;
    uint32_t first_line;
    const char *line_start;
    tok_t tok;
    bool at_line_start;
    bool eof_incomplete;    /* the last error was caused by input ending early (for the REPL) */
    int pending_dedents;
    int indent_top;
    uint16_t indents[LEXER_MAX_INDENT];
    int paren_top;
    /* open brackets, kept compact (the lexer is on the heap during every compile) */
    char paren_char[LEXER_MAX_PARENS];
    uint32_t paren_off[LEXER_MAX_PARENS];   /* byte offset from src */
    uint32_t paren_line[LEXER_MAX_PARENS];
} lexer_t;

void lexer_init(lexer_t *lx, const char *src, size_t len, qstr filename, uint32_t first_line);
void lexer_next(lexer_t *lx);
/* Decode a string body's escapes into vs (raw: copy as is). */
void lexer_decode_string(lexer_t *lx, const char *s, size_t len, int flags, vstr_t *vs);
/* Raise SyntaxError (or type, e.g. IndentationError) located at pos on line (pos NULL: the
 * current token). */
RT_NORETURN void lexer_error_at(lexer_t *lx, const type_t *type, const char *pos, uint32_t line,
                                     const char *line_start, const char *fmt, ...);
RT_NORETURN void lexer_error(lexer_t *lx, const char *fmt, ...);
/* Raise "'(' was never closed" for the innermost open bracket. */
RT_NORETURN void lexer_error_unclosed(lexer_t *lx);
/* Build a SyntaxError-style exception object (msg, (filename, line, offset, text)). */
obj_t lexer_make_error(const type_t *type, qstr filename, uint32_t line, const char *line_start,
                       const char *pos, const char *end, const char *msg);

#endif
