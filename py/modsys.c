/* modsys.c: the sys module: argv, path, modules, exit, the standard streams, version information,
 * exc_info and print_exception.  The module lives in flash; its RAM copy (made on import) gets the
 * run-time values from sys.__init__. */
#include <string.h>
#include "port.h"
#include "runtime.h"

/* ---- the standard streams ---- */

typedef struct {
    obj_base_t base;
    int fd;
    qstr name;
} stdio_t;

static const type_t type_stdio;
static const stdio_t sys_stdin_obj = { { &type_stdio }, 0, Q__lt_stdin_gt_ };
static const stdio_t sys_stdout_obj = { { &type_stdio }, 1, Q__lt_stdout_gt_ };
static const stdio_t sys_stderr_obj = { { &type_stdio }, 2, Q__lt_stderr_gt_ };

static void stdio_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    const stdio_t *s = OBJ_TO_PTR(self);
    print_fmt(p, "<_io.TextIOWrapper name='%q' mode='%s' encoding='utf-8'>", s->name, s->fd == 0 ? "r" : "w");
}

static size_t count_chars(const char *s, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += ((uint8_t)s[i] & 0xc0) != 0x80;
    }
    return n;
}

static obj_t stdio_write(obj_t self, obj_t arg) {
    const stdio_t *s = OBJ_TO_PTR(self);
    if (!obj_is_str_or_subclass(arg)) {
        rt_raise_type_error("write() argument must be str, not %q", obj_type_name(arg));
    }
    size_t len;
    const char *data = obj_str_get_data(arg, &len);
    if (s->fd == 1) {
        port_stdout_write(data, len);
    } else if (s->fd == 2) {
        port_stderr_write(data, len);
    } else {
        rt_raise_msg(&type_OSError, "not writable");
    }
    return obj_new_int((intptr_t)count_chars(data, len));
}
static FUN_DEFINE_2(stdio_write_obj, stdio_write);

static obj_t stdio_flush(obj_t self) {
    (void)self;
    port_stdout_flush();
    return OBJ_NONE;
}
static FUN_DEFINE_1(stdio_flush_obj, stdio_flush);

/* Reads up to max code points (all if max < 0), stopping after a newline if line is set. */
static obj_t read_chars(intptr_t max, bool line) {
    vstr_t vs;
    vstr_init(&vs, 64);
    intptr_t n = 0;
    int c;
    while ((max < 0 || n < max) && (c = port_stdin_read_char()) >= 0) {
        vstr_add_byte(&vs, (uint8_t)c);
        n++;
        /* a multi-byte character counts once: read the continuation bytes its lead byte announces */
        for (int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0; more > 0; more--) {
            if ((c = port_stdin_read_char()) < 0) {
                break;
            }
            vstr_add_byte(&vs, (uint8_t)c);
        }
        if (line && c == '\n') {
            break;
        }
    }
    return obj_new_str(vs.buf, vs.len);
}

static obj_t stdio_read(size_t n_args, const obj_t *args) {
    intptr_t max = n_args > 1 && args[1] != OBJ_NONE ? obj_get_int(args[1]) : -1;
    return read_chars(max, false);
}
static FUN_DEFINE_VAR(stdio_read_obj, 1, 2, stdio_read);

static obj_t stdio_readline(size_t n_args, const obj_t *args) {
    intptr_t max = n_args > 1 && args[1] != OBJ_NONE ? obj_get_int(args[1]) : -1;
    return read_chars(max, true);
}
static FUN_DEFINE_VAR(stdio_readline_obj, 1, 2, stdio_readline);

static obj_t stdio_fileno(obj_t self) {
    return OBJ_NEW_SMALL_INT(((const stdio_t *)OBJ_TO_PTR(self))->fd);
}
static FUN_DEFINE_1(stdio_fileno_obj, stdio_fileno);

static const map_elem_t stdio_locals_table[] = {
    { QOBJ(write), OBJ_ROM(&stdio_write_obj) },
    { QOBJ(flush), OBJ_ROM(&stdio_flush_obj) },
    { QOBJ(read), OBJ_ROM(&stdio_read_obj) },
    { QOBJ(readline), OBJ_ROM(&stdio_readline_obj) },
    { QOBJ(fileno), OBJ_ROM(&stdio_fileno_obj) },
};
static const DICT_ROM(stdio_locals, stdio_locals_table);

static const type_t type_stdio = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_TextIOWrapper,
    .print = stdio_print,
    .locals_dict = (dict_t *)&stdio_locals,
};

/* ---- sys.implementation ---- */

static const struct {
    obj_base_t base;
    size_t len;
    obj_t items[3];
} impl_version_obj = { { &type_tuple }, 3, { OBJ_NEW_SMALL_INT(0), OBJ_NEW_SMALL_INT(1), OBJ_NEW_SMALL_INT(0) } },
  version_info_obj = { { &type_tuple }, 3, { OBJ_NEW_SMALL_INT(3), OBJ_NEW_SMALL_INT(11), OBJ_NEW_SMALL_INT(0) } };

static void impl_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)self;
    (void)kind;
    print_fmt(p, "namespace(name='adder', version=%r)", OBJ_ROM(&impl_version_obj));
}

static void impl_attr(obj_t self, qstr attr, obj_t *dest) {
    (void)self;
    if (dest[0] == OBJ_NULL) {
        if (attr == Q_name) {
            dest[0] = QOBJ(adder);
        } else if (attr == Q_version) {
            dest[0] = OBJ_ROM(&impl_version_obj);
        }
    }
}

