/* modesp.c: the `esp` module of MicroPython's ESP8266 port: the SPI flash (size, id, raw read, write
 * and sector erase, with NOR semantics), deep sleep, the debug-output switch and the firmware check,
 * over the hardware layer (on the host, the virtual board's 4 MB flash chip). */
#include "errcodes.h"
#include "modmachine.h"

#define FLASH_USER_START (0x100000)   /* below it: the firmware; the filesystem starts here */

static obj_t esp_flash_size(void) {
    return obj_new_int((intptr_t)hal_flash_size());
}
static FUN_DEFINE_0(esp_flash_size_obj, esp_flash_size);

static obj_t esp_flash_id(void) {
    return obj_new_int((intptr_t)hal_flash_id());
}
static FUN_DEFINE_0(esp_flash_id_obj, esp_flash_id);

static obj_t esp_flash_user_start(void) {
    return obj_new_int(FLASH_USER_START);
}
static FUN_DEFINE_0(esp_flash_user_start_obj, esp_flash_user_start);

static uint32_t flash_offset(obj_t o) {
    intptr_t off = obj_get_int(o);
    if (off < 0 || (uintptr_t)off > UINT32_MAX) {
        rt_raise_os_error(EIO);
    }
    return (uint32_t)off;
}

/* flash_read(offset, n) -> bytes, or flash_read(offset, buf) to fill buf. */
static obj_t esp_flash_read(obj_t offset, obj_t len_or_buf) {
    uint32_t off = flash_offset(offset);
    if (obj_is_int(len_or_buf)) {
        intptr_t n = obj_get_int(len_or_buf);
        if (n < 0) {
            rt_raise_value_error("negative count");
        }
        vstr_t vs;
        vstr_init(&vs, (size_t)n + 1);
        vstr_extend(&vs, (size_t)n);
        if (!hal_flash_read(off, (uint8_t *)vs.buf, (size_t)n)) {
            rt_raise_os_error(EIO);
        }
        return obj_new_bytes((const uint8_t *)vs.buf, (size_t)n);
    }
    buffer_info_t b;
    machine_get_buffer(len_or_buf, &b, BUFFER_WRITE);
    if (!hal_flash_read(off, b.buf, b.len)) {
        rt_raise_os_error(EIO);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_2(esp_flash_read_obj, esp_flash_read);

static obj_t esp_flash_write(obj_t offset, obj_t data) {
    uint32_t off = flash_offset(offset);
    buffer_info_t b;
    machine_get_buffer(data, &b, BUFFER_READ);
    if (b.len % 4 != 0) {
        rt_raise_value_error("len must be multiple of 4");
    }
    if (!hal_flash_write(off, b.buf, b.len)) {
        rt_raise_os_error(EIO);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_2(esp_flash_write_obj, esp_flash_write);

static obj_t esp_flash_erase(obj_t sector) {
    intptr_t s = obj_get_int(sector);
    if (s < 0 || !hal_flash_erase((uint32_t)s)) {
        rt_raise_os_error(EIO);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_1(esp_flash_erase_obj, esp_flash_erase);

/* osdebug(uart or None): where the SDK's debug output goes; the host has none to route. */
static obj_t esp_osdebug(size_t n_args, const obj_t *args) {
    if (args[0] != OBJ_NONE) {
        intptr_t uart = obj_get_int(args[0]);
        if (uart != 0 && uart != 1) {
            rt_raise_value_error("UART(%d) does not exist", (int)uart);
        }
    }
    if (n_args > 1) {
        obj_get_int(args[1]);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(esp_osdebug_obj, 1, 2, esp_osdebug);

/* The board runs the host build, not an image in flash: nothing there can be corrupt. */
static obj_t esp_check_fw(void) {
    print_fmt(&print_stdout, "size: %u\nmd5: (the firmware is the host build)\n", FLASH_USER_START);
    return OBJ_TRUE;
}
static FUN_DEFINE_0(esp_check_fw_obj, esp_check_fw);

static obj_t esp_deepsleep(size_t n_args, const obj_t *args) {
    intptr_t us = n_args > 0 ? obj_get_int(args[0]) : 0;
    hal_deepsleep(us > 0 ? (uint64_t)us : 0);
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(esp_deepsleep_obj, 0, 2, esp_deepsleep);

/* dht_readinto(pin, buf): the DHT11/DHT22 exchange; OSError(ETIMEDOUT) when no sensor answers. */
static obj_t esp_dht_readinto(obj_t pin_in, obj_t buf) {
    int pin = machine_pin_get(pin_in);
    buffer_info_t b;
    machine_get_buffer(buf, &b, BUFFER_WRITE);
    if (b.len < 5) {
        rt_raise_value_error("buffer too small");
    }
    hal_pin_config(pin, HAL_PIN_OPEN_DRAIN, HAL_PULL_NONE);
    hal_pin_write(pin, 1);
    if (!hal_dht_read(pin, b.buf)) {
        rt_raise_os_error(ETIMEDOUT);
    }
    return OBJ_NONE;
}
FUN_DEFINE_2(esp_dht_readinto_obj, esp_dht_readinto);

static const map_elem_t esp_globals_table[] = {
    { QOBJ(__name__), QOBJ(esp) },
    { QOBJ(flash_size), OBJ_ROM(&esp_flash_size_obj) },
    { QOBJ(flash_id), OBJ_ROM(&esp_flash_id_obj) },
    { QOBJ(flash_user_start), OBJ_ROM(&esp_flash_user_start_obj) },
    { QOBJ(flash_read), OBJ_ROM(&esp_flash_read_obj) },
    { QOBJ(flash_write), OBJ_ROM(&esp_flash_write_obj) },
    { QOBJ(flash_erase), OBJ_ROM(&esp_flash_erase_obj) },
    { QOBJ(osdebug), OBJ_ROM(&esp_osdebug_obj) },
    { QOBJ(check_fw), OBJ_ROM(&esp_check_fw_obj) },
    { QOBJ(deepsleep), OBJ_ROM(&esp_deepsleep_obj) },
    { QOBJ(dht_readinto), OBJ_ROM(&esp_dht_readinto_obj) },
};
static const DICT_ROM(esp_globals, esp_globals_table);

MODULE_ROM(module_esp, esp_globals);
REGISTER_MODULE(esp, module_esp);
