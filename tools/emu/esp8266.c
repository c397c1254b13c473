/* esp8266.c: the ESP8266 chip around the LX106 core (esp8266.h): the memory map, the peripheral bus
 * and its dispatch to the peripheral files (esp_chip.h lists them), virtual time and the event
 * loop, resets, DPORT (edge interrupt enables, the CPU clock) and the eFuse words, RTC memory, the
 * SAR ADC, and the log of registers nothing models.
 *
 * Fixed identity (eFuse 0x3ff00050..0x3ff0005c, read by esptool's read_mac and chip_id):
 *   word 0 = 0x42000000, word 1 = 0x0000adde, words 2 and 3 = 0
 *   -> MAC 18:fe:34:ad:de:42 (word 3 zero and word 1 bits 16-23 zero: Espressif's OUI 18:fe:34),
 *      chip id 0xadde42, "ESP8266EX" (word 0 bit 4 and word 2 bit 16 clear: not an ESP8285).
 * The watchdog resets the chip itself (esp_reset(ESP_RST_WDT) between CPU slices); the host sees
 * it in esp_reset_cause(). */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include "esp_chip.h"

#define PERI_BASE (0x60000000u)
#define PERI_END (0x60002000u)
#define DPORT_BASE (0x3ff00000u)
#define DPORT_END (0x3ff01000u)
#define ROM_BASE (0x40000000u)
#define ROM_END (0x40010000u)
#define RTC_MEM_BASE (0x60001000u)

static const uint32_t efuse[4] = { 0x42000000u, 0x0000addeu, 0, 0 };

/* ---- virtual time ---- */

uint64_t esp_apb_now(const esp8266_t *esp) {
    uint64_t c = esp->cpu.cycles;
    return esp->apb_base + (c > esp->cyc_base ? (c - esp->cyc_base) / esp->div : 0);
}

static uint64_t apb_to_cycle(const esp8266_t *esp, uint64_t t) {
    if (t == ESP_NEVER) {
        return ESP_NEVER;
    }
    return esp->cyc_base + (t > esp->apb_base ? (t - esp->apb_base) * esp->div : 0);
}

/* Time keeps counting across a clock change or a core reset (which may restart the cycle count). */
static void rebase(esp8266_t *esp, uint64_t apb_now, uint32_t div) {
    esp->apb_base = apb_now;
    esp->cyc_base = esp->cpu.cycles;
    esp->div = div;
}

void esp_event_moved(esp8266_t *esp, uint64_t t) {
    if (esp->running && !esp->resched && apb_to_cycle(esp, t) < esp->slice_limit) {
        esp->resched = true;
        lx106_stop(&esp->cpu);
    }
}

uint32_t esp_cpu_hz(const esp8266_t *esp) {
    return (esp->dport_clock & 1) ? 2 * ESP_CPU_HZ_DEFAULT : ESP_CPU_HZ_DEFAULT;
}

uint64_t esp_time_us(const esp8266_t *esp) {
    return esp_apb_now(esp) / (ESP_APB_HZ / 1000000u);
}

/* ---- the unknown-register log ---- */

void esp_log_unknown(esp8266_t *esp, uint32_t addr, bool write) {
    uint32_t key = (addr & ~1u) | (write ? 1u : 0u) | 0x2u;   /* never 0: 0 marks a free slot */
    uint32_t i = (key * 2654435761u) % ESP_LOG_SLOTS;
    for (uint32_t n = 0; n < ESP_LOG_SLOTS; n++, i = (i + 1) % ESP_LOG_SLOTS) {
        if (esp->logged[i] == key) {
            return;
        }
        if (esp->logged[i] == 0) {
            esp->logged[i] = key;
            break;
        }
    }
    fprintf(esp->log ? esp->log : stderr, "esp8266: unknown register %s 0x%08x at pc 0x%08x\n",
            write ? "write" : "read", (unsigned)addr, (unsigned)esp->cpu.pc);
    fflush(esp->log ? esp->log : stderr);
}

void esp_set_log(esp8266_t *esp, void *file) {
    esp->log = file;
}

/* ---- DPORT and eFuse ---- */

static bool dport_read(esp8266_t *esp, uint32_t off, uint32_t *v) {
    if (off == 0x04) {
        *v = esp->dport_edge_int;
    } else if (off == 0x14) {
        *v = esp->dport_clock;
    } else if (off >= 0x50 && off < 0x60) {
        *v = efuse[(off - 0x50) / 4];
    } else {
        return false;
    }
    return true;
}

