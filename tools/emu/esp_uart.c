/* esp_uart.c: UART0 (0x60000000) and UART1 (0x60000f00) of the ESP8266 (uart_register.h):
 *   0x00 FIFO, 0x04 INT_RAW, 0x08 INT_ST, 0x0c INT_ENA, 0x10 INT_CLR, 0x14 CLKDIV, 0x18 AUTOBAUD,
 *   0x1c STATUS (RX count bits 0-7, TX count 16-23), 0x20 CONF0 (bit 17 resets the RX FIFO),
 *   0x24 CONF1 (RX full threshold bits 0-6, RX timeout bits 24-30 in byte times, enable bit 31),
 *   0x28 LOWPULSE, 0x2c HIGHPULSE, 0x78 DATE, 0x7c ID.
 * Receive: the serial line's bytes (esp_uart_rx, from the pty) wait in a host buffer and enter
 * UART0's 128-byte FIFO one per byte time (10 bits at APB / CLKDIV) in virtual time; a full FIFO
 * holds the line back instead of losing bytes (the pty has no other flow control).  RXFIFO_FULL
 * (bit 0) while the count reaches the threshold, RXFIFO_TOUT (bit 8) after the timeout's byte
 * times of silence with data waiting, TXFIFO_EMPTY (bit 1) always (transmission is instant).
 * Both UARTs share CPU interrupt 5 (level) while any INT_RAW & INT_ENA bit is set.
 * Transmit: a byte written to the FIFO goes to the board at once, so the TX count stays 0. */
#include <string.h>
#include "esp_chip.h"

#define INT_RXFIFO_FULL (1u << 0)
#define INT_TXFIFO_EMPTY (1u << 1)
#define INT_RXFIFO_TOUT (1u << 8)
#define CONF0_RXFIFO_RST (1u << 17)
#define CONF1_TOUT_EN (1u << 31)
#define CLKDIV_RESET (694u)          /* 115200 baud from the 80 MHz APB clock */

static uint64_t byte_ticks(const esp_uart_t *u) {
    uint32_t div = u->clkdiv & 0xfffffu;
    return 10u * (uint64_t)(div ? div : 1);
}

static void update_irq(esp8266_t *esp) {
    bool on = false;
    for (int n = 0; n < 2; n++) {
        on |= (esp->uart[n].int_raw & esp->uart[n].int_ena) != 0;
    }
    lx106_set_irq(&esp->cpu, ESP_INUM_UART, on);
}

/* RXFIFO_FULL follows the FIFO's level: set whenever the count reaches the threshold. */
static void check_full(esp_uart_t *u) {
    uint32_t thr = u->conf1 & 0x7fu;
    if (u->count > 0 && u->count >= thr) {
        u->int_raw |= INT_RXFIFO_FULL;
    }
}

static void arm_timeout(esp8266_t *esp, esp_uart_t *u, uint64_t now) {
    uint32_t thr = (u->conf1 >> 24) & 0x7fu;
    u->tout_at = (u->conf1 & CONF1_TOUT_EN) && u->count > 0 ? now + (thr ? thr : 1) * byte_ticks(u) : ESP_NEVER;
    esp_event_moved(esp, u->tout_at);
}

static void reset_one(esp_uart_t *u) {
    memset(u, 0, sizeof(*u));
    u->clkdiv = CLKDIV_RESET;
    u->conf0 = 0x1c;                 /* 8 data bits, 1 stop bit */
    u->conf1 = 0x60u | (0x60u << 8) | (2u << 24);
    u->int_raw = INT_TXFIFO_EMPTY;
    u->tout_at = ESP_NEVER;
}

/* The line's bytes in flight survive a reset of the chip; the FIFOs do not. */
void esp_uart_reset(esp8266_t *esp) {
    reset_one(&esp->uart[0]);
    reset_one(&esp->uart[1]);
    esp->rx_next = esp->host_len ? esp_apb_now(esp) + byte_ticks(&esp->uart[0]) : ESP_NEVER;
    update_irq(esp);
}

static int fifo_pop(esp_uart_t *u) {
    if (u->count == 0) {
        return -1;
    }
    int c = u->fifo[u->head];
    u->head = (u->head + 1) % ESP_UART_FIFO_LEN;
    u->count--;
    return c;
}

static int host_pop(esp8266_t *esp) {
    if (esp->host_len == 0) {
        return -1;
    }
    int c = esp->host[esp->host_head];
    esp->host_head = (esp->host_head + 1) % ESP_UART_HOST_BUF;
    esp->host_len--;
    return c;
}

