# math's float functions: values (rounded where libms may differ in the last digit) and special cases
import math

def r(x):
    return round(x, 10)

print(math.e, math.pi, math.tau, math.inf, -math.inf, math.nan)
print(r(math.sqrt(2)), math.sqrt(16), math.sqrt(0.0), math.sqrt(-0.0), math.sqrt(math.inf))
print(r(math.exp(1)), math.exp(0), math.exp(-math.inf), math.exp(math.inf))
print(r(math.expm1(1e-10) * 1e10), r(math.log1p(1e-10) * 1e10), math.exp2(10), math.cbrt(27.0))
print(math.log(1), r(math.log(10)), math.log(8, 2), r(math.log(100, 10)), math.log(math.inf))
print(math.log2(1024), math.log10(0.001), math.log2(2 ** 200), math.log10(10 ** 20))
print(r(math.log(10 ** 400)), r(math.log2(2 ** 5000)), r(math.log10(10 ** 1000)), r(math.log(10 ** 400, 10)))
print(math.fabs(-3), math.fabs(-0.0), math.fabs(2.5))
print(r(math.sin(1)), r(math.cos(1)), r(math.tan(1)), r(math.asin(0.5)), r(math.acos(0.5)), r(math.atan(1)))
print(r(math.sinh(1)), r(math.cosh(1)), r(math.tanh(1)), r(math.asinh(1)), r(math.acosh(2)), r(math.atanh(0.5)))
print(math.tanh(math.inf), math.atan(math.inf) == math.pi / 2, math.asinh(-math.inf), math.acosh(math.inf))
print(math.atan2(0.0, -1.0) == math.pi, math.atan2(-0.0, -1.0) == -math.pi, math.atan2(1, 0) == math.pi / 2)
print(math.atan2(math.inf, math.inf) == math.pi / 4, math.atan2(0, 0), math.atan2(-0.0, 0.0))
print(math.degrees(math.pi / 2), math.radians(90) == math.pi / 2, math.degrees(1), math.radians(1))
print(math.pow(2, 10), math.pow(2, -1), math.pow(0, 0), math.pow(-2, 3), math.pow(4, 0.5))
print(math.pow(math.nan, 0), math.pow(1, math.nan), math.pow(-1, math.inf), math.pow(0.5, math.inf),
      math.pow(2, -math.inf), math.pow(-math.inf, 3), math.pow(-math.inf, 2), math.pow(-math.inf, -3))
print(math.pow(0.0, math.inf), math.pow(math.inf, 0), math.pow(0, 3))
print(math.fmod(10, 3), math.fmod(-10, 3), math.fmod(10, -3), math.fmod(5, math.inf), math.fmod(-0.0, 1))
print(math.remainder(10, 3), math.remainder(11, 3), math.remainder(-10, 3), math.remainder(5, math.inf))
print(math.copysign(1, -0.0), math.copysign(-2, 3), math.copysign(math.inf, -1), math.copysign(1, math.nan) > 0)
print(math.frexp(0.0), math.frexp(-1.5), math.frexp(math.inf), math.frexp(1e-310), math.frexp(3))
print(math.ldexp(1, 1023), math.ldexp(1, -1074), math.ldexp(1, -1080), math.ldexp(-0.0, 10), math.ldexp(1.5, True))
print(math.ldexp(1.0, -10 ** 100), math.ldexp(math.inf, 10 ** 100), math.ldexp(0.0, 10 ** 100))
print(math.modf(3.75), math.modf(-3.75), math.modf(math.inf), math.modf(-math.inf), math.modf(0.0))
print(math.isfinite(1), math.isfinite(math.inf), math.isfinite(math.nan), math.isinf(-math.inf),
      math.isinf(1e308), math.isnan(math.nan), math.isnan(0), math.isnan(True))
print(math.isnan(math.modf(math.nan)[0]), math.isnan(math.frexp(math.nan)[0]))
print(r(math.erf(0.5)), r(math.erfc(0.5)), math.erf(0), math.erf(math.inf), math.erfc(-math.inf))
print(math.gamma(5), math.gamma(0.5) ** 2 - math.pi < 1e-12, r(math.gamma(-0.5)), math.gamma(math.inf))
print(r(math.lgamma(10)), math.lgamma(1), math.lgamma(2), math.lgamma(math.inf), math.lgamma(-math.inf))
print(math.nextafter(1, 2) - 1 == 2 ** -52, math.nextafter(0, -1), math.ulp(1), math.ulp(-4), math.ulp(0),
      math.ulp(math.inf), math.ulp(1e308) == 2 ** 971, math.ulp(1.7976931348623157e308))
print(math.sqrt(True), math.exp(False), type(math.sqrt(4)).__name__)
