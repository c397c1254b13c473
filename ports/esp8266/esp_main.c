/* esp_main.c (esp8266): what runs after start.S: .bss, the Python state in the heap that DRAM has
 * left, the REPL on the console UART with soft reset, the exception dispatcher (timer interrupt,
 * byte loads from flash, fatal faults) and the console's receive buffer. */
#include <string.h>
#include "esp_regs.h"
#include "gc.h"
#include "port.h"
#include "runtime.h"
#include "../../extmod/bdev.h"
#include "hal.h"
#include "../../extmod/repl.h"
#include "../../extmod/vfs.h"

extern char _bss_start[], _bss_end[], _heap_start[], _heap_end[], _stack_top[];

#define EXCCAUSE_LOAD_STORE_ERROR (3)
#define EXCCAUSE_LEVEL1_INTERRUPT (4)
#define TICK_US (10000)            /* the console is polled this often while Python runs */
/* MicroPython's layout: the file system from 1 MB to the RF calibration data in the last 16 KB. */
#define FS_START (0x100000u)
#define FS_END_RESERVED (0x4000u)

#define KBD_INTERRUPT (STATE(port_roots)[0])

/* Registers saved by start.S on an exception, in this order. */
typedef struct {
    uint32_t a[16];
    uint32_t pc, ps, sar, spare;
} esp_frame_t;

static struct {
    uint8_t rx[512];               /* console bytes the tick took from the UART's FIFO */
    volatile uint16_t rx_head, rx_tail;
    volatile bool interruptible;   /* Ctrl-C raises KeyboardInterrupt (Python code is running) */
    volatile uint64_t wakeup;      /* hal_arm_wakeup's deadline */
    uint32_t cpu_mhz;
    bdev_hal_t fs_dev;             /* the flash file system's block device */
} esp = { .wakeup = UINT64_MAX, .cpu_mhz = 80 };

uint32_t esp_cpu_mhz(void) {
    return esp.cpu_mhz;
}

void esp_set_cpu_mhz(uint32_t mhz) {
    esp.cpu_mhz = mhz;
    board_set_cpu_mhz(mhz);
}

/* ---- the console's receive side ---- */

/* Moves what the UART holds into the ring; Ctrl-C becomes KeyboardInterrupt while code runs.
 * Called with interrupts masked (the tick) or from the reader with them masked. */
static void rx_drain(void) {
    int c;
    while ((c = board_uart_read()) >= 0) {
        if (c == CHAR_CTRL_C && esp.interruptible && KBD_INTERRUPT != OBJ_NULL) {
            exc_get(KBD_INTERRUPT)->traceback = OBJ_NULL;
            STATE(pending_exc) = KBD_INTERRUPT;
            STATE(pending_flag) = 1;
            continue;
        }
        uint16_t next = (uint16_t)((esp.rx_head + 1) % sizeof(esp.rx));
        if (next != esp.rx_tail) {   /* full: the byte is lost, as an overrun on the chip */
            esp.rx[esp.rx_head] = (uint8_t)c;
            esp.rx_head = next;
        }
    }
}

uint32_t esp_irq_disable(void) {
    uint32_t ps;
    __asm__ volatile ("rsil %0, 15" : "=a"(ps) :: "memory");
    return ps;
}

void esp_irq_restore(uint32_t ps) {
    __asm__ volatile ("wsr %0, ps\n rsync" :: "a"(ps) : "memory");
}

void esp_irq_enable(int inum, bool on) {
    uint32_t ps = esp_irq_disable(), en;
    __asm__ volatile ("rsr %0, intenable" : "=a"(en));
    en = on ? en | (1u << inum) : en & ~(1u << inum);
    __asm__ volatile ("wsr %0, intenable" :: "a"(en));
    esp_irq_restore(ps);
}

int esp_console_read(void) {
    uint32_t ps = esp_irq_disable();
    rx_drain();
    int c = -1;
    if (esp.rx_tail != esp.rx_head) {
        c = esp.rx[esp.rx_tail];
        esp.rx_tail = (uint16_t)((esp.rx_tail + 1) % sizeof(esp.rx));
    }
    esp_irq_restore(ps);
    return c;
}

static void set_interruptible(bool on) {
    esp.interruptible = on;
}

/* ---- the tick and the wake-up alarm ---- */

static void tick(void) {
    rx_drain();
    uint64_t now = board_ticks_us();
    if (esp.wakeup <= now) {
        esp.wakeup = UINT64_MAX;
        STATE(pending_flag) = 1;
    }
    uint64_t next = esp.wakeup - now;
    board_timer_arm(next < TICK_US ? (uint32_t)next : TICK_US);
}

/* The alarm is checked at every tick; one due sooner than the next tick moves the tick closer. */
void esp_arm_wakeup(uint64_t t) {
    uint32_t ps = esp_irq_disable();
    esp.wakeup = t;
    uint64_t now = board_ticks_us();
    if (t != UINT64_MAX && t < now + TICK_US) {
        board_timer_arm(t > now ? (uint32_t)(t - now) : 1);
    }
    esp_irq_restore(ps);
}

/* ---- exceptions ---- */

/* ESP8266 flash (irom, where .rodata lives) answers only 32-bit loads: an l8ui/l16ui/l16si there
 * raises LoadStoreError, and this performs the load with an aligned l32i instead. */
