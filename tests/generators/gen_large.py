# many generators alive at once, and long-running generators
gens = [(i * j for j in range(3)) for i in range(200)]
print(sum(sum(g) for g in gens))
def long():
    for i in range(20000):
        yield i
print(sum(long()))
