/* main.c (qemu-arm): the firmware's start: cut the GC heap and the VM stack from RAM, set up the
 * interpreter, and serve the shared REPL (extmod/repl.c) on UART0 as a board does: Ctrl-C
 * interrupts running code, Ctrl-D is a soft reset that starts from a fresh heap.  The heap size is
 * CONFIG_HEAP_DEFAULT unless the semihosting command line says `heap=SIZE` (bytes, K or M). */
#include <string.h>
#include "gc.h"
#include "modmachine.h"
#include "mps2.h"
#include "port.h"
#include "runtime.h"
#include "../../extmod/repl.h"

extern uint8_t startup_stack[PORT_STACK_SIZE];
extern char _ram_free_start, _ram_free_end;

#define KBD_INTERRUPT (STATE(port_roots)[0])
#define MIN_HEAP_SIZE (8 * 1024)

static size_t heap_size = CONFIG_HEAP_DEFAULT;

/* Ctrl-C from the UART interrupt: KeyboardInterrupt at the next bytecode boundary. */
static void on_ctrl_c(void) {
    if (KBD_INTERRUPT != OBJ_NULL) {
        exc_get(KBD_INTERRUPT)->traceback = OBJ_NULL;
        STATE(pending_exc) = KBD_INTERRUPT;
        STATE(pending_flag) = 1;
    }
}

static void interruptible(bool on) {
    mps2_uart_set_interrupt(on ? CHAR_CTRL_C : -1, on ? on_ctrl_c : NULL);
}

/* `heap=SIZE` among the space-separated words of the command line, if any. */
static size_t parse_heap_size(const char *s) {
    for (const char *w = strstr(s, "heap="); w != NULL; w = strstr(w + 1, "heap=")) {
        if (w != s && w[-1] != ' ') {
            continue;
        }
        size_t v = 0;
        for (w += 5; *w >= '0' && *w <= '9'; w++) {
            v = v * 10 + (size_t)(*w - '0');
        }
        if (*w == 'k' || *w == 'K') {
            v *= 1024;
        } else if (*w == 'm' || *w == 'M') {
            v *= 1024 * 1024;
        }
        return v;
    }
    return 0;
}

static void init_state(void) {
    char *start = &_ram_free_start;
    size_t total = heap_size + CONFIG_VM_STACK_WORDS * sizeof(obj_t);
    gc_init(start, start + total);
    qstr_init();
    rt_init();
    vm_init();
    KBD_INTERRUPT = obj_new_exception(&type_KeyboardInterrupt, 0, NULL);
    module_t *mod = OBJ_TO_PTR(obj_new_module(Q___main__));
    STATE(dict_main) = mod->globals;
    obj_dict_store(OBJ_FROM_PTR(STATE(dict_main)), QOBJ(__name__), QOBJ(__main__));
    obj_dict_store(STATE(modules), QOBJ(__main__), OBJ_FROM_PTR(mod));
    obj_list_append(STATE(sys_argv), obj_new_str("", 0));
}

/* Every object is forgotten: the roots are cleared and the heap starts again. */
static void soft_reset(void) {
    interruptible(false);
    memset(&vm_state.roots_begin_, 0, (size_t)((char *)&vm_state.roots_end_ - (char *)&vm_state.roots_begin_));
    STATE(pending_flag) = 0;
    STATE(call_depth) = 0;
    STATE(vm_frame) = NULL;
    STATE(nlr_top) = NULL;
    mps2_set_alarm(UINT64_MAX, NULL);
    mps2_pins_reset();
    init_state();
}

int main(void) {
    STATE(stack_top) = (char *)startup_stack + PORT_STACK_SIZE;
    static char cmdline[128];
    if (mps2_cmdline(cmdline, sizeof(cmdline))) {
        size_t n = parse_heap_size(cmdline);
        if (n != 0) {
            heap_size = n;
        }
    }
    size_t room = (size_t)(&_ram_free_end - &_ram_free_start) - CONFIG_VM_STACK_WORDS * sizeof(obj_t);
    if (heap_size > room) {
        heap_size = room;
    }
    if (heap_size < MIN_HEAP_SIZE) {
        heap_size = MIN_HEAP_SIZE;
    }
    init_state();
    repl_port_t port = { NULL, NULL, interruptible, soft_reset };
    return repl_main(&port);
}
