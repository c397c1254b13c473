/* hal_esp8266.c: extmod/hal.h on the ESP8266, from Espressif's register documentation: GPIO 0-15
 * through the GPIO block and the IO MUX, GPIO16 through the RTC block, software PWM on FRC1's
 * interrupt, the SAR ADC, bit-banged I2C/SPI/1-Wire/DHT/NeoPixel timed with CCOUNT, the SPI
 * flash (board layer) and the clock.  Pin edges are caught by the GPIO interrupt and delivered by
 * hal_poll, outside the interrupt, because machine allocates when it queues a callback. */
#include <string.h>
#include "esp_regs.h"
#include "hal.h"
#include "modmachine.h"
#include "state.h"

/* IO MUX register offset and GPIO function number of pads 0-15; 0 offset: a flash pin (6-11). */
static const struct { uint8_t mux, func; } pads[16] = {
    { 0x34, 0 }, { 0x18, 3 }, { 0x38, 0 }, { 0x14, 3 }, { 0x3c, 0 }, { 0x40, 0 },
    { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 },
    { 0x04, 3 }, { 0x08, 3 }, { 0x0c, 3 }, { 0x10, 3 },
};

#define PWM_CHANNELS (8)
#define FRC_TICKS_PER_US (5)       /* FRC1 at 80 MHz / 16 */

static struct {
    volatile uint32_t edges[2];    /* rising, falling: pins seen by the GPIO interrupt */
    uint32_t irq_rise, irq_fall;   /* the edges each pin reports */
    /* software PWM: one period is set high, then each channel cleared at its duty */
    uint32_t pwm_freq;
    uint8_t pwm_pin[PWM_CHANNELS];
    uint16_t pwm_duty[PWM_CHANNELS];
    uint8_t pwm_n;
    /* the schedule the interrupt walks: masks to clear at cumulative tick offsets */
    uint32_t sched_on, sched_at[PWM_CHANNELS + 1], sched_clear[PWM_CHANNELS + 1];
    uint8_t sched_len, sched_pos;
} hal;

/* ---- pins ---- */

unsigned hal_pin_caps(int pin) {
    if (pin == 16) {
        return HAL_PIN_CAP_IO;
    }
    if (pin < 0 || pin > 15 || pads[pin].mux == 0) {
        return 0;
    }
    unsigned caps = HAL_PIN_CAP_IO | HAL_PIN_CAP_PULL_UP | HAL_PIN_CAP_IRQ | HAL_PIN_CAP_OD;
    return (pin == 1 || pin == 3) ? caps : caps | HAL_PIN_CAP_PWM;
}

static void gpio16_config(hal_pin_mode_t mode) {
    RTC_PAD_XPD_DCDC = (RTC_PAD_XPD_DCDC & 0xffffffbcu) | 1u;   /* the pad is GPIO16 */
    RTC_GPIO_CONF &= ~1u;
    RTC_GPIO_ENABLE = mode == HAL_PIN_IN ? RTC_GPIO_ENABLE & ~1u : RTC_GPIO_ENABLE | 1u;
}

void hal_pin_config(int pin, hal_pin_mode_t mode, hal_pull_t pull) {
    if (pin == 16) {
        gpio16_config(mode);
        return;
    }
    uint32_t mux = IOMUX_PAD(pads[pin].mux) & ~(IOMUX_FUNC_MASK | IOMUX_PULLUP);
    IOMUX_PAD(pads[pin].mux) = mux | IOMUX_FUNC(pads[pin].func) | (pull == HAL_PULL_UP ? IOMUX_PULLUP : 0);
    if (mode == HAL_PIN_OPEN_DRAIN) {
        GPIO_PIN(pin) |= GPIO_PIN_DRIVER_OD;
    } else {
        GPIO_PIN(pin) &= ~GPIO_PIN_DRIVER_OD;
    }
    if (mode == HAL_PIN_IN) {
        GPIO_ENABLE_W1TC = 1u << pin;
    } else {
        GPIO_ENABLE_W1TS = 1u << pin;
    }
}

