# UnicodeDecodeError/UnicodeEncodeError messages and attributes for single bytes and runs
for b in (b'ab\xffcd', b'\xe9\x80', b'a\xc3', b'\xed\xa0\x80'):
    try:
        b.decode()
    except UnicodeDecodeError as e:
        print(e.encoding, e.start, e.end, e.reason, e.object, e)
for s, enc in (('aé', 'ascii'), ('€', 'latin-1'), ('😀', 'ascii')):
    try:
        s.encode(enc)
    except UnicodeEncodeError as e:
        print(e.encoding, e.start, e.end, e.reason, e.object, e)
try:
    b'\xff'.decode('ascii')
except UnicodeDecodeError as e:
    print(e)
e = UnicodeDecodeError('utf-8', b'xyz', 0, 2, 'custom')
print(e, e.args)
