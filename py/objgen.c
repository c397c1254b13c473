/* objgen.c: generators, coroutines and async generators.  Each owns a heap frame for as long as it
 * can run and runs it as a fresh VM entry on every resume.  A finished generator hands its frame to
 * a small pool that the next generator of the same frame size takes it from: recursive generators
 * (tree walks with yield from) create and finish one per node, and the pool spares the allocator.
 * Also the helpers behind YIELD_FROM, GET_AWAITABLE and GET_YIELD_FROM_ITER. */
#include <string.h>
#include "vm.h"
#include "gc.h"

enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_DONE };

typedef struct {
    obj_base_t base;          /* type_generator, type_coroutine or type_async_gen */
    obj_t exc_state;          /* the exception the body was handling when it last yielded */
    vm_frame_t *frame;        /* NULL once finished (the frame went back to the pool) */
    code_t *code;
    uint8_t state;
    uint8_t yield_kind;       /* how it last suspended: 1 YIELD_VALUE, 2 inside YIELD_FROM */
} gen_t;

/* ---- the frame pool: a list through word 0 of each free frame, word 1 its size in words ---- */
#define POOL_MAX (8)
static size_t pool_len;

/* One spare word: the frame keeps pointers one past its last slot, which must stay inside its
 * block, or the conservative GC would read them as references to the next block and keep it. */
static size_t frame_alloc_words(const code_t *code) {
    return vm_frame_words(code) + 1;
}

static vm_frame_t *frame_alloc(size_t words) {
    obj_t *prev = NULL;
    for (obj_t *b = STATE(gen_frame_pool); b != NULL; prev = b, b = b[0]) {
        if ((size_t)(uintptr_t)b[1] == words) {
            if (prev != NULL) {
                prev[0] = b[0];
            } else {
                STATE(gen_frame_pool) = b[0];
            }
            pool_len--;
            b[0] = b[1] = OBJ_NULL;
            return (vm_frame_t *)b;
        }
    }
    return m_malloc(words * sizeof(obj_t));
}

/* g has finished: nothing can reach its frame any more. */
static void frame_release(gen_t *g) {
    obj_t *b = (obj_t *)g->frame;
    g->frame = NULL;
    if (b == NULL) {
        return;
    }
    size_t words = frame_alloc_words(g->code);
    if (pool_len >= POOL_MAX) {
        gc_free(b);
        return;
    }
    /* cleared, so the pool keeps nothing else alive */
    memset(b, 0, words * sizeof(obj_t));
    b[0] = STATE(gen_frame_pool);
    b[1] = (obj_t)(uintptr_t)words;
    STATE(gen_frame_pool) = b;
    pool_len++;
}

static void gen_finished(gen_t *g) {
    g->state = GEN_DONE;
    g->exc_state = OBJ_NULL;
    frame_release(g);
}

obj_t gen_new(const fun_bc_t *fun, size_t n_args, size_t n_kw, const obj_t *args) {
    code_t *code = fun->code;
    gen_t *g = m_new_obj(gen_t);
    g->base.type = (code->flags & CODE_FLAG_COROUTINE) ? &type_coroutine
                 : (code->flags & CODE_FLAG_ASYNC_GEN) ? &type_async_gen : &type_generator;
    g->code = code;
    g->state = GEN_CREATED;
    vm_frame_t *f = frame_alloc(frame_alloc_words(code));
    vm_frame_init(f, code, OBJ_FROM_PTR((fun_bc_t *)fun), fun->globals, NULL);
    fun_bc_bind(f, fun, n_args, n_kw, args);
    g->frame = f;
    return g;
}

static const char *kind_name(const gen_t *g) {
    return g->base.type == &type_coroutine ? "coroutine"
         : g->base.type == &type_async_gen ? "async generator" : "generator";
}

/* PEP 479: StopIteration leaving the body becomes RuntimeError. */
static obj_t body_exception(gen_t *g, obj_t exc) {
    const char *what = NULL;
    if (exc_is_instance(exc, &type_StopIteration)) {
        what = "StopIteration";
    } else if (g->base.type == &type_async_gen && exc_is_instance(exc, &type_StopAsyncIteration)) {
        what = "StopAsyncIteration";
    }
    if (what != NULL) {
        obj_t err = obj_new_exception_msg(&type_RuntimeError, "%s raised %s", kind_name(g), what);
        exc_get(err)->cause = exc;
        exc_get(err)->context = exc;
        exc = err;
    }
    return exc;
}

