/* runtime.h: the generic operations of the object model (what the VM's opcodes and the builtins are
 * made of), raising exceptions from C, argument parsing for builtins, and module import.
 * Owner: runtime.c / objtype.c / objexcept.c / builtins.c unless noted. */
#ifndef ADDER_RUNTIME_H
#define ADDER_RUNTIME_H

#include "obj.h"
#include "nlr.h"
#include "state.h"
#include "vstr.h"

void rt_init(void);     /* builtins dict, sys.modules, sys.path, emergency exception */
void rt_deinit(void);

/* ---- operators ---- */
obj_t rt_unary_op(unary_op_t op, obj_t arg);
obj_t rt_binary_op(binary_op_t op, obj_t lhs, obj_t rhs);

/* ---- calls ---- */
obj_t rt_call(obj_t fun, size_t n_args, size_t n_kw, const obj_t *args);
obj_t rt_call0(obj_t fun);
obj_t rt_call1(obj_t fun, obj_t a);
obj_t rt_call2(obj_t fun, obj_t a, obj_t b);
/* Calls method `name` on obj with args (positionals only); raises AttributeError if missing. */
obj_t rt_call_method(obj_t obj, qstr name, size_t n_args, const obj_t *args);
/* f(*args, **kwargs): args a list/tuple/iterable or OBJ_NULL, kwargs a dict or OBJ_NULL */
obj_t rt_call_ex(obj_t fun, obj_t args, obj_t kwargs);

/* ---- attributes ---- */
obj_t rt_load_attr(obj_t obj, qstr name);               /* raises AttributeError */
obj_t rt_load_attr_maybe(obj_t obj, qstr name);         /* OBJ_NULL if missing */
/* dest[0], dest[1] = (function, self) for a method found on the type, or (value, OBJ_NULL). */
void rt_load_method(obj_t obj, qstr name, obj_t *dest);
bool rt_load_method_maybe(obj_t obj, qstr name, obj_t *dest);
void rt_store_attr(obj_t obj, qstr name, obj_t value);  /* value OBJ_NULL deletes */

/* ---- subscripts ---- */
obj_t rt_subscr_load(obj_t obj, obj_t index);
void rt_subscr_store(obj_t obj, obj_t index, obj_t value);
void rt_subscr_delete(obj_t obj, obj_t index);

/* ---- iteration ---- */
obj_t rt_getiter(obj_t obj);
obj_t rt_iternext(obj_t iter);           /* OBJ_STOP when exhausted; other exceptions propagate */
/* Unpack exactly n items into items[0..n) (items[0] is the first). */
void rt_unpack_sequence(obj_t seq, size_t n, obj_t *items);
/* a, *b, c: n_before, n_after; items gets n_before + 1 + n_after entries (the middle one a list). */
void rt_unpack_ex(obj_t seq, size_t n_before, size_t n_after, obj_t *items);

/* ---- raising ---- */
#if defined(__GNUC__)
#define RT_NORETURN __attribute__((noreturn))
#else
#define RT_NORETURN
#endif
RT_NORETURN void rt_raise(obj_t exc_or_type);        /* an instance, or a class to instantiate */
RT_NORETURN void rt_raise_msg(const type_t *exc_type, const char *fmt, ...); /* print_fmt format */
RT_NORETURN void rt_raise_type_error(const char *fmt, ...);
RT_NORETURN void rt_raise_value_error(const char *fmt, ...);
RT_NORETURN void rt_raise_index_error(const char *fmt, ...);
RT_NORETURN void rt_raise_key_error(obj_t key);
RT_NORETURN void rt_raise_attribute_error(obj_t obj, qstr name);
RT_NORETURN void rt_raise_name_error(qstr name);
RT_NORETURN void rt_raise_zero_division(const char *msg);
RT_NORETURN void rt_raise_overflow(const char *msg);
RT_NORETURN void rt_raise_memory_error(void);
RT_NORETURN void rt_raise_stop_iteration(obj_t value);  /* value OBJ_NULL for a bare StopIteration */
RT_NORETURN void rt_raise_os_error(int errno_);
const char *rt_strerror(int err);   /* the message for one of Adder's errno values (errcodes.h) */
RT_NORETURN void rt_raise_unsupported_binop(binary_op_t op, obj_t lhs, obj_t rhs);
/* Raises the pending exception (KeyboardInterrupt) if one was set asynchronously. */
void rt_handle_pending(void);

