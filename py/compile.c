/* compile.c: parse tree to code objects.  Two passes over the tree: the first builds a scope per
 * module/class/function/lambda/comprehension and records how each name is used; resolution then
 * decides local/cell/free/global for every name and assigns frame slots.  The second pass emits
 * bytecode per scope, tracking stack depth, handler blocks and line numbers as it goes. */
#include <string.h>
#include "gc.h"
#include "parse.h"

/* ---------------------------------------------------------------------------------------------
 * scopes
 * ------------------------------------------------------------------------------------------- */

enum { SCOPE_MODULE, SCOPE_CLASS, SCOPE_FUNCTION, SCOPE_LAMBDA, SCOPE_COMP };

#define SYM_USED     (0x01)
#define SYM_BOUND    (0x02)
#define SYM_PARAM    (0x04)
#define SYM_GLOBAL   (0x08) /* declared global (or walrus target of a module-level comprehension) */
#define SYM_NONLOCAL (0x10) /* declared nonlocal (or walrus target bound in an enclosing function) */
#define SYM_FREE     (0x20) /* comes from an enclosing function through the closure */
#define SYM_CELL     (0x40) /* bound here and captured by a nested scope */

typedef struct {
    qstr name;
    uint8_t flags;
    uint16_t slot;
    pn_t *decl;     /* the nonlocal declaration, for error messages */
} sym_t;

typedef struct scope {
    struct scope *parent;
    pn_t *node;
    uint8_t kind;
    bool is_async;
    bool has_yield;
    bool has_await;     /* comprehensions: awaits inside, so the comprehension is itself awaited */
    qstr name, qualname;
    sym_t *syms;
    size_t n_syms, alloc_syms;
    uint16_t n_params, n_pos, n_posonly, n_kwonly;
    uint8_t code_flags;
    bool resolved;
    uint16_t n_locals, n_free;
    struct code *code;  /* a def compiled as soon as it was parsed (compile_early_def) */
} scope_t;

typedef struct {
    const char *src, *end;
    qstr filename;
    compile_mode_t mode;
    scope_t **scopes;
    size_t n_scopes, alloc_scopes;
    scope_t *cur;
    int keep_tree;  /* >0 while compiling a finally body, which may be compiled again */
} compiler_t;

static RT_NORETURN void c_error(compiler_t *c, pn_t *pn, const char *fmt, const char *arg) {
    const char *ls = c->src;
    for (uint32_t l = 1; l < pn->line && ls < c->end; ls++) {
        l += *ls == '\n';
    }
    vstr_t vs;
    print_t pr;
    vstr_init(&vs, 64);
    print_vstr_init(&pr, &vs);
    print_fmt(&pr, fmt, arg);
    nlr_raise(lexer_make_error(&type_SyntaxError, c->filename, pn->line, ls, ls + pn->col, c->end,
                               vstr_null_terminated(&vs)));
}

static bool is_function_like(const scope_t *s) {
    return s->kind >= SCOPE_FUNCTION;
}

static sym_t *sym_find(scope_t *s, qstr q) {
    for (size_t i = 0; i < s->n_syms; i++) {
        if (s->syms[i].name == q) {
            return &s->syms[i];
        }
    }
    return NULL;
}

static sym_t *sym_get(scope_t *s, qstr q) {
    sym_t *sym = sym_find(s, q);
    if (sym != NULL) {
        return sym;
    }
    if (s->n_syms == s->alloc_syms) {
        s->alloc_syms = s->alloc_syms ? s->alloc_syms * 2 : 8;
        s->syms = m_renew(sym_t, s->syms, s->alloc_syms);
    }
    sym = &s->syms[s->n_syms++];
    sym->name = q;
    sym->flags = 0;
    sym->slot = 0;
    sym->decl = NULL;
    return sym;
}

static qstr make_qualname(scope_t *parent, qstr name) {
    if (parent == NULL || parent->kind == SCOPE_MODULE) {
        return name;
    }
    vstr_t vs;
    vstr_init(&vs, 32);
    vstr_add_str(&vs, qstr_str(parent->qualname));
    if (is_function_like(parent)) {
        vstr_add_str(&vs, ".<locals>");
    }
    vstr_add_byte(&vs, '.');
    vstr_add_str(&vs, qstr_str(name));
    qstr q = qstr_from_strn(vs.buf, vs.len);
    vstr_clear(&vs);
    return q;
}

static scope_t *scope_push(compiler_t *c, int kind, pn_t *node, qstr name) {
    scope_t *s = m_new_obj(scope_t);
    memset(s, 0, sizeof(*s));
    s->parent = c->cur;
    s->node = node;
    s->kind = (uint8_t)kind;
    s->name = name;
    s->qualname = kind == SCOPE_MODULE ? name : make_qualname(c->cur, name);
    if (c->n_scopes == c->alloc_scopes) {
        c->alloc_scopes = c->alloc_scopes ? c->alloc_scopes * 2 : 16;
        c->scopes = m_renew(scope_t *, c->scopes, c->alloc_scopes);
    }
    c->scopes[c->n_scopes++] = s;
    c->cur = s;
    return s;
}

/* The scope a def/class/lambda/comprehension node creates (scopes are few per top-level statement). */
static scope_t *scope_of(compiler_t *c, const pn_t *node) {
    for (size_t i = c->n_scopes; i-- > 0;) {
        if (c->scopes[i]->node == node) {
            return c->scopes[i];
        }
    }
    return NULL;
}

/* Drop every scope but the module's, once their statement is compiled. */
static void scopes_release(compiler_t *c) {
    for (size_t i = 1; i < c->n_scopes; i++) {
        m_free(c->scopes[i]->syms);
        m_free(c->scopes[i]);
    }
    c->n_scopes = 1;
}

static void add_param(scope_t *s, qstr q) {
    sym_get(s, q)->flags |= SYM_PARAM | SYM_BOUND;
    s->n_params++;
}

/* Parameters in slot order: positional, keyword-only, *args, **kwargs. */
static void add_params(scope_t *s, pn_t *params) {
    for (int kind = PARAM_POS; kind <= PARAM_VARKW; kind++) {
        for (size_t i = 0; i < params->n; i++) {
            pn_t *pp = params->kid[i];
            if (pp->op != kind) {
                continue;
            }
            add_param(s, PN_QSTR(pp));
            if (kind == PARAM_POS) {
                s->n_pos++;
            } else if (kind == PARAM_KWONLY) {
                s->n_kwonly++;
            } else {
                s->code_flags |= kind == PARAM_VARARGS ? CODE_FLAG_VARARGS : CODE_FLAG_VARKW;
            }
        }
    }
    s->n_posonly = (uint16_t)OBJ_SMALL_INT_VALUE(params->val);
}

static void visit_expr(compiler_t *c, pn_t *pn);
static void visit_stmt(compiler_t *c, pn_t *pn);

static void mark(compiler_t *c, qstr q, uint8_t flags) {
    sym_get(c->cur, q)->flags |= flags;
}

static void visit_target(compiler_t *c, pn_t *pn) {
    switch (pn->kind) {
        case PN_NAME:
            mark(c, PN_QSTR(pn), SYM_BOUND);
            break;
        case PN_TUPLE: case PN_LIST:
            for (size_t i = 0; i < pn->n; i++) {
                visit_target(c, pn->kid[i]);
            }
            break;
        case PN_STAR:
            visit_target(c, pn->kid[0]);
            break;
        default:
            visit_expr(c, pn);
            break;
    }
}

static void visit_defaults(compiler_t *c, pn_t *params) {
    for (size_t i = 0; i < params->n; i++) {
        if (params->kid[i]->kid[0] != NULL) {
            visit_expr(c, params->kid[i]->kid[0]);
        }
    }
}

static void mark_await(compiler_t *c, pn_t *pn);

static void visit_comp(compiler_t *c, pn_t *pn) {
    size_t first = pn->kind == PN_DICTCOMP ? 2 : 1;
    pn_t *cf0 = pn->kid[first];
    visit_expr(c, cf0->kid[1]);
    static const qstr names[] = { Q__lt_listcomp_gt_, Q__lt_setcomp_gt_, Q__lt_genexpr_gt_ };
    qstr name = pn->kind == PN_DICTCOMP ? Q__lt_dictcomp_gt_ : names[pn->kind - PN_LISTCOMP];
    scope_t *s = scope_push(c, SCOPE_COMP, pn, name);
    add_param(s, Q__dot_0);
    s->n_pos = 1;
    s->is_async = s->parent->is_async;
    s->has_yield = pn->kind == PN_GENEXP;
    for (size_t i = first; i < pn->n; i++) {
        pn_t *cf = pn->kid[i];
        if (cf->op) {
            mark_await(c, cf);
        }
        visit_target(c, cf->kid[0]);
        if (i > first) {
            visit_expr(c, cf->kid[1]);
        }
        for (size_t j = 2; j < cf->n; j++) {
            visit_expr(c, cf->kid[j]);
        }
    }
    for (size_t i = 0; i < first; i++) {
        visit_expr(c, pn->kid[i]);
    }
    c->cur = s->parent;
}

/* An await (or async for) in the current scope; comprehensions that contain one become
 * coroutines awaited by their enclosing scope, up to the enclosing async function. */
static void mark_await(compiler_t *c, pn_t *pn) {
    scope_t *s = c->cur;
    if (!is_function_like(s)) {
        c_error(c, pn, pn->kind == PN_AWAIT ? "'await' outside function"
                       : "asynchronous comprehension outside of an asynchronous function", NULL);
    }
    if (!s->is_async) {
        c_error(c, pn, pn->kind == PN_AWAIT ? "'await' outside async function"
                       : "asynchronous comprehension outside of an asynchronous function", NULL);
    }
    for (; s->kind == SCOPE_COMP; s = s->parent) {
        s->has_await = true;
    }
}

static void visit_walrus_target(compiler_t *c, pn_t *target) {
    qstr q = PN_QSTR(target);
    scope_t *e = c->cur;
    while (e->kind == SCOPE_COMP) {
        e = e->parent;
    }
    if (e == c->cur) {
        mark(c, q, SYM_BOUND);
        return;
    }
    if (e->kind == SCOPE_CLASS) {
        c_error(c, target, "assignment expression within a comprehension cannot be used in a class body", NULL);
    }
    for (scope_t *s = c->cur; s != e; s = s->parent) {
        sym_get(s, q)->flags |= e->kind == SCOPE_MODULE ? SYM_GLOBAL : SYM_NONLOCAL;
    }
    sym_get(e, q)->flags |= SYM_BOUND;
}

static void visit_expr(compiler_t *c, pn_t *pn) {
    stack_check();
    switch (pn->kind) {
        case PN_NAME:
            mark(c, PN_QSTR(pn), SYM_USED);
            if (PN_QSTR(pn) == Q_super && is_function_like(c->cur)) {
                mark(c, Q___class__, SYM_USED);
            }
            return;
        case PN_CONST:
            return;
        case PN_LAMBDA: {
            visit_defaults(c, pn->kid[0]);
            scope_t *s = scope_push(c, SCOPE_LAMBDA, pn, Q__lt_lambda_gt_);
            add_params(s, pn->kid[0]);
            visit_expr(c, pn->kid[1]);
            c->cur = s->parent;
            return;
        }
        case PN_LISTCOMP: case PN_SETCOMP: case PN_GENEXP: case PN_DICTCOMP:
            visit_comp(c, pn);
            return;
        case PN_NAMEDEXPR:
            visit_expr(c, pn->kid[1]);
            visit_walrus_target(c, pn->kid[0]);
            return;
        case PN_YIELD: case PN_YIELD_FROM:
            if (!is_function_like(c->cur)) {
                c_error(c, pn, "'yield' outside function", NULL);
            }
            if (c->cur->kind == SCOPE_COMP) {
                c_error(c, pn, "'yield' inside %s", c->cur->name == Q__lt_genexpr_gt_ ? "generator expression"
                        : c->cur->name == Q__lt_listcomp_gt_ ? "list comprehension"
                        : c->cur->name == Q__lt_setcomp_gt_ ? "set comprehension" : "dict comprehension");
            }
            if (pn->kind == PN_YIELD_FROM && c->cur->is_async) {
                c_error(c, pn, "'yield from' inside async function", NULL);
            }
            c->cur->has_yield = true;
            break;
        case PN_AWAIT:
            mark_await(c, pn);
            break;
        default:
            break;
    }
    for (size_t i = 0; i < pn->n; i++) {
        if (pn->kid[i] != NULL) {
            visit_expr(c, pn->kid[i]);
        }
    }
}

