/* opcodes.h: the one list of Adder's bytecode instructions: X(name, format), stack effect in the comment.
 * Included with different X definitions to make the opcode enum (below), the VM's dispatch
 * table and the disassembler's names, so the three can never disagree.
 *
 * Encoding: one opcode byte, then the operands its format names:
 *   N   none
 *   U   one unsigned varint (LEB128: 7 bits per byte, low group first, high bit = more follows)
 *   UU  two unsigned varints
 *   J   a jump: signed 16-bit little-endian offset, relative to the end of the instruction
 *   S   one signed varint (zigzag-encoded: 0,-1,1,-2,... -> 0,1,2,3,...)
 *
 * Stack notation: [before] -> [after], top of stack on the right.  "name" operands index
 * code->names (qstrs), "const" operands index code->consts, "slot" operands index the frame's
 * local slots (code->varnames gives their names), "cache" operands index the code's inline caches
 * (0..code->n_caches-1; the compiler numbers them, the VM owns what is in them).
 *
 * Exception handling uses a block stack: SETUP_* pushes a handler block recording the handler
 * address and the value-stack depth.  When an exception propagates to that block, the VM pops the
 * block, cuts the value stack back to the recorded depth, pushes the previously handled exception
 * (or None) and then the exception itself, makes the new one the handled exception
 * (sys.exc_info()), and jumps to the handler: [.. prev, exc].  A handler that finishes normally
 * runs POP_TOP (exc) then POP_EXCEPT (restores prev as the handled exception).  `finally` bodies
 * are compiled twice: inline for the normal path (and at every return/break/continue that leaves
 * the try), and once as an exception handler ending in RERAISE.
 */

