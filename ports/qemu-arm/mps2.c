/* mps2.c (qemu-arm): the MPS2 AN385 devices the port uses directly (see mps2.h): the CMSDK UART0
 * with an interrupt-fed receive ring, SysTick counting milliseconds, and semihosting calls. */
#include "mps2.h"

/* ---- CMSDK APB UART0 ---- */
#define UART0_DATA MPS2_REG(0x40004000u)
#define UART0_STATE MPS2_REG(0x40004004u)
#define UART0_CTRL MPS2_REG(0x40004008u)
#define UART0_INTCLEAR MPS2_REG(0x4000400Cu)
#define UART0_BAUDDIV MPS2_REG(0x40004010u)
#define UART_STATE_TXFULL (1u << 0)
#define UART_STATE_RXFULL (1u << 1)
#define UART_CTRL_TXEN (1u << 0)
#define UART_CTRL_RXEN (1u << 1)
#define UART_CTRL_RXINTEN (1u << 3)
#define UART_INT_RX (1u << 1)
#define UART0_RX_IRQ (0)

/* ---- Cortex-M3 system registers ---- */
#define SYST_CSR MPS2_REG(0xE000E010u)
#define SYST_RVR MPS2_REG(0xE000E014u)
#define SYST_CVR MPS2_REG(0xE000E018u)
#define NVIC_ISER0 MPS2_REG(0xE000E100u)
#define SCB_ICSR MPS2_REG(0xE000ED04u)
#define ICSR_PENDSTSET (1u << 26)
#define TICKS_PER_MS (MPS2_SYSCLK_HZ / 1000u)

/* Bytes the UART interrupt took in and the REPL has not read yet.  When the ring is full the
 * interrupt is masked, so the byte stays in the UART and QEMU holds back the rest: nothing is lost. */
static struct {
    volatile uint16_t head, tail;      /* head written by the interrupt, tail by the reader */
    uint8_t buf[1024];
    int intr_char;
    void (*on_intr)(void);
} rx = { 0, 0, { 0 }, -1, 0 };

static volatile uint32_t ms_count;     /* SysTick interrupts since boot */
static struct {
    volatile uint64_t at;
    volatile int *flag;
} alarm = { UINT64_MAX, 0 };

static inline void irq_off(void) {
    __asm__ volatile ("cpsid i" ::: "memory");
}

static inline void irq_on(void) {
    __asm__ volatile ("cpsie i" ::: "memory");
}

/* Sleeps until an interrupt is pending.  Called with interrupts off, so one that comes between
 * the caller's check and the wfi still wakes it; it is handled once interrupts are back on. */
static inline void wait_for_interrupt(void) {
    __asm__ volatile ("wfi\n\tcpsie i\n\tisb" ::: "memory");
}

void mps2_init(void) {
    UART0_BAUDDIV = 16;
    UART0_CTRL = UART_CTRL_TXEN | UART_CTRL_RXEN | UART_CTRL_RXINTEN;
    NVIC_ISER0 = 1u << UART0_RX_IRQ;
    SYST_RVR = TICKS_PER_MS - 1;
    SYST_CVR = 0;
    SYST_CSR = 7;   /* processor clock, interrupt, enabled */
}

void UART0_RX_Handler(void);
void UART0_RX_Handler(void) {
    UART0_INTCLEAR = UART_INT_RX;
    while (UART0_STATE & UART_STATE_RXFULL) {
        uint16_t next = (uint16_t)((rx.head + 1) % sizeof(rx.buf));
        if (next == rx.tail) {
            UART0_CTRL &= ~UART_CTRL_RXINTEN;   /* the reader turns it back on */
            return;
        }
        uint8_t c = (uint8_t)UART0_DATA;
        if (c == rx.intr_char && rx.on_intr != 0) {
            rx.on_intr();
            continue;
        }
        rx.buf[rx.head] = c;
        rx.head = next;
    }
}

void mps2_uart_set_interrupt(int c, void (*on_char)(void)) {
    irq_off();
    rx.intr_char = c;
    rx.on_intr = on_char;
    irq_on();
}

void mps2_uart_write(const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        while (UART0_STATE & UART_STATE_TXFULL) {
        }
        UART0_DATA = (uint8_t)s[i];
    }
}

int mps2_uart_read(void) {
    if (rx.tail == rx.head) {
        return -1;
    }
    int c = rx.buf[rx.tail];
    rx.tail = (uint16_t)((rx.tail + 1) % sizeof(rx.buf));
    if (!(UART0_CTRL & UART_CTRL_RXINTEN)) {
        irq_off();
        UART0_CTRL |= UART_CTRL_RXINTEN;
        irq_on();
        UART0_RX_Handler();   /* the byte that was left waiting raises no new interrupt */
    }
    return c;
}

void mps2_uart_wait(void) {
    irq_off();
    if (rx.tail == rx.head) {
        wait_for_interrupt();
    } else {
        irq_on();
    }
}

/* ---- clock ---- */

void SysTick_Handler(void);
void SysTick_Handler(void) {
    ms_count++;
    if (alarm.flag != 0 && mps2_ticks_us() >= alarm.at) {
        *alarm.flag = 1;
        alarm.flag = 0;
    }
}

uint64_t mps2_ticks_us(void) {
    /* ms_count and the down-counter are read together: a wrap between the two reads shows as the
     * SysTick interrupt pending, and is counted here (it is also counted when it is handled) */
    uint32_t primask;
    __asm__ volatile ("mrs %0, primask\n\tcpsid i" : "=r"(primask) :: "memory");
    uint32_t ms = ms_count, cvr = SYST_CVR;
    if (SCB_ICSR & ICSR_PENDSTSET) {
        ms++;
        cvr = SYST_CVR;
    }
    __asm__ volatile ("msr primask, %0" :: "r"(primask) : "memory");
    return (uint64_t)ms * 1000u + (TICKS_PER_MS - 1 - cvr) / (MPS2_SYSCLK_HZ / 1000000u);
}

void mps2_wait_until(uint64_t t, volatile int *stop) {
    for (;;) {
        irq_off();
        if (mps2_ticks_us() >= t || (stop != 0 && *stop)) {
            irq_on();
            return;
        }
        wait_for_interrupt();   /* SysTick wakes it every millisecond */
    }
}

void mps2_set_alarm(uint64_t t, volatile int *flag) {
    irq_off();
    alarm.at = t;
    alarm.flag = t == UINT64_MAX ? 0 : flag;
    irq_on();
}

/* ---- semihosting ---- */

#define SYS_WRITE0 (0x04)
#define SYS_TIME (0x11)
#define SYS_GET_CMDLINE (0x15)
#define SYS_EXIT_EXTENDED (0x20)
#define ADP_STOPPED_APPLICATION_EXIT (0x20026)

static int semihost(int op, void *arg) {
    register int r0 __asm__("r0") = op;
    register void *r1 __asm__("r1") = arg;
    __asm__ volatile ("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void mps2_exit(int code) {
    uint32_t block[2] = { ADP_STOPPED_APPLICATION_EXIT, (uint32_t)code };
    semihost(SYS_EXIT_EXTENDED, block);
    for (;;) {
        __asm__ volatile ("wfi");
    }
}

bool mps2_cmdline(char *buf, size_t size) {
    uint32_t block[2] = { (uint32_t)buf, (uint32_t)size };
    return semihost(SYS_GET_CMDLINE, block) == 0;
}

uint32_t mps2_host_time(void) {
    return (uint32_t)semihost(SYS_TIME, 0);
}

void mps2_debug_write(const char *s) {
    semihost(SYS_WRITE0, (void *)s);
}
