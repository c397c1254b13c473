/* parse.h: the parse tree.  One node shape for everything: a kind, a small operator/flag field,
 * a value (a name qstr or a constant), the source position, and child pointers.  The tree lives on
 * the GC heap for the duration of one compilation; compile.c walks it twice (scopes, then code). */
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

typedef struct pn {
    uint8_t kind;
    uint8_t op;
    uint16_t n;        /* number of kids */
    uint16_t col;      /* byte column of the node's first token */
    uint32_t line;
    obj_t val;
    void *aux;         /* PN_COMPARE: ops; PN_NAME: the unmangled qstr; scope-creating nodes: their
                        * scope (compile.c) */
    struct pn *kid[];
} pn_t;

#define PN_QSTR(pn) OBJ_QSTR_VALUE((pn)->val)

/* Parse a whole source text; for COMPILE_EVAL the result is a single expression node.
 * lx must be initialised; raises SyntaxError. */
pn_t *parse_source(lexer_t *lx, compile_mode_t mode);

#endif
