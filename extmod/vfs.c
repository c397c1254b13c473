/* vfs.c: the virtual file system layer (vfs.h): the mount table, the current directory, path
 * resolution, the open() builtin and the dispatch of os functions to the VFS object that holds a
 * path.  VFS objects are always called by method name, so native types (os.VfsPosix, os.VfsFlash)
 * and classes written in Python behave the same.  No OS calls here: bare-metal ports link it too. */
#include "errcodes.h"
#include <string.h>
#include "gc.h"
#include "runtime.h"
#include "stream.h"
#include "vfs.h"

/* One mount: a GC block in the list at STATE(vfs_mounts), path without a trailing '/' ("" = root). */
typedef struct vfs_mount {
    struct vfs_mount *next;
    obj_t vfs;
    size_t len;
    char path[];
} vfs_mount_t;

void vfs_reset(void) {
    STATE(vfs_mounts) = NULL;
    STATE(vfs_cwd) = OBJ_NULL;
}

/* Appends path to out (which holds an absolute normalised path, "" for the root), resolving
 * ".", ".." and repeated or trailing slashes. */
static void join(vstr_t *out, const char *path, size_t len) {
    size_t i = 0;
    while (i < len) {
        while (i < len && path[i] == '/') {
            i++;
        }
        size_t start = i;
        while (i < len && path[i] != '/') {
            i++;
        }
        size_t n = i - start;
        if (n == 0 || (n == 1 && path[start] == '.')) {
            continue;
        }
        if (n == 2 && path[start] == '.' && path[start + 1] == '.') {
            while (out->len > 0 && out->buf[out->len - 1] != '/') {
                out->len--;
            }
            if (out->len > 0) {
                out->len--;
            }
            continue;
        }
        vstr_add_byte(out, '/');
        vstr_add_strn(out, path + start, n);
    }
}

/* The absolute form of path, without a trailing '/' ("" for the root). */
static void resolve(const char *path, size_t len, vstr_t *out) {
    vstr_init(out, 32);
    if (len == 0 || path[0] != '/') {
        size_t clen = 0;
        const char *cwd = STATE(vfs_cwd) != OBJ_NULL ? obj_str_get_data(STATE(vfs_cwd), &clen) : "";
        join(out, cwd, clen);
    }
    join(out, path, len);
    vstr_null_terminated(out);
}

/* The mount holding the absolute path abs (longest prefix); *rest gets the path inside it. */
static vfs_mount_t *lookup(const char *abs, size_t len, const char **rest) {
    vfs_mount_t *best = NULL;
    for (vfs_mount_t *m = STATE(vfs_mounts); m != NULL; m = m->next) {
        if (m->len <= len && memcmp(m->path, abs, m->len) == 0 && (abs[m->len] == 0 || abs[m->len] == '/')
            && (best == NULL || m->len > best->len)) {
            best = m;
        }
    }
    if (best != NULL) {
        *rest = abs[best->len] == 0 ? "/" : abs + best->len;
    }
    return best;
}

static const char *path_data(obj_t path, size_t *len) {
    if (!obj_is_str_or_subclass(path)) {
        rt_raise_type_error("expected str, bytes or os.PathLike object, not %q", obj_type_name(path));
    }
    return obj_str_get_data(path, len);
}

/* OSError(err, strerror, path): the call picks CPython's subclass (FileNotFoundError...). */
RT_NORETURN static void raise_path_error(int err, obj_t path) {
    const char *msg = rt_strerror(err);
    obj_t args[3] = { OBJ_NEW_SMALL_INT(err), obj_new_str(msg, strlen(msg)), path };
    rt_raise(rt_call(OBJ_ROM(&type_OSError), 3, 0, args));
}

/* Resolves path to its mount; raises ENOENT when no VFS holds it. */
static vfs_mount_t *find(obj_t path, obj_t *rest) {
    size_t len;
    const char *p = path_data(path, &len);
    vstr_t abs;
    resolve(p, len, &abs);
    const char *r;
    vfs_mount_t *m = lookup(abs.buf, abs.len, &r);
    if (m == NULL) {
        raise_path_error(ENOENT, path);
    }
    *rest = obj_new_str(r, strlen(r));
    return m;
}

/* An OSError(errno, strerror) raised by a VFS gets the user's path(s), as CPython reports them:
 * args (errno, strerror, filename, None, filename2). */
