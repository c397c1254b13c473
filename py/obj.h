/* obj.h: Adder's value representation, the type structure every object points to,
 * and the layouts of the core objects that more than one file needs to see.
 *
 * Value representation. An obj_t is one machine word:
 *
 *     ...xxxxxxx1   small int: the word shifted right by one (31 or 63 bits, signed)
 *     ...xxxxxx10   interned string (qstr): the word shifted right by two is the qstr id
 *     ...xxxxxx00   pointer to an object whose first field is its type (obj_base_t)
 *
 * Small ints and interned names therefore cost no heap at all, and method tables
 * keyed by interned names can be const initialisers that live in flash.  Every
 * other object (None, True, False included: they are static const objects) is a
 * pointer to a struct starting with obj_base_t.  Heap objects are 8/16-byte
 * aligned by the GC; static objects are word aligned, which keeps the tag free.
 *
 * OBJ_NULL (0) means "no object" (unbound local, not found, end of arguments);
 * OBJ_SENTINEL is a distinct non-object used by slot protocols below;
 * OBJ_STOP is what iternext returns when an iterator is exhausted (no exception raised).
 */
#ifndef ADDER_OBJ_H
#define ADDER_OBJ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "config.h"
#include "qstr.h"

typedef void *obj_t;
typedef struct type type_t;
struct stream_p;
struct vstr;

typedef struct obj_base {
    const type_t *type;
} obj_base_t;

#define OBJ_NULL ((obj_t)0)
#define OBJ_SENTINEL ((obj_t)(uintptr_t)4)
#define OBJ_STOP ((obj_t)(uintptr_t)8)

/* ---- small ints ---- */
typedef intptr_t small_int_t;
#define SMALL_INT_MAX ((small_int_t)(INTPTR_MAX >> 1))
#define SMALL_INT_MIN ((small_int_t)(INTPTR_MIN >> 1))
#define OBJ_IS_SMALL_INT(o) (((uintptr_t)(o)) & 1)
#define OBJ_SMALL_INT_VALUE(o) (((small_int_t)(uintptr_t)(o)) >> 1)
#define OBJ_NEW_SMALL_INT(i) ((obj_t)((((uintptr_t)(small_int_t)(i)) << 1) | 1))
#define SMALL_INT_FITS(i) ((i) >= SMALL_INT_MIN && (i) <= SMALL_INT_MAX)

/* CPython's hash of an int that fits a small int: the value modulo 2**61 - 1 (sign kept), -1 -> -2. */
static inline small_int_t small_int_hash(small_int_t v) {
#if INTPTR_MAX > INT32_MAX
    const small_int_t m = ((small_int_t)1 << 61) - 1;
    if (v >= m || v <= -m) {
        v %= m;
    }
#endif
    return v == -1 ? -2 : v;
}

/* ---- interned strings ---- */
#define OBJ_IS_QSTR(o) ((((uintptr_t)(o)) & 3) == 2)
#define OBJ_QSTR_VALUE(o) ((qstr)(((uintptr_t)(o)) >> 2))
#define OBJ_NEW_QSTR(q) ((obj_t)((((uintptr_t)(q)) << 2) | 2))
/* QOBJ(append) is the interned string "append" as a value (usable in const initialisers). */
#define QOBJ(name) OBJ_NEW_QSTR(Q_##name)

/* ---- pointers ---- */
#define OBJ_IS_PTR(o) ((((uintptr_t)(o)) & 3) == 0 && (o) != OBJ_NULL)
#define OBJ_FROM_PTR(p) ((obj_t)(p))
#define OBJ_TO_PTR(o) ((void *)(o))
#define OBJ_ROM(p) ((obj_t)(uintptr_t)(p)) /* a const static object as a value */

/* ---- printing (see vstr.h for print_t) ---- */
typedef struct print print_t;
typedef enum { PRINT_STR = 0, PRINT_REPR = 1 } print_kind_t;

