# hashlib: sha256, sha1, md5 against CPython, across block boundaries and incremental updates
import hashlib

msgs = [b'', b'abc', b'a' * 55, b'a' * 56, b'a' * 63, b'a' * 64, b'a' * 65, b'a' * 119, b'a' * 120,
        b'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', bytes(range(256)) * 5]
for name in ('sha256', 'sha1', 'md5'):
    ctor = getattr(hashlib, name)
    for m in msgs:
        print(name, len(m), ctor(m).hexdigest())
    h = ctor()
    for i in range(0, len(msgs[-1]), 37):
        h.update(msgs[-1][i:i + 37])
    print('incremental', h.digest() == ctor(msgs[-1]).digest(), len(h.digest()), h.digest_size)

h = hashlib.sha256(b'hello')
d1 = h.digest()
h.update(b' world')     # digest() doesn't end the hash
print(d1.hex(), h.hexdigest())
c = h.copy()
c.update(b'!')
print(h.hexdigest(), c.hexdigest())
print(hashlib.sha1(bytearray(b'xyz')).hexdigest(), hashlib.md5(memoryview(b'xyz')).hexdigest())
big = hashlib.sha256()
chunk = b'0123456789' * 100
for _ in range(200):
    big.update(chunk)
print(big.hexdigest())
print(hashlib.md5().digest(), hashlib.sha1().digest_size, hashlib.md5().digest_size)
for bad in [lambda: hashlib.sha256('text'), lambda: hashlib.sha256().update(5),
            lambda: hashlib.md5(b'a', b'b')]:
    try:
        bad()
    except TypeError:
        print('TypeError')