uint32_t esp_uart_read(esp8266_t *esp, int n, uint32_t off) {
    esp_uart_t *u = &esp->uart[n];
    switch (off) {
        case 0x00: {
            int c = fifo_pop(u);
            if (c >= 0) {
                arm_timeout(esp, u, esp_apb_now(esp));
            }
            return c < 0 ? 0 : (uint32_t)c;
        }
        case 0x04: return u->int_raw;
        case 0x08: return u->int_raw & u->int_ena;
        case 0x0c: return u->int_ena;
        case 0x14: return u->clkdiv;
        case 0x18: return u->autobaud;
        case 0x1c: return u->count;
        case 0x20: return u->conf0;
        case 0x24: return u->conf1;
        case 0x28: return u->lowpulse;
        case 0x2c: return u->highpulse;
        case 0x78: return 0x062000u;
        case 0x7c: return 0x0500u;
        default:
            esp_log_unknown(esp, 0x60000000u + (uint32_t)n * 0xf00u + off, false);
            return 0;
    }
}

void esp_uart_write(esp8266_t *esp, int n, uint32_t off, uint32_t v) {
    esp_uart_t *u = &esp->uart[n];
    switch (off) {
        case 0x00: esp_uart_send(esp, n, (uint8_t)v); break;
        case 0x0c: u->int_ena = v & 0x1ffu; break;
        case 0x10:
            u->int_raw &= ~v;
            u->int_raw |= INT_TXFIFO_EMPTY;
            check_full(u);
            if (v & INT_RXFIFO_TOUT) {
                arm_timeout(esp, u, esp_apb_now(esp));
            }
            break;
        case 0x14: u->clkdiv = v & 0xfffffu; break;
        case 0x18: u->autobaud = v; break;
        case 0x20:
            u->conf0 = v;
            if (v & CONF0_RXFIFO_RST) {
                u->count = 0;
                u->head = 0;
            }
            break;
        case 0x24: u->conf1 = v; check_full(u); break;
        case 0x28: u->lowpulse = v; break;
        case 0x2c: u->highpulse = v; break;
        default:
            esp_log_unknown(esp, 0x60000000u + (uint32_t)n * 0xf00u + off, true);
            break;
    }
    update_irq(esp);
}

uint64_t esp_uart_next(const esp8266_t *esp) {
    uint64_t t = esp->rx_next;
    for (int n = 0; n < 2; n++) {
        t = esp->uart[n].tout_at < t ? esp->uart[n].tout_at : t;
    }
    return t;
}

/* One byte from the line enters UART0's FIFO (if it has room: else the line waits a byte time). */
static void rx_byte_time(esp8266_t *esp, uint64_t now) {
    esp_uart_t *u = &esp->uart[0];
    if (u->count < ESP_UART_FIFO_LEN) {
        int c = host_pop(esp);
        u->fifo[(u->head + u->count) % ESP_UART_FIFO_LEN] = (uint8_t)c;
        u->count++;
        check_full(u);
        arm_timeout(esp, u, now);
    }
    esp->rx_next = esp->host_len ? now + byte_ticks(u) : ESP_NEVER;
}

void esp_uart_fire(esp8266_t *esp, uint64_t now) {
    if (esp->rx_next <= now) {
        rx_byte_time(esp, esp->rx_next);
    }
    for (int n = 0; n < 2; n++) {
        esp_uart_t *u = &esp->uart[n];
        if (u->tout_at <= now) {
            u->tout_at = ESP_NEVER;
            if (u->count > 0) {
                u->int_raw |= INT_RXFIFO_TOUT;
            }
        }
    }
    update_irq(esp);
}

size_t esp_uart_rx(esp8266_t *esp, const uint8_t *data, size_t len) {
    size_t n = 0;
    for (; n < len && esp->host_len < ESP_UART_HOST_BUF; n++) {
        esp->host[(esp->host_head + esp->host_len) % ESP_UART_HOST_BUF] = data[n];
        esp->host_len++;
    }
    if (n > 0 && esp->rx_next == ESP_NEVER) {
        esp->rx_next = esp_apb_now(esp) + byte_ticks(&esp->uart[0]);
        esp_event_moved(esp, esp->rx_next);
    }
    return n;
}

uint32_t esp_uart_baud(const esp8266_t *esp, int uart) {
    uint32_t div = esp->uart[uart & 1].clkdiv & 0xfffffu;
    return ESP_APB_HZ / (div ? div : 1);
}

size_t esp_uart_take(esp8266_t *esp, uint8_t *buf, size_t max) {
    size_t n = 0;
    int c;
    while (n < max && (c = fifo_pop(&esp->uart[0])) >= 0) {
        buf[n++] = (uint8_t)c;
    }
    while (n < max && (c = host_pop(esp)) >= 0) {
        buf[n++] = (uint8_t)c;
    }
    if (esp->host_len == 0) {
        esp->rx_next = ESP_NEVER;
    }
    esp->uart[0].tout_at = ESP_NEVER;
    update_irq(esp);
    return n;
}

void esp_uart_send(esp8266_t *esp, int uart, uint8_t byte) {
    if (esp->board.uart_tx) {
        esp->board.uart_tx(esp->board.ctx, uart, byte);
    }
}
