/* freeze.c: frozen modules at run time (the lookup and the RAM copy import needs) and, for the
 * stage-0 build, the dump of compiled code objects that tools/freeze.py turns into C. */
#include <string.h>
#include "freeze.h"
#include "gc.h"
#include "compile.h"
#include "port.h"
#include "runtime.h"

const frozen_module_t *freeze_find(const char *name, size_t len) {
    for (size_t i = 0; i < frozen_modules_count; i++) {
        const frozen_module_t *m = &frozen_modules[i];
        if (strncmp(m->name, name, len) == 0 && m->name[len] == 0) {
            return m;
        }
    }
    return NULL;
}

const code_t *freeze_code_to_ram(const code_t *rom) {
    obj_t *consts = NULL;
    for (size_t i = 0; i < rom->n_consts; i++) {
        if (obj_is_type(rom->consts[i], &type_code)) {
            const code_t *c = freeze_code_to_ram(OBJ_TO_PTR(rom->consts[i]));
            if (c != OBJ_TO_PTR(rom->consts[i]) && consts == NULL) {
                /* only consts arrays holding copied code objects need a RAM copy */
                consts = m_new(obj_t, rom->n_consts);
                memcpy(consts, rom->consts, rom->n_consts * sizeof(obj_t));
            }
            if (consts != NULL) {
                consts[i] = OBJ_FROM_PTR((code_t *)c);
            }
        }
    }
    if (rom->n_caches == 0 && consts == NULL) {
        return rom;   /* the VM never writes to a code object without inline caches */
    }
    code_t *code = m_new_obj(code_t);
    *code = *rom;
    code->caches = NULL;
    if (consts != NULL) {
        code->consts = consts;
    }
    return code;
}

/* ------------------------------------------------------------------ stage 0: the dump
 * Python expression syntax, one module per line: M('file', C(...)) where C(...) lists a code
 * object's fields, Q(static, 'name') a qstr, and consts use I/F/S/B/T/Q/C and N/TR/FA/EL. */

static void dump_qstr(qstr q) {
    if (q == QSTR_NULL) {
        print_str(&print_stdout, "Q(1,None)");
        return;
    }
    print_fmt(&print_stdout, "Q(%d,%r)", q < Q__static_count, OBJ_NEW_QSTR(q));
}

static void dump_hex(const uint8_t *p, size_t n) {
    static const char digits[] = "0123456789abcdef";
    print_str(&print_stdout, "'");
    for (size_t i = 0; i < n; i++) {
        char h[2] = { digits[p[i] >> 4], digits[p[i] & 15] };
        print_strn(&print_stdout, h, 2);
    }
    print_str(&print_stdout, "'");
}

static void dump_code(const code_t *c);

static void dump_const(obj_t o) {
    const type_t *t = obj_get_type(o);
    if (OBJ_IS_SMALL_INT(o) || t == &type_int) {
        print_fmt(&print_stdout, "I(%r)", o);
    } else if (OBJ_IS_QSTR(o)) {
        dump_qstr(OBJ_QSTR_VALUE(o));
    } else if (t == &type_str) {
        print_fmt(&print_stdout, "S(%r)", o);
    } else if (t == &type_bytes) {
        print_fmt(&print_stdout, "B(%r)", o);
#if CONFIG_FLOAT
    } else if (t == &type_float) {
        print_fmt(&print_stdout, "F('%r')", o);
#endif
    } else if (t == &type_code) {
        dump_code(OBJ_TO_PTR(o));
    } else if (t == &type_tuple) {
        size_t n;
        obj_t *items;
        obj_tuple_get(o, &n, &items);
        print_str(&print_stdout, "T([");
        for (size_t i = 0; i < n; i++) {
            dump_const(items[i]);
            print_str(&print_stdout, ",");
        }
        print_str(&print_stdout, "])");
    } else if (o == OBJ_NONE || o == OBJ_TRUE || o == OBJ_FALSE || o == OBJ_ELLIPSIS) {
        print_str(&print_stdout, o == OBJ_NONE ? "N" : o == OBJ_TRUE ? "TR" : o == OBJ_FALSE ? "FA" : "EL");
    } else {
        rt_raise_type_error("can't freeze a constant of type '%q'", t->name);
    }
}

static void dump_qstrs(const qstr *q, size_t n) {
    print_str(&print_stdout, "[");
    for (size_t i = 0; i < n; i++) {
        dump_qstr(q[i]);
        print_str(&print_stdout, ",");
    }
    print_str(&print_stdout, "]");
}

static void dump_code(const code_t *c) {
    print_fmt(&print_stdout, "C(%u,%u,%u,%u,%u,%u,%u,%u,%u,", c->flags, c->n_pos_args, c->n_posonly_args,
              c->n_kwonly_args, c->n_locals, c->n_free, c->n_stack, c->n_blocks, c->n_caches);
    dump_qstr(c->name);
    print_str(&print_stdout, ",");
    dump_qstr(c->qualname_unused_);
    print_str(&print_stdout, ",");
    dump_qstr(c->filename);
    print_fmt(&print_stdout, ",%u,", (unsigned)c->first_line);
    dump_hex(c->bytecode, c->bc_len);
    print_str(&print_stdout, ",");
    dump_hex(c->lines, c->lines_len);
    print_str(&print_stdout, ",[");
    for (size_t i = 0; i < c->n_consts; i++) {
        dump_const(c->consts[i]);
        print_str(&print_stdout, ",");
    }
    print_str(&print_stdout, "],");
    dump_qstrs(c->names, c->n_names);
    print_str(&print_stdout, ",");
    dump_qstrs(c->varnames, c->n_locals);
    print_str(&print_stdout, ")");
}

/* One FILENAME=PATH argument: 0, or the exit status.  A function of its own so that no loop
 * variable lives across the nlr_push (setjmp) below. */
static int freeze_one(const char *arg) {
    const char *eq = strchr(arg, '=');
    if (eq == NULL) {
        print_fmt(&print_stderr, "adder -X freeze: expected FILENAME=PATH, got %s\n", arg);
        return 2;
    }
    size_t len;
    char *src = port_read_file(eq + 1, &len);
    if (src == NULL) {
        print_fmt(&print_stderr, "adder -X freeze: can't read %s\n", eq + 1);
        return 1;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) != 0) {
        exc_print(&print_stderr, nlr.exc);
        return 1;
    }
    qstr filename = qstr_from_strn(arg, (size_t)(eq - arg));
    code_t *code = compile_source(src, len, filename, COMPILE_FILE);
    print_fmt(&print_stdout, "M(%r,", OBJ_NEW_QSTR(filename));
    dump_code(code);
    print_str(&print_stdout, ")\n");
    nlr_pop();
    return 0;
}

int freeze_dump(int n_args, char **args) {
    for (int i = 0; i < n_args; i++) {
        int status = freeze_one(args[i]);
        if (status != 0) {
            return status;
        }
    }
    port_stdout_flush();
    return 0;
}
