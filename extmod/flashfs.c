/* flashfs.c: the power-cut-safe flash file system (see flashfs.h, and docs/flashfs.md for the
 * on-flash format and the commit protocol).  Copy-on-write at sector granularity: nothing that a
 * committed inode references is ever programmed or erased; a change writes new sectors, then a new
 * inode whose header (with its CRC) is programmed last, then marks the old inode dead.  Mount
 * rebuilds the free map from the live inodes, so sectors of an interrupted change are free again. */
#include "errcodes.h"
#include <string.h>
#include "gc.h"
#include "flashfs.h"

#define SB_MAGIC   (0x53466441u)   /* "AdFS" */
#define SB_VERSION (1u)
#define INO_FILE   (0x4c494641u)   /* "AFIL" */
#define INO_DIR    (0x52494441u)   /* "ADIR" */
#define ROOT_ID    (1u)
#define HDR_SIZE   (52u)
#define NAME_OFF   (52u)
#define INL_OFF    (128u)
#define CHUNK      (64u)

/* The inode header, little-endian words at offset 0 of an inode sector. */
typedef struct {
    uint32_t dead;          /* all ones while live; programmed to 0 when superseded or deleted */
    uint32_t magic;         /* INO_FILE or INO_DIR */
    uint32_t fsgen;
    uint32_t seq;
    uint32_t id;
    uint32_t parent;
    uint32_t size;
    uint32_t repl_block, repl_seq;   /* the version this one supersedes, finished at mount */
    uint32_t kill_block, kill_seq;   /* an inode a rename replaced, likewise */
    uint32_t name_len;
    uint32_t crc;           /* over bytes 4..48, the name and the sector table */
} ino_hdr_t;

typedef struct {
    uint32_t magic, version, block_size, block_count, fsgen, crc;
} superblock_t;

#define BS(fs) ((fs)->dev->block_size)
#define INL_CAP(bs) ((bs) / 2 - INL_OFF)
#define TAB_OFF(bs) ((bs) / 2)
#define MAX_BLOCKS(bs) ((bs) / 4)

/* ------------------------------------------------------------------ helpers */

static uint32_t crc32_update(uint32_t crc, const void *data, size_t len) {
    static const uint32_t tab[16] = {
        0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
        0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c, 0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
    };
    const uint8_t *p = data;
    crc = ~crc;
    while (len--) {
        crc ^= *p++;
        crc = (crc >> 4) ^ tab[crc & 15];
        crc = (crc >> 4) ^ tab[crc & 15];
    }
    return ~crc;
}

static uint32_t nblocks_for(uint32_t bs, uint32_t size) {
    return size <= INL_CAP(bs) ? 0 : (size - INL_CAP(bs) + bs - 1) / bs;
}

static bool bit(const uint8_t *map, uint32_t b) {
    return map[b >> 3] & (1u << (b & 7));
}

static void bit_set(uint8_t *map, uint32_t b, bool on) {
    if (on) {
        map[b >> 3] |= (uint8_t)(1u << (b & 7));
    } else {
        map[b >> 3] &= (uint8_t)~(1u << (b & 7));
    }
}

static int rd(flashfs_t *fs, uint32_t b, uint32_t off, void *buf, uint32_t len) {
    return fs->dev->read(fs->dev, b, off, buf, len);
}

static int pr(flashfs_t *fs, uint32_t b, uint32_t off, const void *buf, uint32_t len) {
    return len == 0 ? 0 : fs->dev->prog(fs->dev, b, off, buf, len);
}

static int sync_dev(flashfs_t *fs) {
    return fs->dev->sync != NULL ? fs->dev->sync(fs->dev) : 0;
}

static int table_entry(flashfs_t *fs, uint32_t ino, uint32_t k, uint32_t *s) {
    uint16_t v;
    int r = rd(fs, ino, TAB_OFF(BS(fs)) + 2 * k, &v, 2);
    *s = v;
    return r;
}

static int copy_range(flashfs_t *fs, uint32_t src, uint32_t dst, uint32_t off, uint32_t len) {
    uint8_t buf[CHUNK];
    while (len > 0) {
        uint32_t n = len < CHUNK ? len : CHUNK;
        int r = rd(fs, src, off, buf, n);
        if (r == 0) {
            r = pr(fs, dst, off, buf, n);
        }
        if (r < 0) {
            return r;
        }
        off += n;
        len -= n;
    }
    return 0;
}

/* ------------------------------------------------------------------ sectors */

