# chr and ord
print(chr(65), chr(97), chr(0x263a), chr(0x1F600), ord('A'), ord('\n'), ord('€'), ord(b'a'))
print([chr(i) for i in range(0x30, 0x3a)], ''.join(map(chr, [72, 105])))
for c in ['\x00', '\x7f', '\x80', '\u07ff', '\u0800', '\uffff', '\U00010000', '\U0010ffff']:
    print(ord(c), len(c.encode('utf-8')))
for bad in [lambda: chr(0x110000), lambda: chr('a'), lambda: ord(''), lambda: ord(5)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
