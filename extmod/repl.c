/* repl.c: the REPL as MicroPython users and tools know it, shared by every port: the friendly REPL
 * (prompts, echo of results, auto-indent, completion, help()), paste mode, and the raw REPL with
 * raw-paste that mpremote, ampy, rshell and Thonny drive.  The protocol bytes follow MicroPython's
 * pyexec exactly, since tools match them literally.  Output goes through port_stdout_write with
 * explicit "\r\n": the terminal is in raw mode whenever the REPL itself writes. */
#include <string.h>
#include "compile.h"
#include "gc.h"
#include "port.h"
#include "repl.h"
#include "runtime.h"

#ifndef CONFIG_BOARD_NAME
#define CONFIG_BOARD_NAME CONFIG_PLATFORM " (virtual NodeMCU)"
#endif
#ifndef CONFIG_CHIP_NAME
#if defined(__x86_64__)
#define CONFIG_CHIP_NAME "x86_64"
#elif defined(__aarch64__)
#define CONFIG_CHIP_NAME "aarch64"
#elif defined(__arm__)
#define CONFIG_CHIP_NAME "arm"
#elif defined(__i386__)
#define CONFIG_CHIP_NAME "x86"
#else
#define CONFIG_CHIP_NAME "unknown"
#endif
#endif
#define ADDER_VERSION "0.1.0"

/* parse_compile_execute's outcome, as in MicroPython: FORCED_EXIT leaves the REPL loop */
#define EXEC_OK (0)
#define EXEC_FORCED_EXIT (0x100)
#define EXEC_EOF (0x200)          /* with FORCED_EXIT: the input ended */

#define RAW_PASTE_WINDOW (128)

static const repl_port_t *port;
static enum { MODE_FRIENDLY, MODE_RAW } mode;   /* survives soft resets, as on a board */
static int exit_status;                           /* of a SystemExit when there is no soft reset */

static void out(const char *s, size_t n) {
    port_stdout_write(s, n);
}

static void out_str(const char *s) {
    out(s, strlen(s));
}

static void banner(void) {
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    const char *d = __DATE__;   /* "Nov 26 2026" */
    int month = (int)((strstr(months, (char[]){ d[0], d[1], d[2], 0 }) - months) / 3 + 1);
    char buf[120];
    vstr_t vs;
    vstr_init_fixed(&vs, buf, sizeof(buf));
    print_t p;
    print_vstr_init(&p, &vs);
    print_fmt(&p, "Adder " ADDER_VERSION " on %.4s-%02d-%c%c; " CONFIG_BOARD_NAME " with " CONFIG_CHIP_NAME "\r\n",
              d + 7, month, d[4] == ' ' ? '0' : d[4], d[5]);
    out(vs.buf, vs.len);
    out_str("Type \"help()\" for more information.\r\n");
}

static void mode_raw(void) {
    if (port->mode_raw != NULL) {
        port->mode_raw();
    }
}

static void mode_orig(void) {
    if (port->mode_orig != NULL) {
        port->mode_orig();
    }
}

static void interruptible(bool on) {
    if (port->interruptible != NULL) {
        port->interruptible(on);
    }
}

/* ------------------------------------------------------------------ running code */

/* After code raised exc: SystemExit leaves the REPL; anything else is printed. */
static int uncaught(obj_t exc) {
    STATE(pending_flag) = 0;
    STATE(pending_exc) = OBJ_NULL;
    if (exc_is_instance(exc, &type_SystemExit)) {
        obj_t code = exc_get_value(exc);
        exit_status = code == OBJ_NULL || code == OBJ_NONE ? 0 : obj_is_int(code) ? (int)obj_get_int(code) : 1;
        return EXEC_FORCED_EXIT;
    }
    exc_print(&print_stdout, exc);
    return EXEC_OK;
}

/* Compiles and runs src in __main__, printing any exception.  framing adds the raw REPL's \x04
 * after the output and after the exception text. */
