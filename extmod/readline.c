/* readline.c: the REPL's line editor for VT100 terminals and serial lines, with no library under
 * it: cursor keys, Home/End, Backspace/Delete, Emacs-style Ctrl keys and kills, history, tab
 * completion and MicroPython's auto-indent.  One line is edited at a time; earlier lines of the
 * statement sit before it in the same buffer. */
#include <string.h>
#include "gc.h"
#include "obj.h"
#include "port.h"
#include "repl.h"
#include "state.h"

#define HISTORY_MAX (16)
/* The history: a list of str, newest last.  Soft reset clears it, as on MicroPython. */
#define HISTORY (STATE(port_roots)[7])

#define INDENT_ENABLED (1)
#define INDENT_JUST_ADDED (2)

enum { ESC_NONE, ESC_ESC, ESC_BRACKET, ESC_DIGIT, ESC_O };

static struct {
    vstr_t *line;
    size_t start;          /* where the line being edited starts in line */
    size_t cursor;         /* byte offset in line */
    int esc;
    char esc_digit;
    uint8_t indent;
    bool after_cr;         /* the previous key was CR: a following LF is part of the same Enter */
    int hist;              /* -1: not browsing; else index from the newest entry */
    const char *prompt;
} rl;

static void out(const char *s, size_t n) {
    port_stdout_write(s, n);
}

static void out_str(const char *s) {
    out(s, strlen(s));
}

static void cursor_back(size_t n) {
    if (n == 0) {
        return;
    }
    if (n <= 4) {
        out("\b\b\b\b", n);
    } else {
        char buf[24];
        vstr_t vs;
        vstr_init_fixed(&vs, buf, sizeof(buf));
        print_t p;
        print_vstr_init(&p, &vs);
        print_fmt(&p, "\x1b[%zuD", n);
        out(vs.buf, vs.len);
    }
}

void readline_clear_history(void) {
    HISTORY = OBJ_NULL;
}

static size_t history_len(void) {
    size_t n = 0;
    obj_t *items;
    if (HISTORY != OBJ_NULL) {
        obj_list_get(HISTORY, &n, &items);
    }
    return n;
}

static const char *history_get(int i, size_t *len) {
    size_t n;
    obj_t *items;
    obj_list_get(HISTORY, &n, &items);
    return obj_str_get_data(items[n - 1 - (size_t)i], len);
}

/* Remembers a non-empty line unless it repeats the newest entry; drops the oldest past the limit. */
static void history_push(const char *s, size_t len) {
    if (len == 0) {
        return;
    }
    if (HISTORY == OBJ_NULL) {
        HISTORY = obj_new_list(0, NULL);
    }
    size_t n, last_len;
    obj_t *items;
    obj_list_get(HISTORY, &n, &items);
    if (n > 0) {
        const char *last = history_get(0, &last_len);
        if (last_len == len && memcmp(last, s, len) == 0) {
            return;
        }
    }
    if (n == HISTORY_MAX) {
        memmove(items, items + 1, (n - 1) * sizeof(obj_t));
        items[n - 1] = obj_new_str(s, len);
    } else {
        obj_list_append(HISTORY, obj_new_str(s, len));
    }
}

/* Deletes n bytes at pos of the line buffer. */
static void cut(size_t pos, size_t n) {
    vstr_t *v = rl.line;
    memmove(v->buf + pos, v->buf + pos + n, v->len - pos - n);
    v->len -= n;
}

static void insert(size_t pos, const char *s, size_t n) {
    vstr_t *v = rl.line;
    vstr_extend(v, n);
    memmove(v->buf + pos + n, v->buf + pos, v->len - n - pos);
    memcpy(v->buf + pos, s, n);
}

/* Puts the screen in step with the buffer after an edit: move back `back` columns, redraw from
 * the cursor when `redraw` (erasing leftovers if the line got shorter), then advance `fwd`. */
static void refresh(size_t old_len, size_t back, bool redraw, size_t fwd) {
    cursor_back(back);
    rl.cursor -= back;
    if (redraw) {
        if (rl.line->len < old_len) {
            out("\x1b[K", 3);
        }
        out(rl.line->buf + rl.cursor, rl.line->len - rl.cursor);
        cursor_back(rl.line->len - (rl.cursor + fwd));
        rl.cursor += fwd;
    } else if (fwd > 0) {
        out(rl.line->buf + rl.cursor, fwd);
        rl.cursor += fwd;
    }
}

