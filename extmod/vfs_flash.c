/* vfs_flash.c: os.VfsFlash, the VFS object (MicroPython's VFS protocol, vfs.h) over the
 * power-cut-safe flash file system (flashfs.c), its file type (a stream), and the adapter that
 * lets a Python block device (readblocks/writeblocks/ioctl, the extended interface) be a bdev_t. */
#include "errcodes.h"
#include <string.h>
#include "gc.h"
#include "nlr.h"
#include "runtime.h"
#include "stream.h"
#include "vfs.h"
#include "flashfs.h"

/* ------------------------------------------------------------------ Python block devices */

#define IOCTL_SYNC (3)
#define IOCTL_BLOCK_COUNT (4)
#define IOCTL_BLOCK_SIZE (5)
#define IOCTL_BLOCK_ERASE (6)

typedef struct {
    bdev_t dev;
    obj_t obj;
} pybdev_t;

/* Calls obj.name(args); an exception becomes -EIO, so the file system never unwinds mid-change. */
static int py_call(pybdev_t *d, qstr name, size_t n, const obj_t *args, obj_t *ret) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t r = rt_call_method(d->obj, name, n, args);
        nlr_pop();
        if (ret != NULL) {
            *ret = r;
        }
        return r != OBJ_NONE && OBJ_IS_SMALL_INT(r) && OBJ_SMALL_INT_VALUE(r) < 0 ? -EIO : 0;
    }
    return -EIO;
}

static int py_read(bdev_t *dev, uint32_t block, uint32_t offset, void *buf, uint32_t len) {
    pybdev_t *d = (pybdev_t *)dev;
    obj_t ba = obj_new_bytearray(buf, len);
    obj_t args[3] = { obj_new_int((intptr_t)block), ba, obj_new_int((intptr_t)offset) };
    int r = py_call(d, Q_readblocks, 3, args, NULL);
    size_t n;
    const char *data = obj_str_get_data(ba, &n);
    memcpy(buf, data, n < len ? n : len);
    return r;
}

static int py_prog(bdev_t *dev, uint32_t block, uint32_t offset, const void *buf, uint32_t len) {
    pybdev_t *d = (pybdev_t *)dev;
    obj_t args[3] = { obj_new_int((intptr_t)block), obj_new_bytearray(buf, len), obj_new_int((intptr_t)offset) };
    return py_call(d, Q_writeblocks, 3, args, NULL);
}

static int py_ioctl(bdev_t *dev, int op, uint32_t arg, obj_t *ret) {
    obj_t args[2] = { OBJ_NEW_SMALL_INT(op), obj_new_int((intptr_t)arg) };
    return py_call((pybdev_t *)dev, Q_ioctl, 2, args, ret);
}

static int py_erase(bdev_t *dev, uint32_t block) {
    return py_ioctl(dev, IOCTL_BLOCK_ERASE, block, NULL);
}

static int py_sync(bdev_t *dev) {
    return py_ioctl(dev, IOCTL_SYNC, 0, NULL);
}

static void pybdev_init(pybdev_t *d, obj_t obj) {
    d->obj = obj;
    d->dev.read = py_read;
    d->dev.prog = py_prog;
    d->dev.erase = py_erase;
    d->dev.sync = py_sync;
    obj_t r = OBJ_NONE;
    py_ioctl(&d->dev, IOCTL_BLOCK_SIZE, 0, &r);
    d->dev.block_size = r == OBJ_NONE ? 512 : (uint32_t)obj_get_int(r);
    r = OBJ_NONE;
    py_ioctl(&d->dev, IOCTL_BLOCK_COUNT, 0, &r);
    if (r == OBJ_NONE) {
        rt_raise_os_error(EINVAL);
    }
    d->dev.block_count = (uint32_t)obj_get_int(r);
}

/* ------------------------------------------------------------------ the VFS object */

typedef struct {
    obj_base_t base;
    bdev_t *dev;         /* &pybdev.dev, or a native device given by the port */
    pybdev_t pybdev;
    flashfs_t fs;
    uint8_t *bitmaps;
    bool readonly;
} vfs_flash_t;

static void check(int r) {
    if (r < 0) {
        rt_raise_os_error(-r);
    }
}

static vfs_flash_t *writable(obj_t self) {
    vfs_flash_t *v = OBJ_TO_PTR(self);
    if (v->readonly) {
        rt_raise_os_error(EROFS);
    }
    return v;
}

