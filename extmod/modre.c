/* modre.c: the `re` module (also importable as `ure`): MicroPython's regular-expression subset and a
 * little more (counted and lazy repeats, named groups, backreferences, lookahead, flags I/M/S/X).
 *
 * A pattern compiles to a small array of int32 instructions whose jumps are relative, so a
 * quantifier can copy or wrap already-emitted code.  The matcher backtracks with an explicit stack
 * (a small local array that moves to the heap as it grows), never with C recursion, so a long
 * subject cannot overflow the C stack: at worst the heap runs out and MemoryError is raised.
 * Positions are byte offsets; str subjects are walked as UTF-8 and converted to character indices
 * only where Python sees them (start, end, span, pos, endpos). */
#include <string.h>
#include "gc.h"
#include "runtime.h"

#define FLAG_I (2)
#define FLAG_M (8)
#define FLAG_S (16)
#define FLAG_X (64)
#define FLAG_A (256)
#define REPEAT_INF (-1)
#define REPEAT_MAX (65535)
#define GROUPS_MAX (100)

/* Instructions: opcode then operands.  Offsets are relative to the opcode's own index. */
enum {
    OP_MATCH,       /* success (subject to fullmatch / must-advance conditions) */
    OP_CHAR,        /* c */
    OP_CHARI,       /* c (lower case): ASCII case-insensitive */
    OP_ANY,         /* . without DOTALL */
    OP_ANYNL,       /* . with DOTALL */
    OP_CLASS,       /* n negate icase, then n (lo, hi) pairs; lo < 0 names a class escape */
    OP_BOL, OP_EOL, OP_MBOL, OP_MEOL, OP_BOS, OP_EOS, OP_WORDB, OP_NWORDB,
    OP_SPLIT_NEXT,  /* off: go on at the next instruction, backtrack to pc + off */
    OP_SPLIT_JUMP,  /* off: go on at pc + off, backtrack to the next instruction */
    OP_JMP,         /* off */
    OP_SAVE,        /* slot */
    OP_PROG_SET,    /* reg: remember the position at the start of a loop body that can match empty */
    OP_PROG_CHECK,  /* reg off: leave the loop (to pc + off) if the body consumed nothing */
    OP_STAR,        /* min max slot, then one single-character instruction: a greedy counted repeat,
                     * capturing its last character in group slot `slot` unless that is -1 */
    OP_BACKREF,     /* group icase */
    OP_LOOK,        /* negate len: a lookahead whose body (ending in OP_MATCH) follows */
};

/* Class escapes inside OP_CLASS (as negative lo values). */
enum { CL_DIGIT = -1, CL_NDIGIT = -2, CL_WORD = -3, CL_NWORD = -4, CL_SPACE = -5, CL_NSPACE = -6 };

typedef struct {
    obj_base_t base;
    obj_t pattern;       /* the source, str or bytes */
    obj_t groupindex;    /* dict name -> group number */
    uint16_t flags;
    uint16_t ngroups;    /* capturing groups, not counting group 0 */
    uint16_t nprog;      /* loop progress registers */
    bool is_bytes;
    uint32_t len;
    int32_t code[];
} re_pattern_t;

typedef struct {
    obj_base_t base;
    re_pattern_t *re;
    obj_t string;
    obj_t pos, endpos;   /* as given, in characters */
    bool ascii;          /* byte offsets are character indices */
    uint16_t nslots;
    int32_t slots[];     /* (start, end) byte offsets per group, -1 when unmatched */
} re_match_t;

static const type_t re_pattern_type, re_match_type;

/* ---------------------------------------------------------------- characters */

static bool is_word(int32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static bool is_space(int32_t c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Case and class rules for str patterns beyond ASCII are approximations that need no Unicode
 * tables: case pairs of Latin-1, Greek and Cyrillic; every code point is a word character except
 * the punctuation, symbol and mark blocks below; the Unicode spaces. */
static int32_t lower(int32_t c, bool uni) {
    if (c < 128 || !uni) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
    if ((c >= 0xc0 && c <= 0xde && c != 0xd7) || (c >= 0x391 && c <= 0x3a9 && c != 0x3a2) ||
        (c >= 0x410 && c <= 0x42f)) {
        return c + 32;
    }
    return c >= 0x400 && c <= 0x40f ? c + 80 : c;
}

static int32_t upper(int32_t c, bool uni) {
    if (c < 128 || !uni) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }
    if ((c >= 0xe0 && c <= 0xfe && c != 0xf7) || (c >= 0x3b1 && c <= 0x3c9 && c != 0x3c2) ||
        (c >= 0x430 && c <= 0x44f)) {
        return c - 32;
    }
    return c >= 0x450 && c <= 0x45f ? c - 80 : c;
}

static const int32_t non_word[][2] = {
    { 0x80, 0xa9 }, { 0xab, 0xb1 }, { 0xb4, 0xb4 }, { 0xb6, 0xb8 }, { 0xbb, 0xbb }, { 0xbf, 0xbf },
    { 0xd7, 0xd7 }, { 0xf7, 0xf7 }, { 0x300, 0x36f }, { 0x2000, 0x206f }, { 0x20a0, 0x20ff },
    { 0x2190, 0x245f }, { 0x2500, 0x2775 }, { 0x2794, 0x2bff }, { 0x2e00, 0x2e7f }, { 0x3000, 0x3004 },
    { 0x3008, 0x3020 }, { 0xfe30, 0xfe4f }, { 0xff00, 0xff0f }, { 0xff1a, 0xff20 }, { 0xff3b, 0xff40 },
    { 0xff5b, 0xff65 }, { 0x1f000, 0x1faff },
};

static bool in_table(int32_t c, const int32_t (*t)[2], size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (c >= t[i][0] && c <= t[i][1]) {
            return true;
        }
    }
    return false;
}

static bool is_word_u(int32_t c, bool uni) {
    return c < 128 || !uni ? is_word(c) : !in_table(c, non_word, sizeof(non_word) / sizeof(non_word[0]));
}

static const int32_t spaces[][2] = {
    { 0x1c, 0x1f }, { 0x85, 0x85 }, { 0xa0, 0xa0 }, { 0x1680, 0x1680 }, { 0x2000, 0x200a },
    { 0x2028, 0x2029 }, { 0x202f, 0x202f }, { 0x205f, 0x205f }, { 0x3000, 0x3000 },
};

static bool is_space_u(int32_t c, bool uni) {
    return is_space(c) || (uni && in_table(c, spaces, sizeof(spaces) / sizeof(spaces[0])));
}

/* The character at *pos (a code point when uni, else a byte), advancing *pos past it. */
static int32_t next_char(const uint8_t *s, bool uni, int32_t *pos) {
    int32_t c = s[(*pos)++];
    if (uni && c >= 0xc0) {
        int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
        c &= 0x3f >> more;
        while (more-- > 0) {
            c = (c << 6) | (s[(*pos)++] & 0x3f);
        }
    }
    return c;
}

static int32_t prev_pos(const uint8_t *s, bool uni, int32_t pos) {
    pos--;
    while (uni && pos > 0 && (s[pos] & 0xc0) == 0x80) {
        pos--;
    }
    return pos;
}

/* ---------------------------------------------------------------- compiler */

typedef struct {
    const uint8_t *p, *start, *end;
    bool uni;
    int flags;
    int32_t *code;
    size_t len, alloc;
    int ngroups, nprog;
    obj_t names;
} comp_t;

static RT_NORETURN void comp_error(comp_t *c, const char *msg) {
    rt_raise_msg(&type_ValueError, "%s at position %d", msg, (int)(c->p - c->start));
}

static void reserve(comp_t *c, size_t n) {
    if (c->len + n > c->alloc) {
        size_t alloc = c->alloc * 2 + n;
        c->code = m_renew(int32_t, c->code, alloc);
        c->alloc = alloc;
    }
}

static void emit(comp_t *c, int32_t w) {
    reserve(c, 1);
    c->code[c->len++] = w;
}

static void emit2(comp_t *c, int32_t op, int32_t arg) {
    emit(c, op);
    emit(c, arg);
}

/* Opens a gap of n words at `at` (for an instruction that must precede code already emitted). */
static void insert(comp_t *c, size_t at, size_t n) {
    reserve(c, n);
    memmove(c->code + at + n, c->code + at, (c->len - at) * sizeof(int32_t));
    c->len += n;
}

static bool at(comp_t *c, char ch) {
    return c->p < c->end && *c->p == (uint8_t)ch;
}

static bool accept(comp_t *c, char ch) {
    if (at(c, ch)) {
        c->p++;
        return true;
    }
    return false;
}

static int32_t pattern_char(comp_t *c) {
    int32_t pos = 0;
    int32_t ch = next_char(c->p, c->uni, &pos);
    c->p += pos;
    return ch;
}

static int hex_value(int ch) {
    return ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 :
           ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
}

static int32_t hex_escape(comp_t *c, int digits) {
    int32_t v = 0;
    for (int i = 0; i < digits; i++) {
        int d = c->p < c->end ? hex_value(*c->p) : -1;
        if (d < 0) {
            comp_error(c, "incomplete escape");
        }
        v = v * 16 + d;
        c->p++;
    }
    return v;
}

