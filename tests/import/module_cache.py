# sys.modules caching: a module body runs once
import sys
import _helper
_helper.counter += 1
import _helper
print(_helper.counter, '_helper' in sys.modules, sys.modules['_helper'] is _helper)
del sys.modules['_helper']
import _helper as again
print(again is _helper, again.counter)