static bool only_spaces(size_t from, size_t to) {
    for (size_t i = from; i < to; i++) {
        if (rl.line->buf[i] != ' ') {
            return false;
        }
    }
    return true;
}

/* MicroPython's auto-indent: a new line keeps the previous line's indent, one more level after a
 * line ending in ':'; after two lines in a row holding only spaces, none (so Enter ends blocks). */
static void auto_indent(void) {
    vstr_t *v = rl.line;
    if (!(rl.indent & INDENT_ENABLED) || v->len < 2 || v->buf[v->len - 1] != '\n') {
        return;
    }
    size_t i = v->len - 1;      /* the start of the previous line */
    while (i > 0 && v->buf[i - 1] != '\n') {
        i--;
    }
    size_t j = i;               /* its first non-space */
    while (j < v->len && v->buf[j] == ' ') {
        j++;
    }
    if (i > 0 && j + 1 == v->len) {
        size_t k = i - 1;       /* the line before it: all spaces too? */
        while (k > 0 && v->buf[k - 1] == ' ') {
            k--;
        }
        if (k == 0 || v->buf[k - 1] == '\n') {
            return;
        }
    }
    size_t n = (j - i) / 4 + (v->buf[v->len - 2] == ':');
    while (n-- > 0) {
        vstr_add_strn(v, "    ", 4);
        out("    ", 4);
        rl.cursor += 4;
        rl.indent |= INDENT_JUST_ADDED;
    }
}

static void show_history(int which) {
    size_t old_len = rl.line->len, back = rl.cursor - rl.start;
    rl.line->len = rl.start;
    if (which >= 0) {
        size_t len;
        const char *s = history_get(which, &len);
        vstr_add_strn(rl.line, s, len);
    }
    rl.hist = which;
    rl.cursor = rl.start + back;
    refresh(old_len, back, true, rl.line->len - rl.start);
}

static void history_older(void) {
    if ((size_t)(rl.hist + 1) < history_len()) {
        show_history(rl.hist + 1);
    }
}

static void history_newer(void) {
    if (rl.hist >= 0) {
        show_history(rl.hist - 1);
    }
}

static void move_left(size_t old_len) {
    if (rl.cursor > rl.start) {
        refresh(old_len, 1, false, 0);
    }
}

static void move_right(size_t old_len) {
    if (rl.cursor < rl.line->len) {
        refresh(old_len, 0, false, 1);
    }
}

static void complete(size_t old_len) {
    const char *compl;
    size_t n;
    if (rl.cursor > rl.start && (rl.line->buf[rl.cursor - 1] == ' ' || rl.line->buf[rl.cursor - 1] == '\t')) {
        compl = "    ";   /* Tab after whitespace indents */
        n = 4;
    } else if (rl.cursor == rl.start && rl.start > 0) {
        compl = "    ";
        n = 4;
    } else {
        n = repl_autocomplete(rl.line->buf + rl.start, rl.cursor - rl.start, &compl);
    }
    if (n == (size_t)-1) {
        /* the candidates were listed: draw the prompt and line again below them */
        out_str(rl.prompt);
        out(rl.line->buf + rl.start, rl.cursor - rl.start);
        refresh(old_len, 0, true, 0);
    } else if (n > 0) {
        insert(rl.cursor, compl, n);
        refresh(old_len, 0, true, n);
    }
}

