/* machine.UART as on the ESP8266: UART(0) is the console (TX GPIO1, RX GPIO3) and UART(1) can only
 * transmit (TX on GPIO2).  Reads take what the hardware layer has waiting, up to the timeout. */
#include "modmachine.h"

typedef struct {
    obj_base_t base;
    uint8_t id, bits, stop;
    int8_t parity;                 /* -1 none, 0 even, 1 odd */
    uint32_t baudrate;
    uint16_t timeout, timeout_char, rxbuf;
} uart_t;

static const arg_spec_t uart_spec[] = {
    { Q_baudrate, 0, OBJ_NULL },
    { Q_bits, 0, OBJ_NULL },
    { Q_parity, 0, OBJ_SENTINEL },
    { Q_stop, 0, OBJ_NULL },
    { Q_tx, ARG_KW_ONLY, OBJ_NULL },
    { Q_rx, ARG_KW_ONLY, OBJ_NULL },
    { Q_rxbuf, ARG_KW_ONLY, OBJ_NULL },
    { Q_timeout, ARG_KW_ONLY, OBJ_NULL },
    { Q_timeout_char, ARG_KW_ONLY, OBJ_NULL },
};

static void uart_configure(uart_t *self, size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[9];
    arg_parse(n_args, n_kw, args, uart_spec, 9, a, "UART");
    if (a[0] != OBJ_NULL) {
        intptr_t baud = obj_get_int(a[0]);
        if (baud <= 0) {
            rt_raise_value_error("invalid baudrate");
        }
        self->baudrate = (uint32_t)baud;
    }
    if (a[1] != OBJ_NULL) {
        intptr_t bits = obj_get_int(a[1]);
        if (bits < 5 || bits > 8) {
            rt_raise_value_error("invalid data bits");
        }
        self->bits = (uint8_t)bits;
    }
    if (a[2] != OBJ_SENTINEL) {
        self->parity = a[2] == OBJ_NONE ? -1 : (int8_t)(obj_get_int(a[2]) & 1);
    }
    if (a[3] != OBJ_NULL) {
        intptr_t stop = obj_get_int(a[3]);
        if (stop != 1 && stop != 2) {
            rt_raise_value_error("invalid stop bits");
        }
        self->stop = (uint8_t)stop;
    }
    if (a[4] != OBJ_NULL || a[5] != OBJ_NULL) {
        rt_raise_value_error("UART pins are fixed on the ESP8266");
    }
    if (a[6] != OBJ_NULL) {
        self->rxbuf = (uint16_t)obj_get_int(a[6]);
    }
    if (a[7] != OBJ_NULL) {
        self->timeout = (uint16_t)obj_get_int(a[7]);
    }
    if (a[8] != OBJ_NULL) {
        self->timeout_char = (uint16_t)obj_get_int(a[8]);
    }
}

static obj_t uart_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    if (n_args < 1) {
        rt_raise_type_error("UART() missing required argument 'id'");
    }
    intptr_t id = obj_get_int(args[0]);
    if (id != 0 && id != 1) {
        rt_raise_value_error("UART(%d) does not exist", (int)id);
    }
    uart_t *self = m_new_obj(uart_t);
    self->base.type = &machine_uart_type;
    self->id = (uint8_t)id;
    self->baudrate = 115200;
    self->bits = 8;
    self->stop = 1;
    self->parity = -1;
    self->rxbuf = 15;
    self->timeout_char = 1;
    uart_configure(self, n_args - 1, n_kw, args + 1);
    return OBJ_FROM_PTR(self);
}

static uart_t *uart_self(obj_t o) {
    return OBJ_TO_PTR(o);
}

static obj_t uart_init(size_t n_args, size_t n_kw, const obj_t *args) {
    uart_configure(uart_self(args[0]), n_args - 1, n_kw, args + 1);
    return OBJ_NONE;
}
static FUN_DEFINE_KW(uart_init_obj, 1, uart_init);

static obj_t uart_deinit(obj_t self) {
    (void)self;
    return OBJ_NONE;
}
static FUN_DEFINE_1(uart_deinit_obj, uart_deinit);

static obj_t uart_write(obj_t self, obj_t buf) {
    size_t len;
    const char *data = obj_str_get_data(buf, &len);
    hal_uart_write(uart_self(self)->id, (const uint8_t *)data, len);
    return obj_new_int((intptr_t)len);
}
static FUN_DEFINE_2(uart_write_obj, uart_write);