static void visit_block(compiler_t *c, pn_t *block) {
    if (block != NULL) {
        for (size_t i = 0; i < block->n; i++) {
            visit_stmt(c, block->kid[i]);
        }
    }
}

static void visit_decl(compiler_t *c, pn_t *pn, bool global) {
    if (c->cur->kind == SCOPE_MODULE && !global) {
        c_error(c, pn, "nonlocal declaration not allowed at module level", NULL);
    }
    for (size_t i = 0; i < pn->n; i++) {
        qstr q = PN_QSTR(pn->kid[i]);
        sym_t *sym = sym_find(c->cur, q);
        const char *what = global ? "global" : "nonlocal";
        (void)what;
        if (sym != NULL && (sym->flags & SYM_PARAM)) {
            c_error(c, pn->kid[i], global ? "name '%s' is parameter and global"
                                          : "name '%s' is parameter and nonlocal", qstr_str(q));
        }
        if (sym != NULL && (sym->flags & SYM_USED) && !(sym->flags & (SYM_GLOBAL | SYM_NONLOCAL))) {
            c_error(c, pn->kid[i], global ? "name '%s' is used prior to global declaration"
                                          : "name '%s' is used prior to nonlocal declaration", qstr_str(q));
        }
        if (sym != NULL && (sym->flags & SYM_BOUND) && !(sym->flags & (SYM_GLOBAL | SYM_NONLOCAL))) {
            c_error(c, pn->kid[i], global ? "name '%s' is assigned to before global declaration"
                                          : "name '%s' is assigned to before nonlocal declaration", qstr_str(q));
        }
        if (c->cur->kind != SCOPE_MODULE) {
            sym = sym_get(c->cur, q);
            sym->flags |= global ? SYM_GLOBAL : SYM_NONLOCAL;
            sym->decl = sym->decl ? sym->decl : pn->kid[i];
        }
    }
}

/* A def compiled early meets its real enclosing class: that class needs a __class__ cell if the
 * def's code uses super() or __class__. */
static void adopt_early_def(compiler_t *c, scope_t *s) {
    s->parent = c->cur;
    sym_t *cls = sym_find(s, Q___class__);
    if (cls != NULL && (cls->flags & SYM_FREE) && c->cur->kind == SCOPE_CLASS) {
        sym_get(c->cur, Q___class__)->flags |= SYM_CELL;
    }
}

static void visit_stmt(compiler_t *c, pn_t *pn) {
    stack_check();
    switch (pn->kind) {
        case PN_DEF: {
            if (pn->kid[2] != NULL) {
                visit_block(c, pn->kid[2]);
            }
            visit_defaults(c, pn->kid[0]);
            mark(c, PN_QSTR(pn), SYM_BOUND);
            scope_t *s = scope_of(c, pn);
            if (s != NULL) {
                adopt_early_def(c, s);
                return;
            }
            s = scope_push(c, SCOPE_FUNCTION, pn, PN_QSTR(pn));
            s->is_async = pn->op;
            add_params(s, pn->kid[0]);
            visit_block(c, pn->kid[1]);
            c->cur = s->parent;
            return;
        }
        case PN_CLASS: {
            if (pn->kid[2] != NULL) {
                visit_block(c, pn->kid[2]);
            }
            pn_t *args = pn->kid[0];
            for (size_t i = 1; i < args->n; i++) {
                visit_expr(c, args->kid[i]);
            }
            mark(c, PN_QSTR(pn), SYM_BOUND);
            scope_t *s = scope_push(c, SCOPE_CLASS, pn, PN_QSTR(pn));
            visit_block(c, pn->kid[1]);
            c->cur = s->parent;
            return;
        }
        case PN_ASSIGN:
            visit_expr(c, pn->kid[pn->n - 1]);
            for (size_t i = 0; i + 1 < pn->n; i++) {
                visit_target(c, pn->kid[i]);
            }
            return;
        case PN_AUGASSIGN:
            visit_expr(c, pn->kid[1]);
            if (pn->kid[0]->kind == PN_NAME) {
                mark(c, PN_QSTR(pn->kid[0]), SYM_USED | SYM_BOUND);
            } else {
                visit_expr(c, pn->kid[0]);
            }
            return;
        case PN_ANNASSIGN:
            if (pn->kid[1] != NULL) {
                visit_expr(c, pn->kid[1]);
            }
            visit_target(c, pn->kid[0]);
            return;
        case PN_FOR:
            if (pn->op && (!is_function_like(c->cur) || !c->cur->is_async)) {
                c_error(c, pn, "'async for' outside async function", NULL);
            }
            visit_expr(c, pn->kid[1]);
            visit_target(c, pn->kid[0]);
            visit_block(c, pn->kid[2]);
            visit_block(c, pn->kid[3]);
            return;
        case PN_WITH:
            if (pn->op && (!is_function_like(c->cur) || !c->cur->is_async)) {
                c_error(c, pn, "'async with' outside async function", NULL);
            }
            for (size_t i = 0; i + 1 < pn->n; i++) {
                visit_expr(c, pn->kid[i]->kid[0]);
                if (pn->kid[i]->kid[1] != NULL) {
                    visit_target(c, pn->kid[i]->kid[1]);
                }
            }
            visit_block(c, pn->kid[pn->n - 1]);
            return;
        case PN_TRY:
            visit_block(c, pn->kid[0]);
            if (pn->kid[1] != NULL) {
                for (size_t i = 0; i < pn->kid[1]->n; i++) {
                    pn_t *h = pn->kid[1]->kid[i];
                    if (h->kid[0] != NULL) {
                        visit_expr(c, h->kid[0]);
                    }
                    if (h->val != OBJ_NULL) {
                        mark(c, PN_QSTR(h), SYM_BOUND);
                    }
                    visit_block(c, h->kid[1]);
                }
            }
            visit_block(c, pn->kid[2]);
            visit_block(c, pn->kid[3]);
            return;
        case PN_IF: case PN_WHILE:
            visit_expr(c, pn->kid[0]);
            visit_block(c, pn->kid[1]);
            if (pn->kid[2] != NULL) {
                visit_stmt(c, pn->kid[2]);
            }
            return;
        case PN_BLOCK:
            visit_block(c, pn);
            return;
        case PN_RETURN:
            if (!is_function_like(c->cur)) {
                c_error(c, pn, "'return' outside function", NULL);
            }
            break;
        case PN_DEL:
            for (size_t i = 0; i < pn->n; i++) {
                visit_target(c, pn->kid[i]);
            }
            return;
        case PN_GLOBAL: case PN_NONLOCAL:
            visit_decl(c, pn, pn->kind == PN_GLOBAL);
            return;
        case PN_IMPORT:
            for (size_t i = 0; i < pn->n; i++) {
                pn_t *a = pn->kid[i];
                if (a->kid[0] != NULL) {
                    mark(c, PN_QSTR(a->kid[0]), SYM_BOUND);
                } else {
                    const char *s = qstr_str(PN_QSTR(a));
                    const char *dot = strchr(s, '.');
                    mark(c, dot ? qstr_from_strn(s, (size_t)(dot - s)) : PN_QSTR(a), SYM_BOUND);
                }
            }
            return;
        case PN_IMPORT_FROM:
            for (size_t i = 0; i < pn->n; i++) {
                pn_t *a = pn->kid[i];
                if (PN_QSTR(a) == Q__star_) {
                    if (c->cur->kind != SCOPE_MODULE) {
                        c_error(c, pn, "import * only allowed at module level", NULL);
                    }
                } else {
                    mark(c, a->kid[0] ? PN_QSTR(a->kid[0]) : PN_QSTR(a), SYM_BOUND);
                }
            }
            return;
        default:
            break;
    }
    for (size_t i = 0; i < pn->n; i++) {
        if (pn->kid[i] != NULL) {
            visit_expr(c, pn->kid[i]);
        }
    }
}

/* Mark q free in s and every scope up to its binder (a cell there); global if none. */
static void bind_free(compiler_t *c, scope_t *s, qstr q, pn_t *nonlocal) {
    scope_t *b = s->parent;
    for (; b != NULL; b = b->parent) {
        if (b->kind == SCOPE_MODULE) {
            b = NULL;
            break;
        }
        if (b->kind == SCOPE_CLASS) {
            if (q == Q___class__) {
                break;
            }
            continue;
        }
        sym_t *bs = sym_find(b, q);
        if (bs != NULL) {
            if (bs->flags & SYM_GLOBAL) {
                b = NULL;
                break;
            }
            if ((bs->flags & SYM_BOUND) && !(bs->flags & SYM_NONLOCAL)) {
                break;
            }
        }
    }
    if (b == NULL) {
        if (nonlocal) {
            c_error(c, nonlocal, "no binding for nonlocal '%s' found", qstr_str(q));
        }
        return;
    }
    sym_get(b, q)->flags |= SYM_CELL;
    for (scope_t *t = s; t != b; t = t->parent) {
        sym_get(t, q)->flags |= SYM_FREE;
    }
}

static bool is_local_slot(const scope_t *s, const sym_t *sym) {
    if (sym->flags & SYM_PARAM) {
        return false; /* params got their slots first */
    }
    if (s->kind == SCOPE_CLASS) {
        return (sym->flags & SYM_CELL) != 0;
    }
    return (sym->flags & (SYM_BOUND | SYM_CELL)) && !(sym->flags & (SYM_GLOBAL | SYM_NONLOCAL | SYM_FREE));
}

static bool is_free_slot(const scope_t *s, const sym_t *sym) {
    return (sym->flags & SYM_FREE) && !(sym->flags & SYM_PARAM) && !is_local_slot(s, sym);
}

static void resolve_scopes(compiler_t *c) {
    for (size_t i = 0; i < c->n_scopes; i++) {
        scope_t *s = c->scopes[i];
        if (s->kind == SCOPE_MODULE || s->resolved) {
            continue;
        }
        for (size_t j = 0; j < s->n_syms; j++) {
            sym_t sym = s->syms[j];
            if (sym.flags & SYM_NONLOCAL) {
                bind_free(c, s, sym.name, sym.decl ? sym.decl : s->node);
            } else if (sym.flags & (SYM_GLOBAL | SYM_FREE)) {
                continue;
            } else if ((sym.flags & SYM_USED) && (!(sym.flags & SYM_BOUND) || s->kind == SCOPE_CLASS)) {
                bind_free(c, s, sym.name, NULL);
            }
        }
    }
    for (size_t i = 0; i < c->n_scopes; i++) {
        scope_t *s = c->scopes[i];
        if (s->kind == SCOPE_MODULE || s->resolved) {
            continue;
        }
        s->resolved = true;
        uint16_t slot = s->n_params;
        for (size_t j = 0, k = 0; j < s->n_syms; j++) {
            if (s->syms[j].flags & SYM_PARAM) {
                s->syms[j].slot = (uint16_t)k++;
            }
        }
        for (size_t j = 0; j < s->n_syms; j++) {
            if (is_local_slot(s, &s->syms[j])) {
                s->syms[j].slot = slot++;
            }
        }
        for (size_t j = 0; j < s->n_syms; j++) {
            if (is_free_slot(s, &s->syms[j])) {
                s->syms[j].slot = slot++;
                s->n_free++;
            }
        }
        s->n_locals = slot;
    }
}

/* ---------------------------------------------------------------------------------------------
 * code emission
 * ------------------------------------------------------------------------------------------- */

enum { FB_WHILE, FB_FOR, FB_TRY, FB_FINALLY_TRY, FB_FINALLY_END, FB_HANDLER, FB_WITH, FB_ASYNC_WITH,
       FB_POP_VALUE /* a return value parked under an inline finally body */ };
