/* nlr.c: the handler chain behind nlr_push/nlr_pop/nlr_raise (setjmp/longjmp; see nlr.h). */
#include "nlr.h"
#include "port.h"
#include "state.h"

void nlr_push_raw(nlr_buf_t *buf) {
    buf->prev = STATE(nlr_top);
    buf->exc = OBJ_NULL;
    STATE(nlr_top) = buf;
}

void nlr_pop(void) {
    STATE(nlr_top) = STATE(nlr_top)->prev;
}

void nlr_raise(obj_t exc) {
    nlr_buf_t *top = STATE(nlr_top);
    if (top == NULL) {
        port_fatal("uncaught exception with no handler");
    }
    /* The handler is popped before the jump, so the catching code sees the chain as it was
     * before its nlr_push. */
    STATE(nlr_top) = top->prev;
    top->exc = exc;
    longjmp(top->jb, 1);
}