/* A literal escape (after the backslash), or a class escape as a negative CL_ value. */
static int32_t escape(comp_t *c) {
    if (c->p >= c->end) {
        comp_error(c, "bad escape (end of pattern)");
    }
    int32_t ch = pattern_char(c);
    switch (ch) {
        case 'd': return CL_DIGIT;
        case 'D': return CL_NDIGIT;
        case 'w': return CL_WORD;
        case 'W': return CL_NWORD;
        case 's': return CL_SPACE;
        case 'S': return CL_NSPACE;
        case 'n': return '\n';
        case 't': return '\t';
        case 'r': return '\r';
        case 'f': return '\f';
        case 'v': return '\v';
        case 'a': return '\a';
        case 'b': return '\b';   /* only reached inside a class */
        case 'x': return hex_escape(c, 2);
        case 'u': if (c->uni) { return hex_escape(c, 4); } break;
        case 'U': if (c->uni) { return hex_escape(c, 8); } break;
        case '0': {
            int32_t v = 0;
            for (int i = 0; i < 2 && c->p < c->end && *c->p >= '0' && *c->p <= '7'; i++) {
                v = v * 8 + (*c->p++ - '0');
            }
            return v;
        }
        default:
            if (ch < 128 && (((ch | 32) >= 'a' && (ch | 32) <= 'z') || (ch >= '0' && ch <= '9'))) {
                c->p--;
                comp_error(c, "bad escape");
            }
            return ch;
    }
    c->p--;
    comp_error(c, "bad escape");
}

static void emit_char(comp_t *c, int32_t ch) {
    bool uni = c->uni && !(c->flags & FLAG_A);
    if ((c->flags & FLAG_I) && lower(ch, uni) != upper(ch, uni)) {
        emit2(c, OP_CHARI, lower(ch, uni));
    } else {
        emit2(c, OP_CHAR, ch);
    }
}

static void emit_class_escape(comp_t *c, int32_t cl) {
    emit(c, OP_CLASS);
    emit2(c, 1, 0);
    emit(c, 0);
    emit2(c, cl, 0);
}

/* [...]: the pairs are counted as they are emitted, then the header is filled in. */
static void parse_class(comp_t *c) {
    size_t head = c->len;
    emit(c, OP_CLASS);
    emit(c, 0);
    emit(c, accept(c, '^'));
    emit(c, (c->flags & FLAG_I) != 0);
    int32_t n = 0;
    bool first = true;
    for (;;) {
        if (c->p >= c->end) {
            comp_error(c, "unterminated character set");
        }
        if (*c->p == ']' && !first) {
            c->p++;
            break;
        }
        first = false;
        int32_t lo = *c->p == '\\' ? (c->p++, escape(c)) : pattern_char(c);
        int32_t hi = lo;
        if (lo >= 0 && c->p + 1 < c->end && c->p[0] == '-' && c->p[1] != ']') {
            c->p++;
            hi = *c->p == '\\' ? (c->p++, escape(c)) : pattern_char(c);
            if (hi < 0 || hi < lo) {
                comp_error(c, "bad character range");
            }
        }
        emit2(c, lo, hi);
        n++;
    }
    c->code[head + 1] = n;
}

static bool parse_alt(comp_t *c);
static size_t single_len(const int32_t *ins);

static bool is_single_op(int32_t op) {
    return op == OP_CHAR || op == OP_CHARI || op == OP_ANY || op == OP_ANYNL || op == OP_CLASS;
}

/* Whether the code from start is exactly one single-character instruction. */
static bool is_single_at(comp_t *c, size_t start) {
    return start < c->len && is_single_op(c->code[start]) && start + single_len(c->code + start) == c->len;
}

static bool is_flag(uint8_t ch) {
    return ch != 0 && strchr("aiLmsux-", ch) != NULL;
}

/* Flag letters (then '-' and the ones to turn off) up to ':' or ')', which is consumed and returned. */
static int parse_flags(comp_t *c, int *on, int *off) {
    int *set = on;
    for (; c->p < c->end && *c->p != ':' && *c->p != ')'; c->p++) {
        switch (*c->p) {
            case 'i': *set |= FLAG_I; break;
            case 'm': *set |= FLAG_M; break;
            case 's': *set |= FLAG_S; break;
            case 'x': *set |= FLAG_X; break;
            case 'a': case 'u': case 'L': break;
            case '-':
                if (set == off) {
                    comp_error(c, "unknown flag");
                }
                set = off;
                break;
            default: comp_error(c, "unknown flag");
        }
    }
    if (c->p >= c->end) {
        comp_error(c, "missing -, : or )");
    }
    if ((set == off && *off == 0) || (*on & *off)) {
        comp_error(c, "bad inline flags");
    }
    return *c->p++;
}

static int group_number(comp_t *c, obj_t name) {
    obj_t n = c->names != OBJ_NULL ? obj_dict_get(c->names, name) : OBJ_NULL;
    if (n == OBJ_NULL) {
        comp_error(c, "unknown group name");
    }
    return (int)OBJ_SMALL_INT_VALUE(n);
}

static obj_t parse_name(comp_t *c, char close) {
    const uint8_t *s = c->p;
    while (c->p < c->end && *c->p != (uint8_t)close) {
        c->p++;
    }
    if (c->p >= c->end || c->p == s) {
        comp_error(c, "missing group name");
    }
    for (const uint8_t *q = s; q < c->p; q++) {
        if ((*q < 0x80 && !is_word(*q)) || (q == s && *q >= '0' && *q <= '9')) {
            comp_error(c, "bad character in group name");
        }
    }
    obj_t name = obj_new_str((const char *)s, (size_t)(c->p - s));
    c->p++;
    return name;
}

/* (...) after the '(': returns whether the group can match the empty string; *single is set for a
 * non-capturing group around one single-character instruction, which repeats like that one. */
static bool parse_group(comp_t *c, bool *single) {
    int group = -1;
    size_t start = c->len;
    int saved_flags = c->flags;
    if (accept(c, '?')) {
        if (accept(c, ':')) {
            group = 0;
        } else if (c->p < c->end && is_flag(*c->p)) {
            /* (?i:...) and (?-i:...): flags for this group only */
            int on = 0, off = 0;
            if (parse_flags(c, &on, &off) != ':') {
                comp_error(c, "global flags not at the start of the expression");
            }
            c->flags = (c->flags | on) & ~off;
            group = 0;
        } else if (accept(c, 'P')) {
            if (accept(c, '=')) {
                emit(c, OP_BACKREF);
                emit2(c, group_number(c, parse_name(c, ')')), (c->flags & FLAG_I) != 0);
                return true;
            }
            if (!accept(c, '<')) {
                comp_error(c, "unknown extension ?P");
            }
            obj_t name = parse_name(c, '>');
            if (c->names == OBJ_NULL) {
                c->names = obj_new_dict(0);
            }
            if (obj_dict_get(c->names, name) != OBJ_NULL) {
                comp_error(c, "redefinition of group name");
            }
            group = ++c->ngroups;
            obj_dict_store(c->names, name, OBJ_NEW_SMALL_INT(group));
        } else if (at(c, '=') || at(c, '!')) {
            bool negate = *c->p++ == '!';
            size_t head = c->len;
            emit(c, OP_LOOK);
            emit2(c, negate, 0);
            parse_alt(c);
            emit(c, OP_MATCH);
            c->code[head + 2] = (int32_t)(c->len - head);
            if (!accept(c, ')')) {
                comp_error(c, "missing ), unterminated subpattern");
            }
            return true;
        } else if (accept(c, '#')) {
            while (c->p < c->end && *c->p != ')') {
                c->p++;
            }
            if (!accept(c, ')')) {
                comp_error(c, "missing ), unterminated comment");
            }
            return true;
        } else {
            comp_error(c, "unknown extension");
        }
    } else {
        group = ++c->ngroups;
    }
    if (c->ngroups > GROUPS_MAX) {
        comp_error(c, "too many groups");
    }
    if (group > 0) {
        emit2(c, OP_SAVE, 2 * group);
    }
    bool nullable = parse_alt(c);
    if (!accept(c, ')')) {
        comp_error(c, "missing ), unterminated subpattern");
    }
    c->flags = saved_flags;
    if (group > 0) {
        emit2(c, OP_SAVE, 2 * group + 1);
    }
    *single = group == 0 && is_single_at(c, start);
    return nullable;
}

typedef enum { ATOM_ZERO_WIDTH, ATOM_SINGLE, ATOM_OTHER } atom_kind_t;

/* In verbose mode (re.X) whitespace and #-comments between atoms are not part of the pattern. */
static void skip_verbose(comp_t *c) {
    while ((c->flags & FLAG_X) && c->p < c->end) {
        if (*c->p == '#') {
            while (c->p < c->end && *c->p != '\n') {
                c->p++;
            }
        } else if (is_space(*c->p)) {
            c->p++;
        } else {
            break;
        }
    }
}

