/* emu_sync.c: a SLIP frame matcher for esptool's SYNC request (see emu_sync.h).  The checksum field
 * is not compared (SYNC carries no meaningful checksum); everything else is fixed content. */
#include "emu_sync.h"

#include <string.h>

#define SLIP_END (0xc0)
#define SLIP_ESC (0xdb)

static bool is_sync(const uint8_t *f) {
    static const uint8_t head[4] = {0x00, 0x08, 36, 0x00};
    static const uint8_t magic[4] = {0x07, 0x07, 0x12, 0x20};
    if (memcmp(f, head, 4) != 0 || memcmp(f + 8, magic, 4) != 0) {
        return false;
    }
    for (int i = 12; i < EMU_SYNC_FRAME; i++) {
        if (f[i] != 0x55) {
            return false;
        }
    }
    return true;
}

bool emu_sync_feed(emu_sync_t *s, uint8_t byte) {
    if (byte == SLIP_END) {
        bool hit = s->len == EMU_SYNC_FRAME && is_sync(s->buf);
        s->len = 0;
        s->esc = false;
        return hit;
    }
    if (byte == SLIP_ESC) {
        s->esc = true;
        return false;
    }
    if (s->esc) {
        byte = byte == 0xdc ? SLIP_END : byte == 0xdd ? SLIP_ESC : byte;
        s->esc = false;
    }
    if (s->len >= 0 && s->len < EMU_SYNC_FRAME) {
        s->buf[s->len++] = byte;
    } else {
        s->len = -1;
    }
    return false;
}