/* A sub-iterator that a suspended `yield from` may resume directly. */
static bool can_delegate(obj_t sub) {
    return gen_is(sub) && ((gen_t *)OBJ_TO_PTR(sub))->state == GEN_SUSPENDED;
}

/* Runs the body of g (created or suspended) until it yields or ends.  push, if set, is the value the
 * suspended yield returns.  An exception leaving the body is not raised: it comes back in *exc with
 * OBJ_NULL as the result, so a chain of `yield from` needs no nlr handler per level.  A value sent
 * into a generator suspended in `yield from gen` goes straight to that generator: its own frame
 * runs only when the delegate returns or raises, just past the YIELD_FROM, as it would have. */
static obj_t gen_step(gen_t *g, obj_t push, obj_t throw_exc, obj_t *ret, obj_t *exc) {
    vm_frame_t *f = g->frame;
    obj_t caller_exc = STATE(cur_exc);
    if (g->exc_state != OBJ_NULL) {
        STATE(cur_exc) = g->exc_state;
    }
    g->state = GEN_RUNNING;
    if (g->yield_kind == 2 && push != OBJ_NULL && throw_exc == OBJ_NULL && can_delegate(f->sp[-1])) {
        obj_t sub_ret, sub_exc;
        obj_t v = gen_step(OBJ_TO_PTR(f->sp[-1]), push, OBJ_NULL, &sub_ret, &sub_exc);
        if (v != OBJ_NULL && v != OBJ_STOP) {
            g->state = GEN_SUSPENDED;
            STATE(cur_exc) = caller_exc;
            return v;
        }
        f->ip++;
        push = OBJ_NULL;
        if (v == OBJ_STOP) {
            f->sp[-1] = sub_ret;
        } else {
            throw_exc = sub_exc;
        }
    }
    if (push != OBJ_NULL) {
        *f->sp++ = push;
    }
    int status;
    obj_t v = vm_run_frame_catch(f, throw_exc, &status);
    if (status == 1 || status == 2) {
        g->state = GEN_SUSPENDED;
        g->yield_kind = (uint8_t)status;
        g->exc_state = STATE(cur_exc) != caller_exc ? STATE(cur_exc) : OBJ_NULL;
        STATE(cur_exc) = caller_exc;
        return v;
    }
    gen_finished(g);
    STATE(cur_exc) = caller_exc;
    if (status == VM_RAISED) {
        *exc = body_exception(g, v);
        return OBJ_NULL;
    }
    *ret = v;
    return OBJ_STOP;
}

static obj_t gen_run(gen_t *g, obj_t push, obj_t throw_exc, obj_t *ret) {
    if (g->state == GEN_RUNNING) {
        rt_raise_value_error("%s already executing", kind_name(g));
    }
    if (g->state == GEN_DONE) {
        if (g->base.type == &type_coroutine) {
            rt_raise_msg(&type_RuntimeError, "cannot reuse already awaited coroutine");
        }
        if (throw_exc != OBJ_NULL) {
            nlr_raise(throw_exc);
        }
        *ret = OBJ_NONE;
        return OBJ_STOP;
    }
    obj_t exc;
    obj_t v = gen_step(g, push, throw_exc, ret, &exc);
    if (v == OBJ_NULL) {
        nlr_raise(exc);
    }
    return v;
}

/* throw() into a generator suspended in `yield from sub`: sub gets it first.  Returns what sub
 * yields or OBJ_STOP (sub returned *ret), or OBJ_NULL when the exception belongs to the outer body. */
