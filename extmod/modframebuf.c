/* modframebuf.c: the `framebuf` module: FrameBuffer(buffer, width, height, format, stride=width) draws
 * pixels, lines, rectangles, ellipses, polygons and 8x8 text into a caller's buffer in one of the
 * display formats small screens use (MONO_VLSB for an SSD1306, RGB565, greyscales...).  It is meant to
 * be subclassed by display drivers, whose show() sends the buffer to the panel. */
#include <string.h>
#include "runtime.h"
#include "gc.h"

enum { FMT_MONO_VLSB, FMT_RGB565, FMT_GS4_HMSB, FMT_MONO_HLSB, FMT_MONO_HMSB, FMT_GS2_HMSB, FMT_GS8 };

typedef struct {
    obj_base_t base;
    obj_t buf_obj;          /* the buffer's owner, kept alive by this reference; OBJ_NULL until __init__ */
    uint8_t *buf;           /* re-fetched from buf_obj by every method, in case a bytearray moved */
    int width, height, stride;
    int format;
    size_t need;            /* bytes of buffer the geometry uses (a bytearray may shrink later) */
} fb_t;

extern const type_t framebuf_type;

/* The 8x8 font of text(): ASCII 32..127 (127, and anything outside, is a box), a byte per column
 * from left to right, bit 0 the top row; glyphs are 5x7 with a blank column each side. */
