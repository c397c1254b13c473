# global and nonlocal inside class bodies and nested functions
g = 'module'
class C:
    global g
    g = 'changed by class body'
print(g)
def outer():
    v = 'outer'
    class D:
        nonlocal v
        v = 'changed by nested class'
    return v
print(outer())
