/* vboard_model.c: the virtual NodeMCU (ESP8266) board, as a model of what is wired to the chip: parts
 * (LEDs, buttons, servos), pin levels from the chip's drive, its pull-ups, the board's pull-ups and
 * external drives, what a person sees (LED and servo status lines), a VCD trace of every pin change,
 * a stimulus file of timed input events, board description files, the potentiometer on A0.  Shared by
 * the host port (ports/unix/vboard.c) and the NodeMCU emulator (tools/emu/board.c): it includes nothing
 * of the interpreter, reads the time through a clock hook and reports level changes through a hook. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "vboard_model.h"

#define NPIN HAL_PIN_COUNT
#define MAX_PARTS (24)

typedef enum { PART_LED, PART_BUTTON, PART_SERVO } part_kind_t;

typedef struct {
    part_kind_t kind;
    int8_t pin;
    bool active_low;
    char name[16];
    char colour[12];
    int16_t shown;                /* last state displayed: -1 none, else brightness % or angle */
} part_t;

typedef struct {
    uint64_t t;
    enum { EV_PRESS, EV_RELEASE, EV_DRIVE, EV_ADC, EV_ENV } kind;
    int pin;
    double value[3];
} event_t;

static const char nodemcu_description[] =
    "name NodeMCU v3 (ESP-12E)\n"
    "led blue 2 blue active-low\n"
    "led red 16 red active-low\n"
    "led ext 5 green active-high\n"
    "button FLASH 0 active-low\n"
    "pot A0 1.65\n"
    "i2c 4 14 ssd1306 0x3C\n"
    "i2c 4 14 bme280 0x76\n"
    "wire 16 rst\n";

static uint64_t no_clock(void *ctx) {
    (void)ctx;
    return 0;
}

static void stderr_writer(const char *s, size_t len) {
    fwrite(s, 1, len, stderr);
    fflush(stderr);
}

static struct {
    uint64_t (*now_us)(void *ctx);
    void *clock_ctx;
    void (*level_changed)(int pin, int level);
    void (*status_write)(const char *s, size_t len);
    bool (*extra_line)(char *words[], int n);
    int show_leds;                /* -1: if stderr is a terminal */
    const char *trace_path, *stimulus_path, *board_path;
    FILE *vcd;
    uint64_t vcd_time;
    bool i2c_busy, bus_pullups;
    char board_name[40];
    int8_t rst_wire;              /* the GPIO wired to the RST pin, -1: none (a description's `wire`) */
    part_t parts[MAX_PARTS];
    int n_parts;
    int8_t drive[NPIN];           /* the chip's: -1 not driving, 0/1 */
    int8_t ext[NPIN];             /* external drive: -1 none, 0/1 */
    uint8_t chip_pull[NPIN], board_pull[NPIN], bus_low[NPIN], output[NPIN], level[NPIN];
    bool pwm_on[NPIN];
    uint16_t pwm_duty[NPIN];
    uint32_t pwm_freq;
    double adc_volts;
    event_t *events;
    size_t n_events, events_cap, next_event;
} vb = { .now_us = no_clock, .status_write = stderr_writer, .show_leds = -1, .pwm_freq = 1000, .rst_wire = -1,
         .drive = { -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1 },
         .ext = { -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1 } };

/* GPIO 6..11 drive the flash chip: not usable. */
static const uint8_t pin_caps[NPIN] = {
    [0] = 0x1f, [1] = 0x17, [2] = 0x1f, [3] = 0x17, [4] = 0x1f, [5] = 0x1f,
    [12] = 0x1f, [13] = 0x1f, [14] = 0x1f, [15] = 0x1f, [16] = HAL_PIN_CAP_IO | HAL_PIN_CAP_OD,
};

/* ---- hooks ---- */

void vboard_set_clock(uint64_t (*now_us)(void *ctx), void *ctx) {
    vb.now_us = now_us != NULL ? now_us : no_clock;
    vb.clock_ctx = ctx;
}

uint64_t vboard_now_us(void) {
    return vb.now_us(vb.clock_ctx);
}

void vboard_set_level_hook(void (*changed)(int pin, int level)) {
    vb.level_changed = changed;
}

