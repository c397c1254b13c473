# adder-args: --fast-time
# RTC ALARM0: alarm_left counts down on the (virtual) clock, and with irq(wake=machine.DEEPSLEEP)
# the alarm ends a deepsleep() given no time (the board prints a line on stderr and stops).
import machine
import time

rtc = machine.RTC()
print(rtc.alarm_left())
rtc.alarm(rtc.ALARM0, 5000)
time.sleep(2)
print(rtc.alarm_left())
time.sleep(4)
print(rtc.alarm_left())
for bad in (lambda: rtc.alarm(1, 100), lambda: rtc.irq(trigger=rtc.ALARM0, wake=99)):
    try:
        bad()
    except ValueError as e:
        print('ValueError:', e)
rtc.irq(trigger=rtc.ALARM0, wake=machine.DEEPSLEEP)
rtc.alarm(rtc.ALARM0, 10000)
print('going to sleep')
machine.deepsleep()
print('not reached')