static const uint8_t framebuf_font[96][8] = {
    { 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }, /* ' ' */
    { 0x00, 0x00, 0x00, 0x5f, 0x00, 0x00, 0x00, 0x00 }, /* '!' */
    { 0x00, 0x00, 0x03, 0x00, 0x03, 0x00, 0x00, 0x00 }, /* '"' */
    { 0x00, 0x12, 0x3f, 0x12, 0x3f, 0x12, 0x00, 0x00 }, /* '#' */
    { 0x00, 0x24, 0x2a, 0x7f, 0x2a, 0x12, 0x00, 0x00 }, /* '$' */
    { 0x00, 0x23, 0x13, 0x08, 0x64, 0x62, 0x00, 0x00 }, /* '%' */
    { 0x00, 0x36, 0x49, 0x55, 0x22, 0x50, 0x00, 0x00 }, /* '&' */
    { 0x00, 0x00, 0x04, 0x03, 0x00, 0x00, 0x00, 0x00 }, /* "'" */
    { 0x00, 0x00, 0x1c, 0x22, 0x41, 0x00, 0x00, 0x00 }, /* '(' */
    { 0x00, 0x00, 0x41, 0x22, 0x1c, 0x00, 0x00, 0x00 }, /* ')' */
    { 0x00, 0x14, 0x08, 0x3e, 0x08, 0x14, 0x00, 0x00 }, /* '*' */
    { 0x00, 0x08, 0x08, 0x3e, 0x08, 0x08, 0x00, 0x00 }, /* '+' */
    { 0x00, 0x00, 0x50, 0x30, 0x00, 0x00, 0x00, 0x00 }, /* ',' */
    { 0x00, 0x08, 0x08, 0x08, 0x08, 0x08, 0x00, 0x00 }, /* '-' */
    { 0x00, 0x00, 0x60, 0x60, 0x00, 0x00, 0x00, 0x00 }, /* '.' */
    { 0x00, 0x20, 0x10, 0x08, 0x04, 0x02, 0x00, 0x00 }, /* '/' */
    { 0x00, 0x3e, 0x51, 0x49, 0x45, 0x3e, 0x00, 0x00 }, /* '0' */
    { 0x00, 0x00, 0x42, 0x7f, 0x40, 0x00, 0x00, 0x00 }, /* '1' */
    { 0x00, 0x62, 0x51, 0x49, 0x49, 0x46, 0x00, 0x00 }, /* '2' */
    { 0x00, 0x21, 0x41, 0x45, 0x4b, 0x31, 0x00, 0x00 }, /* '3' */
    { 0x00, 0x18, 0x14, 0x12, 0x7f, 0x10, 0x00, 0x00 }, /* '4' */
    { 0x00, 0x27, 0x45, 0x45, 0x45, 0x39, 0x00, 0x00 }, /* '5' */
    { 0x00, 0x3c, 0x4a, 0x49, 0x49, 0x30, 0x00, 0x00 }, /* '6' */
    { 0x00, 0x01, 0x71, 0x09, 0x05, 0x03, 0x00, 0x00 }, /* '7' */
    { 0x00, 0x36, 0x49, 0x49, 0x49, 0x36, 0x00, 0x00 }, /* '8' */
    { 0x00, 0x06, 0x49, 0x49, 0x29, 0x1e, 0x00, 0x00 }, /* '9' */
    { 0x00, 0x00, 0x36, 0x36, 0x00, 0x00, 0x00, 0x00 }, /* ':' */
    { 0x00, 0x00, 0x56, 0x36, 0x00, 0x00, 0x00, 0x00 }, /* ';' */
    { 0x00, 0x08, 0x14, 0x22, 0x41, 0x00, 0x00, 0x00 }, /* '<' */
    { 0x00, 0x14, 0x14, 0x14, 0x14, 0x14, 0x00, 0x00 }, /* '=' */
    { 0x00, 0x00, 0x41, 0x22, 0x14, 0x08, 0x00, 0x00 }, /* '>' */
    { 0x00, 0x02, 0x01, 0x51, 0x09, 0x06, 0x00, 0x00 }, /* '?' */
    { 0x00, 0x32, 0x49, 0x79, 0x41, 0x3e, 0x00, 0x00 }, /* '@' */
    { 0x00, 0x7e, 0x09, 0x09, 0x09, 0x7e, 0x00, 0x00 }, /* 'A' */
    { 0x00, 0x7f, 0x49, 0x49, 0x49, 0x36, 0x00, 0x00 }, /* 'B' */
    { 0x00, 0x3e, 0x41, 0x41, 0x41, 0x22, 0x00, 0x00 }, /* 'C' */
    { 0x00, 0x7f, 0x41, 0x41, 0x22, 0x1c, 0x00, 0x00 }, /* 'D' */
    { 0x00, 0x7f, 0x49, 0x49, 0x49, 0x41, 0x00, 0x00 }, /* 'E' */
    { 0x00, 0x7f, 0x09, 0x09, 0x09, 0x01, 0x00, 0x00 }, /* 'F' */
    { 0x00, 0x3e, 0x41, 0x49, 0x49, 0x7a, 0x00, 0x00 }, /* 'G' */
    { 0x00, 0x7f, 0x08, 0x08, 0x08, 0x7f, 0x00, 0x00 }, /* 'H' */
    { 0x00, 0x00, 0x41, 0x7f, 0x41, 0x00, 0x00, 0x00 }, /* 'I' */
    { 0x00, 0x20, 0x40, 0x41, 0x3f, 0x01, 0x00, 0x00 }, /* 'J' */
    { 0x00, 0x7f, 0x08, 0x14, 0x22, 0x41, 0x00, 0x00 }, /* 'K' */
    { 0x00, 0x7f, 0x40, 0x40, 0x40, 0x40, 0x00, 0x00 }, /* 'L' */
    { 0x00, 0x7f, 0x02, 0x0c, 0x02, 0x7f, 0x00, 0x00 }, /* 'M' */
    { 0x00, 0x7f, 0x04, 0x08, 0x10, 0x7f, 0x00, 0x00 }, /* 'N' */
    { 0x00, 0x3e, 0x41, 0x41, 0x41, 0x3e, 0x00, 0x00 }, /* 'O' */
    { 0x00, 0x7f, 0x09, 0x09, 0x09, 0x06, 0x00, 0x00 }, /* 'P' */
    { 0x00, 0x3e, 0x41, 0x51, 0x21, 0x5e, 0x00, 0x00 }, /* 'Q' */
    { 0x00, 0x7f, 0x09, 0x19, 0x29, 0x46, 0x00, 0x00 }, /* 'R' */
    { 0x00, 0x46, 0x49, 0x49, 0x49, 0x31, 0x00, 0x00 }, /* 'S' */
    { 0x00, 0x01, 0x01, 0x7f, 0x01, 0x01, 0x00, 0x00 }, /* 'T' */
    { 0x00, 0x3f, 0x40, 0x40, 0x40, 0x3f, 0x00, 0x00 }, /* 'U' */
    { 0x00, 0x1f, 0x20, 0x40, 0x20, 0x1f, 0x00, 0x00 }, /* 'V' */
    { 0x00, 0x3f, 0x40, 0x38, 0x40, 0x3f, 0x00, 0x00 }, /* 'W' */
    { 0x00, 0x63, 0x14, 0x08, 0x14, 0x63, 0x00, 0x00 }, /* 'X' */
    { 0x00, 0x03, 0x04, 0x78, 0x04, 0x03, 0x00, 0x00 }, /* 'Y' */
    { 0x00, 0x61, 0x51, 0x49, 0x45, 0x43, 0x00, 0x00 }, /* 'Z' */
    { 0x00, 0x00, 0x7f, 0x41, 0x41, 0x00, 0x00, 0x00 }, /* '[' */
    { 0x00, 0x02, 0x04, 0x08, 0x10, 0x20, 0x00, 0x00 }, /* '\\' */
    { 0x00, 0x00, 0x41, 0x41, 0x7f, 0x00, 0x00, 0x00 }, /* ']' */
    { 0x00, 0x04, 0x02, 0x01, 0x02, 0x04, 0x00, 0x00 }, /* '^' */
    { 0x00, 0x40, 0x40, 0x40, 0x40, 0x40, 0x00, 0x00 }, /* '_' */
    { 0x00, 0x00, 0x01, 0x02, 0x04, 0x00, 0x00, 0x00 }, /* '`' */
    { 0x00, 0x20, 0x54, 0x54, 0x54, 0x78, 0x00, 0x00 }, /* 'a' */
    { 0x00, 0x7f, 0x48, 0x44, 0x44, 0x38, 0x00, 0x00 }, /* 'b' */
    { 0x00, 0x38, 0x44, 0x44, 0x44, 0x20, 0x00, 0x00 }, /* 'c' */
    { 0x00, 0x38, 0x44, 0x44, 0x48, 0x7f, 0x00, 0x00 }, /* 'd' */
    { 0x00, 0x38, 0x54, 0x54, 0x54, 0x18, 0x00, 0x00 }, /* 'e' */
    { 0x00, 0x08, 0x7e, 0x09, 0x01, 0x02, 0x00, 0x00 }, /* 'f' */
    { 0x00, 0x0c, 0x52, 0x52, 0x52, 0x3e, 0x00, 0x00 }, /* 'g' */
    { 0x00, 0x7f, 0x08, 0x04, 0x04, 0x78, 0x00, 0x00 }, /* 'h' */
    { 0x00, 0x00, 0x44, 0x7d, 0x40, 0x00, 0x00, 0x00 }, /* 'i' */
    { 0x00, 0x20, 0x40, 0x44, 0x3d, 0x00, 0x00, 0x00 }, /* 'j' */
    { 0x00, 0x7f, 0x10, 0x28, 0x44, 0x00, 0x00, 0x00 }, /* 'k' */
    { 0x00, 0x00, 0x41, 0x7f, 0x40, 0x00, 0x00, 0x00 }, /* 'l' */
    { 0x00, 0x7c, 0x04, 0x18, 0x04, 0x78, 0x00, 0x00 }, /* 'm' */
    { 0x00, 0x7c, 0x08, 0x04, 0x04, 0x78, 0x00, 0x00 }, /* 'n' */
    { 0x00, 0x38, 0x44, 0x44, 0x44, 0x38, 0x00, 0x00 }, /* 'o' */
    { 0x00, 0x7c, 0x14, 0x14, 0x14, 0x08, 0x00, 0x00 }, /* 'p' */
    { 0x00, 0x08, 0x14, 0x14, 0x18, 0x7c, 0x00, 0x00 }, /* 'q' */
    { 0x00, 0x7c, 0x08, 0x04, 0x04, 0x08, 0x00, 0x00 }, /* 'r' */
    { 0x00, 0x48, 0x54, 0x54, 0x54, 0x20, 0x00, 0x00 }, /* 's' */
    { 0x00, 0x04, 0x3f, 0x44, 0x40, 0x20, 0x00, 0x00 }, /* 't' */
    { 0x00, 0x3c, 0x40, 0x40, 0x20, 0x7c, 0x00, 0x00 }, /* 'u' */
    { 0x00, 0x1c, 0x20, 0x40, 0x20, 0x1c, 0x00, 0x00 }, /* 'v' */
    { 0x00, 0x3c, 0x40, 0x30, 0x40, 0x3c, 0x00, 0x00 }, /* 'w' */
    { 0x00, 0x44, 0x28, 0x10, 0x28, 0x44, 0x00, 0x00 }, /* 'x' */
    { 0x00, 0x0c, 0x50, 0x50, 0x50, 0x3c, 0x00, 0x00 }, /* 'y' */
    { 0x00, 0x44, 0x64, 0x54, 0x4c, 0x44, 0x00, 0x00 }, /* 'z' */
    { 0x00, 0x00, 0x08, 0x36, 0x41, 0x00, 0x00, 0x00 }, /* '{' */
    { 0x00, 0x00, 0x00, 0x7f, 0x00, 0x00, 0x00, 0x00 }, /* '|' */
    { 0x00, 0x00, 0x41, 0x36, 0x08, 0x00, 0x00, 0x00 }, /* '}' */
    { 0x00, 0x08, 0x04, 0x08, 0x10, 0x08, 0x00, 0x00 }, /* '~' */
    { 0x00, 0x7f, 0x41, 0x41, 0x41, 0x7f, 0x00, 0x00 }, /* DEL: a box */
};

