/* disasm.c: a readable listing of bytecode (`adder -X dis file.py`), one instruction a line with
 * its offset, source line starts, operands and what they name; nested code objects follow. */
#include "vm.h"
#include "vstr.h"

static const char *const opcode_names[] = {
#define X(name, fmt) #name,
    OPCODES(X)
#undef X
};

const uint8_t vm_opcode_format[] = {
#define X(name, fmt) OPF_##fmt,
    OPCODES(X)
#undef X
};

const char *vm_opcode_name(unsigned op) {
    return op < OP__COUNT ? opcode_names[op] : "<bad opcode>";
}

static bool uses_name(unsigned op) {
    switch (op) {
        case OP_LOAD_NAME: case OP_STORE_NAME: case OP_DELETE_NAME: case OP_LOAD_GLOBAL:
        case OP_STORE_GLOBAL: case OP_DELETE_GLOBAL: case OP_LOAD_ATTR: case OP_STORE_ATTR:
        case OP_DELETE_ATTR: case OP_LOAD_METHOD: case OP_IMPORT_NAME: case OP_IMPORT_FROM:
            return true;
        default:
            return false;
    }
}

static bool uses_slot(unsigned op) {
    switch (op) {
        case OP_LOAD_FAST: case OP_STORE_FAST: case OP_DELETE_FAST: case OP_MAKE_CELL:
        case OP_LOAD_DEREF: case OP_STORE_DEREF: case OP_DELETE_DEREF: case OP_LOAD_CLOSURE:
            return true;
        default:
            return false;
    }
}

/* Prints the operands of the instruction at *pp (just past its opcode) and advances past them. */
static void print_operands(const print_t *p, const code_t *code, unsigned op, const uint8_t **pp) {
    switch (vm_opcode_format[op]) {
        case OPF_N:
            break;
        case OPF_S:
            print_fmt(p, "%ld", (long)code_read_sint(pp));
            break;
        case OPF_J: {
            int off = code_read_jump(pp);
            print_fmt(p, "%d (to %u)", off, (unsigned)(*pp + off - code->bytecode));
            break;
        }
        case OPF_U:
        case OPF_UU: {
            size_t a = code_read_uint(pp);
            print_fmt(p, "%u", (unsigned)a);
            if (vm_opcode_format[op] == OPF_UU) {
                print_fmt(p, " %u", (unsigned)code_read_uint(pp));
            }
            if (op == OP_LOAD_CONST && a < code->n_consts) {
                print_fmt(p, " (%r)", code->consts[a]);
            } else if (uses_name(op) && a < code->n_names) {
                print_fmt(p, " (%q)", code->names[a]);
            } else if (uses_slot(op) && a < code->n_locals) {
                print_fmt(p, " (%q)", code->varnames[a]);
            }
            break;
        }
    }
}

void code_disassemble(const print_t *p, const code_t *code) {
    print_fmt(p, "Disassembly of <code object %q, file \"%q\", line %u>: %u locals, stack %u, "
        "blocks %u, flags 0x%x\n", code->name, code->filename, (unsigned)code->first_line,
        (unsigned)code->n_locals, (unsigned)code->n_stack, (unsigned)code->n_blocks,
        (unsigned)code->flags);
    const uint8_t *ip = code->bytecode, *end = ip + code->bc_len;
    uint32_t last_line = 0;
    while (ip < end) {
        size_t off = (size_t)(ip - code->bytecode);
        uint32_t line = code_line_for_offset(code, off);
        if (line != last_line) {
            print_fmt(p, "%5u ", (unsigned)line);
            last_line = line;
        } else {
            print_str(p, "      ");
        }
        unsigned op = *ip++;
        print_fmt(p, "%6u %-22s", (unsigned)off, vm_opcode_name(op));
        if (op >= OP__COUNT) {
            print_str(p, "\n");
            break;
        }
        print_operands(p, code, op, &ip);
        print_str(p, "\n");
    }
    for (size_t i = 0; i < code->n_consts; i++) {
        if (obj_is_type(code->consts[i], &type_code)) {
            print_str(p, "\n");
            code_disassemble(p, OBJ_TO_PTR(code->consts[i]));
        }
    }
}
