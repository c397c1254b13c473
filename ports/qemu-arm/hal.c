/* hal.c (qemu-arm): extmod/hal.h on the MPS2 AN385 as QEMU models it.  Pins 0 and 1 are the two user
 * LEDs of the FPGA I/O block (LED0 register bits 0-1, which QEMU models and traces); QEMU models no
 * GPIO block, so pins 2-16 are a memory-backed bank: an output reads back its latch, an input reads
 * its pull (1 with PULL_UP, else 0), and writing a pin whose IRQ is armed reports the edge, so
 * Pin.irq works as a loopback.  Buses bit-banged over that bank see no device (I2C NACKs, reads give
 * 0xFF), there is no ADC, PWM, flash or frequency scaling: those report "unsupported" and extmod
 * raises.  Reset goes through the SCB (QEMU restarts the firmware). */
#include "hal.h"
#include "modmachine.h"
#include "mps2.h"

#define LED_PINS (2)

static struct {
    uint32_t out;            /* output latches, one bit per pin */
    uint32_t is_out;         /* pins configured as outputs */
    uint32_t pull_up;
    uint8_t irq_edges[HAL_PIN_COUNT];
} pins;

void mps2_pins_reset(void) {
    pins.out = pins.is_out = pins.pull_up = 0;
    for (int i = 0; i < HAL_PIN_COUNT; i++) {
        pins.irq_edges[i] = 0;
    }
    MPS2_FPGAIO_LED0 = 0;
}

unsigned hal_pin_caps(int pin) {
    if (pin < 0 || pin >= HAL_PIN_COUNT) {
        return 0;
    }
    if (pin < LED_PINS) {
        return HAL_PIN_CAP_IO | HAL_PIN_CAP_IRQ;
    }
    return HAL_PIN_CAP_IO | HAL_PIN_CAP_PULL_UP | HAL_PIN_CAP_IRQ | HAL_PIN_CAP_OD;
}

void hal_pin_config(int pin, hal_pin_mode_t mode, hal_pull_t pull) {
    uint32_t bit = 1u << pin;
    pins.is_out = mode == HAL_PIN_IN ? pins.is_out & ~bit : pins.is_out | bit;
    pins.pull_up = pull == HAL_PULL_UP ? pins.pull_up | bit : pins.pull_up & ~bit;
}

int hal_pin_read(int pin) {
    uint32_t bit = 1u << pin;
    if (pin < LED_PINS) {
        return (int)((MPS2_FPGAIO_LED0 >> pin) & 1u);
    }
    if (pins.is_out & bit) {
        return (pins.out & bit) != 0;
    }
    return (pins.pull_up & bit) != 0;
}

void hal_pin_write(int pin, int level) {
    uint32_t bit = 1u << pin;
    int before = hal_pin_read(pin);
    pins.out = level ? pins.out | bit : pins.out & ~bit;
    if (pin < LED_PINS) {
        uint32_t led = MPS2_FPGAIO_LED0;
        MPS2_FPGAIO_LED0 = level ? led | bit : led & ~bit;
    }
    int after = hal_pin_read(pin);
    unsigned edge = after > before ? HAL_IRQ_RISING : after < before ? HAL_IRQ_FALLING : 0;
    if (edge & pins.irq_edges[pin]) {
        machine_hal_pin_edge(pin, edge);
    }
}

void hal_pin_irq(int pin, unsigned edges) {
    pins.irq_edges[pin] = (uint8_t)edges;
}

void hal_pwm_start(int pin, uint32_t freq, uint32_t duty) {
    (void)pin;
    (void)freq;
    (void)duty;
}

void hal_pwm_stop(int pin) {
    (void)pin;
}

int hal_adc_read(int channel) {
    (void)channel;
    return -1;
}

/* ---- buses with nothing attached ---- */

void hal_i2c_start(const hal_i2c_bus_t *bus) {
    (void)bus;
}

void hal_i2c_stop(const hal_i2c_bus_t *bus) {
    (void)bus;
}

