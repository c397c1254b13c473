/* modonewire.c: the `onewire` driver (OneWire bus: reset, bits, bytes, ROM selection, the search
 * algorithm, crc8) and the `ds18x20` driver for DS18B20/DS18S20 thermometers on it, with MicroPython's
 * API.  Time slots are the hardware layer's (hal_onewire_reset / hal_onewire_bit), as a chip would
 * bit-bang them with interrupts off. */
#include "modmachine.h"

#define OW_SEARCH_ROM (0xf0)
#define OW_MATCH_ROM (0x55)
#define OW_SKIP_ROM (0xcc)
#define ONEWIRE_ERROR (STATE(port_roots)[2])

typedef struct {
    obj_base_t base;
    uint8_t pin;
} onewire_t;

static obj_t onewire_error(void) {
    if (ONEWIRE_ERROR == OBJ_NULL) {
        obj_t base = OBJ_ROM(&type_Exception);
        ONEWIRE_ERROR = type_new_user(Q_OneWireError, obj_new_tuple(1, &base), obj_new_dict(0));
    }
    return ONEWIRE_ERROR;
}

static obj_t onewire_init(obj_t module) {
    rt_store_attr(module, Q_OneWireError, onewire_error());
    return OBJ_NONE;
}
static FUN_DEFINE_1(onewire_init_obj, onewire_init);

static const type_t onewire_type;

static obj_t ow_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 1, 1, false);
    onewire_t *self = m_new_obj(onewire_t);
    self->base.type = type;
    self->pin = (uint8_t)machine_pin_get(args[0]);
    hal_pin_config(self->pin, HAL_PIN_OPEN_DRAIN, HAL_PULL_UP);
    hal_pin_write(self->pin, 1);
    return OBJ_FROM_PTR(self);
}

static int ow_pin(obj_t self) {
    return ((onewire_t *)OBJ_TO_PTR(self))->pin;
}

static int read_byte(int pin) {
    int v = 0;
    for (int i = 0; i < 8; i++) {
        v |= hal_onewire_bit(pin, 1) << i;
    }
    return v;
}

static void write_byte(int pin, int v) {
    for (int i = 0; i < 8; i++) {
        hal_onewire_bit(pin, (v >> i) & 1);
    }
}

static void write_bytes(int pin, obj_t buf) {
    buffer_info_t b;
    machine_get_buffer(buf, &b, BUFFER_READ);
    for (size_t i = 0; i < b.len; i++) {
        write_byte(pin, ((uint8_t *)b.buf)[i]);
    }
}

static obj_t ow_reset(size_t n_args, const obj_t *args) {
    bool present = hal_onewire_reset(ow_pin(args[0]));
    if (!present && n_args > 1 && obj_is_true(args[1])) {
        rt_raise(onewire_error());
    }
    return OBJ_BOOL(present);
}
static FUN_DEFINE_VAR(ow_reset_obj, 1, 2, ow_reset);

static obj_t ow_readbit(obj_t self) {
    return OBJ_NEW_SMALL_INT(hal_onewire_bit(ow_pin(self), 1));
}
static FUN_DEFINE_1(ow_readbit_obj, ow_readbit);

static obj_t ow_readbyte(obj_t self) {
    return OBJ_NEW_SMALL_INT(read_byte(ow_pin(self)));
}
static FUN_DEFINE_1(ow_readbyte_obj, ow_readbyte);

static obj_t ow_readinto(obj_t self, obj_t buf) {
    buffer_info_t b;
    machine_get_buffer(buf, &b, BUFFER_WRITE);
    for (size_t i = 0; i < b.len; i++) {
        ((uint8_t *)b.buf)[i] = (uint8_t)read_byte(ow_pin(self));
    }
    return OBJ_NONE;
}
static FUN_DEFINE_2(ow_readinto_obj, ow_readinto);

static obj_t ow_writebit(obj_t self, obj_t v) {
    hal_onewire_bit(ow_pin(self), obj_is_true(v));
    return OBJ_NONE;
}
static FUN_DEFINE_2(ow_writebit_obj, ow_writebit);

static obj_t ow_writebyte(obj_t self, obj_t v) {
    write_byte(ow_pin(self), (int)obj_get_int(v));
    return OBJ_NONE;
}
static FUN_DEFINE_2(ow_writebyte_obj, ow_writebyte);

static obj_t ow_write(obj_t self, obj_t buf) {
    write_bytes(ow_pin(self), buf);
    return OBJ_NONE;
}
static FUN_DEFINE_2(ow_write_obj, ow_write);

static obj_t ow_select_rom(obj_t self, obj_t rom) {
    int pin = ow_pin(self);
    hal_onewire_reset(pin);
    write_byte(pin, OW_MATCH_ROM);
    write_bytes(pin, rom);
    return OBJ_NONE;
}
static FUN_DEFINE_2(ow_select_rom_obj, ow_select_rom);