/* ---- operators ----
 * binary_op_t lists every binary operator.  The arithmetic block appears three times, in the same
 * order: plain (__add__), in-place (__iadd__) and reflected (__radd__), so
 * BINARY_OP_INPLACE(op) and BINARY_OP_REVERSE(op) are offsets.  Ops after BINARY_OP_IS are
 * handled by the runtime alone and never reach a type's binary_op slot. */
#define BINARY_OPS_ARITH(X) \
    X(OR, or) X(XOR, xor) X(AND, and) X(LSHIFT, lshift) X(RSHIFT, rshift) \
    X(ADD, add) X(SUB, sub) X(MUL, mul) X(MATMUL, matmul) X(FLOORDIV, floordiv) \
    X(TRUEDIV, truediv) X(MOD, mod) X(POW, pow)
typedef enum {
    BINARY_OP_LT, BINARY_OP_GT, BINARY_OP_EQ, BINARY_OP_LE, BINARY_OP_GE, BINARY_OP_NE,
    BINARY_OP_CONTAINS,      /* type(lhs) is the container: lhs.__contains__(rhs) */
#define X(n, d) BINARY_OP_##n,
    BINARY_OPS_ARITH(X)
#undef X
#define X(n, d) BINARY_OP_INPLACE_##n,
    BINARY_OPS_ARITH(X)
#undef X
#define X(n, d) BINARY_OP_REVERSE_##n,
    BINARY_OPS_ARITH(X)
#undef X
    BINARY_OP_DIVMOD,        /* divmod(lhs, rhs): returns a 2-tuple; reflected by the runtime */
    BINARY_OP_IS,            /* runtime-only from here on */
    BINARY_OP_IS_NOT,
    BINARY_OP_IN,            /* lhs in rhs: the runtime calls CONTAINS on rhs */
    BINARY_OP_NOT_IN,
    BINARY_OP_EXC_MATCH,     /* exception instance lhs matches class or tuple rhs: returns bool */
    BINARY_OP_NUM
} binary_op_t;
#define BINARY_OP_INPLACE(op) ((binary_op_t)((op) - BINARY_OP_OR + BINARY_OP_INPLACE_OR))
#define BINARY_OP_REVERSE(op) ((binary_op_t)((op) - BINARY_OP_OR + BINARY_OP_REVERSE_OR))

typedef enum {
    UNARY_OP_BOOL,    /* returns a bool object: __bool__, falling back to __len__ */
    UNARY_OP_LEN,     /* returns a small int */
    UNARY_OP_HASH,    /* returns a small int */
    UNARY_OP_POS,
    UNARY_OP_NEG,
    UNARY_OP_INVERT,
    UNARY_OP_NOT,     /* runtime-only: never reaches a slot */
    UNARY_OP_ABS,
    UNARY_OP_INT,     /* int(x): __int__ / __index__ */
    UNARY_OP_FLOAT,   /* float(x): __float__ */
    UNARY_OP_NUM
} unary_op_t;

/* ---- buffer protocol (bytes, bytearray, memoryview, array) ---- */
typedef struct {
    void *buf;
    size_t len;       /* in bytes */
    char typecode;    /* struct-module style: 'B' for bytes */
} buffer_info_t;
#define BUFFER_READ (1)
#define BUFFER_WRITE (2)

