/* map.c: the insertion-ordered hash map under dicts, module globals, instance attributes and type
 * dicts (layout in obj.h).  Up to LINEAR_MAX entries a map is scanned linearly; beyond that a hash
 * index of 8/16/32-bit entry numbers sits beside the entry array, probed linearly from a Fibonacci
 * hash of the key (so keys with equal low bits still spread).  Deleted entries keep their slot
 * (key OBJ_NULL) until the table is rebuilt, so the index never needs tombstones.
 *
 * Memory: the entry array grows by half (so the old and new arrays fit in a small heap), in place
 * when the blocks after it are free, and the index is dropped before the array grows. */
#include <string.h>
#include "gc.h"
#include "runtime.h"

#define LINEAR_MAX (8)

/* ---- keys ---- */

static bool str_equals_qstr(obj_t s, obj_t q) {
    const str_t *str = (const str_t *)s;
    if (str->hash != 0 && str->hash != qstr_hash(OBJ_QSTR_VALUE(q))) {
        return false;
    }
    size_t len;
    const char *data = qstr_data(OBJ_QSTR_VALUE(q), &len);
    return str->len == len && memcmp(str->data, data, len) == 0;
}

/* Key equality with the cheap cases first: identical, interned vs interned, small ints. */
static bool key_equal(obj_t a, obj_t b) {
    if (a == b) {
        return true;
    }
    bool a_imm = !OBJ_IS_PTR(a), b_imm = !OBJ_IS_PTR(b);
    if (a_imm && b_imm) {
        return false;     /* two different immediates (qstrs and small ints are canonical) */
    }
    if (OBJ_IS_QSTR(a) && obj_is_type(b, &type_str)) {
        return str_equals_qstr(b, a);
    }
    if (OBJ_IS_QSTR(b) && obj_is_type(a, &type_str)) {
        return str_equals_qstr(a, b);
    }
    if ((a_imm || b_imm) && (obj_get_type(a_imm ? b : a)->flags & TYPE_FLAG_EQ_BY_IDENTITY)) {
        return false;     /* e.g. None never equals a name or a number */
    }
    return obj_equal(a, b);
}

/* obj_hash(k) cut to 32 bits, with the common key types inlined.  Every path must give what
 * obj_hash gives, so that equal keys of different types (1, 1.0, True; a str and its qstr) meet. */

static uint32_t key_hash(obj_t k) {
    if (OBJ_IS_QSTR(k)) {
        return qstr_hash(OBJ_QSTR_VALUE(k));
    }
    if (OBJ_IS_SMALL_INT(k)) {
        return (uint32_t)small_int_hash(OBJ_SMALL_INT_VALUE(k));
    }
    if (obj_is_type(k, &type_str)) {
        /* the same hash as the qstr of equal text, cached in the string */
        str_t *s = (str_t *)k;
        if (s->hash == 0) {
            s->hash = qstr_compute_hash(s->data, s->len);
        }
        return s->hash;
    }
    return (uint32_t)OBJ_SMALL_INT_VALUE(obj_hash(k));
}

/* ---- the hash index ----
 * Slots hold entry number + 1 (0 = empty), in the narrowest width that fits the table. */

/* log2 of the index slots for a table of alloc entries: at least 16 slots, at most 2/3 full. */
static unsigned index_bits(size_t alloc) {
    size_t need = (alloc * 3 + 1) / 2 - 1;
    unsigned k = 4;
    while (need >> k) {
        k++;
    }
    return k;
}

static inline size_t index_slots(size_t alloc) {
    return (size_t)1 << index_bits(alloc);
}

static size_t index_width(size_t alloc) {
    return alloc < 0xff ? 1 : alloc < 0xffff ? 2 : 4;
}

/* First probe: the top bits of a Fibonacci hash, so keys differing only in high bits spread too. */
static inline size_t index_start(uint32_t hash, unsigned bits) {
    return (size_t)((uint32_t)(hash * 2654435769u) >> (32 - bits));
}

static inline size_t index_get(const map_t *map, size_t i) {
    if (map->alloc < 0xff) {
        return ((const uint8_t *)map->index)[i];
    } else if (map->alloc < 0xffff) {
        return ((const uint16_t *)map->index)[i];
    }
    return ((const uint32_t *)map->index)[i];
}

static void index_put(map_t *map, size_t i, size_t v) {
    if (map->alloc < 0xff) {
        ((uint8_t *)map->index)[i] = (uint8_t)v;
    } else if (map->alloc < 0xffff) {
        ((uint16_t *)map->index)[i] = (uint16_t)v;
    } else {
        ((uint32_t *)map->index)[i] = (uint32_t)v;
    }
}

static void index_add(map_t *map, size_t entry, uint32_t hash) {
    unsigned bits = index_bits(map->alloc);
    size_t mask = ((size_t)1 << bits) - 1;
    size_t i = index_start(hash, bits);
    while (index_get(map, i) != 0) {
        i = (i + 1) & mask;
    }
    index_put(map, i, entry + 1);
}

/* Give a map of more than LINEAR_MAX entries its index (it has none while this runs, so an
 * allocation failure leaves a map that is merely searched linearly). */
static void index_build(map_t *map) {
    if (map->alloc <= LINEAR_MAX) {
        return;
    }
    void *index = m_malloc(index_slots(map->alloc) * index_width(map->alloc));
    map->index = index;
    for (size_t i = 0; i < map->used; i++) {
        if (map->table[i].key != OBJ_NULL) {
            index_add(map, i, key_hash(map->table[i].key));
        }
    }
}

