/* port_config.h (esp8266): the ESP8266 firmware's choices; py/config.h documents every flag.
 *
 * Floats are C doubles (CONFIG_FLOAT=1), not MicroPython's single precision: results then print as
 * CPython's do (repr(0.1 + 0.2), float tests run unchanged against the CPython oracle), and the cost
 * is flash (the soft-double helpers, ~6 KB of irom, of 1 MB available) and speed, not RAM: a boxed
 * float takes one 16-byte heap block either way. */
#ifndef ADDER_PORT_CONFIG_H
#define ADDER_PORT_CONFIG_H

#define CONFIG_FLOAT (1)
#define CONFIG_STACK_LIMIT (14 * 1024)         /* of the 16 KB C stack (esp8266.ld) */
#define CONFIG_RECURSION_LIMIT (120)
#define CONFIG_VM_STACK_WORDS (1536)           /* 6 KB of the heap for Python frames */
#define CONFIG_PORT_NAME "esp8266"
#define CONFIG_PLATFORM "esp8266"
#define CONFIG_CHIP_NAME "ESP8266"
#if defined(BOARD_QEMU)
#define CONFIG_BOARD_NAME "ESP module (QEMU lx60)"
#else
#define CONFIG_BOARD_NAME "ESP module"
#endif
/* machine.RTC().memory() in the chip's RTC memory, which a reset or deep sleep keeps (esp8266.ld) */
#define CONFIG_RTC_MEMORY_SECTION ".bss.rtc_memory"
#define CONFIG_HEAP_DEFAULT (0)                /* the heap is what DRAM has left (esp8266.ld) */

#endif
