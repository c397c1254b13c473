# generators chained into a pipeline
def numbers():
    n = 0
    while True:
        yield n
        n += 1
def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x
def take(n, xs):
    for i, x in enumerate(xs):
        if i >= n:
            return
        yield x
print(list(take(5, evens(numbers()))))
print(list(zip(take(3, numbers()), 'abc')))
print(list(map(lambda x: x * x, take(4, numbers()))))
