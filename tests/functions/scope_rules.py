# LEGB scope resolution
x = 'global'
def f():
    return x
def g():
    x = 'local'
    def h():
        return x
    return h()
def k():
    return len
len_orig = len
def shadow_builtin():
    len = lambda s: 'mine'
    return len('abc')
print(f(), g(), k() is len_orig, shadow_builtin(), len('abc'))
class C:
    x = 'class'
    def m(self):
        return x
print(C().m())
def unbound():
    print(x)
    x = 1
try:
    unbound()
except UnboundLocalError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print(e)
