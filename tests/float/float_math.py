# the math module's everyday functions (MicroPython has these too)
import math
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), round(math.tan(math.pi / 4), 12))
print(math.atan2(1, 1) * 4 == math.pi, math.log10(1000), math.log2(8), math.log(8, 2), math.hypot(3, 4))
print(math.degrees(math.pi), math.radians(180) == math.pi, math.copysign(3, -0.0), math.fmod(7, 3), math.fmod(-7, 3))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.modf(2.5), math.isfinite(1.0), math.gcd(12, 18), math.factorial(10))
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
try:
    math.log(0)
except ValueError as e:
    print(e)
