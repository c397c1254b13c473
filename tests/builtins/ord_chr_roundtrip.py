# chr/ord round-trip over a sample of code points in every UTF-8 length class
ok = True
for cp in list(range(0, 0x800, 7)) + list(range(0x800, 0x10000, 997)) + list(range(0x10000, 0x110000, 65521)):
    if 0xd800 <= cp <= 0xdfff:
        continue
    c = chr(cp)
    if ord(c) != cp or len(c) != 1 or c.encode().decode() != c:
        ok = False
        print('bad', cp)
print(ok)
