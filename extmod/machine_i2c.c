/* machine_i2c.c: machine.SoftI2C and machine.I2C (on the ESP8266 both are bit-banged on any two pins).
 * Every method is built from the hardware layer's byte-level start / write / read / stop, so a port
 * only has to move bytes. */
#include "modmachine.h"
#include "errcodes.h"

typedef struct {
    obj_base_t base;
    hal_i2c_bus_t bus;
} i2c_t;

static const arg_spec_t i2c_spec[] = {
    { Q_scl, ARG_REQUIRED, OBJ_NULL },
    { Q_sda, ARG_REQUIRED, OBJ_NULL },
    { Q_freq, ARG_KW_ONLY, OBJ_NEW_SMALL_INT(400000) },
    { Q_timeout, ARG_KW_ONLY, OBJ_NEW_SMALL_INT(255) },
};

static void i2c_init_helper(i2c_t *self, size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[4];
    arg_parse(n_args, n_kw, args, i2c_spec, 4, a, "I2C");
    int scl = machine_pin_get(a[0]), sda = machine_pin_get(a[1]);
    intptr_t freq = obj_get_int(a[2]);
    if (freq <= 0) {
        rt_raise_value_error("invalid freq");
    }
    self->bus.scl = (uint8_t)scl;
    self->bus.sda = (uint8_t)sda;
    self->bus.freq = (uint32_t)freq;
    hal_i2c_stop(&self->bus);   /* releases the bus: both lines high */
}

static obj_t i2c_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    /* I2C(-1, scl, sda): the bus id of older code; the pins are what count here */
    if (type == &machine_i2c_type && n_args > 0 && obj_is_int(args[0])) {
        n_args--;
        args++;
    }
    i2c_t *self = m_new_obj(i2c_t);
    self->base.type = type;
    i2c_init_helper(self, n_args, n_kw, args);
    return OBJ_FROM_PTR(self);
}

static i2c_t *i2c_self(obj_t o) {
    return OBJ_TO_PTR(o);
}

static obj_t i2c_init(size_t n_args, size_t n_kw, const obj_t *args) {
    i2c_init_helper(i2c_self(args[0]), n_args - 1, n_kw, args + 1);
    return OBJ_NONE;
}
static FUN_DEFINE_KW(i2c_init_obj, 1, i2c_init);

/* Starts a transfer to addr; raises OSError(ENODEV) if nobody answers. */
static void i2c_address(i2c_t *self, intptr_t addr, bool read) {
    hal_i2c_start(&self->bus);
    if (!hal_i2c_write_byte(&self->bus, (uint8_t)((addr << 1) | read))) {
        hal_i2c_stop(&self->bus);
        rt_raise_os_error(ENODEV);
    }
}

/* Writes bytes; returns how many were acknowledged (stops at the first NACK). */
static size_t i2c_write_bytes(i2c_t *self, const uint8_t *buf, size_t len) {
    for (size_t i = 0; i < len; i++) {
        if (!hal_i2c_write_byte(&self->bus, buf[i])) {
            return i;
        }
    }
    return len;
}

static void i2c_read_bytes(i2c_t *self, uint8_t *buf, size_t len, bool nack_last) {
    for (size_t i = 0; i < len; i++) {
        buf[i] = hal_i2c_read_byte(&self->bus, !(nack_last && i + 1 == len));
    }
}

static obj_t i2c_scan(obj_t self_in) {
    i2c_t *self = i2c_self(self_in);
    obj_t list = obj_new_list(0, NULL);
    for (int addr = 0x08; addr < 0x78; addr++) {
        hal_i2c_start(&self->bus);
        bool ack = hal_i2c_write_byte(&self->bus, (uint8_t)(addr << 1));
        hal_i2c_stop(&self->bus);
        if (ack) {
            obj_list_append(list, OBJ_NEW_SMALL_INT(addr));
        }
    }
    return list;
}
static FUN_DEFINE_1(i2c_scan_obj, i2c_scan);

static obj_t i2c_start(obj_t self) {
    hal_i2c_start(&i2c_self(self)->bus);
    return OBJ_NONE;
}
static FUN_DEFINE_1(i2c_start_obj, i2c_start);

static obj_t i2c_stop(obj_t self) {
    hal_i2c_stop(&i2c_self(self)->bus);
    return OBJ_NONE;
}
static FUN_DEFINE_1(i2c_stop_obj, i2c_stop);

