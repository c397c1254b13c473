/* argparse.c: checking and parsing the arguments of built-in functions, with CPython's TypeError
 * wording.  arg_parse maps positionals and keyword pairs onto a spec table (FUN_KW builtins);
 * arg_check_num is the quick count check for everything else. */
#include "runtime.h"

static const char *name_or_default(const char *fun_name) {
    return fun_name ? fun_name : "function";
}

static RT_NORETURN void raise_too_many(const char *fun, size_t n_max_pos, size_t n_required, size_t given) {
    if (n_required == n_max_pos) {
        rt_raise_type_error("%s() takes %u positional argument%s but %u %s given", fun, (unsigned)n_max_pos,
                            n_max_pos == 1 ? "" : "s", (unsigned)given, given == 1 ? "was" : "were");
    }
    rt_raise_type_error("%s() takes from %u to %u positional arguments but %u %s given", fun,
                        (unsigned)n_required, (unsigned)n_max_pos, (unsigned)given, given == 1 ? "was" : "were");
}

void arg_parse(size_t n_args, size_t n_kw, const obj_t *args, const arg_spec_t *spec, size_t n_spec,
               obj_t *out, const char *fun_name) {
    const char *fun = name_or_default(fun_name);
    size_t n_max_pos = 0, n_required = 0;
    for (size_t i = 0; i < n_spec; i++) {
        if (!(spec[i].flags & ARG_KW_ONLY)) {
            n_max_pos++;
            if (spec[i].flags & ARG_REQUIRED) {
                n_required++;
            }
        }
        out[i] = OBJ_NULL;
    }
    if (n_args > n_max_pos) {
        raise_too_many(fun, n_max_pos, n_required, n_args);
    }
    for (size_t i = 0, pos = 0; i < n_spec && pos < n_args; i++) {
        if (!(spec[i].flags & ARG_KW_ONLY)) {
            out[i] = args[pos++];
        }
    }
    const obj_t *kw = args + n_args;
    for (size_t k = 0; k < n_kw; k++) {
        obj_t key = kw[2 * k];
        qstr q = OBJ_IS_QSTR(key) ? OBJ_QSTR_VALUE(key) : qstr_from_str(obj_str_get_cstr(key));
        size_t i = 0;
        while (i < n_spec && spec[i].name != q) {
            i++;
        }
        if (i == n_spec) {
            rt_raise_type_error("'%q' is an invalid keyword argument for %s()", q, fun);
        }
        if (out[i] != OBJ_NULL) {
            rt_raise_type_error("argument for %s() given by name ('%q') and position (%u)", fun, q,
                                (unsigned)(i + 1));
        }
        out[i] = kw[2 * k + 1];
    }
    for (size_t i = 0; i < n_spec; i++) {
        if (out[i] == OBJ_NULL) {
            if (spec[i].flags & ARG_REQUIRED) {
                if (spec[i].flags & ARG_KW_ONLY) {
                    rt_raise_type_error("%s() missing required keyword-only argument: '%q'", fun, spec[i].name);
                }
                rt_raise_type_error("%s() missing required argument '%q' (pos %u)", fun, spec[i].name,
                                    (unsigned)(i + 1));
            }
            out[i] = spec[i].default_value;
        }
    }
}

void arg_check_num(size_t n_args, size_t n_kw, size_t min, size_t max, bool takes_kw) {
    if (n_kw != 0 && !takes_kw) {
        rt_raise_type_error("function takes no keyword arguments");
    }
    if (n_args >= min && n_args <= max) {
        return;
    }
    if (min == max) {
        rt_raise_type_error("function takes exactly %u argument%s (%u given)", (unsigned)min,
                            min == 1 ? "" : "s", (unsigned)n_args);
    }
    if (n_args > max) {
        rt_raise_type_error("function expected at most %u argument%s, got %u", (unsigned)max,
                            max == 1 ? "" : "s", (unsigned)n_args);
    }
    rt_raise_type_error("function expected at least %u argument%s, got %u", (unsigned)min,
                        min == 1 ? "" : "s", (unsigned)n_args);
}
