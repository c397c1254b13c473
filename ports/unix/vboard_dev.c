/* vboard_dev.c: the virtual board's peripherals beyond pins, PWM, ADC and I2C, implementing the rest of
 * extmod/hal.h: the SPI bus (an optional MOSI->MISO loopback), UART1's TX-only line (shown on stderr
 * and in the trace), bit streams into WS2812 NeoPixel strips, DHT11/DHT22 and DS18B20 sensors (they
 * measure the same surroundings as the BME280), and the 4 MB SPI flash with NOR semantics (in memory,
 * or in a file with --flash).  Board file lines: `spi loopback`, `neopixel NAME PIN COUNT [rgbw]`,
 * `dht11 PIN`, `dht22 PIN`, `ds18b20 PIN [FIXED_TEMP]`. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "port.h"
#include "vboard.h"

#define MAX_STRIPS (4)
#define MAX_PIXEL_BYTES (4 * 64)
#define MAX_SENSORS (8)
#define FLASH_SIZE (4u * 1024 * 1024)
#define FLASH_ID (0x1640efu)        /* Winbond W25Q32, as on most ESP-12E modules */
#define UART_BYTE_US (87)           /* 10 bits at 115200 baud */
#define ONEWIRE_SLOT_US (70)
#define ONEWIRE_RESET_US (960)

typedef struct {
    char name[16];
    int pin, count, bpp;
    uint8_t data[MAX_PIXEL_BYTES];   /* as sent on the wire: G R B (W) per pixel */
} strip_t;

/* DS18B20 1-Wire state machine, advanced one time slot at a time. */
typedef enum { OW_IDLE, OW_ROM_CMD, OW_MATCH, OW_READ_ROM, OW_SEARCH, OW_FUNC_CMD, OW_READ_SCRATCH,
               OW_WRITE_SCRATCH, OW_CONVERT, OW_POWER } ow_state_t;

typedef struct {
    enum { SENSOR_DHT11, SENSOR_DHT22, SENSOR_DS18B20 } kind;
    int pin;
    bool fixed;                      /* reports fixed_temp instead of the surroundings */
    double fixed_temp;
    ow_state_t state;
    int nbit, sub;
    uint8_t acc;
    uint8_t rom[8], scratch[9];
    uint64_t convert_done;
} sensor_t;

static struct {
    bool spi_loopback;
    char uart_line[128];
    size_t uart_len;
    strip_t strips[MAX_STRIPS];
    int n_strips;
    sensor_t sensors[MAX_SENSORS];
    int n_sensors;
    uint8_t *flash;
    const char *flash_path;
} dev;

/* Virtual time a transfer takes (real time needs no help: the host is slower than the wire). */
static void spend_us(uint64_t us) {
    vboard_advance_us(us);
}

static void status_line(const char *line) {
    if (vboard_showing()) {
        port_stderr_write(line, strlen(line));
    }
}

/* ---- SPI ---- */

void hal_spi_transfer(const hal_spi_bus_t *bus, const uint8_t *tx, uint8_t *rx, size_t len) {
    uint64_t byte_us = bus->baudrate >= 8000000 ? 1 : 8000000 / bus->baudrate / 1000 + 1;
    for (size_t i = 0; i < len; i++) {
        uint8_t out = tx != NULL ? tx[i] : 0xff;
        uint8_t in = dev.spi_loopback ? out : 0xff;   /* MISO floats high when nothing answers */
        vboard_trace_byte(VBOARD_VCD_SPI_MOSI, out);
        vboard_trace_byte(VBOARD_VCD_SPI_MISO, in);
        if (rx != NULL) {
            rx[i] = in;
        }
        spend_us(byte_us);
    }
}

/* ---- UART: 0 is the console, 1 transmits on GPIO2 (shown line by line) ---- */