static obj_t i2c_readinto(size_t n_args, const obj_t *args) {
    buffer_info_t b;
    machine_get_buffer(args[1], &b, BUFFER_WRITE);
    i2c_read_bytes(i2c_self(args[0]), b.buf, b.len, n_args < 3 || obj_is_true(args[2]));
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(i2c_readinto_obj, 2, 3, i2c_readinto);

static obj_t i2c_write(obj_t self, obj_t buf) {
    buffer_info_t b;
    machine_get_buffer(buf, &b, BUFFER_READ);
    return OBJ_NEW_SMALL_INT(i2c_write_bytes(i2c_self(self), b.buf, b.len));
}
static FUN_DEFINE_2(i2c_write_obj, i2c_write);

/* readfrom_into(addr, buf, stop=True) and readfrom(addr, nbytes, stop=True) */
static void readfrom(i2c_t *self, intptr_t addr, uint8_t *buf, size_t len, bool stop) {
    i2c_address(self, addr, true);
    i2c_read_bytes(self, buf, len, true);
    if (stop) {
        hal_i2c_stop(&self->bus);
    }
}

static obj_t i2c_readfrom(size_t n_args, const obj_t *args) {
    intptr_t n = obj_get_int(args[2]);
    if (n < 0) {
        rt_raise_value_error("negative count");
    }
    vstr_t vs;
    vstr_init(&vs, (size_t)n + 1);
    vstr_extend(&vs, (size_t)n);
    readfrom(i2c_self(args[0]), obj_get_int(args[1]), (uint8_t *)vs.buf, (size_t)n,
             n_args < 4 || obj_is_true(args[3]));
    return obj_new_bytes((const uint8_t *)vs.buf, (size_t)n);
}
static FUN_DEFINE_VAR(i2c_readfrom_obj, 3, 4, i2c_readfrom);

static obj_t i2c_readfrom_into(size_t n_args, const obj_t *args) {
    buffer_info_t b;
    machine_get_buffer(args[2], &b, BUFFER_WRITE);
    readfrom(i2c_self(args[0]), obj_get_int(args[1]), b.buf, b.len, n_args < 4 || obj_is_true(args[3]));
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(i2c_readfrom_into_obj, 3, 4, i2c_readfrom_into);

static obj_t i2c_writeto(size_t n_args, const obj_t *args) {
    i2c_t *self = i2c_self(args[0]);
    buffer_info_t b;
    machine_get_buffer(args[2], &b, BUFFER_READ);
    i2c_address(self, obj_get_int(args[1]), false);
    size_t n = i2c_write_bytes(self, b.buf, b.len);
    if (n_args < 4 || obj_is_true(args[3])) {
        hal_i2c_stop(&self->bus);
    }
    return OBJ_NEW_SMALL_INT(n);
}
static FUN_DEFINE_VAR(i2c_writeto_obj, 3, 4, i2c_writeto);

/* writevto(addr, vector, stop=True): the buffers of vector sent back to back in one transfer. */
static obj_t i2c_writevto(size_t n_args, const obj_t *args) {
    i2c_t *self = i2c_self(args[0]);
    size_t nv;
    obj_t *items;
    obj_get_array(args[2], &nv, &items);
    i2c_address(self, obj_get_int(args[1]), false);
    size_t total = 0;
    for (size_t i = 0; i < nv; i++) {
        buffer_info_t b;
        machine_get_buffer(items[i], &b, BUFFER_READ);
        size_t n = i2c_write_bytes(self, b.buf, b.len);
        total += n;
        if (n < b.len) {
            break;
        }
    }
    if (n_args < 4 || obj_is_true(args[3])) {
        hal_i2c_stop(&self->bus);
    }
    return OBJ_NEW_SMALL_INT(total);
}
static FUN_DEFINE_VAR(i2c_writevto_obj, 3, 4, i2c_writevto);

static const arg_spec_t mem_spec[] = {
    { Q_addr, ARG_REQUIRED, OBJ_NULL },
    { Q_memaddr, ARG_REQUIRED, OBJ_NULL },
    { Q_arg, ARG_REQUIRED, OBJ_NULL },
    { Q_addrsize, ARG_KW_ONLY, OBJ_NEW_SMALL_INT(8) },
};

/* Sends the device address and the register address (addrsize bits, most significant byte first). */
static void mem_select(i2c_t *self, intptr_t addr, intptr_t memaddr, intptr_t addrsize) {
    if (addrsize < 8 || addrsize > 32 || addrsize % 8 != 0) {
        rt_raise_value_error("invalid addrsize");
    }
    i2c_address(self, addr, false);
    for (intptr_t shift = addrsize - 8; shift >= 0; shift -= 8) {
        if (!hal_i2c_write_byte(&self->bus, (uint8_t)(memaddr >> shift))) {
            hal_i2c_stop(&self->bus);
            rt_raise_os_error(EIO);
        }
    }
}

static void mem_read(i2c_t *self, const obj_t *a, uint8_t *buf, size_t len) {
    intptr_t addr = obj_get_int(a[0]);
    mem_select(self, addr, obj_get_int(a[1]), obj_get_int(a[3]));
    readfrom(self, addr, buf, len, true);   /* repeated start, then read */
}

static obj_t i2c_readfrom_mem(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[4];
    arg_parse(n_args - 1, n_kw, args + 1, mem_spec, 4, a, "readfrom_mem");
    intptr_t n = obj_get_int(a[2]);
    if (n < 0) {
        rt_raise_value_error("negative count");
    }
    vstr_t vs;
    vstr_init(&vs, (size_t)n + 1);
    vstr_extend(&vs, (size_t)n);
    mem_read(i2c_self(args[0]), a, (uint8_t *)vs.buf, (size_t)n);
    return obj_new_bytes((const uint8_t *)vs.buf, (size_t)n);
}
static FUN_DEFINE_KW(i2c_readfrom_mem_obj, 4, i2c_readfrom_mem);

static obj_t i2c_readfrom_mem_into(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[4];
    arg_parse(n_args - 1, n_kw, args + 1, mem_spec, 4, a, "readfrom_mem_into");
    buffer_info_t b;
    machine_get_buffer(a[2], &b, BUFFER_WRITE);
    mem_read(i2c_self(args[0]), a, b.buf, b.len);
    return OBJ_NONE;
}
static FUN_DEFINE_KW(i2c_readfrom_mem_into_obj, 4, i2c_readfrom_mem_into);

static obj_t i2c_writeto_mem(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[4];
    arg_parse(n_args - 1, n_kw, args + 1, mem_spec, 4, a, "writeto_mem");
    i2c_t *self = i2c_self(args[0]);
    buffer_info_t b;
    machine_get_buffer(a[2], &b, BUFFER_READ);
    mem_select(self, obj_get_int(a[0]), obj_get_int(a[1]), obj_get_int(a[3]));
    i2c_write_bytes(self, b.buf, b.len);
    hal_i2c_stop(&self->bus);
    return OBJ_NONE;
}
static FUN_DEFINE_KW(i2c_writeto_mem_obj, 4, i2c_writeto_mem);

static void i2c_print(const print_t *p, obj_t self_in, print_kind_t kind) {
    (void)kind;
    i2c_t *self = i2c_self(self_in);
    print_fmt(p, "%q(scl=%d, sda=%d, freq=%u)", self->base.type->name, self->bus.scl, self->bus.sda,
              (unsigned)self->bus.freq);
}

static const map_elem_t i2c_locals_table[] = {
    { QOBJ(init), OBJ_ROM(&i2c_init_obj) },
    { QOBJ(scan), OBJ_ROM(&i2c_scan_obj) },
    { QOBJ(start), OBJ_ROM(&i2c_start_obj) },
    { QOBJ(stop), OBJ_ROM(&i2c_stop_obj) },
    { QOBJ(readinto), OBJ_ROM(&i2c_readinto_obj) },
    { QOBJ(write), OBJ_ROM(&i2c_write_obj) },
    { QOBJ(readfrom), OBJ_ROM(&i2c_readfrom_obj) },
    { QOBJ(readfrom_into), OBJ_ROM(&i2c_readfrom_into_obj) },
    { QOBJ(writeto), OBJ_ROM(&i2c_writeto_obj) },
    { QOBJ(writevto), OBJ_ROM(&i2c_writevto_obj) },
    { QOBJ(readfrom_mem), OBJ_ROM(&i2c_readfrom_mem_obj) },
    { QOBJ(readfrom_mem_into), OBJ_ROM(&i2c_readfrom_mem_into_obj) },
    { QOBJ(writeto_mem), OBJ_ROM(&i2c_writeto_mem_obj) },
};
static const DICT_ROM(i2c_locals, i2c_locals_table);

const type_t machine_softi2c_type = {
    .base = { &type_type },
    .name = Q_SoftI2C,
    .print = i2c_print,
    .make_new = i2c_make_new,
    .locals_dict = (dict_t *)&i2c_locals,
};

const type_t machine_i2c_type = {
    .base = { &type_type },
    .name = Q_I2C,
    .print = i2c_print,
    .make_new = i2c_make_new,
    .locals_dict = (dict_t *)&i2c_locals,
};
