/* modules.c: the table of built-in modules.  Each module registers itself with
 * REGISTER_MODULE(name, module_obj); (runtime.h); tools/gen_qstr.py gathers those lines into
 * genhdr/moduledefs.gen.h, which this file turns into one const map qstr -> module. */
#include "runtime.h"

#define MODDEF(q, obj) extern const module_t obj;
#include "genhdr/moduledefs.gen.h"
#undef MODDEF

static const map_elem_t builtin_modules_table[] = {
#define MODDEF(q, obj) { OBJ_NEW_QSTR(q), OBJ_ROM(&obj) },
#include "genhdr/moduledefs.gen.h"
#undef MODDEF
};

const map_t rt_builtin_modules_map = MAP_ROM(builtin_modules_table);

obj_t rt_builtin_module(qstr name) {
    return map_get_qstr(&rt_builtin_modules_map, name);
}