static int execute_file(const char *src, size_t len, qstr file, compile_mode_t kind, bool framing) {
    mode_orig();
    interruptible(true);
    nlr_buf_t nlr;
    bool ok = nlr_push(&nlr) == 0;
    if (ok) {
        code_t *code = compile_source(src, len, file, kind);
        vm_exec_code(code, STATE(dict_main), STATE(dict_main));
        rt_handle_pending();
        nlr_pop();
    }
    interruptible(false);
    if (framing) {
        out("\x04", 1);
    }
    int ret = ok ? EXEC_OK : uncaught(nlr.exc);
    port_stdout_flush();
    mode_raw();
    if (framing) {
        out("\x04", 1);
    }
    return ret;
}

static int execute(const char *src, size_t len, compile_mode_t kind, bool framing) {
    return execute_file(src, len, Q__lt_stdin_gt_, kind, framing);
}

/* A board runs boot.py, then main.py unless the raw REPL is on (a tool is in control), at power-on
 * and after each soft reset; here they come from the current directory. */
static void run_boot_files(void) {
    static const char *const files[2] = { "boot.py", "main.py" };
    for (int i = 0; i < (mode == MODE_RAW ? 1 : 2); i++) {
        size_t len;
        char *src = port_stat(files[i]) == 1 ? port_read_file(files[i], &len) : NULL;
        if (src != NULL) {
            execute_file(src, len, qstr_from_str(files[i]), COMPILE_FILE, false);
        }
    }
}

/* Runs code in a fresh nlr context and prints what escapes: the REPL must never die, even on a
 * MemoryError while editing or completing. */
static bool guarded(void (*fun)(void *), void *arg) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        fun(arg);
        nlr_pop();
        return true;
    }
    STATE(pending_flag) = 0;
    STATE(pending_exc) = OBJ_NULL;
    out("\r\n", 2);
    mode_orig();
    exc_print(&print_stdout, nlr.exc);
    mode_raw();
    return false;
}

/* ------------------------------------------------------------------ friendly REPL */

static bool starts_with_word(const char *s, const char *w) {
    size_t n = strlen(w);
    return strncmp(s, w, n) == 0 && (s[n] == ' ' || s[n] == ':' || s[n] == '(' || s[n] == '\t');
}

/* Whether the statement in s needs another line: an open bracket or triple quote, a trailing
 * backslash, or a compound statement not yet ended by an empty line (MicroPython's rule). */
static bool continue_with_input(const char *s, size_t len) {
    if (len == 0) {
        return false;
    }
    static const char *const compound[] = { "if", "while", "for", "try", "with", "def", "class", "async" };
    bool is_compound = s[0] == '@';
    for (size_t k = 0; k < sizeof(compound) / sizeof(compound[0]); k++) {
        is_compound |= starts_with_word(s, compound[k]);
    }
    int depth = 0;
    char quote = 0;            /* ' or " when inside a string */
    bool triple = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (quote) {
            if (c == '\\' && i + 1 < len) {
                i++;
            } else if (c == quote && (!triple || (i + 2 < len && s[i + 1] == c && s[i + 2] == c))) {
                i += triple ? 2 : 0;
                quote = 0;
            } else if (c == '\n' && !triple) {
                quote = 0;     /* an unterminated one-line string: the compiler will complain */
            }
        } else if (c == '\'' || c == '"') {
            quote = c;
            triple = i + 2 < len && s[i + 1] == c && s[i + 2] == c;
            i += triple ? 2 : 0;
        } else if (c == '#') {
            while (i + 1 < len && s[i + 1] != '\n') {
                i++;
            }
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            depth--;
        }
    }
    if (quote && triple) {
        return true;
    }
    if (depth > 0 && !quote) {
        return true;
    }
    if (s[len - 1] == '\\') {
        return true;
    }
    return is_compound && s[len - 1] != '\n';
}

typedef struct {
    vstr_t *line;
    int ret;
} read_args_t;

