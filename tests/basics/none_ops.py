# None and Ellipsis and NotImplemented basics
print(None, repr(None), type(None).__name__)
print(None is None, None == None, None != 0)
print(...)
print(Ellipsis is ..., repr(...))
print(NotImplemented)
x = None
if x is None:
    print('none')
print(bool(None), str(None))
try:
    None < 1
except TypeError as e:
    print(e)
