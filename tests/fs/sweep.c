/* sweep.c: the flash file system's heavy tests at C speed, built and run by
 * tests/harness/fs_sweep.py: extmod/flashfs.c over extmod/bdev_ram.c (and bdev_hal.c over a RAM
 * chip), with no interpreter.  1. A power cut after every write of a 300-operation random workload
 * (creates, rewrites, appends, overwrites, renames, deletes, mkdir/rmdir; the cut write torn in
 * half): after each cut the remounted tree must be the state before or after the interrupted
 * operation.  2. Wear: 20000 rewrites of a small file on 64 sectors, erase counts per sector.
 * 3. The same file system through hal_flash_* (the ESP8266 port's device). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "flashfs.h"
#include "hal.h"

void *m_realloc(void *ptr, size_t n) {   /* flashfs grows a writer's sector table with gc.h */
    return realloc(ptr, n);
}

/* ---- a RAM device that counts writes and can lose power ---- */
typedef struct {
    bdev_ram_t ram;
    bdev_t dev;
    long writes, cut;   /* cut > 0: write number cut lands half, later ones not at all */
    long erases[256];
} cutdev_t;

static int alive(cutdev_t *c) {
    c->writes++;
    return c->cut <= 0 || c->writes < c->cut ? 2 : c->writes == c->cut ? 1 : 0;
}
static int c_read(bdev_t *d, uint32_t b, uint32_t o, void *buf, uint32_t n) {
    cutdev_t *c = (cutdev_t *)((char *)d - offsetof(cutdev_t, dev));
    return c->ram.dev.read(&c->ram.dev, b, o, buf, n);
}
static int c_prog(bdev_t *d, uint32_t b, uint32_t o, const void *buf, uint32_t n) {
    cutdev_t *c = (cutdev_t *)((char *)d - offsetof(cutdev_t, dev));
    const uint8_t *p = c->ram.mem + (size_t)b * d->block_size + o, *q = buf;
    int a = alive(c);
    for (uint32_t i = 0; a > 0 && i < n; i++) {   /* after a cut the erases before were lost too */
        if ((p[i] & q[i]) != q[i]) {
            printf("NOR violation: sector %u offset %u\n", (unsigned)b, (unsigned)(o + i));
            exit(1);
        }
    }
    return a == 0 ? 0 : c->ram.dev.prog(&c->ram.dev, b, o, buf, a == 2 ? n : n / 2);
}
static int c_erase(bdev_t *d, uint32_t b) {
    cutdev_t *c = (cutdev_t *)((char *)d - offsetof(cutdev_t, dev));
    int a = alive(c);
    if (a == 2) {
        c->erases[b]++;
        return c->ram.dev.erase(&c->ram.dev, b);
    }
    if (a == 1) {
        memset(c->ram.mem + (size_t)b * d->block_size, 0xff, d->block_size / 2);
    }
    return 0;
}
static int c_sync(bdev_t *d) {
    (void)d;
    return 0;
}

static void cut_init(cutdev_t *c, uint8_t *mem, uint32_t bs, uint32_t n) {
    memset(c, 0, sizeof(*c));
    bdev_ram_init(&c->ram, mem, bs, n);
    c->dev = (bdev_t){ bs, n, c_read, c_prog, c_erase, c_sync };
}

/* ---- the state of a tree as a hash ---- */
static uint64_t mix(uint64_t h, const void *p, size_t n) {
    const uint8_t *b = p;
    while (n--) {
        h = (h ^ *b++) * 1099511628211ull;
    }
    return h;
}
static uint64_t tree_hash(flashfs_t *fs, uint32_t dir, const char *path) {
    char name[FLASHFS_NAME_MAX + 1];
    flashfs_stat_t st;
    uint32_t cursor = 0;
    uint64_t sum = 0;
    int r;
    while ((r = flashfs_readdir(fs, dir, &cursor, name, &st)) > 0) {
        char p[256];
        name[r - 1] = 0;
        snprintf(p, sizeof(p), "%s/%s", path, name);
        uint64_t h = mix(1469598103934665603ull, p, strlen(p));
        if (st.is_dir) {
            h = mix(h, "/", 1) ^ tree_hash(fs, st.id, p);
        } else {
            flashfs_file_t f;
            uint8_t buf[700];
            intptr_t n;
            if (flashfs_open(fs, &f, p, FLASHFS_RD) < 0) {
                return 1;
            }
            while ((n = flashfs_read(&f, buf, sizeof(buf))) > 0) {
                h = mix(h, buf, (size_t)n);
            }
            flashfs_close(&f);
            if (n < 0) {
                return 2;
            }
        }
        sum += h * 31 + 7;   /* order-independent: listing order may differ */
    }
    return r < 0 ? 3 : sum;
}

