# from x import y, from x import y as z
from _helper import value, greet as g, Thing
print(value, g('x'), Thing.__name__)
from _helper import _private
print(_private)
try:
    from _helper import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(' (')[0])
