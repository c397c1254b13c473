# iter(callable, sentinel)
n = [0]
def f():
    n[0] += 1
    return n[0]
print(list(iter(f, 4)))
