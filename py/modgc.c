/* modgc.c: the gc module (MicroPython's API: collect, mem_free, mem_alloc, enable, disable,
 * isenabled, threshold). */
#include "gc.h"
#include "runtime.h"

/* Returns 0 like CPython for code without reference cycles (its count is of unreachable cycles). */
static obj_t gc_collect_(void) {
    gc_collect();
    return OBJ_NEW_SMALL_INT(0);
}
static FUN_DEFINE_0(gc_collect_obj, gc_collect_);

static obj_t gc_mem_free(void) {
    gc_info_t info;
    gc_info(&info);
    return obj_new_int((intptr_t)info.free);
}
static FUN_DEFINE_0(gc_mem_free_obj, gc_mem_free);

static obj_t gc_mem_alloc(void) {
    gc_info_t info;
    gc_info(&info);
    return obj_new_int((intptr_t)info.used);
}
static FUN_DEFINE_0(gc_mem_alloc_obj, gc_mem_alloc);

static obj_t gc_enable_(void) {
    gc_enable(true);
    return OBJ_NONE;
}
static FUN_DEFINE_0(gc_enable_obj, gc_enable_);

static obj_t gc_disable(void) {
    gc_enable(false);
    return OBJ_NONE;
}
static FUN_DEFINE_0(gc_disable_obj, gc_disable);

static obj_t gc_isenabled(void) {
    return OBJ_BOOL(gc_is_enabled());
}
static FUN_DEFINE_0(gc_isenabled_obj, gc_isenabled);

/* threshold() returns the current setting; threshold(n) sets it (-1: collect only when full). */
static intptr_t current_threshold = -1;
static obj_t gc_threshold(size_t n_args, const obj_t *args) {
    if (n_args == 0) {
        return obj_new_int(current_threshold);
    }
    current_threshold = obj_get_int(args[0]);
    gc_set_threshold(current_threshold);
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(gc_threshold_obj, 0, 1, gc_threshold);

static const map_elem_t gc_globals_table[] = {
    { QOBJ(__name__), QOBJ(gc) },
    { QOBJ(collect), OBJ_ROM(&gc_collect_obj) },
    { QOBJ(mem_free), OBJ_ROM(&gc_mem_free_obj) },
    { QOBJ(mem_alloc), OBJ_ROM(&gc_mem_alloc_obj) },
    { QOBJ(enable), OBJ_ROM(&gc_enable_obj) },
    { QOBJ(disable), OBJ_ROM(&gc_disable_obj) },
    { QOBJ(isenabled), OBJ_ROM(&gc_isenabled_obj) },
    { QOBJ(threshold), OBJ_ROM(&gc_threshold_obj) },
};
static const DICT_ROM(gc_globals, gc_globals_table);

MODULE_ROM(module_gc, gc_globals);
REGISTER_MODULE(gc, module_gc);
