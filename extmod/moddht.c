/* moddht.c: the `dht` driver: DHT11(pin) and DHT22(pin) with measure(), temperature() and humidity(),
 * as MicroPython's dht module has them, over esp.dht_readinto (the timed exchange in the hardware
 * layer).  A failed checksum raises OSError("checksum error"), as on the board. */
#include "modmachine.h"

typedef struct {
    obj_base_t base;
    obj_t pin;
    obj_t buf;                    /* bytearray(5): the last reading */
} dht_t;

static const type_t dht11_type, dht22_type;

static obj_t dht_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 1, 1, false);
    machine_pin_get(args[0]);
    dht_t *self = m_new_obj(dht_t);
    self->base.type = type;
    self->pin = args[0];
    self->buf = obj_new_bytearray(NULL, 5);
    return OBJ_FROM_PTR(self);
}

static const uint8_t *reading(obj_t self_in) {
    buffer_info_t b;
    machine_get_buffer(((dht_t *)OBJ_TO_PTR(self_in))->buf, &b, BUFFER_READ);
    return b.buf;
}

static obj_t dht_measure(obj_t self_in) {
    dht_t *self = OBJ_TO_PTR(self_in);
    rt_call2(OBJ_ROM(&esp_dht_readinto_obj), self->pin, self->buf);
    const uint8_t *b = reading(self_in);
    if (((b[0] + b[1] + b[2] + b[3]) & 0xff) != b[4]) {
        rt_raise_msg(&type_OSError, "checksum error");
    }
    return OBJ_NONE;
}
static FUN_DEFINE_1(dht_measure_obj, dht_measure);

static obj_t dht11_humidity(obj_t self) {
    return OBJ_NEW_SMALL_INT(reading(self)[0]);
}
static FUN_DEFINE_1(dht11_humidity_obj, dht11_humidity);

static obj_t dht11_temperature(obj_t self) {
    return OBJ_NEW_SMALL_INT(reading(self)[2]);
}
static FUN_DEFINE_1(dht11_temperature_obj, dht11_temperature);

/* The DHT22 reports tenths; without a float type the readings are whole units, as the DHT11's. */
static obj_t tenths(int v) {
#if CONFIG_FLOAT
    return obj_new_float(v * 0.1);
#else
    return OBJ_NEW_SMALL_INT(v / 10);
#endif
}

static obj_t dht22_humidity(obj_t self) {
    const uint8_t *b = reading(self);
    return tenths(b[0] << 8 | b[1]);
}
static FUN_DEFINE_1(dht22_humidity_obj, dht22_humidity);

static obj_t dht22_temperature(obj_t self) {
    const uint8_t *b = reading(self);
    int t = (b[2] & 0x7f) << 8 | b[3];
    return tenths(b[2] & 0x80 ? -t : t);
}
static FUN_DEFINE_1(dht22_temperature_obj, dht22_temperature);

static const map_elem_t dht11_locals_table[] = {
    { QOBJ(measure), OBJ_ROM(&dht_measure_obj) },
    { QOBJ(humidity), OBJ_ROM(&dht11_humidity_obj) },
    { QOBJ(temperature), OBJ_ROM(&dht11_temperature_obj) },
};
static const DICT_ROM(dht11_locals, dht11_locals_table);

static const map_elem_t dht22_locals_table[] = {
    { QOBJ(measure), OBJ_ROM(&dht_measure_obj) },
    { QOBJ(humidity), OBJ_ROM(&dht22_humidity_obj) },
    { QOBJ(temperature), OBJ_ROM(&dht22_temperature_obj) },
};
static const DICT_ROM(dht22_locals, dht22_locals_table);

static const type_t dht11_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_DHT11,
    .make_new = dht_make_new,
    .locals_dict = (dict_t *)&dht11_locals,
};

static const type_t dht22_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_DHT22,
    .make_new = dht_make_new,
    .locals_dict = (dict_t *)&dht22_locals,
};

static const map_elem_t dht_globals_table[] = {
    { QOBJ(__name__), QOBJ(dht) },
    { QOBJ(DHT11), OBJ_ROM(&dht11_type) },
    { QOBJ(DHT22), OBJ_ROM(&dht22_type) },
    { QOBJ(dht_readinto), OBJ_ROM(&esp_dht_readinto_obj) },
};
static const DICT_ROM(dht_globals, dht_globals_table);

MODULE_ROM(module_dht, dht_globals);
REGISTER_MODULE(dht, module_dht);