bool hal_i2c_write_byte(const hal_i2c_bus_t *bus, uint8_t b) {
    (void)bus;
    (void)b;
    return false;
}

uint8_t hal_i2c_read_byte(const hal_i2c_bus_t *bus, bool ack) {
    (void)bus;
    (void)ack;
    return 0xFF;
}

void hal_spi_transfer(const hal_spi_bus_t *bus, const uint8_t *tx, uint8_t *rx, size_t len) {
    (void)bus;
    (void)tx;
    for (size_t i = 0; rx != NULL && i < len; i++) {
        rx[i] = 0xFF;
    }
}

/* UART 0 is the console; UART 1 goes nowhere, as a TX-only line with nothing on it. */
void hal_uart_write(int uart, const uint8_t *data, size_t len) {
    if (uart == 0) {
        mps2_uart_write((const char *)data, len);
    }
}

int hal_uart_read(int uart) {
    return uart == 0 ? mps2_uart_read() : -1;
}

void hal_bitstream(int pin, const uint32_t timing_ns[4], const uint8_t *buf, size_t len) {
    (void)timing_ns;
    (void)buf;
    if (len > 0) {
        hal_pin_write(pin, 0);   /* the line rests low after a stream */
    }
}

bool hal_onewire_reset(int pin) {
    (void)pin;
    return false;
}

int hal_onewire_bit(int pin, int bit) {
    (void)pin;
    return bit;   /* nobody pulls the bus low: a 1 slot reads 1 */
}

bool hal_dht_read(int pin, uint8_t buf[5]) {
    (void)pin;
    (void)buf;
    return false;
}

/* ---- no flash for a file system on this board ---- */

uint32_t hal_flash_size(void) {
    return 0;
}

uint32_t hal_flash_id(void) {
    return 0;
}

bool hal_flash_read(uint32_t addr, uint8_t *buf, size_t len) {
    (void)addr;
    (void)buf;
    (void)len;
    return false;
}

bool hal_flash_write(uint32_t addr, const uint8_t *buf, size_t len) {
    (void)addr;
    (void)buf;
    (void)len;
    return false;
}

bool hal_flash_erase(uint32_t sector) {
    (void)sector;
    return false;
}

/* ---- clock ---- */

uint64_t hal_ticks_us(void) {
    return mps2_ticks_us();
}

/* The board has no battery-backed clock: the wall clock is the host's time (semihosting), read
 * once at the first call, then kept by SysTick. */
uint64_t hal_time_us(void) {
    static uint64_t boot_us;
    if (boot_us == 0) {
        boot_us = (uint64_t)mps2_host_time() * 1000000u - mps2_ticks_us();
    }
    return boot_us + mps2_ticks_us();
}

void hal_wait_until(uint64_t t) {
    mps2_wait_until(t, &STATE(pending_flag));
}

uint64_t hal_next_event_us(void) {
    return UINT64_MAX;
}

void hal_poll(void) {
}

void hal_arm_wakeup(uint64_t t) {
    mps2_set_alarm(t, &STATE(pending_flag));
}

/* ---- system ---- */

bool hal_set_cpu_freq(uint32_t hz) {
    return hz == MPS2_SYSCLK_HZ;
}

uint32_t hal_cpu_freq(void) {
    return MPS2_SYSCLK_HZ;
}

/* the SCC's board ID register (AN385: 0x41043850) */
void hal_unique_id(uint8_t id[4]) {
    uint32_t v = MPS2_REG(0x4002FFFCu);
    for (int i = 0; i < 4; i++) {
        id[i] = (uint8_t)(v >> (24 - 8 * i));
    }
}

int hal_reset_cause(void) {
    return MACHINE_PWRON_RESET;
}

void hal_reset(void) {
    MPS2_REG(0xE000ED0Cu) = (0x05FAu << 16) | (1u << 2);   /* AIRCR: VECTKEY | SYSRESETREQ */
    for (;;) {
    }
}

void hal_deepsleep(uint64_t us) {
    mps2_wait_until(mps2_ticks_us() + us, NULL);
    hal_reset();
}