/* ---- exceptions (objexcept.c) ---- */
typedef struct {
    obj_base_t base;          /* the exception's class (a built-in exception type or a user subclass) */
    obj_t args;               /* a tuple */
    obj_t traceback;          /* OBJ_NULL, or a list of (filename qstr, line, block qstr) triples stored flat */
    obj_t cause;              /* __cause__ or OBJ_NULL */
    obj_t context;            /* __context__ or OBJ_NULL */
    bool suppress_context;
    dict_t *dict;             /* attributes of user subclasses, or NULL */
} exc_t;
extern const type_t type_BaseException, type_Exception, type_ArithmeticError, type_ZeroDivisionError,
    type_OverflowError, type_LookupError, type_IndexError, type_KeyError, type_TypeError,
    type_ValueError, type_UnicodeError, type_NameError, type_UnboundLocalError,
    type_AttributeError, type_StopIteration, type_StopAsyncIteration, type_GeneratorExit,
    type_KeyboardInterrupt, type_SystemExit, type_MemoryError, type_RuntimeError,
    type_RecursionError, type_NotImplementedError, type_OSError, type_ImportError,
    type_ModuleNotFoundError, type_AssertionError, type_SyntaxError, type_IndentationError,
    type_EOFError, type_Warning, type_BufferError;
bool exc_is_instance(obj_t exc, const type_t *exc_type);
exc_t *exc_get(obj_t exc);                            /* the exc_t part of an exception instance */
void exc_add_traceback(obj_t exc, qstr file, size_t line, qstr block);
void exc_print(const print_t *p, obj_t exc);           /* full CPython-style traceback and message */
obj_t exc_get_value(obj_t exc);                        /* StopIteration.value / SystemExit.code */

/* ---- builtins and modules ---- */
obj_t rt_load_global(qstr name, dict_t *globals);     /* globals then builtins; NameError */
obj_t rt_load_name(qstr name, dict_t *locals, dict_t *globals);
obj_t rt_builtin_lookup(qstr name);                   /* OBJ_NULL if not a builtin */
/* import: name is the dotted module name; fromlist None or a tuple; level for relative imports.
 * Returns what IMPORT_NAME pushes (the top package unless fromlist is given). */
obj_t rt_import_name(qstr name, obj_t fromlist, int level, dict_t *globals);
obj_t rt_import_from(obj_t module, qstr name);
void rt_import_all(obj_t module, dict_t *dest);
/* Built-in modules: the port lists them in its config (CONFIG_BUILTIN_MODULES); py/modules.c
 * gathers them into one const map qstr -> module. */
obj_t rt_builtin_module(qstr name);                   /* OBJ_NULL if none */
extern const map_t rt_builtin_modules_map;

/* __build_class__(func, name, *bases, metaclass=..., **kw) and type(name, bases, dict) */
obj_t rt_build_class(size_t n_args, size_t n_kw, const obj_t *args);
obj_t type_new_user(qstr name, obj_t bases_tuple, obj_t dict);

/* ---- argument parsing for FUN_KW builtins ---- */
#define ARG_REQUIRED (0x01)
#define ARG_KW_ONLY  (0x02)
typedef struct {
    qstr name;
    uint8_t flags;
    obj_t default_value;   /* OBJ_NULL: "not given" shows as OBJ_NULL in the output */
} arg_spec_t;
/* Parses positionals (n_pos already skips self if the caller wants) and kw pairs into out[n_spec];
 * raises TypeError for missing/unexpected/duplicate arguments, naming fun_name. */
