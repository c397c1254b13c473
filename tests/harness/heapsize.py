# -X heapsize limits the heap: big allocations raise MemoryError with a small heap, not with a larger one.
from _util import run, check, finish, last_line

ALLOC = 'x = bytearray(200000)\nprint("allocated", len(x))'
status, out, err = run(['-X', 'heapsize=64K', '-c', ALLOC])
check('64K heap: MemoryError status', status, 1)
check('64K heap: last stderr line', last_line(err).split(':')[0], 'MemoryError')
check('1M heap: fits', run(['-X', 'heapsize=1M', '-c', ALLOC])[:2], (0, 'allocated 200000\n'))
check('-Xheapsize= form', run(['-Xheapsize=1M', '-c', ALLOC])[:2], (0, 'allocated 200000\n'))
CATCH = '''
try:
    l = []
    while len(l) < 100000:  # bounded: a big heap just finishes
        l.append([0] * 100)
    print('no MemoryError')
except MemoryError:
    l = None
    print("recovered")
print(sum(range(10)))
'''
check('32K heap: catch and recover', run(['-X', 'heapsize=32K', '-c', CATCH])[:2], (0, 'recovered\n45\n'))
if 'gc' in run(['-c', 'import gc; print(hasattr(gc, "mem_free") and "gc")'])[1]:
    MEM = 'import gc\ngc.collect()\na = gc.mem_free()\nb = bytearray(50000)\nprint(a <= 100 * 1024, a - gc.mem_free() >= 50000)'
    check('gc.mem_free() within the heap and shrinking on allocation',
          run(['-X', 'heapsize=100K', '-c', MEM])[:2], (0, 'True True\n'))
for bad in ('abc', '12Q', '-5', ''):
    status, out, err = run(['-X', 'heapsize=' + bad, '-c', 'print(1)'])
    check('-X heapsize=%s: usage error' % bad, (status, out, err.startswith('adder: invalid -X heapsize')),
          (2, '', True))
check('tiny heap is raised to a usable minimum', run(['-X', 'heapsize=1', '-c', 'print(1)'])[:2], (0, '1\n'))
finish()
