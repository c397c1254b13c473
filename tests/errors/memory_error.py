# adder-args: -X heapsize=32K
# filling a small heap raises MemoryError, which can be caught; the program carries on
chunks = []
try:
    while True:
        chunks.append('x' * 1000 + str(len(chunks)))
except MemoryError:
    n = len(chunks)
    chunks = None
    print('MemoryError caught')
print(n > 5)
big = None
try:
    big = [0] * 100000
except MemoryError:
    print('MemoryError for a big list')
lst = [i for i in range(100)]
print(sum(lst))