/* Reads a whole statement (continuation lines included) into args->line. */
static void read_statement(void *arg) {
    read_args_t *a = arg;
    a->ret = readline(a->line, ">>> ");
    if (a->ret != 0 || a->line->len == 0) {
        return;
    }
    while (continue_with_input(a->line->buf, a->line->len)) {
        vstr_add_byte(a->line, '\n');
        int r = readline(a->line, "... ");
        if (r == CHAR_CTRL_C || r == REPL_EOF) {
            a->ret = r;
            return;
        }
        if (r == CHAR_CTRL_D) {
            return;   /* ends the compound statement */
        }
    }
}

/* Ctrl-E: raw lines echoed after "=== " until Ctrl-D runs them as a file; Ctrl-C cancels. */
static int paste_mode(vstr_t *line) {
    out_str("\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
    line->len = 0;
    for (;;) {
        int c = port_stdin_read_char();
        if (c < 0) {
            return REPL_EOF;
        }
        if (c == CHAR_CTRL_C) {
            out("\r\n", 2);
            return CHAR_CTRL_C;
        }
        if (c == CHAR_CTRL_D) {
            out("\r\n", 2);
            return 0;
        }
        if (c == '\n' && line->len > 0 && line->buf[line->len - 1] == '\r') {
            continue;   /* CRLF is one line end */
        }
        vstr_add_byte(line, (uint8_t)c);
        if (c == '\r' || c == '\n') {
            out_str("\r\n=== ");
        } else {
            char ch = (char)c;
            out(&ch, 1);
        }
    }
}

/* Returns EXEC_FORCED_EXIT to leave (Ctrl-D, SystemExit, end of input), or EXEC_OK when the user
 * switched to the raw REPL. */
static int friendly_repl(void) {
    banner();
    vstr_t line;
    vstr_init(&line, 64);
    for (;;) {
        while (gc_is_locked()) {
            gc_unlock();   /* a heap left locked by user code would make the REPL unusable */
        }
        line.len = 0;
        read_args_t args = { &line, 0 };
        if (!guarded(read_statement, &args)) {
            continue;
        }
        compile_mode_t kind = COMPILE_SINGLE;
        switch (args.ret) {
            case CHAR_CTRL_A:
                out("\r\n", 2);
                mode = MODE_RAW;
                return EXEC_OK;
            case CHAR_CTRL_B:
                out("\r\n", 2);
                banner();
                continue;
            case CHAR_CTRL_C:
                out("\r\n", 2);
                continue;
            case CHAR_CTRL_D:
                out("\r\n", 2);
                return EXEC_FORCED_EXIT;
            case REPL_EOF:
                return EXEC_FORCED_EXIT | EXEC_EOF;
            case CHAR_CTRL_E: {
                int r = paste_mode(&line);
                if (r == REPL_EOF) {
                    return EXEC_FORCED_EXIT | EXEC_EOF;
                }
                if (r != 0) {
                    continue;
                }
                kind = COMPILE_FILE;
                break;
            }
            default:
                if (line.len == 0) {
                    continue;
                }
                break;
        }
        if (execute(line.buf, line.len, kind, false) & EXEC_FORCED_EXIT) {
            return EXEC_FORCED_EXIT;
        }
    }
}

/* ------------------------------------------------------------------ raw REPL */

/* Appends a byte of raw input; false when the heap can't hold it.  A tool may send more source
 * than the board has RAM for: the rest is read and dropped, and the command fails with a framed
 * MemoryError instead of the error escaping the REPL. */
static bool raw_input_add(vstr_t *src, int c) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        vstr_add_byte(src, (uint8_t)c);
        nlr_pop();
        return true;
    }
    return false;
}

static int raw_input_too_big(void) {
    out("", 1);
    out_str("MemoryError: input too large\r\n");
    out("", 1);
    return EXEC_OK;
}

/* Raw-paste: the host streams the code in windows that the board grants with \x01; \x04 ends it
 * and is echoed; the code then runs with raw REPL framing (but no "OK"). */