/* One pass of the ROM search: follows last_rom's path up to the last discrepancy `diff` and takes the
 * 1 branch there.  Returns the next discrepancy (0 when every device was found), -1 if none answered. */
static int search_pass(int pin, const uint8_t last_rom[8], int diff, uint8_t rom[8]) {
    if (!hal_onewire_reset(pin)) {
        return -1;
    }
    write_byte(pin, OW_SEARCH_ROM);
    int next_diff = 0;
    for (int i = 64, byte = 0; byte < 8; byte++) {
        rom[byte] = 0;
        for (int bit = 0; bit < 8; bit++, i--) {
            int b = hal_onewire_bit(pin, 1), complement = hal_onewire_bit(pin, 1);
            if (b && complement) {
                return -1;   /* nobody left on the bus */
            }
            if (!b && !complement && (diff > i || ((last_rom[byte] >> bit & 1) && diff != i))) {
                b = 1;       /* devices disagree here: take the 1 branch, come back for the 0 later */
                next_diff = i;
            }
            hal_onewire_bit(pin, b);
            rom[byte] |= (uint8_t)(b << bit);
        }
    }
    return next_diff;
}

static obj_t ow_scan(obj_t self) {
    int pin = ow_pin(self);
    obj_t found = obj_new_list(0, NULL);
    uint8_t last[8] = { 0 }, rom[8];
    int diff = 65;
    for (int pass = 0; pass < 255 && diff != 0; pass++) {
        diff = search_pass(pin, last, diff, rom);
        if (diff < 0) {
            break;
        }
        obj_list_append(found, obj_new_bytearray(rom, 8));
        for (int i = 0; i < 8; i++) {
            last[i] = rom[i];
        }
    }
    return found;
}
static FUN_DEFINE_1(ow_scan_obj, ow_scan);

static uint8_t crc8(const uint8_t *data, size_t len) {
    uint8_t crc = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t b = data[i];
        for (int k = 0; k < 8; k++, b >>= 1) {
            crc = (crc ^ b) & 1 ? (uint8_t)((crc >> 1) ^ 0x8c) : (uint8_t)(crc >> 1);
        }
    }
    return crc;
}

static obj_t ow_crc8(obj_t data) {
    buffer_info_t b;
    machine_get_buffer(data, &b, BUFFER_READ);
    return OBJ_NEW_SMALL_INT(crc8(b.buf, b.len));
}
static FUN_DEFINE_1(ow_crc8_fun_obj, ow_crc8);

static obj_t ow_crc8_meth(obj_t self, obj_t data) {
    (void)self;
    return ow_crc8(data);
}
static FUN_DEFINE_2(ow_crc8_obj, ow_crc8_meth);

static const map_elem_t ow_locals_table[] = {
    { QOBJ(reset), OBJ_ROM(&ow_reset_obj) },
    { QOBJ(readbit), OBJ_ROM(&ow_readbit_obj) },
    { QOBJ(readbyte), OBJ_ROM(&ow_readbyte_obj) },
    { QOBJ(readinto), OBJ_ROM(&ow_readinto_obj) },
    { QOBJ(writebit), OBJ_ROM(&ow_writebit_obj) },
    { QOBJ(writebyte), OBJ_ROM(&ow_writebyte_obj) },
    { QOBJ(write), OBJ_ROM(&ow_write_obj) },
    { QOBJ(select_rom), OBJ_ROM(&ow_select_rom_obj) },
    { QOBJ(scan), OBJ_ROM(&ow_scan_obj) },
    { QOBJ(crc8), OBJ_ROM(&ow_crc8_obj) },
    { QOBJ(SEARCH_ROM), OBJ_NEW_SMALL_INT(OW_SEARCH_ROM) },
    { QOBJ(MATCH_ROM), OBJ_NEW_SMALL_INT(OW_MATCH_ROM) },
    { QOBJ(SKIP_ROM), OBJ_NEW_SMALL_INT(OW_SKIP_ROM) },
};
static const DICT_ROM(ow_locals, ow_locals_table);

static const type_t onewire_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_OneWire,
    .make_new = ow_make_new,
    .locals_dict = (dict_t *)&ow_locals,
};

static const map_elem_t onewire_globals_table[] = {
    { QOBJ(__name__), QOBJ(onewire) },
    { QOBJ(__init__), OBJ_ROM(&onewire_init_obj) },
    { QOBJ(OneWire), OBJ_ROM(&onewire_type) },
    { QOBJ(crc8), OBJ_ROM(&ow_crc8_fun_obj) },
};
static const DICT_ROM(onewire_globals, onewire_globals_table);

MODULE_ROM(module_onewire, onewire_globals);
REGISTER_MODULE(onewire, module_onewire);

/* ---- ds18x20: DS18X20(onewire) ---- */

typedef struct {
    obj_base_t base;
    obj_t ow;
} ds_t;

