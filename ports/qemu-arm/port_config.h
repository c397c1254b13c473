/* port_config.h (qemu-arm): the Cortex-M3 MPS2 AN385 port's choices; py/config.h documents every
 * flag.  MINIMAL=1 (make MINIMAL=1) is the small build of the size report: no float type, ints
 * limited to small ints (31 bits), no f-strings or async, no frozen modules and fewer extmod
 * modules. */
#ifndef ADDER_PORT_CONFIG_H
#define ADDER_PORT_CONFIG_H

#define CONFIG_PORT_NAME "qemu-arm"
#define CONFIG_PLATFORM "qemu-arm"
#define CONFIG_BOARD_NAME "MPS2 AN385 (QEMU)"
#define CONFIG_CHIP_NAME "Cortex-M3"

#if defined(MINIMAL) && MINIMAL
#define CONFIG_FLOAT (0)
#define CONFIG_BIGNUM (0)
#define CONFIG_FSTRINGS (0)
#define CONFIG_ASYNC (0)
#endif

/* The C stack is PORT_STACK_SIZE bytes (the linker script reserves it); RecursionError leaves
 * room below the limit for the handler, the GC's scan and a UART interrupt. */
#define PORT_STACK_SIZE (40 * 1024)
#define CONFIG_STACK_LIMIT (PORT_STACK_SIZE - 6 * 1024)
/* Python frames live on this value stack (carved from the heap region, beside the GC heap). */
#define CONFIG_VM_STACK_WORDS (4096)
/* The GC heap for Python objects; `heap=N[K]` on the semihosting command line overrides it. */
#define CONFIG_HEAP_DEFAULT (64 * 1024)
#define PORT_HEAP_MAX (1024 * 1024)

#endif
