# float presentation types with precision
v = 31415.9265
for t in ['e', 'E', 'f', 'F', 'g', 'G', 'n', '%', '.2e', '.3g', '.10g', '.0%', '']:
    print(t, format(v, t))
try:
    format(1.5, 'd')
except ValueError as e:
    print(type(e).__name__, e)
