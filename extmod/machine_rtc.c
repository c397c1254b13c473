/* machine_rtc.c: machine.RTC as on the ESP8266: a calendar clock that starts at 2000-01-01 00:00:00 at
 * power-up and runs from the hardware clock (virtual time on the host), 492 bytes of user memory, and
 * ALARM0, which wakes the chip from deep sleep. */
#include <string.h>
#include "modmachine.h"

#define RTC_MEMORY_SIZE (492)

static const obj_base_t rtc_obj = { &machine_rtc_type };
static int64_t rtc_offset_s;        /* seconds from 2000-01-01 at boot */
/* The user memory, as 32-bit words with the length first.  A port whose RAM is lost at a reset (the
 * ESP8266: its boot clears .bss) puts it in the chip's RTC memory (CONFIG_RTC_MEMORY_SECTION), which
 * keeps it through resets and deep sleep but answers only word accesses; after power-on it holds
 * anything, so a length past the end reads as empty. */
#ifdef CONFIG_RTC_MEMORY_SECTION
#define RTC_MEMORY_ATTR __attribute__((section(CONFIG_RTC_MEMORY_SECTION)))
#else
#define RTC_MEMORY_ATTR
#endif
static volatile uint32_t rtc_memory[1 + RTC_MEMORY_SIZE / 4] RTC_MEMORY_ATTR;
static uint64_t rtc_alarm_at;       /* ticks when ALARM0 goes off; 0 when not set */
static int rtc_wake;

/* Days since 2000-01-01 for a proleptic Gregorian date, and back (era arithmetic, shifted to March). */
static int64_t days_from_civil(int64_t y, int m, int d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 730425;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d) {
    z += 730425;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static obj_t rtc_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    (void)args;
    arg_check_num(n_args, n_kw, 0, 0, false);
    return OBJ_ROM(&rtc_obj);
}

