/* startup.c (qemu-arm): the Cortex-M3 vector table, the reset handler (copy .data, clear .bss, run
 * main) and the fault handlers, which report the fault and stop QEMU with a failure status.  The C
 * stack is an array in .bss, so its size is set in one place (port_config.h). */
#include <stdint.h>
#include "mps2.h"
#include "port_config.h"

extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss;
extern int main(void);
void Reset_Handler(void);
void SysTick_Handler(void);
void UART0_RX_Handler(void);

/* 8-byte aligned, as the AAPCS wants; in its own section, which the reset handler leaves alone */
__attribute__((aligned(8), section(".stack"))) uint8_t startup_stack[PORT_STACK_SIZE];

static void fault(const char *what) {
    mps2_debug_write(what);
    mps2_debug_write(": the firmware stopped\n");
    mps2_exit(3);
}

static void HardFault_Handler(void) {
    fault("HardFault");
}

static void MemManage_Handler(void) {
    fault("MemManage fault");
}

static void BusFault_Handler(void) {
    fault("BusFault");
}

static void UsageFault_Handler(void) {
    fault("UsageFault");
}

static void Default_Handler(void) {
    fault("unexpected interrupt");
}

/* the core reads word 0 as the initial SP and word 1 as the reset PC; then the exceptions, then the
 * 32 external interrupts of the AN385 (UART0 RX is IRQ 0) */
__attribute__((section(".isr_vector"), used))
static void (*const vector_table[16 + 32])(void) = {
    (void (*)(void))(startup_stack + sizeof(startup_stack)),
    Reset_Handler,
    Default_Handler,        /* NMI */
    HardFault_Handler,
    MemManage_Handler,
    BusFault_Handler,
    UsageFault_Handler,
    0, 0, 0, 0,
    Default_Handler,        /* SVCall */
    Default_Handler,        /* DebugMon */
    0,
    Default_Handler,        /* PendSV */
    SysTick_Handler,
    UART0_RX_Handler,       /* IRQ 0 */
    [17 ... 16 + 31] = Default_Handler,
};

void Reset_Handler(void) {
    uint32_t *src = &_sidata, *dst = &_sdata;
    while (dst < &_edata) {
        *dst++ = *src++;
    }
    for (dst = &_sbss; dst < &_ebss; dst++) {
        *dst = 0;
    }
    /* fault handlers of their own instead of everything escalating to HardFault (SCB->SHCSR), and
     * a trap on integer division by zero (SCB->CCR), which C would otherwise turn into 0 */
    MPS2_REG(0xE000ED24u) |= (1u << 16) | (1u << 17) | (1u << 18);
    MPS2_REG(0xE000ED14u) |= (1u << 4);
    mps2_init();
    mps2_exit(main());
}