/* A free sector, erased; the cursor walks round the device so erases spread over every free sector. */
static int alloc_block(flashfs_t *fs, uint32_t *out) {
    uint32_t count = fs->dev->block_count;
    if (fs->nfree == 0) {
        return -ENOSPC;
    }
    for (uint32_t i = 0; i < count; i++) {
        uint32_t b = fs->cursor;
        fs->cursor = b + 1 < count ? b + 1 : 1;
        if (b != 0 && !bit(fs->used, b)) {
            int r = fs->dev->erase(fs->dev, b);
            if (r < 0) {
                return r;
            }
            bit_set(fs->used, b, true);
            fs->nfree--;
            *out = b;
            return 0;
        }
    }
    return -ENOSPC;
}

static void release_block(flashfs_t *fs, uint32_t b) {
    if (b != 0 && b < fs->dev->block_count && bit(fs->used, b)) {
        bit_set(fs->used, b, false);
        bit_set(fs->inode, b, false);
        fs->nfree++;
    }
}

/* Reads the header of a live inode (one the inode map lists); -EIO if the flash no longer agrees. */
static int read_hdr(flashfs_t *fs, uint32_t b, ino_hdr_t *h) {
    int r = rd(fs, b, 0, h, sizeof(*h));
    if (r == 0 && ((h->magic != INO_FILE && h->magic != INO_DIR) || h->name_len > FLASHFS_NAME_MAX)) {
        r = -EIO;
    }
    return r;
}

/* Reads an inode header and checks it (magic, and CRC over header, name and table). */
static bool inode_valid(flashfs_t *fs, uint32_t b, ino_hdr_t *h) {
    uint32_t bs = BS(fs);
    if (rd(fs, b, 0, h, sizeof(*h)) < 0 || (h->magic != INO_FILE && h->magic != INO_DIR)
        || h->name_len > FLASHFS_NAME_MAX || nblocks_for(bs, h->size) > MAX_BLOCKS(bs)) {
        return false;
    }
    uint32_t crc = crc32_update(0, (const uint8_t *)h + 4, 44);
    uint8_t buf[CHUNK];
    if (rd(fs, b, NAME_OFF, buf, h->name_len) < 0) {
        return false;
    }
    crc = crc32_update(crc, buf, h->name_len);
    uint32_t left = 2 * nblocks_for(bs, h->size), off = TAB_OFF(bs);
    while (left > 0) {
        uint32_t n = left < CHUNK ? left : CHUNK;
        if (rd(fs, b, off, buf, n) < 0) {
            return false;
        }
        crc = crc32_update(crc, buf, n);
        off += n;
        left -= n;
    }
    return crc == h->crc;
}

/* Retires the inode at b by zeroing its whole header, not just the dead word: a later erase of the
 * sector that a power cut interrupts can set bits back to 1, but cannot plausibly rebuild a header
 * whose CRC matches, so a dead inode never comes back. */
static int kill_inode(flashfs_t *fs, uint32_t b) {
    static const uint8_t zeros[HDR_SIZE];
    int r = pr(fs, b, 0, zeros, HDR_SIZE);
    release_block(fs, b);
    bit_set(fs->inode, b, false);   /* at mount the used map is not built yet */
    return r;
}

/* Programs name and header into sector b (whose inline data and table are already there), in the
 * order that makes the header the commit point, then retires the inode it replaces. */
static int commit_inode(flashfs_t *fs, uint32_t b, ino_hdr_t *h, const char *name) {
    h->dead = FLASHFS_NONE;
    h->fsgen = fs->fsgen;
    h->seq = fs->next_seq++;
    int r = pr(fs, b, NAME_OFF, name, h->name_len);
    if (r < 0) {
        return r;
    }
    h->crc = 0;
    /* the CRC is computed over what the flash now holds, so a bad program cannot be committed */
    uint32_t crc = crc32_update(0, (const uint8_t *)h + 4, 44);
    crc = crc32_update(crc, name, h->name_len);
    uint8_t buf[CHUNK];
    uint32_t left = 2 * nblocks_for(BS(fs), h->size), off = TAB_OFF(BS(fs));
    while (left > 0) {
        uint32_t n = left < CHUNK ? left : CHUNK;
        if ((r = rd(fs, b, off, buf, n)) < 0) {
            return r;
        }
        crc = crc32_update(crc, buf, n);
        off += n;
        left -= n;
    }
    h->crc = crc;
    if ((r = sync_dev(fs)) < 0 || (r = pr(fs, b, 4, (const uint8_t *)h + 4, HDR_SIZE - 4)) < 0
        || (r = sync_dev(fs)) < 0) {
        return r;
    }
    bit_set(fs->inode, b, true);
    if (h->repl_block != FLASHFS_NONE && (r = kill_inode(fs, h->repl_block)) < 0) {
        return r;
    }
    if (h->kill_block != FLASHFS_NONE && (r = kill_inode(fs, h->kill_block)) < 0) {
        return r;
    }
    return 0;
}

