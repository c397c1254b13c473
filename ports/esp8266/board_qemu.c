/* board_qemu.c (esp8266): the board layer on QEMU's lx60 board with the lx106 core, which has the
 * ESP8266's memories but none of its peripherals: the console is the board's 16550 UART
 * (0xfd050020, registers 4 bytes apart), the clock is the core's CCOUNT, exit is a semihosting
 * call, and the SPI flash is 4 MB of RAM.  QEMU maps plain RAM (sysram0) at 0x60000000, where
 * the chip's peripheral registers are, so hal_esp8266.c runs unchanged on a memory model of them. */
#include <string.h>
#include "esp_regs.h"
#include "modmachine.h"

#define QUART_BASE (0xfd050020u)
#define UART_REG(n) (*(volatile uint32_t *)(QUART_BASE + 4 * (n)))
#define UART_RBR_THR (0)
#define UART_IER (1)
#define UART_FCR (2)
#define UART_MCR (4)
#define UART_LSR (5)
#define IER_RX_DATA (0x01)
#define FCR_FIFO_ON (0x07)       /* enabled and cleared, interrupt at 1 byte */
#define MCR_OUT2 (0x08)
#define LSR_DR (0x01)
#define LSR_THRE (0x20)

#define FLASH_BASE ((uint8_t *)0x62000000u)   /* in sysram0, far from the register model */
#define FLASH_SIZE (0x400000u)                /* 4 MB, as on an ESP-12E */

uintptr_t esp_peri_base = 0x60000000u;

/* The RAM model of the RTC user memory survives a restart of the firmware, as the chip's does. */
#define RTC_RESET_CAUSE_WORD RTC_USER_MEM(1)
#define RESET_CAUSE_HARD (MACHINE_HARD_RESET)

static struct {
    uint32_t last_ccount;
    uint64_t cycles;          /* CCOUNT extended to 64 bits */
} clk;

void board_early_init(void) {
}

/* The lx60 board wires the UART to the core's external interrupt 0, interrupt number 0 on the lx106. */
const int board_uart_inum = 0;

void board_init(void) {
    UART_REG(UART_FCR) = FCR_FIFO_ON;
    UART_REG(UART_MCR) = MCR_OUT2;
    UART_REG(UART_IER) = IER_RX_DATA;
    if (RTC_RESET_CAUSE_WORD != RESET_CAUSE_HARD && RTC_RESET_CAUSE_WORD != MACHINE_DEEPSLEEP_RESET) {
        memset(FLASH_BASE, 0xff, FLASH_SIZE);   /* power-on: an erased chip */
    }
}

const char *board_name(void) {
    return "QEMU lx60";
}

void board_uart_write(uint8_t b) {
    while (!(UART_REG(UART_LSR) & LSR_THRE)) {
    }
    UART_REG(UART_RBR_THR) = b;
}

int board_uart_read(void) {
    return (UART_REG(UART_LSR) & LSR_DR) ? (int)(UART_REG(UART_RBR_THR) & 0xff) : -1;
}

void board_uart_irq_ack(void) {
    /* reading the data register until empty clears the 16550's request */
}

static inline uint32_t ccount(void) {
    uint32_t c;
    __asm__ volatile ("rsr %0, ccount" : "=a"(c));
    return c;
}

/* Interrupts are masked around the update: the tick interrupt reads the clock too. */
uint64_t board_ticks_us(void) {
    uint32_t ps;
    __asm__ volatile ("rsil %0, 15" : "=a"(ps) :: "memory");
    uint32_t now = ccount();
    clk.cycles += now - clk.last_ccount;
    clk.last_ccount = now;
    uint64_t c = clk.cycles;
    __asm__ volatile ("wsr %0, ps\n rsync" :: "a"(ps) : "memory");
    return c / esp_cpu_mhz();
}

void board_timer_arm(uint32_t us_from_now) {
    uint32_t t = ccount() + us_from_now * esp_cpu_mhz();
    __asm__ volatile ("wsr %0, ccompare0\n isync" :: "a"(t));
}

void board_idle(void) {
    __asm__ volatile ("waiti 0" ::: "memory");
}

void board_set_cpu_mhz(uint32_t mhz) {
    (void)mhz;   /* QEMU's CCOUNT follows the configured frequency; only the conversion changes */
}

uint32_t board_flash_size(void) {
    return FLASH_SIZE;
}

uint32_t board_flash_id(void) {
    return 0x1640ef;   /* a Winbond W25Q32 (4 MB), as a JEDEC ID reads */
}

bool board_flash_read(uint32_t addr, uint8_t *buf, size_t len) {
    if (addr > FLASH_SIZE || len > FLASH_SIZE - addr) {
        return false;
    }
    memcpy(buf, FLASH_BASE + addr, len);
    return true;
}

bool board_flash_write(uint32_t addr, const uint8_t *buf, size_t len) {
    if (addr > FLASH_SIZE || len > FLASH_SIZE - addr) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        FLASH_BASE[addr + i] &= buf[i];   /* NOR: programming only clears bits */
    }
    return true;
}

bool board_flash_erase(uint32_t sector) {
    if (sector >= FLASH_SIZE / 4096) {
        return false;
    }
    memset(FLASH_BASE + sector * 4096, 0xff, 4096);
    return true;
}

/* Semihosting SYS_EXIT: a2 = 1, a3 = the status, then simcall. */
void board_exit(int code) {
    register int a2 __asm__("a2") = 1;
    register int a3 __asm__("a3") = code;
    __asm__ volatile ("simcall" :: "r"(a2), "r"(a3) : "memory");
    for (;;) {
    }
}

/* The lx60 board has no reset line the core can pull: a hard reset starts the firmware over. */
void board_reset(void) {
    extern void _start(void);
    RTC_RESET_CAUSE_WORD = RESET_CAUSE_HARD;
    __asm__ volatile ("rsil a2, 15\n jx %0" :: "a"(_start) : "a2");
    for (;;) {
    }
}

/* No RTC block: the board sleeps awake (for ever if us is 0: only a reset ends it), then restarts
 * the firmware, which reports DEEPSLEEP_RESET as a wake-up does. */
void board_deepsleep_wait(uint64_t us) {
    extern void _start(void);
    uint64_t end = board_ticks_us() + us;
    while (us == 0 || board_ticks_us() < end) {
        board_idle();
    }
    RTC_RESET_CAUSE_WORD = MACHINE_DEEPSLEEP_RESET;
    __asm__ volatile ("rsil a2, 15\n jx %0" :: "a"(_start) : "a2");
    for (;;) {
    }
}

int board_reset_cause(void) {
    return (int)RTC_RESET_CAUSE_WORD;
}

void board_unique_id(uint8_t id[4]) {
    static const uint8_t chip[4] = { 0x42, 0xde, 0xad, 0x00 };
    memcpy(id, chip, 4);
}
