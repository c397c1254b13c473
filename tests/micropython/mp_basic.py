# micropython: const, opt_level, stack_use, the heap lock, alloc_emergency_exception_buf
import micropython
from micropython import const

X = const(123)
print(X, const('s'), micropython.const(1.5))
print(micropython.opt_level())
micropython.opt_level(1)
print(micropython.opt_level())
micropython.opt_level(0)
print(type(micropython.stack_use()).__name__, micropython.stack_use() > 0)

def deeper(n):
    return micropython.stack_use() if n == 0 else deeper(n - 1)
print(deeper(20) >= micropython.stack_use())

print(micropython.heap_locked())
micropython.heap_lock()
print(micropython.heap_locked())
try:
    x = [1, 2, 3] * 100
    print('allocated?!')
except MemoryError:
    got = 'MemoryError'
micropython.heap_lock()
print(micropython.heap_locked())
print(micropython.heap_unlock())
print(micropython.heap_unlock())
print(got)
print(micropython.heap_unlock(), micropython.heap_locked())
print([1, 2] * 2)

# arithmetic on small ints needs no heap, so it runs while locked (the globals exist already)
total = 0
i = 0
micropython.heap_lock()
while i < 100:
    total += i
    i += 1
micropython.heap_unlock()
print(total)

print(micropython.alloc_emergency_exception_buf(100))
print(micropython.kbd_intr(-1), micropython.kbd_intr(3))