static obj_t rtc_datetime(size_t n_args, const obj_t *args) {
    if (n_args == 1) {
        uint64_t us = hal_ticks_us();
        int64_t secs = rtc_offset_s + (int64_t)(us / 1000000u);
        int64_t days = secs / 86400, y;
        int m, d;
        civil_from_days(days, &y, &m, &d);
        int64_t s = secs % 86400;
        obj_t items[8] = {
            obj_new_int((intptr_t)y), OBJ_NEW_SMALL_INT(m), OBJ_NEW_SMALL_INT(d),
            OBJ_NEW_SMALL_INT((days + 5) % 7),   /* 2000-01-01 was a Saturday; Monday is 0 */
            OBJ_NEW_SMALL_INT(s / 3600), OBJ_NEW_SMALL_INT(s / 60 % 60), OBJ_NEW_SMALL_INT(s % 60),
            OBJ_NEW_SMALL_INT((us % 1000000u) / 1000u),
        };
        return obj_new_tuple(8, items);
    }
    size_t len;
    obj_t *items;
    obj_get_array(args[1], &len, &items);
    if (len < 7) {
        rt_raise_value_error("datetime needs (year, month, day, weekday, hours, minutes, seconds[, subseconds])");
    }
    intptr_t f[7];
    for (int i = 0; i < 7; i++) {
        f[i] = obj_get_int(items[i]);
    }
    if (f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > 31) {
        rt_raise_value_error("invalid date");
    }
    int64_t secs = days_from_civil(f[0], (int)f[1], (int)f[2]) * 86400 + f[4] * 3600 + f[5] * 60 + f[6];
    rtc_offset_s = secs - (int64_t)(hal_ticks_us() / 1000000u);
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(rtc_datetime_obj, 1, 2, rtc_datetime);

static obj_t rtc_memory_meth(size_t n_args, const obj_t *args) {
    uint8_t buf[RTC_MEMORY_SIZE];
    if (n_args == 1) {
        uint32_t len = rtc_memory[0] <= RTC_MEMORY_SIZE ? rtc_memory[0] : 0;
        for (uint32_t i = 0; i < (len + 3) / 4; i++) {
            uint32_t w = rtc_memory[1 + i];
            memcpy(buf + 4 * i, &w, 4);
        }
        return obj_new_bytes(buf, len);
    }
    size_t len;
    const char *data = obj_str_get_data(args[1], &len);
    if (len > RTC_MEMORY_SIZE) {
        rt_raise_value_error("buffer too long");
    }
    memset(buf, 0, sizeof(buf));
    memcpy(buf, data, len);
    for (size_t i = 0; i < (len + 3) / 4; i++) {
        uint32_t w;
        memcpy(&w, buf + 4 * i, 4);
        rtc_memory[1 + i] = w;
    }
    rtc_memory[0] = (uint32_t)len;
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(rtc_memory_obj, 1, 2, rtc_memory_meth);

/* alarm(id, ms): ALARM0 goes off ms from now; with irq(wake=machine.DEEPSLEEP) it is what ends a
 * machine.deepsleep() given no time. */
static obj_t rtc_alarm(obj_t self, obj_t id, obj_t ms) {
    (void)self;
    if (obj_get_int(id) != 0) {
        rt_raise_value_error("invalid alarm");
    }
    intptr_t t = obj_get_int(ms);
    rtc_alarm_at = hal_ticks_us() + (t > 0 ? (uint64_t)t * 1000u : 0);
    return OBJ_NONE;
}
static FUN_DEFINE_3(rtc_alarm_obj, rtc_alarm);

uint64_t machine_rtc_alarm_left_us(void) {
    uint64_t now = hal_ticks_us();
    return rtc_alarm_at > now ? rtc_alarm_at - now : 0;
}

bool machine_rtc_wakes_deepsleep(void) {
    return rtc_alarm_at != 0 && rtc_wake == MACHINE_DEEPSLEEP;
}

static obj_t rtc_alarm_left(size_t n_args, const obj_t *args) {
    if (n_args > 1 && obj_get_int(args[1]) != 0) {
        rt_raise_value_error("invalid alarm");
    }
    return obj_new_int((intptr_t)(machine_rtc_alarm_left_us() / 1000u));
}
static FUN_DEFINE_VAR(rtc_alarm_left_obj, 1, 2, rtc_alarm_left);

static const arg_spec_t rtc_irq_spec[] = {
    { Q_trigger, ARG_KW_ONLY, OBJ_NEW_SMALL_INT(0) },
    { Q_wake, ARG_KW_ONLY, OBJ_NEW_SMALL_INT(0) },
};

/* irq(trigger=RTC.ALARM0, wake=machine.DEEPSLEEP): on the ESP8266 the alarm can only wake the chip. */
static obj_t rtc_irq(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[2];
    arg_parse(n_args - 1, n_kw, args + 1, rtc_irq_spec, 2, a, "irq");
    if (obj_get_int(a[0]) != 0) {
        rt_raise_value_error("invalid trigger");
    }
    intptr_t wake = obj_get_int(a[1]);
    if (wake != MACHINE_DEEPSLEEP) {
        rt_raise_value_error("invalid wake");
    }
    rtc_wake = (int)wake;
    return OBJ_NONE;
}
static FUN_DEFINE_KW(rtc_irq_obj, 1, rtc_irq);

static const map_elem_t rtc_locals_table[] = {
    { QOBJ(datetime), OBJ_ROM(&rtc_datetime_obj) },
    { QOBJ(memory), OBJ_ROM(&rtc_memory_obj) },
    { QOBJ(alarm), OBJ_ROM(&rtc_alarm_obj) },
    { QOBJ(alarm_left), OBJ_ROM(&rtc_alarm_left_obj) },
    { QOBJ(irq), OBJ_ROM(&rtc_irq_obj) },
    { QOBJ(ALARM0), OBJ_NEW_SMALL_INT(0) },
};
static const DICT_ROM(rtc_locals, rtc_locals_table);

const type_t machine_rtc_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_RTC,
    .make_new = rtc_make_new,
    .locals_dict = (dict_t *)&rtc_locals,
};
