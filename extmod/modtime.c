/* modtime.c: the `time` module as MicroPython has it: sleep/sleep_ms/sleep_us, the wrapping tick
 * counters (ticks_ms/us/cpu with ticks_diff/ticks_add) and time()/time_ns(), all read from the
 * hardware layer's clock, so on the virtual board they follow its (possibly virtual) time.
 * Sleeping runs scheduled callbacks (pin IRQs, timers), as it does on the board. */
#include "modmachine.h"

/* Ticks wrap at 2**30, as on 32-bit boards, so wrap-around bugs show up on the host too. */
#define TICKS_PERIOD ((intptr_t)1 << 30)
#define TICKS_MASK (TICKS_PERIOD - 1)
#define TICKS_HALF (TICKS_PERIOD / 2)

static void sleep_us_checked(intptr_t us) {
    if (us > 0) {
        machine_sleep_us((uint64_t)us);
    } else {
        machine_poll();
    }
}

static obj_t time_sleep(obj_t secs) {
#if CONFIG_FLOAT
    float_val_t s = obj_get_float(secs);
    if (s < 0) {
        rt_raise_value_error("sleep length must be non-negative");
    }
    sleep_us_checked((intptr_t)(s * 1e6 + 0.5));
#else
    sleep_us_checked(obj_get_int(secs) * 1000000);
#endif
    return OBJ_NONE;
}
static FUN_DEFINE_1(time_sleep_obj, time_sleep);

static obj_t time_sleep_ms(obj_t ms) {
    sleep_us_checked(obj_get_int(ms) * 1000);
    return OBJ_NONE;
}
static FUN_DEFINE_1(time_sleep_ms_obj, time_sleep_ms);

static obj_t time_sleep_us(obj_t us) {
    sleep_us_checked(obj_get_int(us));
    return OBJ_NONE;
}
static FUN_DEFINE_1(time_sleep_us_obj, time_sleep_us);

static obj_t time_ticks_ms(void) {
    return OBJ_NEW_SMALL_INT((intptr_t)(hal_ticks_us() / 1000u) & TICKS_MASK);
}
static FUN_DEFINE_0(time_ticks_ms_obj, time_ticks_ms);

static obj_t time_ticks_us(void) {
    return OBJ_NEW_SMALL_INT((intptr_t)hal_ticks_us() & TICKS_MASK);
}
static FUN_DEFINE_0(time_ticks_us_obj, time_ticks_us);

/* The CPU cycle counter at the current clock frequency. */
static obj_t time_ticks_cpu(void) {
    return OBJ_NEW_SMALL_INT((intptr_t)(hal_ticks_us() * (hal_cpu_freq() / 1000000u)) & TICKS_MASK);
}
static FUN_DEFINE_0(time_ticks_cpu_obj, time_ticks_cpu);

/* Signed distance from `start` to `end` on the wrapping tick circle. */
static obj_t time_ticks_diff(obj_t end, obj_t start) {
    intptr_t d = ((obj_get_int(end) - obj_get_int(start) + TICKS_HALF) & TICKS_MASK) - TICKS_HALF;
    return OBJ_NEW_SMALL_INT(d);
}
static FUN_DEFINE_2(time_ticks_diff_obj, time_ticks_diff);

static obj_t time_ticks_add(obj_t ticks, obj_t delta) {
    intptr_t t = obj_get_int(ticks), d = obj_get_int(delta);
    if (t < 0 || t > TICKS_MASK) {
        rt_raise_overflow("ticks interval overflow");
    }
    return OBJ_NEW_SMALL_INT((t + d) & TICKS_MASK);
}
static FUN_DEFINE_2(time_ticks_add_obj, time_ticks_add);

static obj_t time_time(void) {
#if CONFIG_FLOAT
    return obj_new_float((float_val_t)hal_time_us() / 1e6);
#else
    return obj_new_int((intptr_t)(hal_time_us() / 1000000u));
#endif
}
static FUN_DEFINE_0(time_time_obj, time_time);

static obj_t time_time_ns(void) {
    return obj_new_int_from_ull((unsigned long long)hal_time_us() * 1000u);
}
static FUN_DEFINE_0(time_time_ns_obj, time_time_ns);

static const map_elem_t time_globals_table[] = {
    { QOBJ(__name__), QOBJ(time) },
    { QOBJ(sleep), OBJ_ROM(&time_sleep_obj) },
    { QOBJ(sleep_ms), OBJ_ROM(&time_sleep_ms_obj) },
    { QOBJ(sleep_us), OBJ_ROM(&time_sleep_us_obj) },
    { QOBJ(ticks_ms), OBJ_ROM(&time_ticks_ms_obj) },
    { QOBJ(ticks_us), OBJ_ROM(&time_ticks_us_obj) },
    { QOBJ(ticks_cpu), OBJ_ROM(&time_ticks_cpu_obj) },
    { QOBJ(ticks_diff), OBJ_ROM(&time_ticks_diff_obj) },
    { QOBJ(ticks_add), OBJ_ROM(&time_ticks_add_obj) },
    { QOBJ(time), OBJ_ROM(&time_time_obj) },
    { QOBJ(time_ns), OBJ_ROM(&time_time_ns_obj) },
};
static const DICT_ROM(time_globals, time_globals_table);

MODULE_ROM(module_time, time_globals);
REGISTER_MODULE(time, module_time);
