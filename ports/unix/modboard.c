/* modboard.c: the `board` module of the host port: drives the virtual board's inputs and shows its
 * outputs from Python (the REPL, or a test):
 *     board.press('FLASH'), board.release('FLASH'), board.drive(4, 0), board.drive(4, None)
 *     board.adc(2.5)  (volts at A0)   board.env(temp=30, humidity=60, pressure=1000)
 *     board.leds() -> {'blue': 100, ...} (brightness in percent), board.pin('D4') -> level
 *     board.oled() prints the OLED, board.oled_text() returns it, board.oled_png(path) saves it.
 *     board.pixels(strip=0) -> [(r, g, b), ...] (a NeoPixel strip), board.servos() -> {'arm': 90}
 * Handlers of the IRQs an input causes run before the call returns. */
#include <string.h>
#include "../../extmod/modmachine.h"
#include "vboard.h"

static int find_pin(obj_t name) {
    int pin;
    if (obj_is_int(name)) {
        pin = (int)obj_get_int(name);
        pin = hal_pin_caps(pin) ? pin : -1;
    } else {
        pin = vboard_find(obj_str_get_cstr(name));
    }
    if (pin < 0) {
        rt_raise_value_error("no such pin or part on this board: %r", name);
    }
    return pin;
}

static obj_t board_press(obj_t name) {
    vboard_press(find_pin(name), true);
    machine_poll();
    return OBJ_NONE;
}
static FUN_DEFINE_1(board_press_obj, board_press);

static obj_t board_release(obj_t name) {
    vboard_press(find_pin(name), false);
    machine_poll();
    return OBJ_NONE;
}
static FUN_DEFINE_1(board_release_obj, board_release);

/* drive(pin, level): an external signal on the pin; level None lets go of it. */
static obj_t board_drive(obj_t name, obj_t level) {
    vboard_drive(find_pin(name), level == OBJ_NONE ? -1 : obj_is_true(level));
    machine_poll();
    return OBJ_NONE;
}
static FUN_DEFINE_2(board_drive_obj, board_drive);

static obj_t board_pin(obj_t name) {
    return OBJ_NEW_SMALL_INT(hal_pin_read(find_pin(name)));
}
static FUN_DEFINE_1(board_pin_obj, board_pin);

/* Analog values are floats; without a float type they are whole numbers. */
static obj_t number_new(double v) {
#if CONFIG_FLOAT
    return obj_new_float(v);
#else
    return obj_new_int((intptr_t)v);
#endif
}

static double number_get(obj_t o) {
#if CONFIG_FLOAT
    return obj_get_float(o);
#else
    return (double)obj_get_int(o);
#endif
}

