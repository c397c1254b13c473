/* parse.h: the parse tree.  One node shape for everything: a kind, a small operator/flag field,
 * a value (a name qstr or a constant), the source position, and child pointers.  The tree lives on
 * the GC heap only while its top-level statement is compiled: compile.c parses one top-level
 * statement at a time, walks it twice (scopes, then code) and frees it. */
#ifndef ADDER_PARSE_H
#define ADDER_PARSE_H

#include "lexer.h"
#include "compile.h"

typedef enum {
    /* expressions */
    PN_NAME,        /* val: qstr as obj */
    PN_CONST,       /* val: the constant (None/True/False/Ellipsis too) */
    PN_FSTRING,     /* kids: PN_CONST strs and PN_FORMAT parts */
    PN_FORMAT,      /* op: conversion 0..3; kid0 value, kid1 spec (PN_FSTRING) or NULL */
    PN_BINOP,       /* op: binary_op_t; kid0 kid1 */
    PN_UNARY,       /* op: unary_op_t (POS NEG INVERT NOT); kid0 */
    PN_AND, PN_OR,  /* kids: 2+ operands */
    PN_COMPARE,     /* kids: operands; aux: uint8_t ops[n-1] (binary_op_t) */
    PN_IFEXP,       /* kid0 test, kid1 body, kid2 orelse */
    PN_LAMBDA,      /* kid0 PN_PARAMS, kid1 body expr */
    PN_CALL,        /* kid0 func, then args: exprs, PN_STAR, PN_DSTAR, PN_KEYWORD */
    PN_KEYWORD,     /* val name; kid0 value */
    PN_STAR,        /* kid0: *x (in calls, displays, targets) */
    PN_DSTAR,       /* kid0: **x in calls */
    PN_ATTR,        /* kid0 obj; val name */
    PN_SUBSCR,      /* kid0 obj, kid1 index */
    PN_SLICE,       /* kid0 lower, kid1 upper, kid2 step (each may be NULL) */
    PN_TUPLE, PN_LIST, PN_SET,
    PN_DICT,        /* kids: key, value pairs; key NULL for **value */
    PN_LISTCOMP, PN_SETCOMP, PN_GENEXP, /* kid0 elt, then PN_COMPFOR */
    PN_DICTCOMP,    /* kid0 key, kid1 value, then PN_COMPFOR */
    PN_COMPFOR,     /* op: async; kid0 target, kid1 iter, then if-conditions */
    PN_YIELD,       /* kid0 value or NULL */
    PN_YIELD_FROM,
    PN_AWAIT,
    PN_NAMEDEXPR,   /* kid0 PN_NAME target, kid1 value */
    /* statements */
    PN_BLOCK,       /* kids: statements */
    PN_EXPR_STMT,   /* kid0 */
    PN_ASSIGN,      /* kids: targets..., value last */
    PN_AUGASSIGN,   /* op: binary_op_t (in-place); kid0 target, kid1 value */
    PN_ANNASSIGN,   /* kid0 target, kid1 value or NULL (the annotation is dropped) */
    PN_IF,          /* kid0 test, kid1 body, kid2 orelse (block, PN_IF or NULL) */
    PN_WHILE,       /* kid0 test, kid1 body, kid2 orelse */
    PN_FOR,         /* op async; kid0 target, kid1 iter, kid2 body, kid3 orelse */
    PN_BREAK, PN_CONTINUE, PN_PASS,
    PN_RETURN,      /* kid0 or NULL */
    PN_DEF,         /* op async; val name; kid0 PN_PARAMS, kid1 body, kid2 decorators (PN_BLOCK) or NULL */
    PN_PARAMS,      /* kids: PN_PARAM; op: bit0 has `/` */
    PN_PARAM,       /* val name; op param kind; kid0 default or NULL */
    PN_CLASS,       /* val name; kid0 PN_CALL-style args (PN_BLOCK), kid1 body, kid2 decorators */
    PN_TRY,         /* kid0 body, kid1 handlers (PN_BLOCK of PN_HANDLER) or NULL, kid2 orelse, kid3 finally */
    PN_HANDLER,     /* val name or 0; kid0 type or NULL, kid1 body */
    PN_RAISE,       /* kid0 exc, kid1 cause */
    PN_WITH,        /* op async; kids: PN_WITHITEM..., body last */
    PN_WITHITEM,    /* kid0 context expr, kid1 target or NULL */
    PN_ASSERT,      /* kid0 test, kid1 msg */
    PN_DEL,         /* kids: targets */
    PN_GLOBAL, PN_NONLOCAL, /* kids: PN_NAME */
    PN_IMPORT,      /* kids: PN_ALIAS */
    PN_IMPORT_FROM, /* val module (qstr, maybe empty); op level; kids PN_ALIAS (val '*' for star) */
    PN_ALIAS,       /* val dotted name; kid0 PN_NAME asname or NULL */
} pn_kind_t;

enum { PARAM_POS, PARAM_KWONLY, PARAM_VARARGS, PARAM_VARKW };

/* Kept to 16 bytes on 64-bit hosts and 12 on 32-bit targets (one GC block for a leaf): the tree is
 * the compiler's largest transient.  Columns past PN_COL_MAX are clamped (only error carets use them). */
typedef struct pn {
    uint8_t kind;
    uint8_t op;        /* PN_NAME: PN_NAME_MANGLED when val is the class-private form */
    uint16_t n;        /* number of kids */
    uint32_t line : 20;
    uint32_t col : 12; /* byte column of the node's first token */
    obj_t val;
    struct pn *kid[];  /* PN_COMPARE: followed by its n-1 binary_op_t bytes */
} pn_t;

#define PN_LINE_MAX (0xfffff)
#define PN_COL_MAX (0xfff)
#define PN_NAME_MANGLED (1)
#define PN_COMPARE_OPS(pn) ((const uint8_t *)&(pn)->kid[(pn)->n])

#define PN_QSTR(pn) OBJ_QSTR_VALUE((pn)->val)

/* Parsing is incremental so that only one top-level statement's tree is alive at a time.
 * parse_start reads the first token; for COMPILE_EVAL, parse_eval returns the single expression;
 * otherwise parse_next returns the next top-level statement line (a PN_BLOCK of its simple or
 * compound statements) or NULL at the end.  Raise SyntaxError. */
#define PARSE_MAX_CLASS_NEST (8)

typedef struct parser {
    lexer_t *lx;
    qstr private_name;  /* the enclosing class's name, for mangling __names (QSTR_NULL outside) */
    int fn_depth;       /* open function bodies */
    size_t n_classes;   /* open class bodies; the names of the first PARSE_MAX_CLASS_NEST follow */
    qstr classes[PARSE_MAX_CLASS_NEST];
    /* Called (when set) with each def whose enclosing scopes are all classes or the module: its body
     * depends on nothing that follows, so the compiler may compile and free it at once. */
    void (*on_def)(struct parser *p, pn_t *def);
    void *ctx;
} parser_t;

void parse_start(parser_t *p, lexer_t *lx);
pn_t *parse_eval(parser_t *p);
pn_t *parse_next(parser_t *p);
void parse_free(pn_t *pn);  /* release a tree (not the constants it refers to) */

#endif