#define MAX_FBLOCKS (20)

typedef struct {
    uint8_t kind;
    int l_break, l_cont;
    pn_t *node;     /* FB_FINALLY_TRY: the finally body; FB_HANDLER: the handler */
} fblock_t;

typedef struct {
    uint32_t pos;
    int label;
} fixup_t;

typedef struct unit {
    compiler_t *c;
    scope_t *scope;
    uint8_t *bc;
    size_t len, alloc;
    obj_t *consts;
    size_t n_consts, alloc_consts;
    qstr *names;
    size_t n_names, alloc_names;
    int32_t *labels;
    size_t n_labels, alloc_labels;
    fixup_t *fix;
    size_t n_fix, alloc_fix;
    uint8_t *lines;
    size_t n_lines, alloc_lines;
    uint32_t first_line, cur_line, last_line;
    size_t last_line_pos;
    int depth, max_depth, blocks, max_blocks;
    size_t n_caches;
    fblock_t fb[MAX_FBLOCKS];
    int n_fb;
} unit_t;

#define GROW(u, arr, n, alloc, type) do { \
        if ((u)->n == (u)->alloc) { \
            (u)->alloc = (u)->alloc ? (u)->alloc * 2 : 16; \
            (u)->arr = m_renew(type, (u)->arr, (u)->alloc); \
        } \
    } while (0)

static void emit_byte(unit_t *u, uint8_t b) {
    GROW(u, bc, len, alloc, uint8_t);
    u->bc[u->len++] = b;
}

static void emit_uint(unit_t *u, size_t v) {
    do {
        uint8_t b = v & 0x7f;
        v >>= 7;
        emit_byte(u, (uint8_t)(b | (v ? 0x80 : 0)));
    } while (v);
}

static void add_line_pair(unit_t *u, int bc_delta, int line_delta) {
    if (u->n_lines + 2 > u->alloc_lines) {
        u->alloc_lines = u->alloc_lines ? u->alloc_lines * 2 : 32;
        u->lines = m_renew(uint8_t, u->lines, u->alloc_lines);
    }
    u->lines[u->n_lines++] = (uint8_t)bc_delta;
    u->lines[u->n_lines++] = (uint8_t)(int8_t)line_delta;
}

static void update_lines(unit_t *u) {
    if (u->cur_line == u->last_line || u->cur_line == 0) {
        return;
    }
    size_t bc_delta = u->len - u->last_line_pos;
    long line_delta = (long)u->cur_line - (long)u->last_line;
    while (bc_delta > 255) {
        add_line_pair(u, 255, 0);
        bc_delta -= 255;
    }
    while (line_delta > 127 || line_delta < -128) {
        int step = line_delta > 0 ? 127 : -128;
        add_line_pair(u, (int)bc_delta, step);
        bc_delta = 0;
        line_delta -= step;
    }
    add_line_pair(u, (int)bc_delta, (int)line_delta);
    u->last_line = u->cur_line;
    u->last_line_pos = u->len;
}

static void adjust_depth(unit_t *u, int delta) {
    u->depth += delta;
    if (u->depth > u->max_depth) {
        u->max_depth = u->depth;
    }
}

static void emit_op(unit_t *u, opcode_t op, int delta) {
    update_lines(u);
    emit_byte(u, (uint8_t)op);
    adjust_depth(u, delta);
}

static void emit_u(unit_t *u, opcode_t op, size_t arg, int delta) {
    emit_op(u, op, delta);
    emit_uint(u, arg);
}

static void emit_uu(unit_t *u, opcode_t op, size_t a, size_t b, int delta) {
    emit_op(u, op, delta);
    emit_uint(u, a);
    emit_uint(u, b);
}

static int new_label(unit_t *u) {
    GROW(u, labels, n_labels, alloc_labels, int32_t);
    u->labels[u->n_labels] = -1;
    return (int)u->n_labels++;
}

static void place_label(unit_t *u, int l) {
    u->labels[l] = (int32_t)u->len;
}

static void emit_jump(unit_t *u, opcode_t op, int label, int delta) {
    emit_op(u, op, delta);
    GROW(u, fix, n_fix, alloc_fix, fixup_t);
    u->fix[u->n_fix].pos = (uint32_t)u->len;
    u->fix[u->n_fix].label = label;
    u->n_fix++;
    emit_byte(u, 0);
    emit_byte(u, 0);
}

static void push_block(unit_t *u, opcode_t setup, int label) {
    emit_jump(u, setup, label, 0);
    if (++u->blocks > u->max_blocks) {
        u->max_blocks = u->blocks;
    }
}

static void pop_block(unit_t *u) {
    emit_op(u, OP_POP_BLOCK, 0);
    u->blocks--;
}

static size_t new_cache(unit_t *u) {
    return u->n_caches++;
}

static bool const_same(obj_t a, obj_t b) {
    if (a == b) {
        return true;
    }
    if (!OBJ_IS_PTR(a) || !OBJ_IS_PTR(b)) {
        return false;
    }
    const type_t *t = ((obj_base_t *)a)->type;
    if (t != ((obj_base_t *)b)->type) {
        return false;
    }
    if (t == &type_str || t == &type_bytes) {
        size_t la, lb;
        const char *da = obj_str_get_data(a, &la);
        const char *db = obj_str_get_data(b, &lb);
        return la == lb && memcmp(da, db, la) == 0;
    }
#if CONFIG_FLOAT
    if (t == &type_float) {
        return memcmp(&((float_t_ *)a)->value, &((float_t_ *)b)->value, sizeof(float_val_t)) == 0;
    }
#endif
    if (t == &type_int) {
        return obj_equal(a, b);
    }
    return false;
}

static size_t const_index(unit_t *u, obj_t v) {
    for (size_t i = 0; i < u->n_consts; i++) {
        if (const_same(u->consts[i], v)) {
            return i;
        }
    }
    GROW(u, consts, n_consts, alloc_consts, obj_t);
    u->consts[u->n_consts] = v;
    return u->n_consts++;
}

static size_t name_index(unit_t *u, qstr q) {
    for (size_t i = 0; i < u->n_names; i++) {
        if (u->names[i] == q) {
            return i;
        }
    }
    GROW(u, names, n_names, alloc_names, qstr);
    u->names[u->n_names] = q;
    return u->n_names++;
}

static void load_const(unit_t *u, obj_t v) {
    if (v == OBJ_NONE) {
        emit_op(u, OP_LOAD_NONE, 1);
    } else if (v == OBJ_TRUE) {
        emit_op(u, OP_LOAD_TRUE, 1);
    } else if (v == OBJ_FALSE) {
        emit_op(u, OP_LOAD_FALSE, 1);
    } else if (OBJ_IS_SMALL_INT(v)) {
        emit_op(u, OP_LOAD_SMALL_INT, 1);
        intptr_t i = OBJ_SMALL_INT_VALUE(v);
        emit_uint(u, i >= 0 ? (size_t)i << 1 : (((size_t)(-(i + 1))) << 1) | 1);
    } else {
        emit_u(u, OP_LOAD_CONST, const_index(u, v), 1);
    }
}

static void emit_name_op(unit_t *u, opcode_t op, qstr q, int delta) {
    size_t n = name_index(u, q);
    if (op == OP_LOAD_GLOBAL || op == OP_LOAD_ATTR || op == OP_STORE_ATTR || op == OP_LOAD_METHOD) {
        emit_uu(u, op, n, new_cache(u), delta);
    } else {
        emit_u(u, op, n, delta);
    }
}

/* ---- names ---- */

typedef enum { ACC_FAST, ACC_DEREF, ACC_GLOBAL, ACC_NAME } access_t;

static access_t name_access(unit_t *u, qstr q, uint16_t *slot) {
    scope_t *s = u->scope;
    if (s->kind == SCOPE_MODULE) {
        return ACC_NAME;
    }
    sym_t *sym = sym_find(s, q);
    if (sym == NULL) {
        return s->kind == SCOPE_CLASS ? ACC_NAME : ACC_GLOBAL;
    }
    *slot = sym->slot;
    if (sym->flags & SYM_GLOBAL) {
        return ACC_GLOBAL;
    }
    if (s->kind == SCOPE_CLASS) {
        if (sym->flags & SYM_NONLOCAL) {
            return ACC_DEREF;
        }
        return (sym->flags & SYM_FREE) && !(sym->flags & SYM_BOUND) ? ACC_DEREF : ACC_NAME;
    }
    if (sym->flags & (SYM_FREE | SYM_CELL | SYM_NONLOCAL)) {
        return ACC_DEREF;
    }
    return sym->flags & SYM_BOUND ? ACC_FAST : ACC_GLOBAL;
}

static void load_name(unit_t *u, qstr q) {
    uint16_t slot = 0;
    switch (name_access(u, q, &slot)) {
        case ACC_FAST: emit_u(u, OP_LOAD_FAST, slot, 1); break;
        case ACC_DEREF: emit_u(u, OP_LOAD_DEREF, slot, 1); break;
        case ACC_GLOBAL: emit_name_op(u, OP_LOAD_GLOBAL, q, 1); break;
        case ACC_NAME: emit_name_op(u, OP_LOAD_NAME, q, 1); break;
    }
}

static void store_name(unit_t *u, qstr q) {
    uint16_t slot = 0;
    access_t a = name_access(u, q, &slot);
    if (u->scope->kind == SCOPE_CLASS && a == ACC_DEREF) {
        sym_t *sym = sym_find(u->scope, q);
        a = (sym->flags & SYM_NONLOCAL) ? ACC_DEREF : ACC_NAME;
    }
    switch (a) {
        case ACC_FAST: emit_u(u, OP_STORE_FAST, slot, -1); break;
        case ACC_DEREF: emit_u(u, OP_STORE_DEREF, slot, -1); break;
        case ACC_GLOBAL: emit_name_op(u, OP_STORE_GLOBAL, q, -1); break;
        case ACC_NAME: emit_name_op(u, OP_STORE_NAME, q, -1); break;
    }
}

static void delete_name(unit_t *u, qstr q) {
    uint16_t slot = 0;
    access_t a = name_access(u, q, &slot);
    if (u->scope->kind == SCOPE_CLASS && a == ACC_DEREF && !(sym_find(u->scope, q)->flags & SYM_NONLOCAL)) {
        a = ACC_NAME;
    }
    switch (a) {
        case ACC_FAST: emit_u(u, OP_DELETE_FAST, slot, 0); break;
        case ACC_DEREF: emit_u(u, OP_DELETE_DEREF, slot, 0); break;
        case ACC_GLOBAL: emit_name_op(u, OP_DELETE_GLOBAL, q, 0); break;
        case ACC_NAME: emit_name_op(u, OP_DELETE_NAME, q, 0); break;
    }
}

/* ---------------------------------------------------------------------------------------------
 * expressions
 * ------------------------------------------------------------------------------------------- */

static void compile_expr(unit_t *u, pn_t *pn);
static void compile_block(unit_t *u, pn_t *block);
static void compile_stmt(unit_t *u, pn_t *pn);
static code_t *compile_scope(compiler_t *c, scope_t *s);

static RT_NORETURN void u_error(unit_t *u, pn_t *pn, const char *fmt, const char *arg) {
    c_error(u->c, pn, fmt, arg);
}

/* Jump to label if bool(pn) == cond; otherwise fall through. */
static void compile_jump_if(unit_t *u, pn_t *pn, bool cond, int label) {
    stack_check();
    if (pn->kind == PN_UNARY && pn->op == UNARY_OP_NOT) {
        compile_jump_if(u, pn->kid[0], !cond, label);
        return;
    }
    if (pn->kind == PN_AND || pn->kind == PN_OR) {
        bool is_or = pn->kind == PN_OR;
        if (cond == is_or) {
            /* any operand deciding jumps straight to label */
            for (size_t i = 0; i < pn->n; i++) {
                compile_jump_if(u, pn->kid[i], cond, label);
            }
        } else {
            int l_skip = new_label(u);
            for (size_t i = 0; i + 1 < pn->n; i++) {
                compile_jump_if(u, pn->kid[i], !cond, l_skip);
            }
            compile_jump_if(u, pn->kid[pn->n - 1], cond, label);
            place_label(u, l_skip);
        }
        return;
    }
    compile_expr(u, pn);
    emit_jump(u, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label, -1);
}

