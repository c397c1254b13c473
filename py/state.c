/* state.c: the interpreter's one global (state_t, see state.h) and the C-stack depth guard. */
#include "state.h"
#include "runtime.h"

state_t vm_state = { .stack_limit = CONFIG_STACK_LIMIT };

void stack_check(void) {
    char here;
    /* The stack grows down on every platform Adder targets. */
    if (STATE(stack_top) != NULL && (size_t)(STATE(stack_top) - &here) > STATE(stack_limit)) {
        rt_raise_msg(&type_RecursionError, "maximum recursion depth exceeded");
    }
}