/* ---- pixels ---- */

static void set_px(const fb_t *fb, int x, int y, uint32_t c) {
    uint8_t *b = fb->buf;
    switch (fb->format) {
        case FMT_MONO_VLSB: {
            uint8_t *p = &b[(y >> 3) * fb->stride + x];
            *p = (uint8_t)((*p & ~(1u << (y & 7))) | ((c & 1) << (y & 7)));
            break;
        }
        case FMT_MONO_HLSB: case FMT_MONO_HMSB: {
            int i = x + y * fb->stride;
            int bit = fb->format == FMT_MONO_HLSB ? 7 - (i & 7) : (i & 7);
            uint8_t *p = &b[i >> 3];
            *p = (uint8_t)((*p & ~(1u << bit)) | ((c & 1) << bit));
            break;
        }
        case FMT_RGB565: {
            uint8_t *p = &b[(x + y * fb->stride) * 2];
            p[0] = (uint8_t)c;
            p[1] = (uint8_t)(c >> 8);
            break;
        }
        case FMT_GS2_HMSB: {
            int i = x + y * fb->stride, sh = (i & 3) << 1;
            uint8_t *p = &b[i >> 2];
            *p = (uint8_t)((*p & ~(3u << sh)) | ((c & 3) << sh));
            break;
        }
        case FMT_GS4_HMSB: {
            int i = x + y * fb->stride, sh = (i & 1) ? 0 : 4;
            uint8_t *p = &b[i >> 1];
            *p = (uint8_t)((*p & ~(15u << sh)) | ((c & 15) << sh));
            break;
        }
        default:
            b[x + y * fb->stride] = (uint8_t)c;
            break;
    }
}

