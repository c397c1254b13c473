# slices with steps and out-of-range bounds
s = 'abcdefghij'
print(s[::3], s[1::3], s[8:2:-2], s[-1:-11:-1], s[100:-100:-1], s[-100:100], s[::-3])
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