static bdev_t *device_of(obj_t bdev, pybdev_t *py) {
    pybdev_init(py, bdev);
    return &py->dev;
}

/* A volume over dev, mounted; NULL when dev holds no file system (so the caller may format). */
static vfs_flash_t *vfs_flash_open(bdev_t *dev, obj_t pyobj, int *err) {
    vfs_flash_t *v = m_new_obj(vfs_flash_t);
    memset(v, 0, sizeof(*v));
    v->base.type = &type_vfs_flash;
    if (pyobj != OBJ_NULL) {
        dev = device_of(pyobj, &v->pybdev);
    }
    v->dev = dev;
    v->bitmaps = m_new(uint8_t, flashfs_bitmap_size(dev));
    *err = flashfs_mount(&v->fs, dev, v->bitmaps);
    return *err < 0 ? NULL : v;
}

static obj_t vfs_flash_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    arg_check_num(n_args, n_kw, 1, 1, false);
    int err;
    vfs_flash_t *v = vfs_flash_open(NULL, args[0], &err);
    if (v == NULL) {
        rt_raise_os_error(-err);
    }
    return v;
}

static obj_t vfs_flash_mkfs(obj_t bdev) {
    pybdev_t py;
    check(flashfs_format(device_of(bdev, &py)));
    return OBJ_NONE;
}
static FUN_DEFINE_1(vfs_flash_mkfs_fun_obj, vfs_flash_mkfs);
static const static_class_method_t vfs_flash_mkfs_obj = { { &type_staticmethod }, OBJ_ROM(&vfs_flash_mkfs_fun_obj) };

static obj_t vfs_flash_mount(obj_t self, obj_t readonly, obj_t mkfs) {
    vfs_flash_t *v = OBJ_TO_PTR(self);
    v->readonly = obj_is_true(readonly);
    if (obj_is_true(mkfs)) {
        check(flashfs_format(v->dev));
        check(flashfs_mount(&v->fs, v->dev, v->bitmaps));
    }
    return OBJ_NONE;
}
static FUN_DEFINE_3(vfs_flash_mount_obj, vfs_flash_mount);

static obj_t vfs_flash_umount(obj_t self) {
    check(flashfs_sync(&((vfs_flash_t *)OBJ_TO_PTR(self))->fs));
    return OBJ_NONE;
}
static FUN_DEFINE_1(vfs_flash_umount_obj, vfs_flash_umount);

static obj_t vfs_flash_ilistdir(size_t n_args, const obj_t *args) {
    vfs_flash_t *v = OBJ_TO_PTR(args[0]);
    flashfs_stat_t st;
    check(flashfs_stat(&v->fs, n_args > 1 ? obj_str_get_cstr(args[1]) : "", &st));
    if (!st.is_dir) {
        rt_raise_os_error(ENOTDIR);
    }
    obj_t list = obj_new_list(0, NULL);
    char name[FLASHFS_NAME_MAX];
    uint32_t cursor = 0, dir = st.id;
    int r;
    while ((r = flashfs_readdir(&v->fs, dir, &cursor, name, &st)) > 0) {
        obj_t item[4] = { obj_new_str(name, (size_t)r - 1), OBJ_NEW_SMALL_INT(st.is_dir ? VFS_S_IFDIR : VFS_S_IFREG),
                          OBJ_NEW_SMALL_INT(0), obj_new_int((intptr_t)st.size) };
        obj_list_append(list, obj_new_tuple(4, item));
    }
    check(r);
    return rt_getiter(list);
}
static FUN_DEFINE_VAR(vfs_flash_ilistdir_obj, 1, 2, vfs_flash_ilistdir);

static obj_t vfs_flash_mkdir(obj_t self, obj_t path) {
    check(flashfs_mkdir(&writable(self)->fs, obj_str_get_cstr(path)));
    return OBJ_NONE;
}
static FUN_DEFINE_2(vfs_flash_mkdir_obj, vfs_flash_mkdir);

static obj_t vfs_flash_remove(obj_t self, obj_t path) {
    check(flashfs_remove(&writable(self)->fs, obj_str_get_cstr(path), false));
    return OBJ_NONE;
}
static FUN_DEFINE_2(vfs_flash_remove_obj, vfs_flash_remove);

static obj_t vfs_flash_rmdir(obj_t self, obj_t path) {
    check(flashfs_remove(&writable(self)->fs, obj_str_get_cstr(path), true));
    return OBJ_NONE;
}
static FUN_DEFINE_2(vfs_flash_rmdir_obj, vfs_flash_rmdir);

