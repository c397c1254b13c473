# str() of a str subclass returns a plain str
class S(str):
    pass
s = S('x')
print(type(str(s)).__name__, type(s.upper()).__name__, type(s[0]).__name__, type(s + s).__name__)
