# adder-args: -X heapsize=32K
# MemoryError while growing a dict, then recovery once it is freed
d = {}
try:
    i = 0
    while True:
        d[i] = str(i) * 3
        i += 1
except MemoryError:
    print('MemoryError')
d = None
d = {k: k for k in range(50)}
print(len(d))