/* Frees the data sectors of the inode at b (size bytes) that map (n entries) does not reuse. */
static int release_data(flashfs_t *fs, uint32_t b, uint32_t size, const uint16_t *map, uint32_t n) {
    uint32_t nb = nblocks_for(BS(fs), size);
    for (uint32_t k = 0; k < nb; k++) {
        uint32_t s;
        int r = table_entry(fs, b, k, &s);
        if (r < 0) {
            return r;
        }
        if (map == NULL || k >= n || map[k] != s) {
            release_block(fs, s);
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ format and mount */

size_t flashfs_bitmap_size(const bdev_t *dev) {
    return 2 * ((dev->block_count + 7) / 8);
}

static bool geometry_ok(const bdev_t *dev) {
    uint32_t bs = dev->block_size;
    return bs >= 512 && (bs & (bs - 1)) == 0 && dev->block_count >= 3 && dev->block_count <= 65535;
}

static bool superblock_read(bdev_t *dev, superblock_t *sb) {
    return dev->read(dev, 0, 0, sb, sizeof(*sb)) == 0 && sb->magic == SB_MAGIC
        && sb->crc == crc32_update(0, sb, offsetof(superblock_t, crc));
}

int flashfs_format(bdev_t *dev) {
    if (!geometry_ok(dev)) {
        return -EINVAL;
    }
    /* a new generation number hides every inode of earlier formats without erasing the device */
    flashfs_t tmp = { .dev = dev };
    superblock_t sb;
    uint32_t gen = superblock_read(dev, &sb) ? sb.fsgen : 0;
    for (uint32_t b = 1; b < dev->block_count; b++) {
        ino_hdr_t h;
        if (inode_valid(&tmp, b, &h) && h.fsgen > gen) {
            gen = h.fsgen;
        }
    }
    sb = (superblock_t){ SB_MAGIC, SB_VERSION, dev->block_size, dev->block_count, gen + 1, 0 };
    sb.crc = crc32_update(0, &sb, offsetof(superblock_t, crc));
    int r = dev->erase(dev, 0);
    if (r == 0) {
        r = dev->prog(dev, 0, 0, &sb, sizeof(sb));
    }
    if (r == 0 && dev->sync != NULL) {
        r = dev->sync(dev);
    }
    return r;
}

int flashfs_mount(flashfs_t *fs, bdev_t *dev, uint8_t *bitmaps) {
    superblock_t sb;
    if (!geometry_ok(dev)) {
        return -EINVAL;
    }
    if (!superblock_read(dev, &sb) || sb.version != SB_VERSION || sb.block_size != dev->block_size
        || sb.block_count != dev->block_count) {
        return -ENODEV;
    }
    uint32_t count = dev->block_count, bytes = (count + 7) / 8;
    memset(fs, 0, sizeof(*fs));
    fs->dev = dev;
    fs->used = bitmaps;
    fs->inode = bitmaps + bytes;
    fs->fsgen = sb.fsgen;
    memset(bitmaps, 0, 2 * bytes);
    uint32_t max_seq = 0, max_id = ROOT_ID;
    ino_hdr_t h;
    /* pass 1: live inodes of this format, and the highest numbers in use (a live inode's seq is
     * above those of every inode it references, so those are never reused while referenced) */
    for (uint32_t b = 1; b < count; b++) {
        if (inode_valid(fs, b, &h) && h.fsgen == fs->fsgen && h.dead == FLASHFS_NONE) {
            max_seq = h.seq > max_seq ? h.seq : max_seq;
            max_id = h.id > max_id ? h.id : max_id;
            bit_set(fs->inode, b, true);
        }
    }
    /* pass 2: finish commits a power cut interrupted (the superseded inode not yet marked dead) */
    for (uint32_t b = 1; b < count; b++) {
        if (!bit(fs->inode, b) || rd(fs, b, 0, &h, sizeof(h)) < 0) {
            continue;
        }
        uint32_t targets[2][2] = { { h.repl_block, h.repl_seq }, { h.kill_block, h.kill_seq } };
        for (int i = 0; i < 2; i++) {
            ino_hdr_t old;
            uint32_t t = targets[i][0];
            if (t > 0 && t < count && bit(fs->inode, t) && rd(fs, t, 0, &old, sizeof(old)) == 0
                && old.seq == targets[i][1]) {
                int r = kill_inode(fs, t);
                if (r < 0) {
                    return r;
                }
            }
        }
    }
    /* pass 3: the free map is everything no live inode references */
    bit_set(fs->used, 0, true);
    for (uint32_t b = 1; b < count; b++) {
        if (!bit(fs->inode, b) || rd(fs, b, 0, &h, sizeof(h)) < 0) {
            continue;
        }
        bit_set(fs->used, b, true);
        uint32_t nb = nblocks_for(dev->block_size, h.size);
        for (uint32_t k = 0; k < nb; k++) {
            uint32_t s;
            if (table_entry(fs, b, k, &s) == 0 && s > 0 && s < count) {
                bit_set(fs->used, s, true);
            }
        }
    }
    for (uint32_t b = 0; b < count; b++) {
        fs->nfree += !bit(fs->used, b);
    }
    fs->next_seq = max_seq + 1;
    fs->next_id = max_id + 1;
    fs->cursor = 1 + (uint32_t)((fs->next_seq * 2654435761u) % (count - 1));
    return 0;
}

int flashfs_sync(flashfs_t *fs) {
    int ret = 0;
    while (fs->files != NULL) {   /* a flush unlinks the file (an abort too, on error) */
        int r = flashfs_flush(fs->files);
        ret = ret < 0 ? ret : r;
    }
    return ret;
}

int flashfs_statvfs(flashfs_t *fs, uint32_t *block_size, uint32_t *blocks, uint32_t *bfree) {
    *block_size = BS(fs);
    *blocks = fs->dev->block_count;
    *bfree = fs->nfree;
    return 0;
}

/* ------------------------------------------------------------------ paths */

static void root_stat(flashfs_stat_t *st) {
    *st = (flashfs_stat_t){ FLASHFS_NONE, 0, ROOT_ID, ROOT_ID, 0, true };
}

static int stat_block(flashfs_t *fs, uint32_t b, flashfs_stat_t *st, ino_hdr_t *h) {
    int r = read_hdr(fs, b, h);
    *st = (flashfs_stat_t){ b, h->seq, h->id, h->parent, h->size, h->magic == INO_DIR };
    return r;
}

/* The live inode in directory dir named name[0..len), or with id (name NULL). */
static int find(flashfs_t *fs, uint32_t dir, const char *name, size_t len, uint32_t id, flashfs_stat_t *st) {
    uint32_t count = fs->dev->block_count;
    for (uint32_t b = 1; b < count; b++) {
        ino_hdr_t h;
        char buf[FLASHFS_NAME_MAX];
        if (!bit(fs->inode, b)) {
            continue;
        }
        int r = stat_block(fs, b, st, &h);
        if (r < 0) {
            return r;
        }
        if (name == NULL ? h.id == id
            : h.parent == dir && h.name_len == len && rd(fs, b, NAME_OFF, buf, (uint32_t)len) == 0
                && memcmp(buf, name, len) == 0) {
            return 0;
        }
    }
    return -ENOENT;
}

/* Resolves path; with last != NULL stops before the final component, returned in *last and *last_len
 * (empty when the path names the root). */
static int walk(flashfs_t *fs, const char *path, flashfs_stat_t *st, const char **last, size_t *last_len) {
    root_stat(st);
    for (;;) {
        while (*path == '/') {
            path++;
        }
        const char *end = path;
        while (*end != 0 && *end != '/') {
            end++;
        }
        size_t len = (size_t)(end - path);
        const char *rest = end;
        while (*rest == '/') {
            rest++;
        }
        if (len == 0) {
            if (last != NULL) {
                *last = path;
                *last_len = 0;
            }
            return 0;
        }
        if (last != NULL && *rest == 0 && !(len <= 2 && memcmp(path, "..", len) == 0)) {
            *last = path;
            *last_len = len;
            return len > FLASHFS_NAME_MAX ? -ENAMETOOLONG : 0;
        }
        if (!st->is_dir) {
            return -ENOTDIR;
        }
        int r = 0;
        if (len == 2 && path[0] == '.' && path[1] == '.') {
            if (st->id != ROOT_ID) {
                uint32_t parent = st->parent;
                if (parent == ROOT_ID) {
                    root_stat(st);
                } else {
                    r = find(fs, 0, NULL, 0, parent, st);
                }
            }
        } else if (!(len == 1 && path[0] == '.')) {
            r = find(fs, st->id, path, len, 0, st);
        }
        if (r < 0) {
            return r;
        }
        path = end;
    }
}

int flashfs_stat(flashfs_t *fs, const char *path, flashfs_stat_t *st) {
    return walk(fs, path, st, NULL, NULL);
}

/* The parent directory of a new entry, and its name; -EEXIST if it exists already. */
static int walk_new(flashfs_t *fs, const char *path, flashfs_stat_t *dir, const char **name, size_t *len) {
    int r = walk(fs, path, dir, name, len);
    if (r < 0) {
        return r;
    }
    if (*len == 0) {
        return -EEXIST;   /* the root */
    }
    if (!dir->is_dir) {
        return -ENOTDIR;
    }
    flashfs_stat_t st;
    if ((*len == 1 && **name == '.') || (r = find(fs, dir->id, *name, *len, 0, &st)) == 0) {
        return -EEXIST;
    }
    return r == -ENOENT ? 0 : r;
}

static int create(flashfs_t *fs, const char *path, uint32_t magic, flashfs_stat_t *st) {
    flashfs_stat_t dir;
    const char *name;
    size_t len;
    uint32_t b;
    int r = walk_new(fs, path, &dir, &name, &len);
    if (r < 0 || (r = alloc_block(fs, &b)) < 0) {
        return r;
    }
    ino_hdr_t h = { 0, magic, 0, 0, fs->next_id++, dir.id, 0, FLASHFS_NONE, 0, FLASHFS_NONE, 0,
                    (uint32_t)len, 0 };
    if ((r = commit_inode(fs, b, &h, name)) < 0) {
        release_block(fs, b);
        return r;
    }
    *st = (flashfs_stat_t){ b, h.seq, h.id, h.parent, 0, magic == INO_DIR };
    return 0;
}

int flashfs_mkdir(flashfs_t *fs, const char *path) {
    flashfs_stat_t st;
    return create(fs, path, INO_DIR, &st);
}

/* Handles open on a file being deleted lose it: their reads and writes then fail with EBADF
 * (unlisted ones find out in revalidate). */
static void session_abort(flashfs_file_t *f);
static void orphan_handles(flashfs_t *fs, uint32_t id) {
    for (flashfs_file_t *f = fs->files, *next; f != NULL; f = next) {
        next = f->next;
        if (f->ino.id == id) {
            session_abort(f);
            f->ino = (flashfs_stat_t){ FLASHFS_NONE, 0, 0, 0, 0, false };
            f->size = 0;
            f->flags = 0;
        }
    }
}

static bool dir_empty(flashfs_t *fs, uint32_t id) {
    flashfs_stat_t st;
    char name[FLASHFS_NAME_MAX];
    uint32_t cursor = 0;
    return flashfs_readdir(fs, id, &cursor, name, &st) <= 0;
}

int flashfs_remove(flashfs_t *fs, const char *path, bool dir) {
    flashfs_stat_t st;
    int r = walk(fs, path, &st, NULL, NULL);
    if (r < 0) {
        return r;
    }
    if (st.id == ROOT_ID) {
        return -EPERM;
    }
    if (st.is_dir != dir) {
        return dir ? -ENOTDIR : -EISDIR;
    }
    if (dir && !dir_empty(fs, st.id)) {
        return -ENOTEMPTY;
    }
    orphan_handles(fs, st.id);
    if ((r = release_data(fs, st.block, st.size, NULL, 0)) < 0) {
        return r;
    }
    return kill_inode(fs, st.block);
}

int flashfs_rename(flashfs_t *fs, const char *from, const char *to) {
    flashfs_stat_t src, dir, dst;
    const char *name;
    size_t len;
    int r = walk(fs, from, &src, NULL, NULL);
    if (r < 0) {
        return r;
    }
    if (src.id == ROOT_ID) {
        return -EBUSY;
    }
    if ((r = walk(fs, to, &dir, &name, &len)) < 0) {
        return r;
    }
    if (len == 0 || (len == 1 && *name == '.')) {
        return -EBUSY;
    }
    if (!dir.is_dir) {
        return -ENOTDIR;
    }
    /* a directory cannot move under itself */
    for (flashfs_stat_t up = dir; up.id != ROOT_ID;) {
        if (up.id == src.id) {
            return -EINVAL;
        }
        if (up.parent == ROOT_ID) {
            break;
        }
        if ((r = find(fs, 0, NULL, 0, up.parent, &up)) < 0) {
            return r;
        }
    }
    uint32_t kill = FLASHFS_NONE, kill_seq = 0;
    r = find(fs, dir.id, name, len, 0, &dst);
    if (r == 0) {
        if (dst.id == src.id) {
            return 0;
        }
        if (dst.is_dir != src.is_dir) {
            return dst.is_dir ? -EISDIR : -ENOTDIR;
        }
        if (dst.is_dir && !dir_empty(fs, dst.id)) {
            return -ENOTEMPTY;
        }
        kill = dst.block;
        kill_seq = dst.seq;
    } else if (r != -ENOENT) {
        return r;
    }
    uint32_t b, bs = BS(fs), inl = src.size < INL_CAP(bs) ? src.size : INL_CAP(bs);
    if ((r = alloc_block(fs, &b)) < 0) {
        return r;
    }
    ino_hdr_t h = { 0, src.is_dir ? INO_DIR : INO_FILE, 0, 0, src.id, dir.id, src.size, src.block,
                    src.seq, kill, kill_seq, (uint32_t)len, 0 };
    if ((r = copy_range(fs, src.block, b, INL_OFF, inl)) < 0
        || (r = copy_range(fs, src.block, b, TAB_OFF(bs), 2 * nblocks_for(bs, src.size))) < 0
        || (r = commit_inode(fs, b, &h, name)) < 0) {
        release_block(fs, b);
        return r;
    }
    if (kill != FLASHFS_NONE) {
        orphan_handles(fs, dst.id);
        r = release_data(fs, kill, dst.size, NULL, 0);
    }
    for (flashfs_file_t *f = fs->files; f != NULL; f = f->next) {
        if (f->ino.id == src.id) {
            f->ino.block = b;
            f->ino.seq = h.seq;
            f->ino.parent = dir.id;
        }
    }
    return r;
}

int flashfs_readdir(flashfs_t *fs, uint32_t dir_id, uint32_t *cursor, char *name, flashfs_stat_t *st) {
    uint32_t count = fs->dev->block_count;
    for (uint32_t b = *cursor > 0 ? *cursor : 1; b < count; b++) {
        ino_hdr_t h;
        if (!bit(fs->inode, b)) {
            continue;
        }
        int r = stat_block(fs, b, st, &h);
        if (r < 0) {
            return r;
        }
        if (h.parent == dir_id) {
            *cursor = b + 1;
            if ((r = rd(fs, b, NAME_OFF, name, h.name_len)) < 0) {
                return r;
            }
            if (h.name_len < FLASHFS_NAME_MAX) {
                name[h.name_len] = 0;
            }
            return (int)h.name_len + 1;
        }
    }
    *cursor = count;
    return 0;
}

/* ------------------------------------------------------------------ files */

static int revalidate(flashfs_file_t *f);

/* The volume lists only handles with uncommitted writes, which sync must commit.  The handle is a
 * block of its own (vfs_flash.c), so this list does not keep the Python file object alive: when the
 * GC collects a dropped file, its __del__ closes (commits) the handle. */
static void unlink_file(flashfs_file_t *f) {
    for (flashfs_file_t **p = &f->fs->files; *p != NULL; p = &(*p)->next) {
        if (*p == f) {
            *p = f->next;
            break;
        }
    }
    f->next = NULL;
}

/* Starts a write session: a new inode sector holding the inline bytes, and the table in RAM. */
static int session_start(flashfs_file_t *f) {
    flashfs_t *fs = f->fs;
    if (f->new_block != FLASHFS_NONE) {
        return 0;
    }
    /* another handle's uncommitted writes to this file go first: the last writer wins */
    for (flashfs_file_t *g = fs->files; g != NULL; g = g->next) {
        if (g != f && g->ino.id == f->ino.id) {
            flashfs_flush(g);
            break;
        }
    }
    int r = revalidate(f);
    if (r < 0) {
        return r;
    }
    uint32_t bs = BS(fs), nb = nblocks_for(bs, f->size), b;
    if (nb > f->map_cap) {
        f->map = m_renew(uint16_t, f->map, nb + 4);
        f->map_cap = nb + 4;
    }
    if ((r = alloc_block(fs, &b)) < 0) {
        return r;
    }
    uint32_t inl = f->size < INL_CAP(bs) ? f->size : INL_CAP(bs);
    if ((r = copy_range(fs, f->ino.block, b, INL_OFF, inl)) < 0) {
        release_block(fs, b);
        return r;
    }
    for (uint32_t k = 0; k < nb; k++) {
        uint32_t s;
        if ((r = table_entry(fs, f->ino.block, k, &s)) < 0) {
            release_block(fs, b);
            return r;
        }
        f->map[k] = (uint16_t)s;
    }
    f->nblocks = nb;
    f->new_block = b;
    f->next = fs->files;
    fs->files = f;
    return 0;
}

/* Whether data sector s at index k was written in this session (and so may be appended to). */
static bool session_owns(flashfs_file_t *f, uint32_t k, uint32_t s) {
    uint32_t old;
    return k >= nblocks_for(BS(f->fs), f->ino.size) || table_entry(f->fs, f->ino.block, k, &old) < 0
        || old != s;
}

static void session_abort(flashfs_file_t *f) {
    if (f->new_block == FLASHFS_NONE) {
        return;
    }
    for (uint32_t k = 0; k < f->nblocks; k++) {
        if (session_owns(f, k, f->map[k])) {
            release_block(f->fs, f->map[k]);
        }
    }
    release_block(f->fs, f->new_block);
    f->new_block = FLASHFS_NONE;
    f->size = f->ino.size;
    unlink_file(f);
}

/* A copy of sector *blk without the bytes [base+o, base+o+n), which stay erased for the caller
 * to program; valid bytes from base are kept.  The old copy is freed if this session owned it. */
static int cow(flashfs_file_t *f, uint32_t *blk, bool owned, uint32_t base, uint32_t o, uint32_t n, uint32_t valid) {
    flashfs_t *fs = f->fs;
    uint32_t b;
    int r = alloc_block(fs, &b);
    if (r < 0) {
        return r;
    }
    if ((r = copy_range(fs, *blk, b, base, o)) < 0
        || (o + n < valid && (r = copy_range(fs, *blk, b, base + o + n, valid - o - n)) < 0)) {
        release_block(fs, b);
        return r;
    }
    if (owned) {
        release_block(fs, *blk);
    }
    *blk = b;
    return 0;
}

static intptr_t write_some(flashfs_file_t *f, const uint8_t *buf, size_t len) {
    flashfs_t *fs = f->fs;
    uint32_t bs = BS(fs), cap = INL_CAP(bs), pos = f->pos, n;
    int r;
    if (pos < cap) {
        n = len < cap - pos ? (uint32_t)len : cap - pos;
        uint32_t valid = f->size < cap ? f->size : cap;
        if (pos < valid && (r = cow(f, &f->new_block, true, INL_OFF, pos, n, valid)) < 0) {
            return r;
        }
        r = pr(fs, f->new_block, INL_OFF + pos, buf, n);
    } else {
        uint32_t k = (pos - cap) / bs, o = (pos - cap) % bs;
        n = len < bs - o ? (uint32_t)len : bs - o;
        if (k >= MAX_BLOCKS(bs)) {
            return -EFBIG;
        }
        if (k == f->nblocks) {
            uint32_t s;
            if (k >= f->map_cap) {
                f->map = m_renew(uint16_t, f->map, 2 * k + 4);
                f->map_cap = 2 * k + 4;
            }
            if ((r = alloc_block(fs, &s)) < 0) {
                return r;
            }
            f->map[k] = (uint16_t)s;
            f->nblocks++;
        } else {
            uint32_t s = f->map[k], start = cap + k * bs;
            uint32_t valid = f->size - start < bs ? f->size - start : bs;
            bool owned = session_owns(f, k, s);
            if (o < valid || !owned) {
                if ((r = cow(f, &s, owned, 0, o, n, valid)) < 0) {
                    return r;
                }
                f->map[k] = (uint16_t)s;
            }
        }
        r = pr(fs, f->map[k], o, buf, n);
    }
    if (r < 0) {
        return r;
    }
    f->pos += n;
    if (f->pos > f->size) {
        f->size = f->pos;
    }
    return n;
}

intptr_t flashfs_write(flashfs_file_t *f, const void *buf, size_t len) {
    if (!(f->flags & FLASHFS_WR)) {
        return -EBADF;
    }
    int r = session_start(f);
    if (r < 0) {
        return r;
    }
    if (f->flags & FLASHFS_APPEND) {
        f->pos = f->size;
    }
    static const uint8_t zeros[CHUNK];
    while (f->pos > f->size) {   /* a seek past the end: the gap reads as zeros */
        uint32_t gap = f->pos - f->size, pos = f->pos;
        f->pos = f->size;
        intptr_t n = write_some(f, zeros, gap < CHUNK ? gap : CHUNK);
        if (n < 0) {
            f->pos = pos;
            return n;
        }
        f->pos = pos;
    }
    size_t done = 0;
    while (done < len) {
        if ((uint64_t)f->pos + (len - done) > UINT32_MAX) {
            return done > 0 ? (intptr_t)done : -EFBIG;
        }
        intptr_t n = write_some(f, (const uint8_t *)buf + done, len - done);
        if (n < 0) {
            return done > 0 ? (intptr_t)done : n;
        }
        done += (size_t)n;
    }
    return (intptr_t)done;
}

/* A handle only writers keep current (readers are not listed, so the GC can reclaim one dropped
 * unclosed): before a read, follow the file to its latest committed inode by id. */
static int revalidate(flashfs_file_t *f) {
    flashfs_t *fs = f->fs;
    ino_hdr_t h;
    if (f->new_block != FLASHFS_NONE) {
        return 0;
    }
    if (f->ino.block == FLASHFS_NONE) {
        return -EBADF;
    }
    if (bit(fs->inode, f->ino.block) && read_hdr(fs, f->ino.block, &h) == 0 && h.seq == f->ino.seq) {
        return 0;
    }
    if (find(fs, 0, NULL, 0, f->ino.id, &f->ino) < 0) {
        f->ino.block = FLASHFS_NONE;
        f->size = 0;
        return -EBADF;
    }
    f->size = f->ino.size;
    return 0;
}

intptr_t flashfs_read(flashfs_file_t *f, void *buf, size_t len) {
    if (!(f->flags & FLASHFS_RD)) {
        return -EBADF;
    }
    int err = revalidate(f);
    if (err < 0) {
        return err;
    }
    flashfs_t *fs = f->fs;
    uint32_t bs = BS(fs), cap = INL_CAP(bs);
    size_t done = 0;
    while (done < len && f->pos < f->size) {
        uint32_t pos = f->pos, left = f->size - pos, n, blk, off;
        bool session = f->new_block != FLASHFS_NONE;
        if (pos < cap) {
            blk = session ? f->new_block : f->ino.block;
            off = INL_OFF + pos;
            n = cap - pos;
        } else {
            uint32_t k = (pos - cap) / bs;
            off = (pos - cap) % bs;
            n = bs - off;
            if (session) {
                blk = f->map[k];
            } else {
                int r = table_entry(fs, f->ino.block, k, &blk);
                if (r < 0) {
                    return r;
                }
            }
        }
        n = n < left ? n : left;
        n = n < len - done ? n : (uint32_t)(len - done);
        int r = rd(fs, blk, off, (uint8_t *)buf + done, n);
        if (r < 0) {
            return r;
        }
        f->pos += n;
        done += n;
    }
    return (intptr_t)done;
}

int flashfs_seek(flashfs_file_t *f, int64_t offset, int whence, uint32_t *pos) {
    int r = revalidate(f);
    if (r < 0) {
        return r;
    }
    int64_t base = whence == 0 ? 0 : whence == 1 ? f->pos : f->size;
    if (whence < 0 || whence > 2 || base + offset < 0 || base + offset > UINT32_MAX) {
        return -EINVAL;
    }
    f->pos = (uint32_t)(base + offset);
    *pos = f->pos;
    return 0;
}

int flashfs_flush(flashfs_file_t *f) {
    flashfs_t *fs = f->fs;
    if (f->new_block == FLASHFS_NONE) {
        return 0;
    }
    ino_hdr_t old;
    char name[FLASHFS_NAME_MAX];
    int r = read_hdr(fs, f->ino.block, &old);
    if (r == 0) {
        r = rd(fs, f->ino.block, NAME_OFF, name, old.name_len);
    }
    if (r == 0) {
        r = pr(fs, f->new_block, TAB_OFF(BS(fs)), f->map, 2 * f->nblocks);
    }
    ino_hdr_t h = { 0, INO_FILE, 0, 0, f->ino.id, old.parent, f->size, f->ino.block, f->ino.seq,
                    FLASHFS_NONE, 0, old.name_len, 0 };
    if (r < 0 || (r = commit_inode(fs, f->new_block, &h, name)) < 0) {
        session_abort(f);
        return r;
    }
    r = release_data(fs, f->ino.block, f->ino.size, f->map, f->nblocks);
    flashfs_stat_t now = { f->new_block, h.seq, h.id, h.parent, h.size, false };
    f->ino = now;
    f->new_block = FLASHFS_NONE;
    unlink_file(f);
    return r;
}

int flashfs_open(flashfs_t *fs, flashfs_file_t *f, const char *path, int flags) {
    memset(f, 0, sizeof(*f));
    f->fs = fs;
    f->new_block = FLASHFS_NONE;
    f->flags = (uint8_t)flags;
    flashfs_stat_t st;
    int r = walk(fs, path, &st, NULL, NULL);
    if (r == -ENOENT && (flags & FLASHFS_CREAT)) {
        r = create(fs, path, INO_FILE, &st);
    } else if (r == 0 && (flags & FLASHFS_CREAT) && (flags & FLASHFS_EXCL)) {
        r = -EEXIST;
    }
    if (r < 0) {
        return r;
    }
    if (st.is_dir) {
        return -EISDIR;
    }
    f->ino = st;
    f->size = st.size;
    if ((flags & FLASHFS_TRUNC) && st.size > 0) {
        f->size = 0;
        if ((r = session_start(f)) < 0) {
            flashfs_close(f);
            return r;
        }
    }
    return 0;
}

int flashfs_close(flashfs_file_t *f) {
    if (f->fs == NULL) {
        return 0;
    }
    int r = flashfs_flush(f);
    session_abort(f);
    f->fs = NULL;
    f->map = NULL;
    f->map_cap = 0;
    return r;
}
