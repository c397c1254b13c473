/* vboard_i2c.c: the virtual board's I2C devices, part of the board model shared by the host port and the
 * NodeMCU emulator (vboard_model.h), each answering its datasheet's register protocol so that ordinary
 * drivers work unchanged:
 *   - SSD1306 128x64 OLED controller: command set, the three addressing modes, GDDRAM; viewable as
 *     pixels (board.oled()) or a PNG file;
 *   - BME280 environment sensor: chip id, reset, control registers, factory calibration and raw
 *     readings that the datasheet's compensation formulas turn back into the simulated conditions.
 * The bus is seen a byte at a time: the host port's hal_i2c_* calls (vboard.c) and the emulator's
 * decoder of the bit-banged SDA/SCL lines (tools/emu/board.c) both call vboard_i2c_begin/write/read/end. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "vboard_model.h"

#define MAX_DEVICES (8)

typedef struct device device_t;
struct device {
    uint8_t addr, sda, scl;
    void (*start)(device_t *d, bool read);
    bool (*write)(device_t *d, uint8_t b);
    uint8_t (*read)(device_t *d);
};

static struct {
    device_t *devices[MAX_DEVICES];
    int n;
    device_t *cur;        /* addressed device, NULL if nobody answered */
    bool expect_addr, reading;
} bus;

/* ---- SSD1306 ---- */

typedef struct {
    device_t dev;
    uint8_t ram[8][128];
    bool expect_control, data_mode, single;  /* control byte state within a transfer */
    uint8_t cmd[8], n_cmd, need;             /* a command and its arguments, across transfers */
    uint8_t mode;                            /* 0 horizontal, 1 vertical, 2 page */
    uint8_t col, page, col_start, col_end, page_start, page_end;
    uint8_t start_line, contrast;
    bool on, invert, entire_on, seg_remap, com_remap;
} ssd1306_t;

static ssd1306_t oled;
static bool have_oled;

static int ssd1306_arg_count(uint8_t c) {
    switch (c) {
        case 0x20: case 0x81: case 0x8d: case 0xa8: case 0xd3: case 0xd5: case 0xd9: case 0xda: case 0xdb:
            return 1;
        case 0x21: case 0x22: case 0xa3:
            return 2;
        case 0x29: case 0x2a:
            return 5;
        case 0x26: case 0x27:
            return 6;
        default:
            return 0;
    }
}

static void ssd1306_command(ssd1306_t *o, const uint8_t *c) {
    switch (c[0]) {
        case 0x20: o->mode = c[1] & 3; break;
        case 0x21: o->col = o->col_start = c[1] & 127; o->col_end = c[2] & 127; break;
        case 0x22: o->page = o->page_start = c[1] & 7; o->page_end = c[2] & 7; break;
        case 0x81: o->contrast = c[1]; break;
        case 0xa0: case 0xa1: o->seg_remap = c[0] & 1; break;
        case 0xa4: case 0xa5: o->entire_on = c[0] & 1; break;
        case 0xa6: case 0xa7: o->invert = c[0] & 1; break;
        case 0xae: case 0xaf: o->on = c[0] & 1; break;
        case 0xc0: case 0xc8: o->com_remap = (c[0] & 8) != 0; break;
        default:
            if (c[0] >= 0x40 && c[0] <= 0x7f) {
                o->start_line = c[0] & 63;
            } else if (c[0] >= 0xb0 && c[0] <= 0xb7) {
                o->page = c[0] & 7;
            } else if (c[0] <= 0x0f) {
                o->col = (uint8_t)((o->col & 0xf0) | c[0]);
            } else if (c[0] <= 0x1f) {
                o->col = (uint8_t)((o->col & 0x0f) | ((c[0] & 7) << 4));
            }
            /* the rest (timing, charge pump, scrolling) does not change what the RAM holds */
            break;
    }
}

static void ssd1306_data(ssd1306_t *o, uint8_t b) {
    o->ram[o->page & 7][o->col & 127] = b;
    if (o->mode == 2) {
        o->col = (uint8_t)((o->col + 1) & 127);
    } else if (o->mode == 0) {
        if (o->col++ >= o->col_end) {
            o->col = o->col_start;
            o->page = o->page >= o->page_end ? o->page_start : o->page + 1;
        }
    } else if (o->page++ >= o->page_end) {
        o->page = o->page_start;
        o->col = o->col >= o->col_end ? o->col_start : o->col + 1;
    }
}

