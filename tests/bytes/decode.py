# bytes.decode with errors handlers
print(b'caf\xc3\xa9'.decode(), b'abc'.decode('ascii'), b'\xe9'.decode('latin-1'))
print(b'a\xffb'.decode('utf-8', 'ignore'), b'a\xffb'.decode('utf-8', 'replace'))
try:
    b'\xff'.decode()
except UnicodeDecodeError as e:
    print(type(e).__name__)