void vboard_set_status_writer(void (*write)(const char *s, size_t len)) {
    vb.status_write = write != NULL ? write : stderr_writer;
}

void vboard_set_line_hook(bool (*line)(char *words[], int n)) {
    vb.extra_line = line;
}

bool vboard_showing(void) {
    if (vb.show_leds < 0) {
        vb.show_leds = isatty(2);
    }
    return vb.show_leds;
}

void vboard_status(const char *line) {
    if (vboard_showing()) {
        vb.status_write(line, strlen(line));
    }
}

/* ---- the trace (VCD) ---- */

static char vcd_id(int var) {
    return (char)('!' + var);
}
#define VCD_PWM_BASE (NPIN)
#define VCD_ADC (2 * NPIN)
#define VCD_I2C_BYTE (2 * NPIN + 1)
#define VCD_I2C_BUSY (2 * NPIN + 2)
#define VCD_BYTES (2 * NPIN + 3)     /* the byte channels, in their enum's order */
static const char *const vcd_byte_names[] = { "spi_mosi", "spi_miso", "uart1", "bitstream" };

static bool vcd_begin(void) {
    if (vb.vcd == NULL) {
        return false;
    }
    uint64_t t = vboard_now_us();
    if (t != vb.vcd_time) {
        vb.vcd_time = t;
        fprintf(vb.vcd, "#%llu\n", (unsigned long long)t);
    }
    return true;
}

static void trace_pin(int pin) {
    if (vcd_begin()) {
        fprintf(vb.vcd, "%d%c\n", vb.level[pin], vcd_id(pin));
    }
}

static void trace_pwm(int pin) {
    if (vcd_begin()) {
        fprintf(vb.vcd, "r%.6g %c\n", vb.pwm_on[pin] ? vb.pwm_duty[pin] / 1023.0 : 0.0, vcd_id(VCD_PWM_BASE + pin));
    }
}

static void trace_adc(void) {
    if (vcd_begin()) {
        fprintf(vb.vcd, "r%.6g %c\n", vb.adc_volts, vcd_id(VCD_ADC));
    }
}

static void vcd_bits(uint8_t byte, int var) {
    fputc('b', vb.vcd);
    for (int bit = 7; bit >= 0; bit--) {
        fputc('0' + ((byte >> bit) & 1), vb.vcd);
    }
    fprintf(vb.vcd, " %c\n", vcd_id(var));
}

void vboard_trace_i2c(int byte, bool busy) {
    if (!vcd_begin()) {
        return;
    }
    if (byte >= 0) {
        vcd_bits((uint8_t)byte, VCD_I2C_BYTE);
    }
    if (busy != vb.i2c_busy) {
        vb.i2c_busy = busy;
        fprintf(vb.vcd, "%d%c\n", busy, vcd_id(VCD_I2C_BUSY));
    }
}

void vboard_trace_byte(int channel, uint8_t byte) {
    if (vcd_begin()) {
        vcd_bits(byte, VCD_BYTES + channel);
    }
}

void vboard_close(void) {
    if (vb.vcd != NULL) {
        fprintf(vb.vcd, "#%llu\n", (unsigned long long)vboard_now_us() + 1);
        fclose(vb.vcd);
        vb.vcd = NULL;
    }
}

static void vcd_header(FILE *f) {
    fprintf(f, "$comment Adder virtual board: %s $end\n$timescale 1us $end\n$scope module board $end\n",
            vb.board_name);
    for (int p = 0; p < NPIN; p++) {
        if (pin_caps[p]) {
            fprintf(f, "$var wire 1 %c gpio%d $end\n", vcd_id(p), p);
        }
        if (pin_caps[p] & HAL_PIN_CAP_PWM) {
            fprintf(f, "$var real 64 %c pwm%d $end\n", vcd_id(VCD_PWM_BASE + p), p);
        }
    }
    fprintf(f, "$var real 64 %c a0 $end\n$var wire 8 %c i2c_byte $end\n$var wire 1 %c i2c_busy $end\n",
            vcd_id(VCD_ADC), vcd_id(VCD_I2C_BYTE), vcd_id(VCD_I2C_BUSY));
    for (int c = 0; c < 4; c++) {
        fprintf(f, "$var wire 8 %c %s $end\n", vcd_id(VCD_BYTES + c), vcd_byte_names[c]);
    }
    fprintf(f, "$upscope $end\n$enddefinitions $end\n");
}