RT_NORETURN static void reraise_with_path(obj_t exc, obj_t path, obj_t path2) {
    if (obj_isinstance(exc, &type_OSError)) {
        size_t n;
        obj_t *items;
        obj_tuple_get(exc_get(exc)->args, &n, &items);
        if ((n == 1 || n == 2) && OBJ_IS_SMALL_INT(items[0])) {
            /* MicroPython VFS classes raise OSError(errno) alone */
            const char *msg = rt_strerror((int)OBJ_SMALL_INT_VALUE(items[0]));
            obj_t args[5] = { items[0], n == 2 ? items[1] : obj_new_str(msg, strlen(msg)), path, OBJ_NONE, path2 };
            size_t n_new = path2 != OBJ_NULL ? 5 : 3;
            if (obj_get_type(exc) == &type_OSError) {
                exc = rt_call(OBJ_ROM(&type_OSError), n_new, 0, args);   /* CPython's subclass for errno */
            } else {
                exc_get(exc)->args = obj_new_tuple(n_new, args);
            }
        }
    }
    nlr_raise(exc);
}

static obj_t call_on2(vfs_mount_t *m, qstr name, obj_t rest, obj_t path, obj_t path2, size_t n_extra,
                      const obj_t *extra) {
    obj_t args[3];
    args[0] = rest;
    for (size_t i = 0; i < n_extra && i < 2; i++) {
        args[i + 1] = extra[i];
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t r = rt_call_method(m->vfs, name, 1 + n_extra, args);
        nlr_pop();
        return r;
    }
    reraise_with_path(nlr.exc, path, path2);
}

static obj_t call_on(vfs_mount_t *m, qstr name, obj_t rest, obj_t path, size_t n_extra, const obj_t *extra) {
    return call_on2(m, name, rest, path, OBJ_NULL, n_extra, extra);
}

obj_t vfs_call(qstr name, obj_t path, size_t n_extra, const obj_t *extra) {
    obj_t rest;
    vfs_mount_t *m = find(path, &rest);
    return call_on(m, name, rest, path, n_extra, extra);
}

/* ------------------------------------------------------------------ mounting */

static vfs_mount_t *exact(const char *point, vstr_t *abs) {
    resolve(point, strlen(point), abs);
    for (vfs_mount_t *m = STATE(vfs_mounts); m != NULL; m = m->next) {
        if (m->len == abs->len && memcmp(m->path, abs->buf, abs->len) == 0) {
            return m;
        }
    }
    return NULL;
}

void vfs_mount(obj_t vfs, const char *point, bool readonly) {
    vstr_t abs;
    if (exact(point, &abs) != NULL) {
        rt_raise_os_error(EPERM);
    }
    obj_t dest[2];
    if (rt_load_method_maybe(vfs, Q_mount, dest)) {
        obj_t args[2] = { OBJ_BOOL(readonly), OBJ_FALSE };
        rt_call_self(dest[0], dest[1], 2, 0, args);
    }
    vfs_mount_t *m = m_malloc(sizeof(vfs_mount_t) + abs.len + 1);
    m->vfs = vfs;
    m->len = abs.len;
    memcpy(m->path, abs.buf, abs.len + 1);
    m->next = STATE(vfs_mounts);
    STATE(vfs_mounts) = m;
    if (STATE(vfs_cwd) == OBJ_NULL) {
        STATE(vfs_cwd) = QOBJ(_slash_);
    }
}

static void unlink_mount(vfs_mount_t *m) {
    obj_t dest[2];
    if (rt_load_method_maybe(m->vfs, Q_umount, dest)) {
        rt_call_self(dest[0], dest[1], 0, 0, NULL);
    }
    for (vfs_mount_t **p = (vfs_mount_t **)&STATE(vfs_mounts); *p != NULL; p = &(*p)->next) {
        if (*p == m) {
            *p = m->next;
            break;
        }
    }
}

void vfs_umount(const char *point) {
    vstr_t abs;
    vfs_mount_t *m = exact(point, &abs);
    if (m == NULL) {
        rt_raise_os_error(EINVAL);
    }
    unlink_mount(m);
}

void vfs_umount_obj(obj_t point_or_vfs) {
    if (obj_is_str_or_subclass(point_or_vfs)) {
        vfs_umount(obj_str_get_cstr(point_or_vfs));
        return;
    }
    for (vfs_mount_t *m = STATE(vfs_mounts); m != NULL; m = m->next) {
        if (m->vfs == point_or_vfs) {
            unlink_mount(m);
            return;
        }
    }
    rt_raise_os_error(EINVAL);
}

