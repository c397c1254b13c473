/* board_nodemcu.c (esp8266): the board layer on a real ESP8266 (NodeMCU, ESP-12E): start-up (the
 * flash cache and the 80 MHz PLL), UART0 at 115200 for the console, FRC2 for the clock, CCOMPARE0
 * for the tick, the hardware watchdog fed by the tick, and the SPI flash through the SPI0
 * controller's registers.
 *
 * The ROM bootloader starts us at 52 MHz with the flash cache off and the hardware watchdog on.
 * Cache_Read_Enable(0, 0, 1) (mask ROM) maps the first megabyte of flash at 0x40200000, which is
 * how Espressif's SDK and every bare-metal project make irom code runnable; the PLL is set for an
 * 80 MHz CPU from the 26 MHz crystal through the ROM's analog I2C writer, as the SDK's start-up
 * does.  Flash erase/program/read go through SPI0, which the cache also uses: they run from IRAM
 * with interrupts masked and the cache disabled, and turn it back on when the chip is idle. */
#include <string.h>
#include "esp_regs.h"
#include "modmachine.h"

#define APB_HZ (80000000u)
#define BAUD (115200u)
#define FLASH_SECTOR (4096u)
#define UART_INT_ENA(n)     ESP_REG(UART_BASE(n) + 0x0c)
#define UART_INT_CLR(n)     ESP_REG(UART_BASE(n) + 0x10)
#define UART_CONF1(n)       ESP_REG(UART_BASE(n) + 0x24)
#define UART_RXFIFO_FULL_INT (1u << 0)
#define UART_RXFIFO_TOUT_INT (1u << 8)
#define UART_RX_TOUT_EN     (1u << 31)

uintptr_t esp_peri_base = 0x60000000u;
const int board_uart_inum = 5;

static struct {
    uint32_t last_frc;
    uint64_t frc_ticks;     /* FRC2 at 5 MHz, extended to 64 bits */
} clk;

IRAM_ATTR void board_early_init(void) {
    rom_Cache_Read_Enable(0, 0, 1);
    rom_i2c_writeReg(103, 4, 1, 136);   /* BBPLL for 80 MHz from a 26 MHz crystal */
    rom_i2c_writeReg(103, 4, 2, 145);
}

void board_init(void) {
    WDT_CTL &= ~1u;                     /* off until the tick feeds it */
    UART_CLKDIV(0) = APB_HZ / BAUD;
    UART_CONF1(0) = 1u | UART_RX_TOUT_EN | (2u << 24);   /* interrupt at 1 byte or a 2-byte gap */
    UART_INT_CLR(0) = 0xffffu;
    UART_INT_ENA(0) = UART_RXFIFO_FULL_INT | UART_RXFIFO_TOUT_INT;
    FRC2_CTRL = FRC_CTRL_ENABLE | FRC_CTRL_DIV16;
    DPORT_EDGE_INT_ENABLE |= DPORT_EDGE_INT_FRC1;   /* FRC1's edge interrupt (PWM) reaches the CPU */
    rom_ets_update_cpu_frequency(80);
    WDT_OP = 11;                        /* about 1.7 s per stage */
    WDT_OP_ND = 11;
    WDT_RST = WDT_FEED_MAGIC;
    WDT_CTL |= 1u;
}

const char *board_name(void) {
    return "NodeMCU";
}

void board_uart_write(uint8_t b) {
    while (UART_TXFIFO_CNT(UART_STATUS(0)) >= UART_FIFO_LEN - 1) {
    }
    UART_FIFO(0) = b;
}

int board_uart_read(void) {
    return UART_RXFIFO_CNT(UART_STATUS(0)) ? (int)(UART_FIFO(0) & 0xff) : -1;
}

void board_uart_irq_ack(void) {
    UART_INT_CLR(0) = 0xffffu;
}

uint64_t board_ticks_us(void) {
    uint32_t ps = esp_irq_disable();
    uint32_t now = FRC2_COUNT;
    clk.frc_ticks += now - clk.last_frc;
    clk.last_frc = now;
    uint64_t t = clk.frc_ticks;
    esp_irq_restore(ps);
    return t / 5u;
}

/* The tick also feeds the hardware watchdog: if interrupts stay masked for seconds, it resets. */
void board_timer_arm(uint32_t us_from_now) {
    WDT_RST = WDT_FEED_MAGIC;
    uint32_t t = esp_ccount() + us_from_now * esp_cpu_mhz();
    __asm__ volatile ("wsr %0, ccompare0\n isync" :: "a"(t));
}

void board_idle(void) {
    __asm__ volatile ("waiti 0" ::: "memory");
}

void board_set_cpu_mhz(uint32_t mhz) {
    if (mhz == 160) {
        DPORT_CPU_CLOCK |= 1u;
    } else {
        DPORT_CPU_CLOCK &= ~1u;
    }
    rom_ets_update_cpu_frequency(mhz);
}

/* ---- SPI flash, through SPI0 with the cache off ---- */

/* Everything below that runs with the cache off is in IRAM and calls nothing in irom: no C
 * library (hence the volatile word loops, which GCC cannot turn into memcpy/memset calls). */
IRAM_ATTR static void spi0_command(uint32_t cmd) {
    SPI0_CMD = cmd;
    while (SPI0_CMD != 0) {
    }
}

