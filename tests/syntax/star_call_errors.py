# errors of f(*x) / f(**x) name the callee as CPython does; f(*lst) passes a snapshot of lst
def f(*a, **k):
    return a, k
print(f(*[1, 2]), f(*(3,), x=1), f(*range(3)), f(x=2, *[5]), f(**{'a': 1}), f(*[], **{}))
print(f(*'ab'), f(*{1: 2}), f(*(i for i in range(2))))
l = [0, 5]
l.insert(*l)
print(l)
class A:
    def m(self, *a):
        return a
print(A().m(*[1, 2]))
for s in ["f(*5)", "f(1, *5)", "f(*5, 1)", "f(*[], *5)", "[*5]", "f(*5, **{})", "print(*5)",
          "f(x=1, *5)", "len(*5)", "int(*None)", "A().m(*5)", "f(**5)", "f(**[1])", "f(*[], **None)"]:
    try:
        eval(s)
    except TypeError as e:
        print(s, '->', str(e).replace('__main__.', ''))