static int raw_paste(int command) {
    if (command != 'A') {
        out("R\x00", 2);
        return EXEC_OK;
    }
    out("R\x01", 2);
    const char header[3] = { RAW_PASTE_WINDOW & 0xff, RAW_PASTE_WINDOW >> 8, 0x01 };
    out(header, 3);
    size_t remain = RAW_PASTE_WINDOW;
    vstr_t src;
    vstr_init(&src, 256);
    bool fits = true;
    for (;;) {
        int c = port_stdin_read_char();
        if (c < 0) {
            return EXEC_FORCED_EXIT | EXEC_EOF;
        }
        if (c == CHAR_CTRL_D) {
            out("\x04", 1);
            break;
        }
        if (c == CHAR_CTRL_C) {
            /* MicroPython raises KeyboardInterrupt in the reader: framed like any exception */
            out("\x04\x04", 2);
            out_str("KeyboardInterrupt\r\n");
            out("\x04", 1);
            return EXEC_OK;
        }
        fits = fits && raw_input_add(&src, c);
        if (--remain == 0) {
            out("\x01", 1);
            remain = RAW_PASTE_WINDOW;
        }
    }
    return fits ? execute(src.buf, src.len, COMPILE_FILE, true) : raw_input_too_big();
}

/* Returns EXEC_OK after Ctrl-B (back to the friendly REPL), else a forced exit (soft reset). */
static int raw_repl(void) {
    vstr_t line;
    vstr_init(&line, 256);
    out_str("raw REPL; CTRL-B to exit\r\n");
    for (;;) {
        line.len = 0;
        bool fits = true;
        out(">", 1);
        for (;;) {
            int c = port_stdin_read_char();
            if (c < 0) {
                return EXEC_FORCED_EXIT | EXEC_EOF;
            }
            if (c == CHAR_CTRL_A) {
                if (line.len == 2 && line.buf[0] == CHAR_CTRL_E) {
                    int r = raw_paste(line.buf[1]);
                    if (r & EXEC_FORCED_EXIT) {
                        return r;
                    }
                    line.len = 0;
                    out(">", 1);
                    continue;
                }
                line.len = 0;
                out_str("raw REPL; CTRL-B to exit\r\n>");
            } else if (c == CHAR_CTRL_B) {
                out("\r\n", 2);
                mode = MODE_FRIENDLY;
                return EXEC_OK;
            } else if (c == CHAR_CTRL_C) {
                line.len = 0;
            } else if (c == CHAR_CTRL_D) {
                break;
            } else {
                fits = fits && raw_input_add(&line, c);
            }
        }
        out("OK", 2);
        if (!fits) {
            raw_input_too_big();
            continue;
        }
        if (line.len == 0) {
            out("\r\n", 2);
            return EXEC_FORCED_EXIT;   /* soft reset */
        }
        int r = execute(line.buf, line.len, COMPILE_FILE, true);
        if (r & EXEC_FORCED_EXIT) {
            return r;
        }
    }
}

/* ------------------------------------------------------------------ help() */

/* Names in columns 16 wide, as MicroPython lists modules and completions. */
static void print_columns(obj_t names) {
    size_t n, col = 0, pad = 0;
    obj_t *items;
    obj_list_get(names, &n, &items);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = obj_str_get_data(items[i], &len);
        if (col > 0 && col + pad + len > 78) {
            print_str(&print_stdout, "\n");
            col = pad = 0;
        }
        print_fmt(&print_stdout, "%*s%.*s", (int)pad, "", (int)len, s);
        col += pad + len;
        pad = 16 - len % 16;
    }
    print_str(&print_stdout, "\n");
}

static obj_t sorted_module_names(void) {
    obj_t names = obj_new_list(0, NULL);
    size_t i = 0;
    map_elem_t *e;
    while ((e = map_next(&rt_builtin_modules_map, &i)) != NULL) {
        obj_list_append(names, e->key);
    }
    list_sort(names, OBJ_NULL, false);
    return names;
}