/* ---- the type structure ----
 * Every slot may be NULL.  Conventions:
 *  - print: write str() (kind PRINT_STR) or repr() (PRINT_REPR) of self.
 *  - make_new: called by calling the type object; args holds n_args positionals then n_kw
 *    (name, value) pairs, names being str objects (usually qstrs).  Same convention as call.
 *  - unary_op / binary_op: return OBJ_NULL when the operation is not supported (the runtime then
 *    tries the reflected form or raises TypeError).  binary_op is called with lhs of this type;
 *    for a REVERSE op, lhs is still self (this type) and rhs the other operand.
 *  - attr: load when dest[0] == OBJ_NULL on entry: set dest[0] to the value if found (or, for a
 *    method, dest[0] = function and dest[1] = self, which lets LOAD_METHOD avoid a bound method);
 *    leave dest[0] as OBJ_NULL if not found, and the runtime then searches locals_dict and parents.
 *    store when dest[0] == OBJ_SENTINEL: dest[1] is the value, or OBJ_NULL to delete; set
 *    dest[0] = OBJ_NULL to report success.
 *  - subscr: value == OBJ_SENTINEL: load self[index]; OBJ_NULL: delete; else store.  Returns the
 *    loaded value, or OBJ_NONE for store/delete; OBJ_NULL means unsupported.
 *  - getiter: return an iterator over self.  iternext: next item or OBJ_STOP.
 *  - locals_dict: the type's methods and class attributes, keyed by qstr (a const dict in flash
 *    for built-in types).
 *  - parent: the base type (a type_t *), or for multiple bases a tuple of types (flag TYPE_FLAG_MULTI_BASE).
 */
typedef obj_t (*make_new_fun_t)(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args);
typedef obj_t (*call_fun_t)(obj_t self, size_t n_args, size_t n_kw, const obj_t *args);
typedef void (*print_fun_t)(const print_t *p, obj_t self, print_kind_t kind);
typedef obj_t (*unary_op_fun_t)(unary_op_t op, obj_t self);
typedef obj_t (*binary_op_fun_t)(binary_op_t op, obj_t lhs, obj_t rhs);
typedef void (*attr_fun_t)(obj_t self, qstr attr, obj_t *dest);
typedef obj_t (*subscr_fun_t)(obj_t self, obj_t index, obj_t value);
typedef obj_t (*getiter_fun_t)(obj_t self);
typedef obj_t (*iternext_fun_t)(obj_t self);
typedef int (*buffer_fun_t)(obj_t self, buffer_info_t *info, int flags); /* 0 = ok */

#define TYPE_FLAG_BASETYPE       (0x0001) /* Python classes may subclass it */
#define TYPE_FLAG_USER           (0x0002) /* created by a class statement (heap type, objtype.c) */
#define TYPE_FLAG_MULTI_BASE     (0x0004) /* parent is a tuple of bases */
#define TYPE_FLAG_EQ_BY_IDENTITY (0x0008) /* == is `is`: lets the runtime skip the slot */
#define TYPE_FLAG_ITER_IS_SELF   (0x0010) /* iter(x) is x */
#define TYPE_FLAG_HAS_FINALISER  (0x0020)
/* added for framebuf (machine helper, round 2): a Python subclass's instance is made by make_new
 * called with the subclass and no arguments, then set up by the type's own __init__ (objtype.c) */
#define TYPE_FLAG_INIT_SETS_UP   (0x0040)

struct type {
    obj_base_t base;            /* &type_type (or a metaclass) */
    uint16_t flags;
    qstr name;
    print_fun_t print;
    make_new_fun_t make_new;
    call_fun_t call;
    unary_op_fun_t unary_op;
    binary_op_fun_t binary_op;
    attr_fun_t attr;
    subscr_fun_t subscr;
    getiter_fun_t getiter;
    iternext_fun_t iternext;
    buffer_fun_t buffer;
    struct obj_dict *locals_dict;
    const void *parent;
    const struct stream_p *stream;  /* byte-stream protocol (py/stream.h), NULL if not a stream */
};

/* ---- maps: the hash table under dict, instance attributes, module globals and type dicts ----
 * Entries are kept in insertion order (dict order is insertion order, as in CPython).  A fixed map
 * is a const table in flash (keys are qstrs; looked up by linear scan, never modified).  Small
 * maps are scanned linearly; larger ones get a hash index beside the entry array.  A deleted entry
 * has key OBJ_NULL until the next compaction. */
typedef struct {
    obj_t key;
    obj_t value;
} map_elem_t;

typedef struct map {
    uint32_t is_fixed : 1;
    uint32_t used : 31;    /* entries used in table, deleted ones included */
    uint32_t len;          /* live entries */
    uint32_t alloc;        /* entries allocated in table */
    map_elem_t *table;
    void *index;           /* hash index, NULL while the map is small or fixed */
} map_t;

