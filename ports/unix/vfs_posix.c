/* vfs_posix.c (unix): os.VfsPosix, the host's directory tree as a VFS (POSIX calls), and its file
 * objects (binary FileIO and text TextIOWrapper over a host fd, both streams).  The port mounts one
 * at "/" at start-up (vfs_posix_mount_root), so host paths behave as for any Unix program. */
#define _DEFAULT_SOURCE
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include "gc.h"
#include "runtime.h"
#include "stream.h"
#include "../../extmod/vfs.h"

/* ------------------------------------------------------------------ file objects */

typedef struct {
    obj_base_t base;
    int fd;             /* -1 once closed */
    obj_t name;
    obj_t mode;
} posix_file_t;

static const type_t type_posix_textio, type_posix_fileio;

static posix_file_t *open_file(obj_t self) {
    posix_file_t *f = OBJ_TO_PTR(self);
    if (f->fd < 0) {
        rt_raise_value_error("I/O operation on closed file.");
    }
    return f;
}

static intptr_t file_read(obj_t self, void *buf, size_t size, int *err) {
    posix_file_t *f = open_file(self);
    for (;;) {
        ssize_t n = read(f->fd, buf, size);
        if (n >= 0) {
            return n;
        }
        if (errno != EINTR) {
            *err = errno;
            return STREAM_ERROR;
        }
        rt_handle_pending();
    }
}

static intptr_t file_write(obj_t self, const void *buf, size_t size, int *err) {
    posix_file_t *f = open_file(self);
    for (;;) {
        ssize_t n = write(f->fd, buf, size);
        if (n >= 0) {
            return n;
        }
        if (errno != EINTR) {
            *err = errno;
            return STREAM_ERROR;
        }
        rt_handle_pending();
    }
}

static intptr_t file_ioctl(obj_t self, uintptr_t request, uintptr_t arg, int *err) {
    posix_file_t *f = OBJ_TO_PTR(self);
    if (request == STREAM_CLOSE) {
        if (f->fd >= 0) {
            close(f->fd);
            f->fd = -1;
        }
        return 0;
    }
    open_file(self);
    switch (request) {
        case STREAM_FLUSH:
            return 0;
        case STREAM_SEEK: {
            stream_seek_t *s = (stream_seek_t *)arg;
            if (s->whence == 0 && s->offset < 0 && obj_get_type(self)->stream->is_text) {
                rt_raise_value_error("negative seek position %lld", (long long)s->offset);
            }
            off_t off = lseek(f->fd, (off_t)s->offset, s->whence);
            if (off < 0) {
                *err = errno;
                return STREAM_ERROR;
            }
            s->offset = off;
            return 0;
        }
        case STREAM_GET_FILENO:
            return f->fd;
        case STREAM_POLL:
            return (intptr_t)(arg & (POLL_IN | POLL_OUT));
        default:
            *err = EINVAL;
            return STREAM_ERROR;
    }
}

static void file_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    posix_file_t *f = OBJ_TO_PTR(self);
    if (obj_get_type(self) == &type_posix_textio) {
        print_fmt(p, "<_io.TextIOWrapper name=%r mode=%r encoding='UTF-8'>", f->name, f->mode);
    } else {
        print_fmt(p, "<_io.FileIO name=%r mode=%r>", f->name, f->mode);
    }
}

static void file_attr(obj_t self, qstr attr, obj_t *dest) {
    posix_file_t *f = OBJ_TO_PTR(self);
    if (dest[0] == OBJ_SENTINEL && attr == Q_name && dest[1] != OBJ_NULL) {
        f->name = dest[1];   /* set by open() */
        dest[0] = OBJ_NULL;
        return;
    }
    if (dest[0] != OBJ_NULL) {
        return;
    }
    if (attr == Q_closed) {
        dest[0] = OBJ_BOOL(f->fd < 0);
    } else if (attr == Q_name) {
        dest[0] = f->name;
    } else if (attr == Q_mode) {
        dest[0] = f->mode;
    }
}

static obj_t file_fileno(obj_t self) {
    return OBJ_NEW_SMALL_INT(open_file(self)->fd);
}
static FUN_DEFINE_1(file_fileno_obj, file_fileno);

static const map_elem_t file_locals_table[] = {
    STREAM_FILE_METHODS,
    { QOBJ(fileno), OBJ_ROM(&file_fileno_obj) },
};
static const DICT_ROM(file_locals, file_locals_table);

static const stream_p_t text_stream = { file_read, file_write, file_ioctl, true };
static const stream_p_t binary_stream = { file_read, file_write, file_ioctl, false };

static const type_t type_posix_textio = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY | TYPE_FLAG_ITER_IS_SELF,
    .name = Q_TextIOWrapper,
    .print = file_print,
    .attr = file_attr,
    .getiter = stream_getiter,
    .iternext = stream_iternext,
    .locals_dict = (dict_t *)&file_locals,
    .stream = &text_stream,
};