static obj_t vfs_flash_rename(obj_t self, obj_t from, obj_t to) {
    check(flashfs_rename(&writable(self)->fs, obj_str_get_cstr(from), obj_str_get_cstr(to)));
    return OBJ_NONE;
}
static FUN_DEFINE_3(vfs_flash_rename_obj, vfs_flash_rename);

static obj_t vfs_flash_stat(obj_t self, obj_t path) {
    flashfs_stat_t st;
    check(flashfs_stat(&((vfs_flash_t *)OBJ_TO_PTR(self))->fs, obj_str_get_cstr(path), &st));
    return vfs_new_stat(st.is_dir ? VFS_S_IFDIR : VFS_S_IFREG, st.size, 0);
}
static FUN_DEFINE_2(vfs_flash_stat_obj, vfs_flash_stat);

static obj_t vfs_flash_statvfs(obj_t self, obj_t path) {
    (void)path;
    uint32_t bs, blocks, bfree;
    check(flashfs_statvfs(&((vfs_flash_t *)OBJ_TO_PTR(self))->fs, &bs, &blocks, &bfree));
    obj_t items[10] = {
        obj_new_int((intptr_t)bs), obj_new_int((intptr_t)bs), obj_new_int((intptr_t)blocks),
        obj_new_int((intptr_t)bfree), obj_new_int((intptr_t)bfree), OBJ_NEW_SMALL_INT(0),
        OBJ_NEW_SMALL_INT(0), OBJ_NEW_SMALL_INT(0), OBJ_NEW_SMALL_INT(0), OBJ_NEW_SMALL_INT(FLASHFS_NAME_MAX),
    };
    return obj_new_tuple(10, items);
}
static FUN_DEFINE_2(vfs_flash_statvfs_obj, vfs_flash_statvfs);

/* ------------------------------------------------------------------ files */

/* The flashfs handle is a block of its own: the volume's list of files open for writing points at
 * it, and that link must not keep the Python object alive, or a file dropped without close() would
 * never be collected and committed by __del__. */
typedef struct {
    obj_base_t base;
    flashfs_file_t *file;
    obj_t vfs;          /* keeps the volume alive while the file is open */
    obj_t name;
    obj_t mode;
} flash_file_t;

static const type_t type_flash_textio, type_flash_fileio;

static flash_file_t *open_file(obj_t self) {
    flash_file_t *f = OBJ_TO_PTR(self);
    if (f->file->fs == NULL) {
        rt_raise_value_error("I/O operation on closed file.");
    }
    return f;
}

static intptr_t file_result(intptr_t r, int *err) {
    if (r < 0) {
        *err = (int)-r;
        return STREAM_ERROR;
    }
    return r;
}

static intptr_t file_read(obj_t self, void *buf, size_t size, int *err) {
    return file_result(flashfs_read(open_file(self)->file, buf, size), err);
}

static intptr_t file_write(obj_t self, const void *buf, size_t size, int *err) {
    return file_result(flashfs_write(open_file(self)->file, buf, size), err);
}

static intptr_t file_ioctl(obj_t self, uintptr_t request, uintptr_t arg, int *err) {
    flash_file_t *f = OBJ_TO_PTR(self);
    if (request == STREAM_CLOSE) {
        return file_result(flashfs_close(f->file), err);
    }
    open_file(self);
    switch (request) {
        case STREAM_FLUSH:
            return file_result(flashfs_flush(f->file), err);
        case STREAM_SEEK: {
            stream_seek_t *s = (stream_seek_t *)arg;
            uint32_t pos;
            intptr_t r = file_result(flashfs_seek(f->file, s->offset, s->whence, &pos), err);
            s->offset = pos;
            return r;
        }
        case STREAM_POLL:
            return (intptr_t)(arg & (POLL_IN | POLL_OUT));
        default:
            *err = EINVAL;
            return STREAM_ERROR;
    }
}

static void file_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    flash_file_t *f = OBJ_TO_PTR(self);
    if (obj_get_type(self) == &type_flash_textio) {
        print_fmt(p, "<_io.TextIOWrapper name=%r mode=%r encoding='UTF-8'>", f->name, f->mode);
    } else {
        print_fmt(p, "<_io.FileIO name=%r mode=%r>", f->name, f->mode);
    }
}

