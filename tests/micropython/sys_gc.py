# sys and gc as MicroPython programs use them
import sys, gc

print(sys.implementation.name, type(sys.implementation.version).__name__, len(sys.implementation.version))
print(type(sys.implementation._machine).__name__)
print(type(sys.version).__name__, sys.version_info[0], sys.version_info >= (3, 4))
print(sys.byteorder in ('little', 'big'), sys.maxsize >= 2 ** 31 - 1, type(sys.platform).__name__)
print(type(sys.argv).__name__, type(sys.path).__name__, sys.modules['sys'] is sys)
print('gc' in sys.modules, type(sys.getsizeof([])).__name__, sys.getsizeof('x' * 1000) > sys.getsizeof('xy' * 2))
try:
    raise ValueError('boom')
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v)
print(sys.exc_info())
try:
    sys.exit(3)
except SystemExit as e:
    print('exit', e.args)
try:
    raise KeyError('k')
except KeyError as e:
    sys.print_exception(e)

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.collect() is not None or True)
a, f = gc.mem_alloc(), gc.mem_free()
print(type(a).__name__, type(f).__name__, a > 0, f > 0)
junk = [bytearray(1000) for i in range(20)]
print(gc.mem_alloc() >= a + 20000)
junk = None
gc.collect()
print(gc.mem_alloc() < a + 20000)
print(gc.threshold())
gc.threshold(4096)
print(gc.threshold())
gc.threshold(-1)
print(gc.threshold())
# the u-prefixed names MicroPython programs use
import ure, utime, re, time
print(ure.__name__, utime.__name__, ure.match('a', 'a').group())