static bool is_const_true(pn_t *pn) {
    return pn->kind == PN_CONST && (pn->val == OBJ_TRUE ||
                                    (OBJ_IS_SMALL_INT(pn->val) && OBJ_SMALL_INT_VALUE(pn->val) != 0));
}

static void make_closure_and_function(unit_t *u, scope_t *s, code_t *code, int flags, int n_flag_items) {
    if (s->n_free > 0) {
        for (size_t i = 0; i < s->n_syms; i++) {
            sym_t *sym = &s->syms[i];
            if (!is_free_slot(s, sym)) {
                continue;
            }
            sym_t *outer = sym_find(u->scope, sym->name);
            emit_u(u, OP_LOAD_CLOSURE, outer ? outer->slot : 0, 1);
        }
        emit_u(u, OP_BUILD_TUPLE, s->n_free, 1 - (int)s->n_free);
        flags |= 4;
        n_flag_items++;
    }
    emit_u(u, OP_LOAD_CONST, const_index(u, OBJ_FROM_PTR(code)), 1);
    emit_u(u, OP_MAKE_FUNCTION, (size_t)flags, -n_flag_items);
}

/* def / lambda: defaults, kw-defaults, the code, the closure, MAKE_FUNCTION. */
/* A def/lambda/class body is not needed once its code exists: free it now to keep the peak down. */
static void release_body(unit_t *u, pn_t *pn) {
    if (u->c->keep_tree == 0) {
        parse_free(pn->kid[1]);
        pn->kid[1] = NULL;
    }
}

/* A finally body is compiled once per exit path. */
static void compile_finally_body(unit_t *u, pn_t *body) {
    u->c->keep_tree++;
    compile_block(u, body);
    u->c->keep_tree--;
}

static void compile_function(unit_t *u, pn_t *pn, pn_t *params) {
    scope_t *s = scope_of(u->c, pn);
    int flags = 0, n_items = 0;
    size_t n_def = 0;
    for (size_t i = 0; i < params->n; i++) {
        pn_t *pp = params->kid[i];
        if (pp->op == PARAM_POS && pp->kid[0] != NULL) {
            compile_expr(u, pp->kid[0]);
            n_def++;
        }
    }
    if (n_def > 0) {
        emit_u(u, OP_BUILD_TUPLE, n_def, 1 - (int)n_def);
        flags |= 1;
        n_items++;
    }
    size_t n_kwdef = 0;
    for (size_t i = 0; i < params->n; i++) {
        pn_t *pp = params->kid[i];
        if (pp->op == PARAM_KWONLY && pp->kid[0] != NULL) {
            load_const(u, pp->val);
            compile_expr(u, pp->kid[0]);
            n_kwdef++;
        }
    }
    if (n_kwdef > 0) {
        emit_u(u, OP_BUILD_MAP, n_kwdef, 1 - 2 * (int)n_kwdef);
        flags |= 2;
        n_items++;
    }
    code_t *code = s->code != NULL ? s->code : compile_scope(u->c, s);
    release_body(u, pn);
    make_closure_and_function(u, s, code, flags, n_items);
}

/* The `*a` of a call whose only positional argument is *a (keywords aside), else NULL. */
static pn_t *sole_star_arg(pn_t *pn, size_t start) {
    pn_t *star = NULL;
    for (size_t i = start; i < pn->n; i++) {
        uint8_t k = pn->kid[i]->kind;
        if (k == PN_STAR) {
            if (star != NULL) {
                return NULL;
            }
            star = pn->kid[i];
        } else if (k != PN_KEYWORD && k != PN_DSTAR) {
            return NULL;
        }
    }
    return star;
}

/* The positional arguments kid[start..] of a call with star arguments, as one list on the stack
 * (after the n_pre items already pushed). */
static void compile_positional_list(unit_t *u, pn_t *pn, size_t start, size_t n_pre) {
    size_t i = start, run = n_pre;
    for (; i < pn->n && pn->kid[i]->kind != PN_STAR; i++) {
        if (pn->kid[i]->kind != PN_KEYWORD && pn->kid[i]->kind != PN_DSTAR) {
            compile_expr(u, pn->kid[i]);
            run++;
        }
    }
    emit_u(u, OP_BUILD_LIST, run, 1 - (int)run);
    for (; i < pn->n; i++) {
        pn_t *a = pn->kid[i];
        if (a->kind == PN_STAR) {
            compile_expr(u, a->kid[0]);
            emit_u(u, OP_LIST_EXTEND, 1, -1);
        } else if (a->kind != PN_KEYWORD && a->kind != PN_DSTAR) {
            compile_expr(u, a);
            emit_u(u, OP_LIST_APPEND, 1, -1);
        }
    }
}

/* Positional arguments kid[start..] of a call-like node after n_pre items already pushed, then the
 * call itself.  method: [A B] were pushed by LOAD_METHOD (never with star arguments). */
static void compile_call_tail(unit_t *u, pn_t *pn, size_t start, size_t n_pre, bool method) {
    size_t n_pos = 0, n_kw = 0;
    bool star = false;
    for (size_t i = start; i < pn->n; i++) {
        uint8_t k = pn->kid[i]->kind;
        star |= k == PN_STAR || k == PN_DSTAR;
        n_kw += k == PN_KEYWORD;
    }
    if (!star) {
        for (size_t i = start; i < pn->n; i++) {
            pn_t *a = pn->kid[i];
            if (a->kind != PN_KEYWORD) {
                compile_expr(u, a);
                n_pos++;
            }
        }
        for (size_t i = start; i < pn->n; i++) {
            pn_t *a = pn->kid[i];
            if (a->kind == PN_KEYWORD) {
                load_const(u, a->val);
                compile_expr(u, a->kid[0]);
            }
        }
        n_pos += n_pre;
        if (method) {
            emit_uu(u, OP_CALL_METHOD, n_pos, n_kw, -1 - (int)(n_pos + 2 * n_kw));
        } else {
            emit_uu(u, OP_CALL_FUNCTION, n_pos, n_kw, -(int)(n_pos + 2 * n_kw));
        }
        return;
    }
    /* positional part: f(*a) passes a itself, so the call can name f if a is not iterable */
    pn_t *only_star = n_pre == 0 ? sole_star_arg(pn, start) : NULL;
    if (only_star != NULL) {
        compile_expr(u, only_star->kid[0]);
    } else {
        compile_positional_list(u, pn, start, n_pre);
    }
    /* keyword part as one dict */
    bool have_dict = false;
    size_t pending = 0;
    for (size_t i = start; i <= pn->n; i++) {
        pn_t *a = i < pn->n ? pn->kid[i] : NULL;
        if (a != NULL && a->kind == PN_KEYWORD) {
            load_const(u, a->val);
            compile_expr(u, a->kid[0]);
            pending++;
            continue;
        }
        if ((a == NULL || a->kind == PN_DSTAR) && (pending > 0 || (a != NULL && !have_dict))) {
            emit_u(u, OP_BUILD_MAP, pending, 1 - 2 * (int)pending);
            if (have_dict) {
                emit_u(u, OP_DICT_MERGE, 1, -1);
            }
            have_dict = true;
            pending = 0;
        }
        if (a != NULL && a->kind == PN_DSTAR) {
            compile_expr(u, a->kid[0]);
            emit_u(u, OP_DICT_MERGE, 1, -1);
        }
    }
    emit_u(u, OP_CALL_FUNCTION_EX, have_dict ? 1 : 0, have_dict ? -2 : -1);
}

static bool is_zero_arg_super(unit_t *u, pn_t *pn) {
    if (pn->n != 1 || pn->kid[0]->kind != PN_NAME || PN_QSTR(pn->kid[0]) != Q_super) {
        return false;
    }
    scope_t *s = u->scope;
    uint16_t slot;
    if (!is_function_like(s) || s->n_params == 0 || name_access(u, Q_super, &slot) != ACC_GLOBAL) {
        return false;
    }
    sym_t *cls = sym_find(s, Q___class__);
    return cls != NULL && (cls->flags & SYM_FREE);
}

static void compile_call(unit_t *u, pn_t *pn) {
    pn_t *f = pn->kid[0];
    bool star = false;
    for (size_t i = 1; i < pn->n; i++) {
        star |= pn->kid[i]->kind == PN_STAR || pn->kid[i]->kind == PN_DSTAR;
    }
    if (f->kind == PN_ATTR && !star) {
        compile_expr(u, f->kid[0]);
        emit_name_op(u, OP_LOAD_METHOD, PN_QSTR(f), 1);
        compile_call_tail(u, pn, 1, 0, true);
        return;
    }
    if (is_zero_arg_super(u, pn)) {
        load_name(u, Q_super);
        load_name(u, Q___class__);
        for (size_t i = 0; i < u->scope->n_syms; i++) {
            if ((u->scope->syms[i].flags & SYM_PARAM) && u->scope->syms[i].slot == 0) {
                load_name(u, u->scope->syms[i].name);
                break;
            }
        }
        emit_uu(u, OP_CALL_FUNCTION, 2, 0, -2);
        return;
    }
    compile_expr(u, f);
    compile_call_tail(u, pn, 1, 0, false);
}

static void compile_compare(unit_t *u, pn_t *pn) {
    const uint8_t *ops = PN_COMPARE_OPS(pn);
    compile_expr(u, pn->kid[0]);
    if (pn->n == 2) {
        compile_expr(u, pn->kid[1]);
        emit_u(u, OP_BINARY_OP, ops[0], -1);
        return;
    }
    int l_cleanup = new_label(u), l_end = new_label(u);
    for (size_t i = 1; i + 1 < pn->n; i++) {
        compile_expr(u, pn->kid[i]);
        emit_op(u, OP_DUP_TOP, 1);
        emit_op(u, OP_ROT_THREE, 0);
        emit_u(u, OP_BINARY_OP, ops[i - 1], -1);
        emit_jump(u, OP_JUMP_IF_FALSE_OR_POP, l_cleanup, -1);
    }
    compile_expr(u, pn->kid[pn->n - 1]);
    emit_u(u, OP_BINARY_OP, ops[pn->n - 2], -1);
    emit_jump(u, OP_JUMP, l_end, 0);
    place_label(u, l_cleanup);
    adjust_depth(u, 1);
    emit_op(u, OP_ROT_TWO, 0);
    emit_op(u, OP_POP_TOP, -1);
    place_label(u, l_end);
}

static bool all_const(pn_t *pn) {
    for (size_t i = 0; i < pn->n; i++) {
        if (pn->kid[i]->kind != PN_CONST) {
            return false;
        }
    }
    return true;
}

/* tuple / list / set displays, with *x items */
static void compile_display(unit_t *u, pn_t *pn) {
    if (pn->kind == PN_TUPLE && pn->n > 0 && all_const(pn)) {
        obj_t t = obj_new_tuple(pn->n, NULL);
        for (size_t i = 0; i < pn->n; i++) {
            ((tuple_t *)t)->items[i] = pn->kid[i]->val;
        }
        emit_u(u, OP_LOAD_CONST, const_index(u, t), 1);
        return;
    }
    size_t i = 0;
    for (; i < pn->n && pn->kid[i]->kind != PN_STAR; i++) {
        compile_expr(u, pn->kid[i]);
    }
    opcode_t build = pn->kind == PN_SET ? OP_BUILD_SET : pn->kind == PN_LIST || i < pn->n ? OP_BUILD_LIST
                     : OP_BUILD_TUPLE;
    emit_u(u, build, i, 1 - (int)i);
    if (i == pn->n) {
        return;
    }
    for (; i < pn->n; i++) {
        pn_t *k = pn->kid[i];
        if (k->kind == PN_STAR) {
            compile_expr(u, k->kid[0]);
            emit_u(u, pn->kind == PN_SET ? OP_SET_UPDATE : OP_LIST_EXTEND, 1, -1);
        } else {
            compile_expr(u, k);
            emit_u(u, pn->kind == PN_SET ? OP_SET_ADD : OP_LIST_APPEND, 1, -1);
        }
    }
    if (pn->kind == PN_TUPLE) {
        emit_op(u, OP_LIST_TO_TUPLE, 0);
    }
}