static obj_t throw_to_sub(obj_t sub, obj_t exc, obj_t *ret) {
    if (exc_is_instance(exc, &type_GeneratorExit)) {
        obj_t m[2];
        if (rt_load_method_maybe(sub, Q_close, m)) {
            if (m[1] != OBJ_NULL) {
                rt_call1(m[0], m[1]);
            } else {
                rt_call0(m[0]);
            }
        }
        return OBJ_NULL;
    }
    if (gen_is(sub) || obj_is_type(sub, &type_async_gen_asend)) {
        return vm_gen_resume(sub, OBJ_NONE, exc, ret);
    }
    obj_t m[2];
    if (!rt_load_method_maybe(sub, Q_throw, m)) {
        return OBJ_NULL;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t v = m[1] != OBJ_NULL ? rt_call2(m[0], m[1], exc) : rt_call1(m[0], exc);
        nlr_pop();
        return v;
    }
    if (!exc_is_instance(nlr.exc, &type_StopIteration)) {
        nlr_raise(nlr.exc);
    }
    *ret = exc_get_value(nlr.exc);
    return OBJ_STOP;
}

static obj_t gen_throw_exc(gen_t *g, obj_t exc, obj_t *ret) {
    if (g->state != GEN_SUSPENDED || g->yield_kind != 2) {
        return gen_run(g, OBJ_NULL, exc, ret);
    }
    vm_frame_t *f = g->frame;
    obj_t sub_ret = OBJ_NONE, v;
    g->state = GEN_RUNNING;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        v = throw_to_sub(f->sp[-1], exc, &sub_ret);
        nlr_pop();
    } else {
        g->state = GEN_SUSPENDED;
        return gen_run(g, OBJ_NULL, nlr.exc, ret);
    }
    g->state = GEN_SUSPENDED;
    if (v == OBJ_NULL) {
        return gen_run(g, OBJ_NULL, exc, ret);
    }
    if (v != OBJ_STOP) {
        return v;
    }
    /* sub finished: its return value replaces it and the body goes on after YIELD_FROM */
    f->sp[-1] = sub_ret;
    f->ip++;
    return gen_run(g, OBJ_NULL, OBJ_NULL, ret);
}

static obj_t asend_resume(obj_t self, obj_t send, obj_t throw_exc, obj_t *ret);

obj_t vm_gen_resume(obj_t gen, obj_t send_value, obj_t throw_exc, obj_t *ret_val) {
    if (obj_is_type(gen, &type_async_gen_asend)) {
        return asend_resume(gen, send_value, throw_exc, ret_val);
    }
    gen_t *g = OBJ_TO_PTR(gen);
    if (throw_exc != OBJ_NULL) {
        return gen_throw_exc(g, throw_exc, ret_val);
    }
    obj_t push = send_value;
    if (g->state == GEN_CREATED) {
        if (send_value != OBJ_NONE) {
            rt_raise_type_error("can't send non-None value to a just-started %s", kind_name(g));
        }
        push = OBJ_NULL;
    }
    return gen_run(g, push, OBJ_NULL, ret_val);
}

/* ------------------------------------------------------------------ yield from / await */

obj_t gen_yield_from_step(obj_t it, obj_t v, obj_t *ret) {
    if (gen_is(it) || obj_is_type(it, &type_async_gen_asend)) {
        return vm_gen_resume(it, v, OBJ_NULL, ret);
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t r = v == OBJ_NONE ? rt_iternext(it) : rt_call_method(it, Q_send, 1, &v);
        nlr_pop();
        if (r == OBJ_STOP) {
            *ret = OBJ_NONE;
        }
        return r;
    }
    if (!exc_is_instance(nlr.exc, &type_StopIteration)) {
        nlr_raise(nlr.exc);
    }
    *ret = exc_get_value(nlr.exc);
    return OBJ_STOP;
}

obj_t gen_get_yield_from_iter(obj_t o, const code_t *code) {
    if (obj_is_type(o, &type_generator)) {
        return o;
    }
    if (obj_is_type(o, &type_coroutine)) {
        if (!(code->flags & CODE_FLAG_COROUTINE)) {
            rt_raise_type_error("cannot 'yield from' a coroutine object in a non-coroutine generator");
        }
        return o;
    }
    return rt_getiter(o);
}

