# StopIteration semantics in for loops and next()
it = iter([])
print(next(it, 'dflt'))
class Stops:
    def __iter__(self): return self
    def __next__(self): raise StopIteration('done')
print(list(Stops()))
for x in Stops():
    print('never')
else:
    print('for else after StopIteration')
try:
    next(Stops())
except StopIteration as e:
    print(repr(e), e.value)
