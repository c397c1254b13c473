/* code.h: code objects, the compiler's output and the VM's input, with the inline decoders for
 * bytecode operands and line numbers that the compiler, the VM and the disassembler share. */
#ifndef ADDER_CODE_H
#define ADDER_CODE_H

#include "obj.h"
#include "opcodes.h"

#define CODE_FLAG_VARARGS    (0x01) /* has *args: its slot follows the kw-only params */
#define CODE_FLAG_VARKW      (0x02) /* has **kwargs: its slot follows *args' (or the kw-only params) */
#define CODE_FLAG_GENERATOR  (0x04) /* calling it makes a generator */
#define CODE_FLAG_COROUTINE  (0x08) /* async def: calling it makes a coroutine */
#define CODE_FLAG_ASYNC_GEN  (0x10) /* async def containing yield */
#define CODE_FLAG_CLASS_BODY (0x20) /* names use LOAD_NAME/STORE_NAME on the class namespace */
#define CODE_FLAG_MODULE     (0x40) /* module-level (or exec/eval) code */
/* ---- added by the compiler helper ---- */
#define CODE_FLAG_DOCSTRING  (0x80) /* a function's docstring is consts[0] (for __doc__) */

/* Slot layout of a frame: [positional params][kw-only params][*args][**kwargs][other locals][free vars].
 * varnames names every slot.  Cell variables are ordinary slots turned into cells by MAKE_CELL at
 * the start of the body; free variables are the last n_free slots, filled from the function's closure
 * tuple when the frame starts. */
typedef struct code {
    obj_base_t base;          /* &type_code */
    uint8_t flags;
    uint8_t n_pos_args;       /* positional parameters, positional-only ones included */
    uint8_t n_posonly_args;   /* the first n of them are positional-only (before `/`) */
    uint8_t n_kwonly_args;
    uint16_t n_locals;        /* all slots */
    uint16_t n_free;
    uint16_t n_stack;         /* maximum value-stack depth */
    uint16_t n_blocks;        /* maximum handler-block depth */
    uint16_t n_caches;        /* inline cache entries used by the bytecode */
    uint16_t n_consts;
    uint16_t n_names;
    qstr name;                /* function name, "<module>", "<lambda>", "<listcomp>", ... */
    qstr qualname_unused_;
    qstr filename;
    uint32_t first_line;
    uint32_t bc_len;
    uint32_t lines_len;
    const uint8_t *bytecode;
    const uint8_t *lines;     /* line table, see code_line_for_offset */
    const obj_t *consts;      /* constants: None-free literals, nested code objects, kw names */
    const qstr *names;        /* names used by *_NAME, *_GLOBAL, *_ATTR, LOAD_METHOD, IMPORT_* */
    const qstr *varnames;     /* n_locals entries */
    void *caches;             /* owned by the VM, allocated on first run (NULL before) */
} code_t;

/* ---- operand decoding ---- */
static inline size_t code_read_uint(const uint8_t **pp) {
    const uint8_t *p = *pp;
    size_t v = 0;
    unsigned shift = 0;
    uint8_t b;
    do {
        b = *p++;
        v |= (size_t)(b & 0x7f) << shift;
        shift += 7;
    } while (b & 0x80);
    *pp = p;
    return v;
}
static inline intptr_t code_read_sint(const uint8_t **pp) {
    size_t z = code_read_uint(pp);
    return (z & 1) ? -(intptr_t)(z >> 1) - 1 : (intptr_t)(z >> 1);
}
static inline int code_read_jump(const uint8_t **pp) {
    const uint8_t *p = *pp;
    int v = (int16_t)(uint16_t)(p[0] | (p[1] << 8));
    *pp = p + 2;
    return v;
}

/* ---- line table ----
 * A sequence of byte pairs (bc_delta, line_delta): bc_delta unsigned 0..255, line_delta a signed
 * int8.  Start with offset 0 at first_line; each pair says "from offset += bc_delta on, the line is
 * line += line_delta".  Larger jumps are split into several pairs. */
static inline uint32_t code_line_for_offset(const code_t *code, size_t offset) {
    uint32_t line = code->first_line;
    size_t bc = 0;
    for (size_t i = 0; i + 1 < code->lines_len; i += 2) {
        size_t next_bc = bc + code->lines[i];
        if (next_bc > offset) {
            break;
        }
        bc = next_bc;
        line = (uint32_t)((int32_t)line + (int8_t)code->lines[i + 1]);
    }
    return line;
}

/* Print a disassembly (for debugging: `adder -X dis file.py`). */
void code_disassemble(const print_t *p, const code_t *code);

#endif