/* One atom; sets *nullable.  ATOM_SINGLE atoms are one single-character instruction. */
static atom_kind_t parse_atom(comp_t *c, bool *nullable) {
    *nullable = false;
    int32_t ch = *c->p;
    switch (ch) {
        case '(': {
            c->p++;
            bool single = false;
            *nullable = parse_group(c, &single);
            return single ? ATOM_SINGLE : ATOM_OTHER;
        }
        case '[':
            c->p++;
            parse_class(c);
            return ATOM_SINGLE;
        case '.':
            c->p++;
            emit(c, (c->flags & FLAG_S) ? OP_ANYNL : OP_ANY);
            return ATOM_SINGLE;
        case '^':
            c->p++;
            emit(c, (c->flags & FLAG_M) ? OP_MBOL : OP_BOL);
            *nullable = true;
            return ATOM_ZERO_WIDTH;
        case '$':
            c->p++;
            emit(c, (c->flags & FLAG_M) ? OP_MEOL : OP_EOL);
            *nullable = true;
            return ATOM_ZERO_WIDTH;
        case '*': case '+': case '?':
            comp_error(c, "nothing to repeat");
        case ')':
            comp_error(c, "unbalanced parenthesis");
        case '\\': {
            c->p++;
            if (c->p < c->end) {
                int op = -1;
                switch (*c->p) {
                    case 'A': op = OP_BOS; break;
                    case 'Z': op = OP_EOS; break;
                    case 'b': op = OP_WORDB; break;
                    case 'B': op = OP_NWORDB; break;
                }
                if (op >= 0) {
                    c->p++;
                    emit(c, op);
                    *nullable = true;
                    return ATOM_ZERO_WIDTH;
                }
                if (*c->p >= '1' && *c->p <= '9') {
                    int n = *c->p++ - '0';
                    if (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
                        n = n * 10 + (*c->p++ - '0');
                    }
                    if (n > c->ngroups) {
                        comp_error(c, "invalid group reference");
                    }
                    emit(c, OP_BACKREF);
                    emit2(c, n, (c->flags & FLAG_I) != 0);
                    *nullable = true;
                    return ATOM_OTHER;
                }
            }
            int32_t e = escape(c);
            if (e < 0) {
                emit_class_escape(c, e);
            } else {
                emit_char(c, e);
            }
            return ATOM_SINGLE;
        }
        default:
            emit_char(c, pattern_char(c));
            return ATOM_SINGLE;
    }
}

static bool parse_count(comp_t *c, int *v) {
    if (c->p >= c->end || *c->p < '0' || *c->p > '9') {
        return false;
    }
    int n = 0;
    while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
        n = n * 10 + (*c->p++ - '0');
        if (n > REPEAT_MAX) {
            comp_error(c, "the repetition number is too large");
        }
    }
    *v = n;
    return true;
}

/* A quantifier after an atom, if any; '{' that does not start a valid one is a literal. */
static bool parse_quantifier(comp_t *c, int *min, int *max, bool *lazy) {
    const uint8_t *save = c->p;
    if (accept(c, '*')) {
        *min = 0, *max = REPEAT_INF;
    } else if (accept(c, '+')) {
        *min = 1, *max = REPEAT_INF;
    } else if (accept(c, '?')) {
        *min = 0, *max = 1;
    } else if (accept(c, '{')) {
        bool has_min = parse_count(c, min);
        if (!has_min) {
            *min = 0;
        }
        if (accept(c, ',')) {
            if (!parse_count(c, max)) {
                *max = REPEAT_INF;
            }
        } else {
            *max = *min;
            if (!has_min) {
                c->p = save;
                return false;
            }
        }
        if (!accept(c, '}')) {
            c->p = save;
            return false;
        }
        if (*max != REPEAT_INF && *max < *min) {
            comp_error(c, "min repeat greater than max repeat");
        }
    } else {
        return false;
    }
    *lazy = accept(c, '?');
    return true;
}

static void emit_copy(comp_t *c, const int32_t *body, size_t n) {
    reserve(c, n);
    memcpy(c->code + c->len, body, n * sizeof(int32_t));
    c->len += n;
}

/* body repeated without bound: a loop with a progress check when the body can match empty. */
static void emit_loop(comp_t *c, const int32_t *body, size_t n, bool nullable, bool lazy) {
    size_t top = c->len;
    int reg = nullable ? c->nprog++ : -1;
    if (!nullable) {
        /* L: body; split back to L */
        emit_copy(c, body, n);
        emit2(c, lazy ? OP_SPLIT_NEXT : OP_SPLIT_JUMP, (int32_t)top - (int32_t)c->len);
        return;
    }
    /* L: split exit; set; body; check; jmp L; exit: (the caller emitted the mandatory copy) */
    emit2(c, lazy ? OP_SPLIT_JUMP : OP_SPLIT_NEXT, 0);
    emit2(c, OP_PROG_SET, reg);
    emit_copy(c, body, n);
    emit(c, OP_PROG_CHECK);
    emit2(c, reg, 5);
    emit2(c, OP_JMP, (int32_t)top - (int32_t)c->len);
    c->code[top + 1] = (int32_t)(c->len - top);
}

static void apply_quantifier(comp_t *c, size_t start, atom_kind_t kind, bool nullable,
                             int min, int max, bool lazy) {
    size_t n = c->len - start;
    int32_t *a = c->code + start;
    if (kind == ATOM_SINGLE && !lazy) {
        insert(c, start, 4);
        a = c->code + start;
        a[3] = -1;
    } else if (!lazy && n > 4 && a[0] == OP_SAVE && is_single_op(a[2]) && single_len(a + 2) + 4 == n &&
               a[n - 2] == OP_SAVE && a[n - 1] == a[1] + 1) {
        /* (x)* with x one character: the group holds the last repetition's character */
        int32_t slot = a[1];
        memmove(a + 4, a + 2, (n - 4) * sizeof(int32_t));
        a[3] = slot;
    } else {
        a = NULL;
    }
    if (a != NULL) {
        a[0] = OP_STAR;
        a[1] = min;
        a[2] = max;
        return;
    }
    int32_t *body = m_new(int32_t, n);
    memcpy(body, c->code + start, n * sizeof(int32_t));
    c->len = start;
    int copies = max == REPEAT_INF && !nullable && min > 0 ? min - 1 : min;
    for (int i = 0; i < copies; i++) {
        emit_copy(c, body, n);
    }
    if (max == REPEAT_INF) {
        if (nullable || min == 0) {
            if (!nullable) {
                /* x* without empty matches: split exit; L: x; split L */
                size_t top = c->len;
                emit2(c, lazy ? OP_SPLIT_JUMP : OP_SPLIT_NEXT, 0);
                emit_loop(c, body, n, false, lazy);
                c->code[top + 1] = (int32_t)(c->len - top);
            } else {
                emit_loop(c, body, n, true, lazy);
            }
        } else {
            emit_loop(c, body, n, false, lazy);
        }
    } else {
        /* optional copies all exit to one place: split exit; x; split exit; x; ... exit: */
        int32_t chain = -1;
        for (int i = min; i < max; i++) {
            emit2(c, lazy ? OP_SPLIT_JUMP : OP_SPLIT_NEXT, chain);
            chain = (int32_t)c->len - 2;
            emit_copy(c, body, n);
        }
        while (chain >= 0) {
            int32_t prev = c->code[chain + 1];
            c->code[chain + 1] = (int32_t)c->len - chain;
            chain = prev;
        }
    }
    m_free(body);
}

/* A sequence of quantified atoms up to '|', ')' or the end; returns whether it can match empty. */
static bool parse_seq(comp_t *c) {
    bool nullable = true;
    while (skip_verbose(c), c->p < c->end && *c->p != '|' && *c->p != ')') {
        size_t start = c->len;
        bool atom_nullable;
        atom_kind_t kind = parse_atom(c, &atom_nullable);
        skip_verbose(c);
        int min, max;
        bool lazy;
        if (parse_quantifier(c, &min, &max, &lazy)) {
            if (kind == ATOM_ZERO_WIDTH) {
                comp_error(c, "nothing to repeat");
            }
            const uint8_t *after = c->p;
            int m2, n2;
            bool l2;
            if (parse_quantifier(c, &m2, &n2, &l2)) {
                c->p = after;
                comp_error(c, "multiple repeat");
            }
            apply_quantifier(c, start, kind, atom_nullable, min, max, lazy);
            atom_nullable = atom_nullable || min == 0;
        }
        nullable = nullable && atom_nullable;
    }
    return nullable;
}

/* A literal or a plain class, which an alternation of such can fold into one class. */
static bool mergeable_at(comp_t *c, size_t start) {
    return is_single_at(c, start) && (c->code[start] == OP_CHAR || c->code[start] == OP_CHARI ||
                                      (c->code[start] == OP_CLASS && !c->code[start + 2]));
}

/* a|b|[cd] becomes [abcd]: one instruction, which loops without a backtrack entry per character. */
static void merge_alternatives(comp_t *c, size_t start) {
    size_t n = c->len - start;
    int32_t *alts = m_new(int32_t, n);
    memcpy(alts, c->code + start, n * sizeof(int32_t));
    c->len = start;
    emit(c, OP_CLASS);
    emit2(c, 0, 0);
    emit(c, (c->flags & FLAG_I) != 0);
    int32_t count = 0;
    for (size_t pc = 0; pc < n;) {
        if (alts[pc] == OP_SPLIT_NEXT || alts[pc] == OP_JMP) {
            pc += 2;
        } else if (alts[pc] == OP_CLASS) {
            for (int32_t i = 0; i < alts[pc + 1]; i++, count++) {
                emit2(c, alts[pc + 4 + 2 * i], alts[pc + 5 + 2 * i]);
            }
            pc += single_len(alts + pc);
        } else {
            emit2(c, alts[pc + 1], alts[pc + 1]);
            count++;
            pc += 2;
        }
    }
    c->code[start + 1] = count;
    m_free(alts);
}

/* a|b|c: split L1; a; jmp end; L1: split L2; b; jmp end; L2: c; end: */
static bool parse_alt(comp_t *c) {
    stack_check();
    size_t start = c->len, alt_start = start;
    int32_t chain = -1;
    bool nullable = parse_seq(c);
    bool all_single = mergeable_at(c, alt_start);
    while (accept(c, '|')) {
        insert(c, alt_start, 2);
        c->code[alt_start] = OP_SPLIT_NEXT;
        emit2(c, OP_JMP, chain);
        chain = (int32_t)c->len - 2;
        c->code[alt_start + 1] = (int32_t)(c->len - alt_start);
        alt_start = c->len;
        nullable = parse_seq(c) || nullable;
        all_single = all_single && mergeable_at(c, alt_start);
    }
    while (chain >= 0) {
        int32_t prev = c->code[chain + 1];
        c->code[chain + 1] = (int32_t)c->len - chain;
        chain = prev;
    }
    if (all_single && alt_start != start) {
        merge_alternatives(c, start);
    }
    return nullable;
}

