# __enter__/__exit__ receiving exception details
class CM:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        self.seen = (et.__name__ if et else None, str(ev) if ev else None, tb is not None)
        return et is ZeroDivisionError
with CM() as c:
    pass
print(c.seen)
with CM() as c:
    1 / 0
print(c.seen)
try:
    with CM() as c:
        raise ValueError('x')
except ValueError:
    print('propagated', c.seen)
class NoExit:
    def __enter__(self): pass
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__)
