/* esp_regs.h (esp8266): the ESP8266 peripheral registers this port uses, from Espressif's ESP8266
 * Technical Reference and its register headers (eagle_soc.h, gpio_register.h, spi_register.h,
 * uart_register.h, timer_register.h), and the mask-ROM routines it calls, at the addresses of the
 * ROM's symbol table (eagle.rom.addr.v6.ld). */
#ifndef ESP_REGS_H
#define ESP_REGS_H

#include "board.h"

/* UART0 (console) and UART1 (TX only, GPIO2) */
#define UART_BASE(n)        (0x60000000u + (n) * 0xf00u)
#define UART_FIFO(n)        ESP_REG(UART_BASE(n) + 0x00)
#define UART_CLKDIV(n)      ESP_REG(UART_BASE(n) + 0x14)
#define UART_STATUS(n)      ESP_REG(UART_BASE(n) + 0x1c)   /* RX count bits 0-7, TX count 16-23 */
#define UART_CONF0(n)       ESP_REG(UART_BASE(n) + 0x20)
#define UART_TXFIFO_CNT(s)  (((s) >> 16) & 0xff)
#define UART_RXFIFO_CNT(s)  ((s) & 0xff)
#define UART_FIFO_LEN       (128)

/* SPI0: the flash controller the cache shares */
#define SPI0_CMD            ESP_REG(0x60000200u)
#define SPI0_ADDR           ESP_REG(0x60000204u)
#define SPI0_RD_STATUS      ESP_REG(0x60000210u)
#define SPI0_W(i)           ESP_REG(0x60000240u + 4 * (i))   /* 16 words: 64 bytes of data */
#define SPI_CMD_READ        (1u << 31)
#define SPI_CMD_WREN        (1u << 30)
#define SPI_CMD_RDID        (1u << 28)
#define SPI_CMD_RDSR        (1u << 27)
#define SPI_CMD_PP          (1u << 25)
#define SPI_CMD_SE          (1u << 24)
#define SPI_STATUS_WIP      (1u << 0)

/* GPIO 0-15 */
#define GPIO_OUT_W1TS       ESP_REG(0x60000304u)
#define GPIO_OUT_W1TC       ESP_REG(0x60000308u)
#define GPIO_OUT            ESP_REG(0x60000300u)
#define GPIO_ENABLE_W1TS    ESP_REG(0x60000310u)
#define GPIO_ENABLE_W1TC    ESP_REG(0x60000314u)
#define GPIO_IN             ESP_REG(0x60000318u)
#define GPIO_STATUS         ESP_REG(0x6000031cu)
#define GPIO_STATUS_W1TC    ESP_REG(0x60000324u)
#define GPIO_PIN(n)         ESP_REG(0x60000328u + 4 * (n))
#define GPIO_PIN_DRIVER_OD  (1u << 2)
#define GPIO_PIN_INT_SHIFT  (7)                /* 1 rising, 2 falling, 3 both */

/* FRC1 (PWM) and FRC2 (the clock): APB clock 80 MHz */
#define FRC1_LOAD           ESP_REG(0x60000600u)
#define FRC1_CTRL           ESP_REG(0x60000608u)
#define FRC1_INT            ESP_REG(0x6000060cu)
#define FRC2_COUNT          ESP_REG(0x60000624u)
#define FRC2_CTRL           ESP_REG(0x60000628u)
#define FRC_CTRL_ENABLE     (1u << 7)
#define FRC_CTRL_DIV16      (1u << 2)
#define FRC_CTRL_EDGE_INT   (0u)

/* RTC block: GPIO16, and the user memory that survives a reset */
/* Deep sleep (esp-open-rtos's rtc_regs.h names; the RTC runs on its slow clock, ~176 kHz, while the
 * rest of the chip is off): the alarm compared with the free-running counter, the wake-up sources
 * (RTC_WAKE_TIMER: the alarm pulls GPIO16/XPD_DCDC low, a reset if D0 is wired to RST), and the
 * bit that powers the chip down. */