static bool dport_write(esp8266_t *esp, uint32_t off, uint32_t v) {
    if (off == 0x04) {
        esp->dport_edge_int = v;
    } else if (off == 0x14) {
        uint64_t now = esp_apb_now(esp);
        esp->dport_clock = v;
        rebase(esp, now, (v & 1) ? 2 : 1);
        esp_event_moved(esp, now);   /* the slice limit was in cycles at the old rate */
    } else {
        return off >= 0x50 && off < 0x60;   /* eFuse: read-only */
    }
    return true;
}

/* ---- SAR ADC ---- */

/* A conversion completes at once: the 8 samples (11 bits, inverted as the hardware stores them)
 * add up to 16 * round(volts * 1024), saturating at 11 bits, so the firmware's rounded average
 * (hal_adc_read: (sum + 8) / 16 of the inverted samples) gives round(volts * 1024), 0..1024. */
static uint32_t sar_sample(esp8266_t *esp, int i) {
    double v = esp->board.adc_volts ? esp->board.adc_volts(esp->board.ctx) : 0.0;
    double scaled = v * 1024.0 + 0.5;
    uint32_t target = scaled <= 0.0 ? 0 : scaled >= 1024.0 ? 1024u : (uint32_t)scaled;
    uint32_t total = target * 16u > 8u * 0x7ffu ? 8u * 0x7ffu : target * 16u;
    uint32_t s = total / 8 + ((uint32_t)i < total % 8 ? 1u : 0u);
    return ~s & 0x7ffu;
}

static bool sar_read(esp8266_t *esp, uint32_t off, uint32_t *v) {
    if (off == 0x50) {
        *v = esp->sar_ctrl & ~(7u << 24);   /* state 0: idle, the conversion is done */
    } else if (off >= 0x80 && off < 0xa0) {
        *v = sar_sample(esp, (int)(off - 0x80) / 4);
    } else {
        return false;
    }
    return true;
}

/* ---- the peripheral bus ---- */

static bool peri_read(esp8266_t *esp, uint32_t addr, uint32_t *v) {
    uint32_t off = addr - PERI_BASE;
    if (off < 0x100) {
        *v = esp_uart_read(esp, 0, off);
    } else if (off >= 0xf00 && off < 0x1000) {
        *v = esp_uart_read(esp, 1, off - 0xf00);
    } else if (off >= 0x200 && off < 0x300) {
        *v = esp_spi_read(esp, off - 0x200);
    } else if (off >= 0x300 && off < 0x400) {
        *v = esp_gpio_read(esp, off - 0x300);
    } else if (off >= 0x600 && off < 0x700) {
        *v = esp_timers_read(esp, off - 0x600);
    } else if (off >= 0x800 && off < 0x844) {
        *v = esp_iomux_read(esp, off - 0x800);
    } else if (off >= 0x900 && off < 0xa00) {
        *v = esp_wdt_read(esp, off - 0x900);
    } else if (off >= 0x1000 && off < 0x1000 + ESP_RTC_MEM_SIZE) {
        memcpy(v, esp->rtc_mem + (off - 0x1000), 4);
    } else if (off >= 0x700 && off < 0x800) {
        return esp_rtc_read(esp, off - 0x700, v) || esp_gpio16_read(esp, off - 0x700, v);
    } else if (off >= 0xd00 && off < 0xe00) {
        return sar_read(esp, off - 0xd00, v);
    } else {
        return false;
    }
    return true;
}

static bool peri_write(esp8266_t *esp, uint32_t addr, uint32_t v) {
    uint32_t off = addr - PERI_BASE;
    if (off < 0x100) {
        esp_uart_write(esp, 0, off, v);
    } else if (off >= 0xf00 && off < 0x1000) {
        esp_uart_write(esp, 1, off - 0xf00, v);
    } else if (off >= 0x200 && off < 0x300) {
        esp_spi_write(esp, off - 0x200, v);
    } else if (off >= 0x300 && off < 0x400) {
        esp_gpio_write(esp, off - 0x300, v);
    } else if (off >= 0x600 && off < 0x700) {
        esp_timers_write(esp, off - 0x600, v);
    } else if (off >= 0x800 && off < 0x844) {
        esp_iomux_write(esp, off - 0x800, v);
    } else if (off >= 0x900 && off < 0xa00) {
        esp_wdt_write(esp, off - 0x900, v);
    } else if (off >= 0x1000 && off < 0x1000 + ESP_RTC_MEM_SIZE) {
        memcpy(esp->rtc_mem + (off - 0x1000), &v, 4);
    } else if (off >= 0x700 && off < 0x800) {
        return esp_rtc_write(esp, off - 0x700, v) || esp_gpio16_write(esp, off - 0x700, v);
    } else if (off == 0xd50) {
        esp->sar_ctrl = v;
    } else {
        return false;
    }
    return true;
}

/* Registers are words: narrower loads see their part of the word, narrower stores write the
 * word with the value in its lane (RTC memory and plain registers merge the other bytes). */
