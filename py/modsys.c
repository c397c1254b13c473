/* modsys.c: the sys module: argv, path, modules, exit, the standard streams, version information,
 * exc_info and print_exception.  The module lives in flash; its RAM copy (made on import) gets the
 * run-time values from sys.__init__. */
#include "errcodes.h"
#include <string.h>
#include "gc.h"
#include "port.h"
#include "runtime.h"
#include "stream.h"

/* ---- the standard streams ----
 * sys.stdin/stdout/stderr are text streams over the port's console (py/stream.h), each with a
 * binary twin as .buffer.  print() recognises them (stream_stdio_print) and writes straight to
 * the port. */

typedef struct {
    obj_base_t base;
    int fd;
} stdio_t;

static const type_t type_stdio_text, type_stdio_binary;
static const stdio_t sys_stdin_obj = { { &type_stdio_text }, 0 };
static const stdio_t sys_stdout_obj = { { &type_stdio_text }, 1 };
static const stdio_t sys_stderr_obj = { { &type_stdio_text }, 2 };
static const stdio_t stdio_buffers[3] = { { { &type_stdio_binary }, 0 }, { { &type_stdio_binary }, 1 },
                                          { { &type_stdio_binary }, 2 } };

const print_t *stream_stdio_print(obj_t o) {
    if (o == OBJ_ROM(&sys_stdout_obj)) {
        return &print_stdout;
    }
    return o == OBJ_ROM(&sys_stderr_obj) ? &print_stderr : NULL;
}

static void stdio_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    const stdio_t *s = OBJ_TO_PTR(self);
    static const char *const names[3] = { "<stdin>", "<stdout>", "<stderr>" };
    if (s->base.type == &type_stdio_binary) {
        print_fmt(p, "<_io.FileIO name='%s' mode='%s'>", names[s->fd], s->fd == 0 ? "rb" : "wb");
    } else {
        print_fmt(p, "<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>", names[s->fd], s->fd == 0 ? "r" : "w");
    }
}

/* Gives what is there up to the end of a line, so an interactive readline does not wait for more. */
static intptr_t stdio_read(obj_t self, void *buf, size_t size, int *err) {
    if (((const stdio_t *)OBJ_TO_PTR(self))->fd != 0) {
        *err = EBADF;
        return STREAM_ERROR;
    }
    size_t n = 0;
    int c = 0;
    while (n < size && c != '\n' && (c = port_stdin_read_char()) >= 0) {
        ((char *)buf)[n++] = (char)c;
    }
    return (intptr_t)n;
}

static intptr_t stdio_write(obj_t self, const void *buf, size_t size, int *err) {
    int fd = ((const stdio_t *)OBJ_TO_PTR(self))->fd;
    if (fd == 1) {
        port_stdout_write(buf, size);
    } else if (fd == 2) {
        port_stderr_write(buf, size);
    } else {
        *err = EBADF;
        return STREAM_ERROR;
    }
    return (intptr_t)size;
}

static intptr_t stdio_ioctl(obj_t self, uintptr_t request, uintptr_t arg, int *err) {
    int fd = ((const stdio_t *)OBJ_TO_PTR(self))->fd;
    switch (request) {
        case STREAM_FLUSH:
            port_stdout_flush();
            return 0;
        case STREAM_POLL:
            return (intptr_t)(arg & (fd == 0 ? POLL_IN : POLL_OUT));
        case STREAM_GET_FILENO:
            return fd;
        case STREAM_CLOSE:
            return 0;
        default:
            *err = EINVAL;
            return STREAM_ERROR;
    }
}

static obj_t stdio_fileno(obj_t self) {
    return OBJ_NEW_SMALL_INT(((const stdio_t *)OBJ_TO_PTR(self))->fd);
}
static FUN_DEFINE_1(stdio_fileno_obj, stdio_fileno);

static void stdio_attr(obj_t self, qstr attr, obj_t *dest) {
    const stdio_t *s = OBJ_TO_PTR(self);
    if (dest[0] == OBJ_NULL && attr == Q_buffer && s->base.type == &type_stdio_text) {
        dest[0] = OBJ_ROM(&stdio_buffers[s->fd]);
    }
}