static void compile_dict(unit_t *u, pn_t *pn) {
    size_t i = 0;
    for (; i < pn->n && pn->kid[i] != NULL; i += 2) {
        compile_expr(u, pn->kid[i]);
        compile_expr(u, pn->kid[i + 1]);
    }
    emit_u(u, OP_BUILD_MAP, i / 2, 1 - (int)i);
    for (; i < pn->n; i += 2) {
        if (pn->kid[i] == NULL) {
            compile_expr(u, pn->kid[i + 1]);
            emit_u(u, OP_DICT_UPDATE, 1, -1);
        } else {
            compile_expr(u, pn->kid[i]);
            compile_expr(u, pn->kid[i + 1]);
            emit_u(u, OP_MAP_ADD, 1, -2);
        }
    }
}

static void compile_fstring(unit_t *u, pn_t *pn) {
    if (pn->n == 0) {
        load_const(u, OBJ_NEW_QSTR(Q_));
        return;
    }
    for (size_t i = 0; i < pn->n; i++) {
        pn_t *k = pn->kid[i];
        if (k->kind == PN_CONST) {
            load_const(u, k->val);
            continue;
        }
        compile_expr(u, k->kid[0]);
        int flags = k->op;
        if (k->kid[1] != NULL) {
            compile_fstring(u, k->kid[1]);
            flags |= 4;
        }
        emit_u(u, OP_FORMAT_VALUE, (size_t)flags, k->kid[1] != NULL ? -1 : 0);
    }
    if (pn->n > 1 || pn->kid[0]->kind != PN_FORMAT) {
        if (pn->n > 1) {
            emit_u(u, OP_BUILD_STRING, pn->n, 1 - (int)pn->n);
        }
    }
}

static void compile_slice_part(unit_t *u, pn_t *pn) {
    if (pn == NULL) {
        emit_op(u, OP_LOAD_NONE, 1);
    } else {
        compile_expr(u, pn);
    }
}

static void compile_comprehension(unit_t *u, pn_t *pn) {
    scope_t *s = scope_of(u->c, pn);
    size_t first = pn->kind == PN_DICTCOMP ? 2 : 1;
    code_t *code = compile_scope(u->c, s);
    make_closure_and_function(u, s, code, 0, 0);
    compile_expr(u, pn->kid[first]->kid[1]);
    emit_op(u, pn->kid[first]->op ? OP_GET_AITER : OP_GET_ITER, 0);
    emit_uu(u, OP_CALL_FUNCTION, 1, 0, -1);
    if (s->has_await && pn->kind != PN_GENEXP) {
        emit_op(u, OP_GET_AWAITABLE, 0);
        emit_op(u, OP_LOAD_NONE, 1);
        emit_op(u, OP_YIELD_FROM, -1);
    }
}

static void compile_store(unit_t *u, pn_t *t);

static void compile_expr(unit_t *u, pn_t *pn) {
    stack_check();
    if (pn->line != 0) {
        u->cur_line = pn->line;
    }
    switch (pn->kind) {
        case PN_NAME:
            load_name(u, PN_QSTR(pn));
            break;
        case PN_CONST:
            load_const(u, pn->val);
            break;
        case PN_FSTRING:
            compile_fstring(u, pn);
            break;
        case PN_BINOP:
            compile_expr(u, pn->kid[0]);
            compile_expr(u, pn->kid[1]);
            emit_u(u, OP_BINARY_OP, pn->op, -1);
            break;
        case PN_UNARY:
            compile_expr(u, pn->kid[0]);
            emit_u(u, OP_UNARY_OP, pn->op, 0);
            break;
        case PN_AND: case PN_OR: {
            int l_end = new_label(u);
            for (size_t i = 0; i + 1 < pn->n; i++) {
                compile_expr(u, pn->kid[i]);
                emit_jump(u, pn->kind == PN_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP, l_end, -1);
            }
            compile_expr(u, pn->kid[pn->n - 1]);
            place_label(u, l_end);
            break;
        }
        case PN_COMPARE:
            compile_compare(u, pn);
            break;
        case PN_IFEXP: {
            int l_else = new_label(u), l_end = new_label(u);
            compile_jump_if(u, pn->kid[0], false, l_else);
            compile_expr(u, pn->kid[1]);
            emit_jump(u, OP_JUMP, l_end, 0);
            place_label(u, l_else);
            adjust_depth(u, -1);
            compile_expr(u, pn->kid[2]);
            place_label(u, l_end);
            break;
        }
        case PN_LAMBDA:
            compile_function(u, pn, pn->kid[0]);
            break;
        case PN_CALL:
            compile_call(u, pn);
            break;
        case PN_ATTR:
            compile_expr(u, pn->kid[0]);
            emit_name_op(u, OP_LOAD_ATTR, PN_QSTR(pn), 0);
            break;
        case PN_SUBSCR:
            compile_expr(u, pn->kid[0]);
            compile_expr(u, pn->kid[1]);
            emit_op(u, OP_BINARY_SUBSCR, -1);
            break;
        case PN_SLICE:
            compile_slice_part(u, pn->kid[0]);
            compile_slice_part(u, pn->kid[1]);
            if (pn->kid[2] != NULL) {
                compile_expr(u, pn->kid[2]);
                emit_u(u, OP_BUILD_SLICE, 3, -2);
            } else {
                emit_u(u, OP_BUILD_SLICE, 2, -1);
            }
            break;
        case PN_TUPLE: case PN_LIST: case PN_SET:
            compile_display(u, pn);
            break;
        case PN_DICT:
            compile_dict(u, pn);
            break;
        case PN_LISTCOMP: case PN_SETCOMP: case PN_GENEXP: case PN_DICTCOMP:
            compile_comprehension(u, pn);
            break;
        case PN_YIELD:
            compile_slice_part(u, pn->kid[0]);
            emit_op(u, OP_YIELD_VALUE, 0);
            break;
        case PN_YIELD_FROM:
            compile_expr(u, pn->kid[0]);
            emit_op(u, OP_GET_YIELD_FROM_ITER, 0);
            emit_op(u, OP_LOAD_NONE, 1);
            emit_op(u, OP_YIELD_FROM, -1);
            break;
        case PN_AWAIT:
            compile_expr(u, pn->kid[0]);
            emit_op(u, OP_GET_AWAITABLE, 0);
            emit_op(u, OP_LOAD_NONE, 1);
            emit_op(u, OP_YIELD_FROM, -1);
            break;
        case PN_NAMEDEXPR:
            compile_expr(u, pn->kid[1]);
            emit_op(u, OP_DUP_TOP, 1);
            compile_store(u, pn->kid[0]);
            break;
        case PN_STAR:
            u_error(u, pn, "can't use starred expression here", NULL);
        default:
            u_error(u, pn, "invalid syntax", NULL);
    }
}

/* ---- targets ---- */

static void compile_store(unit_t *u, pn_t *t) {
    switch (t->kind) {
        case PN_NAME:
            store_name(u, PN_QSTR(t));
            break;
        case PN_ATTR:
            compile_expr(u, t->kid[0]);
            emit_name_op(u, OP_STORE_ATTR, PN_QSTR(t), -2);
            break;
        case PN_SUBSCR:
            compile_expr(u, t->kid[0]);
            compile_expr(u, t->kid[1]);
            emit_op(u, OP_STORE_SUBSCR, -3);
            break;
        case PN_TUPLE: case PN_LIST: {
            size_t star = t->n;
            for (size_t i = 0; i < t->n; i++) {
                if (t->kid[i]->kind == PN_STAR) {
                    star = i;
                }
            }
            if (star == t->n) {
                emit_u(u, OP_UNPACK_SEQUENCE, t->n, (int)t->n - 1);
            } else {
                emit_uu(u, OP_UNPACK_EX, star, t->n - star - 1, (int)t->n - 1);
            }
            for (size_t i = 0; i < t->n; i++) {
                pn_t *k = t->kid[i];
                compile_store(u, k->kind == PN_STAR ? k->kid[0] : k);
            }
            break;
        }
        default:
            u_error(u, t, "cannot assign to expression", NULL);
    }
}

static void compile_delete(unit_t *u, pn_t *t) {
    switch (t->kind) {
        case PN_NAME:
            delete_name(u, PN_QSTR(t));
            break;
        case PN_ATTR:
            compile_expr(u, t->kid[0]);
            emit_name_op(u, OP_DELETE_ATTR, PN_QSTR(t), -1);
            break;
        case PN_SUBSCR:
            compile_expr(u, t->kid[0]);
            compile_expr(u, t->kid[1]);
            emit_op(u, OP_DELETE_SUBSCR, -2);
            break;
        case PN_TUPLE: case PN_LIST:
            for (size_t i = 0; i < t->n; i++) {
                compile_delete(u, t->kid[i]);
            }
            break;
        default:
            u_error(u, t, "cannot delete expression", NULL);
    }
}

/* ---------------------------------------------------------------------------------------------
 * statements
 * ------------------------------------------------------------------------------------------- */

static void call_exit_none(unit_t *u, bool is_async) {
    emit_op(u, OP_LOAD_NONE, 1);
    emit_op(u, OP_DUP_TOP, 1);
    emit_op(u, OP_DUP_TOP, 1);
    emit_uu(u, OP_CALL_FUNCTION, 3, 0, -3);
    if (is_async) {
        emit_op(u, OP_GET_AWAITABLE, 0);
        emit_op(u, OP_LOAD_NONE, 1);
        emit_op(u, OP_YIELD_FROM, -1);
    }
    emit_op(u, OP_POP_TOP, -1);
}

static void clear_handler_name(unit_t *u, pn_t *h) {
    if (h->val != OBJ_NULL) {
        emit_op(u, OP_LOAD_NONE, 1);
        store_name(u, PN_QSTR(h));
        delete_name(u, PN_QSTR(h));
    }
}

static void push_fblock(unit_t *u, pn_t *at, int kind, int l_break, int l_cont, pn_t *node);

/* Emit the code leaving fblock i on a return/break/continue; tos: a return value sits on top. */
static void unwind_block(unit_t *u, int i, bool tos) {
    fblock_t *fb = &u->fb[i];
    switch (fb->kind) {
        case FB_WHILE:
            break;
        case FB_FOR:
            if (tos) {
                emit_op(u, OP_ROT_TWO, 0);
            }
            emit_op(u, OP_POP_TOP, -1);
            break;
        case FB_TRY:
            pop_block(u);
            break;
        case FB_FINALLY_TRY: {
            /* the finally body sees only the blocks outside this try; the ones inside are still
             * needed by the code after this return/break/continue */
            pop_block(u);
            int saved = u->n_fb;
            fblock_t inner[MAX_FBLOCKS];
            memcpy(inner, &u->fb[i], (size_t)(saved - i) * sizeof(fblock_t));
            u->n_fb = i;
            if (tos) {
                push_fblock(u, inner[0].node, FB_POP_VALUE, -1, -1, NULL);
            }
            compile_finally_body(u, inner[0].node);
            memcpy(&u->fb[i], inner, (size_t)(saved - i) * sizeof(fblock_t));
            u->n_fb = saved;
            break;
        }
        case FB_POP_VALUE:
            if (tos) {
                emit_op(u, OP_ROT_TWO, 0);
            }
            emit_op(u, OP_POP_TOP, -1);
            break;
        case FB_FINALLY_END:
            if (tos) {
                emit_op(u, OP_ROT_THREE, 0);
            }
            emit_op(u, OP_POP_TOP, -1);
            emit_op(u, OP_POP_EXCEPT, -1);
            break;
        case FB_HANDLER:
            pop_block(u);
            if (tos) {
                emit_op(u, OP_ROT_TWO, 0);
            }
            emit_op(u, OP_POP_EXCEPT, -1);
            clear_handler_name(u, fb->node);
            break;
        case FB_WITH: case FB_ASYNC_WITH:
            pop_block(u);
            if (tos) {
                emit_op(u, OP_ROT_TWO, 0);
            }
            call_exit_none(u, fb->kind == FB_ASYNC_WITH);
            break;
    }
}