static bool bus_read(void *ctx, uint32_t addr, int size, uint32_t *val) {
    esp8266_t *esp = ctx;
    uint32_t word = addr & ~3u, v = 0;
    bool known;
    if (word >= PERI_BASE && word < PERI_END) {
        known = peri_read(esp, word, &v);
    } else if (word >= DPORT_BASE && word < DPORT_END) {
        known = dport_read(esp, word - DPORT_BASE, &v);
    } else if (word >= ROM_BASE && word < ROM_END) {
        known = false;   /* ROM data the rom layer does not provide */
    } else {
        return false;
    }
    if (!known) {
        esp_log_unknown(esp, word, false);
        v = 0;
    }
    uint32_t shift = (addr & 3u) * 8;
    *val = size == 4 ? v : (v >> shift) & (size == 1 ? 0xffu : 0xffffu);
    return true;
}

static bool bus_write(void *ctx, uint32_t addr, int size, uint32_t val) {
    esp8266_t *esp = ctx;
    uint32_t word = addr & ~3u, shift = (addr & 3u) * 8;
    if (size < 4) {
        uint32_t mask = (size == 1 ? 0xffu : 0xffffu) << shift, old = 0;
        if ((word >= PERI_BASE + 0x1000 && word < PERI_BASE + 0x1000 + ESP_RTC_MEM_SIZE) ||
            (word >= DPORT_BASE && word < DPORT_END)) {
            bus_read(ctx, word, 4, &old);
        }
        val = (old & ~mask) | ((val << shift) & mask);
    }
    bool known;
    if (word >= PERI_BASE && word < PERI_END) {
        known = peri_write(esp, word, val);
    } else if (word >= DPORT_BASE && word < DPORT_END) {
        known = dport_write(esp, word - DPORT_BASE, val);
    } else if (word >= ROM_BASE && word < ROM_END) {
        known = false;
    } else {
        return false;
    }
    if (!known) {
        esp_log_unknown(esp, word, true);
    }
    return true;
}

static bool bus_hle(void *ctx, lx106_t *cpu) {
    esp8266_t *esp = ctx;
    if (!esp->rom.hle) {
        fprintf(esp->log ? esp->log : stderr, "esp8266: pc 0x%08x in the mask ROM, and no ROM attached\n",
                (unsigned)cpu->pc);
        return false;
    }
    return esp->rom.hle(esp->rom.ctx, cpu);
}

/* ---- creation, memory, reset ---- */

esp8266_t *esp_new(const char *flash_path, uint32_t flash_size, const esp_board_t *board) {
    if (flash_size < 0x80000u || flash_size > 0x1000000u || (flash_size & (flash_size - 1)) != 0) {
        fprintf(stderr, "esp8266: flash size %u is not a power of two from 512 KB to 16 MB\n", (unsigned)flash_size);
        return NULL;
    }
    esp8266_t *esp = calloc(1, sizeof(*esp));
    if (!esp) {
        fprintf(stderr, "esp8266: out of memory\n");
        return NULL;
    }
    esp->board = *board;
    esp->dram = calloc(1, ESP_DRAM_SIZE);
    esp->iram = calloc(1, ESP_IRAM_SIZE);
    esp->flash_fd = -1;
    esp->cache_mb = esp->window_mb = -1;
    lx106_bus_t bus = { esp, bus_read, bus_write, bus_hle, NULL };
    if (!esp->dram || !esp->iram || !lx106_init(&esp->cpu, &bus)) {
        fprintf(stderr, "esp8266: out of memory\n");
        free(esp->dram);
        free(esp->iram);
        free(esp);
        return NULL;
    }
    if (!esp_flash_open(esp, flash_path, flash_size)) {
        esp_free(esp);
        return NULL;
    }
    lx106_map(&esp->cpu, ESP_DRAM_BASE, ESP_DRAM_SIZE, esp->dram, LX106_R | LX106_W);
    lx106_map(&esp->cpu, ESP_IRAM_BASE, ESP_IRAM_SIZE, esp->iram, LX106_R | LX106_W | LX106_X | LX106_WORD_ONLY);
    esp->div = 1;
    esp->reset_cause = ESP_RST_POWER_ON;
    return esp;
}

void esp_free(esp8266_t *esp) {
    if (!esp) {
        return;
    }
    esp_flash_close(esp);
    lx106_free(&esp->cpu);
    free(esp->dram);
    free(esp->iram);
    free(esp);
}

