/* modos.c: the os module (MicroPython's subset): uname, the file and directory functions (which
 * extmod/vfs.c dispatches to the VFS holding each path), urandom, dupterm, mount/umount and the
 * VFS classes.  dupterm's stream is an extra console: the port copies its output to it
 * (os_dupterm_tx) and takes input from it (os_dupterm_rx). */
#include <string.h>
#include "gc.h"
#include "port.h"
#include "runtime.h"
#include "stream.h"
#include "vfs.h"

#if CONFIG_VFS_POSIX
extern const type_t type_vfs_posix;
#endif
extern const type_t type_vfs_flash;

#ifndef CONFIG_PORT_NAME
#define CONFIG_PORT_NAME "adder"
#endif
#ifndef CONFIG_MACHINE_NAME
#define CONFIG_MACHINE_NAME CONFIG_PORT_NAME
#endif
#define OS_RELEASE "0.1.0"

/* ------------------------------------------------------------------ uname */

typedef struct {
    obj_base_t base;
    obj_t items;    /* a 5-tuple */
} uname_t;

static const qstr uname_fields[5] = { Q_sysname, Q_nodename, Q_release, Q_version, Q_machine };

static void uname_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    size_t n;
    obj_t *items;
    obj_tuple_get(((uname_t *)OBJ_TO_PTR(self))->items, &n, &items);
    for (size_t i = 0; i < n; i++) {
        print_fmt(p, "%s%q=%r", i ? ", " : "(", uname_fields[i], items[i]);
    }
    print_str(p, ")");
}

static void uname_attr(obj_t self, qstr attr, obj_t *dest) {
    for (size_t i = 0; dest[0] == OBJ_NULL && i < 5; i++) {
        if (attr == uname_fields[i]) {
            dest[0] = rt_subscr_load(((uname_t *)OBJ_TO_PTR(self))->items, OBJ_NEW_SMALL_INT(i));
        }
    }
}

static obj_t uname_subscr(obj_t self, obj_t index, obj_t value) {
    return value == OBJ_SENTINEL ? rt_subscr_load(((uname_t *)OBJ_TO_PTR(self))->items, index) : OBJ_NULL;
}

static obj_t uname_getiter(obj_t self) {
    return rt_getiter(((uname_t *)OBJ_TO_PTR(self))->items);
}

static obj_t uname_unary(unary_op_t op, obj_t self) {
    (void)self;
    return op == UNARY_OP_LEN ? OBJ_NEW_SMALL_INT(5) : OBJ_NULL;
}

static const type_t type_uname = {
    .base = { &type_type },
    .name = Q_uname_result,
    .print = uname_print,
    .unary_op = uname_unary,
    .attr = uname_attr,
    .subscr = uname_subscr,
    .getiter = uname_getiter,
};

static obj_t str_static(const char *s) {
    return obj_new_str_static(s, strlen(s));
}

static obj_t os_uname(void) {
    obj_t items[5] = {
        str_static(CONFIG_PORT_NAME), str_static(CONFIG_PORT_NAME), str_static(OS_RELEASE),
        str_static(OS_RELEASE " on " __DATE__), str_static(CONFIG_MACHINE_NAME),
    };
    uname_t *u = m_new_obj(uname_t);
    u->base.type = &type_uname;
    u->items = obj_new_tuple(5, items);
    return u;
}
static FUN_DEFINE_0(os_uname_obj, os_uname);

/* ------------------------------------------------------------------ files and directories */

static obj_t path_or_cwd(size_t n_args, const obj_t *args) {
    return n_args > 0 && args[0] != OBJ_NONE ? args[0] : QOBJ(_dot_);
}

static obj_t os_listdir(size_t n_args, const obj_t *args) {
    return vfs_listdir(path_or_cwd(n_args, args));
}
static FUN_DEFINE_VAR(os_listdir_obj, 0, 1, os_listdir);

