# import statement forms with built-in modules
import sys
import sys as system
from sys import argv, path as p
from sys import (
    modules,
    version,
)
print(system is sys, p is sys.path, type(modules).__name__, type(version).__name__)
def local_import():
    import gc
    from gc import collect as c
    return c is gc.collect
print(local_import())
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).split(' (')[0])
