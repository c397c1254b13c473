/* errcodes.h: the errno values Adder uses, Linux's on every port (as MicroPython does), so that
 * OSError.errno, the errno module (extmod/moderrno.c) and the OSError subclasses agree whatever the
 * C library: newlib and picolibc number many codes differently (ETIMEDOUT is 116 there).  Include
 * this instead of <errno.h>; on Linux the values are the C library's own. */
#ifndef ADDER_ERRCODES_H
#define ADDER_ERRCODES_H

#include <errno.h>

#if !defined(__linux__)
#undef EPERM
#define EPERM (1)
#undef ENOENT
#define ENOENT (2)
#undef ESRCH
#define ESRCH (3)
#undef EINTR
#define EINTR (4)
#undef EIO
#define EIO (5)
#undef ENXIO
#define ENXIO (6)
#undef E2BIG
#define E2BIG (7)
#undef ENOEXEC
#define ENOEXEC (8)
#undef EBADF
#define EBADF (9)
#undef ECHILD
#define ECHILD (10)
#undef EAGAIN
#define EAGAIN (11)
#undef EWOULDBLOCK
#define EWOULDBLOCK (11)
#undef ENOMEM
#define ENOMEM (12)
#undef EACCES
#define EACCES (13)
#undef EFAULT
#define EFAULT (14)
#undef EBUSY
#define EBUSY (16)
#undef EEXIST
#define EEXIST (17)
#undef EXDEV
#define EXDEV (18)
#undef ENODEV
#define ENODEV (19)
#undef ENOTDIR
#define ENOTDIR (20)
#undef EISDIR
#define EISDIR (21)
#undef EINVAL
#define EINVAL (22)
#undef ENFILE
#define ENFILE (23)
#undef EMFILE
#define EMFILE (24)
#undef ENOTTY
#define ENOTTY (25)
#undef EFBIG
#define EFBIG (27)
#undef ENOSPC
#define ENOSPC (28)
#undef ESPIPE
#define ESPIPE (29)
#undef EROFS
#define EROFS (30)
#undef EMLINK
#define EMLINK (31)
#undef EPIPE
#define EPIPE (32)
#undef EDOM
#define EDOM (33)
#undef ERANGE
#define ERANGE (34)
#undef ENAMETOOLONG
#define ENAMETOOLONG (36)
#undef ENOSYS
#define ENOSYS (38)
#undef ENOTEMPTY
#define ENOTEMPTY (39)
#undef ELOOP
#define ELOOP (40)
#undef ENOTSOCK
#define ENOTSOCK (88)
#undef EMSGSIZE
#define EMSGSIZE (90)
#undef EPROTONOSUPPORT
#define EPROTONOSUPPORT (93)
#undef ENOTSUP
#define ENOTSUP (95)
#undef EOPNOTSUPP
#define EOPNOTSUPP (95)
#undef EAFNOSUPPORT
#define EAFNOSUPPORT (97)
#undef EADDRINUSE
#define EADDRINUSE (98)
#undef EADDRNOTAVAIL
#define EADDRNOTAVAIL (99)
#undef ENETDOWN
#define ENETDOWN (100)
#undef ENETUNREACH
#define ENETUNREACH (101)
#undef ENETRESET
#define ENETRESET (102)
#undef ECONNABORTED
#define ECONNABORTED (103)
#undef ECONNRESET
#define ECONNRESET (104)
#undef ENOBUFS
#define ENOBUFS (105)
#undef EISCONN
#define EISCONN (106)
#undef ENOTCONN
#define ENOTCONN (107)
#undef ETIMEDOUT
#define ETIMEDOUT (110)
#undef ECONNREFUSED
#define ECONNREFUSED (111)
#undef EHOSTUNREACH
#define EHOSTUNREACH (113)
#undef EALREADY
#define EALREADY (114)
#undef EINPROGRESS
#define EINPROGRESS (115)
#endif

#endif