obj_t gen_get_awaitable(obj_t o) {
    if (obj_is_type(o, &type_coroutine) || obj_is_type(o, &type_async_gen_asend)) {
        return o;
    }
    obj_t m[2];
    if (obj_is_type(o, &type_generator) || !rt_load_method_maybe(o, Q___await__, m)) {
        rt_raise_type_error("object %q can't be used in 'await' expression", obj_type_name(o));
    }
    obj_t it = m[1] != OBJ_NULL ? rt_call1(m[0], m[1]) : rt_call0(m[0]);
    if (obj_is_type(it, &type_coroutine)) {
        rt_raise_type_error("__await__() returned a coroutine");
    }
    if (obj_get_type(it)->iternext == NULL && rt_load_attr_maybe(it, Q___next__) == OBJ_NULL) {
        rt_raise_type_error("__await__() returned non-iterator of type '%q'", obj_type_name(it));
    }
    return it;
}

/* ------------------------------------------------------------------ methods */

static obj_t finish(obj_t v, obj_t ret) {
    if (v == OBJ_STOP) {
        rt_raise_stop_iteration(ret == OBJ_NONE ? OBJ_NULL : ret);
    }
    return v;
}

static obj_t gen_send(obj_t self, obj_t v) {
    obj_t ret = OBJ_NONE;
    obj_t r = vm_gen_resume(self, v, OBJ_NULL, &ret);
    return finish(r, ret);
}

static obj_t gen_next_method(obj_t self) {
    return gen_send(self, OBJ_NONE);
}

/* throw(type[, value[, tb]]) or throw(instance): the exception instance to raise. */
static obj_t normalize_throw(size_t n_args, const obj_t *args) {
    obj_t t = args[0], v = n_args > 1 ? args[1] : OBJ_NONE;
    if (obj_isinstance(t, &type_type) && obj_is_subclass((const type_t *)t, &type_BaseException)) {
        if (v != OBJ_NONE && obj_isinstance(v, (const type_t *)t)) {
            return v;
        }
        return v == OBJ_NONE ? rt_call0(t) : rt_call1(t, v);
    }
    if (exc_is_instance(t, &type_BaseException)) {
        if (v != OBJ_NONE) {
            rt_raise_type_error("instance exception may not have a separate value");
        }
        return t;
    }
    rt_raise_type_error("exceptions must be classes or instances deriving from BaseException, not %q",
        obj_type_name(t));
}

static obj_t gen_throw(size_t n_args, const obj_t *args) {
    obj_t ret = OBJ_NONE;
    obj_t exc = normalize_throw(n_args - 1, args + 1);
    obj_t r = vm_gen_resume(args[0], OBJ_NONE, exc, &ret);
    return finish(r, ret);
}

static obj_t gen_close(obj_t self) {
    gen_t *g = OBJ_TO_PTR(self);
    if (g->state == GEN_CREATED || g->state == GEN_DONE) {
        gen_finished(g);
        return OBJ_NONE;
    }
    obj_t ret;
    obj_t exc = obj_new_exception(&type_GeneratorExit, 0, NULL);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t v = vm_gen_resume(self, OBJ_NONE, exc, &ret);
        nlr_pop();
        if (v != OBJ_STOP) {
            rt_raise_msg(&type_RuntimeError, "%s ignored GeneratorExit", kind_name(g));
        }
        return OBJ_NONE;
    }
    if (exc_is_instance(nlr.exc, &type_GeneratorExit) || exc_is_instance(nlr.exc, &type_StopIteration)) {
        return OBJ_NONE;
    }
    nlr_raise(nlr.exc);
}

static obj_t gen_self(obj_t self) {
    return self;
}

static obj_t gen_iternext(obj_t self) {
    obj_t ret;
    return vm_gen_resume(self, OBJ_NONE, OBJ_NULL, &ret);
}

static void gen_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    gen_t *g = OBJ_TO_PTR(self);
    const char *what = g->base.type == &type_async_gen ? "async_generator" : kind_name(g);
    print_fmt(p, "<%s object %q at %p>", what, g->code->name, self);
}

static void gen_attr(obj_t self, qstr attr, obj_t *dest) {
    gen_t *g = OBJ_TO_PTR(self);
    if (dest[0] != OBJ_NULL) {
        return;
    }
    switch (attr) {
        case Q___name__: case Q___qualname__: dest[0] = OBJ_NEW_QSTR(g->code->name); break;
        case Q_gi_running: case Q_cr_running: case Q_ag_running:
            dest[0] = OBJ_BOOL(g->state == GEN_RUNNING);
            break;
        case Q_gi_code: case Q_cr_code: case Q_ag_code: dest[0] = OBJ_FROM_PTR(g->code); break;
        case Q_gi_suspended: case Q_cr_suspended:
            dest[0] = OBJ_BOOL(g->state == GEN_SUSPENDED);
            break;
        default: break;
    }
}

