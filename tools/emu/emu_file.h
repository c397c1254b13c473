/* emu_file.h: reading a whole file into memory, for the emulator (--write images) and for
 * build/lx106-run (ELF programs). */
#ifndef EMU_FILE_H
#define EMU_FILE_H

#include <stddef.h>
#include <stdint.h>

/* The file's bytes in a malloc'ed buffer (the caller frees it) and their count; NULL if the file
 * cannot be read or memory runs out (errno says which). */
uint8_t *emu_read_file(const char *path, size_t *len);

#endif