/* ---- the workload: op i of a seeded random sequence, ending at a sync point ---- */
static uint32_t rnd(uint32_t *s) {
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}
static void name_of(char out[40], uint32_t *s) {
    const char *dir = rnd(s) % 2 ? "/d/" : "/";   /* one call per statement: a fixed order */
    unsigned n = (unsigned)(rnd(s) % 6);
    snprintf(out, 40, "%sf%u", dir, n);
}
static void fill(uint8_t *buf, uint32_t n, uint32_t seed) {
    for (uint32_t i = 0; i < n; i++) {
        buf[i] = (uint8_t)(seed + i * 7 + (i >> 8));
    }
}
/* Step 2i creates op i's file if op i writes to a missing one (creating commits an empty file, a
 * state of its own); step 2i + 1 is op i. */
static void op(flashfs_t *fs, uint32_t i);
static void step(flashfs_t *fs, uint32_t j) {
    if (j % 2 == 1) {
        op(fs, j / 2);
        return;
    }
    uint32_t s = (j / 2) * 2654435761u + 1;
    char a[40];
    int kind = (int)(rnd(&s) % 8);
    name_of(a, &s);
    flashfs_file_t f;
    if (kind <= 2 && flashfs_open(fs, &f, a, FLASHFS_WR | FLASHFS_CREAT) == 0) {
        flashfs_close(&f);
    }
}

static void op(flashfs_t *fs, uint32_t i) {
    static uint8_t buf[9000];
    uint32_t s = i * 2654435761u + 1;
    char a[40], b[40];
    int kind = (int)(rnd(&s) % 8);
    name_of(a, &s);
    name_of(b, &s);
    uint32_t len = rnd(&s) % 3 == 0 ? 9000 : 300;
    len = rnd(&s) % len;
    fill(buf, len, i);
    flashfs_file_t f;
    switch (kind) {
        case 0: case 1:   /* rewrite */
            if (flashfs_open(fs, &f, a, FLASHFS_WR | FLASHFS_CREAT | FLASHFS_TRUNC) == 0) {
                flashfs_write(&f, buf, len);
                flashfs_close(&f);
            }
            break;
        case 2:   /* append */
            if (flashfs_open(fs, &f, a, FLASHFS_WR | FLASHFS_CREAT | FLASHFS_APPEND) == 0) {
                flashfs_write(&f, buf, len % 2000);
                flashfs_close(&f);
            }
            break;
        case 3: {   /* overwrite in the middle */
            uint32_t pos;
            if (flashfs_open(fs, &f, a, FLASHFS_RD | FLASHFS_WR) == 0) {
                flashfs_seek(&f, rnd(&s) % 3000, 0, &pos);
                flashfs_write(&f, buf, len % 3000);
                flashfs_close(&f);
            }
            break;
        }
        case 4:
            flashfs_rename(fs, a, b);
            break;
        case 5:
            flashfs_remove(fs, a, false);
            break;
        case 6:
            if (flashfs_mkdir(fs, "/d") == -EEXIST) {
                flashfs_remove(fs, "/d", true);   /* only when empty */
            }
            break;
        default:
            flashfs_mkdir(fs, "/d");
            break;
    }
}

#define OPS 300
#define STEPS (2 * OPS)
#define BS 4096
#define NBLK 48

static uint8_t mem[BS * 256];
static uint8_t bitmaps[64];

static void fresh(cutdev_t *c, flashfs_t *fs) {
    cut_init(c, mem, BS, NBLK);
    if (flashfs_format(&c->dev) < 0 || flashfs_mount(fs, &c->dev, bitmaps) < 0) {
        printf("format failed\n");
        exit(1);
    }
    c->writes = 0;
}

