# print: sep, end, file, flush, no args
import sys
print()
print(1, 2, 3)
print(1, 2, 3, sep='')
print(1, 2, 3, sep=', ', end='.\n')
print('a', end='')
print('b', end='')
print()
print('to stdout', file=sys.stdout)
print('x', 'y', sep=None, end=None)
print(*[1, 2], sep='-', flush=True)
print('', 'empty-first')
print([], {}, (), '', sep='|')
try:
    print(sep=5)
except TypeError as e:
    print(e)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print('to', 'object', file=w, sep='_')
print(w.parts)
