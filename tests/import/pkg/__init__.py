# a package for import tests
print('pkg/__init__ running, __name__ =', __name__)
pkg_attr = 'from __init__'
