# json.loads is iterative: nesting beyond CPython's recursion limit (and beyond what a board's small
# C stack could recurse through) only costs heap.  CPython raises RecursionError here, hence .exp.
import json

deep = '[' * 1200 + ']' * 1200
x = json.loads(deep)
n = 0
while x:
    x = x[0]
    n += 1
print('depth', n + 1)
x = deep = None
deep_obj = '{"a":' * 400 + '1' + '}' * 400
x = json.loads(deep_obj)
n = 0
while isinstance(x, dict):
    x = x['a']
    n += 1
print('depth', n, x)
x = deep_obj = None
s = json.dumps(json.loads('[' * 100 + ']' * 100))
print(len(s))
try:
    json.loads('[' * 1500)
except ValueError as e:
    print('ValueError')
