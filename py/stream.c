/* stream.c: the Python methods every stream type shares (read, readinto, readline, readlines,
 * write, flush, seek, tell, close, the context manager and line iteration), written once over a
 * type's stream_p_t (stream.h).  Text streams count characters and deal in str; binary streams
 * count bytes and deal in bytes-like objects.  Errors the stream functions report become
 * OSError(errno) here. */
#include "errcodes.h"
#include <string.h>
#include "gc.h"
#include "objstr.h"
#include "objtype.h"
#include "runtime.h"
#include "stream.h"

/* A class deriving from a stream type (io.BytesIO, io.IOBase) embeds its instance, so the built-in
 * protocol applies to it unchanged. */
const stream_p_t *stream_get(obj_t obj) {
    if (!OBJ_IS_PTR(obj)) {
        return NULL;
    }
    const type_t *t = obj_get_type(obj);
    if (t->stream == NULL && (t->flags & TYPE_FLAG_USER)) {
        const type_user_t *u = (const type_user_t *)t;
        return u->native != NULL && u->layout == TYPE_LAYOUT_EMBED ? u->native->stream : NULL;
    }
    return t->stream;
}

const stream_p_t *stream_require(obj_t obj) {
    const stream_p_t *s = stream_get(obj);
    if (s == NULL) {
        rt_raise_type_error("'%q' object is not a stream", obj_type_name(obj));
    }
    return s;
}

static intptr_t check(intptr_t r, int err) {
    if (r == STREAM_ERROR) {
        rt_raise_os_error(err);
    }
    return r;
}

/* One read call; a non-blocking stream with nothing ready gives -1 (None to Python). */
static intptr_t read_some(obj_t self, const stream_p_t *s, void *buf, size_t size) {
    int err = 0;
    intptr_t r = s->read(self, buf, size, &err);
    if (r == STREAM_ERROR && err == EAGAIN) {
        return -1;
    }
    return check(r, err);
}

void stream_write_all(obj_t stream, const void *buf, size_t len) {
    const stream_p_t *s = stream_require(stream);
    const char *p = buf;
    while (len > 0) {
        int err = 0;
        intptr_t n = s->write(stream, p, len, &err);
        check(n, err);
        if (n == 0) {
            rt_raise_os_error(EIO);
        }
        p += n;
        len -= (size_t)n;
    }
}

size_t stream_read_all(obj_t stream, void *buf, size_t size) {
    const stream_p_t *s = stream_require(stream);
    size_t got = 0;
    while (got < size) {
        int err = 0;
        intptr_t n = s->read(stream, (char *)buf + got, size - got, &err);
        check(n, err);
        if (n == 0) {
            break;
        }
        got += (size_t)n;
    }
    return got;
}

static intptr_t ioctl(obj_t self, uintptr_t request, uintptr_t arg) {
    const stream_p_t *s = stream_require(self);
    if (s->ioctl == NULL) {
        rt_raise_os_error(EINVAL);
    }
    int err = 0;
    intptr_t r = s->ioctl(self, request, arg, &err);
    return check(r, err);
}

/* Builds the result of a read: str for text streams, bytes for binary ones. */
static obj_t result(const stream_p_t *s, vstr_t *vs) {
    if (s->is_text) {
        return obj_new_str_from_vstr(vs);
    }
    obj_t b = obj_new_bytes((const uint8_t *)vs->buf, vs->len);
    vstr_clear(vs);
    return b;
}

/* Bytes still to come in the UTF-8 sequence that ends buf[0..len) (0 if it is complete). */
static size_t utf8_missing(const char *buf, size_t len) {
    size_t i = len, back = 0;
    while (i > 0 && back < 4 && ((uint8_t)buf[i - 1] & 0xc0) == 0x80) {
        i--;
        back++;
    }
    if (i == 0) {
        return 0;
    }
    uint8_t lead = (uint8_t)buf[i - 1];
    size_t need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
    return need > back ? need - back : 0;
}