/* Leading (?imsx) flags, as CPython allows them at the start of the pattern. */
static void parse_global_flags(comp_t *c) {
    while (c->end - c->p >= 3 && c->p[0] == '(' && c->p[1] == '?' && is_flag(c->p[2])) {
        const uint8_t *group = c->p;
        c->p += 2;
        int on = 0, off = 0;
        if (parse_flags(c, &on, &off) == ':') {
            c->p = group;   /* (?i:...) is a group, parsed as one */
            break;
        }
        if (off != 0) {
            comp_error(c, "missing :");
        }
        c->flags |= on;
    }
}

static obj_t compile_pattern(obj_t pattern, int flags) {
    if (obj_is_type(pattern, &re_pattern_type)) {
        if (flags != 0) {
            rt_raise_value_error("cannot process flags argument with a compiled pattern");
        }
        return pattern;
    }
    bool is_bytes = obj_is_type(pattern, &type_bytes) || obj_is_type(pattern, &type_bytearray);
    if (!is_bytes && !obj_is_str_or_subclass(pattern)) {
        rt_raise_type_error("first argument must be string or compiled pattern");
    }
    size_t plen;
    const char *src = obj_str_get_data(pattern, &plen);
    comp_t c = { (const uint8_t *)src, (const uint8_t *)src, (const uint8_t *)src + plen, !is_bytes,
                 flags, NULL, 0, 0, 0, 0, OBJ_NULL };
    c.code = m_new(int32_t, 16);
    c.alloc = 16;
    parse_global_flags(&c);
    parse_alt(&c);
    if (c.p < c.end) {
        comp_error(&c, "unbalanced parenthesis");
    }
    emit(&c, OP_MATCH);
    re_pattern_t *re = m_malloc(sizeof(re_pattern_t) + c.len * sizeof(int32_t));
    re->base.type = &re_pattern_type;
    re->pattern = pattern;
    re->groupindex = c.names != OBJ_NULL ? c.names : obj_new_dict(0);
    re->flags = (uint16_t)c.flags;
    re->ngroups = (uint16_t)c.ngroups;
    re->nprog = (uint16_t)c.nprog;
    re->is_bytes = is_bytes;
    re->len = (uint32_t)c.len;
    memcpy(re->code, c.code, c.len * sizeof(int32_t));
    m_free(c.code);
    return OBJ_FROM_PTR(re);
}

/* ---------------------------------------------------------------- matcher */

/* Backtrack entries: a >= 0 resumes at pc a, position b; the tags below restore a register,
 * step a greedy repeat back one character, or hold that repeat's lowest position. */
#define BT_REPEAT (0x40000000)
#define BT_FLOOR (INT32_MIN)
typedef struct {
    int32_t a, b;
} bt_t;
#define BT_LOCAL (64)
#define REGS_LOCAL (48)

typedef struct {
    const int32_t *code;
    const uint8_t *s;
    int32_t end;         /* endpos in bytes */
    bool uni;            /* a str subject: walk it as UTF-8 */
    bool unicode;        /* and classify beyond ASCII (not re.ASCII) */
    bool full;           /* fullmatch: the match must reach end */
    int32_t min_end;     /* the match must end at or after this (after an empty match) */
    int32_t *regs;       /* group slots then progress registers */
    int32_t prog_base;   /* index of the first progress register */
    bt_t *bt;
    size_t sp, bt_alloc;
    bool bt_heap;
} matcher_t;

static void push(matcher_t *m, int32_t a, int32_t b) {
    if (m->sp == m->bt_alloc) {
        size_t alloc = m->bt_alloc * 2;
        if (m->bt_heap) {
            m->bt = m_renew(bt_t, m->bt, alloc);
        } else {
            bt_t *heap = m_new(bt_t, alloc);
            memcpy(heap, m->bt, m->sp * sizeof(bt_t));
            m->bt = heap;
            m->bt_heap = true;
        }
        m->bt_alloc = alloc;
    }
    m->bt[m->sp].a = a;
    m->bt[m->sp].b = b;
    m->sp++;
}

static void set_reg(matcher_t *m, int32_t r, int32_t v) {
    push(m, -1 - r, m->regs[r]);
    m->regs[r] = v;
}

static bool class_has(int32_t c, int32_t lo, int32_t hi, bool uni) {
    switch (lo) {
        case CL_DIGIT: return c >= '0' && c <= '9';
        case CL_NDIGIT: return !(c >= '0' && c <= '9');
        case CL_WORD: return is_word_u(c, uni);
        case CL_NWORD: return !is_word_u(c, uni);
        case CL_SPACE: return is_space_u(c, uni);
        case CL_NSPACE: return !is_space_u(c, uni);
        default: return c >= lo && c <= hi;
    }
}

static bool class_match(const int32_t *ins, int32_t c, bool uni) {
    int32_t n = ins[1];
    const int32_t *pair = ins + 4;
    bool found = false;
    for (int32_t i = 0; i < n && !found; i++, pair += 2) {
        found = class_has(c, pair[0], pair[1], uni) ||
                (ins[3] && (class_has(lower(c, uni), pair[0], pair[1], uni) ||
                            class_has(upper(c, uni), pair[0], pair[1], uni)));
    }
    return found != (ins[2] != 0);
}

static size_t single_len(const int32_t *ins) {
    switch (ins[0]) {
        case OP_CHAR: case OP_CHARI: return 2;
        case OP_CLASS: return 4 + 2 * (size_t)ins[1];
        default: return 1;
    }
}

/* One single-character instruction at *pos; advances *pos on success. */
static bool match_one(const matcher_t *m, const int32_t *ins, int32_t *pos) {
    if (*pos >= m->end) {
        return false;
    }
    int32_t p = *pos;
    int32_t c = next_char(m->s, m->uni, &p);
    bool ok;
    switch (ins[0]) {
        case OP_CHAR: ok = c == ins[1]; break;
        case OP_CHARI: ok = lower(c, m->unicode) == ins[1]; break;
        case OP_ANY: ok = c != '\n'; break;
        case OP_ANYNL: ok = true; break;
        default: ok = class_match(ins, c, m->unicode); break;
    }
    if (ok) {
        *pos = p;
    }
    return ok;
}

static bool word_before(const matcher_t *m, int32_t pos) {
    if (pos <= 0) {
        return false;
    }
    int32_t p = prev_pos(m->s, m->uni, pos);
    return is_word_u(next_char(m->s, m->uni, &p), m->unicode);
}

static bool word_at(const matcher_t *m, int32_t pos) {
    return pos < m->end && is_word_u(next_char(m->s, m->uni, &pos), m->unicode);
}

static bool assert_at(const matcher_t *m, int op, int32_t pos) {
    switch (op) {
        case OP_BOL: case OP_BOS: return pos == 0;
        case OP_MBOL: return pos == 0 || m->s[pos - 1] == '\n';
        case OP_EOL: return pos == m->end || (pos == m->end - 1 && m->s[pos] == '\n');
        case OP_MEOL: return pos == m->end || m->s[pos] == '\n';
        case OP_EOS: return pos == m->end;
        case OP_WORDB: return word_before(m, pos) != word_at(m, pos);
        default: return word_before(m, pos) == word_at(m, pos);
    }
}

static bool backref(const matcher_t *m, int32_t group, int32_t *pos, bool icase) {
    int32_t a = m->regs[2 * group], b = m->regs[2 * group + 1];
    if (a < 0 || b < 0) {
        return false;
    }
    int32_t n = b - a;
    if (n > m->end - *pos) {
        return false;
    }
    for (int32_t i = 0; i < n; i++) {
        int32_t x = m->s[a + i], y = m->s[*pos + i];
        if (x != y && !(icase && lower(x, false) == lower(y, false))) {
            return false;
        }
    }
    *pos += n;
    return true;
}

static bool run(matcher_t *m, int32_t pc, int32_t pos);

/* Backtracking into the OP_STAR at star that had reached cur: one character fewer.  Its entry stays
 * on the stack while it is still above the floor entry beneath it. */
static void step_back(matcher_t *m, int32_t star, int32_t cur, int32_t *pc, int32_t *pos) {
    const int32_t *ins = m->code + star;
    int32_t p = prev_pos(m->s, m->uni, cur), floor = m->bt[m->sp - 1].b, slot = ins[3];
    if (p > floor) {
        m->bt[m->sp++].b = p;
    } else {
        m->sp--;
    }
    if (slot >= 0) {
        if (p > floor || ins[1] > 0) {
            m->regs[slot] = prev_pos(m->s, m->uni, p);
            m->regs[slot + 1] = p;
        } else {
            /* no repetition left: the group's values from before, in the restore entries below */
            m->regs[slot + 1] = m->bt[m->sp - 1].b;
            m->regs[slot] = m->bt[m->sp - 2].b;
        }
    }
    *pc = star + 4 + (int32_t)single_len(ins + 4);
    *pos = p;
}

/* A lookahead runs its body as a separate match from pos, on a stack of its own: the C recursion
 * is bounded by the pattern's nesting, not by the subject. */