static void power_cut_sweep(void) {
    static uint64_t states[STEPS + 1];
    static long after[STEPS + 1];
    cutdev_t c;
    flashfs_t fs;
    fresh(&c, &fs);
    states[0] = tree_hash(&fs, 1, "");
    for (uint32_t i = 0; i < STEPS; i++) {
        step(&fs, i);
        after[i] = c.writes;
        states[i + 1] = tree_hash(&fs, 1, "");
    }
    long total = c.writes, lost = 0;
    for (long k = 1; k <= total; k++) {
        fresh(&c, &fs);
        c.cut = k;
        uint32_t at = 0;
        while (at < STEPS && after[at] < k) {
            step(&fs, at++);
        }
        if (at < STEPS) {
            step(&fs, at);   /* the interrupted step */
        }
        c.cut = 0;
        if (flashfs_mount(&fs, &c.dev, bitmaps) < 0) {
            printf("cut %ld: no file system\n", k);
            lost++;
            continue;
        }
        uint64_t h = tree_hash(&fs, 1, "");
        if (h != states[at] && (at == STEPS || h != states[at + 1])) {
            printf("cut %ld during step %u: neither the old nor the new state\n", k, (unsigned)at);
            lost++;
        }
    }
    printf("power cuts: %ld cut points tried (every write of %d operations), %ld lost\n", total, OPS, lost);
}

static void wear(void) {
    cutdev_t c;
    flashfs_t fs;
    cut_init(&c, mem, BS, 64);
    flashfs_format(&c.dev);
    flashfs_mount(&fs, &c.dev, bitmaps);
    flashfs_file_t f;
    char text[16];
    for (int i = 0; i < 20000; i++) {
        int n = snprintf(text, sizeof(text), "%d", i);
        flashfs_open(&fs, &f, "counter", FLASHFS_WR | FLASHFS_CREAT | FLASHFS_TRUNC);
        flashfs_write(&f, text, (size_t)n);
        flashfs_close(&f);
    }
    long max = 0, sum = 0;
    for (int b = 1; b < 64; b++) {
        max = c.erases[b] > max ? c.erases[b] : max;
        sum += c.erases[b];
    }
    printf("wear: 20000 rewrites on 64 sectors: %ld erases, max %ld, mean %.1f per sector\n",
           sum, max, (double)sum / 63);
}

/* ---- a RAM chip behind hal.h's flash functions, for bdev_hal.c ---- */
static uint8_t chip[64 * 4096];
bool hal_flash_read(uint32_t addr, uint8_t *buf, size_t len) {
    if (addr > sizeof(chip) || len > sizeof(chip) - addr) {
        return false;
    }
    memcpy(buf, chip + addr, len);
    return true;
}
bool hal_flash_write(uint32_t addr, const uint8_t *buf, size_t len) {
    if (addr > sizeof(chip) || len > sizeof(chip) - addr) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        chip[addr + i] &= buf[i];
    }
    return true;
}
bool hal_flash_erase(uint32_t sector) {
    if (sector >= sizeof(chip) / 4096) {
        return false;
    }
    memset(chip + sector * 4096, 0xff, 4096);
    return true;
}

static void hal_device(void) {
    bdev_hal_t d;
    flashfs_t fs;
    flashfs_file_t f;
    char buf[32] = { 0 };
    memset(chip, 0, sizeof(chip));    /* whatever the chip held: the file system erases what it uses */
    bdev_hal_init(&d, 16, 48);        /* sectors 16..63, as after a firmware */
    int r = flashfs_format(&d.dev);
    r = r < 0 ? r : flashfs_mount(&fs, &d.dev, bitmaps);
    r = r < 0 ? r : flashfs_open(&fs, &f, "hello", FLASHFS_WR | FLASHFS_CREAT);
    if (r == 0) {
        flashfs_write(&f, "through hal", 11);
        flashfs_close(&f);
        flashfs_mount(&fs, &d.dev, bitmaps);
        flashfs_open(&fs, &f, "hello", FLASHFS_RD);
        flashfs_read(&f, buf, sizeof(buf) - 1);
        flashfs_close(&f);
    }
    int untouched = 1;
    for (int i = 0; i < 16 * 4096; i++) {
        untouched &= chip[i] == 0;
    }
    printf("hal device: %s, sectors before the file system untouched: %s\n", r == 0 ? buf : "failed",
           untouched ? "yes" : "no");
}

int main(void) {
    power_cut_sweep();
    wear();
    hal_device();
    return 0;
}
