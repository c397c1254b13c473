# nonlocal statement and closures that rebind
def outer():
    x = 0
    def inc():
        nonlocal x
        x += 1
        return x
    inc(); inc()
    return x, inc
v, inc = outer()
print(v, inc(), inc())
def a():
    n = 'a'
    def b():
        def c():
            nonlocal n
            n = 'c'
        c()
    b()
    return n
print(a())
def counter():
    count = 0
    def get():
        return count
    def bump():
        nonlocal count
        count += 10
    return get, bump
g, b = counter()
b(); b()
print(g())
