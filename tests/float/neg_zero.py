# negative zero: repr, equality, copysign
import math
z = -0.0
print(z, repr(z), z == 0.0, math.copysign(1, z), 0.0 * -1, -(0.0), abs(z), str(-0.0 + 0.0))