static obj_t os_ilistdir(size_t n_args, const obj_t *args) {
    return vfs_ilistdir(path_or_cwd(n_args, args));
}
static FUN_DEFINE_VAR(os_ilistdir_obj, 0, 1, os_ilistdir);

static obj_t os_mkdir(size_t n_args, const obj_t *args) {
    (void)n_args;
    return vfs_call(Q_mkdir, args[0], 0, NULL);   /* a mode argument is accepted and ignored */
}
static FUN_DEFINE_VAR(os_mkdir_obj, 1, 2, os_mkdir);

static obj_t os_rmdir(obj_t path) {
    return vfs_call(Q_rmdir, path, 0, NULL);
}
static FUN_DEFINE_1(os_rmdir_obj, os_rmdir);

static obj_t os_remove(obj_t path) {
    return vfs_call(Q_remove, path, 0, NULL);
}
static FUN_DEFINE_1(os_remove_obj, os_remove);

static obj_t os_rename(obj_t from, obj_t to) {
    vfs_rename(from, to);
    return OBJ_NONE;
}
static FUN_DEFINE_2(os_rename_obj, os_rename);

static obj_t os_stat(obj_t path) {
    return vfs_call(Q_stat, path, 0, NULL);
}
static FUN_DEFINE_1(os_stat_obj, os_stat);

static obj_t os_statvfs(obj_t path) {
    return vfs_statvfs(path);
}
static FUN_DEFINE_1(os_statvfs_obj, os_statvfs);

static obj_t os_getcwd(void) {
    return vfs_getcwd();
}
static FUN_DEFINE_0(os_getcwd_obj, os_getcwd);

static obj_t os_chdir(obj_t path) {
    if (!obj_is_str_or_subclass(path)) {
        rt_raise_type_error("chdir: path should be string, not %q", obj_type_name(path));
    }
    vfs_chdir(obj_str_get_cstr(path));
    return OBJ_NONE;
}
static FUN_DEFINE_1(os_chdir_obj, os_chdir);

static obj_t os_mount(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_fsobj, ARG_REQUIRED, OBJ_NULL }, { Q_mount_point, ARG_REQUIRED, OBJ_NULL },
        { Q_readonly, ARG_KW_ONLY, OBJ_FALSE },
    };
    obj_t a[3];
    arg_parse(n_args, n_kw, args, spec, 3, a, "mount");
    if (!obj_is_str_or_subclass(a[1])) {
        rt_raise_type_error("mount point must be str, not %q", obj_type_name(a[1]));
    }
    vfs_mount(a[0], obj_str_get_cstr(a[1]), obj_is_true(a[2]));
    return OBJ_NONE;
}
static FUN_DEFINE_KW(os_mount_obj, 2, os_mount);

static obj_t os_umount(obj_t point) {
    vfs_umount_obj(point);
    return OBJ_NONE;
}
static FUN_DEFINE_1(os_umount_obj, os_umount);

/* ------------------------------------------------------------------ urandom */

/* Ports with a hardware or OS random source override this; the fallback only mixes the clock. */
#if defined(__GNUC__)
__attribute__((weak))
#endif
void port_random_bytes(uint8_t *buf, size_t len) {
    uint64_t x = port_ticks_us() * 0x9e3779b97f4a7c15u + 1;
    for (size_t i = 0; i < len; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        buf[i] = (uint8_t)(x >> 32);
    }
}

static obj_t os_urandom(obj_t n_obj) {
    intptr_t n = obj_get_int(n_obj);
    if (n < 0) {
        rt_raise_value_error("negative argument not allowed");
    }
    uint8_t *buf = m_new(uint8_t, (size_t)n + 1);
    port_random_bytes(buf, (size_t)n);
    obj_t b = obj_new_bytes(buf, (size_t)n);
    m_free(buf);
    return b;
}
static FUN_DEFINE_1(os_urandom_obj, os_urandom);

/* ------------------------------------------------------------------ dupterm */

static bool dupterm_busy;   /* the stream's own output must not come back to it */