static void push_fblock(unit_t *u, pn_t *at, int kind, int l_break, int l_cont, pn_t *node) {
    if (u->n_fb == MAX_FBLOCKS) {
        u_error(u, at, "too many statically nested blocks", NULL);
    }
    fblock_t *fb = &u->fb[u->n_fb++];
    fb->kind = (uint8_t)kind;
    fb->l_break = l_break;
    fb->l_cont = l_cont;
    fb->node = node;
}

static void compile_break_continue(unit_t *u, pn_t *pn, bool is_break) {
    int depth = u->depth, blocks = u->blocks;
    int i = u->n_fb - 1;
    for (; i >= 0 && u->fb[i].kind != FB_WHILE && u->fb[i].kind != FB_FOR; i--) {
    }
    if (i < 0) {
        u_error(u, pn, is_break ? "'break' outside loop" : "'continue' not properly in loop", NULL);
    }
    for (int j = u->n_fb - 1; j > i; j--) {
        unwind_block(u, j, false);
    }
    if (is_break) {
        unwind_block(u, i, false);
    }
    emit_jump(u, OP_JUMP, is_break ? u->fb[i].l_break : u->fb[i].l_cont, 0);
    u->depth = depth;
    u->blocks = blocks;
}

static void compile_return(unit_t *u, pn_t *pn) {
    int depth = u->depth, blocks = u->blocks;
    if (pn->kid[0] != NULL) {
        compile_expr(u, pn->kid[0]);
    } else {
        emit_op(u, OP_LOAD_NONE, 1);
    }
    for (int i = u->n_fb - 1; i >= 0; i--) {
        unwind_block(u, i, true);
    }
    emit_op(u, OP_RETURN_VALUE, -1);
    u->depth = depth;
    u->blocks = blocks;
}

static void compile_assign(unit_t *u, pn_t *pn) {
    pn_t *value = pn->kid[pn->n - 1];
    pn_t *t = pn->kid[0];
    /* a, b = b, a without building a tuple */
    if (pn->n == 2 && (t->kind == PN_TUPLE || t->kind == PN_LIST) && value->kind == PN_TUPLE &&
        t->n == value->n && (t->n == 2 || t->n == 3)) {
        bool plain = true;
        for (size_t i = 0; i < t->n; i++) {
            plain &= t->kid[i]->kind != PN_STAR && value->kid[i]->kind != PN_STAR;
        }
        if (plain) {
            for (size_t i = 0; i < value->n; i++) {
                compile_expr(u, value->kid[i]);
            }
            if (t->n == 3) {
                emit_op(u, OP_ROT_THREE, 0);
            }
            emit_op(u, OP_ROT_TWO, 0);
            for (size_t i = 0; i < t->n; i++) {
                compile_store(u, t->kid[i]);
            }
            return;
        }
    }
    compile_expr(u, value);
    for (size_t i = 0; i + 1 < pn->n; i++) {
        if (i + 2 < pn->n) {
            emit_op(u, OP_DUP_TOP, 1);
        }
        compile_store(u, pn->kid[i]);
    }
}

static void compile_augassign(unit_t *u, pn_t *pn) {
    pn_t *t = pn->kid[0];
    switch (t->kind) {
        case PN_NAME:
            load_name(u, PN_QSTR(t));
            compile_expr(u, pn->kid[1]);
            emit_u(u, OP_BINARY_OP, pn->op, -1);
            store_name(u, PN_QSTR(t));
            break;
        case PN_ATTR:
            compile_expr(u, t->kid[0]);
            emit_op(u, OP_DUP_TOP, 1);
            emit_name_op(u, OP_LOAD_ATTR, PN_QSTR(t), 0);
            compile_expr(u, pn->kid[1]);
            emit_u(u, OP_BINARY_OP, pn->op, -1);
            emit_op(u, OP_ROT_TWO, 0);
            emit_name_op(u, OP_STORE_ATTR, PN_QSTR(t), -2);
            break;
        default: /* PN_SUBSCR */
            compile_expr(u, t->kid[0]);
            compile_expr(u, t->kid[1]);
            emit_op(u, OP_DUP_TOP_TWO, 2);
            emit_op(u, OP_BINARY_SUBSCR, -1);
            compile_expr(u, pn->kid[1]);
            emit_u(u, OP_BINARY_OP, pn->op, -1);
            emit_op(u, OP_ROT_THREE, 0);
            emit_op(u, OP_STORE_SUBSCR, -3);
            break;
    }
}

static void compile_if(unit_t *u, pn_t *pn) {
    int l_else = new_label(u), l_end = new_label(u);
    compile_jump_if(u, pn->kid[0], false, l_else);
    compile_block(u, pn->kid[1]);
    if (pn->kid[2] != NULL) {
        emit_jump(u, OP_JUMP, l_end, 0);
    }
    place_label(u, l_else);
    if (pn->kid[2] != NULL) {
        compile_stmt(u, pn->kid[2]);
    }
    place_label(u, l_end);
}

static void compile_while(unit_t *u, pn_t *pn) {
    int l_top = new_label(u), l_else = new_label(u), l_end = new_label(u);
    place_label(u, l_top);
    if (!is_const_true(pn->kid[0])) {
        compile_jump_if(u, pn->kid[0], false, l_else);
    }
    push_fblock(u, pn, FB_WHILE, l_end, l_top, NULL);
    compile_block(u, pn->kid[1]);
    u->n_fb--;
    emit_jump(u, OP_JUMP, l_top, 0);
    place_label(u, l_else);
    if (pn->kid[2] != NULL) {
        compile_block(u, pn->kid[2]);
    }
    place_label(u, l_end);
}

static void compile_for(unit_t *u, pn_t *pn) {
    int l_top = new_label(u), l_else = new_label(u), l_end = new_label(u);
    compile_expr(u, pn->kid[1]);
    int depth = u->depth;
    if (pn->op) {
        /* async for: the loop ends when __anext__ raises StopAsyncIteration */
        emit_op(u, OP_GET_AITER, 0);
        place_label(u, l_top);
        push_block(u, OP_SETUP_EXCEPT, l_else);
        emit_op(u, OP_GET_ANEXT, 1);
        emit_op(u, OP_LOAD_NONE, 1);
        emit_op(u, OP_YIELD_FROM, -1);
        pop_block(u);
    } else {
        emit_op(u, OP_GET_ITER, 0);
        place_label(u, l_top);
        emit_jump(u, OP_FOR_ITER, l_else, 1);
    }
    u->cur_line = pn->line;
    compile_store(u, pn->kid[0]);
    push_fblock(u, pn, FB_FOR, l_end, l_top, NULL);
    compile_block(u, pn->kid[2]);
    u->n_fb--;
    emit_jump(u, OP_JUMP, l_top, 0);
    place_label(u, l_else);
    if (pn->op) {
        u->depth = depth + 2;
        emit_op(u, OP_END_ASYNC_FOR, -3);
    } else {
        u->depth = depth - 1;
    }
    if (pn->kid[3] != NULL) {
        compile_block(u, pn->kid[3]);
    }
    place_label(u, l_end);
}

static void compile_try_except(unit_t *u, pn_t *pn) {
    int l_handler = new_label(u), l_end = new_label(u);
    int depth = u->depth;
    push_block(u, OP_SETUP_EXCEPT, l_handler);
    push_fblock(u, pn, FB_TRY, -1, -1, NULL);
    compile_block(u, pn->kid[0]);
    u->n_fb--;
    pop_block(u);
    if (pn->kid[2] != NULL) {
        compile_block(u, pn->kid[2]);
    }
    emit_jump(u, OP_JUMP, l_end, 0);
    place_label(u, l_handler);
    u->depth = depth;
    adjust_depth(u, 2);
    pn_t *handlers = pn->kid[1];
    bool bare = false;
    for (size_t i = 0; i < handlers->n; i++) {
        pn_t *h = handlers->kid[i];
        int l_next = new_label(u), l_cleanup = new_label(u);
        u->cur_line = h->line;
        if (h->kid[0] != NULL) {
            emit_op(u, OP_DUP_TOP, 1);
            compile_expr(u, h->kid[0]);
            emit_u(u, OP_BINARY_OP, BINARY_OP_EXC_MATCH, -1);
            emit_jump(u, OP_POP_JUMP_IF_FALSE, l_next, -1);
        } else {
            bare = true;
        }
        if (h->val != OBJ_NULL) {
            store_name(u, PN_QSTR(h));
        } else {
            emit_op(u, OP_POP_TOP, -1);
        }
        push_block(u, OP_SETUP_EXCEPT, l_cleanup);
        push_fblock(u, h, FB_HANDLER, -1, -1, h);
        compile_block(u, h->kid[1]);
        u->n_fb--;
        pop_block(u);
        emit_op(u, OP_POP_EXCEPT, -1);
        clear_handler_name(u, h);
        emit_jump(u, OP_JUMP, l_end, 0);
        /* the handler body raised: [prev, handled, exc] */
        place_label(u, l_cleanup);
        u->depth = depth;
        adjust_depth(u, 3);
        clear_handler_name(u, h);
        emit_op(u, OP_ROT_TWO, 0);
        emit_op(u, OP_POP_TOP, -1);
        emit_op(u, OP_ROT_TWO, 0);
        emit_op(u, OP_POP_EXCEPT, -1);
        emit_op(u, OP_RERAISE, -1);
        place_label(u, l_next);
        u->depth = depth + 2;
    }
    if (!bare) {
        emit_op(u, OP_ROT_TWO, 0);
        emit_op(u, OP_POP_EXCEPT, -1);
        emit_op(u, OP_RERAISE, -1);
    }
    place_label(u, l_end);
    u->depth = depth;
}

static void compile_try(unit_t *u, pn_t *pn) {
    if (pn->kid[3] == NULL) {
        compile_try_except(u, pn);
        return;
    }
    int l_handler = new_label(u), l_end = new_label(u);
    int depth = u->depth;
    push_block(u, OP_SETUP_EXCEPT, l_handler);
    push_fblock(u, pn, FB_FINALLY_TRY, -1, -1, pn->kid[3]);
    if (pn->kid[1] != NULL) {
        compile_try_except(u, pn);
    } else {
        compile_block(u, pn->kid[0]);
    }
    u->n_fb--;
    pop_block(u);
    compile_finally_body(u, pn->kid[3]);
    emit_jump(u, OP_JUMP, l_end, 0);
    place_label(u, l_handler);
    u->depth = depth;
    adjust_depth(u, 2);
    push_fblock(u, pn, FB_FINALLY_END, -1, -1, NULL);
    compile_finally_body(u, pn->kid[3]);
    u->n_fb--;
    emit_op(u, OP_ROT_TWO, 0);
    emit_op(u, OP_POP_EXCEPT, -1);
    emit_op(u, OP_RERAISE, -1);
    place_label(u, l_end);
    u->depth = depth;
}