uint8_t *esp_ram(esp8266_t *esp, uint32_t addr, size_t len) {
    if (addr >= ESP_DRAM_BASE && len <= ESP_DRAM_SIZE && addr - ESP_DRAM_BASE <= ESP_DRAM_SIZE - len) {
        return esp->dram + (addr - ESP_DRAM_BASE);
    }
    if (addr >= ESP_IRAM_BASE && len <= ESP_IRAM_SIZE && addr - ESP_IRAM_BASE <= ESP_IRAM_SIZE - len) {
        return esp->iram + (addr - ESP_IRAM_BASE);
    }
    return NULL;
}

lx106_t *esp_cpu(esp8266_t *esp) {
    return &esp->cpu;
}

void esp_set_rom(esp8266_t *esp, const esp_rom_hooks_t *rom) {
    esp->rom = *rom;
}

int esp_reset_cause(const esp8266_t *esp) {
    return esp->reset_cause;
}

esp_events_t esp_take_events(esp8266_t *esp) {
    esp_events_t e = esp->events;
    memset(&esp->events, 0, sizeof(esp->events));
    return e;
}

void esp_reset(esp8266_t *esp, int cause) {
    uint64_t now = esp_apb_now(esp);
    if (cause == ESP_RST_POWER_ON) {
        memset(esp->dram, 0, ESP_DRAM_SIZE);
        memset(esp->iram, 0, ESP_IRAM_SIZE);
        memset(esp->rtc_mem, 0, ESP_RTC_MEM_SIZE);
        lx106_invalidate(&esp->cpu, ESP_IRAM_BASE, ESP_IRAM_SIZE);
    }
    esp->running = false;
    esp->resched = false;
    lx106_reset(&esp->cpu);
    esp->cpu.irq_level = 0;
    esp->cpu.irq_latched = 0;
    lx106_wsr(&esp->cpu, LX106_SR_VECBASE, 0x40000000u);
    lx106_wsr(&esp->cpu, LX106_SR_PS, 0x1fu);
    esp->dport_edge_int = 0;
    esp->dport_clock = 0;
    esp->sar_ctrl = 0;
    rebase(esp, now, 1);
    esp_cache_disable(esp);
    esp_spi_reset(esp);
    esp_uart_reset(esp);
    esp_timers_reset(esp);
    esp_gpio_reset(esp);
    esp_rtc_reset(esp, cause);
    esp->strap = esp_gpio_sample_strap(esp);
    esp->reset_cause = cause;
    if (esp->rom.reset) {
        esp->rom.reset(esp->rom.ctx, cause);
    }
}

/* ---- running ---- */

static uint64_t next_apb_event(const esp8266_t *esp) {
    uint64_t a = esp_uart_next(esp), b = esp_timers_next(esp);
    return a < b ? a : b;
}

uint64_t esp_next_event(const esp8266_t *esp) {
    if (esp->asleep) {
        return ESP_NEVER;   /* powered down: only the RTC's alarm (the host's) wakes it */
    }
    uint64_t a = apb_to_cycle(esp, next_apb_event(esp)), t = lx106_next_timer_cycle(&esp->cpu);
    return a < t ? a : t;
}

/* Fires every peripheral event due by now (each one moves its own next time on). */
static void fire_due(esp8266_t *esp) {
    uint64_t now = esp_apb_now(esp);
    while (next_apb_event(esp) <= now) {
        esp_uart_fire(esp, now);
        if (esp_timers_fire(esp, now)) {
            return;   /* the watchdog reset the chip */
        }
    }
}

lx106_result_t esp_run(esp8266_t *esp, uint64_t until) {
    for (;;) {
        if (esp->asleep) {
            return LX106_STOPPED;   /* deep sleep began in the last slice */
        }
        fire_due(esp);
        if (esp->cpu.cycles >= until) {
            return LX106_LIMIT;
        }
        uint64_t next = apb_to_cycle(esp, next_apb_event(esp));
        esp->slice_limit = next < until ? next : until;
        esp->running = true;
        esp->resched = false;
        lx106_result_t r = lx106_run(&esp->cpu, esp->slice_limit);
        esp->running = false;
        if (r == LX106_STOPPED && esp->resched) {
            esp->resched = false;
            continue;
        }
        if (r != LX106_LIMIT) {
            fire_due(esp);
            return r;
        }
    }
}

void esp_idle_until(esp8266_t *esp, uint64_t cycle) {
    while (esp->cpu.cycles < cycle) {
        uint64_t next = esp_next_event(esp);
        uint64_t timer = lx106_next_timer_cycle(&esp->cpu);
        uint64_t step = next < cycle ? next : cycle;
        if (step <= esp->cpu.cycles) {
            step = esp->cpu.cycles + 1;
        }
        esp->cpu.cycles = step;
        if (timer <= step) {
            esp->cpu.irq_latched |= 1u << 6;   /* CCOMPARE0 matched while the core waited */
        }
        fire_due(esp);
    }
}
