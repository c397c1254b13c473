/* vboard.c: the host port's glue between extmod/hal.h and the virtual NodeMCU model (vboard_model.h):
 * the chip's pin configuration as the model's drive and pulls, pin edges into machine's interrupts,
 * PWM, the ADC's reading of A0, byte-level I2C, the clock, resets and deep sleep (docs/vboard.md).
 *
 * Time is real by default.  With --fast-time the clock is virtual: it stands still while Python
 * computes (bar a little per pin read, so polling loops make progress) and jumps forward on sleeps,
 * so runs are instant and deterministic. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include "port.h"
#include "state.h"
#include "vboard.h"
#include "../../extmod/modmachine.h"

#define NPIN HAL_PIN_COUNT
#define PIN_READ_COST_US (10)     /* virtual time a pin read takes in a Python loop on the chip */

static struct {
    bool fast;
    uint64_t now;                 /* virtual clock (fast time) */
    bool fast_armed;              /* fast time: a timer, WDT or stimulus event is pending */
    uint64_t t0_real, wall0;
    uint32_t cpu_freq;
    uint8_t mode[NPIN], pull[NPIN], latch[NPIN], irq[NPIN];
} vb = { .cpu_freq = 80000000 };

/* ---- the clock ---- */

uint64_t hal_ticks_us(void) {
    return vb.fast ? vb.now : port_ticks_us() - vb.t0_real;
}

static uint64_t model_clock(void *ctx) {
    (void)ctx;
    return hal_ticks_us();
}

uint64_t hal_time_us(void) {
    return vb.wall0 + hal_ticks_us();
}

bool vboard_fast_time(void) {
    return vb.fast;
}

void vboard_advance_us(uint64_t us) {
    if (vb.fast) {
        vb.now += us;
    }
}

uint64_t hal_next_event_us(void) {
    return vboard_next_event_us();
}

void hal_wait_until(uint64_t t) {
    uint64_t ev = hal_next_event_us();
    if (ev < t) {
        t = ev;
    }
    if (vb.fast) {
        if (t > vb.now) {
            vb.now = t;
        }
        return;
    }
    uint64_t now = hal_ticks_us();
    if (t > now) {
        /* in slices, so Ctrl-C is noticed promptly */
        port_sleep_us(t - now < 20000 ? t - now : 20000);
    }
}

/* The wake-up alarm: SIGALRM stands for the chip's timer interrupt.  With --fast-time there is no
 * wall clock to wait on: while anything is armed the flag stays raised, so the VM stops at every
 * backward jump and call, and each stop costs FAST_STOP_US of virtual time (port_poll_events).  A
 * busy loop (`while not done: pass`) thus reaches a timer's deadline, deterministically. */
#define FAST_STOP_US (2)
static void on_alarm(int sig) {
    (void)sig;
    STATE(pending_flag) = 1;
}

void hal_arm_wakeup(uint64_t t) {
    if (vb.fast) {
        vb.fast_armed = t != UINT64_MAX;
        if (vb.fast_armed) {
            STATE(pending_flag) = 1;
        }
        return;
    }
    struct itimerval it;
    memset(&it, 0, sizeof(it));
    if (t != UINT64_MAX) {
        uint64_t now = hal_ticks_us();
        uint64_t us = t > now ? t - now : 1;
        it.it_value.tv_sec = (time_t)(us / 1000000u);
        it.it_value.tv_usec = (suseconds_t)(us % 1000000u);
    }
    setitimer(ITIMER_REAL, &it, NULL);
}

/* The port's hook for rt_handle_pending: the board's events and machine's callbacks. */
void port_poll_events(void) {
    if (vb.fast && vb.fast_armed && !machine_polling()) {
        vb.now += FAST_STOP_US;
    }
    machine_run_events();
    if (vb.fast && vb.fast_armed) {
        STATE(pending_flag) = 1;   /* rt_handle_pending lowered it; callbacks run above may have too */
    }
}

/* The stimulus file's events that are due. */
void hal_poll(void) {
    vboard_run_events(hal_ticks_us());
}

/* ---- pins ---- */

/* The model's level hook: an edge machine asked to hear about becomes an interrupt. */
static void level_changed(int pin, int level) {
    unsigned edge = level ? HAL_IRQ_RISING : HAL_IRQ_FALLING;
    if (vb.irq[pin] & edge) {
        machine_hal_pin_edge(pin, edge);
    }
}

/* The chip's side of a pin, from its mode, pull and output latch. */
static void chip_pin(int pin) {
    int drive = vb.mode[pin] == HAL_PIN_OUT || (vb.mode[pin] == HAL_PIN_OPEN_DRAIN && vb.latch[pin] == 0)
                ? vb.latch[pin] : -1;
    vboard_chip_pin(pin, drive, vb.pull[pin] == HAL_PULL_UP, vb.mode[pin] != HAL_PIN_IN);
}

unsigned hal_pin_caps(int pin) {
    return vboard_pin_caps(pin);
}

void hal_pin_config(int pin, hal_pin_mode_t mode, hal_pull_t pull) {
    vb.mode[pin] = (uint8_t)mode;
    vb.pull[pin] = (uint8_t)pull;
    chip_pin(pin);
}

int hal_pin_read(int pin) {
    vboard_advance_us(PIN_READ_COST_US);
    hal_poll();
    return vboard_level(pin);
}

void hal_pin_write(int pin, int level) {
    vb.latch[pin] = (uint8_t)(level != 0);
    chip_pin(pin);
}

void hal_pin_irq(int pin, unsigned edges) {
    vb.irq[pin] = (uint8_t)edges;
}

/* ---- PWM and ADC ---- */

void hal_pwm_start(int pin, uint32_t freq, uint32_t duty) {
    vboard_pwm(pin, true, freq, duty);
}

