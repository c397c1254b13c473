# module objects: attributes, __dict__, setattr, dir
import _helper
print(_helper.__name__, 'value' in dir(_helper), 'greet' in _helper.__dict__)
_helper.new_attr = 'set from outside'
print(_helper.new_attr)
try:
    _helper.missing
except AttributeError as e:
    print(e)
print(repr(_helper).startswith("<module '_helper'"))
