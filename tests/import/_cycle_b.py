# helper: the other half of an import cycle
import _cycle_a
b_value = 'B'
