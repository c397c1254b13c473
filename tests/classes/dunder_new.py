# __new__ and __init__ interplay
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print('created')
        return cls._inst
    def __init__(self):
        print('init')
a = Singleton()
b = Singleton()
print(a is b)
class Other:
    def __new__(cls, v):
        return v * 2
print(Other(21))
class Pos:
    def __new__(cls, *a):
        o = object.__new__(cls)
        o.args = a
        return o
print(Pos(1, 2).args)
class UpperStr(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
print(UpperStr('abc'), type(UpperStr('x')).__name__, UpperStr('q') + 'r')
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print(e)
class NoArgs: pass
try:
    NoArgs(1)
except TypeError as e:
    print(e)
