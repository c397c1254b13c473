/* modmicropython.c: the micropython module: access to the interpreter's internals as MicroPython
 * offers them (const, opt_level, memory and qstr statistics, the heap lock, schedule, kbd_intr). */
#include "gc.h"
#include "runtime.h"

/* const(x) is x: the compiler does not fold it, so it is an identity function at run time. */
static obj_t mp_const(obj_t x) {
    return x;
}
static FUN_DEFINE_1(mp_const_obj, mp_const);

/* Only stored: Adder's compiler has a single level (asserts and __debug__ behave as at level 0). */
static intptr_t opt_level;
static obj_t mp_opt_level(size_t n_args, const obj_t *args) {
    if (n_args == 0) {
        return OBJ_NEW_SMALL_INT(opt_level);
    }
    opt_level = obj_get_int(args[0]);
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(mp_opt_level_obj, 0, 1, mp_opt_level);

static size_t stack_used(void) {
    char here;
    return STATE(stack_top) != NULL ? (size_t)(STATE(stack_top) - &here) : 0;
}

static obj_t mp_stack_use(void) {
    return obj_new_int((intptr_t)stack_used());
}
static FUN_DEFINE_0(mp_stack_use_obj, mp_stack_use);

static obj_t mp_mem_info(size_t n_args, const obj_t *args) {
    gc_info_t info;
    gc_info(&info);
    print_fmt(&print_stdout, "stack: %u out of %u\n", (unsigned)stack_used(), (unsigned)STATE(stack_limit));
    print_fmt(&print_stdout, "GC: total: %u, used: %u, free: %u\n", (unsigned)info.total,
              (unsigned)info.used, (unsigned)info.free);
    print_fmt(&print_stdout, " max free sz: %u\n", (unsigned)info.max_free_block);
    if (n_args > 0 && obj_is_true(args[0])) {
        print_fmt(&print_stdout, " peak used: %u, qstrs: %u\n", (unsigned)info.peak_used,
                  (unsigned)qstr_count());
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(mp_mem_info_obj, 0, 1, mp_mem_info);

/* qstr_info(verbose): the counts only (the verbose listing of names is not kept). */
static obj_t mp_qstr_info(size_t n_args, const obj_t *args) {
    (void)n_args;
    (void)args;
    size_t n = qstr_count();
    print_fmt(&print_stdout, "qstr pool: n_qstr=%u, n_static=%u, n_dynamic=%u\n", (unsigned)n,
              (unsigned)Q__static_count, (unsigned)(n - Q__static_count));
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(mp_qstr_info_obj, 0, 1, mp_qstr_info);

static obj_t mp_heap_lock(void) {
    gc_lock();
    return OBJ_NONE;
}
static FUN_DEFINE_0(mp_heap_lock_obj, mp_heap_lock);

/* Both return the depth left, 0 meaning unlocked, as MicroPython's do. */
static obj_t mp_heap_unlock(void) {
    gc_unlock();
    return OBJ_NEW_SMALL_INT(gc_lock_depth());
}
static FUN_DEFINE_0(mp_heap_unlock_obj, mp_heap_unlock);

static obj_t mp_heap_locked(void) {
    return OBJ_NEW_SMALL_INT(gc_lock_depth());
}
static FUN_DEFINE_0(mp_heap_locked_obj, mp_heap_locked);

/* The MemoryError raised without a heap is preallocated at start-up (STATE(emergency_exc)). */
static obj_t mp_alloc_emergency_exception_buf(obj_t size) {
    obj_get_int(size);
    return OBJ_NONE;
}
static FUN_DEFINE_1(mp_alloc_emergency_exception_buf_obj, mp_alloc_emergency_exception_buf);

static obj_t mp_schedule(obj_t fun, obj_t arg) {
    if (!rt_schedule(fun, arg)) {
        rt_raise_msg(&type_RuntimeError, "schedule queue full");
    }
    return OBJ_NONE;
}
static FUN_DEFINE_2(mp_schedule_obj, mp_schedule);

/* kbd_intr(chr): the byte that raises KeyboardInterrupt; -1 turns it off (the port's handler checks). */
static obj_t mp_kbd_intr(obj_t chr) {
    intptr_t c = obj_get_int(chr);
    STATE(kbd_intr_char) = c == 3 ? OBJ_NULL : OBJ_NEW_SMALL_INT(c < 0 ? -1 : c & 0xff);
    return OBJ_NONE;
}
static FUN_DEFINE_1(mp_kbd_intr_obj, mp_kbd_intr);

static const map_elem_t mp_globals_table[] = {
    { QOBJ(__name__), QOBJ(micropython) },
    { QOBJ(const), OBJ_ROM(&mp_const_obj) },
    { QOBJ(opt_level), OBJ_ROM(&mp_opt_level_obj) },
    { QOBJ(mem_info), OBJ_ROM(&mp_mem_info_obj) },
    { QOBJ(qstr_info), OBJ_ROM(&mp_qstr_info_obj) },
    { QOBJ(stack_use), OBJ_ROM(&mp_stack_use_obj) },
    { QOBJ(heap_lock), OBJ_ROM(&mp_heap_lock_obj) },
    { QOBJ(heap_unlock), OBJ_ROM(&mp_heap_unlock_obj) },
    { QOBJ(heap_locked), OBJ_ROM(&mp_heap_locked_obj) },
    { QOBJ(alloc_emergency_exception_buf), OBJ_ROM(&mp_alloc_emergency_exception_buf_obj) },
    { QOBJ(schedule), OBJ_ROM(&mp_schedule_obj) },
    { QOBJ(kbd_intr), OBJ_ROM(&mp_kbd_intr_obj) },
};
static const DICT_ROM(mp_globals, mp_globals_table);

MODULE_ROM(module_micropython, mp_globals);
REGISTER_MODULE(micropython, module_micropython);
