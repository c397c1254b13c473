/* modselect.c: the `select` module (also `uselect`): poll objects and select.select over any stream
 * that answers ioctl(STREAM_POLL).  The waiting runs timers, pin IRQs and Ctrl-C as time.sleep does;
 * on ports with host file descriptors (CONFIG_PORT_POLL_FDS) it sleeps in the port's poll(2) hook
 * instead of in short slices, so a socket wakes it at once. */
#include "gc.h"
#include "modmachine.h"
#include "hal.h"
#include "port.h"
#include "runtime.h"
#include "stream.h"

#ifndef CONFIG_PORT_POLL_FDS
#define CONFIG_PORT_POLL_FDS (0)
#endif

#define MAX_WAIT_FDS (16)   /* more fds than this: wait in 1 ms slices */

typedef struct {
    obj_base_t base;
    obj_t entries;          /* dict: object -> small int event mask */
} poll_t;

/* Host fds of the waited-for objects, for the port's poll(2). */
typedef struct {
    size_t n;
    bool all;               /* every object has one */
    int fds[MAX_WAIT_FDS];
    uint16_t events[MAX_WAIT_FDS];
} fd_set_t;

static void fds_add(fd_set_t *set, int fd, unsigned events) {
    if (fd < 0 || set->n == MAX_WAIT_FDS) {
        set->all = false;
        return;
    }
    set->fds[set->n] = fd;
    set->events[set->n++] = (uint16_t)events;
}

/* Which of events obj is ready for now (POLL_ERR/POLL_HUP always count); notes its fd in set. */
static unsigned poll_one(obj_t obj, unsigned events, fd_set_t *set) {
    if (obj_is_small_int(obj)) {
        intptr_t fd = OBJ_SMALL_INT_VALUE(obj);
        fds_add(set, (int)fd, events);
#if CONFIG_PORT_POLL_FDS
        int ifd = (int)fd;
        uint16_t ev = (uint16_t)events, rev = 0;
        return port_poll_fds(1, &ifd, &ev, &rev, 0) > 0 ? rev : 0;
#else
        return POLL_ERR;
#endif
    }
    const stream_p_t *s = stream_get(obj);
    if (s == NULL || s->ioctl == NULL) {
        rt_raise_type_error("object with stream.ioctl required");
    }
    int err = 0;
    intptr_t fd = s->ioctl(obj, STREAM_GET_FILENO, 0, &err);
    fds_add(set, fd == STREAM_ERROR ? -1 : (int)fd, events);
#if CONFIG_PORT_POLL_FDS
    if (fd >= 0) {
        /* a host fd is the truth (sys.stdin's own POLL can't know whether a key is waiting) */
        int ifd = (int)fd;
        uint16_t ev = (uint16_t)events, rev = 0;
        return port_poll_fds(1, &ifd, &ev, &rev, 0) > 0 ? rev : 0;
    }
#endif
    intptr_t r = s->ioctl(obj, STREAM_POLL, events, &err);
    if (r == STREAM_ERROR) {
        return POLL_ERR;
    }
    return (unsigned)r & (events | POLL_ERR | POLL_HUP);
}

/* Sleeps until one of set's fds may be ready, or until the tick `wake`, running events meanwhile. */
static void wait_until(const fd_set_t *set, uint64_t wake) {
    uint64_t now = hal_ticks_us(), t = machine_timer_next_us(), ev = hal_next_event_us();
    wake = t < wake ? t : wake;
    wake = ev < wake ? ev : wake;
    if (wake <= now) {
        return;
    }
#if CONFIG_PORT_POLL_FDS
    if (set->all) {
        uint16_t rev[MAX_WAIT_FDS];
        uint64_t us = wake - now;
        int ms = us >= 3600000000u ? -1 : (int)((us + 999) / 1000);
        if (port_poll_fds(set->n, set->fds, set->events, rev, ms) == 0) {
            hal_wait_until(wake);   /* the virtual clock of --fast-time moves on too */
        }
        return;
    }
#else
    (void)set;
#endif
    hal_wait_until(wake - now > 1000 ? now + 1000 : wake);
}

/* Polls the (object, mask) pairs of `entries` until some are ready or timeout_ms passes (-1: no
 * limit).  ready(obj, revents, arg) is called for each ready one; returns how many. */
