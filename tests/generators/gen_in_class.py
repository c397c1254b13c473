# generator methods and __iter__ implemented as a generator
class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t), 3 in t, sorted(t, reverse=True))
class Range2:
    def __init__(self, n):
        self.n = n
    def items(self):
        for i in range(self.n):
            yield i, i * i
print(dict(Range2(4).items()))
