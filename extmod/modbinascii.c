/* modbinascii.c: the binascii module: hexlify/unhexlify, base64 (a2b_base64, b2a_base64) and
 * crc32, with CPython's results and error messages.  binascii.Error is a ValueError subclass, as
 * in CPython.  Results are built straight into a new bytes object: one allocation per call. */
#include <string.h>
#include "objstr.h"
#include "runtime.h"

/* binascii.Error: a copy of ValueError's type with its own name and ValueError as parent, made on
 * first import (the exception slots are private to objexcept.c, so they can't be named in a
 * const initialiser). */
static type_t binascii_error_type;

static obj_t binascii_init(obj_t module) {
    (void)module;
    binascii_error_type = type_ValueError;
    binascii_error_type.name = Q_Error;
    binascii_error_type.parent = &type_ValueError;
    return OBJ_NONE;
}
static FUN_DEFINE_1(binascii_init_obj, binascii_init);

static RT_NORETURN void binascii_error(const char *msg) {
    rt_raise_msg(&binascii_error_type, "%s", msg);
}

/* A new bytes object of len bytes for the caller to fill. */
static obj_t new_bytes(size_t len, uint8_t **out) {
    obj_t b = obj_new_bytes(NULL, len);
    *out = (uint8_t *)((str_t *)OBJ_TO_PTR(b))->data;
    return b;
}

/* Text arguments of the a2b functions: bytes-like, or a str of ASCII characters. */
static const uint8_t *ascii_arg(obj_t o, size_t *len) {
    if (obj_is_str(o)) {
        const char *s = obj_str_get_data(o, len);
        for (size_t i = 0; i < *len; i++) {
            if ((uint8_t)s[i] >= 0x80) {
                rt_raise_value_error("string argument should contain only ASCII characters");
            }
        }
        return (const uint8_t *)s;
    }
    return (const uint8_t *)str_bytes_data(o, len);
}

static const char hex_digits[] = "0123456789abcdef";

/* hexlify(data[, sep[, bytes_per_sep]]): sep goes between groups of bytes_per_sep bytes, counted
 * from the right (from the left when negative), as bytes.hex does. */
static obj_t binascii_hexlify(size_t n_args, const obj_t *args) {
    size_t len;
    const uint8_t *d = (const uint8_t *)str_bytes_data(args[0], &len);
    uint8_t sep = 0;
    intptr_t per = 1;
    if (n_args > 1 && args[1] != OBJ_NONE) {
        size_t sl;
        const char *s = obj_is_str(args[1]) ? obj_str_get_data(args[1], &sl) : str_bytes_data(args[1], &sl);
        if (sl != 1) {
            rt_raise_value_error("sep must be length 1.");
        }
        sep = (uint8_t)s[0];
        if (n_args > 2) {
            per = obj_get_int(args[2]);
        }
    }
    size_t group = (size_t)(per < 0 ? -per : per);
    size_t n_seps = (sep && len && group) ? (len - 1) / group : 0;
    uint8_t *out;
    obj_t res = new_bytes(2 * len + n_seps, &out);
    for (size_t i = 0; i < len; i++) {
        if (n_seps && i > 0) {
            size_t pos = per < 0 ? i : len - i;   /* bytes on the counted side of this boundary */
            if (pos % group == 0) {
                *out++ = sep;
            }
        }
        *out++ = (uint8_t)hex_digits[d[i] >> 4];
        *out++ = (uint8_t)hex_digits[d[i] & 15];
    }
    return res;
}
static FUN_DEFINE_VAR(binascii_hexlify_obj, 1, 3, binascii_hexlify);