static const char help_text[] =
    "Welcome to Adder, a Python 3 for microcontrollers!\n"
    "\n"
    "On the NodeMCU the blue LED is on GPIO2, lit when the pin is low:\n"
    "  from machine import Pin\n"
    "  led = Pin(2, Pin.OUT)\n"
    "  led.value(0)      # on\n"
    "  led.value(1)      # off\n"
    "\n"
    "Control commands at the prompt:\n"
    "  CTRL-A        -- on a blank line, enter raw REPL mode\n"
    "  CTRL-B        -- on a blank line, enter normal REPL mode\n"
    "  CTRL-C        -- interrupt a running program\n"
    "  CTRL-D        -- on a blank line, exit (a soft reset on a board)\n"
    "  CTRL-E        -- on a blank line, enter paste mode\n"
    "\n"
    "For a list of available modules, type help('modules')\n"
    "For the attributes of an object, type help(obj)\n";

static obj_t repl_help(size_t n_args, const obj_t *args) {
    if (n_args == 0) {
        print_str(&print_stdout, help_text);
        return OBJ_NONE;
    }
    obj_t o = args[0];
    if (obj_is_str(o) && strcmp(obj_str_get_cstr(o), "modules") == 0) {
        print_columns(sorted_module_names());
        print_str(&print_stdout, "Plus any modules on the filesystem\n");
        return OBJ_NONE;
    }
    print_fmt(&print_stdout, "object %r is of type %q\n", o, obj_type_name(o));
    obj_t names = rt_call1(rt_builtin_lookup(Q_dir), o);
    size_t n;
    obj_t *items;
    obj_list_get(names, &n, &items);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = obj_str_get_data(items[i], &len);
        if (len > 0 && s[0] == '_') {
            continue;
        }
        obj_t v = rt_load_attr_maybe(o, qstr_from_strn(s, len));
        if (v != OBJ_NULL) {
            print_fmt(&print_stdout, "  %.*s -- %r\n", (int)len, s, v);
        }
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(repl_help_obj, 0, 1, repl_help);

/* ------------------------------------------------------------------ tab completion */

static bool is_name_char(char c) {
    return c == '_' || c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
           || (unsigned char)c >= 0x80;
}

/* The candidate names for completing after obj (OBJ_NULL: globals and builtins). */
static obj_t candidates(obj_t obj) {
    if (obj != OBJ_NULL) {
        return rt_call1(rt_builtin_lookup(Q_dir), obj);
    }
    obj_t names = obj_new_list(0, NULL);
    dict_t *dicts[2] = { STATE(dict_main), STATE(dict_builtins) };
    for (int d = 0; d < 2; d++) {
        size_t i = 0;
        map_elem_t *e;
        while ((e = map_next(&dicts[d]->map, &i)) != NULL) {
            if (obj_is_str(e->key)) {
                obj_list_append(names, e->key);
            }
        }
    }
    list_sort(names, OBJ_NULL, false);
    return names;
}

/* The object named by the dotted prefix s[0..len) (without the final dot), or OBJ_NULL. */
static obj_t resolve(const char *s, size_t len) {
    obj_t obj = OBJ_NULL;
    while (len > 0) {
        const char *dot = memchr(s, '.', len);
        size_t n = dot ? (size_t)(dot - s) : len;
        qstr q = qstr_from_strn(s, n);
        if (obj == OBJ_NULL) {
            obj = obj_dict_get(OBJ_FROM_PTR(STATE(dict_main)), OBJ_NEW_QSTR(q));
            obj = obj != OBJ_NULL ? obj : rt_builtin_lookup(q);
        } else {
            obj = rt_load_attr_maybe(obj, q);
        }
        if (obj == OBJ_NULL) {
            return OBJ_NULL;
        }
        s += dot ? n + 1 : n;
        len -= dot ? n + 1 : n;
    }
    return obj;
}

static void show_matches(obj_t names, const char *word, size_t wlen) {
    obj_t shown = obj_new_list(0, NULL);
    size_t n;
    obj_t *items;
    obj_list_get(names, &n, &items);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = obj_str_get_data(items[i], &len);
        if (len >= wlen && memcmp(s, word, wlen) == 0 && (wlen > 0 || s[0] != '_')) {
            obj_list_append(shown, items[i]);
        }
    }
    out("\r\n", 2);
    mode_orig();   /* print_columns writes "\n" */
    print_columns(shown);
    port_stdout_flush();
    mode_raw();
}

