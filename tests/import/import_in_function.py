# imports inside functions bind local names
def f():
    import _helper
    from _helper import value as v
    return _helper.value + v
print(f())
try:
    _helper
except NameError as e:
    print(e)
