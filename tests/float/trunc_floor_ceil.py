# math.trunc/floor/ceil and int() on floats
import math
for v in (1.5, -1.5, 2.0, -0.0, 1e20):
    print(math.floor(v), math.ceil(v), math.trunc(v), int(v))
