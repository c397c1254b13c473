# math's exact integer functions: factorial, comb, perm, gcd, lcm, isqrt, prod, floor/ceil/trunc
import math

def check(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)

print([math.factorial(n) for n in range(22)])
print(math.factorial(100))
f1000 = math.factorial(1000)
print(len(str(f1000)), f1000 % (10 ** 30 + 7), f1000 == math.prod(range(1, 1001)))
print(math.factorial(True), math.factorial(False))
check(math.factorial, -1)
check(math.factorial, 5.0)
check(math.factorial, 5.5)
check(math.factorial, '5')
check(math.factorial, -(10 ** 30))
check(math.factorial, 10 ** 30)

print([math.comb(10, k) for k in range(12)])
print(math.comb(100, 50), math.comb(1000, 3), math.comb(67, 33), math.comb(0, 0), math.comb(5, 0))
print(math.comb(10 ** 20, 3), math.comb(10 ** 20, 10 ** 20 - 2), math.comb(10 ** 20, 10 ** 20 + 1))
print(math.comb(300, 150) == math.factorial(300) // math.factorial(150) ** 2)
check(math.comb, -1, 2)
check(math.comb, 5, -1)
check(math.comb, 5.0, 2)
print([math.perm(6, k) for k in range(8)], math.perm(5), math.perm(5, None), math.perm(0))
print(math.perm(100, 20), math.perm(10 ** 20, 2))
check(math.perm, -1)
check(math.perm, 5, -2)
check(math.perm, 5, 2.0)

print(math.gcd(), math.gcd(12), math.gcd(-12), math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(0, -5))
print(math.gcd(12, 18, 27), math.gcd(2 ** 100, 2 ** 70 * 3), math.gcd(3 ** 80, 3 ** 60 * 2 ** 90, 3 ** 70))
print(math.gcd(-(2 ** 62), 2 ** 62), math.gcd(2 ** 63, 0), math.gcd(True, 4))
check(math.gcd, 1.5, 2)
check(math.gcd, 4, '2')
print(math.lcm(), math.lcm(4), math.lcm(-4), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-4, 6))
print(math.lcm(2 ** 70, 3 ** 40), math.lcm(10 ** 20, 10 ** 15 * 7))
check(math.lcm, 0, 1.5)

print([math.isqrt(n) for n in range(30)])
print(math.isqrt(10 ** 20), math.isqrt(10 ** 20 - 1), math.isqrt(2 ** 62), math.isqrt(2 ** 64 - 1), math.isqrt(2 ** 64))
big = 10 ** 100 + 12345
s = math.isqrt(big)
print(s, s * s <= big < (s + 1) * (s + 1))
for e in (61, 62, 63, 64, 65, 100, 127, 128, 129, 1000):
    for d in (-1, 0, 1):
        n = 2 ** e + d
        s = math.isqrt(n)
        assert s * s <= n < (s + 1) * (s + 1), n
        n = (2 ** e + d) ** 2
        assert math.isqrt(n) == 2 ** e + d
        assert math.isqrt(n - 1) == 2 ** e + d - 1
print(math.isqrt(True))
check(math.isqrt, -1)
check(math.isqrt, 4.0)
check(math.isqrt, -(10 ** 30))

print(math.prod([]), math.prod([2, 3, 4]), math.prod(range(1, 11)), math.prod([2, 0.5]), math.prod([], start=7))
print(math.prod([1.5, 2], start=2), math.prod(iter([3, 3])), math.prod([[1], 3], start=1), math.prod([2 ** 40] * 3))
check(math.prod, [1, 'a', 2])

print(math.floor(3.7), math.floor(-3.7), math.ceil(3.2), math.ceil(-3.2), math.trunc(3.7), math.trunc(-3.7))
print(math.floor(5), math.ceil(-5), math.trunc(10 ** 30), math.floor(True), math.ceil(False))
print(math.floor(1e20), math.ceil(-1e300) == -10 ** 300 // 1, math.floor(-0.0), math.ceil(0.5))
print(type(math.floor(2.0)).__name__, type(math.trunc(True)).__name__, math.floor(2 ** 70))

class Num:
    def __floor__(self):
        return 'floor'
    def __ceil__(self):
        return 'ceil'
    def __trunc__(self):
        return 'trunc'
n = Num()
print(math.floor(n), math.ceil(n), math.trunc(n))

class F:
    def __float__(self):
        return 2.5
print(math.floor(F()), math.ceil(F()), math.sqrt(F()))
check(math.trunc, F())

class MyFloat(float):
    pass
print(math.floor(MyFloat(2.5)), math.ceil(MyFloat(-2.5)), math.trunc(MyFloat(7.9)))

class MyInt(int):
    pass
print(math.floor(MyInt(7)), math.gcd(MyInt(12), 8), math.factorial(MyInt(5)))
