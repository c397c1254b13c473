/* config.h: Adder's feature flags and limits, each documented once, with defaults.
 *
 * A port's port_config.h is included first and sets only what it changes;
 * everything it leaves alone gets the default below. Keep the flag count small. */
#ifndef ADDER_CONFIG_H
#define ADDER_CONFIG_H

#include "port_config.h"

/* Floating point: 1 = C double, 2 = C float (single precision, for small MCUs), 0 = no float type
 * (as MicroPython without floats: no float or math, decimal literals are a SyntaxError, int / int a
 * TypeError, the e/f/g formats a ValueError). */
#ifndef CONFIG_FLOAT
#define CONFIG_FLOAT (1)
#endif

/* Arbitrary-precision ints beyond the tagged small-int range.  0: ints are small ints only (31 or 63
 * bits), a result beyond raises OverflowError("small int overflow") and mpz.c is left out. */
#ifndef CONFIG_BIGNUM
#define CONFIG_BIGNUM (1)
#endif

/* f-strings in the compiler. */
#ifndef CONFIG_FSTRINGS
#define CONFIG_FSTRINGS (1)
#endif

/* async def / await / async for / async with. */
#ifndef CONFIG_ASYNC
#define CONFIG_ASYNC (1)
#endif

/* Computed-goto dispatch in the VM (needs GCC/Clang labels-as-values). */
#ifndef CONFIG_COMPUTED_GOTO
#if defined(__GNUC__)
#define CONFIG_COMPUTED_GOTO (1)
#else
#define CONFIG_COMPUTED_GOTO (0)
#endif
#endif

/* Bytes of C stack the interpreter may use before raising RecursionError.
 * The port sets the stack top at start-up (see port.h). */
#ifndef CONFIG_STACK_LIMIT
#define CONFIG_STACK_LIMIT (64 * 1024)
#endif

/* Maximum depth of nested Python calls (CPython's default recursion limit is 1000). */
#ifndef CONFIG_RECURSION_LIMIT
#define CONFIG_RECURSION_LIMIT (1000)
#endif

/* Size in obj_t words of the VM value stack that holds Python frames' locals and temporaries. */
#ifndef CONFIG_VM_STACK_WORDS
#define CONFIG_VM_STACK_WORDS (16 * 1024)
#endif

/* Default GC heap size in bytes when the port does not pass one. */
#ifndef CONFIG_HEAP_DEFAULT
#define CONFIG_HEAP_DEFAULT (2 * 1024 * 1024)
#endif

/* Debug/torture build: collect on every allocation (catches missing GC roots). */
#ifndef CONFIG_GC_STRESS
#define CONFIG_GC_STRESS (0)
#endif

/* ---- added by the core-modules helper ----
 * The year time.time() and time.mktime() count seconds from: 1970 on hosts, 2000 on ports whose
 * RTC keeps MicroPython's embedded epoch. */
#ifndef CONFIG_TIME_EPOCH_YEAR
#define CONFIG_TIME_EPOCH_YEAR (1970)
#endif

#if CONFIG_FLOAT == 1
typedef double float_val_t;
#elif CONFIG_FLOAT == 2
typedef float float_val_t;
#endif

#endif
