/* machine_pin.c: machine.Pin and machine.Signal over the hardware layer's pin functions.
 * Pin objects are const (one per GPIO, so Pin(2) is Pin(2) as on the board); their mutable state
 * (mode, pull) is kept by the hardware layer, and IRQ handlers by machine_state(). */
#include "modmachine.h"

typedef struct {
    obj_base_t base;
    uint8_t id;
} pin_t;

typedef struct {
    obj_base_t base;
    uint8_t id;
    bool invert;
} signal_t;

#define PIN(n) { { &machine_pin_type }, n }
static const pin_t pin_objs[HAL_PIN_COUNT] = {
    PIN(0), PIN(1), PIN(2), PIN(3), PIN(4), PIN(5), PIN(6), PIN(7), PIN(8),
    PIN(9), PIN(10), PIN(11), PIN(12), PIN(13), PIN(14), PIN(15), PIN(16),
};

/* Remembered here, not asked of the hardware, so mode()/pull() report what Python set. */
static uint8_t pin_mode[HAL_PIN_COUNT];
static uint8_t pin_pull[HAL_PIN_COUNT];

obj_t machine_pin_obj(int pin) {
    return OBJ_ROM(&pin_objs[pin]);
}

int machine_pin_get(obj_t o) {
    if (obj_is_type(o, &machine_pin_type)) {
        return ((const pin_t *)OBJ_TO_PTR(o))->id;
    }
    if (obj_is_type(o, &machine_signal_type)) {
        return ((signal_t *)OBJ_TO_PTR(o))->id;
    }
    intptr_t n = obj_get_int(o);
    if (n < 0 || n >= HAL_PIN_COUNT || hal_pin_caps((int)n) == 0) {
        rt_raise_value_error("invalid pin");
    }
    return (int)n;
}

static void pin_configure(int id, obj_t mode, obj_t pull, obj_t value) {
    unsigned caps = hal_pin_caps(id);
    intptr_t m = mode == OBJ_NULL || mode == OBJ_NONE ? pin_mode[id] : obj_get_int(mode);
    intptr_t p = pull == OBJ_NULL ? pin_pull[id] : pull == OBJ_NONE ? HAL_PULL_NONE : obj_get_int(pull);
    if (m < HAL_PIN_IN || m > HAL_PIN_OPEN_DRAIN || (m == HAL_PIN_OPEN_DRAIN && !(caps & HAL_PIN_CAP_OD))) {
        rt_raise_value_error("invalid pin mode");
    }
    if (p == HAL_PULL_UP && !(caps & HAL_PIN_CAP_PULL_UP)) {
        rt_raise_value_error("Pin(%d) doesn't support pull", id);
    }
    if (p != HAL_PULL_NONE && p != HAL_PULL_UP) {
        rt_raise_value_error("invalid pull");
    }
    if (value != OBJ_NULL && value != OBJ_NONE) {
        hal_pin_write(id, obj_is_true(value));
    }
    pin_mode[id] = (uint8_t)m;
    pin_pull[id] = (uint8_t)p;
    hal_pin_config(id, (hal_pin_mode_t)m, (hal_pull_t)p);
}

static const arg_spec_t pin_init_spec[] = {
    { Q_mode, 0, OBJ_NULL },
    { Q_pull, 0, OBJ_NULL },
    { Q_value, ARG_KW_ONLY, OBJ_NULL },
};

static obj_t pin_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    if (n_args < 1) {
        rt_raise_type_error("Pin() missing required argument 'id'");
    }
    int id = machine_pin_get(args[0]);
    if (n_args > 1 || n_kw > 0) {
        obj_t a[3];
        arg_parse(n_args - 1, n_kw, args + 1, pin_init_spec, 3, a, "Pin");
        pin_configure(id, a[0], a[1], a[2]);
    }
    return machine_pin_obj(id);
}

static int pin_id(obj_t self) {
    return ((const pin_t *)OBJ_TO_PTR(self))->id;
}

static obj_t pin_init(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[3];
    arg_parse(n_args - 1, n_kw, args + 1, pin_init_spec, 3, a, "init");
    pin_configure(pin_id(args[0]), a[0], a[1], a[2]);
    return OBJ_NONE;
}
static FUN_DEFINE_KW(pin_init_obj, 1, pin_init);

