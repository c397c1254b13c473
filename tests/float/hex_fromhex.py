# float.hex and float.fromhex round trip
for v in (1.0, 0.1, -2.5, 0.0, -0.0, 1e-310, 1.7976931348623157e308):
    h = v.hex()
    print(h, float.fromhex(h) == v)
print(float.fromhex('0x1.8p1'), float.fromhex('-0X10'), float.fromhex('inf'), float.fromhex(' 0x.8 '))