static bool lookahead(matcher_t *m, int32_t pc, int32_t pos) {
    matcher_t sub = *m;
    bt_t local[BT_LOCAL / 4];
    sub.bt = local;
    sub.sp = 0;
    sub.bt_alloc = BT_LOCAL / 4;
    sub.bt_heap = false;
    sub.full = false;
    sub.min_end = 0;
    int32_t saved0 = m->regs[0], saved1 = m->regs[1];
    bool ok = run(&sub, pc, pos);
    m->regs[0] = saved0;
    m->regs[1] = saved1;
    if (sub.bt_heap) {
        m_free(sub.bt);
    }
    return ok;
}

/* Returns true with regs[0..1] the match; the caller sets regs[0] to the start before calling. */
static bool run(matcher_t *m, int32_t pc, int32_t pos) {
    const int32_t *code = m->code;
    for (;;) {
        const int32_t *ins = code + pc;
        bool ok = true;
        switch (ins[0]) {
            case OP_MATCH:
                if ((m->full && pos != m->end) || pos < m->min_end) {
                    ok = false;
                    break;
                }
                m->regs[1] = pos;
                return true;
            case OP_CHAR: case OP_CHARI: case OP_ANY: case OP_ANYNL: case OP_CLASS:
                ok = match_one(m, ins, &pos);
                pc += (int32_t)single_len(ins);
                break;
            case OP_BOL: case OP_EOL: case OP_MBOL: case OP_MEOL:
            case OP_BOS: case OP_EOS: case OP_WORDB: case OP_NWORDB:
                ok = assert_at(m, ins[0], pos);
                pc++;
                break;
            case OP_SPLIT_NEXT:
                push(m, pc + ins[1], pos);
                pc += 2;
                break;
            case OP_SPLIT_JUMP:
                push(m, pc + 2, pos);
                pc += ins[1];
                break;
            case OP_JMP:
                pc += ins[1];
                break;
            case OP_SAVE:
                set_reg(m, ins[1], pos);
                pc += 2;
                break;
            case OP_PROG_SET:
                set_reg(m, m->prog_base + ins[1], pos);
                pc += 2;
                break;
            case OP_PROG_CHECK:
                pc += m->regs[m->prog_base + ins[1]] == pos ? ins[2] : 3;
                break;
            case OP_STAR: {
                int32_t min = ins[1], max = ins[2], count = 0, floor = pos;
                while ((max == REPEAT_INF || count < max) && match_one(m, ins + 4, &pos)) {
                    if (++count == min) {
                        floor = pos;
                    }
                }
                if (count < min) {
                    ok = false;
                    break;
                }
                if (count > 0 && ins[3] >= 0) {
                    set_reg(m, ins[3], prev_pos(m->s, m->uni, pos));
                    set_reg(m, ins[3] + 1, pos);
                }
                if (pos > floor) {
                    push(m, BT_FLOOR, floor);
                    push(m, BT_REPEAT | pc, pos);
                }
                pc += 4 + (int32_t)single_len(ins + 4);
                break;
            }
            case OP_BACKREF:
                ok = backref(m, ins[1], &pos, ins[2] != 0);
                pc += 3;
                break;
            case OP_LOOK:
                ok = lookahead(m, pc + 3, pos) != (ins[1] != 0);
                pc += ins[2];
                break;
        }
        while (!ok) {
            if (m->sp == 0) {
                return false;
            }
            bt_t e = m->bt[--m->sp];
            if (e.a == BT_FLOOR) {
                continue;
            } else if (e.a < 0) {
                m->regs[-1 - e.a] = e.b;
            } else if (e.a & BT_REPEAT) {
                step_back(m, e.a & ~BT_REPEAT, e.b, &pc, &pos);
                ok = true;
            } else {
                pc = e.a;
                pos = e.b;
                ok = true;
            }
        }
    }
}

/* ---------------------------------------------------------------- running a pattern */

typedef struct {
    const uint8_t *s;
    int32_t len;         /* bytes up to endpos */
    bool uni, ascii;
    obj_t string;
} subject_t;

static bool str_is_ascii(const uint8_t *s, size_t len, obj_t o) {
    if (obj_is_type(o, &type_str)) {
        const str_t *st = OBJ_TO_PTR(o);
        return st->n_chars == st->len;
    }
    for (size_t i = 0; i < len; i++) {
        if (s[i] >= 0x80) {
            return false;
        }
    }
    return true;
}

static void subject_get(re_pattern_t *re, obj_t string, subject_t *sub) {
    bool is_bytes = obj_is_type(string, &type_bytes) || obj_is_type(string, &type_bytearray);
    if (!is_bytes && !obj_is_str_or_subclass(string)) {
        rt_raise_type_error("expected string or bytes-like object, got '%q'", obj_type_name(string));
    }
    if (is_bytes != re->is_bytes) {
        rt_raise_type_error(re->is_bytes ? "cannot use a bytes pattern on a string-like object"
                                         : "cannot use a string pattern on a bytes-like object");
    }
    size_t len;
    sub->s = (const uint8_t *)obj_str_get_data(string, &len);
    if (len > INT32_MAX / 2) {
        rt_raise_overflow("string too long");
    }
    sub->len = (int32_t)len;
    sub->uni = !is_bytes;
    sub->ascii = is_bytes || str_is_ascii(sub->s, len, string);
    sub->string = string;
}

/* A character index (clamped as slices are) to a byte offset. */
static int32_t byte_offset(const subject_t *sub, obj_t index) {
    intptr_t i = obj_get_int(index);
    int32_t n = sub->len;
    if (!sub->ascii) {
        n = 0;
        for (int32_t k = 0; k < sub->len; k++) {
            n += (sub->s[k] & 0xc0) != 0x80;
        }
    }
    if (i < 0) {
        i = 0;
    }
    if (i >= n) {
        return sub->len;
    }
    if (sub->ascii) {
        return (int32_t)i;
    }
    int32_t pos = 0;
    while (i-- > 0) {
        next_char(sub->s, true, &pos);
    }
    return pos;
}

typedef enum { MODE_MATCH, MODE_SEARCH, MODE_FULL } exec_mode_t;

/* Finds a match starting at or after pos (or exactly at pos); regs gets the slots. */
static bool exec_at(re_pattern_t *re, const subject_t *sub, int32_t pos, exec_mode_t mode, int32_t min_end,
                    int32_t *regs) {
    size_t nregs = 2 * ((size_t)re->ngroups + 1) + re->nprog;
    bt_t local[BT_LOCAL];
    matcher_t m = { re->code, sub->s, sub->len, sub->uni, sub->uni && !(re->flags & FLAG_A),
                    mode == MODE_FULL, min_end, regs, 2 * (re->ngroups + 1), local, 0, BT_LOCAL, false };
    bool found = false;
    bool anchored = mode != MODE_SEARCH || (re->code[0] == OP_BOL || re->code[0] == OP_BOS);
    for (int32_t start = pos; start <= sub->len; start++) {
        if (re->code[0] == OP_CHAR && !anchored && re->code[1] < 0x80) {
            const uint8_t *hit = memchr(sub->s + start, re->code[1], (size_t)(sub->len - start));
            if (hit == NULL) {
                break;
            }
            start = (int32_t)(hit - sub->s);
        }
        if (sub->uni && start < sub->len && (sub->s[start] & 0xc0) == 0x80) {
            continue;   /* not a character boundary */
        }
        for (size_t i = 0; i < nregs; i++) {
            regs[i] = -1;
        }
        regs[0] = start;
        m.sp = 0;
        if (run(&m, 0, start)) {
            found = true;
            break;
        }
        if (anchored) {
            break;
        }
    }
    if (m.bt_heap) {
        m_free(m.bt);
    }
    return found;
}

static obj_t new_match(re_pattern_t *re, const subject_t *sub, const int32_t *regs, obj_t pos, obj_t endpos) {
    size_t nslots = 2 * ((size_t)re->ngroups + 1);
    re_match_t *mt = m_malloc(sizeof(re_match_t) + nslots * sizeof(int32_t));
    mt->base.type = &re_match_type;
    mt->re = re;
    mt->string = sub->string;
    mt->pos = pos;
    mt->endpos = endpos;
    mt->ascii = sub->ascii;
    mt->nslots = (uint16_t)nslots;
    for (size_t i = 0; i < nslots; i++) {
        /* a group whose end was never saved did not take part in the match */
        mt->slots[i] = regs[i | 1] < 0 ? -1 : regs[i];
    }
    return OBJ_FROM_PTR(mt);
}

/* regs on the C stack for the common case, the heap beyond */
static int32_t *regs_for(re_pattern_t *re, int32_t *local) {
    size_t n = 2 * ((size_t)re->ngroups + 1) + re->nprog;
    return n <= REGS_LOCAL ? local : m_new(int32_t, n);
}

static re_pattern_t *get_pattern(obj_t p) {
    return OBJ_TO_PTR(compile_pattern(p, 0));
}

/* pattern.match/search/fullmatch(string, pos=0, endpos=len) */
static obj_t pattern_exec(exec_mode_t mode, size_t n_args, const obj_t *args) {
    re_pattern_t *re = get_pattern(args[0]);
    subject_t sub;
    subject_get(re, args[1], &sub);
    obj_t pos = n_args > 2 ? args[2] : OBJ_NEW_SMALL_INT(0);
    obj_t endpos = n_args > 3 ? args[3] : OBJ_NULL;
    int32_t start = n_args > 2 ? byte_offset(&sub, pos) : 0;
    if (endpos != OBJ_NULL) {
        sub.len = byte_offset(&sub, endpos);
    }
    if (start > sub.len) {
        return OBJ_NONE;
    }
    int32_t local[REGS_LOCAL];
    int32_t *regs = regs_for(re, local);
    if (!exec_at(re, &sub, start, mode, 0, regs)) {
        return OBJ_NONE;
    }
    return new_match(re, &sub, regs, pos, endpos);
}