static void ssd1306_start(device_t *d, bool read) {
    (void)read;
    ((ssd1306_t *)d)->expect_control = true;
}

static bool ssd1306_write(device_t *d, uint8_t b) {
    ssd1306_t *o = (ssd1306_t *)d;
    if (o->expect_control) {
        o->expect_control = false;
        o->single = (b & 0x80) != 0;   /* Co: one byte, then another control byte */
        o->data_mode = (b & 0x40) != 0;
        return true;
    }
    if (o->data_mode) {
        ssd1306_data(o, b);
    } else {
        o->cmd[o->n_cmd++] = b;
        if (o->n_cmd == 1) {
            o->need = (uint8_t)ssd1306_arg_count(b);
        }
        if (o->n_cmd > o->need) {
            ssd1306_command(o, o->cmd);
            o->n_cmd = 0;
        }
    }
    o->expect_control = o->single;
    return true;
}

static uint8_t ssd1306_read(device_t *d) {
    /* status byte: bit 6 set while the display is off */
    return ((ssd1306_t *)d)->on ? 0x00 : 0x40;
}

static void ssd1306_reset(ssd1306_t *o) {
    memset(o, 0, sizeof(*o));
    o->dev.start = ssd1306_start;
    o->dev.write = ssd1306_write;
    o->dev.read = ssd1306_read;
    o->mode = 2;
    o->col_end = 127;
    o->page_end = 7;
    o->contrast = 0x7f;
}

bool vboard_oled_pixel(int x, int y, bool *on) {
    if (!have_oled || x < 0 || x > 127 || y < 0 || y > 63) {
        return false;
    }
    const ssd1306_t *o = &oled;
    int col = o->seg_remap ? x : 127 - x;
    int row = ((o->com_remap ? y : 63 - y) + o->start_line) & 63;
    bool px = (o->ram[row >> 3][col] >> (row & 7)) & 1;
    *on = o->on && (o->entire_on || (px ^ o->invert));
    return true;
}

/* ---- PNG output (stored deflate blocks: no compressor needed) ---- */

static uint32_t crc_update(uint32_t crc, const uint8_t *p, size_t n) {
    crc = ~crc;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++) {
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
        }
    }
    return ~crc;
}

static void put_be32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static void png_chunk(FILE *f, const char *type, const uint8_t *data, size_t len) {
    uint8_t hdr[8];
    put_be32(hdr, (uint32_t)len);
    memcpy(hdr + 4, type, 4);
    fwrite(hdr, 1, 8, f);
    uint32_t crc = crc_update(0, (const uint8_t *)type, 4);
    if (len > 0) {
        fwrite(data, 1, len, f);
        crc = crc_update(crc, data, len);
    }
    put_be32(hdr, crc);
    fwrite(hdr, 1, 4, f);
}

#define PNG_SCALE (4)
#define PNG_W (128 * PNG_SCALE)
#define PNG_H (64 * PNG_SCALE)
#define PNG_ROW (1 + 3 * PNG_W)