int hal_pin_read(int pin) {
    if (pin == 16) {
        return (int)(RTC_GPIO_IN & 1u);
    }
    return (int)((GPIO_IN >> pin) & 1u);
}

void hal_pin_write(int pin, int level) {
    if (pin == 16) {
        RTC_GPIO_OUT = (RTC_GPIO_OUT & ~1u) | (level ? 1u : 0u);
    } else if (level) {
        GPIO_OUT_W1TS = 1u << pin;
    } else {
        GPIO_OUT_W1TC = 1u << pin;
    }
}

void hal_pin_irq(int pin, unsigned edges) {
    if (pin < 0 || pin > 15) {
        return;
    }
    uint32_t ps = esp_irq_disable(), bit = 1u << pin;
    hal.irq_rise = (edges & HAL_IRQ_RISING) ? hal.irq_rise | bit : hal.irq_rise & ~bit;
    hal.irq_fall = (edges & HAL_IRQ_FALLING) ? hal.irq_fall | bit : hal.irq_fall & ~bit;
    /* both edges in hardware: which one it was is read from the level in the interrupt */
    GPIO_PIN(pin) = (GPIO_PIN(pin) & ~(7u << GPIO_PIN_INT_SHIFT)) | ((edges ? 3u : 0u) << GPIO_PIN_INT_SHIFT);
    GPIO_STATUS_W1TC = bit;
    esp_irq_restore(ps);
    esp_irq_enable(INUM_GPIO, (hal.irq_rise | hal.irq_fall) != 0);
}

static void gpio_interrupt(void) {
    uint32_t st = GPIO_STATUS, in = GPIO_IN;
    GPIO_STATUS_W1TC = st;
    hal.edges[0] |= st & in & hal.irq_rise;
    hal.edges[1] |= st & ~in & hal.irq_fall;
    if (hal.edges[0] | hal.edges[1]) {
        STATE(pending_flag) = 1;
    }
}

/* ---- software PWM on FRC1 ---- */

static void frc1_fire_in(uint32_t ticks) {
    FRC1_LOAD = ticks ? ticks : 1;
}

static void pwm_interrupt(void) {
    FRC1_INT = 0;
    uint32_t period = FRC_TICKS_PER_US * 1000000u / hal.pwm_freq;
    if (hal.sched_pos == 0) {
        GPIO_OUT_W1TS = hal.sched_on;
    } else {
        GPIO_OUT_W1TC = hal.sched_clear[hal.sched_pos - 1];
    }
    uint32_t from = hal.sched_pos == 0 ? 0 : hal.sched_at[hal.sched_pos - 1];
    if (hal.sched_pos < hal.sched_len) {
        frc1_fire_in(hal.sched_at[hal.sched_pos] - from);
        hal.sched_pos++;
    } else {
        frc1_fire_in(period - from);
        hal.sched_pos = 0;
    }
}

/* Rebuilds the schedule (interrupts masked): channels sorted by duty, equal duties merged. */
static void pwm_schedule(void) {
    uint32_t period = FRC_TICKS_PER_US * 1000000u / (hal.pwm_freq ? hal.pwm_freq : 1);
    uint8_t order[PWM_CHANNELS];
    for (uint8_t i = 0; i < hal.pwm_n; i++) {
        uint8_t j = i;
        for (; j > 0 && hal.pwm_duty[order[j - 1]] > hal.pwm_duty[i]; j--) {
            order[j] = order[j - 1];
        }
        order[j] = i;
    }
    hal.sched_on = 0;
    hal.sched_len = 0;
    for (uint8_t k = 0; k < hal.pwm_n; k++) {
        uint8_t i = order[k];
        uint32_t bit = 1u << hal.pwm_pin[i], duty = hal.pwm_duty[i];
        if (duty == 0) {
            GPIO_OUT_W1TC = bit;
            continue;
        }
        hal.sched_on |= bit;
        if (duty >= 1023) {
            continue;   /* never cleared: always on */
        }
        uint32_t at = period * duty / 1024;
        if (hal.sched_len > 0 && hal.sched_at[hal.sched_len - 1] == at) {
            hal.sched_clear[hal.sched_len - 1] |= bit;
        } else {
            hal.sched_at[hal.sched_len] = at;
            hal.sched_clear[hal.sched_len++] = bit;
        }
    }
    hal.sched_pos = 0;
}

