/* modmachine.c: the `machine` module's table and functions (freq, reset, unique_id, idle, sleeping,
 * IRQ masking, time_pulse_us), and the callback scheduler: hardware events and timers only queue
 * their callbacks; the queue runs from machine_poll, between Python statements that sleep or idle,
 * so a callback always sees a consistent interpreter. */
#include "modmachine.h"
#include "gc.h"

#define MACHINE_ROOT (STATE(port_roots)[1])

static int irq_disabled;

machine_state_t *machine_state(void) {
    if (MACHINE_ROOT == OBJ_NULL) {
        machine_state_t *ms = m_new_obj(machine_state_t);
        for (int i = 0; i < HAL_PIN_COUNT; i++) {
            ms->pin_handler[i] = OBJ_NULL;
            ms->pin_trigger[i] = 0;
        }
        ms->timers = obj_new_list(0, NULL);
        ms->queue = obj_new_list(0, NULL);
        ms->running = false;
        MACHINE_ROOT = OBJ_FROM_PTR(ms);
    }
    return OBJ_TO_PTR(MACHINE_ROOT);
}

/* Queues a callback and raises the flag, so the VM runs it at the next backward jump or call. */
void machine_schedule(obj_t callback, obj_t arg) {
    machine_state_t *ms = machine_state();
    obj_list_append(ms->queue, callback);
    obj_list_append(ms->queue, arg);
    STATE(pending_flag) = 1;
}

void machine_hal_pin_edge(int pin, unsigned edge) {
    machine_state_t *ms = machine_state();
    if (pin >= 0 && pin < HAL_PIN_COUNT && (ms->pin_trigger[pin] & edge) && ms->pin_handler[pin] != OBJ_NULL) {
        machine_schedule(ms->pin_handler[pin], machine_pin_obj(pin));
    }
}

/* Runs queued callbacks in order; one that raises leaves the rest queued for the next poll. */
static void run_queue(machine_state_t *ms) {
    list_t *q = OBJ_TO_PTR(ms->queue);
    while (q->len >= 2 && irq_disabled == 0) {
        obj_t fun = q->items[0], arg = q->items[1];
        for (size_t i = 2; i < q->len; i++) {
            q->items[i - 2] = q->items[i];
        }
        q->len -= 2;
        ms->running = true;
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            rt_call1(fun, arg);
            nlr_pop();
            ms->running = false;
        } else {
            ms->running = false;
            nlr_raise(nlr.exc);
        }
    }
}

void machine_rearm(void) {
    uint64_t t = machine_timer_next_us(), ev = hal_next_event_us(), wdt = machine_wdt_deadline();
    if (ev < t) {
        t = ev;
    }
    if (wdt < t) {
        t = wdt;
    }
    hal_arm_wakeup(t);
}

void machine_run_events(void) {
    machine_state_t *ms = machine_state();
    if (ms->running) {
        return;
    }
    hal_poll();
    machine_wdt_check();
    machine_timer_fire_due(hal_ticks_us());
    machine_rearm();
    run_queue(ms);
}

static bool polling;

void machine_board_reset(void) {
    irq_disabled = 0;
    polling = false;
    machine_wdt_stop();
}

bool machine_polling(void) {
    return polling;
}

void machine_poll(void) {
    if (STATE(pending_flag)) {
        polling = true;
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            rt_handle_pending();   /* raises KeyboardInterrupt, or comes back through machine_run_events */
            nlr_pop();
        } else {
            polling = false;
            nlr_raise(nlr.exc);
        }
        polling = false;
    }
    machine_run_events();
}

void machine_sleep_us(uint64_t us) {
    uint64_t deadline = hal_ticks_us() + us;
    for (;;) {
        machine_poll();
        if (hal_ticks_us() >= deadline) {
            return;
        }
        uint64_t wake = deadline, t = machine_timer_next_us();
        if (t < wake) {
            wake = t;
        }
        hal_wait_until(wake);
    }
}

void machine_get_buffer(obj_t o, buffer_info_t *info, int flags) {
    const type_t *t = obj_get_type(o);
    if (t->buffer == NULL || t->buffer(o, info, flags) != 0) {
        rt_raise_type_error("object with buffer protocol required");
    }
}

/* ---- functions ---- */

