/* board.c: the NodeMCU board around the emulated ESP8266 (board.h): the esp_board_t callbacks over the
 * virtual board model the host port uses too (ports/unix/vboard_model.h).  The chip's pin drives become
 * the model's pin levels (LEDs, the FLASH button, the VCD trace); the pot's 0..3.3 V at A0 reaches TOUT
 * through the NodeMCU's divider as 0..1 V; UART bytes go to the console main.c sets (UART1 is traced).
 * The firmware bit-bangs I2C, so each bus of I2C devices is decoded here at the pin level: START and
 * STOP, bits on SCL's rising edge, the acknowledge in the 9th clock, and bytes the device sends, put on
 * SDA while SCL is low; the bytes reach the same device models as the host's hal_i2c_* calls. */
#include <stdio.h>
#include "board.h"
#include "vboard_model.h"

#define BOARD_MAX_BUSES (4)
/* Software PWM: a pin whose rising edges come at most this far apart, PWM_CYCLES times in a row, is
 * shown as PWM (brightness, servo angle, the trace's pwm channel), not as thousands of ON/off lines;
 * it stops being PWM when no edge came for PWM_IDLE_CYCLES periods. */
#define PWM_MAX_PERIOD_US (25000)
#define PWM_CYCLES (3)
#define PWM_IDLE_CYCLES (4)
#define PWM_DUTY_STEP (8)            /* duty changes shown: ~1%, above the microsecond clock's jitter */

typedef enum { BUS_IDLE, BUS_ADDR, BUS_WRITE, BUS_READ, BUS_IGNORE } bus_state_t;

/* One I2C bus as the devices on it see it. */
typedef struct {
    int sda, scl;
    int sda_level, scl_level;    /* as last seen */
    bus_state_t state;
    int bit;                     /* 0..7 the data bits, 8 the acknowledge */
    uint8_t shift;               /* the byte coming in, or going out */
    bool acked, reading, master_ack;
    bool after_start;            /* SCL's next fall ends the START, not a clock */
} i2c_bus_t;

/* A pin's recent edges, to recognise software PWM. */
typedef struct {
    uint64_t rise, fall, last_edge;
    uint64_t period;             /* rise to rise */
    int cycles;                  /* short periods in a row */
    bool on;                     /* shown as PWM */
    uint32_t duty;               /* as shown, 0..1023 */
} pwm_watch_t;

static struct {
    esp8266_t *esp;
    esp_board_t board;
    void (*console)(void *ctx, int uart, uint8_t byte);
    void *console_ctx;
    bool changed;                /* a level changed since the chip last heard of it */
    i2c_bus_t buses[BOARD_MAX_BUSES];
    int n_buses;
    pwm_watch_t pwm[ESP_PIN_COUNT];
} bd;

/* ---- I2C at the pin level ---- */

/* A device's open-drain output on SDA: bit 0 pulls the line low, 1 lets it go. */
static void bus_put(i2c_bus_t *b, int bit) {
    vboard_bus_pull_low(b->sda, bit == 0);
}

static void bus_start(i2c_bus_t *b) {
    bus_put(b, 1);
    b->state = BUS_ADDR;
    b->bit = 0;
    b->shift = 0;
    b->after_start = true;
    vboard_i2c_begin();
}

static void bus_stop(i2c_bus_t *b) {
    bus_put(b, 1);
    b->state = BUS_IDLE;
    vboard_i2c_end();
}

/* SCL rose: the receiver samples SDA. */
static void bus_sample(i2c_bus_t *b, int sda) {
    if ((b->state == BUS_ADDR || b->state == BUS_WRITE) && b->bit < 8) {
        b->shift = (uint8_t)(b->shift << 1 | sda);
    } else if (b->state == BUS_READ && b->bit == 8) {
        b->master_ack = sda == 0;
    }
}

/* The device's next byte to send: its first bit goes on SDA at once (SCL is low). */
static void bus_load(i2c_bus_t *b) {
    b->shift = vboard_i2c_read();
    b->bit = 0;
    bus_put(b, b->shift >> 7);
}

/* The master's byte is in: the device takes it and acknowledges by pulling SDA low. */
static void bus_byte_in(i2c_bus_t *b) {
    bool ack = vboard_i2c_write(b->sda, b->scl, b->shift);
    if (b->state == BUS_ADDR) {
        b->acked = ack;
        b->reading = b->shift & 1;
    }
    bus_put(b, !ack);
}