static int hex_value(uint8_t c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static obj_t binascii_unhexlify(obj_t data) {
    size_t len;
    const uint8_t *d = ascii_arg(data, &len);
    if (len & 1) {
        binascii_error("Odd-length string");
    }
    uint8_t *out;
    obj_t res = new_bytes(len / 2, &out);
    for (size_t i = 0; i < len; i += 2) {
        int hi = hex_value(d[i]), lo = hex_value(d[i + 1]);
        if (hi < 0 || lo < 0) {
            binascii_error("Non-hexadecimal digit found");
        }
        *out++ = (uint8_t)(hi << 4 | lo);
    }
    return res;
}
static FUN_DEFINE_1(binascii_unhexlify_obj, binascii_unhexlify);

static const char b64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_value(uint8_t c) {
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* CPython's non-strict decoder: characters outside the alphabet are skipped, and a complete pad
 * sequence ends the input. */
static obj_t binascii_a2b_base64(obj_t data) {
    size_t len;
    const uint8_t *d = ascii_arg(data, &len);
    uint8_t *start;
    obj_t res = new_bytes(len / 4 * 3 + 3, &start);
    uint8_t *out = start;
    unsigned quad = 0, pads = 0, left = 0;
    for (size_t i = 0; i < len; i++) {
        if (d[i] == '=') {
            if (quad >= 2 && quad + ++pads >= 4) {
                quad = 0;
                break;
            }
            continue;
        }
        int v = b64_value(d[i]);
        if (v < 0) {
            continue;
        }
        pads = 0;
        switch (quad) {
            case 0: left = (unsigned)v; break;
            case 1: *out++ = (uint8_t)(left << 2 | (unsigned)v >> 4); left = (unsigned)v & 15; break;
            case 2: *out++ = (uint8_t)(left << 4 | (unsigned)v >> 2); left = (unsigned)v & 3; break;
            default: *out++ = (uint8_t)(left << 6 | (unsigned)v); break;
        }
        quad = (quad + 1) & 3;
    }
    if (quad == 1) {
        rt_raise_msg(&binascii_error_type, "Invalid base64-encoded string: number of data characters "
                     "(%u) cannot be 1 more than a multiple of 4", (unsigned)((out - start) / 3 * 4 + 1));
    }
    if (quad != 0) {
        binascii_error("Incorrect padding");
    }
    str_t *s = OBJ_TO_PTR(res);
    s->len = s->n_chars = (uint32_t)(out - start);   /* shrink in place: the block stays the same */
    *out = 0;
    return res;
}
static FUN_DEFINE_1(binascii_a2b_base64_obj, binascii_a2b_base64);

static obj_t binascii_b2a_base64(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t spec[] = { { Q_data, ARG_REQUIRED, OBJ_NULL }, { Q_newline, ARG_KW_ONLY, OBJ_TRUE } };
    obj_t a[2];
    arg_parse(n_args, n_kw, args, spec, 2, a, "b2a_base64");
    size_t len;
    const uint8_t *d = (const uint8_t *)str_bytes_data(a[0], &len);
    bool nl = obj_is_true(a[1]);
    uint8_t *out;
    obj_t res = new_bytes((len + 2) / 3 * 4 + nl, &out);
    for (size_t i = 0; i < len; i += 3) {
        uint32_t v = (uint32_t)d[i] << 16;
        if (i + 1 < len) {
            v |= (uint32_t)d[i + 1] << 8;
        }
        if (i + 2 < len) {
            v |= d[i + 2];
        }
        *out++ = (uint8_t)b64_alphabet[v >> 18];
        *out++ = (uint8_t)b64_alphabet[(v >> 12) & 63];
        *out++ = i + 1 < len ? (uint8_t)b64_alphabet[(v >> 6) & 63] : '=';
        *out++ = i + 2 < len ? (uint8_t)b64_alphabet[v & 63] : '=';
    }
    if (nl) {
        *out = '\n';
    }
    return res;
}
static FUN_DEFINE_KW(binascii_b2a_base64_obj, 1, binascii_b2a_base64);

/* CRC-32 (IEEE 802.3, reflected) a nibble at a time: a 64-byte table instead of 1 KB. */
static const uint32_t crc_nibble[16] = {
    0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
    0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c, 0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
};

static obj_t binascii_crc32(size_t n_args, const obj_t *args) {
    size_t len;
    const uint8_t *d = (const uint8_t *)str_bytes_data(args[0], &len);
    uint32_t crc = 0;
    if (n_args > 1) {
        /* any int: only its low 32 bits matter */
        crc = (uint32_t)obj_get_ll(int_binary_op(BINARY_OP_AND, int_index(args[1]), obj_new_int_from_ull(0xffffffffu)));
    }
    crc = ~crc;
    for (size_t i = 0; i < len; i++) {
        crc ^= d[i];
        crc = (crc >> 4) ^ crc_nibble[crc & 15];
        crc = (crc >> 4) ^ crc_nibble[crc & 15];
    }
    return obj_new_int_from_ull(~crc);
}
static FUN_DEFINE_VAR(binascii_crc32_obj, 1, 2, binascii_crc32);

static const map_elem_t binascii_globals_table[] = {
    { QOBJ(__name__), QOBJ(binascii) },
    { QOBJ(__init__), OBJ_ROM(&binascii_init_obj) },
    { QOBJ(Error), OBJ_ROM(&binascii_error_type) },
    { QOBJ(hexlify), OBJ_ROM(&binascii_hexlify_obj) },
    { QOBJ(unhexlify), OBJ_ROM(&binascii_unhexlify_obj) },
    { QOBJ(a2b_base64), OBJ_ROM(&binascii_a2b_base64_obj) },
    { QOBJ(b2a_base64), OBJ_ROM(&binascii_b2a_base64_obj) },
    { QOBJ(crc32), OBJ_ROM(&binascii_crc32_obj) },
};
static const DICT_ROM(binascii_globals, binascii_globals_table);

MODULE_ROM(module_binascii, binascii_globals);
REGISTER_MODULE(binascii, module_binascii);