static obj_t machine_freq(size_t n_args, const obj_t *args) {
    if (n_args == 0) {
        return obj_new_int((intptr_t)hal_cpu_freq());
    }
    intptr_t hz = obj_get_int(args[0]);
    if (hz < 0 || (uintmax_t)hz > UINT32_MAX || !hal_set_cpu_freq((uint32_t)hz)) {
        rt_raise_value_error("frequency can only be either 80Mhz or 160MHz");
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(machine_freq_obj, 0, 1, machine_freq);

static obj_t machine_reset(void) {
    hal_reset();
    return OBJ_NONE;
}
static FUN_DEFINE_0(machine_reset_obj, machine_reset);

static obj_t machine_soft_reset(void) {
    rt_raise(obj_new_exception(&type_SystemExit, 0, NULL));
}
static FUN_DEFINE_0(machine_soft_reset_obj, machine_soft_reset);

static obj_t machine_reset_cause(void) {
    return OBJ_NEW_SMALL_INT(hal_reset_cause());
}
static FUN_DEFINE_0(machine_reset_cause_obj, machine_reset_cause);

static obj_t machine_unique_id(void) {
    uint8_t id[4];
    hal_unique_id(id);
    return obj_new_bytes(id, sizeof(id));
}
static FUN_DEFINE_0(machine_unique_id_obj, machine_unique_id);

static obj_t machine_idle(void) {
    machine_sleep_us(1000);
    return OBJ_NONE;
}
static FUN_DEFINE_0(machine_idle_obj, machine_idle);

static obj_t machine_lightsleep(size_t n_args, const obj_t *args) {
    if (n_args > 0) {
        intptr_t ms = obj_get_int(args[0]);
        machine_sleep_us(ms > 0 ? (uint64_t)ms * 1000u : 0);
    } else {
        machine_sleep_us(1000);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(machine_lightsleep_obj, 0, 1, machine_lightsleep);

/* deepsleep(ms): without a time, the RTC alarm (if it may wake the chip) decides; 0 sleeps forever. */
static obj_t machine_deepsleep(size_t n_args, const obj_t *args) {
    intptr_t ms = n_args > 0 ? obj_get_int(args[0]) : 0;
    uint64_t us = ms > 0 ? (uint64_t)ms * 1000u : 0;
    if (n_args == 0 && machine_rtc_wakes_deepsleep()) {
        us = machine_rtc_alarm_left_us();
        us += us == 0;
    }
    hal_deepsleep(us);
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(machine_deepsleep_obj, 0, 1, machine_deepsleep);

/* disable_irq returns the previous state for enable_irq to restore, so the two nest. */
static obj_t machine_disable_irq(void) {
    return OBJ_NEW_SMALL_INT(irq_disabled++);
}
static FUN_DEFINE_0(machine_disable_irq_obj, machine_disable_irq);

static obj_t machine_enable_irq(size_t n_args, const obj_t *args) {
    irq_disabled = n_args > 0 ? (int)obj_get_int(args[0]) : 0;
    if (irq_disabled < 0) {
        irq_disabled = 0;
    }
    if (irq_disabled == 0 && ((list_t *)OBJ_TO_PTR(machine_state()->queue))->len > 0) {
        STATE(pending_flag) = 1;   /* what was held back runs now */
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(machine_enable_irq_obj, 0, 1, machine_enable_irq);

/* time_pulse_us(pin, level, timeout_us=1000000): the length of the next pulse at `level`:
 * -2 if the pin did not reach `level` in time, -1 if the pulse outlasted the timeout. */
static obj_t machine_time_pulse_us(size_t n_args, const obj_t *args) {
    int pin = machine_pin_get(args[0]);
    int level = obj_is_true(args[1]);
    intptr_t timeout = n_args > 2 ? obj_get_int(args[2]) : 1000000;
    uint64_t start = hal_ticks_us();
    while (hal_pin_read(pin) != level) {
        if (hal_ticks_us() - start >= (uint64_t)timeout) {
            return OBJ_NEW_SMALL_INT(-2);
        }
        hal_poll();
        hal_wait_until(hal_ticks_us() + 1);
    }
    start = hal_ticks_us();
    while (hal_pin_read(pin) == level) {
        if (hal_ticks_us() - start >= (uint64_t)timeout) {
            return OBJ_NEW_SMALL_INT(-1);
        }
        hal_poll();
        hal_wait_until(hal_ticks_us() + 1);
    }
    return obj_new_int((intptr_t)(hal_ticks_us() - start));
}
static FUN_DEFINE_VAR(machine_time_pulse_us_obj, 2, 3, machine_time_pulse_us);

/* bitstream(pin, encoding, timing, buf): encoding 0 sends each bit as a high then a low pulse, their
 * lengths in ns given by timing = (high0, low0, high1, low1), as WS2812 LEDs expect. */
static obj_t machine_bitstream(size_t n_args, const obj_t *args) {
    (void)n_args;
    int pin = machine_pin_get(args[0]);
    if (obj_get_int(args[1]) != 0) {
        rt_raise_value_error("invalid encoding");
    }
    size_t n;
    obj_t *items;
    obj_get_array(args[2], &n, &items);
    if (n != 4) {
        rt_raise_value_error("timing must be a 4-tuple");
    }
    uint32_t timing[4];
    for (int i = 0; i < 4; i++) {
        intptr_t t = obj_get_int(items[i]);
        if (t < 0) {
            rt_raise_value_error("timing must be positive");
        }
        timing[i] = (uint32_t)t;
    }
    buffer_info_t b;
    machine_get_buffer(args[3], &b, BUFFER_READ);
    hal_bitstream(pin, timing, b.buf, b.len);
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(machine_bitstream_obj, 4, 4, machine_bitstream);

static const map_elem_t machine_globals_table[] = {
    { QOBJ(__name__), QOBJ(machine) },
    { QOBJ(Pin), OBJ_ROM(&machine_pin_type) },
    { QOBJ(Signal), OBJ_ROM(&machine_signal_type) },
    { QOBJ(PWM), OBJ_ROM(&machine_pwm_type) },
    { QOBJ(ADC), OBJ_ROM(&machine_adc_type) },
    { QOBJ(Timer), OBJ_ROM(&machine_timer_type) },
    { QOBJ(SoftI2C), OBJ_ROM(&machine_softi2c_type) },
    { QOBJ(I2C), OBJ_ROM(&machine_i2c_type) },
    { QOBJ(SPI), OBJ_ROM(&machine_spi_type) },
    { QOBJ(SoftSPI), OBJ_ROM(&machine_softspi_type) },
    { QOBJ(UART), OBJ_ROM(&machine_uart_type) },
    { QOBJ(RTC), OBJ_ROM(&machine_rtc_type) },
    { QOBJ(WDT), OBJ_ROM(&machine_wdt_type) },
    { QOBJ(freq), OBJ_ROM(&machine_freq_obj) },
    { QOBJ(reset), OBJ_ROM(&machine_reset_obj) },
    { QOBJ(soft_reset), OBJ_ROM(&machine_soft_reset_obj) },
    { QOBJ(reset_cause), OBJ_ROM(&machine_reset_cause_obj) },
    { QOBJ(unique_id), OBJ_ROM(&machine_unique_id_obj) },
    { QOBJ(idle), OBJ_ROM(&machine_idle_obj) },
    { QOBJ(lightsleep), OBJ_ROM(&machine_lightsleep_obj) },
    { QOBJ(deepsleep), OBJ_ROM(&machine_deepsleep_obj) },
    { QOBJ(disable_irq), OBJ_ROM(&machine_disable_irq_obj) },
    { QOBJ(enable_irq), OBJ_ROM(&machine_enable_irq_obj) },
    { QOBJ(time_pulse_us), OBJ_ROM(&machine_time_pulse_us_obj) },
    { QOBJ(bitstream), OBJ_ROM(&machine_bitstream_obj) },
    { QOBJ(PWRON_RESET), OBJ_NEW_SMALL_INT(MACHINE_PWRON_RESET) },
    { QOBJ(HARD_RESET), OBJ_NEW_SMALL_INT(MACHINE_HARD_RESET) },
    { QOBJ(WDT_RESET), OBJ_NEW_SMALL_INT(MACHINE_WDT_RESET) },
    { QOBJ(DEEPSLEEP_RESET), OBJ_NEW_SMALL_INT(MACHINE_DEEPSLEEP_RESET) },
    { QOBJ(SOFT_RESET), OBJ_NEW_SMALL_INT(MACHINE_SOFT_RESET) },
    { QOBJ(DEEPSLEEP), OBJ_NEW_SMALL_INT(MACHINE_DEEPSLEEP) },
};
static const DICT_ROM(machine_globals, machine_globals_table);

MODULE_ROM(module_machine, machine_globals);
REGISTER_MODULE(machine, module_machine);