static const type_t type_posix_fileio = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY | TYPE_FLAG_ITER_IS_SELF,
    .name = Q_FileIO,
    .print = file_print,
    .attr = file_attr,
    .getiter = stream_getiter,
    .iternext = stream_iternext,
    .locals_dict = (dict_t *)&file_locals,
    .stream = &binary_stream,
};

/* ------------------------------------------------------------------ the VFS */

typedef struct {
    obj_base_t base;
    obj_t root;         /* host directory prefix (str, "" for the host's own root) */
    bool readonly;
} vfs_posix_t;

/* The host path for a path inside this VFS. */
static const char *host_path(obj_t self, obj_t path) {
    vfs_posix_t *v = OBJ_TO_PTR(self);
    size_t rlen, plen;
    const char *r = obj_str_get_data(v->root, &rlen);
    const char *p = obj_str_get_data(path, &plen);
    if (rlen == 0) {
        return obj_str_get_cstr(path);
    }
    vstr_t vs;
    vstr_init(&vs, rlen + plen + 2);
    vstr_add_strn(&vs, r, rlen);
    if (plen > 0 && p[0] != '/') {
        vstr_add_byte(&vs, '/');
    }
    vstr_add_strn(&vs, p, plen);
    return vstr_null_terminated(&vs);
}

static void check(int r) {
    if (r < 0) {
        rt_raise_os_error(errno);
    }
}

static void check_writable(obj_t self) {
    if (((vfs_posix_t *)OBJ_TO_PTR(self))->readonly) {
        rt_raise_os_error(EROFS);
    }
}

static obj_t posix_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 0, 1, false);
    vfs_posix_t *v = m_new_obj(vfs_posix_t);
    v->base.type = type;
    v->root = QOBJ();
    if (n_args == 1 && args[0] != OBJ_NONE) {
        size_t len;
        const char *r = obj_str_get_data(args[0], &len);
        while (len > 1 && r[len - 1] == '/') {
            len--;
        }
        v->root = obj_new_str(r, len == 1 && r[0] == '/' ? 0 : len);
    }
    return v;
}

static obj_t posix_mount(obj_t self, obj_t readonly, obj_t mkfs) {
    (void)mkfs;
    ((vfs_posix_t *)OBJ_TO_PTR(self))->readonly = obj_is_true(readonly);
    return OBJ_NONE;
}
static FUN_DEFINE_3(posix_mount_obj, posix_mount);

static obj_t posix_umount(obj_t self) {
    (void)self;
    return OBJ_NONE;
}
static FUN_DEFINE_1(posix_umount_obj, posix_umount);

static obj_t posix_open(obj_t self, obj_t path, obj_t mode_obj) {
    const char *mode = obj_str_get_cstr(mode_obj);
    int flags = 0;
    bool plus = strchr(mode, '+') != NULL;
    switch (strpbrk(mode, "rwax") ? *strpbrk(mode, "rwax") : 'r') {
        case 'w': flags = O_CREAT | O_TRUNC | (plus ? O_RDWR : O_WRONLY); break;
        case 'a': flags = O_CREAT | O_APPEND | (plus ? O_RDWR : O_WRONLY); break;
        case 'x': flags = O_CREAT | O_EXCL | (plus ? O_RDWR : O_WRONLY); break;
        default: flags = plus ? O_RDWR : O_RDONLY; break;
    }
    if (flags != O_RDONLY) {
        check_writable(self);
    }
    int fd;
    while ((fd = open(host_path(self, path), flags | O_CLOEXEC, 0666)) < 0 && errno == EINTR) {
    }
    check(fd);
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        rt_raise_os_error(EISDIR);
    }
    posix_file_t *f = m_new_obj_with_finaliser(posix_file_t);   /* __del__ closes the fd */
    f->base.type = strchr(mode, 'b') ? &type_posix_fileio : &type_posix_textio;
    f->fd = fd;
    f->name = path;
    f->mode = mode_obj;
    return f;
}
static FUN_DEFINE_3(posix_open_obj, posix_open);

static obj_t posix_ilistdir(obj_t self, obj_t path) {
    DIR *d = opendir(host_path(self, path));
    if (d == NULL) {
        rt_raise_os_error(errno);
    }
    obj_t list = obj_new_list(0, NULL);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) != 0) {
        closedir(d);
        nlr_raise(nlr.exc);
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        int type = e->d_type == DT_DIR ? VFS_S_IFDIR : e->d_type == DT_REG ? VFS_S_IFREG : 0;
        obj_t item[3] = { obj_new_str(e->d_name, strlen(e->d_name)), OBJ_NEW_SMALL_INT(type),
                          obj_new_int_from_ull(e->d_ino) };
        obj_list_append(list, obj_new_tuple(3, item));
    }
    nlr_pop();
    closedir(d);
    return rt_getiter(list);
}
static FUN_DEFINE_2(posix_ilistdir_obj, posix_ilistdir);

static obj_t posix_chdir(obj_t self, obj_t path) {
    check(chdir(host_path(self, path)));
    return OBJ_NONE;
}
static FUN_DEFINE_2(posix_chdir_obj, posix_chdir);