static const map_elem_t stdio_locals_table[] = {
    { QOBJ(write), OBJ_ROM(&stream_write_obj) },
    { QOBJ(flush), OBJ_ROM(&stream_flush_obj) },
    { QOBJ(read), OBJ_ROM(&stream_read_obj) },
    { QOBJ(readinto), OBJ_ROM(&stream_readinto_obj) },
    { QOBJ(readline), OBJ_ROM(&stream_readline_obj) },
    { QOBJ(readlines), OBJ_ROM(&stream_readlines_obj) },
    { QOBJ(close), OBJ_ROM(&stream_close_obj) },
    { QOBJ(fileno), OBJ_ROM(&stdio_fileno_obj) },
    { QOBJ(__enter__), OBJ_ROM(&stream_enter_obj) },
    { QOBJ(__exit__), OBJ_ROM(&stream_exit_obj) },
};
static const DICT_ROM(stdio_locals, stdio_locals_table);

static const stream_p_t stdio_text_stream = { stdio_read, stdio_write, stdio_ioctl, true };
static const stream_p_t stdio_binary_stream = { stdio_read, stdio_write, stdio_ioctl, false };

static const type_t type_stdio_text = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY | TYPE_FLAG_ITER_IS_SELF,
    .name = Q_TextIOWrapper,
    .print = stdio_print,
    .attr = stdio_attr,
    .getiter = stream_getiter,
    .iternext = stream_iternext,
    .locals_dict = (dict_t *)&stdio_locals,
    .stream = &stdio_text_stream,
};

static const type_t type_stdio_binary = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY | TYPE_FLAG_ITER_IS_SELF,
    .name = Q_FileIO,
    .print = stdio_print,
    .getiter = stream_getiter,
    .iternext = stream_iternext,
    .locals_dict = (dict_t *)&stdio_locals,
    .stream = &stdio_binary_stream,
};

/* ---- sys.implementation ---- */

static const struct {
    obj_base_t base;
    size_t len;
    obj_t items[3];
} impl_version_obj = { { &type_tuple }, 3, { OBJ_NEW_SMALL_INT(0), OBJ_NEW_SMALL_INT(1), OBJ_NEW_SMALL_INT(0) } },
  version_info_obj = { { &type_tuple }, 3, { OBJ_NEW_SMALL_INT(3), OBJ_NEW_SMALL_INT(11), OBJ_NEW_SMALL_INT(0) } };

/* _machine names the board, as MicroPython's does (the port may say which in CONFIG_MACHINE_NAME). */
#ifndef CONFIG_MACHINE_NAME
#define CONFIG_MACHINE_NAME "Adder " CONFIG_PORT_NAME " port"
#endif

static void impl_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)self;
    (void)kind;
    print_fmt(p, "namespace(name='adder', version=%r, _machine='%s')", OBJ_ROM(&impl_version_obj),
              CONFIG_MACHINE_NAME);
}

static void impl_attr(obj_t self, qstr attr, obj_t *dest) {
    (void)self;
    if (dest[0] == OBJ_NULL) {
        if (attr == Q_name) {
            dest[0] = QOBJ(adder);
        } else if (attr == Q_version) {
            dest[0] = OBJ_ROM(&impl_version_obj);
        } else if (attr == Q__machine) {
            dest[0] = obj_new_str_static(CONFIG_MACHINE_NAME, sizeof(CONFIG_MACHINE_NAME) - 1);
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

/* getsizeof(o): the heap block behind o (what it really costs here), one word for an immediate or a
 * constant in flash. */
static obj_t sys_getsizeof(obj_t o) {
    size_t n = OBJ_IS_PTR(o) ? gc_nbytes(OBJ_TO_PTR(o)) : 0;
    return obj_new_int((intptr_t)(n != 0 ? n : sizeof(obj_t)));
}
static FUN_DEFINE_1(sys_getsizeof_obj, sys_getsizeof);

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
#if CONFIG_BIGNUM
    set(m, Q_maxsize, obj_new_int(INTPTR_MAX));
#else
    set(m, Q_maxsize, OBJ_NEW_SMALL_INT(SMALL_INT_MAX));   /* the largest int there is, as MicroPython's */
#endif
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
    { QOBJ(getsizeof), OBJ_ROM(&sys_getsizeof_obj) },
};
static const DICT_ROM(sys_globals, sys_globals_table);

MODULE_ROM(module_sys, sys_globals);
REGISTER_MODULE(sys, module_sys);
