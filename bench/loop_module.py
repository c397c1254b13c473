# loop_module.py: tight loops at module level (global variable loads and stores).
# usage: loop_module.py [scale]
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
n = max(10, int(2000000 * scale))
total = 0
i = 0
while i < n:
    total += i % 7
    i += 1
for j in range(n):
    total ^= j
print("loop_module", n, total)
