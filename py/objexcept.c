/* objexcept.c: the exception classes (const types in CPython's hierarchy, all sharing one layout,
 * exc_t), their attributes and str/repr, tracebacks, and the CPython-style traceback printer.
 * User exception classes use the same layout with their own type (objtype.c), so everything here
 * works for them unchanged. */
#include "errcodes.h"
#include <string.h>
#include "runtime.h"
#include "gc.h"
#include "objtype.h"
#include "objstr.h"

/* ------------------------------------------------------------------ construction */

static exc_t *exc_alloc(const type_t *type, size_t n_args, const obj_t *args) {
    exc_t *e = m_new_obj(exc_t);
    e->base.type = type;
    e->args = obj_new_tuple(n_args, args);
    return e;
}

obj_t obj_new_exception(const type_t *exc_type, size_t n_args, const obj_t *args) {
    return exc_alloc(exc_type, n_args, args);
}

obj_t exc_new_vmsg(const type_t *exc_type, const char *fmt, va_list ap) {
    vstr_t vs;
    print_t p;
    vstr_init(&vs, 32);
    print_vstr_init(&p, &vs);
    print_vfmt(&p, fmt, ap);
    obj_t msg = obj_new_str_from_vstr(&vs);
    return exc_alloc(exc_type, 1, &msg);
}

obj_t obj_new_exception_msg(const type_t *exc_type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    obj_t e = exc_new_vmsg(exc_type, fmt, ap);
    va_end(ap);
    return e;
}

/* OSError(errno, strerror) builds the subclass CPython picks for that errno. */
static const type_t *oserror_subclass(obj_t code) {
    static const struct { int code; const type_t *type; } map[] = {
        { EAGAIN, &type_BlockingIOError }, { EWOULDBLOCK, &type_BlockingIOError },
        { EALREADY, &type_BlockingIOError }, { EINPROGRESS, &type_BlockingIOError },
        { ECHILD, &type_ChildProcessError }, { EPIPE, &type_BrokenPipeError },
        { ECONNABORTED, &type_ConnectionAbortedError }, { ECONNREFUSED, &type_ConnectionRefusedError },
        { ECONNRESET, &type_ConnectionResetError }, { EEXIST, &type_FileExistsError },
        { ENOENT, &type_FileNotFoundError }, { EINTR, &type_InterruptedError },
        { EISDIR, &type_IsADirectoryError }, { ENOTDIR, &type_NotADirectoryError },
        { EACCES, &type_PermissionError }, { EPERM, &type_PermissionError },
        { ESRCH, &type_ProcessLookupError }, { ETIMEDOUT, &type_TimeoutError },
    };
    for (size_t i = 0; OBJ_IS_SMALL_INT(code) && i < sizeof(map) / sizeof(map[0]); i++) {
        if (OBJ_SMALL_INT_VALUE(code) == map[i].code) {
            return map[i].type;
        }
    }
    return &type_OSError;
}

static obj_t exc_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_kw != 0 && !(type->flags & TYPE_FLAG_USER)) {
        rt_raise_type_error("%q() takes no keyword arguments", type->name);
    }
    if (type == &type_OSError && n_args >= 2) {
        type = oserror_subclass(args[0]);
    }
    return exc_alloc(type, n_args, args);
}

exc_t *exc_get(obj_t exc) {
    return (exc_t *)exc;
}

bool exc_is_instance(obj_t exc, const type_t *exc_type) {
    return obj_isinstance(exc, exc_type);
}

static obj_t exc_arg(exc_t *e, size_t i) {
    size_t n;
    obj_t *items;
    obj_tuple_get(e->args, &n, &items);
    return i < n ? items[i] : OBJ_NONE;
}

static size_t exc_n_args(exc_t *e) {
    size_t n;
    obj_t *items;
    obj_tuple_get(e->args, &n, &items);
    return n;
}

obj_t exc_get_value(obj_t exc) {
    return exc_arg(exc_get(exc), 0);
}

/* ------------------------------------------------------------------ str and repr */

