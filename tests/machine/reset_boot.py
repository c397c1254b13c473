# adder-args: --board nodemcu --fast-time
# Hard resets of the virtual board: machine.reset(), waking from deepsleep and an unfed WDT each
# restart the interpreter and the board (pins back to inputs, timers gone) and run this script
# again, as the board runs main.py; RTC memory and the RTC clock survive, deepsleep moves the clock
# on by its time.  The script counts its boots in RTC memory and stops after the fourth.
import machine
import time

rtc = machine.RTC()
mem = rtc.memory()
n = mem[0] if mem else 0
led = machine.Pin(2)
print('boot', n, 'cause', machine.reset_cause(), 'clock', time.ticks_ms() // 1000, 's',
      'rtc', rtc.datetime()[4:7], 'globals', 'kept' in globals())
if n == 0:
    rtc.datetime((2026, 1, 1, 3, 12, 0, 0, 0))
    kept = True
    led.init(machine.Pin.OUT)
    led.value(0)
    machine.Timer(-1).init(period=1, callback=lambda t: print('timer survived!'))
    rtc.memory(bytes([1]))
    machine.reset()
elif n == 1:
    print('LED pin is an input again:', led.value() == 1)
    rtc.memory(bytes([2, machine.reset_cause()]))
    machine.deepsleep(3000)
    print('not reached')
elif n == 2:
    rtc.memory(bytes([3]) + mem[1:] + bytes([machine.reset_cause()]))
    machine.WDT(timeout=500)
    while True:        # never feeds the dog: the busy loop ends in a WDT reset
        pass
else:
    causes = list(mem[1:]) + [machine.reset_cause()]
    print('causes', causes == [machine.HARD_RESET, machine.DEEPSLEEP_RESET, machine.WDT_RESET])