/* Up to max bytes (or to a newline), waiting at most the timeout for the first; 0 bytes: -1. */
static intptr_t uart_read_into(uart_t *self, uint8_t *buf, size_t max, bool line) {
    size_t n = 0;
    uint64_t deadline = hal_ticks_us() + (uint64_t)self->timeout * 1000u;
    while (n < max) {
        int c = hal_uart_read(self->id);
        if (c < 0) {
            if (hal_ticks_us() >= deadline) {
                break;
            }
            machine_sleep_us(1000);
            continue;
        }
        buf[n++] = (uint8_t)c;
        deadline = hal_ticks_us() + (uint64_t)self->timeout_char * 1000u;
        if (line && c == '\n') {
            break;
        }
    }
    return n > 0 ? (intptr_t)n : -1;
}

static obj_t uart_read_common(uart_t *self, intptr_t max, bool line) {
    vstr_t vs;
    size_t cap = max >= 0 ? (size_t)max : 256;
    vstr_init(&vs, cap + 1);
    for (;;) {
        char *dst = vstr_extend(&vs, cap);
        intptr_t got = uart_read_into(self, (uint8_t *)dst, cap, line);
        vstr_cut_tail(&vs, cap - (got > 0 ? (size_t)got : 0));
        if (max >= 0 || got < (intptr_t)cap || (line && vs.buf[vs.len - 1] == '\n')) {
            break;
        }
    }
    return vs.len > 0 ? obj_new_bytes((const uint8_t *)vs.buf, vs.len) : OBJ_NONE;
}

static obj_t uart_read(size_t n_args, const obj_t *args) {
    intptr_t max = n_args > 1 && args[1] != OBJ_NONE ? obj_get_int(args[1]) : -1;
    return uart_read_common(uart_self(args[0]), max, false);
}
static FUN_DEFINE_VAR(uart_read_obj, 1, 2, uart_read);

static obj_t uart_readline(obj_t self) {
    return uart_read_common(uart_self(self), -1, true);
}
static FUN_DEFINE_1(uart_readline_obj, uart_readline);

static obj_t uart_readinto(size_t n_args, const obj_t *args) {
    buffer_info_t b;
    machine_get_buffer(args[1], &b, BUFFER_WRITE);
    size_t max = n_args > 2 ? (size_t)obj_get_int(args[2]) : b.len;
    intptr_t got = uart_read_into(uart_self(args[0]), b.buf, max < b.len ? max : b.len, false);
    return got < 0 ? OBJ_NONE : obj_new_int(got);
}
static FUN_DEFINE_VAR(uart_readinto_obj, 2, 3, uart_readinto);

static obj_t uart_any(obj_t self) {
    (void)self;
    return OBJ_NEW_SMALL_INT(0);   /* the layer reports bytes one at a time, none buffered ahead */
}
static FUN_DEFINE_1(uart_any_obj, uart_any);

static void uart_print(const print_t *p, obj_t self_in, print_kind_t kind) {
    (void)kind;
    uart_t *u = uart_self(self_in);
    print_fmt(p, "UART(%d, baudrate=%u, bits=%d, parity=%s, stop=%d, rxbuf=%d, timeout=%d, timeout_char=%d)",
              u->id, (unsigned)u->baudrate, u->bits, u->parity < 0 ? "None" : u->parity ? "1" : "0", u->stop,
              u->rxbuf, u->timeout, u->timeout_char);
}

static const map_elem_t uart_locals_table[] = {
    { QOBJ(init), OBJ_ROM(&uart_init_obj) },
    { QOBJ(deinit), OBJ_ROM(&uart_deinit_obj) },
    { QOBJ(write), OBJ_ROM(&uart_write_obj) },
    { QOBJ(read), OBJ_ROM(&uart_read_obj) },
    { QOBJ(readline), OBJ_ROM(&uart_readline_obj) },
    { QOBJ(readinto), OBJ_ROM(&uart_readinto_obj) },
    { QOBJ(any), OBJ_ROM(&uart_any_obj) },
};
static const DICT_ROM(uart_locals, uart_locals_table);

const type_t machine_uart_type = {
    .base = { &type_type },
    .name = Q_UART,
    .print = uart_print,
    .make_new = uart_make_new,
    .locals_dict = (dict_t *)&uart_locals,
};