/* The acknowledge clock of a master's byte ended. */
static void bus_after_ack_in(i2c_bus_t *b) {
    bus_put(b, 1);
    b->bit = 0;
    b->shift = 0;
    if (b->state != BUS_ADDR) {
        return;
    }
    if (!b->acked) {
        b->state = BUS_IGNORE;   /* nobody home: wait for STOP or START */
    } else if (b->reading) {
        b->state = BUS_READ;
        bus_load(b);
    } else {
        b->state = BUS_WRITE;
    }
}

/* SCL fell: the end of a clock; whoever sends puts the next bit on SDA now. */
static void bus_clock_end(i2c_bus_t *b) {
    if (b->after_start) {
        b->after_start = false;
        return;
    }
    if (b->state == BUS_ADDR || b->state == BUS_WRITE) {
        if (b->bit < 7) {
            b->bit++;
        } else if (b->bit == 7) {
            b->bit = 8;
            bus_byte_in(b);
        } else {
            bus_after_ack_in(b);
        }
    } else if (b->state == BUS_READ) {
        if (b->bit < 7) {
            b->bit++;
            bus_put(b, (b->shift >> (7 - b->bit)) & 1);
        } else if (b->bit == 7) {
            b->bit = 8;
            bus_put(b, 1);       /* the master acknowledges */
        } else if (b->master_ack) {
            bus_load(b);
        } else {
            b->state = BUS_IGNORE;
        }
    }
}

/* A level on one of the bus's lines changed (the device's own SDA changes come back here too, always
 * while SCL is low, where they mean nothing). */
static void bus_watch(i2c_bus_t *b) {
    int sda = vboard_level(b->sda), scl = vboard_level(b->scl);
    int old_sda = b->sda_level, old_scl = b->scl_level;
    b->sda_level = sda;
    b->scl_level = scl;
    if (scl && old_scl && sda != old_sda) {
        if (sda) {
            bus_stop(b);
        } else {
            bus_start(b);
        }
    } else if (scl && !old_scl) {
        bus_sample(b, sda);
    } else if (!scl && old_scl) {
        bus_clock_end(b);
    }
}

/* The buses the board description wired devices to. */
static void buses_find(void) {
    int sda, scl;
    for (int i = 0; vboard_i2c_lines(i, &sda, &scl); i++) {
        bool known = false;
        for (int k = 0; k < bd.n_buses; k++) {
            known |= bd.buses[k].sda == sda && bd.buses[k].scl == scl;
        }
        if (known || bd.n_buses == BOARD_MAX_BUSES) {
            continue;
        }
        i2c_bus_t *b = &bd.buses[bd.n_buses++];
        b->sda = sda;
        b->scl = scl;
        b->sda_level = vboard_level(sda);
        b->scl_level = vboard_level(scl);
    }
}

/* ---- software PWM ---- */

static bool is_bus_pin(int pin) {
    for (int k = 0; k < bd.n_buses; k++) {
        if (bd.buses[k].sda == pin || bd.buses[k].scl == pin) {
            return true;
        }
    }
    return false;
}

/* A rising edge ends a cycle: its high time and period give the duty. */
static void pwm_cycle(int pin, pwm_watch_t *w, uint64_t now) {
    uint64_t period = now - w->rise;
    uint64_t high = w->fall > w->rise ? w->fall - w->rise : 0;
    w->rise = now;
    w->cycles = period <= PWM_MAX_PERIOD_US ? w->cycles + 1 : 0;
    if (w->cycles < PWM_CYCLES || period == 0) {
        return;
    }
    uint32_t duty = (uint32_t)((high * 1023 + period / 2) / period);
    bool moved = !w->on || duty + PWM_DUTY_STEP <= w->duty || w->duty + PWM_DUTY_STEP <= duty
                 || period * 50 < w->period * 49 || w->period * 50 < period * 49;
    if (moved) {
        w->on = true;
        w->duty = duty;
        w->period = period;
        vboard_pwm(pin, true, (uint32_t)(1000000u / period), duty);
    }
}

