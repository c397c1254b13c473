/* compile.h: source text to code objects.  lexer.c -> parse.c (a parse tree on the GC heap) ->
 * compile.c (scopes, then bytecode).  Errors raise SyntaxError/IndentationError with the file,
 * line, column and the offending line, as CPython does. */
#ifndef ADDER_COMPILE_H
#define ADDER_COMPILE_H

#include "code.h"

typedef enum {
    COMPILE_FILE,    /* a module or script: statements */
    COMPILE_EVAL,    /* a single expression: the code returns its value */
    COMPILE_SINGLE,  /* one interactive statement: expression statements use PRINT_EXPR */
} compile_mode_t;

code_t *compile_source(const char *src, size_t len, qstr filename, compile_mode_t mode);

/* For the REPL: true if src is an incomplete compound statement / open bracket / continued line,
 * i.e. the REPL should ask for another line. */
bool compile_is_incomplete(const char *src, size_t len);

#endif
