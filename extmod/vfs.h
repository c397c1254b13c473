/* vfs.h: the virtual file system layer every port shares (extmod/vfs.c).  A mount table maps
 * absolute path prefixes ("/", "/flash", "/sd") to VFS objects; open(), os.* and import resolve a
 * path against the current directory, find the longest mount prefix and call the VFS object with
 * the rest of the path.  A VFS object follows MicroPython's VFS protocol (docs/library/os.rst,
 * "Filesystem mounting"): methods mount(readonly, mkfs), umount(), open(path, mode), ilistdir(path),
 * chdir, getcwd, mkdir, remove, rename, rmdir, stat, statvfs.  Native VFS types (os.VfsPosix on the
 * host, os.VfsFlash over extmod/flashfs.c) and classes written in Python are used the same way.
 * Files returned by open are streams (py/stream.h) or Python objects with read/write methods.
 * The mount table and cwd live in vm_state (GC roots) and are emptied by vfs_reset. */
#ifndef ADDER_VFS_H
#define ADDER_VFS_H

#include <stdbool.h>
#include <stddef.h>
#include "obj.h"

/* Forget every mount and reset cwd to "/" (start-up and soft reset, before the port mounts). */
void vfs_reset(void);
/* os.mount(vfs, point, readonly=False): calls vfs.mount(readonly, False); raises OSError(EPERM)
 * if point is already a mount point. */
void vfs_mount(obj_t vfs, const char *point, bool readonly);
void vfs_umount(const char *point);

/* open(path, mode="r", ...): the builtin, defined here so every port's builtins have it. */
extern const fun_builtin_t builtin_open_obj;

/* For the core's file hooks (port_stat / port_read_file implementations, import, the REPL's
 * boot.py/main.py): 0 = absent, 1 = file, 2 = directory; and a whole file read into a GC-allocated,
 * NUL-terminated buffer, NULL if it can't be read. */
int vfs_stat_kind(const char *path);
char *vfs_read_file(const char *path, size_t *len);

/* ---- added by the vfs helper: the os module's dispatch (extmod/vfs.c, used by extmod/modos.c) ---- */
/* Calls method `name` of the VFS holding path with (path within that VFS, *extra); an OSError
 * coming back without a filename gets `path` as its filename (CPython's message). */
obj_t vfs_call(qstr name, obj_t path, size_t n_extra, const obj_t *extra);
obj_t vfs_getcwd(void);                  /* a str */
void vfs_chdir(const char *path);
obj_t vfs_ilistdir(obj_t path);          /* an iterator of (name, type, inode[, size]) tuples */
obj_t vfs_listdir(obj_t path);           /* a list of names */
void vfs_rename(obj_t from, obj_t to);
obj_t vfs_statvfs(obj_t path);
void vfs_umount_obj(obj_t point_or_vfs); /* os.umount: a mount point or a mounted VFS object */
/* A VFS type's stat tuple (os.stat's 10 items; only mode, size and the times are usually known). */
obj_t vfs_new_stat(uint32_t mode, uint64_t size, int64_t mtime);
#define VFS_S_IFDIR (0x4000)
#define VFS_S_IFREG (0x8000)
/* os.dupterm's console (extmod/modos.c), for the port's console I/O: output is copied to the
 * attached stream; rx gives a byte from it, or -1 when it has none (or none is attached). */
void os_dupterm_tx(const char *s, size_t len);
int os_dupterm_rx(void);


/* ---- added by the flashfs helper: the native VFS type over extmod/flashfs.c (vfs_flash.c) ---- */
extern const type_t type_vfs_flash;
/* Mounts a VfsFlash over a native block device at point, formatting it first (and setting
 * *formatted) when it holds no file system; raises OSError on I/O errors. */
struct bdev;
obj_t vfs_flash_mount_dev(struct bdev *dev, const char *point, bool *formatted);

#endif
