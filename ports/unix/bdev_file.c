/* bdev_file.c (unix): the virtual board's SPI flash as a host file (--flash FILE).  It keeps NOR
 * semantics (program ANDs bits in, erase writes 0xff) so the file system sees what real flash would
 * do, and sync is fsync, so what the file system calls durable survives a host crash too. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bdev_file.h"

#define SECTOR (4096u)

static int io_error(void) {
    return errno != 0 ? -errno : -EIO;
}

static off_t where(bdev_t *dev, uint32_t block, uint32_t offset, uint32_t len, int *r) {
    *r = block < dev->block_count && offset <= dev->block_size && len <= dev->block_size - offset ? 0 : -EINVAL;
    return (off_t)block * dev->block_size + offset;
}

static int file_read(bdev_t *dev, uint32_t block, uint32_t offset, void *buf, uint32_t len) {
    int r;
    off_t at = where(dev, block, offset, len, &r);
    if (r == 0 && pread(((bdev_file_t *)dev)->fd, buf, len, at) != (ssize_t)len) {
        r = io_error();
    }
    return r;
}

static int file_prog(bdev_t *dev, uint32_t block, uint32_t offset, const void *buf, uint32_t len) {
    int r;
    off_t at = where(dev, block, offset, len, &r);
    uint8_t tmp[512];
    const uint8_t *b = buf;
    while (r == 0 && len > 0) {
        uint32_t n = len < sizeof(tmp) ? len : (uint32_t)sizeof(tmp);
        if ((r = file_read(dev, block, offset, tmp, n)) < 0) {
            break;
        }
        for (uint32_t i = 0; i < n; i++) {
            tmp[i] &= b[i];
        }
        if (pwrite(((bdev_file_t *)dev)->fd, tmp, n, at) != (ssize_t)n) {
            r = io_error();
        }
        at += n;
        offset += n;
        b += n;
        len -= n;
    }
    return r;
}

static int file_erase(bdev_t *dev, uint32_t block) {
    int r;
    off_t at = where(dev, block, 0, 0, &r);
    uint8_t ones[512];
    memset(ones, 0xff, sizeof(ones));
    for (uint32_t done = 0; r == 0 && done < dev->block_size; done += sizeof(ones)) {
        if (pwrite(((bdev_file_t *)dev)->fd, ones, sizeof(ones), at + done) != (ssize_t)sizeof(ones)) {
            r = io_error();
        }
    }
    return r;
}

static int file_sync(bdev_t *dev) {
    return fsync(((bdev_file_t *)dev)->fd) == 0 ? 0 : io_error();
}

bool bdev_file_open(bdev_file_t *f, const char *path, uint32_t size) {
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0) {
        return false;
    }
    if (st.st_size < SECTOR * 3) {
        /* a new image: every sector erased */
        uint8_t ones[SECTOR];
        memset(ones, 0xff, sizeof(ones));
        for (uint32_t at = 0; at < size; at += SECTOR) {
            if (pwrite(fd, ones, SECTOR, at) != (ssize_t)SECTOR) {
                close(fd);
                return false;
            }
        }
        st.st_size = size;
    }
    f->dev = (bdev_t){ SECTOR, (uint32_t)(st.st_size / SECTOR), file_read, file_prog, file_erase, file_sync };
    f->fd = fd;
    return true;
}

void bdev_file_close(bdev_file_t *f) {
    if (f->fd >= 0) {
        close(f->fd);
        f->fd = -1;
    }
}

const char *bdev_file_default_path(void) {
    static char path[1024];
    const char *home = getenv("HOME");
    if (home == NULL) {
        return NULL;
    }
    snprintf(path, sizeof(path), "%s/.config", home);
    mkdir(path, 0755);
    snprintf(path, sizeof(path), "%s/.config/adder", home);
    mkdir(path, 0755);
    snprintf(path, sizeof(path), "%s/.config/adder/nodemcu-flash.img", home);
    return path;
}
