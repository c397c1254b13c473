# adder-args: -X heapsize=32K
# MemoryError while growing a dict, then recovery once it is freed
d = {}
try:
    i = 0
    while i < 200000:  # bounded, so a big heap just finishes
        d[i] = str(i) * 3
        i += 1
    print('no MemoryError')
except MemoryError:
    print('MemoryError')
d = None
d = {k: k for k in range(50)}
print(len(d))
