# adder-args: -X heapsize=32K
# filling a small heap raises MemoryError, which can be caught; the program carries on
chunks = []
try:
    while len(chunks) < 20000:  # bounded, so a big heap just finishes
        chunks.append('x' * 1000 + str(len(chunks)))
    print('no MemoryError')
except MemoryError:
    n = len(chunks)
    chunks = None
    print('MemoryError caught', n > 5)
big = None
try:
    big = [0] * 100000
except MemoryError:
    print('MemoryError for a big list')
lst = [i for i in range(100)]
print(sum(lst))