void hal_pwm_start(int pin, uint32_t freq, uint32_t duty) {
    uint32_t ps = esp_irq_disable();
    uint8_t i = 0;
    while (i < hal.pwm_n && hal.pwm_pin[i] != pin) {
        i++;
    }
    if (i == hal.pwm_n && hal.pwm_n < PWM_CHANNELS) {
        hal.pwm_n++;
        hal_pin_config(pin, HAL_PIN_OUT, HAL_PULL_NONE);
    }
    if (i < hal.pwm_n) {
        hal.pwm_pin[i] = (uint8_t)pin;
        hal.pwm_duty[i] = (uint16_t)duty;
        hal.pwm_freq = freq;
        pwm_schedule();
        FRC1_CTRL = FRC_CTRL_ENABLE | FRC_CTRL_DIV16 | FRC_CTRL_EDGE_INT;
        frc1_fire_in(1);
    }
    esp_irq_restore(ps);
    esp_irq_enable(INUM_FRC1, true);
}

void hal_pwm_stop(int pin) {
    uint32_t ps = esp_irq_disable();
    for (uint8_t i = 0; i < hal.pwm_n; i++) {
        if (hal.pwm_pin[i] == pin) {
            hal.pwm_n--;
            hal.pwm_pin[i] = hal.pwm_pin[hal.pwm_n];
            hal.pwm_duty[i] = hal.pwm_duty[hal.pwm_n];
            GPIO_OUT_W1TC = 1u << pin;
            pwm_schedule();
            break;
        }
    }
    bool running = hal.pwm_n > 0;
    if (!running) {
        FRC1_CTRL = 0;
    }
    esp_irq_restore(ps);
    esp_irq_enable(INUM_FRC1, running);
}

void esp_hal_interrupt(uint32_t pending) {
    if (pending & (1u << INUM_GPIO)) {
        gpio_interrupt();
    }
    if (pending & (1u << INUM_FRC1)) {
        pwm_interrupt();
    }
}

/* Soft reset: interrupts from pins and PWM stop; outputs keep their state as on a board. */
void esp_hal_reset(void) {
    esp_irq_enable(INUM_GPIO, false);
    esp_irq_enable(INUM_FRC1, false);
    FRC1_CTRL = 0;
    for (int pin = 0; pin < 16; pin++) {
        if (pads[pin].mux != 0) {
            GPIO_PIN(pin) &= ~(7u << GPIO_PIN_INT_SHIFT);
        }
    }
    memset(&hal, 0, sizeof(hal));
}

/* ---- ADC: the SAR's 8 samples of TOUT, averaged ---- */

int hal_adc_read(int channel) {
    if (channel != 0) {
        return -1;
    }
    SAR_CTRL &= ~2u;
    SAR_CTRL |= 2u;                               /* start a conversion */
    uint32_t t0 = esp_ccount();
    while (((SAR_CTRL >> 24) & 7u) != 0 && esp_ccount() - t0 < 1000u * esp_cpu_mhz()) {
    }
    uint32_t sum = 0;
    for (int i = 0; i < 8; i++) {
        sum += ~SAR_DATA(i) & 0x7ffu;             /* 11-bit, inverted */
    }
    /* to 10 bits, rounded: a full-scale input saturates the 11-bit samples at 2047, and only
     * rounding makes that read 1024 (1.0 V) rather than 1023 */
    uint32_t v = (sum + 8) / 16;
    return (int)(v > 1024 ? 1024 : v);
}

/* ---- microsecond timing on CCOUNT ---- */

static void delay_cycles(uint32_t cycles) {
    uint32_t t0 = esp_ccount();
    while (esp_ccount() - t0 < cycles) {
    }
}

static void delay_us(uint32_t us) {
    delay_cycles(us * esp_cpu_mhz());
}

/* ---- I2C, bit-banged with open-drain lines ---- */