/* SyntaxError's args are (msg, (filename, lineno, offset, text)); returns the detail item or None. */
static obj_t syntax_detail(exc_t *e, size_t i) {
    obj_t d = exc_arg(e, 1);
    if (!obj_is_type(d, &type_tuple)) {
        return OBJ_NONE;
    }
    size_t n;
    obj_t *items;
    obj_tuple_get(d, &n, &items);
    return i < n ? items[i] : OBJ_NONE;
}

/* A UnicodeDecodeError/UnicodeEncodeError made with (encoding, object, start, end, reason). */
static bool is_codec_error(exc_t *e) {
    const type_t *t = e->base.type;
    return (obj_is_subclass(t, &type_UnicodeDecodeError) || obj_is_subclass(t, &type_UnicodeEncodeError))
           && exc_n_args(e) == 5 && OBJ_IS_SMALL_INT(exc_arg(e, 2)) && OBJ_IS_SMALL_INT(exc_arg(e, 3));
}

/* CPython's wording: one bad byte or character is shown, a longer run by its positions. */
static void codec_error_print(const print_t *p, exc_t *e) {
    bool decode = obj_is_subclass(e->base.type, &type_UnicodeDecodeError);
    obj_t start = exc_arg(e, 2);
    small_int_t end = OBJ_SMALL_INT_VALUE(exc_arg(e, 3));
    print_fmt(p, "'%S' codec can't %s ", exc_arg(e, 0), decode ? "decode" : "encode");
    if (end != OBJ_SMALL_INT_VALUE(start) + 1) {
        print_fmt(p, "%s in position %S-%d: %S", decode ? "bytes" : "characters", start, (int)end - 1, exc_arg(e, 4));
        return;
    }
    obj_t item = rt_subscr_load(exc_arg(e, 1), start);
    if (decode) {
        print_fmt(p, "byte 0x%02x", (unsigned)obj_get_int(item));
    } else {
        const char *d = obj_str_get_data(item, &(size_t){ 0 });
        uint32_t c = utf8_get(&d);
        print_fmt(p, c < 0x100 ? "character '\\x%02x'" : c < 0x10000 ? "character '\\u%04x'" : "character '\\U%08x'",
                  (unsigned)c);
    }
    print_fmt(p, " in position %S: %S", start, exc_arg(e, 4));
}

static void exc_print_str(const print_t *p, exc_t *e) {
    const type_t *t = e->base.type;
    size_t n = exc_n_args(e);
    if (n == 0) {
        return;
    }
    if (is_codec_error(e)) {
        codec_error_print(p, e);
        return;
    }
    if (n == 1) {
        obj_print(p, exc_arg(e, 0), obj_is_subclass(t, &type_KeyError) ? PRINT_REPR : PRINT_STR);
        return;
    }
    if (obj_is_subclass(t, &type_OSError) && OBJ_IS_SMALL_INT(exc_arg(e, 0))) {
        print_fmt(p, "[Errno %S] %S", exc_arg(e, 0), exc_arg(e, 1));
        if (n >= 3 && exc_arg(e, 2) != OBJ_NONE) {
            print_fmt(p, ": %r", exc_arg(e, 2));
        }
        if (n >= 5 && exc_arg(e, 4) != OBJ_NONE) {
            print_fmt(p, " -> %r", exc_arg(e, 4));   /* filename2, as rename reports */
        }
        return;
    }
    if (obj_is_subclass(t, &type_SyntaxError) && n == 2) {
        obj_t file = syntax_detail(e, 0), line = syntax_detail(e, 1);
        obj_print(p, exc_arg(e, 0), PRINT_STR);
        if (file != OBJ_NONE && line != OBJ_NONE) {
            print_fmt(p, " (%S, line %S)", file, line);
        } else if (line != OBJ_NONE) {
            print_fmt(p, " (line %S)", line);
        }
        return;
    }
    obj_print(p, e->args, PRINT_STR);
}

static void exc_print_slot(const print_t *p, obj_t self, print_kind_t kind) {
    exc_t *e = exc_get(self);
    if (kind == PRINT_STR) {
        exc_print_str(p, e);
        return;
    }
    print_str(p, qstr_str(e->base.type->name));
    if (exc_n_args(e) == 1) {
        print_fmt(p, "(%r)", exc_arg(e, 0));
    } else if (exc_n_args(e) == 0) {
        print_str(p, "()");
    } else {
        obj_print(p, e->args, PRINT_REPR);
    }
}