static obj_t pin_value_common(int id, size_t n_args, const obj_t *args) {
    if (n_args == 0) {
        return OBJ_NEW_SMALL_INT(hal_pin_read(id));
    }
    hal_pin_write(id, obj_is_true(args[0]));
    return OBJ_NONE;
}

static obj_t pin_value(size_t n_args, const obj_t *args) {
    return pin_value_common(pin_id(args[0]), n_args - 1, args + 1);
}
static FUN_DEFINE_VAR(pin_value_obj, 1, 2, pin_value);

static obj_t pin_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 0, 1, false);
    return pin_value_common(pin_id(self), n_args, args);
}

static obj_t pin_on(obj_t self) {
    hal_pin_write(pin_id(self), 1);
    return OBJ_NONE;
}
static FUN_DEFINE_1(pin_on_obj, pin_on);

static obj_t pin_off(obj_t self) {
    hal_pin_write(pin_id(self), 0);
    return OBJ_NONE;
}
static FUN_DEFINE_1(pin_off_obj, pin_off);

static obj_t pin_mode_meth(size_t n_args, const obj_t *args) {
    int id = pin_id(args[0]);
    if (n_args == 1) {
        return OBJ_NEW_SMALL_INT(pin_mode[id]);
    }
    pin_configure(id, args[1], OBJ_NULL, OBJ_NULL);
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(pin_mode_obj, 1, 2, pin_mode_meth);

static obj_t pin_pull_meth(size_t n_args, const obj_t *args) {
    int id = pin_id(args[0]);
    if (n_args == 1) {
        return pin_pull[id] == HAL_PULL_NONE ? OBJ_NONE : OBJ_NEW_SMALL_INT(pin_pull[id]);
    }
    pin_configure(id, OBJ_NULL, args[1], OBJ_NULL);
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(pin_pull_obj, 1, 2, pin_pull_meth);

static const arg_spec_t pin_irq_spec[] = {
    { Q_handler, 0, OBJ_NONE },
    { Q_trigger, 0, OBJ_NEW_SMALL_INT(HAL_IRQ_RISING | HAL_IRQ_FALLING) },
    { Q_hard, 0, OBJ_FALSE },
};

/* irq(handler=None, trigger=IRQ_RISING|IRQ_FALLING, hard=False): the handler gets the Pin. */
static obj_t pin_irq(size_t n_args, size_t n_kw, const obj_t *args) {
    int id = pin_id(args[0]);
    obj_t a[3];
    arg_parse(n_args - 1, n_kw, args + 1, pin_irq_spec, 3, a, "irq");
    machine_state_t *ms = machine_state();
    if (n_args == 1 && n_kw == 0) {
        return OBJ_NONE;
    }
    if (!(hal_pin_caps(id) & HAL_PIN_CAP_IRQ)) {
        rt_raise_value_error("Pin(%d) doesn't support IRQ", id);
    }
    intptr_t trigger = obj_get_int(a[1]);
    if (a[0] == OBJ_NONE) {
        trigger = 0;
    }
    ms->pin_handler[id] = a[0] == OBJ_NONE ? OBJ_NULL : a[0];
    ms->pin_trigger[id] = (uint8_t)(trigger & (HAL_IRQ_RISING | HAL_IRQ_FALLING));
    hal_pin_irq(id, ms->pin_trigger[id]);
    return OBJ_NONE;
}
static FUN_DEFINE_KW(pin_irq_obj, 1, pin_irq);

static void pin_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    print_fmt(p, "Pin(%d)", pin_id(self));
}

static const map_elem_t pin_locals_table[] = {
    { QOBJ(init), OBJ_ROM(&pin_init_obj) },
    { QOBJ(value), OBJ_ROM(&pin_value_obj) },
    { QOBJ(on), OBJ_ROM(&pin_on_obj) },
    { QOBJ(off), OBJ_ROM(&pin_off_obj) },
    { QOBJ(high), OBJ_ROM(&pin_on_obj) },
    { QOBJ(low), OBJ_ROM(&pin_off_obj) },
    { QOBJ(mode), OBJ_ROM(&pin_mode_obj) },
    { QOBJ(pull), OBJ_ROM(&pin_pull_obj) },
    { QOBJ(irq), OBJ_ROM(&pin_irq_obj) },
    { QOBJ(IN), OBJ_NEW_SMALL_INT(HAL_PIN_IN) },
    { QOBJ(OUT), OBJ_NEW_SMALL_INT(HAL_PIN_OUT) },
    { QOBJ(OPEN_DRAIN), OBJ_NEW_SMALL_INT(HAL_PIN_OPEN_DRAIN) },
    { QOBJ(PULL_UP), OBJ_NEW_SMALL_INT(HAL_PULL_UP) },
    { QOBJ(IRQ_RISING), OBJ_NEW_SMALL_INT(HAL_IRQ_RISING) },
    { QOBJ(IRQ_FALLING), OBJ_NEW_SMALL_INT(HAL_IRQ_FALLING) },
};
static const DICT_ROM(pin_locals, pin_locals_table);

const type_t machine_pin_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_Pin,
    .print = pin_print,
    .make_new = pin_make_new,
    .call = pin_call,
    .locals_dict = (dict_t *)&pin_locals,
};