static void compile_with(unit_t *u, pn_t *pn, size_t item) {
    if (item + 1 == pn->n) {
        compile_block(u, pn->kid[item]);
        return;
    }
    pn_t *it = pn->kid[item];
    bool is_async = pn->op;
    int l_handler = new_label(u), l_suppress = new_label(u), l_end = new_label(u);
    int depth = u->depth;
    compile_expr(u, it->kid[0]);
    if (is_async) {
        emit_op(u, OP_BEFORE_ASYNC_WITH, 1);
        emit_op(u, OP_GET_AWAITABLE, 0);
        emit_op(u, OP_LOAD_NONE, 1);
        emit_op(u, OP_YIELD_FROM, -1);
    } else {
        emit_op(u, OP_BEFORE_WITH, 1);
    }
    push_block(u, OP_SETUP_WITH, l_handler);
    if (it->kid[1] != NULL) {
        compile_store(u, it->kid[1]);
    } else {
        emit_op(u, OP_POP_TOP, -1);
    }
    push_fblock(u, pn, is_async ? FB_ASYNC_WITH : FB_WITH, -1, -1, NULL);
    compile_with(u, pn, item + 1);
    u->n_fb--;
    pop_block(u);
    call_exit_none(u, is_async);
    emit_jump(u, OP_JUMP, l_end, 0);
    /* exception: [exit prev exc] */
    place_label(u, l_handler);
    u->depth = depth;
    adjust_depth(u, 3);
    emit_op(u, OP_WITH_EXCEPT, 1);
    if (is_async) {
        emit_op(u, OP_GET_AWAITABLE, 0);
        emit_op(u, OP_LOAD_NONE, 1);
        emit_op(u, OP_YIELD_FROM, -1);
    }
    emit_jump(u, OP_POP_JUMP_IF_TRUE, l_suppress, -1);
    emit_op(u, OP_ROT_TWO, 0);
    emit_op(u, OP_POP_EXCEPT, -1);
    emit_op(u, OP_RERAISE, -1);
    place_label(u, l_suppress);
    u->depth = depth + 3;
    emit_op(u, OP_POP_TOP, -1);
    emit_op(u, OP_POP_EXCEPT, -1);
    emit_op(u, OP_POP_TOP, -1);
    place_label(u, l_end);
    u->depth = depth;
}

static void compile_class(unit_t *u, pn_t *pn) {
    scope_t *s = scope_of(u->c, pn);
    pn_t *decos = pn->kid[2];
    if (decos != NULL) {
        for (size_t i = 0; i < decos->n; i++) {
            compile_expr(u, decos->kid[i]);
        }
    }
    u->cur_line = pn->line;
    emit_op(u, OP_LOAD_BUILD_CLASS, 1);
    code_t *code = compile_scope(u->c, s);
    release_body(u, pn);
    make_closure_and_function(u, s, code, 0, 0);
    load_const(u, pn->val);
    compile_call_tail(u, pn->kid[0], 1, 2, false);
    if (decos != NULL) {
        for (size_t i = 0; i < decos->n; i++) {
            emit_uu(u, OP_CALL_FUNCTION, 1, 0, -1);
        }
    }
    store_name(u, PN_QSTR(pn));
}

static void compile_def(unit_t *u, pn_t *pn) {
    pn_t *decos = pn->kid[2];
    if (decos != NULL) {
        for (size_t i = 0; i < decos->n; i++) {
            compile_expr(u, decos->kid[i]);
        }
    }
    u->cur_line = pn->line;
    compile_function(u, pn, pn->kid[0]);
    if (decos != NULL) {
        for (size_t i = 0; i < decos->n; i++) {
            emit_uu(u, OP_CALL_FUNCTION, 1, 0, -1);
        }
    }
    store_name(u, PN_QSTR(pn));
}

static void compile_import(unit_t *u, pn_t *pn) {
    for (size_t i = 0; i < pn->n; i++) {
        pn_t *a = pn->kid[i];
        qstr name = PN_QSTR(a);
        load_const(u, OBJ_NEW_SMALL_INT(0));
        emit_op(u, OP_LOAD_NONE, 1);
        emit_name_op(u, OP_IMPORT_NAME, name, -1);
        const char *s = qstr_str(name);
        const char *dot = strchr(s, '.');
        if (a->kid[0] == NULL) {
            store_name(u, dot ? qstr_from_strn(s, (size_t)(dot - s)) : name);
            continue;
        }
        while (dot != NULL) {
            const char *part = dot + 1;
            dot = strchr(part, '.');
            size_t len = dot ? (size_t)(dot - part) : strlen(part);
            emit_name_op(u, OP_LOAD_ATTR, qstr_from_strn(part, len), 0);
        }
        store_name(u, PN_QSTR(a->kid[0]));
    }
}

static void compile_import_from(unit_t *u, pn_t *pn) {
    load_const(u, OBJ_NEW_SMALL_INT(pn->op));
    obj_t fromlist = obj_new_tuple(pn->n, NULL);
    for (size_t i = 0; i < pn->n; i++) {
        ((tuple_t *)fromlist)->items[i] = pn->kid[i]->val;
    }
    emit_u(u, OP_LOAD_CONST, const_index(u, fromlist), 1);
    emit_name_op(u, OP_IMPORT_NAME, PN_QSTR(pn), -1);
    if (pn->n == 1 && PN_QSTR(pn->kid[0]) == Q__star_) {
        emit_op(u, OP_IMPORT_STAR, -1);
        return;
    }
    for (size_t i = 0; i < pn->n; i++) {
        pn_t *a = pn->kid[i];
        emit_name_op(u, OP_IMPORT_FROM, PN_QSTR(a), 1);
        store_name(u, a->kid[0] != NULL ? PN_QSTR(a->kid[0]) : PN_QSTR(a));
    }
    emit_op(u, OP_POP_TOP, -1);
}

static void compile_stmt(unit_t *u, pn_t *pn) {
    stack_check();
    u->cur_line = pn->line;
    switch (pn->kind) {
        case PN_BLOCK:
            compile_block(u, pn);
            break;
        case PN_EXPR_STMT: {
            pn_t *e = pn->kid[0];
            if (u->c->mode == COMPILE_SINGLE && u->scope->kind == SCOPE_MODULE) {
                compile_expr(u, e);
                emit_op(u, OP_PRINT_EXPR, -1);
            } else if (e->kind != PN_CONST) {
                compile_expr(u, e);
                emit_op(u, OP_POP_TOP, -1);
            }
            break;
        }
        case PN_ASSIGN:
            compile_assign(u, pn);
            break;
        case PN_AUGASSIGN:
            compile_augassign(u, pn);
            break;
        case PN_ANNASSIGN:
            if (pn->kid[1] != NULL) {
                compile_expr(u, pn->kid[1]);
                compile_store(u, pn->kid[0]);
            }
            break;
        case PN_IF:
            compile_if(u, pn);
            break;
        case PN_WHILE:
            compile_while(u, pn);
            break;
        case PN_FOR:
            compile_for(u, pn);
            break;
        case PN_BREAK:
            compile_break_continue(u, pn, true);
            break;
        case PN_CONTINUE:
            compile_break_continue(u, pn, false);
            break;
        case PN_PASS: case PN_GLOBAL: case PN_NONLOCAL:
            break;
        case PN_RETURN:
            compile_return(u, pn);
            break;
        case PN_DEF:
            compile_def(u, pn);
            break;
        case PN_CLASS:
            compile_class(u, pn);
            break;
        case PN_TRY:
            compile_try(u, pn);
            break;
        case PN_RAISE:
            if (pn->kid[0] != NULL) {
                compile_expr(u, pn->kid[0]);
            }
            if (pn->kid[1] != NULL) {
                compile_expr(u, pn->kid[1]);
            }
            emit_u(u, OP_RAISE_VARARGS, (size_t)(pn->kid[0] != NULL) + (pn->kid[1] != NULL),
                   -(int)(pn->kid[0] != NULL) - (pn->kid[1] != NULL));
            break;
        case PN_WITH:
            compile_with(u, pn, 0);
            break;
        case PN_ASSERT: {
            int l_end = new_label(u);
            compile_jump_if(u, pn->kid[0], true, l_end);
            emit_op(u, OP_LOAD_ASSERTION_ERROR, 1);
            if (pn->kid[1] != NULL) {
                compile_expr(u, pn->kid[1]);
                emit_uu(u, OP_CALL_FUNCTION, 1, 0, -1);
            }
            emit_u(u, OP_RAISE_VARARGS, 1, -1);
            place_label(u, l_end);
            break;
        }
        case PN_DEL:
            for (size_t i = 0; i < pn->n; i++) {
                compile_delete(u, pn->kid[i]);
            }
            break;
        case PN_IMPORT:
            compile_import(u, pn);
            break;
        case PN_IMPORT_FROM:
            compile_import_from(u, pn);
            break;
        default:
            u_error(u, pn, "invalid syntax", NULL);
    }
}

static void compile_block(unit_t *u, pn_t *block) {
    for (size_t i = 0; i < block->n; i++) {
        compile_stmt(u, block->kid[i]);
    }
}

/* ---------------------------------------------------------------------------------------------
 * code units
 * ------------------------------------------------------------------------------------------- */

static void unit_init(unit_t *u, compiler_t *c, scope_t *s, uint32_t first_line) {
    memset(u, 0, offsetof(unit_t, fb));
    u->n_fb = 0;
    u->c = c;
    u->scope = s;
    u->first_line = u->cur_line = u->last_line = first_line;
}

static code_t *unit_finish(unit_t *u, pn_t *at) {
    for (size_t i = 0; i < u->n_fix; i++) {
        fixup_t *f = &u->fix[i];
        long off = (long)u->labels[f->label] - (long)(f->pos + 2);
        if (off < -32768 || off > 32767) {
            u_error(u, at, "function too large", NULL);
        }
        u->bc[f->pos] = (uint8_t)(off & 0xff);
        u->bc[f->pos + 1] = (uint8_t)((off >> 8) & 0xff);
    }
    scope_t *s = u->scope;
    if (u->max_depth > 0xffff || u->n_caches > 0xffff || u->n_consts > 0xffff || u->n_names > 0xffff) {
        u_error(u, at, "function too large", NULL);
    }
    /* one block for the code object and its arrays: five fewer allocations, each rounded up */
    size_t n_varnames = s->n_locals;
    size_t n_bytes = sizeof(code_t) + u->n_consts * sizeof(obj_t) + (u->n_names + n_varnames) * sizeof(qstr) +
                     u->len + u->n_lines;
    code_t *code = m_malloc(n_bytes);
    memset(code, 0, n_bytes);
    code->base.type = &type_code;
    uint8_t flags = s->code_flags;
    switch (s->kind) {
        case SCOPE_MODULE: flags |= CODE_FLAG_MODULE; break;
        case SCOPE_CLASS: flags |= CODE_FLAG_CLASS_BODY; break;
        case SCOPE_COMP:
            if (s->has_await) {
                flags |= s->node->kind == PN_GENEXP ? CODE_FLAG_ASYNC_GEN : CODE_FLAG_COROUTINE;
            } else if (s->has_yield) {
                flags |= CODE_FLAG_GENERATOR;
            }
            break;
        default:
            if (s->is_async) {
                flags |= s->has_yield ? CODE_FLAG_ASYNC_GEN : CODE_FLAG_COROUTINE;
            } else if (s->has_yield) {
                flags |= CODE_FLAG_GENERATOR;
            }
            break;
    }
    code->flags = flags;
    code->n_pos_args = (uint8_t)s->n_pos;
    code->n_posonly_args = (uint8_t)s->n_posonly;
    code->n_kwonly_args = (uint8_t)s->n_kwonly;
    code->n_locals = s->n_locals;
    code->n_free = s->n_free;
    code->n_stack = (uint16_t)u->max_depth;
    code->n_blocks = (uint16_t)u->max_blocks;
    code->n_caches = (uint16_t)u->n_caches;
    code->n_consts = (uint16_t)u->n_consts;
    code->n_names = (uint16_t)u->n_names;
    code->name = s->name;
    code->qualname_unused_ = s->qualname;
    code->filename = u->c->filename;
    code->first_line = u->first_line;
    code->bc_len = (uint32_t)u->len;
    code->lines_len = (uint32_t)u->n_lines;
    obj_t *consts = (obj_t *)(code + 1);
    qstr *names = (qstr *)(consts + u->n_consts);
    qstr *varnames = names + u->n_names;
    uint8_t *bytecode = (uint8_t *)(varnames + n_varnames);
    code->consts = u->n_consts ? memcpy(consts, u->consts, u->n_consts * sizeof(obj_t)) : NULL;
    code->names = u->n_names ? memcpy(names, u->names, u->n_names * sizeof(qstr)) : NULL;
    code->bytecode = u->len ? memcpy(bytecode, u->bc, u->len) : NULL;
    code->lines = u->n_lines ? memcpy(bytecode + u->len, u->lines, u->n_lines) : NULL;
    for (size_t i = 0; s->kind != SCOPE_MODULE && i < s->n_syms; i++) {
        sym_t *sym = &s->syms[i];
        if ((sym->flags & SYM_PARAM) || is_local_slot(s, sym) || is_free_slot(s, sym)) {
            varnames[sym->slot] = sym->name;
        }
    }
    code->varnames = n_varnames ? varnames : NULL;
    m_free(u->bc);
    m_free(u->lines);
    m_free(u->consts);
    m_free(u->names);
    m_free(u->labels);
    m_free(u->fix);
    return code;
}