typedef enum {
    MAP_LOOKUP,
    MAP_LOOKUP_ADD_IF_NOT_FOUND,  /* returns the new entry with value OBJ_NULL for the caller to set */
    MAP_LOOKUP_REMOVE_IF_FOUND,   /* returns a pointer to a copy of the removed entry, valid until the next map call */
} map_lookup_kind_t;

/* ROM maps: MAP_ROM(table) with `static const map_elem_t table[] = { {QOBJ(x), OBJ_ROM(&x_obj)}, ... };` */
#define MAP_ROM(table) { 1, sizeof(table) / sizeof((table)[0]), sizeof(table) / sizeof((table)[0]), \
                         sizeof(table) / sizeof((table)[0]), (map_elem_t *)(table), NULL }

void map_init(map_t *map, size_t n);
void map_clear(map_t *map);
void map_copy(map_t *dest, const map_t *src);
map_elem_t *map_lookup(map_t *map, obj_t key, map_lookup_kind_t kind); /* NULL if not found */
obj_t map_get_qstr(const map_t *map, qstr key); /* value or OBJ_NULL */
/* Iterate: size_t i = 0; map_elem_t *e; while ((e = map_next(map, &i)) != NULL) ... */
map_elem_t *map_next(const map_t *map, size_t *cursor);

/* ---- core object layouts ---- */
typedef struct obj_dict {
    obj_base_t base;
    map_t map;
} dict_t;
/* DICT_ROM(name, table): a const dict object in flash. */
#define DICT_ROM(name, table) dict_t name = { { &type_dict }, MAP_ROM(table) }

typedef struct {
    obj_base_t base;
    size_t len;
    obj_t items[];
} tuple_t;

typedef struct {
    obj_base_t base;
    size_t len;
    size_t alloc;
    obj_t *items;
} list_t;

/* Heap strings and bytes (interned strings are qstr immediates, not this struct).
 * hash is 0 until computed.  data points just past the struct for heap strings (one allocation),
 * or into flash for strings made from static data.  data[len] is always 0.
 * n_chars == len means ASCII (O(1) indexing); a non-ASCII heap str whose data is inline keeps a
 * (char, byte) indexing cursor after its data (objstr.c's business only). */
typedef struct {
    obj_base_t base;
    uint32_t hash;
    uint32_t len;        /* bytes of UTF-8 */
    uint32_t n_chars;    /* code points (== len for bytes) */
    const char *data;
} str_t;

#if CONFIG_FLOAT
typedef struct {
    obj_base_t base;
    float_val_t value;
} float_t_; /* named with a trailing underscore: float_t is taken by <math.h> */
#endif

typedef struct {
    obj_base_t base;
    obj_t value;         /* OBJ_NULL when empty */
} cell_t;

typedef struct {
    obj_base_t base;
    dict_t *globals;     /* __name__ is in globals */
} module_t;

typedef struct {
    obj_base_t base;
    obj_t fun;
    obj_t self;
} bound_meth_t;

/* ---- built-in functions ----
 * Calling convention everywhere (call slots, make_new, rt_call): n_args positionals then n_kw
 * (name, value) pairs in one array.  Builtins of fixed arity get plain C arguments; FUN_VAR
 * gets the positionals; FUN_KW gets the whole convention (parse it with arg_parse in runtime.h).
 * Methods of built-in types are these functions with self as the first argument. */
typedef obj_t (*fun_0_t)(void);
typedef obj_t (*fun_1_t)(obj_t);
typedef obj_t (*fun_2_t)(obj_t, obj_t);
typedef obj_t (*fun_3_t)(obj_t, obj_t, obj_t);
typedef obj_t (*fun_var_t)(size_t n_args, const obj_t *args);
typedef obj_t (*fun_kw_t)(size_t n_args, size_t n_kw, const obj_t *args);

