/* bdev.h: the block-device interface under the flash file system (extmod/flashfs.c).
 * A device is NOR flash as the ESP8266's SPI flash is: erase works on whole sectors (block_size
 * bytes, 4096 on real chips) and sets every bit to 1; program only clears bits (1 -> 0) and may
 * span any byte range inside one sector.  Implementations: a RAM device (extmod, for tests), a
 * file-backed image on the host (ports/unix), the SPI flash (ports/esp8266), and a Python object
 * with readblocks/writeblocks/ioctl (MicroPython's block-device protocol, wrapped in extmod).
 * Every function returns 0 or a negative errno (-EIO, ...). */
#ifndef ADDER_BDEV_H
#define ADDER_BDEV_H

#include <stdint.h>

typedef struct bdev bdev_t;
struct bdev {
    uint32_t block_size;     /* erase unit in bytes (a power of two, >= 512) */
    uint32_t block_count;
    int (*read)(bdev_t *dev, uint32_t block, uint32_t offset, void *buf, uint32_t len);
    int (*prog)(bdev_t *dev, uint32_t block, uint32_t offset, const void *buf, uint32_t len);
    int (*erase)(bdev_t *dev, uint32_t block);
    int (*sync)(bdev_t *dev);  /* everything programmed so far is durable when it returns */
};

/* A RAM device of count blocks of size bytes over caller-provided memory (erased by init). */
typedef struct {
    bdev_t dev;
    uint8_t *mem;
} bdev_ram_t;
void bdev_ram_init(bdev_ram_t *ram, uint8_t *mem, uint32_t block_size, uint32_t block_count);


/* ---- added by the flashfs helper: the board's SPI flash through hal.h (extmod/bdev_hal.c) ---- */
/* count sectors of 4 KiB from first_sector on (the ESP8266 port: from esp.flash_user_start()). */
typedef struct {
    bdev_t dev;
    uint32_t first;
} bdev_hal_t;
void bdev_hal_init(bdev_hal_t *d, uint32_t first_sector, uint32_t count);

#endif