static void uart1_flush_line(void) {
    char line[sizeof(dev.uart_line) + 16];
    snprintf(line, sizeof(line), "[uart1] %.*s\n", (int)dev.uart_len, dev.uart_line);
    status_line(line);
    dev.uart_len = 0;
}

void hal_uart_write(int uart, const uint8_t *data, size_t len) {
    if (uart == 0) {
        port_stdout_write((const char *)data, len);
        return;
    }
    for (size_t i = 0; i < len; i++) {
        vboard_trace_byte(VBOARD_VCD_UART1, data[i]);
        spend_us(UART_BYTE_US);
        if (data[i] == '\n' || dev.uart_len == sizeof(dev.uart_line)) {
            uart1_flush_line();
        }
        if (data[i] != '\n' && data[i] != '\r') {
            dev.uart_line[dev.uart_len++] = (char)data[i];
        }
    }
}

int hal_uart_read(int uart) {
    (void)uart;   /* UART1 has no RX pin; the console's input belongs to the REPL */
    return -1;
}

/* ---- bit streams and NeoPixels ---- */

static void show_strip(const strip_t *s) {
    if (!vboard_showing()) {
        return;
    }
    char line[40 + 32 * 64];
    int n = snprintf(line, 40, "[neopixel] %s (GPIO%d)", s->name, s->pin);
    bool tty = isatty(2);
    for (int i = 0; i < s->count && (size_t)n < sizeof(line) - 40; i++) {
        const uint8_t *px = s->data + i * s->bpp;
        if (tty) {   /* a disc in the pixel's colour */
            n += snprintf(line + n, sizeof(line) - (size_t)n, " \033[38;2;%d;%d;%dm\xe2\x97\x8f\033[0m", px[1], px[0], px[2]);
        } else {
            n += snprintf(line + n, sizeof(line) - (size_t)n, " #%02x%02x%02x", px[1], px[0], px[2]);
        }
    }
    snprintf(line + n, sizeof(line) - (size_t)n, "\n");
    port_stderr_write(line, strlen(line));
}

void hal_bitstream(int pin, const uint32_t timing_ns[4], const uint8_t *buf, size_t len) {
    uint64_t ns = 0;
    for (size_t i = 0; i < len; i++) {
        vboard_trace_byte(VBOARD_VCD_BITSTREAM, buf[i]);
        for (int bit = 7; bit >= 0; bit--) {
            ns += (buf[i] >> bit) & 1 ? timing_ns[2] + timing_ns[3] : timing_ns[0] + timing_ns[1];
        }
    }
    spend_us(ns / 1000);
    for (int k = 0; k < dev.n_strips; k++) {
        strip_t *s = &dev.strips[k];
        size_t n = (size_t)(s->count * s->bpp);
        if (s->pin == pin && (len < n || memcmp(s->data, buf, n) != 0)) {
            memcpy(s->data, buf, len < n ? len : n);   /* pixels past the data keep their colour */
            show_strip(s);
        }
    }
}

int vboard_pixels(int strip, const char **name, uint8_t *rgb, int max_pixels) {
    if (strip < 0 || strip >= dev.n_strips) {
        return -1;
    }
    const strip_t *s = &dev.strips[strip];
    *name = s->name;
    int n = s->count < max_pixels ? s->count : max_pixels;
    for (int i = 0; i < n; i++) {
        const uint8_t *px = s->data + i * s->bpp;
        rgb[3 * i] = px[1];
        rgb[3 * i + 1] = px[0];
        rgb[3 * i + 2] = px[2];
    }
    return n;
}

/* ---- the surroundings the sensors measure ---- */

static double sensor_temp(const sensor_t *s) {
    double t, h, p;
    vboard_i2c_get_env(&t, &h, &p);
    return s->fixed ? s->fixed_temp : t;
}

/* ---- DHT11 / DHT22 ---- */

