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

#endif