static uint32_t get_px(const fb_t *fb, int x, int y) {
    const uint8_t *b = fb->buf;
    switch (fb->format) {
        case FMT_MONO_VLSB:
            return (b[(y >> 3) * fb->stride + x] >> (y & 7)) & 1;
        case FMT_MONO_HLSB: case FMT_MONO_HMSB: {
            int i = x + y * fb->stride;
            return (b[i >> 3] >> (fb->format == FMT_MONO_HLSB ? 7 - (i & 7) : (i & 7))) & 1;
        }
        case FMT_RGB565: {
            const uint8_t *p = &b[(x + y * fb->stride) * 2];
            return (uint32_t)p[0] | ((uint32_t)p[1] << 8);
        }
        case FMT_GS2_HMSB: {
            int i = x + y * fb->stride;
            return (b[i >> 2] >> ((i & 3) << 1)) & 3;
        }
        case FMT_GS4_HMSB: {
            int i = x + y * fb->stride;
            return (b[i >> 1] >> ((i & 1) ? 0 : 4)) & 15;
        }
        default:
            return b[x + y * fb->stride];
    }
}

static inline bool inside(const fb_t *fb, int x, int y) {
    return x >= 0 && y >= 0 && x < fb->width && y < fb->height;
}

static void set_px_clip(const fb_t *fb, int x, int y, uint32_t c) {
    if (inside(fb, x, y)) {
        set_px(fb, x, y, c);
    }
}

/* Clipped; whole bytes at a time where the format allows. */
static void fill_rect(const fb_t *fb, int x, int y, int w, int h, uint32_t c) {
    if (w <= 0 || h <= 0 || x >= fb->width || y >= fb->height || x + w <= 0 || y + h <= 0) {
        return;
    }
    int x1 = x + w < fb->width ? x + w : fb->width, y1 = y + h < fb->height ? y + h : fb->height;
    x = x < 0 ? 0 : x;
    y = y < 0 ? 0 : y;
    if (fb->format == FMT_GS8) {
        for (int j = y; j < y1; j++) {
            memset(fb->buf + j * fb->stride + x, (int)(c & 0xff), (size_t)(x1 - x));
        }
        return;
    }
    if (fb->format == FMT_MONO_VLSB) {
        /* a byte per column per 8-row page: one masked write per column per page */
        for (int page = y >> 3; page <= (y1 - 1) >> 3; page++) {
            int top = page * 8 > y ? 0 : y - page * 8, bottom = y1 - page * 8 >= 8 ? 8 : y1 - page * 8;
            uint8_t mask = (uint8_t)(((1u << bottom) - 1) & ~((1u << top) - 1));
            uint8_t *p = fb->buf + page * fb->stride;
            for (int i = x; i < x1; i++) {
                p[i] = (uint8_t)((c & 1) ? (p[i] | mask) : (p[i] & ~mask));
            }
        }
        return;
    }
    for (int j = y; j < y1; j++) {
        for (int i = x; i < x1; i++) {
            set_px(fb, i, j, c);
        }
    }
}

/* ---- construction ---- */

static void get_buf(obj_t o, buffer_info_t *info, int flags) {
    const type_t *t = obj_get_type(o);
    if (t->buffer == NULL || t->buffer(o, info, flags) != 0) {
        rt_raise_type_error("object with buffer protocol required");
    }
}

static void fb_setup(fb_t *fb, obj_t buf, obj_t width, obj_t height, obj_t format, obj_t stride, int flags) {
    buffer_info_t info;
    get_buf(buf, &info, flags);
    intptr_t w = obj_get_int(width), h = obj_get_int(height), f = obj_get_int(format);
    intptr_t s = stride == OBJ_NULL || stride == OBJ_NONE ? w : obj_get_int(stride);
    if (w < 1 || h < 1 || w > 0xffff || h > 0xffff || s < w || s > 0xffff) {
        rt_raise_value_error("invalid framebuffer dimensions");
    }
    intptr_t rows = h, bpp = 1;
    switch (f) {
        case FMT_MONO_VLSB: rows = (h + 7) & ~7; break;
        case FMT_MONO_HLSB: case FMT_MONO_HMSB: s = (s + 7) & ~7; break;
        case FMT_GS2_HMSB: s = (s + 3) & ~3; bpp = 2; break;
        case FMT_GS4_HMSB: s = (s + 1) & ~1; bpp = 4; break;
        case FMT_GS8: bpp = 8; break;
        case FMT_RGB565: bpp = 16; break;
        default: rt_raise_value_error("invalid format");
    }
    if ((uint64_t)rows * (uint64_t)s * (uint64_t)bpp / 8 > info.len) {
        rt_raise_value_error("buffer too small");
    }
    fb->buf_obj = buf;
    fb->buf = info.buf;
    fb->width = (int)w;
    fb->height = (int)h;
    fb->stride = (int)s;
    fb->format = (int)f;
    fb->need = (size_t)((uint64_t)rows * (uint64_t)s * (uint64_t)bpp / 8);
}