/* ------------------------------------------------------------------ attributes */

static obj_t or_none(obj_t o) {
    return o == OBJ_NULL ? OBJ_NONE : o;
}

/* __traceback__: an opaque view of the recorded frames (the flat list of exc_t.traceback). */
typedef struct {
    obj_base_t base;
    obj_t entries;
} traceback_t;

static void traceback_attr(obj_t self, qstr attr, obj_t *dest) {
    traceback_t *tb = self;
    size_t n;
    obj_t *items;
    obj_list_get(tb->entries, &n, &items);
    if (dest[0] == OBJ_NULL && n >= 3) {
        if (attr == Q_tb_lineno) {
            dest[0] = items[n - 2];
        } else if (attr == Q_tb_next) {
            dest[0] = OBJ_NONE;
        }
    }
}

static const type_t type_traceback = {
    { &type_type }, 0, Q_traceback, NULL, NULL, NULL, NULL, NULL, traceback_attr,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};

static obj_t traceback_wrap(obj_t entries) {
    if (entries == OBJ_NULL) {
        return OBJ_NONE;
    }
    traceback_t *tb = m_new_obj(traceback_t);
    tb->base.type = &type_traceback;
    tb->entries = entries;
    return tb;
}

static obj_t traceback_unwrap(obj_t tb) {
    return obj_is_type(tb, &type_traceback) ? ((traceback_t *)tb)->entries : OBJ_NULL;
}

static obj_t exc_special_attr(exc_t *e, qstr attr) {
    const type_t *t = e->base.type;
    switch (attr) {
        case Q_args: return e->args;
        case Q___cause__: return or_none(e->cause);
        case Q___context__: return or_none(e->context);
        case Q___suppress_context__: return OBJ_BOOL(e->suppress_context);
        case Q___traceback__: return traceback_wrap(e->traceback);
        default: break;
    }
    if (is_codec_error(e)) {
        static const qstr names[] = { Q_encoding, Q_object, Q_start, Q_end, Q_reason };
        for (size_t i = 0; i < 5; i++) {
            if (attr == names[i]) {
                return exc_arg(e, i);
            }
        }
    }
    if ((attr == Q_value && obj_is_subclass(t, &type_StopIteration))
        || (attr == Q_code && obj_is_subclass(t, &type_SystemExit))) {
        return exc_arg(e, 0);
    }
    if (obj_is_subclass(t, &type_OSError) && exc_n_args(e) >= 2) {
        switch (attr) {
            case Q_errno: return exc_arg(e, 0);
            case Q_strerror: return exc_arg(e, 1);
            case Q_filename: return exc_arg(e, 2);
            case Q_filename2: return exc_arg(e, 4);
            default: break;
        }
    } else if (obj_is_subclass(t, &type_OSError)) {
        if (attr == Q_errno || attr == Q_strerror || attr == Q_filename || attr == Q_filename2) {
            return OBJ_NONE;
        }
    }
    if (obj_is_subclass(t, &type_SyntaxError)) {
        switch (attr) {
            case Q_msg: return exc_arg(e, 0);
            case Q_filename: return syntax_detail(e, 0);
            case Q_lineno: return syntax_detail(e, 1);
            case Q_offset: return syntax_detail(e, 2);
            case Q_text: return syntax_detail(e, 3);
            default: break;
        }
    }
    return OBJ_NULL;
}

static bool exc_store_special(exc_t *e, qstr attr, obj_t value) {
    switch (attr) {
        case Q_args:
            e->args = value == OBJ_NULL ? obj_new_tuple(0, NULL) : rt_call1(OBJ_ROM(&type_tuple), value);
            return true;
        case Q___cause__:
            e->cause = value == OBJ_NONE ? OBJ_NULL : value;
            e->suppress_context = true;
            return true;
        case Q___context__:
            e->context = value == OBJ_NONE ? OBJ_NULL : value;
            return true;
        case Q___suppress_context__:
            e->suppress_context = value != OBJ_NULL && obj_is_true(value);
            return true;
        case Q___traceback__:
            e->traceback = traceback_unwrap(value);
            return true;
        default:
            return false;
    }
}