static obj_t pattern_match(size_t n_args, const obj_t *args) {
    return pattern_exec(MODE_MATCH, n_args, args);
}
static FUN_DEFINE_VAR(pattern_match_obj, 2, 4, pattern_match);

static obj_t pattern_search(size_t n_args, const obj_t *args) {
    return pattern_exec(MODE_SEARCH, n_args, args);
}
static FUN_DEFINE_VAR(pattern_search_obj, 2, 4, pattern_search);

static obj_t pattern_fullmatch(size_t n_args, const obj_t *args) {
    return pattern_exec(MODE_FULL, n_args, args);
}
static FUN_DEFINE_VAR(pattern_fullmatch_obj, 2, 4, pattern_fullmatch);

/* The text built in vs as a str or bytes object; vs is released. */
static obj_t vstr_result(bool uni, vstr_t *vs) {
    obj_t r = uni ? obj_new_str(vs->buf, vs->len) : obj_new_bytes((const uint8_t *)vs->buf, vs->len);
    vstr_clear(vs);
    return r;
}

static obj_t substring(const subject_t *sub, int32_t a, int32_t b) {
    if (a < 0 || b < 0) {
        return OBJ_NONE;
    }
    if (!sub->uni) {
        return obj_new_bytes(sub->s + a, (size_t)(b - a));
    }
    return obj_new_str((const char *)sub->s + a, (size_t)(b - a));
}

/* The iteration shared by sub, split, findall and finditer: after an empty match the next one
 * must end further on (CPython 3.7+), so "x*" finds the empty strings between characters. */
typedef struct {
    re_pattern_t *re;
    subject_t sub;
    int32_t pos;
    bool must_advance, done;
    int32_t *regs;
    int32_t local[REGS_LOCAL];
} scan_t;

static void scan_init(scan_t *sc, obj_t pattern, obj_t string, int flags) {
    sc->re = OBJ_TO_PTR(compile_pattern(pattern, flags));
    subject_get(sc->re, string, &sc->sub);
    sc->pos = 0;
    sc->must_advance = false;
    sc->done = false;
    sc->regs = regs_for(sc->re, sc->local);
}

static bool scan_next(scan_t *sc) {
    int32_t min_end = sc->must_advance ? sc->pos + 1 : 0;
    if (sc->done || !exec_at(sc->re, &sc->sub, sc->pos, MODE_SEARCH, min_end, sc->regs)) {
        sc->done = true;
        return false;
    }
    sc->must_advance = sc->regs[1] == sc->regs[0];
    sc->pos = sc->regs[1];
    return true;
}

static obj_t group_value(const scan_t *sc, int g) {
    int32_t a = sc->regs[2 * g], b = sc->regs[2 * g + 1];
    return a < 0 || b < 0 ? OBJ_NULL : substring(&sc->sub, a, b);
}

static int kw_flags(obj_t f) {
    return f == OBJ_NULL ? 0 : (int)obj_get_int(f);
}

/* ---- sub ---- */

static void add_group(vstr_t *vs, const scan_t *sc, int g) {
    if (g > sc->re->ngroups) {
        rt_raise_value_error("invalid group reference %d", g);
    }
    int32_t a = sc->regs[2 * g], b = sc->regs[2 * g + 1];
    if (a >= 0 && b >= 0) {
        vstr_add_strn(vs, (const char *)sc->sub.s + a, (size_t)(b - a));
    }
}

/* Expands a replacement template: \1..\99, \g<n>, \g<name> and the usual escapes. */
static void expand_template(vstr_t *vs, const scan_t *sc, const char *t, size_t n) {
    const char *end = t + n;
    while (t < end) {
        char ch = *t++;
        if (ch != '\\') {
            vstr_add_byte(vs, (uint8_t)ch);
            continue;
        }
        if (t == end) {
            rt_raise_value_error("bad escape (end of pattern)");
        }
        ch = *t++;
        if (ch >= '0' && ch <= '9') {
            int g = ch - '0';
            if (t < end && *t >= '0' && *t <= '9') {
                g = g * 10 + (*t++ - '0');
            }
            add_group(vs, sc, g);
        } else if (ch == 'g' && t < end && *t == '<') {
            const char *name = ++t;
            while (t < end && *t != '>') {
                t++;
            }
            if (t == end || t == name) {
                rt_raise_value_error("missing group name");
            }
            int g = 0;
            bool numeric = true;
            for (const char *q = name; q < t; q++) {
                numeric = numeric && *q >= '0' && *q <= '9';
                g = g * 10 + (*q - '0');
            }
            if (!numeric) {
                obj_t v = obj_dict_get(sc->re->groupindex, obj_new_str(name, (size_t)(t - name)));
                if (v == OBJ_NULL) {
                    rt_raise_msg(&type_IndexError, "unknown group name '%.*s'", (int)(t - name), name);
                }
                g = (int)OBJ_SMALL_INT_VALUE(v);
            }
            add_group(vs, sc, g);
            t++;
        } else {
            const char *esc = strchr("n\nt\tr\rf\fv\va\ab\b\\\\", ch);
            if (esc != NULL && ((esc - "n\nt\tr\rf\fv\va\ab\b\\\\") & 1) == 0) {
                vstr_add_byte(vs, (uint8_t)esc[1]);
            } else if (is_word((uint8_t)ch)) {
                rt_raise_msg(&type_ValueError, "bad escape \\%c", (unsigned)(uint8_t)ch);
            } else {
                vstr_add_byte(vs, '\\');
                vstr_add_byte(vs, (uint8_t)ch);
            }
        }
    }
}

static obj_t do_sub(obj_t pattern, obj_t repl, obj_t string, intptr_t count, int flags, bool with_count) {
    scan_t sc;
    scan_init(&sc, pattern, string, flags);
    bool is_fun = !obj_is_str_or_subclass(repl) && !obj_is_type(repl, &type_bytes);
    size_t tlen = 0;
    const char *tmpl = is_fun ? NULL : obj_str_get_data(repl, &tlen);
    vstr_t vs;
    vstr_init(&vs, (size_t)sc.sub.len + 16);
    int32_t last = 0;
    intptr_t n = 0;
    while ((count <= 0 || n < count) && scan_next(&sc)) {
        vstr_add_strn(&vs, (const char *)sc.sub.s + last, (size_t)(sc.regs[0] - last));
        if (is_fun) {
            obj_t m = new_match(sc.re, &sc.sub, sc.regs, OBJ_NEW_SMALL_INT(0), OBJ_NULL);
            obj_t r = rt_call1(repl, m);
            size_t rlen;
            const char *rs = obj_str_get_data(r, &rlen);
            vstr_add_strn(&vs, rs, rlen);
        } else {
            expand_template(&vs, &sc, tmpl, tlen);
        }
        last = sc.regs[1];
        n++;
    }
    vstr_add_strn(&vs, (const char *)sc.sub.s + last, (size_t)(sc.sub.len - last));
    obj_t result = vstr_result(sc.sub.uni, &vs);
    if (with_count) {
        obj_t items[2] = { result, obj_new_int(n) };
        return obj_new_tuple(2, items);
    }
    return result;
}

static const arg_spec_t sub_args[] = {
    { Q_pattern, ARG_REQUIRED, OBJ_NULL }, { Q_repl, ARG_REQUIRED, OBJ_NULL },
    { Q_string, ARG_REQUIRED, OBJ_NULL }, { Q_count, 0, OBJ_NULL }, { Q_flags, 0, OBJ_NULL },
};

static obj_t sub_common(size_t n_args, size_t n_kw, const obj_t *args, bool with_count) {
    obj_t a[5];
    arg_parse(n_args, n_kw, args, sub_args, 5, a, with_count ? "subn" : "sub");
    return do_sub(a[0], a[1], a[2], a[3] == OBJ_NULL ? 0 : obj_get_int(a[3]), kw_flags(a[4]), with_count);
}

static obj_t re_sub(size_t n_args, size_t n_kw, const obj_t *args) {
    return sub_common(n_args, n_kw, args, false);
}
static FUN_DEFINE_KW(re_sub_obj, 3, re_sub);

static obj_t re_subn(size_t n_args, size_t n_kw, const obj_t *args) {
    return sub_common(n_args, n_kw, args, true);
}
static FUN_DEFINE_KW(re_subn_obj, 3, re_subn);

/* pattern.sub(repl, string, count=0) */
static obj_t pattern_sub_common(size_t n_args, size_t n_kw, const obj_t *args, bool with_count) {
    obj_t a[5];
    arg_parse(n_args, n_kw, args, sub_args, 4, a, with_count ? "subn" : "sub");
    return do_sub(a[0], a[1], a[2], a[3] == OBJ_NULL ? 0 : obj_get_int(a[3]), 0, with_count);
}

static obj_t pattern_sub(size_t n_args, size_t n_kw, const obj_t *args) {
    return pattern_sub_common(n_args, n_kw, args, false);
}
static FUN_DEFINE_KW(pattern_sub_obj, 3, pattern_sub);

static obj_t pattern_subn(size_t n_args, size_t n_kw, const obj_t *args) {
    return pattern_sub_common(n_args, n_kw, args, true);
}
static FUN_DEFINE_KW(pattern_subn_obj, 3, pattern_subn);

