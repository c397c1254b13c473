/* import.c: the import statement: sys.modules, built-in modules (copied to RAM on first import),
 * then name.py or name/__init__.py on sys.path (or the parent package's __path__), relative
 * imports, `from m import x` and `from m import *`. */
#include <string.h>
#include "compile.h"
#include "freeze.h"
#include "gc.h"
#include "port.h"
#include "runtime.h"

static obj_t modules_get(qstr name) {
    return map_get_qstr(obj_dict_get_map(STATE(modules)), name);
}

/* sys.modules may hold any object (a test's fake module, say): anything but a module goes through
 * the generic attribute protocol. */
static obj_t module_get(obj_t module, qstr name) {
    if (!obj_is_type(module, &type_module)) {
        return rt_load_attr_maybe(module, name);
    }
    return map_get_qstr(&((module_t *)OBJ_TO_PTR(module))->globals->map, name);
}

static void module_set(obj_t module, qstr name, obj_t value) {
    if (!obj_is_type(module, &type_module)) {
        rt_store_attr(module, name, value);
        return;
    }
    map_lookup(&((module_t *)OBJ_TO_PTR(module))->globals->map, OBJ_NEW_QSTR(name),
               MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
}

static obj_t new_module_with(dict_t *globals) {
    module_t *m = m_new_obj(module_t);
    m->base.type = &type_module;
    m->globals = globals;
    return OBJ_FROM_PTR(m);
}

/* A built-in module's first import: its globals copied to RAM, then its __init__ run. */
static obj_t instantiate_builtin(qstr name) {
    if (name == Q_builtins && STATE(dict_builtins) != NULL) {
        return new_module_with(STATE(dict_builtins));
    }
    obj_t rom = rt_builtin_module(name);
    if (rom == OBJ_NULL) {
        return OBJ_NULL;
    }
    dict_t *globals = OBJ_TO_PTR(obj_new_dict(0));
    map_copy(&globals->map, &((module_t *)OBJ_TO_PTR(rom))->globals->map);
    obj_t module = new_module_with(globals);
    obj_dict_store(STATE(modules), OBJ_NEW_QSTR(name), module);
    map_elem_t *init = map_lookup(&globals->map, QOBJ(__init__), MAP_LOOKUP_REMOVE_IF_FOUND);
    if (init != NULL) {
        rt_call1(init->value, module);
    }
    return module;
}

static void path_join(vstr_t *out, obj_t dir, const char *leaf, size_t leaf_len, const char *suffix) {
    size_t dlen;
    const char *d = obj_str_get_data(dir, &dlen);
    out->len = 0;
    if (dlen > 0) {
        vstr_add_strn(out, d, dlen);
        if (d[dlen - 1] != '/') {
            vstr_add_byte(out, '/');
        }
    }
    vstr_add_strn(out, leaf, leaf_len);
    vstr_add_str(out, suffix);
    vstr_null_terminated(out);
}

typedef enum { FOUND_NONE, FOUND_MODULE, FOUND_PACKAGE, FOUND_NAMESPACE } found_t;

/* Search the directories of path_list for leaf: a package directory with __init__.py, or leaf.py,
 * or failing those a directory (a namespace package).  file gets the file to run, dir the package's
 * directory. */
static found_t find_in(obj_t path_list, const char *leaf, size_t leaf_len, vstr_t *file, vstr_t *dir) {
    size_t n;
    obj_t *dirs;
    obj_get_array(path_list, &n, &dirs);
    obj_t ns_dir = OBJ_NULL;
    for (size_t i = 0; i < n; i++) {
        if (!obj_is_str(dirs[i])) {
            continue;
        }
        path_join(dir, dirs[i], leaf, leaf_len, "");
        if (port_stat(dir->buf) == 2) {
            path_join(file, dirs[i], leaf, leaf_len, "/__init__.py");
            if (port_stat(file->buf) == 1) {
                return FOUND_PACKAGE;
            }
            if (ns_dir == OBJ_NULL) {
                ns_dir = dirs[i];
            }
        }
        path_join(file, dirs[i], leaf, leaf_len, ".py");
        if (port_stat(file->buf) == 1) {
            return FOUND_MODULE;
        }
    }
    if (ns_dir == OBJ_NULL) {
        return FOUND_NONE;
    }
    path_join(dir, ns_dir, leaf, leaf_len, "");
    return FOUND_NAMESPACE;
}

static obj_t str_of(const vstr_t *vs) {
    return obj_new_str(vs->buf, vs->len);
}

static void exec_file(obj_t module, const char *path) {
    size_t len;
    char *src = port_read_file(path, &len);
    if (src == NULL) {
        rt_raise_os_error(2);
    }
    code_t *code = compile_source(src, len, qstr_from_str(path), COMPILE_FILE);
    dict_t *globals = ((module_t *)OBJ_TO_PTR(module))->globals;
    vm_exec_code(code, globals, globals);
}

/* Runs a module already in sys.modules, taking it out again if it raises. */
static void exec_registered(obj_t module, qstr full_name, const char *path) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        exec_file(module, path);
        nlr_pop();
        return;
    }
    map_lookup(obj_dict_get_map(STATE(modules)), OBJ_NEW_QSTR(full_name), MAP_LOOKUP_REMOVE_IF_FOUND);
    nlr_raise(nlr.exc);
}

