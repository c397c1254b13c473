/* bdev_ram.c: a block device in RAM with NOR semantics (tests, and boards without flash):
 * program ANDs the new bytes in, as flash can only clear bits, and erase sets a sector to 0xff. */
#include "errcodes.h"
#include <string.h>
#include "bdev.h"

static int ram_check(bdev_t *dev, uint32_t block, uint32_t offset, uint32_t len) {
    return block < dev->block_count && offset <= dev->block_size && len <= dev->block_size - offset ? 0 : -EINVAL;
}

static int ram_read(bdev_t *dev, uint32_t block, uint32_t offset, void *buf, uint32_t len) {
    int r = ram_check(dev, block, offset, len);
    if (r == 0) {
        memcpy(buf, ((bdev_ram_t *)dev)->mem + (size_t)block * dev->block_size + offset, len);
    }
    return r;
}

static int ram_prog(bdev_t *dev, uint32_t block, uint32_t offset, const void *buf, uint32_t len) {
    int r = ram_check(dev, block, offset, len);
    uint8_t *p = ((bdev_ram_t *)dev)->mem + (size_t)block * dev->block_size + offset;
    const uint8_t *b = buf;
    for (uint32_t i = 0; r == 0 && i < len; i++) {
        p[i] &= b[i];
    }
    return r;
}

static int ram_erase(bdev_t *dev, uint32_t block) {
    int r = ram_check(dev, block, 0, 0);
    if (r == 0) {
        memset(((bdev_ram_t *)dev)->mem + (size_t)block * dev->block_size, 0xff, dev->block_size);
    }
    return r;
}

static int ram_sync(bdev_t *dev) {
    (void)dev;
    return 0;
}

void bdev_ram_init(bdev_ram_t *ram, uint8_t *mem, uint32_t block_size, uint32_t block_count) {
    ram->dev = (bdev_t){ block_size, block_count, ram_read, ram_prog, ram_erase, ram_sync };
    ram->mem = mem;
    memset(mem, 0xff, (size_t)block_size * block_count);
}