static size_t count_chars(const char *buf, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += ((uint8_t)buf[i] & 0xc0) != 0x80;
    }
    return n;
}

obj_t stream_read_hinted(obj_t self, intptr_t size, size_t expect) {
    const stream_p_t *s = stream_require(self);
    vstr_t vs;
    vstr_init(&vs, expect + 2);   /* + the NUL and a 1-byte probe for the end */
    size_t units = 0;
    for (;;) {
        size_t avail = vs.alloc - vs.len - 1;
        size_t want = size >= 0 ? (size_t)size - units : avail > 0 ? avail : 256;
        if (want == 0) {
            break;
        }
        size_t start = vs.len;
        intptr_t n = read_some(self, s, vstr_extend(&vs, want), want);
        vstr_cut_tail(&vs, want - (size_t)(n < 0 ? 0 : n));
        if (n <= 0) {
            if (n < 0 && vs.len == 0) {
                return OBJ_NONE;
            }
            break;
        }
        if (size < 0) {
            continue;
        }
        if (s->is_text) {
            /* finish a character cut in two, so the count stays in characters */
            for (size_t more = utf8_missing(vs.buf, vs.len); more > 0; more--) {
                char c;
                if (read_some(self, s, &c, 1) <= 0) {
                    break;
                }
                vstr_add_byte(&vs, (uint8_t)c);
            }
            units += count_chars(vs.buf + start, vs.len - start);
        } else {
            units = vs.len;
        }
    }
    return result(s, &vs);
}

static intptr_t size_arg(size_t n_args, const obj_t *args, size_t i) {
    return n_args > i && args[i] != OBJ_NONE ? obj_get_int(args[i]) : -1;
}

static obj_t stream_read(size_t n_args, const obj_t *args) {
    intptr_t size = size_arg(n_args, args, 1);
    return stream_read_hinted(args[0], size, size >= 0 && size < 256 ? (size_t)size : 255);
}
FUN_DEFINE_VAR(stream_read_obj, 1, 2, stream_read);

static obj_t stream_readinto(size_t n_args, const obj_t *args) {
    const stream_p_t *s = stream_require(args[0]);
    const type_t *t = obj_get_type(args[1]);
    buffer_info_t info;
    if (!OBJ_IS_PTR(args[1]) || t->buffer == NULL || t->buffer(args[1], &info, BUFFER_WRITE) != 0) {
        rt_raise_type_error("readinto() argument must be read-write bytes-like object, not %q",
                            obj_type_name(args[1]));
    }
    size_t len = info.len;
    if (n_args > 2 && (size_t)obj_get_int(args[2]) < len) {
        len = (size_t)obj_get_int(args[2]);
    }
    intptr_t n = read_some(args[0], s, info.buf, len);
    return n < 0 ? OBJ_NONE : obj_new_int(n);
}
FUN_DEFINE_VAR(stream_readinto_obj, 2, 3, stream_readinto);

/* One line (the newline kept), at most size units; empty at end of file. */
static obj_t read_line(obj_t self, intptr_t size) {
    const stream_p_t *s = stream_require(self);
    vstr_t vs;
    vstr_init(&vs, 32);
    size_t units = 0;
    while (size < 0 || units < (size_t)size) {
        char c;
        intptr_t n = read_some(self, s, &c, 1);
        if (n <= 0) {
            if (n < 0 && vs.len == 0) {
                return OBJ_NONE;
            }
            break;
        }
        vstr_add_byte(&vs, (uint8_t)c);
        units += !s->is_text || ((uint8_t)c & 0xc0) != 0x80;
        if (c == '\n') {
            break;
        }
    }
    if (s->is_text) {
        for (size_t more = utf8_missing(vs.buf, vs.len); more > 0; more--) {
            char c;
            if (read_some(self, s, &c, 1) <= 0) {
                break;
            }
            vstr_add_byte(&vs, (uint8_t)c);
        }
    }
    return result(s, &vs);
}