/* A frozen module (py/freeze.h): its bytecode stays in ROM; registered while it runs, as load does. */
static obj_t load_frozen(qstr full_name, size_t leaf_len) {
    size_t len;
    const char *name = qstr_data(full_name, &len);
    const frozen_module_t *f = freeze_find(name, len);
    if (f == NULL) {
        return OBJ_NULL;
    }
    obj_t module = obj_new_module(full_name);
    size_t pkg_len = f->is_package ? len : len > leaf_len ? len - leaf_len - 1 : 0;
    module_set(module, Q___package__, OBJ_NEW_QSTR(qstr_from_strn(name, pkg_len)));
    if (f->is_package) {
        module_set(module, Q___path__, obj_new_list(0, NULL));
    }
    module_set(module, Q___file__, OBJ_NEW_QSTR(f->code->filename));
    obj_dict_store(STATE(modules), OBJ_NEW_QSTR(full_name), module);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        dict_t *globals = ((module_t *)OBJ_TO_PTR(module))->globals;
        vm_exec_code((code_t *)freeze_code_to_ram(f->code), globals, globals);
        nlr_pop();
        return module;
    }
    map_lookup(obj_dict_get_map(STATE(modules)), OBJ_NEW_QSTR(full_name), MAP_LOOKUP_REMOVE_IF_FOUND);
    nlr_raise(nlr.exc);
}

/* MicroPython's old names: `import ujson` with no ujson of its own is the built-in json, the same
 * module object, registered under both names. */
static obj_t u_alias(qstr full_name, const char *leaf, size_t leaf_len) {
    if (leaf_len < 2 || leaf[0] != 'u') {
        return OBJ_NULL;
    }
    qstr name = qstr_find_strn(leaf + 1, leaf_len - 1);
    bool frozen = name != QSTR_NULL && freeze_find(leaf + 1, leaf_len - 1) != NULL;   /* uasyncio */
    if (name == QSTR_NULL || (rt_builtin_module(name) == OBJ_NULL && !frozen)) {
        return OBJ_NULL;
    }
    obj_t m = modules_get(name);
    if (m == OBJ_NULL) {
        m = frozen ? load_frozen(name, leaf_len - 1) : instantiate_builtin(name);
    }
    obj_dict_store(STATE(modules), OBJ_NEW_QSTR(full_name), m);
    return m;
}

/* Loads full_name (whose last component is leaf) from the parent package's __path__ or sys.path,
 * registering it in sys.modules while it runs.  OBJ_NULL if not found. */
static obj_t load(qstr full_name, const char *leaf, size_t leaf_len, obj_t parent) {
    if (parent == OBJ_NULL) {
        obj_t m = instantiate_builtin(full_name);
        if (m != OBJ_NULL) {
            return m;
        }
    }
    obj_t frozen = load_frozen(full_name, leaf_len);
    if (frozen != OBJ_NULL) {
        return frozen;
    }
    obj_t path_list = parent == OBJ_NULL ? STATE(sys_path) : module_get(parent, Q___path__);
    if (path_list == OBJ_NULL) {
        return OBJ_NULL;
    }
    vstr_t file, dir;
    vstr_init(&file, 64);
    vstr_init(&dir, 64);
    found_t found = find_in(path_list, leaf, leaf_len, &file, &dir);
    if (found == FOUND_NONE) {
        return parent == OBJ_NULL ? u_alias(full_name, leaf, leaf_len) : OBJ_NULL;
    }
    obj_t module = obj_new_module(full_name);
    size_t name_len;
    const char *name = qstr_data(full_name, &name_len);
    if (found == FOUND_MODULE) {
        const char *dot = name_len > leaf_len ? name + name_len - leaf_len - 1 : NULL;
        module_set(module, Q___package__, dot ? OBJ_NEW_QSTR(qstr_from_strn(name, (size_t)(dot - name))) : OBJ_NEW_QSTR(Q_));
    } else {
        module_set(module, Q___package__, OBJ_NEW_QSTR(full_name));
        obj_t p = str_of(&dir);
        module_set(module, Q___path__, obj_new_list(1, &p));
    }
    if (found != FOUND_NAMESPACE) {
        module_set(module, Q___file__, str_of(&file));
    }
    obj_dict_store(STATE(modules), OBJ_NEW_QSTR(full_name), module);
    if (found != FOUND_NAMESPACE) {
        exec_registered(module, full_name, vstr_null_terminated(&file));
    }
    return module;
}