/* FrameBuffer(buffer, width, height, format[, stride]) checks its arguments at once.  A Python
 * subclass's instance is made first with no arguments (objtype.c does that for native bases that
 * have __init__), unset until __init__ -- FrameBuffer's own, or super().__init__(...) from the
 * subclass's -- sets it up; methods called on one left unset raise TypeError. */
static obj_t fb_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    fb_t *fb = m_new_obj(fb_t);
    fb->base.type = type;
    if (type != &framebuf_type && n_args == 0 && n_kw == 0) {
        return fb;
    }
    if (n_kw != 0 || n_args < 4 || n_args > 5) {
        rt_raise_type_error("FrameBuffer() needs (buffer, width, height, format[, stride])");
    }
    fb_setup(fb, args[0], args[1], args[2], args[3], n_args == 5 ? args[4] : OBJ_NULL, BUFFER_WRITE);
    return fb;
}

static fb_t *get_fb(obj_t o) {
    if (!obj_isinstance(o, &framebuf_type)) {
        rt_raise_type_error("descriptor requires a 'FrameBuffer' object but received a '%q'", obj_type_name(o));
    }
    fb_t *fb = OBJ_TO_PTR(o);
    if (fb->buf_obj == OBJ_NULL) {
        rt_raise_type_error("FrameBuffer() needs (buffer, width, height, format[, stride])");
    }
    buffer_info_t info;
    get_buf(fb->buf_obj, &info, BUFFER_WRITE);
    if (info.len < fb->need) {
        rt_raise_value_error("buffer too small");
    }
    fb->buf = info.buf;
    return fb;
}

