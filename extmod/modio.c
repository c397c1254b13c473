/* modio.c: the io module: StringIO and BytesIO (in-memory streams over one growable buffer, with
 * every stream method from py/stream.c), IOBase (streams written in Python) and open.  Positions count bytes (as MicroPython's), which
 * equals CPython's character positions for ASCII text. */
#include "errcodes.h"
#include <string.h>
#include "gc.h"
#include "objstr.h"
#include "runtime.h"
#include "stream.h"
#include "vfs.h"

typedef struct {
    obj_base_t base;
    bool closed;
    size_t pos;
    vstr_t vs;
} memio_t;

static memio_t *live(obj_t self) {
    memio_t *m = OBJ_TO_PTR(self);
    if (m->closed) {
        rt_raise_value_error("I/O operation on closed file");
    }
    return m;
}

static intptr_t memio_read(obj_t self, void *buf, size_t size, int *err) {
    (void)err;
    memio_t *m = live(self);
    size_t left = m->pos < m->vs.len ? m->vs.len - m->pos : 0;
    if (size > left) {
        size = left;
    }
    memcpy(buf, m->vs.buf + m->pos, size);
    m->pos += size;
    return (intptr_t)size;
}

static intptr_t memio_write(obj_t self, const void *buf, size_t size, int *err) {
    (void)err;
    memio_t *m = live(self);
    size_t end = m->pos + size;
    if (end > m->vs.len) {
        size_t old = m->vs.len;
        vstr_extend(&m->vs, end - old);
        if (m->pos > old) {
            memset(m->vs.buf + old, 0, m->pos - old);   /* a write past the end fills the gap */
        }
    }
    memcpy(m->vs.buf + m->pos, buf, size);
    m->pos = end;
    return (intptr_t)size;
}

static intptr_t memio_ioctl(obj_t self, uintptr_t request, uintptr_t arg, int *err) {
    memio_t *m = OBJ_TO_PTR(self);
    if (request == STREAM_CLOSE) {
        m->closed = true;
        return 0;
    }
    live(self);
    switch (request) {
        case STREAM_FLUSH:
            return 0;
        case STREAM_SEEK: {
            stream_seek_t *s = (stream_seek_t *)arg;
            if (s->whence == 0 && s->offset < 0) {
                rt_raise_value_error("negative seek value %lld", (long long)s->offset);
            }
            int64_t base = s->whence == 1 ? (int64_t)m->pos : s->whence == 2 ? (int64_t)m->vs.len : 0;
            int64_t pos = base + s->offset;
            m->pos = pos < 0 ? 0 : (size_t)pos;
            s->offset = (int64_t)m->pos;
            return 0;
        }
        case STREAM_POLL:
            return (intptr_t)(arg & (POLL_IN | POLL_OUT));
        default:
            *err = EINVAL;
            return STREAM_ERROR;
    }
}

static obj_t memio_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = { { Q_initial_value, 0, OBJ_NONE } };
    obj_t init;
    arg_parse(n_args, n_kw, args, spec, 1, &init, qstr_str(type->name));
    memio_t *m = m_new_obj(memio_t);
    m->base.type = type;
    vstr_init(&m->vs, 16);
    if (init != OBJ_NONE) {
        const char *data;
        size_t len;
        if (type->stream->is_text) {
            if (!obj_is_str_or_subclass(init)) {
                rt_raise_type_error("initial_value must be str or None, not %q", obj_type_name(init));
            }
            data = obj_str_get_data(init, &len);
        } else if (obj_is_str_or_subclass(init) || !str_get_buffer(init, &data, &len)) {
            rt_raise_type_error("a bytes-like object is required, not '%q'", obj_type_name(init));
        }
        vstr_add_strn(&m->vs, data, len);
    }
    return m;
}

static obj_t memio_getvalue(obj_t self) {
    memio_t *m = live(self);
    if (stream_get(self)->is_text) {
        return obj_new_str(m->vs.buf, m->vs.len);
    }
    return obj_new_bytes((const uint8_t *)m->vs.buf, m->vs.len);
}
static FUN_DEFINE_1(memio_getvalue_obj, memio_getvalue);