/* Raises an ImportError (or subclass) with CPython's name and path attributes. */
RT_NORETURN static void raise_import_error(obj_t exc, obj_t name, obj_t path) {
    rt_store_attr(exc, Q_name, name);
    rt_store_attr(exc, Q_path, path);
    rt_raise(exc);
}

RT_NORETURN static void not_found(qstr name) {
    raise_import_error(obj_new_exception_msg(&type_ModuleNotFoundError, "No module named '%q'", name),
                       OBJ_NEW_QSTR(name), OBJ_NONE);
}

/* Imports the dotted name, each parent first; returns the last module. */
static obj_t import_dotted(qstr full) {
    obj_t m = modules_get(full);
    if (m != OBJ_NULL) {
        return m;
    }
    size_t len;
    const char *s = qstr_data(full, &len);
    obj_t parent = OBJ_NULL;
    for (size_t start = 0, end; start <= len; start = end + 1) {
        end = start;
        while (end < len && s[end] != '.') {
            end++;
        }
        qstr prefix = qstr_from_strn(s, end);
        m = modules_get(prefix);
        if (m == OBJ_NULL) {
            m = load(prefix, s + start, end - start, parent);
            if (m == OBJ_NULL) {
                not_found(prefix);
            }
            if (parent != OBJ_NULL) {
                module_set(parent, qstr_from_strn(s + start, end - start), m);
            }
        }
        parent = m;
    }
    return m;
}

/* The package that a relative import of the given level starts from. */
static qstr resolve_package(int level, dict_t *globals) {
    obj_t pkg = globals != NULL ? map_get_qstr(&globals->map, Q___package__) : OBJ_NULL;
    const char *s = "";
    size_t len = 0;
    if (pkg != OBJ_NULL && pkg != OBJ_NONE) {
        s = obj_str_get_data(pkg, &len);
    } else if (globals != NULL) {
        obj_t name = map_get_qstr(&globals->map, Q___name__);
        if (name != OBJ_NULL && obj_is_str(name)) {
            s = obj_str_get_data(name, &len);
            if (map_get_qstr(&globals->map, Q___path__) == OBJ_NULL) {
                while (len > 0 && s[len - 1] != '.') {
                    len--;
                }
                len = len > 0 ? len - 1 : 0;
            }
        }
    }
    if (len == 0) {
        rt_raise_msg(&type_ImportError, "attempted relative import with no known parent package");
    }
    for (int i = 1; i < level; i++) {
        while (len > 0 && s[len - 1] != '.') {
            len--;
        }
        if (len == 0) {
            rt_raise_msg(&type_ImportError, "attempted relative import beyond top-level package");
        }
        len--;
    }
    return qstr_from_strn(s, len);
}

static qstr join_names(qstr a, qstr b) {
    size_t alen, blen;
    const char *as = qstr_data(a, &alen), *bs = qstr_data(b, &blen);
    vstr_t vs;
    vstr_init(&vs, alen + blen + 2);
    vstr_add_strn(&vs, as, alen);
    vstr_add_byte(&vs, '.');
    vstr_add_strn(&vs, bs, blen);
    qstr q = qstr_from_strn(vs.buf, vs.len);
    vstr_clear(&vs);
    return q;
}

/* `from pkg import sub`: sub may be a submodule not imported yet. */
static void import_fromlist(obj_t module, obj_t fromlist) {
    if (!obj_is_type(module, &type_module) || module_get(module, Q___path__) == OBJ_NULL) {
        return;
    }
    size_t n;
    obj_t *names;
    obj_get_array(fromlist, &n, &names);
    obj_t mod_name = module_get(module, Q___name__);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = obj_str_get_data(names[i], &len);
        qstr q = qstr_from_strn(s, len);
        if (q == Q__star_ || module_get(module, q) != OBJ_NULL || !OBJ_IS_QSTR(mod_name)) {
            continue;
        }
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            import_dotted(join_names(OBJ_QSTR_VALUE(mod_name), q));
            nlr_pop();
        } else if (!exc_is_instance(nlr.exc, &type_ModuleNotFoundError)) {
            nlr_raise(nlr.exc);
        }
    }
}