static obj_t os_dupterm(size_t n_args, const obj_t *args) {
    obj_t prev = STATE(dupterm) != OBJ_NULL ? STATE(dupterm) : OBJ_NONE;
    if (n_args > 1 && obj_get_int(args[1]) != 0) {
        rt_raise_value_error("invalid dupterm index");
    }
    STATE(dupterm) = n_args == 0 || args[0] == OBJ_NONE ? OBJ_NULL : args[0];
    return prev;
}
static FUN_DEFINE_VAR(os_dupterm_obj, 0, 2, os_dupterm);

/* A stream that raises is detached, so a broken console cannot take the REPL down with it. */
static void detach(void) {
    STATE(dupterm) = OBJ_NULL;
}

void os_dupterm_tx(const char *s, size_t len) {
    obj_t term = STATE(dupterm);
    if (term == OBJ_NULL || dupterm_busy) {
        return;
    }
    dupterm_busy = true;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        if (stream_get(term) != NULL) {
            stream_write_all(term, s, len);
        } else {
            obj_t b = obj_new_bytes((const uint8_t *)s, len);
            rt_call_method(term, Q_write, 1, &b);
        }
        nlr_pop();
    } else {
        detach();
    }
    dupterm_busy = false;
}

int os_dupterm_rx(void) {
    obj_t term = STATE(dupterm);
    if (term == OBJ_NULL || dupterm_busy) {
        return -1;
    }
    dupterm_busy = true;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) != 0) {
        detach();
        dupterm_busy = false;
        return -1;
    }
    int c = -1;
    obj_t buf = obj_new_bytearray((const uint8_t *)"", 1);
    obj_t n = rt_call_method(term, Q_readinto, 1, &buf);
    if (n != OBJ_NONE && obj_get_int(n) > 0) {
        c = (uint8_t)obj_get_int(rt_subscr_load(buf, OBJ_NEW_SMALL_INT(0)));
    }
    nlr_pop();
    dupterm_busy = false;
    return c;
}

/* ------------------------------------------------------------------ the module */

static const map_elem_t os_globals_table[] = {
    { QOBJ(__name__), QOBJ(os) },
    { QOBJ(uname), OBJ_ROM(&os_uname_obj) },
    { QOBJ(listdir), OBJ_ROM(&os_listdir_obj) },
    { QOBJ(ilistdir), OBJ_ROM(&os_ilistdir_obj) },
    { QOBJ(mkdir), OBJ_ROM(&os_mkdir_obj) },
    { QOBJ(rmdir), OBJ_ROM(&os_rmdir_obj) },
    { QOBJ(remove), OBJ_ROM(&os_remove_obj) },
    { QOBJ(unlink), OBJ_ROM(&os_remove_obj) },
    { QOBJ(rename), OBJ_ROM(&os_rename_obj) },
    { QOBJ(stat), OBJ_ROM(&os_stat_obj) },
    { QOBJ(statvfs), OBJ_ROM(&os_statvfs_obj) },
    { QOBJ(getcwd), OBJ_ROM(&os_getcwd_obj) },
    { QOBJ(chdir), OBJ_ROM(&os_chdir_obj) },
    { QOBJ(urandom), OBJ_ROM(&os_urandom_obj) },
    { QOBJ(dupterm), OBJ_ROM(&os_dupterm_obj) },
    { QOBJ(mount), OBJ_ROM(&os_mount_obj) },
    { QOBJ(umount), OBJ_ROM(&os_umount_obj) },
    { QOBJ(sep), QOBJ(_slash_) },
#if CONFIG_VFS_POSIX
    { QOBJ(VfsPosix), OBJ_ROM(&type_vfs_posix) },
#endif
    { QOBJ(VfsFlash), OBJ_ROM(&type_vfs_flash) },
};
static const DICT_ROM(os_globals, os_globals_table);

MODULE_ROM(module_os, os_globals);
REGISTER_MODULE(os, module_os);
