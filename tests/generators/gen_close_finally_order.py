# gc-independent cleanup: explicit close() runs finally blocks in the right order
log = []
def inner():
    try:
        yield 1
        yield 2
    finally:
        log.append('inner')
def outer():
    try:
        yield from inner()
    finally:
        log.append('outer')
g = outer()
next(g)
g.close()
print(log)
