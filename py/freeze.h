/* freeze.h: frozen modules, Python modules compiled to bytecode at build time and linked in as
 * const code objects (docs/freezing.md).  tools/freeze.py writes the table (build/frozen/frozen.c)
 * from what a stage-0 binary dumps with `adder -X freeze FILENAME=PATH...` (freeze_dump). */
#ifndef ADDER_FREEZE_H
#define ADDER_FREEZE_H

#include "code.h"

typedef struct {
    const char *name;        /* dotted module name: "asyncio", "asyncio.core" */
    bool is_package;         /* name/__init__.py: gets a __path__ so submodules import */
    const code_t *code;      /* the module's code, in ROM */
} frozen_module_t;

/* The generated table (an empty one links into the stage-0 binary). */
extern const frozen_module_t frozen_modules[];
extern const size_t frozen_modules_count;

/* The frozen module called name, or NULL. */
const frozen_module_t *freeze_find(const char *name, size_t len);
/* A code object the VM can run: a RAM copy of a ROM one (and of its nested code objects) when it
 * has inline caches, which the VM keeps in the code object; the ROM one itself otherwise.  Bytecode,
 * names, constants and line tables stay in ROM. */
const code_t *freeze_code_to_ram(const code_t *rom);
/* Stage 0: compile each FILENAME=PATH argument and print its code objects on stdout in the form
 * tools/freeze.py reads.  Returns the exit status. */
int freeze_dump(int n_args, char **args);

#endif