bool vboard_oled_write_png(const char *path) {
    if (!have_oled) {
        return false;
    }
    static uint8_t raw[PNG_H * PNG_ROW];
    static uint8_t z[2 + sizeof(raw) + 5 * (sizeof(raw) / 65535 + 1) + 4];
    for (int y = 0; y < PNG_H; y++) {
        uint8_t *row = raw + (size_t)y * PNG_ROW;
        row[0] = 0;
        for (int x = 0; x < PNG_W; x++) {
            bool on;
            vboard_oled_pixel(x / PNG_SCALE, y / PNG_SCALE, &on);
            /* the usual white-on-black panel, with a faint grid between pixels */
            bool gap = x % PNG_SCALE == PNG_SCALE - 1 || y % PNG_SCALE == PNG_SCALE - 1;
            uint8_t v = on ? (gap ? 0xa0 : 0xff) : 0x10;
            row[1 + 3 * x] = v;
            row[2 + 3 * x] = v;
            row[3 + 3 * x] = on ? v : 0x18;
        }
    }
    size_t zn = 0, left = sizeof(raw);
    const uint8_t *src = raw;
    z[zn++] = 0x78;
    z[zn++] = 0x01;
    uint32_t a = 1, b = 0;
    for (size_t i = 0; i < sizeof(raw); i++) {
        a = (a + raw[i]) % 65521;
        b = (b + a) % 65521;
    }
    while (left > 0) {
        size_t n = left > 65535 ? 65535 : left;
        z[zn++] = left == n;
        z[zn++] = (uint8_t)n;
        z[zn++] = (uint8_t)(n >> 8);
        z[zn++] = (uint8_t)~n;
        z[zn++] = (uint8_t)(~n >> 8);
        memcpy(z + zn, src, n);
        zn += n;
        src += n;
        left -= n;
    }
    put_be32(z + zn, (b << 16) | a);
    zn += 4;
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        return false;
    }
    static const uint8_t sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    uint8_t ihdr[13] = { 0 };
    put_be32(ihdr, PNG_W);
    put_be32(ihdr + 4, PNG_H);
    ihdr[8] = 8;   /* bit depth */
    ihdr[9] = 2;   /* RGB */
    fwrite(sig, 1, 8, f);
    png_chunk(f, "IHDR", ihdr, sizeof(ihdr));
    png_chunk(f, "IDAT", z, zn);
    png_chunk(f, "IEND", NULL, 0);
    return fclose(f) == 0;
}

/* ---- BME280 ---- */

/* Factory calibration of this virtual chip (the datasheet's worked example for T and P). */
static const uint16_t dig_T1 = 27504;
static const int16_t dig_T2 = 26435, dig_T3 = -1000;
static const uint16_t dig_P1 = 36477;
static const int16_t dig_P2 = -10685, dig_P3 = 3024, dig_P4 = 2855, dig_P5 = 140, dig_P6 = -7,
                     dig_P7 = 15500, dig_P8 = -14600, dig_P9 = 6000;
static const uint8_t dig_H1 = 75, dig_H3 = 0;
static const int16_t dig_H2 = 362, dig_H4 = 313, dig_H5 = 50;
static const int8_t dig_H6 = 30;

typedef struct {
    device_t dev;
    uint8_t reg[256];
    uint8_t ptr;
    bool ptr_set;         /* in a write, the first byte is the register address */
} bme280_t;

static bme280_t bme;
static struct {
    double temp, hum, press;
} env = { 22.5, 45.0, 1013.25 };

/* The datasheet's integer compensation (section 4.2.3); t_fine links the three. */
static int32_t comp_temp(int32_t adc_T, int32_t *t_fine) {
    int32_t var1 = ((((adc_T >> 3) - ((int32_t)dig_T1 << 1))) * ((int32_t)dig_T2)) >> 11;
    int32_t d = (adc_T >> 4) - (int32_t)dig_T1;
    int32_t var2 = (((d * d) >> 12) * (int32_t)dig_T3) >> 14;
    *t_fine = var1 + var2;
    return (*t_fine * 5 + 128) >> 8;
}

static uint32_t comp_press(int32_t adc_P, int32_t t_fine) {
    int64_t var1 = (int64_t)t_fine - 128000;
    int64_t var2 = var1 * var1 * dig_P6;
    var2 += (var1 * dig_P5) * 131072;
    var2 += (int64_t)dig_P4 * 34359738368;
    var1 = ((var1 * var1 * dig_P3) >> 8) + ((var1 * dig_P2) * 4096);
    var1 = (((int64_t)1 << 47) + var1) * dig_P1 >> 33;
    if (var1 == 0) {
        return 0;
    }
    int64_t p = 1048576 - adc_P;
    p = ((p * 2147483648) - var2) * 3125 / var1;
    var1 = ((int64_t)dig_P9 * (p >> 13) * (p >> 13)) >> 25;
    var2 = ((int64_t)dig_P8 * p) >> 19;
    return (uint32_t)(((p + var1 + var2) >> 8) + ((int64_t)dig_P7 << 4));
}

