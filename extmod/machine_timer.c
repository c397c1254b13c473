/* machine_timer.c: machine.Timer, the ESP8266's virtual timers (id -1): ONE_SHOT or PERIODIC, with a
 * callback that gets the timer.  Running timers are listed in machine_state(); their callbacks are
 * scheduled when due (machine_poll), so they run between statements like IRQ handlers. */
#include "modmachine.h"

#define TIMER_ONE_SHOT (0)
#define TIMER_PERIODIC (1)

typedef struct {
    obj_base_t base;
    int8_t id;
    uint8_t mode;
    bool active;
    uint64_t period_us;
    uint64_t deadline;
    obj_t callback;
} timer_t_;

static void timer_remove(timer_t_ *t) {
    list_t *l = OBJ_TO_PTR(machine_state()->timers);
    for (size_t i = 0; i < l->len; i++) {
        if (l->items[i] == OBJ_FROM_PTR(t)) {
            for (size_t j = i + 1; j < l->len; j++) {
                l->items[j - 1] = l->items[j];
            }
            l->len--;
            break;
        }
    }
    t->active = false;
}

uint64_t machine_timer_next_us(void) {
    uint64_t next = UINT64_MAX;
    list_t *l = OBJ_TO_PTR(machine_state()->timers);
    for (size_t i = 0; i < l->len; i++) {
        timer_t_ *t = OBJ_TO_PTR(l->items[i]);
        if (t->deadline < next) {
            next = t->deadline;
        }
    }
    return next;
}

void machine_timer_fire_due(uint64_t now) {
    list_t *l = OBJ_TO_PTR(machine_state()->timers);
    for (size_t i = 0; i < l->len;) {
        timer_t_ *t = OBJ_TO_PTR(l->items[i]);
        if (t->deadline > now) {
            i++;
            continue;
        }
        if (t->callback != OBJ_NONE) {
            machine_schedule(t->callback, OBJ_FROM_PTR(t));
        }
        if (t->mode == TIMER_PERIODIC) {
            /* a late periodic timer fires once and keeps its phase */
            t->deadline += t->period_us;
            if (t->deadline <= now) {
                t->deadline += (now - t->deadline) / t->period_us * t->period_us + t->period_us;
            }
            i++;
        } else {
            timer_remove(t);
        }
    }
}

static const arg_spec_t timer_init_spec[] = {
    { Q_mode, ARG_KW_ONLY, OBJ_NEW_SMALL_INT(TIMER_PERIODIC) },
    { Q_period, ARG_KW_ONLY, OBJ_NEW_SMALL_INT(-1) },
    { Q_freq, ARG_KW_ONLY, OBJ_NULL },
    { Q_callback, ARG_KW_ONLY, OBJ_NONE },
    { Q_tick_hz, ARG_KW_ONLY, OBJ_NEW_SMALL_INT(1000) },
};

static void timer_init_helper(timer_t_ *t, size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[5];
    arg_parse(n_args, n_kw, args, timer_init_spec, 5, a, "init");
    intptr_t mode = obj_get_int(a[0]);
    if (mode != TIMER_ONE_SHOT && mode != TIMER_PERIODIC) {
        rt_raise_value_error("invalid mode");
    }
    uint64_t period_us;
    if (a[2] != OBJ_NULL) {
#if CONFIG_FLOAT
        float_val_t hz = obj_get_float(a[2]);
#else
        intptr_t hz = obj_get_int(a[2]);   /* whole hertz without a float type */
#endif
        if (!(hz > 0)) {
            rt_raise_value_error("invalid freq");
        }
        period_us = (uint64_t)(1000000 / hz);
    } else {
        intptr_t period = obj_get_int(a[1]), tick_hz = obj_get_int(a[4]);
        if (period < 0 || tick_hz <= 0) {
            rt_raise_value_error("period must be given and positive");
        }
        period_us = (uint64_t)period * 1000000u / (uint64_t)tick_hz;
    }
    if (t->active) {
        timer_remove(t);
    }
    t->mode = (uint8_t)mode;
    t->period_us = period_us > 0 ? period_us : 1;
    t->callback = a[3];
    t->deadline = hal_ticks_us() + t->period_us;
    t->active = true;
    obj_list_append(machine_state()->timers, OBJ_FROM_PTR(t));
    machine_rearm();
}

static obj_t timer_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    intptr_t id = n_args > 0 ? obj_get_int(args[0]) : -1;
    if (id != -1 && id != 0) {
        rt_raise_value_error("Timer(%d) doesn't exist", (int)id);
    }
    timer_t_ *t = m_new_obj(timer_t_);
    t->base.type = &machine_timer_type;
    t->id = (int8_t)id;
    t->callback = OBJ_NONE;
    if (n_args > 1 || n_kw > 0) {
        timer_init_helper(t, n_args > 0 ? n_args - 1 : 0, n_kw, args + (n_args > 0 ? 1 : 0));
    }
    return OBJ_FROM_PTR(t);
}

static obj_t timer_init(size_t n_args, size_t n_kw, const obj_t *args) {
    timer_init_helper(OBJ_TO_PTR(args[0]), n_args - 1, n_kw, args + 1);
    return OBJ_NONE;
}
static FUN_DEFINE_KW(timer_init_obj, 1, timer_init);

static obj_t timer_deinit(obj_t self) {
    timer_t_ *t = OBJ_TO_PTR(self);
    if (t->active) {
        timer_remove(t);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_1(timer_deinit_obj, timer_deinit);

static void timer_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    timer_t_ *t = OBJ_TO_PTR(self);
    print_fmt(p, "Timer(%d", t->id);
    if (t->active) {
        print_fmt(p, ", mode=%s, period=%lu", t->mode == TIMER_PERIODIC ? "PERIODIC" : "ONE_SHOT",
                  (unsigned long)(t->period_us / 1000u));
    }
    print_str(p, ")");
}

static const map_elem_t timer_locals_table[] = {
    { QOBJ(init), OBJ_ROM(&timer_init_obj) },
    { QOBJ(deinit), OBJ_ROM(&timer_deinit_obj) },
    { QOBJ(ONE_SHOT), OBJ_NEW_SMALL_INT(TIMER_ONE_SHOT) },
    { QOBJ(PERIODIC), OBJ_NEW_SMALL_INT(TIMER_PERIODIC) },
};
static const DICT_ROM(timer_locals, timer_locals_table);

const type_t machine_timer_type = {
    .base = { &type_type },
    .name = Q_Timer,
    .print = timer_print,
    .make_new = timer_make_new,
    .locals_dict = (dict_t *)&timer_locals,
};
