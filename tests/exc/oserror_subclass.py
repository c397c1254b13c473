# OSError(errno, msg) builds the errno's subclass, like CPython (Linux errno values)
for code in (2, 17, 13, 1, 11, 32, 110, 21, 99999):
    e = OSError(code, 'msg')
    print(type(e).__name__, isinstance(e, OSError), e.errno, e)
print(type(OSError(2)).__name__, type(FileExistsError(2, 'x')).__name__)
try:
    raise OSError(2, 'gone')
except FileNotFoundError as e:
    print('caught', e)