/* ---- Signal: a pin with an optional inversion, so on() means "active" for active-low LEDs ---- */

static obj_t signal_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    bool invert = false;
    /* take invert= out of the keywords; the rest configure the pin */
    obj_t rest[2 * 8 + 8];
    size_t n_rest_kw = 0;
    if (n_args + 2 * n_kw > sizeof(rest) / sizeof(rest[0])) {
        rt_raise_type_error("too many arguments");
    }
    for (size_t i = 0; i < n_args; i++) {
        rest[i] = args[i];
    }
    for (size_t k = 0; k < n_kw; k++) {
        obj_t key = args[n_args + 2 * k], val = args[n_args + 2 * k + 1];
        if (OBJ_IS_QSTR(key) && OBJ_QSTR_VALUE(key) == Q_invert) {
            invert = obj_is_true(val);
        } else {
            rest[n_args + 2 * n_rest_kw] = key;
            rest[n_args + 2 * n_rest_kw + 1] = val;
            n_rest_kw++;
        }
    }
    if (n_args < 1) {
        rt_raise_type_error("Signal() missing required argument 'pin'");
    }
    obj_t pin = n_args == 1 && n_rest_kw == 0 && obj_is_type(args[0], &machine_pin_type)
                    ? args[0] : pin_make_new(&machine_pin_type, n_args, n_rest_kw, rest);
    signal_t *s = m_new_obj(signal_t);
    s->base.type = &machine_signal_type;
    s->id = (uint8_t)pin_id(pin);
    s->invert = invert;
    return OBJ_FROM_PTR(s);
}

static obj_t signal_value_common(signal_t *s, size_t n_args, const obj_t *args) {
    if (n_args == 0) {
        return OBJ_NEW_SMALL_INT(hal_pin_read(s->id) ^ s->invert);
    }
    hal_pin_write(s->id, obj_is_true(args[0]) ^ s->invert);
    return OBJ_NONE;
}

static obj_t signal_value(size_t n_args, const obj_t *args) {
    return signal_value_common(OBJ_TO_PTR(args[0]), n_args - 1, args + 1);
}
static FUN_DEFINE_VAR(signal_value_obj, 1, 2, signal_value);

static obj_t signal_call(obj_t self, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 0, 1, false);
    return signal_value_common(OBJ_TO_PTR(self), n_args, args);
}

static obj_t signal_on(obj_t self) {
    signal_t *s = OBJ_TO_PTR(self);
    hal_pin_write(s->id, !s->invert);
    return OBJ_NONE;
}
static FUN_DEFINE_1(signal_on_obj, signal_on);

static obj_t signal_off(obj_t self) {
    signal_t *s = OBJ_TO_PTR(self);
    hal_pin_write(s->id, s->invert);
    return OBJ_NONE;
}
static FUN_DEFINE_1(signal_off_obj, signal_off);

static void signal_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    signal_t *s = OBJ_TO_PTR(self);
    print_fmt(p, "Signal(Pin(%d), invert=%s)", s->id, s->invert ? "True" : "False");
}

static const map_elem_t signal_locals_table[] = {
    { QOBJ(value), OBJ_ROM(&signal_value_obj) },
    { QOBJ(on), OBJ_ROM(&signal_on_obj) },
    { QOBJ(off), OBJ_ROM(&signal_off_obj) },
};
static const DICT_ROM(signal_locals, signal_locals_table);

const type_t machine_signal_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_Signal,
    .print = signal_print,
    .make_new = signal_make_new,
    .call = signal_call,
    .locals_dict = (dict_t *)&signal_locals,
};
