# sys attributes from the list: only facts that are comparable with CPython
import sys
print(type(sys.version).__name__, len(sys.version) > 0, type(sys.implementation.name).__name__)
print(type(sys.path).__name__, type(sys.modules).__name__, 'sys' in sys.modules, sys.modules['sys'] is sys)
print(type(sys.argv).__name__, callable(sys.exit), hasattr(sys.stdout, 'write'), hasattr(sys.stderr, 'write'))