static bool emulate_narrow_load(esp_frame_t *f, uint32_t vaddr) {
    uint32_t pc = f->pc;
    const volatile uint32_t *w = (const volatile uint32_t *)(pc & ~3u);
    uint64_t pair = (uint64_t)w[0] | ((uint64_t)w[1] << 32);   /* the instruction may straddle */
    uint32_t insn = (uint32_t)(pair >> ((pc & 3) * 8)) & 0xffffff;
    uint32_t op0 = insn & 0xf, r = (insn >> 12) & 0xf, t = (insn >> 4) & 0xf;
    if (op0 != 2 || (r != 0 && r != 1 && r != 9) || t == 1) {
        return false;
    }
    uint32_t word = *(const volatile uint32_t *)(vaddr & ~3u) >> ((vaddr & 3) * 8);
    uint32_t v = r == 0 ? (word & 0xff) : (word & 0xffff);
    if (r == 9 && (v & 0x8000)) {
        v |= 0xffff0000u;
    }
    f->a[t] = v;
    f->pc = pc + 3;
    return true;
}

static void print_hex(const char *label, uint32_t v) {
    static const char digits[] = "0123456789abcdef";
    char buf[8];
    for (int i = 0; i < 8; i++) {
        buf[i] = digits[(v >> (28 - 4 * i)) & 0xf];
    }
    port_stderr_write(label, strlen(label));
    port_stderr_write(buf, 8);
}

void esp_exception(esp_frame_t *f) {
    uint32_t cause, vaddr;
    __asm__ volatile ("rsr %0, exccause" : "=a"(cause));
    __asm__ volatile ("rsr %0, excvaddr" : "=a"(vaddr));
    if (cause == EXCCAUSE_LEVEL1_INTERRUPT) {
        uint32_t pending, enabled;
        __asm__ volatile ("rsr %0, interrupt" : "=a"(pending));
        __asm__ volatile ("rsr %0, intenable" : "=a"(enabled));
        pending &= enabled;
        __asm__ volatile ("wsr %0, intclear" :: "a"(pending & INUM_EDGE_MASK));
        if (pending & (1u << board_uart_inum)) {
            rx_drain();
            board_uart_irq_ack();
        }
        if (pending & (1u << INUM_TIMER0)) {
            tick();
        }
        if (pending & ~((1u << INUM_TIMER0) | (1u << board_uart_inum))) {
            esp_hal_interrupt(pending);
        }
        return;
    }
    if (cause == EXCCAUSE_LOAD_STORE_ERROR && emulate_narrow_load(f, vaddr)) {
        return;
    }
    print_hex("\r\nFatal exception: cause ", cause);
    print_hex(" pc ", f->pc);
    print_hex(" vaddr ", vaddr);
    port_stderr_write("\r\n", 2);
    board_exit(3);
}

/* ---- the Python side ---- */

static void init_state(void) {
    gc_init(_heap_start, _heap_end);
    qstr_init();
    rt_init();
    vm_init();
    KBD_INTERRUPT = obj_new_exception(&type_KeyboardInterrupt, 0, NULL);
    STATE(sys_argv) = obj_new_list(0, NULL);
    STATE(sys_path) = obj_new_list(0, NULL);
    obj_list_append(STATE(sys_path), obj_new_str("", 0));
    obj_list_append(STATE(sys_path), obj_new_str("/lib", 4));
    module_t *mod = OBJ_TO_PTR(obj_new_module(Q___main__));
    STATE(dict_main) = mod->globals;
    obj_dict_store(OBJ_FROM_PTR(STATE(dict_main)), QOBJ(__name__), QOBJ(__main__));
    if (STATE(modules) == OBJ_NULL) {
        STATE(modules) = obj_new_dict(4);
    }
    obj_dict_store(STATE(modules), QOBJ(__main__), OBJ_FROM_PTR(mod));
}

/* The flash file system at /, formatted on first use, as MicroPython's _boot.py does. */
static void mount_flash(void) {
    uint32_t size = board_flash_size();
    if (size <= FS_START + FS_END_RESERVED) {
        return;
    }
    bdev_hal_init(&esp.fs_dev, FS_START / HAL_FLASH_SECTOR, (size - FS_START - FS_END_RESERVED) / HAL_FLASH_SECTOR);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        bool formatted;
        vfs_reset();
        vfs_flash_mount_dev(&esp.fs_dev.dev, "/", &formatted);
        nlr_pop();
    } else {
        static const char msg[] = "could not mount the flash file system\n";
        port_stderr_write(msg, sizeof(msg) - 1);
    }
}

void esp_hal_reset(void);

/* Ctrl-D: everything Python made is forgotten and the peripherals return to power-on. */
static void soft_reset(void) {
    esp_hal_reset();
    esp.wakeup = UINT64_MAX;
    memset(&vm_state.roots_begin_, 0, (size_t)((char *)&vm_state.roots_end_ - (char *)&vm_state.roots_begin_));
    STATE(pending_flag) = 0;
    STATE(call_depth) = 0;
    STATE(vm_frame) = NULL;
    init_state();
    mount_flash();
}

/* Not inlined: esp_start must stay small, it takes IRAM. */
__attribute__((noinline)) static void esp_main(void) {
    STATE(stack_top) = _stack_top;
    board_init();
    board_timer_arm(TICK_US);
    esp_irq_enable(INUM_TIMER0, true);
    esp_irq_enable(board_uart_inum, true);
    init_state();
    mount_flash();
    repl_port_t rp = { NULL, NULL, set_interruptible, soft_reset };
    board_exit(repl_main(&rp));
}

/* From start.S, in IRAM with the flash cache off: nothing in irom may run before board_early_init. */
IRAM_ATTR void esp_start(void) {
    board_early_init();
    for (uint32_t *p = (uint32_t *)_bss_start; p < (uint32_t *)_bss_end; p++) {
        *p = 0;
    }
    esp_main();
}
