/* bdev_file.h (unix): a flash image in a host file as a block device (bdev_file.c). */
#ifndef ADDER_BDEV_FILE_H
#define ADDER_BDEV_FILE_H

#include <stdbool.h>
#include "../../extmod/bdev.h"

#define BDEV_FILE_DEFAULT_SIZE (4u * 1024 * 1024)

typedef struct {
    bdev_t dev;
    int fd;
} bdev_file_t;

/* Opens (creating, erased, if absent) an image of size bytes in 4 KiB sectors; an existing image
 * keeps its own size.  False with errno set on failure. */
bool bdev_file_open(bdev_file_t *f, const char *path, uint32_t size);
void bdev_file_close(bdev_file_t *f);
/* The default image, ~/.config/adder/nodemcu-flash.img (directories created); NULL without HOME. */
const char *bdev_file_default_path(void);

#endif