typedef struct {
    obj_base_t base;      /* one of type_fun_builtin_{0,1,2,3,var,kw} */
    uint16_t n_args_min;  /* for var and kw */
    uint16_t n_args_max;  /* for var (and kw positionals); FUN_ARGS_MAX for unlimited */
    union {
        fun_0_t f0; fun_1_t f1; fun_2_t f2; fun_3_t f3; fun_var_t var; fun_kw_t kw;
    } fun;
} fun_builtin_t;
#define FUN_ARGS_MAX (0xffff)

#define FUN_DEFINE_0(obj, f) const fun_builtin_t obj = { { &type_fun_builtin_0 }, 0, 0, { .f0 = f } }
#define FUN_DEFINE_1(obj, f) const fun_builtin_t obj = { { &type_fun_builtin_1 }, 1, 1, { .f1 = f } }
#define FUN_DEFINE_2(obj, f) const fun_builtin_t obj = { { &type_fun_builtin_2 }, 2, 2, { .f2 = f } }
#define FUN_DEFINE_3(obj, f) const fun_builtin_t obj = { { &type_fun_builtin_3 }, 3, 3, { .f3 = f } }
#define FUN_DEFINE_VAR(obj, min, max, f) const fun_builtin_t obj = { { &type_fun_builtin_var }, min, max, { .var = f } }
#define FUN_DEFINE_KW(obj, min, f) const fun_builtin_t obj = { { &type_fun_builtin_kw }, min, FUN_ARGS_MAX, { .kw = f } }

/* staticmethod / classmethod wrappers (also used const, for e.g. dict.fromkeys, int.from_bytes) */
typedef struct {
    obj_base_t base;      /* &type_staticmethod or &type_classmethod */
    obj_t fun;
} static_class_method_t;

/* ---- the singletons ---- */
typedef struct { obj_base_t base; } obj_none_t;
typedef struct { obj_base_t base; bool value; } obj_bool_t;
extern const obj_none_t obj_none_obj;
extern const obj_bool_t obj_true_obj, obj_false_obj;
extern const obj_base_t obj_ellipsis_obj, obj_not_implemented_obj;
#define OBJ_NONE OBJ_ROM(&obj_none_obj)
#define OBJ_TRUE OBJ_ROM(&obj_true_obj)
#define OBJ_FALSE OBJ_ROM(&obj_false_obj)
#define OBJ_BOOL(b) ((b) ? OBJ_TRUE : OBJ_FALSE)
#define OBJ_ELLIPSIS OBJ_ROM(&obj_ellipsis_obj)
#define OBJ_NOT_IMPLEMENTED OBJ_ROM(&obj_not_implemented_obj)

/* ---- the built-in types (each defined in the file named) ---- */
extern const type_t type_type, type_object;                               /* objtype.c */
extern const type_t type_none, type_bool, type_ellipsis, type_not_implemented; /* objsingleton.c */
extern const type_t type_int;                                              /* objint.c */
#if CONFIG_FLOAT
extern const type_t type_float;                                            /* objfloat.c */
#endif
extern const type_t type_str, type_bytes, type_bytearray, type_memoryview; /* objstr.c, objbytes.c */
extern const type_t type_tuple, type_list, type_dict, type_set, type_frozenset; /* objtuple.c, objlist.c, objdict.c, objset.c */
extern const type_t type_range, type_slice;                                 /* objrange.c, objslice.c */
extern const type_t type_enumerate, type_zip, type_map, type_filter, type_reversed; /* objiter.c */
extern const type_t type_fun_builtin_0, type_fun_builtin_1, type_fun_builtin_2,
                    type_fun_builtin_3, type_fun_builtin_var, type_fun_builtin_kw; /* objfun.c */
extern const type_t type_function, type_generator, type_coroutine, type_cell, type_code; /* vm side: objfun_bc.c, objgen.c */
extern const type_t type_bound_meth, type_staticmethod, type_classmethod, type_property, type_super; /* objtype.c */
extern const type_t type_module;                                            /* objmodule.c */
extern const type_t type_dict_view_keys, type_dict_view_values, type_dict_view_items;