static FUN_DEFINE_2(gen_send_obj, gen_send);
static FUN_DEFINE_VAR(gen_throw_obj, 2, 4, gen_throw);
static FUN_DEFINE_1(gen_close_obj, gen_close);
static FUN_DEFINE_1(gen_next_obj, gen_next_method);
static FUN_DEFINE_1(gen_self_obj, gen_self);

static const map_elem_t gen_locals_table[] = {
    { QOBJ(send), OBJ_ROM(&gen_send_obj) },
    { QOBJ(throw), OBJ_ROM(&gen_throw_obj) },
    { QOBJ(close), OBJ_ROM(&gen_close_obj) },
    { QOBJ(__next__), OBJ_ROM(&gen_next_obj) },
    { QOBJ(__iter__), OBJ_ROM(&gen_self_obj) },
};
static DICT_ROM(gen_locals, gen_locals_table);

static const map_elem_t coro_locals_table[] = {
    { QOBJ(send), OBJ_ROM(&gen_send_obj) },
    { QOBJ(throw), OBJ_ROM(&gen_throw_obj) },
    { QOBJ(close), OBJ_ROM(&gen_close_obj) },
    { QOBJ(__await__), OBJ_ROM(&gen_self_obj) },
};
static DICT_ROM(coro_locals, coro_locals_table);

const type_t type_generator = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY | TYPE_FLAG_ITER_IS_SELF,
    .name = Q_generator,
    .print = gen_print,
    .attr = gen_attr,
    .getiter = gen_self,
    .iternext = gen_iternext,
    .locals_dict = &gen_locals,
};

const type_t type_coroutine = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_coroutine,
    .print = gen_print,
    .attr = gen_attr,
    .locals_dict = &coro_locals,
};

/* ------------------------------------------------------------------ async generators
 * __anext__()/asend(v)/athrow(..)/aclose() return an awaitable (asend_t) that drives the body one
 * step: a value the body yields with `yield` completes the awaitable (StopIteration(value)); what
 * it yields while awaiting something passes through to whoever drives the outer coroutine. */

enum { ASEND_SEND, ASEND_THROW, ASEND_CLOSE };

typedef struct {
    obj_base_t base;
    obj_t gen;
    obj_t value;              /* first value to send */
    obj_t exc;                /* athrow/aclose: the exception thrown in on the first step */
    uint8_t kind;
    uint8_t state;            /* GEN_CREATED, GEN_SUSPENDED or GEN_DONE */
} asend_t;

static obj_t asend_new(obj_t gen, obj_t value, obj_t exc, int kind) {
    asend_t *a = m_new_obj(asend_t);
    a->base.type = &type_async_gen_asend;
    a->gen = gen;
    a->value = value;
    a->exc = exc;
    a->kind = (uint8_t)kind;
    a->state = GEN_CREATED;
    return a;
}

static obj_t asend_step(asend_t *a, gen_t *g, obj_t send, obj_t throw_exc, obj_t *ret) {
    obj_t gret;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t v = vm_gen_resume(OBJ_FROM_PTR(g), send, throw_exc, &gret);
        nlr_pop();
        if (v == OBJ_STOP) {
            a->state = GEN_DONE;
            if (a->kind == ASEND_CLOSE) {
                *ret = OBJ_NONE;
                return OBJ_STOP;
            }
            rt_raise_msg(&type_StopAsyncIteration, "");
        }
        if (g->yield_kind != 1) {
            return v;
        }
        a->state = GEN_DONE;
        if (a->kind == ASEND_CLOSE) {
            rt_raise_msg(&type_RuntimeError, "async generator ignored GeneratorExit");
        }
        *ret = v;
        return OBJ_STOP;
    }
    a->state = GEN_DONE;
    if (a->kind == ASEND_CLOSE && (exc_is_instance(nlr.exc, &type_GeneratorExit)
                                   || exc_is_instance(nlr.exc, &type_StopAsyncIteration))) {
        *ret = OBJ_NONE;
        return OBJ_STOP;
    }
    nlr_raise(nlr.exc);
}

