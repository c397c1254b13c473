# importing a module from the script's directory
import _helper
print(_helper.value, _helper.greet('adder'), _helper.__name__, type(_helper).__name__)
import _helper as h2
print(h2 is _helper)
