# divmod, pow (2 and 3 args), round
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(2 ** 70, 3))
print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(-8, 1 / 3) if False else 0, pow(3, 4, 5), pow(2, 100, 1000), pow(7, -1, 13))
print(pow(0, 0), pow(2, 0, 1), pow(-3, 3, 7), pow(2 ** 64, 2, 10 ** 9 + 7))
print(round(3.14159, 2), round(2.675, 2), round(0.5), round(1.5), round(-0.5), round(7), round(7, -1), round(15, -1), round(25, -1))
print(round(1234.5678, -2), round(-1.005, 2), type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, 0))
for bad in [lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5), lambda: pow(2, -1, 4), lambda: divmod('a', 1), lambda: round('x')]:
    try:
        bad()
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