typedef void (*ready_fun_t)(obj_t obj, unsigned revents, void *arg);

static size_t poll_map(const map_t *entries, intptr_t timeout_ms, ready_fun_t ready, void *arg) {
    uint64_t deadline = timeout_ms < 0 ? UINT64_MAX : hal_ticks_us() + (uint64_t)timeout_ms * 1000u;
    for (;;) {
        machine_poll();
        fd_set_t set = { 0, true, { 0 }, { 0 } };
        size_t n = 0, i = 0;
        map_elem_t *e;
        while ((e = map_next(entries, &i)) != NULL) {
            unsigned r = poll_one(e->key, (unsigned)OBJ_SMALL_INT_VALUE(e->value), &set);
            if (r != 0) {
                ready(e->key, r, arg);
                n++;
            }
        }
        if (n > 0 || timeout_ms == 0 || hal_ticks_us() >= deadline) {
            return n;
        }
        wait_until(&set, deadline);
    }
}

/* ---- poll objects ---- */

static intptr_t timeout_arg(size_t n_args, const obj_t *args, size_t i) {
    if (n_args <= i || args[i] == OBJ_NONE) {
        return -1;
    }
#if CONFIG_FLOAT
    intptr_t t = obj_is_float(args[i]) ? (intptr_t)obj_get_float(args[i]) : obj_get_int(args[i]);
#else
    intptr_t t = obj_get_int(args[i]);
#endif
    return t < 0 ? -1 : t;
}