static void exc_attr(obj_t self, qstr attr, obj_t *dest) {
    exc_t *e = exc_get(self);
    if (dest[0] == OBJ_NULL) {
        obj_t v = exc_special_attr(e, attr);
        if (v == OBJ_NULL && e->dict != NULL) {
            v = map_get_qstr(&e->dict->map, attr);
        }
        dest[0] = v;
        return;
    }
    if (exc_store_special(e, attr, dest[1])) {
        dest[0] = OBJ_NULL;
        return;
    }
    if (e->dict == NULL) {
        if (dest[1] == OBJ_NULL) {
            return;
        }
        e->dict = obj_new_dict(0);
    }
    map_elem_t *el = map_lookup(&e->dict->map, OBJ_NEW_QSTR(attr),
                                dest[1] == OBJ_NULL ? MAP_LOOKUP_REMOVE_IF_FOUND : MAP_LOOKUP_ADD_IF_NOT_FOUND);
    if (el != NULL) {
        if (dest[1] != OBJ_NULL) {
            el->value = dest[1];
        }
        dest[0] = OBJ_NULL;
    }
}

static obj_t exc_init(size_t n_args, const obj_t *args) {
    exc_get(args[0])->args = obj_new_tuple(n_args - 1, args + 1);
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(exc_init_obj, 1, FUN_ARGS_MAX, exc_init);

static obj_t exc_with_traceback(obj_t self, obj_t tb) {
    exc_get(self)->traceback = traceback_unwrap(tb);
    return self;
}
static FUN_DEFINE_2(exc_with_traceback_obj, exc_with_traceback);

static obj_t exc_add_note(obj_t self, obj_t note) {
    if (!obj_is_str(note)) {
        rt_raise_type_error("note must be a str, not '%q'", obj_type_name(note));
    }
    obj_t notes = rt_load_attr_maybe(self, Q___notes__);
    if (notes == OBJ_NULL) {
        notes = obj_new_list(0, NULL);
        rt_store_attr(self, Q___notes__, notes);
    }
    obj_list_append(notes, note);
    return OBJ_NONE;
}
static FUN_DEFINE_2(exc_add_note_obj, exc_add_note);

static const map_elem_t exc_locals_table[] = {
    { QOBJ(__init__), OBJ_ROM(&exc_init_obj) },
    { QOBJ(with_traceback), OBJ_ROM(&exc_with_traceback_obj) },
    { QOBJ(add_note), OBJ_ROM(&exc_add_note_obj) },
};
static DICT_ROM(exc_locals_dict, exc_locals_table);

/* ------------------------------------------------------------------ the classes */

#define EXC_TYPE(name, parent_) \
    const type_t type_##name = { \
        { &type_type }, TYPE_FLAG_BASETYPE, Q_##name, exc_print_slot, exc_make_new, NULL, NULL, NULL, \
        exc_attr, NULL, NULL, NULL, NULL, (dict_t *)&exc_locals_dict, parent_, NULL \
    }