static bool vcd_open(const char *path) {
    vb.vcd = fopen(path, "w");
    if (vb.vcd == NULL) {
        fprintf(stderr, "adder: cannot write the trace to %s\n", path);
        return false;
    }
    FILE *f = vb.vcd;
    vcd_header(f);
    fprintf(f, "#0\n$dumpvars\n");
    for (int p = 0; p < NPIN; p++) {
        if (pin_caps[p]) {
            fprintf(f, "%d%c\n", vb.level[p], vcd_id(p));
        }
        if (pin_caps[p] & HAL_PIN_CAP_PWM) {
            fprintf(f, "r0 %c\n", vcd_id(VCD_PWM_BASE + p));
        }
    }
    fprintf(f, "r%.6g %c\nb0 %c\n0%c\n", vb.adc_volts, vcd_id(VCD_ADC), vcd_id(VCD_I2C_BYTE),
            vcd_id(VCD_I2C_BUSY));
    for (int c = 0; c < 4; c++) {
        fprintf(f, "b0 %c\n", vcd_id(VCD_BYTES + c));
    }
    fprintf(f, "$end\n");
    vb.vcd_time = 0;
    atexit(vboard_close);
    return true;
}

/* ---- LEDs and servos on the status lines ---- */

static const char *ansi_colour(const char *colour) {
    static const char *const names[] = { "red", "green", "yellow", "blue", "magenta", "cyan", "white" };
    static const char *const codes[] = { "31", "32", "33", "34", "35", "36", "37" };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (strcmp(colour, names[i]) == 0) {
            return codes[i];
        }
    }
    return "37";
}

/* Brightness of an LED in percent, from its pin's level or PWM duty. */
static int led_percent(const part_t *led) {
    int p = led->pin;
    if (vb.pwm_on[p]) {
        double on = vb.pwm_duty[p] / 1023.0;
        return (int)lround((led->active_low ? 1.0 - on : on) * 100.0);
    }
    return vb.level[p] == (led->active_low ? 0 : 1) && vb.output[p] ? 100 : 0;
}

static void show_led(part_t *led) {
    int pct = led_percent(led);
    if (pct == led->shown) {
        return;
    }
    led->shown = (int16_t)pct;
    if (!vboard_showing()) {
        return;
    }
    char state[16];
    snprintf(state, sizeof(state), pct == 100 ? "ON" : pct == 0 ? "off" : "%d%%", pct);
    char line[160];
    if (isatty(2)) {
        /* a filled disc in the LED's colour when lit, a dim circle when off */
        snprintf(line, sizeof(line), "\033[%sm%s\033[0m %s LED (GPIO%d) %s\n", pct ? ansi_colour(led->colour) : "2",
                 pct ? "\xe2\x97\x8f" : "\xe2\x97\x8b", led->name, led->pin, state);
    } else {
        snprintf(line, sizeof(line), "[led] %s (GPIO%d) %s\n", led->name, led->pin, state);
    }
    vboard_status(line);
}

/* A hobby servo follows the pulse width of a 50 Hz PWM: 0.5 ms is 0 degrees, 2.5 ms is 180. */
static int servo_angle(const part_t *servo) {
    int p = servo->pin;
    if (!vb.pwm_on[p] || vb.pwm_duty[p] == 0) {
        return -1;
    }
    double pulse_us = vb.pwm_duty[p] / 1024.0 * 1e6 / vb.pwm_freq;
    double angle = (pulse_us - 500.0) / 2000.0 * 180.0;
    return angle <= 0 ? 0 : angle >= 180 ? 180 : (int)lround(angle);
}

static void show_servo(part_t *servo) {
    int angle = servo_angle(servo);
    if (angle == servo->shown || angle < 0) {
        return;
    }
    servo->shown = (int16_t)angle;
    char line[80];
    snprintf(line, sizeof(line), "[servo] %s (GPIO%d) %d\xc2\xb0\n", servo->name, servo->pin, angle);
    vboard_status(line);
}