obj_t rt_import_name(qstr name, obj_t fromlist, int level, dict_t *globals) {
    bool has_fromlist = fromlist != OBJ_NULL && fromlist != OBJ_NONE && obj_len(fromlist) > 0;
    if (level == 0) {
        /* fast path: already imported */
        obj_t m = modules_get(name);
        size_t len;
        const char *s = qstr_data(name, &len);
        if (m != OBJ_NULL && has_fromlist) {
            import_fromlist(m, fromlist);
            return m;
        }
        if (m != OBJ_NULL && memchr(s, '.', len) == NULL) {
            return m;
        }
    }
    qstr full = name;
    if (level > 0) {
        qstr pkg = resolve_package(level, globals);
        full = name == Q_ ? pkg : join_names(pkg, name);
    }
    obj_t m = import_dotted(full);
    if (has_fromlist) {
        import_fromlist(m, fromlist);
        return m;
    }
    if (level > 0) {
        return m;
    }
    /* `import a.b.c` binds a */
    size_t len;
    const char *s = qstr_data(full, &len);
    const char *dot = memchr(s, '.', len);
    return dot == NULL ? m : modules_get(qstr_from_strn(s, (size_t)(dot - s)));
}

obj_t rt_import_from(obj_t module, qstr name) {
    obj_t v = rt_load_attr_maybe(module, name);
    if (v != OBJ_NULL) {
        return v;
    }
    obj_t mod_name = module_get(module, Q___name__);
    if (mod_name == OBJ_NULL) {
        mod_name = OBJ_NONE;
    }
    if (OBJ_IS_QSTR(mod_name)) {
        /* a submodule being imported circularly is already in sys.modules */
        v = modules_get(join_names(OBJ_QSTR_VALUE(mod_name), name));
        if (v != OBJ_NULL) {
            return v;
        }
    }
    obj_t file = module_get(module, Q___file__);
    obj_t exc = file != OBJ_NULL
        ? obj_new_exception_msg(&type_ImportError, "cannot import name '%q' from '%S' (%S)", name, mod_name, file)
        : obj_new_exception_msg(&type_ImportError, "cannot import name '%q' from '%S' (unknown location)", name,
                                mod_name);
    raise_import_error(exc, mod_name, file == OBJ_NULL ? OBJ_NONE : file);
}

void rt_import_all(obj_t module, dict_t *dest) {
    obj_t all = rt_load_attr_maybe(module, Q___all__);
    if (all != OBJ_NULL) {
        obj_t iter = rt_getiter(all);
        obj_t item;
        while ((item = rt_iternext(iter)) != OBJ_STOP) {
            size_t len;
            const char *s = obj_str_get_data(item, &len);
            qstr q = qstr_from_strn(s, len);
            map_lookup(&dest->map, OBJ_NEW_QSTR(q), MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = rt_load_attr(module, q);
        }
        return;
    }
    const map_t *map = obj_is_type(module, &type_module) ? &((module_t *)OBJ_TO_PTR(module))->globals->map
                                                          : obj_dict_get_map(rt_load_attr(module, Q___dict__));
    size_t i = 0;
    map_elem_t *e;
    while ((e = map_next(map, &i)) != NULL) {
        if (!obj_is_str(e->key)) {
            continue;
        }
        size_t len;
        const char *s = obj_str_get_data(e->key, &len);
        if (len > 0 && s[0] != '_') {
            map_lookup(&dest->map, e->key, MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = e->value;
        }
    }
}

bool import_find_file(qstr name, vstr_t *path) {
    size_t len;
    const char *s = qstr_data(name, &len);
    vstr_t rel, dir;
    vstr_init(&rel, len + 1);
    vstr_init(&dir, 64);
    for (size_t i = 0; i < len; i++) {
        vstr_add_byte(&rel, s[i] == '.' ? '/' : (uint8_t)s[i]);
    }
    switch (find_in(STATE(sys_path), rel.buf, rel.len, path, &dir)) {
        case FOUND_MODULE:
            return true;
        case FOUND_PACKAGE:
            path->len -= strlen("__init__.py");
            vstr_add_str(path, "__main__.py");
            vstr_null_terminated(path);
            return port_stat(path->buf) == 1;
        default:
            return false;
    }
}