/* Handles one key outside escape sequences; returns -1 to go on, else what readline returns. */
static int plain_key(int c, size_t old_len) {
    vstr_t *v = rl.line;
    bool empty = v->len == rl.start;
    if (c >= CHAR_CTRL_A && c <= CHAR_CTRL_E && (empty || (c == CHAR_CTRL_D && rl.start > 0 && only_spaces(rl.start, v->len)))) {
        return c;   /* on an empty line (or Ctrl-D on a blank continuation line): a REPL command */
    }
    switch (c) {
        case CHAR_CTRL_A: refresh(old_len, rl.cursor - rl.start, false, 0); break;       /* home */
        case CHAR_CTRL_B: move_left(old_len); break;
        case CHAR_CTRL_C: return c;
        case CHAR_CTRL_D:                                                               /* delete */
            if (rl.cursor < v->len) {
                cut(rl.cursor, 1);
                refresh(old_len, 0, true, 0);
            }
            break;
        case CHAR_CTRL_E: refresh(old_len, 0, false, v->len - rl.cursor); break;         /* end */
        case 6: move_right(old_len); break;                                             /* Ctrl-F */
        case 11: v->len = rl.cursor; refresh(old_len, 0, true, 0); break;                 /* Ctrl-K */
        case 14: history_newer(); break;                                                /* Ctrl-N */
        case 16: history_older(); break;                                                /* Ctrl-P */
        case 21: {                                                                      /* Ctrl-U */
            size_t n = rl.cursor - rl.start;
            cut(rl.start, n);
            refresh(old_len, n, true, 0);
            break;
        }
        case 27: rl.esc = ESC_ESC; break;
        case '\r': case '\n':
            out("\r\n", 2);
            history_push(v->buf + rl.start, v->len - rl.start);
            return 0;
        case 8: case 127:
            if (rl.cursor > rl.start) {
                /* inside leading indentation, Backspace removes a whole level */
                size_t n = rl.cursor - rl.start >= 4 && only_spaces(rl.start, rl.cursor) ? 4 : 1;
                cut(rl.cursor - n, n);
                refresh(old_len, n, true, 0);
            }
            break;
        default:
            if ((rl.indent & INDENT_JUST_ADDED) && (c == '\t' || c == ' ')) {
                /* typed (or pasted) indentation replaces the automatic one, for the statement */
                rl.indent = 0;
                if (c == ' ') {
                    cut(v->len - 3, 3);
                    refresh(old_len, 3, true, 0);
                }
            } else if (c == '\t') {
                complete(old_len);
            } else if (c >= 32 && c != 127) {
                char ch = (char)c;
                insert(rl.cursor, &ch, 1);
                refresh(old_len, 0, true, 1);
            }
            break;
    }
    return -1;
}

static void escape_key(int c, size_t old_len) {
    vstr_t *v = rl.line;
    int state = rl.esc;
    rl.esc = ESC_NONE;
    if (state == ESC_ESC) {
        rl.esc = c == '[' ? ESC_BRACKET : c == 'O' ? ESC_O : ESC_NONE;
        return;
    }
    if (state == ESC_BRACKET && c >= '0' && c <= '9') {
        rl.esc = ESC_DIGIT;
        rl.esc_digit = (char)c;
        return;
    }
    if (state == ESC_DIGIT) {
        if (c != '~') {
            return;
        }
        c = rl.esc_digit == '1' || rl.esc_digit == '7' ? 'H' : rl.esc_digit == '4' || rl.esc_digit == '8' ? 'F'
            : rl.esc_digit == '3' ? 'X' : 0;
    }
    switch (c) {
        case 'A': history_older(); break;
        case 'B': history_newer(); break;
        case 'C': move_right(old_len); break;
        case 'D': move_left(old_len); break;
        case 'H': refresh(old_len, rl.cursor - rl.start, false, 0); break;
        case 'F': refresh(old_len, 0, false, v->len - rl.cursor); break;
        case 'X':
            if (rl.cursor < v->len) {
                cut(rl.cursor, 1);
                refresh(old_len, 0, true, 0);
            }
            break;
        default: break;
    }
}

static int process_key(int c) {
    size_t old_len = rl.line->len;
    int ret = -1;
    if (c == '\n' && rl.after_cr) {
        rl.after_cr = false;
        return -1;
    }
    rl.after_cr = c == '\r';
    if (rl.esc == ESC_NONE) {
        ret = plain_key(c, old_len);
    } else {
        escape_key(c, old_len);
    }
    if (ret < 0) {
        rl.indent &= ~INDENT_JUST_ADDED;
    }
    return ret;
}

int readline(vstr_t *line, const char *prompt) {
    rl.line = line;
    rl.start = rl.cursor = line->len;
    rl.esc = ESC_NONE;
    rl.hist = -1;
    rl.prompt = prompt;
    if (line->len == 0) {
        rl.indent = INDENT_ENABLED;   /* each statement starts with auto-indent on */
    }
    out_str(prompt);
    auto_indent();
    for (;;) {
        int c = port_stdin_read_char();
        if (c < 0) {
            return REPL_EOF;
        }
        int ret = process_key(c);
        if (ret >= 0) {
            return ret;
        }
    }
}