static obj_t fb_init(size_t n_args, const obj_t *args) {
    if (!obj_isinstance(args[0], &framebuf_type)) {
        get_fb(args[0]); /* raises the TypeError */
    }
    fb_t *fb = OBJ_TO_PTR(args[0]);
    fb_setup(fb, args[1], args[2], args[3], args[4], n_args == 6 ? args[5] : OBJ_NULL, BUFFER_WRITE);
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(fb_init_obj, 5, 6, fb_init);

static int fb_buffer(obj_t self, buffer_info_t *info, int flags) {
    fb_t *fb = OBJ_TO_PTR(self);
    if (fb->buf_obj == OBJ_NULL) {
        return 1;
    }
    const type_t *t = obj_get_type(fb->buf_obj);
    return t->buffer(fb->buf_obj, info, flags);
}

/* ---- drawing methods ---- */

static int arg_int(obj_t o) {
    intptr_t v = obj_get_int(o);
    return v < -0x10000 ? -0x10000 : v > 0x10000 ? 0x10000 : (int)v;
}

static uint32_t arg_colour(obj_t o) {
    return (uint32_t)obj_get_int(o);
}

static obj_t fb_fill(obj_t self, obj_t c) {
    fb_t *fb = get_fb(self);
    fill_rect(fb, 0, 0, fb->width, fb->height, arg_colour(c));
    return OBJ_NONE;
}
static FUN_DEFINE_2(fb_fill_obj, fb_fill);

static obj_t fb_fill_rect(size_t n_args, const obj_t *args) {
    (void)n_args;
    fill_rect(get_fb(args[0]), arg_int(args[1]), arg_int(args[2]), arg_int(args[3]), arg_int(args[4]),
              arg_colour(args[5]));
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(fb_fill_rect_obj, 6, 6, fb_fill_rect);

static obj_t fb_pixel(size_t n_args, const obj_t *args) {
    fb_t *fb = get_fb(args[0]);
    int x = arg_int(args[1]), y = arg_int(args[2]);
    if (!inside(fb, x, y)) {
        return OBJ_NONE;
    }
    if (n_args == 3) {
        return obj_new_int_from_ull(get_px(fb, x, y));
    }
    set_px(fb, x, y, arg_colour(args[3]));
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(fb_pixel_obj, 3, 4, fb_pixel);

static obj_t fb_hline(size_t n_args, const obj_t *args) {
    (void)n_args;
    fill_rect(get_fb(args[0]), arg_int(args[1]), arg_int(args[2]), arg_int(args[3]), 1, arg_colour(args[4]));
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(fb_hline_obj, 5, 5, fb_hline);

static obj_t fb_vline(size_t n_args, const obj_t *args) {
    (void)n_args;
    fill_rect(get_fb(args[0]), arg_int(args[1]), arg_int(args[2]), 1, arg_int(args[3]), arg_colour(args[4]));
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(fb_vline_obj, 5, 5, fb_vline);

static obj_t fb_rect(size_t n_args, const obj_t *args) {
    fb_t *fb = get_fb(args[0]);
    int x = arg_int(args[1]), y = arg_int(args[2]), w = arg_int(args[3]), h = arg_int(args[4]);
    uint32_t c = arg_colour(args[5]);
    if (n_args > 6 && obj_is_true(args[6])) {
        fill_rect(fb, x, y, w, h, c);
    } else if (w > 0 && h > 0) {
        fill_rect(fb, x, y, w, 1, c);
        fill_rect(fb, x, y + h - 1, w, 1, c);
        fill_rect(fb, x, y, 1, h, c);
        fill_rect(fb, x + w - 1, y, 1, h, c);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(fb_rect_obj, 6, 7, fb_rect);

/* Bresenham's line stepping along the major axis, both ends included (MicroPython's pixel choice). */
static void draw_line(const fb_t *fb, int x0, int y0, int x1, int y1, uint32_t c) {
    int dx = x1 - x0, dy = y1 - y0, sx = 1, sy = 1;
    if (dx < 0) {
        dx = -dx;
        sx = -1;
    }
    if (dy < 0) {
        dy = -dy;
        sy = -1;
    }
    bool steep = dy > dx;
    int *major = steep ? &y0 : &x0, *minor = steep ? &x0 : &y0;
    int dmaj = steep ? dy : dx, dmin = steep ? dx : dy, smaj = steep ? sy : sx, smin = steep ? sx : sy;
    int e = 2 * dmin - dmaj;
    for (int i = 0; i < dmaj; i++) {
        set_px_clip(fb, x0, y0, c);
        while (e >= 0) {
            *minor += smin;
            e -= 2 * dmaj;
        }
        *major += smaj;
        e += 2 * dmin;
    }
    set_px_clip(fb, x1, y1, c);
}

static obj_t fb_line(size_t n_args, const obj_t *args) {
    (void)n_args;
    draw_line(get_fb(args[0]), arg_int(args[1]), arg_int(args[2]), arg_int(args[3]), arg_int(args[4]),
              arg_colour(args[5]));
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(fb_line_obj, 6, 6, fb_line);

/* Quadrant bits of ellipse()'s mask: 1 upper right, 2 upper left, 4 lower left, 8 lower right. */
static void ellipse_points(const fb_t *fb, int cx, int cy, int x, int y, uint32_t c, bool fill, int mask) {
    if (fill) {
        if (mask & 1) { fill_rect(fb, cx, cy - y, x + 1, 1, c); }
        if (mask & 2) { fill_rect(fb, cx - x, cy - y, x + 1, 1, c); }
        if (mask & 4) { fill_rect(fb, cx - x, cy + y, x + 1, 1, c); }
        if (mask & 8) { fill_rect(fb, cx, cy + y, x + 1, 1, c); }
    } else {
        if (mask & 1) { set_px_clip(fb, cx + x, cy - y, c); }
        if (mask & 2) { set_px_clip(fb, cx - x, cy - y, c); }
        if (mask & 4) { set_px_clip(fb, cx - x, cy + y, c); }
        if (mask & 8) { set_px_clip(fb, cx + x, cy + y, c); }
    }
}

/* The midpoint ellipse in two arcs (where the slope is steeper than -1, then shallower), in integers. */
static obj_t fb_ellipse(size_t n_args, const obj_t *args) {
    fb_t *fb = get_fb(args[0]);
    int cx = arg_int(args[1]), cy = arg_int(args[2]), xr = arg_int(args[3]), yr = arg_int(args[4]);
    uint32_t c = arg_colour(args[5]);
    bool fill = n_args > 6 && obj_is_true(args[6]);
    int mask = n_args > 7 ? (int)(obj_get_int(args[7]) & 15) : 15;
    if (xr < 0 || yr < 0) {
        return OBJ_NONE;
    }
    if (xr == 0 && yr == 0) {
        ellipse_points(fb, cx, cy, 0, 0, c, fill, mask);
        return OBJ_NONE;
    }
    long long a2 = (long long)xr * xr, b2 = (long long)yr * yr;
    long long x = xr, y = 0;
    long long xchange = b2 * (1 - 2 * (long long)xr), ychange = a2, err = 0;
    long long stopx = 2 * b2 * xr, stopy = 0;
    while (stopx >= stopy) {
        ellipse_points(fb, cx, cy, (int)x, (int)y, c, fill, mask);
        y++;
        stopy += 2 * a2;
        err += ychange;
        ychange += 2 * a2;
        if (2 * err + xchange > 0) {
            x--;
            stopx -= 2 * b2;
            err += xchange;
            xchange += 2 * b2;
        }
    }
    x = 0;
    y = yr;
    xchange = b2;
    ychange = a2 * (1 - 2 * (long long)yr);
    err = 0;
    stopx = 0;
    stopy = 2 * a2 * yr;
    while (stopx <= stopy) {
        ellipse_points(fb, cx, cy, (int)x, (int)y, c, fill, mask);
        x++;
        stopx += 2 * b2;
        err += xchange;
        xchange += 2 * b2;
        if (2 * err + ychange > 0) {
            y--;
            stopy -= 2 * a2;
            err += ychange;
            ychange += 2 * a2;
        }
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(fb_ellipse_obj, 6, 8, fb_ellipse);

/* poly()'s coordinates: array('h') (any int16 buffer), or a list or tuple of ints. */
typedef struct {
    const int16_t *h;
    obj_t *items;
    size_t n;
} coords_t;

static void get_coords(obj_t o, coords_t *cs) {
    cs->h = NULL;
    cs->items = NULL;
    if (obj_is_type(o, &type_list) || obj_is_type(o, &type_tuple)) {
        obj_get_array(o, &cs->n, &cs->items);
    } else {
        buffer_info_t info;
        get_buf(o, &info, BUFFER_READ);
        cs->h = info.buf;
        cs->n = info.len / 2;
    }
    if (cs->n < 2 || (cs->n & 1)) {
        rt_raise_value_error("poly needs at least one (x, y) pair");
    }
    cs->n /= 2;
}

static void coord(const coords_t *cs, size_t i, int *x, int *y) {
    i %= cs->n;
    if (cs->h != NULL) {
        int16_t v[2];
        memcpy(v, cs->h + 2 * i, sizeof v);
        *x = v[0];
        *y = v[1];
    } else {
        *x = arg_int(cs->items[2 * i]);
        *y = arg_int(cs->items[2 * i + 1]);
    }
}

/* Even-odd scanline fill: on each row, spans between pairs of edge crossings (an edge counts for
 * rows from its top end up to, not including, its bottom end, so shared vertices count once). */
static void poly_fill(const fb_t *fb, const coords_t *cs, int ox, int oy, uint32_t c) {
    int ymin = 0x10000, ymax = -0x10000;
    for (size_t i = 0; i < cs->n; i++) {
        int x, y;
        coord(cs, i, &x, &y);
        ymin = y < ymin ? y : ymin;
        ymax = y > ymax ? y : ymax;
    }
    ymin = ymin + oy < 0 ? -oy : ymin;
    ymax = ymax + oy >= fb->height ? fb->height - 1 - oy : ymax;
    for (int row = ymin; row <= ymax; row++) {
        int xs[32];
        size_t n = 0;
        for (size_t i = 0; i < cs->n && n < 32; i++) {
            int x0, y0, x1, y1;
            coord(cs, i, &x0, &y0);
            coord(cs, i + 1, &x1, &y1);
            if ((y0 <= row && row < y1) || (y1 <= row && row < y0)) {
                /* the crossing rounded to the nearest pixel */
                long long num = (long long)(row - y0) * (x1 - x0) * 2 + (y1 - y0);
                long long den = 2LL * (y1 - y0);
                long long q = num / den - ((num % den != 0) && ((num < 0) != (den < 0)));
                int xc = x0 + (int)q;
                size_t k = n++;
                for (; k > 0 && xs[k - 1] > xc; k--) {
                    xs[k] = xs[k - 1];
                }
                xs[k] = xc;
            }
        }
        for (size_t k = 0; k + 1 < n; k += 2) {
            fill_rect(fb, ox + xs[k], oy + row, xs[k + 1] - xs[k] + 1, 1, c);
        }
    }
}

static obj_t fb_poly(size_t n_args, const obj_t *args) {
    fb_t *fb = get_fb(args[0]);
    int ox = arg_int(args[1]), oy = arg_int(args[2]);
    coords_t cs;
    get_coords(args[3], &cs);
    uint32_t c = arg_colour(args[4]);
    if (n_args > 5 && obj_is_true(args[5])) {
        poly_fill(fb, &cs, ox, oy, c);
    }
    for (size_t i = 0; i < cs.n; i++) {
        int x0, y0, x1, y1;
        coord(&cs, i, &x0, &y0);
        coord(&cs, i + 1, &x1, &y1);
        draw_line(fb, ox + x0, oy + y0, ox + x1, oy + y1, c);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(fb_poly_obj, 5, 6, fb_poly);

static obj_t fb_text(size_t n_args, const obj_t *args) {
    fb_t *fb = get_fb(args[0]);
    size_t len;
    if (!obj_is_str_or_subclass(args[1])) {
        rt_raise_type_error("can't convert '%q' object to str implicitly", obj_type_name(args[1]));
    }
    const char *s = obj_str_get_data(args[1], &len);
    int x = arg_int(args[2]), y = arg_int(args[3]);
    uint32_t c = n_args > 4 ? arg_colour(args[4]) : 1;
    for (size_t i = 0; i < len; i++, x += 8) {
        unsigned ch = (uint8_t)s[i];
        if ((ch & 0xc0) == 0x80) {
            x -= 8; /* a UTF-8 continuation byte: the character was drawn at its lead byte */
            continue;
        }
        if (ch < 32 || ch > 127) {
            ch = 127;
        }
        if (x >= fb->width) {
            break;
        }
        if (x <= -8) {
            continue;
        }
        const uint8_t *glyph = framebuf_font[ch - 32];
        for (int col = 0; col < 8; col++) {
            for (int bits = glyph[col], row = 0; bits; bits >>= 1, row++) {
                if (bits & 1) {
                    set_px_clip(fb, x + col, y + row, c);
                }
            }
        }
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(fb_text_obj, 4, 5, fb_text);

/* Moves the contents by (dx, dy); the area uncovered keeps its old pixels, as on MicroPython. */
static obj_t fb_scroll(obj_t self, obj_t xstep_in, obj_t ystep_in) {
    fb_t *fb = get_fb(self);
    int dx = arg_int(xstep_in), dy = arg_int(ystep_in);
    int x0 = dx < 0 ? 0 : fb->width - 1, x1 = dx < 0 ? fb->width + dx : dx - 1, sx = dx < 0 ? 1 : -1;
    int y0 = dy < 0 ? 0 : fb->height - 1, y1 = dy < 0 ? fb->height + dy : dy - 1, sy = dy < 0 ? 1 : -1;
    if ((sx > 0 ? x1 <= x0 : x1 >= x0) || (sy > 0 ? y1 <= y0 : y1 >= y0)) {
        return OBJ_NONE;
    }
    for (int y = y0; y != y1; y += sy) {
        for (int x = x0; x != x1; x += sx) {
            set_px(fb, x, y, get_px(fb, x - dx, y - dy));
        }
    }
    return OBJ_NONE;
}
static FUN_DEFINE_3(fb_scroll_obj, fb_scroll);

/* blit's source: a FrameBuffer, or (buffer, width, height, format[, stride]) set up on the C stack. */
static const fb_t *blit_source(obj_t o, fb_t *tmp) {
    if (obj_isinstance(o, &framebuf_type)) {
        return get_fb(o);
    }
    if (!obj_is_type(o, &type_tuple)) {
        rt_raise_type_error("blit source must be a FrameBuffer or a tuple");
    }
    size_t n;
    obj_t *items;
    obj_get_array(o, &n, &items);
    if (n != 4 && n != 5) {
        rt_raise_value_error("blit source tuple needs 4 or 5 items");
    }
    memset(tmp, 0, sizeof *tmp);
    fb_setup(tmp, items[0], items[1], items[2], items[3], n == 5 ? items[4] : OBJ_NULL, BUFFER_READ);
    return tmp;
}

static obj_t fb_blit(size_t n_args, const obj_t *args) {
    fb_t *fb = get_fb(args[0]);
    fb_t src_tmp, pal_tmp;
    const fb_t *src = blit_source(args[1], &src_tmp);
    int x = arg_int(args[2]), y = arg_int(args[3]);
    intptr_t key = n_args > 4 ? obj_get_int(args[4]) : -1;
    const fb_t *pal = n_args > 5 && args[5] != OBJ_NONE ? blit_source(args[5], &pal_tmp) : NULL;
    int x0 = x < 0 ? -x : 0, y0 = y < 0 ? -y : 0;
    int x1 = fb->width - x < src->width ? fb->width - x : src->width;
    int y1 = fb->height - y < src->height ? fb->height - y : src->height;
    for (int j = y0; j < y1; j++) {
        for (int i = x0; i < x1; i++) {
            uint32_t c = get_px(src, i, j);
            if (pal != NULL && c < (uint32_t)pal->width) {
                c = get_px(pal, (int)c, 0);
            }
            if ((intptr_t)c != key) {
                set_px(fb, x + i, y + j, c);
            }
        }
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(fb_blit_obj, 4, 6, fb_blit);

static const map_elem_t fb_locals_table[] = {
    { QOBJ(__init__), OBJ_ROM(&fb_init_obj) },
    { QOBJ(fill), OBJ_ROM(&fb_fill_obj) },
    { QOBJ(fill_rect), OBJ_ROM(&fb_fill_rect_obj) },
    { QOBJ(pixel), OBJ_ROM(&fb_pixel_obj) },
    { QOBJ(hline), OBJ_ROM(&fb_hline_obj) },
    { QOBJ(vline), OBJ_ROM(&fb_vline_obj) },
    { QOBJ(rect), OBJ_ROM(&fb_rect_obj) },
    { QOBJ(line), OBJ_ROM(&fb_line_obj) },
    { QOBJ(ellipse), OBJ_ROM(&fb_ellipse_obj) },
    { QOBJ(poly), OBJ_ROM(&fb_poly_obj) },
    { QOBJ(text), OBJ_ROM(&fb_text_obj) },
    { QOBJ(scroll), OBJ_ROM(&fb_scroll_obj) },
    { QOBJ(blit), OBJ_ROM(&fb_blit_obj) },
};
static const DICT_ROM(fb_locals, fb_locals_table);

const type_t framebuf_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_INIT_SETS_UP,
    .name = Q_FrameBuffer,
    .make_new = fb_make_new,
    .buffer = fb_buffer,
    .locals_dict = (dict_t *)&fb_locals,
};

static const map_elem_t framebuf_globals_table[] = {
    { QOBJ(__name__), QOBJ(framebuf) },
    { QOBJ(FrameBuffer), OBJ_ROM(&framebuf_type) },
    { QOBJ(MONO_VLSB), OBJ_NEW_SMALL_INT(FMT_MONO_VLSB) },
    { QOBJ(MVLSB), OBJ_NEW_SMALL_INT(FMT_MONO_VLSB) },
    { QOBJ(MONO_HLSB), OBJ_NEW_SMALL_INT(FMT_MONO_HLSB) },
    { QOBJ(MONO_HMSB), OBJ_NEW_SMALL_INT(FMT_MONO_HMSB) },
    { QOBJ(RGB565), OBJ_NEW_SMALL_INT(FMT_RGB565) },
    { QOBJ(GS2_HMSB), OBJ_NEW_SMALL_INT(FMT_GS2_HMSB) },
    { QOBJ(GS4_HMSB), OBJ_NEW_SMALL_INT(FMT_GS4_HMSB) },
    { QOBJ(GS8), OBJ_NEW_SMALL_INT(FMT_GS8) },
};
static const DICT_ROM(framebuf_globals, framebuf_globals_table);

MODULE_ROM(module_framebuf, framebuf_globals);
REGISTER_MODULE(framebuf, module_framebuf);