static bool is_docstring(pn_t *stmt) {
    return stmt->kind == PN_EXPR_STMT && stmt->kid[0]->kind == PN_CONST && obj_is_str(stmt->kid[0]->val);
}

static void emit_make_cells(unit_t *u) {
    scope_t *s = u->scope;
    for (size_t i = 0; i < s->n_syms; i++) {
        if ((s->syms[i].flags & SYM_CELL) && !(s->syms[i].flags & SYM_FREE)) {
            emit_u(u, OP_MAKE_CELL, s->syms[i].slot, 0);
        }
    }
}

static void compile_comp_loop(unit_t *u, pn_t *pn, size_t first, size_t i) {
    pn_t *cf = pn->kid[i];
    int l_top = new_label(u), l_end = new_label(u);
    if (i == first) {
        emit_u(u, OP_LOAD_FAST, 0, 1);
    } else {
        compile_expr(u, cf->kid[1]);
        emit_op(u, cf->op ? OP_GET_AITER : OP_GET_ITER, 0);
    }
    place_label(u, l_top);
    if (cf->op) {
        push_block(u, OP_SETUP_EXCEPT, l_end);
        emit_op(u, OP_GET_ANEXT, 1);
        emit_op(u, OP_LOAD_NONE, 1);
        emit_op(u, OP_YIELD_FROM, -1);
        pop_block(u);
    } else {
        emit_jump(u, OP_FOR_ITER, l_end, 1);
    }
    compile_store(u, cf->kid[0]);
    for (size_t j = 2; j < cf->n; j++) {
        compile_jump_if(u, cf->kid[j], false, l_top);
    }
    if (i + 1 < pn->n) {
        compile_comp_loop(u, pn, first, i + 1);
    } else {
        size_t n = pn->n - first + 1;
        switch (pn->kind) {
            case PN_LISTCOMP:
                compile_expr(u, pn->kid[0]);
                emit_u(u, OP_LIST_APPEND, n, -1);
                break;
            case PN_SETCOMP:
                compile_expr(u, pn->kid[0]);
                emit_u(u, OP_SET_ADD, n, -1);
                break;
            case PN_DICTCOMP:
                compile_expr(u, pn->kid[0]);
                compile_expr(u, pn->kid[1]);
                emit_u(u, OP_MAP_ADD, n, -2);
                break;
            default:
                compile_expr(u, pn->kid[0]);
                emit_op(u, OP_YIELD_VALUE, 0);
                emit_op(u, OP_POP_TOP, -1);
                break;
        }
    }
    emit_jump(u, OP_JUMP, l_top, 0);
    place_label(u, l_end);
    if (cf->op) {
        adjust_depth(u, 2); /* [aiter prev exc] */
        emit_op(u, OP_END_ASYNC_FOR, -3);
    } else {
        adjust_depth(u, -1);
    }
}

static void compile_class_body(unit_t *u, pn_t *pn) {
    scope_t *s = u->scope;
    pn_t *body = pn->kid[1];
    emit_name_op(u, OP_LOAD_NAME, Q___name__, 1);
    emit_name_op(u, OP_STORE_NAME, Q___module__, -1);
    load_const(u, OBJ_NEW_QSTR(s->qualname));
    emit_name_op(u, OP_STORE_NAME, Q___qualname__, -1);
    size_t start = 0;
    if (body->n > 0 && is_docstring(body->kid[0])) {
        load_const(u, body->kid[0]->kid[0]->val);
        emit_name_op(u, OP_STORE_NAME, Q___doc__, -1);
        start = 1;
    }
    for (size_t i = start; i < body->n; i++) {
        compile_stmt(u, body->kid[i]);
    }
    sym_t *cls = sym_find(s, Q___class__);
    if (cls != NULL && (cls->flags & SYM_CELL)) {
        emit_u(u, OP_LOAD_CLOSURE, cls->slot, 1);
        emit_name_op(u, OP_STORE_NAME, Q___classcell__, -1);
    }
    emit_op(u, OP_LOAD_NONE, 1);
    emit_op(u, OP_RETURN_VALUE, -1);
}

static code_t *compile_scope(compiler_t *c, scope_t *s) {
    pn_t *pn = s->node;
    unit_t *u = m_new_obj(unit_t);
    unit_init(u, c, s, pn->line);
    emit_make_cells(u);
    switch (s->kind) {
        case SCOPE_FUNCTION: {
            pn_t *body = pn->kid[1];
            size_t start = 0;
            if (body->n > 0 && is_docstring(body->kid[0])) {
                const_index(u, body->kid[0]->kid[0]->val);
                s->code_flags |= CODE_FLAG_DOCSTRING;
                start = 1;
            }
            for (size_t i = start; i < body->n; i++) {
                compile_stmt(u, body->kid[i]);
            }
            emit_op(u, OP_LOAD_NONE, 1);
            emit_op(u, OP_RETURN_VALUE, -1);
            break;
        }
        case SCOPE_LAMBDA:
            compile_expr(u, pn->kid[1]);
            emit_op(u, OP_RETURN_VALUE, -1);
            break;
        case SCOPE_CLASS:
            compile_class_body(u, pn);
            break;
        default: { /* SCOPE_COMP */
            static const opcode_t build[] = { OP_BUILD_LIST, OP_BUILD_SET, OP_NOP };
            bool is_gen = pn->kind == PN_GENEXP;
            if (!is_gen) {
                emit_u(u, pn->kind == PN_DICTCOMP ? OP_BUILD_MAP : build[pn->kind - PN_LISTCOMP], 0, 1);
            }
            compile_comp_loop(u, pn, pn->kind == PN_DICTCOMP ? 2 : 1, pn->kind == PN_DICTCOMP ? 2 : 1);
            if (is_gen) {
                emit_op(u, OP_LOAD_NONE, 1);
            }
            emit_op(u, OP_RETURN_VALUE, -1);
            break;
        }
    }
    code_t *code = unit_finish(u, pn);
    m_free(u);
    return code;
}

/* Parser hook: a def at module level or in (nested) classes at module level is compiled as soon as
 * it is parsed, and its body freed, so a long class never has its whole tree alive.  Free names
 * there can only be globals (or __class__), so stand-in class scopes give the same resolution; the
 * def's own scope is kept for when the statement is visited (adopt_early_def, compile_function). */
static void compile_early_def(parser_t *p, pn_t *def) {
    compiler_t *c = p->ctx;
    scope_t *module = c->scopes[0];
    size_t first = c->n_scopes;
    scope_t *outer = m_new(scope_t, p->n_classes + 1);
    memset(outer, 0, sizeof(scope_t) * (p->n_classes + 1));
    scope_t *parent = module;
    for (size_t i = 0; i < p->n_classes; i++) {
        outer[i].parent = parent;
        outer[i].kind = SCOPE_CLASS;
        outer[i].name = p->classes[i];
        outer[i].qualname = make_qualname(parent, p->classes[i]);
        parent = &outer[i];
    }
    c->cur = parent;
    scope_t *s = scope_push(c, SCOPE_FUNCTION, def, PN_QSTR(def));
    s->is_async = def->op;
    add_params(s, def->kid[0]);
    visit_block(c, def->kid[1]);
    c->cur = module;
    resolve_scopes(c);
    s->code = compile_scope(c, s);
    s->parent = module;
    for (size_t i = 0; i < p->n_classes; i++) {
        m_free(outer[i].syms);
    }
    m_free(outer);
    /* the scopes nested in the body are done with: only the def's is looked up again */
    for (size_t i = first + 1; i < c->n_scopes; i++) {
        m_free(c->scopes[i]->syms);
        m_free(c->scopes[i]);
    }
    c->n_scopes = first + 1;
    parse_free(def->kid[1]);
    def->kid[1] = NULL;
}

/* A module is compiled one top-level statement line at a time: parse it, find its scopes, emit
 * its code, free its tree.  The peak is then one statement's tree, not the whole file's. */
static void compile_module_body(unit_t *u, parser_t *p) {
    compiler_t *c = u->c;
    bool first = true;
    pn_t *line;
    while ((line = parse_next(p)) != NULL) {
        visit_block(c, line);
        resolve_scopes(c);
        size_t start = 0;
        if (first && is_docstring(line->kid[0]) && c->mode == COMPILE_FILE) {
            u->cur_line = line->kid[0]->line;
            load_const(u, line->kid[0]->kid[0]->val);
            emit_name_op(u, OP_STORE_NAME, Q___doc__, -1);
            start = 1;
        }
        first = false;
        for (size_t i = start; i < line->n; i++) {
            compile_stmt(u, line->kid[i]);
        }
        scopes_release(c);
        parse_free(line);
    }
}

/* ---------------------------------------------------------------------------------------------
 * entry points
 * ------------------------------------------------------------------------------------------- */

code_t *compile_source(const char *src, size_t len, qstr filename, compile_mode_t mode) {
    lexer_t *lx = m_new_obj(lexer_t);
    lexer_init(lx, src, len, filename, 1);
    parser_t p;
    parse_start(&p, lx);
    compiler_t c;
    p.on_def = mode == COMPILE_EVAL ? NULL : compile_early_def;
    p.ctx = &c;
    memset(&c, 0, sizeof(c));
    c.src = lx->src;
    c.end = lx->end;
    c.filename = filename;
    c.mode = mode;
    scope_t *module = scope_push(&c, SCOPE_MODULE, NULL, Q__lt_module_gt_);
    unit_t *u = m_new_obj(unit_t);
    unit_init(u, &c, module, 1);
    pn_t at = { .kind = PN_PASS, .line = 1 };
    if (mode == COMPILE_EVAL) {
        pn_t *tree = parse_eval(&p);
        visit_expr(&c, tree);
        resolve_scopes(&c);
        compile_expr(u, tree);
        emit_op(u, OP_RETURN_VALUE, -1);
        scopes_release(&c);
        parse_free(tree);
    } else {
        compile_module_body(u, &p);
        emit_op(u, OP_LOAD_NONE, 1);
        emit_op(u, OP_RETURN_VALUE, -1);
    }
    code_t *code = unit_finish(u, &at);
    m_free(u);
    m_free(c.scopes);
    m_free(module->syms);
    m_free(module);
    m_free(lx);
    return code;
}

static bool starts_compound(const char *s, const char *e) {
    static const char *const words[] = { "if", "while", "for", "def", "class", "try", "with", "async" };
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
        s++;
    }
    if (s < e && *s == '@') {
        return true;
    }
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(e - s) > n && memcmp(s, words[i], n) == 0 &&
            (s[n] == ' ' || s[n] == '\t' || s[n] == ':' || s[n] == '(')) {
            return true;
        }
    }
    return false;
}

bool compile_is_incomplete(const char *src, size_t len) {
    lexer_t *lx = m_new_obj(lexer_t);
    lexer_init(lx, src, len, Q__lt_stdin_gt_, 1);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        parser_t p;
        parse_start(&p, lx);
        pn_t *line;
        while ((line = parse_next(&p)) != NULL) {
            parse_free(line);
        }
        nlr_pop();
    } else {
        return lx->eof_incomplete;
    }
    if (!starts_compound(src, src + len)) {
        return false;
    }
    /* a compound statement ends with a blank line */
    const char *e = src + len;
    while (e > src && (e[-1] == ' ' || e[-1] == '\t')) {
        e--;
    }
    if (e > src && e[-1] == '\n') {
        e--;
        while (e > src && (e[-1] == ' ' || e[-1] == '\t')) {
            e--;
        }
        if (e > src && e[-1] == '\n') {
            return false;
        }
    }
    return true;
}
