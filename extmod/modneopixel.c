/* modneopixel.c: the `neopixel` driver: NeoPixel(pin, n, bpp=3, timing=1) holds the colours of a
 * WS2812 strip in `buf` (in the wire's G R B (W) order) and write() sends them with machine.bitstream's
 * hardware-layer function. */
#include "modmachine.h"

typedef struct {
    obj_base_t base;
    uint8_t pin, bpp;
    uint16_t n;
    uint32_t timing[4];
    obj_t buf;                    /* a bytearray of n * bpp bytes */
} neopixel_t;

/* Where each of R, G, B, W goes within a pixel on the wire. */
static const uint8_t wire_order[4] = { 1, 0, 2, 3 };

static const arg_spec_t np_spec[] = {
    { Q_pin, ARG_REQUIRED, OBJ_NULL },
    { Q_n, ARG_REQUIRED, OBJ_NULL },
    { Q_bpp, 0, OBJ_NEW_SMALL_INT(3) },
    { Q_timing, 0, OBJ_NEW_SMALL_INT(1) },
};

static void set_timing(neopixel_t *self, obj_t t) {
    static const uint32_t khz400[4] = { 800, 1700, 1600, 900 }, khz800[4] = { 400, 850, 800, 450 };
    if (obj_is_int(t)) {
        const uint32_t *src = obj_get_int(t) ? khz800 : khz400;
        for (int i = 0; i < 4; i++) {
            self->timing[i] = src[i];
        }
        return;
    }
    size_t n;
    obj_t *items;
    obj_get_array(t, &n, &items);
    if (n != 4) {
        rt_raise_value_error("timing must be a 4-tuple");
    }
    for (int i = 0; i < 4; i++) {
        self->timing[i] = (uint32_t)obj_get_int(items[i]);
    }
}

static obj_t np_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[4];
    arg_parse(n_args, n_kw, args, np_spec, 4, a, "NeoPixel");
    intptr_t n = obj_get_int(a[1]), bpp = obj_get_int(a[2]);
    if (n < 0 || n > 0xffff) {
        rt_raise_value_error("invalid number of pixels");
    }
    if (bpp != 3 && bpp != 4) {
        rt_raise_value_error("bpp must be 3 or 4");
    }
    neopixel_t *self = m_new_obj(neopixel_t);
    self->base.type = type;
    self->pin = (uint8_t)machine_pin_get(a[0]);
    self->n = (uint16_t)n;
    self->bpp = (uint8_t)bpp;
    set_timing(self, a[3]);
    self->buf = obj_new_bytearray(NULL, (size_t)(n * bpp));
    hal_pin_config(self->pin, HAL_PIN_OUT, HAL_PULL_NONE);
    return OBJ_FROM_PTR(self);
}

static uint8_t *pixel(neopixel_t *self, obj_t index) {
    intptr_t i = obj_get_index(index);
    if (i < 0) {
        i += self->n;
    }
    if (i < 0 || i >= self->n) {
        rt_raise_index_error("index out of range");
    }
    buffer_info_t b;
    machine_get_buffer(self->buf, &b, BUFFER_WRITE);
    return (uint8_t *)b.buf + i * self->bpp;
}

static void set_pixel(neopixel_t *self, uint8_t *px, obj_t colour) {
    size_t n;
    obj_t *items;
    obj_get_array(colour, &n, &items);
    if (n != self->bpp) {
        rt_raise_value_error("expected a %d-tuple", self->bpp);
    }
    for (size_t c = 0; c < n; c++) {
        intptr_t v = obj_get_int(items[c]);
        px[wire_order[c]] = (uint8_t)v;
    }
}

static obj_t np_subscr(obj_t self_in, obj_t index, obj_t value) {
    neopixel_t *self = OBJ_TO_PTR(self_in);
    if (value == OBJ_NULL) {
        return OBJ_NULL;
    }
    uint8_t *px = pixel(self, index);
    if (value == OBJ_SENTINEL) {
        obj_t items[4];
        for (int c = 0; c < self->bpp; c++) {
            items[c] = OBJ_NEW_SMALL_INT(px[wire_order[c]]);
        }
        return obj_new_tuple(self->bpp, items);
    }
    set_pixel(self, px, value);
    return OBJ_NONE;
}

static obj_t np_unary_op(unary_op_t op, obj_t self_in) {
    neopixel_t *self = OBJ_TO_PTR(self_in);
    if (op == UNARY_OP_LEN) {
        return OBJ_NEW_SMALL_INT(self->n);
    }
    if (op == UNARY_OP_BOOL) {
        return OBJ_BOOL(self->n != 0);
    }
    return OBJ_NULL;
}

static obj_t np_fill(obj_t self_in, obj_t colour) {
    neopixel_t *self = OBJ_TO_PTR(self_in);
    for (uint16_t i = 0; i < self->n; i++) {
        set_pixel(self, pixel(self, OBJ_NEW_SMALL_INT(i)), colour);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_2(np_fill_obj, np_fill);

static obj_t np_write(obj_t self_in) {
    neopixel_t *self = OBJ_TO_PTR(self_in);
    buffer_info_t b;
    machine_get_buffer(self->buf, &b, BUFFER_READ);
    hal_bitstream(self->pin, self->timing, b.buf, b.len);
    return OBJ_NONE;
}
static FUN_DEFINE_1(np_write_obj, np_write);

static void np_attr(obj_t self_in, qstr attr, obj_t *dest) {
    neopixel_t *self = OBJ_TO_PTR(self_in);
    if (dest[0] != OBJ_NULL) {
        return;   /* the attributes are read-only */
    }
    if (attr == Q_buf) {
        dest[0] = self->buf;
    } else if (attr == Q_n) {
        dest[0] = OBJ_NEW_SMALL_INT(self->n);
    } else if (attr == Q_bpp) {
        dest[0] = OBJ_NEW_SMALL_INT(self->bpp);
    } else if (attr == Q_pin) {
        dest[0] = machine_pin_obj(self->pin);
    }
}

static void np_print(const print_t *p, obj_t self_in, print_kind_t kind) {
    (void)kind;
    neopixel_t *self = OBJ_TO_PTR(self_in);
    print_fmt(p, "NeoPixel(Pin(%d), %d, bpp=%d)", self->pin, self->n, self->bpp);
}

static const map_elem_t np_locals_table[] = {
    { QOBJ(fill), OBJ_ROM(&np_fill_obj) },
    { QOBJ(write), OBJ_ROM(&np_write_obj) },
};
static const DICT_ROM(np_locals, np_locals_table);

static const type_t neopixel_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_NeoPixel,
    .print = np_print,
    .make_new = np_make_new,
    .unary_op = np_unary_op,
    .attr = np_attr,
    .subscr = np_subscr,
    .locals_dict = (dict_t *)&np_locals,
};

static const map_elem_t neopixel_globals_table[] = {
    { QOBJ(__name__), QOBJ(neopixel) },
    { QOBJ(NeoPixel), OBJ_ROM(&neopixel_type) },
};
static const DICT_ROM(neopixel_globals, neopixel_globals_table);

MODULE_ROM(module_neopixel, neopixel_globals);
REGISTER_MODULE(neopixel, module_neopixel);
