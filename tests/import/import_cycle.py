# circular imports work when names are used after loading
import _cycle_a
print(_cycle_a.a_value, _cycle_a.use_b(), _cycle_a._cycle_b._cycle_a is _cycle_a)