void arg_parse(size_t n_args, size_t n_kw, const obj_t *args, const arg_spec_t *spec, size_t n_spec,
               obj_t *out, const char *fun_name);
void arg_check_num(size_t n_args, size_t n_kw, size_t min, size_t max, bool takes_kw);

/* ---- formatting helpers shared by str.format, f-strings, format() and % (objstr_format.c) ---- */
obj_t rt_format(obj_t value, obj_t spec);             /* format(value, spec): __format__ protocol */
/* ---- added by strings (objstr.c) ---- */
obj_t str_ascii(obj_t o);                             /* ascii(o): repr with non-ASCII escaped (FORMAT_VALUE !a) */

/* ---- the VM side (vm.c, objfun_bc.c, objgen.c) ---- */
struct code;
/* Run module-level code: locals == globals for a module; exec/eval pass their own. */
obj_t vm_exec_code(struct code *code, dict_t *globals, dict_t *locals);
/* Run a class body function with ns as its local namespace; returns the body's return value. */
obj_t vm_run_class_body(obj_t fun, dict_t *ns);
/* Create a generator object's next value: send value into gen (OBJ_NONE for next()).
 * Returns the yielded value, or OBJ_STOP with *ret_val set to the return value when it finishes. */
obj_t vm_gen_resume(obj_t gen, obj_t send_value, obj_t throw_exc, obj_t *ret_val);
/* globals() and locals() of the innermost running Python frame (locals() makes a fresh dict for
 * function frames, as CPython does). */
obj_t vm_current_globals(void);
obj_t vm_current_locals(void);
void vm_init(void);   /* allocates the VM stack */

/* ---- additions by the runtime helper (runtime.c, objexcept.c) ---- */
/* fun(self, *args): prepends self without a heap allocation for small calls. */
obj_t rt_call_self(obj_t fun, obj_t self, size_t n_args, size_t n_kw, const obj_t *args);
bool rt_contains(obj_t container, obj_t item);           /* item in container */
obj_t exc_new_vmsg(const type_t *exc_type, const char *fmt, va_list ap);
extern const type_t type_IsADirectoryError, type_NotADirectoryError, type_FileNotFoundError,
    type_FileExistsError, type_PermissionError, type_TimeoutError, type_ConnectionError,
    type_BrokenPipeError, type_ConnectionResetError, type_ConnectionRefusedError,
    type_ConnectionAbortedError, type_BlockingIOError, type_InterruptedError, type_TabError,
    type_UnicodeDecodeError, type_UnicodeEncodeError, type_UserWarning, type_DeprecationWarning,
    type_RuntimeWarning, type_SyntaxWarning, type_ReferenceError, type_ProcessLookupError,
    type_ChildProcessError;

/* ---- added by the core-modules helper (runtime.c) ---- */
/* micropython.schedule: queues fun(arg) to run between bytecodes; false when the 8 slots are full. */
bool rt_schedule(obj_t fun, obj_t arg);

/* ---- added by the foundation helper (objmodule.c, modules.c, import.c) ---- */
/* A built-in module in flash: MODULE_ROM(module_math, math_globals) with
 * `static const DICT_ROM(math_globals, math_globals_table);` whose table starts with
 * {QOBJ(__name__), QOBJ(math)}.  Make it importable with REGISTER_MODULE(math, module_math); at file
 * scope: tools/gen_qstr.py collects those lines into genhdr/moduledefs.gen.h for py/modules.c.
 * On first import, a built-in module's globals are copied to RAM (so its attributes can be set, as
 * in CPython) and a `__init__` function in them, if any, is called with the new module. */
#define MODULE_ROM(obj, globals_dict) const module_t obj = { { &type_module }, (dict_t *)&(globals_dict) }
#define REGISTER_MODULE(name, obj) extern const module_t obj
/* The file defining module `name` (dotted) on sys.path, written to path; false if none (adder -m). */
bool import_find_file(qstr name, vstr_t *path);

#endif
