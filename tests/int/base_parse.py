# int(str, base) for bases 0 and 2..36 with prefixes and underscores
print(int('ff', 16), int('0xff', 16), int('0xff', 0), int('0o17', 0), int('0b101', 0), int('z', 36), int('-101', 2), int('1_000'), int('0_0', 0))
print(int('  +42  '), int('Zz', 36), int('10', 2), int('777', 8), int('0'), int('00', 0))
for s, b in [('08', 0), ('12', 2), ('1__0', 10), ('', 10), ('0x', 16), ('_1', 10), ('1', 37)]:
    try:
        int(s, b)
    except ValueError as e:
        print(type(e).__name__, e)
