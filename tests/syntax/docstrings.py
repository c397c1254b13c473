"""module docstring"""
# docstrings on modules, functions and classes
def f():
    """function doc"""
    return 1
class C:
    """class doc"""
    def m(self):
        "method doc"
print(__doc__, f.__doc__, C.__doc__, C.m.__doc__, f())
def nodoc():
    x = 1
print(nodoc.__doc__)