IRAM_ATTR static void spi0_wait_idle(void) {
    do {
        SPI0_RD_STATUS = 0;
        spi0_command(SPI_CMD_RDSR);
    } while (SPI0_RD_STATUS & SPI_STATUS_WIP);
}

/* One command on at most 64 bytes (the W0..W15 buffer), data in words[]. */
IRAM_ATTR static void flash_op(uint32_t cmd, uint32_t addr, volatile uint32_t *words, uint32_t len) {
    uint32_t ps = esp_irq_disable();
    rom_Cache_Read_Disable();
    spi0_wait_idle();
    if (cmd != SPI_CMD_READ) {
        spi0_command(SPI_CMD_WREN);
    }
    SPI0_ADDR = addr | (len << 24);
    for (uint32_t i = 0; cmd == SPI_CMD_PP && i < (len + 3) / 4; i++) {
        SPI0_W(i) = words[i];
    }
    spi0_command(cmd);
    for (uint32_t i = 0; cmd == SPI_CMD_READ && i < (len + 3) / 4; i++) {
        words[i] = SPI0_W(i);
    }
    spi0_wait_idle();
    rom_Cache_Read_Enable(0, 0, 1);
    esp_irq_restore(ps);
}

uint32_t board_flash_id(void) {
    uint32_t ps = esp_irq_disable();
    SPI0_W(0) = 0;
    spi0_command(SPI_CMD_RDID);
    uint32_t id = SPI0_W(0) & 0xffffffu;
    esp_irq_restore(ps);
    return id;
}

/* The JEDEC ID's third byte is log2 of the size: 0x16 is 4 MB on the ESP-12E. */
uint32_t board_flash_size(void) {
    uint32_t log2 = board_flash_id() >> 16;
    return log2 >= 0x13 && log2 <= 0x18 ? 1u << log2 : 0x400000u;
}

static bool in_range(uint32_t addr, size_t len) {
    uint32_t size = board_flash_size();
    return addr <= size && len <= size - addr;
}

/* Data crosses the cache-off section only through a word buffer on the stack, so a source in
 * flash (a constant) is read while the cache is still on. */
bool board_flash_read(uint32_t addr, uint8_t *buf, size_t len) {
    if (!in_range(addr, len)) {
        return false;
    }
    uint32_t words[16];
    while (len > 0) {
        uint32_t n = len < 64 ? (uint32_t)len : 64;
        flash_op(SPI_CMD_READ, addr, words, n);
        memcpy(buf, words, n);
        addr += n;
        buf += n;
        len -= n;
    }
    return true;
}

/* Program chunks stay inside one 256-byte page, as the flash's page program requires. */
bool board_flash_write(uint32_t addr, const uint8_t *buf, size_t len) {
    if (!in_range(addr, len)) {
        return false;
    }
    uint32_t words[16];
    while (len > 0) {
        uint32_t n = len < 64 ? (uint32_t)len : 64;
        if ((addr & 0xff) + n > 256) {
            n = 256 - (addr & 0xff);
        }
        memset(words, 0xff, sizeof(words));
        memcpy(words, buf, n);
        flash_op(SPI_CMD_PP, addr, words, n);
        addr += n;
        buf += n;
        len -= n;
    }
    return true;
}

bool board_flash_erase(uint32_t sector) {
    if (!in_range(sector * FLASH_SECTOR, FLASH_SECTOR)) {
        return false;
    }
    flash_op(SPI_CMD_SE, sector * FLASH_SECTOR, NULL, 0);
    return true;
}

/* ---- reset ---- */

void board_exit(int code) {
    (void)code;   /* a chip has nowhere to exit to: a soft restart, as sys.exit() at the top does */
    RTC_USER_MEM(0) = ESP_RESET_MAGIC_SOFT;
    board_reset();
}

void board_reset(void) {
    esp_irq_disable();
    rom_ResetVector();
    for (;;) {
    }
}

/* Power is going: the RTC switches the rest of the chip off (hal_deepsleep). */
void board_deepsleep_wait(uint64_t us) {
    (void)us;   /* the RTC's alarm times the sleep */
    for (;;) {
        board_idle();
    }
}

/* The ROM's cause (1 power-on, 2 external pin or a jump to the reset vector, 4 watchdog, 5 waking
 * from deep sleep), refined by what the firmware wrote to RTC memory before it restarted itself. */
int board_reset_cause(void) {
    static int cause = -1;
    if (cause < 0) {
        uint32_t rom = rom_rtc_get_reset_reason(), magic = RTC_USER_MEM(0);
        RTC_USER_MEM(0) = 0;
        cause = rom == 4 ? MACHINE_WDT_RESET
              : magic == ESP_RESET_MAGIC_SOFT ? MACHINE_SOFT_RESET
              : rom == 5 ? MACHINE_DEEPSLEEP_RESET
              : rom == 2 ? MACHINE_HARD_RESET : MACHINE_PWRON_RESET;
    }
    return cause;
}

/* The chip ID as the SDK's system_get_chip_id() composes it from the eFuse words. */
void board_unique_id(uint8_t id[4]) {
    uint32_t v = (EFUSE_ID0 >> 24) | ((EFUSE_ID1 & 0xffffffu) << 8);
    for (int i = 0; i < 4; i++) {
        id[i] = (uint8_t)(v >> (8 * i));
    }
}
