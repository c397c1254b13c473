/* modrandom.c: the random module (MicroPython's set: getrandbits, seed, randrange, randint, choice,
 * random, uniform).  The generator is xoshiro128++: 16 bytes of state, a few cycles per 32 bits,
 * good statistical quality; not CPython's Mersenne Twister, so sequences differ from CPython's
 * but are reproducible after seed().  The state is plain data (no objects), seeded from the
 * port's clocks on first use. */
#include "port.h"
#include "runtime.h"

static uint32_t rng_state[4];
static bool rng_seeded;

static inline uint32_t rotl(uint32_t x, int k) {
    return (x << k) | (x >> (32 - k));
}

/* splitmix64 spreads one 64-bit seed over the whole state, so similar seeds give unrelated streams. */
static void rng_seed(uint64_t s) {
    for (int i = 0; i < 4; i += 2) {
        uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        z ^= z >> 31;
        rng_state[i] = (uint32_t)z;
        rng_state[i + 1] = (uint32_t)(z >> 32);
    }
    rng_seeded = true;
}

static uint32_t rng_next(void) {
    if (!rng_seeded) {
        rng_seed(port_time_ns() ^ (port_ticks_us() << 20));
    }
    uint32_t *s = rng_state;
    uint32_t result = rotl(s[0] + s[3], 7) + s[0];
    uint32_t t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
}

static uint64_t rng_bits64(int k) {   /* 0 < k <= 64 */
    uint64_t v = ((uint64_t)rng_next() << 32) | rng_next();
    return v >> (64 - k);
}

/* A uniform integer in [0, n), n > 0: rejection sampling on the bit length, so no modulo bias. */
static uint64_t rng_below(uint64_t n) {
    int k = 64 - __builtin_clzll(n | 1);
    if ((n & (n - 1)) == 0) {
        k--;   /* a power of two needs one bit fewer */
        if (k == 0) {
            return 0;
        }
    }
    uint64_t r;
    do {
        r = rng_bits64(k);
    } while (r >= n);
    return r;
}

static obj_t random_getrandbits(obj_t k_in) {
    intptr_t k = obj_get_int(k_in);
    if (k < 0) {
        rt_raise_value_error("number of bits must be non-negative");
    }
    if (k <= 64) {
        return obj_new_int_from_ull(k == 0 ? 0 : rng_bits64((int)k));
    }
    /* wider: 32-bit chunks assembled most significant first */
    obj_t r = obj_new_int_from_ull(rng_bits64((int)(k % 32 == 0 ? 32 : k % 32)));
    for (k -= k % 32 == 0 ? 32 : k % 32; k > 0; k -= 32) {
        r = int_binary_op(BINARY_OP_LSHIFT, r, OBJ_NEW_SMALL_INT(32));
        r = int_binary_op(BINARY_OP_OR, r, obj_new_int_from_ull(rng_next()));
    }
    return r;
}
static FUN_DEFINE_1(random_getrandbits_obj, random_getrandbits);

static obj_t random_seed(size_t n_args, const obj_t *args) {
    if (n_args == 0 || args[0] == OBJ_NONE) {
        rng_seed(port_time_ns() ^ (port_ticks_us() << 20));
    } else if (obj_is_int(args[0])) {
        intptr_t v;
        /* a big seed folds to its low 64 bits: still deterministic */
        rng_seed(obj_get_int_maybe(args[0], &v) ? (uint64_t)v
                 : (uint64_t)obj_get_ll(int_binary_op(BINARY_OP_AND, args[0],
                                                      obj_new_int_from_ull(0x7fffffffffffffffULL))));
    } else {
        rng_seed((uint64_t)OBJ_SMALL_INT_VALUE(obj_hash(args[0])));
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(random_seed_obj, 0, 1, random_seed);

static long long rng_range(long long start, long long stop, long long step) {
    unsigned long long n;
    if (step > 0 && stop > start) {
        n = ((unsigned long long)(stop - start) + (unsigned long long)step - 1) / (unsigned long long)step;
    } else if (step < 0 && stop < start) {
        n = ((unsigned long long)(start - stop) - (unsigned long long)step - 1) / (unsigned long long)-step;
    } else {
        rt_raise_value_error("empty range for randrange()");
    }
    return start + step * (long long)rng_below(n);
}

static obj_t random_randrange(size_t n_args, const obj_t *args) {
    long long start = 0, stop, step = 1;
    if (n_args == 1) {
        stop = obj_get_ll(args[0]);
    } else {
        start = obj_get_ll(args[0]);
        stop = obj_get_ll(args[1]);
        if (n_args == 3) {
            step = obj_get_ll(args[2]);
            if (step == 0) {
                rt_raise_value_error("zero step for randrange()");
            }
        }
    }
    return obj_new_int_from_ll(rng_range(start, stop, step));
}
static FUN_DEFINE_VAR(random_randrange_obj, 1, 3, random_randrange);

static obj_t random_randint(obj_t a, obj_t b) {
    long long lo = obj_get_ll(a), hi = obj_get_ll(b);
    if (hi < lo) {
        rt_raise_value_error("empty range for randrange()");
    }
    return obj_new_int_from_ll(lo + (long long)rng_below((unsigned long long)(hi - lo) + 1));
}
static FUN_DEFINE_2(random_randint_obj, random_randint);

static obj_t random_choice(obj_t seq) {
    size_t n = obj_len(seq);
    if (n == 0) {
        rt_raise_index_error("Cannot choose from an empty sequence");
    }
    return rt_subscr_load(seq, obj_new_int((intptr_t)rng_below(n)));
}
static FUN_DEFINE_1(random_choice_obj, random_choice);

#if CONFIG_FLOAT
/* A float in [0, 1) with every bit of the mantissa random. */
static float_val_t rng_float(void) {
#if CONFIG_FLOAT == 2
    return (float_val_t)(rng_next() >> 8) * (1.0f / 16777216.0f);
#else
    return (float_val_t)rng_bits64(53) * (1.0 / 9007199254740992.0);
#endif
}

static obj_t random_random(void) {
    return obj_new_float(rng_float());
}
static FUN_DEFINE_0(random_random_obj, random_random);

static obj_t random_uniform(obj_t a_in, obj_t b_in) {
    float_val_t a = obj_get_float(a_in), b = obj_get_float(b_in);
    return obj_new_float(a + (b - a) * rng_float());
}
static FUN_DEFINE_2(random_uniform_obj, random_uniform);
#endif

static const map_elem_t random_globals_table[] = {
    { QOBJ(__name__), QOBJ(random) },
    { QOBJ(getrandbits), OBJ_ROM(&random_getrandbits_obj) },
    { QOBJ(seed), OBJ_ROM(&random_seed_obj) },
    { QOBJ(randrange), OBJ_ROM(&random_randrange_obj) },
    { QOBJ(randint), OBJ_ROM(&random_randint_obj) },
    { QOBJ(choice), OBJ_ROM(&random_choice_obj) },
#if CONFIG_FLOAT
    { QOBJ(random), OBJ_ROM(&random_random_obj) },
    { QOBJ(uniform), OBJ_ROM(&random_uniform_obj) },
#endif
};
static const DICT_ROM(random_globals, random_globals_table);

MODULE_ROM(module_random, random_globals);
REGISTER_MODULE(random, module_random);