int vboard_servo_state(int index, const char **name, int *angle) {
    for (int i = 0, n = 0; i < vb.n_parts; i++) {
        if (vb.parts[i].kind == PART_SERVO && n++ == index) {
            *name = vb.parts[i].name;
            *angle = servo_angle(&vb.parts[i]);
            return 1;
        }
    }
    return 0;
}

static void show_parts_on(int pin) {
    for (int i = 0; i < vb.n_parts; i++) {
        if (vb.parts[i].kind == PART_LED && vb.parts[i].pin == pin) {
            show_led(&vb.parts[i]);
        } else if (vb.parts[i].kind == PART_SERVO && vb.parts[i].pin == pin) {
            show_servo(&vb.parts[i]);
        }
    }
}

int vboard_led_state(int index, const char **name, const char **colour, int *pin, double *brightness) {
    for (int i = 0, n = 0; i < vb.n_parts; i++) {
        if (vb.parts[i].kind == PART_LED && n++ == index) {
            *name = vb.parts[i].name;
            *colour = vb.parts[i].colour;
            *pin = vb.parts[i].pin;
            *brightness = led_percent(&vb.parts[i]) / 100.0;
            return 1;
        }
    }
    return 0;
}

/* ---- pins ---- */

unsigned vboard_pin_caps(int pin) {
    return pin >= 0 && pin < NPIN ? pin_caps[pin] : 0;
}

/* The chip's driver wins (a push-pull output, or an open drain pulling low); else a device on the bus
 * pulling low, else an external signal, else the pull-ups. */
static int compute_level(int p) {
    if (vb.drive[p] >= 0) {
        return vb.drive[p];
    }
    if (vb.bus_low[p]) {
        return 0;
    }
    if (vb.ext[p] >= 0) {
        return vb.ext[p];
    }
    return vb.chip_pull[p] || vb.board_pull[p];
}

static void update_pin(int p) {
    int level = compute_level(p);
    if (level == vb.level[p]) {
        return;
    }
    vb.level[p] = (uint8_t)level;
    trace_pin(p);
    show_parts_on(p);
    if (vb.level_changed != NULL) {
        vb.level_changed(p, level);
    }
}

void vboard_chip_pin(int pin, int drive, bool pull_up, bool output) {
    vb.drive[pin] = (int8_t)(drive < 0 ? -1 : drive != 0);
    vb.chip_pull[pin] = pull_up;
    vb.output[pin] = output;
    update_pin(pin);
    show_parts_on(pin);   /* an LED pin turned output shows its state even if the level did not change */
}

int vboard_level(int pin) {
    return vb.level[pin];
}

void vboard_drive(int pin, int level) {
    vb.ext[pin] = (int8_t)level;
    update_pin(pin);
}

void vboard_bus_pull_low(int pin, bool on) {
    vb.bus_low[pin] = on;
    update_pin(pin);
}

void vboard_press(int pin, bool pressed) {
    bool active_low = true;
    for (int i = 0; i < vb.n_parts; i++) {
        if (vb.parts[i].kind == PART_BUTTON && vb.parts[i].pin == pin) {
            active_low = vb.parts[i].active_low;
        }
    }
    vboard_drive(pin, pressed ? !active_low : -1);
}

/* ---- PWM and ADC ---- */

void vboard_pwm(int pin, bool on, uint32_t freq, uint32_t duty) {
    if (on) {
        vb.pwm_freq = freq;
        vb.pwm_duty[pin] = (uint16_t)duty;
    }
    vb.pwm_on[pin] = on;
    trace_pwm(pin);
    show_parts_on(pin);
}

bool vboard_pwm_active(int pin) {
    return vb.pwm_on[pin];
}

void vboard_set_adc(double volts) {
    vb.adc_volts = volts < 0 ? 0 : volts;
    trace_adc();
}

double vboard_adc_volts(void) {
    return vb.adc_volts;
}

/* ---- the stimulus file ---- */