static obj_t ds_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 1, 1, false);
    if (!obj_isinstance(args[0], &onewire_type)) {
        rt_raise_type_error("DS18X20 needs a OneWire bus");
    }
    ds_t *self = m_new_obj(ds_t);
    self->base.type = type;
    self->ow = args[0];
    return OBJ_FROM_PTR(self);
}

static int ds_pin(obj_t self) {
    return ow_pin(((ds_t *)OBJ_TO_PTR(self))->ow);
}

/* The devices of the DS18x20 families (0x10 DS18S20, 0x22 DS1822, 0x28 DS18B20). */
static obj_t ds_scan(obj_t self) {
    obj_t all = ow_scan(((ds_t *)OBJ_TO_PTR(self))->ow), found = obj_new_list(0, NULL);
    size_t n;
    obj_t *items;
    obj_get_array(all, &n, &items);
    for (size_t i = 0; i < n; i++) {
        buffer_info_t b;
        machine_get_buffer(items[i], &b, BUFFER_READ);
        uint8_t family = ((uint8_t *)b.buf)[0];
        if (family == 0x10 || family == 0x22 || family == 0x28) {
            obj_list_append(found, items[i]);
        }
    }
    return found;
}
static FUN_DEFINE_1(ds_scan_obj, ds_scan);

static obj_t ds_convert_temp(obj_t self) {
    int pin = ds_pin(self);
    if (!hal_onewire_reset(pin)) {
        rt_raise(onewire_error());
    }
    write_byte(pin, OW_SKIP_ROM);
    write_byte(pin, 0x44);
    return OBJ_NONE;
}
static FUN_DEFINE_1(ds_convert_temp_obj, ds_convert_temp);

static void read_scratch(obj_t self, obj_t rom, uint8_t buf[9]) {
    int pin = ds_pin(self);
    ow_select_rom(((ds_t *)OBJ_TO_PTR(self))->ow, rom);
    write_byte(pin, 0xbe);
    for (int i = 0; i < 9; i++) {
        buf[i] = (uint8_t)read_byte(pin);
    }
    if (crc8(buf, 9) != 0) {
        rt_raise_msg(&type_Exception, "CRC error");
    }
}

static obj_t ds_read_scratch(obj_t self, obj_t rom) {
    uint8_t buf[9];
    read_scratch(self, rom, buf);
    return obj_new_bytearray(buf, 9);
}
static FUN_DEFINE_2(ds_read_scratch_obj, ds_read_scratch);

static obj_t ds_write_scratch(obj_t self, obj_t rom, obj_t buf) {
    ow_select_rom(((ds_t *)OBJ_TO_PTR(self))->ow, rom);
    write_byte(ds_pin(self), 0x4e);
    write_bytes(ds_pin(self), buf);
    return OBJ_NONE;
}
static FUN_DEFINE_3(ds_write_scratch_obj, ds_write_scratch);

static obj_t ds_read_temp(obj_t self, obj_t rom) {
    uint8_t b[9];
    read_scratch(self, rom, b);
    buffer_info_t r;
    machine_get_buffer(rom, &r, BUFFER_READ);
    if (((uint8_t *)r.buf)[0] == 0x10) {   /* DS18S20: half degrees, refined by the count registers */
        int t = b[1] ? b[0] - 256 : b[0];
#if CONFIG_FLOAT
        return obj_new_float((t >> 1) - 0.25 + (float_val_t)(b[7] - b[6]) / b[7]);
#else
        return OBJ_NEW_SMALL_INT(t / 2);   /* whole degrees without a float type */
#endif
    }
    int16_t raw = (int16_t)(b[1] << 8 | b[0]);
#if CONFIG_FLOAT
    return obj_new_float(raw / 16.0);
#else
    return OBJ_NEW_SMALL_INT(raw / 16);
#endif
}
static FUN_DEFINE_2(ds_read_temp_obj, ds_read_temp);

static const map_elem_t ds_locals_table[] = {
    { QOBJ(scan), OBJ_ROM(&ds_scan_obj) },
    { QOBJ(convert_temp), OBJ_ROM(&ds_convert_temp_obj) },
    { QOBJ(read_scratch), OBJ_ROM(&ds_read_scratch_obj) },
    { QOBJ(write_scratch), OBJ_ROM(&ds_write_scratch_obj) },
    { QOBJ(read_temp), OBJ_ROM(&ds_read_temp_obj) },
};
static const DICT_ROM(ds_locals, ds_locals_table);

static const type_t ds18x20_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE,
    .name = Q_DS18X20,
    .make_new = ds_make_new,
    .locals_dict = (dict_t *)&ds_locals,
};

static const map_elem_t ds18x20_globals_table[] = {
    { QOBJ(__name__), QOBJ(ds18x20) },
    { QOBJ(DS18X20), OBJ_ROM(&ds18x20_type) },
};
static const DICT_ROM(ds18x20_globals, ds18x20_globals_table);

MODULE_ROM(module_ds18x20, ds18x20_globals);
REGISTER_MODULE(ds18x20, module_ds18x20);
