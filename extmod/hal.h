/* hal.h: the hardware layer under `machine` and `time`.  extmod/ is written once over these functions;
 * each port implements them (the host port's implementation is the virtual board, ports/unix/vboard*.c).
 * Pins are chip GPIO numbers.  The layer only moves bits: argument checking, Python objects and
 * callbacks stay in extmod/.  Calls in the other direction (hardware events) go through the
 * machine_hal_* functions at the end, which extmod implements. */
#ifndef ADDER_HAL_H
#define ADDER_HAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- pins ---- */
/* What a pin can do (hal_pin_caps); 0 means the pin does not exist or is reserved (flash). */
#define HAL_PIN_CAP_IO       (0x01)
#define HAL_PIN_CAP_PULL_UP  (0x02)
#define HAL_PIN_CAP_IRQ      (0x04)
#define HAL_PIN_CAP_PWM      (0x08)
#define HAL_PIN_CAP_OD       (0x10)   /* open drain */
#define HAL_PIN_COUNT (17)            /* GPIO 0..16 on the ESP8266 */

typedef enum { HAL_PIN_IN, HAL_PIN_OUT, HAL_PIN_OPEN_DRAIN } hal_pin_mode_t;
typedef enum { HAL_PULL_NONE, HAL_PULL_UP } hal_pull_t;
#define HAL_IRQ_RISING  (1)
#define HAL_IRQ_FALLING (2)

unsigned hal_pin_caps(int pin);
void hal_pin_config(int pin, hal_pin_mode_t mode, hal_pull_t pull);
int hal_pin_read(int pin);                 /* the level on the pin, 0 or 1 */
void hal_pin_write(int pin, int level);    /* the output latch */
void hal_pin_irq(int pin, unsigned edges); /* report these edges via machine_hal_pin_edge; 0 stops */

/* ---- PWM (one frequency shared by every channel, as on the ESP8266) ---- */
void hal_pwm_start(int pin, uint32_t freq, uint32_t duty);  /* duty 0..1023 */
void hal_pwm_stop(int pin);

/* ---- ADC ---- */
int hal_adc_read(int channel);             /* 0..1024; -1 if the channel does not exist */

/* ---- I2C, byte level (a port may bit-bang these on the two pins) ---- */
typedef struct {
    uint8_t scl, sda;
    uint32_t freq;
} hal_i2c_bus_t;
void hal_i2c_start(const hal_i2c_bus_t *bus);
void hal_i2c_stop(const hal_i2c_bus_t *bus);
bool hal_i2c_write_byte(const hal_i2c_bus_t *bus, uint8_t b);  /* true if acknowledged */
uint8_t hal_i2c_read_byte(const hal_i2c_bus_t *bus, bool ack);

/* ---- SPI, full duplex; rx may be NULL.  id 1 is the hardware HSPI (SCK 14, MOSI 13, MISO 12),
 * -1 a software bus on the given pins ---- */
typedef struct {
    int8_t id;
    uint8_t sck, mosi, miso;
    uint8_t polarity, phase, bits;
    bool lsb_first;
    uint32_t baudrate;
} hal_spi_bus_t;
void hal_spi_transfer(const hal_spi_bus_t *bus, const uint8_t *tx, uint8_t *rx, size_t len);

/* ---- UART (0 is the console, 1 is TX only on GPIO2) ---- */
void hal_uart_write(int uart, const uint8_t *data, size_t len);
int hal_uart_read(int uart);               /* a byte, or -1 if none waiting */

/* ---- one-shot timed bit streams and the sensor protocols that need microsecond timing (a chip
 * bit-bangs them with interrupts off) ---- */
/* timing_ns: high and low times of a 0 bit, then of a 1 bit; bytes go out most significant bit first. */
void hal_bitstream(int pin, const uint32_t timing_ns[4], const uint8_t *buf, size_t len);
bool hal_onewire_reset(int pin);           /* true if a device answered with a presence pulse */
int hal_onewire_bit(int pin, int bit);     /* one time slot: writes bit; a 1 slot reads the bus back */
bool hal_dht_read(int pin, uint8_t buf[5]); /* the start pulse and 40 bits; false on a timeout */

/* ---- the SPI flash (the esp module): NOR semantics, a write only clears bits ---- */
#define HAL_FLASH_SECTOR (4096)
uint32_t hal_flash_size(void);
uint32_t hal_flash_id(void);
bool hal_flash_read(uint32_t addr, uint8_t *buf, size_t len);          /* false if out of range */
bool hal_flash_write(uint32_t addr, const uint8_t *buf, size_t len);
bool hal_flash_erase(uint32_t sector);

/* ---- clock ---- */
uint64_t hal_ticks_us(void);               /* monotonic, from boot */
uint64_t hal_time_us(void);                /* wall clock, us since 1970 */
/* Waits until hal_ticks_us() >= t or a hardware event is due, whichever comes first. */
void hal_wait_until(uint64_t t);
uint64_t hal_next_event_us(void);          /* when the next scheduled hardware event is due, or UINT64_MAX */
void hal_poll(void);                       /* deliver hardware events that are due */
/* Sets STATE(pending_flag) at tick t (a hardware timer interrupt on a chip), so the VM stops between
 * bytecodes to run what is due even while Python computes; UINT64_MAX disarms.  One alarm: the
 * latest call wins. */
void hal_arm_wakeup(uint64_t t);

/* ---- system ---- */
bool hal_set_cpu_freq(uint32_t hz);         /* false if unsupported */
uint32_t hal_cpu_freq(void);
void hal_unique_id(uint8_t id[4]);
int hal_reset_cause(void);                 /* one of the MACHINE_*_RESET values in modmachine.h */
void hal_reset(void);                      /* hard reset: does not return */
void hal_deepsleep(uint64_t us);           /* does not return (wakes as a reset) */

/* ---- events from the hardware, implemented by extmod ---- */
void machine_hal_pin_edge(int pin, unsigned edge);  /* HAL_IRQ_RISING or HAL_IRQ_FALLING */

#endif
