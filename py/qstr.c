/* qstr.c: interned strings (see qstr.h).  Static qstrs come from the generated table in flash;
 * dynamic ones live in pools on the GC heap.  One open-addressing hash index over every qstr makes
 * interning O(1).  All dynamic data hangs off STATE(qstr_pools) so the GC keeps it. */
#include <string.h>
#include "gc.h"
#include "qstr.h"
#include "runtime.h"
#include "state.h"

typedef struct {
    uint32_t hash;
    uint32_t len;
    const char *str;
} qstr_entry_t;

static const qstr_entry_t static_qstrs[] = {
#define QDEF(id, hash, len, str) { (uint32_t)(hash), len, str },
#include "genhdr/qstrdefs.gen.h"
#undef QDEF
};

#define CHUNK_BYTES (512)
#define FIRST_POOL_SIZE (32)
#define POOL_STEP (32)          /* pools grow linearly: doubling wastes half of a small heap */

typedef struct qstr_pool {
    struct qstr_pool *prev;
    size_t base;              /* qstr id of entries[0] */
    size_t len, alloc;
    qstr_entry_t entries[];
} qstr_pool_t;

/* What STATE(qstr_pools) points at. */
typedef struct {
    qstr_pool_t *last;
    uint16_t *index;          /* qstr ids; 0 marks an empty slot (Q_NULL is never indexed) */
    size_t index_mask;
    size_t count;             /* all qstrs, static ones included */
    char *chunk;              /* bump allocator for short strings' bytes */
    size_t chunk_used, chunk_alloc;
} qstr_table_t;

#define TABLE ((qstr_table_t *)STATE(qstr_pools))

uint32_t qstr_compute_hash(const char *s, size_t len) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h = (h ^ (uint8_t)s[i]) * 16777619u;
    }
    return h ? h : 1;
}

static const qstr_entry_t *entry_of(qstr q) {
    if (q < Q__static_count) {
        return &static_qstrs[q];
    }
    qstr_pool_t *pool = TABLE->last;
    while (q < pool->base) {
        pool = pool->prev;
    }
    return &pool->entries[q - pool->base];
}

static void index_insert(uint16_t *index, size_t mask, qstr q, uint32_t hash) {
    size_t i = hash & mask;
    while (index[i] != 0) {
        i = (i + 1) & mask;
    }
    index[i] = q;
}

/* The RAM index holds only the dynamic qstrs (the static ones are found by binary search in
 * flash: gen_qstr.py sorts them by their bytes); it is kept at most 3/4 full. */
static void index_grow(void) {
    qstr_table_t *t = TABLE;
    size_t size = 32;
    while (size * 3 < (t->count - Q__static_count) * 4 + 4) {
        size *= 2;
    }
    uint16_t *index = m_new(uint16_t, size);
    for (size_t q = Q__static_count; q < t->count; q++) {
        index_insert(index, size - 1, (qstr)q, entry_of((qstr)q)->hash);
    }
    t->index = index;
    t->index_mask = size - 1;
}

void qstr_init(void) {
    STATE(qstr_pools) = m_new_obj(qstr_table_t);
    TABLE->count = Q__static_count;
    index_grow();
}

static int compare(const qstr_entry_t *e, const char *s, size_t len) {
    int c = memcmp(e->str, s, e->len < len ? e->len : len);
    return c != 0 ? c : (e->len > len) - (e->len < len);
}

static qstr find_static(const char *s, size_t len) {
    size_t lo = 1, hi = Q__static_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = compare(&static_qstrs[mid], s, len);
        if (c == 0) {
            return (qstr)mid;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return QSTR_NULL;
}

static qstr find(const char *s, size_t len, uint32_t hash) {
    qstr q = find_static(s, len);
    if (q != QSTR_NULL) {
        return q;
    }
    qstr_table_t *t = TABLE;
    for (size_t i = hash & t->index_mask; t->index[i] != 0; i = (i + 1) & t->index_mask) {
        const qstr_entry_t *e = entry_of(t->index[i]);
        if (e->hash == hash && e->len == len && memcmp(e->str, s, len) == 0) {
            return t->index[i];
        }
    }
    return QSTR_NULL;
}

qstr qstr_find_strn(const char *s, size_t len) {
    return find(s, len, qstr_compute_hash(s, len));
}

static const char *store_bytes(const char *s, size_t len) {
    qstr_table_t *t = TABLE;
    char *dst;
    if (len + 1 > CHUNK_BYTES / 4) {
        dst = m_new(char, len + 1);
    } else {
        if (t->chunk == NULL || t->chunk_used + len + 1 > t->chunk_alloc) {
            t->chunk = m_new(char, CHUNK_BYTES);
            t->chunk_alloc = CHUNK_BYTES;
            t->chunk_used = 0;
        }
        dst = t->chunk + t->chunk_used;
        t->chunk_used += len + 1;
    }
    memcpy(dst, s, len);
    dst[len] = 0;
    return dst;
}

qstr qstr_from_strn(const char *s, size_t len) {
    uint32_t hash = qstr_compute_hash(s, len);
    qstr q = find(s, len, hash);
    if (q != QSTR_NULL) {
        return q;
    }
    qstr_table_t *t = TABLE;
    if (t->count >= 0xffff) {
        rt_raise_msg(&type_RuntimeError, "too many interned strings");
    }
    const char *data = store_bytes(s, len);
    qstr_pool_t *pool = t->last;
    if (pool == NULL || pool->len == pool->alloc) {
        size_t alloc = pool == NULL ? FIRST_POOL_SIZE : pool->alloc + POOL_STEP;
        qstr_pool_t *p = m_new_obj_var(qstr_pool_t, qstr_entry_t, alloc);
        p->prev = pool;
        p->base = t->count;
        p->alloc = alloc;
        t->last = p;
        pool = p;
    }
    q = (qstr)t->count;
    pool->entries[pool->len++] = (qstr_entry_t){ hash, (uint32_t)len, data };
    t->count++;
    if ((t->count - Q__static_count) * 4 > (t->index_mask + 1) * 3) {
        index_grow();
    } else {
        index_insert(t->index, t->index_mask, q, hash);
    }
    return q;
}

qstr qstr_from_str(const char *s) {
    return qstr_from_strn(s, strlen(s));
}

const char *qstr_str(qstr q) {
    return entry_of(q)->str;
}

const char *qstr_data(qstr q, size_t *len) {
    const qstr_entry_t *e = entry_of(q);
    *len = e->len;
    return e->str;
}

size_t qstr_len(qstr q) {
    return entry_of(q)->len;
}

uint32_t qstr_hash(qstr q) {
    return entry_of(q)->hash;
}

size_t qstr_count(void) {
    return TABLE->count;
}
