/* machine_pwm.c: machine.PWM, the ESP8266's software PWM: one frequency (1..1000 Hz) shared by every
 * channel, a 10-bit duty per pin; duty_u16 and duty_ns are views of the same 10-bit value. */
#include "modmachine.h"

#define PWM_FREQ_MAX (1000)
#define PWM_DUTY_MAX (1023)

typedef struct {
    obj_base_t base;
    uint8_t pin;
    bool active;
    uint16_t duty;
} pwm_t;

static uint32_t pwm_freq = 1000;

static void pwm_apply(pwm_t *self) {
    self->active = true;
    hal_pwm_start(self->pin, pwm_freq, self->duty);
}

static void pwm_set_freq(obj_t f) {
    intptr_t hz = obj_get_int(f);
    if (hz < 1 || hz > PWM_FREQ_MAX) {
        rt_raise_value_error("freq must be between 1Hz and 1kHz");
    }
    pwm_freq = (uint32_t)hz;
}

static void pwm_set_duty(pwm_t *self, intptr_t duty) {
    if (duty < 0 || duty > PWM_DUTY_MAX) {
        rt_raise_value_error("duty must be between 0 and 1023");
    }
    self->duty = (uint16_t)duty;
}

static void pwm_set_duty_u16(pwm_t *self, obj_t v) {
    intptr_t d = obj_get_int(v);
    if (d < 0 || d > 65535) {
        rt_raise_value_error("duty_u16 must be between 0 and 65535");
    }
    self->duty = (uint16_t)((d * PWM_DUTY_MAX + 32767) / 65535);
}

static void pwm_set_duty_ns(pwm_t *self, obj_t v) {
    intptr_t ns = obj_get_int(v);
    intptr_t period_ns = 1000000000 / (intptr_t)pwm_freq;
    if (ns < 0 || ns > period_ns) {
        rt_raise_value_error("duty_ns out of range");
    }
    self->duty = (uint16_t)((ns * (PWM_DUTY_MAX + 1) + period_ns / 2) / period_ns);
    if (self->duty > PWM_DUTY_MAX) {
        self->duty = PWM_DUTY_MAX;
    }
}

static const arg_spec_t pwm_init_spec[] = {
    { Q_freq, 0, OBJ_NULL },
    { Q_duty, 0, OBJ_NULL },
    { Q_duty_u16, ARG_KW_ONLY, OBJ_NULL },
    { Q_duty_ns, ARG_KW_ONLY, OBJ_NULL },
};

static void pwm_init_helper(pwm_t *self, size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[4];
    arg_parse(n_args, n_kw, args, pwm_init_spec, 4, a, "PWM");
    if (a[0] != OBJ_NULL) {
        pwm_set_freq(a[0]);
    }
    if (a[1] != OBJ_NULL) {
        pwm_set_duty(self, obj_get_int(a[1]));
    } else if (a[2] != OBJ_NULL) {
        pwm_set_duty_u16(self, a[2]);
    } else if (a[3] != OBJ_NULL) {
        pwm_set_duty_ns(self, a[3]);
    }
    pwm_apply(self);
}

static obj_t pwm_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    if (n_args < 1) {
        rt_raise_type_error("PWM() missing required argument 'pin'");
    }
    int pin = machine_pin_get(args[0]);
    if (!(hal_pin_caps(pin) & HAL_PIN_CAP_PWM)) {
        rt_raise_value_error("PWM not supported on pin %d", pin);
    }
    pwm_t *self = m_new_obj(pwm_t);
    self->base.type = &machine_pwm_type;
    self->pin = (uint8_t)pin;
    self->duty = 512;
    pwm_init_helper(self, n_args - 1, n_kw, args + 1);
    return OBJ_FROM_PTR(self);
}

static obj_t pwm_init(size_t n_args, size_t n_kw, const obj_t *args) {
    pwm_init_helper(OBJ_TO_PTR(args[0]), n_args - 1, n_kw, args + 1);
    return OBJ_NONE;
}
static FUN_DEFINE_KW(pwm_init_obj, 1, pwm_init);

static obj_t pwm_deinit(obj_t self_in) {
    pwm_t *self = OBJ_TO_PTR(self_in);
    self->active = false;
    hal_pwm_stop(self->pin);
    return OBJ_NONE;
}
static FUN_DEFINE_1(pwm_deinit_obj, pwm_deinit);

static obj_t pwm_freq_meth(size_t n_args, const obj_t *args) {
    if (n_args == 1) {
        return OBJ_NEW_SMALL_INT(pwm_freq);
    }
    pwm_set_freq(args[1]);
    pwm_apply(OBJ_TO_PTR(args[0]));
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(pwm_freq_obj, 1, 2, pwm_freq_meth);

static obj_t pwm_duty_meth(size_t n_args, const obj_t *args) {
    pwm_t *self = OBJ_TO_PTR(args[0]);
    if (n_args == 1) {
        return OBJ_NEW_SMALL_INT(self->duty);
    }
    pwm_set_duty(self, obj_get_int(args[1]));
    pwm_apply(self);
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(pwm_duty_obj, 1, 2, pwm_duty_meth);

static obj_t pwm_duty_u16_meth(size_t n_args, const obj_t *args) {
    pwm_t *self = OBJ_TO_PTR(args[0]);
    if (n_args == 1) {
        return OBJ_NEW_SMALL_INT((self->duty * 65535 + PWM_DUTY_MAX / 2) / PWM_DUTY_MAX);
    }
    pwm_set_duty_u16(self, args[1]);
    pwm_apply(self);
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(pwm_duty_u16_obj, 1, 2, pwm_duty_u16_meth);

static obj_t pwm_duty_ns_meth(size_t n_args, const obj_t *args) {
    pwm_t *self = OBJ_TO_PTR(args[0]);
    if (n_args == 1) {
        intptr_t period_ns = 1000000000 / (intptr_t)pwm_freq;
        return obj_new_int(self->duty * period_ns / (PWM_DUTY_MAX + 1));
    }
    pwm_set_duty_ns(self, args[1]);
    pwm_apply(self);
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(pwm_duty_ns_obj, 1, 2, pwm_duty_ns_meth);

static void pwm_print(const print_t *p, obj_t self_in, print_kind_t kind) {
    (void)kind;
    pwm_t *self = OBJ_TO_PTR(self_in);
    if (self->active) {
        print_fmt(p, "PWM(%d, freq=%u, duty=%u)", self->pin, (unsigned)pwm_freq, (unsigned)self->duty);
    } else {
        print_fmt(p, "PWM(%d)", self->pin);
    }
}

static const map_elem_t pwm_locals_table[] = {
    { QOBJ(init), OBJ_ROM(&pwm_init_obj) },
    { QOBJ(deinit), OBJ_ROM(&pwm_deinit_obj) },
    { QOBJ(freq), OBJ_ROM(&pwm_freq_obj) },
    { QOBJ(duty), OBJ_ROM(&pwm_duty_obj) },
    { QOBJ(duty_u16), OBJ_ROM(&pwm_duty_u16_obj) },
    { QOBJ(duty_ns), OBJ_ROM(&pwm_duty_ns_obj) },
};
static const DICT_ROM(pwm_locals, pwm_locals_table);

const type_t machine_pwm_type = {
    .base = { &type_type },
    .name = Q_PWM,
    .print = pwm_print,
    .make_new = pwm_make_new,
    .locals_dict = (dict_t *)&pwm_locals,
};