/* StringIO words its type error its own way (files say "write() argument must be str"). */
static obj_t memio_write_method(obj_t self, obj_t data) {
    if (stream_get(self)->is_text && !obj_is_str_or_subclass(data)) {
        rt_raise_type_error("string argument expected, got '%q'", obj_type_name(data));
    }
    return stream_write_obj.fun.f2(self, data);
}
static FUN_DEFINE_2(memio_write_obj, memio_write_method);

static obj_t memio_read_method(size_t n_args, const obj_t *args) {
    memio_t *m = live(args[0]);
    size_t left = m->pos < m->vs.len ? m->vs.len - m->pos : 0;
    intptr_t size = n_args > 1 && args[1] != OBJ_NONE ? obj_get_int(args[1]) : -1;
    return stream_read_hinted(args[0], size, size >= 0 && (size_t)size < left ? (size_t)size : left);
}
static FUN_DEFINE_VAR(memio_read_obj, 1, 2, memio_read_method);

static obj_t memio_truncate(size_t n_args, const obj_t *args) {
    memio_t *m = live(args[0]);
    size_t size = n_args > 1 && args[1] != OBJ_NONE ? (size_t)obj_get_int(args[1]) : m->pos;
    if (size < m->vs.len) {
        m->vs.len = size;
    }
    return obj_new_int((intptr_t)size);
}
static FUN_DEFINE_VAR(memio_truncate_obj, 1, 2, memio_truncate);

static obj_t memio_true(obj_t self) {
    live(self);
    return OBJ_TRUE;
}
static FUN_DEFINE_1(memio_true_obj, memio_true);

static void memio_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] == OBJ_NULL && attr == Q_closed) {
        dest[0] = OBJ_BOOL(((memio_t *)OBJ_TO_PTR(self))->closed);
    }
}

static const map_elem_t memio_locals_table[] = {
    { QOBJ(read), OBJ_ROM(&memio_read_obj) },
    { QOBJ(readinto), OBJ_ROM(&stream_readinto_obj) },
    { QOBJ(readline), OBJ_ROM(&stream_readline_obj) },
    { QOBJ(readlines), OBJ_ROM(&stream_readlines_obj) },
    { QOBJ(write), OBJ_ROM(&memio_write_obj) },
    { QOBJ(flush), OBJ_ROM(&stream_flush_obj) },
    { QOBJ(seek), OBJ_ROM(&stream_seek_obj) },
    { QOBJ(tell), OBJ_ROM(&stream_tell_obj) },
    { QOBJ(close), OBJ_ROM(&stream_close_obj) },
    { QOBJ(getvalue), OBJ_ROM(&memio_getvalue_obj) },
    { QOBJ(truncate), OBJ_ROM(&memio_truncate_obj) },
    { QOBJ(readable), OBJ_ROM(&memio_true_obj) },
    { QOBJ(writable), OBJ_ROM(&memio_true_obj) },
    { QOBJ(seekable), OBJ_ROM(&memio_true_obj) },
    { QOBJ(__enter__), OBJ_ROM(&stream_enter_obj) },
    { QOBJ(__exit__), OBJ_ROM(&stream_exit_obj) },
};
static const DICT_ROM(memio_locals, memio_locals_table);

static const stream_p_t stringio_stream = { memio_read, memio_write, memio_ioctl, true };
static const stream_p_t bytesio_stream = { memio_read, memio_write, memio_ioctl, false };

const type_t type_stringio = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY | TYPE_FLAG_ITER_IS_SELF | TYPE_FLAG_BASETYPE,
    .name = Q_StringIO,
    .make_new = memio_make_new,
    .attr = memio_attr,
    .getiter = stream_getiter,
    .iternext = stream_iternext,
    .locals_dict = (dict_t *)&memio_locals,
    .stream = &stringio_stream,
};

const type_t type_bytesio = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY | TYPE_FLAG_ITER_IS_SELF | TYPE_FLAG_BASETYPE,
    .name = Q_BytesIO,
    .make_new = memio_make_new,
    .attr = memio_attr,
    .getiter = stream_getiter,
    .iternext = stream_iternext,
    .locals_dict = (dict_t *)&memio_locals,
    .stream = &bytesio_stream,
};