/* ---- table management ---- */

static void check_mutable(const map_t *map) {
    if (map->is_fixed) {
        rt_raise_type_error("'dict' object is read-only");
    }
}

/* Fill map with the live entries of from[0..used) in a new table of alloc entries, and index it. */
static void fill(map_t *map, const map_elem_t *from, size_t used, size_t alloc) {
    map_elem_t *table = m_new(map_elem_t, alloc);
    size_t n = 0;
    for (size_t i = 0; i < used; i++) {
        if (from[i].key != OBJ_NULL) {
            table[n++] = from[i];
        }
    }
    map->is_fixed = 0;
    map->table = table;
    map->alloc = (uint32_t)alloc;
    map->used = (uint32_t)n;
    map->len = (uint32_t)n;
    map->index = NULL;
    index_build(map);
}

/* Squeeze out deleted entries and resize the table to alloc entries (>= len). */
static void rebuild(map_t *map, size_t alloc) {
    m_free(map->index);
    map->index = NULL;
    map_elem_t *t = map->table;
    size_t n = 0;
    for (size_t i = 0; i < map->used; i++) {
        if (t[i].key != OBJ_NULL) {
            t[n++] = t[i];
        }
    }
    memset(t + n, 0, (map->used - n) * sizeof(map_elem_t));  /* drop stale references */
    map->used = (uint32_t)n;
    if (alloc != map->alloc) {
        map->table = m_renew(map_elem_t, t, alloc);
        map->alloc = (uint32_t)alloc;
    }
    index_build(map);
}

static size_t grown(size_t alloc) {
    return alloc < 4 ? 4 : alloc < 16 ? alloc * 2 : alloc + alloc / 2;
}

void map_init(map_t *map, size_t n) {
    memset(map, 0, sizeof(*map));
    if (n > 0) {
        fill(map, NULL, 0, n);
    }
}

void map_clear(map_t *map) {
    check_mutable(map);
    m_free(map->table);
    m_free(map->index);
    memset(map, 0, sizeof(*map));
}

void map_copy(map_t *dest, const map_t *src) {
    fill(dest, src->table, src->used, src->len < 4 ? 4 : src->len);
}

/* ---- lookup ---- */

static map_elem_t removed;

static map_elem_t *find(map_t *map, obj_t key, uint32_t *hash_out) {
    if (map->index == NULL) {
        /* One pass: identity is the common case (interned names); an immediate key (a name, a
         * small int) can equal only an object key non-identically, and no two keys of a map are
         * equal, so the first match is the match. */
        bool imm = !OBJ_IS_PTR(key);
        for (map_elem_t *p = map->table, *end = p + map->used; p < end; p++) {
            obj_t k = p->key;
            if (k == key) {
                return p;
            }
            if ((OBJ_IS_PTR(k) || (!imm && k != OBJ_NULL)) && key_equal(key, k)) {
                return p;
            }
        }
        return NULL;
    }
    uint32_t hash = key_hash(key);
    *hash_out = hash;
    unsigned bits = index_bits(map->alloc);
    size_t mask = ((size_t)1 << bits) - 1;
    for (size_t i = index_start(hash, bits);; i = (i + 1) & mask) {
        size_t slot = index_get(map, i);
        if (slot == 0) {
            return NULL;
        }
        obj_t k = map->table[slot - 1].key;
        if (k == key || ((OBJ_IS_PTR(k) || OBJ_IS_PTR(key)) && k != OBJ_NULL && key_equal(key, k))) {
            return &map->table[slot - 1];
        }
    }
}

map_elem_t *map_lookup(map_t *map, obj_t key, map_lookup_kind_t kind) {
    uint32_t hash = 0;
    map_elem_t *e = find(map, key, &hash);
    if (kind == MAP_LOOKUP) {
        return e;
    }
    if (kind == MAP_LOOKUP_REMOVE_IF_FOUND) {
        if (e == NULL) {
            return NULL;
        }
        check_mutable(map);
        removed = *e;
        e->key = OBJ_NULL;
        e->value = OBJ_NULL;
        map->len--;
        return &removed;
    }
    check_mutable(map);   /* even for a key present: the caller stores into the entry (vfs helper) */
    if (e != NULL) {
        return e;
    }
    if (map->used == map->alloc) {
        bool had_index = map->index != NULL;
        if (map->alloc == 0) {
            fill(map, NULL, 0, 4);
        } else {
            /* grow when mostly live, else just squeeze out the deleted entries */
            rebuild(map, (size_t)map->len * 4 > (size_t)map->alloc * 3 ? grown(map->alloc) : map->alloc);
        }
        if (map->index != NULL && !had_index) {
            hash = key_hash(key);
        }
    }
    size_t n = map->used++;
    map->len++;
    e = &map->table[n];
    e->key = key;
    e->value = OBJ_NULL;
    if (map->index != NULL) {
        index_add(map, n, hash);
    }
    return e;
}

obj_t map_get_qstr(const map_t *map, qstr key) {
    map_elem_t *e = find((map_t *)map, OBJ_NEW_QSTR(key), &(uint32_t){0});
    return e != NULL ? e->value : OBJ_NULL;
}

map_elem_t *map_next(const map_t *map, size_t *cursor) {
    for (size_t i = *cursor; i < map->used; i++) {
        if (map->table[i].key != OBJ_NULL) {
            *cursor = i + 1;
            return &map->table[i];
        }
    }
    *cursor = map->used;
    return NULL;
}