static obj_t asend_resume(obj_t self, obj_t send, obj_t throw_exc, obj_t *ret) {
    asend_t *a = OBJ_TO_PTR(self);
    gen_t *g = OBJ_TO_PTR(a->gen);
    if (a->state == GEN_DONE) {
        rt_raise_msg(&type_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    }
    if (a->state == GEN_CREATED) {
        a->state = GEN_SUSPENDED;
        send = a->value;
        if (throw_exc == OBJ_NULL) {
            throw_exc = a->exc;
        }
        if (g->state == GEN_DONE || (throw_exc != OBJ_NULL && g->state == GEN_CREATED)) {
            gen_finished(g);
            a->state = GEN_DONE;
            if (a->kind == ASEND_CLOSE) {
                *ret = OBJ_NONE;
                return OBJ_STOP;
            }
            if (throw_exc != OBJ_NULL) {
                nlr_raise(throw_exc);
            }
            rt_raise_msg(&type_StopAsyncIteration, "");
        }
    }
    return asend_step(a, g, send, throw_exc, ret);
}

static obj_t agen_anext(obj_t self) {
    return asend_new(self, OBJ_NONE, OBJ_NULL, ASEND_SEND);
}

static obj_t agen_asend(obj_t self, obj_t v) {
    return asend_new(self, v, OBJ_NULL, ASEND_SEND);
}

static obj_t agen_athrow(size_t n_args, const obj_t *args) {
    return asend_new(args[0], OBJ_NONE, normalize_throw(n_args - 1, args + 1), ASEND_THROW);
}

static obj_t agen_aclose(obj_t self) {
    return asend_new(self, OBJ_NONE, obj_new_exception(&type_GeneratorExit, 0, NULL), ASEND_CLOSE);
}

static FUN_DEFINE_1(agen_anext_obj, agen_anext);
static FUN_DEFINE_2(agen_asend_obj, agen_asend);
static FUN_DEFINE_VAR(agen_athrow_obj, 2, 4, agen_athrow);
static FUN_DEFINE_1(agen_aclose_obj, agen_aclose);

static const map_elem_t agen_locals_table[] = {
    { QOBJ(__aiter__), OBJ_ROM(&gen_self_obj) },
    { QOBJ(__anext__), OBJ_ROM(&agen_anext_obj) },
    { QOBJ(asend), OBJ_ROM(&agen_asend_obj) },
    { QOBJ(athrow), OBJ_ROM(&agen_athrow_obj) },
    { QOBJ(aclose), OBJ_ROM(&agen_aclose_obj) },
};
static DICT_ROM(agen_locals, agen_locals_table);

const type_t type_async_gen = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_async_generator,
    .print = gen_print,
    .attr = gen_attr,
    .locals_dict = &agen_locals,
};

static obj_t asend_close(obj_t self) {
    ((asend_t *)OBJ_TO_PTR(self))->state = GEN_DONE;
    return OBJ_NONE;
}

static FUN_DEFINE_1(asend_close_obj, asend_close);

static obj_t asend_iternext(obj_t self) {
    obj_t ret = OBJ_NONE;
    obj_t r = asend_resume(self, OBJ_NONE, OBJ_NULL, &ret);
    return finish(r, ret);
}

static const map_elem_t asend_locals_table[] = {
    { QOBJ(send), OBJ_ROM(&gen_send_obj) },
    { QOBJ(throw), OBJ_ROM(&gen_throw_obj) },
    { QOBJ(close), OBJ_ROM(&asend_close_obj) },
    { QOBJ(__next__), OBJ_ROM(&gen_next_obj) },
    { QOBJ(__iter__), OBJ_ROM(&gen_self_obj) },
    { QOBJ(__await__), OBJ_ROM(&gen_self_obj) },
};
static DICT_ROM(asend_locals, asend_locals_table);

const type_t type_async_gen_asend = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY | TYPE_FLAG_ITER_IS_SELF,
    .name = Q_async_generator_asend,
    .getiter = gen_self,
    .iternext = asend_iternext,
    .locals_dict = &asend_locals,
};
