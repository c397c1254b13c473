/* esp_timers.c: the ESP8266's timers (timer_register.h) and hardware watchdog, computed from virtual
 * time (APB ticks) rather than ticked per instruction:
 *   FRC1 0x60000600: 0x00 LOAD (23 bits; writing it restarts the count from it), 0x04 COUNT (down),
 *     0x08 CTRL (bit 0 level-type interrupt, bits 2-3 prescaler /1 /16 /256, bit 6 autoreload,
 *     bit 7 enable, bit 8 reads the interrupt status), 0x0c INT (write: clear the interrupt).
 *     At 0 it interrupts (CPU interrupt 9: an edge the core latches, which DPORT 0x3ff00004 bit 1
 *     must let through; a level-type interrupt holds the line until cleared) and reloads from LOAD
 *     with autoreload, else wraps to 0x7fffff and goes on counting.
 *   FRC2 0x60000620: 0x00 LOAD (sets the count), 0x04 COUNT (up, 32 bits), 0x08 CTRL (prescaler and
 *     enable as FRC1), 0x0c INT, 0x10 ALARM: the alarm is kept but raises no interrupt (nothing
 *     we run uses it).
 *   WDT 0x60000900: 0x00 CTL (bit 0 enable), 0x04 OP and 0x08 OP_ND: the two stages' timeouts,
 *     2^n * 0.8 ms each (n in bits 0-3, as the RTOS SDK documents them), 0x14 RST (0x73 feeds).
 *     Unfed for both stages in a row (stage 0's interrupt is not modelled), it resets the chip
 *     with ESP_RST_WDT.  Our firmware sets 11 and 11 (3.3 s) and feeds it every 10 ms. */
#include "esp_chip.h"

#define CTRL_LEVEL_INT (1u << 0)
#define CTRL_AUTOLOAD (1u << 6)
#define CTRL_ENABLE (1u << 7)
#define CTRL_INT_STATUS (1u << 8)
#define FRC1_MASK (0x7fffffu)
#define FRC1_WRAP (0x800000u)
#define DPORT_FRC1_EDGE (1u << 1)
#define WDT_UNIT_TICKS (64000u)      /* 0.8 ms of the 80 MHz APB clock */
#define WDT_FEED (0x73u)

static uint32_t prescale(uint32_t ctrl) {
    static const uint32_t div[4] = { 1, 16, 256, 256 };
    return div[(ctrl >> 2) & 3u];
}

/* ---- FRC1 ---- */

static uint32_t frc1_count_at(const esp8266_t *esp, uint64_t now) {
    if (!(esp->frc1_ctrl & CTRL_ENABLE)) {
        return esp->frc1_count;
    }
    uint64_t elapsed = (now - esp->frc1_tick) / prescale(esp->frc1_ctrl);
    return elapsed >= esp->frc1_count ? 0 : esp->frc1_count - (uint32_t)elapsed;
}

static uint64_t frc1_zero_tick(const esp8266_t *esp) {
    if (!(esp->frc1_ctrl & CTRL_ENABLE)) {
        return ESP_NEVER;
    }
    return esp->frc1_tick + (uint64_t)esp->frc1_count * prescale(esp->frc1_ctrl);
}

static void frc1_restart(esp8266_t *esp, uint32_t count, uint64_t now) {
    esp->frc1_count = count;
    esp->frc1_tick = now;
    esp_event_moved(esp, frc1_zero_tick(esp));
}

static void frc1_line(esp8266_t *esp) {
    bool level = (esp->frc1_ctrl & CTRL_LEVEL_INT) && esp->frc1_int;
    lx106_set_irq(&esp->cpu, ESP_INUM_FRC1, level);
}

static void frc1_fire(esp8266_t *esp, uint64_t at) {
    esp->frc1_int = true;
    if (esp->frc1_ctrl & CTRL_LEVEL_INT) {
        frc1_line(esp);
    } else if (esp->dport_edge_int & DPORT_FRC1_EDGE) {
        lx106_set_irq(&esp->cpu, ESP_INUM_FRC1, true);    /* an edge: the core latches it */
        lx106_set_irq(&esp->cpu, ESP_INUM_FRC1, false);
    }
    uint32_t next = (esp->frc1_ctrl & CTRL_AUTOLOAD) ? esp->frc1_load : FRC1_WRAP;
    esp->frc1_count = next ? next : FRC1_WRAP;
    esp->frc1_tick = at;
}

/* ---- FRC2 ---- */

static uint32_t frc2_count_at(const esp8266_t *esp, uint64_t now) {
    if (!(esp->frc2_ctrl & CTRL_ENABLE)) {
        return esp->frc2_count;
    }
    return esp->frc2_count + (uint32_t)((now - esp->frc2_tick) / prescale(esp->frc2_ctrl));
}

