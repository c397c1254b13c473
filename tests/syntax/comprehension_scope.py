# comprehension scoping: own scope, but first iterable evaluated outside
x = 10
print([x for x in range(3)], x)
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
def f():
    y = 5
    return [y + i for i in range(3)], {i: y for i in range(2)}, list(y * i for i in range(2))
print(f())
funcs = [lambda: i for i in range(3)]
print([g() for g in funcs])
print([[j for j in range(i)] for i in range(4)])