bool hal_dht_read(int pin, uint8_t buf[5]) {
    spend_us(250000 + 18000);   /* the driver's settle time and start pulse */
    for (int i = 0; i < dev.n_sensors; i++) {
        sensor_t *s = &dev.sensors[i];
        if (s->pin != pin || s->kind == SENSOR_DS18B20) {
            continue;
        }
        double t, h, p;
        vboard_i2c_get_env(&t, &h, &p);
        t = sensor_temp(s);
        if (s->kind == SENSOR_DHT11) {   /* whole degrees and percent */
            int ti = (int)lround(t), hi = (int)lround(h);
            buf[0] = (uint8_t)hi;
            buf[1] = 0;
            buf[2] = (uint8_t)(ti < 0 ? 0 : ti);
            buf[3] = 0;
        } else {                         /* tenths; the temperature's top bit is its sign */
            long hi = lround(h * 10), ti = lround(fabs(t) * 10);
            buf[0] = (uint8_t)(hi >> 8);
            buf[1] = (uint8_t)hi;
            buf[2] = (uint8_t)((ti >> 8) | (t < 0 ? 0x80 : 0));
            buf[3] = (uint8_t)ti;
        }
        buf[4] = (uint8_t)(buf[0] + buf[1] + buf[2] + buf[3]);
        spend_us(4500);
        return true;
    }
    return false;
}

/* ---- DS18B20 on 1-Wire ---- */

static uint8_t crc8(const uint8_t *data, size_t len) {
    uint8_t crc = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t b = data[i];
        for (int k = 0; k < 8; k++) {
            uint8_t mix = (crc ^ b) & 1;
            crc >>= 1;
            if (mix) {
                crc ^= 0x8c;
            }
            b >>= 1;
        }
    }
    return crc;
}

static void ds_set_temp(sensor_t *s, double t) {
    int resolution = 9 + ((s->scratch[4] >> 5) & 3);
    int16_t raw = (int16_t)lround(t * 16);
    raw = (int16_t)(raw & ~((1 << (12 - resolution)) - 1));
    s->scratch[0] = (uint8_t)raw;
    s->scratch[1] = (uint8_t)((uint16_t)raw >> 8);
    s->scratch[8] = crc8(s->scratch, 8);
}

static void ds_init(sensor_t *s, int index) {
    static const uint8_t serial[6] = { 0xb1, 0x6e, 0x0a, 0x21, 0x4c, 0x00 };
    s->rom[0] = 0x28;
    memcpy(s->rom + 1, serial, 6);
    s->rom[1] = (uint8_t)(s->rom[1] + index);
    s->rom[7] = crc8(s->rom, 7);
    static const uint8_t power_up[9] = { 0x50, 0x05, 0x4b, 0x46, 0x7f, 0xff, 0x0c, 0x10, 0 };  /* 85 °C */
    memcpy(s->scratch, power_up, 9);
    s->scratch[8] = crc8(s->scratch, 8);
}

static int bit_of(const uint8_t *bytes, int n) {
    return (bytes[n / 8] >> (n % 8)) & 1;
}

/* What the device puts on the bus in this slot: 0 pulls the line low. */
static int ds_output(const sensor_t *s) {
    switch (s->state) {
        case OW_READ_ROM: return bit_of(s->rom, s->nbit);
        case OW_SEARCH: return s->sub == 2 ? 1 : bit_of(s->rom, s->nbit) ^ s->sub;
        case OW_READ_SCRATCH: return s->nbit < 72 ? bit_of(s->scratch, s->nbit) : 1;
        case OW_CONVERT: return vboard_fast_time() || hal_ticks_us() >= s->convert_done ? 1 : 0;
        default: return 1;
    }
}

/* Collects 8 bits into acc; true when the byte is complete. */
static bool ds_byte(sensor_t *s, int b) {
    s->acc = (uint8_t)(s->acc | (b << s->nbit));
    if (++s->nbit < 8) {
        return false;
    }
    s->nbit = 0;
    return true;
}