uint64_t vboard_next_event_us(void) {
    return vb.next_event < vb.n_events ? vb.events[vb.next_event].t : UINT64_MAX;
}

uint64_t vboard_run_events(uint64_t now) {
    while (vb.next_event < vb.n_events && vb.events[vb.next_event].t <= now) {
        event_t *e = &vb.events[vb.next_event++];
        switch (e->kind) {
            case EV_PRESS: vboard_press(e->pin, true); break;
            case EV_RELEASE: vboard_press(e->pin, false); break;
            case EV_DRIVE: vboard_drive(e->pin, (int)e->value[0]); break;
            case EV_ADC: vboard_set_adc(e->value[0]); break;
            case EV_ENV: vboard_i2c_set_env(e->value[0], e->value[1], e->value[2]); break;
        }
    }
    return vboard_next_event_us();
}

/* "100ms", "1.5s", "250us", "2000" (ms); false if malformed. */
static bool parse_time(const char *s, uint64_t *us) {
    char *end;
    double v = strtod(s, &end);
    double scale = strcmp(end, "us") == 0 ? 1 : strcmp(end, "s") == 0 ? 1e6
                   : strcmp(end, "ms") == 0 || *end == 0 ? 1e3 : -1;
    if (end == s || scale < 0 || v < 0) {
        return false;
    }
    *us = (uint64_t)llround(v * scale);
    return true;
}

/* "1.2V" is volts at A0, a plain number a raw reading 0..1024. */
static double parse_adc(const char *s) {
    char *end;
    double v = strtod(s, &end);
    if (*end == 'V' || *end == 'v') {
        return v;
    }
    return v / 1024.0 * VBOARD_ADC_FULL_SCALE_V;
}

static bool parse_event(char *words[], int n, event_t *e) {
    const char *action = words[1];
    if ((strcmp(action, "press") == 0 || strcmp(action, "release") == 0) && n == 3) {
        e->kind = action[0] == 'p' ? EV_PRESS : EV_RELEASE;
        return (e->pin = vboard_find(words[2])) >= 0;
    }
    if (strcmp(action, "pin") == 0 && n == 4) {
        e->kind = EV_DRIVE;
        e->value[0] = strcmp(words[3], "high") == 0 || strcmp(words[3], "1") == 0 ? 1
                      : strcmp(words[3], "low") == 0 || strcmp(words[3], "0") == 0 ? 0 : -1;
        return (e->pin = vboard_find(words[2])) >= 0;
    }
    if (strcmp(action, "adc") == 0 && n == 3) {
        e->kind = EV_ADC;
        e->value[0] = parse_adc(words[2]);
        return true;
    }
    if (strcmp(action, "env") == 0 && n == 5) {
        e->kind = EV_ENV;
        for (int i = 0; i < 3; i++) {
            e->value[i] = atof(words[2 + i]);
        }
        return true;
    }
    return false;
}

static int split_words(char *line, char *words[], int max) {
    int n = 0;
    for (char *tok = strtok(line, " \t\r\n"); tok != NULL && n < max; tok = strtok(NULL, " \t\r\n")) {
        if (tok[0] == '#') {
            break;
        }
        words[n++] = tok;
    }
    return n;
}

static bool stimulus_error(FILE *f, const char *path, int line, const char *msg) {
    fclose(f);
    fprintf(stderr, "adder: %s:%d: %s\n", path, line, msg);
    return false;
}

static bool add_event(const event_t *e) {
    if (vb.n_events == vb.events_cap) {
        size_t cap = vb.events_cap ? 2 * vb.events_cap : 16;
        event_t *grown = realloc(vb.events, cap * sizeof(event_t));
        if (grown == NULL) {
            return false;
        }
        vb.events = grown;
        vb.events_cap = cap;
    }
    vb.events[vb.n_events++] = *e;
    return true;
}