static void i2c_delay(const hal_i2c_bus_t *bus) {
    delay_us(bus->freq >= 500000 ? 1 : 500000 / (bus->freq ? bus->freq : 1));
}

static void line(int pin, int level) {
    hal_pin_write(pin, level);
}

/* The lines as open-drain GPIOs with pull-ups (their pads may still be in another function, MTMS for
 * GPIO14): then writing 1 releases a line and a device can pull it low.  Every START and STOP, so a
 * Pin() made on a bus pin in between cannot leave it push-pull; the output latch first takes the level
 * the line has, so switching glitches neither line. */
static void i2c_line_config(int pin) {
    hal_pin_write(pin, hal_pin_read(pin));
    hal_pin_config(pin, HAL_PIN_OPEN_DRAIN, HAL_PULL_UP);
}

static void i2c_lines(const hal_i2c_bus_t *bus) {
    i2c_line_config(bus->sda);
    i2c_line_config(bus->scl);
}

void hal_i2c_start(const hal_i2c_bus_t *bus) {
    i2c_lines(bus);
    line(bus->sda, 1);
    line(bus->scl, 1);
    i2c_delay(bus);
    line(bus->sda, 0);
    i2c_delay(bus);
    line(bus->scl, 0);
}

void hal_i2c_stop(const hal_i2c_bus_t *bus) {
    i2c_lines(bus);
    line(bus->sda, 0);
    i2c_delay(bus);
    line(bus->scl, 1);
    i2c_delay(bus);
    line(bus->sda, 1);
    i2c_delay(bus);
}

/* One clock with sda released or driven; returns the level read while SCL is high. */
static int i2c_bit(const hal_i2c_bus_t *bus, int bit) {
    line(bus->sda, bit);
    i2c_delay(bus);
    line(bus->scl, 1);
    uint32_t t0 = esp_ccount();
    while (!hal_pin_read(bus->scl) && esp_ccount() - t0 < 1000u * esp_cpu_mhz()) {
    }                                             /* clock stretching, up to 1 ms */
    int r = hal_pin_read(bus->sda);
    i2c_delay(bus);
    line(bus->scl, 0);
    return r;
}

bool hal_i2c_write_byte(const hal_i2c_bus_t *bus, uint8_t b) {
    for (int i = 7; i >= 0; i--) {
        i2c_bit(bus, (b >> i) & 1);
    }
    return i2c_bit(bus, 1) == 0;
}

uint8_t hal_i2c_read_byte(const hal_i2c_bus_t *bus, bool ack) {
    uint8_t b = 0;
    for (int i = 0; i < 8; i++) {
        b = (uint8_t)((b << 1) | i2c_bit(bus, 1));
    }
    i2c_bit(bus, ack ? 0 : 1);
    return b;
}

/* ---- SPI, bit-banged on the bus's pins (HSPI's pins 14/13/12 for id 1) ---- */

void hal_spi_transfer(const hal_spi_bus_t *bus, const uint8_t *tx, uint8_t *rx, size_t len) {
    uint32_t half = bus->baudrate >= 500000 ? 0 : 500000 / (bus->baudrate ? bus->baudrate : 1);
    int idle = bus->polarity, bits = bus->bits ? bus->bits : 8;
    for (size_t n = 0; n < len; n++) {
        uint32_t out = tx ? tx[n] : 0xff, in = 0;
        for (int k = 0; k < bits; k++) {
            int bit = bus->lsb_first ? k : bits - 1 - k;
            if (bus->phase == 0) {
                hal_pin_write(bus->mosi, (out >> bit) & 1);
            }
            delay_us(half);
            hal_pin_write(bus->sck, !idle);
            if (bus->phase == 0) {
                in |= (uint32_t)hal_pin_read(bus->miso) << bit;
            } else {
                hal_pin_write(bus->mosi, (out >> bit) & 1);
            }
            delay_us(half);
            hal_pin_write(bus->sck, idle);
            if (bus->phase == 1) {
                in |= (uint32_t)hal_pin_read(bus->miso) << bit;
            }
        }
        if (rx) {
            rx[n] = (uint8_t)in;
        }
    }
}