static void file_attr(obj_t self, qstr attr, obj_t *dest) {
    flash_file_t *f = OBJ_TO_PTR(self);
    if (dest[0] != OBJ_NULL) {
        return;
    }
    if (attr == Q_closed) {
        dest[0] = OBJ_BOOL(f->file->fs == NULL);
    } else if (attr == Q_name) {
        dest[0] = f->name;
    } else if (attr == Q_mode) {
        dest[0] = f->mode;
    }
}

static const map_elem_t file_locals_table[] = {
    STREAM_FILE_METHODS,
};
static const DICT_ROM(file_locals, file_locals_table);

static const stream_p_t text_stream = { file_read, file_write, file_ioctl, true };
static const stream_p_t binary_stream = { file_read, file_write, file_ioctl, false };

static const type_t type_flash_textio = {
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

static const type_t type_flash_fileio = {
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

static obj_t vfs_flash_open_file(obj_t self, obj_t path, obj_t mode_obj) {
    vfs_flash_t *v = OBJ_TO_PTR(self);
    const char *mode = obj_str_get_cstr(mode_obj);
    const char *kind = strpbrk(mode, "rwax");
    int flags = strchr(mode, '+') != NULL ? FLASHFS_RD | FLASHFS_WR : 0;
    switch (kind != NULL ? *kind : 'r') {
        case 'w': flags |= FLASHFS_WR | FLASHFS_CREAT | FLASHFS_TRUNC; break;
        case 'a': flags |= FLASHFS_WR | FLASHFS_CREAT | FLASHFS_APPEND; break;
        case 'x': flags |= FLASHFS_WR | FLASHFS_CREAT | FLASHFS_EXCL; break;
        default: flags |= FLASHFS_RD; break;
    }
    if (flags & FLASHFS_WR) {
        writable(self);
    }
    flash_file_t *f = m_new_obj_with_finaliser(flash_file_t);   /* __del__ commits and closes */
    f->file = m_new_obj(flashfs_file_t);
    f->base.type = strchr(mode, 'b') ? &type_flash_fileio : &type_flash_textio;
    f->vfs = self;
    f->name = path;
    f->mode = mode_obj;
    int r = flashfs_open(&v->fs, f->file, obj_str_get_cstr(path), flags);
    if (r < 0) {
        f->file->fs = NULL;   /* nothing for __del__ to close */
    }
    check(r);
    return f;
}
static FUN_DEFINE_3(vfs_flash_open_obj, vfs_flash_open_file);

static const map_elem_t vfs_flash_locals_table[] = {
    { QOBJ(mkfs), OBJ_ROM(&vfs_flash_mkfs_obj) },
    { QOBJ(mount), OBJ_ROM(&vfs_flash_mount_obj) },
    { QOBJ(umount), OBJ_ROM(&vfs_flash_umount_obj) },
    { QOBJ(open), OBJ_ROM(&vfs_flash_open_obj) },
    { QOBJ(ilistdir), OBJ_ROM(&vfs_flash_ilistdir_obj) },
    { QOBJ(mkdir), OBJ_ROM(&vfs_flash_mkdir_obj) },
    { QOBJ(remove), OBJ_ROM(&vfs_flash_remove_obj) },
    { QOBJ(rmdir), OBJ_ROM(&vfs_flash_rmdir_obj) },
    { QOBJ(rename), OBJ_ROM(&vfs_flash_rename_obj) },
    { QOBJ(stat), OBJ_ROM(&vfs_flash_stat_obj) },
    { QOBJ(statvfs), OBJ_ROM(&vfs_flash_statvfs_obj) },
};
static const DICT_ROM(vfs_flash_locals, vfs_flash_locals_table);

static void vfs_flash_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    (void)self;
    print_fmt(p, "<VfsFlash>");
}

const type_t type_vfs_flash = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_VfsFlash,
    .print = vfs_flash_print,
    .make_new = vfs_flash_make_new,
    .locals_dict = (dict_t *)&vfs_flash_locals,
};

/* ------------------------------------------------------------------ for ports */

obj_t vfs_flash_mount_dev(struct bdev *dev, const char *point, bool *formatted) {
    int err;
    *formatted = false;
    vfs_flash_t *v = vfs_flash_open(dev, OBJ_NULL, &err);
    if (v == NULL && err == -ENODEV) {
        check(flashfs_format(dev));
        *formatted = true;
        v = vfs_flash_open(dev, OBJ_NULL, &err);
    }
    if (v == NULL) {
        rt_raise_os_error(-err);
    }
    vfs_mount(v, point, false);
    return v;
}
