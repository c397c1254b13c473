# slicing with steps on every sequence type
seqs = [list(range(10)), tuple(range(10)), 'abcdefghij', b'abcdefghij', bytearray(b'0123456789'), range(10)]
for s in seqs:
    print(s[::2], s[1::3], s[::-1], s[8:1:-2], s[-2:-8:-3], s[5:5], s[100:0:-4])
