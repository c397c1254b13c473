/* bdev_hal.c: the board's SPI flash (hal.h's hal_flash_*) from a given sector on as a block device,
 * for ports whose file system lives in the chip next to the firmware (the ESP8266's does, from
 * esp.flash_user_start()).  The chip's commands complete before they return: sync has nothing to do. */
#include "errcodes.h"
#include "bdev.h"
#include "hal.h"

static int hal_where(bdev_t *dev, uint32_t block, uint32_t offset, uint32_t len, uint32_t *addr) {
    bdev_hal_t *d = (bdev_hal_t *)dev;
    *addr = (d->first + block) * HAL_FLASH_SECTOR + offset;
    return block < dev->block_count && offset <= dev->block_size && len <= dev->block_size - offset ? 0 : -EINVAL;
}

static int hal_read(bdev_t *dev, uint32_t block, uint32_t offset, void *buf, uint32_t len) {
    uint32_t addr;
    int r = hal_where(dev, block, offset, len, &addr);
    return r < 0 ? r : hal_flash_read(addr, buf, len) ? 0 : -EIO;
}

static int hal_prog(bdev_t *dev, uint32_t block, uint32_t offset, const void *buf, uint32_t len) {
    uint32_t addr;
    int r = hal_where(dev, block, offset, len, &addr);
    return r < 0 ? r : hal_flash_write(addr, buf, len) ? 0 : -EIO;
}

static int hal_erase(bdev_t *dev, uint32_t block) {
    uint32_t addr;
    int r = hal_where(dev, block, 0, 0, &addr);
    return r < 0 ? r : hal_flash_erase(((bdev_hal_t *)dev)->first + block) ? 0 : -EIO;
}

static int hal_sync(bdev_t *dev) {
    (void)dev;
    return 0;
}

void bdev_hal_init(bdev_hal_t *d, uint32_t first_sector, uint32_t count) {
    d->dev = (bdev_t){ HAL_FLASH_SECTOR, count, hal_read, hal_prog, hal_erase, hal_sync };
    d->first = first_sector;
}
