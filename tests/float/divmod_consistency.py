# divmod(a, b) == (a // b, a % b) and a == b*q + r approximately
import math
for a, b in ((7.5, 2), (-7.5, 2), (1e10, 3.3), (-0.1, 0.03)):
    q, r = divmod(a, b)
    print(q == a // b, r == a % b, math.isclose(b * q + r, a))
