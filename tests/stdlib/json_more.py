# json: number forms, whitespace, unicode round trips, option combinations
import json

for v in [1e16, 1e-7, -0.0, 0.1 + 0.2, 123456789.125, 2 ** 63, -2 ** 100, 5e-324, 1.7976931348623157e308]:
    s = json.dumps(v)
    print(s, json.loads(s) == v)
for t in ['-0', '-0.0', '0e0', '1E+2', '1e-2', '10', '[0,1,-1]', '123.456e-1', '1' * 30]:
    print(t, repr(json.loads(t)))
print(json.dumps({'a': [], 'b': {}, 'c': [{}], 'd': [[]]}, indent=2))
print(json.dumps([], indent=4), json.dumps({}, indent=4), json.dumps('x', indent=2), json.dumps([1], indent=-1))
print(json.dumps({'x': 1, 'y': [1, 2]}, indent=1, separators=(', ', ' = ')))
print(json.dumps({3: 'c', 1: 'a', 2: 'b'}, sort_keys=True), json.dumps({'b': 1, 'a': {'d': 1, 'c': 2}}, sort_keys=True, indent=1))
try:
    json.dumps({1: 1, 'a': 2}, sort_keys=True)
except TypeError:
    print('TypeError')
s = 'Zürich 東京 \U0001f600 \x00 \u2028'
enc = json.dumps(s)
print(enc, json.loads(enc) == s)
print(json.loads('"\\u00fc\\u6771"'), json.loads('["\\ud83d\\ude00", "\\u0041"]'), len(json.loads('"\\ud83d\\ude00"')))
print(json.loads('"tab\\there"'), json.loads(' \t\r\n{ "a" : [ 1 , 2 ] , "b" : null } \n'))
print(json.loads('{"a": {"a": {"a": {}}}}'), json.loads('[[[[]]], [[]], []]'))
print(json.loads('[1.0, 1.5e300, -2.5E-3]'))
obj = {'list': list(range(20)), 'nested': {'k%d' % i: [i, str(i), i * 0.5, i % 2 == 0, None] for i in range(10)}}
print(json.loads(json.dumps(obj)) == obj, json.loads(json.dumps(obj, indent=3)) == obj,
      json.loads(json.dumps(obj, separators=(',', ':'))) == obj)
print(len(json.dumps(obj)), len(json.dumps(obj, indent=3)), len(json.dumps(obj, separators=(',', ':'))))
