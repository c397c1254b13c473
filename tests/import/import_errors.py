# import failures
try:
    import no_such_module_abc
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import pkg.no_such_sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import _raises
except ValueError as e:
    print('body raised', e)
import sys
print('_raises' in sys.modules)
try:
    import _badsyntax
except SyntaxError as e:
    print('SyntaxError in module', e.lineno)
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)
