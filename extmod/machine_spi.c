/* machine_spi.c: machine.SPI (the ESP8266's hardware HSPI, id 1, on GPIO14/13/12) and machine.SoftSPI
 * (bit-banged on any three pins).  Both move bytes through the hardware layer's hal_spi_transfer. */
#include "modmachine.h"

#define SPI_MSB (0)
#define SPI_LSB (1)

typedef struct {
    obj_base_t base;
    hal_spi_bus_t bus;
} spi_t;

static const arg_spec_t spi_spec[] = {
    { Q_id, 0, OBJ_NULL },
    { Q_baudrate, 0, OBJ_NULL },
    { Q_polarity, ARG_KW_ONLY, OBJ_NULL },
    { Q_phase, ARG_KW_ONLY, OBJ_NULL },
    { Q_bits, ARG_KW_ONLY, OBJ_NULL },
    { Q_firstbit, ARG_KW_ONLY, OBJ_NULL },
    { Q_sck, ARG_KW_ONLY, OBJ_NULL },
    { Q_mosi, ARG_KW_ONLY, OBJ_NULL },
    { Q_miso, ARG_KW_ONLY, OBJ_NULL },
};
enum { A_ID, A_BAUD, A_POL, A_PHASE, A_BITS, A_FIRST, A_SCK, A_MOSI, A_MISO, A_N };

static uint8_t small_arg(obj_t v, uint8_t current, intptr_t max, const char *what) {
    if (v == OBJ_NULL) {
        return current;
    }
    intptr_t n = obj_get_int(v);
    if (n < 0 || n > max) {
        rt_raise_value_error("invalid %s", what);
    }
    return (uint8_t)n;
}

/* a[] holds the parsed spec; soft buses take their pins from it. */
static void spi_configure(spi_t *self, const obj_t *a) {
    hal_spi_bus_t *b = &self->bus;
    if (a[A_BAUD] != OBJ_NULL) {
        intptr_t baud = obj_get_int(a[A_BAUD]);
        if (baud <= 0) {
            rt_raise_value_error("invalid baudrate");
        }
        b->baudrate = (uint32_t)baud;
    }
    b->polarity = small_arg(a[A_POL], b->polarity, 1, "polarity");
    b->phase = small_arg(a[A_PHASE], b->phase, 1, "phase");
    b->bits = small_arg(a[A_BITS], b->bits, 32, "bits");
    if (b->bits != 8) {
        rt_raise_value_error("bits must be 8");
    }
    b->lsb_first = small_arg(a[A_FIRST], b->lsb_first, 1, "firstbit") == SPI_LSB;
    if (b->id != 1) {
        if (a[A_SCK] != OBJ_NULL) {
            b->sck = (uint8_t)machine_pin_get(a[A_SCK]);
        }
        if (a[A_MOSI] != OBJ_NULL) {
            b->mosi = (uint8_t)machine_pin_get(a[A_MOSI]);
        }
        if (a[A_MISO] != OBJ_NULL) {
            b->miso = (uint8_t)machine_pin_get(a[A_MISO]);
        }
        if (b->sck == 0xff || b->mosi == 0xff || b->miso == 0xff) {
            rt_raise_value_error("must specify all of sck/mosi/miso");
        }
    } else if (a[A_SCK] != OBJ_NULL || a[A_MOSI] != OBJ_NULL || a[A_MISO] != OBJ_NULL) {
        rt_raise_value_error("explicit choice of sck/mosi/miso is not implemented");
    }
    hal_pin_config(b->sck, HAL_PIN_OUT, HAL_PULL_NONE);
    hal_pin_write(b->sck, b->polarity);
    hal_pin_config(b->mosi, HAL_PIN_OUT, HAL_PULL_NONE);
    hal_pin_config(b->miso, HAL_PIN_IN, HAL_PULL_NONE);
}

static obj_t spi_new(const type_t *type, int id, size_t n_args, size_t n_kw, const obj_t *args) {
    spi_t *self = m_new_obj(spi_t);
    self->base.type = type;
    hal_spi_bus_t *b = &self->bus;
    b->id = (int8_t)id;
    b->bits = 8;
    b->baudrate = id == 1 ? 80000000 : 500000;
    if (id == 1) {
        b->sck = 14;
        b->mosi = 13;
        b->miso = 12;
    } else {
        b->sck = b->mosi = b->miso = 0xff;
    }
    obj_t a[A_N];
    arg_parse(n_args, n_kw, args, spi_spec + 1, A_N - 1, a + 1, qstr_str(type->name));
    spi_configure(self, a);
    return OBJ_FROM_PTR(self);
}

static obj_t spi_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    if (n_args < 1) {
        rt_raise_type_error("SPI() missing required argument 'id'");
    }
    intptr_t id = obj_get_int(args[0]);
    if (id == -1) {   /* SPI(-1, ...) is the older spelling of SoftSPI */
        return spi_new(&machine_softspi_type, -1, n_args - 1, n_kw, args + 1);
    }
    if (id != 1) {
        rt_raise_value_error("SPI(%d) doesn't exist", (int)id);
    }
    return spi_new(&machine_spi_type, 1, n_args - 1, n_kw, args + 1);
}

static obj_t softspi_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    return spi_new(type, -1, n_args, n_kw, args);
}

static spi_t *spi_self(obj_t o) {
    return OBJ_TO_PTR(o);
}