/* ---- UART 0 is the console; UART 1 transmits on GPIO2 ---- */

void hal_uart_write(int uart, const uint8_t *data, size_t len) {
    for (size_t i = 0; i < len; i++) {
        if (uart == 0) {
            board_uart_write(data[i]);
        } else {
            while (UART_TXFIFO_CNT(UART_STATUS(1)) >= UART_FIFO_LEN - 1) {
            }
            UART_FIFO(1) = data[i];
        }
    }
}

int esp_console_read(void);

int hal_uart_read(int uart) {
    return uart == 0 ? esp_console_read() : -1;
}

/* ---- timed bit streams, with interrupts off ---- */

void hal_bitstream(int pin, const uint32_t timing_ns[4], const uint8_t *buf, size_t len) {
    uint32_t mhz = esp_cpu_mhz(), bit = 1u << pin, cyc[4];
    for (int i = 0; i < 4; i++) {
        cyc[i] = timing_ns[i] * mhz / 1000u;
    }
    uint32_t ps = esp_irq_disable();
    for (size_t n = 0; n < len; n++) {
        for (int k = 7; k >= 0; k--) {
            const uint32_t *t = &cyc[((buf[n] >> k) & 1) * 2];
            uint32_t t0 = esp_ccount();
            GPIO_OUT_W1TS = bit;
            while (esp_ccount() - t0 < t[0]) {
            }
            GPIO_OUT_W1TC = bit;
            while (esp_ccount() - t0 < t[0] + t[1]) {
            }
        }
    }
    esp_irq_restore(ps);
}

bool hal_onewire_reset(int pin) {
    hal_pin_write(pin, 0);
    delay_us(480);
    uint32_t ps = esp_irq_disable();
    hal_pin_write(pin, 1);
    delay_us(70);
    int present = !hal_pin_read(pin);
    esp_irq_restore(ps);
    delay_us(410);
    return present;
}

int hal_onewire_bit(int pin, int bit) {
    uint32_t ps = esp_irq_disable();
    hal_pin_write(pin, 0);
    delay_us(bit ? 2 : 60);
    hal_pin_write(pin, 1);
    int r = bit;
    if (bit) {
        delay_us(8);
        r = hal_pin_read(pin);
        delay_us(50);
    }
    esp_irq_restore(ps);
    delay_us(2);
    return r;
}

/* Cycles until the pin leaves level, or 0 after timeout_us. */
static uint32_t wait_level(int pin, int level, uint32_t timeout_us) {
    uint32_t t0 = esp_ccount(), limit = timeout_us * esp_cpu_mhz();
    while (hal_pin_read(pin) == level) {
        if (esp_ccount() - t0 > limit) {
            return 0;
        }
    }
    return esp_ccount() - t0 + 1;
}

bool hal_dht_read(int pin, uint8_t buf[5]) {
    hal_pin_write(pin, 0);
    delay_us(18000);                              /* DHT11 needs 18 ms, DHT22 1 ms: both woken */
    uint32_t ps = esp_irq_disable();
    hal_pin_write(pin, 1);
    bool ok = wait_level(pin, 1, 100) && wait_level(pin, 0, 100) && wait_level(pin, 1, 100);
    memset(buf, 0, 5);
    for (int i = 0; ok && i < 40; i++) {
        uint32_t high;
        ok = wait_level(pin, 0, 100) && (high = wait_level(pin, 1, 100)) != 0;
        if (ok && high > 40 * esp_cpu_mhz()) {   /* 26-28 us is a 0, 70 us a 1 */
            buf[i / 8] |= (uint8_t)(0x80 >> (i % 8));
        }
    }
    esp_irq_restore(ps);
    return ok;
}

/* ---- the SPI flash ---- */

uint32_t hal_flash_size(void) {
    return board_flash_size();
}

uint32_t hal_flash_id(void) {
    return board_flash_id();
}

bool hal_flash_read(uint32_t addr, uint8_t *buf, size_t len) {
    return board_flash_read(addr, buf, len);
}

bool hal_flash_write(uint32_t addr, const uint8_t *buf, size_t len) {
    return board_flash_write(addr, buf, len);
}