typedef struct {
    const char *s;
    size_t len;
    const char **compl;
    size_t result;
} complete_args_t;

static void complete(void *arg) {
    complete_args_t *a = arg;
    const char *s = a->s;
    size_t start = a->len;
    while (start > 0 && is_name_char(s[start - 1])) {
        start--;
    }
    const char *word = s + start;
    size_t wlen = a->len - start;
    const char *last_dot = NULL;
    for (size_t i = 0; i < wlen; i++) {
        last_dot = word[i] == '.' ? word + i : last_dot;
    }
    obj_t names;
    size_t head = 0;
    while (head < start && s[head] == ' ') {
        head++;
    }
    size_t pre = start - head;   /* "import x<TAB>" and "from x<TAB>" complete module names */
    bool importing = last_dot == NULL && ((pre == 7 && strncmp(s + head, "import ", 7) == 0)
                                          || (pre == 5 && strncmp(s + head, "from ", 5) == 0));
    if (importing) {
        names = sorted_module_names();
    } else if (last_dot != NULL) {
        obj_t obj = resolve(word, (size_t)(last_dot - word));
        if (obj == OBJ_NULL) {
            return;
        }
        names = candidates(obj);
        wlen -= (size_t)(last_dot + 1 - word);
        word = last_dot + 1;
    } else {
        names = candidates(OBJ_NULL);
    }
    /* the matches' common prefix beyond what is typed */
    size_t n, count = 0, common = 0;
    obj_t *items;
    const char *first = NULL;
    obj_list_get(names, &n, &items);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *m = obj_str_get_data(items[i], &len);
        if (len < wlen || memcmp(m, word, wlen) != 0 || (wlen == 0 && m[0] == '_')) {
            continue;
        }
        if (count++ == 0) {
            first = m;
            common = len;
        } else {
            size_t k = wlen;
            while (k < common && k < len && m[k] == first[k]) {
                k++;
            }
            common = k;
        }
    }
    if (count == 0) {
        return;
    }
    if (common > wlen) {
        *a->compl = first + wlen;
        a->result = common - wlen;
    } else if (count > 1) {
        show_matches(names, word, wlen);
        a->result = (size_t)-1;
    }
}

size_t repl_autocomplete(const char *s, size_t len, const char **compl) {
    complete_args_t args = { s, len, compl, 0 };
    if (len == 0 || !guarded(complete, &args)) {
        return 0;
    }
    return args.result;
}

/* ------------------------------------------------------------------ the main loop */

int repl_main(const repl_port_t *p) {
    port = p;
    bool boot = port->soft_reset != NULL;   /* a board: a soft reset restarts it */
    for (;;) {
        obj_dict_store(OBJ_FROM_PTR(STATE(dict_builtins)), QOBJ(help), OBJ_ROM(&repl_help_obj));
        mode_raw();
        if (boot) {
            run_boot_files();
            boot = false;
        }
        int r;
        if (mode == MODE_RAW) {
            r = raw_repl();
        } else {
            r = friendly_repl();
        }
        if (r == EXEC_OK) {
            continue;   /* switched between friendly and raw */
        }
        if ((r & EXEC_EOF) || port->soft_reset == NULL) {
            mode_orig();
            return (r & EXEC_EOF) ? 0 : exit_status;
        }
        out_str("MPY: soft reboot\r\n");
        mode_orig();
        readline_clear_history();
        port->soft_reset();
        boot = true;
    }
}
