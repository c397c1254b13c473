/* modhashlib.c: the hashlib module: sha256, sha1 and md5 (FIPS 180-4, RFC 1321), with update,
 * digest, hexdigest and copy.  A hash object is fixed-size (state, a 64-byte block buffer and the
 * length), so hashing any amount of data costs constant memory.  digest() finishes a copy of the
 * state, so, as in CPython, more data can be added afterwards. */
#include <string.h>
#include "gc.h"
#include "objstr.h"
#include "runtime.h"

typedef struct hash_algo hash_algo_t;

typedef struct {
    obj_base_t base;
    const hash_algo_t *algo;
    uint64_t total;          /* bytes hashed so far */
    uint32_t h[8];
    uint8_t block[64];
} hash_t;

struct hash_algo {
    const type_t *type;
    void (*compress)(uint32_t *h, const uint8_t *block);
    uint32_t init[8];
    uint8_t digest_size;     /* bytes */
    bool big_endian;         /* the SHAs are big-endian, MD5 little-endian */
};

static inline uint32_t rol(uint32_t x, int n) {
    return (x << n) | (x >> (32 - n));
}
static inline uint32_t ror(uint32_t x, int n) {
    return (x >> n) | (x << (32 - n));
}
static inline uint32_t load_be(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static inline uint32_t load_le(const uint8_t *p) {
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* ---- SHA-256 (FIPS 180-4 section 6.2) ---- */

static const uint32_t sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static void sha256_compress(uint32_t *h, const uint8_t *block) {
    uint32_t w[16];   /* the message schedule as a 16-word ring */
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 64; t++) {
        if (t < 16) {
            w[t] = load_be(block + 4 * t);
        } else {
            uint32_t w15 = w[(t - 15) & 15], w2 = w[(t - 2) & 15];
            uint32_t s0 = ror(w15, 7) ^ ror(w15, 18) ^ (w15 >> 3);
            uint32_t s1 = ror(w2, 17) ^ ror(w2, 19) ^ (w2 >> 10);
            w[t & 15] += s0 + w[(t - 7) & 15] + s1;
        }
        uint32_t t1 = hh + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + sha256_k[t] + w[t & 15];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

/* ---- SHA-1 (FIPS 180-4 section 6.1) ---- */

static void sha1_compress(uint32_t *h, const uint8_t *block) {
    uint32_t w[16];
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int t = 0; t < 80; t++) {
        if (t < 16) {
            w[t] = load_be(block + 4 * t);
        } else {
            w[t & 15] = rol(w[(t - 3) & 15] ^ w[(t - 8) & 15] ^ w[(t - 14) & 15] ^ w[t & 15], 1);
        }
        uint32_t f, k;
        if (t < 20) {
            f = (b & c) | (~b & d), k = 0x5a827999;
        } else if (t < 40) {
            f = b ^ c ^ d, k = 0x6ed9eba1;
        } else if (t < 60) {
            f = (b & c) | (b & d) | (c & d), k = 0x8f1bbcdc;
        } else {
            f = b ^ c ^ d, k = 0xca62c1d6;
        }
        uint32_t tmp = rol(a, 5) + f + e + k + w[t & 15];
        e = d; d = c; c = rol(b, 30); b = a; a = tmp;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
}

/* ---- MD5 (RFC 1321) ---- */

static const uint8_t md5_shift[16] = { 7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21 };

/* The sine-derived constants of RFC 1321 section 3.4 (floor(abs(sin(i + 1)) * 2**32)). */
static const uint32_t md5_k[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

static void md5_compress(uint32_t *h, const uint8_t *block) {
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        switch (i >> 4) {
            case 0: f = (b & c) | (~b & d); g = i; break;
            case 1: f = (d & b) | (~d & c); g = (5 * i + 1) & 15; break;
            case 2: f = b ^ c ^ d; g = (3 * i + 5) & 15; break;
            default: f = c ^ (b | ~d); g = (7 * i) & 15; break;
        }
        f += a + md5_k[i] + load_le(block + 4 * g);
        a = d; d = c; c = b;
        b += rol(f, md5_shift[(i >> 4) * 4 + (i & 3)]);
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
}

/* ---- the shared object ---- */

static const type_t hashlib_sha256_type, hashlib_sha1_type, hashlib_md5_type;

static const hash_algo_t algo_sha256 = {
    &hashlib_sha256_type, sha256_compress,
    { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 },
    32, true,
};
static const hash_algo_t algo_sha1 = {
    &hashlib_sha1_type, sha1_compress, { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0 }, 20, true,
};
static const hash_algo_t algo_md5 = {
    &hashlib_md5_type, md5_compress, { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476 }, 16, false,
};

static hash_t *hash_self(obj_t self) {
    const type_t *t = obj_get_type(self);
    if (t != &hashlib_sha256_type && t != &hashlib_sha1_type && t != &hashlib_md5_type) {
        rt_raise_type_error("descriptor requires a hash object");
    }
    return OBJ_TO_PTR(self);
}

static void hash_feed(hash_t *s, const uint8_t *d, size_t len) {
    size_t used = (size_t)(s->total & 63);
    s->total += len;
    while (len > 0) {
        size_t n = 64 - used < len ? 64 - used : len;
        memcpy(s->block + used, d, n);
        used += n, d += n, len -= n;
        if (used == 64) {
            s->algo->compress(s->h, s->block);
            used = 0;
        }
    }
}

static obj_t hash_update(obj_t self, obj_t data) {
    hash_t *s = hash_self(self);
    if (obj_is_str(data)) {
        rt_raise_type_error("Strings must be encoded before hashing");
    }
    size_t len;
    const uint8_t *d = (const uint8_t *)str_bytes_data(data, &len);
    hash_feed(s, d, len);
    return OBJ_NONE;
}
static FUN_DEFINE_2(hash_update_obj, hash_update);

/* Pads a copy of the state (0x80, zeros, the bit length) and writes the digest to out. */
static size_t hash_final(hash_t *s, uint8_t *out) {
    hash_t fin = *s;
    const hash_algo_t *a = fin.algo;
    uint64_t bits = fin.total * 8;
    static const uint8_t pad[64] = { 0x80 };
    hash_feed(&fin, pad, 1 + ((119 - (fin.total & 63)) & 63));
    uint8_t len_bytes[8];
    for (int i = 0; i < 8; i++) {
        len_bytes[i] = (uint8_t)(bits >> (a->big_endian ? 56 - 8 * i : 8 * i));
    }
    hash_feed(&fin, len_bytes, 8);
    for (int i = 0; i < a->digest_size; i++) {
        uint32_t w = fin.h[i / 4];
        out[i] = (uint8_t)(a->big_endian ? w >> (24 - 8 * (i & 3)) : w >> (8 * (i & 3)));
    }
    return a->digest_size;
}

static obj_t hash_digest(obj_t self) {
    uint8_t out[32];
    size_t n = hash_final(hash_self(self), out);
    return obj_new_bytes(out, n);
}
static FUN_DEFINE_1(hash_digest_obj, hash_digest);

static obj_t hash_hexdigest(obj_t self) {
    uint8_t out[32];
    char hex[64];
    size_t n = hash_final(hash_self(self), out);
    for (size_t i = 0; i < n; i++) {
        hex[2 * i] = "0123456789abcdef"[out[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[out[i] & 15];
    }
    return obj_new_str(hex, 2 * n);
}
static FUN_DEFINE_1(hash_hexdigest_obj, hash_hexdigest);

static obj_t hash_copy(obj_t self) {
    hash_t *c = m_new_obj(hash_t);
    *c = *hash_self(self);
    return OBJ_FROM_PTR(c);
}
static FUN_DEFINE_1(hash_copy_obj, hash_copy);

static obj_t hash_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 0, 1, false);
    const hash_algo_t *a = type == &hashlib_sha256_type ? &algo_sha256
                           : type == &hashlib_sha1_type ? &algo_sha1 : &algo_md5;
    hash_t *s = m_new_obj(hash_t);
    s->base.type = type;
    s->algo = a;
    s->total = 0;
    memcpy(s->h, a->init, sizeof(s->h));
    if (n_args == 1) {
        hash_update(OBJ_FROM_PTR(s), args[0]);
    }
    return OBJ_FROM_PTR(s);
}

static void hash_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] != OBJ_NULL) {
        return;
    }
    hash_t *s = OBJ_TO_PTR(self);
    if (attr == Q_digest_size) {
        dest[0] = OBJ_NEW_SMALL_INT(s->algo->digest_size);
    } else if (attr == Q_block_size) {
        dest[0] = OBJ_NEW_SMALL_INT(64);
    } else if (attr == Q_name) {
        dest[0] = OBJ_NEW_QSTR(s->algo->type->name);
    }
}

static const map_elem_t hash_locals_table[] = {
    { QOBJ(update), OBJ_ROM(&hash_update_obj) },
    { QOBJ(digest), OBJ_ROM(&hash_digest_obj) },
    { QOBJ(hexdigest), OBJ_ROM(&hash_hexdigest_obj) },
    { QOBJ(copy), OBJ_ROM(&hash_copy_obj) },
};
static const DICT_ROM(hash_locals, hash_locals_table);

#define HASH_TYPE(tname) \
    static const type_t hashlib_##tname##_type = { \
        .base = { &type_type }, .name = Q_##tname, .make_new = hash_make_new, \
        .attr = hash_attr, .locals_dict = (dict_t *)&hash_locals, \
    }
HASH_TYPE(sha256);
HASH_TYPE(sha1);
HASH_TYPE(md5);

static const map_elem_t hashlib_globals_table[] = {
    { QOBJ(__name__), QOBJ(hashlib) },
    { QOBJ(sha256), OBJ_ROM(&hashlib_sha256_type) },
    { QOBJ(sha1), OBJ_ROM(&hashlib_sha1_type) },
    { QOBJ(md5), OBJ_ROM(&hashlib_md5_type) },
};
static const DICT_ROM(hashlib_globals, hashlib_globals_table);

MODULE_ROM(module_hashlib, hashlib_globals);
REGISTER_MODULE(hashlib, module_hashlib);