EXC_TYPE(BaseException, NULL);
EXC_TYPE(SystemExit, &type_BaseException);
EXC_TYPE(KeyboardInterrupt, &type_BaseException);
EXC_TYPE(GeneratorExit, &type_BaseException);
EXC_TYPE(Exception, &type_BaseException);
EXC_TYPE(StopIteration, &type_Exception);
EXC_TYPE(StopAsyncIteration, &type_Exception);
EXC_TYPE(ArithmeticError, &type_Exception);
EXC_TYPE(OverflowError, &type_ArithmeticError);
EXC_TYPE(ZeroDivisionError, &type_ArithmeticError);
EXC_TYPE(AssertionError, &type_Exception);
EXC_TYPE(AttributeError, &type_Exception);
EXC_TYPE(BufferError, &type_Exception);
EXC_TYPE(EOFError, &type_Exception);
EXC_TYPE(ImportError, &type_Exception);
EXC_TYPE(ModuleNotFoundError, &type_ImportError);
EXC_TYPE(LookupError, &type_Exception);
EXC_TYPE(IndexError, &type_LookupError);
EXC_TYPE(KeyError, &type_LookupError);
EXC_TYPE(MemoryError, &type_Exception);
EXC_TYPE(NameError, &type_Exception);
EXC_TYPE(UnboundLocalError, &type_NameError);
EXC_TYPE(OSError, &type_Exception);
EXC_TYPE(BlockingIOError, &type_OSError);
EXC_TYPE(ChildProcessError, &type_OSError);
EXC_TYPE(ConnectionError, &type_OSError);
EXC_TYPE(BrokenPipeError, &type_ConnectionError);
EXC_TYPE(ConnectionAbortedError, &type_ConnectionError);
EXC_TYPE(ConnectionRefusedError, &type_ConnectionError);
EXC_TYPE(ConnectionResetError, &type_ConnectionError);
EXC_TYPE(FileExistsError, &type_OSError);
EXC_TYPE(FileNotFoundError, &type_OSError);
EXC_TYPE(InterruptedError, &type_OSError);
EXC_TYPE(IsADirectoryError, &type_OSError);
EXC_TYPE(NotADirectoryError, &type_OSError);
EXC_TYPE(PermissionError, &type_OSError);
EXC_TYPE(ProcessLookupError, &type_OSError);
EXC_TYPE(TimeoutError, &type_OSError);
EXC_TYPE(ReferenceError, &type_Exception);
EXC_TYPE(RuntimeError, &type_Exception);
EXC_TYPE(NotImplementedError, &type_RuntimeError);
EXC_TYPE(RecursionError, &type_RuntimeError);
EXC_TYPE(SyntaxError, &type_Exception);
EXC_TYPE(IndentationError, &type_SyntaxError);
EXC_TYPE(TabError, &type_IndentationError);
EXC_TYPE(TypeError, &type_Exception);
EXC_TYPE(ValueError, &type_Exception);
EXC_TYPE(UnicodeError, &type_ValueError);
EXC_TYPE(UnicodeDecodeError, &type_UnicodeError);
EXC_TYPE(UnicodeEncodeError, &type_UnicodeError);
EXC_TYPE(Warning, &type_Exception);
EXC_TYPE(UserWarning, &type_Warning);
EXC_TYPE(DeprecationWarning, &type_Warning);
EXC_TYPE(RuntimeWarning, &type_Warning);
EXC_TYPE(SyntaxWarning, &type_Warning);

/* ------------------------------------------------------------------ tracebacks */

/* Built by hand with gc_alloc so that recording a frame never raises (not even MemoryError):
 * if the heap is full or locked, the entry is simply dropped. */
void exc_add_traceback(obj_t exc, qstr file, size_t line, qstr block) {
    exc_t *e = exc_get(exc);
    list_t *tb = e->traceback;
    if (tb == NULL) {
        tb = gc_alloc(sizeof(list_t), false);
        if (tb == NULL) {
            return;
        }
        tb->base.type = &type_list;
        e->traceback = tb;
    }
    if (tb->len + 3 > tb->alloc) {
        size_t alloc = tb->alloc ? tb->alloc * 2 : 6;
        obj_t *items = tb->items ? gc_realloc(tb->items, alloc * sizeof(obj_t), true)
                                 : gc_alloc(alloc * sizeof(obj_t), false);
        if (items == NULL) {
            return;
        }
        tb->items = items;
        tb->alloc = alloc;
    }
    tb->items[tb->len++] = OBJ_NEW_QSTR(file);
    tb->items[tb->len++] = OBJ_NEW_SMALL_INT(line);
    tb->items[tb->len++] = OBJ_NEW_QSTR(block);
}

static void print_type_name(const print_t *p, const type_t *t) {
    if (t->flags & TYPE_FLAG_USER) {
        obj_t mod = map_get_qstr(&t->locals_dict->map, Q___module__);
        if (mod != OBJ_NULL && mod != QOBJ(builtins) && mod != QOBJ(__main__)) {
            print_fmt(p, "%S.", mod);
        }
        obj_t qual = map_get_qstr(&t->locals_dict->map, Q___qualname__);
        if (qual != OBJ_NULL) {
            obj_print(p, qual, PRINT_STR);
            return;
        }
    }
    print_str(p, qstr_str(t->name));
}