/*  name                 fmt  effect / meaning */
#define OPCODES(X) \
    X(NOP,                N)  /* */ \
    X(POP_TOP,            N)  /* [a] -> [] */ \
    X(ROT_TWO,            N)  /* [a b] -> [b a] */ \
    X(ROT_THREE,          N)  /* [a b c] -> [c a b] */ \
    X(ROT_FOUR,           N)  /* [a b c d] -> [d a b c] */ \
    X(DUP_TOP,            N)  /* [a] -> [a a] */ \
    X(DUP_TOP_TWO,        N)  /* [a b] -> [a b a b] */ \
    X(LOAD_CONST,         U)  /* const: [] -> [consts[i]] */ \
    X(LOAD_SMALL_INT,     S)  /* value: [] -> [int] */ \
    X(LOAD_NONE,          N)  /* [] -> [None] */ \
    X(LOAD_TRUE,          N)  /* [] -> [True] */ \
    X(LOAD_FALSE,         N)  /* [] -> [False] */ \
    X(LOAD_NULL,          N)  /* [] -> [NULL]: a placeholder slot (e.g. before CALL_METHOD from a plain call) */ \
    X(LOAD_FAST,          U)  /* slot: [] -> [v]; UnboundLocalError if unbound */ \
    X(STORE_FAST,         U)  /* slot: [v] -> [] */ \
    X(DELETE_FAST,        U)  /* slot: unbinds; UnboundLocalError if unbound */ \
    X(MAKE_CELL,          U)  /* slot: replace the slot's value (maybe unbound) by a new cell holding it */ \
    X(LOAD_DEREF,         U)  /* slot holding a cell: [] -> [cell contents]; NameError/UnboundLocalError if empty */ \
    X(STORE_DEREF,        U)  /* slot holding a cell: [v] -> [] */ \
    X(DELETE_DEREF,       U)  /* slot holding a cell: empties it */ \
    X(LOAD_CLOSURE,       U)  /* slot: [] -> [the cell itself] */ \
    X(LOAD_NAME,          U)  /* name: [] -> [v] from locals dict, globals, builtins */ \
    X(STORE_NAME,         U)  /* name: [v] -> [] into the locals dict */ \
    X(DELETE_NAME,        U)  /* name */ \
    X(LOAD_GLOBAL,        UU) /* name cache: [] -> [v] from globals then builtins */ \
    X(STORE_GLOBAL,       U)  /* name: [v] -> [] */ \
    X(DELETE_GLOBAL,      U)  /* name */ \
    X(LOAD_ATTR,          UU) /* name cache: [obj] -> [obj.name] */ \
    X(STORE_ATTR,         UU) /* name cache: [v obj] -> [] (obj.name = v) */ \
    X(DELETE_ATTR,        U)  /* name: [obj] -> [] */ \
    X(LOAD_METHOD,        UU) /* name cache: [obj] -> [fun self] for a method, or [attr NULL] */ \
    X(LOAD_BUILD_CLASS,   N)  /* [] -> [__build_class__] */ \
    X(LOAD_ASSERTION_ERROR, N) /* [] -> [AssertionError] */ \
    X(BINARY_SUBSCR,      N)  /* [obj idx] -> [obj[idx]] */ \
    X(STORE_SUBSCR,       N)  /* [v obj idx] -> [] (obj[idx] = v) */ \
    X(DELETE_SUBSCR,      N)  /* [obj idx] -> [] */ \
    X(BUILD_SLICE,        U)  /* n (2 or 3): [start stop (step)] -> [slice]; missing parts are None */ \
    X(UNARY_OP,           U)  /* unary_op_t (POS, NEG, INVERT, NOT): [a] -> [op a] */ \
    X(BINARY_OP,          U)  /* binary_op_t (arith, inplace, compare, IS, IN, EXC_MATCH...): [a b] -> [a op b] */ \
    X(JUMP,               J)  /* */ \
    X(POP_JUMP_IF_FALSE,  J)  /* [a] -> [] ; jump if not a */ \
    X(POP_JUMP_IF_TRUE,   J)  /* [a] -> [] ; jump if a */ \
    X(JUMP_IF_FALSE_OR_POP, J) /* [a] -> [a] and jump if not a, else [] */ \
    X(JUMP_IF_TRUE_OR_POP,  J) /* [a] -> [a] and jump if a, else [] */ \
    X(GET_ITER,           N)  /* [obj] -> [iter(obj)] */ \
    X(FOR_ITER,           J)  /* [it] -> [it next(it)]; when exhausted: [it] -> [] and jump */ \
    X(BUILD_TUPLE,        U)  /* n: [a1..an] -> [(a1..an)] */ \
    X(BUILD_LIST,         U)  /* n */ \
    X(BUILD_SET,          U)  /* n */ \
    X(BUILD_MAP,          U)  /* n pairs: [k1 v1 .. kn vn] -> [dict] */ \
    X(BUILD_STRING,       U)  /* n: [s1..sn] -> [s1+..+sn] (f-strings) */ \
    X(LIST_APPEND,        U)  /* n: [list x1..x(n-1) v] -> [list x1..x(n-1)]: list.append(v); list is at depth n below v */ \
    X(SET_ADD,            U)  /* n: as LIST_APPEND for a set */ \
    X(MAP_ADD,            U)  /* n: [map .. k v] -> [map ..]: map[k] = v; map at depth n below k */ \
    X(LIST_EXTEND,        U)  /* n: [list .. it] -> [list ..]: list.extend(it) */ \
    X(SET_UPDATE,         U)  /* n */ \
    X(DICT_UPDATE,        U)  /* n: dict.update(mapping) (for {**a}) */ \
    X(DICT_MERGE,         U)  /* n: like DICT_UPDATE but TypeError on a repeated key (for f(**a, **b)) */ \
    X(LIST_TO_TUPLE,      N)  /* [list] -> [tuple] */ \
    X(UNPACK_SEQUENCE,    U)  /* n: [seq] -> [item(n-1) .. item1 item0]  (item0 on top) */ \
    X(UNPACK_EX,          UU) /* before after: [seq] -> [after items reversed, list, before items reversed] (first item on top) */ \
    X(CALL_FUNCTION,      UU) /* n_pos n_kw: [f a1..an k1 v1..km vm] -> [result]; ki are str consts */ \
    X(CALL_METHOD,        UU) /* n_pos n_kw: [A B args..] -> [result]: A(B, args..) if B is not NULL, else A(args..) */ \
    X(CALL_FUNCTION_EX,   U)  /* flags (1 = has kwargs dict): [f args (kwargs)] -> [result]; args a tuple/list */ \
    X(MAKE_FUNCTION,      U)  /* flags 1 defaults tuple, 2 kw-defaults dict, 4 closure tuple: [(defaults) (kwdefaults) (closure) code] -> [function] */ \
    X(RETURN_VALUE,       N)  /* [v] -> returns v */ \
    X(IMPORT_NAME,        U)  /* name: [level fromlist] -> [module] */ \
    X(IMPORT_FROM,        U)  /* name: [module] -> [module module.name] (ImportError if missing) */ \
    X(IMPORT_STAR,        N)  /* [module] -> [] */ \
    X(SETUP_EXCEPT,       J)  /* push a handler block at the jump target, depth = current depth */ \
    X(SETUP_WITH,         J)  /* as SETUP_EXCEPT but the recorded depth excludes TOS (the __enter__ result) */ \
    X(POP_BLOCK,          N)  /* pop the innermost handler block (normal exit from the try body) */ \
    X(POP_EXCEPT,         N)  /* [prev] -> []: prev becomes the handled exception again */ \
    X(RERAISE,            N)  /* [exc] -> raise exc again, keeping its traceback */ \
    X(RAISE_VARARGS,      U)  /* 0: re-raise the handled exception; 1: [exc] raise; 2: [exc cause] raise exc from cause */ \
    X(BEFORE_WITH,        N)  /* [mgr] -> [mgr.__exit__ mgr.__enter__()] */ \
    X(WITH_EXCEPT,        N)  /* [exit prev exc] -> [exit prev exc exit(type(exc), exc, tb)] */ \
    X(YIELD_VALUE,        N)  /* [v] -> [sent value] */ \
    X(YIELD_FROM,         N)  /* [iter v] -> [result]: delegate to iter (send v), yielding until it returns */ \
    X(GET_YIELD_FROM_ITER, N) /* [obj] -> [iter] (a generator/coroutine stays itself) */ \
    X(GET_AWAITABLE,      N)  /* [obj] -> [iterator for await obj] */ \
    X(GET_AITER,          N)  /* [obj] -> [obj.__aiter__()] */ \
    X(GET_ANEXT,          N)  /* [aiter] -> [aiter awaitable(aiter.__anext__())] */ \
    X(END_ASYNC_FOR,      N)  /* [aiter prev exc] -> [] if exc is StopAsyncIteration (restoring prev), else re-raise exc */ \
    X(BEFORE_ASYNC_WITH,  N)  /* [mgr] -> [mgr.__aexit__ mgr.__aenter__()] */ \
    X(FORMAT_VALUE,       U)  /* flags: bits 0-1 conversion (0 none, 1 !s, 2 !r, 3 !a), bit 2 spec on stack: [v (spec)] -> [str] */ \
    X(PRINT_EXPR,         N)  /* [v] -> []: REPL echo (repr unless None; sets _) */ \
    X(SETUP_ANNOTATIONS,  N)  /* reserved; annotations are not evaluated */ \

typedef enum {
#define X(name, fmt) OP_##name,
    OPCODES(X)
#undef X
    OP__COUNT
} opcode_t;

typedef enum { OPF_N, OPF_U, OPF_UU, OPF_J, OPF_S } opcode_format_t;