static obj_t posix_getcwd(obj_t self) {
    (void)self;
    char buf[1024];
    if (getcwd(buf, sizeof(buf)) == NULL) {
        rt_raise_os_error(errno);
    }
    return obj_new_str(buf, strlen(buf));
}
static FUN_DEFINE_1(posix_getcwd_obj, posix_getcwd);

static obj_t posix_mkdir(obj_t self, obj_t path) {
    check_writable(self);
    check(mkdir(host_path(self, path), 0777));
    return OBJ_NONE;
}
static FUN_DEFINE_2(posix_mkdir_obj, posix_mkdir);

static obj_t posix_remove(obj_t self, obj_t path) {
    check_writable(self);
    const char *p = host_path(self, path);
    struct stat st;
    if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
        rt_raise_os_error(EISDIR);   /* unlink's EPERM would hide the reason */
    }
    check(unlink(p));
    return OBJ_NONE;
}
static FUN_DEFINE_2(posix_remove_obj, posix_remove);

static obj_t posix_rmdir(obj_t self, obj_t path) {
    check_writable(self);
    check(rmdir(host_path(self, path)));
    return OBJ_NONE;
}
static FUN_DEFINE_2(posix_rmdir_obj, posix_rmdir);

static obj_t posix_rename(obj_t self, obj_t from, obj_t to) {
    check_writable(self);
    check(rename(host_path(self, from), host_path(self, to)));
    return OBJ_NONE;
}
static FUN_DEFINE_3(posix_rename_obj, posix_rename);

static obj_t posix_stat(obj_t self, obj_t path) {
    struct stat st;
    check(stat(host_path(self, path), &st));
    obj_t items[10] = {
        obj_new_int_from_ull(st.st_mode), obj_new_int_from_ull(st.st_ino), obj_new_int_from_ull(st.st_dev),
        obj_new_int_from_ull(st.st_nlink), obj_new_int_from_ull(st.st_uid), obj_new_int_from_ull(st.st_gid),
        obj_new_int_from_ll(st.st_size), obj_new_int_from_ll(st.st_atime), obj_new_int_from_ll(st.st_mtime),
        obj_new_int_from_ll(st.st_ctime),
    };
    return obj_new_tuple(10, items);
}
static FUN_DEFINE_2(posix_stat_obj, posix_stat);

static obj_t posix_statvfs(obj_t self, obj_t path) {
    struct statvfs sv;
    check(statvfs(host_path(self, path), &sv));
    obj_t items[10] = {
        obj_new_int_from_ull(sv.f_bsize), obj_new_int_from_ull(sv.f_frsize), obj_new_int_from_ull(sv.f_blocks),
        obj_new_int_from_ull(sv.f_bfree), obj_new_int_from_ull(sv.f_bavail), obj_new_int_from_ull(sv.f_files),
        obj_new_int_from_ull(sv.f_ffree), obj_new_int_from_ull(sv.f_favail), obj_new_int_from_ull(sv.f_flag),
        obj_new_int_from_ull(sv.f_namemax),
    };
    return obj_new_tuple(10, items);
}
static FUN_DEFINE_2(posix_statvfs_obj, posix_statvfs);

static const map_elem_t posix_locals_table[] = {
    { QOBJ(mount), OBJ_ROM(&posix_mount_obj) },
    { QOBJ(umount), OBJ_ROM(&posix_umount_obj) },
    { QOBJ(open), OBJ_ROM(&posix_open_obj) },
    { QOBJ(ilistdir), OBJ_ROM(&posix_ilistdir_obj) },
    { QOBJ(chdir), OBJ_ROM(&posix_chdir_obj) },
    { QOBJ(getcwd), OBJ_ROM(&posix_getcwd_obj) },
    { QOBJ(mkdir), OBJ_ROM(&posix_mkdir_obj) },
    { QOBJ(remove), OBJ_ROM(&posix_remove_obj) },
    { QOBJ(rmdir), OBJ_ROM(&posix_rmdir_obj) },
    { QOBJ(rename), OBJ_ROM(&posix_rename_obj) },
    { QOBJ(stat), OBJ_ROM(&posix_stat_obj) },
    { QOBJ(statvfs), OBJ_ROM(&posix_statvfs_obj) },
};
static const DICT_ROM(posix_locals, posix_locals_table);

static void posix_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    print_fmt(p, "VfsPosix(%r)", ((vfs_posix_t *)OBJ_TO_PTR(self))->root);
}

const type_t type_vfs_posix = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_VfsPosix,
    .print = posix_print,
    .make_new = posix_make_new,
    .locals_dict = (dict_t *)&posix_locals,
};

/* Start-up: the host tree at "/", the current directory the process's. */
void vfs_posix_mount_root(void) {
    vfs_reset();
    vfs_mount(posix_make_new(&type_vfs_posix, 0, 0, NULL), "/", false);
    char buf[1024];
    if (getcwd(buf, sizeof(buf)) != NULL) {
        STATE(vfs_cwd) = obj_new_str(buf, strlen(buf));
    }
}
