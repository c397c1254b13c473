# json: dumps/loads against CPython (default ensure_ascii output), separators, indent, sort_keys,
# streams, deep nesting and errors
import json

vals = [None, True, False, 0, -12, 2 ** 70, 1.5, -0.25, 1e100, 3.0, '', 'abc', 'q"uo\\te',
        'tab\tnl\nbs\bff\fcr\r\x01\x1f\x7f', 'é€😀', [], {}, [1, [2, [3]]], (1, 2),
        {'a': 1, 'b': [True, None], 'c': {'d': 'e'}}, {1: 'int', 2.5: 'f', True: 't', None: 'n'},
        [float('inf'), float('-inf')]]
for v in vals:
    print(json.dumps(v))
print(json.dumps({'b': 1, 'a': [1, 2]}, separators=(',', ':')))
print(json.dumps([1, {'x': 2}], separators=(';', '=')))
print(json.dumps({'z': 1, 'a': {'y': [1, 2, {}], 'b': []}}, indent=2))
print(json.dumps([1, [2, 3]], indent=0))
print(json.dumps({'k': [1]}, indent='\t', separators=(',', ': ')))
print(json.dumps({'b': 1, 'a': 2, 'c': {'z': 0, 'y': 1}}, sort_keys=True))
print(json.dumps({'b': 1, 'a': 2}, sort_keys=True, indent=1))

class L(list):
    pass
class D(dict):
    pass
class S(str):
    pass
print(json.dumps([L([1, 2]), D(a=S('s'))]))

texts = ['null', 'true', ' false ', '0', '-0', '123', '-45', '12345678901234567890123', '1.5', '-0.5e3',
         '1E2', '2e-2', '0.1', '""', '"abc"', '"\\u00e9\\u20ac"', '"\\ud83d\\ude00"', '"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t"',
         '[]', '[ ]', '{}', '{ }', '[1, "two", 3.0, null, true, [false]]',
         '{"a": {"b": {"c": []}}, "d": [{}, {"e": 1}]}', ' \n\t[1,\r\n2] ', '{"k": 1, "k": 2}',
         '"é€"', 'NaN', 'Infinity', '-Infinity', '[-Infinity]']
for t in texts:
    r = json.loads(t)
    print(repr(t), repr(r) if not (isinstance(r, float) and r != r) else 'nan')
print(json.loads(b'{"x": [1, 2]}'), json.loads(bytearray(b'[3]')))
for v in vals[:-1]:
    assert json.loads(json.dumps(v)) == (list(v) if isinstance(v, tuple) else v) or isinstance(v, dict), v
print('round trip ok')

class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
class R:
    def read(self):
        return '{"from": "stream", "n": [1, 2, 3]}'
w = W()
json.dump({'a': [1, 2]}, w)
json.dump([1], w, separators=(',', ':'))
print(''.join(w.parts), json.load(R()))

bad = ['', ' ', 'nul', 'tru', '[1,]', '[1 2]', '{"a" 1}', '{"a": 1,}', '{1: 2}', '{"a": 1', '[', ']',
       '"abc', '"\\x"', '"\\u12"', '"\\uzzzz"', '01', '1.', '.5', '-', '+1', '1 2', '"a\nb"', '[1]]',
       "{'a': 1}", '{"a":1}x', '[1, [2, {"a": [3}]]']
for t in bad:
    try:
        json.loads(t)
        print('no error', repr(t))
    except ValueError as e:
        print('ValueError', repr(t))
for t in ['', '[1,]', '{"a" 1}', '"abc', '1 2', '[\n1\n2]']:
    try:
        json.loads(t)
    except ValueError as e:
        print(e)
for o in [{1, 2}, b'bytes', object(), {(1, 2): 3}, [1, {2: print}]]:
    try:
        json.dumps(o)
    except TypeError as e:
        print('TypeError')
try:
    json.loads(5)
except TypeError:
    print('TypeError')