static obj_t board_adc(size_t n_args, const obj_t *args) {
    if (n_args == 0) {
        return number_new(vboard_adc_volts());
    }
    vboard_set_adc(number_get(args[0]));
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(board_adc_obj, 0, 1, board_adc);

static const arg_spec_t env_spec[] = {
    { Q_temp, 0, OBJ_NULL },
    { Q_humidity, 0, OBJ_NULL },
    { Q_pressure, 0, OBJ_NULL },
};

/* env(temp=None, humidity=None, pressure=None): sets what the BME280 measures; returns the three. */
static obj_t board_env(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[3];
    arg_parse(n_args, n_kw, args, env_spec, 3, a, "env");
    double v[3];
    vboard_i2c_get_env(&v[0], &v[1], &v[2]);
    for (int i = 0; i < 3; i++) {
        if (a[i] != OBJ_NULL && a[i] != OBJ_NONE) {
            v[i] = number_get(a[i]);
        }
    }
    vboard_i2c_set_env(v[0], v[1], v[2]);
    vboard_i2c_get_env(&v[0], &v[1], &v[2]);
    obj_t items[3] = { number_new(v[0]), number_new(v[1]), number_new(v[2]) };
    return obj_new_tuple(3, items);
}
static FUN_DEFINE_KW(board_env_obj, 0, board_env);

static obj_t board_leds(void) {
    obj_t d = obj_new_dict(4);
    const char *name, *colour;
    int pin;
    double b;
    for (int i = 0; vboard_led_state(i, &name, &colour, &pin, &b); i++) {
        obj_dict_store(d, obj_new_str(name, strlen(name)), OBJ_NEW_SMALL_INT((int)(b * 100 + 0.5)));
    }
    return d;
}
static FUN_DEFINE_0(board_leds_obj, board_leds);

/* pixels(strip=0): the colours a NeoPixel strip shows, as (r, g, b) tuples; strip by index or name. */
static obj_t board_pixels(size_t n_args, const obj_t *args) {
    const char *name;
    uint8_t rgb[3 * 64];
    for (int k = 0;; k++) {
        int n = vboard_pixels(k, &name, rgb, 64);
        if (n < 0) {
            rt_raise_value_error("no such NeoPixel strip on this board");
        }
        bool match = n_args == 0 ? k == 0
                     : obj_is_int(args[0]) ? obj_get_int(args[0]) == k : strcmp(obj_str_get_cstr(args[0]), name) == 0;
        if (match) {
            obj_t list = obj_new_list(0, NULL);
            for (int i = 0; i < n; i++) {
                obj_t c[3] = { OBJ_NEW_SMALL_INT(rgb[3 * i]), OBJ_NEW_SMALL_INT(rgb[3 * i + 1]),
                               OBJ_NEW_SMALL_INT(rgb[3 * i + 2]) };
                obj_list_append(list, obj_new_tuple(3, c));
            }
            return list;
        }
    }
}
static FUN_DEFINE_VAR(board_pixels_obj, 0, 1, board_pixels);

/* servos() -> {'arm': 90, ...}: each servo's angle in degrees, None while no pulses drive it. */
static obj_t board_servos(void) {
    obj_t d = obj_new_dict(2);
    const char *name;
    int angle;
    for (int i = 0; vboard_servo_state(i, &name, &angle); i++) {
        obj_dict_store(d, obj_new_str(name, strlen(name)), angle < 0 ? OBJ_NONE : OBJ_NEW_SMALL_INT(angle));
    }
    return d;
}
static FUN_DEFINE_0(board_servos_obj, board_servos);

static void check_oled(void) {
    bool on;
    if (!vboard_oled_pixel(0, 0, &on)) {
        rt_raise_msg(&type_OSError, "no OLED on this board");
    }
}

static void oled_border(const print_t *pr) {
    print_str(pr, "+");
    for (int x = 0; x < 128; x++) {
        print_str(pr, "-");
    }
    print_str(pr, "+\n");
}

/* The OLED as text: two pixel rows per line with half-block characters, in a frame. */
static void oled_render(const print_t *pr) {
    static const char *const blocks[4] = { " ", "\xe2\x96\x80", "\xe2\x96\x84", "\xe2\x96\x88" };
    oled_border(pr);
    for (int y = 0; y < 64; y += 2) {
        print_str(pr, "|");
        for (int x = 0; x < 128; x++) {
            bool top, bottom;
            vboard_oled_pixel(x, y, &top);
            vboard_oled_pixel(x, y + 1, &bottom);
            print_str(pr, blocks[top | (bottom << 1)]);
        }
        print_str(pr, "|\n");
    }
    oled_border(pr);
}

static obj_t board_oled_text(void) {
    check_oled();
    vstr_t vs;
    print_t pr;
    vstr_init(&vs, 130 * 34 * 3);
    print_vstr_init(&pr, &vs);
    oled_render(&pr);
    return obj_new_str_from_vstr(&vs);
}
static FUN_DEFINE_0(board_oled_text_obj, board_oled_text);

/* Printed as it is rendered: no 13 KB string on a 40 KB heap. */
static obj_t board_oled(void) {
    check_oled();
    oled_render(&print_stdout);
    return OBJ_NONE;
}
static FUN_DEFINE_0(board_oled_obj, board_oled);

/* oled_pixel(x, y) -> 0/1: what the panel shows at (x, y), without allocating. */
static obj_t board_oled_pixel(obj_t x, obj_t y) {
    bool on;
    check_oled();
    if (!vboard_oled_pixel(obj_get_int(x), obj_get_int(y), &on)) {
        rt_raise_value_error("pixel outside the panel");
    }
    return OBJ_NEW_SMALL_INT(on);
}
static FUN_DEFINE_2(board_oled_pixel_obj, board_oled_pixel);

static obj_t board_oled_png(obj_t path) {
    if (!vboard_oled_write_png(obj_str_get_cstr(path))) {
        rt_raise_msg(&type_OSError, "cannot write the OLED image to %S", path);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_1(board_oled_png_obj, board_oled_png);

static const map_elem_t board_globals_table[] = {
    { QOBJ(__name__), QOBJ(board) },
    { QOBJ(press), OBJ_ROM(&board_press_obj) },
    { QOBJ(release), OBJ_ROM(&board_release_obj) },
    { QOBJ(drive), OBJ_ROM(&board_drive_obj) },
    { QOBJ(pin), OBJ_ROM(&board_pin_obj) },
    { QOBJ(adc), OBJ_ROM(&board_adc_obj) },
    { QOBJ(env), OBJ_ROM(&board_env_obj) },
    { QOBJ(leds), OBJ_ROM(&board_leds_obj) },
    { QOBJ(pixels), OBJ_ROM(&board_pixels_obj) },
    { QOBJ(servos), OBJ_ROM(&board_servos_obj) },
    { QOBJ(oled), OBJ_ROM(&board_oled_obj) },
    { QOBJ(oled_text), OBJ_ROM(&board_oled_text_obj) },
    { QOBJ(oled_pixel), OBJ_ROM(&board_oled_pixel_obj) },
    { QOBJ(oled_png), OBJ_ROM(&board_oled_png_obj) },
};
static const DICT_ROM(board_globals, board_globals_table);

MODULE_ROM(module_board, board_globals);
REGISTER_MODULE(board, module_board);
