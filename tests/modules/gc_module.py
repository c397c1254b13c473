# gc: collect, enable/disable, mem_free/mem_alloc where available (CPython lacks them)
import gc
r = gc.collect()
print(type(r).__name__)
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
if hasattr(gc, 'mem_free'):
    before = gc.mem_alloc()
    junk = [list(range(10)) for _ in range(100)]
    grown = gc.mem_alloc() > before
    junk = None
    gc.collect()
    print(grown, gc.mem_free() > 0, isinstance(gc.mem_alloc(), int))
else:
    print(True, True, True)