/* ---- split, findall, finditer ---- */

static obj_t do_split(obj_t pattern, obj_t string, intptr_t maxsplit, int flags) {
    scan_t sc;
    scan_init(&sc, pattern, string, flags);
    obj_t list = obj_new_list(0, NULL);
    int32_t last = 0;
    intptr_t n = 0;
    while ((maxsplit <= 0 || n < maxsplit) && scan_next(&sc)) {
        obj_list_append(list, substring(&sc.sub, last, sc.regs[0]));
        for (int g = 1; g <= sc.re->ngroups; g++) {
            obj_t v = group_value(&sc, g);
            obj_list_append(list, v == OBJ_NULL ? OBJ_NONE : v);
        }
        last = sc.regs[1];
        n++;
    }
    obj_list_append(list, substring(&sc.sub, last, sc.sub.len));
    return list;
}

static const arg_spec_t split_args[] = {
    { Q_pattern, ARG_REQUIRED, OBJ_NULL }, { Q_string, ARG_REQUIRED, OBJ_NULL },
    { Q_maxsplit, 0, OBJ_NULL }, { Q_flags, 0, OBJ_NULL },
};

static obj_t re_split(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[4];
    arg_parse(n_args, n_kw, args, split_args, 4, a, "split");
    return do_split(a[0], a[1], a[2] == OBJ_NULL ? 0 : obj_get_int(a[2]), kw_flags(a[3]));
}
static FUN_DEFINE_KW(re_split_obj, 2, re_split);

static obj_t pattern_split(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[4];
    arg_parse(n_args, n_kw, args, split_args, 3, a, "split");
    return do_split(a[0], a[1], a[2] == OBJ_NULL ? 0 : obj_get_int(a[2]), 0);
}
static FUN_DEFINE_KW(pattern_split_obj, 2, pattern_split);

static obj_t empty_of(const subject_t *sub) {
    return sub->uni ? obj_new_str("", 0) : obj_new_bytes(NULL, 0);
}

static obj_t do_findall(obj_t pattern, obj_t string, int flags, bool iter) {
    scan_t sc;
    scan_init(&sc, pattern, string, flags);
    obj_t list = obj_new_list(0, NULL);
    int ng = sc.re->ngroups;
    while (scan_next(&sc)) {
        obj_t item;
        if (iter) {
            item = new_match(sc.re, &sc.sub, sc.regs, OBJ_NEW_SMALL_INT(0), OBJ_NULL);
        } else if (ng <= 1) {
            item = group_value(&sc, ng);
            item = item == OBJ_NULL ? empty_of(&sc.sub) : item;
        } else {
            item = obj_new_tuple((size_t)ng, NULL);
            tuple_t *t = OBJ_TO_PTR(item);
            for (int g = 1; g <= ng; g++) {
                obj_t v = group_value(&sc, g);
                t->items[g - 1] = v == OBJ_NULL ? empty_of(&sc.sub) : v;
            }
        }
        obj_list_append(list, item);
    }
    return iter ? rt_getiter(list) : list;
}

static const arg_spec_t findall_args[] = {
    { Q_pattern, ARG_REQUIRED, OBJ_NULL }, { Q_string, ARG_REQUIRED, OBJ_NULL }, { Q_flags, 0, OBJ_NULL },
};

static obj_t re_findall(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[3];
    arg_parse(n_args, n_kw, args, findall_args, 3, a, "findall");
    return do_findall(a[0], a[1], kw_flags(a[2]), false);
}
static FUN_DEFINE_KW(re_findall_obj, 2, re_findall);

static obj_t re_finditer(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[3];
    arg_parse(n_args, n_kw, args, findall_args, 3, a, "finditer");
    return do_findall(a[0], a[1], kw_flags(a[2]), true);
}
static FUN_DEFINE_KW(re_finditer_obj, 2, re_finditer);

static obj_t pattern_findall(obj_t self, obj_t string) {
    return do_findall(self, string, 0, false);
}
static FUN_DEFINE_2(pattern_findall_obj, pattern_findall);

static obj_t pattern_finditer(obj_t self, obj_t string) {
    return do_findall(self, string, 0, true);
}
static FUN_DEFINE_2(pattern_finditer_obj, pattern_finditer);

/* ---- module-level match/search/fullmatch/compile ---- */

static const arg_spec_t exec_args[] = {
    { Q_pattern, ARG_REQUIRED, OBJ_NULL }, { Q_string, ARG_REQUIRED, OBJ_NULL }, { Q_flags, 0, OBJ_NULL },
};

static obj_t module_exec(exec_mode_t mode, size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[3];
    arg_parse(n_args, n_kw, args, exec_args, 3, a, "match");
    obj_t call[2] = { compile_pattern(a[0], kw_flags(a[2])), a[1] };
    return pattern_exec(mode, 2, call);
}

static obj_t re_match(size_t n_args, size_t n_kw, const obj_t *args) {
    return module_exec(MODE_MATCH, n_args, n_kw, args);
}
static FUN_DEFINE_KW(re_match_obj, 2, re_match);

static obj_t re_search(size_t n_args, size_t n_kw, const obj_t *args) {
    return module_exec(MODE_SEARCH, n_args, n_kw, args);
}
static FUN_DEFINE_KW(re_search_obj, 2, re_search);

static obj_t re_fullmatch(size_t n_args, size_t n_kw, const obj_t *args) {
    return module_exec(MODE_FULL, n_args, n_kw, args);
}
static FUN_DEFINE_KW(re_fullmatch_obj, 2, re_fullmatch);

static obj_t re_compile(size_t n_args, const obj_t *args) {
    return compile_pattern(args[0], n_args > 1 ? (int)obj_get_int(args[1]) : 0);
}
static FUN_DEFINE_VAR(re_compile_obj, 1, 2, re_compile);

/* escape(s): a backslash before every character that is special in a pattern */
static obj_t re_escape(obj_t pattern) {
    size_t len;
    const char *s = obj_str_get_data(pattern, &len);
    vstr_t vs;
    vstr_init(&vs, len + 8);
    for (size_t i = 0; i < len; i++) {
        if (s[i] != 0 && strchr("()[]{}?*+-|^$\\.&~# \t\n\r\v\f", s[i]) != NULL) {
            vstr_add_byte(&vs, '\\');
        }
        vstr_add_byte(&vs, (uint8_t)s[i]);
    }
    return vstr_result(obj_is_str_or_subclass(pattern), &vs);
}
static FUN_DEFINE_1(re_escape_obj, re_escape);

/* ---------------------------------------------------------------- Pattern type */

static void pattern_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    re_pattern_t *re = OBJ_TO_PTR(self);
    print_fmt(p, "re.compile(%r)", re->pattern);
}

static void pattern_attr(obj_t self, qstr attr, obj_t *dest) {
    re_pattern_t *re = OBJ_TO_PTR(self);
    if (dest[0] != OBJ_NULL) {
        return;
    }
    if (attr == Q_pattern) {
        dest[0] = re->pattern;
    } else if (attr == Q_flags) {
        dest[0] = OBJ_NEW_SMALL_INT(re->flags | (re->is_bytes ? 0 : 32));
    } else if (attr == Q_groups) {
        dest[0] = OBJ_NEW_SMALL_INT(re->ngroups);
    } else if (attr == Q_groupindex) {
        dest[0] = re->groupindex;
    }
}

static const map_elem_t pattern_locals_table[] = {
    { QOBJ(match), OBJ_ROM(&pattern_match_obj) },
    { QOBJ(search), OBJ_ROM(&pattern_search_obj) },
    { QOBJ(fullmatch), OBJ_ROM(&pattern_fullmatch_obj) },
    { QOBJ(sub), OBJ_ROM(&pattern_sub_obj) },
    { QOBJ(subn), OBJ_ROM(&pattern_subn_obj) },
    { QOBJ(split), OBJ_ROM(&pattern_split_obj) },
    { QOBJ(findall), OBJ_ROM(&pattern_findall_obj) },
    { QOBJ(finditer), OBJ_ROM(&pattern_finditer_obj) },
};
static const DICT_ROM(pattern_locals, pattern_locals_table);

static const type_t re_pattern_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_Pattern,
    .print = pattern_print,
    .attr = pattern_attr,
    .locals_dict = (dict_t *)&pattern_locals,
};

/* ---------------------------------------------------------------- Match type */

static int match_group_index(re_match_t *m, obj_t g) {
    intptr_t i;
    if (obj_get_int_maybe(g, &i)) {
        if (i < 0 || (size_t)i >= m->nslots / 2u) {
            rt_raise_index_error("no such group");
        }
        return (int)i;
    }
    obj_t v = obj_is_str(g) ? obj_dict_get(m->re->groupindex, g) : OBJ_NULL;
    if (v == OBJ_NULL) {
        rt_raise_index_error("no such group");
    }
    return (int)OBJ_SMALL_INT_VALUE(v);
}

static void match_subject(re_match_t *m, subject_t *sub) {
    size_t len;
    sub->s = (const uint8_t *)obj_str_get_data(m->string, &len);
    sub->len = (int32_t)len;
    sub->uni = !m->re->is_bytes;
    sub->ascii = m->ascii;
    sub->string = m->string;
}

static obj_t match_group_value(re_match_t *m, int g, obj_t dflt) {
    subject_t sub;
    match_subject(m, &sub);
    int32_t a = m->slots[2 * g], b = m->slots[2 * g + 1];
    return a < 0 ? dflt : substring(&sub, a, b);
}