static void print_syntax_location(const print_t *p, exc_t *e) {
    obj_t file = syntax_detail(e, 0), line = syntax_detail(e, 1);
    obj_t offset = syntax_detail(e, 2), text = syntax_detail(e, 3);
    if (file == OBJ_NONE || line == OBJ_NONE) {
        return;
    }
    print_fmt(p, "  File \"%S\", line %S\n", file, line);
    if (!obj_is_str(text)) {
        return;
    }
    size_t len;
    const char *s = obj_str_get_data(text, &len);
    size_t start = 0;
    while (start < len && (s[start] == ' ' || s[start] == '\t' || s[start] == '\f')) {
        start++;
    }
    while (len > start && (s[len - 1] == '\n' || s[len - 1] == '\r' || s[len - 1] == ' ')) {
        len--;
    }
    print_fmt(p, "    %.*s\n", (int)(len - start), s + start);
    if (OBJ_IS_SMALL_INT(offset) && OBJ_SMALL_INT_VALUE(offset) >= 1) {
        size_t col = (size_t)OBJ_SMALL_INT_VALUE(offset) - 1;
        col = col > start ? col - start : 0;
        if (col > len - start) {
            col = len - start;
        }
        print_str(p, "    ");
        for (size_t i = 0; i < col; i++) {
            print_str(p, " ");
        }
        print_str(p, "^\n");
    }
}

static void print_message(const print_t *p, obj_t exc) {
    exc_t *e = exc_get(exc);
    print_type_name(p, e->base.type);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t s = obj_is_subclass(e->base.type, &type_SyntaxError) && !(e->base.type->flags & TYPE_FLAG_USER)
                  ? or_none(exc_arg(e, 0)) : obj_str(exc);
        if (s == OBJ_NONE) {
            s = obj_str(s);
        }
        size_t len;
        const char *data = obj_str_get_data(s, &len);
        if (len > 0) {
            print_str(p, ": ");
            print_strn(p, data, len);
        }
        nlr_pop();
    } else {
        print_str(p, ": <exception str() failed>");
    }
    print_str(p, "\n");
    obj_t notes = e->dict ? map_get_qstr(&e->dict->map, Q___notes__) : OBJ_NULL;
    if (notes != OBJ_NULL && obj_is_type(notes, &type_list)) {
        size_t n;
        obj_t *items;
        obj_list_get(notes, &n, &items);
        for (size_t i = 0; i < n; i++) {
            print_fmt(p, "%S\n", items[i]);
        }
    }
}

static void print_one(const print_t *p, obj_t exc) {
    exc_t *e = exc_get(exc);
    if (e->traceback != OBJ_NULL) {
        size_t n;
        obj_t *items;
        obj_list_get(e->traceback, &n, &items);
        print_str(p, "Traceback (most recent call last):\n");
        for (size_t i = n; i >= 3; i -= 3) {
            print_fmt(p, "  File \"%q\", line %d, in %q\n", OBJ_QSTR_VALUE(items[i - 3]),
                      (int)OBJ_SMALL_INT_VALUE(items[i - 2]), OBJ_QSTR_VALUE(items[i - 1]));
        }
    }
    if (obj_is_subclass(e->base.type, &type_SyntaxError)) {
        print_syntax_location(p, e);
    }
    print_message(p, exc);
}

#define CHAIN_MAX (16)

void exc_print(const print_t *p, obj_t exc) {
    /* walk the chain back to its start (guarding against cycles), then print oldest first */
    obj_t chain[CHAIN_MAX];
    size_t n = 0;
    obj_t cur = exc;
    while (cur != OBJ_NULL && n < CHAIN_MAX && obj_isinstance(cur, &type_BaseException)) {
        bool seen = false;
        for (size_t i = 0; i < n; i++) {
            seen |= chain[i] == cur;
        }
        if (seen) {
            break;
        }
        chain[n++] = cur;
        exc_t *e = exc_get(cur);
        cur = e->cause != OBJ_NULL ? e->cause : (e->suppress_context ? OBJ_NULL : e->context);
    }
    for (size_t i = n; i-- > 0;) {
        print_one(p, chain[i]);
        if (i > 0) {
            exc_t *newer = exc_get(chain[i - 1]);
            print_str(p, newer->cause != OBJ_NULL
                      ? "\nThe above exception was the direct cause of the following exception:\n\n"
                      : "\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
}
