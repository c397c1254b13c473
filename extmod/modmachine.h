/* modmachine.h: what the files of the `machine` module share: the classes, the callback scheduler
 * (pin IRQs and timers run between bytecodes or while sleeping, never inside the hardware layer) and
 * the sleeping loop that `time` uses. */
#ifndef ADDER_MODMACHINE_H
#define ADDER_MODMACHINE_H

#include "gc.h"
#include "hal.h"
#include "runtime.h"

#define MACHINE_PWRON_RESET (0)
#define MACHINE_WDT_RESET (1)
#define MACHINE_SOFT_RESET (4)
#define MACHINE_DEEPSLEEP_RESET (5)
#define MACHINE_HARD_RESET (6)
#define MACHINE_DEEPSLEEP (4)       /* the wake value of RTC.irq */

/* RTC ALARM0 (machine_rtc.c): time left, and whether it ends a deepsleep() given no time. */
uint64_t machine_rtc_alarm_left_us(void);
bool machine_rtc_wakes_deepsleep(void);

extern const type_t machine_pin_type, machine_signal_type, machine_pwm_type, machine_adc_type,
    machine_timer_type, machine_softi2c_type, machine_i2c_type, machine_rtc_type, machine_wdt_type,
    machine_spi_type, machine_softspi_type, machine_uart_type;

/* The buffer behind o (bytes, bytearray, memoryview...); TypeError if it has none. */
void machine_get_buffer(obj_t o, buffer_info_t *info, int flags);
/* esp.dht_readinto(pin, buf), which the dht module's classes call too (modesp.c). */
extern const fun_builtin_t esp_dht_readinto_obj;

/* Objects machine keeps alive (reachable from the state's port roots). */
typedef struct {
    obj_t pin_handler[HAL_PIN_COUNT];  /* Pin.irq handlers */
    uint8_t pin_trigger[HAL_PIN_COUNT];
    obj_t timers;                      /* list of running Timer objects */
    obj_t queue;                       /* list of (callback, argument) pairs waiting to run */
    bool running;                      /* inside a callback: don't nest */
} machine_state_t;
machine_state_t *machine_state(void);

void machine_schedule(obj_t callback, obj_t arg);
/* Runs hardware events, due timers and scheduled callbacks; called while sleeping and idle.
 * Raises a pending KeyboardInterrupt first. */
void machine_poll(void);
bool machine_polling(void);
bool machine_wdt_fired(void);   /* the watchdog caused the reset now happening (machine_wdt.c) */
void machine_board_reset(void); /* a hard reset: the machine module's own state back to power-on */
void machine_wdt_stop(void);   /* inside machine_poll (a sleep), not a VM stop between bytecodes */
/* The same without the KeyboardInterrupt check: what the port's port_poll_events calls when the VM
 * stops between bytecodes because pending_flag was set (by hal_arm_wakeup or machine_schedule). */
void machine_run_events(void);
/* Arms the hardware wake-up for the earliest of the timers, the watchdog and the board's events. */
void machine_rearm(void);
/* Sleeps us microseconds, running callbacks as their events come due. */
void machine_sleep_us(uint64_t us);

/* Timers (machine_timer.c): when the next one is due, and firing the due ones. */
uint64_t machine_timer_next_us(void);
void machine_timer_fire_due(uint64_t now);

/* Resets the board if the watchdog was not fed in time (machine_wdt.c); when it must be fed next. */
void machine_wdt_check(void);
uint64_t machine_wdt_deadline(void);

/* A pin number from an int or a Pin object (ValueError for a pin that does not exist). */
int machine_pin_get(obj_t pin);
obj_t machine_pin_obj(int pin);

#endif