/* ---- type queries ---- */
const type_t *obj_get_type(obj_t o);
static inline bool obj_is_type(obj_t o, const type_t *t) {
    return OBJ_IS_PTR(o) && ((obj_base_t *)o)->type == t;
}
bool obj_is_subclass(const type_t *t, const type_t *base); /* walks parents and MRO */
bool obj_isinstance(obj_t o, const type_t *t);
qstr obj_type_name(obj_t o);
static inline bool obj_is_small_int(obj_t o) { return OBJ_IS_SMALL_INT(o); }
static inline bool obj_is_str(obj_t o) { return OBJ_IS_QSTR(o) || obj_is_type(o, &type_str); }
static inline bool obj_is_int(obj_t o) { return OBJ_IS_SMALL_INT(o) || obj_is_type(o, &type_int); }
#if CONFIG_FLOAT
static inline bool obj_is_float(obj_t o) { return obj_is_type(o, &type_float); }
#else
static inline bool obj_is_float(obj_t o) { (void)o; return false; }
#endif
/* true for exact types and for instances of subclasses (a Python class deriving from the type). */
bool obj_is_str_or_subclass(obj_t o);

/* ---- constructors and accessors the whole core uses (implemented in the type's file) ---- */
obj_t obj_new_int(intptr_t v);                    /* small int or bignum */
obj_t obj_new_int_from_ll(long long v);
obj_t obj_new_int_from_ull(unsigned long long v);
obj_t obj_new_int_from_str(const char *s, size_t len, int base); /* raises ValueError */
intptr_t obj_get_int(obj_t o);                    /* raises TypeError / OverflowError */
bool obj_get_int_maybe(obj_t o, intptr_t *out);   /* false if not an int or out of range */
intptr_t obj_get_index(obj_t o);                  /* __index__ semantics: ints and bools only */
long long obj_get_ll(obj_t o);
#if CONFIG_FLOAT
obj_t obj_new_float(float_val_t v);
obj_t obj_new_float_from_str(const char *s, size_t len); /* raises ValueError */
float_val_t obj_get_float(obj_t o);               /* int, float, bool; raises TypeError */
bool obj_get_float_maybe(obj_t o, float_val_t *out);
#endif
obj_t obj_new_str(const char *data, size_t len);  /* copies; interns short identifier-like strings */
obj_t obj_new_str_from_vstr(struct vstr *vs);     /* takes over the vstr's buffer */
obj_t obj_new_str_static(const char *data, size_t len); /* data stays in flash */
const char *obj_str_get_data(obj_t o, size_t *len); /* str (qstr or heap), bytes, bytearray */
const char *obj_str_get_cstr(obj_t o);            /* NUL-terminated */
obj_t obj_new_bytes(const uint8_t *data, size_t len);
obj_t obj_new_bytearray(const uint8_t *data, size_t len);
obj_t obj_new_tuple(size_t n, const obj_t *items); /* items may be NULL: filled with OBJ_NULL */
obj_t obj_new_list(size_t n, const obj_t *items);  /* items may be NULL */
void obj_list_append(obj_t list, obj_t item);
void obj_list_get(obj_t list, size_t *len, obj_t **items);
void obj_tuple_get(obj_t tuple, size_t *len, obj_t **items);
/* list or tuple: items and length; raises TypeError for anything else */
void obj_get_array(obj_t o, size_t *len, obj_t **items);
obj_t obj_new_dict(size_t n);
void obj_dict_store(obj_t dict, obj_t key, obj_t value);
obj_t obj_dict_get(obj_t dict, obj_t key);        /* OBJ_NULL if absent */
map_t *obj_dict_get_map(obj_t dict);
obj_t obj_new_set(size_t n, const obj_t *items);
void obj_set_add(obj_t set, obj_t item);
obj_t obj_new_slice(obj_t start, obj_t stop, obj_t step);
/* Resolve a slice against a sequence length (CPython's PySlice_GetIndicesEx); returns the count. */
size_t obj_slice_indices(obj_t slice, size_t len, intptr_t *start, intptr_t *stop, intptr_t *step);
void list_sort(obj_t list, obj_t key, bool reverse);    /* stable; key may be OBJ_NULL (objlist.c) */
obj_t int_pow_mod(obj_t base, obj_t exp, obj_t mod);   /* pow(a, b, m) (objint.c) */
obj_t iter_new_seq(obj_t seq);                         /* iterator over __getitem__ 0, 1, ... (objiter.c) */
obj_t iter_new_callable(obj_t fun, obj_t sentinel);    /* iter(f, sentinel) (objiter.c) */
obj_t obj_new_cell(obj_t value);
obj_t obj_new_bound_meth(obj_t fun, obj_t self);
obj_t obj_new_module(qstr name);
obj_t obj_new_exception(const type_t *exc_type, size_t n_args, const obj_t *args);
obj_t obj_new_exception_msg(const type_t *exc_type, const char *fmt, ...); /* print_fmt format */