/* ------------------------------------------------------------------ open */

/* Checks a mode string as CPython does; returns whether it is binary. */
static bool check_mode(obj_t mode_obj) {
    size_t len;
    const char *mode = path_data(mode_obj, &len);
    int kinds = 0, b = 0, t = 0;
    for (size_t i = 0; i < len; i++) {
        const char *at = memchr("rwaxbt+", mode[i], 7);
        if (at == NULL || memchr(mode, mode[i], i) != NULL) {
            rt_raise_value_error("invalid mode: '%s'", mode);
        }
        kinds += *at == 'r' || *at == 'w' || *at == 'a' || *at == 'x';
        b += *at == 'b';
        t += *at == 't';
    }
    if (b && t) {
        rt_raise_value_error("can't have text and binary mode at once");
    }
    if (kinds != 1) {
        rt_raise_value_error(kinds ? "must have exactly one of create/read/write/append mode"
                                   : "Must have exactly one of create/read/write/append mode and at most one plus");
    }
    return b != 0;
}

static obj_t builtin_open(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = {
        { Q_file, ARG_REQUIRED, OBJ_NULL }, { Q_mode, 0, QOBJ(r) }, { Q_buffering, 0, OBJ_NONE },
        { Q_encoding, 0, OBJ_NONE }, { Q_errors, 0, OBJ_NONE }, { Q_newline, 0, OBJ_NONE },
    };
    obj_t a[6];
    arg_parse(n_args, n_kw, args, spec, 6, a, "open");
    if (check_mode(a[1]) && a[3] != OBJ_NONE) {
        rt_raise_value_error("binary mode doesn't take an encoding argument");
    }
    obj_t f = vfs_call(Q_open, a[0], 1, &a[1]);
    /* a native file is named as the caller named it, not by its path inside the VFS */
    const type_t *t = obj_get_type(f);
    if (t->stream != NULL && t->attr != NULL) {
        obj_t dest[2] = { OBJ_SENTINEL, a[0] };
        t->attr(f, Q_name, dest);
    }
    return f;
}
FUN_DEFINE_KW(builtin_open_obj, 1, builtin_open);

/* ------------------------------------------------------------------ directories */

obj_t vfs_getcwd(void) {
    return STATE(vfs_cwd) != OBJ_NULL ? STATE(vfs_cwd) : QOBJ(_slash_);
}

static int kind_of(obj_t path_obj) {
    obj_t st = vfs_call(Q_stat, path_obj, 0, NULL);
    obj_t mode = rt_subscr_load(st, OBJ_NEW_SMALL_INT(0));
    return (obj_get_int(mode) & 0xf000) == VFS_S_IFDIR ? 2 : 1;
}

void vfs_chdir(const char *path) {
    vstr_t abs;
    resolve(path, strlen(path), &abs);
    obj_t p = obj_new_str(abs.len ? abs.buf : "/", abs.len ? abs.len : 1);
    obj_t rest;
    vfs_mount_t *m = find(p, &rest);
    obj_t arg = obj_new_str(path, strlen(path));
    if (abs.len != m->len && kind_of(arg) != 2) {
        raise_path_error(ENOTDIR, arg);
    }
    obj_t dest[2];
    if (rt_load_method_maybe(m->vfs, Q_chdir, dest)) {
        call_on(m, Q_chdir, rest, arg, 0, NULL);
    }
    STATE(vfs_cwd) = p;
}

/* Names of the mount points directly under the directory abs (for listing "/"). */
static obj_t mount_names(const char *abs, size_t len) {
    obj_t list = obj_new_list(0, NULL);
    for (vfs_mount_t *m = STATE(vfs_mounts); m != NULL; m = m->next) {
        if (m->len > len && memcmp(m->path, abs, len) == 0 && m->path[len] == '/'
            && memchr(m->path + len + 1, '/', m->len - len - 1) == NULL) {
            obj_t item[3] = { obj_new_str(m->path + len + 1, m->len - len - 1), OBJ_NEW_SMALL_INT(VFS_S_IFDIR),
                              OBJ_NEW_SMALL_INT(0) };
            obj_list_append(list, obj_new_tuple(3, item));
        }
    }
    return list;
}