void hal_pwm_stop(int pin) {
    vboard_pwm(pin, false, 0, 0);
}

int hal_adc_read(int channel) {
    if (channel != 0) {
        return -1;
    }
    double v = vboard_adc_volts() / VBOARD_ADC_FULL_SCALE_V * 1024.0;
    return v <= 0 ? 0 : v >= 1024 ? 1024 : (int)lround(v);
}

/* ---- I2C: the model's devices a byte at a time ---- */

/* A byte on the wire takes 9 clock periods (8 bits and the acknowledge). */
static void byte_time(const hal_i2c_bus_t *b) {
    vboard_advance_us(9000000u / (b->freq ? b->freq : 100000u) + 1);
}

void hal_i2c_start(const hal_i2c_bus_t *b) {
    (void)b;
    vboard_i2c_begin();
}

void hal_i2c_stop(const hal_i2c_bus_t *b) {
    (void)b;
    vboard_i2c_end();
}

bool hal_i2c_write_byte(const hal_i2c_bus_t *b, uint8_t byte) {
    bool ack = vboard_i2c_write(b->sda, b->scl, byte);
    byte_time(b);
    return ack;
}

uint8_t hal_i2c_read_byte(const hal_i2c_bus_t *b, bool ack) {
    (void)ack;
    uint8_t byte = vboard_i2c_read();
    byte_time(b);
    return byte;
}

/* ---- system ---- */

bool hal_set_cpu_freq(uint32_t hz) {
    if (hz != 80000000 && hz != 160000000) {
        return false;
    }
    vb.cpu_freq = hz;
    return true;
}

uint32_t hal_cpu_freq(void) {
    return vb.cpu_freq;
}

void hal_unique_id(uint8_t id[4]) {
    /* the chip id of this virtual ESP8266 (the low three bytes of its MAC 5c:cf:7f:ad:de:42) */
    static const uint8_t chip[4] = { 0x42, 0xde, 0xad, 0x00 };
    memcpy(id, chip, 4);
}

/* ---- resets ---- */

static jmp_buf *reboot_point;
static int reset_cause = MACHINE_PWRON_RESET;

void vboard_on_reboot(jmp_buf *reboot) {
    reboot_point = reboot;
}

void vboard_set_reset_cause(int cause) {
    reset_cause = cause;
}

int hal_reset_cause(void) {
    return reset_cause;
}

/* The chip restarts: the port's reboot point re-initialises everything but the RTC (its memory and
 * clock live in machine_rtc.c's statics and in the virtual clock, which keeps running). */
static void reboot(int cause) {
    reset_cause = cause;
    port_stdout_flush();
    if (reboot_point == NULL) {
        port_exit(0);
    }
    longjmp(*reboot_point, 1);
}

void hal_reset(void) {
    reboot(machine_wdt_fired() ? MACHINE_WDT_RESET : MACHINE_HARD_RESET);
}

/* Asleep, nothing runs; the chip wakes as from a reset when the time (or the RTC alarm) is up.
 * Without a wake-up time it sleeps for good: the process ends. */
void hal_deepsleep(uint64_t us) {
    port_stdout_flush();
    if (us == 0) {
        port_stderr_write("[board] deep sleep with no wake-up\n", 35);
        port_exit(0);
    }
    uint64_t wake = hal_ticks_us() + us;
    if (vb.fast) {
        vb.now = wake;
    }
    while (hal_ticks_us() < wake) {
        uint64_t left = wake - hal_ticks_us();
        port_sleep_us(left < 20000 ? left : 20000);
    }
    reboot(MACHINE_DEEPSLEEP_RESET);
}

/* ---- options and start-up ---- */

int vboard_option(int argc, char **argv, int i, size_t *heap_size) {
    const char *a = argv[i];
    if (strcmp(a, "--fast-time") == 0) {
        vb.fast = true;
        return 1;
    }
    if (strcmp(a, "--flash") == 0) {
        if (i + 1 >= argc) {
            fprintf(stderr, "adder: %s needs an argument\n", a);
            port_exit(2);
        }
        vboard_flash_file(argv[i + 1]);
        return 2;
    }
    vboard_set_line_hook(vboard_dev_line);   /* before --board reads a description */
    int n = vboard_model_option(argc, argv, i, heap_size);
    if (n < 0) {
        port_exit(2);
    }
    return n;
}

void vboard_init(void) {
    vb.t0_real = port_ticks_us();
    vb.wall0 = port_time_ns() / 1000u;
    vboard_set_clock(model_clock, NULL);
    vboard_set_level_hook(level_changed);
    vboard_set_status_writer(port_stderr_write);
    vboard_set_line_hook(vboard_dev_line);
    if (!vboard_start()) {
        port_exit(2);
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_alarm;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);
    hal_arm_wakeup(hal_next_event_us());
}

/* ---- added by the REPL helper ---- */
/* A soft reset (Ctrl-D on the --serial REPL): machine's objects are gone, so the chip's pins, PWM
 * and interrupts go back to their power-on state; the wiring, the outside world (stimulus, external
 * drives), the trace and the clock carry on, as on a board whose MCU resets. */
void vboard_reset(void) {
    for (int p = 0; p < NPIN; p++) {
        vb.irq[p] = 0;
        if (vboard_pwm_active(p)) {
            hal_pwm_stop(p);
        }
        vb.latch[p] = 0;
        if (vb.mode[p] != HAL_PIN_IN || vb.pull[p] != HAL_PULL_NONE) {
            hal_pin_config(p, HAL_PIN_IN, HAL_PULL_NONE);   /* shows an LED going out */
        }
    }
    hal_arm_wakeup(hal_next_event_us());
}