static void ds_function(sensor_t *s, uint8_t cmd) {
    s->state = OW_IDLE;
    if (cmd == 0x44) {
        int resolution = 9 + ((s->scratch[4] >> 5) & 3);
        uint64_t busy = 750000u >> (12 - resolution);
        s->convert_done = hal_ticks_us() + busy;
        ds_set_temp(s, sensor_temp(s));
        s->state = OW_CONVERT;
    } else if (cmd == 0xbe) {
        s->state = OW_READ_SCRATCH;
    } else if (cmd == 0x4e) {
        s->state = OW_WRITE_SCRATCH;
    } else if (cmd == 0xb4) {
        s->state = OW_POWER;
    }
}

static void ds_slot(sensor_t *s, int b) {
    switch (s->state) {
        case OW_ROM_CMD:
            if (ds_byte(s, b)) {
                uint8_t cmd = s->acc;
                s->acc = 0;
                s->state = cmd == 0x33 ? OW_READ_ROM : cmd == 0x55 ? OW_MATCH : cmd == 0xcc ? OW_FUNC_CMD
                           : cmd == 0xf0 ? OW_SEARCH : OW_IDLE;
            }
            break;
        case OW_MATCH:
            if (b != bit_of(s->rom, s->nbit)) {
                s->state = OW_IDLE;
            } else if (++s->nbit == 64) {
                s->nbit = 0;
                s->state = OW_FUNC_CMD;
            }
            break;
        case OW_READ_ROM:
            if (++s->nbit == 64) {
                s->nbit = 0;
                s->state = OW_FUNC_CMD;
            }
            break;
        case OW_SEARCH:
            if (s->sub < 2) {
                s->sub++;
            } else if (b != bit_of(s->rom, s->nbit)) {
                s->state = OW_IDLE;   /* the master took the other branch */
            } else {
                s->sub = 0;
                if (++s->nbit == 64) {
                    s->nbit = 0;
                    s->state = OW_FUNC_CMD;
                }
            }
            break;
        case OW_FUNC_CMD:
            if (ds_byte(s, b)) {
                uint8_t cmd = s->acc;
                s->acc = 0;
                ds_function(s, cmd);
            }
            break;
        case OW_READ_SCRATCH:
            s->nbit++;
            break;
        case OW_WRITE_SCRATCH:
            if (ds_byte(s, b)) {
                s->scratch[2 + s->sub] = s->acc;   /* TH, TL, configuration */
                s->acc = 0;
                if (++s->sub == 3) {
                    s->scratch[4] |= 0x1f;
                    s->scratch[8] = crc8(s->scratch, 8);
                    s->state = OW_IDLE;
                }
            }
            break;
        default:
            break;
    }
}

bool hal_onewire_reset(int pin) {
    spend_us(ONEWIRE_RESET_US);
    bool present = false;
    for (int i = 0; i < dev.n_sensors; i++) {
        sensor_t *s = &dev.sensors[i];
        if (s->pin == pin && s->kind == SENSOR_DS18B20) {
            s->state = OW_ROM_CMD;
            s->nbit = s->sub = 0;
            s->acc = 0;
            present = true;
        }
    }
    return present;
}

int hal_onewire_bit(int pin, int bit) {
    spend_us(ONEWIRE_SLOT_US);
    int bus = bit ? 1 : 0;
    for (int i = 0; i < dev.n_sensors; i++) {
        const sensor_t *s = &dev.sensors[i];
        if (s->pin == pin && s->kind == SENSOR_DS18B20) {
            bus &= ds_output(s);   /* wired-AND: any device pulling low wins */
        }
    }
    for (int i = 0; i < dev.n_sensors; i++) {
        sensor_t *s = &dev.sensors[i];
        if (s->pin == pin && s->kind == SENSOR_DS18B20) {
            ds_slot(s, bus);
        }
    }
    return bus;
}

/* ---- the flash chip ---- */

