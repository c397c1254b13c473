/* modtime.c: the `time` module as MicroPython has it: sleep/sleep_ms/sleep_us, the wrapping tick
 * counters (ticks_ms/us/cpu with ticks_diff/ticks_add), time()/time_ns() and the calendar
 * (gmtime/localtime/mktime on MicroPython's 8-tuples), all read from the hardware layer's clock, so
 * on the virtual board they follow its (possibly virtual) time.  Sleeping runs scheduled callbacks
 * (pin IRQs, timers), as it does on the board.  Boards keep no time zone: localtime is UTC. */
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

/* ---- the calendar: proleptic Gregorian, days counted from 1970-01-01 ---- */

static int64_t floor_div(int64_t a, int64_t b) {
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* Days from 1970-01-01 to y-m-d (m 1..12, d may overflow the month): years are counted from
 * March so the leap day comes last, in 400-year eras of 146097 days. */
static int64_t days_from_date(int64_t y, int m, int64_t d) {
    y -= m <= 2;
    int64_t era = floor_div(y, 400);
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void date_from_days(int64_t days, int64_t *y, int *m, int *d) {
    days += 719468;
    int64_t era = floor_div(days, 146097);
    int64_t doe = days - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* Seconds from 1970 to the port's epoch (CONFIG_TIME_EPOCH_YEAR, 2000 on some bare-metal ports). */
static int64_t epoch_offset(void) {
    return days_from_date(CONFIG_TIME_EPOCH_YEAR, 1, 1) * 86400;
}

static int64_t now_us(void) {
    return (int64_t)hal_time_us() - epoch_offset() * 1000000;
}

static obj_t time_time(void) {
#if CONFIG_FLOAT
    return obj_new_float((float_val_t)now_us() / 1e6);
#else
    return obj_new_int((intptr_t)floor_div(now_us(), 1000000));
#endif
}
static FUN_DEFINE_0(time_time_obj, time_time);

static obj_t time_time_ns(void) {
    return obj_new_int_from_ll((long long)now_us() * 1000);
}
static FUN_DEFINE_0(time_time_ns_obj, time_time_ns);

/* gmtime(secs=None): (year, month, mday, hour, minute, second, weekday 0=Monday, yearday 1..366) */
static obj_t time_gmtime(size_t n_args, const obj_t *args) {
    int64_t t;
    if (n_args == 0 || args[0] == OBJ_NONE) {
        t = floor_div(now_us(), 1000000);
    } else if (obj_is_int(args[0])) {
        t = obj_get_ll(args[0]);
    } else {
#if CONFIG_FLOAT
        float_val_t f = obj_get_float(args[0]);
        if (!(f > -1e15 && f < 1e15)) {
            rt_raise_overflow("timestamp out of range for platform time_t");
        }
        t = (int64_t)f - (f < (float_val_t)(int64_t)f);
#else
        t = obj_get_ll(args[0]);
#endif
    }
    if (t > INT64_MAX / 4 || t < -INT64_MAX / 4) {
        rt_raise_overflow("timestamp out of range for platform time_t");
    }
    t += epoch_offset();
    int64_t days = floor_div(t, 86400), secs = t - days * 86400, y;
    int m, d;
    date_from_days(days, &y, &m, &d);
    obj_t items[8] = {
        obj_new_int_from_ll(y), OBJ_NEW_SMALL_INT(m), OBJ_NEW_SMALL_INT(d),
        OBJ_NEW_SMALL_INT(secs / 3600), OBJ_NEW_SMALL_INT(secs / 60 % 60), OBJ_NEW_SMALL_INT(secs % 60),
        OBJ_NEW_SMALL_INT(floor_div(days + 3, 7) * -7 + days + 3),
        OBJ_NEW_SMALL_INT(days - days_from_date(y, 1, 1) + 1),
    };
    return obj_new_tuple(8, items);
}
static FUN_DEFINE_VAR(time_gmtime_obj, 0, 1, time_gmtime);

/* mktime(tuple): the inverse of localtime; out-of-range fields carry over (month 13 is next January),
 * weekday and yearday are ignored. */
static obj_t time_mktime(obj_t tuple) {
    size_t n;
    obj_t *items;
    obj_get_array(tuple, &n, &items);
    if (n < 8 || n > 9) {
        rt_raise_type_error("mktime needs a tuple of length 8 or 9");
    }
    int64_t f[6];
    for (int i = 0; i < 6; i++) {
        f[i] = obj_get_ll(items[i]);
        if (f[i] > INT32_MAX || f[i] < INT32_MIN) {
            rt_raise_overflow("mktime argument out of range");
        }
    }
    int64_t y = f[0] + floor_div(f[1] - 1, 12);
    int m = (int)(f[1] - 1 - floor_div(f[1] - 1, 12) * 12 + 1);
    int64_t t = days_from_date(y, m, 1) + f[2] - 1;
    t = t * 86400 + f[3] * 3600 + f[4] * 60 + f[5];
    return obj_new_int_from_ll(t - epoch_offset());
}
static FUN_DEFINE_1(time_mktime_obj, time_mktime);

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
    { QOBJ(gmtime), OBJ_ROM(&time_gmtime_obj) },
    { QOBJ(localtime), OBJ_ROM(&time_gmtime_obj) },
    { QOBJ(mktime), OBJ_ROM(&time_mktime_obj) },
};
static const DICT_ROM(time_globals, time_globals_table);

MODULE_ROM(module_time, time_globals);
REGISTER_MODULE(time, module_time);