static bool load_stimulus(const char *path) {
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        fprintf(stderr, "adder: cannot read the stimulus file %s\n", path);
        return false;
    }
    char line[256];
    uint64_t last = 0;
    for (int lineno = 1; fgets(line, sizeof(line), f) != NULL; lineno++) {
        char *words[6];
        int n = split_words(line, words, 6);
        if (n == 0) {
            continue;
        }
        event_t e;
        memset(&e, 0, sizeof(e));
        bool relative = words[0][0] == '+';
        if (n < 2 || !parse_time(words[0] + relative, &e.t)) {
            return stimulus_error(f, path, lineno, "expected: TIME ACTION [ARGS] (TIME like 100ms, 1.5s, +20ms)");
        }
        e.t += relative ? last : 0;
        if (e.t < last) {
            return stimulus_error(f, path, lineno, "events must be in time order");
        }
        if (!parse_event(words, n, &e)) {
            return stimulus_error(f, path, lineno, "unknown event (press NAME, release NAME, pin N high|low|float, "
                                                   "adc 1.2V|512, env TEMP HUM HPA) or unknown name");
        }
        last = e.t;
        if (!add_event(&e)) {
            return stimulus_error(f, path, lineno, "out of memory reading the stimulus file");
        }
    }
    fclose(f);
    return true;
}

/* ---- the board description ---- */

int vboard_find(const char *name) {
    for (int i = 0; i < vb.n_parts; i++) {
        if (strcasecmp(vb.parts[i].name, name) == 0) {
            return vb.parts[i].pin;
        }
    }
    /* board labels D0..D8, then GPIO numbers */
    static const int8_t dpins[] = { 16, 5, 4, 0, 2, 14, 12, 13, 15 };
    if ((name[0] == 'D' || name[0] == 'd') && isdigit((unsigned char)name[1]) && name[2] == 0) {
        return name[1] - '0' <= 8 ? dpins[name[1] - '0'] : -1;
    }
    if (strncasecmp(name, "GPIO", 4) == 0) {
        name += 4;
    }
    char *end;
    long p = strtol(name, &end, 10);
    return end != name && *end == 0 && vboard_pin_caps((int)p) ? (int)p : -1;
}

static bool add_part(part_kind_t kind, char *words[], int n) {
    if (vb.n_parts == MAX_PARTS || n < 3) {
        return false;
    }
    part_t *part = &vb.parts[vb.n_parts];
    memset(part, 0, sizeof(*part));
    part->kind = kind;
    part->shown = -1;
    snprintf(part->name, sizeof(part->name), "%s", words[1]);
    part->pin = (int8_t)vboard_find(words[2]);
    int opt = 3;
    if (kind == PART_LED) {
        snprintf(part->colour, sizeof(part->colour), "%s", n > 3 ? words[3] : "red");
        opt = 4;
    }
    part->active_low = n > opt && strcmp(words[opt], "active-low") == 0;
    if (kind == PART_BUTTON && n <= opt) {
        part->active_low = true;
    }
    if (part->pin < 0) {
        return false;
    }
    if (part->active_low) {
        vb.board_pull[part->pin] = 1;   /* what makes "active-low" work: a pull-up on the board */
    }
    vb.n_parts++;
    return true;
}

static bool board_line(char *words[], int n) {
    if (strcmp(words[0], "name") == 0) {
        vb.board_name[0] = 0;
        for (int i = 1; i < n; i++) {
            size_t len = strlen(vb.board_name);
            snprintf(vb.board_name + len, sizeof(vb.board_name) - len, "%s%s", i > 1 ? " " : "", words[i]);
        }
        return true;
    }
    if (strcmp(words[0], "led") == 0) {
        return add_part(PART_LED, words, n);
    }
    if (strcmp(words[0], "button") == 0) {
        return add_part(PART_BUTTON, words, n);
    }
    if (strcmp(words[0], "servo") == 0) {
        return add_part(PART_SERVO, words, n);
    }
    if (strcmp(words[0], "pot") == 0 && n >= 2) {
        vb.adc_volts = n > 2 ? atof(words[2]) : 0;
        return true;
    }
    if (strcmp(words[0], "pull") == 0 && n == 3) {
        int p = vboard_find(words[1]);
        if (p >= 0) {
            vb.board_pull[p] = strcmp(words[2], "up") == 0;
        }
        return p >= 0;
    }
    if (strcmp(words[0], "wire") == 0 && n == 3 && strcasecmp(words[2], "rst") == 0) {
        vb.rst_wire = (int8_t)vboard_find(words[1]);
        return vb.rst_wire >= 0;
    }
    if (strcmp(words[0], "i2c") == 0 && n == 5) {
        return vboard_i2c_add(words[3], (int)strtol(words[4], NULL, 0), vboard_find(words[1]), vboard_find(words[2]));
    }
    return strcmp(words[0], "heap") == 0 || (vb.extra_line != NULL && vb.extra_line(words, n));
}

