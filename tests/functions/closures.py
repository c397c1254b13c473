# closures capture variables, not values
def make_adder(n):
    def add(x):
        return x + n
    return add
a5 = make_adder(5)
print(a5(1), make_adder(-1)(1))
def counter():
    c = [0]
    def inc():
        c[0] += 1
        return c[0]
    return inc
c = counter()
print(c(), c(), counter()())
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
def outer():
    x = 'outer'
    def mid():
        def inner():
            return x
        return inner
    x = 'changed'
    return mid()()
print(outer())
def cell_arg(x):
    def get():
        return x
    x = x * 2
    return get
print(cell_arg(4)())
print(a5.__closure__ is not None, (lambda: 0).__closure__)
