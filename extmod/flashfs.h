/* flashfs.h: a power-cut-safe file system for NOR flash (extmod/flashfs.c), pure C over bdev_t.
 * Every sector but the superblock is free, a data sector or an inode sector; an inode holds a
 * file's or directory's name, parent, size, first bytes and the table of its data sectors, and a
 * change is committed by writing a new inode copy-on-write and then marking the old one dead (see
 * docs/flashfs.md for the format and why a power cut at any point is safe).
 * RAM: the caller provides flashfs_bitmap_size() bytes (2 bits per sector) per mounted volume;
 * an open file costs sizeof(flashfs_file_t) plus, while it is being written, 2 bytes per data
 * sector of the file (grown with gc.h's allocator).
 * Every function returns 0 (or a count) or a negative errno value. */
#ifndef ADDER_FLASHFS_H
#define ADDER_FLASHFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "bdev.h"

#define FLASHFS_NAME_MAX (64)
#define FLASHFS_NONE (0xffffffffu)

typedef struct flashfs_file flashfs_file_t;

typedef struct {
    bdev_t *dev;
    uint8_t *used;       /* bit per sector: holds live data (superblock, inode or data sector) */
    uint8_t *inode;      /* bit per sector: a live inode (so lookups skip data sectors) */
    uint32_t fsgen;      /* format generation: inodes of an older format are ignored */
    uint32_t next_seq;   /* commit sequence number of the next inode written */
    uint32_t next_id;
    uint32_t cursor;     /* where the next allocation starts looking (wear levelling) */
    uint32_t nfree;
    flashfs_file_t *files; /* files open for writing: commits update them, sync flushes them */
} flashfs_t;

typedef struct {
    uint32_t block;      /* inode sector, FLASHFS_NONE for the root */
    uint32_t seq;
    uint32_t id;
    uint32_t parent;
    uint32_t size;
    bool is_dir;
} flashfs_stat_t;

struct flashfs_file {
    flashfs_t *fs;
    flashfs_file_t *next;
    flashfs_stat_t ino;  /* the committed version this handle reads (and replaces on commit) */
    uint32_t pos;
    uint32_t size;       /* the size seen through this handle (the session's while writing) */
    uint8_t flags;
    /* write session: a new inode sector being built, committed by flush/close */
    uint32_t new_block;
    uint32_t nblocks;    /* data sectors in map */
    uint32_t map_cap;
    uint16_t *map;
};

/* open flags */
#define FLASHFS_RD     (1)
#define FLASHFS_WR     (2)
#define FLASHFS_CREAT  (4)
#define FLASHFS_TRUNC  (8)
#define FLASHFS_APPEND (16)
#define FLASHFS_EXCL   (32)

size_t flashfs_bitmap_size(const bdev_t *dev);
int flashfs_format(bdev_t *dev);
/* bitmaps: flashfs_bitmap_size(dev) bytes that live as long as the mount. */
int flashfs_mount(flashfs_t *fs, bdev_t *dev, uint8_t *bitmaps);
/* Commits every open file (a clean unmount); the volume stays usable. */
int flashfs_sync(flashfs_t *fs);
int flashfs_statvfs(flashfs_t *fs, uint32_t *block_size, uint32_t *blocks, uint32_t *bfree);

/* Paths are relative to the volume's root; "/" separators, "." and ".." are understood. */
int flashfs_stat(flashfs_t *fs, const char *path, flashfs_stat_t *st);
int flashfs_mkdir(flashfs_t *fs, const char *path);
int flashfs_remove(flashfs_t *fs, const char *path, bool dir);
int flashfs_rename(flashfs_t *fs, const char *from, const char *to);

/* Directory listing: *cursor starts at 0; each call gives the next entry of directory dir_id (an
 * id from flashfs_stat; the root is 1) and returns its name's length + 1 (name gets the bytes, NUL
 * terminated when shorter than FLASHFS_NAME_MAX), or 0 at the end. */
int flashfs_readdir(flashfs_t *fs, uint32_t dir_id, uint32_t *cursor, char *name, flashfs_stat_t *st);

int flashfs_open(flashfs_t *fs, flashfs_file_t *f, const char *path, int flags);
intptr_t flashfs_read(flashfs_file_t *f, void *buf, size_t len);
intptr_t flashfs_write(flashfs_file_t *f, const void *buf, size_t len);
int flashfs_seek(flashfs_file_t *f, int64_t offset, int whence, uint32_t *pos);
int flashfs_flush(flashfs_file_t *f);   /* commits the write session: the new content is durable */
int flashfs_close(flashfs_file_t *f);   /* flush, then forget the handle (safe to call twice) */

#endif