static obj_t spi_init(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[A_N];
    arg_parse(n_args - 1, n_kw, args + 1, spi_spec + 1, A_N - 1, a + 1, "init");
    spi_configure(spi_self(args[0]), a);
    return OBJ_NONE;
}
static FUN_DEFINE_KW(spi_init_obj, 1, spi_init);

static obj_t spi_deinit(obj_t self) {
    (void)self;
    return OBJ_NONE;
}
static FUN_DEFINE_1(spi_deinit_obj, spi_deinit);

/* The bus shifts MSB first; an LSB-first bus mirrors each byte on the way in and out. */
static uint8_t mirror(uint8_t b) {
    b = (uint8_t)((b & 0xf0) >> 4 | (b & 0x0f) << 4);
    b = (uint8_t)((b & 0xcc) >> 2 | (b & 0x33) << 2);
    return (uint8_t)((b & 0xaa) >> 1 | (b & 0x55) << 1);
}

static void transfer(spi_t *self, const uint8_t *tx, uint8_t fill, uint8_t *rx, size_t len) {
    uint8_t chunk[64], in[64];
    for (size_t done = 0; done < len;) {
        size_t n = len - done < sizeof(chunk) ? len - done : sizeof(chunk);
        for (size_t i = 0; i < n; i++) {
            uint8_t b = tx != NULL ? tx[done + i] : fill;
            chunk[i] = self->bus.lsb_first ? mirror(b) : b;
        }
        hal_spi_transfer(&self->bus, chunk, rx != NULL ? in : NULL, n);
        for (size_t i = 0; rx != NULL && i < n; i++) {
            rx[done + i] = self->bus.lsb_first ? mirror(in[i]) : in[i];
        }
        done += n;
    }
}

static obj_t spi_read(size_t n_args, const obj_t *args) {
    intptr_t n = obj_get_int(args[1]);
    if (n < 0) {
        rt_raise_value_error("negative count");
    }
    uint8_t fill = n_args > 2 ? (uint8_t)obj_get_int(args[2]) : 0;
    vstr_t vs;
    vstr_init(&vs, (size_t)n + 1);
    vstr_extend(&vs, (size_t)n);
    transfer(spi_self(args[0]), NULL, fill, (uint8_t *)vs.buf, (size_t)n);
    return obj_new_bytes((const uint8_t *)vs.buf, (size_t)n);
}
static FUN_DEFINE_VAR(spi_read_obj, 2, 3, spi_read);

static obj_t spi_readinto(size_t n_args, const obj_t *args) {
    buffer_info_t b;
    machine_get_buffer(args[1], &b, BUFFER_WRITE);
    uint8_t fill = n_args > 2 ? (uint8_t)obj_get_int(args[2]) : 0;
    transfer(spi_self(args[0]), NULL, fill, b.buf, b.len);
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(spi_readinto_obj, 2, 3, spi_readinto);

static obj_t spi_write(obj_t self, obj_t buf) {
    buffer_info_t b;
    machine_get_buffer(buf, &b, BUFFER_READ);
    transfer(spi_self(self), b.buf, 0, NULL, b.len);
    return OBJ_NONE;
}
static FUN_DEFINE_2(spi_write_obj, spi_write);

static obj_t spi_write_readinto(obj_t self, obj_t wbuf, obj_t rbuf) {
    buffer_info_t w, r;
    machine_get_buffer(wbuf, &w, BUFFER_READ);
    machine_get_buffer(rbuf, &r, BUFFER_WRITE);
    if (w.len != r.len) {
        rt_raise_value_error("buffers must be the same length");
    }
    transfer(spi_self(self), w.buf, 0, r.buf, w.len);
    return OBJ_NONE;
}
static FUN_DEFINE_3(spi_write_readinto_obj, spi_write_readinto);

static void spi_print(const print_t *p, obj_t self_in, print_kind_t kind) {
    (void)kind;
    hal_spi_bus_t *b = &spi_self(self_in)->bus;
    if (b->id == 1) {
        print_fmt(p, "SPI(id=1, baudrate=%u, polarity=%d, phase=%d)", (unsigned)b->baudrate, b->polarity, b->phase);
    } else {
        print_fmt(p, "SoftSPI(baudrate=%u, polarity=%d, phase=%d, sck=%d, mosi=%d, miso=%d)",
                  (unsigned)b->baudrate, b->polarity, b->phase, b->sck, b->mosi, b->miso);
    }
}

static const map_elem_t spi_locals_table[] = {
    { QOBJ(init), OBJ_ROM(&spi_init_obj) },
    { QOBJ(deinit), OBJ_ROM(&spi_deinit_obj) },
    { QOBJ(read), OBJ_ROM(&spi_read_obj) },
    { QOBJ(readinto), OBJ_ROM(&spi_readinto_obj) },
    { QOBJ(write), OBJ_ROM(&spi_write_obj) },
    { QOBJ(write_readinto), OBJ_ROM(&spi_write_readinto_obj) },
    { QOBJ(MSB), OBJ_NEW_SMALL_INT(SPI_MSB) },
    { QOBJ(LSB), OBJ_NEW_SMALL_INT(SPI_LSB) },
};
static const DICT_ROM(spi_locals, spi_locals_table);

const type_t machine_spi_type = {
    .base = { &type_type },
    .name = Q_SPI,
    .print = spi_print,
    .make_new = spi_make_new,
    .locals_dict = (dict_t *)&spi_locals,
};

const type_t machine_softspi_type = {
    .base = { &type_type },
    .name = Q_SoftSPI,
    .print = spi_print,
    .make_new = softspi_make_new,
    .locals_dict = (dict_t *)&spi_locals,
};
