/* port_config.h (unix): the host port's choices; py/config.h documents every flag and its default. */
#ifndef ADDER_PORT_CONFIG_H
#define ADDER_PORT_CONFIG_H

#define CONFIG_STACK_LIMIT (6 * 1024 * 1024)   /* main thread gets 8 MB; keep headroom for ASan */
#define CONFIG_PORT_NAME "unix"
#define CONFIG_PLATFORM "linux"
#define CONFIG_VFS_POSIX (1)                   /* vfs helper: os.VfsPosix (vfs_posix.c) */
#define CONFIG_PORT_POLL_FDS (1)               /* net helper: select waits in poll(2) (modsocket.c) */

#endif