/* ------------------------------------------------------------------ IOBase */

/* io.IOBase: a Python class deriving from it is a stream made of its own readinto(buf), write(buf)
 * and optional ioctl(request, arg) methods (MicroPython's protocol), so print(file=), select.poll,
 * os.dupterm and the generic methods (readline, iteration...) work on it.  None from readinto or
 * write means "nothing now" (EAGAIN). */
static intptr_t result_count(obj_t r, int *err) {
    if (r == OBJ_NONE) {
        *err = EAGAIN;
        return STREAM_ERROR;
    }
    return obj_get_int(r);
}

static intptr_t iobase_read(obj_t self, void *buf, size_t size, int *err) {
    obj_t b = obj_new_bytearray(NULL, size);
    intptr_t n = result_count(rt_call_method(self, Q_readinto, 1, &b), err);
    if (n > 0) {
        size_t len;
        const char *d = obj_str_get_data(b, &len);
        memcpy(buf, d, (size_t)n < len ? (size_t)n : len);
    }
    return n;
}

static intptr_t iobase_write(obj_t self, const void *buf, size_t size, int *err) {
    obj_t b = obj_new_bytes(buf, size);
    return result_count(rt_call_method(self, Q_write, 1, &b), err);
}

static intptr_t iobase_ioctl(obj_t self, uintptr_t request, uintptr_t arg, int *err) {
    obj_t dest[2];
    if (request != STREAM_SEEK && rt_load_method_maybe(self, Q_ioctl, dest)) {
        obj_t args[2] = { obj_new_int((intptr_t)request), obj_new_int((intptr_t)arg) };
        return obj_get_int(rt_call_self(dest[0], dest[1], 2, 0, args));
    }
    if (request == STREAM_FLUSH || request == STREAM_CLOSE) {
        return 0;
    }
    *err = EINVAL;
    return STREAM_ERROR;
}

static obj_t iobase_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)n_args;
    (void)n_kw;
    (void)args;
    obj_base_t *o = m_new_obj(obj_base_t);
    o->type = type;
    return o;
}

static const stream_p_t iobase_stream = { iobase_read, iobase_write, iobase_ioctl, false };

static const map_elem_t iobase_locals_table[] = {
    { QOBJ(read), OBJ_ROM(&stream_read_obj) },
    { QOBJ(readline), OBJ_ROM(&stream_readline_obj) },
    { QOBJ(readlines), OBJ_ROM(&stream_readlines_obj) },
    { QOBJ(flush), OBJ_ROM(&stream_flush_obj) },
    { QOBJ(close), OBJ_ROM(&stream_close_obj) },
    { QOBJ(__enter__), OBJ_ROM(&stream_enter_obj) },
    { QOBJ(__exit__), OBJ_ROM(&stream_exit_obj) },
};
static const DICT_ROM(iobase_locals, iobase_locals_table);

const type_t type_iobase = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_ITER_IS_SELF,
    .name = Q_IOBase,
    .make_new = iobase_make_new,
    .getiter = stream_getiter,
    .iternext = stream_iternext,
    .locals_dict = (dict_t *)&iobase_locals,
    .stream = &iobase_stream,
};

static const map_elem_t io_globals_table[] = {
    { QOBJ(__name__), QOBJ(io) },
    { QOBJ(open), OBJ_ROM(&builtin_open_obj) },
    { QOBJ(StringIO), OBJ_ROM(&type_stringio) },
    { QOBJ(BytesIO), OBJ_ROM(&type_bytesio) },
    { QOBJ(IOBase), OBJ_ROM(&type_iobase) },
    { QOBJ(SEEK_SET), OBJ_NEW_SMALL_INT(0) },
    { QOBJ(SEEK_CUR), OBJ_NEW_SMALL_INT(1) },
    { QOBJ(SEEK_END), OBJ_NEW_SMALL_INT(2) },
};
static const DICT_ROM(io_globals, io_globals_table);

MODULE_ROM(module_io, io_globals);
REGISTER_MODULE(io, module_io);
