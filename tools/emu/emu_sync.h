/* emu_sync.h: spots esptool's SYNC request in the byte stream from the host (tools/emu/emu_sync.c),
 * so the emulator can do what a NodeMCU's auto-reset circuit does for esptool when the serial line
 * (a pty) carries no DTR/RTS: reset the chip into its serial bootloader. */
#ifndef EMU_SYNC_H
#define EMU_SYNC_H

#include <stdbool.h>
#include <stdint.h>

/* A SYNC request: SLIP-framed, 8 header bytes (direction 0, command 0x08, size 36, checksum) then
 * 07 07 12 20 and 32 x 0x55 (esptool's documented serial protocol). */
#define EMU_SYNC_FRAME (8 + 36)

typedef struct {
    uint8_t buf[EMU_SYNC_FRAME];
    int len;                    /* unescaped bytes since the last 0xc0; -1: longer than a SYNC */
    bool esc;                   /* 0xdb seen */
} emu_sync_t;

/* Feeds one byte; true when it ends a SYNC frame. */
bool emu_sync_feed(emu_sync_t *s, uint8_t byte);

#endif