bool hal_flash_erase(uint32_t sector) {
    return board_flash_erase(sector);
}

/* ---- clock ---- */

uint64_t hal_ticks_us(void) {
    return board_ticks_us();
}

/* No RTC is set at boot: the wall clock starts at 2000-01-01, MicroPython's epoch on this chip. */
uint64_t hal_time_us(void) {
    return 946684800ull * 1000000u + board_ticks_us();
}

void hal_wait_until(uint64_t t) {
    while (board_ticks_us() < t && !(hal.edges[0] | hal.edges[1]) && !STATE(pending_flag)) {
        board_idle();   /* the tick interrupt (or one armed sooner) ends it */
    }
}

uint64_t hal_next_event_us(void) {
    return (hal.edges[0] | hal.edges[1]) ? board_ticks_us() : UINT64_MAX;
}

void hal_poll(void) {
    uint32_t ps = esp_irq_disable();
    uint32_t rise = hal.edges[0], fall = hal.edges[1];
    hal.edges[0] = hal.edges[1] = 0;
    esp_irq_restore(ps);
    for (int pin = 0; pin < 16; pin++) {
        if (rise & (1u << pin)) {
            machine_hal_pin_edge(pin, HAL_IRQ_RISING);
        }
        if (fall & (1u << pin)) {
            machine_hal_pin_edge(pin, HAL_IRQ_FALLING);
        }
    }
}

void hal_arm_wakeup(uint64_t t) {
    esp_arm_wakeup(t);
}

/* ---- system ---- */

bool hal_set_cpu_freq(uint32_t hz) {
    if (hz != 80000000u && hz != 160000000u) {
        return false;
    }
    esp_set_cpu_mhz(hz / 1000000u);
    return true;
}

uint32_t hal_cpu_freq(void) {
    return esp_cpu_mhz() * 1000000u;
}

void hal_unique_id(uint8_t id[4]) {
    board_unique_id(id);
}

int hal_reset_cause(void) {
    return board_reset_cause();
}

void hal_reset(void) {
    board_reset();
}

#define RTC_CAL_US (4000u)          /* the slow clock is measured over this long (~700 ticks) */
#define RTC_NOMINAL_TICKS (703u)     /* ticks in RTC_CAL_US at the nominal ~176 kHz */

/* The RTC's slow clock is an RC oscillator, not a crystal: its ticks are counted against the CPU's
 * clock first, as the SDK's system_rtc_clock_cali_proc does.  A counter that does not move (QEMU's
 * RAM model of the registers) gets the nominal rate. */
static uint32_t rtc_ticks_per_cal(void) {
    uint32_t c0 = RTC_COUNTER;
    uint64_t end = board_ticks_us() + RTC_CAL_US;
    while (board_ticks_us() < end) {
    }
    uint32_t n = RTC_COUNTER - c0;
    return n != 0 ? n : RTC_NOMINAL_TICKS;
}

/* Real deep sleep: the console drained, the RTC alarm set (us == 0: no timer wake-up, only the RST
 * pin ends it), then the RTC powers the rest of the chip down; RAM is lost, RTC memory kept.  The
 * alarm pulls GPIO16 low, which resets the chip only if D0 is wired to RST; the ROM then reports
 * cause 5 and reset_cause() DEEPSLEEP_RESET (board_reset_cause). */
void hal_deepsleep(uint64_t us) {
    while (UART_TXFIFO_CNT(UART_STATUS(0)) != 0) {
    }
    uint64_t ticks = us * rtc_ticks_per_cal() / RTC_CAL_US;
    ticks = ticks == 0 ? 1 : ticks > 0x7fffffffu ? 0x7fffffffu : ticks;   /* ~3.4 hours at most */
    esp_irq_disable();
    RTC_WAKE_ENABLE = us != 0 ? RTC_WAKE_TIMER : 0;
    RTC_COUNTER_ALARM = RTC_COUNTER + (uint32_t)ticks;
    RTC_SLEEP_CTRL |= RTC_SLEEP_EN;
    board_deepsleep_wait(us);
}
