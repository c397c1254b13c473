/* rom.h: the ESP8266 mask ROM, emulated in C at its real addresses (high-level emulation):
 *   - rom.c: the boot path after every reset: print the boot log on UART0 (the ROM prints at
 *     74880 baud: 115200 * 26/40, since it assumes a 40 MHz crystal on a 26 MHz board), sample
 *     the strapping pins (GPIO0 low: the serial bootloader; else boot from flash), read the image
 *     header at flash 0, copy its segments to RAM, check the checksum, and jump to the entry; the
 *     ROM functions firmware and esptool's stub flasher call (a table by address, names from the
 *     ROM's symbol table eagle.rom.addr.v6.ld); the ROM's exception/interrupt vectors
 *     (ets_isr_attach'ed handlers are called on the simulated CPU).  A call to a ROM address with
 *     no emulation stops the chip with a message naming the address and the ROM symbol.
 *   - rom_loader.c: the ROM's serial bootloader: SLIP frames on UART0, the command set (SYNC,
 *     READ_REG/WRITE_REG, FLASH_BEGIN/DATA/END with the ROM's erase-size behaviour,
 *     MEM_BEGIN/DATA/END which load and start esptool's stub on the simulated CPU), answered as
 *     the ESP8266 ROM answers them; like that ROM it has no READ_FLASH_SLOW, SPI_ATTACH,
 *     SPI_SET_PARAMS or CHANGE_BAUDRATE (the stub adds those). */
#ifndef ESP8266_ROM_H
#define ESP8266_ROM_H

#include <stdbool.h>
#include <stdint.h>
#include "esp8266.h"

typedef struct rom rom_t;

/* Attaches the ROM to the chip (esp_set_rom) and maps its 64 KB at 0x40000000 as LX106_HLE.
 * Then esp_reset() runs the boot path. */
rom_t *rom_new(esp8266_t *esp);
void rom_free(rom_t *rom);

/* True while the ROM's serial bootloader owns the chip (the CPU is not running guest code; the
 * host keeps calling rom_loader_poll and feeding UART0 with esp_uart_rx). */
bool rom_in_loader(const rom_t *rom);
/* Runs the bootloader on what UART0 has received (esp_uart_take) and answers; cheap when idle.
 * Call it whenever input arrived or time passed while rom_in_loader(). */
void rom_loader_poll(rom_t *rom);
/* True while esptool's stub flasher (loaded through MEM_*) runs on the CPU. */
bool rom_in_stub(const rom_t *rom);

/* Trace of ROM calls and loader commands on stderr (--trace-rom). */
void rom_set_trace(rom_t *rom, bool on);

#endif
