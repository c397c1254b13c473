# math with int/float subclasses, __index__ objects, and values at the edges of the float range
import math
class MyInt(int): pass
class MyFloat(float): pass
print(math.sqrt(MyInt(4)), math.log(MyInt(10**400)) > 921, math.log2(MyInt(8)), math.isqrt(MyInt(17)), math.comb(MyInt(5), 2))
print(math.fsum([MyFloat(0.5), MyInt(2)]), math.hypot(MyFloat(3), MyInt(4)), math.isnan(MyFloat('nan')))
class Idx:
    def __index__(self): return 6
print(math.factorial(Idx()), math.gcd(Idx(), 4), math.isqrt(Idx()), math.perm(Idx(), 2), math.lcm(Idx(), 4))
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(-0.5), math.floor(1e16+1), math.ceil(2**52 + 0.5))
print(math.log(1e-320), math.log10(5e-324), math.log2(2.0**-1074))
print(math.prod([1, 2], start=1.0), math.prod((x for x in [3, 4])), math.prod([True, True]))
print(math.comb(10**30, 10**30 - 3) == math.comb(10**30, 3), math.perm(10**30, 1))
