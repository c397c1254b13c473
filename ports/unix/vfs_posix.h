/* vfs_posix.h (unix): os.VfsPosix (vfs_posix.c), the host's directory tree as a VFS. */
#ifndef ADDER_VFS_POSIX_H
#define ADDER_VFS_POSIX_H

#include "obj.h"

extern const type_t type_vfs_posix;
/* Start-up and soft reset: empties the mount table, mounts the host tree at "/" and takes the
 * process's current directory as the VFS's. */
void vfs_posix_mount_root(void);

#endif