/* ---- generic operations (runtime.c); they raise on error ---- */
bool obj_is_true(obj_t o);
bool obj_equal(obj_t a, obj_t b);
obj_t obj_hash(obj_t o);                          /* small int; TypeError if unhashable */
size_t obj_len(obj_t o);
obj_t obj_len_maybe(obj_t o);                     /* small int or OBJ_NULL */
void obj_print(const print_t *p, obj_t o, print_kind_t kind);
obj_t obj_repr(obj_t o);                          /* repr() as a str object */
obj_t obj_str(obj_t o);                           /* str() as a str object */

/* ---- containers additions (objtuple.c, objlist.c) ---- */
/* Lexicographic comparison of two item arrays for op (LT..NE), as list and tuple compare. */
obj_t tuple_compare_items(binary_op_t op, const obj_t *a, size_t na, const obj_t *b, size_t nb);
/* repr recursion guard for containers: enter returns false if o is already being printed further
 * up the C stack (print "[...]" then), and raises RecursionError past the recursion limit. */
typedef struct repr_guard {
    const void *obj;
    struct repr_guard *prev;
    size_t depth;
} repr_guard_t;
bool repr_guard_enter(repr_guard_t *guard, obj_t o);   /* guard lives in the caller's frame */
void repr_guard_leave(repr_guard_t *guard);


/* ---- numbers area (objint.c, objfloat.c): added by the numbers helper ----
 * The int and float slots, callable directly (bool's slots delegate to int's), and the conversions
 * the two files share. */
obj_t int_unary_op(unary_op_t op, obj_t self);           /* accepts bool */
obj_t int_binary_op(binary_op_t op, obj_t lhs, obj_t rhs); /* accepts bool; int/float mixes too */
#if CONFIG_FLOAT
int int_cmp_float(obj_t i, float_val_t f);               /* exact: -1, 0, 1, or 2 when f is nan */
obj_t int_from_float(float_val_t f);                     /* int(f): OverflowError / ValueError */
float_val_t int_as_float(obj_t i);                       /* correctly rounded; OverflowError */
#endif
obj_t int_index(obj_t o);   /* operator.index(o) as an int object (bin/hex/oct); CPython's TypeError */
/* ---- added by the fixups helper ---- */
bool obj_is_index(obj_t o); /* int, bool, int subclass or __index__: what sequences accept as an index */
#if CONFIG_FLOAT
obj_t float_binary_op_values(binary_op_t op, float_val_t a, float_val_t b); /* arithmetic and compare */
#endif
/* range's iterator (objrange.c), public so the VM may step it inline: `left` items remain, the next
 * being cur; cur advances by step only while items remain, so it never overflows. */
typedef struct {
    obj_base_t base;
    intptr_t cur, step;
    uintptr_t left;
} range_iter_t;
extern const type_t type_range_iterator;

#endif