static obj_t poll_register(size_t n_args, const obj_t *args) {
    poll_t *self = OBJ_TO_PTR(args[0]);
    obj_t mask = n_args > 2 ? OBJ_NEW_SMALL_INT(obj_get_int(args[2]) & 0xffff)
                            : OBJ_NEW_SMALL_INT(POLL_IN | POLL_OUT);
    obj_dict_store(self->entries, args[1], mask);
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(poll_register_obj, 2, 3, poll_register);

static obj_t poll_unregister(obj_t self_in, obj_t obj) {
    poll_t *self = OBJ_TO_PTR(self_in);
    map_lookup(obj_dict_get_map(self->entries), obj, MAP_LOOKUP_REMOVE_IF_FOUND);
    return OBJ_NONE;
}
static FUN_DEFINE_2(poll_unregister_obj, poll_unregister);

static obj_t poll_modify(obj_t self_in, obj_t obj, obj_t mask) {
    poll_t *self = OBJ_TO_PTR(self_in);
    map_elem_t *e = map_lookup(obj_dict_get_map(self->entries), obj, MAP_LOOKUP);
    if (e == NULL) {
        rt_raise_os_error(2);   /* ENOENT, as MicroPython and CPython */
    }
    e->value = OBJ_NEW_SMALL_INT(obj_get_int(mask) & 0xffff);
    return OBJ_NONE;
}
static FUN_DEFINE_3(poll_modify_obj, poll_modify);

static void add_pair(obj_t obj, unsigned revents, void *list) {
    obj_t pair[2] = { obj, OBJ_NEW_SMALL_INT(revents) };
    obj_list_append(list, obj_new_tuple(2, pair));
}

static obj_t poll_poll(size_t n_args, const obj_t *args) {
    poll_t *self = OBJ_TO_PTR(args[0]);
    obj_t list = obj_new_list(0, NULL);
    poll_map(obj_dict_get_map(self->entries), timeout_arg(n_args, args, 1), add_pair, list);
    return list;
}
static FUN_DEFINE_VAR(poll_poll_obj, 1, 2, poll_poll);

/* ipoll(timeout=-1, flags=0): an iterator; flags bit 0 makes the ready objects one-shot (their
 * mask drops to 0 until modify re-arms them), as MicroPython's. */
static obj_t poll_ipoll(size_t n_args, const obj_t *args) {
    obj_t list = poll_poll(n_args < 2 ? n_args : 2, args);
    if (n_args > 2 && (obj_get_int(args[2]) & 1)) {
        poll_t *self = OBJ_TO_PTR(args[0]);
        size_t n;
        obj_t *items;
        obj_list_get(list, &n, &items);
        for (size_t i = 0; i < n; i++) {
            obj_t *pair;
            size_t two;
            obj_tuple_get(items[i], &two, &pair);
            obj_dict_store(self->entries, pair[0], OBJ_NEW_SMALL_INT(0));
        }
    }
    return rt_getiter(list);
}
static FUN_DEFINE_VAR(poll_ipoll_obj, 1, 3, poll_ipoll);

static const map_elem_t poll_locals_table[] = {
    { QOBJ(register), OBJ_ROM(&poll_register_obj) },
    { QOBJ(unregister), OBJ_ROM(&poll_unregister_obj) },
    { QOBJ(modify), OBJ_ROM(&poll_modify_obj) },
    { QOBJ(poll), OBJ_ROM(&poll_poll_obj) },
    { QOBJ(ipoll), OBJ_ROM(&poll_ipoll_obj) },
};
static DICT_ROM(poll_locals, poll_locals_table);

static const type_t type_poll = {
    .base = { &type_type },
    .name = Q_poll,
    .locals_dict = (dict_t *)&poll_locals,
};

static obj_t select_poll(void) {
    poll_t *p = m_new_obj(poll_t);
    p->base.type = &type_poll;
    p->entries = obj_new_dict(4);
    return OBJ_FROM_PTR(p);
}
static FUN_DEFINE_0(select_poll_obj, select_poll);

/* ---- select.select(rlist, wlist, xlist[, timeout in seconds]) ---- */

static void add_select(obj_t dict, obj_t seq, unsigned flag) {
    obj_t iter = rt_getiter(seq), o;
    while ((o = rt_iternext(iter)) != OBJ_STOP) {
        map_elem_t *e = map_lookup(obj_dict_get_map(dict), o, MAP_LOOKUP_ADD_IF_NOT_FOUND);
        e->value = OBJ_NEW_SMALL_INT((e->value == OBJ_NULL ? 0 : OBJ_SMALL_INT_VALUE(e->value)) | flag);
    }
}

static void sort_select(obj_t obj, unsigned revents, void *lists) {
    obj_t *l = lists;
    if (revents & POLL_IN) {
        obj_list_append(l[0], obj);
    }
    if (revents & POLL_OUT) {
        obj_list_append(l[1], obj);
    }
    if (revents & (POLL_ERR | POLL_HUP)) {
        obj_list_append(l[2], obj);
    }
}

static obj_t select_select(size_t n_args, const obj_t *args) {
    obj_t dict = obj_new_dict(4);
    add_select(dict, args[0], POLL_IN);
    add_select(dict, args[1], POLL_OUT);
    add_select(dict, args[2], POLL_ERR);
    intptr_t timeout = -1;
    if (n_args > 3 && args[3] != OBJ_NONE) {
#if CONFIG_FLOAT
        float_val_t t = obj_get_float(args[3]);
#else
        intptr_t t = obj_get_int(args[3]);   /* whole seconds without a float type */
#endif
        if (t < 0) {
            rt_raise_value_error("timeout must be non-negative");
        }
        timeout = (intptr_t)(t * 1000 + 0.5);
    }
    obj_t lists[3] = { obj_new_list(0, NULL), obj_new_list(0, NULL), obj_new_list(0, NULL) };
    poll_map(obj_dict_get_map(dict), timeout, sort_select, lists);
    return obj_new_tuple(3, lists);
}
static FUN_DEFINE_VAR(select_select_obj, 3, 4, select_select);

static const map_elem_t select_globals_table[] = {
    { QOBJ(__name__), QOBJ(select) },
    { QOBJ(poll), OBJ_ROM(&select_poll_obj) },
    { QOBJ(select), OBJ_ROM(&select_select_obj) },
    { QOBJ(POLLIN), OBJ_NEW_SMALL_INT(POLL_IN) },
    { QOBJ(POLLOUT), OBJ_NEW_SMALL_INT(POLL_OUT) },
    { QOBJ(POLLERR), OBJ_NEW_SMALL_INT(POLL_ERR) },
    { QOBJ(POLLHUP), OBJ_NEW_SMALL_INT(POLL_HUP) },
};
static DICT_ROM(select_globals, select_globals_table);
MODULE_ROM(module_select, select_globals);
REGISTER_MODULE(select, module_select);