static const type_t type_implementation = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_implementation,
    .print = impl_print,
    .attr = impl_attr,
};
static const obj_base_t impl_obj = { &type_implementation };

/* ---- functions ---- */

static obj_t sys_exit(size_t n_args, const obj_t *args) {
    rt_raise(obj_new_exception(&type_SystemExit, n_args, args));
}
static FUN_DEFINE_VAR(sys_exit_obj, 0, 1, sys_exit);

static obj_t sys_exc_info(void) {
    obj_t exc = STATE(cur_exc);
    obj_t items[3] = { OBJ_NONE, OBJ_NONE, OBJ_NONE };
    if (exc != OBJ_NULL && exc != OBJ_NONE) {
        items[0] = OBJ_FROM_PTR((void *)obj_get_type(exc));
        items[1] = exc;
    }
    return obj_new_tuple(3, items);
}
static FUN_DEFINE_0(sys_exc_info_obj, sys_exc_info);

/* A print_t writing to a Python file-like object through its write method. */
static void write_to_file(void *data, const char *s, size_t len) {
    obj_t str = obj_new_str(s, len);
    rt_call_method(OBJ_FROM_PTR(data), Q_write, 1, &str);
}

static obj_t sys_print_exception(size_t n_args, const obj_t *args) {
    obj_t file = n_args > 1 ? args[1] : OBJ_ROM(&sys_stdout_obj);
    if (file == OBJ_ROM(&sys_stdout_obj)) {
        exc_print(&print_stdout, args[0]);
    } else if (file == OBJ_ROM(&sys_stderr_obj)) {
        exc_print(&print_stderr, args[0]);
    } else {
        print_t p = { OBJ_TO_PTR(file), write_to_file };
        exc_print(&p, args[0]);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(sys_print_exception_obj, 1, 2, sys_print_exception);

static obj_t sys_getrecursionlimit(void) {
    return OBJ_NEW_SMALL_INT(CONFIG_RECURSION_LIMIT);
}
static FUN_DEFINE_0(sys_getrecursionlimit_obj, sys_getrecursionlimit);

/* Accepted for compatibility; the limit is fixed at build time (CONFIG_RECURSION_LIMIT). */
static obj_t sys_setrecursionlimit(obj_t n) {
    if (obj_get_int(n) < 1) {
        rt_raise_value_error("recursion limit must be greater or equal than 1");
    }
    return OBJ_NONE;
}
static FUN_DEFINE_1(sys_setrecursionlimit_obj, sys_setrecursionlimit);

static obj_t sys_intern(obj_t s) {
    if (!obj_is_str(s)) {
        rt_raise_type_error("intern() argument must be str, not %q", obj_type_name(s));
    }
    size_t len;
    const char *data = obj_str_get_data(s, &len);
    return OBJ_NEW_QSTR(qstr_from_strn(data, len));
}
static FUN_DEFINE_1(sys_intern_obj, sys_intern);

static void set(module_t *m, qstr name, obj_t value) {
    map_lookup(&m->globals->map, OBJ_NEW_QSTR(name), MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
}

/* Called by import with the module's RAM copy: adds what can't live in flash. */
static obj_t sys_init(obj_t module) {
    module_t *m = OBJ_TO_PTR(module);
    if (STATE(sys_argv) == OBJ_NULL) {
        STATE(sys_argv) = obj_new_list(0, NULL);
    }
    if (STATE(sys_path) == OBJ_NULL) {
        STATE(sys_path) = obj_new_list(0, NULL);
    }
    set(m, Q_argv, STATE(sys_argv));
    set(m, Q_path, STATE(sys_path));
    set(m, Q_modules, STATE(modules));
    set(m, Q_platform, obj_new_str(CONFIG_PLATFORM, strlen(CONFIG_PLATFORM)));
    uint16_t probe = 1;
    set(m, Q_byteorder, *(uint8_t *)&probe ? QOBJ(little) : QOBJ(big));
    set(m, Q_maxsize, obj_new_int(INTPTR_MAX));
    return OBJ_NONE;
}
static FUN_DEFINE_1(sys_init_obj, sys_init);

static const map_elem_t sys_globals_table[] = {
    { QOBJ(__name__), QOBJ(sys) },
    { QOBJ(__init__), OBJ_ROM(&sys_init_obj) },
    { QOBJ(exit), OBJ_ROM(&sys_exit_obj) },
    { QOBJ(stdin), OBJ_ROM(&sys_stdin_obj) },
    { QOBJ(stdout), OBJ_ROM(&sys_stdout_obj) },
    { QOBJ(stderr), OBJ_ROM(&sys_stderr_obj) },
    { QOBJ(version), QOBJ(_sys_version_) },
    { QOBJ(version_info), OBJ_ROM(&version_info_obj) },
    { QOBJ(implementation), OBJ_ROM(&impl_obj) },
    { QOBJ(exc_info), OBJ_ROM(&sys_exc_info_obj) },
    { QOBJ(print_exception), OBJ_ROM(&sys_print_exception_obj) },
    { QOBJ(getrecursionlimit), OBJ_ROM(&sys_getrecursionlimit_obj) },
    { QOBJ(setrecursionlimit), OBJ_ROM(&sys_setrecursionlimit_obj) },
    { QOBJ(intern), OBJ_ROM(&sys_intern_obj) },
};
static const DICT_ROM(sys_globals, sys_globals_table);

MODULE_ROM(module_sys, sys_globals);
REGISTER_MODULE(sys, module_sys);
