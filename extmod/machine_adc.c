/* machine_adc.c: machine.ADC.  ADC(0) is the A0 pin: read() gives 0..1024 (10 bits, 1024 at full
 * scale as the ESP8266 reports it), read_u16() the same scaled to 0..65535. */
#include "modmachine.h"

typedef struct {
    obj_base_t base;
    uint8_t channel;
} adc_t;

static const adc_t adc_objs[2] = { { { &machine_adc_type }, 0 }, { { &machine_adc_type }, 1 } };

static obj_t adc_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    arg_check_num(n_args, n_kw, 1, 1, false);
    intptr_t ch = obj_is_type(args[0], &machine_pin_type) ? -1 : obj_get_int(args[0]);
    if (ch < 0 || ch > 1 || hal_adc_read((int)ch) < 0) {
        rt_raise_value_error("invalid Pin for ADC");
    }
    return OBJ_ROM(&adc_objs[ch]);
}

static int adc_sample(obj_t self) {
    machine_poll();   /* a stimulus may have moved the input since the last statement */
    return hal_adc_read(((const adc_t *)OBJ_TO_PTR(self))->channel);
}

static obj_t adc_read(obj_t self) {
    return OBJ_NEW_SMALL_INT(adc_sample(self));
}
static FUN_DEFINE_1(adc_read_obj, adc_read);

static obj_t adc_read_u16(obj_t self) {
    int v = adc_sample(self) * 65535 / 1024;
    return OBJ_NEW_SMALL_INT(v > 65535 ? 65535 : v);
}
static FUN_DEFINE_1(adc_read_u16_obj, adc_read_u16);

static void adc_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    print_fmt(p, "ADC(%d)", ((const adc_t *)OBJ_TO_PTR(self))->channel);
}

static const map_elem_t adc_locals_table[] = {
    { QOBJ(read), OBJ_ROM(&adc_read_obj) },
    { QOBJ(read_u16), OBJ_ROM(&adc_read_u16_obj) },
};
static const DICT_ROM(adc_locals, adc_locals_table);

const type_t machine_adc_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_ADC,
    .print = adc_print,
    .make_new = adc_make_new,
    .locals_dict = (dict_t *)&adc_locals,
};
