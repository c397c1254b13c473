# a module's functions keep seeing the module's globals
import _helper
_helper.value = 'changed'
from _helper import greet
print(greet('x'), _helper.value)
import _helper as again
print(again.value)