static obj_t stream_readline(size_t n_args, const obj_t *args) {
    return read_line(args[0], size_arg(n_args, args, 1));
}
FUN_DEFINE_VAR(stream_readline_obj, 1, 2, stream_readline);

static obj_t stream_readlines(size_t n_args, const obj_t *args) {
    intptr_t hint = size_arg(n_args, args, 1);
    obj_t list = obj_new_list(0, NULL);
    size_t total = 0;
    for (;;) {
        obj_t line = read_line(args[0], -1);
        if (line == OBJ_NONE || obj_len(line) == 0) {
            break;
        }
        obj_list_append(list, line);
        total += obj_len(line);
        if (hint > 0 && total >= (size_t)hint) {
            break;
        }
    }
    return list;
}
FUN_DEFINE_VAR(stream_readlines_obj, 1, 2, stream_readlines);

static obj_t stream_write(obj_t self, obj_t data) {
    const stream_p_t *s = stream_require(self);
    size_t len;
    const char *buf;
    if (s->is_text) {
        if (!obj_is_str_or_subclass(data)) {
            rt_raise_type_error("write() argument must be str, not %q", obj_type_name(data));
        }
        buf = obj_str_get_data(data, &len);
    } else if (obj_is_str_or_subclass(data) || !str_get_buffer(data, &buf, &len)) {
        rt_raise_type_error("a bytes-like object is required, not '%q'", obj_type_name(data));
    }
    int err = 0;
    intptr_t n = s->write(self, buf, len, &err);
    if (n == STREAM_ERROR && err == EAGAIN) {
        return OBJ_NONE;
    }
    check(n, err);
    return obj_new_int((intptr_t)(s->is_text ? count_chars(buf, (size_t)n) : (size_t)n));
}
FUN_DEFINE_2(stream_write_obj, stream_write);

static obj_t stream_flush(obj_t self) {
    ioctl(self, STREAM_FLUSH, 0);
    return OBJ_NONE;
}
FUN_DEFINE_1(stream_flush_obj, stream_flush);

static obj_t stream_seek(size_t n_args, const obj_t *args) {
    stream_seek_t seek = { obj_get_ll(args[1]), n_args > 2 ? (int)obj_get_int(args[2]) : 0 };
    if (seek.whence < 0 || seek.whence > 2) {
        rt_raise_value_error("invalid whence (%d, should be 0, 1 or 2)", seek.whence);
    }
    ioctl(args[0], STREAM_SEEK, (uintptr_t)&seek);
    return obj_new_int_from_ll(seek.offset);
}
FUN_DEFINE_VAR(stream_seek_obj, 2, 3, stream_seek);

static obj_t stream_tell(obj_t self) {
    stream_seek_t seek = { 0, 1 };
    ioctl(self, STREAM_SEEK, (uintptr_t)&seek);
    return obj_new_int_from_ll(seek.offset);
}
FUN_DEFINE_1(stream_tell_obj, stream_tell);

static obj_t stream_close(obj_t self) {
    ioctl(self, STREAM_CLOSE, 0);
    gc_finaliser_done(OBJ_TO_PTR(self));
    return OBJ_NONE;
}
FUN_DEFINE_1(stream_close_obj, stream_close);

static obj_t stream_enter(obj_t self) {
    return self;
}
FUN_DEFINE_1(stream_enter_obj, stream_enter);

static obj_t stream_exit(size_t n_args, const obj_t *args) {
    (void)n_args;
    return rt_call_method(args[0], Q_close, 0, NULL);
}
FUN_DEFINE_VAR(stream_exit_obj, 1, 4, stream_exit);

obj_t stream_getiter(obj_t self) {
    return self;
}

obj_t stream_iternext(obj_t self) {
    obj_t line = read_line(self, -1);
    return line == OBJ_NONE || obj_len(line) == 0 ? OBJ_STOP : line;
}
