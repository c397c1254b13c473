# helper: half of an import cycle
import _cycle_b
a_value = 'A'
def use_b():
    return _cycle_b.b_value
