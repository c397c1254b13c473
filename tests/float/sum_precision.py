# sum of floats and fsum
import math
print(sum([0.1] * 10), math.fsum([0.1] * 10))