#define RTC_CTRL0           ESP_REG(0x60000700u)
#define RTC_COUNTER_ALARM   ESP_REG(0x60000704u)
#define RTC_SLEEP_CTRL      ESP_REG(0x60000708u)
#define RTC_SLEEP_EN        (1u << 20)
#define RTC_WAKE_ENABLE     ESP_REG(0x60000718u)
#define RTC_WAKE_TIMER      (1u << 3)
#define RTC_COUNTER         ESP_REG(0x6000071cu)
#define RTC_GPIO_OUT        ESP_REG(0x60000768u)
#define RTC_GPIO_ENABLE     ESP_REG(0x60000774u)
#define RTC_GPIO_IN         ESP_REG(0x6000078cu)
#define RTC_GPIO_CONF       ESP_REG(0x60000790u)
#define RTC_PAD_XPD_DCDC    ESP_REG(0x600007a0u)
#define RTC_USER_MEM(i)     ESP_REG(0x60001100u + 4 * (i))

/* IO MUX: one register per pad, not in GPIO order */
#define IOMUX_PAD(off)      ESP_REG(0x60000800u + (off))
#define IOMUX_PULLUP        (1u << 7)
#define IOMUX_FUNC_MASK     (0x130u)           /* bits 4, 5 and 8 */
#define IOMUX_FUNC(f)       ((((f) & 3u) << 4) | (((f) & 4u) << 6))

/* SAR ADC (TOUT) */
#define SAR_CTRL            ESP_REG(0x60000d50u)
#define SAR_DATA(i)         ESP_REG(0x60000d80u + 4 * (i))

/* hardware watchdog */
#define WDT_CTL             ESP_REG(0x60000900u)
#define WDT_OP              ESP_REG(0x60000904u)
#define WDT_OP_ND           ESP_REG(0x60000908u)
#define WDT_RST             ESP_REG(0x60000914u)
#define WDT_FEED_MAGIC      (0x73u)

/* interrupt numbers of the LX106 in the ESP8266 */
#define INUM_GPIO           (4)
#define INUM_TIMER0         (6)                /* CCOMPARE0 */
#define INUM_FRC1           (9)
/* Interrupts 8-13 are edge-type on the LX106 as the ESP8266 configures it (and 7 is the software
 * one): they stay pending until INTCLEAR clears them. */
#define INUM_EDGE_MASK      (0x3f80u)
/* DPORT's enable of FRC1's edge interrupt (the SDK's TM1_EDGE_INT_ENABLE) */
#define DPORT_EDGE_INT_ENABLE (*(volatile uint32_t *)0x3ff00004u)
#define DPORT_EDGE_INT_FRC1 (1u << 1)

/* mask ROM */
#define ROM_FN(addr, ret, args) ((ret(*) args)(addr))
#define rom_Cache_Read_Enable ROM_FN(0x40004678u, void, (uint8_t, uint8_t, uint8_t))
#define rom_Cache_Read_Disable ROM_FN(0x400047f0u, void, (void))
#define rom_i2c_writeReg ROM_FN(0x400072d8u, void, (uint8_t, uint8_t, uint8_t, uint8_t))
#define rom_ets_update_cpu_frequency ROM_FN(0x40002f04u, void, (uint32_t))
#define rom_rtc_get_reset_reason ROM_FN(0x400025e0u, uint32_t, (void))
#define rom_ResetVector ROM_FN(0x40000080u, void, (void))
#define DPORT_CPU_CLOCK     (*(volatile uint32_t *)0x3ff00014u)   /* bit 0: 160 MHz */
#define EFUSE_ID0           (*(volatile uint32_t *)0x3ff00050u)
#define EFUSE_ID1           (*(volatile uint32_t *)0x3ff00054u)

#endif
