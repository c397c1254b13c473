/* stream.h: the byte-stream protocol shared by files, io.StringIO/BytesIO, sys.stdin/stdout,
 * sockets, UARTs and the REPL stream.  A type that is a stream points its type_t.stream at a
 * stream_p_t; the generic Python methods (read, readinto, readline, readlines, write, flush, seek,
 * tell, close, __enter__/__exit__, iteration) are implemented once in py/stream.c over these three
 * functions, and select.poll asks ioctl(STREAM_POLL).  Text streams (is_text) decode UTF-8 on read
 * and accept only str on write; binary streams give and take bytes-like objects. */
#ifndef ADDER_STREAM_H
#define ADDER_STREAM_H

#include "obj.h"

/* Return a byte count (0 = end of file for read), or STREAM_ERROR with *err set to an errno value
 * (EAGAIN for a non-blocking stream that has nothing to give).  They never raise for I/O errors:
 * the generic methods turn *err into OSError(errno). */
#define STREAM_ERROR ((intptr_t)-1)

typedef struct stream_p {
    intptr_t (*read)(obj_t self, void *buf, size_t size, int *err);
    intptr_t (*write)(obj_t self, const void *buf, size_t size, int *err);
    intptr_t (*ioctl)(obj_t self, uintptr_t request, uintptr_t arg, int *err);
    bool is_text;
} stream_p_t;

/* ioctl requests (values as MicroPython's, so Python-level ioctl methods agree). */
#define STREAM_FLUSH     (1)
#define STREAM_SEEK      (2)   /* arg: stream_seek_t *; sets ->offset to the new position */
#define STREAM_POLL      (3)   /* arg: the POLL_* flags wanted; returns those ready */
#define STREAM_CLOSE     (4)
#define STREAM_TIMEOUT   (5)   /* arg: timeout in ms, or -1 for blocking */
#define STREAM_GET_FILENO (10) /* returns a host fd, or STREAM_ERROR (ports with real fds only) */

/* poll flags, as select.POLL* */
#define POLL_IN   (0x0001)
#define POLL_OUT  (0x0004)
#define POLL_ERR  (0x0008)
#define POLL_HUP  (0x0010)

typedef struct {
    int64_t offset;
    int whence;       /* 0 start, 1 current, 2 end */
} stream_seek_t;

/* The stream protocol of obj, or NULL if it has none. */
const stream_p_t *stream_get(obj_t obj);
/* Like stream_get but raises OSError(EINVAL)/TypeError when obj is not a stream. */
const stream_p_t *stream_require(obj_t obj);

/* Blocking helpers for C callers (print(file=...), the REPL, json.dump): loop until all of
 * len is written or an error occurs, raising OSError. */
void stream_write_all(obj_t stream, const void *buf, size_t len);
/* Read up to size bytes (less only at end of file); raises OSError on error. */
size_t stream_read_all(obj_t stream, void *buf, size_t size);

/* The generic method objects, for a stream type's locals_dict (see stream.c). */
extern const fun_builtin_t stream_read_obj, stream_readinto_obj, stream_readline_obj,
    stream_readlines_obj, stream_write_obj, stream_flush_obj, stream_seek_obj, stream_tell_obj,
    stream_close_obj, stream_enter_obj, stream_exit_obj;
/* The locals_dict entries of a file type (open()'s files on every VFS): the generic methods above,
 * and __del__ closing a file the GC collects unclosed (files are allocated with the finaliser bit). */
#define STREAM_FILE_METHODS \
    { QOBJ(read), OBJ_ROM(&stream_read_obj) }, { QOBJ(readinto), OBJ_ROM(&stream_readinto_obj) }, \
    { QOBJ(readline), OBJ_ROM(&stream_readline_obj) }, { QOBJ(readlines), OBJ_ROM(&stream_readlines_obj) }, \
    { QOBJ(write), OBJ_ROM(&stream_write_obj) }, { QOBJ(flush), OBJ_ROM(&stream_flush_obj) }, \
    { QOBJ(seek), OBJ_ROM(&stream_seek_obj) }, { QOBJ(tell), OBJ_ROM(&stream_tell_obj) }, \
    { QOBJ(close), OBJ_ROM(&stream_close_obj) }, { QOBJ(__enter__), OBJ_ROM(&stream_enter_obj) }, \
    { QOBJ(__exit__), OBJ_ROM(&stream_exit_obj) }, { QOBJ(__del__), OBJ_ROM(&stream_close_obj) }
/* getiter/iternext for a stream type: iterating a stream yields its lines. */
obj_t stream_getiter(obj_t self);
obj_t stream_iternext(obj_t self);

/* ---- added by the vfs helper (py/modsys.c) ---- */
/* &print_stdout / &print_stderr when o is sys.stdout / sys.stderr, else NULL: lets print() and
 * print_exception write straight to the port. */
const print_t *stream_stdio_print(obj_t o);
/* read(size) (size < 0: to the end) with a first buffer for `expect` bytes: a stream that knows how
 * much is left (io.BytesIO) avoids the growing buffer's copies, which a small heap may not afford. */
obj_t stream_read_hinted(obj_t self, intptr_t size, size_t expect);

#endif