static void pwm_edge(int pin, int level) {
    if (pin >= ESP_PIN_COUNT || is_bus_pin(pin)) {
        return;
    }
    pwm_watch_t *w = &bd.pwm[pin];
    uint64_t now = vboard_now_us();
    w->last_edge = now;
    if (level) {
        pwm_cycle(pin, w, now);
    } else {
        w->fall = now;
    }
}

/* Pins whose PWM stopped show their level again; returns when the next may stop. */
static uint64_t pwm_expire(uint64_t now) {
    uint64_t next = UINT64_MAX;
    for (int p = 0; p < ESP_PIN_COUNT; p++) {
        pwm_watch_t *w = &bd.pwm[p];
        if (!w->on) {
            continue;
        }
        uint64_t end = w->last_edge + PWM_IDLE_CYCLES * w->period;
        if (now >= end) {
            w->on = false;
            w->cycles = 0;
            vboard_pwm(p, false, 0, 0);
        } else if (end < next) {
            next = end;
        }
    }
    return next;
}

/* ---- the model's level changes ---- */

static void level_changed(int pin, int level) {
    bd.changed = true;
    pwm_edge(pin, level);
    for (int k = 0; k < bd.n_buses; k++) {
        if (bd.buses[k].sda == pin || bd.buses[k].scl == pin) {
            bus_watch(&bd.buses[k]);
        }
    }
}

/* The chip re-reads its inputs once the model has settled. */
static void tell_chip(void) {
    if (bd.changed && bd.esp != NULL) {
        bd.changed = false;
        esp_pins_changed(bd.esp);
    }
}

/* ---- esp_board_t ---- */

static void board_uart_tx(void *ctx, int uart, uint8_t byte) {
    (void)ctx;
    if (uart == 1) {
        vboard_trace_byte(VBOARD_VCD_UART1, byte);
    }
    if (bd.console != NULL) {
        bd.console(bd.console_ctx, uart, byte);
    } else if (uart == 0) {
        putchar(byte);
    }
}

static void board_pin_drive(void *ctx, int pin, int drive, bool pull_up) {
    (void)ctx;
    if (pin < 0 || pin >= ESP_PIN_COUNT) {
        return;
    }
    vboard_chip_pin(pin, drive, pull_up, drive >= 0);
    tell_chip();
}

static int board_pin_level(void *ctx, int pin) {
    (void)ctx;
    return pin >= 0 && pin < ESP_PIN_COUNT ? vboard_level(pin) : 0;
}

static double board_adc_volts(void *ctx) {
    (void)ctx;
    double v = vboard_adc_volts() / VBOARD_ADC_FULL_SCALE_V;
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* ---- board.h ---- */

int board_option(int argc, char **argv, int i) {
    return vboard_model_option(argc, argv, i, NULL);
}

const esp_board_t *board_init(uint64_t (*clock_us)(void *ctx), void *clock_ctx) {
    vboard_set_clock(clock_us, clock_ctx);
    vboard_set_level_hook(level_changed);
    vboard_set_bus_pullups(true);   /* the breakouts' resistors on the bit-banged open-drain lines */
    if (!vboard_start()) {
        return NULL;
    }
    buses_find();
    bd.board = (esp_board_t){ .ctx = NULL, .uart_tx = board_uart_tx, .pin_drive = board_pin_drive,
                              .pin_level = board_pin_level, .adc_volts = board_adc_volts };
    return &bd.board;
}

void board_attach(esp8266_t *esp) {
    bd.esp = esp;
    bd.changed = true;   /* the board's levels as they are now */
    tell_chip();
}

uint64_t board_run_events(uint64_t now_us) {
    uint64_t next = vboard_run_events(now_us);
    uint64_t pwm_next = pwm_expire(now_us);
    tell_chip();
    return pwm_next < next ? pwm_next : next;
}

void board_set_console(void (*tx)(void *ctx, int uart, uint8_t byte), void *ctx) {
    bd.console = tx;
    bd.console_ctx = ctx;
}

void board_hold_gpio0_low(bool on) {
    vboard_drive(0, on ? 0 : -1);
    tell_chip();
}

bool board_press(const char *name, bool pressed) {
    int pin = vboard_find(name);
    if (pin < 0) {
        return false;
    }
    vboard_press(pin, pressed);
    tell_chip();
    return true;
}

void board_close(void) {
    vboard_close();
}

int board_rst_wire(void) {
    return vboard_rst_wire();
}