/* ---- watchdog ---- */

static uint64_t wdt_deadline(const esp8266_t *esp) {
    if (!(esp->wdt_ctl & 1u)) {
        return ESP_NEVER;
    }
    uint64_t stages = (1ull << (esp->wdt_op & 15u)) + (1ull << (esp->wdt_op_nd & 15u));
    return esp->wdt_fed + stages * WDT_UNIT_TICKS;
}

/* ---- registers ---- */

void esp_timers_reset(esp8266_t *esp) {
    uint64_t now = esp_apb_now(esp);
    esp->frc1_load = esp->frc1_ctrl = esp->frc1_count = 0;
    esp->frc1_int = false;
    esp->frc1_tick = now;
    esp->frc2_ctrl = esp->frc2_alarm = esp->frc2_count = 0;
    esp->frc2_tick = now;
    esp->wdt_ctl = esp->wdt_op = esp->wdt_op_nd = 0;
    esp->wdt_fed = now;
    frc1_line(esp);
}

uint32_t esp_timers_read(esp8266_t *esp, uint32_t off) {
    uint64_t now = esp_apb_now(esp);
    switch (off) {
        case 0x00: return esp->frc1_load;
        case 0x04: return frc1_count_at(esp, now) & FRC1_MASK;
        case 0x08: return (esp->frc1_ctrl & 0xffu) | (esp->frc1_int ? CTRL_INT_STATUS : 0);
        case 0x20: return esp->frc2_count;
        case 0x24: return frc2_count_at(esp, now);
        case 0x28: return esp->frc2_ctrl & 0xffu;
        case 0x30: return esp->frc2_alarm;
        default:
            esp_log_unknown(esp, 0x60000600u + off, false);
            return 0;
    }
}

void esp_timers_write(esp8266_t *esp, uint32_t off, uint32_t v) {
    uint64_t now = esp_apb_now(esp);
    switch (off) {
        case 0x00:
            esp->frc1_load = v & FRC1_MASK;
            frc1_restart(esp, esp->frc1_load ? esp->frc1_load : FRC1_WRAP, now);
            break;
        case 0x08: {
            uint32_t count = frc1_count_at(esp, now);
            esp->frc1_ctrl = v & 0xffu;
            frc1_restart(esp, count ? count : FRC1_WRAP, now);
            frc1_line(esp);
            break;
        }
        case 0x0c:
            esp->frc1_int = false;
            frc1_line(esp);
            break;
        case 0x20:
            esp->frc2_count = v;
            esp->frc2_tick = now;
            break;
        case 0x28:
            esp->frc2_count = frc2_count_at(esp, now);
            esp->frc2_tick = now;
            esp->frc2_ctrl = v & 0xffu;
            break;
        case 0x2c: break;   /* FRC2's interrupt is never raised */
        case 0x30: esp->frc2_alarm = v; break;
        default:
            esp_log_unknown(esp, 0x60000600u + off, true);
            break;
    }
}

uint32_t esp_wdt_read(esp8266_t *esp, uint32_t off) {
    switch (off) {
        case 0x00: return esp->wdt_ctl;
        case 0x04: return esp->wdt_op;
        case 0x08: return esp->wdt_op_nd;
        default:
            esp_log_unknown(esp, 0x60000900u + off, false);
            return 0;
    }
}

void esp_wdt_write(esp8266_t *esp, uint32_t off, uint32_t v) {
    uint64_t now = esp_apb_now(esp);
    switch (off) {
        case 0x00:
            if ((v & 1u) && !(esp->wdt_ctl & 1u)) {
                esp->wdt_fed = now;
            }
            esp->wdt_ctl = v;
            break;
        case 0x04: esp->wdt_op = v & 15u; break;
        case 0x08: esp->wdt_op_nd = v & 15u; break;
        case 0x14:
            if (v == WDT_FEED) {
                esp->wdt_fed = now;
            }
            break;
        default:
            esp_log_unknown(esp, 0x60000900u + off, true);
            return;
    }
    esp_event_moved(esp, wdt_deadline(esp));
}

/* ---- events ---- */

uint64_t esp_timers_next(const esp8266_t *esp) {
    uint64_t a = frc1_zero_tick(esp), b = wdt_deadline(esp);
    return a < b ? a : b;
}

bool esp_timers_fire(esp8266_t *esp, uint64_t now) {
    uint64_t z = frc1_zero_tick(esp);
    if (z <= now) {
        frc1_fire(esp, z);
    }
    if (wdt_deadline(esp) <= now) {
        esp_reset(esp, ESP_RST_WDT);
        return true;
    }
    return false;
}