static obj_t match_group(size_t n_args, const obj_t *args) {
    re_match_t *m = OBJ_TO_PTR(args[0]);
    if (n_args <= 2) {
        return match_group_value(m, n_args == 2 ? match_group_index(m, args[1]) : 0, OBJ_NONE);
    }
    obj_t t = obj_new_tuple(n_args - 1, NULL);
    for (size_t i = 1; i < n_args; i++) {
        obj_t v = match_group_value(m, match_group_index(m, args[i]), OBJ_NONE);
        ((tuple_t *)OBJ_TO_PTR(t))->items[i - 1] = v;
    }
    return t;
}
static FUN_DEFINE_VAR(match_group_obj, 1, FUN_ARGS_MAX, match_group);

static obj_t match_subscr(obj_t self, obj_t index, obj_t value) {
    if (value != OBJ_SENTINEL) {
        return OBJ_NULL;
    }
    re_match_t *m = OBJ_TO_PTR(self);
    return match_group_value(m, match_group_index(m, index), OBJ_NONE);
}

static obj_t match_groups(size_t n_args, const obj_t *args) {
    re_match_t *m = OBJ_TO_PTR(args[0]);
    obj_t dflt = n_args > 1 ? args[1] : OBJ_NONE;
    size_t n = m->nslots / 2u - 1;
    obj_t t = obj_new_tuple(n, NULL);
    for (size_t i = 0; i < n; i++) {
        ((tuple_t *)OBJ_TO_PTR(t))->items[i] = match_group_value(m, (int)i + 1, dflt);
    }
    return t;
}
static FUN_DEFINE_VAR(match_groups_obj, 1, 2, match_groups);

static obj_t match_groupdict(size_t n_args, const obj_t *args) {
    re_match_t *m = OBJ_TO_PTR(args[0]);
    obj_t dflt = n_args > 1 ? args[1] : OBJ_NONE;
    obj_t d = obj_new_dict(0);
    map_t *names = obj_dict_get_map(m->re->groupindex);
    size_t cur = 0;
    map_elem_t *e;
    while ((e = map_next(names, &cur)) != NULL) {
        obj_dict_store(d, e->key, match_group_value(m, (int)OBJ_SMALL_INT_VALUE(e->value), dflt));
    }
    return d;
}
static FUN_DEFINE_VAR(match_groupdict_obj, 1, 2, match_groupdict);

/* A byte offset as a character index (-1 stays -1). */
static obj_t char_index(re_match_t *m, int32_t off) {
    if (off < 0 || m->ascii) {
        return OBJ_NEW_SMALL_INT(off);
    }
    size_t len;
    const uint8_t *s = (const uint8_t *)obj_str_get_data(m->string, &len);
    intptr_t n = 0;
    for (int32_t i = 0; i < off; i++) {
        n += (s[i] & 0xc0) != 0x80;
    }
    return OBJ_NEW_SMALL_INT(n);
}

static int span_group(size_t n_args, const obj_t *args) {
    return n_args > 1 ? match_group_index(OBJ_TO_PTR(args[0]), args[1]) : 0;
}

static obj_t match_start(size_t n_args, const obj_t *args) {
    re_match_t *m = OBJ_TO_PTR(args[0]);
    return char_index(m, m->slots[2 * span_group(n_args, args)]);
}
static FUN_DEFINE_VAR(match_start_obj, 1, 2, match_start);

static obj_t match_end(size_t n_args, const obj_t *args) {
    re_match_t *m = OBJ_TO_PTR(args[0]);
    return char_index(m, m->slots[2 * span_group(n_args, args) + 1]);
}
static FUN_DEFINE_VAR(match_end_obj, 1, 2, match_end);

static obj_t match_span(size_t n_args, const obj_t *args) {
    re_match_t *m = OBJ_TO_PTR(args[0]);
    int g = span_group(n_args, args);
    obj_t items[2] = { char_index(m, m->slots[2 * g]), char_index(m, m->slots[2 * g + 1]) };
    return obj_new_tuple(2, items);
}
static FUN_DEFINE_VAR(match_span_obj, 1, 2, match_span);

static obj_t match_expand(obj_t self, obj_t tmpl) {
    re_match_t *m = OBJ_TO_PTR(self);
    scan_t sc;
    sc.re = m->re;
    match_subject(m, &sc.sub);
    sc.regs = m->slots;
    size_t n;
    const char *t = obj_str_get_data(tmpl, &n);
    vstr_t vs;
    vstr_init(&vs, n + 16);
    expand_template(&vs, &sc, t, n);
    return vstr_result(sc.sub.uni, &vs);
}
static FUN_DEFINE_2(match_expand_obj, match_expand);

static void match_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    re_match_t *m = OBJ_TO_PTR(self);
    print_fmt(p, "<re.Match object; span=(%r, %r), match=%r>", char_index(m, m->slots[0]),
              char_index(m, m->slots[1]), match_group_value(m, 0, OBJ_NONE));
}

/* The group that closed last: the one with the greatest end, the outermost on a tie; -1 if none. */
static int last_index(re_match_t *m) {
    int best = -1;
    for (int g = 1; g < m->nslots / 2; g++) {
        if (m->slots[2 * g] >= 0 && (best < 0 || m->slots[2 * g + 1] > m->slots[2 * best + 1])) {
            best = g;
        }
    }
    return best;
}

static void match_attr(obj_t self, qstr attr, obj_t *dest) {
    re_match_t *m = OBJ_TO_PTR(self);
    if (dest[0] != OBJ_NULL) {
        return;
    }
    if (attr == Q_string) {
        dest[0] = m->string;
    } else if (attr == Q_re) {
        dest[0] = OBJ_FROM_PTR(m->re);
    } else if (attr == Q_pos) {
        dest[0] = m->pos;
    } else if (attr == Q_endpos) {
        dest[0] = m->endpos != OBJ_NULL ? m->endpos : obj_new_int((intptr_t)obj_len(m->string));
    } else if (attr == Q_lastindex || attr == Q_lastgroup) {
        int last = last_index(m);
        dest[0] = last < 0 ? OBJ_NONE : OBJ_NEW_SMALL_INT(last);
        if (attr == Q_lastgroup) {
            dest[0] = OBJ_NONE;
            size_t cur = 0;
            map_elem_t *e;
            while (last >= 0 && (e = map_next(obj_dict_get_map(m->re->groupindex), &cur)) != NULL) {
                if (e->value == OBJ_NEW_SMALL_INT(last)) {
                    dest[0] = e->key;
                }
            }
        }
    }
}

static const map_elem_t match_locals_table[] = {
    { QOBJ(group), OBJ_ROM(&match_group_obj) },
    { QOBJ(groups), OBJ_ROM(&match_groups_obj) },
    { QOBJ(groupdict), OBJ_ROM(&match_groupdict_obj) },
    { QOBJ(start), OBJ_ROM(&match_start_obj) },
    { QOBJ(end), OBJ_ROM(&match_end_obj) },
    { QOBJ(span), OBJ_ROM(&match_span_obj) },
    { QOBJ(expand), OBJ_ROM(&match_expand_obj) },
};
static const DICT_ROM(match_locals, match_locals_table);

static const type_t re_match_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_Match,
    .print = match_print,
    .attr = match_attr,
    .subscr = match_subscr,
    .locals_dict = (dict_t *)&match_locals,
};

/* ---------------------------------------------------------------- module */

static const map_elem_t re_globals_table[] = {
    { QOBJ(__name__), QOBJ(re) },
    { QOBJ(compile), OBJ_ROM(&re_compile_obj) },
    { QOBJ(match), OBJ_ROM(&re_match_obj) },
    { QOBJ(search), OBJ_ROM(&re_search_obj) },
    { QOBJ(fullmatch), OBJ_ROM(&re_fullmatch_obj) },
    { QOBJ(sub), OBJ_ROM(&re_sub_obj) },
    { QOBJ(subn), OBJ_ROM(&re_subn_obj) },
    { QOBJ(split), OBJ_ROM(&re_split_obj) },
    { QOBJ(findall), OBJ_ROM(&re_findall_obj) },
    { QOBJ(finditer), OBJ_ROM(&re_finditer_obj) },
    { QOBJ(escape), OBJ_ROM(&re_escape_obj) },
    { QOBJ(error), OBJ_ROM(&type_ValueError) },
    { QOBJ(Pattern), OBJ_ROM(&re_pattern_type) },
    { QOBJ(Match), OBJ_ROM(&re_match_type) },
    { QOBJ(I), OBJ_NEW_SMALL_INT(FLAG_I) },
    { QOBJ(IGNORECASE), OBJ_NEW_SMALL_INT(FLAG_I) },
    { QOBJ(M), OBJ_NEW_SMALL_INT(FLAG_M) },
    { QOBJ(MULTILINE), OBJ_NEW_SMALL_INT(FLAG_M) },
    { QOBJ(S), OBJ_NEW_SMALL_INT(FLAG_S) },
    { QOBJ(DOTALL), OBJ_NEW_SMALL_INT(FLAG_S) },
    { QOBJ(A), OBJ_NEW_SMALL_INT(FLAG_A) },
    { QOBJ(ASCII), OBJ_NEW_SMALL_INT(FLAG_A) },
    { QOBJ(X), OBJ_NEW_SMALL_INT(FLAG_X) },
    { QOBJ(VERBOSE), OBJ_NEW_SMALL_INT(FLAG_X) },
};
static const DICT_ROM(re_globals, re_globals_table);

MODULE_ROM(module_re, re_globals);
REGISTER_MODULE(re, module_re);
