# adder-args: --fast-time --stimulus _pot.stim
# ADC(0) on A0 follows the potentiometer voltage set by a stimulus file and by board.adc().
from machine import ADC
import time
import board

adc = ADC(0)
print(adc)
for i in range(5):
    print(adc.read(), adc.read_u16())
    time.sleep_ms(100)
board.adc(5.0)           # beyond full scale: clips
print(adc.read(), adc.read_u16())
board.adc(1.0)
print(adc.read())
for bad in (2, -1):
    try:
        ADC(bad)
    except ValueError as e:
        print("ValueError:", e)
