# a helper module for import tests (not a test itself)
print('_helper imported, __name__ =', __name__)
value = 42
def greet(name):
    return 'hello ' + name
_private = 'private'
class Thing:
    pass
counter = 0