/* Parses a description from text (modified in place); path names it in errors. */
static bool load_description(char *text, const char *path, size_t *heap_size) {
    int lineno = 1;
    for (char *line = text; line != NULL && *line; lineno++) {
        char *nl = strchr(line, '\n');
        if (nl != NULL) {
            *nl = 0;
        }
        char *words[8];
        int n = split_words(line, words, 8);
        if (n > 0 && strcmp(words[0], "heap") == 0 && n == 2 && heap_size != NULL) {
            *heap_size = (size_t)strtoul(words[1], NULL, 10) * (strchr(words[1], 'K') || strchr(words[1], 'k') ? 1024 : 1);
        }
        if (n > 0 && !board_line(words, n)) {
            fprintf(stderr, "adder: %s:%d: cannot understand this board line\n", path, lineno);
            return false;
        }
        line = nl != NULL ? nl + 1 : NULL;
    }
    return true;
}

static char *read_text_file(const char *path) {
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf != NULL && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (len + 1 == cap) {
            cap *= 2;
            char *grown = realloc(buf, cap);
            if (grown == NULL) {
                free(buf);
            }
            buf = grown;
        }
    }
    fclose(f);
    if (buf != NULL) {
        buf[len] = 0;
    }
    return buf;
}

static bool load_board_file(const char *path, size_t *heap_size) {
    char *text = read_text_file(path);
    if (text == NULL) {
        fprintf(stderr, "adder: cannot read the board description %s\n", path);
        return false;
    }
    bool ok = load_description(text, path, heap_size);
    free(text);
    return ok;
}

/* ---- options and start-up ---- */

int vboard_model_option(int argc, char **argv, int i, size_t *heap_size) {
    const char *a = argv[i];
    const char *val = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--leds") == 0 || strcmp(a, "--no-leds") == 0) {
        vb.show_leds = a[2] == 'l';
        return 1;
    }
    if (strcmp(a, "--trace") != 0 && strcmp(a, "--stimulus") != 0 && strcmp(a, "--board") != 0) {
        return 0;
    }
    if (val == NULL) {
        fprintf(stderr, "adder: %s needs an argument\n", a);
        return -1;
    }
    if (a[2] == 't') {
        vb.trace_path = val;
    } else if (a[2] == 's') {
        vb.stimulus_path = val;
    } else {
        vb.board_path = val;
        if (strcmp(val, "nodemcu") == 0) {
            if (heap_size != NULL) {
                *heap_size = 40 * 1024;   /* what MicroPython leaves Python on the real board */
            }
        } else if (!load_board_file(val, heap_size)) {
            return -1;
        }
    }
    return 2;
}

int vboard_rst_wire(void) {
    return vb.rst_wire;
}

void vboard_set_bus_pullups(bool on) {
    vb.bus_pullups = on;
}

bool vboard_start(void) {
    if (vb.board_path == NULL || strcmp(vb.board_path, "nodemcu") == 0) {
        char text[sizeof(nodemcu_description)];
        memcpy(text, nodemcu_description, sizeof(text));
        load_description(text, "nodemcu", NULL);
    }
    int sda, scl;
    for (int i = 0; vb.bus_pullups && vboard_i2c_lines(i, &sda, &scl); i++) {
        vb.board_pull[sda] = vb.board_pull[scl] = 1;
    }
    for (int p = 0; p < NPIN; p++) {
        vb.level[p] = (uint8_t)compute_level(p);
    }
    return (vb.trace_path == NULL || vcd_open(vb.trace_path))
           && (vb.stimulus_path == NULL || load_stimulus(vb.stimulus_path));
}
