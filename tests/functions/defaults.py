# default arguments: evaluated once, mutable default shared
def f(a, b=2, c=3):
    return a, b, c
print(f(1), f(1, 5), f(1, c=9), f(a=0), f(1, 2, 3))
def append(x, lst=[]):
    lst.append(x)
    return lst
print(append(1), append(2), append(3, []))
n = 5
def g(x=n):
    return x
n = 6
print(g())
def h(a=None):
    if a is None:
        a = []
    return a
print(h() is h())
print(f.__defaults__, g.__defaults__, h.__name__)