obj_t vfs_ilistdir(obj_t path) {
    size_t len;
    const char *p = path_data(path, &len);
    vstr_t abs;
    resolve(p, len, &abs);
    if (abs.len != 0) {
        return vfs_call(Q_ilistdir, path, 0, NULL);
    }
    /* "/": the mount points, then what a VFS mounted at "/" holds besides them */
    obj_t list = mount_names("", 0);
    size_t n_mounts = obj_len(list);
    const char *r;
    if (lookup("", 0, &r) != NULL) {
        obj_t it = vfs_call(Q_ilistdir, path, 0, NULL);
        for (obj_t item; (item = rt_iternext(it)) != OBJ_STOP;) {
            obj_t name = rt_subscr_load(item, OBJ_NEW_SMALL_INT(0));
            bool shadowed = false;
            for (size_t i = 0; i < n_mounts && !shadowed; i++) {
                shadowed = obj_equal(name, rt_subscr_load(rt_subscr_load(list, OBJ_NEW_SMALL_INT(i)), OBJ_NEW_SMALL_INT(0)));
            }
            if (!shadowed) {
                obj_list_append(list, item);
            }
        }
    }
    return rt_getiter(list);
}

obj_t vfs_listdir(obj_t path) {
    obj_t it = vfs_ilistdir(path);
    obj_t list = obj_new_list(0, NULL);
    for (obj_t item; (item = rt_iternext(it)) != OBJ_STOP;) {
        obj_list_append(list, rt_subscr_load(item, OBJ_NEW_SMALL_INT(0)));
    }
    return list;
}

void vfs_rename(obj_t from, obj_t to) {
    obj_t rest_from, rest_to;
    vfs_mount_t *a = find(from, &rest_from);
    vfs_mount_t *b = find(to, &rest_to);
    if (a != b) {
        rt_raise_os_error(EXDEV);
    }
    call_on2(a, Q_rename, rest_from, from, to, 1, &rest_to);
}

obj_t vfs_statvfs(obj_t path) {
    return vfs_call(Q_statvfs, path, 0, NULL);
}

obj_t vfs_new_stat(uint32_t mode, uint64_t size, int64_t mtime) {
    obj_t t = obj_new_int_from_ll(mtime);
    obj_t items[10] = { obj_new_int_from_ull(mode), OBJ_NEW_SMALL_INT(0), OBJ_NEW_SMALL_INT(0), OBJ_NEW_SMALL_INT(0),
                        OBJ_NEW_SMALL_INT(0), OBJ_NEW_SMALL_INT(0), obj_new_int_from_ull(size), t, t, t };
    return obj_new_tuple(10, items);
}

/* ------------------------------------------------------------------ the core's file hooks */

int vfs_stat_kind(const char *path) {
    if (STATE(vfs_mounts) == NULL) {
        return 0;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) != 0) {
        return 0;
    }
    int kind = kind_of(obj_new_str(path, strlen(path)));
    nlr_pop();
    return kind;
}

/* The whole file in one exact-size block: the heap may be small (40 KB boards) and the source of a
 * module being imported must not cost a growing buffer's copies. */
static char *read_whole(obj_t f, size_t size, size_t *len) {
    char *buf;
    if (stream_get(f) != NULL) {
        buf = m_new(char, size + 1);
        *len = stream_read_all(f, buf, size);
    } else {
        const char *d = obj_str_get_data(rt_call_method(f, Q_read, 0, NULL), len);
        buf = m_new(char, *len + 1);
        memcpy(buf, d, *len);
    }
    buf[*len] = 0;
    return buf;
}

static void close_quietly(obj_t f) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        rt_call_method(f, Q_close, 0, NULL);
        nlr_pop();
    }
}

static char *read_and_close(obj_t f, size_t size, size_t *len) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) != 0) {
        close_quietly(f);
        nlr_raise(nlr.exc);
    }
    char *buf = read_whole(f, size, len);
    nlr_pop();
    close_quietly(f);
    return buf;
}

char *vfs_read_file(const char *path, size_t *len) {
    if (STATE(vfs_mounts) == NULL) {
        return NULL;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) != 0) {
        return NULL;
    }
    obj_t mode = QOBJ(rb);
    obj_t p = obj_new_str(path, strlen(path));
    size_t size = (size_t)obj_get_int(rt_subscr_load(vfs_call(Q_stat, p, 0, NULL), OBJ_NEW_SMALL_INT(6)));
    char *buf = read_and_close(vfs_call(Q_open, p, 1, &mode), size, len);
    nlr_pop();
    return buf;
}