static uint32_t comp_hum(int32_t adc_H, int32_t t_fine) {
    int32_t v = t_fine - 76800;
    v = (((((adc_H << 14) - ((int32_t)dig_H4 << 20) - ((int32_t)dig_H5 * v)) + 16384) >> 15) *
         (((((((v * (int32_t)dig_H6) >> 10) * (((v * (int32_t)dig_H3) >> 11) + 32768)) >> 10) + 2097152) *
               (int32_t)dig_H2 + 8192) >> 14));
    v = v - (((((v >> 15) * (v >> 15)) >> 7) * (int32_t)dig_H1) >> 4);
    v = v < 0 ? 0 : v > 419430400 ? 419430400 : v;
    return (uint32_t)(v >> 12);
}

/* Raw readings whose compensation gives the simulated conditions (the formulas are monotonic, so a
 * binary search inverts them). */
static int32_t invert(int32_t lo, int32_t hi, bool increasing, double target, double (*f)(int32_t, int32_t),
                      int32_t t_fine) {
    while (lo < hi) {
        int32_t mid = lo + (hi - lo) / 2;
        if ((f(mid, t_fine) < target) == increasing) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

static double temp_of(int32_t raw, int32_t unused) {
    (void)unused;
    int32_t t_fine;
    return comp_temp(raw, &t_fine) / 100.0;
}

static double press_of(int32_t raw, int32_t t_fine) {
    return comp_press(raw, t_fine) / 25600.0;   /* Q24.8 Pa -> hPa */
}

static double hum_of(int32_t raw, int32_t t_fine) {
    return comp_hum(raw, t_fine) / 1024.0;
}

static void bme280_measure(bme280_t *s) {
    int32_t adc_T = invert(0, (1 << 20) - 1, true, env.temp, temp_of, 0), t_fine;
    comp_temp(adc_T, &t_fine);
    int32_t adc_P = invert(0, (1 << 20) - 1, false, env.press, press_of, t_fine);
    int32_t adc_H = invert(0, 65535, true, env.hum, hum_of, t_fine);
    uint8_t *r = s->reg;
    r[0xf7] = (uint8_t)(adc_P >> 12);
    r[0xf8] = (uint8_t)(adc_P >> 4);
    r[0xf9] = (uint8_t)((adc_P & 15) << 4);
    r[0xfa] = (uint8_t)(adc_T >> 12);
    r[0xfb] = (uint8_t)(adc_T >> 4);
    r[0xfc] = (uint8_t)((adc_T & 15) << 4);
    r[0xfd] = (uint8_t)(adc_H >> 8);
    r[0xfe] = (uint8_t)adc_H;
}

static void put_le16(uint8_t *p, uint16_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void bme280_reset(bme280_t *s) {
    memset(s->reg, 0, sizeof(s->reg));
    uint8_t *r = s->reg;
    const int16_t cal[12] = { (int16_t)dig_T1, dig_T2, dig_T3, (int16_t)dig_P1, dig_P2, dig_P3, dig_P4,
                              dig_P5, dig_P6, dig_P7, dig_P8, dig_P9 };
    for (int i = 0; i < 12; i++) {
        put_le16(r + 0x88 + 2 * i, (uint16_t)cal[i]);
    }
    r[0xa1] = dig_H1;
    put_le16(r + 0xe1, (uint16_t)dig_H2);
    r[0xe3] = dig_H3;
    r[0xe4] = (uint8_t)(dig_H4 >> 4);
    r[0xe5] = (uint8_t)((dig_H4 & 15) | ((dig_H5 & 15) << 4));
    r[0xe6] = (uint8_t)(dig_H5 >> 4);
    r[0xe7] = (uint8_t)dig_H6;
    r[0xd0] = 0x60;   /* chip id */
    /* data registers read 0x80000 / 0x8000 until the first measurement, as on the chip */
    r[0xf7] = r[0xfa] = 0x80;
    r[0xfd] = 0x80;
}

static void bme280_start(device_t *d, bool read) {
    bme280_t *s = (bme280_t *)d;
    if (!read) {
        s->ptr_set = false;
    } else if ((s->reg[0xf4] & 3) == 3) {
        bme280_measure(s);   /* normal mode: always a fresh measurement */
    }
}

static bool bme280_write(device_t *d, uint8_t b) {
    bme280_t *s = (bme280_t *)d;
    if (!s->ptr_set) {
        s->ptr = b;
        s->ptr_set = true;
        return true;
    }
    /* register/value pairs: the next byte is an address again */
    s->ptr_set = false;
    if (s->ptr == 0xe0) {
        if (b == 0xb6) {
            bme280_reset(s);
        }
    } else if (s->ptr == 0xf2 || s->ptr == 0xf5) {
        s->reg[s->ptr] = b;
    } else if (s->ptr == 0xf4) {
        s->reg[0xf4] = b;
        if (b & 3) {
            bme280_measure(s);
            if ((b & 3) != 3) {
                s->reg[0xf4] &= (uint8_t)~3;   /* forced mode: back to sleep when done */
            }
        }
    }
    return true;
}

static uint8_t bme280_read(device_t *d) {
    bme280_t *s = (bme280_t *)d;
    return s->reg[s->ptr++];
}

void vboard_i2c_set_env(double temp_c, double humidity, double pressure_hpa) {
    env.temp = temp_c < -40 ? -40 : temp_c > 85 ? 85 : temp_c;
    env.hum = humidity < 0 ? 0 : humidity > 100 ? 100 : humidity;
    env.press = pressure_hpa < 300 ? 300 : pressure_hpa > 1100 ? 1100 : pressure_hpa;
}

void vboard_i2c_get_env(double *temp_c, double *humidity, double *pressure_hpa) {
    *temp_c = env.temp;
    *humidity = env.hum;
    *pressure_hpa = env.press;
}

/* ---- the bus ---- */

bool vboard_i2c_add(const char *kind, int addr, int sda, int scl) {
    device_t *d;
    if (strcmp(kind, "ssd1306") == 0 && !have_oled) {
        ssd1306_reset(&oled);
        have_oled = true;
        d = &oled.dev;
    } else if (strcmp(kind, "bme280") == 0 && bme.dev.start == NULL) {
        bme280_reset(&bme);
        bme.dev.start = bme280_start;
        bme.dev.write = bme280_write;
        bme.dev.read = bme280_read;
        d = &bme.dev;
    } else {
        return false;
    }
    if (bus.n == MAX_DEVICES || addr < 0 || addr > 127 || sda < 0 || scl < 0) {
        return false;
    }
    d->addr = (uint8_t)addr;
    d->sda = (uint8_t)sda;
    d->scl = (uint8_t)scl;
    bus.devices[bus.n++] = d;
    return true;
}

void vboard_i2c_begin(void) {
    bus.cur = NULL;
    bus.expect_addr = true;
    vboard_trace_i2c(-1, true);
}

void vboard_i2c_end(void) {
    if (bus.cur != NULL || bus.expect_addr) {
        vboard_trace_i2c(-1, false);
    }
    bus.cur = NULL;
    bus.expect_addr = false;
}

bool vboard_i2c_write(int sda, int scl, uint8_t byte) {
    vboard_trace_i2c(byte, true);
    if (bus.expect_addr) {
        bus.expect_addr = false;
        bus.reading = byte & 1;
        for (int i = 0; i < bus.n; i++) {
            device_t *d = bus.devices[i];
            if (d->addr == byte >> 1 && d->sda == sda && d->scl == scl) {
                bus.cur = d;
                d->start(d, bus.reading);
                return true;
            }
        }
        return false;
    }
    return bus.cur != NULL && !bus.reading && bus.cur->write(bus.cur, byte);
}

uint8_t vboard_i2c_read(void) {
    uint8_t byte = bus.cur != NULL && bus.reading ? bus.cur->read(bus.cur) : 0xff;
    vboard_trace_i2c(byte, true);
    return byte;
}

bool vboard_i2c_lines(int index, int *sda, int *scl) {
    if (index < 0 || index >= bus.n) {
        return false;
    }
    *sda = bus.devices[index]->sda;
    *scl = bus.devices[index]->scl;
    return true;
}