static uint8_t *flash(void) {
    if (dev.flash == NULL) {
        dev.flash = malloc(FLASH_SIZE);
        if (dev.flash == NULL) {
            port_fatal("out of memory for the flash image");
        }
        memset(dev.flash, 0xff, FLASH_SIZE);
        FILE *f = dev.flash_path != NULL ? fopen(dev.flash_path, "rb") : NULL;
        if (f != NULL) {
            size_t n = fread(dev.flash, 1, FLASH_SIZE, f);
            (void)n;
            fclose(f);
        }
    }
    return dev.flash;
}

static void flash_save(void) {
    FILE *f = dev.flash != NULL ? fopen(dev.flash_path, "wb") : NULL;
    if (f != NULL) {
        fwrite(dev.flash, 1, FLASH_SIZE, f);
        fclose(f);
    }
}

bool vboard_flash_file(const char *path) {
    dev.flash_path = path;
    atexit(flash_save);
    return true;
}

uint32_t hal_flash_size(void) {
    return FLASH_SIZE;
}

uint32_t hal_flash_id(void) {
    return FLASH_ID;
}

bool hal_flash_read(uint32_t addr, uint8_t *buf, size_t len) {
    if (addr > FLASH_SIZE || len > FLASH_SIZE - addr) {
        return false;
    }
    memcpy(buf, flash() + addr, len);
    return true;
}

bool hal_flash_write(uint32_t addr, const uint8_t *buf, size_t len) {
    if (addr > FLASH_SIZE || len > FLASH_SIZE - addr) {
        return false;
    }
    uint8_t *f = flash() + addr;
    for (size_t i = 0; i < len; i++) {
        f[i] &= buf[i];   /* programming only clears bits; erasing sets them */
    }
    return true;
}

bool hal_flash_erase(uint32_t sector) {
    if (sector >= FLASH_SIZE / HAL_FLASH_SECTOR) {
        return false;
    }
    memset(flash() + sector * HAL_FLASH_SECTOR, 0xff, HAL_FLASH_SECTOR);
    spend_us(30000);
    return true;
}

/* ---- board description lines ---- */

static bool add_sensor(int kind, char *words[], int n) {
    int pin = n >= 2 ? vboard_find(words[1]) : -1;
    if (pin < 0 || dev.n_sensors == MAX_SENSORS) {
        return false;
    }
    sensor_t *s = &dev.sensors[dev.n_sensors];
    memset(s, 0, sizeof(*s));
    s->kind = kind;
    s->pin = pin;
    if (n >= 3) {
        s->fixed = true;
        s->fixed_temp = atof(words[2]);
    }
    if (kind == SENSOR_DS18B20) {
        ds_init(s, dev.n_sensors);
    }
    dev.n_sensors++;
    return true;
}

bool vboard_dev_line(char *words[], int n) {
    if (strcmp(words[0], "spi") == 0) {
        dev.spi_loopback = n == 2 && strcmp(words[1], "loopback") == 0;
        return dev.spi_loopback;
    }
    if (strcmp(words[0], "neopixel") == 0 && n >= 4 && dev.n_strips < MAX_STRIPS) {
        strip_t *s = &dev.strips[dev.n_strips];
        snprintf(s->name, sizeof(s->name), "%s", words[1]);
        s->pin = vboard_find(words[2]);
        s->count = atoi(words[3]);
        s->bpp = n > 4 && strcmp(words[4], "rgbw") == 0 ? 4 : 3;
        if (s->pin < 0 || s->count <= 0 || s->count * s->bpp > MAX_PIXEL_BYTES) {
            return false;
        }
        dev.n_strips++;
        return true;
    }
    if (strcmp(words[0], "dht11") == 0 || strcmp(words[0], "dht22") == 0) {
        return add_sensor(words[0][4] == '1' ? SENSOR_DHT11 : SENSOR_DHT22, words, n);
    }
    if (strcmp(words[0], "ds18b20") == 0) {
        return add_sensor(SENSOR_DS18B20, words, n);
    }
    return false;
}
