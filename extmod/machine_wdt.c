/* machine_wdt.c: machine.WDT, the watchdog: once created it cannot be stopped, and unless feed() is
 * called within the timeout the board resets (checked by machine_poll, i.e. while Python sleeps). */
#include "modmachine.h"

static const obj_base_t wdt_obj = { &machine_wdt_type };
static uint64_t wdt_timeout_us, wdt_last_feed;

uint64_t machine_wdt_deadline(void) {
    return wdt_timeout_us != 0 ? wdt_last_feed + wdt_timeout_us + 1 : UINT64_MAX;
}

static bool wdt_fired;

bool machine_wdt_fired(void) {
    return wdt_fired;
}

void machine_wdt_check(void) {
    if (wdt_timeout_us != 0 && hal_ticks_us() - wdt_last_feed > wdt_timeout_us) {
        wdt_fired = true;
        hal_reset();
    }
}

/* After a reset the watchdog is off until a program creates one again. */
void machine_wdt_stop(void) {
    wdt_timeout_us = 0;
    wdt_fired = false;
}

static const arg_spec_t wdt_spec[] = {
    { Q_id, 0, OBJ_NEW_SMALL_INT(0) },
    { Q_timeout, 0, OBJ_NEW_SMALL_INT(5000) },
};

static obj_t wdt_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    obj_t a[2];
    arg_parse(n_args, n_kw, args, wdt_spec, 2, a, "WDT");
    intptr_t id = obj_get_int(a[0]), timeout = obj_get_int(a[1]);
    if (id != 0) {
        rt_raise_value_error("WDT(%d) doesn't exist", (int)id);
    }
    if (timeout <= 0) {
        rt_raise_value_error("invalid timeout");
    }
    wdt_timeout_us = (uint64_t)timeout * 1000u;
    wdt_last_feed = hal_ticks_us();
    machine_rearm();
    return OBJ_ROM(&wdt_obj);
}

static obj_t wdt_feed(obj_t self) {
    (void)self;
    wdt_last_feed = hal_ticks_us();
    return OBJ_NONE;
}
static FUN_DEFINE_1(wdt_feed_obj, wdt_feed);

static const map_elem_t wdt_locals_table[] = {
    { QOBJ(feed), OBJ_ROM(&wdt_feed_obj) },
};
static const DICT_ROM(wdt_locals, wdt_locals_table);

const type_t machine_wdt_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_WDT,
    .make_new = wdt_make_new,
    .locals_dict = (dict_t *)&wdt_locals,
};
