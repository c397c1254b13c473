/* rom_priv.h: the inside of the mask-ROM emulation, shared by rom.c (boot path, vectors, hooks),
 * rom_funcs.c (the ROM functions by address, and the ROM's symbol names) and rom_loader.c (the
 * serial bootloader); users see rom.h. */
#ifndef ROM_PRIV_H
#define ROM_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rom.h"

#define ROM_BASE (0x40000000u)
#define ROM_SIZE (0x10000u)

/* Addresses inside the ROM the emulation gives a meaning of its own (none is a function entry of
 * eagle.rom.addr.v6.ld, so the table never shadows them). */
#define ROM_ADDR_CHIP_MAGIC (0x40001000u)   /* esptool's CHIP_DETECT_MAGIC_REG_ADDR */
#define ROM_CHIP_MAGIC (0xfff0c101u)        /* the ESP8266's value there */
#define ROM_ADDR_MAIN_RET (0x400010a8u)     /* in the ROM's main(), after it called the loaded program:
                                               the stub's entry puts this in a0 */
#define ROM_ADDR_ISR_RET (0x4000dc54u)      /* _xtos_return_from_exc: handlers return here */
#define ROM_ADDR_PARK (0x4000dc44u)         /* _xtos_unhandled_exception: where a stuck ROM waits */
/* The ROM's own variables in its DRAM that stubs read (esp-stub-lib's esp8266.rom.ld). */
#define ROM_VAR_TICKS_PER_US (0x3fffc704u)  /* g_ticks_per_us: ets_update_cpu_frequency's value */
#define ROM_VAR_FLASHCHIP (0x3fffc714u)     /* flashchip: id, size, block, sector, page, status mask */
#define ROM_VAR_USER_START (0x3fffdcd0u)    /* what ets_set_user_start was given */

/* The loader's SLIP receiver and download state (rom_loader.c). */
#define ROM_LOADER_MAX (8u + 16u + 0x4000u)  /* header + data header + the largest block we accept */
typedef struct {
    uint8_t frame[ROM_LOADER_MAX];
    size_t len;
    bool in_frame, escape, overflow;
    /* FLASH_BEGIN / MEM_BEGIN parameters */
    bool flash_active, mem_active;
    uint32_t flash_offset, flash_block, flash_blocks, flash_next;
    uint32_t mem_addr, mem_size, mem_block, mem_blocks, mem_next;
} rom_loader_t;

struct rom {
    esp8266_t *esp;
    lx106_t *cpu;
    uint8_t image[ROM_SIZE];
    bool trace;
    bool in_loader, in_stub;
    struct {
        uint32_t fn, arg;
    } isr[32];                            /* ets_isr_attach */
    /* the interrupted context while an attached handler runs on the CPU */
    bool in_isr;
    uint32_t isr_pending;                 /* handlers still to call in this dispatch */
    uint32_t saved_a[16], saved_sar, saved_ps;
    rom_loader_t loader;
};

/* Output on UART0 as the ROM's printf does it ("\n" goes out as "\r\n"). */
void rom_printf(rom_t *rom, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The boot path (rom.c). */
void rom_boot(rom_t *rom, int cause);
/* Loads the image at flash 0 (printing the segment log) and starts it; false (after printing what
 * the ROM prints) when the image is bad: then the ROM is parked. */
bool rom_boot_flash(rom_t *rom);
/* The CPU starts guest code at entry with the state the ROM leaves, a0 = ret. */
void rom_start_guest(rom_t *rom, uint32_t entry, uint32_t ret);
/* The CPU waits in the ROM, interrupts masked, until a reset. */
void rom_park(rom_t *rom);

/* The ROM functions (rom_funcs.c): run the one at cpu->pc; false if there is none. */
/* The ROM's variables as its boot code leaves them (g_ticks_per_us, flashchip). */
void rom_vars_init(rom_t *rom);
/* SPIEraseArea as the ROM does it, with its bug: for R sectors asked at sector S it erases
 * R + min(R, 16 - S % 16) (the head up to the 64 KB block counted twice). */
bool rom_erase_area(rom_t *rom, uint32_t offset, uint32_t size);
bool rom_call(rom_t *rom, lx106_t *cpu);
/* The ROM symbol at addr, or NULL. */
const char *rom_symbol(uint32_t addr);
/* Guest memory copies for the ROM's own use (RAM fast, anything else through the bus). */
bool rom_mem_read(rom_t *rom, uint32_t addr, void *buf, size_t len);
bool rom_mem_write(rom_t *rom, uint32_t addr, const void *buf, size_t len);

/* The serial bootloader (rom_loader.c). */
void rom_loader_enter(rom_t *rom);

#endif
